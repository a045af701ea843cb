"""Where the counted people or things are, were hit or held, were sent to or fled from.

The first place phrase after the counted noun in the same sentence: a preposition of place
(`in`, `near`, `into`, `along`, `across`, `at`, ...) or a verb that takes a place as object
(`crossed the border`, `held the village`), followed by a noun phrase that names a place
rather than an event or a time. A speaker's own phrase (`the ministry in London`) is skipped:
that is where a statement was made. Bounded to a window of tokens.
"""

from __future__ import annotations

from projections.extraction import gazetteer
from projections.extraction.attribution.words import NUMBER_WORDS
from projections.extraction.lexicon import (
    AID_INCLUDE_VERBS,
    AID_NOUNS,
    FINITE_AUX,
    MONTHS,
    WEEKDAYS,
)
from projections.extraction.tokens import Token, glued

LOC_PREPS = frozenset(
    """in near to into along across at inside outside towards toward through from around
    throughout on over under""".split()
)
PLACE_VERBS = frozenset(
    """crossed cross crossing entered held hold holding occupied defended defending defend
    reached fled flee fleeing left leave leaving""".split()
)
PLACE_NOUNS = frozenset(
    """city cities town towns village villages region regions area areas country countries
    border borders front frontier camps camp base bases sea river sector plant port ports
    infrastructure positions territory territories province provinces district districts
    capital basements basement shelters schools mosques churches airfield airfields island
    coast state states valley
    county park mountains mountain hills forest desert strip corridor lake islands peninsula
    zone governorate regency oblast municipality department prefecture crossing
    checkpoint checkpoints airspace temple temples pagoda pagodas monastery township townships
    shoal reef""".split()
)
_TAKES_PLACE = LOC_PREPS | PLACE_VERBS
_STRIKE_VERBS = frozenset("struck hit shelled bombed pounded".split())
_OTHER_CLAUSE = frozenset("while whereas but".split())
_DETS = frozenset("the a an its their his her this that these those".split())
_NOT_PLACES = frozenset(
    """fighting shelling assault assaults attack attacks offensive strike strikes combat battle
    battles clashes clash skirmishes ambush raid raids war conflict operation operations week
    weeks month months year years day days past morning night evening afternoon end start
    beginning time reporters power action service total order addition response exchange
    readiness talks homes home training statement interview address briefing video post
    report update summit conference meeting invasion hands custody captivity recent first
    last coming following next process way hospital hospitals wake aftermath course front-line
    period region's payroll deal agreement accord ceasefire truce terms plan orders command
    leadership airstrikes airstrike bombardment bombardments bombing bombings shootout
    shootouts gunfight gunfights firefight firefights autumn summer winter spring swap
    swaps weekend weekends incident incidents crackdown crackdowns mission missions previous
    law laws decree decrees drill drills exercise exercises manoeuvres maneuvers hours hour
    minutes space peak height""".split()
)
# a part of a year or a period, when an ordinal picks it out (`in the first quarter`, `the
# second half`); `the old quarter` of a city stays a place
_PERIOD_PARTS = frozenset("quarter half".split())
_ORDINALS = frozenset("first second third fourth final last past latest previous".split())


def _not_a_place(toks: list[Token], e: int) -> bool:
    """The phrase ending at token `e` names an event or a time, not a place: its head is one
    of `_NOT_PLACES`, or a part of a period after an ordinal (`the first quarter`)."""
    w = toks[e].low
    if w in _NOT_PLACES:
        return True
    return w in _PERIOD_PARTS and e > 0 and toks[e - 1].low in _ORDINALS


_NP_END = frozenset(
    """in on at to from by with near into for against since during after before and or but
    that which who when while where as than said says told had have has was were is are
    will would could may might including according up down last next this early late
    overnight yesterday today over between more less""".split()
)


def _named_clause_after_and(toks: list[Token], j: int) -> bool:
    """`Hamas freed three women …, and Israel released 90 prisoners from Ofer prison`: `, and`
    then a name and its own verb (a past form or an auxiliary) open a clause with its own
    subject; its places are its own figures', as after `, while`."""
    if toks[j].low != "and" or j < 1 or toks[j - 1].text != ",":
        return False
    k = j + 1
    n = len(toks)
    if k >= n or not toks[k].text[0].isupper():
        return False
    while k < n and k - j <= 4 and toks[k].text[0].isupper():
        k += 1
    if k >= n:
        return False
    t = toks[k]
    return t.text.islower() and (t.low in FINITE_AUX or (t.low.endswith("ed") and len(t.low) > 4))


