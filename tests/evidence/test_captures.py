"""Raw captures: each response a reader used is kept as the test server sent it (status,
headers, final URL, address, times, body bytes before content decoding), content-addressed,
named by the events that used it, deduplicated, and refused UPDATE and DELETE."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from sqlalchemy import delete, func, select, update
from werkzeug import Response

from events import EventStore, StoreUnavailable, decode
from events.captures import CaptureStore
from events.errors import CaptureError
from events.schema import capture_bodies, captures
from ingest.folder import read_folder
from ingest.run import ingest_observations
from tests.evidence.attacker import unguard
from tests.evidence.sources import poll_source

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"
RSS2 = (FEEDS / "rss2.xml").read_bytes()
PAGE = (
    b"<html><head><title>Troops</title></head><body><article><p>North Korean forces,"
    b" reportedly numbering up to 11,000, were seen near Kursk on Tuesday, officials said."
    b"</p><p>A second paragraph of the report follows here with more words.</p></article>"
    b"</body></html>"
)


def _reports(store: EventStore) -> list:  # type: ignore[type-arg]
    return [decode(e).data for e in store.read() if e.type == "ReportObserved"]


def test_a_page_capture_is_the_bytes_the_server_sent(httpserver: HTTPServer, store: EventStore):
    sent = gzip.compress(PAGE, mtime=0)
    httpserver.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": "/story"})
    )
    httpserver.expect_request("/story").respond_with_response(
        Response(
            sent,
            status=200,
            headers={"Content-Encoding": "gzip", "Content-Type": "text/html", "X-Case": "Kept"},
        )
    )
    poll_source(store, httpserver.url_for("/old"), "page")
    [report] = _reports(store)
    assert "11,000" in report.text  # the reader got the decoded page
    capture = CaptureStore(store.db).get(report.capture_sha256)
    assert capture.body == sent  # as it came off the wire: still gzip
    assert capture.sha256 == report.capture_sha256
    assert capture.status == 200 and capture.reason == "OK"
    assert capture.uri == httpserver.url_for("/old")
    assert capture.final_uri == httpserver.url_for("/story")
    assert capture.peer_ip == "127.0.0.1"
    assert ("X-Case", "Kept") in capture.response_headers
    assert ("Content-Encoding", "gzip") in capture.response_headers
    assert any(k.lower() == "user-agent" for k, _ in capture.request_headers)
    assert capture.requested_at <= capture.responded_at
    assert capture.http_version in ("HTTP/1.0", "HTTP/1.1")  # what werkzeug answered


def test_feed_items_share_one_capture_and_bodies_are_stored_once(
    httpserver: HTTPServer, store: EventStore
):
    httpserver.expect_request("/rss").respond_with_data(RSS2)
    httpserver.expect_request("/copy").respond_with_data(RSS2)
    poll_source(store, httpserver.url_for("/rss"), "feed")
    poll_source(store, httpserver.url_for("/copy"), "feed", source_id="mirror")
    reports = _reports(store)
    assert len(reports) == 6
    digests = {r.capture_sha256 for r in reports}
    assert len(digests) == 2  # one per response
    with store.db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(captures)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(capture_bodies)).scalar_one() == 1
    for digest in digests:
        assert CaptureStore(store.db).get(digest).body == RSS2


def test_folder_files_are_captured_with_their_bytes(store: EventStore, tmp_path: Path):
    folder = tmp_path / "notes"
    folder.mkdir()
    raw = "\ufeffA note: 300 soldiers were seen.\r\n".encode()
    (folder / "a.txt").write_bytes(raw)
    ingest_observations(store, read_folder(folder, "notes"))
    [report] = _reports(store)
    capture = CaptureStore(store.db).get(report.capture_sha256)
    assert capture.kind == "file"
    assert capture.body == raw
    assert capture.uri == (folder / "a.txt").resolve().as_uri()


def test_a_report_without_a_capture_keeps_its_old_bytes():
    from events import NewEvent, ReportObserved

    model = ReportObserved(
        source_id="s",
        item_key="k",
        observed_at="2024-11-07T00:00:00Z",
        text="t",
        content_sha256="0" * 64,
    )
    assert "capture_sha256" not in NewEvent.of(model, stream_id="r").payload
    with_one = model.model_copy(update={"capture_sha256": "ab" * 32})
    assert NewEvent.of(with_one, stream_id="r").payload["capture_sha256"] == "ab" * 32


def test_captures_refuse_update_and_delete_and_tampering_is_caught(
    store: EventStore, tmp_path: Path
):
    folder = tmp_path / "n"
    folder.mkdir()
    (folder / "a.txt").write_text("Two hundred soldiers.")
    ingest_observations(store, read_folder(folder, "n"))
    [report] = _reports(store)
    for table in (captures, capture_bodies):
        for statement in (delete(table), update(table).values(sha256="x")):
            with pytest.raises(StoreUnavailable, match="append-only"), store.db.transaction() as c:
                c.execute(statement)
    with store.db.transaction() as conn:
        unguard(store, conn)
        conn.execute(update(capture_bodies).values(body=b"Two thousand soldiers."))
    with pytest.raises(CaptureError, match="do not match"):
        CaptureStore(store.db).get(report.capture_sha256)
