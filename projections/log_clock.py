"""The `log_clock` view: the log positions at which its observed time first passes a moment.

`--as-of TIME` means the longest prefix of the log whose events were all observed at or before
TIME, which ends just before the first event observed later. Observed times are not in log
order (a backfill appends old observations late), but their running maximum is: this view keeps
a row each time the running maximum rises, so that first event is one indexed lookup instead of
a read of the whole log. Most rows come from the first event of an ingestion run, since the
events of one run share their observed time.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Connection, Index, MetaData, String, Table, func, select

from events import EventStore, Recorded, decode
from projections.bulk import insert_many
from projections.projector import Batch, Tables
from projections.state import active_generation, tables_of
from projections.timefmt import iso_utc


def observed_time(event: Recorded) -> str:
    """When we saw an event: its `observed_at`, else the log's own `recorded_at`."""
    moment = event.data.moment
    return iso_utc(moment) if moment is not None else event.recorded_at


class LogClockProjector:
    name = "log_clock"
    version = "1"

    def define_tables(self, metadata: MetaData, suffix: str) -> Tables:
        table = Table(
            f"log_clock{suffix}",
            metadata,
            Column("position", BigInteger, primary_key=True),
            Column("observed_at", String(40), nullable=False),
            Index(f"ix_log_clock{suffix}_observed", "observed_at"),
        )
        return {"log_clock": table}

    def apply(self, conn: Connection, tables: Tables, batch: Batch) -> None:
        table = tables["log_clock"]
        highest = conn.execute(select(func.max(table.c.observed_at))).scalar()
        rises = []
        for event in batch:
            moment = observed_time(event)
            if highest is None or moment > highest:
                rises.append({"position": event.position, "observed_at": moment})
                highest = moment
        insert_many(conn, table, rises)


def position_as_of(store: EventStore, moment: str) -> int:
    """The last position of the longest log prefix observed at or before `moment` (0: none).

    Looks it up in the `log_clock` view as far as the view has caught up, and reads only the
    log after the view's checkpoint (all of it when the view has not been built)."""
    projector = LogClockProjector()
    checkpoint = 0
    with store.db.connect() as conn:
        gen = active_generation(conn, projector.name)
        if gen is not None and gen.version == projector.version:
            table = tables_of(projector, gen.generation)["log_clock"]
            first_later = conn.execute(
                select(func.min(table.c.position)).where(
                    (table.c.observed_at > moment) & (table.c.position <= gen.position)
                )
            ).scalar()
            if first_later is not None:
                return int(first_later) - 1
            checkpoint = gen.position
    last = checkpoint
    for event in store.read(after=checkpoint):
        if observed_time(decode(event)) > moment:
            break
        last = event.position
    return last
