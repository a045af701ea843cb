"""A source named in the sentence after its figures: `The figure came from the junta's office`.

A report often gives a figure bare and its source next (`At least 85 fighters were killed in
the assault. The figure came from the junta's information office.`). The next sentence's
subject is then the count itself, a demonstrative or definite article and a count noun, and
its verb says where the count came from (`came from X`, `was provided by X`): X asserts the
figures of the sentence before that no one in it asserts. The test is one anchored regex
over the sentence's opening, so sentences that do not open so cost next to nothing.
"""

from __future__ import annotations

import re

from projections.extraction.attribution.speaker_spans import phrase_end
from projections.extraction.attribution.words import WEEKDAYS
from projections.extraction.tokens import tokenize

_OPENING = re.compile(
    r"(?:The|That|This|These|Those) (?:latest |new |official |initial |)"
    r"(?:figures?|numbers?|estimates?|toll|counts?|tally|totals?|data) "
    r"(?:(?:came|comes|come) from|(?:was|were|is|are|had been|has been|have been) "
    r"(?:provided|given|released|supplied|issued|compiled|published|reported) by) "
)

RULE = "attribution:source-in-next-sentence"


def source_named_after(text: str, start: int, end: int) -> str | None:
    """The source that the sentence `text[start:end]` names for the figures before it, as
    written (`the junta's information office`), or None when it opens otherwise."""
    if text[start] not in "T":
        return None
    m = _OPENING.match(text, start, end)
    if m is None:
        return None
    toks = tokenize(text, m.end(), end)
    if not toks:
        return None
    last = phrase_end(toks, 0)
    if last >= 3 and toks[last].low in WEEKDAYS and toks[last - 1].low == "on":
        last -= 2  # `by the regional administration on Tuesday`: the day is no part of it
    if last < 0:
        return None
    return text[toks[0].start : toks[last].end]
