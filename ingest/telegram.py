"""The Telegram reader: a Telegram Desktop JSON export (`result.json`) of one channel.

Key = (chat id, message id). Time comes from `date_unixtime`: `date` is the exporting machine's
local time without an offset, so it cannot be placed on the timeline. `text` is a string or a
list of strings and entity objects (`{"type": "bold", "text": "…"}`). An edited message carries
`edited_unixtime`; its new text becomes the next revision of the same stream. A forwarded
message keeps `forwarded_from` in the raw metadata, because who said it first matters.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson

from ingest.errors import SourceError
from ingest.folder import first_sentence
from ingest.observation import Observation


class TelegramExportError(SourceError):
    """The document is not a Telegram Desktop channel export."""


def read_telegram_export(body: bytes, source_id: str, location: str) -> list[Observation]:
    """Every text message of the export, in message order; service messages are skipped."""
    try:
        export = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise TelegramExportError(f"{location}: not JSON ({exc})") from None
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        raise TelegramExportError(
            f"{location}: not a Telegram Desktop export (no 'messages' list at the top level)"
        )
    chat_id = str(export.get("id") or source_id)
    chat_name = export.get("name")
    observations: list[Observation] = []
    for number, message in enumerate(export["messages"]):
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue
        if "id" not in message:
            raise TelegramExportError(f"{location}: message {number} has no 'id'")
        text = flatten_text(message.get("text", "")).strip()
        if not text:
            continue  # a photo or sticker without a caption: nothing to read
        observations.append(_observation(message, text, chat_id, chat_name, source_id))
    return observations


def flatten_text(value: Any) -> str:
    """A message's `text`: a string, or a list of strings and `{"text": …}` entity objects."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in value
            if isinstance(part, str | dict)
        )
    return ""


def _observation(
    message: dict[str, Any], text: str, chat_id: str, chat_name: Any, source_id: str
) -> Observation:
    raw: dict[str, Any] = {"chat_id": chat_id, "message_id": message["id"]}
    if chat_name:
        raw["chat_name"] = str(chat_name)
    for name in ("forwarded_from", "from", "reply_to_message_id"):
        if message.get(name) is not None:
            raw[name] = message[name]
    edited = _unix(message.get("edited_unixtime"))
    if edited is not None:
        raw["edited_at"] = edited.isoformat()
    author = message.get("author") or message.get("from")
    return Observation(
        source_id=source_id,
        item_key=f"{chat_id}/{message['id']}",
        text=text,
        url=None,
        title=first_sentence(text),
        authors=(str(author),) if author else (),
        published_at=_unix(message.get("date_unixtime")),
        raw=raw,
    )


def _unix(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    try:
        return datetime.fromtimestamp(int(value), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None
