"""`osint audit`, `osint show figure|report`, `osint topics` and `osint chart`: how an estimate
changed, on whose word, what we knew when, and the chain behind each figure."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape

from osint.context import AppContext, pass_app
from osint.render import (
    STEP_COLUMNS,
    chain_record,
    claimant_of,
    echo_csv,
    echo_json,
    format_option,
    judgment_lines,
    marked_sentence,
    origins_text,
    report_record,
    short_time,
    step_record,
    timeline_json,
    topic_record,
    topic_table,
)
from osint.render import (
    console as make_console,
)
from osint.timetravel import cutoff_from, time_travel_options
from projections.audit import (
    AuditError,
    FigureChain,
    ReportHistory,
    Timeline,
    audit,
    figure_chain,
    report_history,
    topic_estimates,
)
from projections.errors import UnknownTopic
from projections.history import Step, bounds_text, denier, number_text
from projections.timefmt import iso_utc


def run_audit(app: AppContext, topic: str, cutoff_args: tuple) -> Timeline:  # type: ignore[type-arg]
    store = app.store(create=False)
    cutoff = cutoff_from(store, *cutoff_args)
    try:
        return audit(store, topic, cutoff)
    except (AuditError, UnknownTopic) as exc:
        raise click.ClickException(str(exc)) from None


@click.command("audit")
@click.argument("topic")
@time_travel_options
@format_option("figure")
@pass_app
def audit_command(
    app: AppContext,
    topic: str,
    as_of: datetime | None,
    until: int | None,
    published_before: datetime | None,
    fmt: str,
) -> None:
    """How the estimate of TOPIC (category/actor) changed and on whose word: every figure with
    its bounds as written, claimant, hedging, source, report, times and change, under a summary
    of the current estimate and the range of live claims.

    \b
    Example:
      osint audit troops/north-korea
      osint audit "Troops / North Korea" --as-of 2024-11-05
      osint audit troops/north-korea --published-before 2024-11-01 --format csv > t.csv
    """
    timeline = run_audit(app, topic, (as_of, until, published_before))
    if fmt == "json":
        echo_json(timeline_json(timeline))
    elif fmt == "csv":
        echo_csv([step_record(s) for s in timeline.steps], STEP_COLUMNS)
    else:
        print_timeline(timeline)


def print_timeline(timeline: Timeline) -> None:
    console = make_console()
    s = timeline.summary
    where = f"views at log position {timeline.view_position} of {timeline.head}"
    console.print(f"[bold]{timeline.topic}[/bold]  ·  {timeline.cutoff.describe()}  ·  {where}")
    if timeline.view_position < timeline.head and timeline.cutoff.position is None:
        console.print("[yellow]the views are behind the log: run `osint project`[/yellow]")
    if not timeline.steps:
        console.print("no figures of this topic under that cut-off")
        return
    if s.current:
        c = s.current.figure
        console.print(
            f"current estimate  [bold]{escape(c['text'])}[/bold] ({bounds_text(c)}),"
            f" claimed by {escape(claimant_of(c) or 'no one named')},"
            f" {'hedged' if c['hedged'] else 'not hedged'}"
        )
        console.print(
            f"                  {c['source_id']}, published {short_time(c['published_at'])}"
            f" · figure {c['figure_id']}"
        )
    span = "no bounded figure"
    if s.low is not None and s.lowest and s.highest:
        span = (
            f"bounds from {number_text(s.low)} ({s.lowest.figure['source_id']})"
            f" to {number_text(s.high)} ({s.highest.figure['source_id']})"
        )
        if s.low == s.high:
            span = f"one bound: {number_text(s.low)} ({s.lowest.figure['source_id']})"
    console.print(
        f"live claims       {s.asserted} figure(s) from {len(s.origins)} independent"
        f" source(s); {span}"
    )
    console.print(f"                  sources: {origins_text(s.origins)}")
    if s.claimants:
        named = "; ".join(f"{escape(name)} ({n})" for name, n in s.claimants)
        console.print(f"claimants         {len(s.claimants)} independent: {named}")
    if s.excluded:
        console.print(f"excluded          {s.excluded} figure(s) judged no claim by analysts")
    if s.denials:
        names = "; ".join(
            f"{escape(denier(d.figure) or d.figure['attribution'] or 'no one named')}"
            f" ({d.figure['source_id']},"
            f" {short_time(d.figure['effective_at'])[:10]}, figure {d.figure['figure_id']})"
            for d in s.denials
        )
        console.print(f"contradicted      {len(s.denials)} denial(s): {names}")
    for step in timeline.steps:
        console.print()
        print_step(console, step)


def print_step(console: Console, step: Step) -> None:
    f = step.figure
    hedged = "[italic]hedged[/italic]" if f["hedged"] else "not hedged"
    console.print(
        f"[bold]#{step.index:<3}{short_time(f['effective_at'])}  {step.change:<13}[/bold]"
        f" [bold]{escape(f['text'])}[/bold] ({bounds_text(f)}, {f['qualifier']}) · {hedged}"
    )
    stance = "denied by" if step.denied else "claimed by"
    who = (denier(f) if step.denied else None) or claimant_of(f) or "—"
    console.print(f"     {stance:<12}{escape(who)}")
    for line in judgment_lines(f):
        console.print(f"     {'judged':<12}{escape(line)}")
    if not step.excluded:
        noun = "independent source" if step.corroboration == 1 else "independent sources"
        console.print(
            f"     {'backed by':<12}{step.corroboration} {noun}: {origins_text(step.origins)}"
        )
    console.print(f"     {'sentence':<12}“{escape(marked_sentence(f, '»', '«'))}”")
    console.print(
        f"     {'report':<12}{f['source_id']} · {escape(f['title'] or f['item_key'])}"
        f" (revision {f['revision']})"
    )
    console.print(f"     {'':<12}{escape(f['url'] or f['item_key'])}")
    if f.get("withdrawn_at"):
        console.print(
            f"     {'withdrawn':<12}by the source, seen {short_time(f['withdrawn_at'])}:"
            f" {escape(f['withdrawn_reason'] or '')}"
        )
    console.print(
        f"     {'times':<12}published {short_time(f['published_at'])}"
        f" · observed {short_time(f['observed_at'])}"
    )
    console.print(
        f"     {'figure':<12}{f['figure_id']} (log position {f['position']});"
        f" osint show figure {f['figure_id']}"
    )


# -- topics ------------------------------------------------------------------------------------


@click.command("topics")
@time_travel_options
@format_option("topic")
@pass_app
def topics_command(
    app: AppContext,
    as_of: datetime | None,
    until: int | None,
    published_before: datetime | None,
    fmt: str,
) -> None:
    """The topics (category/actor) with their figure counts and current estimate.

    \b
    Example:
      osint topics
      osint topics --as-of 2024-11-01 --format json
    """
    store = app.store(create=False)
    cutoff = cutoff_from(store, as_of, until, published_before)
    try:
        estimates = topic_estimates(store, cutoff)
    except AuditError as exc:
        raise click.ClickException(str(exc)) from None
    records = [topic_record(e) for e in estimates]
    if fmt == "json":
        echo_json({"cutoff": cutoff.to_dict(), "topics": records})
        return
    if fmt == "csv":
        echo_csv(records)
        return
    console = make_console()
    console.print(f"topics · {cutoff.describe()}")
    if not estimates:
        console.print("no figures yet: ingest some reports first (osint ingest PATH)")
        return
    table = topic_table(
        [e.topic for e in estimates],
        "figures",
        "sources",
        "current estimate",
        "claimed by",
        "source",
        "date",
    )
    for e in estimates:
        s = e.summary
        c = s.current.figure if s.current else None
        table.add_row(
            e.topic,
            str(s.figures) + (f" ({s.denied} denied)" if s.denied else ""),
            str(len(s.origins)),
            escape(f"{c['text']} ({bounds_text(c)})") if c else "—",
            escape(claimant_of(c) or "—") if c else "—",
            c["source_id"] if c else "—",
            c["effective_at"][:10] if c else "—",
        )
    console.print(table)


# -- show --------------------------------------------------------------------------------------


@click.group("show")
def show_group() -> None:
    """The provenance of one figure, or the revisions of one report.

    \b
    Example:
      osint show figure 12-0
      osint show report https://news.example.org/2024/11/07/troops
    """


@show_group.command("figure")
@click.argument("figure_id")
@format_option(formats=("table", "json"))
@pass_app
def show_figure_command(app: AppContext, figure_id: str, fmt: str) -> None:
    """The chain behind figure FIGURE_ID (as `osint audit` lists them, e.g. 12-0): the figure,
    its sentence with the span marked, the report revision and content hash, the log event and
    its hash, the source, and the extractor version and rules, each link re-checked.

    \b
    Example:
      osint show figure 12-0
    """
    try:
        chain = figure_chain(app.store(create=False), figure_id)
    except AuditError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        echo_json(chain_record(chain))
    else:
        print_chain(chain)
    if not chain.ok:
        raise SystemExit(1)


def print_chain(chain: FigureChain) -> None:
    console = make_console()
    f, e = chain.figure, chain.event
    console.print(
        f"[bold]figure {f['figure_id']}[/bold]  {escape(f['text'])} ({bounds_text(f)},"
        f" {f['qualifier']}{', vague' if f['vague'] else ''})"
        f" · {f['category']} of {f['actor'] or 'no actor'} · topic {f['topic']}"
    )
    rows = [
        ("claimed by", escape(f["attribution"] or "—")),
        ("hedged", "yes" if f["hedged"] else "no"),
        ("subject", escape(f["subject"] or "—")),
        ("location", escape(f["location"] or "—")),
    ]
    if chain.step:
        rows.append(
            (
                "in history",
                f"#{chain.step.index} {chain.step.change},"
                f" {chain.step.corroboration} independent source(s)",
            )
        )
    elif f["superseded_at"] is not None:
        rows.append(("superseded", f"by the revision at log position {f['superseded_at']}"))
    rows += [
        ("sentence", f"“{escape(marked_sentence(f, '»', '«'))}”"),
        ("span", f"characters {f['start']}–{f['end']} of the report text"),
        ("report", f"{escape(f['title'] or f['item_key'])}"),
        ("url", escape(f["url"] or "—")),
        ("item", f"{escape(f['item_key'])} (stream {escape(f['stream_id'])})"),
        (
            "revision",
            f"{f['revision']} of {len(chain.revisions)}; content SHA-256 {f['content_sha256']}",
        ),
        ("published", short_time(f["published_at"])),
        ("observed", short_time(f["observed_at"])),
        ("event", f"position {e.position}, id {e.event_id}, recorded {e.recorded_at}"),
        ("event hash", f"{e.hash} (prev {e.prev_hash[:16]}…)"),
        (
            "source",
            f"{chain.source.source_id}: {chain.source.reports} report(s), observed"
            f" {short_time(chain.source.first_observed_at)} to"
            f" {short_time(chain.source.last_observed_at)}",
        ),
        ("extractor", f"version {f['extractor_version']}"),
        ("rules", escape(", ".join(chain.rules) or "—")),
    ]
    for name, value in rows:
        console.print(f"  {name:<11} {value}")
    console.print("  checks")
    for check in chain.checks:
        mark = "[green]ok[/green]  " if check.ok else "[red]FAIL[/red]"
        console.print(f"    {mark} {check.name:<13} {escape(check.detail)}")


@show_group.command("report")
@click.argument("report_id")
@format_option(formats=("table", "json"))
@pass_app
def show_report_command(app: AppContext, report_id: str, fmt: str) -> None:
    """The revisions of one report and what changed between them (a diff by sentence), with
    the figures read from each. REPORT_ID: URL, item key, SOURCE/ITEM, stream id or position.

    \b
    Example:
      osint show report https://news.example.org/2024/10/30/troops
      osint show report 9
    """
    try:
        history = report_history(app.store(create=False), report_id)
    except AuditError as exc:
        raise click.ClickException(str(exc)) from None
    if fmt == "json":
        echo_json(report_record(history))
    else:
        print_report(history)


def print_report(history: ReportHistory) -> None:
    console = make_console()
    last = history.revisions[-1].event.data
    console.print(
        f"[bold]{escape(last.title or last.item_key)}[/bold]"
        f"  ·  {escape(last.source_id)}  ·  {len(history.revisions)} revision(s)"
    )
    console.print(f"  url     {escape(last.url or '—')}")
    console.print(f"  stream  {escape(history.stream_id)}")
    for i, rev in enumerate(history.revisions):
        p = rev.event.data
        console.print()
        console.print(
            f"[bold]revision {p.revision}[/bold]  log position {rev.event.position}"
            f" · observed {short_time(iso_utc(p.observed_at))} · published"
            f" {short_time(iso_utc(p.published_at))}"
        )
        console.print(f"  content SHA-256 {p.content_sha256}")
        if p.supersedes:
            console.print(f"  supersedes      {p.supersedes}")
        for f in rev.figures:
            state = "live" if f["superseded_at"] is None else f"superseded at {f['superseded_at']}"
            console.print(
                f"  figure {f['figure_id']:<8} {escape(f['text'])} ({bounds_text(f)})"
                f" · {f['topic']} · {state}"
            )
        if not rev.figures:
            console.print("  no figures read")
        following = (
            history.revisions[i + 1].event.position if i + 1 < len(history.revisions) else None
        )
        for gone in history.withdrawals:
            if gone.position > rev.event.position and (
                following is None or gone.position < following
            ):
                console.print(
                    f"  [bold]withdrawn[/bold] by the source · log position {gone.position}"
                    f" · seen {short_time(iso_utc(gone.data.observed_at))}:"
                    f" {escape(gone.data.reason)}"
                )
        if i < len(history.diffs):
            console.print()
            for line in history.diffs[i]:
                style = "green" if line.startswith("+") else "red" if line.startswith("-") else ""
                text = escape(line)
                console.print(f"  [{style}]{text}[/{style}]" if style else f"  {text}")


# -- chart -------------------------------------------------------------------------------------


@click.command("chart")
@click.argument("topic")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write: .png, .svg or .html (an SVG with the table of figures).",
)
@time_travel_options
@pass_app
def chart_command(
    app: AppContext,
    topic: str,
    output: Path,
    as_of: datetime | None,
    until: int | None,
    published_before: datetime | None,
) -> None:
    """Draw the estimate of TOPIC over time: points for point claims, bars for ranges, arrows
    for open bounds, hollow marks for hedged claims, crosses for denials, a colour per claimant
    and the source beside each mark.

    \b
    Example:
      osint chart troops/north-korea -o troops.png
      osint chart troops/north-korea --as-of 2024-11-05 -o then.svg
    """
    from osint.chart import SUFFIXES, write_chart

    if output.suffix.lower() not in SUFFIXES:
        raise click.BadParameter(
            f"{output}: the file must end in {', '.join(SUFFIXES)}", param_hint="'-o'"
        )
    timeline = run_audit(app, topic, (as_of, until, published_before))
    size = write_chart(timeline, output)
    click.echo(
        f"wrote {output} ({size:,} bytes): {len(timeline.steps)} figure(s) of {timeline.topic}"
    )
