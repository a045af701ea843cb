"""The database layer every package uses: transactions, named locks, upserts and claims.

One `Database` per process and URL. It hides which backend it runs on: callers ask for what
they need (a write transaction that waits for other writers, a lock held to commit, "insert or
update", "claim up to N free rows") and `events.dialect` says how each backend does it. A
package whose own SQL must differ between backends keeps it in per-dialect modules beside its
tables and picks one with `Database.pick`, never by testing the backend's name.

Driver errors never leave this module: they become `StoreUnavailable`, naming the database
(without its password) and the driver's first line.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Connection, Engine, Table
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from events.dialect import SUPPORTED, Listener, LogDialect, dialect_class, dialect_for
from events.errors import StoreUnavailable

T = TypeVar("T")

# Schemes people type that SQLAlchemy does not take as they are: the driver we install.
_ALIASES = {"postgres": "postgresql+psycopg", "postgresql": "postgresql+psycopg"}


def database_url(url: str) -> URL:
    """`url` parsed, with the PostgreSQL driver we install when it names none; `StoreUnavailable`
    says what a valid URL looks like otherwise."""
    text = url.strip()
    scheme, sep, rest = text.partition("://")
    if sep and scheme.lower() in _ALIASES:
        text = f"{_ALIASES[scheme.lower()]}://{rest}"
    try:
        parsed = make_url(text)
    except sa_exc.ArgumentError:
        hint = ""
        if "://" not in text:
            hint = f" (for a SQLite file write sqlite:///{text})"
        raise StoreUnavailable(
            f"database URL {url!r} is not a database URL{hint}; use sqlite:///FILE or"
            " postgresql://USER@HOST/DB"
        ) from None
    if parsed.get_backend_name() not in SUPPORTED:
        raise StoreUnavailable(
            f"database URL {url!r}: unsupported backend {parsed.get_backend_name()!r}"
            " (use sqlite:///FILE or postgresql://USER@HOST/DB)"
        )
    return parsed


class Database:
    """An opened database: the engine, its dialect, and the operations packages share."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # For `events` itself (the log's append path); other packages use the methods below.
        self.dialect: LogDialect = dialect_for(engine)
        self.dialect.configure(engine)

    @classmethod
    def open(cls, url: str, *, create: bool = True) -> Database:
        """Open `url`. With `create=False` a SQLite file that does not exist is an error
        instead of a new empty database (for commands that only read)."""
        parsed = database_url(url)
        try:
            engine = dialect_class(parsed.get_backend_name()).make_engine(parsed, create)
        except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError) as exc:
            raise StoreUnavailable(f"database URL {url!r}: {exc}") from None
        return cls(engine)

    def close(self) -> None:
        self.dialect.release()
        self.engine.dispose()

    # -- what it is ----------------------------------------------------------------------------

    @property
    def backend(self) -> str:
        """`sqlite` or `postgresql`, for messages and for `pick`."""
        return self.dialect.name

    @property
    def where(self) -> str:
        """The URL without its password, for messages."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def concurrent_writers(self) -> bool:
        """Whether several processes may write at once (PostgreSQL) or only one (SQLite)."""
        return self.dialect.concurrent_writers

    def pick(self, choices: Mapping[str, T]) -> T:
        """The entry of `choices` for this backend: how a package chooses its own per-dialect
        module (`{"sqlite": sqlite_sql, "postgresql": postgresql_sql}`)."""
        return choices[self.backend]

    # -- transactions ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction: waits for other writers, commits on success, rolls back on
        error."""
        with self.translated(), self.dialect.write(self.engine) as conn:
            yield conn

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reading (each statement sees what was committed before it)."""
        with self.translated(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def translated(self) -> Iterator[None]:
        """Driver errors inside become `StoreUnavailable`."""
        try:
            yield
        except sa_exc.DBAPIError as exc:
            raise StoreUnavailable(self.describe(exc)) from exc

    def lock(self, conn: Connection, name: str) -> None:
        """Hold the lock `name` until `conn`'s transaction ends (for work that must not run
        twice at once across processes, such as switching a view's generation)."""
        self.dialect.lock(conn, name)

    def lock_schema(self, conn: Connection) -> None:
        self.dialect.lock_schema(conn)

    def upsert(
        self,
        conn: Connection,
        table: Table,
        rows: Sequence[Mapping[str, Any]],
        key: Sequence[str],
        update: Sequence[str] | None = None,
    ) -> None:
        """Insert `rows`; where one's `key` is already stored, set its `update` columns (or,
        with none, leave the stored row as it is). Never for the log itself, whose duplicate
        ids must be compared, not dropped."""
        self.dialect.upsert(conn, table, rows, key, update)

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
        """Set `values` on up to `limit` rows matching `where` that no concurrent transaction
        is claiming (in `order_by` order) and return their `key`s: the lease query."""
        return self.dialect.claim(conn, table, key, where, order_by, limit, values)

    def role(self) -> str | None:
        """The database role this program writes as (PostgreSQL), recorded beside an
        analyst's name on a judgment; None where the database has no roles (SQLite)."""
        with self.connect() as conn:
            return self.dialect.role(conn)

    def has_table(self, name: str) -> bool:
        with self.connect() as conn:
            return conn.dialect.has_table(conn, name)

    def listener(self) -> Listener | None:
        """Notifications of appends (PostgreSQL's LISTEN), or None where there are none."""
        with self.translated():
            return self.dialect.listener(self.engine)

    # -- errors ------------------------------------------------------------------------------

    def describe(self, exc: BaseException) -> str:
        """One line for a driver error: the database and the driver's first line."""
        cause = getattr(exc, "orig", None) or exc
        lines = str(cause).strip().splitlines()
        return f"database {self.where}: {lines[0] if lines else type(cause).__name__}"
