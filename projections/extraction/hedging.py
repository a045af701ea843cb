"""Hedges: words that mark a figure as uncertain (CONVENTIONS.md, field `hedged`).

Hedges are read once per sentence and apply to the figures in it: reporting of a figure and its
hedge almost always share the sentence (`Reports suggest ... though the figure is
unconfirmed`). The exception is a hedge in an earlier clause that a clear break ends before
the figure (`;`, `, adding that`, `, but`, `, while`): `Russia may launch an offensive, the
ministry said, adding that 50 soldiers were killed` does not hedge the 50. A hedge after the
figure still applies (`50 were killed, but the toll could not be verified`).

Not hedges: approximators (they set the qualifier), reporting verbs, forecasts
(`expected to`, `will`) and the noun *estimate* naming where a figure came from.
"""

from __future__ import annotations

from projections.extraction.attribution.words import NUMBER_WORDS
from projections.extraction.lexicon import PEOPLE_NOUNS, TROOP_NOUNS, VERB_CATEGORY
from projections.extraction.tokens import Token

HEDGE_WORDS = frozenset(
    """reportedly allegedly alleged purportedly supposedly apparently believed believe believes
    likely probably possibly perhaps might could suggest suggests suggested suggesting appear
    appears appeared appearing unconfirmed unverified preliminary rumoured rumored presumed
    feared estimated estimating""".split()
)
_ESTIMATE_NOUN_BEFORE = frozenset(
    """a an the this that one its their his her our latest previous earlier conservative
    official initial new first current western intelligence independent by some other
    own""".split()
)


_CONTRAST = frozenset({"but", "while", "whereas", "although", "though", "yet"})


def clause_breaks(toks: list[Token]) -> list[int]:
    """Token indexes where a new clause clearly begins: a hedge before one does not reach a
    figure after it."""
    breaks = []
    for i, t in enumerate(toks):
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        adding_that = t.low in ("adding", "added") and nxt == "that"
        if t.text == ";" or adding_that or (t.text == "," and nxt in _CONTRAST):
            breaks.append(i)
    return breaks


def hedges_for(found: list[tuple[int, str]], breaks: list[int], figure: int) -> list[str]:
    """The hedges of `found` that reach the figure at token `figure`: all but those before a
    clause break that comes before the figure, and but a hedge of a noun phrase after the
    figure (`..., which has about 9,000 officers, faces gangs believed to have 12,000
    members`: `believed` is said of the gangs and their figure only)."""
    return [
        _bare(rule)
        for i, rule in found
        if not any(i < b < figure for b in breaks)
        and not (i > figure and rule.endswith(NOUN_HEDGE))
        and not belief_kept_out(i, rule, breaks, figure)
    ]


def _bare(rule: str) -> str:
    """The rule name without the suffix that says how far the hedge reaches."""
    for suffix in (OWN_BELIEF, FRACTION_HEDGE, FORECAST, SUBJECT_HEDGE, RIVAL_CLAUSE):
        rule = rule.removesuffix(suffix)
    return rule


def hedge_name(rule: str) -> str:
    """`could (another subject)`: the name `--explain` gives a hedge kept out, and why."""
    word = _bare(rule).removeprefix("hedge:")
    if rule.endswith(FRACTION_HEDGE):
        return f"{word} (of a fraction)"
    if rule.endswith(FORECAST):
        return f"{word} (a forecast)"
    if rule.endswith(SUBJECT_HEDGE):
        return f"{word} (the subject's identity)"
    if rule.endswith(RIVAL_CLAUSE):
        return f"{word} (a contrasted clause)"
    return f"{word} (another clause)"


def belief_kept_out(i: int, rule: str, breaks: list[int], figure: int) -> bool:
    """`put the toll at 2,300, though monitors believe it is higher`: a finite `believe`
    with a subject of its own, in a clause that a break opens after the figure, is another
    party's view of another value, not a doubt about this figure. A hedge of a fraction
    after the figure (`of whom perhaps a fifth`) doubts the fraction only, as `an estimated`
    hedges its own figure."""
    if rule.endswith(FORECAST) or rule.endswith(SUBJECT_HEDGE):
        return True  # wherever it stands
    if i <= figure:
        return False
    if rule.endswith(FRACTION_HEDGE):
        return True
    own_clause = rule.endswith(OWN_BELIEF) or rule.endswith(RIVAL_CLAUSE)
    return own_clause and any(figure < b < i for b in breaks)


