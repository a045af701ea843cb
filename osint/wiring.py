"""Wires the three packages together: the store, the projectors and the runner."""

from __future__ import annotations

from collections.abc import Sequence

from events import EventStore
from projections.figures import FiguresProjector
from projections.log_clock import LogClockProjector
from projections.projector import Projector
from projections.reports import ReportsProjector
from projections.runner import ProjectionRunner
from projections.source_health import SourceHealthProjector


def all_projectors() -> Sequence[Projector]:
    return (
        ReportsProjector(),
        FiguresProjector(),
        SourceHealthProjector(),
        LogClockProjector(),
    )


def open_store(url: str) -> EventStore:
    return EventStore.open(url)


def runner_for(store: EventStore) -> ProjectionRunner:
    return ProjectionRunner(store, all_projectors())
