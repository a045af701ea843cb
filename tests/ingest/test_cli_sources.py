"""`osint ingest --sources FILE --once` and `osint sources`, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from osint.wiring import open_store

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"


def osint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "osint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def sources_file(tmp_path: Path, server: HTTPServer) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        f"""
[[source]]
id = "wire"
kind = "feed"
url = "{server.url_for("/rss")}"
every = "15m"
allow_private = true

[[source]]
id = "courier"
kind = "page"
url = "{server.url_for("/article")}"
every = "1h"
allow_private = true

[[source]]
id = "intranet"
kind = "feed"
url = "{server.url_for("/internal")}"
every = "15m"

[[source]]
id = "valley-tg"
kind = "telegram"
path = "{FEEDS / "telegram_v1.json"}"
every = "1h"
"""
    )
    return path


def test_once_polls_due_sources_and_sources_shows_their_health(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/rss").respond_with_data((FEEDS / "rss2.xml").read_bytes())
    httpserver.expect_request("/article").respond_with_data(
        (FEEDS / "article.html").read_bytes(), content_type="text/html"
    )
    httpserver.expect_request("/internal").respond_with_data("secret")
    db = f"sqlite:///{tmp_path / 'log.db'}"
    path = sources_file(tmp_path, httpserver)

    first = osint("--db", db, "ingest", "--sources", str(path), "--once", cwd=tmp_path)
    assert first.returncode == 1, first.stderr  # every source polled, one failed
    assert "wire: 3 new (0 revision(s)), 0 unchanged" in first.stdout
    assert "courier: 1 new" in first.stdout
    assert "valley-tg: 2 new" in first.stdout
    assert "polled 4 of 4 source(s) (0 not due): 6 report(s) appended, 1 failed" in first.stdout
    warnings = [line for line in first.stderr.splitlines() if "intranet" in line]
    assert len(warnings) == 1 and "private_address" in warnings[0]
    assert "Traceback" not in first.stderr
    assert [r.path for r, _ in httpserver.log].count("/internal") == 0

    again = osint("--db", db, "ingest", "--sources", str(path), "--once", cwd=tmp_path)
    assert "polled 0 of 4 source(s) (4 not due)" in again.stdout
    assert again.returncode == 0

    shown = osint("--db", db, "sources", "--sources", str(path), "--json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    rows = {r["source_id"]: r for r in json.loads(shown.stdout)}
    assert list(rows) == ["wire", "courier", "intranet", "valley-tg"]
    wire, intranet = rows["wire"], rows["intranet"]
    assert (wire["state"], wire["reports_seen"], wire["consecutive_failures"]) == ("ok", 3, 0)
    assert wire["last_success"] is not None and wire["last_failure"] is None
    assert (intranet["state"], intranet["consecutive_failures"]) == ("failing (private_address)", 1)
    assert (intranet["last_failure_kind"], intranet["reports_seen"]) == ("private_address", 0)
    assert intranet["last_success"] is None
    assert rows["valley-tg"]["reports_seen"] == 2

    assert intranet["last_failure_message"].startswith("refused: localhost resolves to 127.0.0.1")
    table = osint("--db", db, "sources", cwd=tmp_path)
    assert "failing (private_address)" in table.stdout
    assert "refused: localhost resolves to 127.0.0.1, a loopback address" in table.stdout
    listed = osint("--db", db, "sources", "--format", "csv", cwd=tmp_path).stdout
    csv_rows = list(csv.DictReader(io.StringIO(listed)))
    by_id = {r["source_id"]: r for r in csv_rows}
    assert by_id["intranet"]["last_failure_kind"] == "private_address"
    assert set(by_id) == {"wire", "courier", "intranet", "valley-tg"}
    assert by_id["intranet"]["last_failure_message"].startswith("refused: localhost resolves")
    store = open_store(db)
    try:
        types = [e.type for e in store.read()]
    finally:
        store.close()
    assert (types.count("ReportObserved"), types.count("FetchFailed")) == (6, 1)


def test_bad_sources_file_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(
        '[[source]]\nid = "wire"\nkind = "feed"\nurl = "https://x.org/rss"\nevry = "1h"\n'
    )
    db = tmp_path / "log.db"
    for args in (
        ["ingest", "--sources", str(path), "--once"],
        ["schedule", "--sources", str(path)],
    ):
        result = osint("--db", f"sqlite:///{db}", *args, cwd=tmp_path)
        assert result.returncode == 1
        assert result.stderr.strip() == f"Error: {path}:5: field 'evry': unknown field"
    assert not db.exists()


def test_ingest_needs_paths_or_sources(tmp_path: Path) -> None:
    result = osint("--db", f"sqlite:///{tmp_path / 'log.db'}", "ingest", cwd=tmp_path)
    assert result.returncode == 2
    assert "give PATH… to read, or --sources FILE --once to poll" in result.stderr


def test_poll_polls_now_the_sources_named_due_or_not(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """After fixing a bad path, `--once` waits for the next due time (an hour); `osint poll`
    polls at once, and exits 1 while a source still fails."""
    notes = tmp_path / "notes"
    path = tmp_path / "sources.toml"
    path.write_text(
        f'[[source]]\nid = "notes"\nkind = "folder"\npath = "{notes}"\nevery = "1h"\n'
        f'[[source]]\nid = "wire"\nkind = "feed"\nurl = "{httpserver.url_for("/rss")}"\n'
        'every = "1h"\nallow_private = true\n'
    )
    httpserver.expect_request("/rss").respond_with_data((FEEDS / "rss2.xml").read_bytes())
    db = f"sqlite:///{tmp_path / 'log.db'}"
    first = osint("--db", db, "ingest", "--sources", str(path), "--once", cwd=tmp_path)
    assert first.returncode == 1
    assert "polled 2 of 2 source(s) (0 not due): 3 report(s) appended, 1 failed" in first.stdout
    notes.mkdir()
    (notes / "brief.md").write_text("About 3,000 troops moved to the border, officials said.")
    waiting = osint("--db", db, "ingest", "--sources", str(path), "--once", cwd=tmp_path)
    assert "polled 0 of 2 source(s) (2 not due)" in waiting.stdout

    now = osint("--db", db, "poll", "notes", "--sources", str(path), cwd=tmp_path)
    assert now.returncode == 0, now.stderr
    assert "notes: 1 new (0 revision(s)), 0 unchanged" in now.stdout
    assert "polled 1 of 1 source(s) (0 not polled): 1 report(s) appended, 0 failed" in now.stdout
    assert "views up to date" in now.stdout
    both = osint("--db", db, "poll", "--sources", str(path), cwd=tmp_path)
    assert "wire: not modified" in both.stdout or "wire: 0 new" in both.stdout
    assert "polled 2 of 2 source(s)" in both.stdout

    unknown = osint("--db", db, "poll", "nope", "--sources", str(path), cwd=tmp_path)
    assert unknown.returncode == 2
    assert "'nope' not in" in unknown.stderr and "its sources: notes, wire" in unknown.stderr


def test_a_url_given_to_ingest_is_fetched_safely_not_mangled_into_a_path(tmp_path: Path) -> None:
    db = tmp_path / "log.db"
    result = osint("--db", f"sqlite:///{db}", "ingest", "http://127.0.0.1:9/story", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: http://127.0.0.1:9/story: refused: 127.0.0.1 is a loopback address"
        " (set allow_private = true for this source to allow it)"
    )
    assert not db.exists()
