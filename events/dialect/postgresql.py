"""PostgreSQL: row and advisory locks held to commit, `SKIP LOCKED` claims, LISTEN/NOTIFY."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    URL,
    ColumnElement,
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    select,
    text,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql import insert as pg_insert

from events.dialect import common
from events.dialect.common import SCHEMA_LOCK_KEY, insert_events_sql, release

NOTIFY_CHANNEL = "osint_events"
# A pooled connection given back less than this long ago is handed out again without a ping.
PING_AFTER_IDLE_SECONDS = 5.0


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled connection before handing it out only when it has been idle a while.

    A connection that sat in the pool may have been ended by a server restart or an idle
    timeout, and a ping replaces it before anyone uses it (`pool_pre_ping`, which pings at
    every checkout). A scheduler checks a connection out three or four times per poll, each a
    few milliseconds after the last checkin, and those pings were a round trip each on both
    sides of the socket. A connection that fails in use anyway (the server went away within
    the last seconds) is an error like any other and makes the pool replace all it holds."""

    @event.listens_for(engine, "checkin")
    def _given_back(_dbapi: Any, record: Any) -> None:
        record.info["checked_in"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _taken(dbapi: Any, record: Any, _proxy: Any) -> None:
        last = record.info.get("checked_in")
        if last is not None and time.monotonic() - last < PING_AFTER_IDLE_SECONDS:
            return
        try:
            alive = engine.dialect.do_ping(dbapi)
        except engine.dialect.loaded_dbapi.Error:
            alive = False
        if not alive:
            # The pool discards this connection and checks out another (up to three times).
            raise sa_exc.DisconnectionError("the pooled connection did not answer a ping")


class PostgresDialect:
    name = "postgresql"
    concurrent_writers = True
    insert_events_sql = insert_events_sql("%s")
    param = "%s"
    guesses_head = False

    @staticmethod
    def make_engine(url: URL, create: bool) -> Engine:
        """The server says whether the database exists, when we first connect."""
        engine = create_engine(url)
        _ping_when_idle(engine)
        return engine

    def configure(self, engine: Engine) -> None:
        """Nothing to set: READ COMMITTED and row locks give the order we need."""

    # -- generic -----------------------------------------------------------------------------

    @contextmanager
    def write(self, engine: Engine) -> Iterator[Connection]:
        with engine.begin() as conn:
            yield conn

    def lock(self, conn: Connection, name: str) -> None:
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:n))"), {"n": name})

    def lock_schema(self, conn: Connection) -> None:
        # A fixed key, the one every earlier version took, so old and new openers queue alike.
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK_KEY})

    def upsert(
        self,
        conn: Connection,
        table: Table,
        rows: Sequence[Mapping[str, Any]],
        key: Sequence[str],
        update: Sequence[str] | None,
    ) -> None:
        common.upsert(pg_insert, conn, table, rows, key, update)

    def claim(
        self,
        conn: Connection,
        table: Table,
        key: str,
        where: ColumnElement[bool],
        order_by: Sequence[Any],
        limit: int,
        values: Mapping[str, Any],
    ) -> list[Any]:
        """One statement: rows another transaction holds are skipped, never waited for."""
        column = table.c[key]
        free = (
            select(column)
            .where(where)
            .order_by(*order_by)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        statement = update(table).where(column.in_(free)).values(**values).returning(column)
        return list(conn.execute(statement).scalars())

    def role(self, conn: Connection) -> str | None:
        return str(conn.execute(text("SELECT current_user")).scalar_one())

    def listener(self, engine: Engine) -> _Listener:
        return _Listener(engine)

    # -- the log -----------------------------------------------------------------------------

    @contextmanager
    def raw_write(self, engine: Engine) -> Iterator[Any]:
        """A driver cursor in a transaction (psycopg begins implicitly); commits on success."""
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            yield cursor
            raw.commit()
        finally:
            release(raw)

    def release(self) -> None:
        """Nothing held: PostgreSQL appends check a connection out of the pool each time, so
        the ping of a connection that sat idle (`_ping_when_idle`) replaces one lost after a
        server restart."""

    def lock_log(self, cursor: Any) -> None:
        """The lock alone: under READ COMMITTED a statement that waited for it still reads
        the snapshot it started with, so the head is read by the next statement."""
        cursor.execute("SELECT id FROM log_head WHERE id = 1 FOR UPDATE")

    def in_list(self, column: str, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]:
        """One array parameter: the statement text (and its server-side plan) never varies."""
        return f"{column} = ANY(%s)", (list(values),)

    def refuse_changes(self, conn: Connection, table: str) -> None:
        """Triggers that refuse UPDATE, DELETE and TRUNCATE on `table` (append-only evidence)."""
        conn.exec_driver_sql(
            """
            CREATE OR REPLACE FUNCTION osint_refuse_evidence_change() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION '%% is append-only: %% refused', TG_TABLE_NAME, TG_OP;
            END
            $$ LANGUAGE plpgsql
            """
        )
        for verb, each in (("UPDATE", "ROW"), ("DELETE", "ROW"), ("TRUNCATE", "STATEMENT")):
            name = f"{table}_refuse_{verb.lower()}"
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {name} BEFORE {verb} ON {table} FOR EACH {each}"
                " EXECUTE FUNCTION osint_refuse_evidence_change()"
            )

    def allow_changes(self, conn: Connection, table: str) -> None:
        for verb in ("update", "delete", "truncate"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_refuse_{verb} ON {table}")

    def install_triggers(self, conn: Connection) -> None:
        conn.exec_driver_sql(
            """
            CREATE OR REPLACE FUNCTION osint_refuse_change() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'events are immutable: %% refused', TG_OP;
            END
            $$ LANGUAGE plpgsql
            """
        )
        for name, when in (
            ("events_refuse_update", "BEFORE UPDATE ON events FOR EACH ROW"),
            ("events_refuse_delete", "BEFORE DELETE ON events FOR EACH ROW"),
            ("events_refuse_truncate", "BEFORE TRUNCATE ON events FOR EACH STATEMENT"),
            ("log_head_refuse_delete", "BEFORE DELETE ON log_head FOR EACH ROW"),
        ):
            table = "log_head" if name.startswith("log_head") else "events"
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {name} {when} EXECUTE FUNCTION osint_refuse_change()"
            )
        # Followers LISTEN on this channel instead of polling (see events/follow.py).
        conn.exec_driver_sql(
            f"""
            CREATE OR REPLACE FUNCTION osint_notify_append() RETURNS trigger AS $$
            BEGIN
                PERFORM pg_notify('{NOTIFY_CHANNEL}', '');
                RETURN NULL;
            END
            $$ LANGUAGE plpgsql
            """
        )
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS events_notify_append ON events")
        conn.exec_driver_sql(
            "CREATE TRIGGER events_notify_append AFTER INSERT ON events"
            " FOR EACH STATEMENT EXECUTE FUNCTION osint_notify_append()"
        )


class _Listener:
    """A dedicated autocommit connection that LISTENs on the log's channel."""

    def __init__(self, engine: Engine) -> None:
        import psycopg

        url = engine.url.set(drivername="postgresql")
        self._conn = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
        self._conn.execute(f"LISTEN {NOTIFY_CHANNEL}")

    def wait(self, timeout: float) -> None:
        # gen.close() drains without blocking; stop_after=1 returns at the first notification.
        for _ in self._conn.notifies(timeout=timeout, stop_after=1):
            pass

    def close(self) -> None:
        self._conn.close()
