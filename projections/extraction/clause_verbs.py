"""What the verbs of a figure's clause say it counts: `were killed`, `had fled`, `taken
prisoner`, `lost their lives`, `killed or wounded`.

The nearest verb after the counted phrase or before the number wins; a verb just before the
next figure is that figure's. Bounded windows of a few tokens, so the cost per number is
constant.
"""

from __future__ import annotations

from projections.extraction.lexicon import (
    CLAUSE_STOP,
    COST_VERBS,
    EXCHANGE_CONTEXT,
    EXCHANGE_VERBS,
    FINITE_AUX,
    PEOPLE_NOUNS,
    PERFECT_AUX,
    STATE_AUX,
    TROOP_NOUNS,
    VERB_CATEGORY,
)
from projections.extraction.tokens import Token

_FRACTIONS = frozenset("half third quarter most majority part fraction many some".split())
_CASUALTY_PAIRS = {("killed", "wounded"), ("killed", "injured"), ("dead", "wounded")}
_COORDINATORS = frozenset({"and", "or", ","})


_LIST_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve dozens hundreds".split()
)


# words that may stand between a preposition and its count (`by about 200`, `by up to 60`)
_BEFORE_COUNT = frozenset(
    "about some around roughly nearly almost up to at least more than over".split()
)


def _count_at(toks: list[Token], k: int) -> bool:
    """A figure (digits or a number word) at `k`, after at most three approximator words."""
    stop = min(len(toks), k + 4)
    while k < stop and toks[k].low in _BEFORE_COUNT:
        k += 1
    return k < stop and (toks[k].low[:1].isdigit() or toks[k].low in _LIST_NUMBER_WORDS)


def _list_end(toks: list[Token], k: int) -> int:
    """The token after the last item of a list of counted phrases that goes on at `k` (`, 29
    artillery systems, two air defence systems and 96 drones`): each item is a coordinator, a
    figure and lower-case words or hyphens; at most 40 tokens are read."""
    end, last = min(len(toks), k + 40), k
    while k < end:
        while k < end and toks[k].low in _COORDINATORS:
            k += 1
        if k >= end or not (toks[k].low[:1].isdigit() or toks[k].low in _LIST_NUMBER_WORDS):
            return last
        k += 1
        while k < end and _list_word(toks[k]):
            k += 1
        last = k
    return last


def _list_word(t: Token) -> bool:
    """A word inside a list item's noun phrase: lower-case and no status verb, or a hyphen."""
    return t.text == "-" or (t.text.isalpha() and t.text.islower() and t.low not in VERB_CATEGORY)