# the suffix of a hedge's rule name when the hedge is the finite verb `believe(s)` after a
# subject of its own (`monitors believe`), whose scope is its own clause
OWN_BELIEF = " (finite, own subject)"


# the suffix when the hedge stands in a `, while` / `, whereas` clause with a subject of its
# own that is not the figure (`Finland lost 25,000 men, while Soviet losses were perhaps five
# times higher`): it doubts the other party's value, not a figure before the break
RIVAL_CLAUSE = " (a contrasted clause's own subject)"
_RIVAL_OPENERS = frozenset({"while", "whereas"})
# subjects that point back to the figure, so that a hedge after them still doubts it
_BACK_REFERENCES = frozenset(
    """it this that these which they figure figures toll tolls number numbers claim claims
    count tally estimate report reports data""".split()
)


def _rival_clause(toks: list[Token], i: int) -> bool:
    """The hedge at `i` is the first word after `, while` / `, whereas` and the subject of
    that clause, with no number, punctuation or word pointing back at a figure between.
    Bounded: at most eight words back."""
    for k in range(i - 1, max(1, i - 9) - 1, -1):
        t = toks[k]
        if t.low in _RIVAL_OPENERS:
            return k + 1 < i and toks[k - 1].text == ","
        if not t.text[0].isalpha() or t.low in _BACK_REFERENCES or t.low in NUMBER_WORDS:
            return False
    return False


# the suffix of a hedge's rule name when the hedge is right before a fraction (`perhaps a
# fifth`): its scope is the fraction
FRACTION_HEDGE = " (of a fraction)"
# the suffix when the hedge is a modal of a verb of rising (`the toll could rise`): a
# forecast, not a doubt (CONVENTIONS.md)
FORECAST = " (a forecast)"
_MODALS = frozenset("could may might".split())
_RISE_VERBS = frozenset("rise climb grow increase".split())
_FRACTION_WORDS = frozenset("half third fifth quarter tenth most majority fraction".split())


def _of_fraction(toks: list[Token], i: int) -> bool:
    """`perhaps a fifth`, `probably half`: the hedge at `i` stands right before a fraction."""
    k = i + 1
    if k < len(toks) and toks[k].low in ("a", "an", "one"):
        k += 1
    return k < len(toks) and toks[k].low in _FRACTION_WORDS


# the suffix of a hedge's rule name when the hedge is a participle after a noun, whose scope
# is that noun's phrase
NOUN_HEDGE = " (of the noun before)"
_REDUCED_HEDGES = frozenset("believed thought feared estimated said reported".split())
_NOT_NOUNS = frozenset(
    """is are was were be been being widely also still now long generally officially not
    who which that it they he she we""".split()
)


# the suffix when the hedge is a reduced relative of belief about the subject, closed by the
# clause's own verb before any number (`Gunmen believed to belong to IS Sahel killed 44`):
# it doubts who the subject is, not a figure
SUBJECT_HEDGE = " (of the subject's identity)"
_INFINITIVE_AUX = frozenset("to have has had be been being".split())


def _reduced_relative_of_first(toks: list[Token], i: int) -> bool:
    """`Gunmen believed to belong to ...`: the reduced relative of the sentence's first word,
    a noun of people or fighters written with its capital."""
    return (
        i == 1
        and i + 1 < len(toks)
        and toks[i + 1].low == "to"
        and toks[i].low in _REDUCED_HEDGES
        and (toks[0].low in TROOP_NOUNS or toks[0].low in PEOPLE_NOUNS)
    )


def _subject_relative_closed(toks: list[Token], i: int) -> bool:
    """The reduced relative at `i` ends at a finite verb of what befell people (`killed`,
    `abducted`), not inside the infinitive (`believed to have killed 40`), with no number or
    punctuation before it: the figures after that verb are the clause's, not the relative's."""
    for k in range(i + 2, min(len(toks), i + 12)):
        t = toks[k]
        if not t.text[0].isalpha() or t.low in NUMBER_WORDS:
            return False
        if t.low in VERB_CATEGORY and toks[k - 1].low not in _INFINITIVE_AUX:
            return True
    return False


def _reduced_relative(toks: list[Token], i: int) -> bool:
    """`gangs believed to have 12,000 members`: a participle of belief right after a noun
    and before `to` is a reduced relative clause of that noun, not the verb of the clause."""
    if toks[i].low not in _REDUCED_HEDGES or i < 1 or i + 1 >= len(toks):
        return False
    if toks[i + 1].low != "to":
        return False
    before = toks[i - 1]
    return before.text.isalpha() and before.text.islower() and before.low not in _NOT_NOUNS


