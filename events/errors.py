"""Errors of the log. Callers catch `EventStoreError`; driver errors never leave this package.

EventStoreError
├── StoreUnavailable       the database cannot be opened, reached or written
│                          (bad URL, lost connection, full disk)
├── SchemaVersionError     the database was made by a newer version of this program
├── ConcurrencyError       an expected stream version did not match; nothing was written
├── IdempotencyConflict    an event id is already stored with different content; nothing was written
├── UnknownEventType       a stored type has no registered model
├── UpcastError            a stored event cannot be lifted to the current schema version
│                          (a missing step, or a step registered twice)
└── EvidenceError          the Merkle tree, a checkpoint, a key or a capture cannot serve
    ├── TreeError          the stored tree lacks a node it should have (or the size asked for)
    ├── NoteError          a signed note, checkpoint or key is malformed or does not verify
    └── CaptureError       a capture is missing or its bytes do not match its digest
"""

from __future__ import annotations


class EventStoreError(Exception):
    """Base of every error raised by `events`."""


class StoreUnavailable(EventStoreError):
    """The database cannot be opened, reached or written."""


class SchemaVersionError(EventStoreError):
    """The database's schema is newer than this program understands."""


class ConcurrencyError(EventStoreError):
    """A stream was not at the version the writer expected."""

    def __init__(self, stream_id: str, expected: int, actual: int) -> None:
        super().__init__(
            f"stream {stream_id!r} is at version {actual}, expected {expected};"
            " nothing was appended"
        )
        self.stream_id = stream_id
        self.expected = expected
        self.actual = actual


class IdempotencyConflict(EventStoreError):
    """The same event id was appended with different content."""

    def __init__(self, event_id: str, position: int) -> None:
        super().__init__(
            f"event {event_id} is already stored at position {position} with different content;"
            " nothing was appended"
        )
        self.event_id = event_id
        self.position = position


class UnknownEventType(EventStoreError):
    """A stored event's type has no model registered for it."""


class UpcastError(EventStoreError):
    """An event cannot be upcast: no step from its version, or two steps for one version."""


class EvidenceError(EventStoreError):
    """Base of the evidence errors: the tree, signed checkpoints, keys, captures."""


class TreeError(EvidenceError):
    """The stored Merkle tree cannot answer (a missing node, a size beyond the log)."""


class NoteError(EvidenceError):
    """A signed note, checkpoint or key is malformed, or its signature does not verify."""


class CaptureError(EvidenceError):
    """A capture is not stored, or its bytes do not match its digest."""