def verb_category(
    toks: list[Token], first: int, np_end: int, prev_end: int, next_start: int, displaced: bool
) -> tuple[str, str] | None:
    """The category the nearest verb of the clause gives, after the phrase or before the number.

    A verb just before the next figure is that figure's (`killed 9 soldiers and wounded 17`).
    """
    n = len(toks)
    fwd: tuple[int, str, str] | None = None
    j = np_end + 1
    shared_from = -1  # the next figure, when its verb is shared with this one
    if (
        next_start < n
        and (
            _only_coordinated_nouns(toks, np_end + 1, next_start)
            or _of_phrase_then_and(toks, np_end, next_start)
        )
        and not _part_of_this(toks, next_start)
    ):
        # "300 soldiers and 40 civilians were killed": the verb after the next figure's
        # phrase is this one's too, since only "and" (or a comma) stands between them.
        shared_from = next_start
        next_start = n
        # "listed 1,080 Russian troops, 29 artillery systems, two air defence systems and 96
        # drones lost in the previous day": a participle after the last item of a list of
        # counted phrases is said of every item, however long the list
        stop = min(n, max(np_end + 13, _list_end(toks, np_end + 1) + 4))
        if shared_from > np_end + 3:
            # past the `of` phrase: as far as from the next figure
            stop = max(stop, min(n, shared_from + 10))
    else:
        stop = min(n, next_start, np_end + 13)
    bracketed = False
    if j < n and toks[j].text == "(":
        # "27 people (19 men and eight women) were killed": the bracket right after the
        # phrase breaks it down; the verb after the closing bracket is this figure's too
        close = next((k for k in range(j + 1, min(n, j + 16)) if toks[k].text == ")"), -1)
        if close > 0:
            j, bracketed = close + 1, True
            stop = min(n, j + 8)
    relative = _in_relative_clause(toks, first)
    past = "-past-bracket" if bracketed else ""
    while j < stop:
        w = toks[j].low
        if w in CLAUSE_STOP:
            if not adverb_since(toks, j):
                break
            past = "-past-since"
        if relative and w == "," and j + 1 < n and _main_verb(toks[j + 1]):
            # "The rebels, who Kinshasa says are backed by some 4,000 Rwandan troops, denied
            # losing ...": the comma closes the relative clause the figure stands in; the
            # verb after it is the main clause's, said of its subject
            break
        if w == "," and _fraction_after(toks, j):
            break  # "Of the 4,000 fighters ..., about 60 percent have been killed"
        if w == "," and j + 1 < n and toks[j + 1].low == "or":
            # "About 1.9 million people, or roughly nine in ten of Gaza's residents, have been
            # displaced": a restatement set off by commas; the verb after it is this figure's
            close = next((k for k in range(j + 2, min(n, j + 14)) if toks[k].text == ","), -1)
            if close < 0:
                break
            j = close + 1
            stop = min(n, j + 8)
            next_start = n
            continue
        if w == "," and not relative:
            close = _share_aside(toks, j)
            if close > 0:
                # "as many as 1.9 million people in Gaza, about 90 percent of the population,
                # had been displaced": the share the figure makes, set off by commas, restates
                # it; the verb after the closing comma is this figure's
                j = close + 1
                stop = min(n, j + 8)
                next_start = n
                continue
        if w == "including" or (w == "among" and j + 1 < n and toks[j + 1].low == "them"):
            # skip "including 480 children," or "among them two colonels," to reach the verb
            end = min(n, j + 12)
            while j < end and toks[j].text != ",":
                j += 1
            if j >= end:
                break
            j += 1
            stop = min(n, j + 8)
            next_start = n
            continue
        # `cost` reads only backwards: "an estimated 10,000 troops crossing ..., has cost
        # Moscow 17,000" is said of the figure after its side object, not of the subject
        got = _verb_at(toks, j, displaced) if w in _VERB_WORDS and w not in COST_VERBS else None
        if got and shared_from >= 0 and _figure_ends_before(toks, shared_from, j):
            # "35 dead, including two children, and 117 wounded": a participle right after
            # the next figure is that figure's own phrase, not a verb the two share
            break
        if got and j + 1 != next_start:
            fwd = (j - np_end, got[0], f"category:verb{past}:{got[1]}")
            if j == np_end + 1 and w.endswith("ed"):
                main = main_predicate_after(toks, j, stop)
                if main is not None and main[0] != got[0]:
                    # "Tens of thousands of Syrians detained under the former government are
                    # still unaccounted for": the participle right after the phrase is a
                    # reduced relative (what befell them before); the clause's own finite
                    # predicate says what they are now
                    fwd = (main[1] - np_end, main[0], f"category:main-predicate:{main[2]}")
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
    if (
        fwd is not None
        and bwd is not None
        and np_end + 1 < n
        and toks[np_end + 1].low in STATE_AUX
        and toks[first - 1].low in _COORDINATORS
    ):
        # "four were killed and 15 were still missing": a figure after `and` with an
        # auxiliary of its own opens a new clause, the subject of the verb after it; the verb
        # before `and` is the first conjunct's
        best = fwd
    if bwd is not None and bwd[2].endswith(_DEAD_HEADS):
        # "the bodies of 6 men abducted by militiamen": the figure is the complement of
        # `bodies of`; a participle after it only describes what befell them before
        best = bwd
    if best is None and first > 1 and toks[first - 1].low in _INVERTING_BE:
        return _fronted_verb(toks)
    return (best[1], best[2]) if best else None


_BODY_PARTS = frozenset("leg legs arm arms limb limbs foot feet hand hands eye eyes sight".split())
_BODY_DETS = frozenset("a an their his her both one".split())


def _body_part_after(toks: list[Token], j: int) -> bool:
    """A part of the body is the object of the verb at `j` (`lost legs`, `lost a leg`,
    `lost both their feet`), within three words."""
    for t in toks[j + 1 : j + 4]:
        if t.low in _BODY_PARTS:
            return True
        if t.low not in _BODY_DETS:
            return False
    return False


_REFUGEE_WORDS = frozenset("refugees refugee evacuees asylum-seekers".split())
_AS_OR_BE = frozenset("as are were is was became become".split())
_STATUS_ADVERBS = frozenset("now still already".split())
_INTO_CUSTODY_VERBS = frozenset("taken placed put".split())
_CUSTODY_NOUNS = frozenset("custody detention".split())


def _custody_after(toks: list[Token], k: int) -> str | None:
    """The noun of custody at `k` or after one modifier (`preventive custody`, `police
    custody`), or None."""
    return next((t.low for t in toks[k : k + 2] if t.low in _CUSTODY_NOUNS), None)


def adverb_since(toks: list[Token], j: int) -> bool:
    """`have since fled`, `had since died`: `since` between a perfect auxiliary and a
    participle is an adverb of time inside the clause, not the conjunction that opens a new
    one, so the verb after it is still the figure's."""
    if toks[j].low != "since" or j < 1 or j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return toks[j - 1].low in PERFECT_AUX and nxt.text.islower() and nxt.low.endswith(("ed", "en"))


_RELATIVE_OPENERS = frozenset("who which whom".split())
_MAIN_AUX = frozenset("has have had is are was were will would says said say".split())


def _main_verb(t: Token) -> bool:
    """The word after the comma that closes a relative clause opens the main predicate: an
    auxiliary or a past form (`, denied`, `, has`), not an aside (`, mostly conscripts,`)."""
    return t.text.islower() and (t.low in _MAIN_AUX or (t.low.endswith("ed") and len(t.low) > 4))


