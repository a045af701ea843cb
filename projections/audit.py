"""Audit queries: a topic's timeline with a summary, time travel, and the provenance of a figure.

Time travel answers "what did we know then" without rebuilding anything: the figures view keeps
superseded figures with the position that superseded them, so the view as of log position P is
the rows with `position <= P` that were not superseded at or before P. That is exactly what a
replay of the log truncated at P builds (tests/audit checks it against a real replay):

- `--as-of TIME` is the longest prefix of the log whose events were all observed at or before
  TIME: what the log held then. A time is turned into a position once, so the answer is a replay
  cut at one point, never a patchwork.
- `--published-before TIME` keeps the reports dated (published, else observed) before TIME, as
  a replay of only those events would: a revision counts only if it too is dated before TIME,
  and an earlier revision stays live when its successor is dated later.

Errors derive from `AuditError` (one line each, for the command to print); an unknown topic is
`UnknownTopic`, shared with `osint history`; both are `ProjectionError`s
(`projections.errors`).
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import orjson
from sqlalchemy import Connection, Table, func, or_, select
from sqlalchemy.exc import SQLAlchemyError

from events import CheckedEvent, EventStore, Recorded, ReportObserved, ReportWithdrawn, decode
from events.types import REPORT_STREAM_PREFIX
from projections.errors import (
    AuditError,
    UnknownFigure,
    UnknownReport,
    UnknownTopic,
    ViewMissing,
    ViewNotReady,
)
from projections.figures import FiguresProjector
from projections.history import Step, build_history
from projections.judging import JUDGMENTS, Judgments, judge_rows, load_judgments
from projections.log_clock import observed_time, position_as_of
from projections.reports import ReportsProjector
from projections.state import active_generation, tables_of
from projections.summary_builder import SummaryBuilder, denial_step, step_from
from projections.timefmt import iso_utc
from projections.topic_summary import LazySteps, read_pending, read_steps, read_summaries
from projections.topics import actor_word, category_word, normalise_topic, slug

FIGURES = FiguresProjector()
REPORTS = ReportsProjector()

__all__ = [  # the errors are the audit's to raise; they live with every other projection error
    "AuditError",
    "UnknownFigure",
    "UnknownReport",
    "UnknownTopic",
    "ViewMissing",
    "ViewNotReady",
]


# -- the cut-off -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cutoff:
    """What an answer may know: the log up to `position` (None: all of it) and, of that, only
    the reports dated before `published_before` (None: any date). `as_of` keeps the moment a
    position was derived from, for display."""

    position: int | None = None
    as_of: str | None = None
    published_before: str | None = None

    def describe(self) -> str:
        parts = []
        if self.as_of is not None:
            parts.append(f"as of {self.as_of} (log position {self.position})")
        elif self.position is not None:
            parts.append(f"as of log position {self.position}")
        if self.published_before is not None:
            parts.append(f"published before {self.published_before}")
        return ", ".join(parts) or "now"

    def to_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "as_of": self.as_of,
            "published_before": self.published_before,
        }


def dated_time(event: Recorded[ReportObserved]) -> str:
    """A report's own date: published, else observed (the figures view's `effective_at`)."""
    return iso_utc(event.data.published_at) or observed_time(event)


def make_cutoff(
    store: EventStore,
    as_of: Any = None,
    until: int | None = None,
    published_before: Any = None,
) -> Cutoff:
    """A cut-off from a moment (`as_of`) or a log position (`until`), and a publication date."""
    if as_of is not None and until is not None:
        raise AuditError("give a moment (as of) or a log position (until), not both")
    moment = iso_utc(as_of) if as_of is not None else None
    if until is not None:
        until = min(until, store.head()[0])  # past the end of the log is the whole log
    position = position_as_of(store, moment) if moment is not None else until
    return Cutoff(position, moment, iso_utc(published_before))


# -- the figures under a cut-off -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class View:
    """The live figures view, where it stands, and where the log stands; with the judgments
    live under the cut-off once `figures_under` has read them."""

    tables: dict[str, Table]
    position: int
    head: int
    judgments: Judgments = field(default_factory=Judgments)

    @property
    def figures(self) -> Table:
        return self.tables["figures"]


def open_view(store: EventStore, conn: Connection) -> View:
    """The live figures view, or `ViewNotReady` saying how to build it."""
    gen = active_generation(conn, FIGURES.name)
    if gen is None:
        if store.head()[0]:
            raise ViewMissing(
                "the figures view has not been built yet (was its first build interrupted?):"
                " run `osint project`"
            )
        raise ViewMissing("no figures yet: ingest some reports first (osint ingest PATH)")
    if gen.version != FIGURES.version:
        raise ViewNotReady(
            f"the figures view was built by version {gen.version} and this osint reads"
            f" {FIGURES.version}: run `osint project` to rebuild it"
        )
    head, _ = store.head()
    return View(tables_of(FIGURES, gen.generation), gen.position, head)


def figures_under(
    store: EventStore, cutoff: Cutoff, topic: str | None = None
) -> tuple[list[dict[str, Any]], View]:
    """The figure rows live under `cutoff` (all topics, or one), in log order, each with
    `superseded_at` as the cut-off sees it (None: live)."""
    with store.db.connect() as conn:
        view = open_view(store, conn)
        if cutoff.position is not None and cutoff.position > view.position:
            raise ViewNotReady(
                f"the figures view is at log position {view.position}, before the cut-off"
                f" ({cutoff.position}): run `osint project` first"
            )
        f = view.figures
        judgments = load_judgments(conn, cutoff.position)
        view = replace(view, judgments=judgments)
        query = select(f)
        if topic is not None:
            # Its own figures, and those an analyst moved into it (from their reports).
            moved = judgments.moved_into(topic)
            mine = f.c.topic == topic
            query = query.where(or_(mine, f.c.stream_id.in_(sorted(moved))) if moved else mine)
        p = cutoff.position
        if p is not None:
            query = query.where(f.c.position <= p)
        if cutoff.published_before is not None:
            query = query.where(f.c.effective_at < cutoff.published_before)
        elif p is None:
            query = query.where(f.c.superseded_at.is_(None))
        else:
            query = query.where(or_(f.c.superseded_at.is_(None), f.c.superseded_at > p))
        rows = [dict(r) for r in conn.execute(query.order_by(f.c.position, f.c.start)).mappings()]
        _mark_withdrawn(conn, rows, cutoff.position)
    if cutoff.published_before is not None:
        rows = _without_dated_successors(store, rows, cutoff)
    for row in rows:
        row["superseded_at"] = None
    rows = judge_rows(rows, judgments)
    if topic is not None:
        rows = [r for r in rows if r["topic"] == topic]
    return rows, view


def _mark_withdrawn(conn: Connection, rows: list[dict[str, Any]], position: int | None) -> None:
    """Give each row `withdrawn_at` and `withdrawn_reason`: set when the source stopped carrying
    the figure's report (within the log up to `position`). The figure stays live: the claim was
    made, and that it was taken down is itself worth knowing."""
    gone: dict[str, tuple[str, str]] = {}
    gen = active_generation(conn, REPORTS.name)
    if gen is not None:
        r = tables_of(REPORTS, gen.generation)["reports"]
        query = select(r.c.stream_id, r.c.withdrawn_at, r.c.withdrawn_reason).where(
            r.c.withdrawn_position >= 1  # a range the index serves (IS NOT NULL is a scan)
        )
        if position is not None:
            query = query.where(r.c.withdrawn_position <= position)
        gone = {stream: (at, why) for stream, at, why in conn.execute(query).all()}
    for row in rows:
        row["withdrawn_at"], row["withdrawn_reason"] = gone.get(row["stream_id"], (None, None))


def _without_dated_successors(
    store: EventStore, rows: list[dict[str, Any]], cutoff: Cutoff
) -> list[dict[str, Any]]:
    """Drop the rows whose report has a later revision inside the cut-off (in the log up to its
    position and dated before its date): a replay of just those events would supersede them."""
    limit = cutoff.position
    revisions: dict[str, list[Recorded[ReportObserved]]] = {}
    kept = []
    for row in rows:
        superseded = row["superseded_at"]
        if superseded is None or (limit is not None and superseded > limit):
            kept.append(row)
            continue
        stream = revisions.get(row["stream_id"])
        if stream is None:
            stream = report_revisions(store, row["stream_id"])
            revisions[row["stream_id"]] = stream
        later = [
            e
            for e in stream
            if e.position > row["position"]
            and (limit is None or e.position <= limit)
            and dated_time(e) < str(cutoff.published_before)
        ]
        if not later:
            kept.append(row)
    return kept


# -- topics ----------------------------------------------------------------------------------


def known_topics(store: EventStore) -> list[str]:
    """Every topic the figures view has ever held (superseded figures included), and those
    analysts moved figures into.

    One index seek per topic (a recursive "next topic after this one"), not a scan of every
    figure: the cost follows the number of topics, not the size of the log."""
    with store.db.connect() as conn:
        f = open_view(store, conn).figures
        walk = select(func.min(f.c.topic).label("topic")).cte("topics", recursive=True)
        after = select(func.min(f.c.topic)).where(f.c.topic > walk.c.topic).scalar_subquery()
        walk = walk.union_all(select(after).where(walk.c.topic.is_not(None)))
        found = conn.execute(select(walk.c.topic).where(walk.c.topic.is_not(None))).scalars()
        return sorted(set(found) | load_judgments(conn, None).topics())


TOPIC_SHAPE = "a topic is CATEGORY/ACTOR, such as troops/north-korea (osint topics lists them)"


def resolve_topic(name: str, known: Sequence[str]) -> str:
    """The topic `name` means: exactly, up to case, spacing and aliases (`topics`), or a bare
    category or actor that names one topic. Anything else is `UnknownTopic`, which lists the
    close matches: a close spelling is never taken for the topic."""
    key = normalise_topic(name)
    if key in known:
        return key
    if "/" not in name and name.strip():
        words = {category_word(name), actor_word(name)}
        parts = sorted(k for k in known if words & set(k.split("/")))
        if len(parts) == 1:
            return parts[0]
        if parts:
            raise UnknownTopic(f"{name!r} names several topics: {', '.join(parts)}")
        close = _close(slug(name), known, whole=False)
        hint = f"; did you mean {' or '.join(close)}?" if close else ""
        raise UnknownTopic(f"no topic {name!r}: {TOPIC_SHAPE}{hint}")
    if not key:
        raise UnknownTopic(f"no topic {name!r}: {TOPIC_SHAPE}")
    close = _close(key, known, whole=True)
    if close:
        raise UnknownTopic(f"no topic {key}; did you mean {' or '.join(close)}?")
    listed = ", ".join(list(known)[:8]) + (" …" if len(known) > 8 else "")
    hint = f"; known topics: {listed}" if known else ""
    raise UnknownTopic(f"no topic {key} (from {name!r}){hint}")


def _close(wanted: str, known: Sequence[str], whole: bool) -> list[str]:
    """Known topics spelled like `wanted` (a whole key, or one of its two words)."""
    if whole:
        return difflib.get_close_matches(wanted, list(known), n=3, cutoff=0.6)
    by_word: dict[str, list[str]] = {}
    for k in known:
        for word in k.split("/"):
            by_word.setdefault(word, []).append(k)
    near = difflib.get_close_matches(wanted, list(by_word), n=3, cutoff=0.75)
    return sorted({k for w in near for k in by_word[w]})[:5]


# -- the timeline ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    """The top of an audit: the current estimate and the range of the live claims."""

    current: Step | None
    figures: int
    asserted: int
    denied: int
    low: float | None
    high: float | None
    lowest: Step | None
    highest: Step | None
    origins: tuple[tuple[str, ...], ...]
    denials: tuple[Step, ...]
    excluded: int = 0  # figures analysts excluded (misread, not a claim, duplicate)
    # Independent claimants of the live claims, by claimant key: (name, figures), most first.
    claimants: tuple[tuple[str, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "current_figure_id": self.current.figure["figure_id"] if self.current else None,
            "current_text": self.current.figure["text"] if self.current else None,
            "current_low": self.current.figure["low"] if self.current else None,
            "current_high": self.current.figure["high"] if self.current else None,
            "figures": self.figures,
            "asserted": self.asserted,
            "denied": self.denied,
            "range_low": self.low,
            "range_high": self.high,
            "independent_sources": len(self.origins),
            "origins": [list(o) for o in self.origins],
            "denied_by": [s.figure["figure_id"] for s in self.denials],
            "excluded": self.excluded,
            "independent_claimants": len(self.claimants),
            "claimants": [{"claimant": n, "figures": k} for n, k in self.claimants],
        }


def summarise(steps: Sequence[Step], groups: Mapping[str, str] | None = None) -> Summary:
    """The summary of a history (`build_history`'s steps): the same builder the figures
    projector keeps per topic for the listing (`projections.topic_summary`)."""
    builder = SummaryBuilder(groups)
    for step in steps:
        builder.add(step)
    return Summary(**builder.fields())


@dataclass(frozen=True, slots=True)
class Timeline:
    """One topic's audit: every figure with its change, and the summary, under a cut-off."""

    topic: str
    steps: list[Step]
    summary: Summary
    cutoff: Cutoff
    view_position: int
    head: int


def audit(store: EventStore, name: str, cutoff: Cutoff | None = None) -> Timeline:
    """The timeline of topic `name` (tolerant spelling) under `cutoff` (default: now)."""
    cutoff = cutoff or Cutoff()
    topic = resolve_topic(name, known_topics(store))
    rows, view = figures_under(store, cutoff, topic)
    groups = view.judgments.source_groups
    steps = build_history(rows, groups)
    return Timeline(topic, steps, summarise(steps, groups), cutoff, view.position, view.head)


@dataclass(frozen=True, slots=True)
class TopicEstimate:
    topic: str
    category: str
    actor: str | None
    summary: Summary
    # The topic's history, for a last change or a sparkline. From the kept summaries (a
    # listing "now") each step carries its change and its figure's id, date and bounds only,
    # and they are read when first used.
    steps: Sequence[Step] = ()


def topic_estimates(store: EventStore, cutoff: Cutoff | None = None) -> list[TopicEstimate]:
    """Every topic with figures under `cutoff`, most figures first.

    Now (no cut-off) this reads the per-topic summaries the figures projector keeps: one row
    per topic, whatever the size of the log. Any cut-off computes them from the figures."""
    cutoff = cutoff or Cutoff()
    if cutoff.position is None and cutoff.published_before is None:
        kept = _kept_estimates(store)
        if kept is not None:
            return kept
    return computed_estimates(store, cutoff)


def computed_estimates(store: EventStore, cutoff: Cutoff) -> list[TopicEstimate]:
    """`topic_estimates` from every live figure under `cutoff` (each topic's whole history)."""
    rows, view = figures_under(store, cutoff)
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_topic.setdefault(row["topic"], []).append(row)
    groups = view.judgments.source_groups
    found = [_estimate_of(topic, figures, groups) for topic, figures in by_topic.items()]
    return sorted(found, key=lambda t: (-t.summary.figures, t.topic))


def _estimate_of(
    topic: str, figures: list[dict[str, Any]], groups: Mapping[str, str]
) -> TopicEstimate:
    """A topic's estimate from its live figures in log order (the full computation)."""
    steps = build_history(figures, groups)
    summary = summarise(steps, groups)
    sample = summary.current.figure if summary.current else figures[-1]
    return TopicEstimate(topic, sample["category"], sample["actor"], summary, tuple(steps))


def _kept_estimates(store: EventStore) -> list[TopicEstimate] | None:
    """The listing from the kept summaries, or None when they cannot stand for a computation
    now: the reports or judgments view (which that computation reads for withdrawals and
    judgments) is not at the figures view's position."""
    with store.db.connect() as conn:
        view = open_view(store, conn)
        for other in (REPORTS.name, JUDGMENTS.name):
            gen = active_generation(conn, other)
            if gen is None or gen.position != view.position:
                return None
        kept = read_summaries(conn, view.tables)
        pending = read_pending(conn, view.tables)
    found = [
        TopicEstimate(
            topic,
            record["category"],
            record["actor"],
            _summary_of(record),
            LazySteps(_steps_loader(store, view, topic, stamp)),
        )
        for topic, stamp, record in kept
        if topic not in pending
    ]
    found += _pending_estimates(store, view.position, pending)
    return sorted(found, key=lambda t: (-t.summary.figures, t.topic))


def _pending_estimates(store: EventStore, position: int, topics: set[str]) -> list[TopicEstimate]:
    """The topics a running catch-up left stale, computed from their figures at the position
    the summaries were read at (time travel gives that exactly, whatever the view did since)."""
    found = []
    for topic in sorted(topics):
        rows, view = figures_under(store, Cutoff(position=position), topic)
        if rows:
            found.append(_estimate_of(topic, rows, view.judgments.source_groups))
    return found


def _summary_of(record: Mapping[str, Any]) -> Summary:
    return Summary(
        current=step_from(record["current"]),
        figures=record["figures"],
        asserted=record["asserted"],
        denied=record["denied"],
        low=record["low"],
        high=record["high"],
        lowest=step_from(record["lowest"]),
        highest=step_from(record["highest"]),
        origins=tuple(tuple(o) for o in record["origins"]),
        denials=tuple(denial_step(i, fid) for i, fid in record["denials"]),
        excluded=record["excluded"],
        claimants=tuple((name, n) for name, n in record["claimants"]),
    )


def _steps_loader(store: EventStore, view: View, topic: str, stamp: str) -> Any:
    """Read a topic's steps as of the summary listed; if the view has moved on meanwhile,
    compute them at the position the listing was read at (time travel gives that exactly)."""

    def load() -> Sequence[Step]:
        try:
            with store.db.connect() as conn:
                steps = read_steps(conn, view.tables, topic, stamp)
        except SQLAlchemyError:
            steps = None  # the generation was replaced by a rebuild meanwhile
        if steps is not None:
            return steps
        rows, moved = figures_under(store, Cutoff(position=view.position), topic)
        return build_history(rows, moved.judgments.source_groups)

    return load


# -- provenance --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Check:
    """One link of a provenance chain, re-verified from the stored bytes."""

    name: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class SourceFacts:
    source_id: str
    reports: int
    first_observed_at: str | None
    last_observed_at: str | None


@dataclass(frozen=True, slots=True)
class FigureChain:
    """A figure and everything it rests on: sentence, report revision, event, source, rules."""

    figure: dict[str, Any]
    event: Recorded[ReportObserved]
    checks: list[Check]
    source: SourceFacts
    revisions: list[int]
    step: Step | None
    rules: list[str]

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)


