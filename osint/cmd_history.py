"""`osint history`: the topics and the estimate history of one topic, with provenance."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from osint.context import AppContext, pass_app
from projections.history import Step, bounds_text
from projections.queries import UnknownTopic, history, topics


@click.command("history")
@click.argument("topic", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@pass_app
def history_command(app: AppContext, topic: str | None, as_json: bool) -> None:
    """The estimate history: without TOPIC the topics and their current estimate; with TOPIC
    (category/actor, e.g. troops/north-korea) every figure with its provenance.

    \b
    Example:
      osint history
      osint history troops/north-korea
      osint history "Troops / North Korea" --json
    """
    store = app.store()
    with store.read_connection() as conn:
        if topic is None:
            summaries = topics(conn)
            if as_json:
                click.echo(
                    json.dumps(
                        [
                            {
                                "topic": s.topic,
                                "category": s.category,
                                "actor": s.actor,
                                "figures": s.figure_count,
                                "current": s.current,
                            }
                            for s in summaries
                        ],
                        ensure_ascii=False,
                        indent=2,
                    )
                )
            else:
                _print_topics(summaries)
            return
        try:
            key, steps = history(conn, topic)
        except UnknownTopic as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(
            json.dumps(
                {
                    "topic": key,
                    "steps": [{"index": s.index, "change": s.change, **s.figure} for s in steps],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    _print_steps(key, steps)


def _print_topics(summaries) -> None:  # type: ignore[no-untyped-def]
    console = Console()
    if not summaries:
        console.print("no figures yet: ingest some reports first (osint ingest PATH)")
        return
    table = Table("topic", "figures", "current estimate", "claimed by", "source", "as of")
    for s in summaries:
        c = s.current
        table.add_row(
            s.topic,
            str(s.figure_count),
            f"{c['text']} ({bounds_text(c)})",
            c.get("attribution") or "—",
            c["source_id"],
            c["effective_at"][:10],
        )
    console.print(table)


def _print_steps(key: str, steps: list[Step]) -> None:
    console = Console(highlight=False)
    current = steps[-1].figure
    console.print(
        f"[bold]{key}[/bold]: {len(steps)} figure(s); current estimate "
        f"[bold]{current['text']}[/bold] ({bounds_text(current)})"
    )
    for step in steps:
        f = step.figure
        hedged = "hedged" if f["hedged"] else "not hedged"
        sentence = f["sentence"]
        start = f["start"] - f["sentence_start"]
        end = f["end"] - f["sentence_start"]
        marked = sentence[:start] + "[bold]" + sentence[start:end] + "[/bold]" + sentence[end:]
        console.print()
        console.print(
            f"[bold]#{step.index} {step.change}[/bold]: [bold]{f['text']}[/bold]"
            f" ({bounds_text(f)}, {f['qualifier']}), {hedged}"
        )
        console.print(f"   claimed by  {f['attribution'] or '—'}")
        console.print(f"   sentence    “{marked}”")
        console.print(f"   report      {f['title'] or f['item_key']}")
        console.print(f"               {f['url'] or f['item_key']} (revision {f['revision']})")
        console.print(
            f"   source      {f['source_id']}   published {f['published_at'] or 'unknown'}"
            f"   observed {f['observed_at']}"
        )
        console.print(
            f"   log         position {f['position']}, event {f['event_id']},"
            f" figure {f['figure_id']}"
        )
