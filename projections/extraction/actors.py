"""Whose troops, dead or weapons a figure counts: the actor, normalised by the gazetteer.

In order: a demonym, name or possessive inside the counted phrase (`North Korean troops`,
`Russia's losses`), `from X` after it (`11,000 from North Korea`), then the subject of a verb of
having, sending or losing that governs the number (`Moscow is believed to have deployed
50,000 troops`, `Russia has suffered 450,000 casualties`; `it` there stands for the speaker).
Places after `in`, `to`, `near`... are never actors: people are only placed there.
"""

from __future__ import annotations

from collections.abc import Callable

from projections.extraction import gazetteer
from projections.extraction.lexicon import (
    AID_INCLUDE_VERBS,
    AID_NOUNS,
    EQUIPMENT_NOUNS,
    SINGULAR_UNITS,
    TROOP_NOUNS,
)
from projections.extraction.tokens import Token, glued

OWN_VERBS = frozenset(
    """has have had deployed deploy deploying deploys sent send sending sends lost loses losing
    lose suffered suffer suffers suffering mobilised mobilized mobilise mobilize mobilising
    mobilizing moved move moving stationed station amassed massed fielded fields field
    maintains maintain keeps keep kept placed place places committed commit recruited recruit
    recruiting drafted dispatched dispatch transferred launched launch launches launching
    fired fire fires firing supplied supply supplies delivered deliver provided provide
    pledged pledge gave give given donated donate shipped ship called numbers number equipped
    armed built build builds building produced produce produces producing manufactured
    rotated rotate withdrew withdraw pulled massing gathered make makes made add adds adding
    added dropped drop drops dropping promised promise promises retained retains retain puts
    call calls calling scrambled scramble scrambles flew fly flies contribute contributes
    contributed contributing numbered""".split()
) | frozenset(
    # verbs of holding an arsenal or a force (`Hezbollah now holds some 25,000 rockets`);
    # a captor's `holds` does not make captives its own (`stages.actor._held_captives`)
    "holds hold possesses possess possessed owns own operates operate".split()
)
HOLD_VERBS = frozenset("holds hold held holding possesses possess possessed owns own".split())
_AUX = frozenset(
    """is are was were has have had will would could may might can should must be been being
    to also already now still reportedly allegedly believed thought said expected planning
    plans plan planned set likely estimated not only so far reported understood known
    continues continue continued up has since recently reportedly further additional
    another more wants want wanted aims aim hopes hope seeks seek intends intend need needs
    needed""".split()
)
_PREPS = frozenset(
    """in at near from to into of by with for against on across toward towards over inside
    outside around within through along behind beyond""".split()
)
_SPEECH = frozenset("said says told confirmed claimed announced reported stated added".split())
OWNED_NOUNS = frozenset(
    "losses casualties army forces military troops dead death toll navy fleet count total "
    "tally number arsenal stockpile stocks deployment ranks strength contingent garrison "
    "presence".split()
)
HOSTILE_VERBS = frozenset(
    """destroyed destroy destroys destroying downed down shot killed kill kills killing
    captured capture seized seize hit struck intercepted intercept eliminated wounded took
    neutralised neutralized repelled executed massacred beheaded""".split()
) | frozenset(
    # a captor's or rescuer's verb: captives take their own side, not the side that holds,
    # takes or frees them (`Colombian troops freed 28 soldiers`, `its forces detained 40`)
    """detained detain detains arrested arrest arrests abducted kidnapped imprisoned freed
    rescued released holding holds held""".split()
)
_BACKED = frozenset("backed led allied supported trained aligned sponsored funded".split())
_OWNERS = frozenset({"'s", "’s", "its", "their", "'", "’"})


def _plural_possessive(toks: list[Token], p: int) -> bool:
    """The apostrophe at `p` closes a plural possessive (`the Houthis' arsenal`): glued to a
    word ending in `s`, with a word after it."""
    return (
        p >= 1
        and p + 1 < len(toks)
        and toks[p - 1].end == toks[p].start
        and toks[p - 1].text.endswith("s")
        and toks[p + 1].text[0].isalpha()
    )


_PRE_MODIFIERS = frozenset("another more additional further extra only just".split())
# quote marks around a quoted figure phrase (`fired 'dozens of rockets' at …`)
_OPENING_QUOTES = frozenset("' ‘ \" “".split())
_CLOSING_QUOTES = frozenset("' ’ \" ”".split())
# a body of troops whose size `a force of N` gives
_BODY_NOUNS = (
    frozenset("force contingent detachment column army garrison".split()) | SINGULAR_UNITS
)  # `sent a brigade of 2,000 soldiers` too


def _strong_after(toks: list[Token], first: int) -> bool:
    """`1,200-strong` (or `1,200 strong`): the figure measures the noun after it."""
    return any(toks[k].low == "strong" for k in range(first + 1, min(len(toks), first + 4)))


# `drones launched by Russia`, `vehicles abandoned by Congolese troops`: the agent owns them
_BY_VERBS = frozenset(
    "launched fired operated used deployed sent supplied provided made built produced "
    "delivered flown abandoned owned".split()
)
_PLACE_PREPS = frozenset("from at into toward towards on over across to".split())
# verbs of attack whose `with N drones` is the attacker's gear (a passive names the attacked)
_ATTACK_WITH_VERBS = frozenset(
    "attacked attack struck strike striking hit targeted bombarded pounded shelled".split()
)
_WITH_VERBS = frozenset(
    "equipped armed fought fight fighting attacked attack advanced stormed invaded entered".split()
)
_PASSIVE_BE = frozenset("was were been is are being be".split())
_LED_VERBS = frozenset("led commanded headed directed".split())
# past participles after a counted weapon whose `from` names the seller (`ordered from Italy`)
_BOUGHT_VERBS = frozenset("ordered bought purchased acquired imported".split())
_OWN_ORDER = frozenset("last remaining first".split())
_WITHDRAW_VERBS = frozenset(
    "withdrew withdraw withdrawn withdrawing pulled pull evacuated removed redeployed".split()
)
_OWN_FORCES = frozenset("forces troops units fighters army military".split())
_GROUP_WORDS = frozenset("group militia movement organisation organization".split())
_FIGHT_VERBS = frozenset("fighting fight fought fights serving serve served".split())
_SUPPLY_VERBS = frozenset(
    "supplied supply supplies delivered deliver provided provide pledged pledge gave give "
    "given donated donate shipped ship sent send sending promised promise promises".split()
)


_WHERE = frozenset("in at near".split())
_PLACE_KINDS = frozenset({"capital", "country"})


def entity_at(texts: list[str], i: int) -> tuple[str, str, int, str] | None:
    """Gazetteer match at token `i` (case-sensitive)."""
    return gazetteer.match_at(texts, i)


def np_actor(toks: list[Token], texts: list[str], start: int, end: int) -> tuple[str, str] | None:
    """Actor named inside the counted phrase `start..end`: (actor, rule)."""
    j = start
    first_words = gazetteer.FIRST_WORDS
    while j <= end:
        hit = entity_at(texts, j) if texts[j] in first_words else None
        if hit:
            actor, kind, k, surface = hit
            if j > start and toks[j - 1].low in _PREPS:
                j += k
                continue
            if j == start > 0 and toks[j - 1].low in _WHERE and kind in _PLACE_KINDS:
                j += k  # "a car bomb in Mogadishu killed at least 7": where, not whose
                continue
            after = j + k
            if after + 1 < len(toks) and toks[after].text == "-" and toks[after + 1].low in _BACKED:
                j = after + 2  # "Turkish-backed militiamen": backed by a side, not of it
                continue
            if after + 1 <= end and toks[after].low in ("'s", "’s"):
                owned = entity_at(texts, after + 1) if texts[after + 1] in first_words else None
                if owned is not None and owned[1] == "org":
                    return owned[0], f"actor:{owned[1]}:{owned[3]}"  # "Yemen's Houthis"
            return actor, f"actor:{kind}:{surface}"
        j += 1
    return None


