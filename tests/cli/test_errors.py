"""A user's mistake gets one clear line, a non-zero exit, no traceback and nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import SEED


def osint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "osint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_a_missing_path_is_named_and_no_database_is_created(tmp_path: Path):
    db = tmp_path / "log.db"
    result = osint("--db", f"sqlite:///{db}", "ingest", "no/such/folder", cwd=tmp_path)
    assert_one_line_error(result, "no/such/folder: no such file or folder")
    assert not db.exists()


def test_an_unreadable_file_is_named_and_nothing_is_written(tmp_path: Path):
    (tmp_path / "good.txt").write_text("About 200 soldiers arrived.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\x03binary\x00\x00\xff\xd8\xff\xe0")
    db = tmp_path / "log.db"
    result = osint("--db", f"sqlite:///{db}", "ingest", "good.txt", "bad.txt", cwd=tmp_path)
    assert_one_line_error(result, "bad.txt: not text: not UTF-8")
    assert not db.exists()


def test_a_dangling_symlink_is_named(tmp_path: Path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")
    result = osint("--db", f"sqlite:///{tmp_path / 'log.db'}", "ingest", "gone.txt", cwd=tmp_path)
    assert_one_line_error(result, "gone.txt")


def test_a_bad_database_url_is_named(tmp_path: Path):
    result = osint("--db", "nonsense", "history", cwd=tmp_path)
    assert_one_line_error(result, "'nonsense' is not a database URL", "sqlite:///nonsense")
    result = osint("--db", "mysql://u@h/db", "history", cwd=tmp_path)
    assert_one_line_error(result, "unsupported backend 'mysql'")
    result = osint("--db", "sqlite:////no/such/dir/log.db", "history", cwd=tmp_path)
    assert_one_line_error(result, "no log at /no/such/dir/log.db")
    result = osint("--db", "sqlite:////no/such/dir/log.db", "ingest", str(tmp_path), cwd=tmp_path)
    assert_one_line_error(result, "sqlite:////no/such/dir/log.db", "unable to open database")
    result = osint("--db", "osint.db", "history", cwd=tmp_path)
    assert_one_line_error(result, "'osint.db' is not a database URL", "sqlite:///osint.db")
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_postgres_is_named(tmp_path: Path):
    url = "postgresql+psycopg://postgres@127.0.0.1:1/osint"
    result = osint("--db", url, "history", cwd=tmp_path)
    assert_one_line_error(result, "127.0.0.1:1")


def test_an_unknown_topic_is_named(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'log.db'}"
    assert osint("--db", db, "ingest", str(SEED), cwd=tmp_path).returncode == 0
    result = osint("--db", db, "history", "troops/narnia", cwd=tmp_path)
    assert_one_line_error(result, "no topic troops/narnia")


def test_a_bad_jsonl_line_is_named(tmp_path: Path):
    (tmp_path / "in.jsonl").write_text('{"id": "a", "text": "x"}\nnot json\n', encoding="utf-8")
    result = osint("extract", "--jsonl", "in.jsonl", cwd=tmp_path)
    assert_one_line_error(result, "in.jsonl:2")


def test_verify_exits_1_naming_the_altered_position(tmp_path: Path):
    import sqlite3

    db_path = tmp_path / "log.db"
    db = f"sqlite:///{db_path}"
    for i in range(3):
        (tmp_path / "src" / f"{i}.txt").parent.mkdir(exist_ok=True)
        (tmp_path / "src" / f"{i}.txt").write_text(f"Report {i}.", encoding="utf-8")
    assert osint("--db", db, "ingest", "src", cwd=tmp_path).returncode == 0
    ok = osint("--db", db, "verify", cwd=tmp_path)
    assert ok.returncode == 0 and "ok: 3 event(s)" in ok.stdout
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER events_refuse_update")
    raw.execute(
        "UPDATE events SET payload = replace(payload, 'Report 1', 'Report 9') WHERE position = 2"
    )
    raw.commit()
    raw.close()
    broken = osint("--db", db, "verify", cwd=tmp_path)
    assert broken.returncode == 1
    assert "BROKEN at position 2" in broken.stderr
    assert "Traceback" not in broken.stderr


@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_plain_postgresql_urls_use_psycopg(pg_database: str, tmp_path: Path, scheme: str):
    from tests.conftest import SEED, reset_pg

    reset_pg(pg_database)
    url = pg_database.replace("postgresql+psycopg://", f"{scheme}://")
    result = osint("--db", url, "ingest", str(SEED), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 appended" in result.stdout


def test_an_event_this_osint_cannot_read_is_one_line(tmp_path: Path):
    """A stored type with no model, or an older schema version with no upcaster step, ends in
    one line naming the position, not a traceback."""
    from events import NewEvent, UpcasterRegistry
    from events.upcasting import default_upcasters
    from osint.cli import PACKAGE_ERRORS
    from osint.wiring import open_store

    db = f"sqlite:///{tmp_path / 'log.db'}"
    store = open_store(db)
    store.append([NewEvent("m-1", "x/1", "Mystery", 1, {"a": 1})])
    store.close()
    result = osint("--db", db, "events", cwd=tmp_path)
    assert_one_line_error(result, "position 1: unknown event type 'Mystery'")

    registry = UpcasterRegistry()
    registry.register("Tick", 2)(lambda p: p)  # knows v3, but has no step from v1
    store = open_store(db)
    store.upcasters = registry
    store.append([NewEvent("t-1", "x/2", "Tick", 1, {})])
    with pytest.raises(PACKAGE_ERRORS, match="no upcaster for Tick v1 -> v2"):
        list(store.read())
    store.close()
    assert default_upcasters is not registry
