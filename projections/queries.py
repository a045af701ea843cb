"""Read-side queries over the views, for the command line (and later the audit)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from projections.figures import FiguresProjector
from projections.history import Step, build_history
from projections.reports import ReportsProjector
from projections.state import live_tables
from projections.topics import normalise_topic

FIGURES = FiguresProjector()
REPORTS = ReportsProjector()


class UnknownTopic(LookupError):
    """A topic name that matches no topic in the view; the message lists the close ones."""


@dataclass(frozen=True, slots=True)
class TopicSummary:
    topic: str
    category: str
    actor: str | None
    figure_count: int
    current: dict[str, Any]


def topics(conn: Connection) -> list[TopicSummary]:
    """Every topic with live figures, most figures first."""
    tables = live_tables(conn, FIGURES)
    if tables is None:
        return []
    t, f = tables["estimate_topics"], tables["figures"]
    rows = (
        conn.execute(
            select(t.c.topic, t.c.category, t.c.actor, t.c.figure_count, f)
            .join(f, f.c.figure_id == t.c.current_figure_id)
            .order_by(t.c.figure_count.desc(), t.c.topic)
        )
        .mappings()
        .all()
    )
    return [
        TopicSummary(
            r["topic"],
            r["category"],
            r["actor"],
            r["figure_count"],
            {c.name: r[c.name] for c in f.c},
        )
        for r in rows
    ]


def history(conn: Connection, topic: str) -> tuple[str, list[Step]]:
    """The history of `topic` (tolerant spelling); `UnknownTopic` if there is none."""
    key = normalise_topic(topic)
    tables = live_tables(conn, FIGURES)
    if tables is None or not key:
        raise UnknownTopic(f"unknown topic {topic!r}: the figures view is empty")
    f = tables["figures"]
    rows = (
        conn.execute(select(f).where(f.c.topic == key, f.c.superseded_at.is_(None)))
        .mappings()
        .all()
    )
    if not rows:
        known = [s.topic for s in topics(conn)]
        close = [k for k in known if k.split("/")[0] == key.split("/")[0]][:8]
        hint = f"; topics of that category: {', '.join(close)}" if close else ""
        raise UnknownTopic(f"unknown topic {topic!r} (read as {key!r}){hint}")
    return key, build_history(dict(r) for r in rows)
