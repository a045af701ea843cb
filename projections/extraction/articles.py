"""One person in `a civilian was killed`, a few in `several soldiers were wounded`.

Incident summaries count single victims with the indefinite article (`gunmen shot dead a
farmer`, `a policeman died of his wounds`) and small groups with `several`. Neither is a
number word, so both are read only where the integrator's decision (issue 12) admits them: the
article or `several` heads a noun phrase whose head is a noun of people (the lexicon's nouns
of people and of troops, and their singulars), and that phrase is the subject of a verb of
dying or being hurt, or the object of an active verb of killing or wounding. Everywhere else
(`a soldier said`, `a convoy`, `a civilian area`, `a killed soldier's family`, `several houses`)
they are no figure.

The number stage (`numbers.find_numbers`) proposes the mention when a noun of people follows
within a few words; the category stage (`predicate_of`) admits it only when the clause's
grammar says the person died or was hurt. `may_hold_article` keeps the sentence fast path
exact: it is true whenever `find_numbers` could propose such a mention.
"""

from __future__ import annotations

import re

from projections.extraction.attribution.words import POSSESSIVE_MARKS
from projections.extraction.lexicon import (
    KIN_NOUNS,
    NP_STOP,
    PEOPLE_NOUNS,
    TROOP_NOUNS,
    VERB_CATEGORY,
)
from projections.extraction.tokens import Token, glued

ARTICLE_ONE = "number:article-one"
# `a Sudanese officer`, `an Israeli reservist`: a demonym that is also a noun of people
# (`the Sudanese`) modifies the noun after it, which is the phrase's head
ARTICLE_LAST_NOUN = "number:article-one:last-noun"
SEVERAL_RULE = "number:several"

# nouns of the lexicon's lists that name a body or a status, not a person
_NOT_PERSONS = frozenset(
    """troop troops forces force army armies deployment contingent garrison militia police
    personnel infantry staff elderly others battalions brigades divisions regiments platoons
    squads btgs crews mobilised mobilized families""".split()
)


def _singular(word: str) -> str | None:
    if word.endswith("men"):
        return word[:-3] + "man"  # policemen, fishermen, gunmen, women
    if word == "children":
        return "child"
    if word in ("people", "persons"):
        return "person"
    if word.endswith("ies"):
        return word[:-3] + "y"  # militaries, deputies
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


_PLURALS = frozenset(
    w
    for w in (PEOPLE_NOUNS | TROOP_NOUNS | KIN_NOUNS | {"herders"}) - _NOT_PERSONS
    if w.endswith("s") or w.endswith("men") or w in ("children", "people")
)
# `several` + one of these (`several others` too: others of the people just counted)
PLURAL_PERSONS = _PLURALS | {"others"}
# `a` / `an` + one of these: the singulars of the plurals, and the lexicon's own singulars
SINGULAR_PERSONS = frozenset(
    {s for s in map(_singular, _PLURALS) if s}
    | {w for w in (PEOPLE_NOUNS | TROOP_NOUNS) - _NOT_PERSONS if w not in _PLURALS}
) - {"other"}
_HEADS = SINGULAR_PERSONS | PLURAL_PERSONS

# the verbs that admit the mention: the lexicon's verbs of dying and of being hurt
DEATH_WOUND_VERBS = frozenset(w for w, c in VERB_CATEGORY.items() if c in ("killed", "wounded"))
# every one of them (and `lost her life`) holds one of these: the fast path looks for them
_STEMS = (
    "kill",
    "die",
    "dying",
    "dead",
    "perish",
    "slain",
    "murder",
    "massacr",
    "execut",
    "drown",
    "behead",
    "lynch",
    "martyr",
    "succumb",
    "slaughter",
    "wound",
    "injur",
    "hurt",
    "life",
    "lives",
)
_WINDOW = 8  # tokens after the article in which the head may stand
_ARTICLE_RE = re.compile(
    r"(?<![^\W\d_])(?:an?|several)\s+((?:\S+\s+){0," + str(_WINDOW - 1) + r"}\S+)"
)
_WORD_RE = re.compile(r"[^\W\d_]+")


def may_hold_article(low: str) -> bool:
    """True when `low` (a lower-cased sentence with no digit and no number word) may hold a
    mention this module reads: a verb of dying or being hurt, and `a`/`an`/`several` with a
    noun of people within the next few words. A superset of what `find_numbers` proposes."""
    for stem in _STEMS:  # `in` scans in C
        if stem in low:
            break
    else:
        return False
    for m in _ARTICLE_RE.finditer(low):
        for w in _WORD_RE.findall(m.group(1)):
            if w in _HEADS:
                return True
    return False


def article_head(toks: list[Token], i: int, plural: bool) -> int:
    """The token of the noun of people that the article (or `several`) at `i` may head, or -1.

    Modifiers may stand between (`a 14-year-old girl`, `an off-duty police officer`, `several
    Malian soldiers`), but no word that closes a noun phrase (`a soldier said`, `a number of`)."""
    heads = PLURAL_PERSONS if plural else SINGULAR_PERSONS
    n = len(toks)
    for k in range(i + 1, min(n, i + 1 + _WINDOW)):
        t = toks[k]
        w = t.low
        if w in heads:
            while k + 1 < n and toks[k + 1].low in heads:
                k += 1  # the head of a noun phrase is its last noun
            return k
        c = t.text[0]
        if c == "-" and glued(toks[k - 1], t):
            continue  # `14-year-old`, `off-duty`
        if not c.isalnum():
            return -1
        if w in NP_STOP and not (k + 1 < n and toks[k + 1].text == "-" and glued(t, toks[k + 1])):
            return -1  # but `off-duty`, `well-known`
    return -1


