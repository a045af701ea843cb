"""The noun phrase a number counts, read forward from the number.

`11,000 North Korean troops`, `38 of the 42 drones`, `5,000 more soldiers`, `155mm shells`,
`Su-34 jets`: where the phrase starts and ends, its head noun, and the words that modify it. A
bounded window of 8 tokens, so the cost per number is constant.
"""

from __future__ import annotations

from dataclasses import dataclass

from projections.extraction.gazetteer import FIRST_WORDS
from projections.extraction.lexicon import (
    CATEGORY_NOUNS,
    CONTAINER_NOUNS,
    COUNTED_NOUNS,
    EQUIPMENT_IF_MODIFIED,
    EQUIPMENT_NOUNS,
    NONCLAIM_NOUNS,
    NP_PRE_MODIFIERS,
    NP_STOP,
    PEOPLE_NOUNS,
    TROOP_COMPOUNDS,
    TROOP_NOUNS,
    UNIT_NOUNS,
    VERB_CATEGORY,
)
from projections.extraction.tokens import Token, glued

_DETERMINERS = frozenset("the his its their her our these those my your whose this that".split())
_PARTITIVE_PRONOUNS = frozenset("them those these whom which us".split())
_VERBISH = frozenset(
    """remain remains remained took take fought fight went came left stayed made gave got ran
    hold held face faced live lived work serve served stand stood return returned arrive
    reach reached sent""".split()
)


@dataclass(slots=True)
class NounPhrase:
    """Token spans (inclusive) of the phrase after a number: its head noun (None when no
    noun was found), where it starts and ends, and its modifiers before the head."""

    head: int | None
    start: int
    end: int
    mods: tuple[int, int]
    definite: bool = False
    partitive_pronoun: bool = False
    designation: bool = False
    verb_word: int | None = None  # "300 fled": a verb right after the number


# Participles that describe weapons, never the verb of a figure: "19,000 armoured combat vehicles".
_WEAPON_ADJ = frozenset(
    "armoured armored unmanned guided self-propelled tracked wheeled mechanised mechanized".split()
)


def _modifies(toks: list[Token], j: int) -> bool:
    """`captured armoured vehicles`, `captured government armoured vehicles`: the participle
    at `j` modifies a noun of weapons, the nearer words being its modifiers."""
    if j + 2 < len(toks) and toks[j + 1].low in _WEAPON_ADJ and toks[j + 2].low in COUNTED_NOUNS:
        return True
    for t in toks[j + 1 : j + 4]:
        if t.low in EQUIPMENT_NOUNS:
            return True
        if not t.text.isalpha() or t.low in NP_STOP or t.low in VERB_CATEGORY:
            return False
    return False


# weapon nouns in the singular, which before other nouns are modifiers (`missile sites`)
_SINGULAR_WEAPONS = frozenset(
    "missile drone tank rocket shell munition bomb mine helicopter jet artillery".split()
)
# participles used only as adjectives before a noun (`31 suspected collaborators`)
_ATTRIBUTIVE = frozenset("suspected alleged presumed".split())
# participles that say what befell people, before a noun of people (`14 captured soldiers`)
_PEOPLE_PARTICIPLES = frozenset("captured abducted kidnapped detained".split())


def _modifies_people(toks: list[Token], j: int) -> bool:
    """`what it said were 14 captured soldiers`: the participle at `j` right before a noun
    of people or troops is that noun's modifier, not the verb of a bare figure."""
    return (
        toks[j].low in _PEOPLE_PARTICIPLES
        and j + 1 < len(toks)
        and (toks[j + 1].low in TROOP_NOUNS or toks[j + 1].low in PEOPLE_NOUNS)
    )


_NOUNS = COUNTED_NOUNS | NONCLAIM_NOUNS  # "11 remaining hospitals": `remaining` modifies
_APPROX = frozenset("roughly about around some nearly almost approximately estimated".split())
_CLOSING_QUOTES = frozenset({"'", "’", '"', "”"})

# words that open a time phrase before `last year`, `in March`: `late`, `early`
_TIME_EDGES = frozenset("late early mid".split())
_TIME_STARTS = frozenset("last this next in on that".split())


def _acronym_name(text: str) -> bool:
    """`IS Sahel militants`: a stop word written in capitals that starts a gazetteer name is
    that name's acronym, not the verb (`is`)."""
    return len(text) > 1 and text.isupper() and text in FIRST_WORDS


