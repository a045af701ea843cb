"""Schema versions: an older database is upgraded on open, a newer one is refused clearly."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from events import EventStore, NewEvent, SchemaVersionError, content_event_id
from events.schema import SCHEMA_VERSION, UPGRADES
from osint.cli import cli


def _tick(i: int) -> NewEvent:
    return NewEvent(content_event_id("schema", str(i)), "s", "Tick", 1, {"i": i})


def _stored_version(store: EventStore) -> int:
    with store.read_connection() as conn:
        return conn.execute(text("SELECT version FROM schema_info WHERE id = 1")).scalar_one()


def _set_version(store: EventStore, version: int) -> None:
    with store.write() as conn:
        conn.execute(text("UPDATE schema_info SET version = :v WHERE id = 1"), {"v": version})


def _notify_trigger_exists(store: EventStore) -> bool:
    with store.read_connection() as conn:
        return bool(
            conn.execute(
                text("SELECT count(*) FROM pg_trigger WHERE tgname = 'events_notify_append'")
            ).scalar_one()
        )


def _make_version_1(store: EventStore) -> None:
    """Turn a fresh database into what schema version 1 made: no notify trigger."""
    if store.dialect.name == "postgresql":
        with store.write() as conn:
            conn.exec_driver_sql("DROP TRIGGER events_notify_append ON events")
    _set_version(store, 1)


def test_every_version_below_the_current_one_has_an_upgrade_step():
    assert sorted(UPGRADES) == list(range(1, SCHEMA_VERSION))


def test_a_new_database_is_made_at_the_current_version(db_url: str):
    store = EventStore.open(db_url)
    assert _stored_version(store) == SCHEMA_VERSION
    store.close()


def test_a_version_1_database_is_upgraded_on_open_and_keeps_its_events(db_url: str):
    old = EventStore.open(db_url)
    assert old.append([_tick(0), _tick(1)]) == [1, 2]
    _make_version_1(old)
    old.close()

    store = EventStore.open(db_url)
    assert _stored_version(store) == SCHEMA_VERSION
    if store.dialect.name == "postgresql":
        assert _notify_trigger_exists(store)
    assert [e.payload["i"] for e in store.read()] == [0, 1]
    assert store.append([_tick(2)]) == [3]
    assert store.verify().ok
    store.close()


def test_a_database_from_a_newer_program_is_refused_and_left_unchanged(db_url: str):
    store = EventStore.open(db_url)
    store.append([_tick(0)])
    _set_version(store, SCHEMA_VERSION + 1)
    store.close()

    with pytest.raises(SchemaVersionError) as caught:
        EventStore.open(db_url)
    message = str(caught.value)
    assert f"schema version {SCHEMA_VERSION + 1}" in message
    assert f"knows up to {SCHEMA_VERSION}" in message
    assert "upgrade osint" in message

    # Opened by hand (not through EventStore): still the newer version, still one event.
    engine = create_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_info")).scalar_one() == (
            SCHEMA_VERSION + 1
        )
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 1
    engine.dispose()


def test_the_command_line_says_so_in_one_line_and_exits_1(sqlite_url: str):
    store = EventStore.open(sqlite_url)
    _set_version(store, SCHEMA_VERSION + 1)
    store.close()

    result = CliRunner().invoke(cli, ["--db", sqlite_url, "verify"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "newer version of osint" in lines[0]
