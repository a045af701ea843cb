"""The owner of a count speaks for it: `Mediazona's count of`, `Armenia's official toll`.

Not every possessive is a source: `Gaza's death toll` is a toll of Gaza, so only counts a
possessor gives as its statement (`count`, `tally`, `estimate`, `claims`) or calls its own
(`official`, `own`) make the possessor a speaker.
"""

from __future__ import annotations

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.words import BOUNDARY, DETS, SOURCE_NOUNS
from projections.extraction.tokens import Token


def possessor(toks: list[Token], v: int) -> Speaker | None:
    """The name before `'s` (`Mediazona`, `the ministry`, `Western intelligence`), up to five
    words; none when it is no name (`last week's count`)."""
    end = v - 2
    s = _name_start(toks, end)
    head = toks[end]
    if not head.text[0].isupper() and head.low not in SOURCE_NOUNS:
        return None  # `last week's count`, `the city's tally`
    if any(toks[k].low in _BASED and toks[k + 1].low in ("on", "upon") for k in range(s, end)):
        return None  # `An AP count based on local officials' figures`: the base, not a source
    cut = ("attribution:cut:preposition",) if s > 0 and toks[s - 1].low in _OPENING_PREPS else ()
    return Speaker(s, end, v, "official", toks[v].low, notes=cut)


def named_count(toks: list[Token], v: int) -> Speaker | None:
    """`rejected a UN estimate that 4.5 million people …`, `dismissed an Amnesty count of`:
    a count whose owner's name modifies it (one to three capitalised words after an
    article), the object of a verb or a preposition, is that owner's statement. With `a` or
    `an` the word can only be a noun; after `the` only a singular name and a count in the
    singular or a plural noun (`the UN figures`), never `The UN estimates that …`, where
    the word is the verb."""
    if v < 2:
        return None
    end = v - 1
    s = end
    while s > 0 and end - s < 3 and toks[s].text[0].isupper() and toks[s].text.isalpha():
        if toks[s - 1].low in _ARTICLES:
            break
        s -= 1
    if not toks[s].text[0].isupper() or not toks[s].text.isalpha() or s == 0:
        return None
    article = toks[s - 1].low
    if article not in _ARTICLES or not all(t.text[0].isupper() for t in toks[s : end + 1]):
        return None
    if s < 2 or not (toks[s - 2].text.isalpha() and toks[s - 2].text.islower()):
        return None  # `A Reuters tally … shows`: the subject of its own verb, read there
    if article == "the":
        w = toks[v].low
        if w not in _THE_NOUNS or (toks[end].low.endswith("s") and not toks[end].text.isupper()):
            return None  # `The UN estimates that …`, `the Houthis claim …`: a verb
    return Speaker(s, end, v, "official", toks[v].low, notes=(NAMED_COUNT,))


NAMED_COUNT = "attribution:named-count"
_ARTICLES = frozenset(("a", "an", "the"))
# what `the NAME …` can only be as a noun
_THE_NOUNS = frozenset("estimate count tally assessment claim figures data".split())


def official_count(toks: list[Token], v: int) -> Speaker | None:
    """`Armenia's official toll stood at about 3,800`, `Israel's own estimate of 17,000`: the
    possessor before `official` or `own`. `its official count` keeps the pronoun, which the
    attribution stage reads as the subject of its own sentence."""
    if v < 1 or v + 1 >= len(toks) or toks[v + 1].low not in _OFFICIAL_NOUNS:
        return None
    if toks[v - 1].low in _POSSESSIVE_PRONOUNS:
        return Speaker(v - 1, v - 1, v, "official", toks[v].low)
    if v < 2 or toks[v - 1].low not in ("'s", "’s"):
        return None
    end = v - 2
    return Speaker(_name_start(toks, end), end, v, "official", toks[v].low)


def _name_start(toks: list[Token], end: int) -> int:
    """Where the name that ends at `end` (before its `'s`) starts: up to five words back, not
    past a boundary word or a non-word token, then past lower-case words that are no
    determiner (`while Armenia's`: only the name)."""
    s = end
    while s - 1 >= 0 and end - s < 5 and toks[s - 1].low not in BOUNDARY:
        if not toks[s - 1].text[0].isalpha():
            break
        s -= 1
    while s < end and (
        (toks[s].text[0].islower() and toks[s].low not in DETS) or toks[s].low in _OPENING_PREPS
    ):
        s += 1  # `By Airwars' tally, 40 …`: the preposition opens the phrase, not the name
    return s


_OPENING_PREPS = frozenset("by in on from under to with".split())


_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


_BASED = frozenset({"based", "drawn", "relying"})


# `Armenia's official toll`: a state's own count is its claim
_OFFICIAL_NOUNS = frozenset("toll count figure figures tally data estimate estimates".split())