def find_location(
    toks: list[Token],
    after: int,
    skip: list[tuple[int, int]],
    limit: int = 24,
    stop_at: int | None = None,
) -> tuple[int, int, str] | None:
    """(first, last, rule) of a place phrase starting after token `after`, or None.

    `stop_at` is the reporting verb of a speaker after the figure (`..., he said in Kyiv`):
    places after it are where the statement was made.
    """
    n = len(toks)
    j = after + 1
    stop = min(n, after + 1 + limit, stop_at if stop_at is not None else n)
    skipped: set[int] = set()
    for s, e in skip:
        if max(s, j) <= min(e, stop):
            skipped.update(range(max(s, j), min(e, stop) + 1))
    event_before = False
    note = ""  # a rule that shaped the search, named after the place's own rule
    while j < stop:
        t = toks[j]
        w = t.low
        if w == ";":
            return None
        if (w in _OTHER_CLAUSE and toks[j - 1].text == ",") or _named_clause_after_and(toks, j):
            # "..., while Israel freed 39 prisoners from its jails": the place of a clause
            # with its own subject is that clause's figures', not this one's; a place after
            # the clause's closing comma is the sentence's again (", while HTS lost 20
            # fighters, in the clashes near Hama")
            while j < stop and toks[j].text != ",":
                j += 1
            if j >= stop:
                return None
            j += 1
            continue
        if j in skipped:
            j += 1
            continue
        if w == "including" or (w == "according" and j + 1 < n and toks[j + 1].low == "to"):
            # "including 40 children,", "according to a security assessment seen by AFP":
            # a source is no place
            while j < stop and toks[j].text != ",":
                j += 1
            j += 1
            continue
        if w in _STRIKE_VERBS and j + 1 < n:
            # "3 people were killed after Russian glide bombs struck a residential district":
            # what an attack's verb hit is where the figure's people were hit, when it is a
            # place by its noun (not `their vehicle hit a mine`)
            np = _place_np(toks, j + 1, w)
            if np is not None and (
                toks[np[1]].low in PLACE_NOUNS
                or (toks[np[1]].text[0].isupper() and not _names_side(toks, np[0], np[1]))
            ):
                e = np[1]
                if e + 2 < n and toks[e + 1].low in ("in", "near", "of"):
                    # "struck a village in Jonglei": keep the inner place
                    inner = _place_np(toks, e + 2, toks[e + 1].low)
                    if inner is not None and not _not_a_place(toks, inner[1]):
                        e = inner[1]
                return np[0], e, f"location:struck-object:{w}"
        takes = w in _TAKES_PLACE or (event_before and w in ("for", "of") and _for_a_place(toks, j))
        takes = takes or (w == "of" and j > 0 and toks[j - 1].low == "out")
        if takes and w == "in" and j > 0 and toks[j - 1].low in _IN_PARTICLE_VERBS:
            # "had handed in their weapons at camps near Mekelle": `in` is the verb's
            # particle, and the place is still to come
            note += "+location:verb-particle"
            j += 1
            continue
        if takes and j + 1 < n:
            np = _place_np(toks, j + 1, w)
            if np is not None:
                s, e = np
                cut = _verb_after_name(toks, s, e)
                if cut > 0:
                    e = cut - 1
                cut_note = "+location:name-then-verb" if cut > 0 else ""
                if _attributive_demonym(toks, s, e):
                    # "killed in Cambodian rocket and artillery fire on border districts": a
                    # demonym before lower-case nouns is an adjective of what hit them, no place
                    j = e + 1
                    note += "+location:past-demonym-adjective"
                    continue
                named = _name_before_event(toks, s, e)
                if named is not None:
                    # "Gunmen kill 9 soldiers in Cotabato ambush": the name of the event's place
                    return s, named, f"location:event-modifier:{w}"
                if _not_a_place(toks, e) or _event_head(toks, s, e):
                    event_before = True
                    j = e + 1
                    continue
                if toks[e].low in _BLASTS and e + 2 < n and toks[e + 1].low in ("at", "near"):
                    # "killed in an explosion at a fuel depot near Stepanakert": the blast is
                    # placed by the phrase after it (alone, `killed in the blast`, it stays)
                    note += "+location:past-blast"
                    j = e + 1
                    continue
                # "a base in the Far East": keep the inner place
                if e + 2 < n and toks[e + 1].low in ("in", "near", "of"):
                    inner = _place_np(toks, e + 2, toks[e + 1].low)
                    if inner is not None and not _not_a_place(toks, inner[1]):
                        e = inner[1]
                if toks[e].text[0].isupper() and e + 1 < n and toks[e + 1].low in _FORCE_HEADS:
                    # "delivered six drones to the Sudanese army": a side's armed force is
                    # who receives or fights, not a place; the search goes on past it
                    j = e + 2
                    note += "+location:past-armed-force"
                    continue
                if w in _FLED and e + 2 < n and toks[e + 1].low in ("to", "into"):
                    # "had fled Sudan into Chad": like `from X into Y`, they are where they went
                    to = _place_np(toks, e + 2, toks[e + 1].low)
                    if to is not None and toks[to[1]].low not in _NOT_PLACES:
                        return to[0], to[1], f"location:fled-into:{toks[e + 1].low}"
                if w == "from" and e + 2 < n and toks[e + 1].low in ("to", "into"):
                    # "moved 3,000 troops from Kidal to Gao", "tried to cross from Afghanistan
                    # into North Waziristan": they are where they went
                    goal = toks[e + 1].low
                    to = _place_np(toks, e + 2, goal)
                    if to is not None and toks[to[1]].low not in _NOT_PLACES:
                        rule = "location:from-to" if goal == "to" else "location:from-into"
                        return to[0], to[1], rule
                if w == "from":
                    sent = _sent_to(toks, e + 1, stop)
                    if sent is not None:
                        return sent
                kind = "verb" if w in PLACE_VERBS else "prep"
                return s, e, f"location:{kind}:{w}{note}{cut_note}"
        # "in the last days of the defence of Avdiivka": an event or time noun read word by
        # word (no place phrase after `in`) opens an `of` phrase as a parsed event does
        event_before = (event_before and w in ("the", "a")) or w in _NOT_PLACES
        j += 1
    return None


