"""`osint watch`: each change of an estimate as it happens, as JSON lines, and to webhooks."""

from __future__ import annotations

import fnmatch
import json
import time
from pathlib import Path

import click
import httpx

from events.follow import Follower
from osint.context import AppContext, pass_app
from osint.hooks import load_hooks
from osint.outbox import Watcher
from osint.stopping import stop_on_signals

IDLE_WAIT = 30.0


@click.command("watch")
@click.argument("topics", nargs=-1, metavar="[TOPIC_PATTERN]...")
@click.option(
    "--hooks",
    "hooks_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A watch file of [[hook]] tables: webhooks to POST each change to.",
)
@click.option("--name", default="default", show_default=True, help="This watcher's checkpoint.")
@click.option(
    "--since",
    type=click.IntRange(min=0),
    metavar="POSITION",
    help="Start after this log position (default: where this watcher stopped, else now).",
)
@click.option("--once", is_flag=True, help="Catch up, deliver what is due, and exit.")
@pass_app
def watch_command(
    app: AppContext,
    topics: tuple[str, ...],
    hooks_file: Path | None,
    name: str,
    since: int | None,
    once: bool,
) -> None:
    """Stream each change of an estimate as a JSON line as it happens: a new high or low, raised,
    lowered, a new independent source, contradicted, a judged figure, a report revised. TOPIC
    patterns (globs: troops/*) choose what is printed; hooks in a watch file get their own
    topics, each change POSTed at least once with an Idempotency-Key, retried with backoff.

    Keeps the views up to date itself (LISTEN/NOTIFY on PostgreSQL, a back-off on SQLite), so a
    dead receiver holds up only its own deliveries, never the views. Stops on SIGINT/SIGTERM.

    \b
    Example:
      osint watch "troops/*"
      osint watch --hooks watch.toml --name newsroom
      osint watch killed/russia --since 0 --once
    """
    hooks = load_hooks(hooks_file) if hooks_file else []
    store = app.store()
    runner = app.runner()
    watcher = Watcher(store, name, hooks)
    runner.catch_up()
    if since is not None:
        watcher.start_at(since)
    elif watcher.checkpoint() is None:
        watcher.start_at(watcher.views_position())  # from now on
    stopping = stop_on_signals()
    follower = Follower(store)
    try:
        with httpx.Client(trust_env=False, follow_redirects=False) as client:
            while not stopping.is_set():
                reached, _ = store.head()
                runner.catch_up()
                for change in watcher.step():
                    if not topics or any(fnmatch.fnmatchcase(change.topic, p) for p in topics):
                        click.echo(json.dumps(change.to_dict(), ensure_ascii=False))
                watcher.deliver(client)
                if once:
                    return
                due = watcher.next_due()
                wait = IDLE_WAIT if due is None else max(0.05, min(IDLE_WAIT, due - time.time()))
                follower.wait(reached, timeout=wait, stop=stopping.is_set)
    finally:
        follower.close()
