"""Polling one source over real HTTP on 127.0.0.1 into a test's log."""

from __future__ import annotations

from events import EventStore
from ingest.fetch import Fetcher
from ingest.poller import Poller
from ingest.sources import Source


def poll_source(store: EventStore, url: str, kind: str, source_id: str = "wire") -> None:
    """Poll `url` once as a source of `kind`; the poll must succeed."""
    source = Source.model_validate(
        {
            "id": source_id,
            "kind": kind,
            "url": url,
            "every": "10s",
            "allow_private": True,
            "timeout": 5,
            "retries": 0,
        }
    )
    with Fetcher(backoff_base=0.01) as fetcher:
        poller = Poller(store, fetcher, owner="test")
        poller.prepare([source])
        outcome = poller.poll_if_due(source)
    assert outcome is not None and outcome.status == "ok", outcome