def hedges_at(toks: list[Token], lows: list[str] | None = None) -> list[tuple[int, str]]:
    """(token index, rule name) of each hedge in one sentence. `lows`: the tokens' lower-cased
    words, if the caller has them already."""
    found: list[tuple[int, str]] = []
    n = len(toks)
    if lows is None:
        lows = [t.low for t in toks]
    triggers = _TRIGGERS
    if triggers.isdisjoint(lows):
        return found
    for i, w in enumerate(lows):
        if w not in triggers:
            continue  # none of the tests below passes for another word
        t = toks[i]
        if w in HEDGE_WORDS:
            if w == "estimated" and _qualifies_number(toks, i):
                continue  # "an estimated 150,000" hedges its own figure only (qualifiers.py)
            if _reduced_relative(toks, i) or _reduced_relative_of_first(toks, i):
                if _subject_relative_closed(toks, i):
                    found.append((i, f"hedge:{w}{SUBJECT_HEDGE}"))
                    continue
                found.append((i, f"hedge:{w}{NOUN_HEDGE}"))
                continue
            if w in ("believe", "believes") and _own_subject(toks, i):
                found.append((i, f"hedge:{w}{OWN_BELIEF}"))
                continue
            if w in _MODALS and i + 1 < n and toks[i + 1].low in _RISE_VERBS:
                found.append((i, f"hedge:{w}{FORECAST}"))  # "a figure that could rise"
                continue
            if _of_fraction(toks, i):
                found.append((i, f"hedge:{w}{FRACTION_HEDGE}"))
                continue
            if _rival_clause(toks, i):
                found.append((i, f"hedge:{w}{RIVAL_CLAUSE}"))
                continue
            found.append((i, f"hedge:{w}"))
        elif w == "may" and t.text == "may":
            rise = i + 1 < n and toks[i + 1].low in _RISE_VERBS
            found.append((i, "hedge:may" + (FORECAST if rise else "")))
        elif w in ("estimate", "estimates") and _estimate_is_verb(toks, i):
            found.append((i, f"hedge:{w}"))
        elif w == "thought" and i + 1 < n and toks[i + 1].low == "to":
            found.append((i, "hedge:thought to"))
        elif w in ("cannot", "not") and i + 2 < n and toks[i + 2].low in ("verified", "confirmed"):
            found.append((i, f"hedge:{w} be {toks[i + 2].low}"))
    return found


def _own_subject(toks: list[Token], i: int) -> bool:
    """A noun or a pronoun right before `believe` is its subject (`monitors believe`,
    `they believe`), not an auxiliary (`is believed`) or `to` (`reason to believe`)."""
    if i < 1:
        return False
    before = toks[i - 1]
    return before.text.isalpha() and before.low not in _NOT_SUBJECTS


_NOT_SUBJECTS = frozenset("to not also still do does did widely generally".split())


_TRIGGERS = HEDGE_WORDS | {"may", "estimate", "estimates", "thought", "cannot", "not"}


def _qualifies_number(toks: list[Token], i: int) -> bool:
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None:
        return False
    return (i > 0 and toks[i - 1].low == "an") or nxt.text[0].isdigit()


_VERB_OBJECT_STARTS = frozenset(
    "that about around up more over at some as roughly nearly almost between the its".split()
)


def _after_according_to(toks: list[Token], i: int) -> bool:
    """`according to (the latest) UN estimates`: the object of `according to`, up to three
    modifiers between, is a noun."""
    for k in range(i - 1, max(0, i - 5), -1):
        if toks[k].low == "to":
            return toks[k - 1].low == "according"
        if not toks[k].text[0].isalpha():
            return False
    return False


def _estimate_is_verb(toks: list[Token], i: int) -> bool:
    """`officials estimate that ...` (a hedge) versus `an estimate of 8,000` (a source)."""
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.low == "that":
        return True
    if prev is not None and prev.low in _ESTIMATE_NOUN_BEFORE:
        return False
    if _after_according_to(toks, i):
        return False  # "according to UN estimates": the noun names the source
    if nxt is None or nxt.text in (".", ",", ";", "!"):
        return True  # "..., officials in Kathmandu estimate."
    if nxt.low in ("of", "put", "puts", "by", "suggest", "show", "vary"):
        return False
    if nxt.text[0].isdigit() or nxt.low in _VERB_OBJECT_STARTS:
        return True
    return prev is not None and not prev.text[0].isupper()
