"""Helpers for projection tests: dump a view's live tables as comparable data; see whether a
worker process is still running."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from events import EventStore
from projections.projector import Projector
from projections.state import live_tables


def dump_view(store: EventStore, projector: Projector) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the projector's live tables, sorted, keyed by the table's base name."""
    with store.db.connect() as conn:
        tables = live_tables(conn, projector)
        assert tables is not None, f"{projector.name} has no live view"
        return {
            name: sorted(tuple(r) for r in conn.execute(select(table)).all())
            for name, table in tables.items()
        }


def process_running(pid: int) -> bool:
    """The process exists and has not exited (a zombie waiting to be reaped has exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
