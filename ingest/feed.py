"""The feed reader: RSS 0.9x/1.0/2.0, Atom and JSON Feed documents (bytes) → observations.

XML goes through feedparser; a JSON Feed (`ingest.jsonfeed`) is recognised by its content and
turned into entries of the same shape, so both share every step after parsing.

Three traps of feedparser 6.0.14, each avoided here and tested:
- given a `str` or `bytes` that looks like a path or URL, `feedparser.parse` opens it; we only
  ever hand it `io.BytesIO(body)`;
- its loose fallback parser expands entities declared in the document's internal DTD subset
  (a 54 KiB feed became 100 million characters); we strip the subset before parsing;
- an HTML page parses with `bozo` false and no entries; a document with no feed version and no
  entries is `NotAFeed`, not an empty success.

A title is stripped of markup only when feedparser says it is HTML (`title_detail.type`): a
plain-text title such as "History of the <blink> tag" keeps its words as written.

A feed that parses with errors still yields its entries, and the parser's complaint is kept in
each observation's raw metadata (`feed_error`), so it lands on the event.

FeedError (a `SourceError`)
└── NotAFeed   the document is not a feed at all (HTML, a challenge page, garbage)
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser

from ingest import feedlinks, jsonfeed
from ingest.errors import SourceError
from ingest.htmltext import html_to_text
from ingest.observation import Observation


class FeedError(SourceError):
    """A feed document cannot be read."""


class NotAFeed(FeedError):
    """The document is no feed (no feed version and no entries)."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    observations: list[Observation]
    version: str
    title: str | None
    error: str | None


def read_feed(
    body: bytes,
    source_id: str,
    location: str,
    headers: dict[str, str] | None = None,
) -> ParsedFeed:
    """Parse one feed document. `location` (URL or file) names it in errors. It is not given
    to feedparser as a base URL: a relative GUID would then change with the feed's address."""
    document = jsonfeed.json_feed_document(body)
    if document is not None:
        return _parsed(
            jsonfeed.entries(document),
            source_id,
            jsonfeed.feed_version(document),
            _title(jsonfeed.feed_title(document), {"type": "text/plain"}),
            None,
        )
    safe = _replace_impossible_char_refs(strip_internal_subset(_ascii_compatible(body)))
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    try:
        parsed = feedparser.parse(
            io.BytesIO(safe),
            response_headers=response_headers,
            resolve_relative_uris=True,
            sanitize_html=True,
        )
    except (ValueError, UnicodeError, RecursionError) as exc:
        raise FeedError(f"{location}: feed could not be parsed ({type(exc).__name__})") from exc
    version = parsed.get("version") or ""
    entries = list(parsed.get("entries") or [])
    error = _bozo_message(parsed)
    if not version and not entries:
        raise NotAFeed(_not_a_feed(body, location, response_headers.get("content-type"), error))
    feed = parsed.get("feed") or {}
    feed_title = _title(feed.get("title"), feed.get("title_detail"))
    return _parsed(entries, source_id, version, feed_title, error)


def _parsed(
    entries: list[Any], source_id: str, version: str, feed_title: str | None, error: str | None
) -> ParsedFeed:
    keys = item_keys(entries)
    observations = [
        _observation(entry, key, source_id, version, feed_title, error)
        for entry, key in zip(entries, keys, strict=True)
    ]
    return ParsedFeed(observations, version, feed_title, error)


_MEDIA_TYPE = re.compile(r"^\s*([\w.+-]+/[\w.+-]+)")


def _not_a_feed(body: bytes, location: str, content_type: str | None, error: str | None) -> str:
    """What the document is instead, and what to do: an HTML page names the feeds it links
    to, or suggests reading it as a page."""
    if not feedlinks.looks_like_html(body, content_type):
        detail = f" ({error})" if error else ""
        return f"{location}: not a feed: no RSS, Atom or JSON Feed document and no entries{detail}"
    media = _MEDIA_TYPE.match(content_type or "")
    sent = f"an HTML page ({media.group(1).lower()})" if media else "an HTML page"
    feeds = feedlinks.alternate_feeds(body, location)
    if feeds:
        many = "s" if len(feeds) > 1 else ""
        return (
            f"{location}: not a feed: got {sent} that links to the feed{many} "
            f"{', '.join(feeds)}: use {'one' if many else 'it'} as the source's url"
        )
    return (
        f"{location}: not a feed: got {sent} that links to no feed; "
        'to read it as an article, set kind = "page"'
    )