def _in_relative_clause(toks: list[Token], first: int) -> bool:
    """The figure at `first` stands in a relative clause set off by a comma (`, who ...`,
    `, which ...`): back to the nearest comma, at most 12 tokens, and the pronoun after it."""
    for k in range(first - 1, max(0, first - 13), -1):
        t = toks[k].text
        if t in (";", ":", "."):
            return False
        if t == ",":
            if not (k + 1 < first and toks[k + 1].low in _RELATIVE_OPENERS):
                return False
            # the relative clause has its own predicate before the figure (`who ... are
            # backed by 4,000 troops`), so the figure is its object and the clause ends at
            # its comma; after a verb of saying alone (`which says 4,000 troops, mostly
            # conscripts, were killed`) the figure's own verb is still to come
            return any(_own_predicate(x) for x in toks[k + 2 : first])
    return False


def closes_relative(toks: list[Token], first: int, np_end: int) -> bool:
    """The figure at `first..np_end` is the object of a relative clause whose closing comma,
    before the main clause's verb, ends the verb search (`verb_category`): the name of that
    rule for `--explain`."""
    if not _in_relative_clause(toks, first):
        return False
    for j in range(np_end + 1, min(len(toks) - 1, np_end + 13)):
        if toks[j].low in CLAUSE_STOP:
            return False
        if toks[j].text == "," and _main_verb(toks[j + 1]):
            return True
    return False


_RELATIVE_SAYING = frozenset("said reported claimed stated estimated recorded confirmed".split())


def _own_predicate(t: Token) -> bool:
    w = t.low
    if w in ("is", "are", "was", "were", "has", "have", "had", "been"):
        return True
    return t.text.islower() and w.endswith("ed") and w not in _RELATIVE_SAYING


_INVERTING_BE = frozenset({"were", "was", "are", "is"})
_PUT_WORDS = frozenset("put puts putting".split())
_BURY_VERBS = frozenset("buried bury burying".split())
_NOT_BURIED = frozenset("under beneath alive".split())
_RUBBLE_NOUNS = frozenset("debris ruins wreckage remnants".split())
_DEAD_HEADS = (":bodies of", ":remains of", ":death of", ":deaths of")
_TAKING_VERBS = frozenset("claimed claiming claim claims cost costing took taking taken".split())
_SUFFER_VERBS = frozenset("suffered sustained suffering sustaining".split())
_INJURY_WORDS = frozenset("injuries injury wounds wound burns".split())
_CUSTODY = frozenset("police authorities army troops soldiers gendarmes prosecutors".split())


def _takes_lives(toks: list[Token], j: int) -> bool:
    """`claimed the lives of`, `cost the lives of`: a verb of taking before `the lives`."""
    return toks[j - 1].low == "the" and toks[j - 2].low in _TAKING_VERBS


def _into_custody(toks: list[Token], j: int) -> bool:
    """`handed N X over to police`, `handed over N X to the authorities`: `over`, then `to`
    and a holder of custody, within the clause after `handed` at `j`."""
    over = False
    for k in range(j + 1, min(len(toks) - 1, j + 10)):
        w = toks[k].low
        if w in CLAUSE_STOP or w in (",", "."):
            return False
        if w == "over":
            over = True
        elif w == "to" and over:
            nxt = toks[k + 1 : k + 4]
            return any(t.low in _CUSTODY for t in nxt)
    return False


_RELATIVE_PARTS = frozenset("whom which them".split())


def _only_coordinated_nouns(toks: list[Token], lo: int, hi: int) -> bool:
    """Only coordinators stand in `toks[lo:hi]`, or a conjunct of troops or people opened by
    one: `165 soldiers and police officers and 47 civilians dead` shares the verb after the
    next figure as `300 soldiers and 40 civilians were killed` does. At most six words."""
    if hi - lo > 6:
        return False
    opened = False
    for t in toks[lo:hi]:
        w = t.low
        if w in _COORDINATORS:
            opened = True
        elif not (opened and (w in TROOP_NOUNS or w in PEOPLE_NOUNS)):
            return False
    return True


_OF_PHRASE_WORDS = frozenset("the its their his her a an".split())


def _of_phrase_then_and(toks: list[Token], np_end: int, next_start: int) -> bool:
    """`273 members of the security forces and 259 gunmen had died`: the counted noun's `of`
    phrase (a determiner and at most four words, no verb) and then only `and` stand before
    the next figure, so the two figures share the verb after the second."""
    k = np_end + 1
    if not (k < next_start - 2 and toks[k].low == "of" and toks[next_start - 1].low == "and"):
        return False
    words = toks[k + 1 : next_start - 1]
    if len(words) > 5:
        return False
    for t in words:
        w = t.low
        if not t.text.isalpha() or (w in _VERB_WORDS and w not in _OF_PHRASE_WORDS):
            return False
        if w in CLAUSE_STOP or w in _COORDINATORS or w in ("who", "which", "that"):
            return False
    return True