_FIGURE_ID = re.compile(r"#?(\d+)-(\d+)")


def figure_chain(store: EventStore, figure_id: str) -> FigureChain:
    """The provenance chain of one figure (live or superseded), every link re-checked."""
    match = _FIGURE_ID.fullmatch(figure_id.strip())
    if not match:
        raise UnknownFigure(f"{figure_id!r} is not a figure id (they look like 12-0)")
    fid = f"{match.group(1)}-{match.group(2)}"
    with store.db.connect() as conn:
        view = open_view(store, conn)
        f = view.figures
        row = conn.execute(select(f).where(f.c.figure_id == fid)).mappings().first()
        if row is None:
            raise UnknownFigure(f"no figure {fid!r} in the figures view (see osint audit TOPIC)")
        # As analysts judged it (the checks below read only what no judgment changes).
        figure = judge_rows([dict(row)], load_judgments(conn, None))[0]
        source = _source_facts(conn, figure["source_id"])
    checked = store.checked(figure["position"])
    event = decode(checked.event) if checked is not None else None
    if checked is None or event is None or not isinstance(event.data, ReportObserved):
        raise UnknownFigure(f"figure {fid}: its event at position {figure['position']} is gone")
    revisions = [e.data.revision for e in report_revisions(store, figure["stream_id"])]
    checks = _checks(figure, event, checked)
    step = None
    if figure["superseded_at"] is None:
        rows, view = figures_under(store, Cutoff(), figure["topic"])
        step = next(
            (
                s
                for s in build_history(rows, view.judgments.source_groups)
                if s.figure["figure_id"] == fid
            ),
            None,
        )
    return FigureChain(
        figure, event, checks, source, revisions, step, list(orjson.loads(figure["rules"]))
    )


