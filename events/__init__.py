"""The log: event envelope, event types, the append-only hash-chained store and upcasting, and
the database layer and schema registry every package uses.

Imports nothing of ours; `ingest` and `projections` meet only here.
"""

from events.db import Database
from events.envelope import NewEvent, StoredEvent, content_event_id
from events.errors import (
    ConcurrencyError,
    EventStoreError,
    IdempotencyConflict,
    SchemaVersionError,
    StoreUnavailable,
    UnknownEventType,
    UpcastError,
)
from events.judgments import (
    ClaimantsMerged,
    ClaimantsSplit,
    FigureJudged,
    FigureRef,
    Judgment,
    SourcesLinked,
)
from events.migrations import Component, ComponentStatus, SchemaRegistry, Step
from events.store import CheckedEvent, EventStore, VerifyReport, utc_now
from events.types import (
    EVENT_TYPES,
    DomainEvent,
    FetchFailed,
    Recorded,
    ReportObserved,
    ReportWithdrawn,
    decode,
    event_type_named,
    report_stream_id,
    source_stream_id,
)
from events.upcasting import UpcasterRegistry, default_upcasters

__all__ = [
    "EVENT_TYPES",
    "CheckedEvent",
    "ClaimantsMerged",
    "ClaimantsSplit",
    "Component",
    "ComponentStatus",
    "ConcurrencyError",
    "Database",
    "DomainEvent",
    "EventStore",
    "EventStoreError",
    "FetchFailed",
    "FigureJudged",
    "FigureRef",
    "IdempotencyConflict",
    "Judgment",
    "NewEvent",
    "Recorded",
    "ReportObserved",
    "ReportWithdrawn",
    "SchemaRegistry",
    "SchemaVersionError",
    "SourcesLinked",
    "Step",
    "StoreUnavailable",
    "StoredEvent",
    "UnknownEventType",
    "UpcastError",
    "UpcasterRegistry",
    "VerifyReport",
    "content_event_id",
    "decode",
    "default_upcasters",
    "event_type_named",
    "report_stream_id",
    "source_stream_id",
    "utc_now",
]