_FIGURE_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million dozen dozens hundreds thousands""".split()
)


def _figure_ends_before(toks: list[Token], fig: int, j: int) -> bool:
    """The figure that starts at token `fig` ends right before token `j` (`117 wounded`,
    `at least 40 injured`): within four tokens, the last a digit or a number word."""
    if not fig < j <= fig + 4:
        return False
    t = toks[j - 1]
    return t.text[0].isdigit() or t.low in _FIGURE_WORDS


def _part_of_this(toks: list[Token], next_start: int) -> bool:
    """`59 hostages, at least 35 of whom ... are dead`: the next figure is a part of this one,
    and the verb after it is the part's, not this figure's."""
    for k in range(next_start, min(len(toks) - 1, next_start + 4)):
        if toks[k].low == "of" and toks[k + 1].low in _RELATIVE_PARTS:
            return True
    return False


_PASSIVE_BE = frozenset("were was are is been being".split())
_NOT_HELD = frozenset("back off up down responsible".split())


def _fronted_verb(toks: list[Token]) -> tuple[str, str] | None:
    """`Killed in the shelling, the army said, were four soldiers`: a participle that opens
    the sentence is the predicate of the subject that `were` puts after it (the inverted
    clause), so it says what that subject counts."""
    w = toks[0].low
    cat = VERB_CATEGORY.get(w)
    if cat is None or not (w.endswith("ed") or w in ("slain", "dead", "missing")):
        return None
    if cat == "casualties":
        return None  # "Lost in the fighting were ...": not said of people by itself
    return casualty_pair(toks, 0, cat), f"category:fronted-verb:{w}"


_NOT_KILLED = frozenset("sentenced condemned sentencing sentence".split())
# verbs that move people when a preposition of place follows their object: `pushed 60,000
# people into Gambella`, `drove thousands across the border`
_DRIVE_VERBS = frozenset("pushed pushing drove driven driving chased forced forcing".split())
_DRIVE_PREPS = frozenset("into across out from over".split())


def _died(toks: list[Token], j: int) -> bool:
    """`to death` at `j - 1..j` says someone died unless the clause sentences them to it
    (`sentenced 12 officers to death`, `were condemned to death`)."""
    return not any(t.low in _NOT_KILLED for t in toks[max(0, j - 10) : j])


def _driven_to(toks: list[Token], j: int) -> str | None:
    """The preposition of place after the object of the driving verb at `j` (within the
    clause), or None: `pushed 60,000 people into` -> `into`."""
    for t in toks[j + 1 : j + 8]:
        if t.low in _DRIVE_PREPS:
            return t.low
        if t.text in (",", ";", ":") or t.low in CLAUSE_STOP:
            return None
    return None


_PART_WORDS = frozenset("percent % half third quarter most majority".split())


_PREDICATE_ADVERBS = frozenset("still now also yet all reportedly believed been being".split())
_PREDICATE_ENDS = frozenset(", ; : and or but who which that whom whose".split())


def main_predicate_after(toks: list[Token], j: int, stop: int) -> tuple[str, int, str] | None:
    """After the participle at `j` (a reduced relative), the finite predicate of the clause
    within a few words: an auxiliary of state (`are`, `were`, `remain`), adverbs, and a verb
    or status word of the lexicon (`are still unaccounted for`, `were later killed`). Its
    (category, token, word), or None when the clause ends, or another clause opens, first."""
    n = len(toks)
    for k in range(j + 1, min(n, stop)):
        t = toks[k]
        if t.low in _PREDICATE_ENDS or t.low in CLAUSE_STOP or not t.text[0].isalnum():
            return None
        if t.low in STATE_AUX and t.text.islower():
            m = k + 1
            while m < n and m - k <= 3 and toks[m].low in _PREDICATE_ADVERBS:
                m += 1
            if m < n:
                cat = VERB_CATEGORY.get(toks[m].low)
                if cat is not None:
                    return cat, m, toks[m].low
            return None
    return None


def _share_aside(toks: list[Token], comma: int) -> int:
    """The comma that closes an aside opened at `comma` which gives the share a figure makes
    of a whole (`, about 90 percent of the population,`, `, nearly half of its residents,`):
    a fraction or a percentage within three words, then `of` and a few words, and no verb; -1
    for none."""
    n = len(toks)
    part = next((k for k in range(comma + 1, min(n, comma + 4)) if toks[k].low in _PART_WORDS), -1)
    if part < 0 or part + 1 >= n or toks[part + 1].low != "of":
        return -1
    for k in range(part + 2, min(n, part + 9)):
        t = toks[k]
        if t.text == ",":
            return k if k > part + 2 else -1
        if t.low in FINITE_AUX or not (t.text[0].isalpha() or t.text in ("'s", "’s")):
            return -1
    return -1


def _fraction_after(toks: list[Token], comma: int) -> bool:
    """A fraction or a percentage opens the clause after `comma` (`, about 60 percent have`,
    `, half of them`): the verb that follows counts that part, not the figure before."""
    window = range(comma + 1, min(len(toks), comma + 4))
    part = next((k for k in window if toks[k].low in _PART_WORDS), -1)
    if part < 0:
        return False
    for t in toks[part + 1 : part + 7]:
        if t.text == ",":
            return False  # ", most of them Alawites, were killed": an aside, the verb is all's
        if t.low in FINITE_AUX:
            return True
    return False


# what may follow a passive `taken` that says the people were seized (end, agent, `away`)
_TAKEN_ENDS = frozenset({"", ".", ",", "by", "away"})
# what may follow `crossed` when the verb has no object: the clause ends or an adjunct of time
_CROSSED_ENDS = frozenset({"", ".", ",", "since", "so", "this", "last", "in", "over"})


def _passive_before(toks: list[Token], j: int) -> bool:
    """A form of `be` right before token `j`, or before an adverb there (`were also taken`)."""
    k = j - 1
    if k > 0 and toks[k].low in ("also", "reportedly", "later", "then"):
        k -= 1
    return k >= 0 and toks[k].low in _PASSIVE_BE


_MOVE_VERBS = frozenset({"left", "leave", "returned", "returning", "arrived"})
_SCATTER_VERBS = frozenset({"scattered", "dispersed"})
_SCATTER_PREPS = frozenset({"into", "across", "to", "among"})
_MOVE_PREPS = frozenset({"to", "home", "into", "in", "from", "for", "since", "through"})


def _to_a_place(tok: Token, low: str) -> bool:
    """The word after a verb of moving names where to or from: a preposition or a name."""
    return low in _MOVE_PREPS or tok.text[0].isupper()


def _named_place(toks: list[Token], k: int) -> bool:
    """A name within two words of token `k` (`eastern Chad`, `the Kutupalong camp`...)."""
    for t in toks[k : k + 3]:
        if t.text[0].isupper():
            return True
        if t.low not in ("the", "eastern", "western", "northern", "southern", "neighbouring"):
            return False
    return False


def label_verb(toks: list[Token], start: int, end: int) -> tuple[str, str] | None:
    """`Under the rubble`, `Taken hostage`, `Fled to Chad`: the first verb (or phrase) of what
    befell people among the words of a form's label, `toks[start:end]`."""
    for j in range(start, end):
        if toks[j].low in _VERB_WORDS:
            got = _verb_at(toks, j, True)
            if got is not None:
                return got
    return None


