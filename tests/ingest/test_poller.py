"""Polling sources over real HTTP on 127.0.0.1 into a real log, on SQLite and PostgreSQL where
it matters: what each failure mode leaves in the log, the polling state and the health view."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from events import EventStore
from ingest import poll_state
from ingest.fetch import Fetcher
from ingest.poller import Poller, backoff_seconds
from ingest.sources import Source
from osint.wiring import open_store
from projections.runner import ProjectionRunner
from projections.source_health import SourceHealthProjector
from projections.state import live_tables
from tests.ingest import servers

threaded_server = servers.threaded_server
FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
RSS2 = (FEEDS / "rss2.xml").read_bytes()


class Clock:
    """The poller's notion of now, moved by the test (HTTP timeouts still use real time)."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def poller(store: EventStore, clock: Clock) -> Iterator[Poller]:
    with Fetcher(backoff_base=0.01) as fetcher:
        yield Poller(store, fetcher, owner="test-owner", clock=clock)


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[EventStore]:
    s = open_store(sqlite_url)
    yield s
    s.close()


@pytest.fixture
def sqlite_poller(sqlite_store: EventStore, clock: Clock) -> Iterator[Poller]:
    with Fetcher(backoff_base=0.01) as fetcher:
        yield Poller(sqlite_store, fetcher, owner="test-owner", clock=clock)


def feed_source(url: str, source_id: str = "wire", **extra: object) -> Source:
    values: dict[str, object] = {
        "id": source_id,
        "kind": "feed",
        "url": url,
        "every": "10s",
        "allow_private": True,
        "timeout": 5,
        "retries": 1,
    }
    values.update(extra)
    return Source.model_validate(values)


def poll(poller: Poller, source: Source):  # type: ignore[no-untyped-def]
    poller.prepare([source])
    return poller.poll_if_due(source)


def events_of(store: EventStore, event_type: str) -> list:  # type: ignore[type-arg]
    return [e for e in store.read() if e.type == event_type]


def health(store: EventStore) -> dict[str, dict]:  # type: ignore[type-arg]
    projector = SourceHealthProjector()
    ProjectionRunner(store, [projector]).catch_up()
    with store.db.connect() as conn:
        table = live_tables(conn, projector)["source_health"]  # type: ignore[index]
        return {r.source_id: dict(r._mapping) for r in conn.execute(table.select())}


# -- success paths -----------------------------------------------------------------------------


def test_changed_entry_becomes_revision_2(
    httpserver: HTTPServer, store: EventStore, poller: Poller, clock: Clock
) -> None:
    httpserver.expect_ordered_request("/rss").respond_with_data(RSS2)
    changed = RSS2.replace(b"A convoy of 28 lorries", b"A convoy of 31 lorries")
    httpserver.expect_ordered_request("/rss").respond_with_data(changed)
    source = feed_source(httpserver.url_for("/rss"))
    first = poll(poller, source)
    assert (first.status, first.appended) == ("ok", 3)
    assert poller.poll_if_due(source) is None  # not due again for 10 s
    clock.advance(11)
    second = poller.poll_if_due(source)
    assert (second.appended, second.revised, second.unchanged) == (1, 1, 2)
    stream = store.read_stream("report/wire/hw-2024-1102")
    assert [e.payload["revision"] for e in stream] == [1, 2]
    assert "31 lorries" in stream[1].payload["text"]
    row = health(store)["wire"]
    assert (row["reports_seen"], row["revisions"], row["failures_total"]) == (3, 4, 0)


def test_304_appends_nothing_and_counts_as_success(
    httpserver: HTTPServer, store: EventStore, poller: Poller, clock: Clock
) -> None:
    httpserver.expect_ordered_request("/rss").respond_with_data(
        RSS2, headers={"ETag": '"rev-1"', "Last-Modified": "Thu, 07 Nov 2024 10:00:00 GMT"}
    )
    httpserver.expect_ordered_request(
        "/rss",
        headers={"If-None-Match": '"rev-1"', "If-Modified-Since": "Thu, 07 Nov 2024 10:00:00 GMT"},
    ).respond_with_data("", status=304)
    source = feed_source(httpserver.url_for("/rss"))
    poll(poller, source)
    head_before = store.head()
    clock.advance(11)
    outcome = poller.poll_if_due(source)
    httpserver.check_assertions()
    assert outcome.status == "not_modified"
    assert store.head() == head_before
    state = poll_state.state_of(store.db, "wire")
    assert (state.etag, state.consecutive_failures, state.last_success_at) == (
        '"rev-1"',
        0,
        clock.now,
    )


