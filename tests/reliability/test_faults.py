"""Disk and database faults in the middle of an append: a full disk under a SQLite log (a small
tmpfs mounted for the test, so it needs root) and a PostgreSQL connection terminated by the
server (`pg_terminate_backend`). The log stays as it was, the command exits 1 with one clear
line and no traceback, and the next run completes the work.
"""

from __future__ import annotations

import os
import random
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from osint.wiring import open_store
from tests.conftest import reset_pg
from tests.reliability.corpus import Corpus
from tests.reliability.harness import (
    assert_ok,
    assert_one_line_error,
    check_log,
    check_views,
    checkpoints,
    finish,
    log_rows,
    run_osint,
    scale,
    settled,
    start_osint,
)

pytestmark = pytest.mark.reliability


# -- a full disk --------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 32 MB tmpfs of our own, unmounted afterwards: room for the log, its views and the
    second generation a replay builds beside them (16 MB was too small once the figures view
    kept topic summaries), so that only the filler makes the disk full."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path, leave: int) -> Path:
    """Fill `disk` until only `leave` bytes are free; return the filler file."""
    filler = disk / "filler.bin"
    stats = os.statvfs(disk)
    free = stats.f_bavail * stats.f_frsize
    with filler.open("wb") as out:
        remaining = max(0, free - leave)
        block = b"\0" * (1 << 20)
        while remaining > 0:
            out.write(block[: min(len(block), remaining)])
            remaining -= min(len(block), remaining)
    return filler


def test_a_full_disk_during_an_append_leaves_the_log_as_it_was(small_disk: Path, tmp_path: Path):
    db_url = f"sqlite:///{small_disk / 'log.db'}"
    corpus = Corpus(tmp_path / "reports", random.Random(8))
    corpus.populate(60)
    assert_ok(run_osint(db_url, "ingest", str(corpus.root), cwd=tmp_path))
    before = log_rows(db_url)
    corpus.edit(0.2, 1, only=list(corpus.paths))  # new revisions of reports in the log
    corpus.populate(400)
    filler = _fill(small_disk, leave=32 * 1024)
    failed = run_osint(db_url, "ingest", str(corpus.root), cwd=tmp_path)
    line = assert_one_line_error(failed, str(small_disk / "log.db"))
    assert "disk is full" in line, line
    assert log_rows(db_url) == before
    filler.unlink()
    assert_ok(run_osint(db_url, "ingest", str(corpus.root), cwd=tmp_path))
    check_log(db_url, corpus.versions, cwd=tmp_path)
    check_views(db_url, corpus.versions)


def test_a_full_disk_during_projection_leaves_the_views_as_they_were(
    small_disk: Path, tmp_path: Path
):
    db_url = f"sqlite:///{small_disk / 'log.db'}"
    corpus = Corpus(tmp_path / "reports", random.Random(9))
    corpus.populate(60)
    assert_ok(run_osint(db_url, "ingest", str(corpus.root), cwd=tmp_path))
    corpus.populate(150)
    assert_ok(run_osint(db_url, "ingest", "--no-project", str(corpus.root), cwd=tmp_path))
    store = open_store(db_url)
    marks = checkpoints(store)
    store.close()
    filler = _fill(small_disk, leave=32 * 1024)
    failed = run_osint(db_url, "project", cwd=tmp_path)
    assert "disk is full" in assert_one_line_error(failed), failed.describe()
    store = open_store(db_url)
    assert checkpoints(store) == marks
    store.close()
    filler.unlink()
    assert_ok(run_osint(db_url, "project", cwd=tmp_path))
    check_log(db_url, corpus.versions, cwd=tmp_path)
    check_views(db_url, corpus.versions)


# -- a lost PostgreSQL connection ---------------------------------------------------------------


@pytest.fixture
def pg_url(pg_database: str) -> str:
    reset_pg(pg_database)
    return pg_database


def _admin(url: str):  # type: ignore[no-untyped-def]
    return create_engine(url, isolation_level="AUTOCOMMIT")


def _osint_backends(admin, database: str) -> list[tuple[int, str, str | None]]:  # type: ignore[no-untyped-def]
    """(pid, state, wait_event_type) of every other client connected to `database`."""
    with admin.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT pid, state, wait_event_type FROM pg_stat_activity"
                " WHERE datname = :d AND pid <> pg_backend_pid()"
                " AND backend_type = 'client backend'"
            ),
            {"d": database},
        ).all()
    return [tuple(r) for r in rows]