def member_of(toks: list[Token], texts: list[str], end: int) -> tuple[str, str] | None:
    """`10 members of the Islamic State cell`, `fighters of the Ukrainian army`: people of an
    organisation, or of a side's force, named by `of` after the counted noun."""
    n = len(toks)
    j = end + 1
    if j + 1 >= n or toks[j].low != "of":
        return None
    j += 1
    if toks[j].low == "the" and j + 1 < n:
        j += 1
    rule = "actor:member-of:"
    if texts[j] not in gazetteer.FIRST_WORDS and j + 1 < n and toks[j].text.isalpha():
        if toks[j].text.islower() and texts[j + 1] in gazetteer.FIRST_WORDS:
            # "312 members of the extremist Fano group": one epithet before the name
            j += 1
            rule = "actor:member-of-epithet:"
    hit = entity_at(texts, j) if texts[j] in gazetteer.FIRST_WORDS else None
    if hit is None or hit[1] not in ("org", "demonym"):
        return None
    return hit[0], rule + hit[3]


def junta_actor(
    toks: list[Token], texts: list[str], start: int, end: int
) -> tuple[str, str] | None:
    """`300 junta soldiers`: a junta is a state's, and the state is the one junta state the
    sentence names, by itself or by a group that fights it (`gazetteer.JUNTA_OF`)."""
    if not any(toks[k].low == "junta" for k in range(start, end + 1)):
        return None
    found: tuple[str, str] | None = None
    first_words = gazetteer.FIRST_WORDS
    for i, w in enumerate(texts):
        hit = entity_at(texts, i) if w in first_words else None
        state = None if hit is None else gazetteer.JUNTA_OF.get(hit[0])
        if state is None:
            continue
        if found is not None and found[0] != state:
            return None  # two juntas' states: the sentence does not say which
        found = found or (state, f"actor:junta-state:{hit[3]}")  # type: ignore[index]
    if found is None:
        foe = _unlisted_junta_foe(texts)
        if foe is not None:
            return foe
    return found


# Myanmar's resistance, which the gazetteer does not list as a side (the gold sets have no
# actor name for it): `PDF`, `People's Defence Force(s)`, `NUG`. A `junta` in a sentence that
# names them is Myanmar's.
_MYANMAR_FOE_WORDS = frozenset({"PDF", "PDFs", "NUG"})


def _unlisted_junta_foe(texts: list[str]) -> tuple[str, str] | None:
    """The junta state of a sentence that names Myanmar's resistance by a name the gazetteer
    leaves out (`The People's Defence Force in Sagaing said it killed 25 junta soldiers`)."""
    for i, w in enumerate(texts):
        if w in _MYANMAR_FOE_WORDS:
            return "Myanmar", f"actor:junta-state-foe:{w}"
        if w == "People" and texts[i + 1 : i + 3] in (["'s", "Defence"], ["'s", "Defense"]):
            return "Myanmar", "actor:junta-state-foe:People's Defence Force"
    return None


def group_actor(
    toks: list[Token], texts: list[str], start: int, end: int, para_org: Callable[[], str | None]
) -> tuple[str, str] | None:
    """`20 of the group's fighters`: `the group's` (or the militia's, the movement's) stands
    for the organisation named last before it in the sentence, else in the paragraph
    (`para_org`, asked only then)."""
    for k in range(start, end):
        if toks[k].low in _GROUP_WORDS and toks[k + 1].low in ("'s", "’s"):
            if k == 0 or toks[k - 1].low != "the":
                return None
            for q in range(k - 2, max(-1, k - 30), -1):
                hit = entity_at(texts, q) if texts[q] in gazetteer.FIRST_WORDS else None
                if hit and hit[1] == "org":
                    return hit[0], f"actor:the-group:{hit[3]}"
            org = para_org()
            return None if org is None else (org, f"actor:the-group-before:{org}")
    return None


def fighting_for(
    toks: list[Token], texts: list[str], k: int
) -> tuple[str, str, tuple[int, int]] | None:
    """`500 Cuban recruits are fighting for Russia`: troops fight for the side they serve."""
    n = len(toks)
    if k < n and toks[k].low in ("are", "were", "is", "was", "have", "had", "been"):
        k += 1
    if k < n and toks[k].low == "been":
        k += 1
    if k + 2 < n and toks[k].low.endswith("ed") and toks[k + 1].low == "to":
        k += 2  # "8,000 Cubans have been recruited to fight for Moscow"
    if k + 1 >= n or toks[k].low not in _FIGHT_VERBS or toks[k + 1].low != "for":
        return None
    j = k + 2
    hit = entity_at(texts, j) if j < n and texts[j] in gazetteer.FIRST_WORDS else None
    if hit is None:
        return None
    return hit[0], f"actor:fighting-for:{hit[3]}", (k, j + hit[2] - 1)


_JOIN_VERBS = frozenset("join joined joining joins enlisted enlist".split())
_SERVED_FORCES = frozenset("army military forces ranks legion".split())
_SERVE_REACH = 14


def served_side(
    toks: list[Token], texts: list[str], k: int
) -> tuple[str, str, tuple[int, int]] | None:
    """`two men who were fighting for Russia`, `155 foreigners serving in the Russian army`,
    `20,000 volunteers had signed up for Ukraine's International Legion`, `40,000 foreign
    fighters ... travelled to Syria to join Islamic State`: the side that the verb of
    fighting, serving or joining of the clause going on at `k` names (up to 14 words,
    not past punctuation). `fighting in Ukraine` names a place: after `in` only an
    organisation, a side's possessive or a side's force (`the Russian army`) is served; and
    `fighting with` may name the enemy, so it names no side."""
    n = len(toks)
    if k < n and toks[k].text == ",":
        k += 1  # ", who were fighting for Russia"
    for j in range(k, min(n - 1, k + _SERVE_REACH)):
        t = toks[j]
        if not t.text[0].isalnum() and t.text not in ("-", "'s", "’s"):
            return None  # the clause ends
        low, nxt = t.low, toks[j + 1].low
        if j > 0 and toks[j - 1].low in ("in", "of", "the", "heavy", "fierce"):
            continue  # "killed in fighting in ...": the noun, not the verb
        if low in _FIGHT_VERBS and nxt in ("for", "in"):
            side = _side_named(toks, texts, j + 2, nxt == "in")
        elif low in _JOIN_VERBS:
            side = _side_named(toks, texts, j + 2 if nxt in ("in", "into") else j + 1, True)
        elif low == "signed" and nxt == "up" and j + 2 < n and toks[j + 2].low == "for":
            side = _side_named(toks, texts, j + 3, True)
        else:
            continue
        if side is None:
            return None
        return side[0], f"actor:served:{side[1]}", (j, side[2])
    return None


def _force_named(toks: list[Token], j: int) -> bool:
    """A side's force, maybe after a capitalised or lower-case modifier, at `j`: `army`,
    `International Legion`, `armed forces`."""
    return any(t.low in _SERVED_FORCES for t in toks[j : min(len(toks), j + 3)])


