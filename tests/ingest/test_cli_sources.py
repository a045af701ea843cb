"""`osint ingest --sources FILE --once` and `osint sources`, as a user runs them."""

from __future__ import annotations

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
    assert first.returncode == 0, first.stderr
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

    table = osint("--db", db, "sources", cwd=tmp_path)
    assert "failing (private_address)" in table.stdout
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
