"""Per-source polling state, in a table of its own in the log's database.

Operational state, not history: when each source is next due, how many polls in a row failed,
the validators of its last response (ETag / Last-Modified), whether it answered 410 Gone, the
last successful poll (even one that found nothing new), and who holds its lease. History (what
was seen, what failed) is in the log.

Schedulers coordinate here, never through APScheduler's job store (which cannot be shared
between processes). A scheduler *leases* a due source before polling it: it claims up to N rows
that are due, not gone and not leased, soonest due first (`Database.claim`: `FOR UPDATE SKIP
LOCKED` on PostgreSQL, a select-then-update inside SQLite's `BEGIN IMMEDIATE`, which already
excludes every other writer). `claim_batch` takes a batch of them in one transaction, found
through the index on `next_due`, so each due source is touched by one scheduler only. The
lease expires, so a dead node's sources are taken over; a poll that outlives its lease at
worst repeats one, and ingestion's content-derived event ids make the repeat append nothing.
On SQLite only one scheduler may run at all: it holds the `scheduler_lease` row and renews it
with a heartbeat; a second one is refused with `SchedulerBusy`.

Times are UTC epoch seconds (floats) from the callers' clocks, which are assumed NTP-synced.
"""

from __future__ import annotations

import itertools
import os
import socket
import uuid
from collections.abc import Collection, Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Connection,
    Double,
    Integer,
    MetaData,
    Table,
    Text,
    Update,
    bindparam,
    select,
    text,
    update,
)

from events import Component, Database, Step
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

# The claim's search: due rows, soonest first. Made by the component's second step (not part
# of the table above, which is step 1 as it was), so a database made before it gets the index
# on upgrade and a new one gets it through both steps.
NEXT_DUE_INDEX = "poll_state_next_due"

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


def _create_tables(conn: Connection, _db: Database) -> None:
    """Step 1, as it was: the two tables, without the index on `next_due` (step 2)."""
    poll_metadata.create_all(conn)


def _index_next_due(conn: Connection, _db: Database) -> None:
    conn.execute(text(f"CREATE INDEX IF NOT EXISTS {NEXT_DUE_INDEX} ON poll_state (next_due)"))


def _adopt(conn: Connection) -> int:
    """A database made before the registry: both tables exist once a source was polled."""
    has = conn.dialect.has_table
    return 1 if has(conn, poll_state.name) and has(conn, scheduler_lease.name) else 0


COMPONENT = Component(
    "ingest",
    (
        Step("poll_state, scheduler_lease: when each source is due, who polls it", _create_tables),
        Step(
            "poll_state: an index on next_due, for claiming due sources in batches", _index_next_due
        ),
    ),
    _adopt,
)


def sync_sources(db: Database, sources: Iterable[tuple[str, str]], now: float) -> None:
    """Give every (source id, location) a row, due now. A source whose URL or path changed
    starts afresh: its validators, failures and a 410 belonged to the old location.

    A thousand sources at a time, in one transaction: the rows already stored are read for
    those ids only, so what this holds does not grow with the file (at 10,000 sources the
    whole table read into a dict, with every id and location, was a peak of its own)."""
    pairs = iter(sources)
    with db.transaction() as conn:
        while chunk := dict(itertools.islice(pairs, 1000)):
            _sync_chunk(db, conn, chunk, now)


