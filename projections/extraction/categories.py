"""What a number counts: the counted noun phrase (subject) and the category.

The counted noun decides first (`tanks` -> equipment, `prisoners` -> captured, `troops` ->
troops); for nouns of people (`civilians`, `people`, and troops that die or surrender) the verb
of the clause decides (`were killed`, `had fled`, `killing 9`). A number with no noun after it
(`60 wounded`, `at 2.7m`, `up from 40,000`) reads its noun from before it, or takes the category
of the figure it is compared with in the same sentence.

All searches are bounded windows of a few tokens, so the cost per number is constant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from projections.extraction.lexicon import (
    CATEGORY_NOUNS,
    CLAUSE_STOP,
    CONTAINER_NOUNS,
    EQUIPMENT_IF_MODIFIED,
    EQUIPMENT_NOUNS,
    EXCHANGE_CONTEXT,
    EXCHANGE_VERBS,
    NONCLAIM_NOUNS,
    NP_PRE_MODIFIERS,
    NP_STOP,
    PEOPLE_NOUNS,
    RECRUIT_VERBS,
    TROOP_COMPOUND_WORDS,
    TROOP_COMPOUNDS,
    TROOP_NOUNS,
    TROOP_VERBS,
    UNIT_NOUNS,
    VERB_CATEGORY,
    WEAPON_MODIFIERS,
)
from projections.extraction.tokens import Token, glued, is_digits

_DETERMINERS = frozenset("the his its their her our these those my your whose this that".split())
_BACK_DETERMINERS = frozenset("the these those his its their her our".split())
_PARTITIVE_PRONOUNS = frozenset("them those these whom which us".split())
_NOUNS = TROOP_NOUNS | PEOPLE_NOUNS | EQUIPMENT_NOUNS | frozenset(CATEGORY_NOUNS)
_VERBISH = frozenset(
    """remain remains remained took take fought fight went came left stayed made gave got ran
    hold held face faced live lived work serve served stand stood return returned arrive
    reach reached""".split()
)
_BACK_LINK = frozenset(
    """at to numbering numbered number numbers totalling totaling totalled totaled total
    stood stands stand reached reaching reach rose risen rising grew grown climbed increased
    jumped hit passed is are was were has have had been be being now already reportedly
    estimated put believed thought , — of about around nearly almost some roughly could may
    might will would can likely expected to""".split()
)
_INHERIT_LINKS = frozenset(
    "from including compared versus vs against than previous previously peak estimate "
    "high earlier another further total".split()
)
_FRACTIONS = frozenset("half third quarter most majority part fraction many some".split())
_CLAUSE_VERBS = frozenset("were was are is have had remain remained".split())
_RATE_WORDS = frozenset({"a", "per", "each", "every"})
_RATE_UNITS = frozenset({"day", "week", "month", "year", "hour", "night"})
_CASUALTY_PAIRS = {("killed", "wounded"), ("killed", "injured"), ("dead", "wounded")}
_CATEGORY_PARTICIPLES: dict[str, str] = {
    "displaced": "displaced",
    "wounded": "wounded",
    "injured": "wounded",
    "dead": "killed",
    "killed": "killed",
    "missing": "missing",
    "captured": "captured",
    "mobilised": "troops",
    "mobilized": "troops",
}


@dataclass(slots=True)
class Reading:
    """The category of one number and the noun phrase it counts (token spans, inclusive)."""

    category: str | None  # None: not a figure claim
    subject: tuple[int, int] | None = None
    np_end: int = -1  # last token of the counted phrase (or of the number)
    inherit: bool = False  # take category (and actor) from the previous figure
    definite: bool = False  # "the troops": the actor may be carried over
    partitive_pronoun: bool = False
    rules: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _NP:
    head: int | None
    start: int
    end: int
    mods: tuple[int, int]
    definite: bool = False
    partitive_pronoun: bool = False
    designation: bool = False
    verb_word: int | None = None  # "300 fled": a verb right after the number


def forward_np(toks: list[Token], k: int, num_at: dict[int, int]) -> _NP:
    """Parse the noun phrase after a number starting at token `k` (bounded to 8 tokens)."""
    n = len(toks)
    start = k
    definite = False
    if k + 1 < n and toks[k].low == "out" and toks[k + 1].low == "of":
        k += 1
    if k < n and toks[k].low == "of":
        k += 1
        if k < n and toks[k].low in _PARTITIVE_PRONOUNS:
            return _NP(None, start, k, (k, k), partitive_pronoun=True)
        if k + 1 < n and toks[k].low in ("the", "its", "their") and k + 1 in num_at:
            k += 1  # "38 of the 42 drones"
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
        if w in NP_STOP or j in num_at:
            break
        if j > k and (toks[j - 1].low, w) in TROOP_COMPOUNDS:
            head = j
            j += 1
            continue
        if head is None and w in UNIT_NOUNS:
            return _NP(j, start, j, (mods_start, j), definite)  # "155 mm shells": a measure
        if w in _NOUNS or w in NONCLAIM_NOUNS or w in EQUIPMENT_IF_MODIFIED:
            if j == k and w in VERB_CATEGORY and w not in CATEGORY_NOUNS:
                if not (j + 1 < n and toks[j + 1].low in _NOUNS):
                    return _NP(None, start, j - 1, (k, k - 1), verb_word=j)
            head = j
            if w in CONTAINER_NOUNS and j + 1 < n and toks[j + 1].low == "of":
                inner = forward_np(toks, j + 1, num_at)
                if inner.head is not None:
                    inner.definite = inner.definite or definite
                    return inner
            if w in ("prisoners", "prisoner") and j + 2 < n and toks[j + 1].low == "of":
                if toks[j + 2].low == "war":
                    return _NP(j, start, j + 2, (mods_start, j), definite)
            j += 1
            continue
        # an unknown word
        if head is not None:
            break
        if j == k and w in VERB_CATEGORY:
            return _NP(None, start, j - 1, (k, k - 1), verb_word=j)
        if c.isupper():
            j += 1
            continue
        if j == k and (w in _VERBISH or w.endswith(("ed", "ing"))):
            if not (j + 1 < n and (toks[j + 1].low in _NOUNS or toks[j + 1].text[0].isupper())):
                return _NP(None, start, j - 1, (k, k - 1), verb_word=j)
        j += 1
    end = j - 1
    if head is None and designation:
        return _NP(end, start, end, (mods_start, end), definite, designation=True)
    if head is None:
        # unknown words only: the last one is the counted noun, the claim will be "other"
        if end >= mods_start and toks[end].text[0].isalpha():
            return _NP(end, start, end, (mods_start, end), definite)
        return _NP(None, start, k - 1, (k, k - 1))
    return _NP(head, start, head, (mods_start, head), definite, False, designation)


def read_category(
    toks: list[Token],
    first: int,
    last: int,
    num_at: dict[int, int],
    prev_end: int,
    next_start: int,
) -> Reading:
    """Category and subject of the figure spanning tokens `first..last`.

    `prev_end`/`next_start` are the last token of the previous figure and the first of the
    next one in the sentence (-1 / len(toks) when none): clauses do not reach past them.
    """
    n = len(toks)
    k = last + 1
    # "a 1,000-strong force", "a 500-man unit"
    if k + 1 < n and toks[k].text == "-" and glued(toks[last], toks[k]):
        if toks[k + 1].low in TROOP_COMPOUND_WORDS:
            np = forward_np(toks, k + 2, num_at)
            subj = (np.mods[0], np.head) if np.head is not None else None
            end = np.head if np.head is not None else k + 1
            return Reading("troops", subj, end, rules=[f"category:compound:-{toks[k + 1].low}"])
    np = forward_np(toks, k, num_at)
    if np.partitive_pronoun or (np.head is None and np.verb_word is None):
        return _ellipsis(toks, first, last, np, prev_end, next_start)
    if np.head is None:
        w = toks[np.verb_word].low  # type: ignore[index]
        cat = VERB_CATEGORY.get(w, None)
        if cat is None:
            return _ellipsis(toks, first, last, np, prev_end, next_start)
        cat = _pair(toks, np.verb_word, cat)  # type: ignore[arg-type]
        return Reading(cat, None, np.verb_word, rules=[f"category:word-after:{w}"])
    head = np.head
    w = toks[head].low
    subj_start = np.start if np.start < np.mods[0] else np.mods[0]
    subject = (subj_start, np.end)
    mods = [t.low for t in toks[np.mods[0] : head]]
    rd = Reading(None, subject, np.end, False, np.definite)
    if _is_rate(toks, np.end):
        rd.rules.append("not-claim:rate")
        return rd
    if (
        np.designation
        or w in EQUIPMENT_NOUNS
        or (w in EQUIPMENT_IF_MODIFIED and _weapon_modified(toks, np.mods[0], head))
    ):
        rd.category = "equipment"
        rd.rules.append(f"category:noun:{w}")
        return rd
    if (toks[head - 1].low, w) in TROOP_COMPOUNDS:
        rd.category = "troops"
        rd.rules.append(f"category:noun:{toks[head - 1].low} {w}")
        return rd
    if w in CATEGORY_NOUNS:
        cat = _pair(toks, head, CATEGORY_NOUNS[w])
        if w == "losses" and any(m in WEAPON_MODIFIERS or m in EQUIPMENT_NOUNS for m in mods):
            cat = "equipment"
        if cat == "captured" and _near(toks, first, np.end, RECRUIT_VERBS, prev_end, next_start):
            rd.category = "troops"
            rd.rules.append(f"category:recruited:{w}")
            return rd
        rd.category = cat
        rd.rules.append(f"category:noun:{w}")
        return rd
    for m in mods:
        if m in _CATEGORY_PARTICIPLES and (w in TROOP_NOUNS or w in PEOPLE_NOUNS):
            rd.category = _CATEGORY_PARTICIPLES[m]
            rd.rules.append(f"category:modifier:{m}")
            return rd
    if w in TROOP_NOUNS or w in PEOPLE_NOUNS:
        people = w not in TROOP_NOUNS
        found = _verb_category(toks, first, np.end, prev_end, next_start, displaced=people)
        if found:
            rd.category, rule = found
            rd.rules.append(f"category:noun:{w}")
            rd.rules.append(rule)
            return rd
        if not people:
            rd.category = "troops"
            rd.rules.append(f"category:noun:{w}")
            return rd
        if _near(toks, first, np.end, TROOP_VERBS, prev_end, next_start):
            rd.category = "troops"
            rd.rules.append(f"category:troop-verb:{w}")
            return rd
        if _inherit_link(toks, first, prev_end):
            rd.inherit = True
            rd.category = "other"
            rd.rules.append("category:inherited")
            return rd
        rd.category = "other"
        rd.rules.append(f"category:other:people-without-verb:{w}")
        return rd
    if w in NONCLAIM_NOUNS or w in EQUIPMENT_IF_MODIFIED:
        rd.rules.append(f"not-claim:counted:{w}")
        return rd
    if toks[head].text[0].isupper() and _demonym_plural(toks[head].text):
        found = _verb_category(toks, first, np.end, prev_end, next_start, displaced=True)
        if found:
            rd.category = found[0]
            rd.rules.extend([f"category:noun:{w}", found[1]])
            return rd
        if _near(toks, first, np.end, TROOP_VERBS, prev_end, next_start):
            rd.category = "troops"
            rd.rules.append(f"category:troop-verb:{w}")
            return rd
        rd.category = "other"
        rd.rules.append(f"category:other:people-without-verb:{w}")
        return rd
    if toks[head].text[0].isupper() and head == np.mods[0]:
        return _ellipsis(toks, first, last, np, prev_end, next_start)
    rd.category = "other"
    rd.rules.append(f"category:other:noun:{w}")
    return rd


def _demonym_plural(word: str) -> bool:
    """`Nepalis`, `Chechens`, `Afghans`: a capitalised plural of people."""
    return len(word) > 4 and word.endswith(("ans", "ens", "is", "ese", "ers", "ians"))


def _ellipsis(
    toks: list[Token], first: int, last: int, np: _NP, prev_end: int, next_start: int
) -> Reading:
    """A number with no counted noun after it: `60 wounded`, `at 2.7m`, `up from 40,000`."""
    back = _back_np(toks, first, prev_end)
    if back is not None:
        if back.subject is not None:
            back.definite = toks[back.subject[0]].low in ("the", "these", "those")
        return back
    found = _verb_category(toks, first, last, prev_end, next_start, displaced=True)
    if found:
        cat, rule = found
        return Reading(cat, None, last, rules=[rule], partitive_pronoun=np.partitive_pronoun)
    if _inherit_link(toks, first, prev_end) or np.partitive_pronoun:
        return Reading("other", None, last, inherit=True, rules=["category:inherited"])
    if prev_end >= 0 and last + 1 < len(toks) and toks[last + 1].low in _CLAUSE_VERBS:
        rules = ["category:inherited:clause-subject"]
        return Reading("other", None, last, inherit=True, rules=rules)
    return Reading(None, None, last, rules=["not-claim:nothing-counted"])


def _back_np(toks: list[Token], first: int, prev_end: int) -> Reading | None:
    """`North Korean forces, numbering up to 11,000`, `the number of IDPs at 2.7m`."""
    j = first - 1
    cat_word: str | None = None
    lo = max(prev_end + 1, first - 8)
    while j >= lo:
        w = toks[j].low
        if w in _NOUNS or (j > 0 and (toks[j - 1].low, w) in TROOP_COMPOUNDS):
            break
        if w in VERB_CATEGORY and w not in ("lost", "losing", "lose"):
            cat_word = cat_word or w
        elif w not in _BACK_LINK and w not in ("toll", "tally") and not w.endswith("ed"):
            return None
        if w in ("toll", "tally"):
            break
        j -= 1
    else:
        return None
    head = j
    w = toks[head].low
    s = head
    while s - 1 >= lo and s - head > -4:
        p = toks[s - 1]
        if p.low in NP_STOP or not p.text[0].isalnum() or is_digits(p):
            break
        s -= 1
    if s - 1 >= lo and toks[s - 1].low in _BACK_DETERMINERS:
        s -= 1
    mods = [t.low for t in toks[s:head]]
    rules = [f"category:back-np:{w}"]
    if w in ("toll", "tally"):
        cat = "casualties" if "casualty" in mods else "killed"
        return Reading(cat, (s, head), head, rules=rules)
    if w in EQUIPMENT_NOUNS:
        return Reading("equipment", (s, head), head, rules=rules)
    if w in CATEGORY_NOUNS:
        cat = CATEGORY_NOUNS[w]
        if w == "losses" and any(m in WEAPON_MODIFIERS or m in EQUIPMENT_NOUNS for m in mods):
            cat = "equipment"
        return Reading(cat, (s, head), head, rules=rules)
    for m in mods:
        if m in _CATEGORY_PARTICIPLES:
            return Reading(_CATEGORY_PARTICIPLES[m], (s, head), head, rules=rules)
    if cat_word:
        return Reading(VERB_CATEGORY[cat_word], (s, head), head, rules=[*rules, "verb:" + cat_word])
    if w in TROOP_NOUNS:
        return Reading("troops", (s, head), head, rules=rules)
    return None


_COORDINATORS = frozenset({"and", "or", ","})


def _verb_category(
    toks: list[Token], first: int, np_end: int, prev_end: int, next_start: int, displaced: bool
) -> tuple[str, str] | None:
    """The category the nearest verb of the clause gives, after the phrase or before the number.

    A verb just before the next figure is that figure's (`killed 9 soldiers and wounded 17`).
    """
    n = len(toks)
    fwd: tuple[int, str, str] | None = None
    j = np_end + 1
    if next_start < n and all(t.low in _COORDINATORS for t in toks[np_end + 1 : next_start]):
        # "300 soldiers and 40 civilians were killed": the verb after the next figure's
        # phrase is this one's too, since only "and" (or a comma) stands between them.
        next_start = n
    stop = min(n, next_start, np_end + 13)
    while j < stop:
        w = toks[j].low
        if w in CLAUSE_STOP:
            break
        if w == "including":  # skip "including 480 children," to reach the verb
            end = min(n, j + 12)
            while j < end and toks[j].text != ",":
                j += 1
            if j >= end:
                break
            j += 1
            stop = min(n, j + 8)
            next_start = n
            continue
        got = _verb_at(toks, j, displaced) if w in _VERB_WORDS else None
        if got and j + 1 != next_start:
            fwd = (j - np_end, got[0], f"category:verb:{got[1]}")
            break
        j += 1
    bwd: tuple[int, str, str] | None = None
    j = first - 1
    lo = max(prev_end + 1, first - 6)
    while j >= lo:
        t = toks[j]
        if t.text in (",", ";", ":") or t.low == "that" or t.low in CLAUSE_STOP:
            break
        if t.low == "of" and j > 0 and toks[j - 1].low in _FRACTIONS:
            break  # "lost half of its 500 men": the verb counts the fraction, not the 500
        got = _verb_at(toks, j, displaced) if t.low in _VERB_WORDS else None
        if got:
            bwd = (first - j, got[0], f"category:verb-before:{got[1]}")
            break
        j -= 1
    best = fwd if bwd is None or (fwd is not None and fwd[0] <= bwd[0]) else bwd
    return (best[1], best[2]) if best else None


def _verb_at(toks: list[Token], j: int, displaced: bool) -> tuple[str, str] | None:
    n = len(toks)
    w = toks[j].low
    nxt = toks[j + 1].low if j + 1 < n else ""
    nxt2 = toks[j + 2].low if j + 2 < n else ""
    if w == "taken" and nxt in ("prisoner", "captive", "hostage", "prisoners", "captives"):
        return "captured", f"taken {nxt}"
    if w == "held" and nxt in ("captive", "hostage", "prisoner"):
        return "captured", f"held {nxt}"
    if w == "under" and (nxt == "rubble" or nxt2 == "rubble"):
        return "missing", "under rubble"
    if w == "lost" and nxt in ("their", "his", "her") and nxt2 in ("lives", "life"):
        return "killed", "lost their lives"
    if w in ("prisoners", "prisoner", "hostages", "captives", "captivity", "pows") and j > 0:
        if toks[j - 1].low in ("as", "in", "taken", "held"):
            return "captured", f"{toks[j - 1].low} {w}"
    if w == "homes" and j > 1 and toks[j - 1].low in ("their", "his", "her"):
        if toks[j - 2].low in ("from", "left", "fled", "of", "flee", "leave"):
            return "displaced", f"{toks[j - 2].low} their homes"
    if w in ("bodies", "remains") and nxt == "of":
        return "killed", f"{w} of"
    if displaced:
        if w == "forced" and nxt in ("from", "out", "to"):
            return "displaced", f"forced {nxt}"
        if w in ("crossed", "crossing", "left") and nxt in ("into", "the", "their"):
            return "displaced", f"{w} {nxt}"
        if w in ("sought", "seeking") and nxt in ("refuge", "shelter", "asylum"):
            return "displaced", f"{w} {nxt}"
    if w in EXCHANGE_VERBS:
        window = toks[max(0, j - 30) : j + 30]
        if any(t.low in EXCHANGE_CONTEXT for t in window):
            return "captured", f"{w} (exchange)"
        return None
    if w == "trapped" and not displaced:
        return None  # besieged fighters are not missing
    cat = VERB_CATEGORY.get(w)
    if cat is None:
        return None
    if cat == "displaced" and not displaced:
        return None
    if w in ("dead", "killed") and j > 0 and toks[j - 1].low in ("the",):
        return None
    return _pair(toks, j, cat), w


# Every word `_verb_at` can read (its first test is on the word itself): a cheap set test
# spares the call for all other words.
_VERB_WORDS = (
    frozenset(VERB_CATEGORY)
    | EXCHANGE_VERBS
    | frozenset(
        """taken held under lost prisoners prisoner hostages captives captivity pows homes
        bodies remains forced crossed crossing left sought seeking""".split()
    )
)


def _pair(toks: list[Token], j: int, cat: str) -> str:
    """`killed or wounded`, `dead and injured` -> casualties."""
    n = len(toks)
    if j + 2 < n and toks[j + 1].low in ("or", "and", "/"):
        pair = (toks[j].low, toks[j + 2].low)
        if pair in _CASUALTY_PAIRS or pair[::-1] in _CASUALTY_PAIRS:
            return "casualties"
    if j - 2 >= 0 and toks[j - 1].low in ("or", "and", "/"):
        pair = (toks[j - 2].low, toks[j].low)
        if pair in _CASUALTY_PAIRS:
            return "casualties"
    return cat


def _near(
    toks: list[Token], first: int, np_end: int, words: frozenset[str], prev_end: int, nxt: int
) -> bool:
    lo = max(prev_end + 1, first - 6)
    hi = min(len(toks), nxt, np_end + 10)
    return any(t.low in words for t in toks[lo:first]) or any(
        t.low in words for t in toks[np_end + 1 : hi]
    )


def _inherit_link(toks: list[Token], first: int, prev_end: int) -> bool:
    lo = max(prev_end + 1, first - 5)
    return any(t.low in _INHERIT_LINKS for t in toks[lo:first])


def _weapon_modified(toks: list[Token], start: int, head: int) -> bool:
    for t in toks[max(0, start - 1) : head]:
        if t.low in WEAPON_MODIFIERS or t.low in EQUIPMENT_NOUNS:
            return True
    n = len(toks)
    if head + 2 < n and toks[head + 1].low == "of":
        for t in toks[head + 2 : head + 6]:
            if t.low in WEAPON_MODIFIERS or t.low in EQUIPMENT_NOUNS:
                return True
    return False


def _is_rate(toks: list[Token], end: int) -> bool:
    n = len(toks)
    if end + 1 < n and toks[end + 1].low == "daily":
        return True
    return end + 2 < n and toks[end + 1].low in _RATE_WORDS and toks[end + 2].low in _RATE_UNITS