def _side_named(
    toks: list[Token], texts: list[str], j: int, force_only: bool
) -> tuple[str, str, int] | None:
    """The side named at `j` (an article skipped): (actor, surface, last token). With
    `force_only`, a country or capital alone is a place, not a side served."""
    n = len(toks)
    if j < n and toks[j].low == "the":
        j += 1
    hit = entity_at(texts, j) if j < n and texts[j] in gazetteer.FIRST_WORDS else None
    if hit is None:
        return None
    after = j + hit[2]
    if after + 1 < n and toks[after].low in ("'s", "’s"):
        owned = entity_at(texts, after + 1) if texts[after + 1] in gazetteer.FIRST_WORDS else None
        if owned is not None and owned[1] == "org":
            return owned[0], owned[3], after + owned[2]  # "Sudan's Rapid Support Forces"
        if force_only and not _force_named(toks, after + 1):
            return None  # "fighting in Ethiopia's Amhara region": a place
        return hit[0], hit[3], after  # "Ukraine's International Legion"
    if hit[1] == "org":
        return hit[0], hit[3], after - 1
    if hit[1] == "demonym" and after < n and toks[after].low in _SERVED_FORCES:
        return hit[0], hit[3], after  # "the Russian army"
    return None if force_only or hit[1] == "demonym" else (hit[0], hit[3], after - 1)


def from_actor(
    toks: list[Token], texts: list[str], k: int, equipment: bool = False, first: int = -1
) -> tuple[str, str, tuple[int, int]] | None:
    """`11,000 from North Korea`, `drones launched by Russia`: (actor, rule, token span). Not
    `from` after a verb that withdraws (`withdrew its last 1,500 soldiers from Niger`): there
    it names where they were. `first` is the figure's first token."""
    n = len(toks)
    if k + 1 < n and toks[k].text in _CLOSING_QUOTES and toks[k + 1].text[:1].isalpha():
        k += 1  # `'four drones' launched by the Houthis`: the quote closes before the agent
    withdrawn = any(t.low in _WITHDRAW_VERBS for t in toks[max(0, first - 4) : max(0, first)])
    if equipment and k + 1 < n and toks[k].low in ("were", "was", "had", "have", "been"):
        k += 2 if toks[k + 1].low == "been" else 1  # "60 drones were supplied ... by Turkey"
    by = k + 1
    if equipment and by < n and toks[k].low in _BY_VERBS and toks[by].low != "by":
        # "rockets fired from Lebanon by Hezbollah": a place phrase may stand before the agent
        if toks[by].low in _PLACE_PREPS:
            by += 1
            while by < min(n, k + 6) and toks[by].text[0].isalnum() and toks[by].low != "by":
                by += 1
    if equipment and by < n and toks[k].low in _BY_VERBS and toks[by].low == "by":
        j = by + 1 if by + 1 < n and toks[by + 1].low != "the" else by + 2
        hit = entity_at(texts, j) if j < n else None
        if hit:
            return hit[0], f"actor:by:{hit[3]}", (k, j + hit[2] - 1)
    if equipment and k + 2 < n and toks[k].low in _BOUGHT_VERBS and toks[k + 1].low == "from":
        # "24 M-346 jets ordered from Italy": bought weapons take their supplier
        j = k + 2 if toks[k + 2].low != "the" else k + 3
        hit = entity_at(texts, j) if j < n else None
        if hit:
            return hit[0], f"actor:bought-from:{hit[3]}", (k, j + hit[2] - 1)
    if k + 2 < n and toks[k].low in _LED_VERBS and toks[k + 1].low == "by":
        # "some 3,000 fighters led by the RSF": led by a side, they are its
        j = k + 2 if toks[k + 2].low != "the" else k + 3
        hit = entity_at(texts, j) if j < n else None
        if hit:
            return hit[0], f"actor:led-by:{hit[3]}", (k, j + hit[2] - 1)
    if k + 2 < n and toks[k].low == "belonging" and toks[k + 1].low == "to":
        # "two Mi-17 helicopters belonging to the Myanmar air force"
        j = k + 2 if toks[k + 2].low != "the" else k + 3
        hit = entity_at(texts, j) if j < n else None
        if hit:
            return hit[0], f"actor:belonging-to:{hit[3]}", (k, j + hit[2] - 1)
    if k < n and toks[k].low == "from" and k + 1 < n and not withdrawn:
        j = k + 1 if toks[k + 1].low != "the" else k + 2
        hit = entity_at(texts, j) if j < n else None
        if hit is None and j + 3 < n and toks[j + 1].text == "-" and toks[j + 2].low in _BACKED:
            # "30 fighters from the Kurdish-led Syrian Democratic Forces": an epithet of no
            # side's name before an organisation's
            group = entity_at(texts, j + 3)
            if group is not None and group[1] == "org":
                return group[0], f"actor:from-qualified:{group[3]}", (k, j + 2 + group[2])
        if hit:
            after = j + hit[2]
            if after + 1 < n and toks[after].text == "-" and toks[after + 1].low in _BACKED:
                # "from Saudi-backed government troops": backed by a side, not its; but
                # "fighters from the Kurdish-led Syrian Democratic Forces" are the group's
                # that the epithet qualifies, when an organisation's name follows it
                group = entity_at(texts, after + 2) if after + 2 < n else None
                if group is None or group[1] != "org":
                    return None
                return group[0], f"actor:from-qualified:{group[3]}", (k, after + 1 + group[2])
            return hit[0], f"actor:from:{hit[3]}", (k, j + hit[2] - 1)
        if j + 1 < n and toks[j].low == "junta" and toks[j + 1].low in ("'s", "’s", "forces"):
            # "captured 5 artillery guns from the junta's 77th Division": the junta's state
            found = junta_actor(toks, texts, j, j)
            if found is not None:
                return found[0], f"actor:from-junta:{found[1].split(':')[-1]}", (k, j)
    return None


def relative_actor(
    toks: list[Token], texts: list[str], k: int
) -> tuple[str, str, tuple[int, int]] | None:
    """`the 71 drones Russia launched`, `missiles Iran fired at Israel`: a side named right
    after the counted phrase as the subject of a verb that launches, sends or loses them."""
    n = len(toks)
    if k < n and toks[k].low in ("that", "which"):
        k += 1
    if k + 1 < n and toks[k].low == "the":
        k += 1  # "the 300 soldiers the Kremlin had sent"
    if k >= n or texts[k] not in gazetteer.FIRST_WORDS:
        return None
    hit = entity_at(texts, k)
    if hit is None:
        return None
    v = k + hit[2]
    while v < n and toks[v].low in ("had", "has", "have", "also", "reportedly"):
        v += 1
    if v < n and toks[v].low in OWN_VERBS and toks[v].low not in _SPEECH:
        return hit[0], f"actor:relative-subject:{hit[3]}", (k, k + hit[2] - 1)
    if v > k + hit[2] and toks[v - 1].low in ("had", "has", "have") and _ends_verb_phrase(toks, v):
        # "the 4,000 fighters Hamas had in Rafah": `had` is the relative clause's own verb
        return hit[0], f"actor:relative-subject:{hit[3]}", (k, k + hit[2] - 1)
    return None


def _ends_verb_phrase(toks: list[Token], v: int) -> bool:
    """No participle follows the `had` before `v` (`Hamas had in Rafah`, `Hamas had,`), so
    `had` is a main verb of having, not an auxiliary (`Hamas had lost`)."""
    return v >= len(toks) or not toks[v].text[0].isalpha() or toks[v].low in _PREPS


_BRINGING = frozenset("brought bring brings bringing".split())


def _weapons_after(toks: list[Token], first: int) -> bool:
    """A noun of weapons within the few words after the figure at `first` (`18 Leopard 2
    tanks`): what is handed over is gear, not captives."""
    for t in toks[first + 1 : first + 6]:
        if t.low in EQUIPMENT_NOUNS:
            return True
        if t.text in (",", ";", ".", ":"):
            return False
    return False


