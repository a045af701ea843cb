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

from projections.extraction import gazetteer
from projections.extraction.clause_verbs import (
    casualty_pair,
    closes_relative,
    label_verb,
    main_predicate_after,
    near,
    verb_category,
)
from projections.extraction.lexicon import (
    CATEGORY_NOUNS,
    CLAUSE_STOP,
    COUNTED_NOUNS,
    EQUIPMENT_IF_MODIFIED,
    EQUIPMENT_NOUNS,
    FATE_CATEGORIES,
    KIN_NOUNS,
    MONTHS,
    NONCLAIM_NOUNS,
    NP_STOP,
    PEOPLE_NOUNS,
    POSSESSIVE_DETERMINERS,
    RECRUIT_VERBS,
    SINGULAR_UNITS,
    TROOP_COMPOUND_WORDS,
    TROOP_COMPOUNDS,
    TROOP_NOUNS,
    TROOP_VERBS,
    VERB_CATEGORY,
    WEAPON_MODIFIERS,
    WEEKDAYS,
)
from projections.extraction.numbers import find_numbers
from projections.extraction.phrases import NounPhrase, forward_np
from projections.extraction.tokens import Token, glued, is_digits

# the link before a figure that a counted phrase further back measures: `were put at 60
# fighters`, `have reached roughly 500 fighters`
_FAR_LINKS = frozenset("at to reached exceeded topped passed hit".split())
_APPROX_WORDS = frozenset("about around some roughly nearly almost".split())
_PART_VERBS = frozenset(
    """deployed arrived came served remained stayed returned reached survived showed made
    escaped""".split()
)
_LOST_VEHICLES = frozenset(
    "trucks lorries pickups truck lorry pickup motorbikes motorcycles motorbike motorcycle".split()
)
_LOSS_VERBS = frozenset(
    "lost lose loses losing destroyed destroying abandoned captured seized recovered".split()
)
_BACK_DETERMINERS = frozenset("the these those his its their her our".split())
_BACK_LINK = frozenset(
    """at to numbering numbered number numbers totalling totaling totalled totaled total
    stood stands stand reached reaching reach rose risen rising grew grown climbed increased
    jumped hit passed is are was were has have had been be being now already reportedly
    estimated put believed thought , — of about around nearly almost some roughly could may
    might will would can likely expected to perhaps""".split()
)
# a figure after one of these counts what the previous figure counts; the nouns of change
# (`an increase of 180,000`, `a cut of 5,000`) name a difference between two counts of it
_INHERIT_LINKS = frozenset(
    "from including compared versus vs against than previous previously peak estimate "
    "high earlier another further total increase rise boost addition jump decrease range "
    "reduction cut drop fall".split()
)
# not casualties: "lost 60 technicals" may count things, "lost 60 men" is read by the noun
_VERB_DECIDES = frozenset({"killed", "wounded", "missing", "captured"})
# ...but `neutralised` and `eliminated` are said of people: "neutralised 150 terrorists"
_PEOPLE_LOSS_VERBS = tuple(":" + w for w in "neutralised neutralized eliminated".split())
# ...and so are `displaced` and `fled`: "1.5 lakh voters were displaced", "300 tourists fled"
# (not `moved` or `relocated`, said of things too)
_PEOPLE_FLIGHT_VERBS = tuple(
    ":" + w for w in "displaced fled flee flees fleeing uprooted evacuated".split()
)
_SCALE_WORDS = frozenset("hundred thousand million billion".split())
_CLAUSE_VERBS = frozenset("were was are is have had remain remained".split())
_RATE_WORDS = frozenset({"a", "per", "each", "every"})
_RATE_UNITS = frozenset({"day", "week", "month", "year", "hour", "night"})
_RATE_STARTS = _RATE_WORDS | {"daily"}  # the word after a rate's phrase: spares the call
_CATEGORY_PARTICIPLES: dict[str, str] = {
    "displaced": "displaced",
    "wounded": "wounded",
    "injured": "wounded",
    "dead": "killed",
    "killed": "killed",
    "fallen": "killed",  # "the names of 1,024 fallen border guards"
    "missing": "missing",
    "captured": "captured",
    "abducted": "captured",  # "12 abducted students"
    "kidnapped": "captured",
    "detained": "captured",
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


_ONE_OF_BEFORE = frozenset("not was is were are".split())


# plural groups whose size `of N` gives (`in groups of 20 to 30 men`): each one's size
_PER_GROUP = frozenset("groups teams squads bands batches waves".split())
# determiners of a known group that `one of` picks a member out of (`One of the men`)
_GROUP_DETS = frozenset("the these those its their his her our".split())


def read_category(
    toks: list[Token],
    first: int,
    last: int,
    num_at: dict[int, int],
    prev_end: int,
    next_start: int,
) -> Reading:
    """Category and subject of the figure spanning tokens `first..last` (`_read_category`),
    but no claim for the size of each of several groups (`in groups of 20 to 30 men`), nor
    for one member picked out of a known group when no verb says what befell it (`One of
    the men, aged 26, told …`; but `one of the herders was arrested` is a count)."""
    if first >= 2 and toks[first - 1].low == "of" and toks[first - 2].low in _PER_GROUP:
        return Reading(None, None, last, rules=[f"not-claim:per-group:{toks[first - 2].low}"])
    reading = _read_category(toks, first, last, num_at, prev_end, next_start)
    if (
        toks[first].low == "one"
        and first == last
        and last + 2 < len(toks)
        and toks[last + 1].low == "of"
        and toks[last + 2].low in _GROUP_DETS
        and reading.category == "troops"
        and not any(r.startswith(_VERB_RULES) for r in reading.rules)
    ):
        return Reading(None, None, last, rules=["not-claim:one-of-group"])
    if (
        reading.category in FATE_CATEGORIES
        and reading.subject is not None
        and toks[reading.subject[1]].low in TROOP_NOUNS
        and _whole_of_part(toks, first, prev_end)
        and any(r.startswith("category:verb:") for r in reading.rules)
    ):
        # `around 4,000 of the roughly 11,000 North Korean troops had become casualties`:
        # the verb tells what befell the part before `of`; the whole is the force it was
        # taken from
        return Reading(
            "troops",
            reading.subject,
            reading.np_end,
            definite=reading.definite,
            rules=[r for r in reading.rules if not r.startswith("category:verb")]
            + ["category:partitive-whole"],
        )
    if (
        reading.subject is not None
        and toks[reading.subject[1]].low in _RESIDENT_NOUNS
        and any(r.startswith(_VERB_RULES) for r in reading.rules)
        and _whole_of_part(toks, first, prev_end)
    ):
        # `Half of the 2,000 residents of the village fled`: the verb tells what befell the
        # part; the whole is the place's population (CONVENTIONS.md, "Not claims")
        return Reading(None, None, last, rules=["not-claim:population-whole"])
    return reading


# the people who live in a place: the whole a part of them is taken from is its population
_RESIDENT_NOUNS = frozenset("residents inhabitants villagers townspeople".split())


_WHOLE_DETS = frozenset("the its their".split())
_WHOLE_APPROX = frozenset("roughly about around some nearly almost approximately".split())


# fractions that pick a part out of a figure (`a third of the 600 fighters`): not figures
_PART_FRACTIONS = frozenset(
    """half third thirds quarter quarters fifth fifths tenth tenths most majority""".split()
)


def _whole_of_part(toks: list[Token], first: int, prev_end: int) -> bool:
    """The figure at `first` follows `N of the` (an approximator between) or a fraction's
    `a third of the`: it is the whole the figure or fraction before it is part of."""
    k = first - 1
    if k >= 0 and toks[k].low in _WHOLE_APPROX:
        k -= 1
    if k >= 0 and toks[k].low in _WHOLE_DETS:
        k -= 1
    if k < 1 or toks[k].low != "of":
        return False
    return prev_end == k - 1 or toks[k - 1].low in _PART_FRACTIONS


# the rules by which a verb of the clause chose the category (one definition: a second one,
# later in the module, used to rebind this name, so the narrower tuple is what ran)
_VERB_RULES = ("category:verb:", "category:verb-before:")


def _read_category(
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
    In order: a compound (`a 1,000-strong force`), else the noun phrase after the number: its
    noun (`_noun`), or a verb right after the number (`300 fled`), or, with neither, what comes
    before the number (`_ellipsis`).
    """
    if toks[first].low == "one" and first > 0 and toks[first - 1].low in _ONE_OF_BEFORE:
        if last + 1 < len(toks) and toks[last + 1].low == "of":
            # "Not one of the 40 drones", "the conscript was one of 14 soldiers killed": one
            # item picked out of a figure, not a count
            return Reading(None, None, last, rules=[f"not-claim:one-of:{toks[first - 1].low}"])
    if last + 2 < len(toks) and toks[last + 1].text == "-":  # spares the call for most figures
        compound = _compound(toks, last, num_at)
        if compound is not None:
            return compound
    if last + 1 < len(toks) and toks[last + 1].low == "strong" and toks[first - 1].text == ",":
        strong = _strong_apposition(toks, first, last, prev_end)
        if strong is not None:
            return strong
    if first > 2 and toks[first - 1].low == "the" and toks[first - 2].low == "in":
        if toks[first - 3].low in ("numbering", "numbered", "number", "numbers"):
            # "troops numbering in the tens of thousands": as if "numbering tens of thousands"
            back = _back_np(toks, first - 2, prev_end)
            if back is not None:
                back.np_end = last
                return back
    np = forward_np(toks, last + 1, num_at)
    if prev_end >= 0 and _record_of(toks, first, last, np):
        # "sent a record 153 aircraft, surpassing the previous high of 103 set in 2023": the
        # record a figure beats counts what that figure counts
        return Reading("other", None, last, inherit=True, rules=["category:record-of-figure"])
    if np.head is not None:
        if prev_end < 0 and next_start < len(toks) and toks[next_start - 1].low == "and":
            shared = _shared_noun_ahead(toks, last, num_at, next_start)
            if shared is not None:
                return shared
        return _noun(toks, first, last, np, prev_end, next_start)
    if np.verb_word is not None:
        if _dead_head_before(toks, first):
            # "the bodies of 3 abducted aid workers": a participle after the figure only says
            # what befell them before they died
            w = toks[first - 2].low
            return Reading("killed", None, last, rules=[f"category:verb-before:{w} of"])
        after = _verb_after(toks, np.verb_word)
        if after is not None:
            return after
        if prev_end >= 0 and _only_some(toks, first, np.verb_word):
            # "pledged 1,000 police officers, but only 400 arrived": part of the figure
            # before, counted as it was
            w = toks[np.verb_word].low
            return Reading("other", None, last, True, rules=[f"category:only-part:{w}"])
    return _ellipsis(toks, first, last, np, prev_end, next_start)


_RECORD_NOUNS = frozenset("high record peak maximum".split())
# what a reduced relative after a record says of it (`the high of 103 set in 2023`)
_RECORD_PARTICIPLES = frozenset("set recorded reached registered seen logged".split())


def _record_of(toks: list[Token], first: int, last: int, np: NounPhrase) -> bool:
    """`the previous high of 103 (set in 2023)`: the figure is the complement of a noun of a
    record, with no counted noun of its own (a participle after it describes the record)."""
    if first < 2 or toks[first - 1].low != "of" or toks[first - 2].low not in _RECORD_NOUNS:
        return False
    if np.head is None:
        return True
    return last + 1 < len(toks) and toks[last + 1].low in _RECORD_PARTICIPLES


_FACILITIES = frozenset("posts post outposts bases base positions camps camp headquarters".split())
_ARMED_GROUPS = frozenset(
    """gang gangs militia militias cartel cartels group groups faction factions alliance
    rebels insurgents guerrillas dissidents""".split()
)
_CLAUSE_OPENERS = frozenset("; : said says told".split())


def _clause_start(toks: list[Token], first: int) -> int:
    """The first token of the clause the figure at `first` stands in: back to a semicolon,
    a colon or a verb of saying (an aside set off by commas stays in the clause)."""
    for k in range(first - 1, max(-1, first - 30), -1):
        if toks[k].low in _CLAUSE_OPENERS:
            return k + 1
    return max(0, first - 30)


_DETENTION = frozenset("prisons prison detention custody jails jail camps captivity".split())
# `8,000 servicemen remain in Russian captivity`: a verb of being between the noun and `in`
_HELD_VERBS = frozenset("remain remained remains are were is was still".split())


# verbs that hand captives over (CONVENTIONS: prisoners exchanged or returned are
# `captured`); `freed` and `released` only with the swap named after the figure (`The
# offensive freed 3,000 troops for the northern front` freed no captive), and never
# `returned`, which also brings troops back to base
_HANDING_VERBS = frozenset("repatriated swapped exchanged".split())
_FREEING_VERBS = frozenset("freed released".split())
# one definition: two merged rounds each defined it, and the later, wider one is what ran
_SWAP_NOUNS = frozenset("swap swaps exchange exchanges".split())


def _freed_object(toks: list[Token], first: int, end: int) -> str | None:
    """The verb that hands the figure's troops over, right before the figure (`swapped 32
    soldiers`, `handed over 150 servicemen`, `freed 32 soldiers … in return for …`), or the
    swap they are given for (`in a swap for two servicemen`), or None. `end` is the phrase's
    last token."""
    k = first - 1
    if k < 0:
        return None
    w = toks[k].low
    if w in _HANDING_VERBS:
        return w
    if w == "over" and k > 0 and toks[k - 1].low == "handed":
        return "handed over"
    if w == "for" and k > 0 and toks[k - 1].low in _SWAP_NOUNS:
        return toks[k - 1].low + " for"  # "released 32 soldiers in a swap for two servicemen"
    if w in _FREEING_VERBS and _swap_after(toks, end):
        return w
    if w == "home" and k > 0 and toks[k - 1].low in _BRINGING_VERBS and _swap_named(toks, end):
        # "Ukraine brought home 84 soldiers in Thursday's swap": brought back in an exchange
        return f"{toks[k - 1].low} home"
    return None


_BRINGING_VERBS = frozenset("brought bring brings bringing".split())


def _swap_named(toks: list[Token], end: int) -> bool:
    """A swap named in the few words after the phrase, before any stop (`… in Thursday's
    swap`, `… in the latest exchange`)."""
    for k in range(end + 1, min(len(toks), end + 8)):
        if toks[k].text in (",", ";", ":", "."):
            return False
        if toks[k].low in _SWAP_NOUNS:
            return True
    return False


def _swap_after(toks: list[Token], end: int) -> bool:
    """`in return for` or `in exchange for` within a few words after the phrase, before any
    stop: the clause names a swap."""
    for k in range(end + 1, min(len(toks) - 2, end + 6)):
        if toks[k].text in (",", ";", ":", "."):
            return False
        if toks[k].low == "in" and toks[k + 1].low in ("return", "exchange"):
            return toks[k + 2].low == "for"
    return False


def _held_in(toks: list[Token], end: int) -> bool:
    """`2,000 Islamic State fighters in detention centres`: fighters held, not fielded; also
    `… servicemen remained in Russian captivity` (a demonym may stand before the noun)."""
    k = end + 1
    while k < len(toks) and toks[k].low in _HELD_VERBS and k - end <= 2:
        k += 1
    if k + 2 < len(toks) and toks[k].low == "in" and toks[k + 2].low == "captivity":
        return True
    if k + 1 >= len(toks) or toks[k].low not in ("in", "into"):
        return False
    return toks[k + 1].low in _DETENTION or (
        k + 2 < len(toks)
        and toks[k + 1].low in ("the", "its", "their")
        and toks[k + 2].low in _DETENTION
    )


_TARGET_HEADS = frozenset("ships ship vessels vessel boats tankers".split())
_CIVILIAN_CRAFT = frozenset("merchant commercial cargo civilian container fishing".split())


_FIRE_VERBS = frozenset("fired firing fire fires shot opened launched rammed".split())
# Vessels after `at` in a clause of firing: targets, warships too ("fired 16 drones at two US
# destroyers"); a warship sunk or hit is still a side's loss, so only this test reads them.
_FIRED_AT_HEADS = _TARGET_HEADS | frozenset("warships warship destroyers destroyer".split())


def _fired_at(toks: list[Token], first: int) -> bool:
    """`fired water cannon at two Philippine supply boats`: vessels after `at` in a clause of
    firing are the targets, not a side's equipment counted."""
    if first < 2 or toks[first - 1].low != "at":
        return False
    for k in range(first - 2, max(-1, first - 8), -1):
        if toks[k].low in _FIRE_VERBS:
            return True
        if is_digits(toks[k]):
            continue  # "fired missiles and 12 drones at two vessels": the weapons' own figure
        if not toks[k].text[0].isalpha():
            return False
    return False


_ATTACK_VERBS = frozenset("rammed boarded attacked struck hit targeted sank damaged".split())
_SMALL_NUMBERS = frozenset("one two three four five six seven eight nine ten a".split())


def _attacked(toks: list[Token], first: int) -> str | None:
    """`boarded one of the three supply boats`: vessels that are the object of a verb of
    attack (the figure, or the whole its part is taken from) are targets. The verb, or None."""
    k = first - 1
    while k >= 0 and first - k <= 4:
        t = toks[k]
        if t.low in _ATTACK_VERBS:
            return t.low
        if t.low in ("of", "the") or is_digits(t) or t.low in _SMALL_NUMBERS:
            k -= 1
            continue
        return None
    return None


_LOSS_LINKS = frozenset(
    """came come comes stood stand stands amounted amount totalled totaled total totals
    reached reach reaches exceeded exceed exceeds topped top tops passed numbered number
    were was are is""".split()
)
_LOSS_HEADS = frozenset("losses casualties".split())
_LOSS_STOPS = frozenset("that and but or while because as when there which who".split())


def _losses_subject(toks: list[Token], first: int, prev_end: int) -> bool:
    """The figure at `first` completes a linking verb (`exceed`, `top`, `came to`) whose
    subject is a side's losses (`X's losses`, `their losses`, `Armenian losses`), within
    twelve words back and no punctuation between."""
    j = first if toks[first].low in _LOSS_LINKS else first - 1  # `exceeded` is the figure's
    if j >= 1 and toks[j].low in ("to", "at"):
        j -= 1
    if j < 2 or toks[j].low not in _LOSS_LINKS:
        return False
    for k in range(j - 1, max(prev_end, j - 13), -1):
        t = toks[k]
        if not t.text[0].isalnum() or t.low in _LOSS_STOPS or t.low in _LOSS_LINKS:
            return False  # another clause, or another verb's subject
        if t.low in _LOSS_HEADS:
            b = toks[k - 1] if k >= 1 else None
            return b is not None and (
                b.low in ("'s", "’s", "its", "their", "own") or b.text[0].isupper()
            )
    return False


def _listed_after(toks: list[Token], first: int, prev_end: int) -> bool:
    """The figure at `first` follows the sentence's previous figure in one list (`22 soldiers
    and nine members of the VDP militia`): the list's predicate, not the noun, says what
    they are counted for."""
    return prev_end >= 0 and first >= 1 and toks[first - 1].low in ("and", ",", "or")


def _own_group_modifier(toks: list[Token], np: NounPhrase) -> bool:
    """`the 25 crew members`, `40 staff members`: a common noun before `members` names the
    body they belong to, so an armed group named earlier in the clause is not theirs (`5,000
    gang members` and `Hamas members` stay the group's)."""
    return any(t.low in _MEMBER_BODIES for t in toks[np.mods[0] : np.head])


# bodies whose members a compound names (`crew members`): not the fighters of a group
_MEMBER_BODIES = frozenset(
    "crew staff family council board committee parliament cabinet team union household".split()
)


def _of_armed_group(toks: list[Token], end: int) -> bool:
    """`members of the Viv Ansanm gang`, `members of a militia`: an `of` phrase right after
    the counted noun at `end` whose head, within five words, is an armed group's (not `the
    alliance`, whose members are states)."""
    n = len(toks)
    if end + 2 >= n or toks[end + 1].low != "of":
        return False
    for k in range(end + 2, min(n, end + 7)):
        t = toks[k]
        if not t.text[0].isalnum():
            return False
        if t.low in _ARMED_GROUPS and t.low != "alliance":
            return True
    return False


def _reciprocal_parties(toks: list[Token], first: int, end: int) -> bool:
    """`The two armies have faced each other`, `the two sides fought one another`: a definite
    `the two` whose clause has a reciprocal object names the two parties, it counts nothing
    (CONVENTIONS: counts of organisations are no claims). Six words after the phrase."""
    if first < 1 or toks[first - 1].low != "the" or toks[first].low != "two":
        return False
    for k in range(end + 1, min(len(toks) - 1, end + 7)):
        w = toks[k].low
        if w in CLAUSE_STOP or not toks[k].text[0].isalpha():
            return False
        if (w, toks[k + 1].low) in (("each", "other"), ("one", "another")):
            return True
    return False


def _names(toks: list[Token], lo: int, hi: int, words: frozenset[str]) -> bool:
    """One of `words` among `toks[lo:hi]`."""
    return any(t.low in words for t in toks[lo:hi])


def _only_some(toks: list[Token], first: int, verb: int) -> bool:
    """`but only about 1,400 ever deployed`: `only` before a bare figure whose verb says the
    counted went, came or stayed."""
    k = first - 1
    if k >= 0 and toks[k].low in _APPROX_WORDS:
        k -= 1
    if k < 0 or toks[k].low not in ("only", "just"):
        return False
    return toks[verb].low in _PART_VERBS


def _after_loss_verb(toks: list[Token], first: int) -> bool:
    """`the convoy lost 14 trucks`, `destroyed 40 of their pickups`: vehicles a side loses,
    or that are destroyed or taken, are its equipment (not `200 aid trucks entered`)."""
    k = first - 1
    if k >= 0 and toks[k].low in ("its", "their", "the"):
        k -= 1
    return k >= 0 and toks[k].low in _LOSS_VERBS


def _conjunct_of_loss(toks: list[Token], first: int, prev_end: int) -> bool:
    """`destroyed 31 combat vehicles and 12 fuel trucks`: the second object of the verb of
    loss is lost too (the verb stands before the previous figure, a short noun between)."""
    if prev_end < 1 or toks[first - 1].low != "and" or first - prev_end > 6:
        return False
    if not all(t.text[0].isalpha() for t in toks[prev_end + 1 : first - 1]):
        return False
    for k in range(prev_end - 1, max(-1, prev_end - 5), -1):
        if toks[k].text in (",", ";", ":"):
            return False
        if toks[k].low in _LOSS_VERBS:
            return True
    return False


def _strong_apposition(toks: list[Token], first: int, last: int, prev_end: int) -> Reading | None:
    """`The Ukrainian brigade, 2,500 strong, was moved ...`: an apposition `N strong` sizes
    the unit named before its comma (the compound `a 2,500-strong brigade` set apart)."""
    head = first - 2
    if head <= prev_end or head < 0:
        return None
    w = toks[head].low
    if w not in TROOP_NOUNS and w not in SINGULAR_UNITS:
        return None
    s = head
    while s - 1 > prev_end and s - head > -4:
        p = toks[s - 1]
        if p.low in NP_STOP or not p.text[0].isalnum() or is_digits(p):
            break
        s -= 1
    if s - 1 > prev_end and toks[s - 1].low in _BACK_DETERMINERS:
        s -= 1
    return Reading("troops", (s, head), last + 1, rules=[f"category:apposition-strong:{w}"])


_DEAD_HEADS = frozenset("bodies remains death deaths".split())


def _dead_head_before(toks: list[Token], first: int) -> bool:
    """`the bodies of N`, `the deaths of N` right before the figure."""
    return first > 1 and toks[first - 1].low == "of" and toks[first - 2].low in _DEAD_HEADS


def _compound(toks: list[Token], last: int, num_at: dict[int, int]) -> Reading | None:
    """`a 1,000-strong force`, `a 500-man unit`: troops, whatever the noun. The caller has
    seen the dash after the number, and a token after it."""
    k = last + 1
    if not glued(toks[last], toks[k]):
        return None
    word = toks[k + 1].low
    if word not in TROOP_COMPOUND_WORDS:
        return None
    np = forward_np(toks, k + 2, num_at)
    subject = (np.mods[0], np.head) if np.head is not None else None
    end = np.head if np.head is not None else k + 1
    return Reading("troops", subject, end, rules=[f"category:compound:-{word}"])


def _verb_after(toks: list[Token], j: int) -> Reading | None:
    """`300 fled`, `1,200 killed or wounded`: a verb right after the number, and no noun."""
    w = toks[j].low
    category = VERB_CATEGORY.get(w)
    if category is None:
        return None
    return Reading(casualty_pair(toks, j, category), None, j, rules=[f"category:word-after:{w}"])


def _noun(
    toks: list[Token], first: int, last: int, np: NounPhrase, prev_end: int, next_start: int
) -> Reading:
    """The counted noun decides, first match wins: a rate (`300 a day`) is no claim; then
    equipment, a troop compound (`battalion groups`), a noun with its own category
    (`prisoners`), a noun of people or troops (its modifier or the clause's verb decides),
    a noun that is never counted (`villages`), a capitalised plural of people (`Nepalis`), a
    name (the number counts what comes before it), else `other`."""
    head: int = np.head  # type: ignore[assignment]
    w = toks[head].low
    after = np.end + 1
    if after < len(toks) and toks[after].low in _RATE_STARTS and _is_rate(toks, np.end):
        return _counted(np, None, "not-claim:rate")
    if after + 1 < len(toks) and toks[after].low == "for" and toks[after + 1].low == "every":
        # "fires about one shell for every three Russian ones": the first term of a ratio
        # (CONVENTIONS.md: ratios are no claims)
        return _counted(np, None, "not-claim:ratio-for-every")
    if _reciprocal_parties(toks, first, np.end):
        return _counted(np, None, f"not-claim:reciprocal-parties:{w}")  # "the two armies"
    if w in _TARGET_HEADS and _names(toks, np.mods[0], head, _CIVILIAN_CRAFT):
        return _counted(np, None, f"not-claim:target:{w}")  # "40 merchant ships attacked"
    if w in _FIRED_AT_HEADS and _fired_at(toks, first):
        return _counted(np, None, f"not-claim:fired-at:{w}")  # "fired at two supply boats"
    attacked = _attacked(toks, first) if w in _TARGET_HEADS else None
    if attacked is not None:
        return _counted(np, None, f"not-claim:target-of:{attacked}")  # "rammed two boats"
    if w == "ones" and prev_end >= 0:
        # "3,700 Russian tanks ..., against about 1,100 Ukrainian ones": the figure before's noun
        return _counted(np, "other", "category:inherited:ones", inherit=True)
    if w in EQUIPMENT_NOUNS or (np.designation and w not in TROOP_NOUNS and w not in PEOPLE_NOUNS):
        if w == "s" and np.designation:
            return _counted(np, "equipment", "category:model-plural")  # "18 Leopard 2s"
        return _counted(np, "equipment", f"category:noun:{w}")
    if w in EQUIPMENT_IF_MODIFIED and _weapon_modified(toks, np.mods[0], head):
        return _counted(np, "equipment", f"category:noun:{w}")  # "air defence systems"
    if w in _LOST_VEHICLES and _after_loss_verb(toks, first):
        return _counted(np, "equipment", f"category:lost-vehicles:{w}")
    if w in _LOST_VEHICLES and _conjunct_of_loss(toks, first, prev_end):
        return _counted(np, "equipment", f"category:lost-vehicles:{w}", "category:conjunct-of-loss")
    if (toks[head - 1].low, w) in TROOP_COMPOUNDS:
        compound = f"category:noun:{toks[head - 1].low} {w}"
        found = verb_category(toks, first, np.end, prev_end, next_start, displaced=False)
        if found is not None and found[0] in FATE_CATEGORIES and found[1].startswith(_VERB_RULES):
            # "wounded five US service members": as for `soldiers`, the clause's verb says
            # what befell the personnel the compound names
            return _counted(np, found[0], compound, found[1])
        return _counted(np, "troops", compound)
    fronted = _fronted_among(toks, first) if first > 3 else None
    if fronted is not None and w not in CATEGORY_NOUNS:
        # "Among the dead were 31 soldiers": the inverted clause puts the group first
        return _counted(np, fronted, f"category:fronted-among:{toks[first - 2].low}")
    if w in CATEGORY_NOUNS:
        return _category_noun(toks, first, np, w, prev_end, next_start)
    if w in TROOP_NOUNS and np.end + 1 < len(toks) and toks[np.end + 1].low in _FACILITIES:
        return _counted(np, None, f"not-claim:facility:{toks[np.end + 1].low}")  # "45 army posts"
    if (
        w == "members"
        and _names(toks, _clause_start(toks, first), first, _ARMED_GROUPS)
        and not _own_group_modifier(toks, np)
    ):
        lost = verb_category(toks, first, np.end, prev_end, next_start, displaced=False)
        if lost is not None and lost[1].startswith(_VERB_RULES):
            # "The Viv Ansanm alliance lost at least 40 of its members": the group's members
            # are its fighters, and the clause's verb says what befell them
            return _counted(np, lost[0], "category:members-of-armed-group", lost[1])
        return _counted(
            np, "troops", "category:members-of-armed-group"
        )  # "gangs ... 5,000 members"
    if w in TROOP_NOUNS and _hold_object(toks, first, np.end):
        return _counted(np, "captured", f"category:held-object:{w}")  # "holding 90 soldiers"
    if w in PEOPLE_NOUNS and _treated_for_wounds(toks, first, np.end):
        return _counted(np, "wounded", "category:treated-for-wounds")  # "treated 400 patients for"
    if w in TROOP_NOUNS and _taken_captive(toks, first, np.end, next_start):
        return _counted(np, "captured", f"category:taken-captive:{w}")
    if w in TROOP_NOUNS and _held_in(toks, np.end):
        return _counted(np, "captured", f"category:held-in:{w}")  # "fighters in prisons"
    freed = _freed_object(toks, first, np.end) if w in TROOP_NOUNS else None
    if freed is not None:
        # "Azerbaijan freed 32 Armenian soldiers in return for two of its own": captives
        return _counted(np, "captured", f"category:freed-object:{freed}")
    if w in TROOP_NOUNS or w in PEOPLE_NOUNS:
        participle = _participle(toks, np)
        if participle == "displaced":
            struck = _struck_victims(toks, first)
            if struck is not None:
                return _counted(np, struck[0], f"category:displaced-victims:{struck[1]}")
        if participle is not None and _CATEGORY_PARTICIPLES[participle] == "captured":
            # "the bodies of 4 kidnapped fishermen", "executed 14 captured soldiers": the
            # participle says what befell them before; a verb of the clause that says they
            # died decides
            found = verb_category(toks, first, np.end, prev_end, next_start, displaced=False)
            if found is not None and found[0] == "killed":
                rule = f"category:modifier-then-killed:{participle}"
                return _counted(np, "killed", rule, found[1])

        if participle is not None and _CATEGORY_PARTICIPLES[participle] == "wounded":
            held = verb_category(toks, first, np.end, prev_end, next_start, displaced=False)
            if held is not None and held[0] == "captured" and "verb-before" in held[1]:
                # `captured two wounded North Korean soldiers`: what the clause did to them
                # decides; `wounded` only says the state they were taken in
                return _counted(np, "captured", f"category:hurt-captive:{participle}", held[1])
        if participle is not None:
            return _counted(
                np, _CATEGORY_PARTICIPLES[participle], f"category:modifier:{participle}"
            )
        return _people(toks, first, np, w, prev_end, next_start)
    if w in NONCLAIM_NOUNS or w in EQUIPMENT_IF_MODIFIED:
        return _counted(np, None, f"not-claim:counted:{w}")
    text = toks[head].text
    if text[0].isupper() and prev_end >= 0 and _elliptic_demonym(toks, last) == head:
        return _ellipsis(toks, first, last, np, prev_end, next_start)  # "500 North Korean"
    if text[0].isupper() and (_demonym_plural(text) or _demonym_noun(toks, first, head, last)):
        return _demonym(toks, first, np, w, prev_end, next_start)
    if text[0].isupper() and head == np.mods[0]:
        return _ellipsis(toks, first, last, np, prev_end, next_start)  # a name: look before
    # "five policemen were killed", "one student died": a verb that says people died (or were
    # hurt, held, went missing) decides for a noun the lexicon does not know; what dies is
    # someone, whoever they were
    found = verb_category(toks, first, np.end, prev_end, next_start, displaced=False)
    if found is not None and (found[0] in _VERB_DECIDES or found[1].endswith(_PEOPLE_LOSS_VERBS)):
        return _counted(np, found[0], f"category:unknown-noun:{w}", found[1])
    if found is None:
        fled = verb_category(toks, first, np.end, prev_end, next_start, displaced=True)
        if fled is not None and fled[0] == "displaced" and fled[1].startswith("category:verb:"):
            if fled[1].endswith(_PEOPLE_FLIGHT_VERBS):
                return _counted(np, "displaced", f"category:unknown-noun:{w}", fled[1])
    if found is not None and w == "own" and toks[head - 1].low in POSSESSIVE_DETERMINERS:
        # "killed 14 Iraqi soldiers and lost three of their own": a side's own are its people,
        # so a verb of losing decides as it does for soldiers
        return _counted(np, found[0], "category:of-its-own", found[1])
    if found is not None and w in KIN_NOUNS and found[1].endswith(":lost"):
        # "Amina lost two sons", "We lost 12 of our sons": kin a person lost died
        return _counted(np, "killed", f"category:kin-lost:{w}", found[1])
    return _part_of(toks, first, np, prev_end, next_start) or _counted(
        np, "other", f"category:other:noun:{w}"
    )


def _part_of(
    toks: list[Token], first: int, np: NounPhrase, prev_end: int, next_start: int
) -> Reading | None:
    """A figure that counts part of a group: "were among the dead" takes the group's category;
    "killed 92 people, among them 27 children" (a part of the previous figure) counts what the
    previous figure counts."""
    among = _among_the(toks, np.end, next_start)
    if among is not None:
        return _counted(np, among, f"category:among-the:{toks[np.end + 4].low}")
    included = _included_by(toks, first)
    if included is not None:
        return _counted(np, included[0], f"category:included-by:{included[1]}")
    if prev_end >= 0 and breakdown_link(toks, first):
        return _counted(np, "other", "category:breakdown", inherit=True)
    if prev_end >= 0 and _listed_breakdown(toks, first, prev_end):
        return _counted(
            np, "other", "category:breakdown", "category:breakdown:listed", inherit=True
        )
    return None


_INCLUDE_VERBS = frozenset("included include includes including".split())


def include_verb_before(toks: list[Token], first: int, verbs: frozenset[str]) -> int:
    """The position of the verb of inclusion right before the figure at `first`, or -1; the
    list's later items reach back past the items before them (`included 270 soldiers and 120
    civilians`: the 120 is the verb's too), within five words and no punctuation."""
    k = first - 1
    if k > 2 and toks[k].low == "and":
        for j in range(k - 1, max(0, k - 6), -1):
            if toks[j].low in verbs:
                return j
            if not toks[j].text[0].isalnum():
                return -1
    return k if k >= 0 and toks[k].low in verbs else -1


def _included_by(toks: list[Token], first: int) -> tuple[str, str] | None:
    """`The dead included four children`, `the wounded also include 12 women`: a group named
    by its status word includes the counted people, so they share its status; so does one
    named as handed back (`the freed hostages`, `the returned Ukrainians`), and a (death) toll,
    whose people are dead. The second item of a list after the verb shares it (`included 270
    soldiers and 120 civilians`)."""
    k = include_verb_before(toks, first, _INCLUDE_VERBS)
    if k < 2:
        return None
    k -= 1
    if toks[k].low == "also" and k > 1:
        k -= 1
    if toks[k].low == "toll":
        # "The toll includes 230 members of the security forces", "the death toll included
        # seven children": the people a toll includes are among its dead
        if toks[k - 1].low == "death" and k > 1:
            k -= 1
        return ("killed", "toll") if toks[k - 1].low in _TOLL_OWNERS else None
    handed = toks[k - 1].low
    if handed in _HANDED_PARTICIPLES and k > 1 and toks[k - 2].low in _AMONG_HEADS:
        # "the returned Ukrainians included 270 soldiers": people handed back are captives
        # (CONVENTIONS: prisoners exchanged or returned); `the returned troops` came home
        if handed == "returned" and toks[k].low in TROOP_NOUNS:
            return None
        return "captured", handed
    if toks[k - 1].low not in _AMONG_HEADS:
        return None
    group = toks[k].low
    category = CATEGORY_NOUNS.get(group) or _CATEGORY_PARTICIPLES.get(group)
    return None if category is None else (category, group)


_HANDED_PARTICIPLES = frozenset("returned freed released exchanged swapped repatriated".split())


def _listed_breakdown(toks: list[Token], first: int, prev_end: int) -> bool:
    """`killed five people, among them a village headman and two rangers`: a figure that ends
    a list which `among them` or `including` opens is a part of the figure before it too."""
    if toks[first - 1].low != "and":
        return False
    for k in range(first - 2, max(prev_end, first - 7), -1):
        t = toks[k]
        if t.text in (",", ";", ":") or k == prev_end:
            return False
        if breakdown_link(toks, k + 1):
            return True
    return False


# participles that follow the noun they say befell (`people killed in 1995`)
_STATUS_PARTICIPLES = frozenset("killed wounded injured detained abducted displaced".split())


def _counted(np: NounPhrase, category: str | None, *rules: str, inherit: bool = False) -> Reading:
    """The reading of a figure that counts the phrase `np`."""
    start = np.start if np.start < np.mods[0] else np.mods[0]
    return Reading(category, (start, np.end), np.end, inherit, np.definite, rules=list(rules))


def _category_noun(
    toks: list[Token], first: int, np: NounPhrase, w: str, prev_end: int, next_start: int
) -> Reading:
    """`prisoners`, `casualties`, `dead`: the noun's own category, but `killed and wounded` are
    casualties, `equipment losses` equipment, and recruited prisoners troops."""
    category = casualty_pair(toks, np.head, CATEGORY_NOUNS[w])  # type: ignore[arg-type]
    if (
        category == "captured"
        and first >= 2
        and toks[first - 1].low == "of"
        and toks[first - 2].low in _DEATH_NOUNS
    ):
        # "the execution of 47 detainees": the noun of dying governs captives too; they
        # were held, and are now dead
        return _counted(np, "killed", f"category:noun:{w}", f"category:{toks[first - 2].low}-of")
    whole = prev_end >= 0 and first >= 2 and toks[first - 1].low == "the"
    whole = whole and toks[first - 2].low == "of"
    if category in ("wounded", "missing", "captured") and not whole:
        # "three of the injured died": a verb that says they died makes them killed (not
        # the whole of a part: in "35 of the 59 hostages ... are dead" the 59 are held)
        found = verb_category(toks, first, np.end, prev_end, next_start, displaced=False)
        if found is not None and found[0] == "killed" and found[1].startswith("category:verb:"):
            return _counted(np, "killed", f"category:noun:{w}", found[1])
    if w in _STATUS_PARTICIPLES and np.head is not None and np.head > np.start:
        # "About 1,000 people killed in July 1995 are still missing": the participle after
        # the noun is a reduced relative (what befell them); the clause's own finite
        # predicate says what they are now
        main = main_predicate_after(toks, np.head, min(len(toks), np.head + 10))
        if main is not None and main[0] != category and main[0] in ("missing", "captured"):
            return _counted(np, main[0], f"category:noun:{w}", f"category:main-predicate:{main[2]}")
    if category == "displaced" and not whole:
        # "two Sudanese refugees were killed": what the clause's verb says befell them wins
        # over their earlier flight (as for `killed 27 displaced people`)
        found = verb_category(toks, first, np.end, prev_end, next_start, displaced=False)
        if found is not None and (found[0] in _VICTIM_CATEGORIES or _hurt_pair(found)):
            if found[1].startswith("category:verb:"):
                return _counted(np, found[0], f"category:noun:{w}", f"{found[1]}:{w}")
        struck = _struck_victims(toks, first)  # "gunmen killed 12 refugees"
        if struck is not None:
            return _counted(np, struck[0], f"category:noun:{w}", f"category:struck:{struck[1]}")
    if category == "captured" and _killing_verb_before(toks, first):
        # "executed 33 prisoners of war", "killed 3 hostages": the verb that governs the
        # figure says the captives died
        return _counted(np, "killed", f"category:noun:{w}", f"category:captives-killed:{w}")
    if w == "losses" and _names_weapon(toks, np.mods[0], np.head):  # type: ignore[arg-type]
        category = "equipment"
    if category == "captured" and near(toks, first, np.end, RECRUIT_VERBS, prev_end, next_start):
        return _counted(np, "troops", f"category:recruited:{w}")
    return _counted(np, category, f"category:noun:{w}")


def _hurt_pair(found: tuple[str, str]) -> bool:
    """`were killed or wounded`: casualties read from a verb of dying or being hurt, not from
    one of losing (`refugees lost their homes`)."""
    verb = found[1].rsplit(":", 1)[-1]
    return found[0] == "casualties" and VERB_CATEGORY.get(verb) in ("killed", "wounded")


def _killing_verb_before(toks: list[Token], first: int) -> bool:
    """A verb of killing right before the figure, past its qualifier (`executed at least`)."""
    k = first - 1
    while k > 0 and first - k <= 3 and toks[k].low in _QUALIFIER_WORDS:
        k -= 1
    if k >= 2 and toks[k].low == "death" and toks[k - 1].low == "to" and toks[k - 2].low == "put":
        return True  # "put to death 12 prisoners"
    return k >= 0 and VERB_CATEGORY.get(toks[k].low) == "killed" and toks[k].low.endswith("ed")


_VICTIM_CATEGORIES = frozenset({"killed", "wounded", "captured", "missing"})
_QUALIFIER_WORDS = frozenset("at least more than over about some nearly almost up to".split())


def _struck_victims(toks: list[Token], first: int) -> tuple[str, str] | None:
    """`killed 27 displaced people`, `abducted 12 displaced women`: the verb that governs the
    figure says what happened to people who had fled before; their earlier flight is only a
    description. (category, verb), or None."""
    k = first - 1
    while k > 0 and first - k <= 3 and toks[k].low in _QUALIFIER_WORDS:
        k -= 1
    if k < 0:
        return None
    category = VERB_CATEGORY.get(toks[k].low)
    return (category, toks[k].low) if category in _VICTIM_CATEGORIES else None


def _participle(toks: list[Token], np: NounPhrase) -> str | None:
    """`displaced civilians`, `wounded soldiers`: the first modifier that names a category."""
    for t in toks[np.mods[0] : np.head]:
        if t.low in _CATEGORY_PARTICIPLES:
            return t.low
    return None


# nouns of dying whose `of` names the dead (`the deaths of 93 civilians`)
_DEATH_NOUNS = frozenset(
    "deaths death killing killings execution executions murder murders massacre".split()
)


def _people(
    toks: list[Token], first: int, np: NounPhrase, w: str, prev_end: int, next_start: int
) -> Reading:
    """People and troops: the clause's verb decides (`were killed`, `fled`); without one, troops
    are troops, people with a verb of troops too (`civilians were mobilised`), people compared
    with an earlier figure take its category, other people are `other`."""
    people = w not in TROOP_NOUNS
    if not people and first > 0 and toks[first - 1].low in _FAR_LINKS:
        # "The rebels' losses ... were put at 60 fighters": the fighters are the losses
        far = _far_back(toks, first, np.end, prev_end, next_start)
        if far is not None and far.category in FATE_CATEGORIES:
            return _counted(np, far.category, f"category:noun:{w}", *far.rules)
    if people and _in_relief_camps(toks, np.end, next_start):
        return _counted(np, "displaced", f"category:noun:{w}", "category:in-relief-camps")
    if people and _hosted(toks, first):
        return _counted(np, "displaced", f"category:noun:{w}", "category:hosted")
    if any(t.low in ("refuge", "asylum") for t in toks[np.end + 1 : min(next_start, np.end + 5)]):
        # "1,000 Ethiopian soldiers took refuge in Sudan": whoever seeks refuge has fled
        return _counted(np, "displaced", f"category:noun:{w}", "category:refuge")
    if not people and _fled_into(toks, np.end, next_start):
        # "1,000 Myanmar soldiers have fled into India's Mizoram state": troops that flee
        # into a place are people fleeing there (a retreat is `fell back` or `withdrew`)
        return _counted(np, "displaced", f"category:noun:{w}", "category:fled-into")
    if not people and _crossed_to_escape(toks, np.end, next_start):
        # "1,200 Burmese soldiers have crossed into Bangladesh to escape the fighting": the
        # purpose clause says the crossing is a flight, not an incursion
        return _counted(np, "displaced", f"category:noun:{w}", "category:crossed-to-escape")
    if not people and first > 1 and toks[first - 1].text == ":":
        colon = _colon_object(toks, first - 1)
        if colon is not None:
            return _counted(np, colon[0], f"category:noun:{w}", colon[1])
    if first >= 2 and toks[first - 1].low == "of" and toks[first - 2].low in _DEATH_NOUNS:
        # "responsible for the deaths of 93 civilians": the noun of dying governs them
        return _counted(np, "killed", f"category:noun:{w}", f"category:{toks[first - 2].low}-of")
    if people:
        k = np.end if w == "victims" else np.end + 2
        if k < len(toks) and (k == np.end or toks[np.end + 1].low in _CLAUSE_VERBS):
            crime = _victims_of(toks, k)
            if crime is not None:
                # "121,000 victims of enforced disappearance", "4,000 people were victims of
                # kidnapping": the crime names what befell them
                return _counted(
                    np, crime[0], f"category:noun:{w}", f"category:victims-of:{crime[1]}"
                )
    # "men" who fled the country are people fleeing, not troops withdrawing
    flee = people or w == "men"
    found = verb_category(toks, first, np.end, prev_end, next_start, displaced=flee)
    if found and found[0] != "captured" and people and _side_holds(toks, first):
        # "Russia was holding 16,000 Ukrainian children it had deported": the object of a
        # side's `hold` is held, whatever a relative clause after it says happened before
        # (not "the camp is holding 40,000 people who fled": a place shelters them)
        return _counted(np, "captured", f"category:noun:{w}", "category:held-by-side")
    if found:
        return _counted(np, found[0], f"category:noun:{w}", found[1])
    if people and _arrived(toks, np.end, next_start):
        return _counted(np, "displaced", f"category:noun:{w}", "category:arrived")
    if people and _took_shelter(toks, np.end, next_start):
        # after the verb: "killed 23 people who had taken shelter there" are killed
        return _counted(np, "displaced", f"category:noun:{w}", "category:took-shelter")
    part = _part_of(toks, first, np, prev_end, next_start)
    if part is not None:
        return part
    if not people:
        if _held_in_detention(toks, np.end, next_start):
            return _counted(np, "captured", f"category:noun:{w}", "category:held-in-detention")
        if _losses_subject(toks, first, prev_end):
            # "Hezbollah's losses since October exceed 500 fighters": the troops a side's
            # losses come to were lost, however long the subject phrase
            return _counted(np, "casualties", f"category:noun:{w}", "category:losses-subject")
        if closes_relative(toks, first, np.end):
            # "The rebels, who Kinshasa says are backed by 4,000 Rwandan troops, denied losing"
            return _counted(np, "troops", f"category:noun:{w}", "category:relative-clause-closed")
        return _counted(np, "troops", f"category:noun:{w}")
    if near(toks, first, np.end, TROOP_VERBS, prev_end, next_start):
        return _counted(np, "troops", f"category:troop-verb:{w}")
    if _inherit_link(toks, first, prev_end):
        return _counted(np, "other", "category:inherited", inherit=True)
    held = _held(toks, first, np.end, next_start)
    if held is not None:
        return _counted(np, "captured", f"category:noun:{w}", held)
    if (
        w == "members"
        and _of_armed_group(toks, np.end)
        and not _listed_after(toks, first, prev_end)
    ):
        # "some 300 members of the Viv Ansanm gang had attacked": gang members are troops
        # (CONVENTIONS.md), when no verb says what happened to them
        return _counted(np, "troops", "category:members-of-armed-group-after")
    among = _among_after(toks, _past_modified_head(toks, np.end))
    if among is not None:
        return _counted(np, among[0], f"category:noun:{w}", f"category:among-the:{among[1]}")
    if w == "others" and prev_end >= 0 and _equipment_before(toks, prev_end):
        # "shot down 27 drones ..., and three others hit a fuel depot": `others` with no verb
        # of its own counts more of the weapons the figure before counted
        return _counted(np, "other", "category:others-of-weapons-before", inherit=True)
    return _counted(np, "other", f"category:other:people-without-verb:{w}")


def _equipment_before(toks: list[Token], prev_end: int) -> bool:
    """The figure ending at `prev_end` counts weapons: an equipment noun within its next
    four words (`27 drones`, `90 cruise missiles`)."""
    return any(t.low in EQUIPMENT_NOUNS for t in toks[prev_end + 1 : prev_end + 5])


def _among_after(toks: list[Token], end: int) -> tuple[str, str] | None:
    """`Eight Ethiopian migrants were among the 68 people killed`: people who were among a
    group of the dead or hurt share that group's category, which the word of dying or
    wounding after `among the` names (its own figure between)."""
    n = len(toks)
    if end + 3 >= n or toks[end + 1].low not in _PASSIVE_AUX or toks[end + 2].low != "among":
        return None
    if toks[end + 3].low not in _AMONG_HEADS:
        return None
    for k in range(end + 4, min(n, end + 10)):
        t = toks[k]
        if t.text in (",", ";", ".", ":"):
            return None
        cat = CATEGORY_NOUNS.get(t.low) or _CATEGORY_PARTICIPLES.get(t.low)
        if cat is not None:
            return cat, t.low
    return None


# verbs whose object, restated after a colon, is troops lost: `destroyed a brigade: 400 soldiers`
_COLON_VERBS = {
    "destroyed": "casualties",
    "eliminated": "casualties",
    "neutralised": "casualties",
    "neutralized": "casualties",
    "wiped": "casualties",
    "killed": "killed",
    "captured": "captured",
}


def colon_object_verb(toks: list[Token], colon: int) -> int:
    """The verb whose object the colon at `colon` restates (`had destroyed a Ukrainian brigade
    near Kupiansk: 400 soldiers`), or -1: a verb of `_COLON_VERBS` at most eight words back, no
    other punctuation between."""
    for k in range(colon - 1, max(-1, colon - 9), -1):
        t = toks[k]
        if not t.text[0].isalnum():
            return -1
        if t.low in _COLON_VERBS:
            return k
    return -1


def _colon_object(toks: list[Token], colon: int) -> tuple[str, str] | None:
    """The category of troops counted after a colon that restates what the clause before it
    destroyed, killed or captured: they are that clause's losses."""
    v = colon_object_verb(toks, colon)
    if v < 0:
        return None
    return _COLON_VERBS[toks[v].low], f"category:colon-object:{toks[v].low}"


_FLED_PREPS = frozenset("into to across over".split())


def _fled_into(toks: list[Token], np_end: int, next_start: int) -> bool:
    """The counted phrase is the subject of `fled` (after its auxiliaries) and a preposition
    of place follows the verb: `have fled into India`, `fled across the border`."""
    j = np_end + 1
    stop = min(len(toks) - 1, next_start, np_end + 5)
    while j < stop and toks[j].low in ("have", "has", "had", "reportedly", "also", "since"):
        j += 1
    return j < stop and toks[j].low == "fled" and toks[j + 1].low in _FLED_PREPS


_ESCAPE_VERBS = frozenset("escape flee avoid evade".split())
_CLAUSE_MARKS = frozenset(", ; : .".split())


def _crossed_to_escape(toks: list[Token], np_end: int, next_start: int) -> bool:
    """The counted phrase (or a coordinated subject it opens: `soldiers and their families`)
    is the subject of `crossed`, and a purpose clause of flight (`to escape`, `to flee`) or
    `fleeing` follows in the same clause."""
    stop = min(len(toks) - 1, next_start, np_end + 8)
    j = next((k for k in range(np_end + 1, stop) if toks[k].low == "crossed"), -1)
    if j < 0 or any(t.text in _CLAUSE_MARKS for t in toks[np_end + 1 : j]):
        return False
    if any(t.low in ("who", "which", "that") for t in toks[np_end + 1 : j]):
        return False
    for k in range(j + 1, min(len(toks) - 1, next_start, j + 10)):
        t = toks[k]
        if t.text in (",", ";", ".") or t.low in ("and", "but", "said"):
            return False
        if t.low == "fleeing" or (t.low == "to" and toks[k + 1].low in _ESCAPE_VERBS):
            return True
    return False


_HOLD_VERBS = frozenset("holding hold holds held".split())
_HOST_VERBS = frozenset("hosts host hosting hosted sheltering shelters sheltered".split())
_TAKE_IN = frozenset("taken take took taking".split())


def hosted(toks: list[Token], first: int) -> bool:
    """`_hosted`, for the category stage (a bare figure a host country takes in)."""
    return _hosted(toks, first)


def _hosted(toks: list[Token], first: int) -> bool:
    """`Egypt has taken in about 1.2 million Sudanese`, `hosts 600,000 Afghans`: people a
    country takes in or hosts have fled to it."""
    k = first - 1
    if k >= 1 and toks[k].low == "in" and toks[k - 1].low in _TAKE_IN:
        return True
    if k >= 1 and toks[k].low in _RECEIVE_VERBS:
        return _country_subject(toks, k)
    return k >= 0 and toks[k].low in _HOST_VERBS


_RECEIVE_VERBS = frozenset("received receive receives receiving welcomed admitted".split())
# auxiliaries and focus adverbs between the host and `received` (`Chad alone has received`)
_RECEIVE_AUX = frozenset("has have had had already also alone now so far".split())


def _country_subject(toks: list[Token], verb: int) -> bool:
    """`Egypt has received 1.5 million Sudanese`: a country (a gazetteer name, one word or
    two) as the subject of `received`, past its auxiliaries, takes the people in; not a
    hospital that received patients or an office that received claims."""
    k = verb - 1
    while k > 0 and verb - k <= 3 and toks[k].low in _RECEIVE_AUX:
        k -= 1
    if not toks[k].text[0].isupper():
        return False
    texts = [t.text for t in toks[max(0, k - 1) : k + 1]]
    for i in range(len(texts)):
        hit = gazetteer.match_at(texts, i)
        if hit is not None and hit[1] == "country" and i + hit[2] == len(texts):
            return True
    return False


_CAPTIVE_WORDS = frozenset("captive prisoner prisoners hostage hostages".split())
_TAKE_VERBS = frozenset("taken take took taking held".split())


_ARRIVE_VERBS = frozenset("arrived arrive arrives arriving".split())
_ARRIVAL_AUX = frozenset("had have has are were have been had been".split())


def _arrived(toks: list[Token], end: int, next_start: int) -> bool:
    """`By Sunday, 40,000 people had arrived there`, `2,000 people arrive in Adre each day`:
    civilians who arrive somewhere in conflict reporting are the people fleeing to it (troops
    that arrive are deployed, and are not read here). Only the clause's own verb, right after
    the counted noun (its auxiliaries between), followed by a place or `there`."""
    k = end + 1
    stop = min(len(toks), next_start)
    while k < stop and k - end <= 2 and toks[k].low in _ARRIVAL_AUX:
        k += 1
    if k + 1 >= stop or toks[k].low not in _ARRIVE_VERBS:
        return False
    return toks[k + 1].low in ("in", "at", "there", "from", "into", "since")


def _side_holds(toks: list[Token], first: int) -> bool:
    """The figure is the object of `hold` whose subject, just before the verb, is a state or
    an armed group (a gazetteer name)."""
    verb = first - 1
    if verb < 1 or toks[verb].low not in _HOLD_VERBS:
        return False
    texts = [t.text for t in toks[max(0, verb - 4) : verb]]
    return any(gazetteer.match_at(texts, i) is not None for i in range(len(texts)))


_SHELTER_VERBS = frozenset("took taken take taking sought seeking seek found".split())


def _took_shelter(toks: list[Token], end: int, next_start: int) -> bool:
    """`roughly 2,300 people have taken shelter in schools after fleeing`: people who take or
    seek shelter have left their homes (not `killed in a shelter`: the verb must be theirs)."""
    stop = min(len(toks), next_start, end + 5)
    return any(
        toks[k].low == "shelter" and toks[k - 1].low in _SHELTER_VERBS for k in range(end + 2, stop)
    )


def _taken_captive(toks: list[Token], first: int, end: int, next_start: int) -> bool:
    """`taken 170 soldiers captive`, `25 sailors were held for more than a year`: fighters
    taken or held are captives (`held in prisons`). Not `held in reserve` or `held back`."""
    n = len(toks)
    after = end + 1
    if after < min(n, next_start) and toks[after].low in _CAPTIVE_WORDS:
        k = first - 1
        return k >= 0 and toks[k].low in _TAKE_VERBS
    if after + 1 < n and toks[after].low in ("were", "was", "are", "is", "being", "been"):
        k = after + 1
        if toks[k].low in ("still", "being", "been") and k + 1 < n:
            k += 1
        if toks[k].low == "held" and k + 1 < n:
            if toks[k + 1].low == "in":
                # "are still held in prisons run by ...": a place of detention, not reserve
                return any(t.low in _DETENTION for t in toks[k + 2 : min(n, k + 4)])
            return toks[k + 1].low not in ("back", "at", "on", "off", "up", "near")
    return False


_PASSIVE_AUX = frozenset("are were is was being been".split())


def _held(toks: list[Token], first: int, end: int, next_start: int) -> str | None:
    """`are holding 25 crew members`, `40,000 people linked to the group are held in camps`:
    people someone holds, or who are held, are captives. Only the object of `hold` or its
    passive: in `500 people held a rally` the people do the holding."""
    k = _before_held_object(toks, first)
    if k >= 0 and toks[k].low in _HOLD_VERBS:
        return "category:verb-before:" + toks[k].low
    if end + 2 < min(len(toks), next_start) and toks[end + 1].low == "held":
        # "Nineteen crew members held by the Houthis ... were freed": a reduced relative
        if toks[end + 2].low in ("by", "captive", "hostage", "since"):
            return "category:held-by"
        if _held_in_detention(toks, end, next_start):
            return "category:held-in-detention"
    for j in range(end + 1, min(len(toks) - 1, next_start, end + 8)):
        t = toks[j]
        if not t.text[0].isalpha():
            return None
        if t.low in _PASSIVE_AUX:
            nxt = toks[j + 1].low
            if nxt == "still" and j + 2 < len(toks):
                nxt = toks[j + 2].low
            return "category:verb:held" if nxt == "held" else None
    return None


_HELD_DETS = frozenset("the all its their".split())


def _before_held_object(toks: list[Token], first: int) -> int:
    """The token before the object phrase the figure at `first` opens, past `still` and a
    determiner (`still holding the 25 crew members`, `held all 59 hostages`): where the verb
    of holding would stand."""
    k = first - 1
    if k > 0 and toks[k].low in _HELD_DETS:
        k -= 1
    if k > 0 and toks[k].low == "still":
        k -= 1
    return k


def _held_in_detention(toks: list[Token], end: int, next_start: int) -> bool:
    """`307 of its soldiers held in Russian captivity`: a reduced relative `held in` whose
    place is one of detention (not `held in reserve`) makes the noun before it captives,
    soldiers as much as civilians."""
    stop = min(len(toks), next_start)
    if end + 3 >= stop or toks[end + 1].low != "held" or toks[end + 2].low != "in":
        return False
    return any(t.low in _DETENTION for t in toks[end + 3 : min(stop, end + 5)])


_RELEASE_VERBS = frozenset("rescued freed released returned repatriated".split())
_AMONG_HEADS = frozenset({"the", "those"})
_TOLL_OWNERS = frozenset({"the", "its", "their"})  # `The toll includes`, `Its toll includes`
_RESERVE_WORDS = frozenset("reserve back ready".split())
_CAMP_MODIFIERS = frozenset(
    "relief displacement refugee idp makeshift tent transit displaced aid".split()
)
_CAMP_VERBS = frozenset("remain remained remaining live living lived are were stay staying".split())


def _fronted_among(toks: list[Token], first: int) -> str | None:
    """`Among the dead were 31 soldiers`, `Among those wounded are 12 children`: the predicate
    `among the X` stands before the verb and the counted subject after it (an inverted
    clause), so the group X names what the figure counts."""
    if toks[first - 1].low not in _PASSIVE_AUX or toks[first - 3].low not in _AMONG_HEADS:
        return None
    if toks[first - 4].low != "among":
        return None
    group = toks[first - 2].low
    return CATEGORY_NOUNS.get(group) or _CATEGORY_PARTICIPLES.get(group)


def _hold_object(toks: list[Token], first: int, end: int) -> bool:
    """`are holding about 90 government soldiers`: troops that are the object of `hold` are
    captives; not `held 2,000 troops in reserve` or `holding 500 men back`."""
    k = _before_held_object(toks, first)
    if k < 0 or toks[k].low not in _HOLD_VERBS:
        return False
    after = toks[end + 1 : end + 3]
    return not any(t.low in _RESERVE_WORDS for t in after)


_APPROX_WORDS = frozenset("more than over some about nearly at least almost".split())
_WOUND_WORDS = frozenset("wounds wound injuries injury burns gunshot shrapnel".split())


def _treated_for_wounds(toks: list[Token], first: int, end: int) -> bool:
    """`staff treated more than 400 patients for gunshot and shrapnel wounds`: people
    treated for wounds were wounded (not `treated 300 patients for cholera`)."""
    k = first - 1
    while k > 0 and toks[k].low in _APPROX_WORDS:
        k -= 1
    if k < 0 or toks[k].low not in ("treated", "treating", "treats"):
        return False
    if end + 1 >= len(toks) or toks[end + 1].low != "for":
        return False
    return any(t.low in _WOUND_WORDS for t in toks[end + 2 : end + 7])


def _treated_for_injuries(toks: list[Token], k: int) -> bool:
    """`2 were treated for injuries` with `treated` at `k`: the verb says they were hurt, so
    it is no verb of their own that counts nothing (`verb_category` reads it)."""
    if toks[k].low != "treated" or k + 1 >= len(toks) or toks[k + 1].low != "for":
        return False
    return any(t.low in _WOUND_WORDS for t in toks[k + 2 : k + 6])


def _in_relief_camps(toks: list[Token], end: int, next_start: int) -> bool:
    """`60,000 people remain in relief camps`: people who live in camps for the displaced have
    fled (a bare `camps` may be detention, so a word must say the camps shelter people)."""
    j = end + 1
    stop = min(len(toks), next_start, end + 8)
    if j < stop and toks[j].low in _CAMP_VERBS:
        j += 1
    if j >= stop or toks[j].low != "in":
        return False
    window = toks[j + 1 : min(stop, j + 5)]
    for k, t in enumerate(window):
        if t.low in ("camps", "camp", "shelters"):
            return any(m.low in _CAMP_MODIFIERS for m in window[:k])
    return False


def _among_the(toks: list[Token], end: int, next_start: int) -> str | None:
    """`three journalists were among the dead`: the category of the group they were among."""
    k = end + 1
    if k + 3 >= min(len(toks), next_start + 1) or toks[k].low not in ("were", "was", "are", "is"):
        return None
    if toks[k + 1].low != "among" or toks[k + 2].low != "the":
        return None
    return CATEGORY_NOUNS.get(toks[k + 3].low) or _CATEGORY_PARTICIPLES.get(toks[k + 3].low)


_REPORTING_PARTICIPLES = frozenset(
    """reported believed thought feared confirmed estimated said alleged presumed understood
    known expected listed recorded registered counted displaced evacuated""".split()
)


def _of_a_figure(toks: list[Token], last: int, next_start: int) -> bool:
    """`four of the 25`, `eight of 33`: the figure counts a part of the next figure."""
    k = last + 1
    if k + 1 >= len(toks) or toks[k].low != "of":
        return False
    k += 1
    if toks[k].low in ("the", "those", "these") and k + 1 < len(toks):
        k += 1
    return k == next_start


def _own_verb(w: str) -> bool:
    """`rescued`, `released`, `evacuated`: a verb of the figure's own that gives no category."""
    if not w.endswith("ed") or w in VERB_CATEGORY or w in _CATEGORY_PARTICIPLES:
        return False
    if w == "crossed":
        return False  # read by `verb_category` (`crossed since`), see `_crossed_part`
    return w not in _REPORTING_PARTICIPLES


def _crossed_part(toks: list[Token], last: int, prev_end: int) -> bool:
    """`sent 60 trucks of aid; only 22 had crossed`: after a figure of the same sentence, a
    bare figure that crossed is a part of that figure, whatever it counted (not a flight)."""
    return prev_end >= 0 and toks[last + 2].low == "crossed"


def breakdown_link(toks: list[Token], first: int) -> bool:
    """`among them 27 children`, `of whom 11`, `including 56 children`: the figure is a part
    of the figure before it."""
    if first < 1:
        return False
    w = toks[first - 1].low
    if w == "including":
        return True
    return w in ("them", "whom") and first >= 2 and toks[first - 2].low in ("among", "of")


def _demonym(
    toks: list[Token], first: int, np: NounPhrase, w: str, prev_end: int, next_start: int
) -> Reading:
    """`2,000 Nepalis`: people of a nation, read as people are (a verb of displacement too)."""
    found = verb_category(toks, first, np.end, prev_end, next_start, displaced=True)
    if found:
        return _counted(np, found[0], f"category:noun:{w}", found[1])
    if near(toks, first, np.end, TROOP_VERBS, prev_end, next_start):
        return _counted(np, "troops", f"category:troop-verb:{w}")
    among = _among_after(toks, _past_modified_head(toks, np.end))
    if among is not None:
        return _counted(np, among[0], f"category:noun:{w}", f"category:among-the:{among[1]}")
    return _counted(np, "other", f"category:other:people-without-verb:{w}")


def _past_modified_head(toks: list[Token], end: int) -> int:
    """`Five Sudanese aid workers`: the demonym read as the head may modify up to two
    lower-case words after it; the last of them ends the phrase."""
    n = len(toks)
    k = end
    for _ in range(2):
        if k + 1 < n and toks[k + 1].text.isalpha() and toks[k + 1].text.islower():
            if toks[k + 1].low in _PASSIVE_AUX:
                break
            k += 1
    return k


def _demonym_noun(toks: list[Token], first: int, head: int, last: int) -> bool:
    """`one Filipino was killed`, `two Britons were wounded`: a demonym that is the head of
    the figure's phrase, with no noun after it, names a person of that nation (CONVENTIONS:
    demonym nouns). The gazetteer must read the word as a demonym; a singular one counts only
    after `one` (a plural shape the endings of `_demonym_plural` miss: `Britons`,
    `Filipinos`)."""
    if head != last + 1:
        return False
    hit = gazetteer.match_at([toks[head].text], 0)
    if hit is None or hit[1] != "demonym" or hit[2] != 1:
        return False
    word = toks[head].text
    if word.endswith("s") and not word.endswith("ss"):
        return True
    return first == last and toks[last].low == "one"


def _demonym_plural(word: str) -> bool:
    """`Nepalis`, `Chechens`, `Afghans`: a capitalised plural of people."""
    return len(word) > 4 and word.endswith(("ans", "ens", "is", "ese", "ers", "ians"))


_DOWN_VERBS = frozenset("downed intercepted jammed".split())


def _downed(toks: list[Token], first: int, last: int) -> str | None:
    """`shot down 402`, `downed 28`, and the whole in `shot down 402 of 431`: a figure with no
    noun that is the object of a verb that only brings down weapons, or the subject of its
    passive. The verb, or None."""
    k = first - 1
    if k > 1 and toks[k].low == "of" and is_digits(toks[k - 1]):
        k -= 2
    if k >= 1 and toks[k].low == "down" and toks[k - 1].low in ("shot", "shooting", "brought"):
        return f"{toks[k - 1].low} down"
    if k >= 0 and toks[k].low in _DOWN_VERBS:
        return toks[k].low
    return _downed_passive(toks, last)


_PASSIVE_AUX = frozenset("were was been have has had also".split())


def _downed_passive(toks: list[Token], last: int) -> str | None:
    """`another 12 were downed over the sea`, `all five were intercepted`, `17 had been shot
    down`: a bare figure that is the subject of a passive verb that only brings down weapons.
    Up to three auxiliaries (`had also been`) between; the verb, with `(passive)`, or None."""
    n = len(toks)
    k = last + 1
    if k >= n or toks[k].low not in ("were", "was", "have", "has", "had"):
        return None
    while k < n and k <= last + 3 and toks[k].low in _PASSIVE_AUX:
        k += 1
    if k >= n:
        return None
    if toks[k].low in _DOWN_VERBS:
        return f"{toks[k].low} (passive)"
    if toks[k].low == "shot" and k + 1 < n and toks[k + 1].low == "down":
        return "shot down (passive)"
    return None


_BE_IN = frozenset("are were remain remained remains is was still now".split())
_LEAVE_IN = frozenset("left leaving leave put sent".split())


def _in_hospital(toks: list[Token], first: int, last: int) -> bool:
    """A bare figure that is in hospital: `60 are (still) in hospital` (a verb of being
    between), or the object of `left` / `put` with `in hospital` after it."""
    n = len(toks)
    k = last + 1
    while k < n and toks[k].low in _BE_IN and k <= last + 2:
        k += 1
    if k + 1 >= n or toks[k].low != "in" or toks[k + 1].low not in ("hospital", "hospitals"):
        return False
    return k > last + 1 or (first > 0 and toks[first - 1].low in _LEAVE_IN)


def _ellipsis(
    toks: list[Token], first: int, last: int, np: NounPhrase, prev_end: int, next_start: int
) -> Reading:
    """A number with no counted noun after it: `60 wounded`, `at 2.7m`, `up from 40,000`."""
    if prev_end >= 0 and first > 1 and toks[first - 1].low == "of" and toks[first - 2].low == "out":
        # "58 of the missiles were intercepted, out of 71 launched": the whole of a part
        verb = toks[np.verb_word].low if np.verb_word is not None else ""
        if verb in TROOP_VERBS:
            # "2,000 soldiers had been killed, out of around 15,000 sent": the whole a verb
            # of sending counts is the force, whatever befell the part
            return Reading(
                "troops", None, last, rules=["category:out-of-whole", f"category:whole-{verb}"]
            )
        return Reading("other", None, last, inherit=True, rules=["category:out-of-whole"])
    if _of_a_figure(toks, last, next_start):
        if prev_end >= 0:
            # "released 25 hostages ... four of the 25 were foreign": a part of a figure counted
            rules = ["category:partitive-figure"]
            return Reading("other", None, last, inherit=True, rules=rules)
        # "Officials said eight of the 33 had died": the verb after the whole is the part's
        whole = next_start
        while whole + 1 < len(toks) and toks[whole + 1].low in _SCALE_WORDS:
            whole += 1
        found = verb_category(toks, first, whole, prev_end, len(toks), displaced=True)
        if found is not None:
            return Reading(found[0], None, last, rules=["category:partitive-figure", found[1]])
    ahead = _number_of_after(toks, first, last, prev_end, next_start)
    if ahead is not None:
        return ahead
    shared = _noun_of_next(toks, first, last, prev_end, next_start)
    if shared is not None:
        return shared
    if _in_hospital(toks, first, last):
        # "38 people have died, and 60 are in hospital", "left 17 in hospital": the ones a
        # hospital holds are the wounded, whatever the figure before counted
        return Reading("wounded", None, last, rules=["category:in-hospital"])
    downed = _downed(toks, first, last)
    if downed is not None and np.head is None:
        # "air defences shot down 402 of 431": only weapons are shot down; the subject of a
        # passive (`and that 109 were shot down`) after a figure of the same sentence counts
        # more of what that figure counts, and takes its side
        rules = [f"category:downed-bare:{downed}"]
        passive = downed.endswith("(passive)") and prev_end >= 0
        return Reading("equipment", None, last, inherit=passive, rules=rules)
    if np.partitive_pronoun and last + 2 < len(toks) and toks[last + 2].low == "whom":
        # "59 hostages, at least 35 of whom Israel believes are dead": the relative clause
        # says what became of the part
        found = verb_category(toks, first, last + 2, prev_end, next_start, displaced=True)
        if found is not None and found[0] in FATE_CATEGORIES:
            rules = ["category:of-whom", found[1]]
            return Reading(found[0], None, last, rules=rules, partitive_pronoun=True)
    if np.partitive_pronoun and prev_end >= 0:
        named = _partitive_apposition(toks, first, np.end)
        if named is not None:
            return named
    demonym_end = _elliptic_demonym(toks, last) if prev_end >= 0 else -1
    if demonym_end > 0:
        # "250 bodies, 200 Ukrainian and 50 Russian": the noun of the figure before is left
        # out after the demonym, which alone names the side
        rules = ["category:elliptic-demonym"]
        return Reading("other", (last + 1, demonym_end), demonym_end, inherit=True, rules=rules)
    gapped = _gapped_subject(toks, first, last) if prev_end >= 0 else -1
    if gapped >= 0:
        # "Argentina lost 649 servicemen and Britain 255": a clause whose verb and noun are
        # left out keeps only its subject and the figure, and repeats the clause before
        rules = ["category:gapped-subject"]
        return Reading("other", (gapped, first - 1), last, inherit=True, rules=rules)
    if _figure_put_nearer(toks, first):
        # "Kyiv puts the figure closer to 8,000": the figure already counted, restated (before
        # the noun further back: in "Local volunteers put the number nearer 30" the volunteers
        # are the source, not what is counted)
        return Reading("other", None, last, inherit=True, rules=["category:far:figure-nearer"])
    back = _back_np(toks, first, prev_end)
    if back is not None:
        if back.subject is not None:
            back.definite = toks[back.subject[0]].low in ("the", "these", "those")
        return back
    if first > 0 and (
        toks[first - 1].low in _FAR_LINKS
        or (first > 1 and toks[first - 1].low == "from" and toks[first - 2].low in _RANGE_VERBS)
        or _given_as(toks, first, prev_end)
    ):
        far = _far_back(toks, first, last, prev_end, next_start)
        if far is not None:
            if toks[first - 1].low == "as":
                far.rules.insert(0, "category:far:given-as")
            return far
    if first > 0 and toks[first - 1].low in _FORWARD_LINKS:
        ahead = _opening_phrase(toks, first, last, prev_end, next_start)
        if ahead is not None:
            return ahead
    if (
        last + 2 < len(toks)
        and toks[last + 1].low in _CLAUSE_VERBS
        and (_own_verb(toks[last + 2].low) or _crossed_part(toks, last, prev_end))
        and not _treated_for_injuries(toks, last + 2)
    ):
        if prev_end >= 0 and toks[last + 2].low in _RELEASE_VERBS:
            # "Of the 300 passengers seized, 214 were rescued": freed are captives, when the
            # figure before counts captives (the category stage decides)
            return Reading(None, None, last, rules=[f"category:released-part:{toks[last + 2].low}"])
        return Reading(None, None, last, rules=["not-claim:own-verb"])  # "and 25 were rescued"
    more = _more_of_the_same(toks, last)
    # "one Israeli was killed and two more were wounded": `more` belongs to the figure's
    # phrase, so the verb after it is as near as the one before the figure, and wins
    found = verb_category(toks, first, last + more, prev_end, next_start, displaced=True)
    if found:
        cat, rule = found
        rules = [rule, MORE_THEN_VERB] if more and "verb:" in rule else [rule]
        return Reading(cat, None, last, rules=rules, partitive_pronoun=np.partitive_pronoun)
    if _inherit_link(toks, first, prev_end) or np.partitive_pronoun:
        return Reading("other", None, last, inherit=True, rules=["category:inherited"])
    if prev_end >= 0 and breakdown_link(toks, first):
        # "shot down five Indian fighter jets, among them three Rafales": a part of the figure
        # before counts what it counts, whatever name (a model's, capitalised) it goes by
        named = _plural_name_after(toks, last)
        return Reading("other", named, last, inherit=True, rules=["category:breakdown:named"])
    if _more_of_the_same(toks, last):
        # "Some 4,000 families have left ..., and hundreds more were still leaving": `more`
        # with no noun of its own counts more of what the figure before counted
        return Reading("other", None, last + 1, inherit=True, rules=["category:more-of-before"])
    if _gapped_verb(toks, first, last, prev_end):
        return Reading("other", None, last, inherit=True, rules=["category:gapped-verb"])
    trained = _troop_verb_after(toks, last)
    if trained is None and _reduced_troop_relative(toks, first, last):
        # "on top of the roughly 11,000 deployed last autumn": a definite bare figure whose
        # participle (a reduced relative) deploys people is a force's size
        # (definite: the side is the one last named with troops, `actor:carried-over`)
        rules = [f"category:troop-participle-after:{toks[last + 1].low}"]
        return Reading("troops", None, last, definite=True, rules=rules)
    if trained is not None:
        # "some 13,000 had already been trained": a bare figure whose verb makes fighters
        # (before the figure before is inherited: that one may be no claim, `5,000 men a month`)
        return Reading("troops", None, last, rules=[f"category:troop-verb-after:{trained}"])
    if last + 2 < len(toks) and toks[last + 1].low in _CLAUSE_VERBS:
        crime = _victims_of(toks, last + 2)
        if crime is not None:
            # "and that some 121,000 were victims of forced disappearance": the crime the
            # predicate names says what befell the bare figure's people
            return Reading(crime[0], None, last, rules=[f"category:victims-of:{crime[1]}"])
    if prev_end >= 0 and last + 1 < len(toks) and toks[last + 1].low in _CLAUSE_VERBS:
        if _rate_in_clause(toks, last + 2):
            # "..., and that an estimated 2,000 were still crossing every day": the bare
            # subject of a clause whose predicate holds a rate is a rate, not a count
            return Reading(None, None, last, rules=["not-claim:rate-in-clause"])
        rules = ["category:inherited:clause-subject"]
        return Reading("other", None, last, inherit=True, rules=rules)
    if prev_end >= 0 and _promised_figure(toks, first, last):
        rules = ["category:inherited:promised"]
        return Reading("other", None, last, inherit=True, rules=rules)
    if prev_end >= 0 and _the_number_nearer(toks, first, prev_end):
        # "..., analysts say the true number is nearer 6,000": the figure before, restated
        rules = ["category:inherited:the-number"]
        return Reading("other", None, last, inherit=True, rules=rules)
    return Reading(None, None, last, rules=["not-claim:nothing-counted"])


# crimes whose victims a count may be of (`victims of forced disappearance`), and what
# befell them
_CRIME_NOUNS = {
    **dict.fromkeys(("disappearance", "disappearances"), "missing"),
    **dict.fromkeys(("kidnapping", "kidnappings", "abduction", "abductions"), "captured"),
    **dict.fromkeys(("displacement", "deportation", "deportations"), "displaced"),
    **dict.fromkeys(("killings", "executions", "massacres", "murder"), "killed"),
}


def _victims_of(toks: list[Token], k: int) -> tuple[str, str] | None:
    """`victims of forced disappearance` from token `k` (the noun `victims`): the crime's
    noun after `of` and at most two lower-case modifiers (category, noun), or None."""
    n = len(toks)
    if k + 2 >= n or toks[k].low != "victims" or toks[k + 1].low != "of":
        return None
    for j in range(k + 2, min(n, k + 5)):
        t = toks[j]
        crime = _CRIME_NOUNS.get(t.low)
        if crime is not None:
            return crime, t.low
        if not (t.text.isalpha() and t.text.islower()):
            return None
    return None


_NUMBER_NOUNS = frozenset("number figure toll count total tally".split())


_HEDGED_LINK = frozenset("possibly perhaps maybe probably even".split())


def _noun_of_next(
    toks: list[Token], first: int, last: int, prev_end: int, next_start: int
) -> Reading | None:
    """`eight and possibly as many as 12 soldiers died`: a bare figure joined to the next one
    by `and` or `or` and a word of doubt shares the next figure's noun and verb (one count
    given two ways)."""
    between = toks[last + 1 : next_start]
    if not 2 <= len(between) <= 3 or between[0].low not in ("and", "or", ","):
        return None
    own = None
    if len(between) == 2 and between[1].low in VERB_CATEGORY:
        # "killed four and captured two Lashkar-e-Taiba militants": each figure has its own
        # verb before it, and the noun after the second counts both
        own = verb_category(toks, first, last, prev_end, next_start, displaced=True)
        if own is None or not own[1].startswith("category:verb-before:"):
            return None
    elif not all(t.low in _HEDGED_LINK or t.low in ("and", "or") for t in between[1:]) or not any(
        t.low in _HEDGED_LINK for t in between
    ):
        return None
    nums = find_numbers(toks[next_start : next_start + 6])
    if not nums or nums[0].i > 3:  # past `as many as`, `up to`
        return None
    end = next_start + nums[0].j
    found = read_category(toks, end, end, {}, last, len(toks))
    if found.category is None or found.category == "other" or found.subject is None:
        return None
    if own is not None:
        rules = ["category:noun-of-next", own[1]]
        return Reading(own[0], found.subject, last, rules=rules)
    rules = ["category:noun-of-next", *found.rules]
    return Reading(found.category, found.subject, last, rules=rules)


MORE_THEN_VERB = "category:more-then-verb"


def _more_of_the_same(toks: list[Token], last: int) -> bool:
    """`more` right after a bare figure, then its clause's verb or its end (`hundreds more
    were still leaving`, `roughly 100,000 more arrived`, `and 30 more.`); not a comparison
    (`1,000 more than a year ago`)."""
    k = last + 1
    if k >= len(toks) or toks[k].low != "more":
        return False
    if k + 1 == len(toks):
        return True
    nxt = toks[k + 1]
    if nxt.low == "than" or not (not nxt.text[0].isalnum() or nxt.low in _MORE_VERBS_OPEN):
        return False
    return not _rate_in_clause(toks, k + 1)


def _rate_in_clause(toks: list[Token], start: int) -> bool:
    """`2,000 more were crossing every day`: a rate further on in the figure's clause (up to
    its next stop) makes it a rate, no count."""
    for j in range(start, min(len(toks), start + 8)):
        if toks[j].text in (".", ";", ",", ":", "?", "!"):
            return False
        if toks[j].low == "daily" or (toks[j].low in _RATE_WORDS and _is_rate(toks, j - 1)):
            return True
    return False


# what may follow `N more` when it is a clause's subject: an auxiliary or a verb's past form
_MORE_VERBS_OPEN = frozenset(
    """were was are is had have has will would could may might remain remained still also
    arrived fled died crossed left""".split()
) | frozenset(
    # `with the arrival of 200 more on Friday`: a time or a place after `more` ends its phrase
    "on in at to into from since this last".split()
)
_BRINGING = frozenset(
    "bringing brought brings bring taking took takes take raising raised raises pushing".split()
)


def _number_of_after(
    toks: list[Token], first: int, last: int, prev_end: int, next_start: int
) -> Reading | None:
    """`bringing to 63 the number of rebels who have laid down arms`: the object of `bring`
    comes after the figure its `to` moved before it; what `the number of` counts there is
    read as if the figure stood in the place of `number` (as `_far_back` reads it behind)."""
    if first < 2 or toks[first - 1].low != "to" or toks[first - 2].low not in _BRINGING:
        return None
    k = last + 1
    if k < len(toks) and toks[k].low in _BACK_DETERMINERS:
        k += 1
    if k + 1 >= len(toks) or toks[k].low not in _FAR_KEYS or toks[k + 1].low != "of":
        return None
    inner = read_category(toks, k, k, {}, last, next_start)
    if inner.category is None or inner.category == "other":
        if prev_end < 0:
            return None
        # "freed 12 more hostages, bringing to 137 the number of pupils rescued": a total
        # the figure before brings up counts what that figure counts
        rules = [f"category:far-ahead:{toks[k].low}-of", "category:far-ahead:brought-up"]
        return Reading("other", inner.subject, max(inner.np_end, last), inherit=True, rules=rules)
    inner.np_end = max(inner.np_end, last)
    inner.rules.insert(0, f"category:far-ahead:{toks[k].low}-of")
    return inner


_ELLIPSIS_ENDS = frozenset(", . ; and or".split())


def _elliptic_demonym(toks: list[Token], last: int) -> int:
    """A demonym right after the figure ends its phrase (`200 Ukrainian and`, `50 North
    Korean,`): no noun follows it, so the figure counts what the figure before counts. The
    demonym's last token, or -1."""
    k = last + 1
    if k >= len(toks) or not toks[k].text[0].isupper():
        return -1
    hit = gazetteer.match_at([t.text for t in toks[k : k + 3]], 0)
    if hit is None or hit[1] != "demonym":
        return -1
    end = k + hit[2] - 1
    if end + 1 < len(toks) and toks[end + 1].low not in _ELLIPSIS_ENDS:
        return -1
    return end


def _shared_noun_ahead(
    toks: list[Token], last: int, num_at: dict[int, int], second: int
) -> Reading | None:
    """`20,000 Russian and 10,000 Belarusian troops`, `Nine Azerbaijani and four Armenian
    soldiers were killed`: a demonym right after the first figure, then `and` and a second
    figure whose own demonym comes before the noun: the two share that noun and its verb.
    The subject is the first figure's demonym (it names the side; no noun is written)."""
    end = _elliptic_demonym(toks, last)
    if end < 0 or end != second - 2 or second not in num_at:
        return None
    second_last = num_at[second]
    if _elliptic_demonym(toks, second_last) >= 0 or second_last + 2 >= len(toks):
        return None  # `200 Ukrainian and 50 Russian`: no noun after the second either
    ahead = toks[second_last + 1]
    hit = gazetteer.match_at([t.text for t in toks[second_last + 1 : second_last + 4]], 0)
    if not ahead.text[0].isupper() or hit is None or hit[1] != "demonym":
        return None
    reading = read_category(toks, second, second_last, num_at, last, len(toks))
    if reading.category in (None, "other") or reading.subject is None:
        return None
    noun = toks[reading.subject[1]].low
    if noun not in TROOP_NOUNS and noun not in PEOPLE_NOUNS and noun not in EQUIPMENT_NOUNS:
        return None
    rules = [f"category:shared-noun-ahead:{noun}", *reading.rules]
    return Reading(reading.category, (last + 1, end), end, rules=rules)


_GAP_SUBJECT_KINDS = frozenset({"country", "capital", "org"})
_GAP_PREPS = frozenset("in at near on during over along around".split())


def _gapped_subject(toks: list[Token], first: int, last: int) -> int:
    """`..., and Britain 255.`: after `and` (or a comma), a side's name, then the figure, which
    ends the clause, or only a place or time phrase follows it (`and China at least four in
    the clash`: the phrase the two clauses share). The name's first token, or -1."""
    if first < 3:
        return -1
    if last + 1 < len(toks) and toks[last + 1].low not in _ELLIPSIS_ENDS:
        if toks[last + 1].low not in _GAP_PREPS:
            return -1
    for size in (1, 2, 3):
        k = first - size
        if k < 1 or toks[k - 1].low not in ("and", ","):
            continue
        if not toks[k].text[0].isupper():
            continue
        hit = gazetteer.match_at([t.text for t in toks[k:first]], 0)
        if hit is not None and hit[2] == size and hit[1] in _GAP_SUBJECT_KINDS:
            return k
    return -1


# words of restating between the noun and the figure (a copula); `put the number at` is read
# by `_far_back`, `puts the figure closer to 8,000` by `_figure_put_nearer`
_RESTATING = frozenset("is was probably likely perhaps".split())
_AUX_AFTER = frozenset("had have has were was been already also since then".split())


def _the_number_nearer(toks: list[Token], first: int, prev_end: int) -> bool:
    """`the true number is probably nearer 6,000`: a noun of the figure a few words before
    this one, `is` or `was` and adverbs of doubt between."""
    copula = False
    for k in range(first - 1, max(prev_end, first - 6), -1):
        w = toks[k].low
        if w in _NUMBER_NOUNS:
            return copula
        if w not in _RESTATING:
            return False
        copula = copula or w in ("is", "was")
    return False


def _troop_verb_after(toks: list[Token], last: int) -> str | None:
    """`13,000 had already been trained`: auxiliaries after a bare figure, then a verb that
    makes the people fighters (`trained`, `deployed`, `mobilised`). The verb, or None."""
    k = last + 1
    if k >= len(toks) or toks[k].low not in ("had", "have", "has", "were", "was"):
        return None
    while k < len(toks) and k - last <= 4 and toks[k].low in _AUX_AFTER:
        k += 1
    if k < len(toks) and toks[k].low in TROOP_VERBS and toks[k].low.endswith(("ed", "sent")):
        return toks[k].low
    return None


_DEFINITE_BEFORE = frozenset("the those these".split())


def _reduced_troop_relative(toks: list[Token], first: int, last: int) -> bool:
    """`the 11,000 deployed last autumn`, `the roughly 2,000 stationed there`: a bare figure
    after a definite determiner (an approximator between) followed at once by the past
    participle of a verb that deploys people, with no auxiliary: the participle modifies
    the figure, which counts the people so deployed."""
    k = last + 1
    if k >= len(toks) or toks[k].low not in TROOP_VERBS or not toks[k].low.endswith("ed"):
        return False
    for d in (first - 1, first - 2):
        if d >= 0 and toks[d].low in _DEFINITE_BEFORE:
            return d == first - 1 or toks[d + 1].text.islower()
    return False


_PROMISE_VERBS = frozenset(
    "pledged promised planned committed announced offered requested sought wanted envisaged".split()
)
_RELATIVE_SUBJECTS = frozenset("it they he she we".split())


def _promised_figure(toks: list[Token], first: int, last: int) -> bool:
    """`Kenya has about 800 police officers in Haiti, far short of the 1,000 it pledged`: a
    definite figure with no noun whose relative clause promises or plans it counts what the
    figure before counts (the pledged officers), not nothing."""
    if first < 1 or toks[first - 1].low != "the":
        return False
    k = last + 1
    if k < len(toks) and toks[k].low in ("originally", "initially", "once"):
        k += 1  # "the 2,500 originally planned": a reduced relative, the participle alone
    if k < len(toks) and toks[k].low in _PROMISE_VERBS:
        return True
    if k >= len(toks) or toks[k].low not in _RELATIVE_SUBJECTS:
        return False
    k += 1
    if k < len(toks) and toks[k].low in ("had", "has", "have", "originally", "once"):
        k += 1
    return k < len(toks) and toks[k].low in _PROMISE_VERBS


def _partitive_apposition(toks: list[Token], first: int, them: int) -> Reading | None:
    """`killed 4 militants, 2 of them Pakistani nationals`, `27 displaced people, 9 of them
    children`: a verbless `N of them X` set off by a comma after a figure counts a part of
    that figure (its category), and X names the part (its subject)."""
    if first < 1 or toks[first - 1].text != ",":
        return None
    np = forward_np(toks, them + 1, {})
    if np.head is None or np.start != them + 1:
        return None
    w = toks[np.head].low
    if w not in PEOPLE_NOUNS and w not in TROOP_NOUNS and not _demonym_plural(toks[np.head].text):
        return None
    after = np.end + 1
    if after < len(toks) and toks[after].text not in (",", ".", ";", ")"):
        return None  # "2 of them were ...": a clause of its own, read by its verb
    rules = ["category:breakdown", "category:partitive-apposition"]
    return Reading("other", (np.start, np.end), np.end, inherit=True, rules=rules)


_GAP_PREPS = frozenset("in at near".split())
_GAP_STOPS = frozenset("; : said says told while but".split())


def _gapped_verb(toks: list[Token], first: int, last: int, prev_end: int) -> bool:
    """`22 people died in Bor, 9 in Malakal and 4 in Juba`: a coordinated clause whose verb
    (and noun) are left out, so only the figure and a place of the same preposition remain.
    The figure stands right after a comma or `and`, a name follows its preposition, and the
    clause of the figure before used that preposition too: the gap repeats that clause."""
    if prev_end < 0 or first < 1 or last + 2 >= len(toks):
        return False
    if toks[first - 1].text != "," and toks[first - 1].low != "and":
        return False
    prep, name = toks[last + 1], toks[last + 2]
    if prep.low not in _GAP_PREPS or not name.text[0].isupper():
        return False
    if name.low in MONTHS or name.low in WEEKDAYS:
        return False  # "9 in March": a date, not a place
    between = toks[prev_end + 1 : first - 1]
    if any(t.low in _GAP_STOPS for t in between):
        return False
    return any(t.low == prep.low for t in between)


# The word before a figure that says it is the value of something named further back: "put the
# number of X at N", "the toll rose to N", "the number of Russian troops killed: N".
# (`‒` and `―` are the dashes of a post's list: `— tanks ‒ 11 402`)
_FAR_LINKS = frozenset(
    """at to : ( — – ‒ ― numbered reached reach exceeded passed hit topped stood stands was is be
    were are
    has have had range ranged ranging ranges could numbering number numbers risen rose
    climbed""".split()
)
_FAR_KEYS = frozenset("number total count size strength tally toll".split())
_BE_FORMS = frozenset("is are was were".split())
_RANGE_VERBS = frozenset("range ranged ranging ranges varied vary".split())
_BARE_KEYS = frozenset("number figure total count tally estimate".split())
_FAR_STOPS = frozenset(". ; , | while but whereas although though".split())  # `|`: a form's field
_OPENING_WORDS = frozenset(
    "at the their its his her of in on start height peak beginning end war offensive".split()
)
_FORWARD_LINKS = frozenset("numbering numbered at".split())
_TAG_VERBS = frozenset("said says added adds told noted claimed stated wrote".split())
_FIGURE_ADJ = frozenset("true real actual official final overall".split())
_FAR_WINDOW = 30
# comparatives a speaker puts a figure at, set off by a comma (`put it lower, at 8,000`)
_COMPARATIVES = frozenset("lower higher".split())
_LABEL_WORDS = 12  # at most this many tokens (a bracketed source included) before the colon
_PLACING_PREPS = frozenset("to from with against by for into on near".split())


_GIVING_AS = frozenset("gives gave give put puts lists listed records recorded".split())


def _given_as(toks: list[Token], first: int, prev_end: int) -> bool:
    """`gives the number of British troops in Estonia as 900`: `as` before the figure, and a
    verb of giving with `the number of` (or `total`, `size`) as its object a few words back,
    so the figure is that number's value (read by `_far_back`)."""
    if first < 5 or toks[first - 1].low != "as":
        return False
    for k in range(first - 2, max(prev_end, first - 14), -1):
        w = toks[k].low
        if w in _FAR_STOPS:
            return False
        if w in _FAR_KEYS and toks[k + 1].low == "of":
            return k >= 2 and toks[k - 1].low == "the" and toks[k - 2].low in _GIVING_AS
    return False


_NEARER = frozenset("closer nearer close near".split())
_PUT_VERBS = frozenset("put puts putting".split())


def _figure_put_nearer(toks: list[Token], first: int) -> bool:
    """`Yerevan puts the figure closer to 15`, `puts its tally nearer 90`: the figure's own
    approximator stands where `at` would (`put the figure at`), after a determiner and a
    bare key noun that a verb of putting takes."""
    return (
        first >= 3
        and toks[first].low in _NEARER
        and toks[first - 1].low in _BARE_KEYS
        and toks[first - 2].low in _BACK_DETERMINERS
        and toks[first - 3].low in _PUT_VERBS
    )


def _that_figure(toks: list[Token], lo: int, first: int) -> bool:
    """`raised that figure to 9`, `revised this toll to 40`: a demonstrative and a bare key
    noun of a figure, then only a link word or two, just before the figure."""
    for k in range(first - 2, max(lo, first - 4) - 1, -1):
        if toks[k].low in _BARE_KEYS and k >= 1 and toks[k - 1].low in ("that", "this"):
            return all(t.low in ("to", "at", "of", "from") for t in toks[k + 1 : first])
    return False


LABEL_BRACKET = "category:far:label-bracket"


def _label_bracket(toks: list[Token], first: int) -> int:
    """`Killed (health ministry, 2 June): 41`, `Refugees in eastern Chad (UNHCR, June):
    850,000`: a label, its source and date in brackets, a colon, the value. The bracket is an
    aside of the label: the label's words are read from the token before it (-1: none)."""
    if first < 4 or toks[first - 1].text != ":" or toks[first - 2].text != ")":
        return -1
    for p in range(first - 3, max(0, first - 12), -1):
        t = toks[p].text
        if t == "(":
            return p - 1 if p > 0 else -1
        if t in (")", ":", ";", "."):
            return -1
    return -1


def _after_placing_prep(toks: list[Token], k: int) -> bool:
    """`sent to the troops`, `deaths from traumatic injuries`: the noun at `k` is the object
    of a preposition, right after it or after an article or an adjective or two, so not the
    clause's subject (the search goes on back, to `deaths`)."""
    for j in range(k - 1, max(-1, k - 4), -1):
        t = toks[j]
        if t.low in _PLACING_PREPS:
            return True
        if not (t.text.isalpha() and t.text.islower()) or t.low in CATEGORY_NOUNS:
            return False
    return False


def _far_back(
    toks: list[Token], first: int, last: int, prev_end: int, next_start: int
) -> Reading | None:
    """`_far_back_at`, past a label's bracket (`Killed (health ministry, 2 June): 41`)."""
    if first >= 2 and toks[first - 1].low in _BE_FORMS and toks[first - 2].low == "there":
        return None  # `there are 300 troops left`: the figure is what exists, nothing before
    skip = _label_bracket(toks, first)
    if skip < 0 or skip <= prev_end:
        return _far_back_at(toks, first, last, prev_end, next_start, first - 2)
    got = _far_back_at(toks, first, last, prev_end, next_start, skip)
    if got is not None:
        got.rules.append(LABEL_BRACKET)
    return got


def _far_back_at(
    toks: list[Token], first: int, last: int, prev_end: int, next_start: int, k: int
) -> Reading | None:
    """`put the number of North Korean soldiers in the Kursk region at about 11,000`, `the
    death toll from the strike on Dnipro rose to 46`, `bringing its total losses since
    February 2022 to 790,000`: the nearest thing counted back in the clause, however far.
    What `the number of` counts is read as if the figure stood in the place of `number`;
    `put it at 70,000` is the figure before; a clause that reaches the previous figure without
    naming anything counted compares with it (`numbered 300,000 and may have reached 1.35
    million`). `k` is where the words before the figure are read from."""
    if toks[first - 1].low == "from" and k > 0 and toks[k].low in _RANGE_VERBS:
        k -= 1  # "estimates ranged from 170, the government's figure, to more than 230"
    if toks[first - 1].low in ("numbering", "numbered") and k > 0 and toks[k].text == ",":
        k -= 1  # "French troops in Niger, numbering 1,500": the phrase before the comma
    aside = ""
    if (
        toks[first - 1].low == "at"
        and k >= 1
        and toks[k].text == ","
        and toks[k - 1].low in _COMPARATIVES
    ):
        # "put the number of North Korean soldiers already deployed lower, at about 8,000":
        # the comparative and its comma set the figure off; the clause before is read
        aside = f"category:far:comparative-aside:{toks[k - 1].low}"
        k -= 2
    if k >= 0 and toks[k].low == "it" and prev_end >= 0:
        return Reading("other", None, last, inherit=True, rules=["category:far:it"])
    if toks[first - 1].low == "to" and prev_end >= 0 and _from_before(toks, prev_end, first):
        # "ranged from about 130, the government's figure, to 400 or more": the pair's end
        return Reading("other", None, last, inherit=True, rules=["category:far:from-to"])
    lo = max(prev_end + 1, first - _FAR_WINDOW)
    key = noun = bare = -1  # the leftmost `toll` or `number of`, the nearest noun of a category
    source_np = False  # inside the subject of `put` before `the number`
    while k >= lo:
        w = toks[k].low
        if source_np and not (toks[k].text.isalpha() and toks[k].text.islower()):
            source_np = False
        if w in _BACK_DETERMINERS:
            source_np = False
        if w in _PUT_VERBS and bare > k:
            source_np = True  # the words before `put` are its subject, up to a determiner
        if w == "," and key < 0 and bare < 0 and noun < 0 and _whose_count(toks, k):
            # "Wagner instructors, whose number Moscow put at 1,135": `whose` stands for
            # the phrase before the comma, and the figure counts it
            back = _back_np(toks, k, prev_end)
            if back is not None:
                back.np_end = last
                back.rules.insert(0, f"category:far:whose-{toks[k + 2].low}")
                return back
        if w in _FAR_STOPS:
            break
        if w in ("toll", "tally") or (
            w in _FAR_KEYS and k + 1 < len(toks) and toks[k + 1].low == "of"
        ):
            key = k
        elif (
            w in _BARE_KEYS
            and k > 0
            and (
                toks[k - 1].low in _BACK_DETERMINERS
                or (
                    k > 1
                    and toks[k - 1].low in _FIGURE_ADJ
                    and toks[k - 2].low in _BACK_DETERMINERS
                )
            )
        ):
            bare = k  # "put the number at 1,600", "the true figure was 26,000"
        elif noun < 0 and (w in CATEGORY_NOUNS or w in EQUIPMENT_NOUNS or w in TROOP_NOUNS):
            if source_np:
                pass  # "the army put the number at 25", "a local army officer put …": who
                # puts the figure (the subject's head and its modifiers) is its source
            elif k == 0 or not _after_placing_prep(toks, k):
                noun = k  # "sent to the troops": a noun after a preposition is no subject
        k -= 1
    if key >= 0 and noun > key and toks[key].low in ("toll", "tally"):
        if toks[noun].low in CATEGORY_NOUNS:
            # "Kyiv's daily tally put Russia's losses at 1,060 personnel": what the tally
            # puts at the figure is counted, not the tally's own kind of dead
            key = -1
    if key >= 0:
        w = toks[key].low
        if w in ("toll", "tally"):
            cat = "casualties" if toks[key - 1].low in ("casualty", "casualties") else "killed"
            return Reading(cat, None, last, rules=[f"category:far:{w}"])
        inner = read_category(toks, key, key, {}, prev_end, first)
        if inner.category is None:
            return inner
        if inner.category != "other":
            inner.np_end = last
            inner.rules.insert(0, f"category:far:{w}-of")
            if aside:
                inner.rules.insert(0, aside)
            return inner
    if k + 1 < first - 1 and _that_figure(toks, max(lo, k + 1), first):
        # "the army later raised that figure to 9": `that figure` points back at the figure
        # already counted, nearer than the subject's noun (`army`)
        return Reading("other", None, last, inherit=True, rules=["category:far:that-figure"])
    if noun >= 0:
        back = _back_np(toks, noun + 1, prev_end)  # the noun as if the figure followed it
        if back is not None:
            back.np_end = last
            back.rules.insert(0, "category:far:noun")
            return back
    if bare >= 0:
        if prev_end < 0 and toks[bare].low in _ANAPHORIC_KEYS:
            earlier = _uncounted_antecedent(toks, k)
            if earlier is not None:
                return earlier
        # the figure already counted: of the previous figure, else of the paragraph
        return Reading("other", None, last, inherit=True, rules=["category:far:the-figure"])
    if key < 0 and toks[first - 1].text == ":":
        label = _people_label(toks, k + 1, first - 1, prev_end)
        if label is not None:
            label.np_end = last
            return label
        if prev_end < 0 and k < 0 and noun < 0 and first - 1 <= _LABEL_WORDS:
            # `Under the rubble (civil defence): about 40`: a label that opens the line and
            # names no counted noun, but what befell those its value counts
            got = label_verb(toks, 0, first - 1)
            if got is not None:
                return Reading(got[0], None, last, rules=[f"category:far:label-verb:{got[1]}"])
    if k < 0 or prev_end < 0 or k != prev_end or toks[k + 1].low in _FAR_STOPS:
        if prev_end < 0 and k + 2 < first - 1 and toks[k + 1].low == "it":
            # "The count of people displaced ... rose again. It stood at 946,000": `it` with
            # no figure before in its sentence is what the paragraph counted last
            return Reading("other", None, last, inherit=True, rules=["category:far:it-before"])
        return None
    return Reading("other", None, last, inherit=True, rules=["category:far:compared"])


_ANAPHORIC_KEYS = frozenset("number figure count".split())
# the verbs whose subject gives `the number` a value: the source, not what is counted
_PUT_VERBS = frozenset("put puts putting placed places".split())
# words after a noun that show it heads its phrase (`drones along the border`), where a noun
# after it would make it a modifier (`army officer`)
_HEAD_FOLLOWERS = frozenset(
    """along in on near at from into across over and or during since which that who had have
    has were was are is remain remained remains""".split()
)


def _uncounted_antecedent(toks: list[Token], k: int) -> Reading | None:
    """`India said it had shot down Pakistani drones; an officer put the number at 25`: with
    no figure before it in the sentence, `the number` counts the nearest counted noun named
    without a figure in an earlier clause of the same sentence (`drones`), not whatever the
    paragraph counted last. `k` is the clause stop the far-back search ended at."""
    for j in range(k - 1, max(-1, k - _FAR_WINDOW), -1):
        w = toks[j].low
        if (w in EQUIPMENT_NOUNS or w in CATEGORY_NOUNS or w in TROOP_NOUNS) and (
            toks[j + 1].low in _HEAD_FOLLOWERS or not toks[j + 1].text[0].isalnum()
        ):
            back = _back_np(toks, j + 1, -1)
            if back is not None:
                back.rules.insert(0, "category:far:number-of-uncounted-noun")
            return back
    return None


def _people_label(toks: list[Token], start: int, colon: int, prev_end: int) -> Reading | None:
    """`Sudanese who have crossed into South Sudan since April 2023: 712,000`: a label of
    people (a demonym or a noun of people, with no status word) whose own verb says what
    befell them; the value after the colon counts them as if it stood before the label."""
    if start < len(toks) and toks[start].low == "the":
        start += 1
    if start >= colon:
        return None
    head = toks[start]
    if not (head.low in PEOPLE_NOUNS or (head.text[0].isupper() and _demonym_plural(head.low))):
        return None
    found = verb_category(toks, start, start, prev_end, colon, displaced=True)
    if found is None:
        return None
    return Reading(found[0], (start, start), colon, rules=["category:far:people-label", found[1]])


_WHOSE_COUNTS = frozenset("number numbers strength size ranks losses toll total".split())


def _whose_count(toks: list[Token], comma: int) -> bool:
    """`, whose number` or `, whose strength` at `comma`: a relative clause that measures the
    phrase before the comma."""
    return (
        comma + 2 < len(toks)
        and toks[comma + 1].low == "whose"
        and toks[comma + 2].low in _WHOSE_COUNTS
    )


def _from_before(toks: list[Token], prev_end: int, first: int) -> bool:
    """A figure after `from` stands before this figure's `to`, with at most an apposition
    between commas after it (`from 100,000 soldiers, the figure given by one general, to`):
    the two ends of one pair."""
    if first - prev_end == 2:
        k = prev_end
        while k >= 0 and toks[k].low != "from" and prev_end - k < 5:
            k -= 1
        return k >= 0 and toks[k].low == "from"
    if toks[first - 2].text != ",":
        return False
    for k in range(first - 3, max(-1, first - 18), -1):
        w = toks[k].low
        if w in (";", ".", "to"):
            return False
        if w == "from":
            nxt = toks[k + 1 : k + 4]
            return any(is_digits(t) for t in nxt)
    return False


_OF_THEM = frozenset("them these those".split())


def fronted_of_them(toks: list[Token], first: int, last: int) -> tuple[int, int] | None:
    """`Of them, the IOM said, about 900 were children`: a sentence that opens with `Of them,`
    counts a part of a group named in an earlier sentence, and the noun after `were` names
    the part. The span of that noun phrase (the subject), or None."""
    comma = _of_them_comma(toks)
    if comma < 0 or first <= comma or toks[first - 1].text != ",":
        return None  # the figure opens the main clause after `Of them,` (and any aside)
    return named_after_be(toks, last + 1)


def _of_them_comma(toks: list[Token]) -> int:
    """The comma that closes an opening `Of them,` (`Of those,`), or `Of those` with a short
    participle or relative clause of its own (`Of those identified,`, `Of those who died,`):
    the part of a group named before; -1 for none."""
    if len(toks) < 6 or toks[0].low != "of" or toks[1].low not in _OF_THEM:
        return -1
    if toks[2].text == ",":
        return 2
    if toks[1].low != "those":
        return -1
    for k in range(2, 6):
        t = toks[k]
        if t.text == ",":
            return k if k > 2 else -1
        if not (t.text.isalpha() and t.text.islower()):
            return -1
    return -1


_PLACE_PREPS = frozenset("in over near at inside on around".split())


def fronted_of_them_placed(toks: list[Token], first: int, last: int) -> bool:
    """`Of them, 22 were over the Kursk region`: after `Of them,` the part is placed, not
    named (`were` and a preposition of place): it counts a part of the group all the same."""
    comma = _of_them_comma(toks)
    if comma < 0 or first <= comma or toks[first - 1].text != ",":
        return False
    k = last + 1
    return (
        k + 1 < len(toks)
        and toks[k].low in ("were", "are", "was", "is")
        and toks[k + 1].low in _PLACE_PREPS
    )


def named_after_be(toks: list[Token], k: int) -> tuple[int, int] | None:
    """`... were children`: the span of a noun phrase of people right after a form of `be`
    at `k` (the predicate that names a part), or None."""
    if k + 1 >= len(toks) or toks[k].low not in ("were", "are", "was", "is"):
        return None
    np = forward_np(toks, k + 1, {})
    if np.head is None or np.start != k + 1:
        return None
    head = toks[np.head]
    if head.low not in PEOPLE_NOUNS and head.low not in TROOP_NOUNS:
        # `… were prisoners recruited from penal colonies`: people named by what they were
        if CATEGORY_NOUNS.get(head.low) not in _HELD_OR_FLED and not _demonym_plural(head.text):
            return None
    return np.start, np.end


_HELD_OR_FLED = frozenset(("captured", "displaced"))


def fronted_partitive(toks: list[Token], first: int, prev_start: int, prev_end: int) -> bool:
    """`Of the 91,000 Germans taken prisoner ..., only about 5,000 ever returned home`: the
    sentence opens with `Of` and the previous figure, and this figure opens the main clause
    after the comma that ends that phrase: a part of the previous figure. The `of` may open
    a reported clause too (`He said that of the roughly 11,000 North Korean soldiers sent to
    Kursk, as many as 4,000 had been killed`)."""
    o = prev_start - 2 if prev_start >= 2 and toks[prev_start - 1].low == "the" else prev_start - 1
    if o < 0 or toks[o].low != "of" or not (o == 0 or toks[o - 1].low == "that"):
        return False
    k = first - 1
    if k > 0 and toks[k].low in ("only", "just", "some", "another"):
        k -= 1
    if k <= prev_end or toks[k].text != ",":
        return False
    return all(t.text != "," for t in toks[prev_end + 1 : k])


def far_key(toks: list[Token], first: int, prev_end: int) -> int:
    """The token of `number`, `size` or `total` in `the number of X ... at N`, or -1: for a
    figure after `at` or `to`, whose counted phrase the clause names further back."""
    if first < 1 or toks[first - 1].low not in ("at", "to"):
        return -1
    key = -1
    for k in range(first - 2, max(prev_end, first - _FAR_WINDOW - 1), -1):
        w = toks[k].low
        if w in _FAR_STOPS:
            break
        if w in _FAR_KEYS and k + 1 < len(toks) and toks[k + 1].low == "of":
            key = k
    return key


def _opening_phrase(
    toks: list[Token], first: int, last: int, prev_end: int, next_start: int
) -> Reading | None:
    """`Numbering about 5,000, the militia controls the roads`, `Estimated at 600,000, the
    Russian force...`: an opening phrase counts the subject after its comma."""
    k = last + 1
    n = len(toks)
    if prev_end >= 0 or any(t.text in (",", ";", ":") for t in toks[:first]):
        return None
    while k < min(n - 1, last + 9) and toks[k].text != ",":
        if toks[k].low not in _OPENING_WORDS and not is_digits(toks[k]):
            break
        k += 1  # "Numbering more than 536,000 at their peak in 1968, US forces..."
    if k + 1 >= n or toks[k].text != ",":
        return None
    k += 1
    if toks[k].low in ("the", "its", "their") and k + 1 < len(toks):
        k += 1
    np = forward_np(toks, k, {})
    if np.head is None or toks[np.head].low not in TROOP_NOUNS:
        return None
    start = np.start if np.start < np.mods[0] else np.mods[0]
    return Reading("troops", (start, np.head), last, rules=["category:opening-phrase"])


def _people_killed_or_wounded(toks: list[Token], head: int, lo: int) -> Reading | None:
    """`the number of Russian personnel killed or wounded exceeded 900,000`: a pair of status
    words after a noun of people is that noun's participles, and the pair is casualties."""
    n = head - 3
    if n < lo or casualty_pair(toks, head, "wounded") != "casualties":
        return None
    if toks[n].low not in TROOP_NOUNS and toks[n].low not in PEOPLE_NOUNS:
        return None
    s = n
    while s - 1 >= lo and n - s < 3:
        p = toks[s - 1]
        if p.low in NP_STOP or not p.text[0].isalnum() or is_digits(p):
            break
        s -= 1
    rule = f"category:back-np:{toks[head - 2].low} {toks[head - 1].low} {toks[head].low}"
    return Reading("casualties", (s, n), head, rules=[rule])


def _back_np(toks: list[Token], first: int, prev_end: int) -> Reading | None:
    """`North Korean forces, numbering up to 11,000`, `the number of IDPs at 2.7m`."""
    j = first - 1
    cat_word: str | None = None
    aside = False
    lo = max(prev_end + 1, first - 8)
    while j >= lo:
        w = toks[j].low
        if w in COUNTED_NOUNS or (j > 0 and (toks[j - 1].low, w) in TROOP_COMPOUNDS):
            break
        if w in EQUIPMENT_IF_MODIFIED and j > 0 and toks[j - 1].low in WEAPON_MODIFIERS:
            break  # "Losses of air defence systems rose to 1,232": a weapon word names them
        if w == "," and j > 2 and toks[j - 1].low in _TAG_VERBS:
            # "The group's losses, he added, exceeded 4,000": a speech tag set off by commas
            k = next((k for k in range(j - 2, max(-1, j - 6), -1) if toks[k].text == ","), -1)
            if k > 0:
                j = k - 1
                lo = max(prev_end + 1, j - 6)
                continue
        if w == "," and j > 3:
            # "The toll, according to the provincial governor, stood at 52", "The death toll,
            # said a spokesman, had reached 200": the source set off by commas inside the
            # counted phrase's clause
            k = _according_aside(toks, j)
            if k > 0:
                aside = True
                j = k - 1
                lo = max(prev_end + 1, j - 6)
                continue
            k = _apposition_opening(toks, j, prev_end)
            if k > 0:
                # "Iraq's Popular Mobilisation Forces, a coalition of armed groups, number
                # about 238,000": an apposition between the counted phrase and its verb
                j = k - 1
                lo = max(prev_end + 1, j - 6)
                continue
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
    pair = _people_killed_or_wounded(toks, head, lo)
    if pair is not None:
        return pair
    s = head
    while s - 1 >= lo and s - head > -4:
        p = toks[s - 1]
        if is_digits(p) and _designation_digits(toks, s - 1, lo):
            s -= 2  # "M23 fighters, numbering 6,500": a name's digits, not a count
            continue
        if p.low in NP_STOP or not p.text[0].isalnum() or is_digits(p):
            break
        s -= 1
    if s - 1 >= lo and toks[s - 1].low in _BACK_DETERMINERS:
        s -= 1
    mods = [t.low for t in toks[s:head]]
    rules = (
        [f"category:back-np:{w}", "category:across-source-aside"]
        if aside
        else [f"category:back-np:{w}"]
    )
    if w in ("toll", "tally"):
        cat = "casualties" if "casualty" in mods else "killed"
        return Reading(cat, (s, head), head, rules=rules)
    if w in EQUIPMENT_NOUNS or w in EQUIPMENT_IF_MODIFIED:
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


def _designation_digits(toks: list[Token], k: int, lo: int) -> bool:
    """The digits at `k` end a name written as capitals glued to digits (`M23`): the
    capitals stand before them with no space, within the window."""
    if k - 1 < lo:
        return False
    p = toks[k - 1]
    return p.text.isalpha() and p.text.isupper() and len(p.text) <= 3 and glued(p, toks[k])


def _apposition_opening(toks: list[Token], comma: int, prev_end: int) -> int:
    """The comma that opens an apposition (`, a coalition of mostly Shia armed groups now
    part of the state,`) closed by `comma`, or -1: it begins with an article and holds no
    figure and no other punctuation, and a counted noun ends the phrase before it."""
    for k in range(comma - 1, max(prev_end, comma - 18), -1):
        t = toks[k]
        if t.text == ",":
            if toks[k + 1].low not in ("a", "an", "the") or k < 1:
                return -1
            return k if toks[k - 1].low in COUNTED_NOUNS else -1
        if not t.text[0].isalpha():
            return -1
    return -1


def _according_aside(toks: list[Token], comma: int) -> int:
    """The comma that opens `, according to X,` or an inverted tag `, said X,` closed by
    `comma`, or -1."""
    for k in range(comma - 2, max(0, comma - 14), -1):
        t = toks[k].text
        if t == ",":
            if toks[k + 1].low in _TAG_VERBS and comma - k >= 3:
                return k  # "The death toll, said a spokesman for the Red Crescent, had …"
            if comma - k < 4:
                return -1
            return k if toks[k + 1].low == "according" and toks[k + 2].low == "to" else -1
        if not (t[0].isalnum() or t in ("'s", "’s", "-")):
            return -1
    return -1


def _plural_name_after(toks: list[Token], last: int) -> tuple[int, int] | None:
    """`three Rafales,`: a capitalised plural word that alone ends the figure's phrase names
    what is counted (a model's name), though no lexicon knows it."""
    k = last + 1
    if k + 1 >= len(toks) or toks[k + 1].text not in (",", ".", ";", ")"):
        return None
    w = toks[k].text
    if len(w) > 3 and w[0].isupper() and w[1:].islower() and w.isalpha() and w.endswith("s"):
        return (k, k)
    return None


def _inherit_link(toks: list[Token], first: int, prev_end: int) -> bool:
    lo = max(prev_end + 1, first - 5)
    for k in range(lo, first):
        w = toks[k].low
        if w in _INHERIT_LINKS:
            return True
        if w == "with" and k > lo and toks[k - 1].low in _WITH_ADDING:
            # "released 13 hostages, along with 10 Thai nationals": a phrase that adds to the
            # figure before counts the same kind, whatever noun names the added people
            return True
    return False


_WITH_ADDING = frozenset("along together".split())


def _names_weapon(toks: list[Token], lo: int, hi: int) -> bool:
    """A weapon word or an equipment noun among `toks[lo:hi]` (`equipment losses`)."""
    for t in toks[lo:hi]:  # noqa: SIM110 (a generator costs twice this, for every noun)
        if t.low in WEAPON_MODIFIERS or t.low in EQUIPMENT_NOUNS:
            return True
    return False


def _weapon_modified(toks: list[Token], start: int, head: int) -> bool:
    """`air defence systems`, `systems of air defence`: a weapon word before the noun (or the
    word before its modifiers), or within four words after `of`."""
    if _names_weapon(toks, max(0, start - 1), head):
        return True
    for k in range(start, head - 1):
        # "two IRIS-T systems": a model's name (capitals, a hyphen) names the weapon
        if toks[k].text.isupper() and toks[k + 1].text == "-" and glued(toks[k], toks[k + 1]):
            return True
    return (
        head + 2 < len(toks)
        and toks[head + 1].low == "of"
        and _names_weapon(toks, head + 2, head + 6)
    )


def _is_rate(toks: list[Token], end: int) -> bool:
    """`300 a day`, `40 per week`, `12 daily`: a rate, not a count; `728 drones a week ago`
    is a count of a week ago."""
    n = len(toks)
    if end + 1 < n and toks[end + 1].low == "daily":
        return True
    if not (end + 2 < n and toks[end + 1].low in _RATE_WORDS and toks[end + 2].low in _RATE_UNITS):
        return False
    return not (end + 3 < n and toks[end + 3].low in ("ago", "earlier", "before", "previously"))
