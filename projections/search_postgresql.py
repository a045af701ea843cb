"""The search index on PostgreSQL: a generated `tsvector` column of the view's table (the
`simple` configuration: lower case, no stemming, no stop words, as the SQLite index; markup
characters read as spaces, so words inside tags are words, as there) and a GIN
index on it. Both go when the table is dropped. The words reach `to_tsquery` as one bound
parameter, already reduced to letters and digits (`search.parse_query`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Select, Table, text


def create_index(conn: Connection, view: Table) -> None:
    name = view.name
    title, text = _words("coalesce(title, '')"), _words("text")
    conn.exec_driver_sql(
        f'ALTER TABLE "{name}" ADD COLUMN IF NOT EXISTS document tsvector GENERATED ALWAYS AS'
        f" (to_tsvector('simple', {title}) || to_tsvector('simple', {text})) STORED"
    )
    conn.exec_driver_sql(
        f'CREATE INDEX IF NOT EXISTS "ix_{name}_document" ON "{name}" USING gin (document)'
    )


def _words(column: str) -> str:
    """The column with `<`, `>` and `&` made spaces: PostgreSQL's parser would otherwise skip
    `<script>` as a tag and `&amp;` as an entity, words SQLite's index keeps."""
    return f"regexp_replace({column}, '[<>&]', ' ', 'g')"


def drop_index(conn: Connection, view: Table) -> None:
    """The column and its index go with the table."""


def tsquery_text(phrases: Sequence[Any]) -> str:
    """`to_tsquery` text: each word a quoted lexeme (letters and digits only), the words of a
    phrase joined by `<->`, `:*` after a prefix, all phrases required (`&`)."""
    parts = []
    for p in phrases:
        words = [f"'{w}'" for w in p.words]
        if p.prefix:
            words[-1] += ":*"
        parts.append(" <-> ".join(words))
    return " & ".join(parts)


def matches(view: Table, phrases: Sequence[Any]) -> Callable[[Select[Any]], Select[Any]]:
    """Restrict a select over `view` to the rows that hold every phrase."""
    condition = text(f"\"{view.name}\".document @@ to_tsquery('simple', :search_query)").bindparams(
        search_query=tsquery_text(phrases)
    )

    def restrict(query: Select[Any]) -> Select[Any]:
        return query.where(condition)

    return restrict