# `in exchange for`, `in return for`: the `for` of a trade, whose object is what was given
_TRADE_NOUNS = frozenset("exchange return swap".split())


def _for_a_place(toks: list[Token], j: int) -> bool:
    """The `for` or `of` at `j` after an event noun opens the event's place (`the battle for
    Bakhmut`), not the other side of a trade (`came home in exchange for the same number of
    Russians`) nor the side a participle's fighters serve (`troops killed fighting for
    Russia`: a verb, with no determiner before it)."""
    if toks[j].low != "for" or j < 1:
        return True
    before = toks[j - 1].low
    if before in _TRADE_NOUNS:
        return False
    return not (before.endswith("ing") and (j < 2 or toks[j - 2].low not in _DETS))


_NO_PLACE_KINDS = frozenset({"demonym", "org"})
# verbs whose `in` is a particle (`handed in their weapons`), not a preposition of place
_IN_PARTICLE_VERBS = frozenset("handed hand hands handing turned turn turns turning".split())

_BLASTS = frozenset("explosion explosions blast blasts".split())


_IRREGULAR_PAST = frozenset("sank fell came went ran broke struck took got left fled".split())


def _verb_after_name(toks: list[Token], s: int, e: int) -> int:
    """`refugees from Myanmar capsized off the coast`: a lower-case past form right after a
    name, with a preposition or an article after it, is the name's predicate, not part of the
    place; its index (the phrase ends before it), or -1."""
    for j in range(s + 1, e):
        t = toks[j]
        past = t.low.endswith("ed") or t.low in _IRREGULAR_PAST
        if not (t.text.islower() and past and toks[j - 1].text[0].isupper()):
            continue
        nxt = toks[j + 1].low
        if nxt in LOC_PREPS or nxt in _DETS or nxt == "off":
            return j
    return -1


_FORCE_HEADS = frozenset("army armies military forces troops militia militias navy".split())
_FLED = frozenset("fled flee fleeing left".split())


