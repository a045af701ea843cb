"""Running `osint` as a real subprocess (optionally killed with SIGKILL), and the checks every
reliability test ends with: the log holds each revision exactly once, positions are gap-free,
`osint verify` passes and every view equals a clean rebuild from the log.

`OSINT_RELIABILITY=long` (set by `make reliability`) selects the long variants; `make test` runs
the short ones.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from events import EventStore
from events.schema import events
from osint.wiring import all_projectors, open_store
from projections.state import generations
from tests.projections.helpers import dump_view
from tests.reliability.corpus import Corpus

LONG = os.environ.get("OSINT_RELIABILITY", "").lower() == "long"
REPO = Path(__file__).resolve().parents[2]


def scale(short: int, long: int) -> int:
    """The short figure under `make test`, the long one under `make reliability`."""
    return long if LONG else short


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one `osint` run ended. `killed` means we sent SIGKILL before it finished."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    killed: bool

    def describe(self) -> str:
        return (
            f"osint {' '.join(self.args)} -> rc={self.returncode} killed={self.killed}\n"
            f"stdout: {self.stdout}\nstderr: {self.stderr}"
        )


PACKAGES = ("events", "ingest", "projections", "osint")
_snapshot: Path | None = None


def code_snapshot() -> Path:
    """A copy of our packages taken once per test process, which every `osint` subprocess runs.

    A crash run takes a minute or more; if the code changed half-way (the working tree is
    shared), runs before and after the change would disagree, and a view built by both would
    differ from its rebuild for a reason that has nothing to do with crashes.
    """
    global _snapshot
    if _snapshot is None:
        target = Path(tempfile.mkdtemp(prefix="osint-code-"))
        for package in PACKAGES:
            shutil.copytree(
                REPO / package, target / package, ignore=shutil.ignore_patterns("__pycache__")
            )
        atexit.register(shutil.rmtree, target, ignore_errors=True)
        _snapshot = target
    return _snapshot


def osint_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OSINT_")}
    env["PYTHONPATH"] = str(code_snapshot())
    return env


def _osint_command() -> list[str]:
    """`python -m osint` with the snapshot first on the path (it wins over the editable
    install, whose finder comes after the path)."""
    return [sys.executable, "-m", "osint"]


def start_osint(db_url: str, *args: str, cwd: Path) -> subprocess.Popen[str]:
    """Start `osint --db URL ARGS…` as its own process group, so SIGKILL hits only it."""
    return subprocess.Popen(
        [*_osint_command(), "--db", db_url, *args],
        cwd=cwd,
        env=osint_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def finish(
    proc: subprocess.Popen[str],
    args: tuple[str, ...],
    started: float,
    kill_after: float | None,
    before_kill: Callable[[], None] | None = None,
) -> Outcome:
    """Wait for `proc`; with `kill_after`, SIGKILL it if it is still running by then
    (calling `before_kill` just before, to look at what it was doing)."""
    killed = False
    try:
        stdout, stderr = proc.communicate(timeout=kill_after if kill_after is not None else 600)
    except subprocess.TimeoutExpired:
        if kill_after is None:
            proc.kill()
            stdout, stderr = proc.communicate()
            raise AssertionError(f"osint {' '.join(args)} hung for 600 s: {stderr}") from None
        if before_kill:
            before_kill()
        os.kill(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        killed = True
    return Outcome(args, proc.returncode, stdout, stderr, time.monotonic() - started, killed)


def run_osint(
    db_url: str,
    *args: str,
    cwd: Path,
    kill_after: float | None = None,
    before_kill: Callable[[], None] | None = None,
) -> Outcome:
    started = time.monotonic()
    proc = start_osint(db_url, *args, cwd=cwd)
    return finish(proc, args, started, kill_after, before_kill)


def assert_ok(outcome: Outcome) -> None:
    assert outcome.returncode == 0, outcome.describe()
    assert "Traceback" not in outcome.stderr, outcome.describe()


def assert_one_line_error(outcome: Outcome, *fragments: str) -> str:
    """The run failed cleanly: exit 1, one line on stderr, no traceback. Returns the line."""
    assert outcome.returncode == 1, outcome.describe()
    assert "Traceback" not in outcome.stderr, outcome.describe()
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1, outcome.describe()
    for fragment in fragments:
        assert fragment in lines[0], outcome.describe()
    return lines[0]


# -- checks on the log ------------------------------------------------------------------------


def check_log(db_url: str, expected: dict[str, list[str]], cwd: Path) -> int:
    """The log holds exactly the expected revisions, once each, gap-free; verify passes.

    `expected` maps each report stream to the content hashes of its revisions in order.
    Returns the head position.
    """
    store = open_store(db_url)
    try:
        head, _ = store.head()
        positions: list[int] = []
        seen: dict[str, list[tuple[int, int, str, str | None]]] = defaultdict(list)
        event_ids: set[str] = set()
        for event in store.read():
            positions.append(event.position)
            assert event.event_id not in event_ids, f"event id twice: {event.event_id}"
            event_ids.add(event.event_id)
            assert event.type == "ReportObserved", f"unexpected event at {event.position}"
            p = event.payload
            seen[event.stream_id].append(
                (event.stream_version, p["revision"], p["content_sha256"], p["supersedes"])
            )
        assert positions == list(range(1, head + 1)), "positions are not gap-free 1..head"
        assert set(seen) == set(expected), (
            f"streams missing: {sorted(set(expected) - set(seen))[:5]},"
            f" unexpected: {sorted(set(seen) - set(expected))[:5]}"
        )
        for stream_id, hashes in expected.items():
            want = [
                (n, n, digest, hashes[n - 2] if n > 1 else None)
                for n, digest in enumerate(hashes, start=1)
            ]
            assert seen[stream_id] == want, f"{stream_id}: {seen[stream_id]} != {want}"
        assert head == sum(len(v) for v in expected.values())
    finally:
        store.close()
    outcome = run_osint(db_url, "verify", cwd=cwd)
    assert_ok(outcome)
    assert f"ok: {head} event(s)" in outcome.stdout, outcome.describe()
    return head


def dump_views(store: EventStore) -> dict[str, Any]:
    return {p.name: dump_view(store, p) for p in all_projectors()}


def checkpoints(store: EventStore) -> dict[str, list[tuple[int, bool, int]]]:
    with store.db.connect() as conn:
        return {
            p.name: [(g.generation, g.active, g.position) for g in generations(conn, p.name)]
            for p in all_projectors()
        }


def check_views(db_url: str, expected: dict[str, list[str]]) -> dict[str, Any]:
    """Every live view is caught up, holds the expected reports and equals a clean rebuild
    made from the log in a copy of the database. Returns the live views."""
    store = open_store(db_url)
    try:
        head, _ = store.head()
        for name, gens in checkpoints(store).items():
            assert [(active, pos) for _, active, pos in gens] == [(True, head)], (name, gens)
        live = dump_views(store)
    finally:
        store.close()
    reports = {row[0]: row for row in live["reports"]["reports"]}
    assert set(reports) == set(expected)
    for stream_id, hashes in expected.items():
        row = reports[stream_id]
        # (stream_id, source_id, item_key, url, title, published, first, last, revision,
        #  revision_count, content_sha256, position, event_id)
        assert (row[8], row[9], row[10]) == (len(hashes), len(hashes), hashes[-1]), row
    with database_copy(db_url) as copy_url:
        # `osint replay` is ProjectionRunner(store, all_projectors()).replay(), run by the same
        # code snapshot as the runs that built the live views.
        assert_ok(run_osint(copy_url, "replay", cwd=Path(tempfile.gettempdir())))
        copy = open_store(copy_url)
        try:
            rebuilt = dump_views(copy)
        finally:
            copy.close()
    assert rebuilt == live, view_difference(live, rebuilt)
    return live


def view_difference(live: dict[str, Any], rebuilt: dict[str, Any]) -> str:
    """Which view and table differ from the rebuild, with a few rows on each side."""
    lines = ["a live view differs from its clean rebuild:"]
    for view, tables in live.items():
        for table, rows in tables.items():
            other = rebuilt.get(view, {}).get(table, [])
            if rows != other:
                only_live = [r for r in rows if r not in set(other)][:3]
                only_rebuilt = [r for r in other if r not in set(rows)][:3]
                lines.append(
                    f"{view}.{table}: {len(rows)} live rows, {len(other)} rebuilt;"
                    f" only live: {only_live}; only rebuilt: {only_rebuilt}"
                )
    return "\n".join(lines)


@contextmanager
def database_copy(url: str) -> Iterator[str]:
    """A throw-away copy of the database at `url`: SQLite's backup API, or PostgreSQL's
    CREATE DATABASE … TEMPLATE (which needs no one else connected to the original)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        source = Path(parsed.database or "")
        target = source.with_name(f"{source.stem}-copy-{uuid.uuid4().hex[:6]}.db")
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        try:
            yield f"sqlite:///{target}"
        finally:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        return
    name = f"{parsed.database}_copy_{uuid.uuid4().hex[:6]}"
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": parsed.database},
            )
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{parsed.database}"'))
        yield parsed.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def settled(db_url: str, corpus: Corpus) -> list[Path]:
    """The reports whose latest written version is already in the log: a test may edit them
    again without losing a version no run has read yet."""
    store = open_store(db_url)
    try:
        latest = store.last_in_streams(corpus.versions)
    finally:
        store.close()
    return [
        path
        for path in corpus.paths
        if (event := latest.get(corpus.stream_of(path))) is not None
        and event.payload["content_sha256"] == corpus.versions[corpus.stream_of(path)][-1]
    ]