def coordinated_verb(toks: list[Token], first: int) -> bool:
    """`has delivered 18 tanks and pledged another 100`: the verb before the figure is
    joined by `and` to a verb before it, and shares its subject."""
    j = _before_own_verb(toks, first)
    if j is None:
        return False
    while j >= 0 and toks[j].low in ("has", "have", "had", "also", "then", "later"):
        j -= 1
    return j >= 0 and toks[j].low in ("and", ",")


def subject_actor(
    toks: list[Token], texts: list[str], first: int, speaker: tuple[int, int] | None
) -> tuple[str, str] | None:
    """Subject of a having/sending/losing verb just before the figure. `it` or `they` there
    stands for the actor named in the `speaker` phrase, if any (`the ministry said it had
    lost 300 tanks`)."""
    j = first - 1
    if j >= 1 and toks[j].text in _OPENING_QUOTES:
        j -= 1  # `had fired 'dozens of rockets'`: a quoted object is the verb's object still
    if j >= 0 and toks[j].low in _PRE_MODIFIERS:
        j -= 1  # "deliver another 10 tanks"
        if j >= 0 and toks[j].low in ("a", "an"):
            j -= 1  # "send a further 14 tanks"
    if j >= 2 and toks[j].low == "of" and toks[j - 1].low in _BODY_NOUNS:
        if toks[j - 2].low in ("a", "an"):
            j -= 3  # "Burundi has moved a force of some 2,000 soldiers": the force is the object
    elif j >= 0 and toks[j].low in ("a", "an") and _strong_after(toks, first):
        j -= 1  # "Chad has sent a 1,200-strong contingent"
    if j >= 1 and toks[j].low in _OWN_ORDER and toks[j - 1].low in ("its", "their"):
        j -= 1  # "France withdrew its last 1,500 soldiers"
    if (
        j >= 4
        and toks[j].low == "the"
        and toks[j - 1].low == "of"
        and toks[j - 2].low in _OWN_ORDER
        and toks[j - 3].low == "the"
    ):
        j -= 4  # "it had delivered the last of the 24 F-16 jets": the verb's object is a part
    home = j >= 1 and toks[j].low == "home" and toks[j - 1].low in _BRINGING
    if home:
        j -= 1  # "Ukraine brought home 84 soldiers": a side brings its own people home
    handed = j >= 1 and toks[j].low == "over" and toks[j - 1].low == "handed"
    if handed and _weapons_after(toks, first):
        j -= 1  # "Germany has handed over 18 Leopard 2 tanks": handing weapons over supplies
    if j >= 0 and toks[j].low in ("its", "their"):
        j -= 1  # the verb stands before the possessive
    if j >= 0 and toks[j].low == "including":
        # "pledged $2.5 billion in aid, including 30 vehicles": the supply verb of the clause
        for v in range(j - 1, max(-1, j - 16), -1):
            if toks[v].low in _SUPPLY_VERBS:
                j = v
                break
    aid = False
    if j >= 2 and toks[j].low in AID_INCLUDE_VERBS and toks[j - 1].low in ("that", "which"):
        # "The Pentagon announced a new package for Kyiv that includes 12 Bradleys": the
        # relative clause is of the aid the verb before it gives or announces
        v = aid_verb(toks, j - 2)
        if v >= 0:
            j, aid = v, True
    if j >= 0 and toks[j].low == "up":
        j -= 1
    grown = j >= 1 and toks[j].low == "to" and toks[j - 1].low in _GROW_VERBS
    grown = grown or (j >= 1 and toks[j].low == "at" and toks[j - 1].low in _PEAK_VERBS)
    if grown:
        j -= 1  # "FARC dissident factions ... have grown to some 3,500 armed members"
    if j > 0 and texts[j][0].isupper():
        # "Washington has sent Kyiv 31 Abrams tanks": past the recipient to the supply verb
        for p in range(j, max(0, j - 3), -1):
            hit = entity_at(texts, p) if texts[p] in gazetteer.FIRST_WORDS else None
            if hit and p + hit[2] - 1 == j and toks[p - 1].low in _SUPPLY_VERBS:
                j = p - 1
                break
    instrument = False  # `struck Odesa with 15 drones`: only with `with`, not `struck 15 tanks`
    if j >= 0 and toks[j].low == "with":  # "provided Ukraine with 2 million shells"
        for v in range(j - 1, max(-1, j - 5), -1):
            low = toks[v].low
            if low in _SUPPLY_VERBS or low in _WITH_VERBS or low in _ATTACK_WITH_VERBS:
                j = v  # "the movement had fought with 50,000 men": the subject's own
                instrument = low in _ATTACK_WITH_VERBS
                break
        else:
            # "Russia has supplied the junta in Bamako with 12 helicopters": a longer
            # recipient phrase, with no punctuation in it, between the supply verb and `with`
            for v in range(j - 5, max(-1, j - 9), -1):
                if not toks[v].text[0].isalnum():
                    break
                if toks[v].low in _SUPPLY_VERBS or toks[v].low in _ATTACK_WITH_VERBS:
                    j = v  # "struck the bulk carrier True Confidence with two missiles"
                    instrument = toks[v].low in _ATTACK_WITH_VERBS
                    break
    supplied = toks[j].low == "handed" and j + 1 < len(toks) and toks[j + 1].low == "over"
    if j < 0 or (
        toks[j].low not in OWN_VERBS
        and toks[j].low not in _WITH_VERBS
        and not instrument
        and not grown
        and not aid
        and not supplied
        and not home
    ):
        return None
    verb = "supplied" if supplied else toks[j].low
    if verb in _ATTACK_WITH_VERBS and j >= 1 and toks[j - 1].low in _PASSIVE_BE:
        return None  # "Kyiv was attacked with 15 drones": the subject is the attacked
    j -= 1
    steps = 0
    while j >= 0 and toks[j].low in _AUX and steps < 7:
        j -= 1
        steps += 1
    if j < 0:
        return None
    if toks[j].low in ("which", "who") and j >= 2 and toks[j - 1].text == ",":
        # "the Africa Corps, which now has 2,500 men": the relative pronoun's antecedent
        return relative_antecedent(toks, texts, j)
    if toks[j].low in _SAYS and j >= 2:
        # "Al-Shabaab, which the UN says fields 7,000 fighters": the speech verb is an aside
        # inside the relative clause; `which` is the subject of `fields`
        rel = _relative_before_aside(toks, j)
        if rel >= 0:
            return relative_antecedent(toks, texts, rel)
    if toks[j].text == ",":
        # "Kenyan police, who lead the mission in Haiti, make up about 400": a clause set off
        # by commas between the subject and its verb; the subject stands before it
        opening = _aside_opening(toks, j)
        if opening < 1:
            return None
        if toks[opening + 1].low == "known":
            # "The al-Qaeda-linked group, known by its French acronym GSIM, lost about 60
            # fighters": the name the aside gives is the subject's
            for p in range(opening + 2, j):
                hit = entity_at(texts, p) if texts[p] in gazetteer.FIRST_WORDS else None
                if hit is not None and hit[1] != "demonym":  # not `its French acronym`
                    return hit[0], f"actor:known-as:{hit[3]}"
        if _possessive_opening(toks, opening + 1, j):
            named = _named_before(texts, opening)
            if named is not None:
                return named[0], f"actor:apposition-possessive:{named[1]}"
        titled = _apposition_names_side(toks, texts, opening)
        if titled is not None:
            return titled
        j = opening - 1
    if speaker is not None and (toks[j].low in ("it", "they") or _owned_forces_np(toks, j)):
        # "The Houthis' military spokesman said their forces had launched 18 missiles": the
        # pronoun, or the forces it owns, stands for the side of the speaker
        named = np_actor(toks, texts, speaker[0], speaker[1])
        if named is not None:
            return named[0], "actor:pronoun-speaker"
    led = _led_by(toks, texts, j)
    if led is not None:
        return led
    s = _subject_start(toks, j)
    if s >= 3 and toks[s - 1].low == "of" and _plain_words(toks, s, j):
        # "Kenyan police officers of the multinational mission lost two colleagues": an `of`
        # phrase that names no one only describes the subject's head, whose side stands
        # before it
        j = s - 2
        s = _subject_start(toks, j)
    placed = False
    js, ss = j, s
    for _ in range(3):
        # "North Korean units in the Kursk region had lost more than 3,000 soldiers",
        # "Russian units near the village of Plekhovo have lost": a phrase of place that
        # names no side only says where the subject is; its side stands before it
        if ss < 3 or toks[ss - 1].low not in _WHERE_OF or _names_a_side(texts, ss, js):
            break
        placed = placed or toks[ss - 1].low in _WHERE_PREPS
        js = ss - 2
        ss = _subject_start(toks, js)
        if placed:
            j, s = js, ss
    found: tuple[str, str] | None = None
    at = j
    found_kind = ""
    for p in range(j, s - 1, -1):
        hit = entity_at(texts, p) if texts[p] in gazetteer.FIRST_WORDS else None
        if hit and p + hit[2] - 1 <= j and (p == 0 or toks[p - 1].low not in _PREPS):
            if found is not None and p + hit[2] > at:
                # "South Sudan's army has sent 2,000 reinforcements": a longer name that
                # covers the one found (`Sudan`) is the name, not a second side
                rule = found[1].rsplit(":", 1)[0] + f":{hit[3]}"
                found, at, found_kind = (hit[0], rule), p, hit[1]
                continue
            if found is not None:
                if found[0] != hit[0] and toks[p + hit[2]].low == "and" and p + hit[2] + 1 == at:
                    return None  # "Armenian and Azerbaijani forces lost": no one side
                if toks[p + hit[2]].low in ("'s", "’s") and found_kind == "demonym":
                    # "Islamic State's Afghan branch fields 4,000 fighters": the possessor
                    # owns the head the demonym only describes
                    return hit[0], f"actor:subject-possessor:{hit[3]}"
                return found
            kind = "supplier" if verb in _SUPPLY_VERBS else "clause-subject"
            kind = "supplier-of-aid" if aid else kind
            kind = f"{kind}-past-place" if placed else kind
            found, at, found_kind = (hit[0], f"actor:{kind}:{hit[3]}"), p, hit[1]
    if found is None and j >= 1 and toks[j].low in _GROUP_WORDS and toks[j - 1].low == "the":
        # "Hezbollah's leader said the movement had fought with 50,000 men": the group
        # named before stands for `the movement`
        for q in range(j - 2, max(-1, j - 30), -1):
            hit = entity_at(texts, q) if texts[q] in gazetteer.FIRST_WORDS else None
            if hit and hit[1] == "org":
                return hit[0], f"actor:clause-subject-group:{hit[3]}"
    return found