def _name_before_event(toks: list[Token], s: int, e: int) -> int | None:
    """`in Tillaberi raid`, `on Kherson drone strike`: a headline's bare place name (no
    article) that modifies an event noun names where the event was; the last token of the
    name, or None. Not a side's name (`in Israeli strikes`, `in ELN attack`): acronyms and
    the gazetteer's demonyms and organisations are who struck, not where."""
    if e <= s or toks[e].low not in _NOT_PLACES or not toks[s].text[0].isupper():
        return None
    c = e - 1
    while c > s and e - c <= 2 and toks[c].text.isalpha() and toks[c].text.islower():
        c -= 1
    if not toks[c].text[0].isupper():
        return None
    texts = [t.text for t in toks[s : c + 1]]
    if any(len(w) > 1 and w.isupper() for w in texts):
        return None  # an acronym is a group's (`in ELN attack`, `in RSF shelling`)
    for i in range(len(texts)):
        hit = gazetteer.match_at(texts, i)
        if hit is not None and hit[1] in _NO_PLACE_KINDS:
            return None
    return c


def _event_head(toks: list[Token], s: int, e: int) -> bool:
    """`an attack claimed by Al-Shabaab`, `a deal brokered by the UAE`: a phrase whose first
    noun is an event and that names no place (no capitalised word) is an event followed by
    its participle, no place; the search goes on past it (`location:past-event`)."""
    k = s + 1 if toks[s].low in _DETS else s
    if k >= e or toks[k].low not in _NOT_PLACES or not toks[e].low.endswith("ed"):
        return False
    return not any(t.text[0].isupper() for t in toks[k : e + 1])


def _named_place_before(toks: list[Token], np: tuple[int, int] | None, first: int) -> bool:
    """The phrase `np` after a preposition ends before the figure and opens with a capitalised
    name that is not a side's (`strikes on Khan Younis`, `the battle for Debaltseve`)."""
    return (
        np is not None
        and np[1] < first
        and toks[np[0]].text[0].isupper()
        and not _names_side(toks, np[0], np[1])
    )


def find_location_before(
    toks: list[Token], first: int, skip: list[tuple[int, int]]
) -> tuple[int, int, str] | None:
    """Fallback: the nearest place phrase before the figure (`In the Kherson region, two
    people were killed`), outside speakers' phrases."""
    for j in range(first - 1, max(-1, first - 20), -1):
        w = toks[j].low
        if w == ";" or (w in _CONTRASTS and j > 0 and toks[j - 1].text == ","):
            # "… strikes on nine sites in Pakistan, while Pakistan said 31 civilians had
            # died": a clause of contrast is the figure's own; the place before it is not
            return None
        if w == "where" and j >= 2 and toks[j - 1].text == ",":
            # "headed for Tawila, where more than 180,000 people have arrived": the relative
            # `where` stands for the place named before its comma
            found = _where_antecedent(toks, j - 2)
            return None if found is None else found
        if w == "on" and j > 0 and toks[j - 1].low in _ATTACK_NOUNS:
            # "Israeli strikes on Khan Younis killed 33": where the attack hit, named by name
            np = _place_np(toks, j + 1, w) if j + 1 < first else None
            if _named_place_before(toks, np, first):
                return np[0], np[1], "location:before:attack-on"
            if np is not None and np[1] < first and _named_after_article(toks, np[0], np[1]):
                # "Drone strikes on the Zamzam camp killed 27": a named place with its article
                return np[0], np[1], "location:before:attack-on-named"
            if np is not None and np[1] < first and _ends_in_place_name(toks, np[0], np[1]):
                # "an attack on the centre of Sumy killed 35", "strikes on southern Lebanon
                # killed 492": a phrase of place that ends in a name, not a side's
                return np[0], np[1], "location:before:attack-on-phrase"
            continue
        if w in ("for", "of") and j > 0 and toks[j - 1].low in _BATTLE_NOUNS:
            # "During the battle for Debaltseve, Ukraine said 179 …", "The siege of Sarajevo
            # killed 11,541": the place a battle is fought for, named by name
            np = _place_np(toks, j + 1, w) if j + 1 < first else None
            if _named_place_before(toks, np, first):
                return np[0], np[1], "location:before:battle-for"
            continue
        if w not in _BEFORE_PREPS or any(s <= j <= e for s, e in skip):
            continue
        if w == "around" and not _around_in_subject(toks, j):
            continue
        np = _place_np(toks, j + 1, w) if j + 1 < first else None
        if np is not None and _attributive_demonym(toks, np[0], np[1]):
            continue  # "in Cambodian rocket fire": an adjective, no place
        if (
            np is not None
            and np[1] < first
            and not _not_a_place(toks, np[1])
            and not (
                np[1] + 1 < first
                and toks[np[1] + 1].low == "by"
                and _event_head(toks, np[0], np[1])
            )
        ):
            # not `in a statement carried by its media arm`: an event and the participle of
            # its reduced relative (not `losses in the offensive reached 1,200`: a verb)
            site = _named_site_before(toks, j) if w == "near" else -1
            if site >= 0:
                # "stormed Sednaya prison near Damascus freed thousands": the named site
                # `near` places is where they were; the phrase keeps both
                return site, np[1], "location:before:near+location:named-site-near"
            return np[0], np[1], f"location:before:{w}"
    return None


