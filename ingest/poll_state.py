"""Per-source polling state, in a table of its own in the log's database.

Operational state, not history: when each source is next due, how many polls in a row failed,
the validators of its last response (ETag / Last-Modified), whether it answered 410 Gone, the
last successful poll (even one that found nothing new), and who holds its lease. History (what
was seen, what failed) is in the log.

Schedulers coordinate here, never through APScheduler's job store (which cannot be shared
between processes). A scheduler *leases* a due source before polling it:

    UPDATE poll_state SET lease_owner = :me, lease_until = :until
    WHERE source_id IN (SELECT source_id FROM poll_state
                        WHERE next_due <= :now AND NOT gone
                          AND (lease_until IS NULL OR lease_until < :now)
                        ORDER BY next_due FOR UPDATE SKIP LOCKED LIMIT :n)
    RETURNING source_id

on PostgreSQL (SQLite runs the same select-then-update inside `BEGIN IMMEDIATE`, which already
excludes every other writer). The lease expires, so a dead node's sources are taken over; a poll
that outlives its lease at worst repeats one, and ingestion's content-derived event ids make the
repeat append nothing. On SQLite only one scheduler may run at all: it holds the
`scheduler_lease` row and renews it with a heartbeat; a second one is refused with
`SchedulerBusy`.

Times are UTC epoch seconds (floats) from the callers' clocks, which are assumed NTP-synced.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Double,
    Integer,
    MetaData,
    Table,
    Text,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from events import EventStore
from ingest.errors import IngestError

poll_metadata = MetaData()

poll_state = Table(
    "poll_state",
    poll_metadata,
    Column("source_id", Text, primary_key=True),
    Column("location", Text, nullable=False),
    Column("next_due", Double, nullable=False),
    Column("consecutive_failures", Integer, nullable=False, default=0),
    Column("last_attempt_at", Double),
    Column("last_success_at", Double),
    Column("last_failure_at", Double),
    Column("last_error", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("gone", Boolean, nullable=False, default=False),
    Column("lease_owner", Text),
    Column("lease_until", Double),
)

scheduler_lease = Table(
    "scheduler_lease",
    poll_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("owner", Text, nullable=False),
    Column("detail", Text, nullable=False),
    Column("until", Double, nullable=False),
)


def new_owner() -> str:
    """A name for a poller in leases and messages: host, pid and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class SchedulerBusy(IngestError):
    """Another scheduler already runs against this (SQLite) database."""


@dataclass(frozen=True, slots=True)
class PollState:
    source_id: str
    location: str
    next_due: float
    consecutive_failures: int
    last_attempt_at: float | None
    last_success_at: float | None
    last_failure_at: float | None
    last_error: str | None
    etag: str | None
    last_modified: str | None
    gone: bool
    lease_owner: str | None
    lease_until: float | None


def ensure_tables(store: EventStore) -> None:
    """Create the tables once; concurrent first runs serialise on the schema lock."""
    with store.read_connection() as conn:
        if conn.dialect.has_table(conn, "poll_state") and conn.dialect.has_table(
            conn, "scheduler_lease"
        ):
            return
    with store.write() as conn:
        store.dialect.lock_schema(conn)
        poll_metadata.create_all(conn)


def _insert(conn: Connection) -> Any:
    return (postgresql if conn.dialect.name == "postgresql" else sqlite).insert


def sync_sources(store: EventStore, sources: Iterable[tuple[str, str]], now: float) -> None:
    """Give every (source id, location) a row, due now. A source whose URL or path changed
    starts afresh: its validators, failures and a 410 belonged to the old location."""
    pairs = dict(sources)
    with store.write() as conn:
        existing = {
            row.source_id: row.location
            for row in conn.execute(select(poll_state.c.source_id, poll_state.c.location))
        }
        for source_id, location in pairs.items():
            if source_id not in existing:
                conn.execute(
                    _insert(conn)(poll_state)
                    .values(
                        source_id=source_id,
                        location=location,
                        next_due=now,
                        consecutive_failures=0,
                        gone=False,
                    )
                    .on_conflict_do_nothing(index_elements=["source_id"])
                )
            elif existing[source_id] != location:
                conn.execute(
                    update(poll_state)
                    .where(poll_state.c.source_id == source_id)
                    .values(
                        location=location,
                        next_due=now,
                        consecutive_failures=0,
                        etag=None,
                        last_modified=None,
                        gone=False,
                        last_error=None,
                    )
                )


_PG_LEASE = text(
    """
    UPDATE poll_state SET lease_owner = :me, lease_until = :until
    WHERE source_id IN (
        SELECT source_id FROM poll_state
        WHERE source_id = ANY(:ids) AND next_due <= :now AND NOT gone
          AND (lease_until IS NULL OR lease_until < :now)
        ORDER BY next_due
        FOR UPDATE SKIP LOCKED
        LIMIT :n)
    RETURNING source_id
    """
)


