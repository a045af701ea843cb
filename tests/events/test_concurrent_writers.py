"""Order under concurrency (DESIGN.md, "The log", promise 1), at the size issue 5 asks for:
4 writer processes × 5,000 events while a reader follows the log."""

from __future__ import annotations

import multiprocessing
import time

from events import EventStore
from tests.events.writers import append_many

WRITERS = 4
PER_WRITER = 5_000
BATCH = 50


def test_four_writers_and_a_following_reader_see_every_event_once_in_order(db_url: str):
    store = EventStore.open(db_url)
    ctx = multiprocessing.get_context("spawn")
    writers = [
        ctx.Process(target=append_many, args=(db_url, w, PER_WRITER, BATCH))
        for w in range(1, WRITERS + 1)
    ]
    for w in writers:
        w.start()
    total = WRITERS * PER_WRITER
    seen: list[int] = []
    payloads: list[tuple[int, int]] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        for event in store.read(after=seen[-1] if seen else 0):
            seen.append(event.position)
            payloads.append((event.payload["writer"], event.payload["i"]))
        if len(seen) >= total or not any(w.is_alive() for w in writers):
            break
        time.sleep(0.01)
    for w in writers:
        w.join(timeout=60)
        assert w.exitcode == 0
    for event in store.read(after=seen[-1] if seen else 0):
        seen.append(event.position)
        payloads.append((event.payload["writer"], event.payload["i"]))

    # Every position exactly once, in order, no gaps.
    assert seen == list(range(1, total + 1))
    # Each writer's events in the order it appended them.
    per_writer: dict[int, list[int]] = {}
    for writer, i in payloads:
        per_writer.setdefault(writer, []).append(i)
    assert per_writer == {w: list(range(PER_WRITER)) for w in range(1, WRITERS + 1)}
    report = store.verify()
    assert (report.ok, report.checked, report.head_position) == (True, total, total)
    store.close()