_CONTRASTS = frozenset("while whereas but".split())
_SITES = frozenset("prison jail hospital airport camp base school market mosque".split())
_RELATIVES = frozenset({"which", "who", "whose"})


def _around_in_subject(toks: list[Token], j: int) -> bool:
    """`Fighting around Masisi has displaced 40,000 people`, `RSF fighters massed around El
    Fasher at roughly 8,000`: `around` places the figure from before it when its phrase
    belongs to the clause's subject or the counted noun, so nothing before it in the sentence
    is another figure (`20 warships around Taiwan …, along with 45 aircraft`: the warships')
    or a relative clause of the speaker's (`the council, which runs shelters around Hodeidah,
    said 3,400 people had fled`)."""
    if j > 0 and toks[j - 1].low in PLACE_NOUNS:
        return False  # `in the camps around Goma`: the preposition before keeps the whole
    for k in range(j):
        t = toks[k]
        if t.low in _RELATIVES or t.low in NUMBER_WORDS:
            return False
        if t.text[0].isdigit() and not (k > 0 and glued(toks[k - 1], t)):
            return False  # a figure, not a designation (`M23`, `Su-34`)
    return True


def _named_site_before(toks: list[Token], near: int) -> int:
    """`Sednaya prison near Damascus`: a site's noun right before `near`, with a name before
    it (one to three capitalised words); the name's first token, or -1."""
    k = near - 1
    if k < 1 or toks[k].low not in _SITES or not toks[k].text.islower():
        return -1
    s = k
    while s > 0 and k - s < 3 and toks[s - 1].text[0].isupper() and toks[s - 1].text.isalpha():
        s -= 1
    return s if s < k else -1


def _where_antecedent(toks: list[Token], e: int) -> tuple[int, int, str] | None:
    """The place phrase that ends at token `e`, with the named place it locates when one
    stands before it (`Tinzaouaten on the Algerian border`); None for anything else."""
    found = _where_place(toks, e)
    if found is None:
        return None
    s = found[0]
    if s >= 2 and toks[s - 1].low in _LOCATING_PREPS and toks[s - 2].text[0].isupper():
        # "near Tinzaouaten on the Algerian border, where ...": the border only locates the
        # town, which is what `where` stands for; the whole phrase is the place
        k = s - 2
        while k > 0 and s - 2 - k < 3 and toks[k - 1].text[0].isupper():
            k -= 1
        if k > 0 and toks[k - 1].low in LOC_PREPS and not _names_side(toks, k, s - 2):
            return k, found[1], "location:where-antecedent:located-place"
    return found[0], found[1], "location:where-antecedent"


_LOCATING_PREPS = frozenset("on in near along".split())


def _where_place(toks: list[Token], e: int) -> tuple[int, int] | None:
    """The place phrase that ends at token `e`: a name (`Tawila`, `North Darfur`), or a noun
    of place with its article (`the camp`); None for anything else (`the meeting, where`)."""
    if toks[e].text[0].isupper():
        s = e
        while (
            s > 0
            and e - s < 4
            and (toks[s - 1].text[0].isupper() or toks[s - 1].low in ("'s", "’s"))
        ):
            s -= 1
        return s, e
    if toks[e].low in PLACE_NOUNS:
        for s in range(e - 1, max(-1, e - 4), -1):
            if toks[s].low in _DETS:
                return s, e
            if not toks[s].text[0].isalpha():
                return None
    return None


