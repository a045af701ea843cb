"""Queries for browsing the views beside the audit's: a topic's superseded figures and the
moments its view changed, and the claimants behind the figures. Each reads the live figures
view under the same cut-off as `projections.audit`, so a page agrees with `osint audit`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Select, Table, bindparam, select

from events import EventStore, decode
from projections.audit import FIGURES, Cutoff, figures_under, open_view
from projections.extraction.claimants import claimant_display, claimant_key
from projections.log_clock import observed_time
from projections.state import live_tables

NO_CLAIMANT = "no one named"


def superseded_under(store: EventStore, cutoff: Cutoff, topic: str) -> list[dict[str, Any]]:
    """The figures of `topic` that a later revision of their report had replaced by the
    cut-off's position (the log's end when it has none), in log order. Dated cut-offs
    (`published_before`) keep them out: a replay of only dated reports keeps no history."""
    if cutoff.published_before is not None:
        return []
    with store.db.connect() as conn:
        f = open_view(store, conn).figures
        query = select(f).where((f.c.topic == topic) & f.c.superseded_at.is_not(None))
        if cutoff.position is not None:
            query = query.where(f.c.superseded_at <= cutoff.position)
        rows = conn.execute(query.order_by(f.c.position, f.c.start)).mappings()
        return [dict(r) for r in rows]


@dataclass(frozen=True, slots=True)
class Moment:
    """A moment of the log clock at which a topic's view changed, and the position it ends."""

    observed_at: str
    position: int


def topic_moments(store: EventStore, topic: str) -> list[Moment]:
    """Every observed time at which `topic` gained or lost a figure, in order: the moments an
    as-of control needs to step through, and no others."""
    with store.db.connect() as conn:
        tables = live_tables(conn, FIGURES)
        if tables is None:
            return []
        rows = conn.execute(_moments_query(tables["figures"]), {"topic": topic}).all()
    moments = {r.observed_at: r.position for r in rows}
    for position in sorted({r.superseded_at for r in rows if r.superseded_at is not None}):
        at = observed_at(store, position)
        if at is not None:
            moments.setdefault(at, position)
    return [Moment(at, moments[at]) for at in sorted(moments)]


@lru_cache(maxsize=16)
def _moments_query(f: Table) -> Select[Any]:
    """A topic's figures' positions and times: built once per generation's table, not on
    every page (building it cost about 2 % of a topic page's instructions)."""
    return select(f.c.position, f.c.observed_at, f.c.superseded_at).where(
        f.c.topic == bindparam("topic")
    )


# Each store's observed times by position, bounded (cleared when full). A stored event never
# changes (the log refuses UPDATE and DELETE), so its time, once read, stays right for as long
# as the store is open: a topic page asks for the same superseding revisions on every request.
_observed: WeakKeyDictionary[EventStore, dict[int, str]] = WeakKeyDictionary()
OBSERVED_MEMO = 10_000


def observed_at(store: EventStore, position: int) -> str | None:
    """When the event at `position` was observed (None: no event there, yet)."""
    known = _observed.setdefault(store, {})
    at = known.get(position)
    if at is None:
        stored = store.get(position)
        if stored is None:
            return None  # the position may be filled later: nothing to remember
        at = observed_time(decode(stored))
        if len(known) >= OBSERVED_MEMO:
            known.clear()
        known[position] = at
    return at


@dataclass(frozen=True, slots=True)
class Claimant:
    """One claimant, under all the names it was written as (its `key` joins them, within a
    report by the extractor, across reports by the claimant table and analysts' merges), with
    what and where it was reported."""

    name: str
    figures: int
    topics: dict[str, int]
    sources: dict[str, int]
    first_at: str
    last_at: str
    key: str = ""
    names: tuple[str, ...] = ()
    figure_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "claimant": self.name,
            "key": self.key,
            "names": list(self.names),
            "figure_ids": list(self.figure_ids),
            "figures": self.figures,
            "topics": [{"topic": t, "figures": n} for t, n in self.topics.items()],
            "sources": [{"source_id": s, "figures": n} for s, n in self.sources.items()],
            "first_at": self.first_at,
            "last_at": self.last_at,
        }


def claimants(store: EventStore, cutoff: Cutoff | None = None) -> list[Claimant]:
    """Every claimant of a live figure under `cutoff`, most figures first; figures nobody is
    named for count under `NO_CLAIMANT`."""
    rows, _ = figures_under(store, cutoff or Cutoff())
    by_key: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_key.setdefault(claimant_key(claimant_of(row) or NO_CLAIMANT), []).append(row)
    found = []
    for key, figures in by_key.items():
        names = sorted({claimant_of(f) or NO_CLAIMANT for f in figures})
        name = claimant_display(names)
        topics: dict[str, int] = {}
        sources: dict[str, int] = {}
        for f in figures:
            topics[f["topic"]] = topics.get(f["topic"], 0) + 1
            sources[f["source_id"]] = sources.get(f["source_id"], 0) + 1
        dates = [f["effective_at"] for f in figures]
        found.append(
            Claimant(
                name,
                len(figures),
                dict(sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))),
                dict(sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))),
                min(dates),
                max(dates),
                key,
                tuple(names),
                tuple(f["figure_id"] for f in figures),
            )
        )
    return sorted(found, key=lambda c: (-c.figures, c.name))


def claimant_of(row: Mapping[str, Any]) -> str | None:
    """Who claims a figure: its claimant (normalised by the extractor, corrected or merged by an
    analyst), else its attribution as written."""
    return row.get("claimant") or row.get("attribution")