def _verb_at(toks: list[Token], j: int, displaced: bool) -> tuple[str, str] | None:
    n = len(toks)
    w = toks[j].low
    nxt = toks[j + 1].low if j + 1 < n else ""
    nxt2 = toks[j + 2].low if j + 2 < n else ""
    if w == "taken" and nxt in ("prisoner", "captive", "hostage", "prisoners", "captives"):
        return "captured", f"taken {nxt}"
    if w in _INTO_CUSTODY_VERBS and nxt in ("into", "in"):
        # "2,000 people were taken into preventive custody", "placed in detention": put
        # into someone's custody, so held
        held = _custody_after(toks, j + 2)
        if held is not None:
            return "captured", f"{w} {nxt} {held}"
    if w == "taken" and nxt in _TAKEN_ENDS and _passive_before(toks, j):
        # "Two teachers were also taken.": a passive `taken` that ends its clause, or whose
        # agent follows, is an abduction (not `taken to hospital`, `taken into account`)
        return "captured", "taken (passive)"
    if w in _CAPTURE_NOUNS and nxt == "of":
        # `the detention of 14 civilians`, `the abduction of 43 people`: the noun of the act
        # with its `of` counts the captives (not `three places of detention`)
        return "captured", f"{w} of"
    if w == "held" and nxt in ("captive", "hostage", "prisoner"):
        return "captured", f"held {nxt}"
    if w in _CARRY_VERBS and nxt in ("off", "away"):
        # "killing 18 villagers and carrying off about 30 others": people carried off by
        # raiders were abducted (the phrasal verb, never `carry` alone: `carried 40 troops`)
        return "captured", f"{w} {nxt}"
    if w == "held" and nxt == "by" and _count_at(toks, j + 2):
        # "the base had been held by about 200 of its troops": the count is the passive's
        # agent, the ones who hold, not captives
        return None
    if w == "held" and j > 0 and toks[j - 1].low in _PASSIVE_BE and nxt not in _NOT_HELD:
        # "28 soldiers who had been held for three days": the passive of `hold` says the
        # people were captives (not `held back`, `held in reserve`)
        if not (nxt == "in" and nxt2 == "reserve"):
            return "captured", "held (passive)"
    if w == "death" and j > 1 and toks[j - 1].low == "to" and toks[j - 2].low in _PUT_WORDS:
        return "killed", "put to death"  # "the militants put to death 12 prisoners"
    if w == "out" and nxt == "of" and nxt2 == "action":
        # "put some 300 enemy soldiers out of action": disabled, not said to be dead
        # (CONVENTIONS: personnel lost or eliminated are casualties)
        return "casualties", "out of action"
    if w == "action" and j > 1 and toks[j - 1].low == "of" and toks[j - 2].low == "out":
        return "casualties", "out of action"  # "put out of action 120 soldiers"
    if w in COST_VERBS and _side_object(toks, j + 1):
        # "the fighting has cost the attackers more than 2,000 men", "cost Russia 300
        # soldiers": `cost` with a side as its first object says the side lost the people of
        # the second, not that they died (CONVENTIONS: personnel lost are casualties)
        return "casualties", f"{w} (side object)"
    if w == "under" and (nxt == "rubble" or nxt2 == "rubble"):
        return "missing", "under rubble"
    if w == "under" and (nxt in _RUBBLE_NOUNS or (nxt in ("the", "a") and nxt2 in _RUBBLE_NOUNS)):
        # "two people believed to be buried under the debris": the object of `under` is what
        # is left of a building, so the people are lost under it, as under rubble
        return "missing", f"under {nxt2 if nxt in ('the', 'a') else nxt}"
    if w in _FORCED_MOVES and j > 0 and toks[j - 1].low in _FORCIBLY:
        # "some 25,000 women, children and elderly people were forcibly transferred from the
        # enclave": people moved by force from their homes are displaced (a prisoner merely
        # `transferred` to another jail is not)
        return "displaced", f"{toks[j - 1].low} {w}"
    if w in _BURY_VERBS:
        # "the city had buried perhaps 8,000 of its residents", "41 soldiers were buried in
        # the village cemetery": people buried are dead (not `buried under the rubble`, which
        # the scan reads next as missing, nor `buried alive`)
        if nxt in _NOT_BURIED or nxt2 in _NOT_BURIED:
            return None
        return "killed", "buried"
    if w == "lost" and nxt in ("their", "his", "her") and nxt2 in ("lives", "life"):
        return "killed", "lost their lives"
    if w in _REFUGEE_WORDS and j > 1:
        # "2.6 million Afghans live as refugees in Iran", "40,000 are now refugees": the
        # predicate names the people's status, fled from their homes
        k = j - 2 if toks[j - 1].low in _STATUS_ADVERBS else j - 1
        if toks[k].low in _AS_OR_BE:
            return "displaced", f"{toks[k].low} {w}"
    if w == "lost" and _body_part_after(toks, j):
        # "Two Thai soldiers lost legs after stepping on landmines": the subject's own loss
        # of a limb or of sight says it was hurt, not lost to its side
        return "wounded", "lost a limb"
    if w in _LAY_VERBS and nxt == "down" and nxt2 in _ARMS:
        if _under_an_accord(toks, j + 3):
            # "13,000 FARC members laid down their arms under the 2016 peace accord": an
            # accord demobilises a force, it takes no one captive
            return "troops", f"{w} down arms under an accord"
        # "63 rebels who have laid down arms": fighters who lay down their weapons surrender
        return "captured", f"{w} down arms"
    if w in _CAPTIVE_WORDS and j > 0:
        # "15 guards remain hostage", "were held as prisoners", "still in captivity"
        if toks[j - 1].low in _CAPTIVE_BEFORE:
            return "captured", f"{toks[j - 1].low} {w}"
    if w in _COMPLEMENT_CAPTIVE and j > 2:
        # "had taken six policemen captive", "holding 30 villagers hostage": the object of a
        # verb of taking or holding between it and its complement is the captives
        taker = _taker_before_object(toks, j)
        if taker is not None:
            return "captured", f"{taker} N {w}"
    if w == "homes" and j > 1 and toks[j - 1].low in ("their", "his", "her"):
        if toks[j - 2].low in ("from", "left", "fled", "of", "flee", "leave"):
            return "displaced", f"{toks[j - 2].low} their homes"
    if w in ("bodies", "remains", "death", "deaths") and nxt == "of":
        # "the bodies of 6 men", "resulted in the death of 3 passengers"
        return "killed", f"{w} of"
    if w == "lives" and nxt == "of" and j > 1 and _takes_lives(toks, j):
        # "claiming the lives of 7 people", "cost the lives of 12 soldiers": the object of a
        # verb of taking is the people's lives, so they died
        return "killed", f"{toks[j - 2].low} the lives of"
    if w in _SUFFER_VERBS and any(t.low in _INJURY_WORDS for t in toks[j + 1 : j + 4]):
        # "4 officers suffered minor injuries": the subject's own verb says it was hurt
        return "wounded", f"{w} injuries"
    if w == "treated" and nxt == "for" and _passive_before(toks, j):
        if any(t.low in _INJURY_WORDS for t in toks[j + 2 : j + 6]):
            return "wounded", "treated for injuries"  # "2 were treated for injuries"
    if w == "action" and j >= 2 and toks[j - 1].low == "of" and toks[j - 2].low == "out":
        # "has put out of action 312 members of the group": put out of the fight, as
        # `neutralised` (CONVENTIONS.md: casualties unless the text says they died)
        return "casualties", "out of action"
    if w == "handed" and _into_custody(toks, j):
        # "handed 7 suspected bandits over to police": given into someone's custody
        return "captured", "handed over to custody"
    if w == "death" and j > 1 and toks[j - 1].low == "to" and _died(toks, j):
        # "were hacked to death", "beaten to death": the manner is any verb, `to death` says
        # they died (not `sentenced to death`)
        return "killed", f"{toks[j - 2].low} to death"
    if displaced:
        if w == "forced" and nxt in ("from", "out", "to"):
            return "displaced", f"forced {nxt}"
        if w in _DRIVE_VERBS:
            out = _driven_to(toks, j)
            if out is not None:
                return "displaced", f"{w} {out}"
        if w in ("crossed", "crossing", "left") and nxt in ("into", "the", "their"):
            return "displaced", f"{w} {nxt}"
        if w in ("crossed", "crossing") and nxt == "from":
            # "4,600 people have crossed from Myanmar into Mizoram": people who cross from a
            # country have fled it (read only for people: troops crossing from are troops)
            return "displaced", f"{w} from"
        if w == "crossed" and nxt in _CROSSED_ENDS:
            # "More than 600,000 have crossed since the war began": `crossed` with no object
            # of its own is a crossing of the border the paragraph is about
            return "displaced", "crossed (no object)"
        if w in ("flown", "airlifted", "ferried") and nxt in ("out", "from"):
            # "4,000 foreign nationals were flown out of Port Sudan": people carried out of
            # a war zone were evacuated
            return "displaced", f"{w} {nxt}"
        if w in _SCATTER_VERBS and nxt in _SCATTER_PREPS:
            # "tens of thousands more had scattered into the villages along the river":
            # people scattered into or across places have fled there
            return "displaced", f"{w} {nxt}"
        if w in ("sought", "seeking") and nxt in ("refuge", "shelter", "asylum"):
            return "displaced", f"{w} {nxt}"
        if (
            w in ("sheltering", "sheltered")
            and nxt in ("in", "across")
            and _named_place(toks, j + 2)
        ):
            # "Sudanese sheltering in eastern Chad": people sheltering in another land or
            # region have fled there (not `civilians sheltering in basements`)
            return "displaced", f"{w} {nxt}"
        if w == "back" and nxt in ("in", "home") and j > 0 and toks[j - 1].low in PEOPLE_NOUNS:
            # "1,400 families back in Bahri": a headline's people back in a place returned
            # there (not troops `pulled back since February`)
            return "displaced", f"back {nxt}"
        if w in _MOVE_VERBS and j + 1 < n and _to_a_place(toks[j + 1], nxt):
            if nxt == "from" and _from_detention(toks, j + 2):
                # "5,857 Ukrainians have been returned from Russian captivity": the object of
                # `from` is where captives were held, so they were prisoners given back
                return "captured", f"{w} from {_from_detention(toks, j + 2)}"
            # "40,000 Afghans left Pakistan", "90,000 Sudanese have returned to Wad Madani"
            return "displaced", f"{w} {nxt}"
    if w in EXCHANGE_VERBS:
        window = toks[max(0, j - 30) : j + 30]
        if any(t.low in EXCHANGE_CONTEXT for t in window):
            return "captured", f"{w} (exchange)"
        if _soldiers_given_back(toks, j):
            return "captured", f"{w} (soldiers, passive)"
        if _held_after(toks, j):
            return "captured", f"{w} (held)"
        return None
    if w in _HOMECOMING and nxt == "home":
        # "270 Ukrainian servicemen and 120 civilians had come home": in a report of an
        # exchange, people who came home were given back from captivity
        window = toks[max(0, j - 30) : j + 30]
        if any(t.low in EXCHANGE_CONTEXT for t in window):
            return "captured", f"{w} home (exchange)"
        return None
    if w in _BECOME_VERBS and nxt in _BECOME_STATUS:
        # "4,000 of the troops had become casualties": the predicate noun says what they are
        cat = _BECOME_STATUS[nxt]
        if cat != "displaced" or displaced:
            return cat, f"{w} {nxt}"
    if w == "trapped" and nxt != "under":
        return None  # besieged fighters, trapped civilians: not missing (under rubble is)
    cat = VERB_CATEGORY.get(w)
    if cat is None:
        return None
    if cat == "displaced" and not displaced:
        return None
    if w in ("dead", "killed", "killing", "killings") and j > 0 and toks[j - 1].low in ("the", "a"):
        return None  # "protesting the killing of a colleague": a noun, no one's verb
    return casualty_pair(toks, j, cat), w


