"""Captures of what the readers read (`events.captures`): an HTTP response as `Fetcher` got it,
or a file's bytes as they were on disk. The poller and the folder reader attach one to each
observation; `ingest.run` stores it just before the events that name it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from events.captures import Capture
from ingest.fetch import FetchResult
from ingest.observation import Observation


def _iso(moment: datetime | None) -> str:
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def response_capture(result: FetchResult) -> Capture:
    """The capture of the response a reader used (the last hop of any redirects)."""
    return Capture(
        kind="http",
        uri=result.requested_url or result.url,
        final_uri=result.url,
        requested_at=_iso(result.requested_at),
        responded_at=_iso(result.responded_at),
        body=result.raw_body if result.raw_body is not None else result.body,
        status=result.status,
        reason=result.reason,
        http_version=result.http_version,
        peer_ip=result.peer_ip,
        request_headers=result.request_headers,
        response_headers=result.raw_headers,
    )


def file_capture(path: Path, body: bytes, read_at: datetime | None = None) -> Capture:
    """The capture of a file's bytes (its absolute `file:` URI)."""
    uri = path.resolve().as_uri()
    when = _iso(read_at)
    return Capture(
        kind="file", uri=uri, final_uri=uri, requested_at=when, responded_at=when, body=body
    )


def with_capture(observations: list[Observation], capture: Capture) -> list[Observation]:
    """The observations of one document, each naming its capture."""
    return [dataclasses.replace(o, capture=capture) for o in observations]