def _checks(
    figure: dict[str, Any], event: Recorded[ReportObserved], checked: CheckedEvent
) -> list[Check]:
    text = event.data.text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    span = text[figure["start"] : figure["end"]]
    s0 = figure["sentence_start"]
    sentence = text[s0 : s0 + len(figure["sentence"])]
    position = event.position
    return [
        Check(
            "event",
            event.event_id == figure["event_id"],
            f"position {event.position} holds event {event.event_id}",
        ),
        Check(
            "content hash",
            digest == figure["content_sha256"] == event.data.content_sha256,
            f"SHA-256 of the report text is {digest}",
        ),
        Check(
            "span",
            span == figure["text"],
            f"text[{figure['start']}:{figure['end']}] is {span!r}",
        ),
        Check(
            "sentence",
            sentence == figure["sentence"],
            f"the sentence starts at character {s0}",
        ),
        Check(
            "event hash",
            checked.hash_ok,
            f"recomputed from the stored row: {checked.recomputed}",
        ),
        Check(
            "chain link",
            checked.link_ok,
            f"prev_hash {event.prev_hash[:16]}… is the hash of position {position - 1}",
        ),
    ]


def _source_facts(conn: Connection, source_id: str) -> SourceFacts:
    gen = active_generation(conn, REPORTS.name)
    if gen is None:
        return SourceFacts(source_id, 0, None, None)
    r = tables_of(REPORTS, gen.generation)["reports"]
    rows = conn.execute(
        select(r.c.first_observed_at, r.c.last_observed_at).where(r.c.source_id == source_id)
    ).all()
    firsts = [iso_utc(a) for a, _ in rows]
    lasts = [iso_utc(b) for _, b in rows]
    return SourceFacts(
        source_id,
        len(rows),
        min(firsts) if firsts else None,  # type: ignore[type-var]
        max(lasts) if lasts else None,  # type: ignore[type-var]
    )


