"""Projectors in several processes: views stay equal to a clean rebuild; --follow wakes up."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from events import EventStore
from ingest.observation import Observation
from ingest.run import ingest_observations
from osint.wiring import all_projectors, open_store
from projections.reports import ReportsProjector
from projections.runner import ProjectionRunner
from projections.state import live_tables
from tests.projections.helpers import dump_view

SENTENCES = (
    "Officials said about {n} troops had crossed the border near the town.",
    "At least {n} people were killed in the strike, the governor said.",
    "The ministry said up to {n} soldiers were deployed to the region.",
)


def observations(count: int, offset: int = 0) -> list[Observation]:
    return [
        Observation(
            source_id=f"wire-{i % 3}",
            item_key=f"item-{i}",
            text=SENTENCES[i % 3].format(n=100 + i),
            published_at=datetime(2024, 11, 1 + i % 28, tzinfo=UTC),
        )
        for i in range(offset, offset + count)
    ]


def osint(db_url: str, *args: str, **kwargs) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "osint", "--db", db_url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_two_projector_processes_give_views_equal_to_a_clean_rebuild(db_url: str):
    store = open_store(db_url)
    ingest_observations(store, observations(1500), batch_size=100)
    procs = [osint(db_url, "project") for _ in range(2)]
    for proc in procs:
        _out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    live = {p.name: dump_view(store, p) for p in all_projectors()}
    assert len(live["reports"]["reports"]) == 1500
    ProjectionRunner(store, all_projectors()).replay()
    rebuilt = {p.name: dump_view(store, p) for p in all_projectors()}
    assert rebuilt == live
    store.close()


def _reports_in_view(store: EventStore) -> int:
    with store.db.connect() as conn:
        tables = live_tables(conn, ReportsProjector())
        if tables is None:
            return 0
        return conn.execute(select(func.count()).select_from(tables["reports"])).scalar_one()


def test_project_follow_applies_new_events_and_stops_cleanly(db_url: str, tmp_path: Path):
    store = open_store(db_url)
    ingest_observations(store, observations(5))
    follower = osint(db_url, "project", "--follow")
    try:
        deadline = time.monotonic() + 120
        while _reports_in_view(store) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _reports_in_view(store) == 5
        ingest_observations(store, observations(7, offset=5))
        deadline = time.monotonic() + 120
        while _reports_in_view(store) < 12 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _reports_in_view(store) == 12
    finally:
        follower.send_signal(signal.SIGTERM)
        out, err = follower.communicate(timeout=60)
    assert follower.returncode == 0, err
    assert "Traceback" not in err
    assert "views at position 12" in out
    store.close()