def _ends_in_place_name(toks: list[Token], s: int, e: int) -> bool:
    """`the centre of Sumy`, `southern Lebanon`: lower-case words, then a name at the end
    that the gazetteer does not know as a side (`on Hamas`, `on Russian positions`)."""
    if e <= s or not toks[e].text[0].isupper() or toks[e].text.isupper():
        return False
    return not _names_side(toks, s, e)


def _attributive_demonym(toks: list[Token], s: int, e: int) -> bool:
    """The place phrase `s..e` is one demonym (`Cambodian`) and a lower-case noun follows
    it: the demonym modifies that noun (`Cambodian rocket fire`), it names no place."""
    if s != e or e + 1 >= len(toks) or not toks[e + 1].text.isalpha():
        return False
    if not toks[e + 1].text.islower():
        return False
    hit = gazetteer.match_at([toks[s].text], 0)
    return hit is not None and hit[1] == "demonym"


def _names_side(toks: list[Token], s: int, e: int) -> bool:
    """The capitalised name that ends the phrase `s..e` is a side the gazetteer knows (a
    demonym or an organisation: `strikes on Hezbollah`), no place."""
    c = e
    while c > s and toks[c - 1].text[0].isupper():
        c -= 1
    texts = [t.text for t in toks[c : e + 1]]
    for i in range(len(texts)):
        hit = gazetteer.match_at(texts, i)
        if hit is not None and hit[1] in _NO_PLACE_KINDS:
            return True
    return False


def _named_after_article(toks: list[Token], s: int, e: int) -> bool:
    """`the Zamzam camp`, `the Al-Shifa hospital`: an article, a name, and a noun of place."""
    if e < s + 2 or toks[s].low != "the" or not toks[s + 1].text[0].isupper():
        return False
    return toks[e].low in PLACE_NOUNS or toks[e].low in ("hospital", "market", "school", "mosque")


_BEFORE_PREPS = frozenset({"in", "near", "along", "at", "across", "inside", "around"})
_ATTACK_NOUNS = frozenset("strikes strike attack attacks raid raids shelling assault".split())
_BATTLE_NOUNS = frozenset("battle battles siege sieges fight defence defense".split())


def _place_np(toks: list[Token], k: int, prep: str) -> tuple[int, int] | None:
    n = len(toks)
    first = toks[k]
    if first.text[0] in "0123456789" or first.low in MONTHS or first.low in WEEKDAYS:
        return None
    has_det = first.low in _DETS
    if not has_det and not first.text[0].isupper():
        # "eastern Ukraine" and "neighbouring countries" are places, "combat" is not
        bare_place = first.low in PLACE_NOUNS or (
            k + 1 < n and toks[k + 1].low in PLACE_NOUNS and first.text[0].isalpha()
        )
        adjective = first.text[0].isalpha() and first.low not in _NP_END
        adjective = adjective and first.low not in LOC_PREPS and first.low not in PLACE_VERBS
        after = k + 1
        if first.low in _COMPASS and _compass_compound(toks, k):
            after = k + 3  # "north-eastern Syria": the hyphenated bearing is one adjective
        if not (after < n and toks[after].text[0].isupper() and adjective):
            if not bare_place:
                return None

    e = k
    j = k + 1 if has_det else k
    glue = 0  # the parts of a hyphenated word count as one word (`a school-turned-shelter`)
    while j < n and j - k - glue < 7:
        t = toks[j]
        if t.text == "-" and j > k and glued(toks[j - 1], t):
            j += 1
            glue += 2
            continue
        if t.low in ("'s", "’s"):
            j += 1
            continue
        c = t.text[0]
        if not c.isalnum() or t.low in _NP_END or c in "0123456789":  # is_digits(t)
            if j > k and _span_of_time_at(toks, j):
                return None  # "in the final three years of the war": a span of time, no place
            break
        if j > k and t.low in NUMBER_WORDS and t.text.islower():
            if _span_of_time_at(toks, j):
                return None  # "in the past two weeks": a span of time, no place
            break  # "in western Iraq wounded five US service members": a figure ends the place
        if t.low in _FOCUS_ADVERBS and j > k:
            break  # "in the fighting alone": the adverb is no part of the phrase
        if (t.low in MONTHS and t.text[0].isupper()) or t.low in WEEKDAYS:
            break
        if t.low in _DETS and j > k + 1 and toks[j - 1].low in _NOT_PLACES:
            break  # "At its peak the Soviet contingent": an article after a time's head opens
            # the clause's subject
        if t.low == "of" and j > k and toks[j - 1].low in _NOT_PLACES:
            return None  # "at the end of August", "in the autumn of 2017": a time, no place
        if t.low == "of" and j > k and j + 1 < n and _quantity_after(toks[j + 1]):
            return None  # "down from a peak of about 11.5 million", "in the space of two weeks"
        e = j
        j += 1
    if e == k and has_det:
        return None
    return k, _name_tail_cut(toks, k, e)


