"""One text form for every moment in the views, so that text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime

FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def iso_utc(value: str | datetime | None) -> str | None:
    """`value` as fixed-width UTC text (microseconds, `Z`); None stays None."""
    if value is None:
        return None
    moment = (
        value
        if isinstance(value, datetime)
        else datetime.fromisoformat(value.replace("Z", "+00:00"))
    )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(FORMAT)