def _held_after(toks: list[Token], j: int) -> bool:
    """`freed 12 soldiers it had held for months`: the people a verb of release at `j`
    frees are captives when a relative clause after them says someone held them (active
    `held`, `was holding`; a passive `had been held` is read by its own rule)."""
    for k in range(j + 2, min(len(toks), j + 12)):
        t = toks[k]
        if t.text in (",", ";", ".", ":"):
            return False
        if t.low in ("held", "holding"):
            return toks[k - 1].low not in ("been", "being", "was", "were", "is", "are")
    return False


# Every word `_verb_at` can read (its first test is on the word itself): a cheap set test
# spares the call for all other words.
_CAPTIVE_WORDS = frozenset("prisoners prisoner hostages hostage captives captivity pows".split())
_CAPTIVE_BEFORE = frozenset("as in taken held remain remained remains still".split())
_LAY_VERBS = frozenset("laid lay laying lays".split())
# the complement of `take X captive`, `hold X hostage`, and the verbs that take it
_COMPLEMENT_CAPTIVE = frozenset("captive hostage prisoner".split())
_TAKE_HOLD = frozenset(
    "taken took take takes taking held hold holds holding kept keep keeps keeping".split()
)


def _taker_before_object(toks: list[Token], j: int) -> str | None:
    """The verb of taking or holding before the object that the complement at `j` follows
    (`taken six policemen captive`): a figure then at most three words of its noun between;
    None when there is none."""
    figure = -1
    for k in range(j - 1, max(-1, j - 6), -1):
        t = toks[k]
        if t.low[:1].isdigit() or t.low in _LIST_NUMBER_WORDS:
            figure = k
        elif figure >= 0 and t.low in _TAKE_HOLD:
            return t.low
        elif figure >= 0 or not t.text.isalpha():
            return None
    return None


