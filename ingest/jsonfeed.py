"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) → entries shaped like feedparser's.

feedparser 6.0 reads no JSON Feed, so `read_feed` refused every one. A JSON Feed is recognised
by its content (a JSON object whose `version` starts with `https://jsonfeed.org/version/`, or
the same with http), not by a Content-Type header, because files on disk have none and servers
often send `text/plain`.
Each item becomes a dict with the keys feedparser would give an RSS or Atom entry (`id`,
`link`, `title` with `title_detail.type`, `content`, `summary`, `published_parsed`, `authors`,
`tags`), so keys, titles, text and dates go through the same code as every other feed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import orjson

# The spec's URL is https; some generators write http, and mean the same version.
VERSION_PREFIXES = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
_PLAIN = {"type": "text/plain"}
_HTML = {"type": "text/html"}


def json_feed_document(body: bytes) -> dict[str, Any] | None:
    """The parsed JSON Feed if `body` is one, else None (then it is read as XML)."""
    text = body.removeprefix(b"\xef\xbb\xbf")
    if not text.lstrip(b" \t\r\n").startswith(b"{"):
        return None
    try:
        document = orjson.loads(text)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(document, dict):
        return None
    version = document.get("version")
    if not isinstance(version, str) or not version.startswith(VERSION_PREFIXES):
        return None
    return document


def feed_version(document: dict[str, Any]) -> str:
    """`json10`, `json11`, … in the style of feedparser's `rss20` and `atom10`."""
    number = str(document.get("version", "")).split("/version/", 1)[-1].strip("/")
    return "json" + "".join(ch for ch in number if ch.isdigit())[:4] if number else "json"


def feed_title(document: dict[str, Any]) -> str | None:
    title = document.get("title")
    return title if isinstance(title, str) else None


def entries(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The items as feedparser-shaped dicts; items that are not objects are skipped."""
    items = document.get("items")
    if not isinstance(items, list):
        return []
    feed_authors = _authors(document)
    return [_entry(item, feed_authors) for item in items if isinstance(item, dict)]


def _entry(item: dict[str, Any], feed_authors: list[dict[str, str]]) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if isinstance(item.get("id"), str | int | float) and not isinstance(item.get("id"), bool):
        entry["id"] = str(item["id"])
    link = _string(item.get("url")) or _string(item.get("external_url"))
    if link:
        entry["link"] = link.strip()
    title = _string(item.get("title"))
    if title:
        # "title (optional, string) is plain text" (the spec): never stripped of markup.
        entry["title"], entry["title_detail"] = title, _PLAIN
    text = _string(item.get("content_text"))
    html = _string(item.get("content_html"))
    if text:
        entry["content"] = [{"value": text, **_PLAIN}]
    elif html:
        entry["content"] = [{"value": html, **_HTML}]
    summary = _string(item.get("summary"))
    if summary:
        entry["summary"], entry["summary_detail"] = summary, _PLAIN
    for ours, theirs in (("published", "date_published"), ("updated", "date_modified")):
        value = _string(item.get(theirs))
        moment = _rfc3339(value)
        if value:
            entry[ours] = value
        if moment is not None:
            entry[f"{ours}_parsed"] = moment.utctimetuple()
    authors = _authors(item) or feed_authors
    if authors:
        entry["authors"] = authors
    tags = item.get("tags")
    if isinstance(tags, list):
        entry["tags"] = [{"term": t} for t in tags if isinstance(t, str) and t.strip()]
    return entry


def _authors(holder: dict[str, Any]) -> list[dict[str, str]]:
    """1.1's `authors` list, else 1.0's single `author` object; names only, once each."""
    found = holder.get("authors")
    candidates = found if isinstance(found, list) else [holder.get("author")]
    names: list[str] = []
    for author in candidates:
        name = _string(author.get("name")) if isinstance(author, dict) else None
        if name and name.strip() and name.strip() not in names:
            names.append(name.strip())
    return [{"name": name} for name in names]


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _rfc3339(value: str | None) -> datetime | None:
    """JSON Feed dates are RFC 3339; one without an offset is taken as UTC."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    return moment
