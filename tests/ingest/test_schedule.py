"""`osint schedule` as a real process: polls at its interval, picks up a changed entry, shuts
down cleanly on SIGTERM; one scheduler per SQLite file; two on PostgreSQL never poll the same
source at once."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from werkzeug import Request, Response

from ingest.poll_state import poll_state
from osint.wiring import open_store
from projections.runner import checkpoint_positions
from projections.source_health import SourceHealthProjector
from projections.state import live_tables
from tests.ingest import servers

threaded_server = servers.threaded_server
FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
RSS2 = (FEEDS / "rss2.xml").read_bytes()


def start(db: str, sources: Path, cwd: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OSINT_")}
    return subprocess.Popen(
        [sys.executable, "-m", "osint", "--db", db, "schedule", "--sources", str(sources)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    return process.returncode, err


def write_sources(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        f'[[source]]\nid = "wire"\nkind = "feed"\nurl = "{url}"\nevery = "1s"\n'
        "allow_private = true\ntimeout = 5\n"
    )
    return path


class Feed:
    """Serves RSS2, changed after a while; records when each request started and ended, and
    (given `holder`, which reads who leases the source) which scheduler is polling."""

    def __init__(self, delay: float = 0.0, holder: Callable[[], str | None] | None = None) -> None:
        self.body = RSS2
        self.delay = delay
        self.holder = holder
        self.spans: list[tuple[float, float]] = []
        self.holders: list[str | None] = []
        self.lock = threading.Lock()

    def __call__(self, _request: Request) -> Response:
        began = time.monotonic()
        holder = self.holder() if self.holder else None
        time.sleep(self.delay)
        body = self.body
        with self.lock:
            self.spans.append((began, time.monotonic()))
            self.holders.append(holder)
        return Response(body, mimetype="application/rss+xml")


def wait_for(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.1)


def test_schedule_polls_repeatedly_and_stops_cleanly_on_sigterm(
    threaded_server: HTTPServer, tmp_path: Path
) -> None:
    feed = Feed()
    threaded_server.expect_request("/rss").respond_with_handler(feed)
    db = f"sqlite:///{tmp_path / 'log.db'}"
    sources = write_sources(tmp_path, threaded_server.url_for("/rss"))
    process = start(db, sources, tmp_path)
    try:
        wait_for(lambda: len(feed.spans) >= 2)
        feed.body = RSS2.replace(b"28 lorries", b"31 lorries")
        polled = len(feed.spans)
        wait_for(lambda: len(feed.spans) >= polled + 2)
        # A second scheduler on the same SQLite file is refused in one line.
        second = subprocess.run(
            [sys.executable, "-m", "osint", "--db", db, "schedule", "--sources", str(sources)],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert second.returncode == 1
        assert second.stderr.count("\n") == 1
        assert "already running on this SQLite database" in second.stderr
    finally:
        code, err = stop(process)
    assert code == 0, err
    assert "Traceback" not in err
    assert "stopped" in err.splitlines()[-1]
    store = open_store(db)
    try:
        reports = [e for e in store.read() if e.type == "ReportObserved"]
        assert sorted((e.payload["item_key"], e.payload["revision"]) for e in reports) == [
            ("hw-2024-1101", 1),
            ("hw-2024-1102", 1),
            ("hw-2024-1102", 2),
            ("hw-2024-1103", 1),
        ]
        head, _ = store.head()
        with store.db.connect() as conn:  # the views caught up after the polls
            assert checkpoint_positions(conn)["source_health"] == head
            table = live_tables(conn, SourceHealthProjector())["source_health"]  # type: ignore[index]
            row = conn.execute(table.select()).one()
        assert (row.reports_seen, row.revisions) == (3, 4)
    finally:
        store.close()
    assert len(feed.spans) >= 4


@pytest.mark.postgres
def test_two_schedulers_on_postgresql_share_the_work(
    threaded_server: HTTPServer, tmp_path: Path, pg_database: str
) -> None:
    from tests.conftest import reset_pg

    reset_pg(pg_database)
    watcher = open_store(pg_database)  # creates the schema before two processes race for it

    def holder() -> str | None:
        """The scheduler leasing the source while the server answers its request."""
        with watcher.db.connect() as conn:
            owner = conn.execute(select(poll_state.c.lease_owner)).scalar()
        return owner.split(":")[1] if owner else None  # host:PID:suffix

    feed = Feed(delay=0.3, holder=holder)  # long enough that overlapping polls would show
    threaded_server.expect_request("/rss").respond_with_handler(feed)
    sources = write_sources(tmp_path, threaded_server.url_for("/rss"))
    first = start(pg_database, sources, tmp_path)
    second = start(pg_database, sources, tmp_path)
    pids = {str(first.pid), str(second.pid)}
    try:
        # Each scheduler takes the source when it is due and free: both get turns.
        wait_for(lambda: len(feed.spans) >= 6 and pids <= set(feed.holders), timeout=90)
    finally:
        results = [stop(first), stop(second)]
        watcher.close()
    for code, err in results:
        assert code == 0, err
        assert "Traceback" not in err
    assert set(feed.holders) == pids  # every poll was leased, by one of the two
    spans = sorted(feed.spans)
    overlaps = [(a, b) for a, b in itertools.pairwise(spans) if b[0] < a[1]]
    assert overlaps == []  # never two polls of the source at once
    store = open_store(pg_database)
    try:
        reports = [e for e in store.read() if e.type == "ReportObserved"]
    finally:
        store.close()
    assert sorted(e.payload["item_key"] for e in reports) == [
        "hw-2024-1101",
        "hw-2024-1102",
        "hw-2024-1103",
    ]
