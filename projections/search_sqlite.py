"""The search index on SQLite: an FTS5 table beside the view's table, kept in step by
triggers, keyed by the row's `first_position`. Table names are the view's own (never a
request's); the words are one bound parameter, already reduced to letters and digits
(`search.parse_query`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, column, table, text


def create_index(conn: Connection, view: Table) -> None:
    name = view.name
    fts = f'"{name}_fts"'
    # Accents kept, as PostgreSQL's `simple` configuration keeps them: one answer on both.
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(title, text,"
        " tokenize = 'unicode61 remove_diacritics 0')"
    )
    new = "(new.first_position, coalesce(new.title, ''), new.text)"
    conn.exec_driver_sql(
        f'CREATE TRIGGER IF NOT EXISTS "{name}_ai" AFTER INSERT ON "{name}" BEGIN'
        f" INSERT INTO {fts}(rowid, title, text) VALUES {new}; END"
    )
    conn.exec_driver_sql(
        f'CREATE TRIGGER IF NOT EXISTS "{name}_au" AFTER UPDATE OF title, text ON "{name}"'
        f" BEGIN DELETE FROM {fts} WHERE rowid = old.first_position;"
        f" INSERT INTO {fts}(rowid, title, text) VALUES {new}; END"
    )
    conn.exec_driver_sql(
        f'CREATE TRIGGER IF NOT EXISTS "{name}_ad" AFTER DELETE ON "{name}" BEGIN'
        f" DELETE FROM {fts} WHERE rowid = old.first_position; END"
    )


def drop_index(conn: Connection, view: Table) -> None:
    """The triggers go with the view's table; the FTS5 table must be dropped by name."""
    conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{view.name}_fts"')


def match_expression(phrases: Sequence[Any]) -> str:
    """FTS5 query text: each phrase quoted (its words are letters and digits only), `*` after a
    prefix, all of them required."""
    return " ".join(f'"{" ".join(p.words)}"' + (" *" if p.prefix else "") for p in phrases)


def matches(view: Table, phrases: Sequence[Any]) -> Callable[[Select[Any]], Select[Any]]:
    """Restrict a select over `view` to the rows that hold every phrase."""
    fts = table(f"{view.name}_fts", column("rowid"))
    condition = text(f'"{view.name}_fts" MATCH :search_query').bindparams(
        search_query=match_expression(phrases)
    )

    def restrict(query: Select[Any]) -> Select[Any]:
        return query.join(fts, fts.c.rowid == view.c.first_position).where(condition)

    return restrict
