"""What looking costs: a scheduler looks for due sources with one claim per tick, never at one
source at a time, so a source another scheduler holds or that is not yet due costs it nothing,
and a tick that finds nothing is one transaction (`make sim`: with one job per source and four
schedulers, every due source was looked at four times and polled once)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from events import EventStore
from ingest import poll_state
from ingest.fetch import Fetcher
from ingest.poller import Poller, lease_seconds
from ingest.scheduler import CLAIM_JOB, Scheduler
from ingest.sources import Source


def feed(source_id: str, interval: str = "2m") -> Source:
    return Source.model_validate(
        {
            "id": source_id,
            "kind": "feed",
            "url": f"http://127.0.0.1:9/{source_id}",
            "every": interval,
            "allow_private": True,
        }
    )


@pytest.fixture
def scheduler(store: EventStore) -> Iterator[Scheduler]:
    with Fetcher() as fetcher:
        poller = Poller(store, fetcher, owner="this-one")
        scheduler = Scheduler(store, [feed(f"wire-{i}") for i in range(50)], poller)
        poller.prepare(scheduler.sources)
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


def test_sources_held_by_another_scheduler_cost_one_transaction_in_all(
    store: EventStore, scheduler: Scheduler
) -> None:
    ids = [s.id for s in scheduler.sources]
    now = time.time()
    lease = lease_seconds(scheduler.sources[0])
    assert len(poll_state.lease_due(store.db, "other-one", ids, now, lease)) == 50
    checkouts = Checkouts(store)
    try:
        assert scheduler.claim() == 0
    finally:
        checkouts.close()
    # One claim looked at all fifty and took none: one transaction, not one per source.
    assert checkouts.count == 1
    assert (scheduler.claims, scheduler.claimed) == (1, 0)
    states = poll_state.states(store.db)
    assert {s.lease_owner for s in states.values()} == {"other-one"}


def test_sources_not_yet_due_cost_one_transaction_in_all(
    store: EventStore, scheduler: Scheduler
) -> None:
    ids = [s.id for s in scheduler.sources]
    now = time.time()
    assert len(poll_state.lease_due(store.db, "other-one", ids, now, 300)) == 50
    for source_id in ids:
        assert poll_state.release(store.db, "other-one", source_id, next_due=now + 100)
    checkouts = Checkouts(store)
    try:
        assert scheduler.claim() == 0
    finally:
        checkouts.close()
    assert checkouts.count == 1


def test_one_job_whatever_the_number_of_sources(scheduler: Scheduler) -> None:
    # The per-source jobs (50 here, 10,000 in `make sim`) were the memory and the start-up
    # that grew with the count; what is left is the claim tick.
    scheduler._add_jobs()
    jobs = scheduler._aps.get_jobs()
    assert [j.id for j in jobs if j.id != "__heartbeat__"] == [CLAIM_JOB]
    # A late tick is still a tick (APScheduler drops runs past their grace time).
    assert scheduler._aps.get_job(CLAIM_JOB).misfire_grace_time is None
