"""Output helpers: the same records as a table, JSON or CSV.

JSON and CSV carry every provenance field of a figure (the figures view's columns) beside the
audit's own (index, change, corroboration, origins), so the output loads straight into pandas
or a spreadsheet. CSV cells hold lists as JSON text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import click
import orjson
from rich.console import Console
from rich.table import Table
from sqlalchemy import MetaData

from projections.audit import FigureChain, ReportHistory, Summary, Timeline, TopicEstimate
from projections.browse import claimant_of
from projections.figures import FiguresProjector
from projections.history import Step, bounds_text

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("table", "json", "csv")

# Every column of the figures view, after the audit's own fields: the CSV header.
FIGURE_COLUMNS = [c.name for c in FiguresProjector().define_tables(MetaData(), "")["figures"].c]
STEP_COLUMNS = [
    "index",
    "change",
    "corroboration",
    "origins",
    "bounds",
    *FIGURE_COLUMNS,  # their `claimant` is the claimant as resolved, else the attribution
    "excluded",
    "confirmed",
    "judgments",
    "as_extracted",
    "withdrawn_at",
    "withdrawn_reason",
]


def format_option(rows: str = "figure", formats: tuple[str, ...] = FORMATS) -> Callable[[F], F]:
    """`--format table|json|csv` (or the `formats` given) and `--json` for it; `rows` names
    what one CSV row (or JSON list item) is."""

    def decorate(command: F) -> F:
        csv_rows = f", CSV (one row per {rows})" if "csv" in formats else ""
        command = click.option("--json", "fmt", flag_value="json", help="Same as --format json.")(
            command
        )
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default="table",
            show_default=True,
            help=f"Output as a readable table, JSON{csv_rows}.",
        )(command)

    return decorate


def console() -> Console:
    """A console for readable output: no re-wrapping of long lines, and tables 160 columns
    wide when the output goes to a file or a pipe (rich would squeeze them to 80)."""
    probe = Console()
    return Console(highlight=False, soft_wrap=True, width=None if probe.is_terminal else 160)


def echo_json(value: Any) -> None:
    click.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def echo_csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> None:
    echo_csv_stream(rows, list(columns or (rows[0].keys() if rows else [])))


def csv_text(rows: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    """`rows` as CSV with a header (`columns`, else the first row's keys); lists as JSON."""
    return "".join(_csv_chunks(rows, list(columns or (rows[0].keys() if rows else []))))


def echo_csv_stream(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """CSV written as the rows come (a whole log does not fit in memory)."""
    for chunk in _csv_chunks(rows, columns):
        click.echo(chunk, nl=False)


def _csv_chunks(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.DictWriter(
        out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
        if out.tell() > 65536:
            yield out.getvalue()
            out.seek(0)
            out.truncate()
    yield out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    return value


def origins_text(origins: Iterable[Sequence[str]]) -> str:
    """`seoul-herald; wire-east (copied by daily-ledger)`."""
    parts = []
    for origin in origins:
        first, *copies = origin
        parts.append(f"{first} (copied by {', '.join(copies)})" if copies else first)
    return "; ".join(parts)


def step_record(step: Step) -> dict[str, Any]:
    """One flat record per figure: the audit's fields, every column of the figures view, and
    the judgments' (the same keys whether or not anyone judged it)."""
    figure = dict(step.figure)
    rules = figure.get("rules")
    if isinstance(rules, str):
        figure["rules"] = orjson.loads(rules)
    return {
        "index": step.index,
        "change": step.change,
        "corroboration": step.corroboration,
        "origins": [list(o) for o in step.origins],
        "bounds": bounds_text(figure),
        **figure,
        "claimant": claimant_of(figure),
        "excluded": figure.get("excluded"),
        "confirmed": bool(figure.get("confirmed")),
        "judgments": figure.get("judgments") or [],
        "as_extracted": figure.get("as_extracted"),
        "withdrawn_at": figure.get("withdrawn_at"),
        "withdrawn_reason": figure.get("withdrawn_reason"),
    }


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "topic": timeline.topic,
        "cutoff": timeline.cutoff.to_dict(),
        "view_position": timeline.view_position,
        "log_head": timeline.head,
        "summary": timeline.summary.to_dict(),
        "steps": [step_record(s) for s in timeline.steps],
    }


def topic_record(estimate: TopicEstimate) -> dict[str, Any]:
    s: Summary = estimate.summary
    current = dict(s.current.figure) if s.current else {}
    record: dict[str, Any] = {
        "topic": estimate.topic,
        "category": estimate.category,
        "actor": estimate.actor,
        "figures": s.figures,
        "denied": s.denied,
        "independent_sources": len(s.origins),
        "range_low": s.low,
        "range_high": s.high,
        "current_bounds": bounds_text(current) if current else None,
    }
    for key, value in current.items():
        record[f"current_{key}"] = value
    return record


def topic_table(topics: Sequence[str], *columns: str) -> Table:
    """A table whose first column is the topic, never cut or wrapped however narrow the
    terminal: the other columns wrap instead."""
    table = Table()
    width = max((len(t) for t in topics), default=5)
    table.add_column("topic", no_wrap=True, min_width=width)
    for name in columns:
        table.add_column(name)
    return table


def judgment_lines(figure: Mapping[str, Any]) -> list[str]:
    """One line per judgment of a figure: what, who (and as which role), when, why."""
    lines = []
    extracted = figure.get("as_extracted") or {}
    for j in figure.get("judgments") or ():
        what = j["verdict"] + (f" ({j['excluded_as']})" if j.get("excluded_as") else "")
        if j["verdict"] == "correct" and extracted:
            was = [
                f"{k} was {extracted[k]}"
                for k in ("topic", "claimant")
                if extracted.get(k) != figure.get(k) and (k != "claimant" or figure.get(k))
            ]
            if (extracted["low"], extracted["high"]) != (figure.get("low"), figure.get("high")):
                was.insert(0, f"bounds were {bounds_text(extracted)}")
            what += f" ({'; '.join(was)})" if was else ""
        role = f" as {j['role']}" if j.get("role") else ""
        lines.append(f"{what} by {j['author']}{role}, {short_time(j['judged_at'])}: {j['reason']}")
    return lines


def short_time(value: str | None) -> str:
    """`2024-10-23T06:00:00.000000Z` as `2024-10-23 06:00Z`."""
    if not value:
        return "unknown"
    return f"{value[:10]} {value[11:16]}Z"


def marked_sentence(figure: Mapping[str, Any], left: str = "[", right: str = "]") -> str:
    """The figure's sentence with its span between `left` and `right`."""
    before, span, after = sentence_parts(figure)
    return before + left + span + right + after


def sentence_parts(figure: Mapping[str, Any]) -> list[str]:
    """The figure's sentence cut around its span: [before, span, after]."""
    sentence = figure["sentence"]
    start = figure["start"] - figure["sentence_start"]
    end = figure["end"] - figure["sentence_start"]
    return [sentence[:start], sentence[start:end], sentence[end:]]


def chain_record(chain: FigureChain) -> dict[str, Any]:
    """A figure's provenance chain (`osint show figure --format json`)."""
    e = chain.event
    return {
        "figure": {**chain.figure, "rules": chain.rules},
        "change": chain.step.change if chain.step else None,
        "corroboration": chain.step.corroboration if chain.step else None,
        "event": {
            "position": e.position,
            "event_id": e.event_id,
            "stream_id": e.stream_id,
            "stream_version": e.stream_version,
            "recorded_at": e.recorded_at,
            "prev_hash": e.prev_hash,
            "hash": e.hash,
        },
        "source": {
            "source_id": chain.source.source_id,
            "reports": chain.source.reports,
            "first_observed_at": chain.source.first_observed_at,
            "last_observed_at": chain.source.last_observed_at,
        },
        "revisions": chain.revisions,
        "checks": [{"name": c.name, "ok": c.ok, "detail": c.detail} for c in chain.checks],
    }


def report_record(history: ReportHistory) -> dict[str, Any]:
    """A report's revisions, figures and diffs (`osint show report --format json`)."""
    return {
        "stream_id": history.stream_id,
        "revisions": [
            {
                "revision": r.event.data.revision,
                "position": r.event.position,
                "event_id": r.event.event_id,
                "hash": r.event.hash,
                "recorded_at": r.event.recorded_at,
                **r.event.data.model_dump(mode="json", exclude={"raw"}),
                "figures": [step_record(Step(0, "", f)) for f in r.figures],
            }
            for r in history.revisions
        ],
        "diffs": history.diffs,
        "withdrawals": [
            {
                "position": w.position,
                "event_id": w.event_id,
                "hash": w.hash,
                **w.data.model_dump(mode="json"),
            }
            for w in history.withdrawals
        ],
    }
