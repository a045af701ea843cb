"""Numbers that are not figure claims: dates, times, ages, years, ordinals, percentages, money,
measures, fractions, ratios, populations and designations (CONVENTIONS.md, "Not claims").

Each test looks at a few tokens around the number only, so it is constant-time per number.
Counts of events, places and facilities are rejected later, from the counted noun.
"""

from __future__ import annotations

from projections.extraction.lexicon import (
    CATEGORY_NOUNS,
    CURRENCY_SYMBOLS,
    DESIGNATION_WORDS,
    EQUIPMENT_NOUNS,
    MONTHS,
    PEOPLE_NOUNS,
    TIME_SUFFIXES,
    TROOP_NOUNS,
    UNIT_COMPOUNDS,
)
from projections.extraction.numbers import Num
from projections.extraction.tokens import Token, glued, is_digits

_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_CURRENCY_CODES = frozenset({"usd", "eur", "gbp", "uah", "rub", "us$", "chf", "cny"})
_CURRENCY_WORDS = frozenset(
    "dollars euros pounds rubles roubles hryvnias hryvnia yuan yen rupees shekels".split()
)
_YEAR_PREPS = frozenset(
    "in since until till by of from to between early late mid before after during and or "
    "spring summer autumn fall winter year the - – end start beginning".split()
)
_FRACTION_WORDS = frozenset("third thirds quarter quarters halves fifth fifths tenths".split())
_FRACTION_BASES = frozenset({2.0, 3.0, 4.0, 5.0, 10.0, 100.0, 1000.0})
_POPULATION_WORDS = frozenset({"population", "populations", "inhabitants", "populace"})
_TOWN_WORDS = frozenset({"city", "town", "village", "country", "nation", "region", "capital"})
_COUNTED = TROOP_NOUNS | PEOPLE_NOUNS | EQUIPMENT_NOUNS | frozenset(CATEGORY_NOUNS)


def _is_month(tok: Token) -> bool:
    if tok.low not in MONTHS:
        return False
    # "may" and "march" are also verbs: only capitalised forms are months
    return tok.text[0].isupper() or tok.low not in ("may", "march", "mar")


def _is_number_token(tok: Token) -> bool:
    return is_digits(tok)


