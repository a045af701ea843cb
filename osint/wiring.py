"""Wires the three packages together: the database and its schema, the store, the projectors
and the runner."""

from __future__ import annotations

from collections.abc import Sequence

from events import Database, EventStore, SchemaRegistry
from events import schema as log_schema
from ingest import poll_state
from osint import outbox
from projections import schema as view_schema
from projections.figures import FiguresProjector
from projections.judgments import JudgmentsProjector
from projections.log_clock import LogClockProjector
from projections.projector import Projector
from projections.reports import ReportsProjector
from projections.runner import ProjectionRunner
from projections.search import SearchProjector
from projections.source_health import SourceHealthProjector

# Every package's tables, applied together when a command opens the database.
SCHEMA = SchemaRegistry(
    [log_schema.COMPONENT, view_schema.COMPONENT, poll_state.COMPONENT, outbox.COMPONENT]
)


def all_projectors() -> Sequence[Projector]:
    return (
        ReportsProjector(),
        FiguresProjector(),
        SourceHealthProjector(),
        LogClockProjector(),
        JudgmentsProjector(),
        SearchProjector(),
    )


def open_store(url: str, *, create: bool = True) -> EventStore:
    """The log at `url`, its schema created or upgraded first (`SCHEMA`). With `create=False`
    a SQLite file that does not exist is an error, not a new empty log."""
    db = Database.open(url, create=create)
    try:
        SCHEMA.upgrade(db)
    except BaseException:
        db.close()
        raise
    return EventStore(db)


def runner_for(store: EventStore, workers: int | None = None) -> ProjectionRunner:
    return ProjectionRunner(store, all_projectors(), workers=workers)
