"""Scale and memory: time per event as the log grows, and peak memory of a replay.

Each measurement runs in its own Python process (`python -m bench.scale WORK URL N`), so its
peak resident set (VmHWM) is its own and not the high-water mark of earlier benchmarks.
Appends generate their events in chunks as they go, so the input list does not grow with N.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import Corpus
from bench.harness import Row, alternate
from bench.workload import OBSERVED_AT, TEXT_CHARS, batches, model_of, new_event  # noqa: F401 - same workload as append
from osint.wiring import open_store

# Events generated at a time by an append; each chunk is a corpus of its own whose dates start
# again, so a log holds figures out of date order across chunks, as a log of real feeds does
# (archives ingested late, feeds polled out of publication order). The scale rows make the chunk
# their window, so the small log's windows restart dates as the big log's do, at every size:
# with a fixed 10,000, the quick rows' small log (windows of 1,000) was all in date order and
# only the big side paid for figures put in among a topic's steps.
CHUNK = 10_000


def _peak_kb() -> int:
    """VmHWM of this process. Not `ru_maxrss`: Linux carries that over from the parent
    across fork and exec, so every worker would report at least the benchmark runner's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def work_append(url: str, count: int, chunk: int = CHUNK) -> dict[str, float]:
    """Append `count` events after the log's head, in batches of 100; time only the appends.

    Ids and streams are made unique by the head position, so one log can grow in several
    runs; each chunk's corpus is seeded by its position (the same input in every run)."""
    store = open_store(url)
    done = 0
    seconds = cpu = 0.0
    while done < count:
        head = store.head()[0]
        n = min(chunk, count - done)
        corpus = Corpus(seed=41 + head)
        events = [new_event(model_of(r)) for r in corpus.reports(n, min_chars=TEXT_CHARS)]
        # Item keys restart per chunk: make them unique across chunks.
        events = [
            type(e)(
                e.event_id[:-10] + f"{head + i:010x}",
                f"{e.stream_id}/{head}",
                e.type,
                e.schema_version,
                e.payload,
                e.metadata,
            )
            for i, e in enumerate(events)
        ]
        start, start_cpu = time.perf_counter(), time.process_time()
        for group in batches(events, 100):
            store.append(group)
        seconds += time.perf_counter() - start
        cpu += time.process_time() - start_cpu
        done += n
    store.close()
    return {"seconds": seconds, "cpu": cpu, "peak_kb": _peak_kb()}


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


def work_catchup(url: str, until: int) -> dict[str, float]:
    """Bring the views from where they are to `until`: the cost of projecting the next
    events at this size of log (and of its views)."""
    from osint.wiring import all_projectors
    from projections.runner import ProjectionRunner

    store = open_store(url)
    runner = ProjectionRunner(store, all_projectors())
    before = runner.position()
    start, start_cpu = time.perf_counter(), time.process_time()
    runner.catch_up(until=until)
    seconds, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    store.close()
    _workers_peak_kb()  # waits for the read-ahead workers, if any, to exit
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu += children.ru_utime + children.ru_stime
    return {"seconds": seconds, "cpu": cpu, "events": until - before, "peak_kb": _peak_kb()}


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


def run(work: str, url: str, count: int, chunk: int = CHUNK) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.scale", work, url, str(count), str(chunk)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _head(url: str) -> int:
    store = open_store(url)
    try:
        return store.head()[0]
    finally:
        store.close()


def _marginal(
    small: Callable[[], float], big: Callable[[], float], repeats: int
) -> tuple[float, float, float]:
    """Median µs/event of each side and the median per-pair ratio big/small, alternating the
    order (small big, big small, …): `harness.alternate` with the small log as the baseline
    (its ratio is small/big; the median of the inverses is the inverse of the median for the
    odd repeat counts used here)."""
    big_us, small_us, inverse = alternate(big, small, repeats)
    return big_us, small_us, 1 / inverse


class _CPU:
    """CPU µs/event of each run of one side, beside the wall time `_marginal` compares: on a
    machine shared with other work, a wall ratio also measures the others' disk and CPU use
    (a catch-up that took 0.52 s CPU took 1.9 s of wall time beside a benchmark building a
    million-event log), the CPU ratio much less so."""

    def __init__(self) -> None:
        self.small: list[float] = []
        self.big: list[float] = []

    def note(self) -> str:
        ratios = [b / s for b, s in zip(self.big, self.small, strict=True)]
        return (
            f"; CPU {statistics.median(self.big):,.1f} against"
            f" {statistics.median(self.small):,.1f} us/ev, ratio {statistics.median(ratios):.2f}"
        )