def _sync_chunk(db: Database, conn: Connection, pairs: dict[str, str], now: float) -> None:
    c = poll_state.c
    existing = {
        row.source_id: row.location
        for row in conn.execute(select(c.source_id, c.location).where(c.source_id.in_(list(pairs))))
    }
    rows = [
        {
            "source_id": source_id,
            "location": location,
            "next_due": now,
            "consecutive_failures": 0,
            "gone": False,
        }
        for source_id, location in pairs.items()
        if source_id not in existing
    ]
    if rows:
        # A concurrent scheduler may add the same rows meanwhile: theirs stand.
        db.upsert(conn, poll_state, rows, key=["source_id"])
    for source_id, location in pairs.items():
        if source_id in existing and existing[source_id] != location:
            conn.execute(
                update(poll_state)
                .where(c.source_id == source_id)
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


def lease_due(
    db: Database,
    owner: str,
    source_ids: Sequence[str],
    now: float,
    lease_seconds: float,
    limit: int | None = None,
    due_only: bool = True,
) -> list[str]:
    """Lease up to `limit` of `source_ids` that are due (or any, with `due_only=False`: a
    person asked for a poll now), not gone and not leased by anyone (an expired lease counts as
    free). Returns the ids this owner now holds."""
    if not source_ids:
        return []
    c = poll_state.c
    due = c.source_id.in_(list(source_ids)) & _free(now)
    if due_only:
        due = due & (c.next_due <= now)
    with db.transaction() as conn:
        count = limit if limit is not None else len(source_ids)
        ids = _claim(db, conn, due, count, owner, now + lease_seconds)
    return sorted(str(i) for i in ids)


@dataclass(frozen=True, slots=True)
class Claim:
    """What one claim did: the states of the sources it leased (soonest due first), the ids
    of rows it gave back as not `ours`, and, when it leased nothing, when the soonest free
    row falls due (None when none is free or it leased something): how long an idle
    scheduler may sleep before its next claim can find anything."""

    states: list[PollState]
    foreign: list[str]
    soonest_due: float | None = None


def claim_due(
    db: Database,
    owner: str,
    now: float,
    lease_seconds: float,
    limit: int,
    ours: Container[str],
    skip: Collection[str] = (),
) -> tuple[list[PollState], list[str]]:
    """`claim_batch` without the soonest due time: the leased states and the foreign ids."""
    claim = claim_batch(db, owner, now, lease_seconds, limit, ours, skip)
    return claim.states, claim.foreign


def claim_batch(
    db: Database,
    owner: str,
    now: float,
    lease_seconds: float,
    limit: int,
    ours: Container[str],
    skip: Collection[str] = (),
) -> Claim:
    """Lease up to `limit` due, free sources, soonest due first, and return their states, in
    one transaction: what a scheduler's claim tick does.

    The search is not limited to this scheduler's sources (a list of 10,000 ids in every
    claim would cost more than the claim), so a row that is not `ours` (a source removed from
    the file, or another file's on the same database) is given back at once, untouched, in
    the same transaction, and returned in the second list: the caller passes those ids in
    `skip` from then on (a `NOT IN` list: cheap for a few removed sources, not meant for two
    large files sharing one database)."""
    c = poll_state.c
    due = (c.next_due <= now) & _free(now)
    if skip:
        due = due & c.source_id.not_in(list(skip))
    with db.transaction() as conn:
        ids = [str(i) for i in _claim(db, conn, due, limit, owner, now + lease_seconds)]
        foreign = [i for i in ids if i not in ours]
        if foreign:
            conn.execute(
                update(poll_state)
                .where(c.source_id.in_(foreign), c.lease_owner == owner)
                .values(lease_owner=None, lease_until=None)
            )
        mine = [i for i in ids if i in ours]
        rows = conn.execute(select(poll_state).where(c.source_id.in_(mine))).all() if mine else []
        soonest = None
        if not ids:
            # Nothing due: read when the next free row is, in the same snapshot, so an idle
            # scheduler can sleep until then instead of claiming nothing every tick. The
            # index on next_due finds it; held rows are skipped by the filter (a few dozen).
            free = _free(now)
            if skip:
                free = free & c.source_id.not_in(list(skip))
            found = conn.execute(
                select(c.next_due).where(free).order_by(c.next_due).limit(1)
            ).scalar()
            soonest = float(found) if found is not None else None
    states = sorted((_state(r) for r in rows), key=lambda s: s.next_due)
    return Claim(states, foreign, soonest)


def lease_one(
    db: Database, owner: str, source_id: str, now: float, lease_seconds: float
) -> tuple[bool, PollState | None]:
    """Lease `source_id` if it is due, not gone and free, and return whether this owner now
    holds it together with its state, in one transaction.

    A scheduler's job needs both every time it fires: the state to poll with when it won the
    lease (its validators and failure count), or to learn when to look again when it did not.
    Reading it in the lease's own transaction saves a round trip per look, and most looks are
    lost ones: with N schedulers every due source is looked at N times and polled once."""
    c = poll_state.c
    due = (c.source_id == source_id) & _free(now) & (c.next_due <= now)
    with db.transaction() as conn:
        ids = _claim(db, conn, due, 1, owner, now + lease_seconds)
        row = conn.execute(select(poll_state).where(c.source_id == source_id)).first()
    return bool(ids), (_state(row) if row is not None else None)


def _free(now: float) -> ColumnElement[bool]:
    """Not gone, and leased by nobody (an expired lease counts as free)."""
    c = poll_state.c
    return c.gone.is_(False) & (c.lease_until.is_(None) | (c.lease_until < now))


def _claim(
    db: Database, conn: Connection, due: ColumnElement[bool], count: int, owner: str, until: float
) -> list[Any]:
    """Lease up to `count` rows matching `due`, soonest due first; the ids this owner took."""
    values = {"lease_owner": owner, "lease_until": until}
    return db.claim(conn, poll_state, "source_id", due, [poll_state.c.next_due], count, values)


def release(db: Database, owner: str, source_id: str, **values: Any) -> bool:
    """Write a poll's outcome and give the lease back. False when the lease had expired and
    another owner took the source meanwhile: the outcome is then theirs to write."""
    statement = _release_statement(tuple(sorted(values)))
    params = {"_source_id": source_id, "_owner": owner}
    params.update({f"_v_{name}": value for name, value in values.items()})
    with db.transaction() as conn:
        return conn.execute(statement, params).rowcount == 1


@lru_cache(maxsize=64)
def _release_statement(names: tuple[str, ...]) -> Update:
    """The give-back for one set of outcome columns, built once: every poll ends with one,
    and building and keying the statement anew cost as much CPU as running it."""
    c = poll_state.c
    return (
        update(poll_state)
        .where(c.source_id == bindparam("_source_id"), c.lease_owner == bindparam("_owner"))
        .values(lease_owner=None, lease_until=None, **{n: bindparam(f"_v_{n}") for n in names})
    )


def states(db: Database) -> dict[str, PollState]:
    """Every source's polling state (empty when nothing was ever polled from a sources file)."""
    with db.connect() as conn:
        rows = conn.execute(select(poll_state)).all()
    return {r.source_id: _state(r) for r in rows}


def state_of(db: Database, source_id: str) -> PollState | None:
    with db.connect() as conn:
        row = conn.execute(select(poll_state).where(poll_state.c.source_id == source_id)).first()
    return _state(row) if row is not None else None


def _state(r: Any) -> PollState:
    return PollState(
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


# -- the single-scheduler lease of SQLite ---------------------------------------------------


def acquire_scheduler(db: Database, owner: str, detail: str, now: float, ttl: float) -> None:
    """Become the one scheduler of this database, or raise `SchedulerBusy` naming the holder."""
    with db.transaction() as conn:
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


def renew_scheduler(db: Database, owner: str, now: float, ttl: float) -> bool:
    """Heartbeat; False if the lease was lost (this scheduler stalled and another took over)."""
    with db.transaction() as conn:
        moved = conn.execute(
            update(scheduler_lease)
            .where(scheduler_lease.c.id == 1, scheduler_lease.c.owner == owner)
            .values(until=now + ttl)
        )
        return moved.rowcount == 1


def release_scheduler(db: Database, owner: str) -> None:
    with db.transaction() as conn:
        conn.execute(
            scheduler_lease.delete().where(
                scheduler_lease.c.id == 1, scheduler_lease.c.owner == owner
            )
        )
