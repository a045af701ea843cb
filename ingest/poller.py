"""One poll of one source: lease it, read it, append what is new (or a `FetchFailed`), then
write its polling state and give the lease back.

A failure of any kind stays inside its source: it becomes one `FetchFailed` event, one log line
and a longer wait before the next try (doubling from the source's interval up to its
`max_backoff`, or longer if the server asked with `Retry-After`); success resets it. A failing
source is never switched off: it keeps being tried at the longest interval. Only HTTP 410 stops
a source, with a `FetchFailed` of kind `gone` that says so; changing its URL starts it again.

All observations of one poll are appended in one batch, so a poll is in the log whole or not
at all, even when the process is stopped in the middle of it.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from events import EventStore, StoreUnavailable
from ingest import poll_state
from ingest.capture import file_capture, response_capture, with_capture
from ingest.errors import SourceError
from ingest.feed import FeedError, NotAFeed, read_feed
from ingest.fetch import Fetcher, FetchError, FetchPolicy, Validators
from ingest.folder import read_folder
from ingest.observation import Observation
from ingest.page import PageError, read_page
from ingest.run import ingest_observations, record_failure
from ingest.sources import Source
from ingest.telegram import TelegramExportError, read_telegram_export

log = logging.getLogger("ingest.poller")

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll did. `status`: ok, not_modified, failed or gone."""

    source_id: str
    status: str
    appended: int = 0
    revised: int = 0
    unchanged: int = 0
    error_kind: str | None = None
    message: str | None = None
    http_status: int | None = None
    next_due: float | None = None

    def line(self) -> str:
        """One line for the terminal and the log."""
        if self.status == "ok":
            return (
                f"{self.source_id}: {self.appended} new ({self.revised} revision(s)),"
                f" {self.unchanged} unchanged"
            )
        if self.status == "not_modified":
            return f"{self.source_id}: not modified (HTTP 304)"
        status = f" HTTP {self.http_status}" if self.http_status else ""
        return f"{self.source_id}: {self.status.upper()} {self.error_kind}{status}: {self.message}"


@dataclass(frozen=True, slots=True)
class _Failure:
    kind: str
    message: str
    url: str | None
    http_status: int | None = None
    retry_after: float | None = None


def lease_seconds(source: Source) -> float:
    """Longer than the worst poll (every retry timing out, plus backoff), so a live poll keeps
    its lease; short enough that a dead node's sources are taken over within minutes."""
    return (source.retries + 1) * (source.timeout * 3 + 30) + 60


def next_due_after(source: Source, now: float) -> float:
    """When a healthy source is next due: its interval after `now`, or its next cron time."""
    if source.cron is None:
        return now + source.interval_seconds
    from apscheduler.triggers.cron import CronTrigger

    trigger = CronTrigger.from_crontab(source.cron, timezone="UTC")
    moment = datetime.fromtimestamp(now, UTC)
    fire = trigger.get_next_fire_time(None, moment)
    return fire.timestamp() if fire else now + source.interval_seconds


def backoff_seconds(source: Source, failures: int, retry_after: float | None = None) -> float:
    """The wait after `failures` failures in a row: interval × 2^(failures-1), ±10 % jitter,
    at most `max_backoff`; never shorter than the server's `Retry-After`."""
    base = source.interval_seconds * 2 ** max(0, min(failures - 1, 30))
    delay = min(source.max_backoff_seconds, base) * random.uniform(0.9, 1.1)
    delay = min(delay, source.max_backoff_seconds * 1.1)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay


