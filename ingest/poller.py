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
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from events import EventStore, StoreUnavailable
from ingest import poll_state
from ingest.capture import Capture, file_capture, response_capture, with_capture
from ingest.errors import SourceError
from ingest.feed import FeedError, NotAFeed, read_feed
from ingest.fetch import Fetcher, FetchError, FetchPolicy, Validators
from ingest.folder import read_folder
from ingest.observation import Observation
from ingest.page import PageError, read_page
from ingest.run import ingest_observations, record_failure
from ingest.sources import Source
from ingest.telegram import TelegramExportError, read_telegram_export
from ingest.telegram_web import TelegramWebError, read_channel
from ingest.withdrawals import Coverage, record_withdrawals

log = logging.getLogger("ingest.poller")

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What one poll did. `status`: ok, not_modified, failed, gone, or busy (not polled: held
    by another poller, or gone before)."""

    source_id: str
    status: str
    appended: int = 0
    revised: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    error_kind: str | None = None
    message: str | None = None
    http_status: int | None = None
    next_due: float | None = None

    def line(self) -> str:
        """One line for the terminal and the log."""
        if self.status == "ok":
            gone = f", {self.withdrawn} withdrawn" if self.withdrawn else ""
            return (
                f"{self.source_id}: {self.appended} new ({self.revised} revision(s)),"
                f" {self.unchanged} unchanged{gone}"
            )
        if self.status == "not_modified":
            return f"{self.source_id}: not modified (HTTP 304)"
        if self.status == "busy":
            return f"{self.source_id}: not polled: {self.message}"
        what = _what_failed(self.error_kind, self.http_status, self.message)
        return f"{self.source_id}: {self.status.upper()} {what}"


def _what_failed(kind: str | None, http_status: int | None, message: str | None) -> str:
    """`http_error: HTTP 404 Not Found`, or `kind HTTP nnn: message` when the message does not
    already start with the status."""
    text = message or ""
    shown = f"HTTP {http_status}"
    if http_status and not text.startswith(shown):
        return f"{kind} {shown}: {text}"
    return f"{kind}: {text}"


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

    def poll_now(
        self,
        sources: Sequence[Source],
        on_outcome: Callable[[PollOutcome], None] | None = None,
    ) -> list[PollOutcome]:
        """Poll each of `sources` now, due or not (a person asked, say after fixing a path).
        A source another poller holds, or one that said 410 Gone, is reported `busy`."""
        outcomes: list[PollOutcome] = []
        for source in sources:
            if self.stop.is_set():
                break
            leased = poll_state.lease_due(
                self.db,
                self.owner,
                [source.id],
                self.clock(),
                lease_seconds(source),
                due_only=False,
            )
            if leased:
                outcome = self._poll_leased(source)
            else:
                state = poll_state.state_of(self.db, source.id)
                why = "another poller is polling it now"
                if state is not None and state.gone:
                    why = "it said HTTP 410 Gone; change its url to poll it again"
                outcome = PollOutcome(source.id, "busy", message=why)
            outcomes.append(outcome)
            if on_outcome:
                on_outcome(outcome)
        return outcomes

    def poll_if_due(self, source: Source) -> PollOutcome | None:
        """Poll `source` if it is due and nobody holds it; None if not."""
        return self.try_poll(source)[0]

    def try_poll(self, source: Source) -> tuple[PollOutcome | None, poll_state.PollState | None]:
        """For scheduler jobs: poll `source` if it is due and free, and return the outcome, or
        None and the source's polling state (when it is due, who holds it) to plan the next
        look by. One transaction decides and reads both."""
        now = self.clock()
        leased, state = poll_state.lease_one(
            self.db, self.owner, source.id, now, lease_seconds(source)
        )
        if not leased:
            return None, state
        return self._poll_leased(source, state), None

    def poll_claimed(self, source: Source, state: poll_state.PollState) -> PollOutcome:
        """For a scheduler's claim tick: poll a source this owner already leased, with the
        state `poll_state.claim_batch` read in the lease's own transaction."""
        return self._poll_leased(source, state)

    # -- one poll ----------------------------------------------------------------------------

    def _poll_leased(
        self, source: Source, state: poll_state.PollState | None = None
    ) -> PollOutcome:
        """Poll a source this owner holds; `state` is its row as read in the lease's own
        transaction (read here when the caller has none)."""
        if state is None:
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
        observations, new_validators, coverage = read
        observed_at = datetime.fromtimestamp(started, UTC)
        result = ingest_observations(
            self.store,
            observations,
            observed_at=observed_at,
            batch_size=max(1, len(observations)),
        )
        withdrawn = 0
        if coverage is not None:
            reason = f"no longer shown at {source.location} (within the posts it showed)"
            withdrawn = record_withdrawals(self.store, coverage, reason, observed_at)
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
            withdrawn=withdrawn,
            next_due=next_due,
        )

    def _read(
        self, source: Source, validators: Validators
    ) -> tuple[list[Observation], Validators, Coverage | None] | None:
        """The source's observations, new validators and what the read covered (for
        withdrawals), or None for 304 Not Modified."""
        if source.kind == "folder":
            folder = read_folder(Path(source.location), source.id, on_skip=_log_skipped(source))
            return list(folder), Validators(), None
        if source.url is None:
            path = Path(source.location)
            body = _read_local(path, source.max_bytes)
            observations = _parse(source, body, source.location, {})
            return with_capture(observations, file_capture(path, body)), Validators(), None
        policy = FetchPolicy(
            timeout=source.timeout,
            max_bytes=source.max_bytes,
            max_redirects=source.max_redirects,
            retries=source.retries,
            allow_private=source.allow_private,
            headers=dict(source.headers),
        )
        if source.kind == "telegram-web":
            # Several pages per poll: no conditional GET (a 304 of the first says nothing of
            # the others, and the view counts change anyway).
            captures: dict[str, Capture] = {}
            channel = read_channel(
                lambda url: self._fetch_page(url, policy, captures),
                source.url,
                source.id,
                source.max_pages,
            )
            observations = [
                replace(o, capture=captures.get(channel.page_of.get(o.item_key, "")))
                for o in channel.observations
            ]
            return observations, Validators(), channel.coverage
        response = self.fetcher.fetch(source.url, policy, validators, stop=self.stop)
        if response.not_modified:
            return None
        observations = _parse(source, response.body, response.url, response.headers)
        return (
            with_capture(observations, response_capture(response)),
            response.validators,
            None,
        )

    def _fetch_page(self, url: str, policy: FetchPolicy, captures: dict[str, Capture]) -> bytes:
        if self.stop.is_set():
            raise FetchError("abandoned", url, "shutting down between pages")
        response = self.fetcher.fetch(url, policy, stop=self.stop)
        captures[url] = response_capture(response)
        return response.body

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
            "%s: %s (failure %d in a row; next try in %.0f s)",
            source.id,
            _what_failed(failure.kind, failure.http_status, message),
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


def _log_skipped(source: Source) -> Callable[[SourceError], None]:
    """A folder's unreadable file is one warning naming it; the rest of the folder is read."""

    def skipped(exc: SourceError) -> None:
        log.warning("%s: skipped a file that cannot be read: %s", source.id, exc)

    return skipped


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
    if isinstance(exc, TelegramWebError):
        return "not_a_channel"
    return "unreadable"


def _message(exc: SourceError, source: Source) -> str:
    """The error without its leading URL (the event has the URL in a field of its own). A
    file's path stays: "no such file" alone would not say which file."""
    text = str(exc)
    if source.url is not None and text.startswith(f"{source.url}: "):
        return text[len(source.url) + 2 :]
    return text
