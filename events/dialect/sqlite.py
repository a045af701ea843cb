"""SQLite: one writer at a time (`BEGIN IMMEDIATE`), WAL for readers beside it."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
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
    update,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from events.dialect import common
from events.dialect.common import BUSY_TIMEOUT_SECONDS, insert_events_sql
from events.errors import StoreUnavailable

_WRITE_OPTION = "osint_write"
# The append connection's own settings (bench/README.md, "Flat append"). Event ids and stream
# ids are random keys, so every batch dirties pages all over both unique indexes: with the
# default 2 MB cache those pages are read back from the file on every batch once the indexes
# outgrow it, and with the default checkpoint every 1,000 WAL pages (4 MB, a few batches at a
# million events) the same pages are copied into the database file again and again. A cache
# that holds the indexes (it grows only as pages are touched) and a checkpoint every 64 MB
# kept the per-event cost at 400,000 events within 1.3x of a fresh log (3.1x with defaults).
# Every connection checkpoints every 64 MB of WAL too: a catch-up of the views dirties pages
# all over their indexes the same way, and at 100,000 events the default checkpoint wrote
# 266 MB into the database file per 1,000 events projected, 35 MB with this (bench/README.md).
CHECKPOINT_PRAGMA = "PRAGMA wal_autocheckpoint = 16384"
APPEND_PRAGMAS = ("PRAGMA cache_size = -131072", CHECKPOINT_PRAGMA)
# Prepared statements the driver keeps per connection (its default is 128). Every length of an
# `IN (...)` list is a statement of its own, and those of hundreds of parameters are large:
# in a replay of 27,000 events the default cache grew SQLite's heap to 40 MB and kept growing
# with the log as new lengths came up; 32 held it at 8 MB, at the same CPU (bench/README.md).
CACHED_STATEMENTS = 32


class SQLiteDialect:
    name = "sqlite"
    concurrent_writers = False
    insert_events_sql = insert_events_sql("?")
    param = "?"
    guesses_head = True

    def __init__(self) -> None:
        # Appends reuse one pooled connection (a pool checkout and reset cost a sixth of a
        # one-event append). SQLite admits one writer at a time anyway, so the lock that guards
        # it costs this process no concurrency.
        self._held: Any = None
        self._held_cursor: Any = None
        self._held_lock = threading.Lock()

    @staticmethod
    def make_engine(url: URL, create: bool) -> Engine:
        path = url.database
        if not create and path and path != ":memory:" and not Path(path).exists():
            raise StoreUnavailable(
                f"no log at {path}: nothing has been ingested there yet"
                " (osint ingest PATH creates it; or give --db URL)"
            )
        return create_engine(url, connect_args={"cached_statements": CACHED_STATEMENTS})

    def configure(self, engine: Engine) -> None:
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            # We issue BEGIN ourselves (pysqlite's implicit transactions cannot do IMMEDIATE).
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute(CHECKPOINT_PRAGMA)
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            mode = "IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

    # -- generic -----------------------------------------------------------------------------

    @contextmanager
    def write(self, engine: Engine) -> Iterator[Connection]:
        with engine.connect().execution_options(**{_WRITE_OPTION: True}) as conn, conn.begin():
            yield conn

    def lock(self, conn: Connection, name: str) -> None:
        """BEGIN IMMEDIATE already holds the database's only write lock."""

    def lock_schema(self, conn: Connection) -> None:
        """BEGIN IMMEDIATE already holds the database's only write lock."""

    def upsert(
        self,
        conn: Connection,
        table: Table,
        rows: Sequence[Mapping[str, Any]],
        key: Sequence[str],
        update: Sequence[str] | None,
    ) -> None:
        common.upsert(sqlite_insert, conn, table, rows, key, update)

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
        """Select, then update, inside the write transaction that already excludes everyone."""
        column = table.c[key]
        keys = list(
            conn.execute(select(column).where(where).order_by(*order_by).limit(limit)).scalars()
        )
        if keys:
            conn.execute(update(table).where(column.in_(keys)).values(**values))
        return keys

    def role(self, conn: Connection) -> None:
        """A SQLite file has no roles: whoever can write the file writes."""
        return None

    def listener(self, engine: Engine) -> None:
        """SQLite has no notifications: followers back off instead."""
        return None

    # -- the log -----------------------------------------------------------------------------

    @contextmanager
    def raw_write(self, engine: Engine) -> Iterator[Any]:
        """A driver cursor inside `BEGIN IMMEDIATE`; commits on success, rolls back on error.

        The append hot path runs on the driver's own cursor: SQLAlchemy's per-statement overhead
        was half the cost of an append (profile in bench/README.md)."""
        with self._held_lock:
            if self._held is None:
                self._held = engine.raw_connection()
                setup = self._held.cursor()
                for pragma in APPEND_PRAGMAS:
                    setup.execute(pragma)
                setup.close()
                self._held_cursor = self._held.cursor()
            raw = self._held
            cursor = self._held_cursor
            try:
                cursor.execute("BEGIN IMMEDIATE")
                yield cursor
                cursor.execute("COMMIT")
            except BaseException:
                raw.rollback()
                raise

    def release(self) -> None:
        """Give the held append connection back to the pool."""
        with self._held_lock:
            if self._held is not None:
                self._held_cursor.close()
                self._held.close()
                self._held = self._held_cursor = None

    def lock_log(self, cursor: Any) -> None:
        """BEGIN IMMEDIATE already holds the database's only write lock."""

    def in_list(self, column: str, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]:
        return f"{column} IN ({', '.join('?' * len(values))})", tuple(values)

    def refuse_changes(self, conn: Connection, table: str) -> None:
        """Triggers that refuse UPDATE and DELETE on `table` (an append-only evidence table)."""
        for verb in ("UPDATE", "DELETE"):
            conn.exec_driver_sql(
                f"CREATE TRIGGER IF NOT EXISTS {table}_refuse_{verb.lower()} "
                f"BEFORE {verb} ON {table} BEGIN "
                f"SELECT RAISE(ABORT, '{table} is append-only: {verb} refused'); END"
            )

    def allow_changes(self, conn: Connection, table: str) -> None:
        for verb in ("update", "delete"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_refuse_{verb}")

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
