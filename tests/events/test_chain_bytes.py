"""The fast paths (batched append, inlined verify) hash exactly what the reference definitions in
`events.canonical` say: recompute every stored hash with `header_bytes` and `chain_hash`."""

from __future__ import annotations

from sqlalchemy import text

from events import EventStore, NewEvent, content_event_id
from events.canonical import GENESIS_HASH, chain_hash, header_bytes


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
    with store.read_connection() as conn:
        rows = conn.execute(text("SELECT * FROM events ORDER BY position")).mappings().all()
    prev = GENESIS_HASH
    for row in rows:
        header = header_bytes(
            row["event_id"],
            row["stream_id"],
            row["stream_version"],
            row["type"],
            row["schema_version"],
            row["recorded_at"],
            row["metadata"].encode(),
        )
        assert row["prev_hash"] == prev
        assert row["hash"] == chain_hash(prev, row["position"], header, row["payload"].encode())
        prev = row["hash"]
    assert [r["stream_version"] for r in rows] == [1, 1, 1, 2, 2, 2, 3, 4, 1]
    assert store.head() == (9, prev)
    assert store.verify().ok
    store.close()


def test_read_and_verify_stop_at_until_and_head(db_url: str):
    store = EventStore.open(db_url)
    store.append(
        [NewEvent(content_event_id("u", str(i)), "s", "Tick", 1, {"i": i}) for i in range(25)]
    )
    assert [e.position for e in store.read(after=3, until=12, page_size=4)] == list(range(4, 13))
    assert [e.position for e in store.read(until=8, page_size=4)] == list(range(1, 9))
    with store.read_connection() as conn:
        assert [e.position for e in store.read_page(conn, 20, 10, until=23)] == [21, 22, 23]
    report = store.verify()
    assert (report.ok, report.checked) == (True, 25)
    store.close()
