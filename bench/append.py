"""Append: `EventStore.append` against the raw driver inserting the same rows.

Ours starts from `NewEvent` objects (payload dicts) and ends with committed rows: canonical
JSON, the idempotency and expected-version checks, positions, stream versions, the hash chain
and the Merkle tree row (which also records the head) are all inside the timed part. The
baseline inserts the very rows our store wrote (read back after a warm-up append, so already
serialised and hashed) with the raw driver's `executemany`, in the same transactions (one per
batch), into the same schema.

A second SQLite row, "full path", starts one step earlier, from typed `ReportObserved` models:
`NewEvent.of` (pydantic `model_dump`) and the content-derived `uuid5` id are timed too.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from bench.databases import Scratch, make_schema, raw_pg, raw_sqlite
from bench.harness import Row, Stopwatch, alternate, rate_row
from bench.workload import batches, model_of, new_event, new_events, reports
from events import EventStore, NewEvent
from events.schema import EVENT_COLUMNS
from osint.wiring import open_store

_COLUMNS = ", ".join(EVENT_COLUMNS)


def _stored_rows(url: str) -> list[tuple[Any, ...]]:
    store = open_store(url)
    with store.db.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM events ORDER BY position").all()
    store.close()
    return [tuple(r) for r in rows]


def _ours(
    new_url: Callable[[], str],
    groups: list[list[NewEvent]],
    opener: Callable[[str], EventStore] = open_store,
    cpu: list[float] | None = None,
) -> Callable[[], float]:
    """`cpu`, if given, collects each run's CPU seconds beside the wall time it returns."""

    def run() -> float:
        store = opener(new_url())
        with Stopwatch() as sw:
            started = time.process_time()
            for group in groups:
                store.append(group)
            used = time.process_time() - started
        store.close()
        if cpu is not None:
            cpu.append(used)
        return sw.seconds

    return run


def _sqlite_baseline(
    new_url: Callable[[], str],
    groups: list[list[tuple[Any, ...]]],
    cpu: list[float] | None = None,
) -> Callable[[], float]:
    sql = f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})"

    def run() -> float:
        url = new_url()
        make_schema(url)
        conn = raw_sqlite(url)
        with Stopwatch() as sw:
            started = time.process_time()
            for group in groups:
                conn.execute("BEGIN IMMEDIATE")
                if len(group) == 1:
                    conn.execute(sql, group[0])
                else:
                    conn.executemany(sql, group)
                conn.execute("COMMIT")
            used = time.process_time() - started
        conn.close()
        if cpu is not None:
            cpu.append(used)
        return sw.seconds

    return run


def _pg_baseline(new_url: Callable[[], str], groups: list[list[tuple[Any, ...]]]):  # type: ignore[no-untyped-def]
    sql = f"INSERT INTO events ({_COLUMNS}) VALUES ({', '.join(['%s'] * len(EVENT_COLUMNS))})"

    def run() -> float:
        url = new_url()
        make_schema(url)
        conn = raw_pg(url)
        with Stopwatch() as sw:
            for group in groups:
                with conn.transaction(), conn.cursor() as cur:
                    if len(group) == 1:
                        cur.execute(sql, group[0])
                    else:
                        cur.executemany(sql, group)
        conn.close()
        return sw.seconds

    return run


def bench_append(
    scratch: Scratch,
    backend: str,
    count: int,
    batch: int,
    repeats: int,
    aim: float | None,
    name: str,
) -> Row:
    events = new_events(count)
    groups = batches(events, batch)
    # SQLite does all its work in this process, so CPU time measures both sides whatever the
    # machine's load (wall ratios swung from 0.2 to 1.0 on the shared machine); it is printed
    # beside the wall ratio. PostgreSQL's work is the server's: wall time only.
    cpu_ours: list[float] | None = None
    cpu_base: list[float] | None = None
    if backend == "sqlite":
        new_url = scratch.sqlite_url
        cpu_ours, cpu_base = [], []
        baseline_of: Callable[..., Callable[[], float]] = _sqlite_baseline
    else:
        pg = scratch.pg_url()
        if pg is None:
            return Row(name, None, "", None, None, "", None, "PostgreSQL unreachable")

        def new_url() -> str:
            url = scratch.pg_url()
            assert url is not None
            return url

        baseline_of = _pg_baseline
    # Ours runs first; the baseline inserts the rows that first run wrote (read back outside
    # the timing), so both sides write the same bytes.
    first: list[str] = []

    def recording_url() -> str:
        url = new_url()
        first.append(url)
        return url

    base_groups: list[list[tuple[Any, ...]]] = []

    def baseline() -> float:
        if not base_groups:
            base_groups.extend(batches(_stored_rows(first[0]), batch))
        if cpu_base is None:
            return baseline_of(new_url, base_groups)()
        return baseline_of(new_url, base_groups, cpu_base)()

    ours_s, base_s, ratio = alternate(
        _ours(recording_url, groups, cpu=cpu_ours), baseline, repeats, ours_first=True
    )
    note = f"{count:,} events, ~500-byte payloads, one transaction per {batch}"
    if cpu_ours and cpu_base:
        cpu_ratio = statistics.median(b / o for b, o in zip(cpu_base, cpu_ours, strict=True))
        note += f"; by CPU time {cpu_ratio:.2f}"
    return rate_row(name, count, "ev/s", ours_s, base_s, ratio, aim, note=note)


def bench_full_path(scratch: Scratch, count: int, batch: int, repeats: int) -> Row:
    """From typed models: `NewEvent.of` + content id + `append`, against the same raw baseline."""
    models = [model_of(r) for r in reports(count)]
    events = [new_event(m) for m in models]
    warm = scratch.sqlite_url()
    _ours(lambda: warm, batches(events, batch))()
    rows = _stored_rows(warm)

    def ours() -> float:
        store = open_store(scratch.sqlite_url())
        with Stopwatch() as sw:
            for group in batches(models, batch):
                store.append([new_event(m) for m in group])
        store.close()
        return sw.seconds

    ours_s, base_s, ratio = alternate(
        ours, _sqlite_baseline(scratch.sqlite_url, batches(rows, batch)), repeats
    )
    return rate_row(
        f"append sqlite b{batch}, full path from models",
        count,
        "ev/s",
        ours_s,
        base_s,
        ratio,
        None,
        note="includes pydantic model_dump and uuid5 ids (no aim in the issue; for reference)",
    )
