"""A count whose own clause names its source: `The figure of 3,200 dead came from the ministry`.

Wire copy often gives a figure as the subject of a clause that says where it came from rather
than who said it. The subject is a count noun with the figure inside it (`The figure of 3,200
dead`, `The toll of 40`); the source is the phrase after `from`, and it speaks for that figure
only, as `the figure given by X` does.
"""

from __future__ import annotations

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.speaker_spans import phrase_end
from projections.extraction.attribution.words import BOUNDARY, COUNT_NOUNS, DETS
from projections.extraction.tokens import Token

CAME = frozenset("came comes come".split())

# how far before `came` the count noun may open its subject (`The figure of about 3,200 dead`)
_SUBJECT_REACH = 8


def came_from(toks: list[Token], v: int) -> Speaker | None:
    """The source after `came from` when the verb's subject is a count noun opened by a
    determiner and holding a number (`The figure of 3,200 dead came from Sudan's health
    ministry`); None otherwise (`Troops came from Chad`, `The figure came from …` with no
    number, which `named_after` reads for the sentence before)."""
    n = len(toks)
    if v < 3 or v + 2 >= n or toks[v + 1].low != "from":
        return None
    has_number = False
    k = v - 1
    while k >= 0 and v - k <= _SUBJECT_REACH:
        w = toks[k].low
        if w in COUNT_NOUNS and (k == 0 or toks[k - 1].low in DETS):
            break
        if w in BOUNDARY:
            return None
        has_number = has_number or toks[k].text[0].isdigit()
        k -= 1
    else:
        return None
    if k < 0 or not has_number:
        return None
    end = phrase_end(toks, v + 2)
    if end < v + 2:
        return None
    return Speaker(v + 2, end, v, "came-from", "came from")
