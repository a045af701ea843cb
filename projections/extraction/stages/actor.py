"""Actor stage: whose troops, dead or weapons the figure counts.

The rules of `ACTOR_RULES` are tried in order and the first that names an actor wins: inside
the counted phrase first (`North Korean troops`, `its 300 tanks`, `junta soldiers` with the
junta state the sentence names, `the group's fighters`), then an origin after it (`11,000 from
North Korea`, `fighting for Russia`), the subject of the clause's verb of having, sending or
losing (`Russia has deployed 50,000 troops`), an owner before it (`Ukraine's losses exceed
5,000`), the previous figure's actor when both share a subject or a demonym (`Germany pledged
18 howitzers and 12 air defence systems`) or the figure is a part or the whole of it (`N of
them`, `out of N`, `five more`), then what earlier figures said: the previous figure's actor
for a figure that only compares, and the paragraph's for `the troops`; last, a side the
sentence opens with (`For Ukraine, ...`).

A rule is a function of the context that returns (actor, rule name) or None; rules that share
their preconditions are one function, since every call costs on every figure.
"""

from __future__ import annotations

from collections.abc import Callable

from projections.extraction import gazetteer
from projections.extraction.actors import (
    HOLD_VERBS,
    HOSTILE_VERBS,
    OWN_VERBS,
    OWNED_NOUNS,
    antecedent,
    attacked_side,
    clause_subject_of_pronoun,
    coordinated_verb,
    entity_at,
    estimated_object_owner,
    fighting_for,
    from_actor,
    group_actor,
    junta_actor,
    member_of,
    np_actor,
    owning_pronoun,
    possessive_actor,
    pronoun_subject,
    relative_actor,
    relative_antecedent,
    served_side,
    speaker_pronoun_subject,
    subject_actor,
    subject_owner,
)
from projections.extraction.categories import (
    breakdown_link,
    colon_object_verb,
    far_key,
    include_verb_before,
)
from projections.extraction.claim import CATEGORIES
from projections.extraction.context import ClaimContext, Rules
from projections.extraction.enemy import enemy_side, side_of
from projections.extraction.gazetteer import FIRST_WORDS, match_at
from projections.extraction.lexicon import (
    CATEGORY_NOUNS,
    COST_VERBS,
    COUNTED_NOUNS,
    EQUIPMENT_NOUNS,
    FATE_CATEGORIES,
    MONTHS,
    PEOPLE_NOUNS,
    SINGULAR_UNITS,
    STATE_AUX,
    TROOP_NOUNS,
    VERB_CATEGORY,
)
from projections.extraction.paragraph import Paragraph
from projections.extraction.phrases import forward_np
from projections.extraction.speakers import ARMED_GROUP_RULE
from projections.extraction.stages.category import (
    apposed_part,
    fronted_part,
    gapped_object,
    parallel_place,
)
from projections.extraction.tokens import Token, tokenize

# (actor, rule name), or None when the rule does not apply
ActorRule = Callable[[ClaimContext], "tuple[str, str] | None"]

_FROM_CATEGORIES = frozenset({"troops", "equipment", "killed", "casualties", "captured"})
_ALONG_WITH = frozenset({("along", "with"), ("well", "as"), ("together", "with")})
_NOT_IN_PHRASE = frozenset("in at near from to into by with of said says".split())
_EVENT_NOUNS = frozenset("war wars conflict fighting invasion crisis revolution uprising".split())
# the acts of one side against another (`the Israeli aggression`, `the Russian bombardment`)
_ACT_NOUNS = frozenset(
    "aggression attack attacks assault bombardment bombing shelling strikes invasion".split()
)
# heads whose `of` complement names the side they belong to: people, and bodies of troops
# (`a 1,500-strong battalion of Burundian troops`, `a contingent of Kenyan police`)
_MEMBER_HEADS = (
    frozenset(
        """members member fighters militants soldiers troops insurgents rebels jihadists
    combatants terrorists contingent force battalions brigades units""".split()
    )
    | SINGULAR_UNITS
)
_CARRY_HEADS = TROOP_NOUNS | PEOPLE_NOUNS
# the last item of a list of gear whose agent or owner (`fired by`, `belonging to`) is the
# whole list's: equipment nouns, and the vehicles that count as gear when lost or destroyed
_LIST_GEAR = EQUIPMENT_NOUNS | frozenset("trucks lorries pickups pieces".split())

_SUBJECT_RULES = (
    "actor:clause-subject",
    "actor:supplier",
    "actor:pronoun-speaker",
    "actor:speaker-pronoun-subject",  # `The group said it had fired three missiles and two …`
    "actor:coordinated-verb",
    "actor:along-with",
    "actor:coordinated",
    "actor:enemy-of-speaker",  # `the enemy lost 1,140 personnel, nine tanks and ...`
    "actor:colon-owner",  # `Russian losses over the past day: 1,210 soldiers, 11 tanks`
    "actor:bracket-owner",  # `Russia's losses on Saturday (420 servicemen, three tanks)`
)
# a side named inside the counted phrase, by a demonym or an organisation's name (`12 Houthi
# drones and two anti-ship missiles`): shared along a list
_DEMONYM_RULES = ("actor:demonym", "actor:coordinated-demonym", "actor:org")


def _in_phrase(ctx: ClaimContext) -> tuple[str, str] | None:
    """`North Korean troops`, `Russia's losses`: a name inside the counted phrase; else, for
    `its 300 tanks`, whom `its` or `their` stands for."""
    subject = ctx.reading.subject
    if subject is None:
        return None
    toks, texts = ctx.toks, ctx.texts
    i = ctx.q.i
    if i >= 3 and toks[i - 1].low == "whose" and toks[i - 2].text == ",":
        # "UNIFIL, whose 10,000 peacekeepers patrol the south": `whose` is the antecedent's
        found = relative_antecedent(toks, texts, i - 1)
        if found is not None:
            return found[0], found[1].replace("relative-antecedent", "whose-antecedent")
    named = np_actor(toks, texts, subject[0], subject[1])
    if named is None:
        named = _dead_of(ctx, subject[1])
    if named is None:
        named = junta_actor(toks, texts, subject[0], subject[1]) or _junta_before(ctx)
    if named is None:
        para = ctx.sentence.para
        named = group_actor(toks, texts, subject[0], subject[1], lambda: para.org)
    if named is None and ctx.category != "other":
        named = _attackers_side(ctx, subject[1])
    if named is None and ctx.category != "other":
        named = _owner_determiner(ctx)
    if named is None and ctx.category != "other" and toks[subject[1]].low in _MEMBER_HEADS:
        named = member_of(toks, texts, subject[1])  # not "32 members of NATO": states
    if named is None and toks[subject[0]].low in ("his", "her"):
        return _speakers_own(ctx)
    if named is not None or toks[subject[0]].low not in ("its", "their"):
        return named
    own = clause_subject_of_pronoun(toks, texts, subject[0])
    if own is not None:
        return own[0], f"actor:its-clause-subject:{own[1]}"
    reflexive = _own_of_the_subject(ctx)
    if reflexive is not None:
        return reflexive
    speaker = ctx.speaker
    if speaker is not None and _named_killer(ctx, speaker.end):
        # "Pakistan's military said Indian shelling had killed four of its soldiers": the
        # victims are not the killer's; `its` stands for the side that speaks
        own = side_of(texts, speaker.start, speaker.end)
        if own is not None:
            return own, f"actor:its-speaker:{own}"
    found = antecedent(toks, texts, subject[0], ctx.sentence.speaker_spans)
    if found is not None and speaker is not None and speaker.end < i:
        # "...; two Algerian soldiers were killed, and Rabat said three of its own were
        # wounded": `its` in what a side reports, with no other side named after the side's
        # own phrase, is the side that reports, not a side named before it
        if _reports_it(ctx, speaker.end):
            own = _unplaced_side(ctx, speaker.start, speaker.end)
            if own is not None and own != found[0]:
                return own, f"actor:its-reporting-side:{own}"
    if found is not None and speaker is not None and _parallel_complement(ctx, subject[0]):
        own = _speaker_side(ctx)
        if own is not None and own[0] != found[0]:
            return own[0], f"actor:its-parallel-complement:{own[0]}"
    if found is None:
        # "Azerbaijan said 2,908 of its servicemen died": its own, said by the side itself
        found = antecedent(toks, texts, subject[0], [])
    if found is None and speaker is not None and speaker.end < subject[0]:
        # "The ministry in Yerevan said two of its soldiers …": the side the speaker's
        # phrase names as a place (which `antecedent` passes over), or the side of the
        # speaker a description means (`The ministry said` after `Armenia's defence ministry`)
        own = _speaker_side(ctx)
        if own is not None:
            return own
    if found is None and ctx.category != "other":
        return _earlier_side(ctx)
    return None if found is None else (found[0], f"actor:possessive-pronoun:{found[1]}")


_SERVING_CATEGORIES = frozenset(
    {"troops", "killed", "wounded", "casualties", "captured", "missing"}
)


_COPULAS = frozenset("were was are is".split())
_INCLUDE_VERBS = frozenset("included include includes".split())


def _included_in(ctx: ClaimContext) -> tuple[str, str] | None:
    """`the returned Ukrainians included 270 soldiers and 120 civilians`: the people the
    figure counts are among the group the subject of `included` names by a demonym, whose
    side they share (the list's later items too, past the items before them)."""
    toks, texts = ctx.toks, ctx.texts
    k = include_verb_before(toks, ctx.q.i, _INCLUDE_VERBS)
    if k < 1:
        return None
    head = k - 1
    if toks[head].low == "also" and head > 0:
        head -= 1
    hit = entity_at(texts, head) if texts[head] in FIRST_WORDS else None
    if hit is None or hit[1] != "demonym":
        return None
    return hit[0], "actor:included-in:" + hit[3]


