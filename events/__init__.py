"""The log: event envelope, event types, the append-only hash-chained store and upcasting.

Imports nothing of ours; `ingest` and `projections` meet only here.
"""

from events.envelope import NewEvent, StoredEvent, content_event_id
from events.errors import (
    ConcurrencyError,
    EventStoreError,
    IdempotencyConflict,
    SchemaVersionError,
    StoreUnavailable,
    UnknownEventType,
)
from events.store import EventStore, VerifyReport, create_store_engine, utc_now
from events.types import (
    EVENT_TYPES,
    DomainEvent,
    FetchFailed,
    ReportObserved,
    ReportWithdrawn,
    decode,
    report_stream_id,
)
from events.upcasting import UpcasterRegistry, default_upcasters

__all__ = [
    "EVENT_TYPES",
    "ConcurrencyError",
    "DomainEvent",
    "EventStore",
    "EventStoreError",
    "FetchFailed",
    "IdempotencyConflict",
    "NewEvent",
    "ReportObserved",
    "ReportWithdrawn",
    "SchemaVersionError",
    "StoreUnavailable",
    "StoredEvent",
    "UnknownEventType",
    "UpcasterRegistry",
    "VerifyReport",
    "content_event_id",
    "create_store_engine",
    "decode",
    "default_upcasters",
    "report_stream_id",
    "utc_now",
]
