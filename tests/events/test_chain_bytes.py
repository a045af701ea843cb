"""The store hashes exactly what DESIGN.md's definition says. The definition is written out
again here, independently of `events.chain`, and every stored hash is recomputed with it:

    hash_n = SHA-256(hash_{n-1} ‖ position ‖ header ‖ SHA-256(payload))
"""

from __future__ import annotations

import hashlib
import struct

from sqlalchemy import text

from events import EventStore, NewEvent, content_event_id
from events.chain import GENESIS_HASH


def _field(value: str | bytes) -> bytes:
    data = value.encode() if isinstance(value, str) else value
    return struct.pack(">I", len(data)) + data


def header_bytes(*fields: str | bytes) -> bytes:
    return b"".join(_field(f) for f in fields)


def chain_hash(prev_hex: str, position: int, header: bytes, payload: bytes) -> str:
    digest = hashlib.sha256()
    digest.update(bytes.fromhex(prev_hex))
    digest.update(position.to_bytes(8, "big"))
    digest.update(header)
    digest.update(hashlib.sha256(payload).digest())
    return digest.hexdigest()


def test_stored_hashes_follow_the_reference_chain_definition(db_url: str):
    store = EventStore.open(db_url)
    store.append(
        [
            NewEvent(content_event_id("c", str(i)), f"s{i % 3}", "Tick", 1, {"i": i, "é": "ü"})
            for i in range(7)
        ]
    )
    store.append([NewEvent(content_event_id("c", "meta"), "s0", "Other", 2, {}, {"by": "me"})])
    store.append([NewEvent(content_event_id("c", "single"), "s9", "Tick", 1, {"i": 99})])
    with store.db.connect() as conn:
        rows = conn.execute(text("SELECT * FROM events ORDER BY position")).mappings().all()
    prev = GENESIS_HASH
    for row in rows:
        header = header_bytes(
            row["event_id"],
            row["stream_id"],
            str(row["stream_version"]),
            row["type"],
            str(row["schema_version"]),
            row["recorded_at"],
            row["metadata"],
        )
        assert row["prev_hash"] == prev
        assert row["hash"] == chain_hash(prev, row["position"], header, row["payload"].encode())
        prev = row["hash"]
    assert [r["stream_version"] for r in rows] == [1, 1, 1, 2, 2, 2, 3, 4, 1]
    assert store.head() == (9, prev)
    assert store.verify().ok
    checked = store.checked(5)
    assert checked is not None and checked.hash_ok and checked.link_ok
    assert checked.recomputed == rows[4]["hash"] and checked.previous_hash == rows[3]["hash"]
    store.close()


def test_read_and_verify_stop_at_until_and_head(db_url: str):
    store = EventStore.open(db_url)
    store.append(
        [NewEvent(content_event_id("u", str(i)), "s", "Tick", 1, {"i": i}) for i in range(25)]
    )
    assert [e.position for e in store.read(after=3, until=12, page_size=4)] == list(range(4, 13))
    assert [e.position for e in store.read(until=8, page_size=4)] == list(range(1, 9))
    with store.db.connect() as conn:
        assert [e.position for e in store.read_page(conn, 20, 10, until=23)] == [21, 22, 23]
    report = store.verify()
    assert (report.ok, report.checked) == (True, 25)
    store.close()
