"""What each page shows, as one JSON-ready dict: the HTML page renders it, its `/api` twin
returns it, with the same parameters (`osint.web.app` registers both from one function).

Every page reads the views through the library functions the commands use (`audit`,
`topic_estimates`, `figure_chain`, `report_history`, `search_reports`, …) and never writes.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from events import EventStore
from osint.cmd_sources import health_rows
from osint.errors import BadParameter
from osint.render import (
    STEP_COLUMNS,
    chain_record,
    judgment_lines,
    origins_text,
    report_record,
    sentence_parts,
    step_record,
    timeline_json,
    topic_record,
)
from osint.timetravel import parse_moment
from projections.audit import Cutoff, audit, figure_chain, make_cutoff, report_history
from projections.audit import topic_estimates as estimates_under
from projections.browse import NO_CLAIMANT, claimants, superseded_under, topic_moments
from projections.browse import claimant_of as figure_claimant
from projections.cursor import decode_cursor, encode_cursor
from projections.history import Step, bounds_text, denier, interval, order_key
from projections.search import search_reports

LIMIT_MAX = 1000
SEARCH_LIMIT_MAX = 100

# The parameters pages share, declared once: the OpenAPI document describes each.
AsOf = Annotated[
    str | None,
    Query(
        max_length=64,
        description="What the log held at this time (ISO date or date-time, UTC unless it has"
        " an offset): the longest prefix of the log observed by then.",
    ),
]
Until = Annotated[int | None, Query(ge=0, description="What the log held up to this position.")]
PublishedBefore = Annotated[
    str | None,
    Query(max_length=64, description="Only reports dated (published, else observed) before."),
]
Cursor = Annotated[
    str | None, Query(max_length=400, description="Where the page starts: a previous `next`.")
]


def limit_param(default: int, most: int = LIMIT_MAX) -> Any:
    return Query(ge=1, le=most, description=f"Rows per page (at most {most}).")


@dataclass(frozen=True, slots=True)
class Page:
    """A page of the app: its path (the JSON twin is `/api` + path), template, whether its
    ETag may stand for it, and the CSV it downloads (rows and columns from its data)."""

    path: str
    template: str
    endpoint: Callable[..., dict[str, Any]]
    etag: Callable[[dict[str, Any]], bool]
    csv: Callable[[dict[str, Any]], tuple[list[dict[str, Any]], Sequence[str] | None]] | None


PAGES: list[Page] = []


def page(
    path: str,
    template: str,
    csv: Callable[[dict[str, Any]], tuple[list[dict[str, Any]], Sequence[str] | None]]
    | None = None,
    etag: Callable[[dict[str, Any]], bool] = lambda _params: True,
) -> Callable[[Callable[..., dict[str, Any]]], Callable[..., dict[str, Any]]]:
    def register(fn: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        PAGES.append(Page(path, template, fn, etag, csv))
        return fn

    return register


def store_of(request: Request) -> EventStore:
    return request.app.state.store  # type: ignore[no-any-return]


def blank(value: str | None) -> str | None:
    """A form's empty field means the parameter was not given."""
    return value if value not in (None, "") else None


@dataclass(frozen=True, slots=True)
class When:
    """The time-travel parameters of a request, as given."""

    as_of: str | None = None
    until: int | None = None
    published_before: str | None = None


async def when(
    as_of: AsOf = None, until: Until = None, published_before: PublishedBefore = None
) -> When:
    """Async only so that FastAPI calls it on the event loop: a plain function would cost
    every page a round trip through the thread pool for three assignments."""
    return When(as_of, until, published_before)


TimeTravel = Annotated[When, Depends(when)]  # as_of, until, published_before on every page


def cutoff_of(store: EventStore, given: When) -> Cutoff:
    try:
        moment = parse_moment(given.as_of) if blank(given.as_of) else None
        before = parse_moment(given.published_before) if blank(given.published_before) else None
    except ValueError as exc:
        raise BadParameter(str(exc)) from None
    return make_cutoff(store, moment, given.until, before)


# -- marks on the timeline -----------------------------------------------------------------