_AID_VERBS = _SUPPLY_VERBS | frozenset(
    "announced announces approved approves unveiled unveils authorised authorized".split()
)


def aid_verb(toks: list[Token], j: int) -> int:
    """The verb whose object is the aid noun that ends at or before token `j` (`announced a
    new $400 million package for Kyiv`): the noun up to 10 tokens back, the verb up to 8
    before it, no comma or semicolon between; -1 for none."""
    for a in range(j, max(-1, j - 10), -1):
        w = toks[a].low
        if w in (",", ";", ":"):
            return -1
        if w not in AID_NOUNS:
            continue
        for v in range(a - 1, max(-1, a - 8), -1):
            if toks[v].low in (",", ";", ":"):
                return -1
            if toks[v].low in _AID_VERBS:
                return v
        return -1
    return -1


def _subject_start(toks: list[Token], j: int) -> int:
    """The first token of the subject noun phrase that ends at `j`: up to 4 tokens back, no
    preposition, no punctuation."""
    lo = max(0, j - 4)
    s = j
    while s > lo and toks[s - 1].low not in _PREPS:
        prev = toks[s - 1]
        if prev.low in _SPEECH:
            break
        if prev.text == "-" and s >= 2 and toks[s - 2].end == prev.start:
            if prev.end == toks[s].start and toks[s].text[0].isupper():
                # "Jama'at Nusrat al-Islam wal-Muslimin lost": a hyphen inside a name
                s -= 1
                lo = max(0, lo - 2)
                continue
        if not prev.text[0].isalnum() and not (
            prev.text == "." and s - 2 >= 0 and (toks[s - 2].end == prev.start)
        ):
            break  # punctuation ends the subject, but the dots of "U.S." do not
        s -= 1
    if s > lo and toks[s - 1].low in ("'s", "’s"):
        s = max(0, s - 3)
    return s


_WHERE_PREPS = frozenset("in near inside around".split())
_WHERE_OF = _WHERE_PREPS | {"of"}


def _names_a_side(texts: list[str], lo: int, hi: int) -> bool:
    """Some word from `lo` to `hi` starts a gazetteer name (`in Russia's Kursk region`)."""
    first_words = gazetteer.FIRST_WORDS
    return any(
        texts[p] in first_words and entity_at(texts, p) is not None for p in range(lo, hi + 1)
    )


def _plain_words(toks: list[Token], lo: int, hi: int) -> bool:
    """Only lower-case words from `lo` to `hi` (an `of` phrase that names no side)."""
    return all(t.text.isalpha() and t.text.islower() for t in toks[lo : hi + 1])


# a force that grows to a figure is that figure: `its ranks have swelled to 6,500 fighters`
# (not `rose to`: a toll rises, and the place of the deaths may stand before the verb)
_GROW_VERBS = frozenset("grown grew swelled swollen shrunk shrank".split())
# "NATO's mission peaked at about 130,000 troops": the size the subject's force reached
_PEAK_VERBS = frozenset("peaked peaking peaks".split())
_SAYS = _SPEECH | frozenset("say believe believes estimate estimates".split())
_RELATIVES = frozenset({"who", "which", "whose", "where"})


def relative_antecedent(toks: list[Token], texts: list[str], j: int) -> tuple[str, str] | None:
    """The side named just before the `, which` or `, who` at `j`: what the relative pronoun
    stands for (`the Africa Corps, which now has`, `The Haitian police force, which has`)."""
    for p in range(j - 2, max(-1, j - 6), -1):
        hit = entity_at(texts, p) if texts[p] in gazetteer.FIRST_WORDS else None
        if hit and p + hit[2] == j - 1:
            return hit[0], f"actor:relative-antecedent:{hit[3]}"
        if hit and hit[1] == "demonym" and _force_after(toks, p + hit[2], j - 1):
            # "The Haitian police force, which has about 9,000 officers": a side's force
            return hit[0], f"actor:relative-antecedent:{hit[3]}"
    return None


def _relative_before_aside(toks: list[Token], says: int) -> int:
    """The `which` or `who` (after a comma) that opens the relative clause whose speech aside
    ends at `says` (`, which the UN says`), or -1: at most four words of the speaker between."""
    for k in range(says - 1, max(0, says - 6), -1):
        t = toks[k]
        if t.low in ("which", "who"):
            return k if toks[k - 1].text == "," else -1
        if not t.text[0].isalnum():
            return -1
    return -1