# -- report revisions ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Revision:
    event: Recorded[ReportObserved]
    figures: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class ReportHistory:
    """A report's revisions in order, their figures, the text diff between each pair, and the
    times its source stopped carrying it."""

    stream_id: str
    revisions: list[Revision]
    diffs: list[list[str]] = field(default_factory=list)
    withdrawals: list[Recorded[ReportWithdrawn]] = field(default_factory=list)


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


def sentence_lines(text: str) -> list[str]:
    """A text cut into sentences, one a line: a diff then names the sentences that changed."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def report_history(store: EventStore, report_id: str) -> ReportHistory:
    """The revisions of one report, named by stream id, URL, item key, log position or figure id."""
    stream_id = _resolve_report(store, report_id.strip())
    stream = [decode(e) for e in store.read_stream(stream_id)]
    revisions_events = [e for e in stream if isinstance(e.data, ReportObserved)]
    withdrawals = [e for e in stream if isinstance(e.data, ReportWithdrawn)]
    if not revisions_events:
        raise UnknownReport(f"no report {report_id!r}")
    with store.db.connect() as conn:
        gen = active_generation(conn, FIGURES.name)
        figures: list[dict[str, Any]] = []
        if gen is not None:
            f = tables_of(FIGURES, gen.generation)["figures"]
            figures = [
                dict(r)
                for r in conn.execute(
                    select(f).where(f.c.stream_id == stream_id).order_by(f.c.position, f.c.start)
                ).mappings()
            ]
    revisions = [
        Revision(e, [f for f in figures if f["position"] == e.position]) for e in revisions_events
    ]
    diffs = [
        list(
            difflib.unified_diff(
                sentence_lines(a.event.data.text),
                sentence_lines(b.event.data.text),
                fromfile=f"revision {a.event.data.revision}",
                tofile=f"revision {b.event.data.revision}",
                lineterm="",
                n=1,
            )
        )
        for a, b in itertools.pairwise(revisions)
    ]
    return ReportHistory(stream_id, revisions, diffs, withdrawals)  # type: ignore[arg-type]


def report_revisions(store: EventStore, stream_id: str) -> list[Recorded[ReportObserved]]:
    """The revisions of one report, in order (a stream's other events left out)."""
    decoded = (decode(e) for e in store.read_stream(stream_id))
    return [e for e in decoded if isinstance(e.data, ReportObserved)]  # type: ignore[misc]


def _resolve_report(store: EventStore, report_id: str) -> str:
    if report_id.startswith(REPORT_STREAM_PREFIX):
        return report_id
    match = re.fullmatch(r"#?(\d+)(?:-\d+)?", report_id)
    if match:
        event = store.get(int(match.group(1)))
        if event is None or not isinstance(decode(event).data, ReportObserved):
            raise UnknownReport(f"no report at log position {match.group(1)}")
        return event.stream_id
    with store.db.connect() as conn:
        gen = active_generation(conn, REPORTS.name)
        if gen is None:
            raise UnknownReport(f"no report {report_id!r}: the reports view is empty")
        r = tables_of(REPORTS, gen.generation)["reports"]
        found = list(
            conn.execute(
                select(r.c.stream_id).where(
                    or_(
                        r.c.url == report_id,
                        r.c.item_key == report_id,
                        r.c.stream_id == f"{REPORT_STREAM_PREFIX}{report_id}",
                    )
                )
            ).scalars()
        )
    if len(found) == 1:
        return found[0]
    if found:
        raise UnknownReport(f"{report_id!r} names {len(found)} reports: {', '.join(found)}")
    raise UnknownReport(
        f"no report {report_id!r}: name it by URL, item key, source/item, stream id or position"
    )