def mark_of(figure: dict[str, Any]) -> str:
    """How the timeline draws a figure: `point`, `range`, `upper` (an upper bound open below:
    "up to"), `lower` (a lower bound open above: "more than")."""
    low, high = figure.get("low"), figure.get("high")
    if low is None and high is not None:
        return "upper"
    if high is None and low is not None:
        return "lower"
    return "point" if low == high else "range"


def claimant_of(step: Step) -> str:
    """Who stands behind a step: for a denial, who denies it; else its claimant (as the
    extractor resolved it, or an analyst corrected or merged it), else who its sentence names."""
    f = step.figure
    name = (denier(f) if step.denied else None) or figure_claimant(f)
    return name or NO_CLAIMANT


def web_step(step: Step) -> dict[str, Any]:
    record = step_record(step)
    record.update(
        mark=mark_of(record),
        denied=step.denied,
        claimant=claimant_of(step),
        origins_text=origins_text(step.origins),
        sentence_parts=sentence_parts(record),
    )
    return record


def running_estimate(steps: Sequence[Step]) -> list[dict[str, Any]]:
    """The current estimate after each asserted figure, in time order (denials never are)."""
    return [
        {
            "at": s.figure["effective_at"],
            "low": s.figure["low"],
            "high": s.figure["high"],
            "figure_id": s.figure["figure_id"],
        }
        for s in steps
        if not s.denied
    ]


def facet(values: Sequence[str | None]) -> list[dict[str, Any]]:
    counts = Counter(v for v in values if v)
    return [
        {"value": v, "count": n} for v, n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))
    ]


# -- the topics ----------------------------------------------------------------------------------


def sparkline(steps: Sequence[Step], width: int = 120, height: int = 24) -> str:
    """SVG polyline points of the running estimate (each asserted figure's middle, or its one
    bound), scaled into `width` x `height`; '' with fewer than one point."""
    values = []
    for s in steps:
        if s.denied:
            continue
        low, high = interval(s.figure)
        finite = [v for v in (low, high) if not math.isinf(v)]
        if finite:
            values.append(sum(finite) / len(finite))
    if not values:
        return ""
    lo, hi = min(values), max(values)
    span = (hi - lo) or 1.0
    if len(values) == 1:  # one figure: a level line
        values = values * 2
    n = len(values)
    points = []
    for i, v in enumerate(values):
        x = i * width / (n - 1)
        y = height - 2 - (v - lo) / span * (height - 4)
        points.append(f"{x:.1f},{y:.1f}")
    return " ".join(points)


def _topic_csv(data: dict[str, Any]) -> tuple[list[dict[str, Any]], Sequence[str] | None]:
    return [{k: v for k, v in t.items() if k != "sparkline"} for t in data["topics"]], None


@page("/topics", "topics.html", csv=_topic_csv)
def topics(
    request: Request,
    given: TimeTravel,
    category: Annotated[
        str | None, Query(max_length=200, description="Only this category.")
    ] = None,
    actor: Annotated[str | None, Query(max_length=200, description="Only this actor.")] = None,
    cursor: Cursor = None,
    limit: Annotated[int, limit_param(100)] = 100,
) -> dict[str, Any]:
    """Topics with their current estimate, the range of live claims, figures, independent
    sources and last change; filtered by category and actor."""
    store = store_of(request)
    cutoff = cutoff_of(store, given)
    estimates = estimates_under(store, cutoff)
    category, actor = blank(category), blank(actor)
    parts = [e.topic.split("/", 1) for e in estimates]
    facets = {"category": facet([p[0] for p in parts]), "actor": facet([p[1] for p in parts])}
    chosen = [
        e
        for e, (c, a) in zip(estimates, parts, strict=True)
        if (category is None or c == category) and (actor is None or a == actor)
    ]
    matching = len(chosen)
    if cursor:
        figures, topic = decode_cursor(cursor, int, str)
        chosen = [e for e in chosen if (-e.summary.figures, e.topic) > (-figures, topic)]
    shown = chosen[:limit]
    records = []
    for e in shown:
        record = topic_record(e)
        last = e.steps[-1] if e.steps else None
        record.update(
            last_change=last.change if last else None,
            last_change_at=last.figure["effective_at"] if last else None,
            last_change_figure_id=last.figure["figure_id"] if last else None,
            sparkline=sparkline(e.steps),
        )
        records.append(record)
    more = len(chosen) > limit
    return {
        "cutoff": cutoff.to_dict(),
        "cutoff_text": cutoff.describe(),
        "filters": {"category": category, "actor": actor},
        "facets": facets,
        "total": len(estimates),
        "matching": matching,
        "topics": records,
        "next": encode_cursor(shown[-1].summary.figures, shown[-1].topic) if more else None,
    }


