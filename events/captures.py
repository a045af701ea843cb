"""Raw captures: what a reader used, kept as it arrived, content-addressed and never changed.

A capture is an HTTP response (status, headers in arrival order and case, the final URL after
redirects, the address connected to, request and response times, the headers we sent, the body
bytes as they came off the wire: after transfer decoding, before content decoding) or a file
read from disk (its `file:` URI, the time it was read, its bytes). Its record is canonical JSON
(sorted keys, no insignificant whitespace) holding the body's SHA-256; the capture's digest is
the SHA-256 of that record, so it covers the body and every field. `ReportObserved` carries it
(`capture_sha256`), so the log's hash chain and Merkle tree cover the capture too.

Stored in the database, beside the log, rather than as files: a capture is written in its own
transaction just before the events that name it (so no event names a capture that is not
there), it is backed up, copied and served with the log on either backend, and the database
refuses to change it (triggers, as for events). Bodies are stored once per distinct content:
polling a feed that has not changed adds a small record, not another copy of the document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import select

from events.errors import CaptureError
from events.schema import capture_bodies, captures

_SORTED = orjson.OPT_SORT_KEYS


@dataclass(frozen=True, slots=True)
class Capture:
    """One response or file, as it arrived. `kind`: `http` or `file`."""

    kind: str
    uri: str  # what was asked for
    final_uri: str  # where the bytes came from (after redirects)
    requested_at: str  # UTC, ISO 8601
    responded_at: str
    body: bytes = field(repr=False)
    status: int | None = None
    reason: str | None = None
    http_version: str | None = None
    peer_ip: str | None = None
    request_headers: tuple[tuple[str, str], ...] = ()
    response_headers: tuple[tuple[str, str], ...] = ()

    @property
    def body_sha256(self) -> str:
        return hashlib.sha256(self.body).hexdigest()

    def record(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "uri": self.uri,
            "final_uri": self.final_uri,
            "requested_at": self.requested_at,
            "responded_at": self.responded_at,
            "status": self.status,
            "reason": self.reason,
            "http_version": self.http_version,
            "peer_ip": self.peer_ip,
            "request_headers": [list(h) for h in self.request_headers],
            "response_headers": [list(h) for h in self.response_headers],
            "body_sha256": self.body_sha256,
            "body_size": len(self.body),
        }

    def record_bytes(self) -> bytes:
        return orjson.dumps(self.record(), option=_SORTED)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.record_bytes()).hexdigest()

    @classmethod
    def from_record(cls, record: dict[str, Any], body: bytes) -> Capture:
        return cls(
            kind=record["kind"],
            uri=record["uri"],
            final_uri=record["final_uri"],
            requested_at=record["requested_at"],
            responded_at=record["responded_at"],
            body=body,
            status=record["status"],
            reason=record["reason"],
            http_version=record["http_version"],
            peer_ip=record["peer_ip"],
            request_headers=tuple((k, v) for k, v in record["request_headers"]),
            response_headers=tuple((k, v) for k, v in record["response_headers"]),
        )


class CaptureStore:
    """Captures in the log's database (`events.db.Database`)."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def put(self, items: Iterable[Capture]) -> list[str]:
        """Store each capture (and its body) unless already stored; return their digests."""
        bodies: dict[str, dict[str, Any]] = {}
        records: dict[str, dict[str, Any]] = {}
        digests = []
        for c in items:
            digest = c.sha256
            digests.append(digest)
            bodies[c.body_sha256] = {"sha256": c.body_sha256, "size": len(c.body), "body": c.body}
            records[digest] = {
                "sha256": digest,
                "body_sha256": c.body_sha256,
                "record": c.record_bytes().decode(),
            }
        if records:
            with self.db.transaction() as conn:
                self.db.upsert(conn, capture_bodies, list(bodies.values()), key=["sha256"])
                self.db.upsert(conn, captures, list(records.values()), key=["sha256"])
        return digests

    def get(self, digest: str) -> Capture:
        """The capture `digest`, its bytes checked against its digests; `CaptureError` if it is
        not stored or does not match."""
        found = self.many([digest])
        if digest not in found:
            raise CaptureError(f"no capture {digest}")
        return found[digest]

    def many(self, digests: Sequence[str]) -> dict[str, Capture]:
        wanted = list(dict.fromkeys(digests))
        found: dict[str, Capture] = {}
        with self.db.connect() as conn:
            for start in range(0, len(wanted), 200):
                chunk = wanted[start : start + 200]
                rows = conn.execute(
                    select(captures.c.sha256, captures.c.record, capture_bodies.c.body)
                    .join(capture_bodies, capture_bodies.c.sha256 == captures.c.body_sha256)
                    .where(captures.c.sha256.in_(chunk))
                ).all()
                for digest, record, body in rows:
                    capture = Capture.from_record(orjson.loads(record), bytes(body))
                    if capture.sha256 != digest:
                        raise CaptureError(f"capture {digest}: its bytes do not match its digest")
                    found[digest] = capture
        return found
