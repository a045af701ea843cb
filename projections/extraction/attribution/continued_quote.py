"""A quote over more than one sentence, tagged once.

A reporter who quotes a speaker for two sentences tags one of them. When the tag comes first
(`"…," an official said. "Another 20 are missing."`), the second sentence opens with a quote
mark and has no speech tag of its own; its figures are the speaker's of the tag just before
it, in the same paragraph: the sentence before ends with a closing quote mark, a short speaker
phrase and a speech verb, and nothing comes between it and this opening mark. When the tag
comes last (`"We shot down 38 drones. Four more fell in Crimea," the ministry said.`), the
first sentence opens a quote it does not close, and the tag after the closing mark of a later
sentence of the same paragraph (`tag_ahead`) names its speaker.
"""

from __future__ import annotations

import re

_OPENING_MARKS = ("“", '"')
# the end of the sentence before: `…,” a civil defence official said.`
_TAG_BEFORE = re.compile(
    r"[”\"][ ]+[^“”\".!?;:]{2,80}? "
    r"(?:said|says|added|adds|told [A-Z][\w.]*(?: [A-Z][\w.]*)*)\.[ ]*$"
    r"|[”\"][ ]+(?:said|says|added|adds) [^“”\".!?;:]{2,80}?\.[ ]*$"
)

RULE = "attribution:quote-continued"
AHEAD_RULE = "attribution:quote-tagged-ahead"

_CLOSING_MARKS = ("”", '"')
# from the end of the open sentence to the tag: `Four more fell in Crimea," the ministry said`
# (the quote goes on, with no other mark and no new paragraph, for at most 600 characters)
_TAG_AHEAD = re.compile(
    r"[^“”\"\n]{1,600}?[,!?][”\"][ ]+(?:"
    r"(?P<who>[^“”\".!?;:,\n]{2,80}?) (?:said|says|added|adds|told)\b"
    r"|(?:said|says|added|adds) (?P<inv>[^“”\".!?;:,\n]{2,80}?)[.,])"
)


def continues_quote(text: str, start: int) -> bool:
    """The sentence at `start` opens a quote that goes on from a tagged quote just before."""
    if not text.startswith(_OPENING_MARKS, start):
        return False
    return _TAG_BEFORE.search(text, max(0, start - 160), start) is not None


def tag_ahead(text: str, start: int, end: int) -> str | None:
    """The speaker phrase of the tag that closes a quote the sentence `text[start:end]` opens
    and leaves open (`"We shot down 38 drones.`), or None."""
    if not text.startswith(_OPENING_MARKS, start):
        return None
    body = text[start + 1 : end]
    if any(mark in body for mark in _CLOSING_MARKS) or "“" in body:
        return None
    m = _TAG_AHEAD.match(text, end)
    if m is None:
        return None
    return m.group("who") or m.group("inv")