class Poller:
    """Polls sources for one owner (a scheduler or a `--once` run). Thread-safe."""

    def __init__(
        self,
        store: EventStore,
        fetcher: Fetcher,
        owner: str,
        stop: threading.Event | None = None,
        clock: Clock = time.time,
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.owner = owner
        self.stop = stop or threading.Event()
        self.clock = clock
        self.db = store.db

    def prepare(self, sources: Sequence[Source]) -> None:
        """Make sure every source has a polling-state row (new ones are due at once)."""
        poll_state.sync_sources(self.db, ((s.id, s.location) for s in sources), self.clock())

    def poll_due(
        self,
        sources: Sequence[Source],
        on_outcome: Callable[[PollOutcome], None] | None = None,
    ) -> list[PollOutcome]:
        """Poll every due source once, one after the other. Each is leased just before its
        poll, so a long run never outlives its leases and parallel runs share the work."""
        by_id = {s.id: s for s in sources}
        outcomes: list[PollOutcome] = []
        while not self.stop.is_set():
            waiting = [i for i in by_id if i not in {o.source_id for o in outcomes}]
            longest = max((lease_seconds(by_id[i]) for i in waiting), default=0.0)
            leased = poll_state.lease_due(
                self.db, self.owner, waiting, self.clock(), longest, limit=1
            )
            if not leased:
                break
            outcome = self._poll_leased(by_id[leased[0]])
            outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
        return outcomes

    def poll_if_due(self, source: Source) -> PollOutcome | None:
        """Poll `source` if it is due and nobody holds it; None if not (for scheduler jobs)."""
        now = self.clock()
        leased = poll_state.lease_due(self.db, self.owner, [source.id], now, lease_seconds(source))
        if not leased:
            return None
        return self._poll_leased(source)

    # -- one poll ----------------------------------------------------------------------------

    def _poll_leased(self, source: Source) -> PollOutcome:
        state = poll_state.state_of(self.db, source.id)
        started = self.clock()
        validators = Validators(state.etag, state.last_modified) if state else Validators()
        try:
            read = self._read(source, validators)
        except FetchError as exc:
            if exc.kind == "abandoned":
                poll_state.release(self.db, self.owner, source.id)
                return PollOutcome(source.id, "failed", error_kind="abandoned", message=exc.detail)
            return self._failed(
                source,
                state,
                started,
                _Failure(exc.kind, exc.detail, exc.url, exc.http_status, exc.retry_after),
            )
        except SourceError as exc:
            return self._failed(
                source,
                state,
                started,
                _Failure(_kind_of(exc), _message(exc, source), source.location),
            )
        except StoreUnavailable:
            raise
        except Exception as exc:  # a reader's bug must not stop the other sources
            log.exception("%s: unexpected error while reading %s", source.id, source.location)
            failure = _Failure("internal_error", f"{type(exc).__name__}: {exc}", source.location)
            return self._failed(source, state, started, failure)
        if read is None:
            next_due = next_due_after(source, started)
            poll_state.release(
                self.db,
                self.owner,
                source.id,
                next_due=next_due,
                consecutive_failures=0,
                last_attempt_at=started,
                last_success_at=self.clock(),
            )
            return PollOutcome(source.id, "not_modified", next_due=next_due)
        observations, new_validators = read
        result = ingest_observations(
            self.store,
            observations,
            observed_at=datetime.fromtimestamp(started, UTC),
            batch_size=max(1, len(observations)),
        )
        next_due = next_due_after(source, started)
        poll_state.release(
            self.db,
            self.owner,
            source.id,
            next_due=next_due,
            consecutive_failures=0,
            last_attempt_at=started,
            last_success_at=self.clock(),
            etag=new_validators.etag,
            last_modified=new_validators.last_modified,
        )
        return PollOutcome(
            source.id,
            "ok",
            appended=result.appended,
            revised=result.revised,
            unchanged=result.unchanged,
            next_due=next_due,
        )

    def _read(
        self, source: Source, validators: Validators
    ) -> tuple[list[Observation], Validators] | None:
        """The source's observations and new validators, or None for 304 Not Modified."""
        if source.kind == "folder":
            return list(read_folder(Path(source.location), source.id)), Validators()
        if source.url is None:
            path = Path(source.location)
            body = _read_local(path, source.max_bytes)
            observations = _parse(source, body, source.location, {})
            return with_capture(observations, file_capture(path, body)), Validators()
        policy = FetchPolicy(
            timeout=source.timeout,
            max_bytes=source.max_bytes,
            max_redirects=source.max_redirects,
            retries=source.retries,
            allow_private=source.allow_private,
            headers=dict(source.headers),
        )
        response = self.fetcher.fetch(source.url, policy, validators, stop=self.stop)
        if response.not_modified:
            return None
        observations = _parse(source, response.body, response.url, response.headers)
        return with_capture(observations, response_capture(response)), response.validators

    def _failed(
        self, source: Source, state: poll_state.PollState | None, started: float, failure: _Failure
    ) -> PollOutcome:
        gone = failure.kind == "gone"
        message = failure.message
        if gone:
            message = f"{message}; polling stopped (change the source's url to poll it again)"
        record_failure(
            self.store,
            source.id,
            failure.kind,
            message,
            url=failure.url,
            http_status=failure.http_status,
            observed_at=datetime.fromtimestamp(started, UTC),
        )
        failures = (state.consecutive_failures if state else 0) + 1
        now = self.clock()
        next_due = now + backoff_seconds(source, failures, failure.retry_after)
        log.warning(
            "%s: %s%s: %s (failure %d in a row; next try in %.0f s)",
            source.id,
            failure.kind,
            f" HTTP {failure.http_status}" if failure.http_status else "",
            message,
            failures,
            next_due - now,
        )
        poll_state.release(
            self.db,
            self.owner,
            source.id,
            next_due=next_due,
            consecutive_failures=failures,
            last_attempt_at=started,
            last_failure_at=now,
            last_error=f"{failure.kind}: {message}"[:500],
            gone=gone,
        )
        return PollOutcome(
            source.id,
            "gone" if gone else "failed",
            error_kind=failure.kind,
            message=message,
            http_status=failure.http_status,
            next_due=next_due,
        )


def _parse(
    source: Source, body: bytes, location: str, headers: dict[str, str]
) -> list[Observation]:
    if source.kind == "feed":
        return read_feed(body, source.id, location, headers).observations
    if source.kind == "page":
        return [read_page(body, source.id, location)]
    return read_telegram_export(body, source.id, location)


def _read_local(path: Path, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise SourceError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None
    if len(body) > max_bytes:
        raise FetchError("too_large", str(path), f"file over the {max_bytes}-byte cap")
    return body


def _kind_of(exc: SourceError) -> str:
    if isinstance(exc, NotAFeed):
        return "not_a_feed"
    if isinstance(exc, FeedError | TelegramExportError):
        return "malformed"
    if isinstance(exc, PageError):
        return "no_text"
    return "unreadable"


def _message(exc: SourceError, source: Source) -> str:
    """The error without its leading location (the event has the URL in a field of its own)."""
    text = str(exc)
    for prefix in (f"{source.location}: ", f"{source.url}: "):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text
