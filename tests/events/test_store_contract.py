"""The store's promises (DESIGN.md, "The log", 1-8), each checked on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
import re
import time
import tracemalloc
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from events import (
    ConcurrencyError,
    EventStore,
    IdempotencyConflict,
    NewEvent,
    StoreUnavailable,
    UpcasterRegistry,
    content_event_id,
)
from events.chain import GENESIS_HASH
from tests.events.writers import append_many


def tick(i: int, stream: str = "s", **extra: object) -> NewEvent:
    return NewEvent(
        event_id=content_event_id("tick", stream, str(i)),
        stream_id=stream,
        type="Tick",
        schema_version=1,
        payload={"i": i, **extra},
    )


def count_rows(store: EventStore) -> int:
    with store.db.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM events")).scalar_one()


# 1. Order --------------------------------------------------------------------------------------


def test_two_writer_processes_give_gap_free_order_seen_by_a_following_reader(db_url: str):
    store = EventStore.open(db_url)
    ctx = multiprocessing.get_context("spawn")
    per_writer = 1500
    writers = [ctx.Process(target=append_many, args=(db_url, w, per_writer, 10)) for w in (1, 2)]
    for w in writers:
        w.start()
    seen: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        last = seen[-1] if seen else 0
        seen.extend(e.position for e in store.read(after=last))
        if not any(w.is_alive() for w in writers) and len(seen) >= 2 * per_writer:
            break
        time.sleep(0.005)
    for w in writers:
        w.join(timeout=30)
        assert w.exitcode == 0
    seen.extend(e.position for e in store.read(after=seen[-1] if seen else 0))
    assert seen == list(range(1, 2 * per_writer + 1))
    per_stream: dict[str, list[int]] = {}
    for e in store.read():
        per_stream.setdefault(e.stream_id, []).append(e.payload["i"])
    assert per_stream == {f"writer-{w}": list(range(per_writer)) for w in (1, 2)}
    assert store.verify().ok
    store.close()


def test_two_stores_on_one_log_taking_turns_keep_positions_gap_free(db_url: str):
    """Each store starts its append from the head it last committed where the dialect lets it
    (SQLite): the other store's appends in between make that head stale, which must cost a
    retry, never a gap, a fork of the chain or a wrong stream version."""
    first, second = EventStore.open(db_url), EventStore.open(db_url)
    try:
        positions = []
        for i in range(12):
            writer = first if i % 3 else second
            positions += writer.append([tick(i, "shared"), tick(i, f"own-{i % 3 != 0}")])
        assert positions == list(range(1, 25))
        assert first.head() == second.head()
        assert first.head()[0] == 24
        assert [e.stream_version for e in first.read_stream("shared")] == list(range(1, 13))
        assert first.verify().ok
    finally:
        first.close()
        second.close()


def test_recorded_at_is_the_fixed_width_utc_time_of_the_append(store: EventStore):
    before = datetime.now(UTC)
    store.append([tick(0)])
    after = datetime.now(UTC)
    recorded = store.get(1).recorded_at
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", recorded), recorded
    moment = datetime.strptime(recorded, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    assert before - timedelta(milliseconds=1) <= moment <= after + timedelta(milliseconds=1)


# 2. Atomic batches -----------------------------------------------------------------------------


def test_a_batch_that_fails_in_the_database_half_way_writes_nothing(store: EventStore):
    store.append([tick(0)])
    doomed = tick(3)
    if store.db.backend == "sqlite":
        ddl = [
            f"CREATE TRIGGER t_fail BEFORE INSERT ON events WHEN NEW.event_id = "
            f"'{doomed.event_id}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
        ]
    else:
        ddl = [
            "CREATE FUNCTION t_fail() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.event_id = '{doomed.event_id}' THEN RAISE EXCEPTION 'injected'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER t_fail BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION t_fail()",
        ]
    with store.db.transaction() as conn:
        for statement in ddl:
            conn.exec_driver_sql(statement.replace("%", "%%"))
    head_before = store.head()
    with pytest.raises(StoreUnavailable, match="injected"):
        store.append([tick(1), tick(2), doomed, tick(4)])
    assert count_rows(store) == 1
    assert store.head() == head_before
    assert [e.payload["i"] for e in store.read()] == [0]


# 3. Idempotency --------------------------------------------------------------------------------


def test_appending_a_stored_event_again_returns_its_position_and_adds_nothing(store: EventStore):
    assert store.append([tick(0), tick(1)]) == [1, 2]
    assert store.append([tick(1)]) == [2]
    assert store.append([tick(0), tick(1), tick(2)]) == [1, 2, 3]
    assert count_rows(store) == 3
    assert store.verify().ok


def test_the_same_id_with_other_content_is_refused_and_nothing_is_written(store: EventStore):
    store.append([tick(0)])
    changed = NewEvent(tick(0).event_id, "s", "Tick", 1, {"i": 0, "changed": True})
    with pytest.raises(IdempotencyConflict, match="already stored at position 1"):
        store.append([tick(5), changed])
    assert count_rows(store) == 1


# 4. Concurrency --------------------------------------------------------------------------------


def test_a_wrong_expected_version_fails_and_writes_nothing(store: EventStore):
    store.append([tick(0), tick(1)], expected_versions={"s": 0})
    with pytest.raises(ConcurrencyError, match="at version 2, expected 1"):
        store.append([tick(2), tick(9, stream="other")], expected_versions={"s": 1})
    assert count_rows(store) == 2
    assert store.append([tick(2)], expected_versions={"s": 2}) == [3]
    with pytest.raises(ConcurrencyError):
        store.append([tick(0, stream="new")], expected_versions={"new": 1})


# 5. Immutability -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE events SET type = 'Forged' WHERE position = 1",
        "DELETE FROM events WHERE position = 1",
    ],
)
def test_raw_update_and_delete_are_refused_by_the_database(store: EventStore, statement: str):
    store.append([tick(0)])
    with pytest.raises(StoreUnavailable, match="immutable"), store.db.transaction() as conn:
        conn.execute(text(statement))
    assert [e.type for e in store.read()] == ["Tick"]


# 6. Tamper evidence ----------------------------------------------------------------------------


def _behind_the_triggers_back(store: EventStore, statement: str) -> None:
    with store.db.transaction() as conn:
        if store.db.backend == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER events_refuse_update")
            conn.exec_driver_sql("DROP TRIGGER events_refuse_delete")
        else:
            conn.exec_driver_sql("ALTER TABLE events DISABLE TRIGGER USER")
        conn.exec_driver_sql(statement)


def test_verify_names_the_altered_position(store: EventStore):
    store.append([tick(i) for i in range(10)])
    assert store.verify().ok
    _behind_the_triggers_back(store, "UPDATE events SET payload = '{\"i\":60}' WHERE position = 6")
    report = store.verify()
    assert not report.ok
    assert report.first_bad_position == 6
    assert report.checked == 5


def test_verify_names_a_deleted_position(store: EventStore):
    store.append([tick(i) for i in range(10)])
    _behind_the_triggers_back(store, "DELETE FROM events WHERE position = 4")
    report = store.verify()
    assert (report.ok, report.first_bad_position) == (False, 4)


def test_verify_catches_a_truncated_tail(store: EventStore):
    store.append([tick(i) for i in range(10)])
    _behind_the_triggers_back(store, "DELETE FROM events WHERE position = 10")
    report = store.verify()
    assert (report.ok, report.first_bad_position) == (False, 10)


def test_an_empty_log_verifies(store: EventStore):
    report = store.verify()
    assert (report.ok, report.checked) == (True, 0)
    assert store.head() == (0, GENESIS_HASH)


# 7. Streaming reads ----------------------------------------------------------------------------


def test_reading_100k_events_runs_in_bounded_memory(store: EventStore):
    filler = "n" * 200
    for start in range(0, 100_000, 5_000):
        store.append([tick(i, filler=filler) for i in range(start, start + 5_000)])
    tracemalloc.start()
    try:
        count = 0
        total = 0
        for event in store.read():
            count += 1
            total += event.payload["i"]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 100_000
    assert total == sum(range(100_000))
    # The log holds ~30 MB of payload; a page of 1,000 events is well under 5 MB.
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


# 8. Evolution ----------------------------------------------------------------------------------


def test_an_upcaster_lifts_old_events_on_read_and_the_row_is_unchanged(db_url: str):
    old = EventStore.open(db_url, upcasters=UpcasterRegistry())
    old.append([NewEvent("e1", "s", "Renamed", 1, {"name": "Kursk"})])
    old.close()

    registry = UpcasterRegistry()

    @registry.register("Renamed", from_version=1)
    def _v1_to_v2(payload: dict) -> dict:
        return {"place": payload["name"]}

    @registry.register("Renamed", from_version=2)
    def _v2_to_v3(payload: dict) -> dict:
        return {**payload, "country": None}

    store = EventStore.open(db_url, upcasters=registry)
    (event,) = list(store.read())
    assert (event.schema_version, event.payload) == (3, {"place": "Kursk", "country": None})
    with store.db.connect() as conn:
        row = conn.execute(text("SELECT schema_version, payload FROM events")).one()
    assert tuple(row) == (1, '{"name":"Kursk"}')
    assert store.verify().ok
    store.close()
