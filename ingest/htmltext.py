"""HTML fragment → plain text: tags stripped, entities decoded, blocks become paragraphs.

Feed entries carry HTML in their content; extraction wants sentences. The standard library's
parser is enough for fragments (no DTD, no network) and never expands custom entities: an
unknown `&name;` stays as written.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIP = frozenset({"script", "style", "template", "noscript"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of `fragment`; paragraphs separated by one blank line, spaces collapsed."""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    return _tidy("".join(collector.parts))


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)
