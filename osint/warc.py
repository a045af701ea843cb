"""WARC 1.1 exports of the captures behind reports (`osint export warc`), written with warcio.

Per HTTP capture: a `request` record (the headers we sent), a `response` record (status line,
headers as they arrived, the body as it came off the wire) and a `metadata` record (JSON: the
capture's digest, the URL first asked for, the request and response times, the address, and the
log events that used it). Per file capture: a `resource` record (the file's bytes under its
`file:` URI) and the same `metadata` record. Each capture is written once however many events
name it. WARC-Date is when the response's headers arrived (or the file was read), to the
microsecond; WARC-IP-Address is the address connected to.

Bodies are kept before content decoding, so `Content-Encoding: gzip` in a response record is
true of its payload. A `Transfer-Encoding` header is kept too, though the body was de-chunked
as it arrived (httpx gives no chunk framing): the export writes it as `X-Archive-Orig-Transfer-
Encoding`, as replay tools name original headers they do not apply, so no reader tries to
de-chunk the payload.
"""

from __future__ import annotations

import io
import mimetypes
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import orjson
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from events.captures import Capture

SOFTWARE = "osint-ingest (events.captures; docs/evidence.md)"


@dataclass
class Use:
    """A capture and the log events that used it."""

    capture: Capture
    digest: str
    events: list[dict[str, Any]] = field(default_factory=list)


def _headers(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    return [
        ("X-Archive-Orig-Transfer-Encoding", v) if k.lower() == "transfer-encoding" else (k, v)
        for k, v in pairs
    ]


def _metadata(use: Use) -> bytes:
    c = use.capture
    return orjson.dumps(
        {
            "capture_sha256": use.digest,
            "kind": c.kind,
            "uri": c.uri,
            "final_uri": c.final_uri,
            "requested_at": c.requested_at,
            "responded_at": c.responded_at,
            "peer_ip": c.peer_ip,
            "body_sha256": c.body_sha256,
            "events": use.events,
        },
        option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2,
    )


def write_warc(out: BinaryIO, uses: Iterable[Use], filename: str) -> int:
    """Write a gzipped WARC 1.1 file of `uses` to `out`; return how many captures."""
    writer = WARCWriter(out, gzip=True, warc_version="1.1")
    writer.write_record(
        writer.create_warcinfo_record(filename, {"software": SOFTWARE, "format": "WARC 1.1"})
    )
    count = 0
    for use in uses:
        c = use.capture
        date = c.responded_at
        if c.kind == "http":
            response = writer.create_warc_record(
                c.final_uri,
                "response",
                payload=io.BytesIO(c.body),
                length=len(c.body),
                http_headers=StatusAndHeaders(
                    f"{c.status} {c.reason or ''}".strip(),
                    _headers(c.response_headers),
                    protocol=c.http_version or "HTTP/1.1",
                ),
                warc_headers_dict=_warc_headers(date, c.peer_ip),
            )
            target = urlsplit(c.final_uri)
            path = (target.path or "/") + (f"?{target.query}" if target.query else "")
            request = writer.create_warc_record(
                c.final_uri,
                "request",
                payload=io.BytesIO(b""),
                length=0,
                http_headers=StatusAndHeaders(
                    f"GET {path} {c.http_version or 'HTTP/1.1'}",
                    _headers(c.request_headers),
                    is_http_request=True,
                ),
                warc_headers_dict={
                    **_warc_headers(c.requested_at, c.peer_ip),
                    "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID"),
                },
            )
            main = response
            records = [request, response]
        else:
            kind = mimetypes.guess_type(Path(urlsplit(c.uri).path).name)[0]
            main = writer.create_warc_record(
                c.uri,
                "resource",
                payload=io.BytesIO(c.body),
                length=len(c.body),
                warc_content_type=kind or "application/octet-stream",
                warc_headers_dict=_warc_headers(date, None),
            )
            records = [main]
        meta = _metadata(use)
        records.append(
            writer.create_warc_record(
                c.final_uri,
                "metadata",
                payload=io.BytesIO(meta),
                length=len(meta),
                warc_content_type="application/json",
                warc_headers_dict={
                    **_warc_headers(date, None),
                    "WARC-Refers-To": main.rec_headers.get_header("WARC-Record-ID"),
                },
            )
        )
        for record in records:
            writer.write_record(record)
        count += 1
    return count


def _warc_headers(date: str, ip: str | None) -> dict[str, str]:
    headers = {"WARC-Date": date}
    if ip:
        headers["WARC-IP-Address"] = ip
    return headers
