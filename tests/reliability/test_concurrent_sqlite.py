"""Concurrent use of one SQLite file: two `osint ingest` processes and `osint project` runs at
once wait for each other (busy timeout, BEGIN IMMEDIATE) instead of failing with "database is
locked", and the result equals a sequential run of the same commands.

"Equals" is up to what depends on timing: positions, `observed_at` / `recorded_at` and the order
of interleaved appends. Event ids derive from content, so the log must hold the same events in
each stream, and the views the same rows once positions are mapped to event ids.
"""

from __future__ import annotations

import random
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from osint.wiring import all_projectors, open_store
from projections.state import live_tables
from tests.reliability.corpus import Corpus
from tests.reliability.harness import (
    LONG,
    Outcome,
    assert_ok,
    finish,
    run_osint,
    scale,
    start_osint,
)

pytestmark = pytest.mark.reliability


def _normal_form(db_url: str) -> dict[str, Any]:
    """The log and the views with everything that depends on timing taken out."""
    store = open_store(db_url)
    try:
        by_position: dict[int, str] = {}
        streams: dict[str, list[tuple[Any, ...]]] = {}
        for event in store.read():
            by_position[event.position] = event.event_id
            p = event.payload
            streams.setdefault(event.stream_id, []).append(
                (event.stream_version, event.event_id, p["revision"], p["content_sha256"])
            )
        assert list(by_position) == list(range(1, len(by_position) + 1))
        assert store.verify().ok
        views: dict[str, Any] = {}
        with store.db.connect() as conn:
            for projector in all_projectors():
                tables = live_tables(conn, projector)
                assert tables is not None
                for name, table in tables.items():
                    rows = [dict(r) for r in conn.execute(select(table)).mappings()]
                    views[name] = sorted(
                        repr(sorted(_untimed(name, r, by_position).items())) for r in rows
                    )
                    if name == "log_clock":
                        # Its rows are a position and a moment, both taken out, and how many
                        # there are follows how the two ingests' appends interleaved (each
                        # time the observed time moves on): nothing of it is comparable.
                        views[name] = sorted(set(views[name]))
        return {"streams": streams, "views": views}
    finally:
        store.close()


def _untimed(table: str, row: dict[str, Any], event_at: dict[int, str]) -> dict[str, Any]:
    """Drop moments (`*_at`, but for the source's `published_at`) and positions; name figures
    and supersessions by event id instead of position."""
    row = {
        column: value
        for column, value in row.items()
        if column == "published_at"
        or column == "superseded_at"
        or not (column.endswith("_at") or column == "position" or column.endswith("_position"))
    }
    if table == "figures":
        position, index = row.pop("figure_id").split("-")
        row["figure"] = (event_at[int(position)], int(index))
        if row["superseded_at"] is not None:
            row["superseded_at"] = event_at[row["superseded_at"]]
    if table in ("topic_summaries", "topic_states", "topic_support"):
        # Kept summaries name figures by position; the listing they give is compared with
        # the figures in tests/audit/test_topic_summary.py.
        for column in ("stamp", "summary", "state"):
            row.pop(column, None)
    if table == "topic_steps":
        position, index = row.pop("figure_id").split("-")
        row["figure"] = (event_at[int(position)], int(index))
        # A step's label (and whether it began an origin) follow the order of figures, whose
        # ties are by position.
        row.pop("change"), row.pop("fresh")
    if table == "topic_origins":
        row.pop("first")  # the first figure's order key, with its position
    if table == "estimate_topics":
        # Which figure is "current" breaks ties by position and observation time.
        row.pop("current_figure_id")
    return row


def _at_once(db_url: str, a: Path, b: Path, shared: Path, cwd: Path) -> list[Outcome]:
    """`ingest A SHARED` and `ingest B SHARED` together, with `project` runs alongside."""
    started = time.monotonic()
    ingests = [
        (start_osint(db_url, "ingest", str(a), str(shared), cwd=cwd), ("ingest", "a")),
        (start_osint(db_url, "ingest", str(b), str(shared), cwd=cwd), ("ingest", "b")),
    ]
    outcomes = []
    while any(proc.poll() is None for proc, _ in ingests):
        outcomes.append(run_osint(db_url, "project", cwd=cwd))
    outcomes += [finish(proc, args, started, None) for proc, args in ingests]
    return outcomes


def _in_turn(db_url: str, a: Path, b: Path, shared: Path, cwd: Path) -> None:
    assert_ok(run_osint(db_url, "ingest", str(a), str(shared), cwd=cwd))
    assert_ok(run_osint(db_url, "ingest", str(b), str(shared), cwd=cwd))
    assert_ok(run_osint(db_url, "project", cwd=cwd))


@pytest.mark.parametrize(
    "start",
    [
        "fresh file",  # all three processes also race to create the schema
        pytest.param(
            "existing log", marks=pytest.mark.skipif(not LONG, reason="make reliability only")
        ),
    ],
)
def test_two_ingests_and_project_at_once_equal_a_sequential_run(tmp_path: Path, start: str):
    rng = random.Random(start)
    size = scale(40, 1000)
    a, b, shared = (Corpus(tmp_path / name, random.Random(rng.random())) for name in "abc")
    for corpus in (a, b, shared):
        corpus.populate(size)
    together = f"sqlite:///{tmp_path / 'together.db'}"
    in_turn = f"sqlite:///{tmp_path / 'in-turn.db'}"
    if start == "existing log":
        assert_ok(run_osint(together, "project", cwd=tmp_path))
    for round_no in range(scale(2, 4)):
        if round_no:
            for corpus in (a, b, shared):
                corpus.edit(0.2, round_no)
        outcomes = _at_once(together, a.root, b.root, shared.root, tmp_path)
        for outcome in outcomes:
            assert_ok(outcome)
            assert "locked" not in outcome.stderr + outcome.stdout, outcome.describe()
        _in_turn(in_turn, a.root, b.root, shared.root, tmp_path)
    assert_ok(run_osint(together, "project", cwd=tmp_path))
    expected = {**a.versions, **b.versions, **shared.versions}
    concurrent, sequential = _normal_form(together), _normal_form(in_turn)
    assert {s: [h for *_, h in v] for s, v in concurrent["streams"].items()} == expected
    assert concurrent == sequential