def forward_np(toks: list[Token], k: int, num_at: dict[int, int]) -> NounPhrase:
    """Parse the noun phrase after a number starting at token `k` (bounded to 8 tokens)."""
    n = len(toks)
    if k + 1 < n and toks[k].text in _CLOSING_QUOTES and toks[k + 1].text[0].isalpha():
        k += 1  # "'approximately 30' projectiles": the quote closes the figure, not the phrase
    start = k
    definite = False
    if k + 1 < n and toks[k].low == "out" and toks[k + 1].low == "of":
        k += 1
    if k < n and toks[k].low == "of":
        k += 1
        if k < n and toks[k].low in _PARTITIVE_PRONOUNS:
            return NounPhrase(None, start, k, (k, k), partitive_pronoun=True)
        if k + 1 < n and toks[k].low in ("the", "its", "their") and k + 1 in num_at:
            k += 1  # "38 of the 42 drones"
        elif k + 2 < n and toks[k].low == "the" and k + 2 in num_at and toks[k + 1].low in _APPROX:
            k += 2  # "1,100 of the roughly 3,000 civilians": the approximator is the figure's
        if k < n and k in num_at:  # "31 of 35 drones": the noun after the second number
            k = num_at[k] + 1
            start = k
        elif k < n and toks[k].low in _DETERMINERS:
            start = k
            definite = toks[k].low in ("the", "these", "those")
            k += 1
        else:
            start = k
    elif k < n and toks[k].low in ("such",):
        k += 1
    elif k + 1 < n and toks[k].low == "to" and k + 1 in num_at:
        k = num_at[k + 1] + 1  # "rose from 8,000 to 12,000 troops": the noun of the second
        start = k
    if k + 1 < n and toks[k].low in NP_PRE_MODIFIERS and toks[k + 1].low not in NP_STOP:
        k += 1  # "5,000 more soldiers"
    mods_start = k
    head: int | None = None
    designation = False
    j = k
    while j < n and j - k < 8:
        t = toks[j]
        w = t.low
        c = t.text[0]
        if c == "-" and j > k and glued(toks[j - 1], t) and j + 1 < n and glued(t, toks[j + 1]):
            j += 1
            continue
        if c in "0123456789":  # is_digits(t)
            if j > k and toks[j - 1].text == "-" and glued(toks[j - 1], t):
                designation = True  # "Su-34", "F-16"
                if j + 1 < n and toks[j + 1].low == "s" and glued(t, toks[j + 1]):
                    head = j + 1
                    j += 2
                    continue
                j += 1
                continue
            if (
                j > k
                and toks[j - 1].text[0].isupper()
                and j + 1 < n
                and toks[j + 1].low == "s"
                and glued(t, toks[j + 1])
            ):
                designation = True  # "18 Leopard 2s": the plural of a model name counts it
                head = j + 1
                j += 2
                continue
            if j + 1 < n and glued(t, toks[j + 1]) and toks[j + 1].text[0].isalpha():
                j += 2  # "155mm shells"
                continue
            if j > k and toks[j - 1].text[0].isupper() and len(t.text) <= 3:
                designation = True  # "Leopard 1 tanks"
                j += 1
                continue
            break
        if w in ("'s", "’s") and j > k:
            j += 1
            continue
        if not c.isalnum():
            break
        if j in num_at or (w in NP_STOP and not _acronym_name(t.text)):
            if (w == "and" or w == "or") and _coordinated_modifier(toks, k, j, head, num_at):
                head = None  # "24 cruise and ballistic missiles": both words modify `missiles`
                j += 1
                continue
            break
        if w in _TIME_EDGES and j + 1 < n and toks[j + 1].low in _TIME_STARTS:
            break  # "down from 2,000 late last year": a time phrase, no counted noun
        if j > k and (toks[j - 1].low, w) in TROOP_COMPOUNDS:
            head = j
            j += 1
            continue
        if head is None and w in UNIT_NOUNS:
            return NounPhrase(j, start, j, (mods_start, j), definite)  # "155 mm shells": a measure
        if (
            w in NONCLAIM_NOUNS
            and j > k
            and toks[j - 1].text == "-"
            and j + 1 < n
            and toks[j + 1].text[0].isalpha()
            and toks[j + 1].low not in NP_STOP
        ):
            j += 1  # "three land-attack cruise missiles": a hyphened compound modifies a noun
            continue
        if w in COUNTED_NOUNS or w in NONCLAIM_NOUNS or w in EQUIPMENT_IF_MODIFIED:
            if j == k and w in VERB_CATEGORY and w not in CATEGORY_NOUNS:
                # "250 captured armoured vehicles": a participle before a noun is its modifier
                if not (j + 1 < n and toks[j + 1].low in COUNTED_NOUNS) and not _modifies(toks, j):
                    return NounPhrase(None, start, j - 1, (k, k - 1), verb_word=j)
            head = j
            dead = w in _DEAD_CONTAINERS and j == k  # `1,500 bodies of Hamas militants`
            if w in CONTAINER_NOUNS and j + 1 < n and toks[j + 1].low == "of" and not dead:
                inner = forward_np(toks, j + 1, num_at)
                if inner.head is not None:
                    inner.definite = inner.definite or definite
                    return inner
            if w in ("prisoners", "prisoner") and j + 2 < n and toks[j + 1].low == "of":
                if toks[j + 2].low == "war":
                    return NounPhrase(j, start, j + 2, (mods_start, j), definite)
            j += 1
            continue
        # an unknown word
        if head is not None:
            if c.isupper() and toks[head].low in _HURT_MODIFIERS and head == mods_start:
                j += 1  # "two wounded North Korean soldiers": `wounded` modifies what follows
                continue
            if _modifies(toks, j - 1):
                j += 1  # "5 police armoured vehicles": the people noun modifies the weapons
                continue
            if (
                head == j - 1
                and toks[head].low in _SINGULAR_WEAPONS
                and t.text.isalpha()
                and t.text.islower()
                and j + 1 < n
                and toks[j + 1].low in NONCLAIM_NOUNS
            ):
                # "12 missile production sites": a singular weapon noun and the next word
                # modify the place noun after them, which heads the phrase
                j += 1
                continue
            break
        if w in VERB_CATEGORY:
            if j == k and not _modifies(toks, j) and not _modifies_people(toks, j):
                return NounPhrase(None, start, j - 1, (k, k - 1), verb_word=j)
            if j > k:
                break  # "nine traders died": the verb ends the phrase
        if c.isupper():
            j += 1
            continue
        if (
            j > k
            and (w.endswith("ed") or (w.endswith("ing") and _before_prep(toks, j)))
            and toks[j - 1].text[0].isupper()
            and w not in _WEAPON_ADJ
            and not (j + 1 < n and toks[j + 1].low in COUNTED_NOUNS)
        ):
            # "35,000 Malians crossed", "90,000 Congolese sheltering in Uganda": a verb after a
            # name ends the phrase
            break
        if j == k and w in _ATTRIBUTIVE and j + 1 < n and toks[j + 1].text.isalpha():
            if toks[j + 1].low not in NP_STOP and toks[j + 1].low not in VERB_CATEGORY:
                j += 1  # "arrested 31 suspected collaborators": an adjective, not a verb
                continue
        if j == k and w in _ADVERBS and j + 1 < n and toks[j + 1].low.endswith("ed"):
            # "only about 1,400 ever deployed": an adverb before the verb of a bare figure
            return NounPhrase(None, start, j - 1, (k, k - 1), verb_word=j + 1)
        if (
            j == k
            and (w in _VERBISH or w.endswith(("ed", "ing")))
            and w not in _WEAPON_ADJ
            and not _modifies(toks, j)
        ):
            after = toks[j + 1] if j + 1 < n else None
            if not (after and (after.low in _NOUNS or after.text[0].isupper())):
                return NounPhrase(None, start, j - 1, (k, k - 1), verb_word=j)
        j += 1
    end = j - 1
    if head is None and designation:
        return NounPhrase(end, start, end, (mods_start, end), definite, designation=True)
    if head is None:
        # unknown words only: the last one is the counted noun, the claim will be "other"
        if end >= mods_start and toks[end].text[0].isalpha():
            return NounPhrase(end, start, end, (mods_start, end), definite)
        return NounPhrase(None, start, k - 1, (k, k - 1))
    return NounPhrase(head, start, head, (mods_start, head), definite, False, designation)


