"""What a user reads when a source fails: `osint ingest --sources FILE --once` in a real
subprocess against a real server on 127.0.0.1, and the `FetchFailed` messages it leaves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from ingest.feed import NotAFeed, read_feed
from ingest.fetch import status_text
from tests.ingest.cli import osint, poll_once

HOME_WITH_FEEDS = b"""<!DOCTYPE html>
<html><head><title>Harbour Wire</title>
<link rel="stylesheet" href="/site.css">
<link rel="alternate" type="application/rss+xml" title="World" href="/world/rss.xml">
<link rel="alternate" type="application/atom+xml" title="Ports" href="https://feeds.example.org/ports.atom">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
</head><body><h1>Harbour Wire</h1><p>Ferries resume after the storm.</p></body></html>
"""
ARTICLE = b"""<!DOCTYPE html><html><head><title>Ferries resume</title></head><body><article>
<h1>Ferries resume after the storm</h1><p>The island ferry sailed again on Friday.</p>
</article></body></html>"""


def test_every_failure_names_what_failed_and_what_to_do(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/missing.xml").respond_with_data("nothing here", status=404)
    httpserver.expect_request("/").respond_with_data(HOME_WITH_FEEDS, content_type="text/html")
    httpserver.expect_request("/ferries").respond_with_data(ARTICLE, content_type="text/html")
    missing = tmp_path / "exports" / "result.json"
    (tmp_path / "sources.toml").write_text(
        f"""
[[source]]
id = "tg-missing"
kind = "telegram"
path = "{missing}"
every = "1h"

[[source]]
id = "wire-404"
kind = "feed"
url = "{httpserver.url_for("/missing.xml")}"
every = "1h"
allow_private = true

[[source]]
id = "wire-home"
kind = "feed"
url = "{httpserver.url_for("/")}"
every = "1h"
allow_private = true

[[source]]
id = "ferries"
kind = "feed"
url = "{httpserver.url_for("/ferries")}"
every = "1h"
allow_private = true
""",
        encoding="utf-8",
    )
    done = poll_once(tmp_path)
    assert done.returncode == 1, done.stderr  # polled all, then exit 1: some failed
    assert "Traceback" not in done.stderr
    warnings = {
        line.split(" WARNING ", 1)[1].split(":", 1)[0]: line.split(" WARNING ", 1)[1]
        for line in done.stderr.splitlines()
        if " WARNING " in line
    }
    base = httpserver.url_for("/").rstrip("/")
    assert warnings["tg-missing"].startswith(f"tg-missing: unreadable: {missing}: no such file (")
    assert warnings["wire-404"].startswith("wire-404: http_error: HTTP 404 Not Found (failure 1")
    assert warnings["wire-home"].startswith(
        "wire-home: not_a_feed: not a feed: got an HTML page (text/html) that links to the feeds"
        f" {base}/world/rss.xml, https://feeds.example.org/ports.atom: use one as the source's url"
    )
    assert warnings["ferries"].startswith(
        "ferries: not_a_feed: not a feed: got an HTML page (text/html) that links to no feed; to"
        ' read it as an article, set kind = "page" ('
    )
    db = f"sqlite:///{tmp_path / 'log.db'}"
    events = osint("--db", db, "events", "--type", "FetchFailed", "--json", cwd=tmp_path)
    failed = {
        e["payload"]["source_id"]: e["payload"]
        for e in map(json.loads, events.stdout.split("\n")[:-1])
    }
    assert failed["tg-missing"]["message"] == f"{missing}: no such file"
    assert (failed["wire-404"]["message"], failed["wire-404"]["http_status"]) == (
        "HTTP 404 Not Found",
        404,
    )


def test_an_html_page_from_a_file_names_its_feeds_and_garbage_stays_not_a_feed() -> None:
    with pytest.raises(NotAFeed) as caught:
        read_feed(HOME_WITH_FEEDS, "wire", "home.html")
    # No base URL to resolve against: a relative href cannot be used, and is left out.
    assert str(caught.value) == (
        "home.html: not a feed: got an HTML page that links to the feed"
        " https://feeds.example.org/ports.atom: use it as the source's url"
    )
    with pytest.raises(NotAFeed, match=r"^blob\.bin: not a feed: no RSS, Atom or JSON Feed doc"):
        read_feed(b"\x00\x01 nothing at all", "wire", "blob.bin")


def test_status_text_uses_the_standard_phrase() -> None:
    assert status_text(404) == "HTTP 404 Not Found"
    assert status_text(503) == "HTTP 503 Service Unavailable"
    assert status_text(599) == "HTTP 599"