# -- one topic -----------------------------------------------------------------------------------

Claimant = Annotated[str | None, Query(max_length=300, description="Only this claimant.")]
Source = Annotated[str | None, Query(max_length=300, description="Only this source.")]
Hedged = Annotated[
    str | None, Query(pattern="^(|yes|no)$", description="`yes`: only hedged; `no`: none.")
]
Superseded = Annotated[
    bool, Query(description="Also the figures a later revision of their report replaced.")
]
Figure = Annotated[
    str | None, Query(max_length=40, description="Open this figure's provenance card.")
]


def _steps_csv(data: dict[str, Any]) -> tuple[list[dict[str, Any]], Sequence[str] | None]:
    return data["steps"], STEP_COLUMNS


@page(
    "/topics/{category}/{actor}",
    "topic.html",
    csv=_steps_csv,
    etag=lambda params: not params.get("figure"),  # a card's chain check is live
)
def topic(
    request: Request,
    category: str,
    actor: str,
    given: TimeTravel,
    claimant: Claimant = None,
    source: Source = None,
    hedged: Hedged = None,
    superseded: Superseded = False,
    figure: Figure = None,
    cursor: Cursor = None,
    limit: Annotated[int, limit_param(500)] = 500,
) -> dict[str, Any]:
    """A topic's timeline: every figure with its change, claimant, source and dates, the
    running current estimate and the summary; filtered by claimant, source and hedging."""
    store = store_of(request)
    cutoff = cutoff_of(store, given)
    timeline = audit(store, f"{category}/{actor}", cutoff)
    claimant, source, hedged, figure = blank(claimant), blank(source), blank(hedged), blank(figure)
    steps = [
        s
        for s in timeline.steps
        if (claimant is None or claimant_of(s) == claimant)
        and (source is None or s.figure["source_id"] == source)
        and (hedged is None or bool(s.figure["hedged"]) == (hedged == "yes"))
    ]
    matching = len(steps)
    if cursor:
        after = decode_cursor(cursor, str, int, int)
        steps = [s for s in steps if order_key(s.figure) > after]
    shown = steps[:limit]
    data = timeline_json(dataclasses.replace(timeline, steps=[]))  # the page's steps below
    data.update(
        cutoff_text=timeline.cutoff.describe(),
        filters={
            "claimant": claimant,
            "source": source,
            "hedged": hedged,
            "superseded": superseded,
            "figure": figure,
        },
        facets={
            "claimant": facet([claimant_of(s) for s in timeline.steps]),
            "source": facet([s.figure["source_id"] for s in timeline.steps]),
        },
        matching=matching,
        steps=[web_step(s) for s in shown],
        running_estimate=running_estimate(timeline.steps),
        superseded=[
            {**step_record(Step(0, "superseded", f)), "mark": mark_of(f)}
            for f in (
                superseded_under(store, timeline.cutoff, timeline.topic) if superseded else ()
            )
        ],
        moments=[
            {"observed_at": m.observed_at, "position": m.position}
            for m in topic_moments(store, timeline.topic)
        ],
        card=card(store, figure) if figure else None,
        next=encode_cursor(*order_key(shown[-1].figure)) if len(steps) > limit else None,
    )
    summary = data["summary"]
    current = timeline.summary.current
    summary["current_bounds"] = bounds_text(current.figure) if current else None
    summary["current_claimant"] = claimant_of(current) if current else None
    summary["current_source"] = current.figure["source_id"] if current else None
    summary["origins_text"] = origins_text(timeline.summary.origins)
    return data


# -- one figure ----------------------------------------------------------------------------------


