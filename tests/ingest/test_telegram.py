"""The Telegram reader on a channel export we wrote, and an edit becoming revision 2."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson
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


ACCOUNT = {
    "about": "Here is the data you requested.",
    "personal_information": {"first_name": "Desk"},
    "chats": {
        "about": "This page lists all chats from this export.",
        "list": [
            {
                "name": "Valley Updates",
                "type": "public_channel",
                "id": 1766553092,
                "messages": [
                    {
                        "id": 2,
                        "type": "message",
                        "date_unixtime": "1730973600",
                        "text": "Buses will carry about 300 residents to the stadium shelter.",
                    },
                    {"id": 3, "type": "service", "action": "pin_message"},
                ],
            },
            {
                "name": "Harbour Notices",
                "type": "private_channel",
                "id": 1900000001,
                "messages": [
                    {
                        "id": 2,
                        "type": "message",
                        "date_unixtime": "1730977200",
                        "text": ["Berth 4 ", {"type": "bold", "text": "reopens"}, " at 06:00."],
                        "forwarded_from": "Port Authority",
                    }
                ],
            },
            {"name": "No messages here", "type": "saved_messages"},
        ],
    },
    "left_chats": {
        "list": [
            {
                "name": "Old Road Group",
                "type": "private_group",
                "messages": [
                    {"id": 7, "type": "message", "date_unixtime": "1699999999", "text": "Done."}
                ],
            }
        ]
    },
}


def test_a_whole_account_export_reads_every_chat() -> None:
    observations = read_telegram_export(orjson.dumps(ACCOUNT), "desk-tg", "result.json")
    assert [o.item_key for o in observations] == [
        "1766553092/2",
        "1900000001/2",
        "Old Road Group/7",  # a chat without an id is keyed by its name
    ]
    buses, berth, road = observations
    assert buses.raw["chat_name"] == "Valley Updates"
    assert buses.published_at == datetime(2024, 11, 7, 10, 0, tzinfo=UTC)
    assert berth.text == "Berth 4 reopens at 06:00."
    assert berth.raw["forwarded_from"] == "Port Authority"
    assert road.raw["chat_name"] == "Old Road Group"
