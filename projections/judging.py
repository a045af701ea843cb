"""Analysts' judgments applied to the figures as an audit reads them.

`load_judgments` reads the judgments live at a log position (made by then and not withdrawn by
then); `judge_rows` applies them to figure rows: an excluded figure stays in the timeline,
marked and counted nowhere; a corrected one carries its new bounds, topic or claimant and what
the extractor read (`as_extracted`); every judged row lists its judgments with who, when and
why. Source links become origin groups for the history, claimant merges a name table.

A judgment names its figure by report revision, span and value (`events.FigureRef`). A row
matches only when all of these are equal, so a judgment made under one extractor is never
applied to a figure another extractor reads differently: it is orphaned (`orphaned`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Connection, Table, select

from events import ClaimantsMerged, ClaimantsSplit, FigureJudged, FigureRef, SourcesLinked
from projections.extraction.claimants import claimant_key
from projections.judgments import JudgmentsProjector
from projections.state import active_generation, tables_of
from projections.topics import topic_key

JUDGMENTS = JudgmentsProjector()
FigureKey = tuple[str, int, int, int, str, float | None, float | None]
_MODELS = {
    "figure": FigureJudged,
    "sources": SourcesLinked,
    "claimants": ClaimantsMerged,
    "split": ClaimantsSplit,
}


def figure_key(row: Mapping[str, Any]) -> FigureKey:
    """A figure row's identity: report revision, span and value."""
    low, high = row["low"], row["high"]
    return (
        row["stream_id"],
        int(row["revision"]),
        int(row["start"]),
        int(row["end"]),
        row["text"],
        None if low is None else float(low),
        None if high is None else float(high),
    )


def ref_key(ref: FigureRef) -> FigureKey:
    return (ref.stream_id, ref.revision, ref.start, ref.end, ref.text, ref.low, ref.high)


def figure_ref(row: Mapping[str, Any]) -> FigureRef:
    key = figure_key(row)
    return FigureRef(
        stream_id=key[0],
        revision=key[1],
        start=key[2],
        end=key[3],
        text=key[4],
        low=key[5],
        high=key[6],
    )


@dataclass(frozen=True, slots=True)
class Judged:
    """One judgment as the audit shows it."""

    event_id: str
    position: int
    kind: str
    judged_at: str
    author: str
    role: str | None
    reason: str
    withdrawn_at: int | None
    withdrawn_by: str | None
    model: Any  # the event's model (FigureJudged, SourcesLinked, ClaimantsMerged, …)

    def brief(self) -> dict[str, Any]:
        """Who, when, why and what, for a judged figure's record."""
        m = self.model
        what = m.verdict if isinstance(m, FigureJudged) else self.kind
        return {
            "judgment": self.event_id,
            "verdict": what,
            "author": self.author,
            "role": self.role,
            "judged_at": self.judged_at,
            "reason": self.reason,
            "position": self.position,
            **({"excluded_as": m.excluded_as} if isinstance(m, FigureJudged) else {}),
        }


@dataclass
class Judgments:
    """The judgments live at one log position, ready to apply."""

    figures: dict[FigureKey, list[Judged]] = field(default_factory=dict)
    source_groups: dict[str, str] = field(default_factory=dict)  # source -> its group's name
    claimants: dict[str, str] = field(default_factory=dict)  # claimant key -> canonical name
    every: list[Judged] = field(default_factory=list)  # all of them, withdrawn ones too

    def moved_into(self, topic: str) -> set[str]:
        """The report streams of figures judged into `topic` (to read beside its own)."""
        return {
            j.model.figure.stream_id
            for judged in self.figures.values()
            for j in judged
            if j.model.category is not None
            and topic_key(j.model.category, j.model.actor, j.model.kind) == topic
        }

    def topics(self) -> set[str]:
        found = set()
        for judged in self.figures.values():
            for j in judged:
                m = j.model
                if m.category is not None:
                    found.add(topic_key(m.category, m.actor, m.kind))
        return found


