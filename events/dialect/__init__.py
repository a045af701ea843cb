"""What differs between SQLite and PostgreSQL, behind one protocol: one module per backend.

Every package's dialect-specific SQL lives in modules like these, beside that package's tables;
nothing else tests which database it runs on. The generic operations (`Dialect`) serve every
package through `events.db.Database`; the log's own (`LogDialect`: triggers, the head lock, the
driver-level append) serve only `events.store`.

SQLite: one writer at a time. Every write transaction starts with `BEGIN IMMEDIATE`, so two
writers queue on the busy timeout instead of failing with "database is locked" when a deferred
transaction tries to upgrade its lock. WAL lets readers go on while a writer works. Named locks
need nothing: a write transaction already holds the database's only write lock.

PostgreSQL: appends lock the one `log_head` row (`SELECT … FOR UPDATE`); the lock is held until
commit, so positions are handed out in commit order and the hash chain stays linear. The head
itself is read after the lock, by a statement of its own, from the tree's last row. Named locks
are transaction-scoped advisory locks; claims use `FOR UPDATE SKIP LOCKED`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import URL, ColumnElement, Connection, Engine, Table


class Listener(Protocol):
    """Wakes a follower when another process commits to the log."""

    def wait(self, timeout: float) -> None:
        """Return when a notification arrives or `timeout` seconds pass."""
        ...

    def close(self) -> None: ...


class Dialect(Protocol):
    """The generic operations every package uses through `events.db.Database`."""

    name: str
    # False where only one process may write at a time (SQLite): work that several processes
    # share elsewhere (scheduling) must then run in one.
    concurrent_writers: bool

    @staticmethod
    def make_engine(url: URL, create: bool) -> Engine:
        """An engine for `url`; with `create=False`, `StoreUnavailable` if there is no
        database there yet (where the backend can tell)."""
        ...

    def configure(self, engine: Engine) -> None: ...

    def write(self, engine: Engine) -> Iterator[Connection]:
        """A write transaction that waits for other writers (a context manager)."""
        ...

    def lock(self, conn: Connection, name: str) -> None:
        """Hold the lock called `name` until the transaction ends."""
        ...

    def lock_schema(self, conn: Connection) -> None: ...

    def upsert(
        self,
        conn: Connection,
        table: Table,
        rows: Sequence[Mapping[str, Any]],
        key: Sequence[str],
        update: Sequence[str] | None,
    ) -> None:
        """Insert `rows`; where `key` already exists, set the `update` columns (None: keep the
        stored row)."""
        ...

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
        """Set `values` on up to `limit` rows matching `where` that no other transaction is
        claiming, in `order_by` order; return their keys."""
        ...

    def listener(self, engine: Engine) -> Listener | None:
        """Notifications of appends, where the database has them."""
        ...

    def role(self, conn: Connection) -> str | None:
        """The database role this connection acts as, where the database has roles."""
        ...


class LogDialect(Dialect, Protocol):
    """The log's own needs: triggers, the head lock and the driver-level append path."""

    insert_events_sql: str
    param: str
    # True where an append may start from the head its own store last committed instead of
    # reading it (SQLite: a stale head, left by another process's append, collides with that
    # append's rows on the position keys, and the store retries reading it). False where
    # concurrent appenders are the normal case, so a stale head would usually cost a retry.
    guesses_head: bool

    def install_triggers(self, conn: Connection) -> None: ...

    def refuse_changes(self, conn: Connection, table: str) -> None:
        """Triggers that refuse UPDATE and DELETE on an append-only table of `events`."""
        ...

    def allow_changes(self, conn: Connection, table: str) -> None:
        """Drop `refuse_changes`'s triggers, for a schema step that fills a new column; the
        step installs them again in the same transaction."""
        ...

    def raw_write(self, engine: Engine) -> Iterator[Any]:
        """A driver cursor inside a write transaction (a context manager)."""
        ...

    def release(self) -> None: ...

    def lock_log(self, cursor: Any) -> None:
        """Hold the append lock until the transaction ends."""
        ...

    def in_list(self, column: str, values: Sequence[str]) -> tuple[str, tuple[Any, ...]]: ...


SUPPORTED = ("sqlite", "postgresql")


def dialect_class(backend: str) -> type[LogDialect]:
    """The dialect class of a backend name (`sqlite`, `postgresql`); `ValueError` otherwise."""
    from events.dialect import postgresql, sqlite

    known: dict[str, type[LogDialect]] = {
        "sqlite": sqlite.SQLiteDialect,
        "postgresql": postgresql.PostgresDialect,
    }
    if backend not in known:
        raise ValueError(f"unsupported database {backend!r}: use sqlite or postgresql")
    return known[backend]


def dialect_for(engine: Engine) -> LogDialect:
    """The dialect of `engine`'s database; `ValueError` for one we do not support."""
    return dialect_class(engine.dialect.name)()