_GLUE = frozenset(
    """was were is are has have had been being be also later reportedly allegedly seriously
    critically fatally badly slightly lightly gravely mortally subsequently then shot found
    reported confirmed""".split()
)


def _phrase_end(toks: list[Token], head: int) -> int:
    """The last token of the noun phrase whose head is at `head`: a complement `of X` joins it
    (`a member of the Imbonerakure`); `-1` when the head is a possessive (`a killed soldier's
    family`) or a modifier of another noun (`a civilian area`)."""
    n = len(toks)
    k = head + 1
    if k < n and toks[k].text in POSSESSIVE_MARKS:
        return -1
    if k < n and toks[k].low == "of":
        j = k + 1
        while j < n and j - k <= 5:
            t = toks[j]
            if not t.text[0].isalnum() or t.low in _GLUE or t.low in DEATH_WOUND_VERBS:
                break
            if t.low in NP_STOP and t.low not in ("the", "a", "an", "of"):
                break
            j += 1
        return j - 1 if j - 1 > k else head
    return head


def _verb_at(toks: list[Token], j: int) -> str | None:
    """The category a verb of dying or being hurt at `j` gives, or None."""
    w = toks[j].low
    got = VERB_CATEGORY.get(w)
    if got in ("killed", "wounded"):
        return got
    if w == "lost" and j + 2 < len(toks) and toks[j + 1].low in ("his", "her", "their"):
        if toks[j + 2].low in ("life", "lives"):
            return "killed"
    return None


def may_count(toks: list[Token], first: int, head: int) -> bool:
    """False when the mention at `first` can be no figure whatever came before it: neither
    its clause's verb nor a listed figure before `and` admits it (`predicate_of`). Such a
    mention is dropped before the stages run, so that it bounds no other figure's clause
    (`abducted a driver and 4 passengers`)."""
    if first > 0 and (toks[first - 1].low == "and" or listed_by_comma(toks, first, head)):
        return True
    return predicate_of(toks, first, head, None) is not None


def listed_by_comma(toks: list[Token], first: int, head: int) -> bool:
    """`killed three soldiers, a policeman and 4 civilians`: the phrase at `first` stands in
    a list after a comma, and the list goes on after it (`and` or another comma follows its
    head); not `killed 3 soldiers, a spokesman said`."""
    return (
        first > 0
        and toks[first - 1].text == ","
        and head + 1 < len(toks)
        and toks[head + 1].low in ("and", ",")
    )


def predicate_of(
    toks: list[Token], first: int, head: int, listed_with: str | None
) -> tuple[str, int, str] | None:
    """`(category, phrase end, rule)` when the phrase whose article (or `several`) is at
    `first` and head at `head` is the subject of a verb of dying or being hurt (`a policeman
    died of his wounds`, `a soldier and two civilians were killed`, `several others injured`,
    `were among those killed`) or the object of an active verb of killing or wounding
    (`gunmen shot dead a farmer`); None otherwise. `listed_with` is the category of the
    figure right before `and` when that figure is itself such an object (`killing a
    policeman and a civilian`, `killed 2 soldiers and a trader`)."""
    end = _phrase_end(toks, head)
    if end < 0:
        return None
    n = len(toks)
    # subject: the verb after the phrase, past auxiliaries and adverbs, and past the rest of a
    # list of people (`a woman and her son were killed`, `a soldier and two civilians`)
    j = end + 1
    listed = 0  # 1: just past `and`; 2: past a word of the listed phrase
    while j < n and j - end <= 9:
        t = toks[j]
        got = _verb_at(toks, j)
        if got is not None:
            if listed == 1:
                break  # `shot a soldier and killed a civilian`: another verb phrase
            return got, end, f"category:article:subject-of:{t.low}"
        w = t.low
        if w in _TO_DEATH_VERBS and j + 2 < n and toks[j + 1].low == "to":
            if toks[j + 2].low == "death" and listed != 1:
                return "killed", end, f"category:article:subject-of:{w} to death"
            break
        if w == "among" and j + 2 < n and toks[j + 1].low in ("those", "the"):
            got = _verb_at(toks, j + 2)
            if got is not None and listed != 1:
                return got, end, f"category:article:among-those:{toks[j + 2].low}"
            break
        if w in _GLUE and listed != 1:
            j += 1
            continue
        if w == "and" and listed == 0:
            if toks[j - 1].low in ("shot", "stabbed", "beaten"):
                j += 1  # `was shot and killed`
                continue
            listed = 1
        elif listed and t.text[0].isalnum() and (w not in NP_STOP or w in _LIST_WORDS):
            listed = 2
        else:
            break
        j += 1
    # object: the verb right before the article (`killed a trader`, `shot dead a herder`)
    k = first - 1
    if k < 0:
        return None
    if listed_with is not None and toks[k].low == "and":
        return listed_with, end, "category:article:object-listed"
    if listed_with is not None and listed_by_comma(toks, first, head):
        return listed_with, end, "category:article:object-listed-comma"
    got = _verb_at(toks, k)
    if got is not None and not (k > 0 and toks[k - 1].low in _PASSIVE_BE):
        return got, end, f"category:article:object-of:{toks[k].low}"
    return None


_TO_DEATH_VERBS = frozenset(
    "stabbed hacked beaten burned burnt clubbed stoned bludgeoned tortured crushed".split()
)
_LIST_WORDS = frozenset("his her their its the a an".split())
_PASSIVE_BE = frozenset("was were is are been be".split())
