"""Location stage: where the counted people or things are, were hit or held, went or fled.

The rules of `LOCATION_RULES` are tried in order and the first place wins: the first place
phrase after the counted phrase (but not after a speaker's verb: `..., he said in Kyiv` is where
the statement was made), else the nearest one before the figure (`In the Kherson region, two
people were killed`), else, for a figure that only compares, the previous figure's place.
Speakers' own phrases and an origin (`from North Korea`) are never the place.
"""

from __future__ import annotations

from collections.abc import Callable

from projections.extraction.context import ClaimContext, Rules, Span
from projections.extraction.gazetteer import lookup
from projections.extraction.locations import (
    aid_recipient,
    cause_phrase,
    find_location,
    find_location_before,
    host_country,
)

# (place, rule name), or None when the rule finds none; the second argument is the token spans
# that name no place of this figure
LocationRule = Callable[[ClaimContext, list[Span]], "tuple[str, str] | None"]


def _after(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`300 soldiers were killed near Pokrovsk`."""
    last, speakers, toks = ctx.q.j, ctx.sentence.speakers, ctx.toks
    stop = None  # the first reporting verb after the figure
    if speakers:
        stops = [sp.verb for sp in speakers if sp.start > last and sp.kind != "according-to"]
        stop = min(stops, default=None)
    found = find_location(toks, max(ctx.reading.np_end, last), skip, stop_at=stop)
    if found is None:
        return None
    return ctx.sentence.text[toks[found[0]].start : toks[found[1]].end], found[2]


def _before(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`In the Kherson region, two people were killed`."""
    toks = ctx.toks
    found = find_location_before(toks, ctx.q.i, skip)
    if found is None:
        return None
    return ctx.sentence.text[toks[found[0]].start : toks[found[1]].end], found[2]


def _list_heading(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`Iraq (2003-2011): about 4,400 US troops killed`: an entry of a list of wars opens with
    the country, its years in brackets and a colon; the figures of the entry are there."""
    toks, i = ctx.toks, ctx.q.i
    h = 0
    while h < min(i, 4) and toks[h].text.isalpha() and toks[h].text[0].isupper():
        h += 1
    if h == 0 or h + 3 >= i or toks[h].text != "(":
        return None
    k = h + 1
    while k < min(i, h + 8) and toks[k].text != ")":
        if not (toks[k].text[0].isdigit() or toks[k].text in ("-", "–", "to")):
            return None
        k += 1
    if k + 1 >= i or toks[k].text != ")" or toks[k + 1].text != ":":
        return None
    name = ctx.sentence.text[toks[0].start : toks[h - 1].end]
    if lookup(name) is None:
        return None  # a place the gazetteer knows, not `Update (2 pm):`
    return name, "location:list-heading"


def _host(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`Chad now hosts more than 1.2 million Sudanese refugees`: the country whose verb of
    hosting takes the figure as object is where the people are."""
    found = host_country(ctx.toks, ctx.q.i)
    if found is None:
        return None
    toks = ctx.toks
    return ctx.sentence.text[toks[found[0]].start : toks[found[1]].end], "location:host-country"


def _inherited(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`up from 40,000`: a figure that only compares is where the one it compares to is."""
    prev = ctx.prev
    if not ctx.reading.inherit or prev is None or not prev.location:
        return None
    return prev.location, "location:inherited"


_PARTITIVE_PRONOUNS = frozenset("whom them which".split())


def _partitive(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`more than 1.2 million Sudanese refugees, about 800,000 of whom arrived after …`: a
    part (`N of whom`, `N of them`) of the previous figure of the sentence, with no place of
    its own, is where the whole is."""
    prev, toks, j = ctx.prev, ctx.toks, ctx.q.j
    if prev is None or not prev.location or j + 2 >= len(toks):
        return None
    if toks[j + 1].low != "of" or toks[j + 2].low not in _PARTITIVE_PRONOUNS:
        return None
    return prev.location, "location:partitive-of-previous"


_ADDING = frozenset("adding added adds".split())


def _added(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`At least 900 bodies have been recovered from the streets of Goma, the WHO said,
    adding that nearly 2,900 people had been wounded`: what the speaker adds goes on
    reporting the same event, so a figure there with no place of its own is where the
    previous figure of the sentence is."""
    prev, toks, i = ctx.prev, ctx.toks, ctx.q.i
    if prev is None or not prev.location or i < 2:
        return None
    if toks[i - 1].low == "and" and "location:added-that" in prev.rules:
        # "adding that 33 attackers had been killed and 26 hostages had died": the second
        # conjunct of the added clause reports the same event, when only the first's own
        # words (no comma, no name) stand between the two figures
        between = toks[ctx.prev_end + 1 : i - 1]
        if len(between) <= 6 and all(t.text.isalpha() and t.text.islower() for t in between):
            return prev.location, "location:added-that-conjunct"
        return None
    if toks[i - 1].low != "that":
        return None
    if toks[i - 2].low not in _ADDING or ctx.prev_end >= i - 2:
        return None
    return prev.location, "location:added-that"


_BRINGING = frozenset("bringing taking raising".split())


def _brought_to(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`Kenya sent a further 200 police officers to Haiti, bringing its contingent in the
    mission to nearly 600`: a clause of result (`, bringing X to N`) gives the total the
    previous figure of the sentence adds to, so with no place of its own it is where that
    figure is."""
    prev, toks, i = ctx.prev, ctx.toks, ctx.q.i
    if prev is None or not prev.location or i < 3 or toks[i - 1].low != "to":
        return None
    for k in range(i - 2, max(ctx.prev_end, i - 12), -1):
        if toks[k].text in (",", ";"):
            return None
        if toks[k].low in _BRINGING and toks[k - 1].text == ",":
            return prev.location, "location:brought-to"
    return None


def _aid(ctx: ClaimContext, skip: list[Span]) -> tuple[str, str] | None:
    """`a new package for Kyiv that includes 12 Bradleys`: the aid's recipient."""
    toks = ctx.toks
    found = aid_recipient(toks, ctx.q.i)
    if found is None:
        prev = ctx.prev
        if (
            prev is not None
            and prev.location
            and any(r.startswith("location:aid-recipient") for r in prev.rules)
            and toks[ctx.q.i - 1].low == "and"
        ):
            return prev.location, "location:aid-recipient-list"
        return None
    return ctx.sentence.text[toks[found[0]].start : toks[found[1]].end], found[2]


LOCATION_RULES: tuple[LocationRule, ...] = (
    _after,
    _before,
    _list_heading,
    _host,
    _inherited,
    _partitive,
    _added,
    _brought_to,
    _aid,
)


def location_of(ctx: ClaimContext) -> tuple[str | None, Rules]:
    """The place the first rule of `LOCATION_RULES` finds, or None."""
    skip = ctx.sentence.speaker_spans if ctx.speaker is not None else []
    if ctx.origin is not None:
        skip = [ctx.origin, *skip]
    cause = cause_phrase(ctx.toks, max(ctx.reading.np_end, ctx.q.j))
    if cause is not None:
        skip = [*skip, cause]
    for rule in LOCATION_RULES:
        found = rule(ctx, skip)
        if found is not None:
            rules = tuple(found[1].split("+"))
            if cause is not None:
                return found[0], (*rules, "location:skip:cause-over")
            return found[0], rules
    return None, ()