def card(store: EventStore, figure_id: str) -> dict[str, Any]:
    """A figure's provenance card: its chain, every link checked again now."""
    chain = figure_chain(store, figure_id)
    record = chain_record(chain)
    f = record["figure"]
    record.update(
        ok=chain.ok,
        bounds=bounds_text(f),
        mark=mark_of(f),
        claimant=claimant_of(chain.step) if chain.step else (figure_claimant(f) or NO_CLAIMANT),
        sentence_parts=sentence_parts(f),
        judged=judgment_lines(f),
    )
    return record


@page("/figures/{figure_id}", "figure.html", etag=lambda _params: False)
def figure_page(request: Request, figure_id: str) -> dict[str, Any]:
    """A figure's provenance: the sentence with its span, the report, source, times, log
    position and event hash, each link of the chain checked again on every request."""
    return card(store_of(request), figure_id)


# -- reports, sources, claimants, search ---------------------------------------------------------


@page("/reports/{report_id:path}", "report.html")
def report(request: Request, report_id: str) -> dict[str, Any]:
    """A report's revisions with their figures and the diff between each pair (by sentence);
    REPORT_ID: its stream id, URL, item key or log position."""
    store = store_of(request)
    record = report_record(report_history(store, report_id))
    for revision in record["revisions"]:
        for figure in revision["figures"]:
            figure["mark"] = mark_of(figure)
    sources = {r["source_id"] for r in record["revisions"]}
    record["source_health"] = [r for r in health_rows(store, None) if r["source_id"] in sources]
    return record


def _rows_csv(key: str) -> Callable[[dict[str, Any]], tuple[list[dict[str, Any]], None]]:
    return lambda data: (data[key], None)


@page("/sources", "sources.html", csv=_rows_csv("sources"), etag=lambda _params: False)
def sources(request: Request) -> dict[str, Any]:
    """Each source's health: last success and failure, failures in a row, reports seen."""
    return {"sources": health_rows(store_of(request), None)}


def _claimants_csv(data: dict[str, Any]) -> tuple[list[dict[str, Any]], None]:
    return data["claimants"], None


@page("/claimants", "claimants.html", csv=_claimants_csv)
def claimants_page(
    request: Request,
    given: TimeTravel,
    cursor: Cursor = None,
    limit: Annotated[int, limit_param(100)] = 100,
) -> dict[str, Any]:
    """Who claimed the live figures: each claimant with their figures' topics and sources."""
    store = store_of(request)
    cutoff = cutoff_of(store, given)
    found = claimants(store, cutoff)
    if cursor:
        figures, name = decode_cursor(cursor, int, str)
        found = [c for c in found if (-c.figures, c.name) > (-figures, name)]
    shown = found[:limit]
    return {
        "cutoff": cutoff.to_dict(),
        "cutoff_text": cutoff.describe(),
        "claimants": [c.to_dict() for c in shown],
        "next": encode_cursor(shown[-1].figures, shown[-1].name) if len(found) > limit else None,
    }


def _search_csv(data: dict[str, Any]) -> tuple[list[dict[str, Any]], None]:
    rows = [
        {**h["report"], "figures": [f["figure_id"] for f in h["figures"]]} for h in data["hits"]
    ]
    return rows, None


@page("/search", "search.html", csv=_search_csv)
def search(
    request: Request,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description='Words and "quoted phrases" (a trailing * is a prefix); every one must'
            " be in the report's title or text.",
        ),
    ] = None,
    cursor: Cursor = None,
    limit: Annotated[int, limit_param(20, SEARCH_LIMIT_MAX)] = 20,
) -> dict[str, Any]:
    """Full text over the reports (their latest revision), newest first, each with the live
    figures it holds."""
    if not blank(q):
        return {"query": None, "total": 0, "hits": [], "next": None}
    found = search_reports(store_of(request), str(q), limit, cursor)
    return {
        "query": found.query,
        "read_as": " ".join(str(p) for p in found.phrases),
        "total": found.total,
        "hits": [
            {
                "report": h.report,
                "snippet": [{"text": t, "match": m} for t, m in h.snippet],
                "figures": [{**step_record(Step(0, "", f)), "mark": mark_of(f)} for f in h.figures],
            }
            for h in found.hits
        ],
        "next": found.next_cursor,
    }
