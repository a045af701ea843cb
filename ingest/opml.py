"""OPML in and out of the sources file: the feed lists other readers export and import.

Import appends one `[[source]]` table per new feed to the end of the sources file and leaves
every byte before it as it was (comments, order, spacing), so an analyst's notes survive. Ids
come from the outline titles, slugged (`World News` → `world-news`; a title without Latin
letters gives the feed's host name) and made unique against the ids already in the file; a
feed whose URL is already there (compared as normalised links) is skipped. The new file is
checked with `load_sources` before it replaces the old one, and is written through a temporary
file, so a failed import leaves the file untouched.

The OPML is parsed by defusedxml, which refuses DTDs, entity declarations and external
references: an OPML file comes from elsewhere, and a billion-laughs document must fail fast.

OpmlError (an `IngestError`)   the OPML file cannot be read or holds nothing to import
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element, ParseError, SubElement, indent, tostring

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

from ingest.errors import IngestError
from ingest.feed import normalise_link
from ingest.sources import Source, SourcesFileError, load_sources

MAX_OPML_BYTES = 5 * 1024 * 1024
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_HTTP = re.compile(r"^https?://[^/\s]+", re.IGNORECASE)


class OpmlError(IngestError):
    """An OPML file cannot be used. The message starts with the file."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    title: str | None
    url: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: list[tuple[str, str]]  # (id, url)
    already_present: list[str]
    refused: list[tuple[str, str]]  # (url as written, why)


def parse_opml(data: bytes, location: str) -> list[OpmlFeed]:
    """Every outline with an `xmlUrl`, at any depth, in document order."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"{location}: over {MAX_OPML_BYTES} bytes, not an OPML feed list")
    try:
        root = safe_xml.fromstring(data)
    except DefusedXmlException as exc:
        raise OpmlError(f"{location}: refused: {type(exc).__name__} (DTDs and entities)") from None
    except ParseError as exc:
        raise OpmlError(f"{location}: not XML ({exc})") from None
    if _local(root.tag) != "opml":
        raise OpmlError(f"{location}: not OPML (the root element is <{_local(root.tag)}>)")
    feeds = []
    for outline in root.iter():
        if _local(outline.tag) != "outline":
            continue
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            title = outline.get("title") or outline.get("text")
            feeds.append(OpmlFeed(" ".join(title.split()) or None if title else None, url))
    return feeds


def slug(title: str | None) -> str:
    """`Harbour Wire: World` → `harbour-wire-world`; letters outside ASCII lose their accents,
    other scripts give no letters, and nothing at all gives `feed`."""
    ascii_title = unicodedata.normalize("NFKD", title or "").encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_title.lower()).strip("-")[:60].strip("-") or "feed"


def import_opml(sources_path: Path, opml: bytes, location: str, every: str = "1h") -> ImportResult:
    """Append the OPML's new feeds to `sources_path` (created if missing)."""
    feeds = parse_opml(opml, location)
    if not feeds:
        raise OpmlError(f"{location}: no outline with an xmlUrl (no feeds to import)")
    existing_text = _existing_text(sources_path)
    tables = _tables(sources_path, existing_text)
    ids = {str(t.get("id")) for t in tables}
    urls = {normalise_link(str(t["url"])) for t in tables if isinstance(t.get("url"), str)}
    added: list[tuple[str, str]] = []
    present: list[str] = []
    refused: list[tuple[str, str]] = []
    blocks: list[str] = []
    for feed in feeds:
        if not _HTTP.match(feed.url) or any(c.isspace() for c in feed.url):
            refused.append((feed.url, "not an http:// or https:// URL"))
            continue
        if normalise_link(feed.url) in urls:
            present.append(feed.url)
            continue
        name = slug(feed.title)
        if name == "feed":  # no usable letters in the title (or none): the host names it
            name = slug((urlsplit(feed.url).hostname or "").removeprefix("www."))
        source_id = _unique(name, ids)
        ids.add(source_id)
        urls.add(normalise_link(feed.url))
        added.append((source_id, feed.url))
        blocks.append(_table(source_id, feed, every))
    if blocks:
        stamp = datetime.now(UTC).strftime("%Y-%m-%d")
        kept = existing_text
        if kept and not kept.endswith("\n"):
            kept += "\n"
        gap = "\n" if kept else ""
        header = f"{gap}# Imported from {_one_line(Path(location).name)} on {stamp}\n"
        _replace(sources_path, kept + header + "\n".join(blocks))
    return ImportResult(added, present, refused)


def export_opml(sources: list[Source], title: str = "osint sources") -> bytes:
    """The feed sources (kind `feed` with a URL) as an OPML 2.0 document."""
    root = Element("opml", version="2.0")
    head = SubElement(root, "head")
    SubElement(head, "title").text = title
    body = SubElement(root, "body")
    for source in sources:
        if source.kind == "feed" and source.url:
            SubElement(
                body, "outline", type="rss", text=source.id, title=source.id, xmlUrl=source.url
            )
    indent(root)
    text = tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{text}\n'.encode()


def _existing_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return ""
    except UnicodeDecodeError as exc:
        raise SourcesFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise SourcesFileError(f"{path}: cannot read ({exc.strerror})") from None


def _tables(path: Path, text: str) -> list[dict[str, object]]:
    """The file's source tables, after `load_sources` has named any mistake in it (a file of
    comments only has none, and is fine to append to)."""
    try:
        tables = tomllib.loads(text).get("source", [])
    except tomllib.TOMLDecodeError:
        tables = None
    if tables != []:
        load_sources(path)
    return [t for t in tables or [] if isinstance(t, dict)]


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = base[: 60 - len(suffix)] + suffix, n + 1
    return candidate


def _table(source_id: str, feed: OpmlFeed, every: str) -> str:
    comment = f"# {_one_line(feed.title)}\n" if feed.title else ""
    return (
        f'{comment}[[source]]\nid = {_toml(source_id)}\nkind = "feed"\n'
        f"url = {_toml(feed.url)}\nevery = {_toml(every)}\n"
    )


def _toml(value: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's (\\", \\\\, \\n, \\uXXXX)."""
    return json.dumps(value, ensure_ascii=False)


def _one_line(text: str | None) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in " ".join((text or "").split()))[:200]


def _replace(path: Path, text: str) -> None:
    """Write `text` beside `path`, check it loads, then move it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        load_sources(Path(temporary))
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower()
