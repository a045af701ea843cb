"""Writer processes for the concurrency tests (importable, so `spawn` can start them)."""

from __future__ import annotations

from events import EventStore, NewEvent, content_event_id


def append_many(url: str, writer: int, count: int, batch: int) -> None:
    store = EventStore.open(url)
    try:
        for start in range(0, count, batch):
            store.append(
                [
                    NewEvent(
                        event_id=content_event_id("writer", str(writer), str(i)),
                        stream_id=f"writer-{writer}",
                        type="Tick",
                        schema_version=1,
                        payload={"writer": writer, "i": i, "filler": "x" * 200},
                    )
                    for i in range(start, min(start + batch, count))
                ]
            )
    finally:
        store.close()
