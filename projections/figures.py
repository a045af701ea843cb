"""The `figures` view (one row per figure claim, with its provenance) and `estimate_topics`
(one row per topic with its figure count and current estimate).

A new revision of a report supersedes the figures of the one before: they stay in the view,
marked with the position that superseded them, so "what did we know at position N" remains a
query. The projector's version includes the extractor's, so a new extractor rebuilds the view.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, NamedTuple

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
    bindparam,
    func,
    select,
)

from events import Recorded, ReportObserved
from projections import origins, topic_summary
from projections.bulk import insert_many
from projections.extraction import EXTRACTOR_VERSION, SCORED_CATEGORIES, extract
from projections.judgments import JudgmentsProjector
from projections.nearcopies import signature
from projections.projector import Batch, Tables
from projections.readahead import RowsAhead
from projections.state import active_generation, tables_of
from projections.timefmt import iso_utc
from projections.topics import topic_key

_JUDGMENTS = JudgmentsProjector()


class FiguresProjector:
    name = "figures"
    # 3: each figure's origin (near-copies of a text count as one; projections.origins)
    # 4: claimant, earlier, period and kind; equipment topics by kind
    # 5: a band key records at most origins.BAND_MEMBERS texts
    # 6: each topic's summary for the listing (projections.topic_summary)
    # 7: topics left stale to the end of a catch-up (topic_pending)
    # 8: a figure dated before a topic's latest goes in among its steps (topic_steps by time)
    # 9: near_bands keyed (band key, position), without a rowid
    version = f"9+extractor-{EXTRACTOR_VERSION}"

    def __init__(self) -> None:
        self._ahead: RowsAhead | None = None

    def read_ahead(self, events: Batch, workers: int) -> None:
        """Begin extracting `events` in worker processes; `apply` takes the rows when it
        reaches them (see `projections.readahead`)."""
        if self._ahead is None:
            self._ahead = RowsAhead(report_fields, rows_from_fields, workers)
        self._ahead.submit([e for e in events if isinstance(e.data, ReportObserved)])

    def end_read_ahead(self) -> int:
        taken = 0
        if self._ahead is not None:
            taken = self._ahead.taken
            self._ahead.close()
            self._ahead = None
        return taken

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
            Column("origin_sha256", String(64), nullable=False),
            Column("claimant", Text),
            Column("earlier", Boolean, nullable=False),
            Column("period", String(8)),
            Column("kind", String(24)),
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
        return {
            "figures": figures,
            "estimate_topics": topics,
            **origins.define_tables(metadata, suffix),
            **topic_summary.define_tables(metadata, suffix),
            # The judgments as this view has seen them, for the summaries (see topic_summary).
            "judgments_seen": _JUDGMENTS.define_tables(metadata, f"_figures{suffix}")["judgments"],
        }

    def apply(self, conn: Connection, tables: Tables, batch: Batch) -> None:
        figures = tables["figures"]
        pending: list[dict[str, Any]] = []
        changes = _TopicChanges()
        ready = self._ahead.take(batch) if self._ahead is not None else {}
        texts: list[origins.Text] = []
        for event in batch:
            if not isinstance(event.data, ReportObserved):
                continue
            if event.data.revision > 1:
                self._supersede(conn, figures, pending, event, changes)
            made = ready.get(event.position)
            if made is None:
                made = figure_rows(event)
            if made.signature is not None:
                texts.append(
                    origins.Text(event.position, event.data.content_sha256, made.signature)
                )
            pending.extend(made.rows)
            for row in made.rows:
                changes.add(row)
        placed = origins.assign(conn, tables, texts)
        for row in pending:
            row["origin_sha256"] = placed[row["content_sha256"]]
        insert_many(conn, figures, pending)
        self._update_topics(conn, tables, changes)
        topic_summary.maintain(
            conn,
            tables,
            batch,
            [r["figure_id"] for r in pending if r["superseded_at"] is None],
            changes.superseded_topics,
            _JUDGMENTS.apply,
            summaries=self._live(conn, tables),
        )

    def _live(self, conn: Connection, tables: Tables) -> bool:
        """Whether `tables` are the generation readers use (else a rebuild is filling them,
        and `finish_rebuild` makes the topic summaries once at the end)."""
        gen = active_generation(conn, self.name)
        if gen is None:
            return False
        return tables_of(self, gen.generation)["figures"].name == tables["figures"].name

    def finish_rebuild(self, conn: Connection, tables: Tables) -> None:
        topic_summary.summarise_all(conn, tables)

    def finish_catch_up(self, conn: Connection, tables: Tables) -> None:
        topic_summary.finish_catch_up(conn, tables)

    def _supersede(
        self,
        conn: Connection,
        figures: Table,
        pending: list[dict[str, Any]],
        event: Recorded,
        changes: _TopicChanges,
    ) -> None:
        for row in pending:
            if row["stream_id"] == event.stream_id and row["superseded_at"] is None:
                row["superseded_at"] = event.position
                changes.remove(row["topic"], row["figure_id"])
        live = and_(figures.c.stream_id == event.stream_id, figures.c.superseded_at.is_(None))
        for topic, figure_id in conn.execute(
            select(figures.c.topic, figures.c.figure_id).where(live)
        ):
            changes.remove(topic, figure_id)
        conn.execute(figures.update().where(live).values(superseded_at=event.position))

    def _update_topics(self, conn: Connection, tables: Tables, changes: _TopicChanges) -> None:
        """Move each touched topic's count and current figure by the batch's changes; only a
        topic whose current figure was superseded is recounted from the view."""
        figures, topics = tables["figures"], tables["estimate_topics"]
        if not changes.touched:
            return
        stored = {
            r.topic: r
            for r in conn.execute(
                select(
                    topics.c.topic,
                    topics.c.figure_count,
                    topics.c.current_figure_id,
                    *(figures.c[k] for k in _ORDER),
                    figures.c.category,
                    figures.c.actor,
                )
                .join(figures, figures.c.figure_id == topics.c.current_figure_id)
                .where(topics.c.topic.in_(sorted(changes.touched)))
            )
        }
        inserts, updates, deletes = [], [], []
        for topic in sorted(changes.touched):
            old = stored.get(topic)
            if old is not None and old.current_figure_id in changes.removed_ids:
                changes.recount.add(topic)
            if topic in changes.recount:
                row = self._recount(conn, figures, topic)
            else:
                best = changes.best.get(topic)
                if old is not None and (best is None or _order(old) > _order(best)):
                    best = dict(old._mapping, figure_id=old.current_figure_id)
                count = (old.figure_count if old is not None else 0) + changes.delta[topic]
                row = _topic_row(topic, count, best) if best is not None and count else None
            if row is None:
                if old is not None:
                    deletes.append({"key": topic})
            elif old is None:
                inserts.append(row)
            else:
                updates.append({**row, "key": row.pop("topic")})
        if deletes:
            conn.execute(topics.delete().where(topics.c.topic == bindparam("key")), deletes)
        if updates:
            conn.execute(topics.update().where(topics.c.topic == bindparam("key")), updates)
        if inserts:
            conn.execute(topics.insert(), inserts)

    def _recount(self, conn: Connection, figures: Table, topic: str) -> dict[str, Any] | None:
        live = and_(figures.c.topic == topic, figures.c.superseded_at.is_(None))
        count = conn.execute(select(func.count()).select_from(figures).where(live)).scalar() or 0
        if not count:
            return None
        current = conn.execute(
            select(figures.c.figure_id, figures.c.category, figures.c.actor)
            .where(live)
            .order_by(*(figures.c[k].desc() for k in _ORDER))
            .limit(1)
        ).one()
        return _topic_row(topic, count, current._mapping)


_ORDER = ("effective_at", "position", "start")


def _order(row: Any) -> tuple[Any, ...]:
    get = row.__getitem__ if isinstance(row, dict) else row._mapping.__getitem__
    return tuple(get(k) for k in _ORDER)


def _topic_row(topic: str, count: int, current: Any) -> dict[str, Any]:
    return {
        "topic": topic,
        "category": current["category"],
        "actor": current["actor"],
        "figure_count": count,
        "current_figure_id": current["figure_id"],
    }


class _TopicChanges:
    """What one batch does to each topic: figures added and superseded, and the newest added."""

    def __init__(self) -> None:
        self.delta: dict[str, int] = defaultdict(int)
        self.best: dict[str, dict[str, Any]] = {}
        self.removed_ids: set[str] = set()
        self.superseded_topics: set[str] = set()
        self.recount: set[str] = set()

    @property
    def touched(self) -> set[str]:
        return set(self.delta)

    def add(self, row: dict[str, Any]) -> None:
        topic = row["topic"]
        self.delta[topic] += 1
        best = self.best.get(topic)
        if best is None or _order(row) > _order(best):
            self.best[topic] = row

    def remove(self, topic: str, figure_id: str) -> None:
        self.delta[topic] -= 1
        self.removed_ids.add(figure_id)
        self.superseded_topics.add(topic)
        best = self.best.get(topic)
        if best is not None and best["figure_id"] == figure_id:
            # The newest added figure was superseded in the same batch: count again.
            self.recount.add(topic)


# The event's fields that its figure rows need, as a flat tuple of strings and numbers: what
# worker processes are sent (it pickles several times faster than the event with its model).
ReportFields = tuple[Any, ...]


def report_fields(event: Recorded[ReportObserved]) -> ReportFields:
    r = event.data
    return (
        event.position,
        event.event_id,
        event.stream_id,
        r.source_id,
        r.item_key,
        r.revision,
        r.content_sha256,
        r.url,
        r.title,
        iso_utc(r.published_at),
        iso_utc(r.observed_at),
        r.text,
    )


class ReportRows(NamedTuple):
    """What one report gives the view: a row per scored claim, in text order, and the text's
    near-copy signature when it has any (`projections.origins`)."""

    rows: list[dict[str, Any]]
    signature: bytes | None


def figure_rows(event: Recorded[ReportObserved]) -> ReportRows:
    """The view rows of one `ReportObserved` event."""
    return rows_from_fields(report_fields(event))


def rows_from_fields(fields: ReportFields) -> ReportRows:
    """`figure_rows` from the flat fields of `report_fields` (a pure function, run in worker
    processes during a long replay). `origin_sha256` is set when the batch is applied."""
    (
        position,
        event_id,
        stream_id,
        source_id,
        item_key,
        revision,
        content_sha256,
        url,
        title,
        published,
        observed,
        text,
    ) = fields
    claims = extract(text, published)
    rows = []
    for index, claim in enumerate(c for c in claims if c.category in SCORED_CATEGORIES):
        rows.append(
            {
                "figure_id": f"{position}-{index}",
                "position": position,
                "event_id": event_id,
                "stream_id": stream_id,
                "source_id": source_id,
                "item_key": item_key,
                "revision": revision or 1,
                "content_sha256": content_sha256,
                "url": url,
                "title": title,
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
                "topic": topic_key(claim.category, claim.actor, claim.kind),
                "superseded_at": None,
                "origin_sha256": None,
                "claimant": claim.claimant,
                "earlier": claim.earlier,
                "period": claim.period,
                "kind": claim.kind,
            }
        )
    return ReportRows(rows, signature(text) if rows else None)
