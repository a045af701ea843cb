"""The `source_health` view: per source, what the log says about its coverage.

From the log alone (so a replay gives the same rows): reports seen (items), revisions, the last
report observed, the last failure (when, kind, HTTP status, message), failures in total and
failures since the last report, and whether the source said 410 Gone.

A successful poll that finds nothing new appends nothing (re-reading a source must not grow
the log), so it is not in this view: it is operational state kept by `ingest` in its polling
table, and `osint sources` joins the two. That command, not this projector, shows "last
success" and "consecutive failures" as the scheduler knows them.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Connection, Integer, MetaData, String, Table, Text, select

from events import FetchFailed, ReportObserved
from projections.projector import Batch, Tables
from projections.timefmt import iso_utc


class SourceHealthProjector:
    name = "source_health"
    version = "2"  # 2: times in the views' one fixed-width form

    def define_tables(self, metadata: MetaData, suffix: str) -> Tables:
        table = Table(
            f"source_health{suffix}",
            metadata,
            Column("source_id", Text, primary_key=True),
            Column("reports_seen", Integer, nullable=False),
            Column("revisions", Integer, nullable=False),
            Column("last_report_at", String(40)),
            Column("last_failure_at", String(40)),
            Column("last_failure_kind", String(64)),
            Column("last_failure_status", Integer),
            Column("last_failure_message", Text),
            Column("failures_total", Integer, nullable=False),
            Column("failures_since_report", Integer, nullable=False),
            Column("gone", Boolean, nullable=False),
        )
        return {"source_health": table}

    def apply(self, conn: Connection, tables: Tables, batch: Batch) -> None:
        table = tables["source_health"]
        rows: dict[str, dict] = {}
        for event in batch:
            p = event.data
            if not isinstance(p, ReportObserved | FetchFailed):
                continue
            source_id = p.source_id
            row = rows.get(source_id)
            if row is None:
                found = conn.execute(select(table).where(table.c.source_id == source_id)).first()
                row = dict(found._mapping) if found else _empty(source_id)
                row["_new"] = found is None
                rows[source_id] = row
            if isinstance(p, ReportObserved):
                if p.revision == 1:
                    row["reports_seen"] += 1
                row["revisions"] += 1
                row["last_report_at"] = iso_utc(p.observed_at)
                row["failures_since_report"] = 0
                row["gone"] = False
            else:
                row["last_failure_at"] = iso_utc(p.observed_at)
                row["last_failure_kind"] = p.error_kind
                row["last_failure_status"] = p.http_status
                row["last_failure_message"] = p.message
                row["failures_total"] += 1
                row["failures_since_report"] += 1
                row["gone"] = p.error_kind == "gone"
        for source_id, row in rows.items():
            new = row.pop("_new")
            if new:
                conn.execute(table.insert().values(**row))
            else:
                conn.execute(table.update().where(table.c.source_id == source_id).values(**row))


def _empty(source_id: str) -> dict:
    return {
        "source_id": source_id,
        "reports_seen": 0,
        "revisions": 0,
        "last_report_at": None,
        "last_failure_at": None,
        "last_failure_kind": None,
        "last_failure_status": None,
        "last_failure_message": None,
        "failures_total": 0,
        "failures_since_report": 0,
        "gone": False,
    }
