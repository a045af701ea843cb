"""Extraction ahead of the writes, in worker processes.

A replay after an extractor change spends about half its time extracting (pure Python, so
threads cannot share it) and half reading the log and writing the views. While the runner writes
one page, worker processes extract the figures of the next, so on a machine with two cores a
replay takes about as long as extraction alone instead of the sum of both.

The workers run a pure function of the events (`figures.rows_from_fields`), so the rows are the ones
the main process would have built; a page whose rows are not ready (or whose worker failed) is
extracted in the main process as before.

Workers are forked, and only from a process with a single thread: forking a threaded process
(the scheduler's) can hand the child a lock held by a thread that does not exist there, and
`spawn` would re-run the caller's main script. The children never touch the inherited database
connections and leave by `os._exit`, so those stay the parent's. They also exit by themselves
when the process that started them dies, even by SIGKILL.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from events import Recorded

if TYPE_CHECKING:  # imported where used: every `osint` command loads this module
    from concurrent.futures import Future, ProcessPoolExecutor

Rows = Any  # what `build` makes of one event: the projector's business
Pack = Callable[[Recorded], tuple[Any, ...]]
Build = Callable[[tuple[Any, ...]], Rows]


def default_worker_count() -> int:
    """Worker processes for read-ahead when the caller names none: one fewer than the cores,
    at most 4 (the command line's `OSINT_PROJECT_WORKERS` setting overrides it)."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))


class RowsAhead:
    """Rows of events handed in before they are applied, built in worker processes."""

    def __init__(self, pack: Pack, build: Build, workers: int) -> None:
        """`pack` turns an event into the plain tuple a worker is sent (cheap to pickle);
        `build` (a module-level function, so it pickles by name) makes its rows there."""
        self._pack = pack
        self._build = build
        self._workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._pending: list[tuple[dict[int, str], Future[list[Rows]]]] = []
        self.taken = 0  # events whose rows came from a worker

    def submit(self, events: Sequence[Recorded]) -> None:
        """Start building the rows of `events` (split among the workers); does nothing once
        read-ahead has been found impossible here."""
        if not events or self._workers < 1:
            return
        pool = self._pool or self._start()
        if pool is None:
            return
        from concurrent.futures.process import BrokenProcessPool

        share = -(-len(events) // self._workers)
        try:
            for start in range(0, len(events), share):
                part = events[start : start + share]
                keys = {e.position: e.event_id for e in part}
                packed = [self._pack(e) for e in part]
                self._pending.append((keys, pool.submit(_build_all, self._build, packed)))
        except (BrokenProcessPool, RuntimeError, OSError):
            self.close()
            self._workers = 0

    def take(self, events: Sequence[Recorded]) -> dict[int, Rows]:
        """The rows ready (or being built) for any of `events`, by position."""
        wanted = {e.position: e.event_id for e in events}
        found: dict[int, Rows] = {}
        keep = []
        for keys, future in self._pending:
            if not any(wanted.get(p) == i for p, i in keys.items()):
                keep.append((keys, future))
                continue
            try:
                results = future.result()
            except Exception:  # a failed worker only costs the read-ahead: built here instead
                continue
            for position, rows in zip(keys, results, strict=True):
                if wanted.get(position) == keys[position]:
                    found[position] = rows
        self.taken += len(found)
        self._pending = keep
        return found

    def close(self) -> None:
        self._pending = []
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def _start(self) -> ProcessPoolExecutor | None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        if threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
            self._workers = 0
            return None
        self._pool = ProcessPoolExecutor(
            max_workers=self._workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        )
        return self._pool


def _build_all(build: Build, packed: list[tuple[Any, ...]]) -> list[Rows]:
    return [build(fields) for fields in packed]


def _watch_parent(parent: int) -> None:
    """Exit when the parent is gone: a SIGKILLed runner must not leave workers behind. Ctrl-C
    reaches the whole process group: the parent decides what it means, so a worker ignores it
    (it would print a traceback of its own)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
