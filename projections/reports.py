"""The `reports` view: one row per report (source + item) with its latest revision, and whether
the source has withdrawn it (a deleted post: the claim was still made, and its deletion is news
an analyst wants beside it, so the report's figures stay and are marked)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    select,
)

from events import ReportObserved, ReportWithdrawn
from projections.bulk import insert_many
from projections.projector import Batch, Tables
from projections.timefmt import iso_utc


class ReportsProjector:
    name = "reports"
    # 2: times in the views' one fixed-width form; 3: withdrawals; 4: indexed; 5: by source
    version = "5"

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
            Column("withdrawn_at", String(40)),
            Column("withdrawn_reason", Text),
            Column("withdrawn_position", BigInteger),
            # Audit asks for the withdrawn reports on every call: few rows, found by the index.
            Index(f"ix_reports{suffix}_withdrawn", "withdrawn_position"),
            # `osint show figure` counts its source's reports: a seek, not a scan of them all.
            Index(f"ix_reports{suffix}_source", "source_id"),
        )
        return {"reports": reports}

    def apply(self, conn: Connection, tables: Tables, batch: Batch) -> None:
        """Fold the batch per report first, then write each touched row once (executemany):
        one statement per batch instead of two per event."""
        reports = tables["reports"]
        folded: dict[str, dict[str, Any]] = {}
        withdrawn: dict[str, dict[str, Any]] = {}
        for event in batch:
            report = event.data
            if isinstance(report, ReportWithdrawn):
                withdrawn[event.stream_id] = {
                    "key": event.stream_id,
                    "withdrawn_at": iso_utc(report.observed_at),
                    "withdrawn_reason": report.reason,
                    "withdrawn_position": event.position,
                }
                continue
            if not isinstance(report, ReportObserved):
                continue
            withdrawn.pop(event.stream_id, None)  # seen again: carried again
            observed = iso_utc(report.observed_at)
            row = folded.get(event.stream_id)
            if row is None:
                row = folded[event.stream_id] = {
                    "stream_id": event.stream_id,
                    "first_observed_at": observed,
                    "added": 0,
                }
            row["added"] += 1
            row.update(
                source_id=report.source_id,
                item_key=report.item_key,
                url=report.url,
                title=report.title,
                published_at=iso_utc(report.published_at),
                last_observed_at=observed,
                revision=report.revision,
                content_sha256=report.content_sha256,
                position=event.position,
                event_id=event.event_id,
                withdrawn_at=None,
                withdrawn_reason=None,
                withdrawn_position=None,
            )
        self._write(conn, reports, folded)
        if withdrawn:
            conn.execute(
                reports.update().where(reports.c.stream_id == bindparam("key")),
                list(withdrawn.values()),
            )

    @staticmethod
    def _write(conn: Connection, reports: Table, folded: dict[str, dict[str, Any]]) -> None:
        if not folded:
            return
        known = dict(
            conn.execute(
                select(reports.c.stream_id, reports.c.revision_count).where(
                    reports.c.stream_id.in_(list(folded))
                )
            ).all()
        )
        inserts, updates = [], []
        for stream_id, row in folded.items():
            added = row.pop("added")
            if stream_id in known:
                del row["first_observed_at"]
                row["revision_count"] = known[stream_id] + added
                row["key"] = row.pop("stream_id")
                updates.append(row)
            else:
                row["revision_count"] = added
                inserts.append(row)
        insert_many(conn, reports, inserts)
        if updates:
            conn.execute(reports.update().where(reports.c.stream_id == bindparam("key")), updates)
