"""The web app on a real port over the audit scenario (SQLite and PostgreSQL), and hostile
reports polled from a real feed server into the same log."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from pytest_httpserver import HTTPServer

from events import EventStore
from ingest.fetch import Fetcher
from ingest.poller import Poller
from ingest.sources import Source
from osint.wiring import all_projectors
from projections.runner import ProjectionRunner
from tests.audit.conftest import scenario, sqlite_scenario  # noqa: F401 (fixtures)
from tests.web.hostile import hostile_feed
from tests.web.server import serving


@pytest.fixture
def base_url(scenario: EventStore) -> Iterator[str]:  # noqa: F811 (the imported fixture)
    with serving(scenario) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as c:
        yield c


def poll_hostile_feed(store: EventStore, server: HTTPServer) -> None:
    """Serve the hostile feed, poll it into `store` as a reader would, update the views."""
    server.expect_request("/hostile.xml").respond_with_data(
        hostile_feed(), content_type="application/rss+xml"
    )
    source = Source.model_validate(
        {
            "id": "hostile-wire",
            "kind": "feed",
            "url": server.url_for("/hostile.xml"),
            "every": "1h",
            "allow_private": True,  # the feed server plays the internet on 127.0.0.1
        }
    )
    with Fetcher() as fetcher:
        poller = Poller(store, fetcher, owner="web-test")
        poller.prepare([source])
        (outcome,) = poller.poll_due([source])
    assert outcome.status == "ok" and outcome.appended == 5, outcome
    ProjectionRunner(store, all_projectors()).catch_up()
