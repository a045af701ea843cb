"""Hostile and broken feeds and pages: every case ends in observations (events) or a clear
reader error (a `FetchFailed`), never another exception, a hang, unbounded memory, a resolved
external entity or a request it was not asked to make; and the other sources keep being polled.

Three levels: fuzzed bytes through the real readers (`read_feed`, `read_page`); named cases
served by a real HTTP server on 127.0.0.1 and polled into a real log on SQLite and PostgreSQL;
and the scheduler running over all of them at once. A watchdog turns a hang into a failure and
a high-water-mark check turns a memory blow-up into one (guards, not measurements).
"""

from __future__ import annotations

import logging
import resource
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from ingest.feed import FeedError, read_feed
from ingest.fetch import Fetcher
from ingest.observation import Observation
from ingest.page import PageError, read_page
from ingest.poller import Poller
from ingest.scheduler import Scheduler
from ingest.sources import Source
from osint.wiring import open_store
from tests.ingest.servers import threaded_server  # noqa: F401 (a fixture)
from tests.reliability.harness import scale
from tests.reliability.hostile import (
    KNOWN_FEED_BUGS,
    SECRET_MARKER,
    SECRET_PATH,
    feed_documents,
    named_feeds,
    named_pages,
    page_documents,
)
from tests.reliability.test_extractor_fuzz import watchdog

pytestmark = pytest.mark.reliability

MEMORY_GUARD = 1536 * 1024 * 1024  # bytes of peak growth a single document may cause
FIFTY_MB = 50 * 1024 * 1024


@pytest.fixture(scope="module", autouse=True)
def secret_file() -> Iterator[Path]:
    """The file the external entities point at; its marker must never reach an observation."""
    SECRET_PATH.write_text(SECRET_MARKER, encoding="utf-8")
    yield SECRET_PATH
    SECRET_PATH.unlink(missing_ok=True)


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _check_observations(observations: list[Observation]) -> None:
    for obs in observations:
        assert isinstance(obs.item_key, str) and obs.item_key, obs
        assert isinstance(obs.text, str), obs
        everything = f"{obs.text} {obs.title} {obs.raw}"
        assert SECRET_MARKER not in everything, "an external entity was resolved"
        assert "lollollol" not in obs.text, "an entity bomb was expanded"


def parse_feed(body: bytes, seconds: float = 60.0) -> list[Observation] | None:
    """The feed's observations, or None for a clean `FeedError`; anything else fails."""
    before = _peak_rss()
    with watchdog(seconds, repr(body[:300])):
        try:
            observations = read_feed(body, "fuzz", "fuzz-feed").observations
        except FeedError:
            observations = None
    assert _peak_rss() - before < MEMORY_GUARD, f"memory blew up on {body[:200]!r}"
    _check_observations(observations or [])
    return observations


def parse_page(body: bytes, seconds: float = 60.0) -> Observation | None:
    before = _peak_rss()
    with watchdog(seconds, repr(body[:300])):
        try:
            observation = read_page(body, "fuzz", "https://news.example.org/a")
        except PageError:
            observation = None
    assert _peak_rss() - before < MEMORY_GUARD, f"memory blew up on {body[:200]!r}"
    _check_observations([observation] if observation else [])
    return observation


FUZZ = settings(
    max_examples=scale(150, 3000),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(body=feed_documents())
def test_fuzzed_feeds_end_in_observations_or_a_feed_error(body: bytes):
    parse_feed(body)


@settings(
    max_examples=scale(60, 1000),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(body=page_documents())
def test_fuzzed_pages_end_in_an_observation_or_a_page_error(body: bytes):
    parse_page(body)


@pytest.mark.parametrize("name", sorted(named_feeds("http://127.0.0.1:9")))
def test_named_hostile_feed_through_the_reader(name: str):
    parse_feed(named_feeds("http://127.0.0.1:9")[name])


@pytest.mark.parametrize("name", sorted(named_pages()))
def test_named_hostile_page_through_the_reader(name: str):
    parse_page(named_pages()[name])


@pytest.mark.parametrize("name", sorted(KNOWN_FEED_BUGS))
def test_impossible_character_references_leave_the_entry_readable(name: str):
    """feedparser raises on references to no character; the reader replaces them first."""
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><item><guid>a</guid><description>'
        b"About 200 soldiers arrived. "
        + KNOWN_FEED_BUGS[name]
        + b"</description></item></channel></rss>"
    )
    observations = parse_feed(body)
    assert observations is not None
    (entry,) = observations
    assert entry.item_key == "a"
    assert entry.text.startswith("About 200 soldiers arrived.")
    assert "\ufffd" in entry.text


# -- served over HTTP and polled into a real log ------------------------------------------------


@pytest.fixture
def server(threaded_server: HTTPServer) -> HTTPServer:  # noqa: F811 (the imported fixture)
    """The ingest tests' threaded server on 127.0.0.1 (slow sources must not block others)."""
    return threaded_server


GOOD_FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title><item><guid>g1</guid>'
    b"<title>Troops</title><description>About 200 soldiers arrived.</description></item>"
    b"</channel></rss>"
)


