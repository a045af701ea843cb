"""What looking costs: a scheduler looks for due sources with one claim per tick, never at one
source at a time, so a source another scheduler holds or that is not yet due costs it nothing,
and a tick that finds nothing is one transaction (`make sim`: with one job per source and four
schedulers, every due source was looked at four times and polled once)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import event

from events import EventStore
from ingest import poll_state
from ingest.fetch import Fetcher
from ingest.poller import Poller, lease_seconds
from ingest.scheduler import CLAIM_JOB, IDLE_SECONDS, Scheduler
from ingest.sources import Source
from tests.ingest.test_poller import Clock


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


def not_due_for(store: EventStore, scheduler: Scheduler, seconds: float, now: float) -> None:
    """Every source polled once by someone else and due again `seconds` from `now`."""
    ids = [s.id for s in scheduler.sources]
    assert len(poll_state.lease_due(store.db, "other-one", ids, now, 300)) == len(ids)
    for source_id in ids:
        assert poll_state.release(store.db, "other-one", source_id, next_due=now + seconds)


def test_an_idle_scheduler_makes_one_claim_per_idle_period_not_one_per_tick(
    store: EventStore, scheduler: Scheduler
) -> None:
    # Nothing due for an hour: the first tick claims nothing and reads that; the ticks of
    # the next IDLE_SECONDS make no transaction (before, each of them was a claim: 3.3 a second).
    not_due_for(store, scheduler, 3600, time.time())
    checkouts = Checkouts(store)
    thread = threading.Thread(target=scheduler.run, daemon=True)
    try:
        thread.start()
        time.sleep(3.0)
        scheduler.stop.set()
        thread.join(timeout=30)
    finally:
        checkouts.close()
    assert not thread.is_alive()
    assert (scheduler.claims, scheduler.claimed) == (1, 0)
    assert scheduler.idle_ticks >= 5  # about ten ticks in 3 s, all but the first skipped
    # The sync of the sources at start and the one claim (on SQLite also taking and giving
    # back the single-scheduler row): nothing per tick.
    assert checkouts.count == (4 if scheduler.exclusive else 2)


def test_an_idle_scheduler_claims_again_when_the_soonest_source_falls_due(
    store: EventStore,
) -> None:
    clock = Clock()
    with Fetcher() as fetcher:
        poller = Poller(store, fetcher, owner="this-one", clock=clock)
        scheduler = Scheduler(store, [feed(f"wire-{i}") for i in range(3)], poller)
        poller.prepare(scheduler.sources)
        not_due_for(store, scheduler, 2.0, clock.now)
        assert scheduler.tick() == 0
        assert (scheduler.claims, scheduler.idle_ticks) == (1, 0)
        clock.advance(1.9)
        assert scheduler.tick() == 0  # the claim saw the soonest due in 2 s: no transaction
        assert (scheduler.claims, scheduler.idle_ticks) == (1, 1)
        clock.advance(0.2)
        assert scheduler.tick() == 3  # due now (the polls fail: nothing listens on port 9)
        assert scheduler.wait_idle(timeout=60)
        assert scheduler.claims == 2


def test_an_idle_tick_is_skipped_for_at_most_idle_seconds(store: EventStore) -> None:
    # Sources another scheduler adds, leases that expire: a claim at least every IDLE_SECONDS.
    clock = Clock()
    with Fetcher() as fetcher:
        poller = Poller(store, fetcher, owner="this-one", clock=clock)
        scheduler = Scheduler(store, [feed(f"wire-{i}") for i in range(3)], poller)
        poller.prepare(scheduler.sources)
        not_due_for(store, scheduler, 3600, clock.now)
        assert scheduler.tick() == 0
        clock.advance(IDLE_SECONDS - 0.1)
        assert scheduler.tick() == 0
        assert (scheduler.claims, scheduler.idle_ticks) == (1, 1)
        clock.advance(0.2)
        assert scheduler.tick() == 0
        assert (scheduler.claims, scheduler.idle_ticks) == (2, 1)
