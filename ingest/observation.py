"""What a reader hands to an ingestion run: one report as seen in one source, not yet an event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from events.captures import Capture


@dataclass(frozen=True, slots=True)
class Observation:
    """One item of one source. `item_key` is stable across polls (GUID, URL or relative path)."""

    source_id: str
    item_key: str
    text: str
    url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published_at: datetime | None = None
    raw: dict[str, Any] = field(default_factory=dict)
    capture: Capture | None = field(default=None, repr=False, compare=False)
