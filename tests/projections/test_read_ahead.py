"""Read-ahead: worker processes extract the next page while the runner writes this one.

The views must be exactly those of a replay without workers, on both backends, across page
boundaries and revisions (a revision supersedes figures that a worker built a page earlier).
The replays with workers run in a child interpreter: read-ahead only forks from a process with
one thread, and the test process may have server threads of other tests running.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from events import EventStore
from ingest.folder import read_folder
from ingest.run import ingest_observations
from osint.wiring import all_projectors, open_store
from projections.runner import ProjectionRunner
from tests.projections.helpers import dump_view, process_running

ROOT = Path(__file__).resolve().parents[2]

PASSAGES = [
    "Officials said about {n},000 troops had crossed the border near Kupiansk.",
    "The ministry said up to {n},000 North Korean soldiers were deployed to the Kursk region.",
    "At least {n} people were killed in the strike on Kharkiv, the governor said.",
    "Local authorities reported that more than {n},000 residents fled the shelling.",
    "Russia lost as many as {n} tanks in the battle, according to the general staff.",
    "No figures were given in the statement issued on Tuesday.",
]

REPLAY_WITH_WORKERS = """
import json, sys
from osint.wiring import all_projectors, open_store
from projections.runner import ProjectionRunner
store = open_store(sys.argv[1])
runner = ProjectionRunner(store, all_projectors(), batch_size=40, workers=int(sys.argv[2]))
runner.read_ahead_min = 0
applied = runner.replay()
print(json.dumps({"applied": applied, "ahead": runner.events_read_ahead}))
store.close()
"""


def _write_reports(folder: Path, count: int, salt: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        a = PASSAGES[index % len(PASSAGES)].format(n=index % 17 + 2 + salt)
        b = PASSAGES[(index * 7 + salt) % len(PASSAGES)].format(n=index % 5 + 3)
        (folder / f"report-{index:04d}.txt").write_text(f"{a} {b}", encoding="utf-8")


def _views(store: EventStore) -> dict:
    return {p.name: dump_view(store, p) for p in all_projectors()}


def _replay_in_child(db_url: str, workers: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", REPLAY_WITH_WORKERS, db_url, str(workers)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_views_built_with_workers_equal_views_built_without(db_url: str, tmp_path: Path):
    folder = tmp_path / "src"
    _write_reports(folder, 300, salt=0)
    store = open_store(db_url)
    ingest_observations(store, read_folder(folder, "src"))
    _write_reports(folder, 120, salt=1)  # revisions of the first 120 reports
    ingest_observations(store, read_folder(folder, "src"))
    head, _ = store.head()
    assert head == 420

    ProjectionRunner(store, all_projectors(), workers=0).replay()
    without = _views(store)
    assert len(without["figures"]["figures"]) > 500

    outcome = _replay_in_child(db_url, workers=2)
    assert outcome["applied"] == len(all_projectors()) * 420
    # All but the first page (40 events, applied while the workers start on the second).
    assert outcome["ahead"] == 420 - 40
    assert _views(store) == without
    store.close()


WORKER_THEN_HANG = """
import os, sys, time
from events import StoredEvent, decode
from projections.figures import report_fields, rows_from_fields
from projections.readahead import RowsAhead
ahead = RowsAhead(report_fields, rows_from_fields, 2)
payload = {"source_id": "s", "item_key": "k", "observed_at": "2024-11-01T00:00:00Z",
           "text": "Up to 11,000 North Korean troops are in Kursk.", "content_sha256": "0" * 64}
event = decode(StoredEvent(1, "e", "st", 1, "ReportObserved", 1, "", payload, {}, "", ""))
ahead.submit([event])
assert ahead.take([event])[1].rows[0]["low"] is None
print(" ".join(str(pid) for pid in ahead._pool._processes), flush=True)
time.sleep(600)
"""


def test_workers_exit_when_their_parent_is_killed():
    parent = subprocess.Popen(
        [sys.executable, "-c", WORKER_THEN_HANG],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = parent.stdout.readline() if parent.stdout else ""
    workers = [int(pid) for pid in line.split()]
    assert len(workers) == 2, parent.stderr.read() if parent.stderr else ""
    assert all(process_running(pid) for pid in workers)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(process_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(process_running(pid) for pid in workers)
