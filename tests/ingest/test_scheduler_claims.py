"""Claiming due sources in batches, on SQLite and PostgreSQL: which rows a claim takes (due,
free, soonest first, no more than asked, a dead holder's after its lease), rows of other
sources files given back, two schedulers claiming at once never taking one source twice, and a
scheduler's claims over real HTTP: each due source polled once, none before it is due again,
`Retry-After` honoured, and far fewer lease transactions than polls."""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import create_engine, inspect, text
from werkzeug import Request, Response

from events import EventStore
from ingest import poll_state
from ingest.fetch import Fetcher
from ingest.poller import Poller
from ingest.scheduler import Scheduler
from ingest.sources import Source
from osint.wiring import open_store
from tests.ingest import servers
from tests.ingest.test_poller import RSS2, Clock

threaded_server = servers.threaded_server


def feed(url: str, source_id: str, **extra: object) -> Source:
    values: dict[str, object] = {
        "id": source_id,
        "kind": "feed",
        "url": url,
        "every": "10s",
        "allow_private": True,
        "timeout": 5,
        "retries": 0,
    }
    values.update(extra)
    return Source.model_validate(values)


def set_row(db: object, source_id: str, **values: object) -> None:
    """Put a polling-state row in the shape a test needs, as earlier polls would have."""
    with db.transaction() as conn:  # type: ignore[attr-defined]
        conn.execute(
            poll_state.poll_state.update()
            .where(poll_state.poll_state.c.source_id == source_id)
            .values(**values)
        )


def test_a_claim_takes_due_free_sources_soonest_first_and_no_more_than_asked(
    store: EventStore,
) -> None:
    db = store.db
    now = time.time()
    poll_state.sync_sources(db, [(i, f"http://x/{i}") for i in "abcdefg"], now)
    set_row(db, "a", next_due=now - 30)
    set_row(db, "b", next_due=now - 20)
    set_row(db, "c", next_due=now - 10)
    set_row(db, "d", next_due=now + 100)  # not due
    set_row(db, "e", next_due=now - 40, gone=True)  # said 410
    set_row(db, "f", next_due=now - 50, lease_owner="other", lease_until=now + 60)  # held
    set_row(db, "g", next_due=now - 5, lease_owner="dead", lease_until=now - 1)  # expired
    ours = set("abcdefg")

    first, foreign = poll_state.claim_due(db, "me", now, 300, 2, ours)
    assert [s.source_id for s in first] == ["a", "b"]
    assert foreign == []
    second, _ = poll_state.claim_due(db, "me", now, 300, 10, ours)
    assert [s.source_id for s in second] == ["c", "g"]  # g's holder died: taken over
    assert poll_state.claim_due(db, "me", now, 300, 10, ours) == ([], [])
    rows = poll_state.states(db)
    assert {i: rows[i].lease_owner for i in "abcdefg"} == {
        "a": "me",
        "b": "me",
        "c": "me",
        "d": None,
        "e": None,
        "f": "other",
        "g": "me",
    }
    assert rows["a"].lease_until == pytest.approx(now + 300)


def test_rows_of_other_sources_are_given_back_untouched_and_skipped(store: EventStore) -> None:
    db = store.db
    now = time.time()
    poll_state.sync_sources(db, [("ours", "http://x/1"), ("removed", "http://x/2")], now - 1)
    states, foreign = poll_state.claim_due(db, "me", now, 300, 5, {"ours"})
    assert [s.source_id for s in states] == ["ours"]
    assert foreign == ["removed"]
    removed = poll_state.state_of(db, "removed")
    assert removed is not None
    assert (removed.lease_owner, removed.lease_until, removed.next_due) == (None, None, now - 1)
    assert poll_state.claim_due(db, "me", now, 300, 5, {"ours"}, skip={"removed"}) == ([], [])


