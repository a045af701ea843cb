"""A user's mistake gets one clear line, a non-zero exit, no traceback and nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
    assert_one_line_error(result, "'nonsense' is not a valid SQLAlchemy URL")
    result = osint("--db", "mysql://u@h/db", "history", cwd=tmp_path)
    assert_one_line_error(result, "unsupported backend 'mysql'")
    result = osint("--db", "sqlite:////no/such/dir/log.db", "history", cwd=tmp_path)
    assert_one_line_error(result, "sqlite:////no/such/dir/log.db", "unable to open database")
    assert list(tmp_path.iterdir()) == []


def test_an_unreachable_postgres_is_named(tmp_path: Path):
    url = "postgresql+psycopg://postgres@127.0.0.1:1/osint"
    result = osint("--db", url, "history", cwd=tmp_path)
    assert_one_line_error(result, "127.0.0.1:1")


def test_an_unknown_topic_is_named(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'log.db'}"
    assert osint("--db", db, "ingest", str(SEED), cwd=tmp_path).returncode == 0
    result = osint("--db", db, "history", "troops/narnia", cwd=tmp_path)
    assert_one_line_error(result, "unknown topic 'troops/narnia'")


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