def scale_append(
    new_url: Callable[[], str], big_url: str, sizes: list[int], repeats: int, name: str
) -> list[Row]:
    """Rows "`name` at N vs window": the next `window` (= `sizes[0]`) events appended onto
    `big_url` grown to each later size, against `window` into a fresh log from `new_url`."""
    window, big_sizes = sizes[0], sizes[1:]
    rows: list[Row] = []
    cpu = _CPU()

    def small_append() -> float:
        r = run("append", new_url(), window, window)
        cpu.small.append(r["cpu"] / window * 1e6)
        return r["seconds"] / window * 1e6

    def big_append() -> float:
        r = run("append", big_url, window, window)
        cpu.big.append(r["cpu"] / window * 1e6)
        return r["seconds"] / window * 1e6

    for n in big_sizes:
        before = _head(big_url)
        r = run("append", big_url, n - before, window)
        grown = r["seconds"] / (n - before) * 1e6
        cpu.small.clear()
        cpu.big.clear()
        big_us, small_us, ratio = _marginal(small_append, big_append, repeats)
        rows.append(
            Row(
                f"{name} at {n:,} vs {window:,}",
                big_us,
                "us/ev",
                small_us,
                ratio,
                "<= 1.50",
                ratio <= 1.5,
                f"next {window:,} events in batches of 100 onto a log of {n:,}, against"
                f" {window:,} into a fresh log; median of {repeats}, alternated"
                f" (growing the log from {before:,} to {n:,}: {grown:.1f} us/ev){cpu.note()}",
            )
        )
    return rows


def bench_scale_postgresql(
    new_url: Callable[[], str], sizes: list[int], repeats: int = 3
) -> list[Row]:
    """The append rows of `bench_scale` on PostgreSQL: each log its own database."""
    return scale_append(new_url, new_url(), sizes, repeats, "scale: append postgresql")


def bench_scale(new_url: Callable[[], str], sizes: list[int], repeats: int = 3) -> list[Row]:
    """Append and replay cost per event at each size in `sizes` against the smallest.

    What "the cost at N" means: the time per event of the next `window` (= the smallest size)
    events appended to (or projected onto) a log that already holds N, measured `repeats`
    times and alternated with the same work on a small log, so a ratio says how the code
    grows and not how busy the machine was. The small side appends its window into a fresh
    file (the cost at 0 to `window`), and catches its views up one window at a time on a log
    of 4 windows (from `window` to 4 x `window`).
    """
    window, big_sizes = sizes[0], sizes[1:]
    big_url = new_url()
    small_log = new_url()
    run("append", small_log, 4 * window, window)
    rows = scale_append(new_url, big_url, sizes, repeats, "scale: append")
    # Replays over prefixes of the big log (which holds the largest size plus the windows).
    full: dict[int, dict[str, float]] = {}
    for n in big_sizes:
        start = n - repeats * window
        full[n] = run("replay", big_url, start)
        run("replay", small_log, window)
        steps = iter(range(start + window, n + 1, window))
        small_steps = iter(range(2 * window, 4 * window + 1, window))
        cpu = _CPU()

        def small_catchup(it=small_steps, cpu=cpu) -> float:  # type: ignore[no-untyped-def]
            r = run("catchup", small_log, next(it))
            cpu.small.append(r["cpu"] / r["events"] * 1e6)
            return r["seconds"] / r["events"] * 1e6

        def big_catchup(it=steps, cpu=cpu) -> float:  # type: ignore[no-untyped-def]
            r = run("catchup", big_url, next(it))
            cpu.big.append(r["cpu"] / r["events"] * 1e6)
            return r["seconds"] / r["events"] * 1e6

        big_us, small_us, ratio = _marginal(small_catchup, big_catchup, min(repeats, 3))
        rows.append(
            Row(
                f"scale: replay at {n:,} vs {window:,}",
                big_us,
                "us/ev",
                small_us,
                ratio,
                "<= 1.50",
                ratio <= 1.5,
                f"views caught up by the next {window:,} events at {n:,}, against the same at"
                f" {window:,} to {4 * window:,}; median of {min(repeats, 3)}, alternated"
                f" (a whole replay of {start:,}: {full[n]['seconds'] / start * 1e6:.1f} us/ev)"
                + cpu.note(),
            )
        )
    # Memory of whole replays: the biggest against the next size down (the 1M vs 100k).
    big, small = big_sizes[-1], big_sizes[-2] if len(big_sizes) > 1 else big_sizes[-1]
    ratio = full[big]["peak_kb"] / full[small]["peak_kb"]
    rows.append(
        Row(
            f"memory: replay {big:,} vs {small:,}",
            full[big]["peak_kb"] / 1024,
            "MB",
            full[small]["peak_kb"] / 1024,
            ratio,
            "<= 1.20",
            ratio <= 1.2,
            "peak RSS of the replay process plus its largest worker",
        )
    )
    rs, rb = run("read", big_url, small), run("read", big_url, big)
    ratio = rb["peak_kb"] / rs["peak_kb"]
    rows.append(
        Row(
            f"memory: read {big:,} vs {small:,}",
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
    work, url, count, chunk = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    works: dict[str, Callable[[str, int], dict[str, float]]] = {
        "append": lambda u, n: work_append(u, n, chunk),
        "replay": work_replay,
        "catchup": work_catchup,
        "read": work_read,
    }
    result = works[work](url, count)
    print(json.dumps(result))
