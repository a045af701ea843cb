"""The Telegram reader: a Telegram Desktop JSON export (`result.json`) of one channel, or of a
whole account (`chats.list` and `left_chats.list`, each chat with its own `messages`).

Key = (chat id, message id), in a whole-account export too; a chat without an `id` is keyed by
its name, else by its place in the list. Time comes from `date_unixtime`: `date` is the
exporting machine's local time without an offset, so it cannot be placed on the timeline.
`text` is a string or a list of strings and entity objects (`{"type": "bold", "text": "…"}`).
An edited message carries `edited_unixtime`; its new text becomes the next revision of the same
stream. A forwarded message keeps `forwarded_from` in the raw metadata, because who said it
first matters.
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
    """Every text message of every chat in the export, in chat and message order; service
    messages are skipped."""
    try:
        export = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise TelegramExportError(f"{location}: not JSON ({exc})") from None
    observations: list[Observation] = []
    for chat_id, chat in _chats(export, source_id, location):
        observations.extend(_messages(chat, chat_id, source_id, location))
    return observations


def _chats(export: Any, source_id: str, location: str) -> list[tuple[str, dict[str, Any]]]:
    """(chat id, chat) for a one-chat export, or for every chat of a whole-account one."""
    if isinstance(export, dict) and isinstance(export.get("messages"), list):
        return [(str(export.get("id") or source_id), export)]
    sections = (
        [export.get(name) for name in ("chats", "left_chats")] if isinstance(export, dict) else []
    )
    lists = [s["list"] for s in sections if isinstance(s, dict) and isinstance(s.get("list"), list)]
    if not lists:
        raise TelegramExportError(
            f"{location}: not a Telegram Desktop export (no 'messages' list at the top level"
            " and no 'chats.list')"
        )
    keyed: list[tuple[str, dict[str, Any]]] = []
    for number, chat in enumerate(chat for found in lists for chat in found):
        if isinstance(chat, dict) and isinstance(chat.get("messages"), list):
            name = chat.get("name")
            fallback = name if isinstance(name, str) and name.strip() else f"chat-{number}"
            keyed.append((str(chat.get("id") or fallback), chat))
    return keyed


def _messages(
    chat: dict[str, Any], chat_id: str, source_id: str, location: str
) -> list[Observation]:
    chat_name = chat.get("name")
    observations: list[Observation] = []
    for number, message in enumerate(chat["messages"]):
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue
        if "id" not in message:
            raise TelegramExportError(f"{location}: chat {chat_id}: message {number} has no 'id'")
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