def _predicate_demonym(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Of the wounded, 11 were Italian`, `five of the dead were Kenyan police officers`: the
    figure (or its partitive) is the subject of a copula whose predicate is a demonym, which
    says whose the people are (not `Russian-made`, nor `were Russian strikes`: only people,
    and a demonym that ends the clause or stands before a noun of people)."""
    toks, texts = ctx.toks, ctx.texts
    n = len(toks)
    j = ctx.q.j + 1
    if j + 2 < n and toks[j].low == "of" and toks[j + 1].low in ("the", "them", "those"):
        # "Five of the dead were Kenyan police officers": past the partitive to the copula
        j = next((k for k in range(j + 1, min(n, j + 5)) if toks[k].low in _COPULAS), j)
    if j + 1 >= n or toks[j].low not in _COPULAS:
        return None
    j += 1
    hit = entity_at(texts, j) if texts[j] in FIRST_WORDS else None
    if hit is None or hit[1] != "demonym":
        return None
    k = j + hit[2]
    if k < n and toks[k].text[0].isalnum():
        if toks[k].low != "and" and toks[k].low not in _CARRY_HEADS:
            return None
    elif k < n and toks[k].text == "-":
        return None
    return hit[0], "actor:predicate-demonym:" + hit[3]


_DETERMINER_MODIFIERS = frozenset("last remaining estimated own total".split())
_APOSTROPHES = frozenset({"'", "’"})


def _owner_determiner(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Russia's roughly 2,000 peacekeepers`, `Mali's last 300 soldiers`, `the Houthis' 200
    drones`: a side's possessive that stands as the counted phrase's determiner, right before
    the figure (one modifier between), owns what it counts. A capital is a place there for a
    count of harm (`Khartoum's 50 dead`)."""
    toks, texts = ctx.toks, ctx.texts
    p = ctx.q.i - 1
    if p >= 1 and toks[p].low in _DETERMINER_MODIFIERS:
        p -= 1
    if p < 1:
        return None
    t = toks[p]
    if t.low in _APOSTROPHES:
        prev = toks[p - 1]
        if prev.end != t.start or not prev.text.endswith("s"):
            return None
    elif t.low not in ("'s", "’s"):
        return None
    for q in range(p - 1, max(-1, p - 4), -1):
        hit = entity_at(texts, q) if texts[q] in FIRST_WORDS else None
        if hit is not None and q + hit[2] == p:
            if hit[1] == "capital" and ctx.category not in ("troops", "equipment"):
                return None
            return hit[0], f"actor:owner-determiner:{hit[3]}"
    return None


# definite descriptions of the side that attacked, and the verbs of attacking whose subject
# they stand for (`Al-Shabaab fighters stormed a base ... 30 of the attackers were killed`)
_ATTACKER_HEADS = frozenset("attackers assailants raiders".split())
_ATTACK_VERBS = frozenset(
    "stormed attacked raided ambushed assaulted overran struck besieged".split()
)


def _attackers_side(ctx: ClaimContext, head: int) -> tuple[str, str] | None:
    """`Al-Shabaab fighters stormed a military base ..., and the government said 17 of its
    soldiers and more than 30 of the attackers were killed`: `the attackers` is the subject
    of the sentence's verb of attacking before it, so the side that subject names. The verb
    within 30 words back; its subject within the same clause, up to six words before it."""
    toks, texts = ctx.toks, ctx.texts
    if toks[head].low not in _ATTACKER_HEADS or head < 1 or toks[head - 1].low != "the":
        return None
    for v in range(head - 2, max(-1, head - 30), -1):
        if toks[v].low not in _ATTACK_VERBS:
            continue
        q = v - 1
        while q > 0 and q > v - 7 and toks[q - 1].text not in (",", ";", ":"):
            q -= 1
        while q < v:
            hit = entity_at(texts, q) if texts[q] in FIRST_WORDS else None
            if hit is not None and q + hit[2] <= v:
                return hit[0], f"actor:attackers-subject:{hit[3]}"
            q += 1
        return None
    return None


def _speaker_side(ctx: ClaimContext, groups_only: bool = False) -> tuple[str, str] | None:
    """The one side the figure's speaker names (`The ministry in Yerevan`, `Officials in
    Kyiv`), else the side of the speaker a description or pronoun of it means (with
    `groups_only`, only an armed group a description means: `The group` after `Houthis
    claim …`); with the rule's name."""
    speaker = ctx.speaker
    if speaker is None:
        return None
    side = _unplaced_side(ctx, speaker.start, speaker.end)
    if side is not None:
        return side, f"actor:its-speaker:{side}"
    side = _body_in_capital(ctx, speaker.start, speaker.end)
    if side is not None:
        return side, f"actor:its-speaker-in-capital:{side}"
    meant = _resolved_speaker_side(ctx, groups_only)
    return None if meant is None else (meant, f"actor:its-speaker-meant:{meant}")


# a state's own bodies, which a capital after `in` places at home (`The ministry in Yerevan`,
# `officials in Kyiv`); not an embassy or a mission, which are another state's or no one's
_HOME_BODIES = frozenset(
    """ministry officials authorities government leadership command military army
    spokesman spokeswoman spokesperson""".split()
)


def _body_in_capital(ctx: ClaimContext, start: int, end: int) -> str | None:
    """`The ministry in Yerevan`, `Officials in Kyiv`: a state's body in its capital, and no
    other side in the phrase, speaks for that state (CONVENTIONS: a capital standing for its
    state)."""
    toks, texts = ctx.toks, ctx.texts
    for k in range(start + 1, end):
        if toks[k].low != "in" or toks[k - 1].low not in _HOME_BODIES:
            continue
        hit = match_at(texts, k + 1) if texts[k + 1] in FIRST_WORDS else None
        if hit is None or hit[1] != "capital" or k + hit[2] != end:
            return None
        if side_of(texts, start, k - 1) is not None:
            return None
        return hit[0]
    return None


def _resolved_speaker_side(ctx: ClaimContext, groups_only: bool = False) -> str | None:
    """The side of the speaker that the figure's speaker phrase refers back to (`The rebel
    movement` after the headline `M23 says …`, `The ministry` after `Armenia's defence
    ministry`), read from the phrase as first named; None when it refers to no one."""
    speaker = ctx.speaker
    if speaker is None:
        return None
    memory = ctx.sentence.para.speakers
    resolved = memory.resolve(ctx.toks, speaker)
    memory.declined = None
    if resolved is None or (groups_only and resolved[1] != ARMED_GROUP_RULE):
        return None
    words = [t.text for t in tokenize(resolved[0], 0, len(resolved[0]))]
    return side_of(words, 0, len(words) - 1) if words else None


_THAT_OPENERS = frozenset({"it", "its", "they", "their"})


def _parallel_complement(ctx: ClaimContext, p: int) -> bool:
    """`Israel's military said its troops had killed about 20 Hamas gunmen …, and that four
    of its reservists were wounded`: a second `that` clause of the same verb of saying
    (`and that`), whose first one opened with a pronoun of the speaker (`said its troops`,
    `said that it`): the `its` at `p` means what the first one meant, the speaker, not the
    side named in between."""
    toks, speaker = ctx.toks, ctx.speaker
    if speaker is None or p < 2:
        return False
    verb = speaker.end + 1
    if verb >= p or toks[verb].low not in _SPEECH_VERBS:
        return False
    k = verb + 1
    if k < p and toks[k].low == "that":
        k += 1
    if k >= p or toks[k].low not in _THAT_OPENERS:
        return False
    that = next((j for j in range(p - 1, k, -1) if toks[j].low == "that"), -1)
    if that < 2 or toks[that - 1].low != "and":
        return False
    # no side named between the second `that` and the pronoun
    return not any(ctx.texts[j] in FIRST_WORDS for j in range(that + 1, p))


def _own_of_the_subject(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Russian forces killed 40 Ukrainian soldiers and lost 12 of their own`: `their own`
    after `and` and a second verb of the same subject stands for that subject, not for the
    side the first verb killed or captured (the nearest name). The subject's side is the
    name before the first verb, else, for `its fighters` with no name in the sentence, the
    side the paragraph is about."""
    subject, prev_reading = ctx.reading.subject, ctx.prev_reading
    toks, texts, i = ctx.toks, ctx.texts, ctx.q.i
    if subject is None or prev_reading is None or ctx.prev_end < 0:
        return None
    if subject[0] + 1 > subject[1] or toks[subject[0] + 1].low != "own":
        return None
    between = toks[prev_reading.np_end + 1 : i]
    # "returned 84 Russian prisoners in exchange for 84 of its own": the side that hands
    # captives over gets its own back; the verb is the exchange's
    lows = tuple(t.low for t in between)
    # a time phrase may stand between the first figure and the swap (`freed 32 soldiers on
    # Wednesday in return for two of its own`)
    swap = lows in _IN_EXCHANGE or lows[-3:] in _IN_EXCHANGE
    verbs = _SWAP_VERBS if swap else _TAKING_VERBS
    if not swap and (not 1 < len(between) <= 4 or between[0].low != "and"):
        return None
    if any(t.text in (",", ";") or t.low in _SPEECH_VERBS for t in between):
        return None
    verb = -1
    for k in range(ctx.prev_end, max(-1, ctx.prev_end - 8), -1):
        if toks[k].text in (",", ";", ":"):
            return None
        if (not swap and toks[k].low in HOSTILE_VERBS) or toks[k].low in verbs:
            verb = k
            break
    if verb < 1:
        return None
    found = antecedent(toks, texts, verb, ctx.sentence.speaker_spans)
    rule = "actor:own-in-exchange" if swap else "actor:own-of-the-subject"
    if found is not None:
        return found[0], f"{rule}:{found[1]}"
    # the subject of both verbs is a pronoun of the speaker (`its troops had captured`,
    # `said that it had killed 40 … and lost nine of its own`)
    pronouns = ("its", "their", "it", "they")
    if any(t.low in pronouns for t in toks[max(0, verb - 4) : verb]):
        speaker = ctx.speaker
        if speaker is not None and speaker.end < verb:
            # "Ukraine said its troops had captured ...": `its` is the side that speaks
            side = side_of(texts, speaker.start, speaker.end)
            if side is not None:
                return side, f"{rule}-speaker:{side}"
        lead = ctx.sentence.para.lead
        if lead is not None:
            return lead, f"{rule}-lead:{lead}"
        if speaker is not None and speaker.end < verb:
            meant = _resolved_speaker_side(ctx)
            if meant is not None:
                return meant, f"{rule}-speaker-meant:{meant}"
    return None


_TAKING_VERBS = frozenset("captured seized abducted detained took taken".split())
_SWAP_VERBS = frozenset(
    "returned released freed handed swapped exchanged traded repatriated".split()
)
_IN_EXCHANGE = frozenset({("in", "exchange", "for"), ("in", "return", "for"), ("for",)})


def _reports_it(ctx: ClaimContext, after: int) -> bool:
    """Between the speaker's phrase (ending at `after`) and the figure stand only a verb of
    speech and lower-case words (`said`, `said that`, `also said on Monday that`)."""
    toks = ctx.toks
    between = toks[after + 1 : ctx.q.i]
    if not between or len(between) > 6 or between[0].low not in _SPEECH_VERBS:
        return False
    return all(t.text.isalpha() and t.text[0].islower() for t in between)


def _unplaced_side(ctx: ClaimContext, start: int, end: int) -> str | None:
    """The one side the phrase `start..end` names, not as a place (`The African Union
    mission in Somalia` names none)."""
    toks, texts = ctx.toks, ctx.texts
    found: str | None = None
    k = start
    while k <= end:
        hit = entity_at(texts, k) if texts[k] in FIRST_WORDS else None
        if hit is None:
            k += 1
            continue
        if k > 0 and toks[k - 1].low in _PLACE_BEFORE:
            return None
        if k > 0 and toks[k - 1].low == "ethnic":
            return None  # "ethnic Armenian authorities": an ethnic group's, no side's
        if found is not None and found != hit[0]:
            return None
        found = hit[0]
        k += hit[2]
    return found


_SPEECH_VERBS = frozenset("said says told claimed reported added stated announced".split())


def _junta_before(ctx: ClaimContext) -> tuple[str, str] | None:
    """`The Karen National Union said its fighters had taken the base. It said they were
    holding 117 junta soldiers`: a sentence that names no junta state nor any group that
    fights one takes the one the paragraph's earlier sentences are about."""
    subject = ctx.reading.subject
    toks, texts = ctx.toks, ctx.texts
    if subject is None or not any(
        toks[k].low == "junta" for k in range(subject[0], subject[1] + 1)
    ):
        return None
    lead = ctx.sentence.para.lead
    state = None if lead is None else gazetteer.JUNTA_OF.get(lead)
    if state is None:
        return None
    for k, w in enumerate(texts):
        hit = entity_at(texts, k) if w in FIRST_WORDS else None
        if hit is not None and hit[0] in gazetteer.JUNTA_OF:
            return None  # the sentence names one (or two): `junta_actor` decided
    return state, f"actor:junta-state-before:{lead}"


_KILLER_AUX = frozenset("had has have was were also reportedly".split())


def _named_killer(ctx: ClaimContext, after: int) -> bool:
    """The figure is the object of a hostile verb (`killed four of its soldiers`) whose own
    subject, after the speaker's phrase, names a side (`Indian shelling had killed`)."""
    toks, texts, i = ctx.toks, ctx.texts, ctx.q.i
    if i < 3 or toks[i - 1].low not in HOSTILE_VERBS:
        return False
    k = i - 2
    while k > after and toks[k].low in _KILLER_AUX:
        k -= 1
    for p in range(k, max(after, k - 3), -1):
        if not texts[p][0].isalpha():
            return False
        if texts[p] in FIRST_WORDS and entity_at(texts, p) is not None:
            return True
    return False


def _ethnic_group(ctx: ClaimContext) -> tuple[str, str] | None:
    """`More than 100,000 ethnic Armenians fled`: an ethnic group is no side (CONVENTIONS),
    even when its name is a demonym; the empty actor stops the later rules and shows why."""
    subject = ctx.reading.subject
    if subject is None:
        return None
    toks = ctx.toks
    for k in range(subject[0], subject[1]):
        if toks[k].low == "ethnic" and toks[k + 1].text[0].isupper():
            return "", "actor:none:ethnic-group"
    return None


def _far_phrase(ctx: ClaimContext) -> tuple[str, str] | None:
    """`estimated the size of the Russian force near Kharkiv at between 30,000 and 50,000
    troops`: the side of what the clause said it measured."""
    key = far_key(ctx.toks, ctx.q.i, ctx.prev_end)
    if key < 0:
        return None
    toks = ctx.toks
    found = np_actor(toks, ctx.texts, key + 2, min(key + 6, ctx.q.i - 1))
    if found is None:
        prev = ctx.prev
        if (
            prev is not None
            and prev.actor
            and prev.category == ctx.category
            and toks[key + 2].low in CATEGORY_NOUNS
            and toks[key + 3].low in ("at", "to", "was", "is", "stood")
        ):
            # "Dozens of Russian soldiers were killed ..., while bloggers put the number of
            # dead at between 60 and 100": another count of the same dead
            return prev.actor, "actor:far-phrase:same-count"
        return None
    for k in range(key + 2, min(key + 7, ctx.q.i - 1)):
        if toks[k].low in ("'s", "’s") and toks[k + 1].low in _EVENT_NOUNS:
            return None  # "the death toll of Yemen's war": the war's, not one side's
        if toks[k].low in _ACT_NOUNS and toks[k - 1].text[:1].isupper():
            # "the toll of the Israeli aggression has risen to 70,117 martyrs": the side
            # that attacks is not the side of the dead it counts
            return "", "actor:none:far-phrase-of-an-attack"
    return found[0], "actor:far-phrase:" + found[1]


def _opening(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Numbering about 1.1 million active personnel, Russia's armed forces are ...`: an
    opening phrase counts the subject after its comma, and that subject names the side."""
    toks = ctx.toks
    if ctx.prev_end >= 0 or ctx.q.i != 1 or toks[0].low not in ("numbering", "estimated"):
        return None
    n = len(toks)
    for k in range(ctx.q.j + 1, min(n - 1, ctx.q.j + 12)):
        if toks[k].text == ",":
            found = np_actor(toks, ctx.texts, k + 1, min(n - 1, k + 4))
            return None if found is None else (found[0], "actor:opening-subject:" + found[1])
    return None


def _of_phrase(ctx: ClaimContext) -> tuple[str, str] | None:
    """`a German brigade of about 4,800 troops`, `a Russian force of 50,000`: the side named
    in the phrase the figure measures."""
    toks, i = ctx.toks, ctx.q.i
    if i < 2 or toks[i - 1].low != "of":
        return None
    lo = max(ctx.prev_end + 1, i - 5)
    for k in range(i - 2, lo - 1, -1):
        t = toks[k]
        if not t.text[0].isalnum() or t.low in _NOT_IN_PHRASE:
            return None
        found = np_actor(toks, ctx.texts, k, k) if t.text[0].isupper() else None
        if found is not None:
            return found[0], "actor:of-phrase:" + found[1]
    return None


def _apposition_of(ctx: ClaimContext) -> tuple[str, str] | None:
    """`The Syrian Democratic Forces, a Kurdish-led alliance of some 60,000 fighters, ...`:
    an appositive noun phrase that measures the group before its comma sizes that group, so
    the group the phrase before the comma names is the side (`a force of`, `an army of`)."""
    toks, i = ctx.toks, ctx.q.i
    if ctx.prev_end >= 0 or i < 5 or toks[i - 1].low != "of":
        return None
    for k in range(i - 2, max(0, i - 8), -1):
        t = toks[k]
        if t.text == ",":
            if toks[k + 1].low not in ("a", "an"):
                return None
            found = np_actor(toks, ctx.texts, max(0, k - 6), k - 1)
            if found is None:
                return None
            return found[0], "actor:apposition-of:" + found[1].split(":")[-1]
        if t.low in _NOT_IN_PHRASE or (not t.text[0].isalnum() and t.text != "-"):
            return None
    return None


_DEAD_OF = frozenset("bodies remains".split())


def _dead_of(ctx: ClaimContext, head: int) -> tuple[str, str] | None:
    """`about 1,500 bodies of Hamas militants`: the dead are the side named in the `of`
    phrase after the container noun (within four words)."""
    toks = ctx.toks
    k = head + 1
    if toks[head].low not in _DEAD_OF or k + 1 >= len(toks) or toks[k].low != "of":
        return None
    end = k + 1
    while end + 1 < len(toks) and end - k < 4 and toks[end + 1].text[0].isalnum():
        end += 1
    found = np_actor(toks, ctx.texts, k + 1, end)
    return None if found is None else (found[0], "actor:dead-of:" + found[1].split(":")[-1])


def _speakers_own(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Wagner chief Yevgeny Prigozhin said about 20,000 of his fighters had died`: `his`
    or `her` in what a person reports stands for that person, and the side is the one the
    speaker's phrase names by a name (`Wagner`, `Kyiv`), if it names one and no demonym."""
    speaker = ctx.speaker
    if speaker is None or speaker.end >= ctx.q.i:
        return None
    texts = ctx.texts
    own = None
    for j in range(speaker.start, speaker.end + 1):
        hit = match_at(texts, j) if texts[j] in FIRST_WORDS else None
        if hit is None:
            continue
        if hit[1] == "demonym" or (own is not None and own != hit[0]):
            # "A commander of the Libyan National Army": a demonym may sit inside the name
            # of one faction of that state, whose side the gazetteer does not know
            return None
        own = hit[0]
    return None if own is None else (own, f"actor:his-speaker:{own}")


def _origin(ctx: ClaimContext) -> tuple[str, str] | None:
    """`11,000 from North Korea`, `drones launched by Russia`. The phrase is kept in the
    context: where the troops came from is not where they are."""
    after = max(ctx.reading.np_end, ctx.q.j) + 1
    toks = ctx.toks
    num_at = ctx.sentence.num_at
    if after + 1 < len(toks) and toks[after].low in _LIST_LINKS and after + 1 in num_at:
        # "three cruise missiles and eight drones fired by Houthi forces", "18 drones, two
        # cruise missiles and one ballistic missile launched by the Houthis": the agent of
        # the list's last phrase launched the whole list
        after = _gear_list_end(toks, num_at, after)
    elif (
        after + 1 < len(toks)
        and toks[after].low in ("and", "or")
        and toks[after + 1].low in _LIST_GEAR
        and ctx.category == "equipment"
    ):
        # "21 drones and missiles launched by the Houthis": a second head noun shares the
        # figure, and the agent after it launched both
        after += 2
    found = from_actor(ctx.toks, ctx.texts, after, ctx.category == "equipment", ctx.q.i)
    if found is None and ctx.category in ("equipment", "troops"):
        # "the 71 drones Russia launched", "the 4,000 fighters Hamas had in Rafah"
        found = relative_actor(ctx.toks, ctx.texts, after)
    if found is None and ctx.category == "troops":
        found = fighting_for(ctx.toks, ctx.texts, after)
    if found is None and ctx.category in _SERVING_CATEGORIES:
        found = served_side(ctx.toks, ctx.texts, after)
    if found is None:
        return None
    ctx.origin = found[2]
    return found[0], found[1]


_LIST_LINKS = frozenset({"and", ","})


def _gear_list_end(toks: list[Token], num_at: dict[int, int], after: int) -> int:
    """The token after the last item of a list of counted gear that goes on at `after` (a
    comma or `and`, then a figure and a gear noun), or `after` itself when the next item is
    no gear. At most four items: a list, not a walk over the sentence."""
    end = after
    for _ in range(4):
        if end + 1 >= len(toks) or toks[end].low not in _LIST_LINKS or end + 1 not in num_at:
            break
        nxt = forward_np(toks, num_at[end + 1] + 1, num_at)
        if nxt.head is None or toks[nxt.head].low not in _LIST_GEAR:
            break
        end = nxt.end + 1
    return end


def _enemy(ctx: ClaimContext) -> tuple[str, str] | None:
    """`the enemy lost 1,140 personnel, the General Staff of Ukraine's armed forces said`:
    the side the speaker fights (`enemy.py`)."""
    speaker = ctx.speaker
    if speaker is None:
        return None
    return enemy_side(ctx.toks, ctx.texts, ctx.q.i, (speaker.start, speaker.end))


def _clause_subject(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Moscow is believed to have deployed 50,000 troops`."""
    speaker = ctx.speaker
    span = None if speaker is None else (speaker.start, speaker.end)
    if ctx.category == "captured" and _held_captives(ctx.toks, ctx.q.i):
        return None  # `Hamas holds 101 hostages`: captives take their own side
    found = subject_actor(ctx.toks, ctx.texts, ctx.q.i, span)
    if found is not None:
        return found
    found = _cost_object(ctx)
    if found is not None:
        return found
    found = _junta_subject(ctx)
    if found is not None:
        return found
    found = _force_of_owner(ctx)
    if found is not None:
        return found
    if pronoun_subject(ctx.toks, ctx.q.i):
        side = _earlier_side(ctx)
        if side is not None:
            return side[0], "actor:pronoun-subject:" + side[0]
    if speaker is not None and speaker_pronoun_subject(ctx.toks, ctx.q.i, speaker.end):
        # (`The army said it had lost three vehicles` after `The Malian army's general staff`
        # keeps no side in claimants_r2 c225: only an armed group a description means here)
        own = _speaker_side(ctx, groups_only=True)
        if own is not None:
            return own[0], "actor:speaker-pronoun-subject:" + own[0]
    prev = ctx.prev
    if (
        prev is not None
        and prev.actor
        and any(r.startswith(_SUBJECT_RULES) for r in prev.rules)
        and coordinated_verb(ctx.toks, ctx.q.i)
    ):
        return prev.actor, "actor:coordinated-verb"
    return None


def _cost_object(ctx: ClaimContext) -> tuple[str, str] | None:
    """`The offensive has cost Moscow at least 17,000 casualties`: the first object of `cost`,
    right before the figure, is the side that lost what the figure counts."""
    toks, texts, i = ctx.toks, ctx.texts, ctx.q.i
    for q in range(i - 1, max(0, i - 4), -1):
        hit = entity_at(texts, q) if texts[q] in FIRST_WORDS else None
        if hit is not None and q + hit[2] == i and toks[q - 1].low in COST_VERBS:
            return hit[0], f"actor:cost-object:{hit[3]}"
    return None


def _held_captives(toks: list[Token], i: int) -> bool:
    """A verb of holding within three words before the captives' figure at `i`."""
    return any(toks[k].low in HOLD_VERBS for k in range(max(0, i - 3), i))


_FORCE_HEADS = frozenset("army armies military forces navy troops militia wing".split())


def _force_of_owner(ctx: ClaimContext) -> tuple[str, str] | None:
    """`The army of Myanmar's junta has lost control of 30 towns and suffered 2,000
    casualties`: the sentence's subject is a force `of` a side (the side named, or owning by
    a possessive, inside the `of` phrase), and the figure is the object of its own verb of
    losing or having, with no comma between (no other clause)."""
    toks, i = ctx.toks, ctx.q.i
    if ctx.prev is not None or i < 6 or toks[i - 1].low not in OWN_VERBS:
        return None  # a figure before that counts no one (`30 towns`) is no other clause
    k = 1 if toks[0].low == "the" else 0
    if toks[k].low not in _FORCE_HEADS and toks[k].low not in SINGULAR_UNITS:
        return None
    if toks[k + 1].low != "of":
        return None
    end = k + 2
    while end < i and (toks[end].text[0].isupper() or toks[end].low in ("the", "'s", "’s")):
        end += 1
    if end == k + 2 or any(t.text in (",", ";", ":") for t in toks[end:i]):
        return None
    found = np_actor(toks, ctx.texts, k + 2, end - 1)
    if found is None:
        found = junta_actor(toks, ctx.texts, k + 2, end - 1)
    return None if found is None else (found[0], "actor:force-of:" + found[1].split(":")[-1])


def _junta_subject(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Junta troops lost about 60 men`, `The junta's air force lost three aircraft`: a
    junta's troops, or the force it owns, as the subject of the verb that lost or fielded the
    figure's."""
    toks, i = ctx.toks, ctx.q.i
    if i < 3 or toks[i - 1].low not in OWN_VERBS:
        return None
    for k in range(i - 2, max(-1, i - 6), -1):
        if toks[k].low == "junta":
            return junta_actor(toks, ctx.texts, k, k)
        if toks[k].low in ("'s", "’s") and k >= 1 and toks[k - 1].low == "junta":
            continue  # `the junta's forces`: the possessive of the junta itself
        if not toks[k].text[0].isalpha():
            return None
    return None


def _subject_owner(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Armenian losses in two days of fighting came to 49 killed, 105 wounded`."""
    return subject_owner(ctx.toks, ctx.texts, ctx.q.i, ctx.prev_end + 1)


def _colon_object(ctx: ClaimContext) -> tuple[str, str] | None:
    """`its forces had destroyed a Ukrainian brigade near Kupiansk: 400 soldiers`: the figure
    after the colon restates the object, and the object names the side."""
    toks, i = ctx.toks, ctx.q.i
    if i < 3 or toks[i - 1].text != ":":
        return None
    v = colon_object_verb(toks, i - 1)
    if v < 0:
        return None
    found = np_actor(toks, ctx.texts, v + 1, i - 2)
    return None if found is None else (found[0], "actor:colon-object:" + found[1].split(":")[-1])


def _attacked_side(ctx: ClaimContext) -> tuple[str, str] | None:
    """`The toll from an ambush on a Nigerien army convoy rose to 29 soldiers killed`."""
    return attacked_side(ctx.toks, ctx.texts, ctx.q.i, ctx.prev_end + 1)


def _owner(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Ukraine's losses in the battle exceed 5,000`, `increase its army to 300,000`."""
    found = possessive_actor(
        ctx.toks, ctx.texts, ctx.q.i, ctx.sentence.speaker_spans, ctx.prev_end + 1
    )
    if found is not None:
        return found
    found = estimated_object_owner(ctx.toks, ctx.texts, ctx.q.i)
    if found is not None:
        return found
    sp = ctx.speaker
    if sp is not None and sp.verb < ctx.q.i and _owns_its_losses(ctx.toks, sp.verb, ctx.q.i):
        # "Russia's General Staff gave its own losses as 64": the `its` right after the
        # speaker's own verb is the speaker's, whose phrase the reading above leaves out;
        # the side is the one the speaker's phrase names, if it names one
        own = side_of(ctx.texts, sp.start, sp.end)
        if own is not None:
            return own, "actor:speaker-own-losses:" + own
    # "The group's losses, he added, exceeded 4,000": the group's, named before
    toks, i = ctx.toks, ctx.q.i
    para = ctx.sentence.para
    country = _the_countrys(ctx)
    if country is not None:
        return country
    lo = max(ctx.prev_end + 1, i - 10)
    for k in range(lo, i - 2):
        if toks[k + 1].low in ("'s", "’s") and toks[k + 2].low in OWNED_NOUNS:
            return group_actor(toks, ctx.texts, k, k + 1, lambda: para.org)
    p = owning_pronoun(toks, i, ctx.prev_end + 1)
    if p >= 2 and toks[p].low == "whose" and toks[p - 1].text == ",":
        # "The M23 rebels, whose ranks have swelled to about 6,500 fighters": the side the
        # phrase before the comma names
        found = np_actor(toks, ctx.texts, max(0, p - 6), p - 2)
        return None if found is None else (found[0], "actor:whose:" + found[1].split(":")[-1])
    if sp is not None and sp.start <= p <= sp.end:
        # "Its tally also lists 421 aircraft": the pronoun owns the phrase that reports the
        # figure (a count, a report), so it says whose count it is, not whose aircraft
        return None
    if p >= 0 and toks[p].low != "whose" and antecedent(toks, ctx.texts, p, []) is None:
        return _earlier_side(ctx)
    return None


_COUNTRY_WORDS = frozenset({"country", "nation"})


def _the_countrys(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Kenya sends more police to Haiti` (a headline), then `The country's contingent in
    Port-au-Prince will grow to about 600 officers`: `the country's` with a noun a side owns
    stands for the state the sentence names before it, else the one the paragraph, or the
    one before it, is about."""
    toks, texts, i = ctx.toks, ctx.texts, ctx.q.i
    for k in range(max(ctx.prev_end + 1, i - 16, 1), i - 2):
        if toks[k].low not in _COUNTRY_WORDS or toks[k - 1].low != "the":
            continue
        owned = toks[k + 2].low
        if toks[k + 1].low not in _POSSESSIVE or (
            owned not in OWNED_NOUNS and owned not in TROOP_NOUNS
        ):
            continue
        for q in range(k - 2, max(-1, k - 30), -1):
            hit = entity_at(texts, q) if texts[q] in FIRST_WORDS else None
            if hit is not None and hit[1] in ("country", "capital"):
                return hit[0], f"actor:the-country:{hit[3]}"
        lead = ctx.sentence.para.earlier_lead()
        return None if lead is None else (lead, f"actor:the-country-before:{lead}")
    return None


def _owns_its_losses(toks: list[Token], verb: int, first: int) -> bool:
    """The object of the verb at `verb` is the subject's own losses (`gave its own losses`,
    `put their casualties at`), before the figure at `first`; not a count it keeps (`raised
    its tally of the dead`)."""
    k = verb + 1
    if k >= first or toks[k].low not in ("its", "their"):
        return False
    k += 1
    if k < first and toks[k].low == "own":
        k += 1
    return k < first and toks[k].low in _OWN_LOSSES


_OWN_LOSSES = frozenset("losses casualties dead".split())


def _earlier_side(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Britain sent some 28,000 troops. Its losses came to 255 dead`: an `its` or `their`
    whose sentence names no side stands for the side of the paragraph's last figure, else
    for the side an earlier sentence is about (named first, not placed by a preposition)."""
    para = ctx.sentence.para
    if para.last_actor is not None:
        return para.last_actor, "actor:possessive-pronoun-before:" + para.last_actor
    lead = para.lead
    return None if lead is None else (lead, "actor:possessive-pronoun-lead:" + lead)


def _apposition(ctx: ClaimContext) -> tuple[str, str] | None:
    """`The Ethiopian division sent to Bahir Dar, about 7,000 men according to diplomats,
    arrived ...`: a figure set off by a comma after the sentence's subject sizes that
    subject, a unit or force whose side its first words name."""
    toks, i = ctx.toks, ctx.q.i
    if ctx.prev_end >= 0 or i < 3 or toks[i - 1].text != ",":
        return None
    unit = -1
    for k in range(0, min(i - 1, 5)):
        w = toks[k].low
        if w in TROOP_NOUNS or w in SINGULAR_UNITS:
            unit = k
            break
        if not toks[k].text[0].isalpha() and w not in ("'s", "’s"):
            return None  # "Togo's army, some 13,000 strong": a possessive may name the side
    if unit < 0 or any(
        t.low in _NOT_IN_PHRASE and t.low not in ("to", "in", "from") for t in toks[:unit]
    ):
        return None
    if any(not t.text[0].isalnum() for t in toks[unit : i - 1]):
        return None  # one phrase up to the comma
    found = np_actor(toks, ctx.texts, 0, unit)
    return (
        None if found is None else (found[0], "actor:apposition-subject:" + found[1].split(":")[-1])
    )


_HOLDING_NOUNS = frozenset("arsenal arsenals stockpile stockpiles fleet fleets stock".split())


def _holding_conjunct(ctx: ClaimContext) -> bool:
    """`… fighters and an arsenal of roughly 150,000 rockets`: between the previous figure's
    phrase and this one stand only `and`, an article, a noun of holdings and `of`: a second
    object of the same verb."""
    prev_reading = ctx.prev_reading
    if prev_reading is None:
        return False
    between = [t.low for t in ctx.toks[prev_reading.np_end + 1 : ctx.q.i]]
    return (
        len(between) == 4
        and between[0] == "and"
        and between[1] in ("a", "an", "its", "their")
        and between[2] in _HOLDING_NOUNS
        and between[3] == "of"
    )


def _coordinated(ctx: ClaimContext) -> tuple[str, str] | None:
    """The previous figure's actor, when only `and` or a comma stands between the two and
    they share its subject (`Germany has pledged 18 howitzers and 12 air defence systems`) or,
    in a list of equipment or of troops, its demonym (`25 Chinese aircraft and seven navy
    ships`). Not across kinds: in `300 Ukrainian soldiers and 40 civilians were killed` the
    civilians' side is not said."""
    prev = ctx.prev
    if prev is not None and prev.actor and _holding_conjunct(ctx):
        if any(r.startswith(_SUBJECT_RULES) for r in prev.rules):
            # "Hezbollah has 40,000 fighters and an arsenal of 150,000 rockets": the
            # subject that has the first object has the arsenal too
            return prev.actor, "actor:coordinated-holding"
    if (
        prev is not None
        and prev.actor
        and ctx.reading.subject is None
        and any(r.startswith(_SUBJECT_RULES) for r in prev.rules)
        and gapped_object(ctx)
    ):
        # "Ukraine produced 2.2 million drones and plans to make 4.5 million": the joined
        # predicate shares the subject that made the first
        return prev.actor, "actor:gapped-object"
    if prev is None or not prev.actor:
        return None
    if not ctx.follows_previous():
        if _serial_and(ctx) and any(r.startswith(_SUBJECT_RULES) for r in prev.rules):
            # "Russia fired 38 missiles, 12 drones, and 150 shells": the serial comma before
            # the list's last object keeps it the same subject's
            return prev.actor, "actor:coordinated-serial"
        return None
    if any(r.startswith(_SUBJECT_RULES) for r in prev.rules):
        return prev.actor, "actor:coordinated"
    category = ctx.category
    if category == "equipment" and prev.category == "captured":
        # "M23 rebels captured 300 FARDC soldiers and two armoured vehicles": one verb of
        # capture takes both objects, and the gear is the captives' side's
        # ("capturing more than 300 junta soldiers and 12 artillery pieces": `junta` too)
        if any(r.startswith((*_DEMONYM_RULES, *_CAPTIVE_SIDE_RULES)) for r in prev.rules):
            return prev.actor, "actor:coordinated-captives-gear"
        return None
    if category == "equipment" and prev.category in _LOSS_CATEGORIES:
        # "listed 1,080 Russian troops, 29 artillery systems and 96 drones lost": a list of
        # one side's losses that opens with its men goes on with its gear; the nationality
        # word of the first item is shared (not `soldiers and civilians`: two kinds of people)
        if any(r.startswith("actor:demonym") for r in prev.rules):
            return prev.actor, "actor:coordinated-demonym-losses"
        return None
    if category != prev.category:
        return None
    if category not in ("equipment", "troops"):
        # "Three Rwandan soldiers and two officers were killed": a list of armed people that
        # shares one predicate of harm shares its nationality word too; not civilians after
        # soldiers (their side is not said)
        if category in FATE_CATEGORIES and _armed_pair(ctx):
            if any(r.startswith(("actor:demonym", "actor:org")) for r in prev.rules):
                return prev.actor, "actor:coordinated-demonym-armed"
        if category in FATE_CATEGORIES and _civilians_then_soldier(ctx):
            # "14 Thai civilians and one soldier were killed": a state's soldier after its
            # civilians is that state's (plain_r1 p1-025); civilians after soldiers are not
            # said to be (`300 Ukrainian soldiers and 40 civilians`)
            if any(r.startswith("actor:demonym") for r in prev.rules):
                return prev.actor, "actor:coordinated-demonym-soldier"
        return None
    if any(r.startswith(_DEMONYM_RULES) for r in prev.rules):
        return prev.actor, "actor:coordinated-demonym"
    if any(r.startswith("actor:possessive:") for r in prev.rules):
        # "Iran's barrage included 170 drones, more than 30 cruise missiles and ...": the
        # owner of the list's first item owns the items of the same kind after it
        return prev.actor, "actor:coordinated-owner"
    return None


def _serial_and(ctx: ClaimContext) -> bool:
    """Only `, and` stands between the previous figure's phrase and this one, or a partitive
    aside of that phrase set off by commas (`38 missiles, 12 of them Kinzhals, and 150 drones`:
    the aside is the previous figure, read back to `missiles`)."""
    prev_reading = ctx.prev_reading
    if prev_reading is None:
        return False
    between = ctx.toks[prev_reading.np_end + 1 : ctx.q.i]
    if len(between) == 2:
        return between[0].text == "," and between[1].low == "and"
    return (
        5 <= len(between) <= 9
        and between[0].text == ","
        and between[1].text[0].isdigit()
        and between[2].low == "of"
        and between[3].low in ("them", "which")
        and between[-2].text == ","
        and between[-1].low == "and"
        and all(t.text.isalpha() or t.text == "-" for t in between[4:-2])
    )


_CIVILIANS = frozenset("civilians nationals citizens residents villagers".split())
# the fates of men that a loss list names before the side's gear
_LOSS_CATEGORIES = frozenset({"casualties", "killed", "wounded"})


def _civilians_then_soldier(ctx: ClaimContext) -> bool:
    """The previous figure counts civilians (`Thai civilians`) and this one, with no word of
    its own before the noun, a state's regular soldiers (`one soldier`)."""
    prev_reading, subject = ctx.prev_reading, ctx.reading.subject
    if prev_reading is None or prev_reading.subject is None or subject is None:
        return False
    if subject[0] != subject[1] or ctx.toks[prev_reading.subject[1]].low not in _CIVILIANS:
        return False
    return ctx.toks[subject[1]].low in _REGULARS


# rules that name the captives' side by a word of their own phrase or the clause before
_CAPTIVE_SIDE_RULES = ("actor:clause-before", "actor:junta-state")


def _armed_pair(ctx: ClaimContext) -> bool:
    """The previous figure's counted head and this figure's are both nouns of armed people."""
    prev_reading, subject = ctx.prev_reading, ctx.reading.subject
    if prev_reading is None or prev_reading.subject is None or subject is None:
        return False
    a, b = ctx.toks[prev_reading.subject[1]].low, ctx.toks[subject[1]].low
    return (a in _REGULARS and b in _REGULARS) or (a in _IRREGULARS and b in _IRREGULARS)


# the ranks of a regular force, and the fighters of irregular ones: `Rwandan soldiers and two
# officers` are one side's, `Indian soldiers and a dozen militants` two sides'
_REGULARS = frozenset(
    """soldiers soldier troops servicemen serviceman officers officer generals commanders
    pilots sailors airmen marines paratroopers commandos reservists conscripts crews""".split()
)
_IRREGULARS = frozenset(
    "militants fighters insurgents rebels guerrillas jihadists gunmen militiamen".split()
)


def _article_list(ctx: ClaimContext) -> tuple[str, str] | None:
    """`destroyed a Russian landing ship and 14 drones`: a nationality word is shared along a
    list of equipment even when the first item is counted by `a`, not by a figure. The first
    item is one phrase (`a` or `an`, the demonym, lower-case words) that ends at `and`."""
    toks, i = ctx.toks, ctx.q.i
    if i < 4 or toks[i - 1].low != "and":
        return None
    for a in range(i - 3, max(ctx.prev_end, i - 7), -1):
        if toks[a].low in ("a", "an"):
            if not all(t.text.isalpha() and t.text.islower() for t in toks[a + 2 : i - 1]):
                return None
            found = np_actor(toks, ctx.texts, a + 1, a + 1)
            if found is None or not found[1].startswith("actor:demonym"):
                return None
            return found[0], "actor:article-list-demonym:" + found[1].split(":")[-1]
        if not toks[a].text.isalpha():
            return None
    return None


def _part(ctx: ClaimContext) -> tuple[str, str] | None:
    """`suffered 57,470 casualties, of whom 19,240 were killed`, `100 North Korean soldiers
    were killed and about 300 wounded`: a part of the previous figure, or a figure with no
    counted noun of its own that shares the previous figure's clause, is the same side's."""
    prev = ctx.prev
    if prev is None or not prev.actor:
        return None
    rd = ctx.reading
    if breakdown_link(ctx.toks, ctx.q.i) or "category:breakdown" in rd.rules:
        return prev.actor, "actor:part-of-previous"
    if apposed_part(ctx):
        return prev.actor, "actor:apposed-part"  # "90 Palestinian detainees, 69 women and"
    if "actor:part-of-previous" in prev.rules and (ctx.follows_previous() or parallel_place(ctx)):
        # "including 126 over the Kursk region and 91 over Bryansk": the next part
        return prev.actor, "actor:part-of-previous"
    toks, i = ctx.toks, ctx.q.i
    if (
        rd.partitive_pronoun
        or (i >= 2 and toks[i - 1].low == "of" and toks[i - 2].low == "out")
        or fronted_part(ctx)
    ):
        # "recruited 50,000 prisoners ..., about 10,000 of them had been killed", "405 of its
        # soldiers ..., out of 850 killed": a part of the previous figure, or its whole
        return prev.actor, "actor:partitive-of-previous"
    if (
        i >= 2
        and toks[i - 1].low == "which"
        and toks[i - 2].low == "of"
        and ctx.category == prev.category
    ):
        # "launched 87 drones and four missiles overnight, of which 61 drones were shot
        # down": `of which` makes the figure a part of what the sentence counted before
        return prev.actor, "actor:of-which"
    if _others_of_a_new_clause(ctx):
        return prev.actor, "actor:others-of-previous"
    after = _others_after_a_clause(ctx)
    if after is not None:
        return prev.actor, after
    if _of_the_same(ctx):
        # "launched 62 attack drones ..., and that 46 of the drones were shot down": a part of
        # what the sentence counted before, the same side's
        return prev.actor, "actor:partitive-of-the-same"
    if _added_same_noun(ctx):
        return prev.actor, "actor:added-same-noun"
    if _another_of_the_same(ctx):
        return prev.actor, "actor:another-of-the-same"
    own = _no_name_of_its_own(ctx)
    if own and ctx.category == prev.category and ctx.follows_previous(("to",)):
        # "ordered the Russian army to grow by 180,000 troops to a total of 1.5 million
        # active personnel": the total the figure before grows to is the same side's
        return prev.actor, "actor:grown-to"
    if own and ctx.category == prev.category and _with_part(ctx):
        # "The Palestinian death toll … rose above 29,900 …, with 96 people killed in the
        # previous 24 hours": the part `with` adds to a toll is the toll's side
        return prev.actor, "actor:with-part"
    if i >= 2 and toks[i - 1].low == "from" and toks[i - 2].low in ("up", "down"):
        if ctx.category == prev.category:
            return prev.actor, "actor:superseded"  # "479 Russian drones ..., down from 728"
    if (
        i >= 2
        and (toks[i - 2].low, toks[i - 1].low) in _ALONG_WITH
        and (ctx.category == prev.category or _gear_of_the_lost(ctx.category, prev.category))
    ):
        return prev.actor, "actor:along-with"
    subject = rd.subject
    bare = subject is None or _bare_status(ctx.toks, subject)
    j = ctx.q.j + 1
    if bare and j < len(toks) and toks[j].low == "more":
        # "23 Nigerien soldiers were killed ..., and five more are missing": more of them
        return prev.actor, "actor:more-of-previous"
    if bare and ctx.category in FATE_CATEGORIES and _same_clause(ctx):
        if _freed_captives(ctx, subject):
            return None
        return prev.actor, "actor:elliptical"
    if bare and ctx.category in FATE_CATEGORIES and _elliptical_after_phrase(ctx):
        return prev.actor, "actor:elliptical-after-phrase"
    if bare and ctx.category in FATE_CATEGORIES and _elliptical_new_clause(ctx):
        return prev.actor, "actor:elliptical-new-clause"
    if bare and ctx.category in FATE_CATEGORIES and i >= 2 and toks[i - 1].low == "that":
        if toks[i - 2].low == "and":
            # "estimates that 11,000 North Korean soldiers are in Kursk, and that several
            # hundred have been killed": a second complement of one verb, of the same group
            return prev.actor, "actor:elliptical-complement"
    return None


_FREEING_VERBS = frozenset("rescued freed liberated released".split())
_CAPTIVE_HEADS = frozenset("hostages captives abductees".split())


def _freed_captives(ctx: ClaimContext, subject: tuple[int, int] | None) -> bool:
    """`killed 76 Boko Haram fighters and rescued 132 hostages`: the captives a verb of
    freeing takes as its object are the victims the other side held, not more of the group the
    figure before counted (captives take their own side, CONVENTIONS.md)."""
    i = ctx.q.i
    if subject is None or i < 1 or ctx.toks[i - 1].low not in _FREEING_VERBS:
        return False
    return ctx.toks[subject[1]].low in _CAPTIVE_HEADS


def _bare_status(toks: list[Token], subject: tuple[int, int]) -> bool:
    """The figure counts no noun but its status word, maybe after adverbs of degree: `two
    seriously wounded` counts no group of its own, as `two wounded` does not."""
    if toks[subject[1]].low not in CATEGORY_NOUNS:
        return False
    return all(t.low.endswith("ly") and t.low.isalpha() for t in toks[subject[0] : subject[1]])


def _elliptical_new_clause(ctx: ClaimContext) -> bool:
    """`Three Malian soldiers were killed near Gao, and 5 were wounded`: a bare figure that
    opens a clause of its own after `, and`, with a verb of harm, counts more of the group the
    previous figure of harm counted (its noun is left out), as `and 30 were wounded` does in
    one clause; so does one after a count of troops (`300 Colombians are fighting for
    Ukraine, and at least 50 have been killed`: of those fighters). Not past a speech tag
    (`…, he added, and 11 were captured` keeps no side in claimants_r22 c2217: the clause
    after the tag is the reporter's)."""
    toks, i, j = ctx.toks, ctx.q.i, ctx.q.j
    prev = ctx.prev
    if prev is None or prev.subject is None:
        return False
    if prev.category not in FATE_CATEGORIES and prev.category != "troops":
        return False
    if i < 3 or toks[i - 1].low != "and" or toks[i - 2].text != ",":
        return False
    if any(t.low in _SPEECH_VERBS for t in toks[ctx.prev_end + 1 : i]):
        return False
    return j + 1 < len(toks) and toks[j + 1].low in STATE_AUX


def _gear_of_the_lost(category: str, prev_category: str | None) -> bool:
    """`destroyed a Ukrainian brigade: 400 soldiers, along with 17 armoured vehicles`: the
    equipment lost along with a side's men is that side's too."""
    return category == "equipment" and prev_category in ("casualties", "killed", "captured")


def _others_of_a_new_clause(ctx: ClaimContext) -> bool:
    """`killed four Kenyan soldiers in an attack in Lamu, and three others were wounded`:
    `N others` that opens a clause of its own after `, and` are others of the group the
    previous figure's clause counted. In one list with the previous phrase (`5 soldiers and
    2 others were killed`) they are others than that group, and keep no side."""
    rd, prev_reading = ctx.reading, ctx.prev_reading
    toks, i = ctx.toks, ctx.q.i
    if rd.subject is None or prev_reading is None or toks[rd.subject[1]].low != "others":
        return False
    if i < 3 or toks[i - 1].low != "and" or toks[i - 2].text != ",":
        return False
    return prev_reading.np_end < i - 3 and ctx.category in FATE_CATEGORIES


def _others_after_a_clause(ctx: ClaimContext) -> str | None:
    """`said 6 of its fighters were missing ..., and that Rabat was holding 2 others`: `N
    others` (no word of its own before it) as the object of a later clause joined by `, and`
    are others of the group the previous figure counted, whoever holds or names them there
    (captives take their own side). So are they as the object of a second verb of the same
    subject (`killed 15 fighters of the al-Shabaab group and captured four others`)."""
    rd, prev_reading = ctx.reading, ctx.prev_reading
    toks, i = ctx.toks, ctx.q.i
    if rd.subject is None or prev_reading is None or toks[rd.subject[1]].low != "others":
        return None
    if ctx.category not in FATE_CATEGORIES or ctx.prev is None:
        return None
    if ctx.prev.category not in FATE_CATEGORIES or rd.subject[0] != ctx.q.j + 1:
        return None
    between = toks[prev_reading.np_end + 1 : i]
    if len(between) > 20 or toks[i - 1].low in ("and", "or", ","):
        return None  # `5 soldiers and 2 others`: one list, others than that group
    joins = [k for k in range(len(between) - 1) if between[k].text == ","]
    if any(between[k + 1].low == "and" for k in joins):
        return "actor:others-after-clause"
    if len(between) >= 2 and between[-2].low == "and" and between[-1].low in VERB_CATEGORY:
        return "actor:others-after-second-verb"
    return None


def _of_the_same(ctx: ClaimContext) -> bool:
    """`46 of the drones` after a figure of `attack drones` in the sentence: `N of the X`
    whose X is the previous figure's counted noun."""
    toks, j = ctx.toks, ctx.q.j
    prev = ctx.prev
    if prev is None or prev.subject is None or j + 3 >= len(toks) or toks[j + 1].low != "of":
        return False
    if toks[j + 2].low not in ("the", "these", "those"):
        return False
    k = j + 3 if toks[j + 3].low in COUNTED_NOUNS else j + 4
    if k >= len(toks) or toks[k].low not in COUNTED_NOUNS:
        return False
    head = toks[k].low
    num_at = ctx.sentence.num_at
    # the noun counted by an earlier figure of the sentence (`62 attack drones`), whose side
    # the figures since have kept
    for m in range(ctx.q.i - 1, 0, -1):
        if toks[m].low == head and any(x in num_at for x in range(max(0, m - 3), m)):
            return True
    return False


_ADDING = frozenset("adding added adds".split())


def _added_same_noun(ctx: ClaimContext) -> bool:
    """`Russia launched 728 drones ..., the air force said, adding that 718 drones had been
    shot down`: what a speaker adds (`adding that`) goes on reporting the same event, so a
    figure there whose counted noun (with no name of its own) is the noun an earlier figure
    of the sentence counted counts the same side's things."""
    toks, i = ctx.toks, ctx.q.i
    subject = ctx.reading.subject
    if subject is None or i < 2 or toks[i - 1].low != "that" or toks[i - 2].low not in _ADDING:
        return False
    if ctx.prev_end >= i - 2 or ctx.category != ctx.prev.category:
        return False
    return _noun_counted_before(ctx, subject, i - 3, 3)


def _no_name_of_its_own(ctx: ClaimContext) -> bool:
    """The figure's counted phrase names no one (no capitalised word): it can take a side."""
    subject = ctx.reading.subject
    if subject is None:
        return True
    return not any(t.text[0].isupper() for t in ctx.toks[subject[0] : subject[1] + 1])


def _with_part(ctx: ClaimContext) -> bool:
    """`…, the ministry said, with 96 people killed`: `with` opens the figure's phrase after
    the previous figure's clause, past a comma, in the same sentence."""
    toks, i = ctx.toks, ctx.q.i
    return i >= 2 and toks[i - 1].low == "with" and toks[i - 2].text == ","


def _another_of_the_same(ctx: ClaimContext) -> bool:
    """`shot down 112 of the Russian drones and four of the missiles, while another 39 drones
    were lost to jamming`: `another` adds to things the sentence counted before with the
    same noun (no name of its own), of the same category, so they are the same side's."""
    toks, i = ctx.toks, ctx.q.i
    subject = ctx.reading.subject
    if subject is None or i < 3 or toks[i - 1].low != "another":
        return False
    if ctx.category != ctx.prev.category:  # type: ignore[union-attr]
        return False
    return _noun_counted_before(ctx, subject, i - 2, 4)


def _noun_counted_before(
    ctx: ClaimContext, subject: tuple[int, int], last: int, reach: int
) -> bool:
    """The figure's counted noun, with no name of its own, stands at or before token `last`
    with a number up to `reach` tokens before it: an earlier figure counted the same things."""
    toks = ctx.toks
    if any(t.text[0].isupper() for t in toks[subject[0] : subject[1] + 1]):
        return False
    head = toks[subject[1]].low
    num_at = ctx.sentence.num_at
    for m in range(last, 0, -1):
        if toks[m].low == head and any(x in num_at for x in range(max(0, m - reach), m)):
            return True
    return False


def _elliptical_after_phrase(ctx: ClaimContext) -> bool:
    """`192 of its servicemen were killed in the one-day offensive and 511 wounded`: a bare
    status figure after `and` that ends the previous figure's clause, past a phrase of place
    or time (no comma, no name, no other verb of its own), is the same group's."""
    prev_reading, prev = ctx.prev_reading, ctx.prev
    if prev_reading is None or prev is None or prev.category not in FATE_CATEGORIES:
        return False
    toks, i = ctx.toks, ctx.q.i
    between = toks[prev_reading.np_end + 1 : i]
    if len(between) < 3 or len(between) > 12 or between[-1].low != "and":
        return False
    if between[-2].text == ",":
        # "…had been killed in the territory since October 2023, and 113,274 wounded": a
        # comma before the `and` of a verbless conjunct still ends the same clause
        between = between[:-2]
    return all(t.text[0].islower() or t.text == "-" or _date_word(t) for t in between)


def _date_word(t: Token) -> bool:
    """A month or a year in a phrase of time (`since October 2023`): no name of a side."""
    return t.low in MONTHS or (len(t.text) == 4 and t.text.isdigit())


def _same_clause(ctx: ClaimContext) -> bool:
    """Only `and` (or a comma) and verbs stand between the previous figure's phrase and this
    figure: `were killed and about 300`."""
    prev_reading = ctx.prev_reading
    if prev_reading is None:
        return False
    between = ctx.toks[prev_reading.np_end + 1 : ctx.q.i]
    if not between or len(between) > 5 or not any(t.low in ("and", ",") for t in between):
        return False
    return all(t.text[0].islower() or t.text == "," for t in between)


def _earlier(ctx: ClaimContext) -> tuple[str, str] | None:
    """What earlier figures named: for a figure that only compares (`up from 40,000`), the
    actor of the one it compares to; for `the troops` or `18 of them`, the actor last named in
    the paragraph with the same kind of troops (or with any, for people and pronouns)."""
    rd, prev = ctx.reading, ctx.prev
    if rd.inherit and prev is not None and prev.actor:
        return prev.actor, "actor:inherited"
    if rd.definite and rd.subject is None and prev is not None and prev.actor:
        # "sent another 3,000 troops on top of the roughly 11,000 deployed last autumn": a
        # definite bare figure of the same kind as the figure before it in the sentence
        # counts more of the same side's people
        if prev.category == ctx.category:
            return prev.actor, "actor:definite-bare-of-previous"
    if ctx.category in ("other", "displaced") or not (rd.definite or rd.partitive_pronoun):
        return None
    if rd.partitive_pronoun and not rd.definite:
        # `Some 4,000 of them have since been killed`, a sentence after the side was named:
        # the actor comes from the figure's own sentence only (CONVENTIONS.md, `Of them, 300…`
        # in a later sentence has none)
        if prev is not None and prev.actor:
            return prev.actor, "actor:partitive-of-previous"
        return None
    head = ctx.toks[rd.subject[1]].low if rd.subject else "*"
    actors = ctx.sentence.para.actors
    carried = actors.get(head) or (actors.get("*") if head in _CARRY_HEADS or head == "*" else None)
    return (carried, "actor:carried-over") if carried else None


_TOTAL_VERBS = frozenset("bringing taking raising pushing".split())


def _brought_total(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Five Israeli soldiers were killed …, the military said, bringing the army's toll in
    the ground operation to 37`: a clause of result (`, bringing X to N`) gives the running
    total the previous figure of the sentence adds to; of the same category, counting no
    noun of its own (a toll, not `the number of arrivals`) and naming no side of its own,
    the total is that figure's side's."""
    prev, toks, i = ctx.prev, ctx.toks, ctx.q.i
    if prev is None or not prev.actor or prev.category != ctx.category or i < 3:
        return None
    if ctx.reading.subject is not None:
        return None  # `taking the number of arrivals to 600,000`: a group of its own naming
    if toks[i - 1].low != "to":
        return None
    for k in range(i - 2, max(ctx.prev_end, i - 12), -1):
        t = toks[k]
        if t.text in (";", ":"):
            return None
        if t.low in _TOTAL_VERBS and toks[k - 1].text == ",":
            if any(ctx.texts[m] in FIRST_WORDS and entity_at(ctx.texts, m) for m in range(k, i)):
                return None  # `bringing Ukraine's toll to …`: a side of its own
            return prev.actor, "actor:brought-total"
    return None


def _topic(ctx: ClaimContext) -> tuple[str, str] | None:
    """`For Ukraine, the slides gave a range of 15,500 to 17,500`: a sentence that opens by
    naming a side (`For X,`) gives its figures that side when nothing nearer does."""
    toks, texts = ctx.toks, ctx.texts
    if toks[0].low != "for" or len(toks) < 4 or texts[1] not in FIRST_WORDS:
        return None
    hit = entity_at(texts, 1)
    if hit is None or toks[1 + hit[2]].text != ",":
        return None
    return hit[0], f"actor:topic:{hit[3]}"


# Who fights for a state, and who for an armed group: in `Nigerian troops repelled a Boko Haram
# raid on Monguno; 11 soldiers and 37 insurgents were killed` the soldiers are the state's and
# the insurgents the group's, whichever of the two is the subject of the clause before.
_REGULAR_HEADS = frozenset(
    """soldiers soldier troops servicemen serviceman officers officer police policemen marines
    sailors personnel conscripts reservists guards paratroopers troopers airmen pilots
    peacekeepers""".split()
)
_IRREGULAR_HEADS = frozenset(
    "fighters insurgents militants rebels militiamen jihadists guerrillas combatants".split()
)
_FORCE_NOUNS = _REGULAR_HEADS | _IRREGULAR_HEADS
_STATES = (
    frozenset(gazetteer.DEMONYMS) | frozenset(gazetteer.COUNTRIES) | frozenset(gazetteer.CAPITALS)
)
_CLAUSE_BREAKS = frozenset(";—–")
_PLACE_BEFORE = frozenset("in at near from to into toward towards across inside outside".split())
_CLAUSE_BEFORE_CATEGORIES = frozenset(
    {"troops", "killed", "wounded", "casualties", "missing", "captured"}
)


def _clause_break(toks: list[Token], i: int) -> int:
    """The `;` or dash (`—`, `–`, a hyphen with spaces round it) nearest before token `i`
    that opens the figure's clause, or the comma before a clause of result (`, leaving`);
    -1 for none."""
    for k in range(i - 1, 0, -1):
        t = toks[k]
        if t.text in _CLAUSE_BREAKS:
            return k
        if t.low == "leaving" and toks[k - 1].text == ",":
            return k - 1  # "Philippine troops clashed with ..., leaving five soldiers wounded"
        if t.text == "-" and t.start > toks[k - 1].end and k + 1 < len(toks):
            if toks[k + 1].start > t.end:
                return k
    return -1


def _clause_before(ctx: ClaimContext) -> tuple[str, str] | None:
    """`Nigerian troops repelled a Boko Haram raid on a base in Monguno; 11 soldiers and 37
    insurgents were killed`, `Eritrean units pulled back from Zalambessa - about 2,000
    troops`: after a semicolon or a dash, soldiers with no side of their own are the side of
    the one state the clause before names (not as a place), and fighters, insurgents or
    rebels the side of the one armed group it names. Two states, or none, give nothing.
    A clause of result after a comma is read the same way (`Philippine troops clashed with
    Abu Sayyaf gunmen on Jolo, leaving five soldiers wounded`)."""
    subject = ctx.reading.subject
    if subject is None:
        return None
    toks = ctx.toks
    heads = [t.low for t in toks[subject[0] : subject[1] + 1] if t.low in _FORCE_NOUNS]
    if not heads or any(t.text[0].isupper() for t in toks[subject[0] : subject[1] + 1]):
        return None  # `soldiers wounded` counts soldiers; a capital word names its own side
    regular = heads[-1] in _REGULAR_HEADS
    mark = _clause_break(toks, ctx.q.i)
    if mark < 2 or toks[mark - 1].text == ")" or (toks[0].text.isupper() and toks[1].text == ","):
        return None  # "GOMA, Congo (AP) — M23 rebels ...": a dateline's dash opens no clause
    texts = ctx.texts
    skip = ctx.sentence.speaker_spans
    sides: dict[str, str] = {}
    q = 0
    while q < mark:
        hit = entity_at(texts, q) if texts[q] in FIRST_WORDS else None
        if hit is None:
            q += 1
            continue
        placed = q > 0 and toks[q - 1].low in _PLACE_BEFORE
        spoken = any(s <= q <= e for s, e in skip)
        actor = hit[0]
        if (
            not placed
            and not spoken
            and actor not in gazetteer.UNARMED_ORGS
            and (actor in _STATES) == regular
        ):
            sides.setdefault(actor, hit[3])
        q += hit[2]
    if len(sides) != 1:
        return None
    ((actor, surface),) = sides.items()
    return actor, "actor:clause-before:" + surface


# In order, each with the categories it reads an actor for (None: all of them).
_ATTACK_HEADS = frozenset("attack attacks strike strikes barrage assault raid offensive".split())
_DURING = frozenset("during in amid".split())
_ATTACK_STOPS = frozenset("; : , said says told while but".split())


def _in_sides_attack(ctx: ClaimContext) -> tuple[str, str] | None:
    """`the 19 drones that entered Poland's airspace during a Russian attack`: weapons used
    in a side's attack, named later in the figure's clause (`during`, `in` or `amid`, an
    article, adjectives, a demonym, the attack noun), are the attacker's."""
    toks, texts = ctx.toks, ctx.texts
    n = len(toks)
    j = max(ctx.reading.np_end, ctx.q.j) + 1
    for p in range(j, min(n - 1, j + 14)):
        w = toks[p].low
        if w in _ATTACK_STOPS or p in ctx.sentence.num_at:
            return None
        if w not in _DURING:
            continue
        k = p + 2 if p + 2 < n and toks[p + 1].low in ("a", "an", "the") else p + 1
        while k < min(n - 1, p + 4) and toks[k].text.isalpha() and toks[k].text.islower():
            k += 1  # "in a massive Russian strike": an adjective before the demonym
        hit = match_at(texts, k) if texts[k] in FIRST_WORDS else None
        if hit is None or hit[1] != "demonym" or k + hit[2] >= n:
            continue
        if toks[k + hit[2]].low in _ATTACK_HEADS:
            return hit[0], f"actor:in-sides-attack:{hit[3]}"
    return None


ACTOR_RULES: tuple[tuple[ActorRule, frozenset[str] | None], ...] = (
    (_ethnic_group, None),
    (_in_phrase, None),
    (_far_phrase, _FROM_CATEGORIES),
    (_opening, _FROM_CATEGORIES),
    (_of_phrase, _FROM_CATEGORIES),
    (_origin, _FROM_CATEGORIES),
    (_predicate_demonym, _SERVING_CATEGORIES),
    (_included_in, _SERVING_CATEGORIES),
    (_enemy, frozenset(CATEGORIES) - {"other", "displaced"}),
    (_clause_subject, frozenset(CATEGORIES) - {"other", "displaced"}),
    (_owner, _FROM_CATEGORIES),
    (_subject_owner, FATE_CATEGORIES),
    (_colon_object, FATE_CATEGORIES),
    (_attacked_side, FATE_CATEGORIES),
    (_apposition, frozenset({"troops"})),
    (_apposition_of, frozenset({"troops"})),
    (_coordinated, None),
    (_article_list, frozenset({"equipment"})),
    (_part, None),
    (_in_sides_attack, frozenset({"equipment"})),
    (_clause_before, _CLAUSE_BEFORE_CATEGORIES),
    (_earlier, None),
    (_brought_total, frozenset(CATEGORIES) - {"other"}),
    (_topic, None),
)
# Each category -> its rules, in order: a rule is not even called for another category.
_RULES_FOR: dict[str, tuple[ActorRule, ...]] = {
    category: tuple(rule for rule, only in ACTOR_RULES if only is None or category in only)
    for category in CATEGORIES
}


def actor_of(ctx: ClaimContext) -> tuple[str | None, Rules]:
    """The actor the first rule of `ACTOR_RULES` for the figure's category names, or None."""
    for rule in _RULES_FOR[ctx.category]:
        found = rule(ctx)
        if found is not None:
            return found[0] or None, (found[1],)
    para = ctx.sentence.para
    if para.heading and ctx.category != "other":
        side = heading_side(para)
        if side is not None:
            return side, (HEADING_SIDE,)
    return None, ()


HEADING_SIDE = "actor:list-heading"
_LOSS_HEADS = frozenset({"losses", "loss"})
_POSSESSIVE = frozenset({"'s", "’s"})


def heading_side(para: Paragraph) -> str | None:
    """`Russia's losses in Ukraine as of 4 December:\n▪️ total: 721,930`: the side whose
    losses a post's list heading names owns the figures of its items that name none (read
    once per list; `None` when the heading names no side's losses)."""
    if para.heading_side is None:
        para.heading_side = losses_side(para.heading) or ""
    return para.heading_side or None


def losses_side(line: str) -> str | None:
    """The side whose `losses` a line names (`Russia's losses …`, `confirmed Russian
    losses`), or None."""
    toks = tokenize(line)
    texts = [t.text for t in toks]
    for k, t in enumerate(toks):
        if t.low not in _LOSS_HEADS:
            continue
        for p in range(k - 1, max(-1, k - 5), -1):  # back through the noun's modifiers
            w = texts[p]
            if not (w.isalpha() or w in _POSSESSIVE):
                break  # `General Staff of the AFU: total combat losses`: not the AFU's
            hit = match_at(texts, p) if w[:1].isupper() else None
            if hit is not None:
                return hit[0]
        return _losses_of(texts, k + 1)
    return None


def _losses_of(texts: list[str], k: int) -> str | None:
    """`Total combat losses of Russian forces …`, `Losses of the Armed Forces of Ukraine in
    …`: the side named in the name phrase after `losses of` (capitalised words and the small
    words between them; `losses of the enemy` names none)."""
    if k >= len(texts) or texts[k] != "of":
        return None
    for p in range(k + 1, min(len(texts), k + 7)):
        w = texts[p]
        if w[:1].isupper():
            hit = match_at(texts, p)
            if hit is not None:
                return hit[0]
        elif w not in ("the", "of"):
            return None
    return None


FOOTER_SIDE = "actor:list-footer"