# participles that stand as nouns (`the wounded`) and before a name's noun as modifiers
_HURT_MODIFIERS = frozenset({"wounded", "injured"})
_ADVERBS = frozenset("ever eventually actually finally later originally initially".split())
# containers that say what their people are: a figure right before `bodies of X` counts the
# dead X, not X (`the bodies of 12 soldiers`, with the figure inside, is read as before)
_DEAD_CONTAINERS = frozenset({"bodies"})


def _coordinated_modifier(
    toks: list[Token], k: int, j: int, head: int | None, num_at: dict[int, int]
) -> bool:
    """`24 cruise and ballistic missiles`, `300 Russian and Belarusian troops`, `12 attack and
    reconnaissance drones`: the `and` at `j` joins two modifiers of one plural noun after it,
    not two counted nouns. The words before it (at most two) hold no plural noun and no noun of
    people (`40 tanks and armoured vehicles`, `30 police and soldiers` keep their head), and the
    conjunct after it is one or two modifiers and a plural counted noun that ends the phrase
    (`12 missile and drone attacks` does not count drones)."""
    if j == k or j - k > 2 or j + 2 >= len(toks):
        return False
    for t in toks[k:j]:
        if not t.text.isalpha():
            return False
    if head is not None:
        h = toks[head].low
        if h.endswith("s") or h in PEOPLE_NOUNS or h in TROOP_NOUNS:
            return False
    n = len(toks)
    for m in range(j + 2, min(j + 4, n)):
        prev = toks[m - 1]
        if m - 1 in num_at or not prev.text.isalpha() or prev.low in NP_STOP:
            return False
        if prev.low in COUNTED_NOUNS:
            return False  # `a tank and soldiers`: the word after `and` is a noun itself
        w = toks[m].low
        if w in COUNTED_NOUNS and w.endswith("s"):
            nxt = toks[m + 1] if m + 1 < n else None
            return nxt is None or nxt.low not in _NOUNS
    return False


def _before_prep(toks: list[Token], j: int) -> bool:
    """A preposition follows token `j` (`sheltering in`): an `-ing` word there is a verb."""
    return j + 1 < len(toks) and toks[j + 1].low in NP_STOP