def _aside_opening(toks: list[Token], close: int) -> int:
    """The comma that opens the aside closed by the comma at `close`, when the aside is a
    relative clause (`, who lead the mission in Haiti,`), an apposition that begins with a
    determiner (`, one of three groups,`) or a name (`, MINUSCA,`), or -1. No figure and no
    other punctuation inside: the aside is one clause. An apposition may also open with a
    possessive name (`, Nigeria's oldest jihadist group,`), which names someone else's side:
    the subject is the name before it (`actor:apposition-possessive`)."""
    for k in range(close - 1, max(0, close - 16), -1):
        t = toks[k]
        if t.text == ",":
            first = toks[k + 1].low
            if first in _RELATIVES or first in ("whom", "one", "a", "an", "the", "itself", "known"):
                return k
            if first in _ASIDE_OPENERS or (first.endswith("ed") and toks[k + 2].low == "by"):
                # "Mozambique's government, backed by Rwandan soldiers since ..., has sent":
                # a participle's or a preposition's phrase is an aside too
                return k
            if _name_apposed(toks, k, close):
                return k  # "The UN mission there, MINUSCA, has": the description's name
            return k if _possessive_opening(toks, k + 1, close) else -1
        if t.low in ("'s", "’s"):
            continue
        if t.text == "-" and glued(toks[k - 1], t) and glued(t, toks[k + 1]):
            continue  # ", the second-largest contributor,": a hyphen inside one word
        if not t.text[0].isalnum() or (t.text[0].isdigit() and not _year(t.text)):
            return -1
    return -1


_ASIDE_OPENERS = frozenset("after despite following unlike".split())


def _apposition_names_side(
    toks: list[Token], texts: list[str], opening: int
) -> tuple[str, str] | None:
    """`MINUSCA, the UN mission in the Central African Republic, has some 14,400 military
    personnel`: a subject name no gazetteer knows (a capitalised word before the comma), with
    an apposition `the <side> <body>` after it, is that side's body; a known name decides
    itself (`Hamas, the group that…`), and a body word that modifies a title (`the UN mission
    chief`) names no body."""
    k = opening + 1
    if opening < 1 or k + 2 >= len(toks) or toks[k].low != "the":
        return None
    name = texts[opening - 1]
    if not (name[:1].isupper() and name.isalpha()) or name in gazetteer.FIRST_WORDS:
        return None
    hit = entity_at(texts, k + 1) if texts[k + 1] in gazetteer.FIRST_WORDS else None
    if hit is None:
        return None
    after = k + 1 + hit[2]
    if after + 1 >= len(toks) or toks[after].low not in _BODY_HEADS:
        return None
    if toks[after + 1].low not in _AFTER_BODY_HEAD:
        return None  # `the UN mission chief`: the body word modifies a person's title
    return hit[0], f"actor:apposition-of-subject:{hit[3]}"


# bodies an apposition may name for a side (`the UN mission`, `the AU force`)
_BODY_HEADS = frozenset("mission force forces contingent operation army militia".split())
_AFTER_BODY_HEAD = frozenset(", in of for to that which".split())


def _name_apposed(toks: list[Token], opening: int, close: int) -> bool:
    """`, MINUSCA,` after `The UN mission there`: up to four capitalised words set off by
    commas right after a lower-case word name what the description before them describes
    (not a list of names, `Mali, Niger, Chad`, whose first item is capitalised too)."""
    return (
        0 < close - opening - 1 <= 4
        and opening >= 1
        and toks[opening - 1].text[0].islower()
        and all(t.text[0].isupper() for t in toks[opening + 1 : close])
    )


def _named_before(texts: list[str], comma: int) -> tuple[str, str] | None:
    """The state or organisation whose name ends just before the token `comma`."""
    for p in range(comma - 1, max(-1, comma - 5), -1):
        hit = entity_at(texts, p) if texts[p] in gazetteer.FIRST_WORDS else None
        if hit and p + hit[2] == comma:
            return hit[0], hit[3]
    return None


def _possessive_opening(toks: list[Token], start: int, close: int) -> bool:
    """`Nigeria's oldest jihadist group`: one or two capitalised words, `'s`, then lower-case
    words up to the closing comma (a noun phrase, no verb of its own)."""
    k = start
    while k < min(close, start + 2) and toks[k].text[0].isupper():
        k += 1
    if k == start or k >= close or toks[k].low not in ("'s", "’s"):
        return False
    rest = toks[k + 1 : close]
    return bool(rest) and all(t.text.isalpha() and t.text.islower() for t in rest)


def _year(text: str) -> bool:
    """`2016` in `the 2016 peace deal`: a year, no figure."""
    return len(text) == 4 and text.isdigit() and text[:2] in ("19", "20")


def clause_subject_of_pronoun(
    toks: list[Token], texts: list[str], p: int
) -> tuple[str, str] | None:
    """`Tbilisi put its own military dead at 170`: an `its` or `their` in the object of a
    verb stands for the subject of that verb when the subject is a side named right before
    it. Not after a verb of saying (`Niger said its losses ...`: there `its` opens a clause of
    its own and may stand for anyone)."""
    v = p - 1
    while v > 0 and toks[v].low in ("has", "have", "had", "also", "now", "later"):
        v -= 1
    if v < 1 or toks[v].low in _SPEECH or toks[v].low not in _OBJECT_VERBS:
        return None
    for q in range(v - 1, max(-1, v - 4), -1):
        hit = entity_at(texts, q) if texts[q] in gazetteer.FIRST_WORDS else None
        if hit and q + hit[2] == v:
            return hit[0], hit[3]
        if hit and hit[1] == "demonym" and q + hit[2] == v - 1 and toks[v - 1].low in _SIDE_HEADS:
            if q > 0 and toks[q - 1].low == "ethnic":
                # "ethnic Armenian authorities put their own losses at about 200": an ethnic
                # group's authorities are no state's (CONVENTIONS: ethnic groups have none)
                return None
            return hit[0], hit[3]  # "Russian officials put their own losses at ..."
    return None


# heads of a subject phrase that a demonym makes a side's (`Russian officials`)
_SIDE_HEADS = frozenset(
    """officials authorities commanders generals forces troops military army government
    ministry officers""".split()
)


# verbs whose object a possessive of the subject may own: estimating and giving a count
_OBJECT_VERBS = OWN_VERBS | frozenset(
    "put puts estimated estimates counted counts gave gives revised raised lowered".split()
)
# verbs that link a subject to the figure it amounts to: `Armenian losses ... came to 49`
_LINK_VERBS = frozenset(
    """came come comes stood stand stands amounted amount totalled totaled reached rose
    climbed exceeded numbered were was are is""".split()
)
# verbs whose object lists what the subject's losses were made of (`The junta's losses ...
# included some 1,200 soldiers killed`): the owner of the subject owns the figure, as with a
# linking verb
INCLUDE_VERBS = frozenset("included include includes comprised comprise comprises".split())
# participles whose passive with `at` gives a subject's size (`losses were put at 5,000`)
_PASSIVE_LINKS = frozenset("put estimated reckoned placed".split())
_BE_FORMS = frozenset("is are was were be been being".split())


def _degree_adverb(w: str) -> bool:
    """`usually`, `generally`: an adverb in -ly between an auxiliary and its verb."""
    return len(w) > 4 and w.endswith("ly") and w.isalpha()


def _passive_be(toks: list[Token], j: int) -> bool:
    """A form of `be` stands before the participle at `j`, past at most two adverbs in -ly."""
    for k in range(j - 1, max(-1, j - 4), -1):
        if toks[k].low in _BE_FORMS:
            return True
        if not _degree_adverb(toks[k].low):
            return False
    return False


def pronoun_subject(toks: list[Token], first: int) -> bool:
    """`It now fields some 8,000 fighters`: the clause whose verb of having or sending governs
    the figure has `it` or `they` as its subject, opening the sentence, so the side is the
    one an earlier sentence named."""
    j = _before_own_verb(toks, first)
    if j is None:
        return False
    while j > 0 and toks[j].low in _AUX:
        j -= 1
    if toks[j].low not in ("it", "they"):
        return False
    return j == 0 or _opening_phrase(toks, j)


_OPENING_PREPS = frozenset("at in by during since after before over on until for".split())