def test_page_source(
    httpserver: HTTPServer, sqlite_store: EventStore, sqlite_poller: Poller
) -> None:
    httpserver.expect_request("/2024/11/07/shelters").respond_with_data(
        (FEEDS / "article.html").read_bytes(), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/2024/11/07/shelters")
    source = Source(id="courier", kind="page", url=url, every="1h", allow_private=True)
    assert poll(sqlite_poller, source).appended == 1
    (event,) = events_of(sqlite_store, "ReportObserved")
    p = event.payload
    assert p["title"] == "Shelter capacity doubled in river town"
    assert p["authors"] == ["Mara Lind"]
    assert p["published_at"] == "2024-11-07T09:30:00Z"  # the meta tag's time, not the URL's day
    assert "doubling the number of beds available to displaced families to about 600" in p["text"]
    assert "Most read" not in p["text"] and "Copyright" not in p["text"]


def test_local_telegram_export(sqlite_store: EventStore, sqlite_poller: Poller) -> None:
    source = Source(id="valley-tg", kind="telegram", path=FEEDS / "telegram_v1.json", every="1h")
    assert poll(sqlite_poller, source).appended == 2


def test_folder_source(tmp_path: Path, sqlite_store: EventStore, sqlite_poller: Poller) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "2024-11-07.md").write_text("Field note: the checkpoint reopened at noon.\n")
    source = Source(id="field-notes", kind="folder", path=notes, every="1h")
    assert poll(sqlite_poller, source).appended == 1
    (event,) = events_of(sqlite_store, "ReportObserved")
    assert event.payload["item_key"] == "2024-11-07.md"


# -- failures ----------------------------------------------------------------------------------


def test_429_retry_after_postpones_the_source(
    httpserver: HTTPServer, sqlite_store: EventStore, sqlite_poller: Poller, clock: Clock
) -> None:
    httpserver.expect_request("/rss").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "300"}
    )
    source = feed_source(httpserver.url_for("/rss"))
    outcome = poll(sqlite_poller, source)
    assert (outcome.status, outcome.error_kind, outcome.http_status) == (
        "failed",
        "rate_limited",
        429,
    )
    (failed,) = events_of(sqlite_store, "FetchFailed")
    assert failed.payload["http_status"] == 429
    assert failed.payload["message"] == "HTTP 429 Too Many Requests; retry after 300 s"
    assert poll_state.state_of(sqlite_store.db, "wire").next_due >= clock.now + 300
    clock.advance(60)  # well past the 10 s interval, but the server asked for 300 s
    assert sqlite_poller.poll_if_due(source) is None
    assert len(httpserver.log) == 1


def test_500_then_200_is_one_success(
    httpserver: HTTPServer, sqlite_store: EventStore, sqlite_poller: Poller
) -> None:
    httpserver.expect_ordered_request("/rss").respond_with_data("busy", status=500)
    httpserver.expect_ordered_request("/rss").respond_with_data(RSS2)
    outcome = poll(sqlite_poller, feed_source(httpserver.url_for("/rss")))
    assert (outcome.status, outcome.appended) == ("ok", 3)
    assert events_of(sqlite_store, "FetchFailed") == []


def test_backoff_grows_to_the_longest_interval_and_resets(
    httpserver: HTTPServer, sqlite_store: EventStore, sqlite_poller: Poller, clock: Clock
) -> None:
    httpserver.expect_request("/rss").respond_with_data("down", status=500)
    source = feed_source(httpserver.url_for("/rss"), retries=0, max_backoff="40s")
    sqlite_poller.prepare([source])
    waits = []
    for _ in range(5):
        outcome = sqlite_poller.poll_if_due(source)
        assert outcome.status == "failed"
        waits.append(outcome.next_due - clock.now)
        clock.advance(waits[-1] + 0.01)
    # 10 s interval doubling (±10 % jitter), then held at max_backoff = 40 s: never switched off.
    for wait, nominal in zip(waits, [10, 20, 40, 40, 40], strict=True):
        assert nominal * 0.89 <= wait <= nominal * 1.11
    assert poll_state.state_of(sqlite_store.db, "wire").consecutive_failures == 5
    row = health(sqlite_store)["wire"]
    assert (row["failures_total"], row["last_failure_kind"], row["last_failure_status"]) == (
        5,
        "server_error",
        500,
    )
    httpserver.clear()
    httpserver.expect_request("/rss").respond_with_data(RSS2)
    outcome = sqlite_poller.poll_if_due(source)
    assert outcome.status == "ok"
    assert outcome.next_due == pytest.approx(clock.now + 10)
    assert poll_state.state_of(sqlite_store.db, "wire").consecutive_failures == 0
    assert health(sqlite_store)["wire"]["failures_since_report"] == 0


def test_one_bad_source_does_not_stop_the_others(
    httpserver: HTTPServer, store: EventStore, poller: Poller
) -> None:
    httpserver.expect_request("/rss").respond_with_data(RSS2)
    httpserver.expect_request("/private").respond_with_data(RSS2)
    refused = feed_source(httpserver.url_for("/private"), "refused", allow_private=False)
    good = feed_source(httpserver.url_for("/rss"), "good")
    poller.prepare([refused, good])
    outcomes = {o.source_id: o for o in poller.poll_due([refused, good])}
    assert outcomes["good"].appended == 3
    assert outcomes["refused"].error_kind == "private_address"
    (failed,) = events_of(store, "FetchFailed")
    assert failed.payload["source_id"] == "refused"
    assert "resolves to 127.0.0.1, a loopback address" in failed.payload["message"]
    assert [r.path for r, _ in httpserver.log] == ["/rss"]  # the refused one was never asked
    rows = health(store)
    assert (rows["good"]["reports_seen"], rows["refused"]["last_failure_kind"]) == (
        3,
        "private_address",
    )


