"""One text form for every moment in the views, so that text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache

FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def iso_utc(value: str | datetime | None) -> str | None:
    """`value` as fixed-width UTC text (microseconds, `Z`); None stays None."""
    if value is None:
        return None
    if isinstance(value, str):
        return _iso_from_text(value)
    return _format_cached(value)


@lru_cache(maxsize=4096)
def _iso_from_text(value: str) -> str:
    # Events of one ingestion run share `observed_at`, and a feed's entries share few dates:
    # a replay formats the same few strings over and over.
    return _format(datetime.fromisoformat(value.replace("Z", "+00:00")))


@lru_cache(maxsize=4096)
def _format_cached(moment: datetime) -> str:
    # Decoded events carry datetimes; a replay formats the same few over and over too.
    return _format(moment)


def _format(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(FORMAT)