_CHAR_REF = re.compile(rb"&#(x[0-9a-fA-F]{1,16}|X[0-9a-fA-F]{1,16}|[0-9]{1,20});")


def _replace_impossible_char_refs(body: bytes) -> bytes:
    """Character references to no character (NUL, a surrogate, past U+10FFFF) become U+FFFD.

    feedparser raises on them (ValueError, UnicodeEncodeError) and loses the whole document;
    replacing the reference keeps every other entry readable."""
    if b"&#" not in body:
        return body

    def fix(match: re.Match[bytes]) -> bytes:
        ref = match.group(1)
        value = int(ref[1:], 16) if ref[:1] in b"xX" else int(ref)
        if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
            return b"&#xFFFD;"
        return match.group(0)

    return _CHAR_REF.sub(fix, body)


# feedparser's dict looks every key up through its alias table first; the canonical names we
# read are stored as they are, and plain `dict.get` on them is several times faster.
_get = dict.get


def item_keys(entries: list[Any]) -> list[str]:
    """Each entry's key: its id if unique in the document, else id + link, else the normalised
    link, else a hash of title, date and content. Duplicates that remain get their content hash."""
    guids = [str(_get(e, "id") or "").strip() for e in entries]
    ids = Counter(guids)
    links: Counter[str] | None = None  # normalised only if some entry needs its link
    keys: list[str] = []
    for entry, guid in zip(entries, guids, strict=True):
        if guid and ids[guid] == 1:
            keys.append(guid)
            continue
        if links is None:
            links = Counter(normalise_link(_get(e, "link")) for e in entries if _get(e, "link"))
        link = normalise_link(_get(entry, "link")) if _get(entry, "link") else ""
        if guid and link:
            key = f"{guid} {link}"
        elif link and links[link] == 1:
            key = link
        else:
            key = "sha256:" + _entry_digest(entry)
        keys.append(key)
    counts = Counter(keys)
    return [
        k if counts[k] == 1 else f"{k} sha256:{_entry_digest(e)}"
        for k, e in zip(keys, entries, strict=True)
    ]


def normalise_link(link: str | None) -> str:
    """Scheme and host lower-cased, default port, fragment and `utm_*` parameters dropped."""
    if not link:
        return ""
    parts = urlsplit(link.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith("utm_")
        ]
    )
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


def strip_internal_subset(data: bytes) -> bytes:
    """Remove the DOCTYPE's internal subset (`[ … ]`) and any stray `<!ENTITY …>` before the
    first element, so no parser of ours or feedparser's can expand a declared entity."""
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        lt = data.find(b"<", i)
        if lt < 0:
            out += data[i:]
            return bytes(out)
        out += data[i:lt]
        head = data[lt : lt + 9]
        if head.startswith(b"<?"):
            end = data.find(b"?>", lt + 2)
            end = n if end < 0 else end + 2
            out += data[lt:end]
            i = end
        elif head.startswith(b"<!--"):
            end = data.find(b"-->", lt + 4)
            end = n if end < 0 else end + 3
            out += data[lt:end]
            i = end
        elif head.upper().startswith(b"<!DOCTYPE"):
            kept, i = _doctype_without_subset(data, lt)
            out += kept
        elif head.startswith(b"<!"):
            # Any other declaration before the root (<!ENTITY, <!ELEMENT, …) is dropped.
            i = _skip_declaration(data, lt + 2)
        elif lt + 1 < n and (
            chr(data[lt + 1]).isalpha() or data[lt + 1] in b"_:" or data[lt + 1] >= 0x80
        ):
            out += data[lt:]
            return bytes(out)
        else:
            out += b"<"
            i = lt + 1
    return bytes(out)


def _doctype_without_subset(data: bytes, start: int) -> tuple[bytes, int]:
    kept = bytearray()
    i, n = start, len(data)
    while i < n:
        c = data[i : i + 1]
        if c in (b'"', b"'"):
            end = data.find(c, i + 1)
            end = n if end < 0 else end + 1
            kept += data[i:end]
            i = end
        elif c == b"[":
            i = _skip_subset(data, i + 1)
        elif c == b">":
            kept += b">"
            return bytes(kept), i + 1
        else:
            kept += c
            i += 1
    return b"", n


