"""The feeds an HTML page announces (`<link rel="alternate" type="application/rss+xml" …>`).

A feed source whose URL returns the site's home page instead of its feed is a common mistake;
the page usually says where the feed is. The standard library's HTML parser reads only the
start of the page (the links sit in its head), so a huge or hostile page costs little, and an
href is kept only if it resolves to an http(s) URL that fits on one line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json"}
)
SCAN_BYTES = 256 * 1024
MAX_LINKS = 5
_UNPRINTABLE = re.compile(r"[\x00-\x20\x7f]")
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "link":
            return
        values = {name.lower(): (value or "") for name, value in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in FEED_TYPES and values.get("href"):
            self.hrefs.append(values["href"].strip())


def looks_like_html(body: bytes, content_type: str | None) -> bool:
    """The server said HTML, or the document starts like an HTML page."""
    if content_type and "html" in content_type.lower():
        return True
    return bool(_HTML_START.match(body[:4096].lstrip(b"\xef\xbb\xbf")))


def alternate_feeds(body: bytes, page_url: str) -> list[str]:
    """The feed URLs the page links to, resolved against `page_url`, in page order, at most
    `MAX_LINKS`."""
    collector = _LinkCollector()
    try:
        collector.feed(body[:SCAN_BYTES].decode("utf-8", errors="replace"))
        collector.close()
    except (AssertionError, ValueError):  # HTMLParser on broken markup
        pass
    found: list[str] = []
    for href in collector.hrefs:
        absolute = _resolved(page_url, href)
        if absolute and absolute not in found:
            found.append(absolute)
        if len(found) == MAX_LINKS:
            break
    return found


def _resolved(base: str, href: str) -> str | None:
    try:
        absolute = urljoin(base, href) if urlsplit(base).scheme in ("http", "https") else href
        parts = urlsplit(absolute)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if _UNPRINTABLE.search(absolute) or len(absolute) > 500:
        return None
    return absolute