def reason(toks: list[Token], num: Num) -> str | None:
    """Why `num` is not a figure claim (a rule name), or None when it may be one."""
    n = len(toks)
    i, j = num.i, num.j
    # the numeric tokens themselves (a range may start with "between"/"from")
    while i < j and not is_digits(toks[i]) and toks[i].low in ("between", "from"):
        i += 1
    first, last = toks[i], toks[j]
    prev = toks[i - 1] if i > 0 else None
    prev2 = toks[i - 2] if i > 1 else None
    nxt = toks[j + 1] if j + 1 < n else None
    nxt2 = toks[j + 2] if j + 2 < n else None
    digits = first.text[0] in "0123456789" and not num.words  # is_digits

    if digits and len(first.text) > 15:
        return "not-claim:too-long"
    if num.words is False and not num.vague and num.scale == 1 and num.low != int(num.low):
        return "not-claim:decimal"
    # glued suffixes and prefixes: 3rd, 1990s, 155mm, M777, Su-34, F-16, 24/7, 4:17
    if nxt is not None and last.end == nxt.start:  # glued
        if nxt.low in _ORDINAL_SUFFIXES:
            return "not-claim:ordinal"
        if nxt.low == "s" and is_digits(last):
            return "not-claim:decade"
        if nxt.text[0].isalpha() and is_digits(last):
            return "not-claim:designation"
        if nxt.text in (":", "/") and nxt2 is not None and is_digits(nxt2):
            return "not-claim:time-or-date"
        if nxt.text == "%":
            return "not-claim:percentage"
    if prev is not None and prev.end == first.start and digits:  # glued
        if prev.text[0].isalpha():
            return "not-claim:designation"
        if prev.text in ("-", "–") and prev2 is not None and glued(prev2, prev):
            if prev2.text[0].isalpha() or is_digits(prev2):
                return "not-claim:designation"
        if prev.text in (":", "/", "#", "№"):
            return "not-claim:time-or-designation"
    if prev is not None and (prev.text in CURRENCY_SYMBOLS or prev.low in _CURRENCY_CODES):
        return "not-claim:money"
    if prev2 is not None and prev2.text in CURRENCY_SYMBOLS and prev.text in ("-", "–"):
        return "not-claim:money"
    if nxt is not None and nxt.low in _NEXT_WORDS:  # each test below needs one of them
        if nxt.text == "%" or nxt.low in ("percent", "pct", "percentage"):
            return "not-claim:percentage"
        if nxt.low == "per" and nxt2 is not None and nxt2.low == "cent":
            return "not-claim:percentage"
        if nxt.low in _CURRENCY_WORDS or nxt.low in _CURRENCY_CODES:
            return "not-claim:money"
        if nxt.low in TIME_SUFFIXES and nxt.low != "h":
            return "not-claim:time"
        if nxt.low in ("a", "p") and nxt2 is not None and nxt2.text == ".":
            return "not-claim:time"
        if nxt.low == "m" and not glued(last, nxt):
            return "not-claim:distance"
        if _is_month(nxt) or (nxt.low == "of" and nxt2 is not None and _is_month(nxt2)):
            return "not-claim:date"
        if nxt.low in ("and", "-", "–", "to", "or") and nxt2 is not None and is_digits(nxt2):
            if j + 3 < n and _is_month(toks[j + 3]):
                return "not-claim:date"
        if nxt.text in ("-", "–") and nxt2 is not None and glued(last, nxt):
            if nxt2.low in UNIT_COMPOUNDS or nxt2.low in ("years", "months", "days", "hours"):
                if j + 3 < n and toks[j + 3].text == "-" and j + 4 < n and toks[j + 4].low == "old":
                    return "not-claim:age"
                return f"not-claim:measure:{nxt2.low}"
        if nxt.low in ("years", "year", "months") and nxt2 is not None and nxt2.low == "old":
            return "not-claim:age"
        if nxt.low in _FRACTION_WORDS or (
            nxt.text == "-" and nxt2 is not None and nxt2.low in _FRACTION_WORDS
        ):
            return "not-claim:fraction"
        if nxt.low == "out" and nxt2 is not None and nxt2.low == "of" and j + 3 < n:
            base = toks[j + 3]
            if not is_digits(base) or base.text.replace(",", "") in ("10", "100", "1000"):
                return "not-claim:fraction"
        if nxt.low == "in" and nxt2 is not None and (is_digits(nxt2) or nxt2.low in _SMALL):
            return "not-claim:ratio"
    if prev is not None and (prev.low in _PREV_WORDS or prev.text[0].isupper()):
        if _is_month(prev) and (digits or num.words is False):
            return "not-claim:date"
        if prev.low in ("aged", "age", "ages"):
            return "not-claim:age"
        if prev.low in ("every", "each", "per"):
            return "not-claim:ratio"
        if (
            prev.low == "of"
            and prev2 is not None
            and prev2.low == "out"
            and num.low in (_FRACTION_BASES)
        ):
            return "not-claim:fraction"
        if prev.low == "in" and prev2 is not None and (is_digits(prev2) or prev2.low in _SMALL):
            if i < 3 or toks[i - 3].low not in ("killed", "wounded", "died"):
                return "not-claim:ratio"
        if prev.low in DESIGNATION_WORDS and (prev.text[0].isupper() or prev.low in _DESIG_LOW):
            return "not-claim:designation"
        if (
            digits
            and i >= 2
            and prev.text[0].isupper()
            and prev.text.isalpha()
            and prev.text != "I"
            and not _is_month(prev)
            and prev.low not in _WEEKDAYS
            and len(first.text) <= 3
            and not num.is_range
        ):
            return "not-claim:designation"  # "Leopard 2 tanks", "Patriot 3"
        if prev.low == "of" and prev2 is not None and prev2.low in _TOWN_WORDS:
            if (
                nxt is None
                or nxt.low in ("people", "residents", "inhabitants")
                or not (nxt.text[0].isalpha())
            ):
                return "not-claim:population"
        if prev.text == "," and prev2 is not None and prev2.text[:1].isupper() and digits:
            if nxt is not None and nxt.text in (",", ")") and num.low < 120:
                return "not-claim:age"
        if prev.text == "(" and prev2 is not None and prev2.text[:1].isupper() and digits:
            if nxt is not None and nxt.text == ")" and num.low < 120:
                return "not-claim:age"
    if prev is not None and prev2 is not None and (prev2.low, prev.low) == ("home", "to"):
        return "not-claim:population"
    for t in toks[max(0, i - 5) : i]:
        if t.low in _POPULATION_WORDS:
            return "not-claim:population"
    if nxt is not None and nxt.low in _POPULATION_WORDS:
        return "not-claim:population"
    # years: four digits without separator, unless they plainly count something
    if (
        digits
        and len(first.text) == 4
        and _year_like(first)
        and (not num.is_range or _year_like(last))
    ):
        counted = nxt is not None and nxt.low in _COUNTED
        if not counted or (prev is not None and prev.low in _YEAR_PREPS):
            return "not-claim:year"
    return None


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_SMALL = frozenset("one two three four five six seven eight nine ten".split())
_DESIG_LOW = frozenset({"no", "number", "page", "item", "point", "line", "platform", "covid"})
# Every word the tests on the token after the number look for, and on the token before it
# (besides any capitalised word): a number followed and preceded by none of them skips them.
_NEXT_WORDS = (
    frozenset("% percent pct percentage per a p m of and - – to or years year months".split())
    | _CURRENCY_WORDS
    | _CURRENCY_CODES
    | TIME_SUFFIXES
    | MONTHS
    | _FRACTION_WORDS
    | {"out", "in"}
)
_PREV_WORDS = (
    frozenset("aged age ages every each per of in , (".split()) | MONTHS | DESIGNATION_WORDS
)


def _year_like(tok: Token) -> bool:
    t = tok.text
    return len(t) == 4 and t.isdigit() and 1800 <= int(t) <= 2100
