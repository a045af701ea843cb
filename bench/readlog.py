"""Reading and verifying the whole log, against the raw driver doing the least it could.

read: ours is `EventStore.read()` to `StoredEvent` objects (payload and metadata decoded,
upcasters consulted), a page at a time. The baseline is one raw `SELECT` of the same columns in
position order with `json.loads` of payload and metadata per row, streamed by the driver.

verify: ours is `EventStore.verify()`, which reads every row and recomputes the chain. The
aim's baseline is the same raw `SELECT` plus one SHA-256 per row over the same stored bytes
(prev hash, header fields and payload), which is the least a chain check must do. A second,
informational row compares with SHA-256 alone over those bytes already in memory.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from bench.databases import Scratch, raw_pg, raw_sqlite
from bench.harness import Row, Stopwatch, alternate, rate_row
from bench.workload import batches, new_events
from events.schema import EVENT_COLUMNS
from osint.wiring import open_store

_SELECT = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events ORDER BY position"


def build_log(url: str, count: int) -> None:
    store = open_store(url)
    for group in batches(new_events(count, seed=11), 1000):
        store.append(group)
    store.close()


def _raw_rows(url: str, backend: str) -> Any:
    """(connection, cursor) streaming the whole table with the raw driver."""
    if backend == "sqlite":
        conn = raw_sqlite(url)
        cur = conn.execute(_SELECT)
        return conn, cur
    conn = raw_pg(url)
    cur = conn.cursor(name="bench_read")  # server-side cursor: streams, like ours
    cur.itersize = 1000
    cur.execute(_SELECT)
    return conn, cur


def _read_ours(url: str, count: int) -> Callable[[], float]:
    def run() -> float:
        store = open_store(url)
        n = 0
        with Stopwatch() as sw:
            for _event in store.read():
                n += 1
        store.close()
        assert n == count, n
        return sw.seconds

    return run


def _read_raw(url: str, backend: str, count: int) -> Callable[[], float]:
    loads = json.loads

    def run() -> float:
        n = 0
        with Stopwatch() as sw:
            conn, cur = _raw_rows(url, backend)
            for row in cur:
                loads(row[7])
                loads(row[8])
                n += 1
            conn.close()
        assert n == count, n
        return sw.seconds

    return run


def _verify_ours(url: str, count: int) -> Callable[[], float]:
    def run() -> float:
        store = open_store(url)
        with Stopwatch() as sw:
            report = store.verify()
        store.close()
        assert report.ok and report.checked == count, report
        return sw.seconds

    return run


def _row_bytes(row: tuple[Any, ...]) -> bytes:
    (_, event_id, stream_id, version, type_, schema_v, recorded_at, payload, meta, prev, _h) = row
    return "".join(
        (prev, event_id, stream_id, str(version), type_, str(schema_v), recorded_at, meta, payload)
    ).encode()


def _verify_raw(url: str, backend: str, count: int) -> Callable[[], float]:
    sha = hashlib.sha256

    def run() -> float:
        n = 0
        with Stopwatch() as sw:
            conn, cur = _raw_rows(url, backend)
            for row in cur:
                sha(_row_bytes(row)).digest()
                n += 1
            conn.close()
        assert n == count, n
        return sw.seconds

    return run


def bench_read_verify(scratch: Scratch, backend: str, count: int, repeats: int) -> list[Row]:
    url = scratch.sqlite_url() if backend == "sqlite" else scratch.pg_url()
    if url is None:
        return [
            Row(f"read log {backend}", None, "", None, None, ">= 0.60", None, "unreachable"),
        ]
    build_log(url, count)
    rows = []
    o, b, r = alternate(_read_ours(url, count), _read_raw(url, backend, count), repeats)
    rows.append(
        rate_row(
            f"read log {backend}",
            count,
            "ev/s",
            o,
            b,
            r,
            0.60,
            note=f"{count:,} events to StoredEvent vs raw SELECT + json.loads",
        )
    )
    if backend != "sqlite":
        return rows
    o, b, r = alternate(_verify_ours(url, count), _verify_raw(url, backend, count), repeats)
    rows.append(
        rate_row(
            f"verify {backend}",
            count,
            "ev/s",
            o,
            b,
            r,
            0.50,
            note="chain check vs raw SELECT + one SHA-256 per row over the same bytes",
        )
    )
    # Informational: against hashing alone, the bytes already in memory.
    conn, cur = _raw_rows(url, backend)
    blobs = [_row_bytes(row) for row in cur]
    conn.close()

    def hash_only() -> float:
        sha = hashlib.sha256
        with Stopwatch() as sw:
            for blob in blobs:
                sha(blob).digest()
        return sw.seconds

    o, b, r = alternate(_verify_ours(url, count), hash_only, repeats)
    rows.append(
        rate_row(
            f"verify {backend} vs hashing alone",
            count,
            "ev/s",
            o,
            b,
            r,
            None,
            note="baseline: SHA-256 of the same bytes in memory, no database read (reference)",
        )
    )
    return rows