def _opening_phrase(toks: list[Token], j: int) -> bool:
    """`At the height of the ground offensive it had some 40,000 troops`: the words before
    the pronoun at `j` are one phrase opened by a preposition at the start of the sentence
    (a comma may close it), with no figure, no name and no other punctuation in it."""
    if j > 10 or toks[0].low not in _OPENING_PREPS:
        return False
    end = j - 1 if toks[j - 1].text == "," else j
    return all(t.text.isalpha() and t.text.islower() for t in toks[1:end])


def speaker_pronoun_subject(toks: list[Token], first: int, speaker_end: int) -> bool:
    """`The group said it had fired three ballistic missiles`: the verb of having or sending
    that governs the figure has `it` or `they` as its subject, right after the speaker's verb
    of saying (and `that`), so the pronoun is the speaker."""
    j = _before_own_verb(toks, first)
    if j is None:
        return False
    while j > speaker_end and toks[j].low in _AUX and toks[j].low not in _SPEECH:
        j -= 1
    if j <= speaker_end + 1 or toks[j].low not in ("it", "they"):
        return False
    k = j - 1
    if toks[k].low == "that":
        k -= 1
    return k == speaker_end + 1 and toks[k].low in _SPEECH


def _before_own_verb(toks: list[Token], first: int) -> int | None:
    """The token before the verb of having or sending that governs the figure at `first`
    (past a pre-modifier such as `some`), or None when no such verb stands there."""
    j = first - 1
    if j >= 0 and toks[j].low in _PRE_MODIFIERS:
        j -= 1
    if j < 1 or toks[j].low not in OWN_VERBS:
        return None
    return j - 1


# verbs that put a figure on their object: `put their own losses ... at 5,500`
_ESTIMATE_VERBS = frozenset(
    "put puts estimated estimates estimate gave gives revised raised lowered brought".split()
)


def estimated_object_owner(
    toks: list[Token], texts: list[str], first: int
) -> tuple[str, str] | None:
    """`Russian officials put their own losses in the first Chechen war at about 5,500`: the
    figure after `at` or `to` measures the object of a verb of estimating, however long that
    object is; an `its` or `their` opening it stands for the verb's subject, an `X's` is X."""
    if first < 3 or toks[first - 1].low not in ("at", "to"):
        return None
    for v in range(first - 2, max(0, first - 16), -1):
        t = toks[v]
        if t.text in (",", ";", ":") or t.low in ("that", "which", "who"):
            return None
        if t.low not in _ESTIMATE_VERBS:
            continue
        o = v + 1
        if toks[o].low in ("its", "their"):
            found = clause_subject_of_pronoun(toks, texts, o)
            return None if found is None else (found[0], f"actor:estimated-object:{found[1]}")
        hit = entity_at(texts, o) if texts[o] in gazetteer.FIRST_WORDS else None
        if hit and o + hit[2] < first and toks[o + hit[2]].low in ("'s", "’s"):
            return hit[0], f"actor:estimated-object:{hit[3]}"
        return None
    return None


_ATTACK_NOUNS = frozenset(
    "ambush ambushes attack attacks raid raids strike strikes assault bombing shelling".split()
)
# what an attack may hit that is a side's own: its soldiers were there
_MILITARY_HEADS = frozenset(
    """convoy convoys camp camps base bases post posts outpost outposts patrol patrols
    position positions unit units garrison garrisons barracks column columns checkpoint
    checkpoints""".split()
)


# after a comma these open a clause of their own, with its own subject and figure
_CONTRAST_OPENERS = frozenset("while whereas".split())


def attacked_side(
    toks: list[Token], texts: list[str], first: int, lo: int
) -> tuple[str, str] | None:
    """`The toll from an ambush on a Nigerien army convoy ... rose to 29 soldiers killed`,
    `the toll from the M23 raid on their camp stood at 11 dead`: the dead of an attack on a
    side's convoy, camp or post are that side's. Read in the figure's clause before it: the
    attack noun, `on`, and a phrase whose head is a military target; the side is the
    demonym or possessive in that phrase, or whom its `its` or `their` stands for."""
    lo = max(lo, first - 24)
    for a in range(first - 2, lo - 1, -1):
        t = toks[a]
        if t.text in (";", ":") or t.low in _SPEECH:
            return None
        if t.low in _CONTRAST_OPENERS and a > 0 and toks[a - 1].text == ",":
            return None  # `…, while the rebels put the toll at fewer than ten`: a new clause
        if t.low != "on" or a < 1 or toks[a - 1].low not in _ATTACK_NOUNS:
            continue
        end = next(
            (h for h in range(a + 1, min(first, a + 7)) if toks[h].low in _MILITARY_HEADS), -1
        )
        if end < 0:
            return None
        for q in range(a + 1, end):
            if toks[q].low in ("its", "their"):
                # not the attacker named in the attack's own phrase (`the M23 raid on their
                # camp`): `their` stands for a side named before that phrase
                got = antecedent(toks, texts, _phrase_start(toks, a - 1), [])
                return None if got is None else (got[0], f"actor:attacked-side:{got[1]}")
            hit = entity_at(texts, q) if texts[q] in gazetteer.FIRST_WORDS else None
            if hit is not None and q + hit[2] <= end:
                return hit[0], f"actor:attacked-side:{hit[3]}"
        return None
    return None


def _phrase_start(toks: list[Token], head: int) -> int:
    """The first token of the noun phrase whose head is at `head` (`the M23 raid`): back over
    its modifiers to the determiner, or to the word after a preposition."""
    k = head
    while k > 0 and head - k < 5:
        w = toks[k - 1].low
        if w in _PREPS or not toks[k - 1].text[0].isalnum():
            return k
        k -= 1
        if w in ("the", "a", "an"):
            return k
    return k


def subject_owner(
    toks: list[Token], texts: list[str], first: int, lo: int
) -> tuple[str, str] | None:
    """`Armenian losses in two days of fighting came to 49 killed`: the figure completes a
    linking verb whose subject is a side's losses (a demonym or a possessive before an owned
    noun at the head of the subject), however long the rest of the subject phrase is."""
    j = first - 1
    rule = "actor:subject-owner:"
    if j >= 1 and toks[j].text == ":":
        # "Russian losses over the past day: 1,210 soldiers, 11 tanks": a briefing's colon
        # stands for the linking verb
        j -= 1
        rule = "actor:colon-owner:"
    elif j >= 1 and toks[j].text == "(":
        # "Russia's losses on Saturday (420 servicemen, three tanks)": the bracket spells
        # out what the losses were, as a colon does
        j -= 1
        rule = "actor:bracket-owner:"
    else:
        at_before = j >= 0 and toks[j].low == "at"
        if j >= 0 and toks[j].low in ("to", "at"):
            j -= 1
        if j >= 1 and toks[j].low in INCLUDE_VERBS:
            rule = "actor:subject-owner-includes:"
        elif j >= 2 and toks[j].low in _PASSIVE_LINKS and at_before and _passive_be(toks, j):
            # "Turkish losses in the campaign are usually put at 250,000": the passive of a
            # verb of reckoning links the subject to the figure as `came to` does
            rule = "actor:subject-owner-put:"
        elif j < 1 or toks[j].low not in _LINK_VERBS:
            return None
        j -= 1
        while j > 0 and (toks[j].low in _AUX or _degree_adverb(toks[j].low)):
            j -= 1
    owner: tuple[str, str] | None = None
    for p in range(j, max(lo, j - 12) - 1, -1):
        t = toks[p]
        if t.text in (",", ";", ":") or t.low in _SPEECH or t.low == "that":
            break
        hit = entity_at(texts, p) if texts[p] in gazetteer.FIRST_WORDS else None
        if hit is None and t.low == "junta" and p + 2 <= j and toks[p + 1].low in ("'s", "’s"):
            # "The junta's losses ... included": the junta's state, as `junta soldiers`
            state = junta_actor(toks, texts, p, p)
            if state is not None and toks[p + 2].low in OWNED_NOUNS:
                owner = state[0], rule + "junta:" + state[1].split(":")[-1]
            continue
        if hit is None:
            continue
        k = p + hit[2]
        if k < len(toks) and toks[k].low in ("'s", "’s"):
            k += 1
        if k <= j and toks[k].low in OWNED_NOUNS and (p == 0 or toks[p - 1].low == "the"):
            owner = hit[0], rule + hit[3]
    return owner