_ACCORD_NOUNS = frozenset("accord accords agreement deal pact treaty".split())


def _under_an_accord(toks: list[Token], k: int) -> bool:
    """`under the 2016 peace accord` (or `as part of a deal`) within a few words after `k`:
    the arms are laid down by agreement. Bounded: eight words, `under` within the first three."""
    n = len(toks)
    for u in range(k, min(n, k + 3)):
        w = toks[u].low
        if w == "under" or (w == "part" and u > 0 and toks[u - 1].low == "as"):
            return any(t.low in _ACCORD_NOUNS for t in toks[u + 1 : min(n, u + 6)])
    return False


_ARMS = frozenset("arms weapons their his".split())
_GIVEN_BACK_HEADS = frozenset("servicemen soldiers fighters marines defenders sailors".split())


def _soldiers_given_back(toks: list[Token], j: int) -> bool:
    """`84 Russian servicemen were returned from territory controlled by …`, `12 soldiers
    were freed`: soldiers who are the passive subject of a verb of giving back were
    someone's captives (not `returned to the front`)."""
    if j < 2 or toks[j - 1].low not in ("were", "was", "been"):
        return False
    if j + 1 < len(toks) and toks[j + 1].low == "to":
        return False
    return any(t.low in _GIVEN_BACK_HEADS for t in toks[max(0, j - 4) : j - 1])


