"""Commands over the log itself: ingest, project, replay, verify, events."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import click

from events import (
    EVENT_TYPES,
    FetchFailed,
    ReportObserved,
    ReportWithdrawn,
    StoredEvent,
    decode,
    event_type_named,
)
from events.follow import Follower
from ingest.errors import SourceError
from ingest.folder import list_files, read_file, read_folder
from ingest.observation import Observation
from ingest.page import fetch_page
from ingest.run import ingest_observations
from osint.cmd_evidence import load_verifier, verify_checkpoints
from osint.cmd_sources import poll_once
from osint.context import AppContext, pass_app
from osint.progress import progress_bar
from osint.render import echo_csv_stream, format_option
from osint.settings import setting_option
from osint.stopping import stop_on_signals

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
FILES_FOR_A_BAR = 200  # reading a file (a page above all) is slower than applying an event


@click.command("ingest")
@click.argument("paths", nargs=-1, metavar="PATH_OR_URL...")
@click.option("--source", "source_id", help="Source id (default: the folder's name).")
@click.option("--no-project", is_flag=True, help="Append only; leave the views for later.")
@setting_option("sources", help="Poll the sources of this file instead of reading PATHs.")
@click.option("--once", is_flag=True, help="With --sources: poll every due source once, exit.")
@pass_app
def ingest_command(
    app: AppContext,
    paths: tuple[str, ...],
    source_id: str | None,
    no_project: bool,
    sources: Path | None,
    once: bool,
) -> None:
    """Read text files, saved pages and folders (.txt, .md, .html, .htm, recursively) into the
    log, then update the views. An http(s) URL is fetched as an article page through the same
    safe fetcher the sources use (timeouts, a size cap, no private addresses); sources to poll
    again and again belong in a sources file.

    A file seen before with the same text appends nothing; a changed file appends its next
    revision. Text in a legacy encoding (Latin-1, Windows-1251, …) is detected. A file named
    here that cannot be read stops the run before anything is written; one inside a folder is
    named on stderr and skipped, the rest is ingested, and the exit status is 1.
    With --sources FILE --once, poll every due source of a sources file once instead (for cron).

    \b
    Example:
      osint ingest seeds/
      osint ingest --source field-notes notes/2024-11-07.md
      osint ingest https://news.example.org/2024/11/07/troops
      osint ingest --sources sources.toml --once
    """
    if not paths:
        if sources is None:
            raise click.UsageError("give PATH… to read, or --sources FILE --once to poll")
        if not once:
            raise click.UsageError("--sources needs --once here (osint schedule keeps polling)")
        poll_once(app, sources, project=not no_project)
        return
    observations, skipped = _read_paths(paths, source_id)
    store = app.store()
    result = ingest_observations(store, observations)
    click.echo(
        f"read {result.seen} report(s): {result.appended} appended"
        f" ({result.revised} revision(s)), {result.unchanged} unchanged"
    )
    if not no_project:
        _catch_up(app)
    if skipped:
        raise click.ClickException(f"{skipped} file(s) could not be read and were skipped")


def _read_paths(paths: tuple[str, ...], source_id: str | None) -> tuple[list[Observation], int]:
    """The observations of PATHs and URLs, and how many files in folders could not be read
    (each named on stderr). A file or URL named on the command line that cannot be read stops
    everything."""
    observations: list[Observation] = []
    skipped: list[SourceError] = []
    for given in paths:
        if _URL.match(given):
            try:
                observations.append(fetch_page(given, source_id))
            except SourceError as exc:
                raise click.ClickException(str(exc)) from None
            continue
        path = Path(given)
        if not path.exists():
            raise click.ClickException(f"{path}: no such file or folder")
        try:
            if path.is_dir():
                name = source_id or path.resolve().name
                total = len(list_files(path))
                with progress_bar("reading", total, long_run=FILES_FOR_A_BAR) as advance:
                    observations.extend(
                        read_folder(path, name, skipped.append, lambda _p: advance(1))
                    )
            else:
                name = source_id or path.resolve().parent.name
                observations.append(read_file(path, name))
        except SourceError as exc:
            raise click.ClickException(str(exc)) from None
    for exc in skipped:
        click.echo(f"skipped: {exc}", err=True)
    return observations, len(skipped)


def _catch_up(app: AppContext) -> None:
    runner = app.runner()
    with progress_bar("projecting", runner.pending()) as advance:
        applied = runner.catch_up(progress=advance)
    head, _ = app.store().head()
    click.echo(f"views up to date at position {head} ({applied} event applications)")


@click.command("project")
@click.option("--follow", is_flag=True, help="Keep the views caught up until interrupted.")
@pass_app
def project_command(app: AppContext, follow: bool) -> None:
    """Bring every view up to the end of the log (a changed projector rebuilds its view).

    With --follow, wait for new events (LISTEN/NOTIFY on PostgreSQL, a back-off on SQLite)
    and apply them as they come, until SIGINT or SIGTERM.

    \b
    Example:
      osint project
      osint project --follow
    """
    _catch_up(app)
    if follow:
        _follow(app)


def _follow(app: AppContext) -> None:
    stopping = stop_on_signals()
    store = app.store()
    runner = app.runner()
    follower = Follower(store)
    try:
        while not stopping.is_set():
            # Read the head before catching up: whatever lands meanwhile is past `reached`,
            # so the wait below returns at once instead of missing it.
            reached, _ = store.head()
            applied = runner.catch_up()
            if applied:
                # The views may have gone past `reached`: say where they are.
                position = runner.position()
                click.echo(f"views at position {position} (+{applied} event applications)")
            follower.wait(reached, timeout=30.0, stop=stopping.is_set)
    finally:
        follower.close()


@click.command("replay")
@click.option("--until", type=click.IntRange(min=0), help="Stop at this log position.")
@pass_app
def replay_command(app: AppContext, until: int | None) -> None:
    """Rebuild every view from position 0, beside the live views, then switch over.

    \b
    Example:
      osint replay
      osint replay --until 120     # the views as they were at position 120
    """
    store = app.store()
    runner = app.runner()
    head, _ = store.head()
    total = (min(head, until) if until is not None else head) * len(runner.projectors)
    with progress_bar("replaying", total) as advance:
        applied = runner.replay(until=until, progress=advance)
    ahead = (
        f"; {runner.events_read_ahead} event(s) extracted ahead by worker processes"
        if runner.events_read_ahead
        else ""
    )
    click.echo(f"rebuilt {len(runner.projectors)} view(s) from {applied} event applications{ahead}")


@click.command("verify")
@click.option(
    "--checkpoint",
    "checkpoints",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Also prove the log extends this published checkpoint (a file, or a folder of them;"
    " repeatable): caught even if the chain in the database was recomputed.",
)
@click.option(
    "--verifier-key",
    metavar="KEY|FILE",
    help="The checkpoint's verifier key (default: the public half of --key).",
)
@setting_option("key")
@pass_app
def verify_command(
    app: AppContext, checkpoints: tuple[Path, ...], verifier_key: str | None, key: Path
) -> None:
    """Recompute the hash chain; exit 1 naming the first position that does not match. With
    --checkpoint, also rebuild the Merkle tree from the events and prove, by a consistency
    proof, that the log extends that signed checkpoint.

    \b
    Example:
      osint verify
      osint verify --checkpoint public/checkpoint --verifier-key osint.key.pub
    """
    verifier = load_verifier(verifier_key, key) if checkpoints else None
    store = app.store(create=False)
    head, _ = store.head()
    with progress_bar("verifying", head) as advance:
        report = store.verify(progress=advance)
    if report.ok:
        click.echo(f"ok: {report.checked} event(s), chain intact up to position {head}")
        if verifier is not None:
            verify_checkpoints(app, checkpoints, verifier)
        return
    click.echo(
        f"BROKEN at position {report.first_bad_position}: {report.reason}"
        f" ({report.checked} event(s) before it are intact)",
        err=True,
    )
    raise SystemExit(1)


@click.command("events")
@click.argument("position", required=False, type=click.IntRange(min=1))
@click.option("--after", default=0, type=click.IntRange(min=0), help="Start after this position.")
@click.option("--limit", default=20, type=click.IntRange(min=1), help="How many to list.")
@click.option("--all", "every", is_flag=True, help="List every one (no --limit).")
@click.option("--type", "event_type", help="Only events of this type (any case).")
@format_option("event (JSON: one object per line)")
@pass_app
def events_command(
    app: AppContext,
    position: int | None,
    after: int,
    limit: int,
    every: bool,
    event_type: str | None,
    fmt: str,
) -> None:
    """List log entries, or show one entry in full.

    \b
    Example:
      osint events --limit 5
      osint events 1            # the whole entry at position 1
      osint events --type fetchfailed --json
      osint events --all --format csv > log.csv
    """
    wanted = None
    if event_type is not None:
        wanted = event_type_named(event_type)
        if wanted is None:
            raise click.BadParameter(
                f"{event_type!r} is not an event type (one of {', '.join(EVENT_TYPES)})",
                param_hint="'--type'",
            )
    store = app.store(create=False)
    if position is not None:
        event = store.get(position)
        if event is None:
            raise click.ClickException(f"no event at position {position}")
        click.echo(json.dumps(_as_dict(event), ensure_ascii=False, indent=2))
        return
    type_name = wanted.event_type if wanted is not None else None
    chosen = (e for e in store.read(after=after) if type_name is None or e.type == type_name)
    listed = chosen if every else itertools.islice(chosen, limit)
    if fmt == "csv":
        echo_csv_stream((_csv_record(e) for e in listed), EVENT_COLUMNS)
        return
    shown = 0
    for event in listed:
        if fmt == "json":
            click.echo(json.dumps(_as_dict(event), ensure_ascii=False))
        else:
            click.echo(_one_line(event))
        shown += 1
    if fmt == "table":
        total = store.count(after=after, event_type=type_name)
        which = f" {type_name}" if type_name else ""
        more = " (--limit N for more, --all for every one)" if shown < total else ""
        click.echo(f"{shown:,} of {total:,}{which} event(s) after position {after}{more}")


EVENT_COLUMNS = [
    "position",
    "event_id",
    "stream_id",
    "stream_version",
    "type",
    "schema_version",
    "recorded_at",
    "payload",
    "metadata",
    "prev_hash",
    "hash",
]


def _csv_record(event: StoredEvent) -> dict:  # type: ignore[type-arg]
    return _as_dict(event)


def _as_dict(event: StoredEvent) -> dict:  # type: ignore[type-arg]
    return {
        "position": event.position,
        "event_id": event.event_id,
        "stream_id": event.stream_id,
        "stream_version": event.stream_version,
        "type": event.type,
        "schema_version": event.schema_version,
        "recorded_at": event.recorded_at,
        "payload": event.payload,
        "metadata": event.metadata,
        "prev_hash": event.prev_hash,
        "hash": event.hash,
    }


def _one_line(event: StoredEvent) -> str:
    data = decode(event).data
    detail = ""
    if isinstance(data, ReportObserved):
        detail = f"rev {data.revision} {data.title or data.item_key!s}"[:70]
    elif isinstance(data, FetchFailed):
        detail = f"{data.error_kind}: {data.message}"[:70]
    elif isinstance(data, ReportWithdrawn):
        detail = f"withdrawn: {data.reason}"[:70]
    return (
        f"{event.position:>7}  {event.recorded_at}  {event.type:<15} "
        f"{event.stream_id[:40]:<40}  {detail}"
    )
