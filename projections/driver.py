"""A Core statement compiled once per dialect and run on the driver's own cursor.

A catch-up whose figures arrive out of date order runs a few one-row statements per figure
(`topic_summary.TableSteps`: the step before, the step after, a count, an insert). Through
`Connection.execute` each cost about 130 us of SQLAlchemy's execution context, result
wrapping and cache lookup against a few microseconds of SQLite's own index work, so at
100,000 events that overhead was most of what made a catch-up dearer than at 1,000. The
statement is still written as a Core expression (so both dialects get their own SQL, row
values and all) and compiled once; only the running skips SQLAlchemy. Expanding `IN` lists
are not supported (write constants as comparisons; `fetch_in` takes a list of values, and
`fetch_rows` a table of them). It
runs on the connection of the caller's transaction, as `bulk` does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.sql import ClauseElement


class DriverStatement:
    """`statement` ready for the driver: its SQL text and how to order its parameters, per
    dialect (the first connection of each dialect compiles it)."""

    def __init__(self, statement: ClauseElement) -> None:
        self.statement = statement
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None, dict[str, Any]]] = {}

    def _for(self, conn: Connection) -> tuple[str, tuple[str, ...] | None, dict[str, Any]]:
        name = conn.dialect.name
        found = self._compiled.get(name)
        if found is None:
            compiled = self.statement.compile(dialect=conn.dialect)
            order = tuple(compiled.positiontup) if compiled.positional else None  # type: ignore[arg-type]
            found = self._compiled[name] = (str(compiled), order, dict(compiled.params))
        return found

    def _run(self, conn: Connection, params: Mapping[str, Any]) -> Any:
        sql, order, constants = self._for(conn)
        given = {**constants, **params}
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(sql, tuple(given[n] for n in order) if order is not None else given)
        return cursor

    def first(self, conn: Connection, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """The first row of the result, or None."""
        cursor = self._run(conn, params)
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        return None if row is None else tuple(row)

    def execute(self, conn: Connection, params: Mapping[str, Any]) -> None:
        """Run a statement that returns no rows."""
        self._run(conn, params).close()


_MARKS = {"qmark": "?", "numeric": "?", "named": "?", "pyformat": "%s", "format": "%s"}


def fetch_in(conn: Connection, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Every row of `sql`, whose one `{}` becomes a placeholder per item of `values` (an `IN`
    list), run on the driver's cursor: a lookup that returns thousands of rows spent more in
    SQLAlchemy's row objects than in the database (origin candidates, 15,000 rows a batch)."""
    if not values:
        return []
    mark = _MARKS[conn.dialect.paramstyle]
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql.format(", ".join([mark] * len(values))), tuple(values))
        return [tuple(r) for r in cursor.fetchall()]
    finally:
        cursor.close()


def fetch_rows(
    conn: Connection, sql: str, rows: Sequence[Sequence[Any]], after: Sequence[Any] = ()
) -> list[tuple[Any, ...]]:
    """Every row of `sql`, whose `{rows}` becomes the placeholders of `rows` as a `VALUES` list
    (its columns are `column1`, `column2`, … in SQLite and PostgreSQL alike) and each `{mark}`
    one placeholder, bound to `after` in order (all after the rows'). Built as text:
    SQLAlchemy compiles a `values()` construct row by row on every call (22 ms for 500 pairs,
    against 1 ms to run it)."""
    if not rows:
        return []
    mark = _MARKS[conn.dialect.paramstyle]
    width = len(rows[0])
    row = "(" + ", ".join([mark] * width) + ")"
    params = [v for r in rows for v in r]
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql.format(rows=", ".join([row] * len(rows)), mark=mark), (*params, *after))
        return [tuple(r) for r in cursor.fetchall()]
    finally:
        cursor.close()