# adverbs that close a noun phrase they focus (`in the fighting alone`)
_FOCUS_ADVERBS = frozenset("alone only".split())
_TIME_UNITS = frozenset("years months weeks days hours decades".split())


def _span_of_time_at(toks: list[Token], j: int) -> bool:
    """A count of time units at `j` right after a lower-case word of the phrase (`the final
    three years`, `the past 24 hours`): the phrase is a span of time."""
    return (
        j + 1 < len(toks)
        and toks[j - 1].text.islower()
        and (toks[j].low[:1].isdigit() or toks[j].low in NUMBER_WORDS)
        and toks[j + 1].low in _TIME_UNITS
    )


_QUANTITY_OPENERS = frozenset("about around some nearly almost roughly over more".split())


def _quantity_after(t: Token) -> bool:
    """A number, a number word or an approximator after `of`: the noun before counts or
    measures (`a peak of`, `the space of`, `a total of`), and names no place."""
    return t.text[0].isdigit() or t.low in NUMBER_WORDS or t.low in _QUANTITY_OPENERS


_COMPASS = frozenset("north south east west".split())
_COMPASS_TAILS = frozenset(
    "east west eastern western north south northern southern central".split()
)


def _compass_compound(toks: list[Token], k: int) -> bool:
    """`north-eastern`, `south-west`: a bearing, a glued hyphen and a second bearing."""
    if k + 2 >= len(toks) or toks[k + 1].text != "-" or not glued(toks[k], toks[k + 1]):
        return False
    return toks[k + 2].low in _COMPASS_TAILS and glued(toks[k + 1], toks[k + 2])


# nouns of a place inside a named one, kept after a possessive name (`Goma's general
# hospital`); not places by themselves (`taken to hospital`)
_POSSESSED_PLACES = frozenset(
    "square hospital market airport stadium morgue cemetery outskirts suburbs".split()
)


def _name_tail_cut(toks: list[Token], k: int, e: int) -> int:
    """`Officials in Goma concede`, `the Galwan valley left 20 dead`: a phrase that names a
    place ends at its name or at a noun of place after it; lower-case words after those are
    the clause's verb. An event noun at the end is kept (`the Houthi offensive`), so that
    the caller knows the phrase names no place."""
    if toks[e].text[0].isupper() or toks[e].low in _NOT_PLACES or toks[e].low in PLACE_NOUNS:
        return e
    if toks[e].low in _POSSESSED_PLACES and any(t.low in ("'s", "’s") for t in toks[k:e]):
        return e  # "Bunia's main square", "Goma's general hospital": a place of the name
    last = -1
    for i in range(k, e):
        t = toks[i]
        if t.text[0].isupper() or (last >= 0 and t.low in PLACE_NOUNS):
            last = i
    return last if last >= 0 else e


_CAUSE_PREPS = frozenset("over".split())
_CAUSE_NOUNS = frozenset(
    """killing killings death deaths murder murders massacre massacres abduction abductions
    kidnapping kidnappings attack attacks assassination assassinations shooting shootings
    bombing bombings disappearance disappearances""".split()
)


