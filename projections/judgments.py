"""The `judgments` view: every analyst's judgment with who, when and why, and when (if ever) a
later judgment withdrew it.

Judgments are applied to the figures when they are read (`projections.judging`), not written
into the figures view: the figures view stays what the extractor read, a judgment keeps naming
the figure it was made about (its report revision, span and value), and "the views as of
position P" takes only the judgments made by then, like everything else in an audit.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Index,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
)

from events import ClaimantsMerged, ClaimantsSplit, FigureJudged, Judgment, SourcesLinked
from projections.bulk import insert_many
from projections.projector import Batch, Tables
from projections.timefmt import iso_utc

KINDS = {
    FigureJudged: "figure",
    SourcesLinked: "sources",
    ClaimantsMerged: "claimants",
    ClaimantsSplit: "split",
}


class JudgmentsProjector:
    name = "judgments"
    version = "1"

    def define_tables(self, metadata: MetaData, suffix: str) -> Tables:
        table = Table(
            f"judgments{suffix}",
            metadata,
            Column("event_id", String(36), primary_key=True),
            Column("position", BigInteger, nullable=False),
            Column("kind", String(16), nullable=False),
            Column("judged_at", String(40), nullable=False),
            Column("author", Text, nullable=False),
            Column("role", Text),
            Column("reason", Text, nullable=False),
            Column("withdraws", String(36)),
            Column("withdrawn_at", BigInteger),
            Column("withdrawn_by", String(36)),
            Column("detail", Text, nullable=False),  # the event's payload, canonical JSON
            Index(f"ix_judgments{suffix}_position", "position"),
        )
        return {"judgments": table}

    def apply(self, conn: Connection, tables: Tables, batch: Batch) -> None:
        table = tables["judgments"]
        rows = []
        withdrawals = []
        for event in batch:
            j = event.data
            if not isinstance(j, Judgment):
                continue
            rows.append(
                {
                    "event_id": event.event_id,
                    "position": event.position,
                    "kind": KINDS[type(j)],
                    "judged_at": iso_utc(j.judged_at),
                    "author": j.author,
                    "role": j.role,
                    "reason": j.reason,
                    "withdraws": j.withdraws,
                    "withdrawn_at": None,
                    "withdrawn_by": None,
                    "detail": j.model_dump_json(),
                }
            )
            if j.withdraws:
                withdrawals.append({"key": j.withdraws, "at": event.position, "by": event.event_id})
        insert_many(conn, table, rows)
        for w in withdrawals:
            # Within one batch the withdrawn judgment may be among the rows just inserted.
            conn.execute(
                table.update()
                .where((table.c.event_id == bindparam("key")) & table.c.withdrawn_at.is_(None))
                .values(withdrawn_at=bindparam("at"), withdrawn_by=bindparam("by")),
                w,
            )