@pytest.mark.postgres
def test_two_schedulers_claiming_at_once_never_take_the_same_source(pg_database: str) -> None:
    from tests.conftest import reset_pg

    reset_pg(pg_database)
    stores = [open_store(pg_database), open_store(pg_database)]
    ids = [f"s{i:03d}" for i in range(400)]
    now = time.time()
    poll_state.sync_sources(stores[0].db, [(i, f"http://x/{i}") for i in ids], now - 1)
    taken: dict[str, list[str]] = {"one": [], "two": []}
    start = threading.Barrier(2)

    def claimer(owner: str, store: EventStore) -> None:
        start.wait()
        while True:
            states, _ = poll_state.claim_due(store.db, owner, time.time(), 300, 7, set(ids))
            if not states:
                return
            taken[owner].extend(s.source_id for s in states)

    threads = [
        threading.Thread(target=claimer, args=(owner, store))
        for owner, store in zip(taken, stores, strict=True)
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        owners = {i: s.lease_owner for i, s in poll_state.states(stores[0].db).items()}
    finally:
        for store in stores:
            store.close()
    one, two = set(taken["one"]), set(taken["two"])
    assert len(taken["one"]) == len(one) and len(taken["two"]) == len(two)  # no repeats
    assert one & two == set()  # never the same source by both
    assert one | two == set(ids)  # and every due source by one of them
    assert {i for i, o in owners.items() if o == "one"} == one
    print(f"\nclaimed at once: {len(one)} by one, {len(two)} by two")


def test_the_next_due_index_is_what_a_claim_searches(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        with store.db.connect() as conn:
            plan = conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT source_id FROM poll_state WHERE next_due <= 1"
                    " AND gone = 0 AND (lease_until IS NULL OR lease_until < 1)"
                    " ORDER BY next_due LIMIT 5"
                )
            ).all()
    finally:
        store.close()
    assert any(poll_state.NEXT_DUE_INDEX in str(row) for row in plan), plan


