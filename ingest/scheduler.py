"""`osint schedule`: APScheduler 3 runs one job per source, gated by the polling-state table.

APScheduler only says *when to look*: each source's job fires at its interval (or cron times)
with jitter, `max_instances=1` (never two polls of one source in this process), `coalesce`
(missed runs collapse into one) and no misfire grace time (a late look still looks). Whether
to poll is decided by the database: the job leases the source only if it is due (its
interval, stretched by backoff or `Retry-After`) and nobody else holds it, and after the poll
moves its own next run to the source's new due time. APScheduler's job store is in memory and
holds nothing that matters, so several schedulers can share one PostgreSQL log; on SQLite a
second scheduler is refused.

Jobs run in a thread pool, so a slow source does not delay the others. Stopping (SIGINT or
SIGTERM) lets the polls in flight finish (retry waits are cut short); a second signal exits at
once, and since each poll appends in one transaction, an abandoned poll leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import signal
import socket
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from events import EventStore, StoreUnavailable
from ingest import poll_state
from ingest.poller import Poller, PollOutcome, lease_seconds, next_due_after
from ingest.sources import Source

log = logging.getLogger("ingest.scheduler")

HEARTBEAT_SECONDS = 5.0
SCHEDULER_TTL = 20.0


class Scheduler:
    """Polls `sources` until `stop` is set. `after_poll` (e.g. bring the views up to date) runs
    after every poll that appended something, one call at a time."""

    def __init__(
        self,
        store: EventStore,
        sources: Sequence[Source],
        poller: Poller,
        after_poll: Callable[[], None] | None = None,
    ) -> None:
        self.store = store
        self.sources = list(sources)
        self.poller = poller
        self.after_poll = after_poll
        self.stop = poller.stop
        # Where only one process may write (SQLite), only one scheduler may run.
        self.exclusive = not store.db.concurrent_writers
        self._callback_lock = threading.Lock()
        # Polls in flight. Shutdown waits for them *before* stopping APScheduler: its
        # shutdown(wait=True) holds the job-store lock that a finishing job needs to move its
        # next run, and the two would wait for each other forever.
        self._inflight = 0
        self._idle = threading.Condition()
        workers = min(20, max(4, len(self.sources) + 1))
        self._aps = BackgroundScheduler(
            timezone=UTC,
            executors={"default": ThreadPoolExecutor(workers)},
            job_defaults={"coalesce": True, "max_instances": 1},
        )

    def run(self) -> None:
        """Start, block until `stop` is set, then shut down cleanly."""
        owner = self.poller.owner
        if self.exclusive:
            poll_state.acquire_scheduler(
                self.store.db,
                owner,
                f"pid {os.getpid()} on {socket.gethostname()}",
                time.time(),
                SCHEDULER_TTL,
            )
        try:
            self.poller.prepare(self.sources)
            self._add_jobs()
            self._aps.start()
            log.info("scheduler %s started: %d source(s)", owner, len(self.sources))
            while not self.stop.wait(0.2):
                pass
            log.info("stopping: letting the polls in flight finish")
            with self._idle:
                self._idle.wait_for(lambda: self._inflight == 0)
            self._aps.shutdown(wait=True)
        finally:
            if self._aps.running:
                self._aps.shutdown(wait=False)
            if self.exclusive:
                poll_state.release_scheduler(self.store.db, owner)
        log.info("scheduler %s stopped", owner)

    def _add_jobs(self) -> None:
        now = datetime.now(UTC)
        for source in self.sources:
            interval = source.interval_seconds
            jitter = min(interval * 0.1, 60.0)
            if source.cron is not None:
                trigger = CronTrigger.from_crontab(source.cron, timezone=UTC)
                trigger.jitter = int(jitter) or None
            else:
                trigger = IntervalTrigger(seconds=interval, timezone=UTC, jitter=jitter or None)
            self._aps.add_job(
                self._job,
                trigger,
                args=[source],
                id=source.id,
                name=source.id,
                next_run_time=now + timedelta(seconds=random.uniform(0, min(interval * 0.1, 2.0))),
                # However late a look is (queued behind other polls when many sources are due
                # at once), it still happens: with a grace time APScheduler drops it and the
                # source waits a whole interval more.
                misfire_grace_time=None,
            )
        if self.exclusive:
            self._aps.add_job(
                self._heartbeat,
                IntervalTrigger(seconds=HEARTBEAT_SECONDS, timezone=UTC),
                id="__heartbeat__",
                misfire_grace_time=int(HEARTBEAT_SECONDS),
            )

    def _job(self, source: Source) -> None:
        with self._idle:
            if self.stop.is_set():
                return
            self._inflight += 1
        try:
            self._poll(source)
        finally:
            with self._idle:
                self._inflight -= 1
                self._idle.notify_all()

    def _poll(self, source: Source) -> None:
        try:
            outcome, state = self.poller.try_poll(source)
        except StoreUnavailable as exc:
            log.error("%s: cannot reach the log: %s", source.id, exc)
            return
        except Exception:
            log.exception("%s: poll crashed", source.id)
            return
        if outcome is None:
            self._not_due(source, state)
            return
        self._report(outcome)
        if outcome.next_due is not None:
            self._move(source.id, outcome.next_due + _spread(source))

    def _report(self, outcome: PollOutcome) -> None:
        if outcome.status in ("ok", "not_modified"):
            log.info("%s", outcome.line())
        if self.after_poll is None or (outcome.status == "not_modified"):
            return
        if outcome.status == "ok" and outcome.appended == 0:
            return
        with self._callback_lock:
            try:
                self.after_poll()
            except Exception as exc:
                log.error("after poll of %s: %s", outcome.source_id, exc)

    def _not_due(self, source: Source, state: poll_state.PollState | None) -> None:
        """Plan the next look at a source this scheduler did not poll, from the state read
        with the lease attempt."""
        if state is None:
            return
        if state.gone:
            log.warning("%s: gone (HTTP 410); no longer polled", source.id)
            self._remove(source.id)
            return
        now = time.time()
        if state.next_due > now:
            target = state.next_due + _spread(source)
        else:
            # Due, but another scheduler is polling it now: that poll will make it due at
            # `next_due_after` its start, which its lease tells (taken `lease_seconds` before it
            # ends), so look then. Anchored there, with this scheduler's own spread, the holder
            # and this one race fairly for the next poll; anchored on `now`, always a little
            # after the holder's start, the holder looked first and polled every time. Looking
            # sooner only finds it not yet due and costs a transaction; a holder that died is
            # taken over once its lease expires, at one of these looks.
            started = (
                now if state.lease_until is None else state.lease_until - lease_seconds(source)
            )
            target = max(next_due_after(source, started), now) + _spread(source)
        self._move(source.id, target)

    def _move(self, job_id: str, when: float) -> None:
        moment = datetime.fromtimestamp(max(when, time.time() + 0.05), UTC)
        with contextlib.suppress(JobLookupError):
            self._aps.modify_job(job_id, next_run_time=moment)

    def _remove(self, job_id: str) -> None:
        with contextlib.suppress(JobLookupError):
            self._aps.remove_job(job_id)

    def _heartbeat(self) -> None:
        try:
            alive = poll_state.renew_scheduler(
                self.store.db, self.poller.owner, time.time(), SCHEDULER_TTL
            )
        except StoreUnavailable as exc:
            log.error("heartbeat: cannot reach the log: %s", exc)
            return
        if not alive:
            log.error("another scheduler took over this database; stopping")
            self.stop.set()


def _spread(source: Source) -> float:
    """A small random delay after a source's due time, before this scheduler looks at it.

    Every scheduler learns the same due time, so without it the one that polled last would
    always look first and poll every time; with it each due source goes to whichever looks
    first, at random. At most 5 % of the interval (and 10 s), well inside a poll's slack."""
    return random.uniform(0.0, min(source.interval_seconds * 0.05, 10.0))


def install_signal_handlers(stop: threading.Event) -> Callable[[], None]:
    """SIGINT/SIGTERM set `stop`; a second one exits at once. Returns a function that puts
    the previous handlers back."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handle(signum: int, _frame: FrameType | None) -> None:
        if stop.is_set():
            log.warning("second signal: abandoning the polls in flight")
            os._exit(128 + signum)
        log.info("received %s: shutting down", signal.Signals(signum).name)
        stop.set()

    for sig in previous:
        signal.signal(sig, handle)

    def restore() -> None:
        for sig, handler in previous.items():
            signal.signal(sig, handler)

    return restore
