"""`osint schedule`: one claim tick hands the due sources to a pool of workers.

The polling-state table says when each source is due (`next_due`: its interval or next cron
time after a poll, stretched by backoff or `Retry-After` after a failure). APScheduler runs one
periodic job, the claim tick: every `TICK_SECONDS`, at a random moment of each slot (and,
while more sources are due than it has free workers, at once whenever a fifth of its workers
have freed up) it leases up to as many due, free sources as there are free workers, soonest
due first, in one transaction
(`poll_state.claim_batch`: `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several schedulers on one
log each take different sources and none looks at a source another took), and hands each to a
worker that polls it and gives the lease back with its new due time. Nothing per source lives
in APScheduler, so memory and start-up do not grow with a job per source, and a source is
looked at only when it is due. A claim that finds nothing due reads when the soonest free
source is, and the ticks before then (at most `IDLE_SECONDS`) make no transaction.

Leases expire: a scheduler that died holding sources loses them after `lease_seconds` (the
longest of its sources'), and another's tick then takes them. On SQLite a second scheduler is
refused (a heartbeat keeps the single-scheduler row).

Stopping (SIGINT or SIGTERM) claims nothing more and lets the polls in flight finish (retry
waits are cut short); a source claimed but not yet started is given back untouched. A second
signal exits at once, and since each poll appends in one transaction, an abandoned poll leaves
nothing behind.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from types import FrameType

from apscheduler.executors.pool import ThreadPoolExecutor as JobExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from events import EventStore, StoreUnavailable
from ingest import poll_state
from ingest.poller import Poller, PollOutcome, lease_seconds
from ingest.sources import Source, SourceTable

log = logging.getLogger("ingest.scheduler")

HEARTBEAT_SECONDS = 5.0
SCHEDULER_TTL = 20.0
# How often an idle scheduler looks for due sources: a due source waits at most this long
# (plus the claim), 0.5 % of a one-minute interval; each tick is one short transaction.
TICK_SECONDS = 0.3
# How long a scheduler that found nothing due may skip its ticks: its claim read when the next
# free source is due, so it claims again then, but at least this often, so that sources added
# by another scheduler, leases that expired and sources given back early are seen.
IDLE_SECONDS = 5.0
CLAIM_JOB = "__claim__"


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
        # Compact (one tuple of shared values per source, a model built per poll): what the
        # scheduler holds for its whole run grows by a few hundred bytes per source.
        self.sources = sources if isinstance(sources, SourceTable) else SourceTable(sources)
        self.poller = poller
        self.after_poll = after_poll
        self.stop = poller.stop
        # Where only one process may write (SQLite), only one scheduler may run.
        self.exclusive = not store.db.concurrent_writers
        self._callback_lock = threading.Lock()
        self.workers = min(20, max(4, len(self.sources) + 1))
        # One lease length for a whole claim: the longest any of these sources needs.
        self.lease = max((lease_seconds(s) for s in self.sources), default=60.0)
        # Claims (transactions) and sources claimed, for tests and the simulation's figures;
        # ticks that made no claim because nothing could be due yet.
        self.claims = 0
        self.claimed = 0
        self.idle_ticks = 0
        # Ticks before this moment (the poller's clock) claim nothing: the last claim found
        # nothing due, and read when the soonest free source falls due (see `tick`).
        self._wake_at = 0.0
        # The soonest next due time written by this scheduler's own polls since the last claim
        # began: a claim that read the table before such a poll gave its source back must not
        # sleep past it.
        self._released_due = float("inf")
        # Rows of the polling-state table that are not these sources (see `claim_batch`).
        self._skip: set[str] = set()
        # Polls in flight, counted from the claim (before the worker starts) to the end of the
        # poll: the claim never takes more than the free workers, and shutdown waits for 0.
        self._inflight = 0
        self._idle = threading.Condition()
        self._claiming = threading.Lock()
        self._backlog = False  # the last claim filled every free worker: more may be due
        # With a backlog, a finishing worker claims at once only when this many workers are
        # free, so a claim takes several sources (one transaction for them) and the ones
        # freed in between wait at most a tick.
        self._refill = max(1, self.workers // 5)
        self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="poll")
        self._aps = BackgroundScheduler(
            timezone=UTC,
            executors={"default": JobExecutor(2)},
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
            # A claim already past its check of `stop` hands its sources out first; every
            # later one sees `stop` and claims nothing.
            with self._claiming:
                pass
            with self._idle:
                self._idle.wait_for(lambda: self._inflight == 0)
            self._aps.shutdown(wait=True)
            self._pool.shutdown(wait=True)
        finally:
            if self._aps.running:
                self._aps.shutdown(wait=False)
            self._pool.shutdown(wait=False)
            if self.exclusive:
                poll_state.release_scheduler(self.store.db, owner)
        log.info("scheduler %s stopped", owner)

    def _add_jobs(self) -> None:
        self._aps.add_job(
            self.tick,
            # Each tick lands at a random moment of its slot. Ticks at fixed phases would let
            # the scheduler whose phase falls just after a source's due time win that source
            # every time: with two schedulers and one source, the other never polled it.
            IntervalTrigger(seconds=TICK_SECONDS, timezone=UTC, jitter=TICK_SECONDS),  # type: ignore[arg-type]
            id=CLAIM_JOB,
            name="claim due sources",
            next_run_time=datetime.now(UTC),
            # A tick that came late is simply the next tick; none is worth catching up.
            misfire_grace_time=None,
        )
        if self.exclusive:
            self._aps.add_job(
                self._heartbeat,
                IntervalTrigger(seconds=HEARTBEAT_SECONDS, timezone=UTC),
                id="__heartbeat__",
                misfire_grace_time=int(HEARTBEAT_SECONDS),
            )

    def tick(self) -> int:
        """The periodic job: claim, unless the last claim found nothing due and the soonest
        free source it saw is not due yet (then this tick costs no transaction)."""
        if self.poller.clock() < self._wake_at:
            self.idle_ticks += 1
            return 0
        return self.claim()

    def claim(self) -> int:
        """Lease up to one due source per free worker and start polling them; how many.

        One claim at a time (a tick and a freed worker may both ask): the second caller
        returns at once, the running claim already counts the workers free when it asks."""
        if not self._claiming.acquire(blocking=False):
            return 0
        try:
            if self.stop.is_set():
                return 0
            free = self._free()
            if free <= 0:
                self._backlog = True
                return 0
            with self._idle:
                self._released_due = float("inf")
            now = self.poller.clock()
            try:
                claim = poll_state.claim_batch(
                    self.store.db,
                    self.poller.owner,
                    now,
                    self.lease,
                    free,
                    self.sources.ids(),
                    self._skip,
                )
            except StoreUnavailable as exc:
                log.error("claiming due sources: cannot reach the log: %s", exc)
                return 0
            states, foreign = claim.states, claim.foreign
            self._plan_next(now, claim.soonest_due, bool(states or foreign))
            self.claims += 1
            self.claimed += len(states)
            self._skip.update(foreign)
            self._backlog = len(states) + len(foreign) >= free
            for state in states:
                source = self.sources.get(state.source_id)
                if source is None:  # never: claim_batch hands out only rows of ours
                    continue
                with self._idle:
                    self._inflight += 1
                self._pool.submit(self._work, source, state)
            return len(states)
        finally:
            self._claiming.release()

    def _plan_next(self, now: float, soonest: float | None, took: bool) -> None:
        """When the next tick may claim: at once after a claim that took something (more may
        fall due any moment), else at the soonest due time the claim saw, or one of this
        scheduler's own polls wrote since, and at most `IDLE_SECONDS` from now."""
        with self._idle:
            if took:
                self._wake_at = 0.0
                return
            wake = now + IDLE_SECONDS
            if soonest is not None:
                wake = min(wake, soonest)
            self._wake_at = min(wake, self._released_due)

    def _due_again(self, next_due: float | None) -> None:
        """A poll of ours gave its source back: the next tick after `next_due` claims."""
        if next_due is None:
            return
        with self._idle:
            self._released_due = min(self._released_due, next_due)
            self._wake_at = min(self._wake_at, next_due)

    def _work(self, source: Source, state: poll_state.PollState) -> None:
        try:
            if self.stop.is_set():
                self._give_back(source)
            else:
                self._poll(source, state)
        finally:
            with self._idle:
                self._inflight -= 1
                self._idle.notify_all()
        if self._backlog and not self.stop.is_set() and self._free() >= self._refill:
            self.claim()

    def _free(self) -> int:
        with self._idle:
            return self.workers - self._inflight

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no poll is in flight (for tests and callers driving `claim` by hand)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._inflight == 0, timeout)

    def _give_back(self, source: Source) -> None:
        """A claimed source not polled (stopping): free it now, not when its lease expires."""
        try:
            poll_state.release(self.store.db, self.poller.owner, source.id)
        except StoreUnavailable as exc:
            log.error("%s: cannot reach the log: %s", source.id, exc)

    def _poll(self, source: Source, state: poll_state.PollState) -> None:
        try:
            outcome = self.poller.poll_claimed(source, state)
        except StoreUnavailable as exc:
            log.error("%s: cannot reach the log: %s", source.id, exc)
            return
        except Exception:
            log.exception("%s: poll crashed", source.id)
            return
        self._due_again(outcome.next_due)
        self._report(outcome)

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