class Feeds:
    """Answers /feed/N with the RSS fixture (or what `answers` says for one path) and counts
    the requests per path."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.answers: dict[str, Response] = {}
        self.lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        with self.lock:
            self.requests[request.path] += 1
        if request.path in self.answers:
            return self.answers[request.path]
        return Response(RSS2, content_type="application/rss+xml")


@pytest.fixture
def feeds(threaded_server: HTTPServer) -> Feeds:
    served = Feeds()
    threaded_server.expect_request(re.compile(r"/feed/\d+")).respond_with_handler(served)
    return served


def sources_on(server: HTTPServer, count: int, **extra: object) -> list[Source]:
    return [feed(server.url_for(f"/feed/{i}"), f"feed-{i}", **extra) for i in range(count)]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(backoff_base=0.01) as f:
        yield f


def claim_and_wait(scheduler: Scheduler) -> int:
    claimed = scheduler.claim()
    assert scheduler.wait_idle(timeout=60)
    return claimed


def test_next_due_and_retry_after_are_respected(
    store: EventStore, feeds: Feeds, threaded_server: HTTPServer, clock: Clock, fetcher: Fetcher
) -> None:
    sources = sources_on(threaded_server, 2)
    feeds.answers["/feed/1"] = Response("busy", status=503, headers={"Retry-After": "120"})
    poller = Poller(store, fetcher, owner="me", clock=clock)
    scheduler = Scheduler(store, sources, poller)
    poller.prepare(sources)

    assert claim_and_wait(scheduler) == 2
    assert feeds.requests == {"/feed/0": 1, "/feed/1": 1}
    state = poll_state.state_of(store.db, "feed-1")
    assert state is not None and state.next_due >= clock.now + 120
    clock.advance(9)  # feed-0 is due 10 s after its poll began
    assert claim_and_wait(scheduler) == 0
    clock.advance(2)
    assert claim_and_wait(scheduler) == 1
    assert feeds.requests == {"/feed/0": 2, "/feed/1": 1}
    clock.advance(100)  # 111 s after the 503: its Retry-After (120 s) still holds
    assert claim_and_wait(scheduler) == 1  # feed-0 only
    assert feeds.requests == {"/feed/0": 3, "/feed/1": 1}
    clock.advance(10)
    assert claim_and_wait(scheduler) == 2
    assert feeds.requests == {"/feed/0": 4, "/feed/1": 2}
    rows = poll_state.states(store.db)
    assert {s.lease_owner for s in rows.values()} == {None}  # every lease given back


def test_claims_never_exceed_the_free_workers_and_lease_transactions_are_few(
    store: EventStore, feeds: Feeds, threaded_server: HTTPServer, clock: Clock, fetcher: Fetcher
) -> None:
    sources = sources_on(threaded_server, 45, every="1h")
    poller = Poller(store, fetcher, owner="me", clock=clock)
    scheduler = Scheduler(store, sources, poller)
    scheduler._refill = scheduler.workers + 1  # claims by hand only, not by freed workers
    poller.prepare(sources)
    assert scheduler.workers == 20
    taken = [claim_and_wait(scheduler) for _ in range(4)]
    assert taken == [20, 20, 5, 0]
    assert set(feeds.requests.values()) == {1} and len(feeds.requests) == 45
    # Four lease transactions for 45 polls; one look per source per scheduler before.
    assert (scheduler.claims, scheduler.claimed) == (4, 45)


@pytest.mark.postgres
def test_two_running_schedulers_poll_each_due_source_exactly_once(
    pg_database: str, feeds: Feeds, threaded_server: HTTPServer, fetcher: Fetcher
) -> None:
    from tests.conftest import reset_pg

    reset_pg(pg_database)
    sources = sources_on(threaded_server, 120, every="1h")
    stores = [open_store(pg_database), open_store(pg_database)]
    schedulers = [
        Scheduler(store, sources, Poller(store, fetcher, owner=f"s{n}"))
        for n, store in enumerate(stores)
    ]
    threads = [threading.Thread(target=s.run, daemon=True) for s in schedulers]
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 120
        while sum(feeds.requests.values()) < 120 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.0)  # a few more ticks: nothing is due for an hour
        for s in schedulers:
            s.stop.set()
        for thread in threads:
            thread.join(timeout=60)
        reports = [e for e in stores[0].read() if e.type == "ReportObserved"]
    finally:
        for store in stores:
            store.close()
    assert not any(t.is_alive() for t in threads)
    assert len(feeds.requests) == 120 and set(feeds.requests.values()) == {1}
    assert sum(s.claimed for s in schedulers) == 120
    # Every source's items in the log once (three per source in the fixture).
    per_source = Counter(e.payload["source_id"] for e in reports)
    assert len(per_source) == 120 and len(set(per_source.values())) == 1
    print(f"\nclaimed: {[s.claimed for s in schedulers]}, claims: {[s.claims for s in schedulers]}")


def test_an_old_poll_state_table_gets_the_index_on_open_and_keeps_its_rows(db_url: str) -> None:
    """A database at ingest version 1 (the tables without the index, as every database made
    before this step): opening it applies step 2 and the rows stay as they were."""
    store = open_store(db_url)
    poll_state.sync_sources(store.db, [("a", "http://x/a"), ("b", "http://x/b")], 1000.0)
    with store.db.transaction() as conn:
        conn.execute(text(f"DROP INDEX {poll_state.NEXT_DUE_INDEX}"))
        conn.execute(text("UPDATE schema_components SET version = 1 WHERE component = 'ingest'"))
    store.close()

    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert {i["name"] for i in inspect(conn).get_indexes("poll_state")} == set()
    engine.dispose()
    store = open_store(db_url)
    try:
        with store.db.connect() as conn:
            names = {i["name"] for i in inspect(conn).get_indexes("poll_state")}
            version = conn.execute(
                text("SELECT version FROM schema_components WHERE component = 'ingest'")
            ).scalar_one()
        rows = poll_state.states(store.db)
    finally:
        store.close()
    assert names == {poll_state.NEXT_DUE_INDEX}
    assert version == 2
    assert {i: (s.location, s.next_due) for i, s in rows.items()} == {
        "a": ("http://x/a", 1000.0),
        "b": ("http://x/b", 1000.0),
    }


def test_a_cron_source_is_next_due_at_its_next_fire_time(
    store: EventStore, feeds: Feeds, threaded_server: HTTPServer, clock: Clock, fetcher: Fetcher
) -> None:
    source = feed(threaded_server.url_for("/feed/0"), "morning", every=None, cron="0 6 * * *")
    clock.now = datetime(2026, 1, 5, 12, 0, tzinfo=UTC).timestamp()
    poller = Poller(store, fetcher, owner="me", clock=clock)
    scheduler = Scheduler(store, [source], poller)
    poller.prepare([source])
    assert claim_and_wait(scheduler) == 1  # a new source is due at once
    six = datetime(2026, 1, 6, 6, 0, tzinfo=UTC).timestamp()
    state = poll_state.state_of(store.db, "morning")
    assert state is not None and state.next_due == six
    clock.now = six - 1
    assert claim_and_wait(scheduler) == 0
    clock.now = six + 1
    assert claim_and_wait(scheduler) == 1
    assert feeds.requests == {"/feed/0": 2}
