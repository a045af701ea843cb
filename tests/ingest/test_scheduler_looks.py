"""What a scheduler's job costs when it does not poll, and when it looks again: the lost looks
are most of the work when several schedulers share a log (`make sim`: with four, every due
source is looked at four times and polled once), so each must be one transaction, and a
source another scheduler is polling must not be looked at again before that poll can have
made it due."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from events import EventStore
from ingest import poll_state
from ingest.fetch import Fetcher
from ingest.poller import Poller, lease_seconds
from ingest.scheduler import Scheduler
from ingest.sources import Source


def feed(interval: str = "2m") -> Source:
    return Source.model_validate(
        {
            "id": "wire",
            "kind": "feed",
            "url": "http://127.0.0.1:9/rss",
            "every": interval,
            "allow_private": True,
        }
    )


@pytest.fixture
def scheduler(store: EventStore) -> Iterator[Scheduler]:
    with Fetcher() as fetcher:
        poller = Poller(store, fetcher, owner="this-one")
        scheduler = Scheduler(store, [feed()], poller)
        poller.prepare(scheduler.sources)
        scheduler._add_jobs()
        yield scheduler


class Checkouts:
    """Counts connections taken from the store's pool: one per transaction or read."""

    def __init__(self, store: EventStore) -> None:
        self.count = 0
        event.listen(store.db.engine, "checkout", self._seen)
        self.engine = store.db.engine

    def _seen(self, *_args: object) -> None:
        self.count += 1

    def close(self) -> None:
        event.remove(self.engine, "checkout", self._seen)


def next_look(scheduler: Scheduler) -> float:
    job = scheduler._aps.get_job("wire")
    return job.next_run_time.timestamp()


def test_a_source_another_scheduler_holds_is_looked_at_again_one_interval_later(
    store: EventStore, scheduler: Scheduler
) -> None:
    source = scheduler.sources[0]
    now = time.time()
    lease = lease_seconds(source)  # as the other scheduler's poller takes it
    assert poll_state.lease_due(store.db, "other-one", ["wire"], now, lease) == ["wire"]
    checkouts = Checkouts(store)
    try:
        scheduler._poll(source)
    finally:
        checkouts.close()
    # One transaction decided "not mine" and read when to look again.
    assert checkouts.count == 1
    # The holder's poll makes it due ~120 s from now; looking at 30 s would only find it not
    # due yet. The spread adds at most 5 % of the interval.
    wait = next_look(scheduler) - now
    assert 120 <= wait <= 120 * 1.05 + 1
    state = poll_state.state_of(store.db, "wire")
    assert state is not None and state.lease_owner == "other-one"


def test_a_source_polled_by_another_is_looked_at_when_it_is_next_due(
    store: EventStore, scheduler: Scheduler
) -> None:
    source = scheduler.sources[0]
    now = time.time()
    assert poll_state.lease_due(store.db, "other-one", ["wire"], now, 300) == ["wire"]
    assert poll_state.release(store.db, "other-one", "wire", next_due=now + 100)
    checkouts = Checkouts(store)
    try:
        scheduler._poll(source)
    finally:
        checkouts.close()
    assert checkouts.count == 1
    wait = next_look(scheduler) - now
    assert 100 <= wait <= 100 + 120 * 0.05 + 1


def test_a_late_look_is_never_dropped(scheduler: Scheduler) -> None:
    # APScheduler drops a run that waited in the pool's queue past its grace time, and the
    # source then waits a whole interval more: `make sim` at 10,000 sources saw hundreds.
    assert scheduler._aps.get_job("wire").misfire_grace_time is None
