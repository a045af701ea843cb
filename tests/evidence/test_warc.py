"""`osint export warc`: standard WARC 1.1 that the real `warcio check` passes and `warcio index`
indexes, holding each capture once, with the bytes the server sent."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from warcio.archiveiterator import ArchiveIterator
from werkzeug import Response

from events import EventStore
from events.captures import Capture
from osint.cli import cli
from osint.warc import Use, write_warc
from tests.evidence.sources import poll_source

WARCIO = Path(sys.executable).parent / "warcio"
FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
PAGE = (
    b"<html><body><article><p>North Korean forces, reportedly numbering up to 11,000, were"
    b" seen near Kursk on Tuesday, officials said.</p><p>Another paragraph follows.</p>"
    b"</article></body></html>"
)


def _check(path: Path) -> None:
    checked = subprocess.run([WARCIO, "check", "-v", str(path)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "digest pass" in checked.stdout


def test_the_export_passes_warcio_check_and_holds_what_was_sent(
    httpserver: HTTPServer, store: EventStore, db_url: str, tmp_path: Path
):
    sent = gzip.compress(PAGE, mtime=0)
    httpserver.expect_request("/story").respond_with_response(
        Response(
            sent,
            headers={"Content-Encoding": "gzip", "Content-Type": "text/html", "X-Case": "Kept"},
        )
    )
    rss = (FEEDS / "rss2.xml").read_bytes()
    httpserver.expect_request("/rss").respond_with_data(rss, content_type="application/rss+xml")
    poll_source(store, httpserver.url_for("/story"), "page", "site")
    poll_source(store, httpserver.url_for("/rss"), "feed", "wire")
    out = tmp_path / "all.warc.gz"
    result = CliRunner().invoke(cli, ["--db", db_url, "export", "warc", "--all", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 capture(s) used by 4 event(s)" in result.output
    _check(out)
    index = subprocess.run([WARCIO, "index", str(out)], capture_output=True, text=True)
    assert index.returncode == 0, index.stderr
    types = [json.loads(line)["warc-type"] for line in index.stdout.splitlines()]
    assert types == ["warcinfo", *["request", "response", "metadata"] * 2]
    with out.open("rb") as handle:
        records = list(_records(handle))
    responses = {r["uri"]: r for r in records if r["type"] == "response"}
    page = responses[httpserver.url_for("/story")]
    assert page["raw"] == sent
    assert page["headers"].get_header("X-Case") == "Kept"
    assert page["ip"] == "127.0.0.1"
    assert responses[httpserver.url_for("/rss")]["raw"] == rss
    metadata = [json.loads(r["raw"]) for r in records if r["type"] == "metadata"]
    assert sorted(len(m["events"]) for m in metadata) == [1, 3]


def _records(handle):  # type: ignore[no-untyped-def]
    for record in ArchiveIterator(handle):
        yield {
            "type": record.rec_type,
            "uri": record.rec_headers.get_header("WARC-Target-URI"),
            "ip": record.rec_headers.get_header("WARC-IP-Address"),
            "headers": record.http_headers,
            "raw": record.raw_stream.read(),
        }


def test_one_report_and_file_captures(store: EventStore, db_url: str, tmp_path: Path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text("300 soldiers were seen.")
    (notes / "b.md").write_text("40 tanks were seen.")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(notes)]).exit_code == 0
    out = tmp_path / "a.warc.gz"
    result = runner.invoke(cli, ["--db", db_url, "export", "warc", "a.txt", "-o", str(out)])
    assert result.exit_code == 0, result.output
    _check(out)
    with out.open("rb") as handle:
        records = list(_records(handle))
    [resource] = [r for r in records if r["type"] == "resource"]
    assert resource["raw"] == b"300 soldiers were seen."
    assert resource["uri"] == (notes / "a.txt").resolve().as_uri()
    bad = runner.invoke(cli, ["--db", db_url, "export", "warc", "-o", str(out)])
    assert bad.exit_code == 2 and "give REPORT_ID… or --all" in bad.output


def test_a_chunked_response_still_checks(tmp_path: Path):
    capture = Capture(
        kind="http",
        uri="http://example.org/",
        final_uri="http://example.org/",
        requested_at="2024-11-07T12:00:00.000000Z",
        responded_at="2024-11-07T12:00:00.100000Z",
        body=b"hello",
        status=200,
        reason="OK",
        http_version="HTTP/1.1",
        peer_ip="192.0.2.1",
        request_headers=(("Host", "example.org"),),
        response_headers=(("Transfer-Encoding", "chunked"), ("Content-Type", "text/plain")),
    )
    out = tmp_path / "c.warc.gz"
    with out.open("wb") as handle:
        write_warc(handle, [Use(capture, capture.sha256, [])], out.name)
    _check(out)
