"""Qualifiers: the words around a number that turn it into a bound or an approximation.

`up to 11,000` is an upper bound, `more than 450,000` a lower one, `some 3,000` approximate.
Phrases are matched on the lower-cased tokens just before (or after) the number, longest first,
so `no more than` wins over `more than`. The phrase becomes part of the claim's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from projections.extraction.numbers import Num
from projections.extraction.tokens import Token, glued

_BEFORE: dict[str, str] = {
    # upper bounds
    "up to": "upper",
    "as many as": "upper",
    "no more than": "upper",
    "not more than": "upper",
    "fewer than": "upper",
    "less than": "upper",
    "as high as": "upper",
    "at most": "upper",
    "a maximum of": "upper",
    "under": "upper",
    "just under": "upper",
    "below": "upper",
    "just below": "upper",
    "a little under": "upper",
    "slightly less than": "upper",
    "not exceeding": "upper",
    # lower bounds
    "more than": "lower",
    "over": "lower",
    "at least": "lower",
    "in excess of": "lower",
    "well in excess of": "lower",
    "well over": "lower",
    "just over": "lower",
    "a little over": "lower",
    "slightly more than": "lower",
    "well above": "lower",
    "above": "lower",
    "upwards of": "lower",
    "upward of": "lower",
    "exceeded": "lower",
    "exceeding": "lower",
    "exceeds": "lower",
    "exceed": "lower",
    "surpassed": "lower",
    "topped": "lower",
    "passed": "lower",
    "surpassing": "lower",
    "topping": "lower",
    # a count that goes past a mark (`the toll has crossed 1 million`, `rose past 300`)
    "crossed": "lower",
    "passing": "lower",
    # `passed the 500 mark`: only before a word of a mark (`_MARKS`)
    "passed the": "lower",
    "crossed the": "lower",
    "topped the": "lower",
    "surpassed the": "lower",
    "passing the": "lower",
    "rose past": "lower",
    "risen past": "lower",
    "climbed past": "lower",
    "went past": "lower",
    "gone past": "lower",
    "no fewer than": "lower",
    "no less than": "lower",
    "not less than": "lower",
    "a minimum of": "lower",
    # approximations
    "about": "approx",
    "around": "approx",
    "some": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "approx": "approx",
    "nearly": "approx",
    "almost": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "nearer": "approx",
    "closer to": "approx",
    "close to": "approx",
    "circa": "approx",
    "just about": "approx",
    "an approximate": "approx",
    "an approximately": "approx",
    "just shy of": "approx",
    # signs that channel posts write for `about` (`~50k troops`, `≈ 2,000`)
    "~": "approx",
    "≈": "approx",
    # explicit exactness
    "exactly": "exact",
    "precisely": "exact",
    "all": "exact",
    "a record": "exact",
    "a total of": "exact",
}
_AFTER: dict[str, str] = {
    "or more": "lower",
    "+": "lower",
    "or so": "approx",
    "or fewer": "upper",
    "or less": "upper",
    "at most": "upper",
    "at least": "lower",
}
_MAX_BEFORE = max(len(k.split()) for k in _BEFORE)
_BEFORE_BY_LEN: dict[int, dict[tuple[str, ...], str]] = {}
for _k, _v in _BEFORE.items():
    _BEFORE_BY_LEN.setdefault(len(_k.split()), {})[tuple(_k.split())] = _v
_BEFORE_LAST = frozenset(k.split()[-1] for k in _BEFORE)
_AFTER_FIRST = frozenset(k.split()[0] for k in _AFTER) | {"-"}
_AFTER_KEYS = {tuple(k.split()): v for k, v in _AFTER.items()}


@dataclass(slots=True)
class Qualified:
    """A number with its qualifier: first/last token of the claim text, qualifier, bounds."""

    i: int
    j: int
    qualifier: str
    low: float | None
    high: float | None
    rules: list[str]
    estimated: bool  # "an estimated N": approximate and hedged


def qualify(toks: list[Token], num: Num) -> Qualified:
    """Read the qualifier of `num` and widen its span to include it."""
    i, j = num.i, num.j
    rules: list[str] = []
    before = _match_before(toks, i)
    after = _match_after(toks, j)
    if num.is_range:
        # "around 10 to 12" is still a range; keep the word inside the claim text
        estimated = False
        if before and before[0] == "approx":
            i -= before[1]
            rules.append(f"qualifier:range:{before[2]}")
            estimated = before[2].endswith("estimated")  # "an estimated 5,000 to 10,000"
        else:
            rules.append("qualifier:range")
        return Qualified(i, j, "range", num.low, num.high, rules, estimated)
    if num.vague:
        if before and before[0] == "approx":
            i -= before[1]
        rules.append("qualifier:approx:vague")
        return Qualified(i, j, "approx", num.low, num.high, rules, False)
    low: float | None = num.low
    high: float | None = num.high
    qual = "exact"
    estimated = False
    if before and before[2].endswith(" the"):
        if j + 1 < len(toks) and toks[j + 1].low in _MARKS:
            j += 1  # the mark is in the claim's text: `passed the 500 mark`
        else:
            before = None  # `crossed the 3 bridges`
    if before:
        qual, n_words, phrase = before
        i -= n_words
        rules.append(f"qualifier:{qual}:{phrase}")
        estimated = phrase.endswith("estimated")
    elif after:
        qual, n_words, phrase = after
        j += n_words
        rules.append(f"qualifier:{qual}:{phrase}")
    else:
        rules.append("qualifier:exact")
    if qual == "upper":
        low = None
    elif qual == "lower":
        high = None
    return Qualified(i, j, qual, low, high, rules, estimated)


_MARKS = frozenset("mark threshold milestone".split())

# phrasal verbs whose particle is `over`: `handed over 84 prisoners` counts 84, not more
_OVER_VERBS = frozenset("hand hands handed handing turn turns turned turning".split())


def _match_before(toks: list[Token], i: int) -> tuple[str, int, str] | None:
    if i == 0 or toks[i - 1].low not in _BEFORE_LAST:
        return None
    before = [t.low for t in toks[max(0, i - _MAX_BEFORE) : i]]
    for n in range(min(_MAX_BEFORE, i), 0, -1):
        key = tuple(before[-n:])
        qual = _BEFORE_BY_LEN.get(n, {}).get(key)
        if qual:
            if key == ("over",) and i >= 2 and toks[i - 2].low in _OVER_VERBS:
                return None  # the particle of the verb (`qualifier:exact`)
            return qual, n, " ".join(key)
    return None


def _match_after(toks: list[Token], j: int) -> tuple[str, int, str] | None:
    n = len(toks)
    if j + 1 >= n or toks[j + 1].low not in _AFTER_FIRST:
        return None
    if j + 1 < n:
        nxt = toks[j + 1]
        if nxt.text == "+" and glued(toks[j], nxt):
            return "lower", 1, "+"
        if nxt.text == "-" and j + 2 < n and toks[j + 2].low in ("plus", "odd"):
            return _AFTER[toks[j + 2].low], 2, "-" + toks[j + 2].low
    for k in (2, 1):
        if j + k < n:
            key = tuple(t.low for t in toks[j + 1 : j + 1 + k])
            if key in _AFTER_KEYS and key != ("+",):
                return _AFTER_KEYS[key], k, " ".join(key)
    return None
