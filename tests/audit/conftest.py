"""A scenario log with its views built, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from events import EventStore, NewEvent, StoredEvent
from osint.wiring import all_projectors, open_store
from projections.runner import ProjectionRunner
from tests.audit.scenario import load


@pytest.fixture
def scenario(store: EventStore) -> EventStore:
    """The scenario's log (store fixture: SQLite and PostgreSQL), views caught up."""
    load(store)
    ProjectionRunner(store, all_projectors()).catch_up()
    return store


@pytest.fixture
def sqlite_scenario(sqlite_url: str) -> Iterator[EventStore]:
    store = open_store(sqlite_url)
    load(store)
    ProjectionRunner(store, all_projectors()).catch_up()
    yield store
    store.close()


def copy_log(
    source: EventStore, target: EventStore, keep: Callable[[StoredEvent], bool] = lambda e: True
) -> int:
    """Append the events of `source` that `keep` accepts to `target`, in log order, with their
    ids, streams and payloads unchanged; return how many."""
    batch = [
        NewEvent(e.event_id, e.stream_id, e.type, e.schema_version, e.payload, e.metadata)
        for e in source.read()
        if keep(e)
    ]
    target.append(batch)
    return len(batch)
