"""The events every benchmark appends: `ReportObserved` of the synthetic corpus (~500-byte
payloads), built the way an ingestion run builds them."""

from __future__ import annotations

from datetime import UTC, datetime

from bench.corpus import Corpus, Report
from events import NewEvent, ReportObserved, content_event_id, report_stream_id

OBSERVED_AT = datetime(2025, 1, 15, 12, 0, tzinfo=UTC)
# Text length that gives payloads of about 500 bytes of canonical JSON.
TEXT_CHARS = 80


def reports(count: int, seed: int = 7, text_chars: int = TEXT_CHARS) -> list[Report]:
    return list(Corpus(seed).reports(count, min_chars=text_chars))


def model_of(report: Report) -> ReportObserved:
    return ReportObserved(
        source_id=report.source_id,
        item_key=report.item_key,
        url=report.url,
        title=report.title,
        published_at=report.published_at,
        observed_at=OBSERVED_AT,
        text=report.text,
        content_sha256=report.content_sha256,
    )


def new_event(model: ReportObserved) -> NewEvent:
    """The envelope exactly as `ingest.run` makes it: content-derived id, one stream per item."""
    return NewEvent.of(
        model,
        stream_id=report_stream_id(model.source_id, model.item_key),
        event_id=content_event_id(model.source_id, model.item_key, model.content_sha256, ""),
    )


def new_events(count: int, seed: int = 7, text_chars: int = TEXT_CHARS) -> list[NewEvent]:
    return [new_event(model_of(r)) for r in reports(count, seed, text_chars)]


def batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]
