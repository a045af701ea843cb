"""Everything that differs between SQLite and PostgreSQL: connection set-up, write locking,
triggers and parameter style. The rest of `events` is dialect-free.

SQLite: one writer at a time. Every write transaction starts with `BEGIN IMMEDIATE`, so two
writers queue on the busy timeout instead of failing with "database is locked" when a deferred
transaction tries to upgrade its lock. WAL lets readers go on while a writer works.

PostgreSQL: appends lock the one `log_head` row (`SELECT … FOR UPDATE`); the lock is held until
commit, so positions are handed out in commit order and the hash chain stays linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from sqlalchemy import Connection, Engine, event, text

from events.schema import EVENT_COLUMNS

_WRITE_OPTION = "osint_write"
NOTIFY_CHANNEL = "osint_events"
BUSY_TIMEOUT_SECONDS = 60.0
# Any fixed number: the advisory lock that serialises schema creation and upgrades.
_SCHEMA_LOCK_KEY = 7_316_449_021


class Dialect(Protocol):
    name: str
    insert_events_sql: str

    def configure(self, engine: Engine) -> None: ...

    def write(self, engine: Engine) -> Iterator[Connection]: ...

    def lock_schema(self, conn: Connection) -> None: ...

    def lock_head(self, conn: Connection) -> tuple[int, str]: ...

    def install_triggers(self, conn: Connection) -> None: ...


def _insert_sql(placeholder: str) -> str:
    columns = ", ".join(EVENT_COLUMNS)
    marks = ", ".join([placeholder] * len(EVENT_COLUMNS))
    return f"INSERT INTO events ({columns}) VALUES ({marks})"


_HEAD_SQL = "SELECT position, hash FROM log_head WHERE id = 1"


class SQLiteDialect:
    name = "sqlite"
    insert_events_sql = _insert_sql("?")

    def configure(self, engine: Engine) -> None:
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            # We issue BEGIN ourselves (pysqlite's implicit transactions cannot do IMMEDIATE).
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            mode = "IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

    @contextmanager
    def write(self, engine: Engine) -> Iterator[Connection]:
        with engine.connect().execution_options(**{_WRITE_OPTION: True}) as conn, conn.begin():
            yield conn

    def lock_schema(self, conn: Connection) -> None:
        """BEGIN IMMEDIATE already holds the database's write lock."""

    def lock_head(self, conn: Connection) -> tuple[int, str]:
        position, hash_ = conn.exec_driver_sql(_HEAD_SQL).one()
        return int(position), str(hash_)

    def install_triggers(self, conn: Connection) -> None:
        for verb in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS events_refuse_{verb.lower()} "
                f"BEFORE {verb} ON events BEGIN "
                f"SELECT RAISE(ABORT, 'events are immutable: {verb} refused'); END"
            )
        conn.exec_driver_sql(
            "CREATE TRIGGER IF NOT EXISTS log_head_refuse_delete BEFORE DELETE ON log_head "
            "BEGIN SELECT RAISE(ABORT, 'log_head cannot be deleted'); END"
        )


class PostgresDialect:
    name = "postgresql"
    insert_events_sql = _insert_sql("%s")

    def configure(self, engine: Engine) -> None:
        """Nothing to set: READ COMMITTED and row locks give the order we need."""

    @contextmanager
    def write(self, engine: Engine) -> Iterator[Connection]:
        with engine.begin() as conn:
            yield conn

    def lock_schema(self, conn: Connection) -> None:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK_KEY})

    def lock_head(self, conn: Connection) -> tuple[int, str]:
        position, hash_ = conn.exec_driver_sql(_HEAD_SQL + " FOR UPDATE").one()
        return int(position), str(hash_)

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


def dialect_for(engine: Engine) -> Dialect:
    if engine.dialect.name == "sqlite":
        return SQLiteDialect()
    if engine.dialect.name == "postgresql":
        return PostgresDialect()
    raise ValueError(f"unsupported database {engine.dialect.name!r}: use sqlite or postgresql")
