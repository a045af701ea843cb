"""Number mentions: digits, magnitudes, number words, vague quantities and ranges.

Works on the token list of one sentence with bounded look-ahead, so the cost is linear in the
number of tokens whatever the input. Each mention records the rules that read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from projections.extraction.articles import (
    ARTICLE_LAST_NOUN,
    ARTICLE_ONE,
    SEVERAL_RULE,
    article_head,
    may_hold_article,
)
from projections.extraction.articles import SINGULAR_PERSONS as SINGULAR_HEADS
from projections.extraction.lexicon import MONTHS
from projections.extraction.tokens import Token, glued, is_digits

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
SPACED_MAGNITUDES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "mln": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    # Indian numbering (`1.2 lakh` = 120,000, `2 crore` = 20 million)
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
GLUED_MAGNITUDES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9}
SPACED_OR_GLUED = frozenset(SPACED_MAGNITUDES) | frozenset(GLUED_MAGNITUDES)
VAGUE = {  # plural word -> (low, high)
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9999.0),
    "millions": (2e6, 9999999.0),
}
VAGUE_OF = {  # "tens of thousands", "hundreds of thousands", ...
    ("tens", "thousands"): (1e4, 99999.0),
    ("hundreds", "thousands"): (1e5, 999999.0),
    ("tens", "millions"): (1e7, 99999999.0),
    ("hundreds", "millions"): (1e8, 999999999.0),
}
SEVERAL = {"several", "few", "many"}
SEVERAL_OF = {"dozen": (24.0, 99.0), "hundred": (200.0, 999.0), "thousand": (2e3, 9999.0)}
WORD_STARTS = frozenset(UNITS) | frozenset(TENS) | {"a", "half", "quarter"} | SEVERAL
DASHES = {"-", "–", "—"}
CHANGE_WORDS = frozenset(
    "rose risen rise rises rising increased increase grew grown grow climbed jumped fell "
    "fallen dropped declined decreased doubled tripled up down surged soared went "
    "raised reduced cut".split()
)
MAX_DIGITS = 15


@dataclass(slots=True)
class Num:
    """A number mention: tokens i..j (inclusive), bounds, and how it was read."""

    i: int
    j: int
    low: float
    high: float
    vague: bool = False
    is_range: bool = False
    words: bool = False  # read from number words
    raw: float = 0.0  # value before any magnitude, to propagate scales in ranges
    scale: float = 1.0
    lone_one: bool = False  # a bare "one", which needs a counted noun to be a figure
    rules: list[str] = field(default_factory=list)
    head: int = 0  # `a`/`an`/`several`: the noun of people it heads (`articles`), else 0


def parse_digits(text: str) -> float | None:
    """`11,000` -> 11000.0, `1.5` -> 1.5; None for malformed groups or absurd lengths."""
    if len(text) > MAX_DIGITS + 6:
        return None
    if "," in text:
        head, *groups = text.split(",")
        last = groups[-1]
        dec = ""
        if "." in last:
            last, dec = last.split(".", 1)
            groups[-1] = last
        if not 1 <= len(head) <= 3 or any(len(g) != 3 for g in groups) or "." in head:
            return None
        text = head + "".join(groups) + ("." + dec if dec else "")
    if text.count(".") > 1 or len(text.replace(".", "")) > MAX_DIGITS:
        return None
    return float(text)


_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _dot_thousands(toks: list[Token], i: int) -> float | None:
    """`11.000` or `1.200.000` with dots between groups of three (as translated reports from
    much of Europe write them): the whole number, unless a magnitude follows (`1.500 million`
    is a decimal)."""
    if not _DOT_THOUSANDS.fullmatch(toks[i].text):
        return None
    if i + 1 < len(toks) and toks[i + 1].low in SPACED_OR_GLUED:
        return None
    return float(toks[i].text.replace(".", ""))


def _read_digits(toks: list[Token], i: int) -> Num | None:
    t = toks[i]
    dotted = _dot_thousands(toks, i)
    value = dotted if dotted is not None else parse_digits(t.text)
    if value is None:
        return None
    rules = ["number:digits"] if dotted is None else ["number:digits:dot-thousands"]
    j = i
    # "11 000": groups of three separated by one (possibly non-breaking) space
    if "," not in t.text and "." not in t.text and len(t.text) <= 3:
        k = 0
        while (
            k < 4
            and j + 1 < len(toks)
            and toks[j + 1].start - toks[j].end == 1
            and len(toks[j + 1].text) == 3
            and toks[j + 1].text.isdigit()
            and (j + 2 >= len(toks) or not is_digits(toks[j + 2]))
        ):
            value = value * 1000 + float(toks[j + 1].text)
            j += 1
            k += 1
        if k:
            rules.append("number:space-separated")
    raw = value
    scale = 1.0
    n = len(toks)
    if j + 1 < n and toks[j + 1].low in SPACED_OR_GLUED:
        nxt = toks[j + 1]
        after_ok = j + 2 >= n or not (glued(nxt, toks[j + 2]) and toks[j + 2].text[0].isalnum())
        if glued(toks[j], nxt) and nxt.low in GLUED_MAGNITUDES and after_ok:
            scale = GLUED_MAGNITUDES[nxt.low]
            rules.append(f"number:magnitude:{nxt.text}")
            j += 1
        elif not glued(toks[j], nxt) and nxt.low in SPACED_MAGNITUDES:
            scale = SPACED_MAGNITUDES[nxt.low]
            rules.append(f"number:magnitude:{nxt.low}")
            j += 1
    value = _scaled(raw, scale)
    return Num(i, j, value, value, False, False, False, raw, scale, False, rules)


def _scaled(raw: float, scale: float) -> float:
    """`4.1 million` is 4,100,000, not the float product 4,099,999.9999999995: a whole
    number within rounding error of the product is the value."""
    value = raw * scale
    if scale > 1:
        whole = round(value)
        if abs(value - whole) < 1e-6 * max(1.0, abs(value)):
            return float(whole)
    return value


def _read_words(toks: list[Token], i: int) -> Num | None:
    n = len(toks)
    low = toks[i].low
    nxt = toks[i + 1].low if i + 1 < n else ""
    # vague quantities
    if low in VAGUE:
        if nxt == "of" and i + 2 < n and (low, toks[i + 2].low) in VAGUE_OF:
            lo, hi = VAGUE_OF[(low, toks[i + 2].low)]
            return Num(i, i + 2, lo, hi, vague=True, rules=[f"number:vague:{low} of"])
        if low == "scores" and nxt != "of" and nxt not in _SCORES_SUBJECT:
            return None  # `scores of X`, or `scores were killed`: people; not a game's
        lo, hi = VAGUE[low]
        return Num(i, i, lo, hi, vague=True, rules=[f"number:vague:{low}"])
    if low == "tens" and nxt == "of" and i + 2 < n and (low, toks[i + 2].low) in VAGUE_OF:
        lo, hi = VAGUE_OF[(low, toks[i + 2].low)]
        return Num(i, i + 2, lo, hi, vague=True, rules=["number:vague:tens of"])
    if low == "tens" and nxt == "of" and i + 2 < n and toks[i + 2].text[0].isalpha():
        # `tens of fighters` (a translator's `dozens`): vague, as `dozens` is, from 20
        return Num(i, i, 20.0, 99.0, vague=True, rules=["number:vague:tens"])
    if low in SEVERAL or (low == "a" and nxt == "few"):
        k = i + 1 if low != "a" else i + 2
        if low == "several" and nxt not in SEVERAL_OF:
            head = article_head(toks, i, plural=True)  # `several soldiers were killed`
            if head < 0:
                return None
            return Num(i, i, 2.0, 9.0, vague=True, rules=[SEVERAL_RULE], head=head)
        if k < n and toks[k].low in SEVERAL_OF:
            lo, hi = SEVERAL_OF[toks[k].low]
            end = k
            if toks[k].low == "hundred" and k + 1 < n and toks[k + 1].low == "thousand":
                lo, hi, end = lo * 1000, hi * 1000 + 999, k + 1
            word = " ".join(t.low for t in toks[i : end + 1])
            return Num(i, end, lo, hi, vague=True, rules=[f"number:vague:{word}"])
        return None
    # "half a million", "a quarter of a million"
    if low in ("half", "quarter"):
        k = i + 1
        if low == "quarter" and k < n and toks[k].low == "of":
            k += 1
        if k + 1 < n and toks[k].low == "a" and toks[k + 1].low in SCALES:
            v = (0.5 if low == "half" else 0.25) * SCALES[toks[k + 1].low]
            return Num(i, k + 1, v, v, words=True, rules=[f"number:words:{low} a"])
        if low == "half" and k + 1 < n and toks[k].low == "a" and toks[k + 1].low == "dozen":
            return Num(i, k + 1, 6, 6, words=True, rules=["number:words:half a dozen"])
        return None
    if low == "a":
        if nxt == "quarter":
            got = _read_words(toks, i + 1)
            if got:
                got.i = i
            return got
        if nxt == "dozen":
            return Num(i, i + 1, 12, 12, words=True, rules=["number:words:a dozen"])
        if nxt == "handful" and i + 2 < n and toks[i + 2].low == "of":
            # `a handful of Thai rangers`: a few, vague as `several` is (2-9)
            return Num(i, i + 1, 2.0, 9.0, vague=True, rules=["number:vague:a handful"])
        if nxt in ("hundred", "thousand", "million", "billion"):
            sub = _compose(toks, i + 1, start_value=1)
            if sub:
                j, v = sub
                return Num(i, j, v, v, words=True, rules=["number:words"])
        return None
    sub = _compose(toks, i)
    if not sub:
        return None
    j, v = sub
    rules = ["number:words"]
    if j + 1 < n and toks[j + 1].low == "dozen":
        v, j = v * 12, j + 1
        rules.append("number:words:dozen")
    num = Num(i, j, v, v, words=True, raw=v, rules=rules)
    num.lone_one = j == i and low == "one"
    return num


def _compose(toks: list[Token], i: int, start_value: float = 0) -> tuple[int, float] | None:
    """Read `two hundred and fifty`, `twenty-five`, `three thousand`: (last index, value)."""
    n = len(toks)
    total, cur = 0.0, float(start_value)
    last = "unit" if start_value else ""
    end = -1
    j = i
    while j < n and j - i < 14:
        w = toks[j].low
        if w in UNITS and last in ("", "tens", "hundred", "scale"):
            cur += UNITS[w]
            last = "unit"
        elif w in TENS and last in ("", "hundred", "scale"):
            cur += TENS[w]
            last = "tens"
        elif w == "hundred" and last in ("unit", "tens") and cur < 100:
            cur *= 100
            last = "hundred"
        elif w in SCALES and last in ("unit", "tens", "hundred"):
            total += cur * SCALES[w]
            cur = 0.0
            last = "scale"
        elif (
            w == "-"
            and last == "tens"
            and j + 1 < n
            and toks[j + 1].low in UNITS
            and glued(toks[j - 1], toks[j])
            and glued(toks[j], toks[j + 1])
        ) or (
            w == "and"
            and last in ("hundred", "scale")
            and j + 1 < n
            and (toks[j + 1].low in UNITS or toks[j + 1].low in TENS)
        ):
            j += 1
            continue
        else:
            break
        end = j
        j += 1
    if end < 0:
        return None
    return end, total + cur


def _read_one(toks: list[Token], i: int) -> Num | None:
    t = toks[i]
    if is_digits(t):
        return _read_digits(toks, i)
    if t.low in WORD_STARTS or t.low in VAGUE or t.low == "tens":
        return _read_words(toks, i)
    return None


def _try_range(toks: list[Token], a: Num) -> Num | None:
    """`a-b`, `a–b`, `a to b`, `a or b` (and `between a and b`, `from a to b` around them)."""
    n = len(toks)
    k = a.j + 1
    if k + 1 >= n or a.vague:
        return None
    sep = toks[k]
    if sep.low not in _RANGE_WORDS:
        return None  # the cheap common case: no separator of a range follows
    prev = toks[a.i - 1].low if a.i > 0 else ""
    if sep.text in DASHES:
        spaced = not glued(toks[a.j], sep)
        if spaced == glued(sep, toks[k + 1]) and sep.text == "-":
            return None
        kind = "dash"
    elif sep.low == "to":
        kind = "to"
    elif sep.low == "or" and prev != "between":
        kind = "or"
    elif sep.low == "and" and prev == "between":
        kind = "between"
    else:
        return None
    if kind == "to" and (prev in _YEAR_BEFORE) and 1900 <= a.low <= 2100 and not a.words:
        return None  # "losses since February 2022 to 790,000": a year, then the figure
    if kind == "to" and prev == "from":
        before = {t.low for t in toks[max(0, a.i - 6) : a.i - 1]}
        if before & CHANGE_WORDS:
            return None  # "rose from 8,000 to 12,000": two figures, not a range
    b = _read_one(toks, k + 1)
    if b is None or b.vague or (b.lone_one and kind == "or"):
        return None
    lo = _propagate_scale(a, b)
    if not lo < b.low:
        return None
    rules = [*a.rules, f"number:range:{kind}"]
    i = a.i
    if kind == "between":
        i -= 1
    elif kind == "to" and prev == "from":
        i -= 1
        rules[-1] = "number:range:from-to"
    return Num(i, b.j, lo, b.low, is_range=True, words=a.words, rules=rules)


_YEAR_BEFORE = MONTHS | {"since", "in", "of"}
# `scores` with no `of` counts people only as the subject of a verb (`Scores were killed`)
_SCORES_SUBJECT = frozenset("were have had are more died".split())
_ALL_STARTS = WORD_STARTS | frozenset(VAGUE) | {"tens"}
_RANGE_WORDS = frozenset(DASHES) | {"to", "or", "and"}
_ARTICLES = frozenset({"a", "an"})
_AFTER_A = frozenset(
    {"few", "quarter", "dozen", "handful", "hundred", "thousand", "million", "billion"}
)


def _propagate_scale(a: Num, b: Num) -> float:
    """`1.5 to 2 million` -> 1.5 million; `two to three thousand` -> two thousand."""
    if b.scale > 1 and a.scale == 1 and not a.words and a.low * b.scale <= b.low:
        return _scaled(a.low, b.scale)
    if a.words and b.words and a.low < 1000:
        for scale in (1e9, 1e6, 1e3, 100.0):
            if b.low >= scale and b.low % scale == 0 and b.low / 20 < a.low * scale < b.low:
                return a.low * scale
    return a.low


# Every number mention starts with a digit token or holds one of these words: a unit or tens
# word (`_compose`), a vague plural, `tens`, or what follows `a`/`several`/`half` (`dozen`,
# `hundred`, a scale). A sentence with none of them holds no number, and need not be tokenised
# to know that. The words are searched in the lower-cased text, with the tokenizer's word
# boundaries: lower-casing maps no non-letter to a letter, so every token whose `low` is one of
# them is found (finding more is harmless). Plain regexes, linear in the text.
_NUMBER_WORDS = sorted(
    {*UNITS, *TENS, *SCALES, *VAGUE, "tens", "handful", *SEVERAL_OF}, key=lambda w: (-len(w), w)
)
_NUMBER_WORD_RE = re.compile(r"(?<![^\W\d_])(?:" + "|".join(_NUMBER_WORDS) + r")(?![^\W\d_])")


def may_hold_number(text: str, start: int, end: int) -> bool:
    """False when `find_numbers` is sure to find nothing in `text[start:end]` (a quick scan)."""
    span = text[start:end]
    for digit in "0123456789":  # `in` scans in C, far faster than a pattern
        if digit in span:
            return True
    low = span.lower()
    return _NUMBER_WORD_RE.search(low) is not None or may_hold_article(low)


def find_numbers(toks: list[Token]) -> list[Num]:
    """Every number mention of a sentence, left to right, none overlapping."""
    out: list[Num] = []
    i = 0
    n = len(toks)
    starts = _ALL_STARTS
    while i < n:
        t = toks[i]
        if t.text[0] in "0123456789":
            num = _read_digits(toks, i)
        elif t.low in _ARTICLES and (i + 1 >= n or toks[i + 1].low not in _AFTER_A):
            # `_read_words` reads `a` only before one of _AFTER_A; else it may count one person
            head = article_head(toks, i, plural=False)
            if head < 0:
                i += 1
                continue
            rules = [ARTICLE_ONE]
            if head > i + 1 and toks[head - 1].low in SINGULAR_HEADS:
                rules.append(ARTICLE_LAST_NOUN)
            num = Num(i, i, 1.0, 1.0, words=True, rules=rules, head=head)
        elif t.low not in starts:
            i += 1
            continue
        else:
            num = _read_words(toks, i)
        if num is None:
            i += 1
            continue
        rng = _try_range(toks, num)
        if rng is not None:
            num = rng
        out.append(num)
        i = num.j + 1
    return out
