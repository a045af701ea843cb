"""Changes of an estimate, event by event: what an alert says.

For each event after a log position, the topics it touches (the topics of the figures a report
brought or superseded, of a judged figure before and after the judgment, of the sources two
linked sources carried) are audited just before it and just after it, and the difference is
named: a new high or low of the live claims, the current estimate raised or lowered, a new
independent source, a new denial (contradicted), a judged figure, a report revised.

A change is identified by what it says and where it happened (`change_id`: topic, position,
kind and the figure), so the same change found twice (a watcher restarted) has the same id,
and a webhook receiver can tell a retry from a new change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select

from events import EventStore, FigureJudged, ReportObserved, SourcesLinked, decode
from projections.audit import Cutoff, Summary, audit, open_view
from projections.errors import UnknownTopic, ViewMissing
from projections.history import bounds_text, centre
from projections.topics import topic_key

NEW_HIGH = "new high"
NEW_LOW = "new low"
RAISED = "raised"
LOWERED = "lowered"
NEW_SOURCE = "new independent source"
CONTRADICTED = "contradicted"
JUDGED = "judged figure"
REVISED = "report revised"


@dataclass(frozen=True, slots=True)
class Change:
    """One change of one topic's estimate at one log position."""

    change_id: str
    topic: str
    position: int
    kind: str
    figure_id: str | None
    summary: str  # one line a person reads
    estimate: dict[str, Any]  # the topic's summary after the change

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def changes_after(
    store: EventStore, after: int, until: int | None = None
) -> Iterator[tuple[int, list[Change]]]:
    """For each event after position `after` (to `until`, else the head of the views): its
    position and the changes it made (often none). Needs the views caught up that far."""
    with store.db.connect() as conn:
        view_position = open_view(store, conn).position
    end = view_position if until is None else min(until, view_position)
    for stored in store.read(after=after, until=end):
        event = decode(stored)
        topics = _touched(store, event)
        found: list[Change] = []
        for topic in sorted(topics):
            found += _diff(store, topic, event.position, event.data)
        yield event.position, found


def _touched(store: EventStore, event: Any) -> set[str]:
    """The topics an event can change."""
    data = event.data
    with store.db.connect() as conn:
        f = open_view(store, conn).figures
        if isinstance(data, ReportObserved):
            query = select(f.c.topic).where(
                or_(f.c.position == event.position, f.c.superseded_at == event.position)
            )
        elif isinstance(data, FigureJudged):
            ref = data.figure
            query = select(f.c.topic).where(
                (f.c.stream_id == ref.stream_id)
                & (f.c.revision == ref.revision)
                & (f.c.start == ref.start)
            )
        elif isinstance(data, SourcesLinked):
            query = select(f.c.topic).where(f.c.source_id.in_([data.source, data.other]))
        else:
            return set()
        topics = set(conn.execute(query.distinct()).scalars())
    if isinstance(data, FigureJudged) and data.category is not None:
        topics.add(topic_key(data.category, data.actor, data.kind))
    return topics


def _summary(store: EventStore, topic: str, position: int) -> tuple[Summary | None, list[Any]]:
    try:
        timeline = audit(store, topic, Cutoff(position=position))
    except (UnknownTopic, ViewMissing):
        return None, []
    return (timeline.summary if timeline.steps else None), timeline.steps


def _diff(store: EventStore, topic: str, position: int, data: Any) -> list[Change]:
    before, _ = _summary(store, topic, position - 1)
    after, steps = _summary(store, topic, position)
    if after is None:
        return []
    found: list[tuple[str, str | None, str]] = []
    current = after.current.figure if after.current else None
    if before is None or before.current is None:
        if current is not None:
            found.append((RAISED, current["figure_id"], f"first estimate {bounds_text(current)}"))
    elif current is not None:
        old = before.current.figure
        move = _direction(old, current)
        if move:
            found.append(
                (move, current["figure_id"], f"{bounds_text(old)} → {bounds_text(current)}")
            )
    if after.high is not None and (
        before is None or before.high is None or after.high > before.high
    ):
        who = after.highest.figure["figure_id"] if after.highest else None
        found.append((NEW_HIGH, who, f"highest live claim {after.high:,.0f}"))
    if after.low is not None and before is not None and before.low is not None:
        if after.low < before.low:
            who = after.lowest.figure["figure_id"] if after.lowest else None
            found.append((NEW_LOW, who, f"lowest live claim {after.low:,.0f}"))
    if before is not None and len(after.origins) > len(before.origins):
        found.append(
            (
                NEW_SOURCE,
                None,
                f"{len(after.origins)} independent sources (was {len(before.origins)})",
            )
        )
    if len(after.denials) > (len(before.denials) if before else 0):
        denial = after.denials[-1].figure
        found.append((CONTRADICTED, denial["figure_id"], f"denied: {denial['text']}"))
    if isinstance(data, FigureJudged):
        ref = data.figure
        where = (ref.stream_id, ref.revision, ref.start, ref.end)
        judged = next(
            (
                s.figure
                for s in steps
                if (s.figure["stream_id"], s.figure["revision"], s.figure["start"], s.figure["end"])
                == where
            ),
            None,
        )
        found.append(
            (JUDGED, judged["figure_id"] if judged else None, f"{data.verdict} by {data.author}")
        )
    if isinstance(data, ReportObserved) and data.revision > 1:
        found.append((REVISED, None, f"{data.source_id} revised {data.item_key} ({data.revision})"))
    estimate = after.to_dict()
    return [
        Change(
            _change_id(topic, position, kind, figure_id),
            topic,
            position,
            kind,
            figure_id,
            text,
            estimate,
        )
        for kind, figure_id, text in found
    ]


def _direction(old: dict[str, Any], new: dict[str, Any]) -> str | None:
    a, b = centre(old), centre(new)
    if b > a:
        return RAISED
    if b < a:
        return LOWERED
    return None


def _change_id(topic: str, position: int, kind: str, figure_id: str | None) -> str:
    text = "\x1f".join((topic, str(position), kind, figure_id or ""))
    return hashlib.sha256(text.encode()).hexdigest()[:32]