def cause_phrase(toks: list[Token], after: int, limit: int = 24) -> tuple[int, int] | None:
    """`arrested 11 suspects over the killing of nine people at a pool hall`: `over` before
    a noun of a violent act gives the cause of the clause's act, not its place; the phrase,
    to the next comma, names where that act was. The token span (from `over` to the phrase's
    end), or None."""
    n = len(toks)
    stop = min(n, after + 1 + limit)
    for j in range(after + 1, stop):
        w = toks[j].low
        if w in (",", ";", "."):
            return None
        if w not in _CAUSE_PREPS or j + 1 >= n:
            continue
        k = j + 1 if toks[j + 1].low not in _DETS else j + 2
        if k < n and toks[k].low not in _CAUSE_NOUNS and k + 1 < n:
            k += 1  # "over the recent killing"
        if k >= n or toks[k].low not in _CAUSE_NOUNS:
            return None
        e = k
        while e + 1 < n and toks[e + 1].text not in (",", ";", ".", ":"):
            e += 1
        return j, e
    return None


def aid_recipient(toks: list[Token], i: int) -> tuple[int, int, str] | None:
    """`a new package for Kyiv that includes 12 Bradleys`: the figure in a relative clause
    (`that includes`) of an aid noun is sent where the aid goes, the place of `for` or `to`
    right after the noun (a name: `for Kyiv`, `to Ukraine`). (first, last, rule) or None."""
    if (
        i < 3
        or toks[i - 1].low not in AID_INCLUDE_VERBS
        or toks[i - 2].low not in ("that", "which")
    ):
        return None
    for a in range(i - 3, max(-1, i - 12), -1):
        w = toks[a].low
        if w in (",", ";", ":"):
            return None
        if w in ("for", "to") and a > 0 and toks[a - 1].low in AID_NOUNS:
            np = _place_np(toks, a + 1, w)
            if np is not None and np[1] < i - 2 and toks[np[1]].text[0].isupper():
                return np[0], np[1], f"location:aid-recipient:{w}"
            return None
    return None


_SEND_VERBS = frozenset(
    "sent deployed dispatched moved transferred redeployed sending deploying".split()
)


def _sent_to(toks: list[Token], k: int, stop: int) -> tuple[int, int, str] | None:
    """`3,000 more fighters from the region would be sent to the front`: after the origin
    of the counted noun, the clause's own verb of sending, within a few words (auxiliaries),
    and its `to` or `into` phrase say where they go, which is their place."""
    for v in range(k, min(stop, k + 5)):
        t = toks[v]
        if not t.text[0].isalpha():
            return None
        if t.low not in _SEND_VERBS:
            continue
        if v + 2 < len(toks) and toks[v + 1].low in ("to", "into"):
            np = _place_np(toks, v + 2, toks[v + 1].low)
            if np is not None and toks[np[1]].low not in _NOT_PLACES:
                return np[0], np[1], f"location:origin-then-sent:{t.low}"
        return None
    return None


_HOSTING_VERBS = frozenset(
    """hosts host hosted hosting shelters sheltered sheltering received receives receiving
    welcomed admitted""".split()
)
_HOST_ADVERBS = frozenset("now has have had already also currently still".split())


def host_country(toks: list[Token], first: int) -> tuple[int, int] | None:
    """`Chad now hosts more than 1.2 million Sudanese refugees`, `Egypt has received 1.5
    million Sudanese`, `Uganda has taken in 80,000`: the figure (its qualifier at `first`) is
    the object of a verb of hosting whose subject, past an auxiliary or adverb, is a country
    by name; the people are in that country. The subject's token span, or None."""
    k = first - 1
    if k >= 1 and toks[k].low == "in" and toks[k - 1].low in ("taken", "took", "take"):
        k -= 1
    elif k < 0 or toks[k].low not in _HOSTING_VERBS:
        return None
    k -= 1
    while k >= 0 and first - k <= 5 and toks[k].low in _HOST_ADVERBS:
        k -= 1
    if k < 0 or not toks[k].text[0].isupper():
        return None
    for s in (k - 1, k):  # a country of one word or two (`South Sudan`)
        if s < 0:
            continue
        hit = gazetteer.match_at([t.text for t in toks[s : k + 1]], 0)
        if hit is not None and hit[1] == "country" and hit[2] == k + 1 - s:
            return s, k
    return None
