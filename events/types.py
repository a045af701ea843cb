"""The event types. Each has a stable name (`event_type`), never an import path, and a
schema version.

Adding a field with a default is backward compatible; anything else bumps `event_schema_version`
and registers an upcaster in `events.upcasting`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_serializer

from events.envelope import StoredEvent
from events.errors import UnknownEventType


class DomainEvent(BaseModel):
    """Base of all event payload models."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    event_type: ClassVar[str]
    event_schema_version: ClassVar[int] = 1

    @property
    def moment(self) -> datetime | None:
        """When what this event records was seen (or done): the log clock's reading of it.
        None: the log's own `recorded_at` stands for it."""
        return None


class _Observed(DomainEvent):
    """An event about something a reader saw at `observed_at`."""

    observed_at: datetime

    @property
    def moment(self) -> datetime | None:
        return self.observed_at


class ReportObserved(_Observed):
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
    # The SHA-256 of the raw capture the reader used (events/captures.py), when there is one.
    capture_sha256: str | None = None

    @model_serializer(mode="wrap")
    def _without_absent_capture(self, handler: Any) -> Any:
        """No `capture_sha256` key when there is none: the payload of a report seen without
        a capture stays byte for byte what it was before the field existed."""
        data = handler(self)
        if isinstance(data, dict) and data.get("capture_sha256") is None:
            data.pop("capture_sha256", None)
        return data


class FetchFailed(_Observed):
    """A poll of a source failed. Gaps in coverage are part of an audit."""

    event_type: ClassVar[str] = "FetchFailed"

    source_id: str
    url: str | None = None
    error_kind: str
    message: str
    http_status: int | None = None
    observed_at: datetime


class ReportWithdrawn(_Observed):
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
    last_revision: int = 0  # the revision that was withdrawn (a reappearance is the next one)


EVENT_TYPES: dict[str, type[DomainEvent]] = {
    cls.event_type: cls for cls in (ReportObserved, FetchFailed, ReportWithdrawn)
}
T = TypeVar("T", bound=type[DomainEvent])


def registered(cls: T) -> T:
    """Register an event type defined in another module of `events` (judgments, say)."""
    if cls.event_type in EVENT_TYPES:
        raise ValueError(f"event type {cls.event_type!r} is registered twice")
    EVENT_TYPES[cls.event_type] = cls
    return cls


def event_type_named(name: str) -> type[DomainEvent] | None:
    """The event type called `name`, whatever its case (`fetchfailed` is `FetchFailed`)."""
    wanted = name.strip().lower()
    return next((t for n, t in EVENT_TYPES.items() if n.lower() == wanted), None)


# -- stream ids ---------------------------------------------------------------------------------


def report_stream_id(source_id: str, item_key: str) -> str:
    """One stream per (source, item): a changed article is a new revision in its stream."""
    return f"report/{source_id}/{item_key}"


def source_stream_id(source_id: str) -> str:
    """A source's own stream: its failed polls."""
    return f"source/{source_id}"


REPORT_STREAM_PREFIX = "report/"


# -- typed events on the read side ---------------------------------------------------------------

E = TypeVar("E", bound=DomainEvent)


@dataclass(frozen=True, slots=True)
class Recorded(Generic[E]):
    """A stored event decoded into its model: what projectors and queries read, so a renamed
    field fails where it is read instead of quietly giving None."""

    position: int
    event_id: str
    stream_id: str
    stream_version: int
    recorded_at: str
    hash: str
    prev_hash: str
    data: E


def decode(event: StoredEvent) -> Recorded[DomainEvent]:
    """The typed form of a stored (already upcast) event; `UnknownEventType` for a type no model
    is registered for, or a payload its model does not accept."""
    model = EVENT_TYPES.get(event.type)
    if model is None:
        raise UnknownEventType(f"position {event.position}: unknown event type {event.type!r}")
    try:
        data = model.model_validate(event.payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "payload"
        raise UnknownEventType(
            f"position {event.position}: a {event.type} whose {where} this osint cannot read"
            f" ({first['msg']})"
        ) from None
    return Recorded(
        event.position,
        event.event_id,
        event.stream_id,
        event.stream_version,
        event.recorded_at,
        event.hash,
        event.prev_hash,
        data,
    )