def lease_due(
    store: EventStore,
    owner: str,
    source_ids: Sequence[str],
    now: float,
    lease_seconds: float,
    limit: int | None = None,
) -> list[str]:
    """Lease up to `limit` of `source_ids` that are due, not gone and not leased by anyone
    (an expired lease counts as free). Returns the ids this owner now holds."""
    if not source_ids:
        return []
    n = limit if limit is not None else len(source_ids)
    params = {"me": owner, "until": now + lease_seconds, "now": now, "n": n}
    with store.write() as conn:
        if conn.dialect.name == "postgresql":
            rows = conn.execute(_PG_LEASE, {**params, "ids": list(source_ids)}).all()
            return sorted(str(r[0]) for r in rows)
        free = (poll_state.c.lease_until.is_(None)) | (poll_state.c.lease_until < now)
        ids = [
            str(r[0])
            for r in conn.execute(
                select(poll_state.c.source_id)
                .where(
                    poll_state.c.source_id.in_(list(source_ids)),
                    poll_state.c.next_due <= now,
                    poll_state.c.gone.is_(False),
                    free,
                )
                .order_by(poll_state.c.next_due)
                .limit(n)
            )
        ]
        if ids:
            conn.execute(
                update(poll_state)
                .where(poll_state.c.source_id.in_(ids))
                .values(lease_owner=owner, lease_until=now + lease_seconds)
            )
        return sorted(ids)


def release(store: EventStore, owner: str, source_id: str, **values: Any) -> bool:
    """Write a poll's outcome and give the lease back. False when the lease had expired and
    another owner took the source meanwhile: the outcome is then theirs to write."""
    with store.write() as conn:
        moved = conn.execute(
            update(poll_state)
            .where(poll_state.c.source_id == source_id, poll_state.c.lease_owner == owner)
            .values(lease_owner=None, lease_until=None, **values)
        )
        return moved.rowcount == 1


def states(store: EventStore) -> dict[str, PollState]:
    """Every source's polling state (empty when nothing was ever polled from a sources file)."""
    with store.read_connection() as conn:
        if not conn.dialect.has_table(conn, "poll_state"):
            return {}
        rows = conn.execute(select(poll_state)).all()
    return {
        r.source_id: PollState(
            source_id=r.source_id,
            location=r.location,
            next_due=float(r.next_due),
            consecutive_failures=int(r.consecutive_failures or 0),
            last_attempt_at=r.last_attempt_at,
            last_success_at=r.last_success_at,
            last_failure_at=r.last_failure_at,
            last_error=r.last_error,
            etag=r.etag,
            last_modified=r.last_modified,
            gone=bool(r.gone),
            lease_owner=r.lease_owner,
            lease_until=r.lease_until,
        )
        for r in rows
    }


def state_of(store: EventStore, source_id: str) -> PollState | None:
    return states(store).get(source_id)


# -- the single-scheduler lease of SQLite ---------------------------------------------------


def acquire_scheduler(store: EventStore, owner: str, detail: str, now: float, ttl: float) -> None:
    """Become the one scheduler of this database, or raise `SchedulerBusy` naming the holder."""
    with store.write() as conn:
        row = conn.execute(select(scheduler_lease).where(scheduler_lease.c.id == 1)).first()
        if row is not None and row.owner != owner and row.until >= now:
            raise SchedulerBusy(
                f"another osint schedule ({row.detail}) is already running on this SQLite"
                " database; only one scheduler may run on SQLite (use PostgreSQL for several)"
            )
        if row is None:
            conn.execute(
                scheduler_lease.insert().values(id=1, owner=owner, detail=detail, until=now + ttl)
            )
        else:
            conn.execute(
                update(scheduler_lease)
                .where(scheduler_lease.c.id == 1)
                .values(owner=owner, detail=detail, until=now + ttl)
            )


def renew_scheduler(store: EventStore, owner: str, now: float, ttl: float) -> bool:
    """Heartbeat; False if the lease was lost (this scheduler stalled and another took over)."""
    with store.write() as conn:
        moved = conn.execute(
            update(scheduler_lease)
            .where(scheduler_lease.c.id == 1, scheduler_lease.c.owner == owner)
            .values(until=now + ttl)
        )
        return moved.rowcount == 1


def release_scheduler(store: EventStore, owner: str) -> None:
    with store.write() as conn:
        conn.execute(
            scheduler_lease.delete().where(
                scheduler_lease.c.id == 1, scheduler_lease.c.owner == owner
            )
        )
