"""Numbers that are not figure claims: dates, times, ages, years, ordinals, percentages, money,
measures, fractions, ratios, populations and designations (CONVENTIONS.md, "Not claims").

The tests are tables of rows (rule name, predicate), tried in order: the first row whose
predicate holds names the reason, as an if-ladder would, and a new test is one row in the right
place. Tables are gated by what triggers them, so most numbers skip most rows at the cost of a
set or dict lookup: a glued neighbour (`3rd`, `M777`), or a word before or after the number. A
row of a word-triggered table names its trigger words, and the table keeps, for each word, the
rows it may fire, in table order; so the gates can never miss a word a row looks for. The
last two tests (population, year), which every figure reaches, are called directly.

Each predicate looks at a few tokens around the number only, so the cost per number is
constant. Counts of events, places and facilities are rejected later, from the counted noun.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from projections.extraction import gazetteer
from projections.extraction.lexicon import (
    CATEGORY_NOUNS,
    COUNTED_NOUNS,
    CURRENCY_SYMBOLS,
    DESIGNATION_WORDS,
    MONTHS,
    TIME_SUFFIXES,
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
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_SMALL = frozenset("one two three four five six seven eight nine ten".split())
_DESIG_LOW = frozenset({"no", "number", "page", "item", "point", "line", "platform", "covid"})
_DASHES = frozenset({"-", "–"})
_VERB_BEFORE = frozenset("to will would could may might can now still once already".split())
_DURATIONS = frozenset({"years", "months", "days", "hours"})
_DURATION_WORDS = frozenset(
    "days weeks months years hours minutes decades nights centuries seconds".split()
)


class Around:
    """A number and its neighbours, as the tests read them.

    `i..j` are the number's own tokens (a range's leading `between` or `from` is skipped: a `$`
    or a month touches the digits, not that word); `prev`, `prev2`, `nxt`, `nxt2` are the two
    tokens either side, None past the sentence's ends; `digits` says whether the number is
    written in digits. Read once per number, so that no predicate looks them up again.
    """

    __slots__ = ("digits", "first", "i", "j", "last", "num", "nxt", "nxt2", "prev", "prev2", "toks")


def _around(toks: list[Token], num: Num) -> Around:
    """The number `num` of `toks` and its neighbours (filled in place: this runs for every
    number, and an `__init__` called from C costs more than the rest of the reading)."""
    n = len(toks)
    i, j = num.i, num.j
    while i < j and not is_digits(toks[i]) and toks[i].low in ("between", "from"):
        i += 1
    a = _new(Around)
    a.toks = toks
    a.num = num
    a.i = i
    a.j = j
    a.first = first = toks[i]
    a.last = toks[j]
    a.prev = toks[i - 1] if i > 0 else None
    a.prev2 = toks[i - 2] if i > 1 else None
    a.nxt = toks[j + 1] if j + 1 < n else None
    a.nxt2 = toks[j + 2] if j + 2 < n else None
    a.digits = first.text[0] in "0123456789" and not num.words  # is_digits
    return a


_new = object.__new__


# True when the row's rule fires, or a string that names the rule more precisely (a unit).
Predicate = Callable[[Around], "bool | str"]
Row = tuple[str, Predicate]
Table = tuple[Row, ...]
# A row of a word-triggered table: it can only fire when the neighbour's lower-cased word is
# one of its triggers (None: any word; its predicate then says which).
TriggeredRow = tuple[str, Iterable[str] | None, Predicate]


def _by_trigger(rows: Iterable[TriggeredRow]) -> dict[str, Table]:
    """Each trigger word -> the rows it may fire, in table order; `""` -> the rows any other
    word may fire."""
    rows = tuple((name, None if t is None else frozenset(t), p) for name, t, p in rows)
    words = {w for _n, triggers, _p in rows if triggers is not None for w in triggers}
    return {
        w: tuple((name, p) for name, triggers, p in rows if triggers is None or w in triggers)
        for w in (*sorted(words), "")
    }


def _is_month(tok: Token) -> bool:
    if tok.low not in MONTHS:
        return False
    # "may" and "march" are also verbs: only capitalised forms are months
    return tok.text[0].isupper() or tok.low not in ("may", "march", "mar")


def _year_like(tok: Token) -> bool:
    t = tok.text
    return len(t) == 4 and t.isdigit() and 1800 <= int(t) <= 2100


def _any(a: Around) -> bool:
    """For a row that its trigger words decide alone."""
    return True


# ------------------------------------------------------------------ always, first

_FIRST: Table = (
    ("not-claim:too-long", lambda a: a.digits and len(a.first.text) > 15),
    (
        "not-claim:decimal",  # 2.5, with no magnitude after it
        lambda a: (
            a.num.words is False
            and not a.num.vague
            and a.num.scale == 1
            and a.num.low != int(a.num.low)
        ),
    ),
)

# ------------------------------------- a token glued after the number: 3rd, 1990s, 155mm, 4:17

_GLUED_AFTER: Table = (
    ("not-claim:ordinal", lambda a: a.nxt.low in _ORDINAL_SUFFIXES),
    ("not-claim:decade", lambda a: a.nxt.low == "s" and is_digits(a.last)),
    ("not-claim:designation", lambda a: a.nxt.text[0].isalpha() and is_digits(a.last)),
    (
        "not-claim:time-or-date",  # 4:17, 24/7
        lambda a: a.nxt.text in (":", "/") and a.nxt2 is not None and is_digits(a.nxt2),
    ),
    ("not-claim:percentage", lambda a: a.nxt.text == "%"),
)

# -------------------------------------- a token glued before digits: M777, Su-34, F-16, #3


def _dashed_designation(a: Around) -> bool:
    """`Su-34`, `F-16`: letters or digits, a dash and the number, all glued."""
    prev, prev2 = a.prev, a.prev2
    if prev.text not in _DASHES or prev2 is None or not glued(prev2, prev):
        return False
    return prev2.text[0].isalpha() or is_digits(prev2)


_GLUED_BEFORE: Table = (
    ("not-claim:designation", lambda a: a.prev.text[0].isalpha()),  # M777
    ("not-claim:designation", _dashed_designation),
    ("not-claim:time-or-designation", lambda a: a.prev.text in (":", "/", "#", "№")),
)

# ------------------------------------------------- the word before: $5, USD 5, $3-4 million

_MONEY = _by_trigger(
    (
        ("not-claim:money", CURRENCY_SYMBOLS | _CURRENCY_CODES, _any),
        (
            "not-claim:money",  # $3-4 million: the second number of the range
            _DASHES,
            lambda a: a.prev2 is not None and a.prev2.text in CURRENCY_SYMBOLS,
        ),
    )
)

# -------------------------------- the word after: 5 percent, 10 am, 3 March, 19 years old


def _measure(a: Around) -> bool | str:
    """`a 1,000-kilometre front`, `a 30-day ceasefire`: a unit glued on by a dash."""
    nxt2 = a.nxt2
    if nxt2 is None or not glued(a.last, a.nxt):
        return False
    unit = nxt2.low
    return unit if unit in UNIT_COMPOUNDS or unit in _DURATIONS else False


# `one-way attack drones`, `a one-off payment`: a number word that is part of an adjective
_COMPOUND_TAILS = frozenset("way off sided time".split())


def _compound_adjective(a: Around) -> bool:
    """`37 one-way attack drones`: `one-way` is a word, not a figure; read here so that the
    figure before it keeps its noun (a figure's phrase ends where the next one begins)."""
    nxt2 = a.nxt2
    return nxt2 is not None and glued(a.last, a.nxt) and nxt2.low in _COMPOUND_TAILS


def _hyphenated_age(a: Around) -> bool:
    """`a 19-year-old soldier`."""
    j, toks = a.j, a.toks
    if not _measure(a) or j + 4 >= len(toks):
        return False
    return toks[j + 3].text == "-" and toks[j + 4].low == "old"


def _day_range(a: Around) -> bool:
    """`3 to 5 March`: a range of days before a month."""
    nxt2, j, toks = a.nxt2, a.j, a.toks
    if nxt2 is None or not is_digits(nxt2):
        return False
    return j + 3 < len(toks) and _is_month(toks[j + 3])


def _out_of(a: Around) -> bool:
    """`3 out of 10`, `one out of every five`; `30 out of 250 drones` counts drones."""
    nxt2, j, toks = a.nxt2, a.j, a.toks
    if nxt2 is None or nxt2.low != "of" or j + 3 >= len(toks):
        return False
    base = toks[j + 3]
    return not is_digits(base) or base.text.replace(",", "") in ("10", "100", "1000")


_RATE_UNITS = frozenset("day week month hour year night".split())
_RATE_GOES_ON = frozenset("after before earlier later ago on of into since".split())


def _article_rate(a: Around) -> bool:
    """`1,000 a day`, `40 every month`: the unit right after the article, and the phrase ends
    there (`a day after`, `a week earlier` date the figure instead)."""
    nxt2 = a.nxt2
    if nxt2 is None or nxt2.low not in _RATE_UNITS:
        return False
    k = a.j + 3
    return k >= len(a.toks) or a.toks[k].low not in _RATE_GOES_ON


_AFTER = _by_trigger(
    (
        ("not-claim:percentage", ("%", "percent", "pct", "percentage"), _any),
        ("not-claim:percentage", ("per",), lambda a: a.nxt2 is not None and a.nxt2.low == "cent"),
        # `~1,200 per day on average`: a rate, not a count (CONVENTIONS: per-day rates)
        ("not-claim:rate", ("per",), lambda a: a.nxt2 is not None and a.nxt2.low in _RATE_UNITS),
        # `roughly 1,000 a day`: the article of a rate unit, unless a time phrase goes on
        # (`30 a day after the truce`, `200 a week earlier` count people)
        ("not-claim:rate", ("a", "an", "each", "every"), _article_rate),
        ("not-claim:money", _CURRENCY_WORDS | _CURRENCY_CODES, _any),
        ("not-claim:time", TIME_SUFFIXES - {"h"}, _any),  # 10 pm, 0800 GMT
        # "over five days", "112 days", "two decades": a duration, never a figure; read here
        # so that it is no neighbour of the figures around it either
        ("not-claim:duration", _DURATION_WORDS, _any),
        ("not-claim:time", ("a", "p"), lambda a: a.nxt2 is not None and a.nxt2.text == "."),
        # 30 m, but not "2,300 M23 fighters" (a name glued to its number)
        (
            "not-claim:distance",
            ("m",),
            lambda a: (
                not glued(a.last, a.nxt) and not (a.nxt2 is not None and glued(a.nxt, a.nxt2))
            ),
        ),
        (
            "not-claim:date",  # 3 March, 3 of March
            MONTHS | {"of"},
            lambda a: (
                _is_month(a.nxt) or (a.nxt.low == "of" and a.nxt2 is not None and _is_month(a.nxt2))
            ),
        ),
        ("not-claim:date", ("and", "-", "–", "to", "or"), _day_range),
        ("not-claim:age", _DASHES, _hyphenated_age),
        ("not-claim:measure", _DASHES, _measure),
        ("not-claim:compound-adjective", _DASHES, _compound_adjective),
        (
            "not-claim:age",  # 19 years old
            ("years", "year", "months"),
            lambda a: a.nxt2 is not None and a.nxt2.low == "old",
        ),
        (
            "not-claim:fraction",  # two thirds, one-quarter
            _FRACTION_WORDS | {"-"},
            lambda a: (
                a.nxt.low in _FRACTION_WORDS
                or (a.nxt.text == "-" and a.nxt2 is not None and a.nxt2.low in _FRACTION_WORDS)
            ),
        ),
        ("not-claim:fraction", ("out",), _out_of),
        (
            "not-claim:ratio",  # 1 in 4
            ("in",),
            lambda a: (
                a.nxt2 is not None
                and (is_digits(a.nxt2) or a.nxt2.low in _SMALL)
                and not _year_token(a.nxt2)  # "fewer than 1,000 in 2022": a year, no ratio
            ),
        ),
    )
)

# ---------------------- the word before: March 3, aged 19, every 5, Leopard 2, Petrov, 34,


def _year_token(t: Token) -> bool:
    """`2022`: four digits that read as a year of the last two centuries."""
    return len(t.text) == 4 and t.text[:2] in ("19", "20") and t.text.isdigit()


def _in_ratio(a: Around) -> bool:
    """`1 in 4`, read at the 4, unless the 1 in 4 were killed (`killed 1 in 4 soldiers`)."""
    prev2, i = a.prev2, a.i
    if prev2 is None or not (is_digits(prev2) or prev2.low in _SMALL) or _year_token(a.first):
        return False
    return i < 3 or a.toks[i - 3].low not in ("killed", "wounded", "died")


def _verb_number(a: Around) -> bool:
    """`was meant to number 2,500 soldiers`, `could number 8,000`: `number` as a verb after
    `to` or a modal counts what follows; `no. 5` or `number 10` after anything else names."""
    prev2 = a.prev2
    return a.prev.low in ("number", "numbers") and prev2 is not None and prev2.low in _VERB_BEFORE


def _abbreviated_number(a: Around) -> bool:
    """`No. 1`, `Nr. 4`: a capitalised abbreviation of `number` and its full stop right
    before the digits, with no space between the word and the stop."""
    p2 = a.prev2
    return (
        a.digits
        and p2 is not None
        and p2.low in ("no", "nr")
        and p2.text[0].isupper()
        and p2.end == a.prev.start
    )


def _capitalised_designation(a: Around) -> bool:
    """`Leopard 2 tanks`, `Patriot 3`: a short number after a capitalised name. A word that
    opens a count after a quote mark (`“Another 20 people …`, `He said: 'About 40 …`) is
    capitalised as the quoted sentence's first word, not as a name."""
    prev = a.prev
    return (
        a.digits
        and a.i >= 2
        and not (a.prev2.text in _OPENING_MARKS and prev.low in _COUNT_OPENERS)
        and prev.text[0].isupper()
        and prev.text.isalpha()
        and prev.text != "I"
        and gazetteer.lookup(prev.text) is None  # "sent Kyiv 31 Abrams tanks": a recipient
        and prev.low not in CATEGORY_NOUNS  # `WIA 11`: a casualty form's label, its value
        and not _is_month(prev)
        and prev.low not in _WEEKDAYS
        and len(a.first.text) <= 3
        and not a.num.is_range
    )


# marks after which a word is capitalised as the first of what they open (a quote, a bracket,
# an answer after `A:`)
_OPENING_MARKS = frozenset("“ \" ‘ ' ( [ « :".split())
_COUNT_OPENERS = frozenset(
    """another some only about around nearly almost roughly over all the these those more
    just""".split()
)


def _town_population(a: Around) -> bool:
    """`a city of 300,000`, `a town of 40,000 people`."""
    prev2, nxt = a.prev2, a.nxt
    if prev2 is None or prev2.low not in _TOWN_WORDS:
        return False
    if nxt is None or nxt.low in ("people", "residents", "inhabitants"):
        return True
    return not nxt.text[0].isalpha()


def _age_after_name(closing: tuple[str, ...]) -> Predicate:
    """`Ivan Petrov, 34, said`, `Ivan Petrov (34)`: a number under 120 set off after a name."""

    def test(a: Around) -> bool:
        prev2, nxt = a.prev2, a.nxt
        if prev2 is None or not prev2.text[:1].isupper():
            return False
        return a.digits and nxt is not None and nxt.text in closing and a.num.low < 120

    return test


_PERIOD_UNITS = ("week", "day", "month")
_PERIOD_ENDS = frozenset(",|:;)—–.")


def _period_number(a: Around) -> bool:
    """`week 22` with no word after it: the number names the period, it counts nothing."""
    return a.digits and (a.nxt is None or a.nxt.text in _PERIOD_ENDS)


_BEFORE = _by_trigger(
    (
        (
            "not-claim:date",
            MONTHS,
            lambda a: _is_month(a.prev) and (a.digits or a.num.words is False),
        ),
        ("not-claim:age", ("aged", "age", "ages"), _any),
        # `[size=hundreds]`, `[size=around 300]`: a field of an event coder's tag (the size of
        # a crowd), not a figure the text asserts
        ("not-claim:coded-field", ("=",), _any),
        ("not-claim:ratio", ("every", "each", "per"), _any),
        (
            "not-claim:fraction",  # out of 10
            ("of",),
            lambda a: a.prev2 is not None and a.prev2.low == "out" and a.num.low in _FRACTION_BASES,
        ),
        ("not-claim:ratio", ("in",), _in_ratio),
        # `El Fasher, week 22 | Dead: 73`, `day 1000,`: a period's number in a form's
        # heading; `Last week 40 people died` goes on to its noun and stays a figure
        ("not-claim:period-number", _PERIOD_UNITS, _period_number),
        (
            "not-claim:designation",  # Platform 3, Covid 19, no. 5
            DESIGNATION_WORDS,
            lambda a: (
                a.prev.text[0].isupper() or (a.prev.low in _DESIG_LOW and not _verb_number(a))
            ),
        ),
        ("not-claim:designation", None, _capitalised_designation),
        # `School No. 1`, `Hospital No. 3`: the abbreviation keeps its full stop as a token
        ("not-claim:designation", (".",), _abbreviated_number),
        ("not-claim:population", ("of",), _town_population),
        ("not-claim:age", (",",), _age_after_name((",", ")"))),
        ("not-claim:age", ("(",), _age_after_name((")",))),
        (
            "not-claim:population",  # home to 40,000
            ("to",),
            lambda a: a.prev2 is not None and a.prev2.low == "home",
        ),
    )
)

# ------------------------------------------------- always, last: population, then year
# Every figure reaches these two, so `reason` calls them by hand rather than through a table.


def _population(a: Around) -> bool:
    """`a population of 40,000`, `population: 40,000`, `40,000 inhabitants`: the word
    shortly before or right after."""
    for tok in a.toks[max(0, a.i - 5) : a.i]:
        if tok.low in _POPULATION_WORDS:
            return True
    return a.nxt is not None and a.nxt.low in _POPULATION_WORDS


def _year(a: Around) -> bool:
    """Four digits without separator, unless they plainly count something: `2024 soldiers`
    are soldiers, `in 2024 soldiers` a year."""
    first, prev, nxt = a.first, a.prev, a.nxt
    if not _year_like(first):  # the caller has seen four characters, in digits
        return False
    if a.num.is_range and not _year_like(a.last):
        return False
    counted = nxt is not None and nxt.low in COUNTED_NOUNS
    return not counted or (prev is not None and prev.low in _YEAR_PREPS)


_RATIO_WORDS = frozenset("ratio ratios odds outnumbered outgunned outnumber outguns".split())


def _ratio_range(a: Around) -> bool:
    """`a ratio of one to ten`, `narrowed ... to roughly one to five.`: `one to N` read as a
    range is a ratio when a word of ratios stands in the four words before it, or when no
    word follows it (a range of people goes on to its noun: `one to two soldiers`) and no
    noun of a status stands before it (`the toll was one to three.`)."""
    if "number:range:to" not in a.num.rules:
        return False
    before = a.toks[max(0, a.num.i - 4) : a.num.i]
    if any(t.low in _RATIO_WORDS for t in before):
        return True
    nxt = a.nxt
    if nxt is not None and nxt.text[0].isalnum():
        return False
    # `the toll was one to three.`: a noun of the counted status before it makes it a figure
    return not any(t.low in CATEGORY_NOUNS for t in before)


def _first(table: Table, around: Around) -> str | None:
    """The rule name of the first row of `table` whose predicate holds, else None."""
    for name, test in table:
        hit = test(around)
        if hit:
            return name if hit is True else f"{name}:{hit}"
    return None


def reason(toks: list[Token], num: Num) -> str | None:
    """Why `num` is not a figure claim (a rule name), or None when it may be one.

    The tables in order, each tried only when its trigger holds; most numbers trigger none
    but the last two rows, which every figure reaches. Written out rather than looped over,
    since this runs for every number.
    """
    a = _around(toks, num)
    prev, nxt, first = a.prev, a.nxt, a.first
    if len(first.text) > 15 or num.low % 1:  # a long digit run or a fraction (nan, inf too)
        hit = _first(_FIRST, a)
        if hit:
            return hit
    if nxt is not None and a.last.end == nxt.start:
        hit = _first(_GLUED_AFTER, a)
        if hit:
            return hit
    if prev is not None:
        if a.digits and prev.end == first.start:
            hit = _first(_GLUED_BEFORE, a)
            if hit:
                return hit
        if prev.low in _MONEY:
            hit = _first(_MONEY[prev.low], a)
            if hit:
                return hit
    if nxt is not None and nxt.low in _AFTER:
        hit = _first(_AFTER[nxt.low], a)
        if hit:
            return hit
    if prev is not None:
        word = prev.low
        if word in _BEFORE or prev.text[0].isupper():
            hit = _first(_BEFORE.get(word) or _BEFORE[""], a)
            if hit:
                return hit
    if num.is_range and num.low == 1 and _ratio_range(a):
        return "not-claim:ratio"
    if _population(a):
        return "not-claim:population"
    if a.digits and len(first.text) == 4 and _year(a):
        return "not-claim:year"
    return None
