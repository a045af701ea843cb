"""A source named in the sentence after its figures: `The figure came from the junta's office`.

A report often gives a figure bare and its source next (`At least 85 fighters were killed in
the assault. The figure came from the junta's information office.`). The next sentence then
makes the count, a demonstrative or definite article and a count noun, either its subject,
with a verb that says where it came from (`came from X`, `was provided by X`), or the object
of a verb that gives or confirms it, whose subject is the source (`The IOM confirmed the
figure on Wednesday`): X asserts the figures of the sentence before that no one in it
asserts. The tests are anchored regexes over the sentence's opening, so sentences that do
not open so cost next to nothing.
"""

from __future__ import annotations

import re

from projections.extraction.attribution.by_agents import appositive_name_end
from projections.extraction.attribution.speaker_spans import phrase_end
from projections.extraction.attribution.words import WEEKDAYS
from projections.extraction.tokens import tokenize

_OPENING = re.compile(
    r"(?:The|That|This|These|Those) (?:latest |new |official |initial |)"
    r"(?:figures?|numbers?|estimates?|toll|counts?|tally|totals?|data|claims?|accounts?) "
    r"(?:(?:came|comes|come) from|(?:was|were|is|are|had been|has been|have been) "
    r"(?:later |since |also |officially |independently |)"
    r"(?:provided|given|released|supplied|issued|compiled|published|reported|confirmed"
    r"|verified|announced) by) "
)

# `The IOM confirmed the figure`, `Police later gave the toll`: the subject, no comma in it
_GIVER = re.compile(
    r"(?P<src>[A-Z][\w'’.\- ]{1,80}?) (?:later |also |has |have |had |)"
    r"(?:confirmed|gave|released|published|issued|provided|cited) "
    r"(?:the|that|this|these|those) (?:latest |new |official |same |)"
    r"(?:figures?|toll|numbers?|estimates?|counts?|tally|totals?|data)\b"
)
# words that make the subject a clause (`The Kremlin has not confirmed the figure`)
_NOT_A_SOURCE = frozenset(
    "not never no did does do could would cannot can't won't didn't hasn't haven't".split()
)

# `The words were those of X`, `That was the account of X`, `So said X`: the next sentence
# says whose the words before it were, with no verb of giving (a copula and `of`, or an
# inverted tag standing alone)
_WHOSE = re.compile(
    r"(?:(?:The|These|Those) (?:words|figures|numbers|claims?|accounts?) (?:were|are) those of"
    r"|(?:The|That|This) (?:figure|number|claim|account|toll|count|estimate) (?:was|is) that of"
    r"|(?:That|This|Such) (?:was|is) (?:the |)(?:account|claim|verdict|assessment|estimate"
    r"|count|version|word|tally) of"
    r"|So (?:said|says))"
    r" (?=[A-Za-z])"
)

RULE = "attribution:source-in-next-sentence"
WHOSE_RULE = "attribution:source-in-next-sentence:whose-words"


_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def source_named_after(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The source that the sentence `text[start:end]` names for the figures before it, as
    written (`the junta's information office`), and the rule that read it; None when the
    sentence opens otherwise."""
    if not text[start].isupper():
        return None
    rule = RULE
    m = _OPENING.match(text, start, end)
    if m is None:
        m = _WHOSE.match(text, start, end)
        if m is None:
            giver = _giver(text, start, end)
            return (giver, RULE) if giver is not None else None
        rule = WHOSE_RULE
    toks = tokenize(text, m.end(), end)
    if not toks:
        return None
    last = phrase_end(toks, 0)
    if last >= 4 and toks[last].low in _DAY_PARTS and toks[last - 1].low in WEEKDAYS:
        last -= 1  # `on Sunday morning`: the part of the day goes with the day
    if last >= 3 and toks[last].low in WEEKDAYS and toks[last - 1].low == "on":
        last -= 2  # `by the regional administration on Tuesday`: the day is no part of it
    if last < 0:
        return None
    if rule == WHOSE_RULE and not toks[0].text[0].isupper():
        # `So said the city's acting mayor, Artem Kobzar, on Sunday`: the name set off
        # after a title is the speaker's (an appositive title stays in the attribution)
        last = appositive_name_end(toks, last)
    return text[toks[0].start : toks[last].end], rule


def _giver(text: str, start: int, end: int) -> str | None:
    """`The International Organization for Migration confirmed the figure on Wednesday`:
    the subject of a verb whose object is the count, when it is a name and no clause."""
    m = _GIVER.match(text, start, end)
    if m is None:
        return None
    src = m.group("src")
    if _NOT_A_SOURCE.intersection(src.lower().split()):
        return None
    return src