def _serve(server: HTTPServer, big: bool = True) -> list[Source]:
    """Every named case at its own path (feeds and pages), 50 MB bodies with and without a
    Content-Length, and one good feed. Returns the sources polling them."""
    base = f"http://127.0.0.1:{server.port}"
    sources: list[Source] = []

    def add(kind: str, index: int, path: str) -> None:
        sources.append(
            Source.model_validate(
                {
                    "id": f"{kind}-{index}",
                    "kind": kind,
                    "url": base + path,
                    "every": "1s",
                    "allow_private": True,  # the server plays the internet on 127.0.0.1
                    "timeout": 10,
                    "retries": 0,
                }
            )
        )

    for index, (name, body) in enumerate(sorted(named_feeds(base).items())):
        server.expect_request(f"/feed/{index}").respond_with_data(body, content_type="text/xml")
        add("feed", index, f"/feed/{index}")
        del name
    for index, (_name, body) in enumerate(sorted(named_pages().items())):
        server.expect_request(f"/page/{index}").respond_with_data(body, content_type="text/html")
        add("page", index, f"/page/{index}")
    if big:
        body = b"<rss>" + b"x" * FIFTY_MB
        server.expect_request("/big/declared").respond_with_data(body, content_type="text/xml")

        def streamed(_request: Request) -> Response:
            return Response((body[i : i + 65536] for i in range(0, len(body), 65536)), 200)

        server.expect_request("/big/streamed").respond_with_handler(streamed)
        add("feed", 900, "/big/declared")
        add("feed", 901, "/big/streamed")
    server.expect_request("/good").respond_with_data(GOOD_FEED, content_type="text/xml")
    sources.append(
        Source.model_validate(
            {
                "id": "good",
                "kind": "feed",
                "url": base + "/good",
                "every": "1s",
                "allow_private": True,
            }
        )
    )
    return sources


def _forbidden_requests(server: HTTPServer) -> list[str]:
    return [req.path for req, _ in server.log if req.path in ("/xxe", "/dtd")]


def test_hostile_sources_polled_into_the_log(db_url: str, server: HTTPServer):
    sources = _serve(server)
    store = open_store(db_url)
    try:
        with Fetcher(backoff_base=0.01) as fetcher:
            poller = Poller(store, fetcher, owner="reliability")
            poller.prepare(sources)
            outcomes = {o.source_id: o for o in poller.poll_due(sources)}
        assert set(outcomes) == {s.id for s in sources}
        bugs = {s: o.message for s, o in outcomes.items() if o.error_kind == "internal_error"}
        assert bugs == {}, f"reader bugs (caught only by the poller's safety net): {bugs}"
        assert {o.status for o in outcomes.values()} <= {"ok", "failed"}
        assert outcomes["good"].status == "ok" and outcomes["good"].appended == 1
        assert outcomes["feed-900"].error_kind == "too_large"
        assert outcomes["feed-901"].error_kind == "too_large"
        failed = {e.payload["source_id"] for e in store.read() if e.type == "FetchFailed"}
        assert failed == {s for s, o in outcomes.items() if o.status == "failed"}
        for event in store.read():
            assert SECRET_MARKER not in str(event.payload)
        assert store.verify().ok
        assert _forbidden_requests(server) == []
    finally:
        store.close()
    counts = {
        "ok": sum(o.status == "ok" for o in outcomes.values()),
        "failed": sorted({o.error_kind for o in outcomes.values() if o.error_kind}),
    }
    print(f"\nhostile sources on {db_url.split(':')[0]}: {len(outcomes)} polled, {counts}")


def test_the_scheduler_keeps_running_through_hostile_sources(
    sqlite_url: str, server: HTTPServer, caplog: pytest.LogCaptureFixture
):
    sources = _serve(server, big=False)  # the 50 MB bodies are the test above's
    store = open_store(sqlite_url)
    caplog.set_level(logging.ERROR)
    try:
        with Fetcher(backoff_base=0.01) as fetcher:
            poller = Poller(store, fetcher, owner="reliability-scheduler")
            poller.prepare(sources)
            scheduler = Scheduler(store, sources, poller)
            thread = threading.Thread(target=scheduler.run, daemon=True)
            thread.start()
            polled: set[str] = set()
            deadline = time.monotonic() + scale(60, 300)
            while time.monotonic() < deadline and polled != {s.id for s in sources}:
                time.sleep(0.5)
                polled = {e.payload["source_id"] for e in store.read()}
            assert thread.is_alive(), "the scheduler stopped by itself"
            poller.stop.set()
            thread.join(timeout=60)
            assert not thread.is_alive(), "the scheduler did not stop when asked"
        assert polled == {s.id for s in sources}
        # trafilatura logs unreadable pages at ERROR itself (page.py's setLevel(ERROR) lets them
        # through); anything else at ERROR (a job that raised, a poll that died) is a failure.
        errors = [
            f"{r.name}: {r.getMessage()}"
            for r in caplog.records
            if r.levelno >= logging.ERROR and not r.name.startswith("trafilatura")
        ]
        assert errors == [], errors
        assert store.verify().ok
        assert _forbidden_requests(server) == []
    finally:
        store.close()
