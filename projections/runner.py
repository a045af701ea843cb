"""The projector runner: reads a batch after a view's checkpoint, applies it and moves the
checkpoint in the same transaction, so a crash at any point leaves the view as if the batch
had never started.

The checkpoint moves by compare-and-set; if another process moved it first, the batch aborts and
nothing of it is kept. A projector whose version changed (a new extractor, say) is rebuilt into
a new generation of tables beside the live one, and readers switch over in one transaction
once it has caught up, so they never see a half-built view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from events import EventStore, Recorded, decode
from projections.errors import CheckpointMoved
from projections.projector import (
    FinishesCatchUp,
    FinishesRebuild,
    HasStorage,
    Projector,
    ReadsAhead,
)
from projections.readahead import default_worker_count
from projections.state import (
    Generation,
    generations,
    lock_view,
    projection_state,
    tables_of,
)

BATCH_SIZE = 500
READ_AHEAD_MIN_EVENTS = 5_000
_ATTEMPTS = 4
Progress = Callable[[int], None]


class ProjectionRunner:
    """Keeps a set of projectors' views caught up with the log."""

    def __init__(
        self,
        store: EventStore,
        projectors: Sequence[Projector],
        batch_size: int = BATCH_SIZE,
        workers: int | None = None,
    ) -> None:
        """`workers`: processes that extract ahead of the writes on a long catch-up (None: one
        fewer than the cores, at most 4; 0: none). The tables are the schema registry's
        (`projections.schema`), made when the application opened the database."""
        self.store = store
        self.db = store.db
        self.projectors = list(projectors)
        self.batch_size = batch_size
        self.workers = default_worker_count() if workers is None else workers
        self.read_ahead_min = READ_AHEAD_MIN_EVENTS
        self.events_read_ahead = 0  # events whose work worker processes did, for reports

    def position(self) -> int:
        """The log position every view has reached: the lowest checkpoint among the
        generations of each projector's current version (0 for a view not yet built)."""
        head, _ = self.store.head()
        with self.db.connect() as conn:
            lowest = head
            for projector in self.projectors:
                gens = [
                    g for g in generations(conn, projector.name) if g.version == projector.version
                ]
                lowest = min([lowest, *(g.position for g in gens)]) if gens else 0
        return lowest

    def pending(self) -> int:
        """How many events the most lagging view has still to apply."""
        return self.store.head()[0] - self.position()

    def catch_up(self, until: int | None = None, progress: Progress | None = None) -> int:
        """Bring every view up to the log's head (or `until`); return the event applications."""
        return self._run(rebuild=False, until=until, progress=progress)

    def replay(self, until: int | None = None, progress: Progress | None = None) -> int:
        """Rebuild every view from position 0 beside the live one, then switch over."""
        return self._run(rebuild=True, until=until, progress=progress)

    def _run(self, rebuild: bool, until: int | None, progress: Progress | None) -> int:
        applied = 0
        for attempt in range(_ATTEMPTS):
            try:
                targets = [(p, self._prepare(p, rebuild)) for p in self.projectors]
                applied += self._fill(targets, until, progress)
                for projector, target in targets:
                    if not target.active:
                        self._switch(projector, target)
                return applied
            except CheckpointMoved:
                # Another process switched or rebuilt a view meanwhile: look again.
                if attempt == _ATTEMPTS - 1:
                    raise
                rebuild = False
        return applied

    def _prepare(self, projector: Projector, rebuild: bool) -> Generation:
        """Pick the generation to fill: the live one, or a (new or resumed) rebuild."""
        with self.db.transaction() as conn:
            lock_view(self.db, conn, projector.name)
            gens = generations(conn, projector.name)
            active = next((g for g in gens if g.active), None)
            building = [g for g in gens if not g.active]
            if active and active.version == projector.version and not rebuild:
                for stale in building:
                    self._drop(conn, projector, stale)
                return active
            resumable = None
            for gen in building:
                if gen.version == projector.version and resumable is None and not rebuild:
                    resumable = gen
                else:
                    self._drop(conn, projector, gen)
            if resumable:
                return resumable
            number = max((g.generation for g in gens), default=0) + 1
            tables = tables_of(projector, number)
            for table in tables.values():
                table.create(conn, checkfirst=True)
            if isinstance(projector, HasStorage):
                projector.create_storage(self.db, conn, tables)
            conn.execute(
                insert(projection_state).values(
                    name=projector.name,
                    generation=number,
                    version=projector.version,
                    position=0,
                    active=False,
                )
            )
            return Generation(projector.name, number, projector.version, 0, False)

    def _fill(
        self,
        targets: list[tuple[Projector, Generation]],
        until: int | None,
        progress: Progress | None,
    ) -> int:
        """Apply batches to every target until all reach the end; each page of the log is read
        once for all views, and every view's batch and checkpoint commit together.

        On a long catch-up the next page is read in the same transaction and handed to the
        projectors that can start on it early (`ReadsAhead`), so worker processes extract it
        while this one writes. The log is immutable, so a page read one transaction early is
        the same page; only its tail may since have grown, which the next read picks up."""
        applied = 0
        keys = [
            (projection_state.c.name == p.name) & (projection_state.c.generation == t.generation)
            for p, t in targets
        ]
        ahead = self._readers_ahead(targets, until)
        page: list[Recorded] = []
        try:
            while True:
                with self.db.transaction() as conn:
                    checkpoints = []
                    for (projector, _), key in zip(targets, keys, strict=True):
                        checkpoint = conn.execute(
                            select(projection_state.c.position).where(key).with_for_update()
                        ).scalar()
                        if checkpoint is None:
                            raise CheckpointMoved(f"view {projector.name} was rebuilt elsewhere")
                        checkpoints.append(int(checkpoint))
                    start = min(checkpoints)
                    if page and page[0].position == start + 1:
                        batch = page
                    else:
                        batch = self._read_page(conn, start, until)
                    if not batch:
                        for projector, target in targets:
                            if isinstance(projector, FinishesCatchUp):
                                tables = tables_of(projector, target.generation)
                                projector.finish_catch_up(conn, tables)
                        return applied
                    page = []
                    if ahead:
                        page = self._read_page(conn, batch[-1].position, until)
                        for reader in ahead:
                            reader.read_ahead(page, self.workers)
                    done = self._apply(conn, targets, keys, checkpoints, batch)
                applied += done
                if progress:
                    progress(done)
        finally:
            for reader in ahead:
                self.events_read_ahead += reader.end_read_ahead()

    def _read_page(self, conn: Connection, after: int, until: int | None) -> list[Recorded]:
        """One page of the log after `after`, each event decoded into its model once, for
        every projector."""
        return [decode(e) for e in self.store.read_page(conn, after, self.batch_size, until)]

    def _apply(
        self,
        conn: Connection,
        targets: list[tuple[Projector, Generation]],
        keys: list[Any],
        checkpoints: list[int],
        batch: list[Recorded],
    ) -> int:
        """Apply one page to every view still behind it and move their checkpoints."""
        done = 0
        for (projector, target), key, checkpoint in zip(targets, keys, checkpoints, strict=True):
            mine = [e for e in batch if e.position > checkpoint]
            if not mine:
                continue
            projector.apply(conn, tables_of(projector, target.generation), mine)
            moved = conn.execute(
                update(projection_state)
                .where(key & (projection_state.c.position == checkpoint))
                .values(position=mine[-1].position)
            )
            if moved.rowcount != 1:
                raise CheckpointMoved(f"checkpoint of {projector.name} moved meanwhile")
            done += len(mine)
        return done

    def _readers_ahead(
        self, targets: list[tuple[Projector, Generation]], until: int | None
    ) -> list[ReadsAhead]:
        """The projectors to read ahead for: only when there are workers and enough to do
        that starting them (about half a second) pays."""
        readers = [p for p, _ in targets if isinstance(p, ReadsAhead)]
        if not readers or self.workers < 1:
            return []
        head, _ = self.store.head()
        end = head if until is None else min(head, until)
        behind = end - min(t.position for _, t in targets)
        return readers if behind >= self.read_ahead_min else []

    def _switch(self, projector: Projector, target: Generation) -> None:
        with self.db.transaction() as conn:
            lock_view(self.db, conn, projector.name)
            gens = {g.generation: g for g in generations(conn, projector.name)}
            mine = gens.get(target.generation)
            if mine is None:
                raise CheckpointMoved(f"view {projector.name} was rebuilt by another process")
            if mine.active:
                return
            if isinstance(projector, FinishesRebuild):
                projector.finish_rebuild(conn, tables_of(projector, target.generation))
            for gen in gens.values():
                if gen.active:
                    self._drop(conn, projector, gen)
            conn.execute(
                update(projection_state)
                .where(
                    (projection_state.c.name == projector.name)
                    & (projection_state.c.generation == target.generation)
                )
                .values(active=True)
            )

    def _drop(self, conn: Connection, projector: Projector, gen: Generation) -> None:
        tables = tables_of(projector, gen.generation)
        if isinstance(projector, HasStorage):
            projector.drop_storage(self.db, conn, tables)
        for table in tables.values():
            table.drop(conn, checkfirst=True)
        conn.execute(
            projection_state.delete().where(
                (projection_state.c.name == gen.name)
                & (projection_state.c.generation == gen.generation)
            )
        )


def checkpoint_positions(conn: Connection) -> dict[str, int]:
    """Each view's live checkpoint, for `osint status`-like output."""
    rows = conn.execute(
        select(projection_state.c.name, func.max(projection_state.c.position))
        .where(projection_state.c.active.is_(True))
        .group_by(projection_state.c.name)
    ).all()
    return {name: int(position) for name, position in rows}
