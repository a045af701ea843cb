"""The `figures` view (one row per figure claim, with its provenance) and `estimate_topics`
(one row per topic with its figure count and current estimate).

A new revision of a report supersedes the figures of the one before: they stay in the view,
marked with the position that superseded them, so "what did we know at position N" remains a
query. The projector's version includes the extractor's, so a new extractor rebuilds the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    func,
    select,
)

from events import StoredEvent
from projections.extraction import EXTRACTOR_VERSION, extract
from projections.projector import Tables
from projections.timefmt import iso_utc
from projections.topics import topic_key

SCORED_CATEGORIES = frozenset(
    {"troops", "killed", "wounded", "casualties", "missing", "captured", "displaced", "equipment"}
)


class FiguresProjector:
    name = "figures"
    version = f"2+extractor-{EXTRACTOR_VERSION}"

    def define_tables(self, metadata: MetaData, suffix: str) -> Tables:
        figures = Table(
            f"figures{suffix}",
            metadata,
            Column("figure_id", String(40), primary_key=True),
            Column("position", BigInteger, nullable=False),
            Column("event_id", String(36), nullable=False),
            Column("stream_id", Text, nullable=False),
            Column("source_id", Text, nullable=False),
            Column("item_key", Text, nullable=False),
            Column("revision", Integer, nullable=False),
            Column("content_sha256", String(64), nullable=False),
            Column("url", Text),
            Column("title", Text),
            Column("published_at", String(40)),
            Column("observed_at", String(40), nullable=False),
            Column("effective_at", String(40), nullable=False),
            Column("sentence", Text, nullable=False),
            Column("sentence_start", Integer, nullable=False),
            Column("start", Integer, nullable=False),
            Column("end", Integer, nullable=False),
            Column("text", Text, nullable=False),
            Column("low", Float),
            Column("high", Float),
            Column("qualifier", String(10), nullable=False),
            Column("vague", Boolean, nullable=False),
            Column("category", String(20), nullable=False),
            Column("subject", Text),
            Column("actor", Text),
            Column("location", Text),
            Column("attribution", Text),
            Column("hedged", Boolean, nullable=False),
            Column("rules", Text, nullable=False),
            Column("extractor_version", String(20), nullable=False),
            Column("topic", Text, nullable=False),
            Column("superseded_at", BigInteger),
            Index(f"ix_figures{suffix}_topic", "topic", "effective_at"),
            Index(f"ix_figures{suffix}_stream", "stream_id"),
        )
        topics = Table(
            f"estimate_topics{suffix}",
            metadata,
            Column("topic", Text, primary_key=True),
            Column("category", String(20), nullable=False),
            Column("actor", Text),
            Column("figure_count", Integer, nullable=False),
            Column("current_figure_id", String(40), nullable=False),
        )
        return {"figures": figures, "estimate_topics": topics}

    def apply(self, conn: Connection, tables: Tables, batch: Sequence[StoredEvent]) -> None:
        figures = tables["figures"]
        pending: list[dict[str, Any]] = []
        touched: set[str] = set()
        for event in batch:
            if event.type != "ReportObserved":
                continue
            if event.payload.get("revision", 1) > 1:
                touched |= self._supersede(conn, figures, pending, event)
            rows = figure_rows(event)
            pending.extend(rows)
            touched.update(r["topic"] for r in rows)
        if pending:
            conn.execute(figures.insert(), pending)
        for topic in sorted(touched):
            self._refresh_topic(conn, tables, topic)

    def _supersede(
        self, conn: Connection, figures: Table, pending: list[dict[str, Any]], event: StoredEvent
    ) -> set[str]:
        touched = set()
        for row in pending:
            if row["stream_id"] == event.stream_id and row["superseded_at"] is None:
                row["superseded_at"] = event.position
                touched.add(row["topic"])
        live = and_(figures.c.stream_id == event.stream_id, figures.c.superseded_at.is_(None))
        touched.update(conn.execute(select(figures.c.topic).where(live).distinct()).scalars())
        conn.execute(figures.update().where(live).values(superseded_at=event.position))
        return touched

    def _refresh_topic(self, conn: Connection, tables: Tables, topic: str) -> None:
        figures, topics = tables["figures"], tables["estimate_topics"]
        live = and_(figures.c.topic == topic, figures.c.superseded_at.is_(None))
        count = conn.execute(select(func.count()).where(live)).scalar() or 0
        conn.execute(topics.delete().where(topics.c.topic == topic))
        if not count:
            return
        current = conn.execute(
            select(figures.c.figure_id, figures.c.category, figures.c.actor)
            .where(live)
            .order_by(
                figures.c.effective_at.desc(), figures.c.position.desc(), figures.c.start.desc()
            )
            .limit(1)
        ).one()
        conn.execute(
            topics.insert().values(
                topic=topic,
                category=current.category,
                actor=current.actor,
                figure_count=count,
                current_figure_id=current.figure_id,
            )
        )


def figure_rows(event: StoredEvent) -> list[dict[str, Any]]:
    """The view rows of one `ReportObserved` event: one per scored claim, in text order."""
    p = event.payload
    published = iso_utc(p.get("published_at"))
    observed = iso_utc(p["observed_at"])
    claims = extract(p["text"], p.get("published_at"))
    rows = []
    for index, claim in enumerate(c for c in claims if c.category in SCORED_CATEGORIES):
        rows.append(
            {
                "figure_id": f"{event.position}-{index}",
                "position": event.position,
                "event_id": event.event_id,
                "stream_id": event.stream_id,
                "source_id": p["source_id"],
                "item_key": p["item_key"],
                "revision": p.get("revision", 1),
                "content_sha256": p["content_sha256"],
                "url": p.get("url"),
                "title": p.get("title"),
                "published_at": published,
                "observed_at": observed,
                "effective_at": published or observed,
                "sentence": claim.sentence,
                "sentence_start": claim.sentence_start,
                "start": claim.start,
                "end": claim.end,
                "text": claim.text,
                "low": claim.low,
                "high": claim.high,
                "qualifier": claim.qualifier,
                "vague": claim.vague,
                "category": claim.category,
                "subject": claim.subject,
                "actor": claim.actor,
                "location": claim.location,
                "attribution": claim.attribution,
                "hedged": claim.hedged,
                "rules": orjson.dumps(list(claim.rules)).decode(),
                "extractor_version": EXTRACTOR_VERSION,
                "topic": topic_key(claim.category, claim.actor),
                "superseded_at": None,
            }
        )
    return rows