_HOMECOMING = frozenset("come came coming comes".split())
# the object of `returned from` that says the people were held (not `camps`: refugees)
_HELD_PLACES = frozenset("captivity custody detention prison prisons jail jails".split())


def _from_detention(toks: list[Token], k: int) -> str | None:
    """The noun of the phrase that starts at `k` after `from`, when it names a place of
    detention (`from Russian captivity`, `from the prison`); at most two words before it."""
    for t in toks[k : k + 3]:
        if t.low in _HELD_PLACES:
            return t.low
        if t.text in (",", ".", ";", ":"):
            return None
    return None


_BECOME_VERBS = frozenset("become became becomes becoming".split())
_BECOME_STATUS = {
    "casualties": "casualties",
    "refugees": "displaced",
    "prisoners": "captured",
    "hostages": "captured",
}
_CAPTURE_NOUNS = frozenset("detention abduction abductions arrest capture kidnapping".split())
_CARRY_VERBS = frozenset("carried carrying carry carries".split())
_SIDE_DETS = frozenset("the its their them his her our us".split())


def _side_object(toks: list[Token], k: int) -> bool:
    """The first object of `cost` at `k` is a side (`the attackers`, `Russia`, `them`) that
    the figure after it follows within three words: not `cost $14 million`, not `cost the
    lives of 40 soldiers` (whose noun says they died)."""
    n = len(toks)
    if k >= n or not toks[k].text[0].isalpha():
        return False
    for i in range(k, min(n, k + 4)):
        t = toks[i]
        if t.low in ("lives", "life", "of"):
            return False
        if t.text[0].isdigit() or t.low in _FIGURE_STARTS:
            return i > k
        if not t.text[0].isalpha() or (i > k and t.low in _SIDE_DETS):
            return False
    return False


_FIGURE_STARTS = frozenset(
    "more over at about around nearly almost some roughly up as between an".split()
)
# verbs of moving people that mean a flight from home when done by force (`forcibly
# transferred`), and the adverbs that say so
_FORCED_MOVES = frozenset("transferred moved removed expelled relocated resettled".split())
_FORCIBLY = frozenset("forcibly forcefully forcedly".split())

_VERB_WORDS = (
    frozenset(VERB_CATEGORY)
    | _FORCED_MOVES
    | _CAPTURE_NOUNS
    | _LAY_VERBS
    | EXCHANGE_VERBS
    | _CARRY_VERBS
    | COST_VERBS
    | _BECOME_VERBS
    | _HOMECOMING
    | frozenset(
        """taken held under lost prisoners prisoner hostages hostage captives captivity captive pows
        homes
        bodies remains lives suffered sustained suffering sustaining treated handed forced
        crossed crossing left sought seeking returned returning arrived placed put refugees
        refugee evacuees
        sheltering sheltered death deaths pushed pushing drove driven driving chased forcing flown
        airlifted ferried leave back buried bury burying scattered dispersed out action
        """.split()
    )
)


def casualty_pair(toks: list[Token], j: int, cat: str) -> str:
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


def near(
    toks: list[Token], first: int, np_end: int, words: frozenset[str], prev_end: int, nxt: int
) -> bool:
    """One of `words` in the clause: up to 6 tokens before the number, or 10 after the phrase
    (not past the neighbouring figures)."""
    lo = max(prev_end + 1, first - 6)
    hi = min(len(toks), nxt, np_end + 10)
    for k in (*range(lo, first), *range(np_end + 1, hi)):
        if toks[k].low in words and not (k > 0 and toks[k - 1].low in _NOUN_DETS):
            return True  # not `after the fighting`: a determiner makes the word a noun
    return False


_NOUN_DETS = frozenset("the a an this that".split())
