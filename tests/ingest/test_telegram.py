"""The Telegram reader on a channel export we wrote, and an edit becoming revision 2."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from events import EventStore
from ingest.run import ingest_observations
from ingest.telegram import TelegramExportError, read_telegram_export

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"


def export(name: str):  # type: ignore[no-untyped-def]
    return read_telegram_export((FEEDS / name).read_bytes(), "valley-tg", name)


def test_messages_keys_times_and_forwards() -> None:
    buses, kitchens = export("telegram_v1.json")  # service message and photo skipped
    assert buses.item_key == "1766553092/2"
    # date_unixtime, not the offset-less local `date` (11:00 on the exporting machine).
    assert buses.published_at == datetime(2024, 11, 7, 10, 0, tzinfo=UTC)
    assert buses.raw["chat_id"] == "1766553092"
    assert "forwarded_from" not in buses.raw
    assert kitchens.text == "Update: two field kitchens now operate at the stadium."
    assert kitchens.raw["forwarded_from"] == "Regional Emergency Service"


def test_edit_is_a_new_revision(store: EventStore) -> None:
    first = ingest_observations(store, export("telegram_v1.json"))
    assert first.appended == 2
    second = ingest_observations(store, export("telegram_v2.json"))
    assert (second.appended, second.revised, second.unchanged) == (1, 1, 1)
    stream = store.read_stream("report/valley-tg/1766553092/2")
    assert [e.payload["revision"] for e in stream] == [1, 2]
    assert "about 320 residents" in stream[1].payload["text"]
    assert stream[1].payload["raw"]["edited_at"] == "2024-11-07T13:05:00+00:00"
    assert stream[1].payload["supersedes"] == stream[0].payload["content_sha256"]


def test_not_an_export() -> None:
    with pytest.raises(TelegramExportError, match=r"x\.json: not a Telegram Desktop export"):
        read_telegram_export(b'{"chats": []}', "tg", "x.json")
