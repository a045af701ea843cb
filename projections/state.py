"""Checkpoints and generations of the views, and the lookup of a projector's live tables.

A reader that asks for several views in one go (a web request does it half a dozen times) can
pin the live generations it read once (`pinned`): every `active_generation` inside then answers
from that snapshot, so the request reads the same generations throughout and queries
`projection_state` once. Nothing that writes views may run under a pin.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    select,
)

from events import Database
from projections.projector import Projector, Tables

state_metadata = MetaData()

# One row per (projector, generation). `active` marks the generation readers use; at most one
# other row is a rebuild in progress.
projection_state = Table(
    "projection_state",
    state_metadata,
    Column("name", String(64), nullable=False),
    Column("generation", Integer, nullable=False),
    Column("version", String(64), nullable=False),
    Column("position", BigInteger, nullable=False),
    Column("active", Boolean, nullable=False),
    PrimaryKeyConstraint("name", "generation"),
)


@dataclass(frozen=True, slots=True)
class Generation:
    name: str
    generation: int
    version: str
    position: int
    active: bool


_table_cache: dict[tuple[str, int], Tables] = {}


def tables_of(projector: Projector, generation: int) -> Tables:
    """The Table objects of one generation (cached: SQLAlchemy tables are costly to declare)."""
    key = (projector.name, generation)
    if key not in _table_cache:
        _table_cache[key] = projector.define_tables(MetaData(), f"_g{generation}")
    return _table_cache[key]


def generations(conn: Connection, name: str) -> list[Generation]:
    rows = conn.execute(
        select(projection_state)
        .where(projection_state.c.name == name)
        .order_by(projection_state.c.generation)
    ).all()
    return [
        Generation(r.name, r.generation, r.version, int(r.position), bool(r.active)) for r in rows
    ]


_pinned: ContextVar[dict[str, Generation] | None] = ContextVar("pinned_generations", default=None)


@contextmanager
def pinned(live: Iterable[Generation]) -> Iterator[None]:
    """Answer `active_generation` from `live` (every live generation, read in one query)
    until the block ends, in this context only (a thread or task of its own)."""
    token = _pinned.set({g.name: g for g in live if g.active})
    try:
        yield
    finally:
        _pinned.reset(token)


def active_generation(conn: Connection, name: str) -> Generation | None:
    snapshot = _pinned.get()
    if snapshot is not None:
        return snapshot.get(name)
    for gen in generations(conn, name):
        if gen.active:
            return gen
    return None


def lock_view(db: Database, conn: Connection, name: str) -> None:
    """Serialise changes to one view's generations across processes, until commit."""
    db.lock(conn, f"view:{name}")


def live_tables(conn: Connection, projector: Projector) -> Tables | None:
    """The tables readers should query, or None when the view has never been built."""
    gen = active_generation(conn, projector.name)
    return tables_of(projector, gen.generation) if gen else None
