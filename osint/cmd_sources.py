"""Sources from a sources file: `osint sources` (health), `osint schedule`, and the
`--sources FILE --once` form of `osint ingest` (`poll_once`)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from events import EventStore
from ingest import poll_state
from ingest.fetch import Fetcher
from ingest.opml import export_opml, import_opml
from ingest.poller import Poller, PollOutcome
from ingest.sources import Source, load_source_table, load_sources, parse_duration
from osint.context import AppContext, pass_app
from osint.render import echo_csv, echo_json, format_option
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
    """Poll every due source of `sources_file` once (for cron and CI), then update the views;
    exit 1 after all of them if any failed."""
    sources = load_sources(sources_file)
    outcomes = _polls(app, sources, lambda poller, echo: poller.poll_due(sources, echo))
    _finish(app, outcomes, len(sources), project)


@click.command("poll")
@click.argument("source_ids", nargs=-1, metavar="[SOURCE_ID]...")
@setting_option("sources", required=True)
@click.option("--no-project", is_flag=True, help="Append only; leave the views for later.")
@pass_app
def poll_command(
    app: AppContext, source_ids: tuple[str, ...], sources: Path, no_project: bool
) -> None:
    """Poll sources now, due or not: every source of the file, or the SOURCE_IDs given (after
    fixing a path or a URL, say, rather than waiting for the next due time). Exit 1 if any
    poll failed.

    \b
    Example:
      osint poll --sources sources.toml
      osint poll wire-feed field-notes --sources sources.toml
    """
    declared = load_sources(sources)
    by_id = {s.id: s for s in declared}
    unknown = [i for i in source_ids if i not in by_id]
    if unknown:
        raise click.BadParameter(
            f"{', '.join(map(repr, unknown))} not in {sources} (its sources: {', '.join(by_id)})",
            param_hint="SOURCE_ID",
        )
    chosen = [by_id[i] for i in dict.fromkeys(source_ids)] or declared
    outcomes = _polls(app, declared, lambda poller, echo: poller.poll_now(chosen, echo))
    _finish(app, outcomes, len(chosen), not no_project, waiting="not polled")


PollRun = Callable[[Poller, Callable[[PollOutcome], None]], list[PollOutcome]]


def _polls(app: AppContext, declared: list[Source], run: PollRun) -> list[PollOutcome]:
    """Run polls with one fetcher and a progress bar on a terminal; each outcome is echoed."""
    configure_logging()
    logging.getLogger().setLevel(logging.WARNING)
    with Fetcher() as fetcher:
        poller = Poller(app.store(), fetcher, poll_state.new_owner())
        poller.prepare(declared)
        console = Console(stderr=True)
        if not console.is_terminal:
            return run(poller, _echo)
        columns = (TextColumn("polling"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("polling", total=len(declared))

            def advance(outcome: PollOutcome) -> None:
                _echo(outcome)
                bar.advance(task)

            return run(poller, advance)


def _finish(
    app: AppContext,
    outcomes: list[PollOutcome],
    asked: int,
    project: bool,
    waiting: str = "not due",
) -> None:
    """The summary line, the views brought up to date, and exit 1 if any poll failed."""
    failed = sum(o.status in ("failed", "gone") for o in outcomes)
    polled = [o for o in outcomes if o.status != "busy"]
    appended = sum(o.appended for o in outcomes)
    click.echo(
        f"polled {len(polled)} of {asked} source(s) ({asked - len(polled)} {waiting}):"
        f" {appended} report(s) appended, {failed} failed"
    )
    if project:
        applied = app.runner().catch_up()
        head, _ = app.store().head()
        click.echo(f"views up to date at position {head} ({applied} event applications)")
    if failed:
        raise SystemExit(1)


def _echo(outcome: PollOutcome) -> None:
    # Failures are already one log line on stderr (see ingest.poller).
    if outcome.status in ("ok", "not_modified", "busy"):
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

    # Compact: the scheduler keeps its sources for as long as it runs.
    declared = load_source_table(sources)
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


@click.group("sources", invoke_without_command=True)
@setting_option("sources", help="The sources file; without it, every source the log knows.")
@format_option("source")
@click.pass_context
def sources_command(ctx: click.Context, sources: Path | None, fmt: str) -> None:
    """The health of each source: last success, last failure (its kind, HTTP status and
    message), consecutive failures, reports seen, and when it is next due. `import` and
    `export` move feeds in and out as OPML.

    \b
    Example:
      osint sources --sources sources.toml
      osint sources --format csv > health.csv
      osint sources --sources sources.toml import feeds.opml
    """
    if ctx.invoked_subcommand is not None:
        return
    configured = load_sources(sources) if sources else None
    store = ctx.find_object(AppContext).store(create=False)
    ProjectionRunner(store, [SourceHealthProjector()]).catch_up()
    rows = health_rows(store, configured)
    if fmt == "json":
        echo_json(rows)
    elif fmt == "csv":
        echo_csv(rows, HEALTH_COLUMNS)
    else:
        _print_health(rows)


def _sources_file(ctx: click.Context, given: Path | None) -> Path:
    """The subcommand's --sources, else the group's, else sources.toml here."""
    parent = ctx.parent.params.get("sources") if ctx.parent else None
    return given or parent or Path("sources.toml")


def _check_every(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    try:
        parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


@sources_command.command("import")
@click.argument("opml_file", type=click.Path(dir_okay=False, path_type=Path))
@setting_option("sources", help="The sources file to add to (default sources.toml).")
@click.option(
    "--every", default="1h", show_default=True, callback=_check_every, help="New feeds' interval."
)
@click.pass_context
def import_command(ctx: click.Context, opml_file: Path, sources: Path | None, every: str) -> None:
    """Add the feeds of an OPML file to the sources file, as new [[source]] tables at its end.

    Everything already in the file stays as it was, comments included. Ids come from the
    feeds' titles; a feed whose URL is already in the file is left out.

    \b
    Example:
      osint sources import feeds.opml
      osint sources import --sources sources.toml --every 30m feeds.opml
    """
    target = _sources_file(ctx, sources)
    try:
        data = opml_file.read_bytes()
    except FileNotFoundError:
        raise click.ClickException(f"{opml_file}: no such file") from None
    except OSError as exc:
        raise click.ClickException(f"{opml_file}: cannot read ({exc.strerror})") from None
    result = import_opml(target, data, str(opml_file), every=every)
    for source_id, url in result.added:
        click.echo(f"added {source_id}: {url}")
    for url in result.already_present:
        click.echo(f"already in {target}: {url}")
    for url, why in result.refused:
        click.echo(f"skipped {url!r}: {why}", err=True)
    click.echo(
        f"{len(result.added)} feed(s) added to {target}, {len(result.already_present)} already"
        f" there, {len(result.refused)} skipped"
    )


@sources_command.command("export")
@click.option("--format", "fmt", type=click.Choice(["opml"]), default="opml", show_default=True)
@setting_option("sources", help="The sources file to export (default sources.toml).")
@click.pass_context
def export_command(ctx: click.Context, fmt: str, sources: Path | None) -> None:
    """Print the feed sources of the sources file as OPML, for other feed readers.

    \b
    Example:
      osint sources export --format opml > feeds.opml
    """
    del fmt  # one format for now; the option says which, so more can come
    declared = load_sources(_sources_file(ctx, sources))
    click.echo(export_opml(declared).decode("utf-8"), nl=False)


HEALTH_COLUMNS = [
    "source_id",
    "kind",
    "state",
    "last_success",
    "last_failure",
    "last_failure_kind",
    "last_failure_status",
    "last_failure_message",
    "consecutive_failures",
    "failures_total",
    "reports_seen",
    "revisions",
    "next_due",
]


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
    table = Table()
    for name in ("source", "state", "last success", "last failure"):
        table.add_column(name, no_wrap=True)
    for name in ("failures in a row", "reports seen", "next due"):
        table.add_column(name)
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
    # Messages in full, one line each, under the table (in a cell they would be cut or wrapped).
    for r in rows:
        if r["last_failure_message"]:
            status = f" {r['last_failure_status']}" if r["last_failure_status"] else ""
            console.print(
                f"{r['source_id']}: last error ({r['last_failure_kind']}{status}):"
                f" {escape(r['last_failure_message'])}",
                soft_wrap=True,
            )
