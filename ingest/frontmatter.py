"""An optional `---` block at the top of a text file giving title, url, published and authors.

Only a YAML-like subset (`key: value` lines) is read, so no YAML dependency and no surprises
from YAML's type coercion (a title such as `NO` stays a string).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

_BLOCK = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
KNOWN_KEYS = frozenset({"title", "url", "published", "author", "authors"})


class FrontMatterError(ValueError):
    """A front-matter block is present but malformed; the message names the field."""


@dataclass(frozen=True, slots=True)
class FrontMatter:
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)


def split_front_matter(content: str) -> tuple[FrontMatter, str]:
    """Return the front matter (empty when absent) and the body that follows it."""
    match = _BLOCK.match(content)
    if not match:
        return FrontMatter(), content
    values: dict[str, str] = {}
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _LINE.match(line)
        if not item:
            raise FrontMatterError(f"front matter line {number}: expected 'key: value'")
        values[item.group(1).lower()] = _unquote(item.group(2))
    published = None
    if values.get("published"):
        published = parse_published(values["published"])
    authors = tuple(
        a.strip()
        for a in (values.get("authors") or values.get("author") or "").split(",")
        if a.strip()
    )
    extra = {k: v for k, v in values.items() if k not in KNOWN_KEYS}
    front = FrontMatter(
        title=values.get("title") or None,
        url=values.get("url") or None,
        published=published,
        authors=authors,
        extra=extra,
    )
    return front, content[match.end() :]


def parse_published(value: str) -> datetime:
    """An ISO 8601 date or date-time; a date alone means midnight UTC, a naive time means UTC."""
    try:
        if len(value) == 10:
            day = date.fromisoformat(value)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise FrontMatterError(
            f"front matter field 'published': {value!r} is not an ISO 8601 date"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
