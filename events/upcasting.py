"""Upcasters: stored events are never rewritten; older schema versions are lifted on read.

Each upcaster lifts one type by exactly one version (v -> v+1), so a chain of small, testable
steps reaches the current version, as eventsourcing's `Mapper.to_domain_event` does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from events.errors import UpcastError

Payload = dict[str, Any]
Upcaster = Callable[[Payload], Payload]


class UpcasterRegistry:
    """Maps (event type, from_version) to the function lifting it to from_version + 1."""

    def __init__(self) -> None:
        self._steps: dict[tuple[str, int], Upcaster] = {}
        self._current: dict[str, int] = {}

    def register(self, event_type: str, from_version: int) -> Callable[[Upcaster], Upcaster]:
        """Decorator: register `fn` as the step from `from_version` to `from_version + 1`."""

        def decorate(fn: Upcaster) -> Upcaster:
            key = (event_type, from_version)
            if key in self._steps:
                raise UpcastError(f"an upcaster for {event_type} v{from_version} already exists")
            self._steps[key] = fn
            self._current[event_type] = max(self._current.get(event_type, 1), from_version + 1)
            return fn

        return decorate

    def current_version(self, event_type: str) -> int:
        return self._current.get(event_type, 1)

    def upcast(self, event_type: str, version: int, payload: Payload) -> tuple[int, Payload]:
        """Lift `payload` step by step to the newest version known for `event_type`."""
        target = self._current.get(event_type)
        if target is None or version >= target:
            return version, payload
        while version < target:
            step = self._steps.get((event_type, version))
            if step is None:
                raise UpcastError(
                    f"no upcaster for {event_type} v{version} -> v{version + 1}: this osint cannot"
                    " read that event"
                )
            payload = step(payload)
            version += 1
        return version, payload


# The registry the application uses; tests make their own.
default_upcasters = UpcasterRegistry()
