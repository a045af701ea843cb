"""Topics: a category and an actor, written `troops/north-korea`.

Names are tolerant of case, spaces, hyphens and a leading article, so "Troops / North Korea",
"troops/north korea" and "troops/the-north-korea" all name the same topic.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

NO_ACTOR = "unattributed"
_NON_WORD = re.compile(r"[^a-z0-9]+")


def slug(value: str | None) -> str:
    """Lower-case ASCII words joined by hyphens, without a leading article."""
    if not value:
        return NO_ACTOR
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    words = [w for w in _NON_WORD.split(ascii_text.lower()) if w]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return "-".join(words) or NO_ACTOR


@lru_cache(maxsize=4096)
def topic_key(category: str, actor: str | None) -> str:
    return f"{slug(category)}/{slug(actor)}"


def normalise_topic(name: str) -> str:
    """The canonical key of a topic name typed by a person; '' if it has no category."""
    category, _, actor = name.partition("/")
    if not category.strip():
        return ""
    return f"{slug(category)}/{slug(actor) if actor.strip() else NO_ACTOR}"