def load_judgments(conn: Connection, position: int | None, table: Table | None = None) -> Judgments:
    """The judgments made at or before `position` (None: all) and not withdrawn by then, from
    the judgments view (or from `table`, a copy of it another view keeps)."""
    found = Judgments()
    if table is None:
        gen = active_generation(conn, JUDGMENTS.name)
        if gen is None:
            return found
        table = tables_of(JUDGMENTS, gen.generation)["judgments"]
    t = table
    query = select(t).order_by(t.c.position)
    if position is not None:
        query = query.where(t.c.position <= position)
    live_links: list[SourcesLinked] = []
    merges: list[ClaimantsMerged] = []
    for row in conn.execute(query).mappings():
        withdrawn = row["withdrawn_at"]
        if withdrawn is not None and position is not None and withdrawn > position:
            withdrawn = None  # withdrawn later than the cut-off: still live then
        model_type = _MODELS.get(row["kind"])
        detail = orjson.loads(row["detail"])
        model = model_type.model_validate(detail) if model_type else None
        judged = Judged(
            row["event_id"],
            int(row["position"]),
            row["kind"],
            row["judged_at"],
            row["author"],
            row["role"],
            row["reason"],
            withdrawn,
            row["withdrawn_by"] if withdrawn is not None else None,
            model,
        )
        found.every.append(judged)
        if withdrawn is not None or model is None:
            continue
        if isinstance(model, FigureJudged) and model.verdict != "withdraw":
            found.figures.setdefault(ref_key(model.figure), []).append(judged)
        elif isinstance(model, SourcesLinked):
            live_links.append(model)
        elif isinstance(model, ClaimantsMerged):
            merges.append(model)
    found.source_groups = _groups(live_links)
    for merge in merges:
        for name in merge.claimants:
            found.claimants[claimant_key(name)] = merge.canonical
    return found


def _groups(links: Iterable[SourcesLinked]) -> dict[str, str]:
    """Sources linked by live judgments, as groups (union-find); the latest judgment about a
    pair decides whether it is linked. Each source maps to its group's first-named source."""
    pairs: dict[frozenset[str], bool] = {}
    for link in links:
        pairs[frozenset((link.source, link.other))] = link.relation != "none"
    parent: dict[str, str] = {}

    def find(s: str) -> str:
        while parent.setdefault(s, s) != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for pair, linked in pairs.items():
        if linked and len(pair) == 2:
            a, b = sorted(pair)
            parent[find(b)] = find(a)
    return {s: find(s) for s in parent}


def judge_rows(rows: Iterable[dict[str, Any]], judgments: Judgments) -> list[dict[str, Any]]:
    """The rows with their judgments applied (new dicts where judged; others as they are)."""
    out = []
    for row in rows:
        judged = judgments.figures.get(figure_key(row))
        claimant = _canonical(row, judgments)
        if not judged and claimant == row.get("claimant"):
            out.append(row)
            continue
        row = {**row, "claimant": claimant}
        if judged:
            _apply(row, judged)
            row["claimant"] = _canonical(row, judgments)
        out.append(row)
    return out


def _canonical(row: Mapping[str, Any], judgments: Judgments) -> str | None:
    name = row.get("claimant") or row.get("attribution")
    if not name:
        return None
    return judgments.claimants.get(claimant_key(str(name)), row.get("claimant"))


def _apply(row: dict[str, Any], judged: list[Judged]) -> None:
    extracted = {
        k: row.get(k) for k in ("low", "high", "qualifier", "vague", "category", "actor", "kind")
    }
    extracted["topic"] = row["topic"]
    extracted["claimant"] = row.get("claimant") or row.get("attribution")
    changed = False
    row["judgments"] = [j.brief() for j in judged]
    for j in judged:
        m: FigureJudged = j.model
        if m.verdict == "exclude":
            row["excluded"] = m.excluded_as or "misread"
        elif m.verdict == "confirm":
            row["confirmed"] = True
            row.pop("excluded", None)
        elif m.verdict == "correct":
            changed = True
            if m.bounds:
                row["low"], row["high"] = m.low, m.high
                row["qualifier"] = _qualifier(m.low, m.high)
                row["vague"] = False
            if m.category is not None:
                row["category"] = m.category
                row["actor"] = m.actor
                row["kind"] = m.kind
                row["topic"] = topic_key(m.category, m.actor, m.kind)
            if m.claimant is not None:
                row["claimant"] = m.claimant
    if changed:
        row["as_extracted"] = extracted


def _qualifier(low: float | None, high: float | None) -> str:
    if low is None:
        return "upper"
    if high is None:
        return "lower"
    return "exact" if low == high else "range"


def orphaned(conn: Connection, figures: Any, judgments: Judgments) -> list[Judged]:
    """Live figure judgments whose figure the figures view no longer holds as judged: a new
    extractor moved its span, read another value, or dropped it."""
    wanted = judgments.figures
    if not wanted:
        return []
    f = figures
    streams = sorted({key[0] for key in wanted})
    present = {
        figure_key(r)
        for r in conn.execute(
            select(
                f.c.stream_id, f.c.revision, f.c.start, f.c.end, f.c.text, f.c.low, f.c.high
            ).where(f.c.stream_id.in_(streams))
        ).mappings()
    }
    return [j for key, js in wanted.items() if key not in present for j in js]