def _owned_forces_np(toks: list[Token], j: int) -> bool:
    """`its forces`, `their own troops`, `its security forces`: a subject whose head (token
    `j`) is a force noun and whose determiner is `its` or `their`, with `own` and at most one
    lowercase modifier between."""
    if j < 1 or toks[j].low not in _OWN_FORCES:
        return False
    k = j - 1
    if toks[k].text.isalpha() and toks[k].text.islower() and toks[k].low not in _AUX:
        if toks[k].low not in ("its", "their", "own") and k >= 1:
            k -= 1  # one modifier: `security`, `armed`, `special`
        if toks[k].low == "own" and k >= 1:
            k -= 1
    return toks[k].low in ("its", "their")


def _force_after(toks: list[Token], k: int, end: int) -> bool:
    """Only lowercase words from `k` to before `end`, the last a force (`police force`)."""
    if k >= end or not all(t.text.isalpha() and t.text.islower() for t in toks[k:end]):
        return False
    return toks[end - 1].low in TROOP_NOUNS or toks[end - 1].low in OWNED_NOUNS


def _led_by(toks: list[Token], texts: list[str], j: int) -> tuple[str, str] | None:
    """`Fighters led by HTS lost 40 trucks`, `a convoy commanded by Wagner Group officers
    lost 14`: a subject that someone leads or commands is that side's. `j` is the subject's
    last token."""
    for b in range(j, max(1, j - 8), -1):
        loyal = toks[b].low == "to" and toks[b - 1].low == "loyal"
        if toks[b].low != "by" and not loyal:
            continue
        if not loyal and toks[b - 1].low not in _LED_VERBS:
            return None
        k = b + 1 if toks[b + 1].low != "the" else b + 2
        hit = entity_at(texts, k) if k <= j and texts[k] in gazetteer.FIRST_WORDS else None
        if hit is None or k + hit[2] - 1 > j:
            return None
        tail = toks[k + hit[2] : j + 1]
        if loyal and tail and tail[0].low in ("'s", "’s") and _government_tail(tail[1:]):
            tail = []  # "Forces loyal to Yemen's recognised government lost 45": the state's
        if any(not t.text[0].isalnum() for t in tail) or (not loyal and b < j - 4):
            return None
        return hit[0], f"actor:{'loyal-to' if loyal else 'led-by'}:{hit[3]}"
    return None


def _government_tail(toks: list[Token]) -> bool:
    """`internationally recognised government`, `government`: lowercase words ending in
    `government` (at most three), the state's own government after its possessive."""
    return (
        0 < len(toks) <= 3
        and toks[-1].low == "government"
        and all(t.text.isalpha() and t.text.islower() for t in toks)
    )


def possessive_actor(
    toks: list[Token],
    texts: list[str],
    first: int,
    skip: list[tuple[int, int]],
    lo: int = 0,
) -> tuple[str, str] | None:
    """`Ukraine's losses in the battle exceed 5,000`, `increase its army to 300,000`: the owner
    of the losses or the army (`its` stands for the nearest state named before it). Not past
    token `lo` (the previous figure), nor past a verb that acts on the other side: in
    `Ukraine's forces destroyed 41 ...` the 41 are not Ukraine's."""
    lo = max(lo, first - 8)
    for p in range(first - 1, lo - 1, -1):
        t = toks[p]
        if t.text in (",", ";", ":") or t.low in _SPEECH or t.low == "that":
            return None
        if t.low in HOSTILE_VERBS:
            return None
        if t.low not in _OWNERS:
            if texts[p] in gazetteer.FIRST_WORDS and p + 1 < first:
                # "Russian losses in the battle — 16,000 dead": a side's losses
                hit = entity_at(texts, p)
                k = p + hit[2] if hit else first
                if hit and hit[1] == "demonym" and k < first and toks[k].low in OWNED_NOUNS:
                    if p >= 2 and toks[p - 1].low in ("and", ",") and texts[p - 2][0].isupper():
                        return None  # "Armenian and Azerbaijani forces", "Allied and German
                        # losses": two sides named, no one side
                    return hit[0], f"actor:owner-demonym:{hit[3]}"
            continue  # only a possessive can own; spare the look for the owned noun
        owned = any(x.low in OWNED_NOUNS for x in toks[p + 1 : min(first, p + 4)])
        if not owned and not _launched_in(toks, p, first):
            continue
        if t.low in ("'s", "’s") or (t.low in ("'", "’") and _plural_possessive(toks, p)):
            for q in range(p - 1, max(-1, p - 4), -1):
                hit = entity_at(texts, q)
                if hit and q + hit[2] == p:
                    return hit[0], f"actor:possessive:{hit[3]}"
        if t.low in ("its", "their"):
            own = clause_subject_of_pronoun(toks, texts, p)
            if own:
                return own[0], f"actor:its-clause-subject:{own[1]}"
            got = antecedent(toks, texts, p, skip)
            if got:
                return got[0], f"actor:possessive-pronoun:{got[1]}"
    return None


_SALVO_NOUNS = frozenset(
    "barrage barrages salvo salvos volley attack attacks strike strikes".split()
)
_MADE_OF = frozenset("included includes include comprised comprises involved involves".split())


def _launched_in(toks: list[Token], p: int, first: int) -> bool:
    """`Iran's barrage included 170 drones`: the side's attack, and a verb of consisting
    between it and the figure, so the weapons it was made of are the side's."""
    k = p + 1
    return k + 1 < first and toks[k].low in _SALVO_NOUNS and toks[k + 1].low in _MADE_OF


def owning_pronoun(toks: list[Token], first: int, lo: int = 0) -> int:
    """The token of the `its` or `their` that owns the figure (`its losses ... rose to 80`),
    or -1; read back as `possessive_actor` reads, and only when the sentence names no one
    that pronoun could stand for (then an earlier sentence does: `Its losses came to 255`)."""
    lo = max(lo, first - 8)
    for p in range(first - 1, lo - 1, -1):
        t = toks[p]
        if t.text in (",", ";", ":") or t.low in _SPEECH or t.low == "that":
            return -1
        if t.low in HOSTILE_VERBS:
            return -1
        if t.low in ("its", "their", "whose") and any(
            x.low in OWNED_NOUNS for x in toks[p + 1 : min(first, p + 4)]
        ):
            return p
    return -1


def antecedent(
    toks: list[Token], texts: list[str], p: int, skip: list[tuple[int, int]]
) -> tuple[str, str] | None:
    """The nearest state or organisation named before token `p`, outside speakers' phrases and
    not placed by a preposition: what `its` or `their` stands for."""
    for q in range(p - 1, max(-1, p - 30), -1):
        if not texts[q][0].isupper() or any(s <= q <= e for s, e in skip):
            continue
        hit = entity_at(texts, q)
        if hit and q > 0 and toks[q - 1].low == "ethnic":
            return None  # "ethnic Armenian authorities ... their own": an ethnic group, no side
        if hit and (q == 0 or toks[q - 1].low not in _PREPS):
            return hit[0], hit[3]
    return None
