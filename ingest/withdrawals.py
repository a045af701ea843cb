"""Reports a source no longer carries: a `ReportWithdrawn` in the report's own stream.

A reader that can say which items it would have seen if they still existed (a Telegram preview
covers every post id between its oldest and newest post) hands back a `Coverage`. An item in
that coverage that the log holds, whose stream does not already end in a withdrawal, and that
the read did not show, is withdrawn. Nothing is deleted: the revisions stay in the log, and a
post that comes back is observed again as a new revision (`ingest.run`).

Which items were seen is read from the log through `EventStore.last_in_streams` over the
coverage's candidate streams, so no listing of a source's streams is needed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from events import (
    ConcurrencyError,
    EventStore,
    IdempotencyConflict,
    NewEvent,
    Recorded,
    ReportObserved,
    ReportWithdrawn,
    content_event_id,
    decode,
    report_stream_id,
)

MAX_CANDIDATES = 100_000  # a range wider than this is not judged at all
_ATTEMPTS = 5


@dataclass(frozen=True, slots=True)
class Coverage:
    """What one read could have shown (`candidates`, item keys) and what it showed."""

    source_id: str
    candidates: tuple[str, ...]
    present: frozenset[str]


def seen_items(store: EventStore, source_id: str, item_keys: Iterable[str]) -> dict[str, Recorded]:
    """The latest event of each of these items' streams that exists in the log, by item key."""
    streams = {report_stream_id(source_id, key): key for key in item_keys}
    return {streams[s]: decode(event) for s, event in store.last_in_streams(streams).items()}


def record_withdrawals(
    store: EventStore, coverage: Coverage, reason: str, observed_at: datetime | None = None
) -> int:
    """Append a `ReportWithdrawn` for each covered item that is gone; returns how many.

    The event id derives from the stream's last event, so a concurrent poll that saw the same
    absence appends nothing new."""
    if len(coverage.candidates) > MAX_CANDIDATES:
        return 0
    missing = [key for key in coverage.candidates if key not in coverage.present]
    when = observed_at or datetime.now(UTC)
    for attempt in range(_ATTEMPTS):
        latest = seen_items(store, coverage.source_id, missing)
        batch: list[NewEvent] = []
        expected: dict[str, int] = {}
        for key, last in latest.items():
            report = last.data
            if not isinstance(report, ReportObserved):
                continue  # already withdrawn
            stream_id = report_stream_id(coverage.source_id, key)
            event = ReportWithdrawn(
                source_id=coverage.source_id,
                item_key=key,
                url=report.url,
                observed_at=when,
                reason=reason,
                last_content_sha256=report.content_sha256,
                last_revision=report.revision,
            )
            event_id = content_event_id(coverage.source_id, key, "withdrawn", last.event_id)
            batch.append(NewEvent.of(event, stream_id=stream_id, event_id=event_id))
            expected[stream_id] = last.stream_version
        try:
            if batch:
                store.append(batch, expected)
        except (ConcurrencyError, IdempotencyConflict):
            if attempt == _ATTEMPTS - 1:
                raise
            continue
        return len(batch)
    return 0
