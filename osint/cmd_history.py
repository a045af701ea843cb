"""`osint history`: the topics and the estimate history of one topic, with provenance, now or
as of an earlier moment."""

from __future__ import annotations

from datetime import datetime

import click
from rich.markup import escape

from osint.context import AppContext, pass_app
from osint.render import (
    STEP_COLUMNS,
    claimant_of,
    console,
    echo_csv,
    echo_json,
    format_option,
    judgment_lines,
    marked_sentence,
    origins_text,
    step_record,
    topic_record,
    topic_table,
)
from osint.timetravel import cutoff_from, time_travel_options
from projections.audit import AuditError, TopicEstimate, ViewMissing, audit, topic_estimates
from projections.errors import UnknownTopic
from projections.history import Step, bounds_text


@click.command("history")
@click.argument("topic", required=False)
@time_travel_options
@format_option("figure (with TOPIC) or topic")
@pass_app
def history_command(
    app: AppContext,
    topic: str | None,
    as_of: datetime | None,
    until: int | None,
    published_before: datetime | None,
    fmt: str,
) -> None:
    """The estimate history: without TOPIC the topics and their current estimate; with TOPIC
    (category/actor, e.g. troops/north-korea) every figure with its provenance.

    \b
    Example:
      osint history
      osint history troops/north-korea
      osint history "Troops / North Korea" --json
      osint history troops/north-korea --as-of 2024-11-05 --format csv
    """
    store = app.store(create=False)
    cutoff = cutoff_from(store, as_of, until, published_before)
    if topic is None:
        try:
            estimates = topic_estimates(store, cutoff)
        except ViewMissing:
            estimates = []
        except AuditError as exc:
            raise click.ClickException(str(exc)) from None
        if fmt == "json":
            echo_json([_topic_json(e) for e in estimates])
        elif fmt == "csv":
            echo_csv([topic_record(e) for e in estimates])
        else:
            _print_topics(estimates)
        return
    try:
        timeline = audit(store, topic, cutoff)
    except (AuditError, UnknownTopic) as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        echo_json(
            {
                "topic": timeline.topic,
                "cutoff": cutoff.to_dict(),
                "steps": [step_record(s) for s in timeline.steps],
            }
        )
    elif fmt == "csv":
        echo_csv([step_record(s) for s in timeline.steps], STEP_COLUMNS)
    else:
        _print_steps(timeline.topic, timeline.steps, cutoff.describe())


def _topic_json(estimate: TopicEstimate) -> dict:  # type: ignore[type-arg]
    s = estimate.summary
    return {
        "topic": estimate.topic,
        "category": estimate.category,
        "actor": estimate.actor,
        "figures": s.figures,
        "independent_sources": len(s.origins),
        "current": dict(s.current.figure) if s.current else None,
    }


def _print_topics(estimates: list[TopicEstimate]) -> None:
    out = console()
    if not estimates:
        out.print("no figures yet: ingest some reports first (osint ingest PATH)")
        return
    table = topic_table(
        [e.topic for e in estimates],
        "figures",
        "current estimate",
        "claimed by",
        "source",
        "as of",
    )
    for e in estimates:
        c = e.summary.current.figure if e.summary.current else None
        table.add_row(
            e.topic,
            str(e.summary.figures),
            escape(f"{c['text']} ({bounds_text(c)})") if c else "—",
            escape(claimant_of(c) or "—") if c else "—",
            c["source_id"] if c else "—",
            c["effective_at"][:10] if c else "—",
        )
    out.print(table)


def _print_steps(key: str, steps: list[Step], when: str) -> None:
    out = console()
    if not steps:
        out.print(f"[bold]{key}[/bold] ({when}): no figures")
        return
    current = next((s.figure for s in reversed(steps) if not s.denied), steps[-1].figure)
    out.print(
        f"[bold]{key}[/bold] ({when}): {len(steps)} figure(s); current estimate "
        f"[bold]{escape(current['text'])}[/bold] ({bounds_text(current)})"
    )
    for step in steps:
        f = step.figure
        hedged = "hedged" if f["hedged"] else "not hedged"
        out.print()
        out.print(
            f"[bold]#{step.index} {step.change}[/bold]: [bold]{escape(f['text'])}[/bold]"
            f" ({bounds_text(f)}, {f['qualifier']}), {hedged}"
        )
        out.print(f"   claimed by  {escape(claimant_of(f) or '—')}")
        for line in judgment_lines(f):
            out.print(f"   judged      {escape(line)}")
        out.print(f"   sources     {step.corroboration} independent: {origins_text(step.origins)}")
        marked = escape(marked_sentence(f, "\x00", "\x01"))
        marked = marked.replace("\x00", "[bold]").replace("\x01", "[/bold]")
        out.print(f"   sentence    “{marked}”")
        out.print(f"   report      {escape(f['title'] or f['item_key'])}")
        out.print(f"               {escape(f['url'] or f['item_key'])} (revision {f['revision']})")
        out.print(
            f"   source      {f['source_id']}   published {f['published_at'] or 'unknown'}"
            f"   observed {f['observed_at']}"
        )
        out.print(
            f"   log         position {f['position']}, event {f['event_id']},"
            f" figure {f['figure_id']}"
        )
