"""SQL text both dialects share, built for each one's parameter style."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table

from events.schema import EVENT_COLUMNS

# Any fixed number: the advisory lock that serialises schema creation and upgrades (PostgreSQL).
SCHEMA_LOCK_KEY = 7_316_449_021
BUSY_TIMEOUT_SECONDS = 60.0


def insert_events_sql(placeholder: str) -> str:
    columns = ", ".join(EVENT_COLUMNS)
    marks = ", ".join([placeholder] * len(EVENT_COLUMNS))
    return f"INSERT INTO events ({columns}) VALUES ({marks})"


def release(raw: Any) -> None:
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


def upsert(
    insert: Callable[[Table], Any],
    conn: Connection,
    table: Table,
    rows: Sequence[Mapping[str, Any]],
    key: Sequence[str],
    update: Sequence[str] | None,
) -> None:
    """`INSERT … ON CONFLICT (key) DO UPDATE SET update… | DO NOTHING` with the dialect's own
    `insert` construct (both backends spell it the same way)."""
    if not rows:
        return
    statement = insert(table)
    if update:
        statement = statement.on_conflict_do_update(
            index_elements=list(key), set_={c: statement.excluded[c] for c in update}
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(key))
    conn.execute(statement, [dict(r) for r in rows])
