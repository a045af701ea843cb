"""`osint replay` killed while its worker processes extract ahead.

A replay of a few thousand events reads ahead in a worker process. SIGKILL lands on the replay
at random moments: every time, the workers it started must go too (nothing left running), and
the live views must still be the complete views of before, since a replay builds beside them.
A last replay, not killed, must switch to views equal to a replay without workers.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ingest.observation import Observation
from ingest.run import ingest_observations
from osint.wiring import all_projectors, open_store
from projections.runner import READ_AHEAD_MIN_EVENTS, ProjectionRunner
from tests.projections.helpers import process_running
from tests.reliability.harness import dump_views, osint_env, scale

pytestmark = pytest.mark.reliability

SENTENCES = [
    "Officials said about {n},000 troops had crossed the border near Kupiansk.",
    "The ministry said up to {n},000 North Korean soldiers were deployed to the Kursk region.",
    "At least {n} people were killed in the strike on Kharkiv, the governor said.",
    "Russia lost as many as {n} tanks in the battle, according to the general staff.",
]
DAY0 = datetime(2024, 11, 1, 8, 0, tzinfo=UTC)


def _observations(count: int, salt: int) -> list[Observation]:
    return [
        Observation(
            "wire",
            f"item-{i:05d}",
            " ".join(s.format(n=(i * 7 + salt + k) % 40 + 2) for k, s in enumerate(SENTENCES)),
        )
        for i in range(count)
    ]


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def test_replay_killed_during_read_ahead_leaves_no_workers_and_whole_views(
    db_url: str, tmp_path: Path
):
    seed = int(os.environ.get("OSINT_RELIABILITY_SEED") or random.SystemRandom().randrange(2**32))
    print(f"read-ahead crash seed={seed}")
    rng = random.Random(seed)
    reports = READ_AHEAD_MIN_EVENTS + 1_000
    store = open_store(db_url)
    ingest_observations(store, _observations(reports, 0), observed_at=DAY0)
    ingest_observations(store, _observations(600, 1), observed_at=DAY0 + timedelta(days=1))
    head, _ = store.head()
    assert head == reports + 600
    ProjectionRunner(store, all_projectors(), workers=0).replay()
    before = dump_views(store)
    store.close()

    env = {**osint_env(), "OSINT_PROJECT_WORKERS": "1"}
    command = [sys.executable, "-m", "osint", "--db", db_url, "replay"]
    kills, killed_with_workers = scale(4, 20), 0
    for n in range(kills):
        proc = subprocess.Popen(
            command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + rng.uniform(1.0, 3.0)
        workers: set[int] = set()
        while time.monotonic() < deadline and proc.poll() is None:
            workers.update(_children(proc.pid))
            time.sleep(0.02)
        # Every other kill waits for the workers to have started (then lands a moment later):
        # on a loaded machine the replay may not reach them within 3 s, and a kill at a
        # random moment alone would then never test what this test is about.
        waited = time.monotonic() + 60
        while n % 2 and not workers and proc.poll() is None and time.monotonic() < waited:
            workers.update(_children(proc.pid))
            time.sleep(0.02)
        if n % 2 and workers:
            time.sleep(rng.uniform(0.0, 0.5))
        if proc.poll() is None:
            workers.update(_children(proc.pid))
            os.kill(proc.pid, signal.SIGKILL)
            killed_with_workers += bool(workers)
        proc.communicate(timeout=60)
        gone_by = time.monotonic() + 10
        while any(process_running(w) for w in workers) and time.monotonic() < gone_by:
            time.sleep(0.05)
        assert not [w for w in workers if process_running(w)], f"workers left running (seed {seed})"
        store = open_store(db_url)
        try:
            assert dump_views(store) == before, f"live views changed by a killed replay ({seed})"
        finally:
            store.close()
    assert killed_with_workers >= 1, f"no kill landed while workers ran (seed {seed})"

    done = subprocess.run(
        command, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert "extracted ahead by worker processes" in done.stdout, done.stdout
    store = open_store(db_url)
    try:
        assert dump_views(store) == before
    finally:
        store.close()


def test_ctrl_c_during_a_replay_is_one_line_and_leaves_the_views(sqlite_url: str, tmp_path: Path):
    """Ctrl-C reaches the replay and its workers (one process group, as in a terminal): one
    line on stderr, no traceback from any process, exit 130, and the views as they were."""
    store = open_store(sqlite_url)
    ingest_observations(store, _observations(READ_AHEAD_MIN_EVENTS + 2_000, 0), observed_at=DAY0)
    ProjectionRunner(store, all_projectors(), workers=0).catch_up()
    before = dump_views(store)
    store.close()
    env = {**osint_env(), "OSINT_PROJECT_WORKERS": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "osint", "--db", sqlite_url, "replay"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while not workers and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.02)
    assert workers, "the replay never started a worker"
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if line.strip()] == [
        "Error: interrupted: nothing was half-written (the batch in progress was rolled back)"
    ]
    gone_by = time.monotonic() + 10
    while any(process_running(w) for w in workers) and time.monotonic() < gone_by:
        time.sleep(0.05)
    assert not [w for w in workers if process_running(w)]
    store = open_store(sqlite_url)
    try:
        assert dump_views(store) == before
    finally:
        store.close()
