"""The projector runner: rebuilds equal incremental builds; failed batches leave no trace."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, select

from events import EventStore, StoredEvent
from ingest.folder import read_folder
from ingest.run import ingest_observations
from osint.wiring import all_projectors, open_store
from projections.figures import FiguresProjector
from projections.projector import Tables
from projections.reports import ReportsProjector
from projections.runner import ProjectionRunner
from projections.state import generations, live_tables, projection_state
from tests.projections.helpers import dump_view

TEXTS = [
    "Officials said about 2,000 troops had crossed the border near the town.",
    "The ministry said up to 11,000 North Korean soldiers were deployed to the Kursk region.",
    "At least 45 people were killed in the strike, the governor said.",
    "Local authorities reported that more than 3,000 residents fled the shelling.",
    "No figures were given in the statement issued on Tuesday.",
    "Russia lost as many as 120 tanks in the battle, according to the general staff.",
]


def _write(folder: Path, index: int, text_index: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"report-{index}.txt").write_text(TEXTS[text_index], encoding="utf-8")


operations = st.lists(
    st.one_of(
        st.tuples(st.just("write"), st.integers(0, 3), st.integers(0, len(TEXTS) - 1)),
        st.tuples(st.just("delete"), st.integers(0, 3), st.just(0)),
        st.tuples(st.just("project"), st.just(0), st.just(0)),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=operations)
def test_a_replayed_view_equals_the_incrementally_built_one(ops):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "src"
        folder.mkdir()
        store = open_store(f"sqlite:///{tmp}/log.db")
        runner = ProjectionRunner(store, all_projectors(), batch_size=3)
        for op, index, text_index in ops:
            if op == "write":
                _write(folder, index, text_index)
                ingest_observations(store, read_folder(folder, "src"))
            elif op == "delete":
                (folder / f"report-{index}.txt").unlink(missing_ok=True)
            else:
                runner.catch_up()
        runner.catch_up()
        incremental = {p.name: dump_view(store, p) for p in runner.projectors}
        runner.replay()
        rebuilt = {p.name: dump_view(store, p) for p in runner.projectors}
        assert rebuilt == incremental
        reports = incremental["reports"]["reports"]
        assert len(reports) == len({e.stream_id for e in store.read()})
        assert_topics_match_live_figures(store)
        store.close()


def assert_topics_match_live_figures(store: EventStore) -> None:
    """estimate_topics, kept incrementally, equals a count over the live figures."""
    with store.db.connect() as conn:
        tables = live_tables(conn, FiguresProjector())
        assert tables is not None
        figures = [dict(r._mapping) for r in conn.execute(select(tables["figures"]))]
        topics = {r.topic: r for r in conn.execute(select(tables["estimate_topics"]))}
    live: dict[str, list[dict]] = {}
    for f in figures:
        if f["superseded_at"] is None:
            live.setdefault(f["topic"], []).append(f)
    assert set(topics) == set(live)
    for topic, rows in live.items():
        newest = max(rows, key=lambda f: (f["effective_at"], f["position"], f["start"]))
        assert topics[topic].figure_count == len(rows)
        assert topics[topic].current_figure_id == newest["figure_id"]


class ExplodingProjector(ReportsProjector):
    """Applies the batch like `reports`, then fails: the batch must leave no trace."""

    def __init__(self) -> None:
        self.explode = False

    def apply(self, conn: Connection, tables: Tables, batch: Sequence[StoredEvent]) -> None:
        super().apply(conn, tables, batch)
        if self.explode:
            raise RuntimeError("projector failed half-way")


def test_an_exception_half_way_leaves_view_and_checkpoint_as_before(db_url: str, tmp_path: Path):
    store = open_store(db_url)
    folder = tmp_path / "src"
    for i in range(3):
        _write(folder, i, i)
    ingest_observations(store, read_folder(folder, "src"))
    projector = ExplodingProjector()
    runner = ProjectionRunner(store, [projector], batch_size=100)
    runner.catch_up()
    before = dump_view(store, projector)
    with store.db.connect() as conn:
        (checkpoint_before,) = [g.position for g in generations(conn, "reports")]
    _write(folder, 3, 3)
    _write(folder, 0, 4)
    ingest_observations(store, read_folder(folder, "src"))
    projector.explode = True
    with pytest.raises(RuntimeError, match="half-way"):
        runner.catch_up()
    assert dump_view(store, projector) == before
    with store.db.connect() as conn:
        assert [g.position for g in generations(conn, "reports")] == [checkpoint_before]
    assert checkpoint_before == 3
    projector.explode = False
    assert runner.catch_up() == 2
    assert len(dump_view(store, projector)["reports"]) == 4
    store.close()


def test_a_version_bump_rebuilds_the_view_into_a_new_generation(db_url: str, tmp_path: Path):
    store = open_store(db_url)
    folder = tmp_path / "src"
    for i in range(3):
        _write(folder, i, i)
    ingest_observations(store, read_folder(folder, "src"))
    old = FiguresProjector()
    ProjectionRunner(store, [old]).catch_up()
    before = dump_view(store, old)

    class NewerFigures(FiguresProjector):
        version = old.version + "-next"

    newer = NewerFigures()
    applied = ProjectionRunner(store, [newer]).catch_up()
    assert applied == 3
    with store.db.connect() as conn:
        gens = generations(conn, "figures")
        rows = conn.execute(select(projection_state.c.version)).scalars().all()
    assert [(g.generation, g.active, g.version) for g in gens] == [(2, True, newer.version)]
    assert rows == [newer.version]
    assert dump_view(store, newer) == before
    # Nothing new: the next run applies nothing and keeps generation 2.
    assert ProjectionRunner(store, [newer]).catch_up() == 0
    store.close()


def test_an_empty_log_projects_to_empty_views(db_url: str):
    store = open_store(db_url)
    runner = ProjectionRunner(store, all_projectors())
    assert runner.catch_up() == 0
    assert dump_view(store, ReportsProjector()) == {"reports": []}
    store.close()