def test_410_gone_stops_the_source_with_an_event(
    httpserver: HTTPServer, sqlite_store: EventStore, sqlite_poller: Poller, clock: Clock
) -> None:
    httpserver.expect_request("/rss").respond_with_data("", status=410)
    source = feed_source(httpserver.url_for("/rss"))
    outcome = poll(sqlite_poller, source)
    assert (outcome.status, outcome.http_status) == ("gone", 410)
    (failed,) = events_of(sqlite_store, "FetchFailed")
    assert failed.payload["error_kind"] == "gone"
    assert "polling stopped" in failed.payload["message"]
    clock.advance(86400 * 30)
    assert sqlite_poller.poll_if_due(source) is None
    assert health(sqlite_store)["wire"]["gone"] is True
    # A new URL in the sources file starts it again.
    httpserver.expect_request("/rss-new").respond_with_data(RSS2)
    moved = feed_source(httpserver.url_for("/rss-new"))
    assert poll(sqlite_poller, moved).appended == 3


@pytest.mark.parametrize(
    ("name", "body", "kind", "message"),
    [
        ("html", (FEEDS / "challenge.html").read_bytes(), "not_a_feed", "not a feed"),
        ("empty", b"", "not_a_feed", "not a feed"),
        ("json", b'{"items": []}', "not_a_feed", "not a feed"),
    ],
)
def test_not_a_feed_is_a_failure(
    httpserver: HTTPServer,
    sqlite_store: EventStore,
    sqlite_poller: Poller,
    name: str,
    body: bytes,
    kind: str,
    message: str,
) -> None:
    httpserver.expect_request(f"/{name}").respond_with_data(body, content_type="text/html")
    outcome = poll(sqlite_poller, feed_source(httpserver.url_for(f"/{name}")))
    assert outcome.error_kind == kind
    (failed,) = events_of(sqlite_store, "FetchFailed")
    assert message in failed.payload["message"]


def test_malformed_feed_records_the_parse_error_on_the_events(
    httpserver: HTTPServer, sqlite_store: EventStore, sqlite_poller: Poller
) -> None:
    httpserver.expect_request("/rss").respond_with_data((FEEDS / "malformed.xml").read_bytes())
    assert poll(sqlite_poller, feed_source(httpserver.url_for("/rss"))).appended == 2
    for event in events_of(sqlite_store, "ReportObserved"):
        assert "not well-formed" in event.payload["raw"]["feed_error"]


def test_size_cap_and_stall_are_failures(
    threaded_server: HTTPServer, sqlite_store: EventStore, sqlite_poller: Poller
) -> None:
    def stall(_request: Request) -> Response:
        time.sleep(2)
        return Response(RSS2)

    threaded_server.expect_request("/big").respond_with_data(RSS2 * 100)
    threaded_server.expect_request("/stall").respond_with_handler(stall)
    big = feed_source(threaded_server.url_for("/big"), "big", max_bytes=10_000)
    slow = feed_source(threaded_server.url_for("/stall"), "slow", timeout=0.3, retries=0)
    sqlite_poller.prepare([big, slow])
    outcomes = {o.source_id: o for o in sqlite_poller.poll_due([big, slow])}
    assert outcomes["big"].error_kind == "too_large"
    assert outcomes["slow"].error_kind == "timeout"
    assert events_of(sqlite_store, "ReportObserved") == []
    kinds = {
        e.payload["source_id"]: e.payload["error_kind"]
        for e in events_of(sqlite_store, "FetchFailed")
    }
    assert kinds == {"big": "too_large", "slow": "timeout"}


# -- leases ------------------------------------------------------------------------------------


def test_leases_exclude_other_owners_until_they_expire(store: EventStore) -> None:
    now = 1_000_000.0
    poll_state.sync_sources(store.db, [("a", "http://x/a"), ("b", "http://x/b")], now)
    assert poll_state.lease_due(store.db, "node-1", ["a", "b"], now, 60, limit=1) == ["a"]
    assert poll_state.lease_due(store.db, "node-2", ["a", "b"], now, 60) == ["b"]
    assert poll_state.lease_due(store.db, "node-2", ["a", "b"], now + 30, 60) == []
    # node-1 died: after its lease expires node-2 takes the source over.
    assert poll_state.lease_due(store.db, "node-2", ["a"], now + 61, 60) == ["a"]
    assert poll_state.release(store.db, "node-1", "a", next_due=now + 100) is False
    assert poll_state.release(store.db, "node-2", "a", next_due=now + 100) is True
    assert poll_state.lease_due(store.db, "node-1", ["a"], now + 99, 60) == []


def test_backoff_never_below_retry_after() -> None:
    source = feed_source("http://127.0.0.1/x")
    assert backoff_seconds(source, 1, retry_after=3600) == 3600
