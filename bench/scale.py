"""Scale and memory: time per event as the log grows, and peak memory of a replay.

Each measurement runs in its own Python process (`python -m bench.scale WORK URL N`), so its
peak resident set (VmHWM) is its own and not the high-water mark of earlier benchmarks.
Appends generate their events in chunks as they go, so the input list does not grow with N.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.corpus import Corpus
from bench.harness import Row
from bench.workload import OBSERVED_AT, TEXT_CHARS, batches, model_of, new_event  # noqa: F401 - same workload as append
from osint.wiring import open_store

CHUNK = 10_000


def _peak_kb() -> int:
    """VmHWM of this process. Not `ru_maxrss`: Linux carries that over from the parent
    across fork and exec, so every worker would report at least the benchmark runner's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def work_append(url: str, count: int) -> dict[str, float]:

    store = open_store(url)
    corpus = Corpus(seed=41)
    done = 0
    seconds = 0.0
    while done < count:
        n = min(CHUNK, count - done)
        events = [new_event(model_of(r)) for r in corpus.reports(n, min_chars=TEXT_CHARS)]
        # Item keys restart per chunk: make them unique across chunks.
        events = [
            type(e)(
                e.event_id[:-8] + f"{done + i:08x}",
                f"{e.stream_id}/{done}",
                e.type,
                e.schema_version,
                e.payload,
                e.metadata,
            )
            for i, e in enumerate(events)
        ]
        start = time.perf_counter()
        for group in batches(events, 100):
            store.append(group)
        seconds += time.perf_counter() - start
        done += n
    store.close()
    return {"seconds": seconds, "peak_kb": _peak_kb()}


def work_replay(url: str, count: int) -> dict[str, float]:
    from osint.wiring import all_projectors
    from projections.runner import ProjectionRunner

    store = open_store(url)
    runner = ProjectionRunner(store, all_projectors())
    start = time.perf_counter()
    runner.replay(until=count)
    seconds = time.perf_counter() - start
    store.close()
    return {"seconds": seconds, "peak_kb": _peak_kb() + _workers_peak_kb()}


def _workers_peak_kb() -> int:
    """The largest peak of the read-ahead workers (forked, so their shared pages count in
    full: an overestimate, the same way at every size)."""
    import multiprocessing

    deadline = time.monotonic() + 30
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)  # active_children() also reaps those that have exited
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def work_read(url: str, count: int) -> dict[str, float]:

    store = open_store(url)
    start = time.perf_counter()
    n = sum(1 for _ in store.read(until=count))
    seconds = time.perf_counter() - start
    store.close()
    assert n == count, n
    return {"seconds": seconds, "peak_kb": _peak_kb()}


def run(work: str, url: str, count: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.scale", work, url, str(count)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_scale(new_url, append_sizes, replay_sizes) -> list[Row]:  # type: ignore[no-untyped-def]
    rows: list[Row] = []
    biggest_url = None
    per_event: dict[int, float] = {}
    for n in append_sizes:
        url = new_url()
        r = run("append", url, n)
        per_event[n] = r["seconds"] / n * 1e6
        biggest_url = url
    first = append_sizes[0]
    for n in append_sizes:
        rows.append(
            Row(
                f"scale: append at {n:,}",
                per_event[n],
                "us/ev",
                per_event[first],
                per_event[n] / per_event[first],
                "flat",
                None,
                f"time per event vs the {first:,}-event run (1.00 = flat)",
            )
        )
    # Replays (and reads) over prefixes of the biggest log, each in a fresh process.
    replay: dict[int, dict[str, float]] = {n: run("replay", biggest_url, n) for n in replay_sizes}
    small, big = replay_sizes[0], replay_sizes[-1]
    for n in replay_sizes:
        rows.append(
            Row(
                f"scale: replay at {n:,}",
                replay[n]["seconds"] / n * 1e6,
                "us/ev",
                replay[small]["seconds"] / small * 1e6,
                (replay[n]["seconds"] / n) / (replay[small]["seconds"] / small),
                "flat",
                None,
                f"time per event vs the {small:,}-event replay",
            )
        )
    # Memory against the next size down (the 1M vs 100k), not the smallest run.
    small = replay_sizes[-2] if len(replay_sizes) > 1 else small
    ratio = replay[big]["peak_kb"] / replay[small]["peak_kb"]
    rows.append(
        Row(
            f"memory: replay {big:,} vs {small:,}",
            replay[big]["peak_kb"] / 1024,
            "MB",
            replay[small]["peak_kb"] / 1024,
            ratio,
            "<= 1.20",
            ratio <= 1.2,
            "peak RSS of the replay process plus its largest worker",
        )
    )
    read_small, read_big = append_sizes[-2], append_sizes[-1]
    rs, rb = run("read", biggest_url, read_small), run("read", biggest_url, read_big)
    ratio = rb["peak_kb"] / rs["peak_kb"]
    rows.append(
        Row(
            f"memory: read {read_big:,} vs {read_small:,}",
            rb["peak_kb"] / 1024,
            "MB",
            rs["peak_kb"] / 1024,
            ratio,
            "<= 1.20",
            ratio <= 1.2,
            "peak RSS of a process reading the whole log (store.read)",
        )
    )
    return rows


if __name__ == "__main__":
    work, url, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    result = {"append": work_append, "replay": work_replay, "read": work_read}[work](url, count)
    print(json.dumps(result))
