"""One ingestion run: observations in, `ReportObserved` events out.

For each observation: hash the text, compare with the stream's latest revision, and append only
what changed (revision n+1, `supersedes` = the previous hash). Ids derive from (source, item,
content hash, the id of the stream's last event), so a concurrent run of the same source computes
the same ids and its duplicate is recognised as already recorded, not as an error; and a text
that changes back to an earlier one gets an id of its own.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice

from events import (
    ConcurrencyError,
    EventStore,
    FetchFailed,
    IdempotencyConflict,
    NewEvent,
    ReportObserved,
    ReportWithdrawn,
    content_event_id,
    decode,
    report_stream_id,
    source_stream_id,
)
from events.captures import CaptureStore
from ingest.observation import Observation

BATCH_SIZE = 200
_ATTEMPTS = 5


@dataclass
class RunResult:
    """What one run did, for the command line and for tests."""

    appended: int = 0
    revised: int = 0
    unchanged: int = 0
    positions: list[int] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.appended + self.unchanged


def content_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ingest_observations(
    store: EventStore,
    observations: Iterable[Observation],
    observed_at: datetime | None = None,
    batch_size: int = BATCH_SIZE,
) -> RunResult:
    """Append what is new or changed among `observations`; each batch is atomic."""
    result = RunResult()
    for chunk in _batched(observations, batch_size):
        _ingest_chunk(store, chunk, observed_at or datetime.now(UTC), result)
    return result


def _ingest_chunk(
    store: EventStore, chunk: list[Observation], observed_at: datetime, result: RunResult
) -> None:
    # The last observation of an item wins if a source lists it twice.
    by_stream = {report_stream_id(o.source_id, o.item_key): o for o in chunk}
    digests = _capture_digests(by_stream.values())
    for attempt in range(_ATTEMPTS):
        latest = {k: decode(e) for k, e in store.last_in_streams(by_stream).items()}
        batch: list[NewEvent] = []
        expected: dict[str, int] = {}
        unchanged = revised = 0
        for stream_id, obs in by_stream.items():
            digest = content_sha256(obs.text)
            last = latest.get(stream_id)
            report = last.data if last is not None else None
            if isinstance(report, ReportObserved) and report.content_sha256 == digest:
                unchanged += 1
                continue
            previous, revision = None, 1
            if isinstance(report, ReportObserved):
                previous, revision = report.content_sha256, report.revision + 1
            elif isinstance(report, ReportWithdrawn):
                # Back after being withdrawn: the next revision, even with the same text.
                previous, revision = report.last_content_sha256, report.last_revision + 1
            revised += revision > 1
            expected[stream_id] = last.stream_version if last else 0
            report_event = _report(obs, observed_at, digest, revision, previous)
            if obs.capture is not None:
                report_event = report_event.model_copy(
                    update={"capture_sha256": digests[id(obs.capture)]}
                )
            batch.append(
                NewEvent.of(
                    report_event,
                    stream_id=stream_id,
                    # The id follows the stream's last event: a concurrent run of the same
                    # source computes the same one, and text that changes back (A, B, A, B)
                    # never repeats an id.
                    event_id=content_event_id(
                        obs.source_id, obs.item_key, digest, last.event_id if last else ""
                    ),
                )
            )
        try:
            if batch:
                # Stored first, so no event names a capture that is not there.
                _store_captures(store, [by_stream[e.stream_id] for e in batch])
            positions = store.append(batch, expected) if batch else []
        except (ConcurrencyError, IdempotencyConflict):
            # Another run appended to one of these streams meanwhile: look again.
            if attempt == _ATTEMPTS - 1:
                raise
            continue
        result.appended += len(batch)
        result.revised += revised
        result.unchanged += unchanged + (len(chunk) - len(by_stream))
        result.positions.extend(positions)
        return


def _capture_digests(observations: Iterable[Observation]) -> dict[int, str]:
    """Each distinct capture's digest, computed once (a feed's items share one document)."""
    found: dict[int, str] = {}
    for obs in observations:
        if obs.capture is not None and id(obs.capture) not in found:
            found[id(obs.capture)] = obs.capture.sha256
    return found


def _store_captures(store: EventStore, observations: list[Observation]) -> None:
    unique = {id(o.capture): o.capture for o in observations if o.capture is not None}
    if unique:
        CaptureStore(store.db).put(unique.values())


def record_failure(
    store: EventStore,
    source_id: str,
    error_kind: str,
    message: str,
    url: str | None = None,
    http_status: int | None = None,
    observed_at: datetime | None = None,
) -> int:
    """Append a `FetchFailed` event: a gap in coverage is part of the record."""
    event = FetchFailed(
        source_id=source_id,
        url=url,
        error_kind=error_kind,
        message=message,
        http_status=http_status,
        observed_at=observed_at or datetime.now(UTC),
    )
    return store.append([NewEvent.of(event, stream_id=source_stream_id(source_id))])[0]


def _report(
    obs: Observation, observed_at: datetime, digest: str, revision: int, previous: str | None
) -> ReportObserved:
    return ReportObserved(
        source_id=obs.source_id,
        item_key=obs.item_key,
        url=obs.url,
        title=obs.title,
        authors=list(obs.authors),
        published_at=obs.published_at,
        observed_at=observed_at,
        text=obs.text,
        content_sha256=digest,
        revision=revision,
        supersedes=previous,
        raw=obs.raw,
    )


def _batched(items: Iterable[Observation], size: int) -> Iterator[list[Observation]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