@pytest.mark.postgres
def test_a_connection_lost_inside_the_append_transaction(pg_url: str, tmp_path: Path):
    """The append is held on the log_head lock by another session, then its backend is
    terminated: the connection dies with the append transaction open."""
    database = make_url(pg_url).database or ""
    corpus = Corpus(tmp_path / "reports", random.Random(10))
    corpus.populate(50)
    assert_ok(run_osint(pg_url, "ingest", str(corpus.root), cwd=tmp_path))
    before = log_rows(pg_url)
    corpus.edit(0.3, 1, only=list(corpus.paths))
    corpus.populate(150)
    holder = create_engine(pg_url)
    admin = _admin(pg_url)
    try:
        with holder.connect() as blocker:
            blocker.execute(text("SELECT id FROM log_head WHERE id = 1 FOR UPDATE"))
            started = time.monotonic()
            proc = start_osint(pg_url, "ingest", str(corpus.root), cwd=tmp_path)
            blocker_pid = blocker.execute(text("SELECT pg_backend_pid()")).scalar()
            victim = None
            while victim is None and time.monotonic() - started < 120 and proc.poll() is None:
                waiting = [
                    pid
                    for pid, _state, wait in _osint_backends(admin, database)
                    if wait == "Lock" and pid != blocker_pid
                ]
                victim = waiting[0] if waiting else None
                time.sleep(0.05)
            assert victim is not None, "the append never reached the log_head lock"
            with admin.connect() as conn:
                conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": victim})
            blocker.rollback()
        outcome = finish(proc, ("ingest",), started, None)
    finally:
        holder.dispose()
        admin.dispose()
    assert "terminating connection" in assert_one_line_error(outcome, database), outcome.stderr
    assert log_rows(pg_url) == before
    assert_ok(run_osint(pg_url, "ingest", str(corpus.root), cwd=tmp_path))
    check_log(pg_url, corpus.versions, cwd=tmp_path)
    check_views(pg_url, corpus.versions)


@pytest.mark.postgres
def test_connections_terminated_at_random_moments(pg_url: str, tmp_path: Path):
    """`ingest` and `project` runs whose backend is terminated at a random moment: each ends
    in success or one clear line, the chain always verifies, and a last run completes."""
    seed = int(os.environ.get("OSINT_RELIABILITY_SEED") or random.SystemRandom().randrange(2**32))
    rng = random.Random(seed)
    database = make_url(pg_url).database or ""
    corpus = Corpus(tmp_path / "reports", random.Random(rng.random()))
    corpus.populate(scale(150, 3000))
    admin = _admin(pg_url)
    terminated = failed = 0
    try:
        for attempt in range(scale(3, 40)):
            if attempt:  # new work for every run: new reports, new revisions of stored ones
                corpus.edit(0.05, attempt, only=settled(pg_url, corpus))
                corpus.populate(rng.randint(scale(20, 50), scale(80, 200)))
            args = rng.choice((("ingest", str(corpus.root)), ("project",)))
            started = time.monotonic()
            proc = start_osint(pg_url, *args, cwd=tmp_path)
            # Wait for the run to connect, then strike at a random moment of its work.
            while proc.poll() is None and not _osint_backends(admin, database):
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 1.5))
            for pid, _state, _wait in _osint_backends(admin, database):
                with admin.connect() as conn:
                    terminated += bool(
                        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid}).scalar()
                    )
            outcome = finish(proc, tuple(args), started, None)
            context = f"seed={seed} attempt={attempt}"
            if outcome.returncode:
                failed += 1
                line = assert_one_line_error(outcome)
                assert database in line, f"{context}: {line}"
            store = open_store(pg_url)
            try:
                assert store.verify().ok, context
            finally:
                store.close()
    finally:
        admin.dispose()
    assert_ok(run_osint(pg_url, "ingest", str(corpus.root), cwd=tmp_path))
    check_log(pg_url, corpus.versions, cwd=tmp_path)
    check_views(pg_url, corpus.versions)
    print(f"\nterminations seed={seed}: {terminated} backends terminated, {failed} runs failed")
