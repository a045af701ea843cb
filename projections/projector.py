"""What a projector is: a name, a version, the tables it owns and how it applies a batch.

A projector is deterministic (no clock, no randomness, no network): the same events always give
the same rows, which is what lets a replay prove a view. Tables are built per *generation*
(`figures_g3`) so a rebuild can fill new tables beside the live ones and switch in one step.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from sqlalchemy import Connection, MetaData, Table

from events import Database, Recorded

Tables = dict[str, Table]
Batch = Sequence[Recorded]


class Projector(Protocol):
    name: str
    version: str

    def define_tables(self, metadata: MetaData, suffix: str) -> Tables:
        """Declare this projector's tables, each name ending in `suffix`."""
        ...

    def apply(self, conn: Connection, tables: Tables, batch: Batch) -> None:
        """Apply `batch` (in log order, each event decoded into its model) inside the runner's
        transaction."""
        ...


@runtime_checkable
class ReadsAhead(Protocol):
    """A projector whose costly, pure part can start on events before `apply` gets them."""

    def read_ahead(self, events: Batch, workers: int) -> None:
        """Start work on `events`, which a later `apply` will be given."""
        ...

    def end_read_ahead(self) -> int:
        """Drop what was started, stop any workers; how many events' work they did."""
        ...


@runtime_checkable
class HasStorage(Protocol):
    """A projector whose view needs storage a `Table` cannot declare (a full-text index). The
    runner calls these in the transaction that creates or drops the generation's tables, so the
    storage lives and dies with them; its SQL is the projector's own, per dialect
    (`db.pick`)."""

    def create_storage(self, db: Database, conn: Connection, tables: Tables) -> None:
        """Make the extra storage of freshly created `tables`."""
        ...

    def drop_storage(self, db: Database, conn: Connection, tables: Tables) -> None:
        """Remove it, before `tables` are dropped."""
        ...


@runtime_checkable
class FinishesCatchUp(Protocol):
    """A projector that leaves part of its view's upkeep to the end of a catch-up: work that
    a backlog would otherwise repeat batch after batch. The runner calls it in the
    transaction that finds no more events, for the generation it brought up to date."""

    def finish_catch_up(self, conn: Connection, tables: Tables) -> None:
        """Complete what the batches of a catch-up left to its end in `tables`."""
        ...


@runtime_checkable
class FinishesRebuild(Protocol):
    """A projector that leaves part of its view to the end of a rebuild: work that costs
    more batch by batch than once over the whole view, and which readers cannot see before
    the switch anyway. The runner calls it in the switch's transaction."""

    def finish_rebuild(self, conn: Connection, tables: Tables) -> None:
        """Complete a rebuilt generation's `tables` before readers switch to them."""
        ...