class WriteProbe:
    """Tells whether some other process holds an open write transaction on the database: on
    SQLite, whether BEGIN IMMEDIATE is refused at once; on PostgreSQL, whether a backend of the
    database has a transaction id (it has written or locked a row)."""

    def __init__(self, url: str) -> None:
        self.parsed = make_url(url)
        self.sqlite = self.parsed.get_backend_name() == "sqlite"
        self.engine = None if self.sqlite else create_engine(url, isolation_level="AUTOCOMMIT")
        self.hits = 0

    def __call__(self) -> None:
        if self._writer_active():
            self.hits += 1

    def _writer_active(self) -> bool:
        if self.sqlite:
            conn = sqlite3.connect(self.parsed.database or "", timeout=0, isolation_level=None)
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("ROLLBACK")
                return False
            except sqlite3.OperationalError:
                return True
            finally:
                conn.close()
        assert self.engine is not None
        with self.engine.connect() as conn:
            return bool(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        " AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"
                    )
                ).scalar()
            )

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()


def log_rows(db_url: str) -> list[tuple[Any, ...]]:
    """Every stored row of the log, as stored (for "the log is as it was" checks)."""
    store = open_store(db_url)
    try:
        with store.db.connect() as conn:
            return [tuple(r) for r in conn.execute(select(events).order_by(events.c.position))]
    finally:
        store.close()
