"""Sources from a sources file: `osint sources` (health), `osint schedule`, and the
`--sources FILE --once` form of `osint ingest` (`poll_once`)."""

from __future__ import annotations

import json
import logging
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from events import EventStore
from ingest import poll_state
from ingest.fetch import Fetcher
from ingest.poller import Poller, PollOutcome
from ingest.sources import Source, load_sources
from osint.context import AppContext, pass_app
from osint.settings import setting_option
from projections.runner import ProjectionRunner
from projections.source_health import SourceHealthProjector
from projections.state import live_tables


def configure_logging() -> None:
    """One line per event on stderr: time, level, message."""
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(levelname)-7s %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%S",
        force=True,
    )
    for noisy in ("apscheduler", "httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def poll_once(app: AppContext, sources_file: Path, project: bool) -> None:
    """Poll every due source of `sources_file` once (for cron and CI), then update the views."""
    sources = load_sources(sources_file)
    configure_logging()
    logging.getLogger().setLevel(logging.WARNING)
    store = app.store()
    outcomes: list[PollOutcome] = []
    with Fetcher() as fetcher:
        poller = Poller(store, fetcher, poll_state.new_owner())
        poller.prepare(sources)
        console = Console(stderr=True)
        if console.is_terminal:
            columns = (TextColumn("polling"), BarColumn(), MofNCompleteColumn())
            with Progress(*columns, console=console, transient=True) as bar:
                task = bar.add_task("polling", total=len(sources))

                def advance(outcome: PollOutcome) -> None:
                    _echo(outcome)
                    bar.advance(task)

                outcomes = poller.poll_due(sources, on_outcome=advance)
        else:
            outcomes = poller.poll_due(sources, on_outcome=_echo)
    failed = sum(o.status in ("failed", "gone") for o in outcomes)
    appended = sum(o.appended for o in outcomes)
    click.echo(
        f"polled {len(outcomes)} of {len(sources)} source(s)"
        f" ({len(sources) - len(outcomes)} not due): {appended} report(s) appended,"
        f" {failed} failed"
    )
    if project:
        applied = app.runner().catch_up()
        head, _ = store.head()
        click.echo(f"views up to date at position {head} ({applied} event applications)")


def _echo(outcome: PollOutcome) -> None:
    # Failures are already one log line on stderr (see ingest.poller).
    if outcome.status in ("ok", "not_modified"):
        click.echo(outcome.line())


@click.command("schedule")
@setting_option("sources", required=True)
@click.option("--no-project", is_flag=True, help="Append only; leave the views for later.")
@pass_app
def schedule_command(app: AppContext, sources: Path, no_project: bool) -> None:
    """Poll every source when it is due, until SIGINT or SIGTERM, and keep the views updated.

    Each source is polled at its interval (stretched by backoff after failures, or by a
    server's Retry-After). Several schedulers may share one PostgreSQL log; on SQLite only
    one may run.

    \b
    Example:
      osint schedule --sources sources.toml
      OSINT_SOURCES=sources.toml osint --db postgresql+psycopg://me@db/osint schedule
    """
    from ingest.scheduler import Scheduler, install_signal_handlers

    declared = load_sources(sources)
    configure_logging()
    store = app.store()
    after_poll = None if no_project else _projector_callback(app)
    with Fetcher() as fetcher:
        poller = Poller(store, fetcher, poll_state.new_owner(), stop=threading.Event())
        restore = install_signal_handlers(poller.stop)
        try:
            Scheduler(store, declared, poller, after_poll=after_poll).run()
        finally:
            restore()


def _projector_callback(app: AppContext):  # type: ignore[no-untyped-def]
    runner: list[ProjectionRunner] = []

    def catch_up() -> None:
        if not runner:
            runner.append(app.runner())
        runner[0].catch_up()

    return catch_up


@click.command("sources")
@setting_option("sources", help="The sources file; without it, every source the log knows.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@pass_app
def sources_command(app: AppContext, sources: Path | None, as_json: bool) -> None:
    """The health of each source: last success, last failure, consecutive failures, reports
    seen, and when it is next due.

    \b
    Example:
      osint sources --sources sources.toml
      osint sources --json
    """
    configured = load_sources(sources) if sources else None
    store = app.store(create=False)
    ProjectionRunner(store, [SourceHealthProjector()]).catch_up()
    rows = health_rows(store, configured)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    _print_health(rows)


def health_rows(store: EventStore, configured: list[Source] | None) -> list[dict[str, Any]]:
    """The health view as it stands, joined with the polling state, one dict per source (it
    only reads: the command brings the view up to date first, the web app never writes)."""
    projector = SourceHealthProjector()
    with store.db.connect() as conn:
        tables = live_tables(conn, projector)
        view: dict[str, Any] = {}
        if tables is not None:
            table = tables["source_health"]
            view = {r.source_id: r._mapping for r in conn.execute(table.select())}
    states = poll_state.states(store.db)
    kinds = {s.id: s.kind for s in configured} if configured is not None else {}
    ids = list(kinds) if configured is not None else sorted(set(view) | set(states))
    rows = []
    for source_id in ids:
        v = view.get(source_id)
        s = states.get(source_id)
        last_report = v["last_report_at"] if v else None
        last_success = _later(_iso(s.last_success_at) if s else None, last_report)
        failures = s.consecutive_failures if s else (v["failures_since_report"] if v else 0)
        gone = bool((s and s.gone) or (v and v["gone"]))
        rows.append(
            {
                "source_id": source_id,
                "kind": kinds.get(source_id),
                "state": _state(s, v, failures, gone),
                "last_success": last_success,
                "last_failure": v["last_failure_at"]
                if v
                else _iso(s.last_failure_at if s else None),
                "last_failure_kind": v["last_failure_kind"] if v else None,
                "last_failure_status": v["last_failure_status"] if v else None,
                "last_failure_message": v["last_failure_message"] if v else None,
                "consecutive_failures": failures,
                "failures_total": v["failures_total"] if v else 0,
                "reports_seen": v["reports_seen"] if v else 0,
                "revisions": v["revisions"] if v else 0,
                "next_due": None if gone or s is None else _iso(s.next_due),
            }
        )
    return rows


def _state(s: Any, v: Any, failures: int, gone: bool) -> str:
    if gone:
        return "gone"
    if s is None and v is None:
        return "never polled"
    if failures:
        kind = (v["last_failure_kind"] if v else None) or "error"
        return f"failing ({kind})"
    if s is not None and s.last_success_at is None and s.last_failure_at is None:
        return "never polled"
    return "ok"


def _iso(epoch: float | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _later(a: str | None, b: str | None) -> str | None:
    """The later of two UTC timestamps in the log's or ISO form."""
    values = [x for x in (a, b) if x]
    if not values:
        return None
    return max(values, key=_parse_time).replace("+00:00", "Z")


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _short(value: str | None) -> str:
    return value[:19].replace("T", " ") if value else "—"


def _print_health(rows: list[dict[str, Any]]) -> None:
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=160)  # piped: one line per source
    if not rows:
        console.print("no sources yet: poll some with osint ingest --sources FILE --once")
        return
    table = Table(
        "source",
        "state",
        "last success",
        "last failure",
        "failures in a row",
        "reports seen",
        "next due",
    )
    for r in rows:
        failure = _short(r["last_failure"])
        if r["last_failure_kind"]:
            status = f" {r['last_failure_status']}" if r["last_failure_status"] else ""
            failure += f" ({r['last_failure_kind']}{status})"
        table.add_row(
            r["source_id"],
            r["state"],
            _short(r["last_success"]),
            failure,
            str(r["consecutive_failures"]),
            str(r["reports_seen"]),
            _short(r["next_due"]),
        )
    console.print(table)
