"""The event types. Each has a stable name (`event_type`), never an import path, and a
schema version.

Adding a field with a default is backward compatible; anything else bumps `event_schema_version`
and registers an upcaster in `events.upcasting`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field

from events.envelope import StoredEvent
from events.errors import UnknownEventType


class DomainEvent(BaseModel):
    """Base of all event payload models."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    event_type: ClassVar[str]
    event_schema_version: ClassVar[int] = 1


class ReportObserved(DomainEvent):
    """A reader saw a report: one revision of one item of one source."""

    event_type: ClassVar[str] = "ReportObserved"

    source_id: str
    item_key: str
    url: str | None = None
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published_at: datetime | None = None
    observed_at: datetime
    text: str
    content_sha256: str
    revision: int = 1
    supersedes: str | None = None
    raw: dict[str, Any] = Field(default_factory=dict)


class FetchFailed(DomainEvent):
    """A poll of a source failed. Gaps in coverage are part of an audit."""

    event_type: ClassVar[str] = "FetchFailed"

    source_id: str
    url: str | None = None
    error_kind: str
    message: str
    http_status: int | None = None
    observed_at: datetime


class ReportWithdrawn(DomainEvent):
    """A report a reader saw before is no longer there (a deleted post, a page that now says
    404). Appended to the report's own stream: the log keeps every revision that was seen, and
    this records only that the source stopped carrying it."""

    event_type: ClassVar[str] = "ReportWithdrawn"

    source_id: str
    item_key: str
    url: str | None = None
    observed_at: datetime
    reason: str
    last_content_sha256: str | None = None


EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.event_type: cls for cls in (ReportObserved, FetchFailed, ReportWithdrawn)
}


def report_stream_id(source_id: str, item_key: str) -> str:
    """One stream per (source, item): a changed article is a new revision in its stream."""
    return f"report/{source_id}/{item_key}"


def decode(event: StoredEvent) -> DomainEvent:
    """The typed model of a stored (already upcast) event."""
    model = EVENT_TYPES.get(event.type)
    if model is None:
        raise UnknownEventType(f"position {event.position}: unknown event type {event.type!r}")
    return model.model_validate(event.payload)
