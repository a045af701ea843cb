"""Everything that differs between SQLite and PostgreSQL: connection set-up, write locking,
triggers and parameter style. The rest of `events` is dialect-free.

SQLite: one writer at a time. Every write transaction starts with `BEGIN IMMEDIATE`, so two
writers queue on the busy timeout instead of failing with "database is locked" when a deferred
transaction tries to upgrade its lock. WAL lets readers go on while a writer works.

PostgreSQL: appends lock the one `log_head` row (`SELECT … FOR UPDATE`); the lock is held until
commit, so positions are handed out in commit order and the hash chain stays linear.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

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
    update_head_sql: str
    param: str

    def configure(self, engine: Engine) -> None: ...

    def write(self, engine: Engine) -> Iterator[Connection]: ...

    def lock_schema(self, conn: Connection) -> None: ...

    def lock_head(self, conn: Connection) -> tuple[int, str]: ...

    def install_triggers(self, conn: Connection) -> None: ...

    def raw_write(self, engine: Engine) -> Iterator[Any]: ...

    def release(self) -> None: ...

    def lock_head_raw(self, cursor: Any) -> tuple[int, str]: ...

    def in_list(self, column: str, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]: ...


def _insert_sql(placeholder: str) -> str:
    columns = ", ".join(EVENT_COLUMNS)
    marks = ", ".join([placeholder] * len(EVENT_COLUMNS))
    return f"INSERT INTO events ({columns}) VALUES ({marks})"


_HEAD_SQL = "SELECT position, hash FROM log_head WHERE id = 1"


def _update_head_sql(placeholder: str) -> str:
    return f"UPDATE log_head SET position = {placeholder}, hash = {placeholder} WHERE id = 1"


def _release(raw: Any) -> None:
    """Return a pooled connection; if the transaction is still open, roll it back first.

    A connection that cannot even roll back (the server ended it) is discarded instead: its
    error would hide the one that ended the append, and the pool's own reset would log it
    with a traceback.
    """
    try:
        raw.rollback()
    except Exception:
        raw.invalidate()
    finally:
        raw.close()


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

    # The append hot path runs on the driver's own cursor: SQLAlchemy's per-statement overhead
    # was half the cost of an append (profile in bench/README.md). Same locking as `write`.
    param = "?"
    update_head_sql = _update_head_sql("?")

    def __init__(self) -> None:
        # Appends reuse one pooled connection (a pool checkout and reset cost a sixth of a
        # one-event append). SQLite admits one writer at a time anyway, so the lock that guards
        # it costs this process no concurrency.
        self._held: Any = None
        self._held_lock = threading.Lock()

    @contextmanager
    def raw_write(self, engine: Engine) -> Iterator[Any]:
        """A driver cursor inside `BEGIN IMMEDIATE`; commits on success, rolls back on error."""
        with self._held_lock:
            if self._held is None:
                self._held = engine.raw_connection()
            raw = self._held
            cursor = raw.cursor()
            try:
                cursor.execute("BEGIN IMMEDIATE")
                yield cursor
                cursor.execute("COMMIT")
            except BaseException:
                raw.rollback()
                raise
            finally:
                cursor.close()

    def release(self) -> None:
        """Give the held append connection back to the pool."""
        with self._held_lock:
            if self._held is not None:
                self._held.close()
                self._held = None

    def lock_head_raw(self, cursor: Any) -> tuple[int, str]:
        """BEGIN IMMEDIATE already holds the write lock: just read the head."""
        cursor.execute(_HEAD_SQL)
        position, hash_ = cursor.fetchone()
        return int(position), str(hash_)

    def in_list(self, column: str, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]:
        return f"{column} IN ({', '.join('?' * len(values))})", tuple(values)

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

    param = "%s"
    update_head_sql = _update_head_sql("%s")

    @contextmanager
    def raw_write(self, engine: Engine) -> Iterator[Any]:
        """A driver cursor in a transaction (psycopg begins implicitly); commits on success."""
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            yield cursor
            raw.commit()
        finally:
            _release(raw)

    def release(self) -> None:
        """Nothing held: PostgreSQL appends check a connection out of the pool each time, so
        the pool's pre-ping replaces one lost after a server restart."""

    def lock_head_raw(self, cursor: Any) -> tuple[int, str]:
        cursor.execute(_HEAD_SQL + " FOR UPDATE")
        position, hash_ = cursor.fetchone()
        return int(position), str(hash_)

    def in_list(self, column: str, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]:
        """One array parameter: the statement text (and its server-side plan) never varies."""
        return f"{column} = ANY(%s)", (list(values),)

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
