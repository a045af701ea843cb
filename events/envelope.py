"""The envelope: what an event is before it is stored (`NewEvent`) and after (`StoredEvent`).

Both are frozen value objects so they can cross layers and be compared in asserts; payloads are
plain dicts here and become typed models only where a caller asks (`events.types.decode`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

# Ids derived from content live in this namespace, so the same content always gets the same id.
EVENT_ID_NAMESPACE = uuid.UUID("6f1d2c3e-9a4b-5c7d-8e9f-0a1b2c3d4e5f")


def content_event_id(*parts: str) -> str:
    """A deterministic event id from the parts that make an event unique."""
    return str(uuid.uuid5(EVENT_ID_NAMESPACE, "\x1f".join(parts)))


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event to append. `event_id` is the idempotency key."""

    event_id: str
    stream_id: str
    type: str
    schema_version: int
    payload: dict[str, Any]
    metadata: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        model: BaseModel,
        *,
        stream_id: str,
        event_id: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> NewEvent:
        """Wrap a typed event model (see `events.types`) in an envelope."""
        return cls(
            event_id=event_id or str(uuid.uuid4()),
            stream_id=stream_id,
            type=model.event_type,  # type: ignore[attr-defined]
            schema_version=model.event_schema_version,  # type: ignore[attr-defined]
            payload=model.model_dump(mode="json"),
            metadata=metadata or {},
        )


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as read back from the log, payload already upcast to the current schema."""

    position: int
    event_id: str
    stream_id: str
    stream_version: int
    type: str
    schema_version: int
    recorded_at: str
    payload: dict[str, Any]
    metadata: dict[str, Any]
    prev_hash: str
    hash: str
