"""The `reports` view: one row per report (source + item) with its latest revision."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
)

from events import StoredEvent
from projections.projector import Tables


class ReportsProjector:
    name = "reports"
    version = "1"

    def define_tables(self, metadata: MetaData, suffix: str) -> Tables:
        reports = Table(
            f"reports{suffix}",
            metadata,
            Column("stream_id", Text, primary_key=True),
            Column("source_id", Text, nullable=False),
            Column("item_key", Text, nullable=False),
            Column("url", Text),
            Column("title", Text),
            Column("published_at", String(40)),
            Column("first_observed_at", String(40), nullable=False),
            Column("last_observed_at", String(40), nullable=False),
            Column("revision", Integer, nullable=False),
            Column("revision_count", Integer, nullable=False),
            Column("content_sha256", String(64), nullable=False),
            Column("position", BigInteger, nullable=False),
            Column("event_id", String(36), nullable=False),
        )
        return {"reports": reports}

    def apply(self, conn: Connection, tables: Tables, batch: Sequence[StoredEvent]) -> None:
        reports = tables["reports"]
        for event in batch:
            if event.type != "ReportObserved":
                continue
            p = event.payload
            values = {
                "source_id": p["source_id"],
                "item_key": p["item_key"],
                "url": p.get("url"),
                "title": p.get("title"),
                "published_at": p.get("published_at"),
                "last_observed_at": p["observed_at"],
                "revision": p.get("revision", 1),
                "content_sha256": p["content_sha256"],
                "position": event.position,
                "event_id": event.event_id,
            }
            count = conn.execute(
                select(reports.c.revision_count).where(reports.c.stream_id == event.stream_id)
            ).scalar()
            if count is None:
                conn.execute(
                    reports.insert().values(
                        stream_id=event.stream_id,
                        first_observed_at=p["observed_at"],
                        revision_count=1,
                        **values,
                    )
                )
            else:
                conn.execute(
                    reports.update()
                    .where(reports.c.stream_id == event.stream_id)
                    .values(revision_count=count + 1, **values)
                )