def _skip_subset(data: bytes, i: int) -> int:
    n = len(data)
    while i < n:
        c = data[i : i + 1]
        if c in (b'"', b"'"):
            end = data.find(c, i + 1)
            i = n if end < 0 else end + 1
        elif data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
            i = n if end < 0 else end + 3
        elif c == b"]":
            return i + 1
        else:
            i += 1
    return n


def _skip_declaration(data: bytes, i: int) -> int:
    n = len(data)
    while i < n:
        c = data[i : i + 1]
        if c in (b'"', b"'"):
            end = data.find(c, i + 1)
            i = n if end < 0 else end + 1
        elif c == b">":
            return i + 1
        else:
            i += 1
    return n


_BOMS = (
    (b"\xef\xbb\xbf", None),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_ENCODING_DECL = re.compile(rb"""^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


def _ascii_compatible(body: bytes) -> bytes:
    """UTF-16/32 documents become UTF-8, so the byte scan above sees `<`, `[` and `>`."""
    codec = None
    for bom, name in _BOMS:
        if body.startswith(bom):
            codec = name
            if name is None:
                return body
            body = body[len(bom) :]
            break
    if codec is None and len(body) >= 4 and b"\x00" in body[:4]:
        codec = {
            b"\x00\x00\x00<": "utf-32-be",
            b"<\x00\x00\x00": "utf-32-le",
            b"\x00<\x00?": "utf-16-be",
            b"<\x00?\x00": "utf-16-le",
        }.get(body[:4])
    if codec is None:
        return body
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        return body
    utf8 = text.encode("utf-8")
    return _ENCODING_DECL.sub(rb"\1\2utf-8\2", utf8, count=1)


def _observation(
    entry: Any, key: str, source_id: str, version: str, feed_title: str | None, error: str | None
) -> Observation:
    text = _entry_text(entry)
    title = _entry_title(entry)
    raw: dict[str, Any] = {"feed_version": version or "unknown"}
    if _get(entry, "id"):
        raw["guid"] = str(_get(entry, "id"))
    if feed_title:
        raw["feed_title"] = feed_title
    tags = [t.get("term") for t in _get(entry, "tags") or [] if t.get("term")]
    if tags:
        raw["tags"] = tags
    if error:
        raw["feed_error"] = error
    authors = tuple(
        a.get("name").strip() for a in _get(entry, "authors") or [] if (a.get("name") or "").strip()
    )
    if not authors and (_get(entry, "author") or "").strip():
        authors = (_get(entry, "author").strip(),)
    return Observation(
        source_id=source_id,
        item_key=key,
        text=text,
        url=_get(entry, "link") or None,
        title=title,
        authors=authors,
        published_at=_published(entry),
        raw=raw,
    )


def _entry_text(entry: Any) -> str:
    contents = _get(entry, "content") or []
    for item in contents:
        if item.get("value"):
            return _as_text(item.get("value"), item.get("type"))
    summary = _get(entry, "summary_detail") or {}
    if _get(entry, "summary"):
        return _as_text(_get(entry, "summary"), summary.get("type"))
    return _entry_title(entry) or ""


def _as_text(value: str, content_type: str | None) -> str:
    if content_type == "text/plain":
        return " ".join(value.split())
    return html_to_text(value)


_MARKUP_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def _entry_title(entry: Any) -> str | None:
    return _title(_get(entry, "title"), _get(entry, "title_detail"))


def _title(value: str | None, detail: Any) -> str | None:
    """One line: markup stripped if feedparser typed the title as HTML, else kept as written."""
    if not value:
        return None
    kind = detail.get("type") if isinstance(detail, dict) else None
    text = html_to_text(value) if kind in _MARKUP_TYPES else value
    return " ".join(text.split()) or None


def _published(entry: Any) -> datetime | None:
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = _get(entry, name)
        if value:
            try:
                return datetime.fromtimestamp(calendar.timegm(value), UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _entry_digest(entry: Any) -> str:
    parts = [
        str(_get(entry, "title") or ""),
        str(_get(entry, "published") or _get(entry, "updated") or ""),
        _entry_text(entry),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _bozo_message(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    text = " ".join(str(exc).split()) if exc is not None else "parse error"
    name = type(exc).__name__ if exc is not None else "Error"
    return f"{name}: {text}"[:300]
