"""Attribution stage: who asserts the figure, as written and as a claimant.

The speaker whose clause governs the figure is chosen with the context
(`attribution.choice.choose`); this stage gives the claim its words and its claimant. A `he said`, a
bare title (`the official said`), a surname or an acronym stands for the speaker the passage
named before (`speakers.SpeakerMemory`), written beside it: `The official [A US official]`;
the claimant is that speaker's clean name (`claimants.claimant_name`), so that all the names
of one speaker in a report give one claimant.
"""

from __future__ import annotations

from projections.extraction import gazetteer
from projections.extraction.attribution import continued_quote, transcript_turns
from projections.extraction.attribution.colon_sources import QA_ANSWER
from projections.extraction.attribution.speaker import Speaker
from projections.extraction.claimants import claimant_name
from projections.extraction.context import ClaimContext, Rules, SentenceContext
from projections.extraction.speakers import PRONOUNS, SpeakerMemory, sentence_subject


def attribution_of(ctx: ClaimContext) -> tuple[str | None, str | None, Rules]:
    """The speaker's words as written and the claimant they name, or None for both when no
    one is said to assert the figure; the rules end with the sources kept out (`kept_out`)."""
    said, claimant, rules = _attribution(ctx)
    if ctx.lost or ctx.sentence.refused:
        rules = (*rules, *kept_out(ctx))
    return said, claimant, rules


def kept_out(ctx: ClaimContext) -> list[str]:
    """The decisions that kept a wrong source out, each as its rule and the words it refused
    (`attribution:refused:negated "Casualty figures could not"`), so that `--explain` names
    them too: phrases the finders refused or cut, then the sentence's other speakers with the
    reason each does not govern this figure (`attribution:lost:reach-cut "the agency"`)."""
    sent = ctx.sentence
    out = [f'{rule} "{sent.text_of(a, b)}"' for rule, a, b in sent.refused]
    out.extend(f'attribution:lost:{why} "{sent.text_of(sp.start, sp.end)}"' for why, sp in ctx.lost)
    return list(dict.fromkeys(out))  # two verbs of one phrase refuse it once


def _attribution(ctx: ClaimContext) -> tuple[str | None, str | None, Rules]:
    speaker = ctx.speaker
    if speaker is None or speaker.first_person:
        # a quote's own `we` is its speaker's, whom the tag after the quote names
        sent = ctx.sentence
        if speaker is None and not sent.speakers:
            if continued_quote.continues_quote(sent.text, sent.start):
                return _quote_goes_on(ctx)
        if speaker is not None or not sent.speakers:
            ahead = continued_quote.tag_ahead(sent.text, sent.start, sent.end)
            if ahead is not None:
                return _quote_tagged_ahead(ctx, ahead)
        if speaker is None:
            if not sent.speakers:
                label = transcript_turns.turn_speaker(sent.text, sent.start)
                if label is not None:
                    return label, claimant_name(label), (transcript_turns.RULE,)
                if transcript_turns.answer_turn(sent.text, sent.start):
                    person = sent.para.speakers.latest(person=True)
                    if person is not None:
                        rules = (transcript_turns.ANSWER_TURN,)
                        return f"A [{person}]", claimant_name(person), rules
            return None, None, ()
    sent, toks = ctx.sentence, ctx.toks
    said = sent.text_of(speaker.start, speaker.end)
    rules: tuple[str, ...] = (speaker.rule, *speaker.notes)
    if QA_ANSWER in speaker.notes:
        person = sent.para.speakers.latest(person=True)
        if person is None:
            return None, None, ()  # an answer with no one named to give it
        return f"{said} [{person}]", claimant_name(person), rules
    if speaker.rel > ctx.q.j:
        rules = (*rules, "attribution:relative-clause")  # "the 3,000 that Moscow reported"
    if speaker.kind == "official" and toks[speaker.start].low in ("its", "their"):
        return _own_subject(ctx, said, rules)  # `its official count`
    if speaker.start == speaker.end and toks[speaker.start].low in ("it", "they"):
        named = _named_before_in_sentence(ctx, speaker.start)
        if named is not None:
            return f"{said} [{named}]", claimant_name(named), (SAME_SENTENCE, *rules)
        subject = _subject_of_pronoun(ctx, speaker.start)
        if subject is not None:
            return f"{said} [{subject[0]}]", claimant_name(subject[0]), (subject[1], *rules)
    named = _description_named_before(ctx, speaker)
    if named is not None:
        return f"{said} [{named}]", claimant_name(named), (DESCRIPTION_SAME_SENTENCE, *rules)
    named = _group_named_before(ctx, speaker)
    if named is not None:
        return f"{said} [{named}]", claimant_name(named), (GROUP_SAME_SENTENCE, *rules)
    memory = sent.para.speakers
    owner = _owner_of_document(ctx, speaker, memory)
    if owner is not None:
        return f"{said} [{owner}]", claimant_name(owner), (OWNED_DOCUMENT, *rules)
    memory.declined = None
    resolved = memory.resolve(toks, speaker)
    if resolved is not None:
        first, rule = resolved
        if first != said:
            return f"{said} [{first}]", claimant_name(first), (rule, *rules)
    elif memory.declined is not None:
        # `The junta's information team` after `The Arakan Army said`: a speaker of its own
        rules = (*rules, f'{memory.declined[0]} "{memory.declined[1]}"')
    if speaker.start == speaker.end and toks[speaker.start].low in PRONOUNS:
        return said, None, rules  # no one named: no claimant
    e = speaker.end
    if e > speaker.start and toks[e].low in _ITS_PEOPLE and toks[e - 1].text[0].isupper():
        # "Medecins Sans Frontieres teams treated 1,340 wounded people": the teams are the
        # body's; the claimant is the body, as the description after them means it
        body = sent.text_of(speaker.start, e - 1)
        return said, claimant_name(body), (*rules, "attribution:claimant:body-of-its-people")
    return said, claimant_name(said), rules


OWNED_DOCUMENT = "attribution:owner-resolved"
# what a speaker issues, written with its possessive (`Its daily report listed 11 tanks`)
_ISSUED_HEADS = frozenset(
    """report reports update updates statement statements count tally figures data bulletin
    assessment summary briefing""".split()
)


def _owner_of_document(ctx: ClaimContext, speaker: Speaker, memory: SpeakerMemory) -> str | None:
    """`… Ukraine's General Staff said. Its daily report listed 11 Russian tanks`: a report,
    count or statement owned by `its` or `their` speaks for the owner, the speaker the
    pronoun means (CONVENTIONS.md: pronouns resolve to the named speaker); a title owned so
    (`Its chief, Kyrylo Budanov`) is a speaker of its own. A body's own part (`its human
    rights office`) speaks for it too; a source the same sentence named before the
    possessive (`The UN put the toll higher: … its human rights office said`) is nearer than
    any speaker of an earlier sentence."""
    toks = ctx.toks
    first = toks[speaker.start].low
    if first not in ("its", "their") or speaker.end == speaker.start:
        return None
    if toks[speaker.end].low not in _ISSUED_HEADS and toks[speaker.end].low not in _OWNED_BODIES:
        return None
    named = _named_before_in_sentence(ctx, speaker.start)
    if named is not None:
        return named
    subject = sentence_subject(toks)
    if (
        subject is not None
        and subject.end < speaker.start
        and toks[subject.start].low not in PRONOUNS
        and any(t.text[0].isupper() for t in toks[subject.start : subject.end + 1])
    ):
        return ctx.sentence.text_of(subject.start, subject.end)
    return memory.owner("it" if first == "its" else "they")


# a body's own parts, which speak for it (`The UN put the toll higher: … its human rights
# office said 207 people had been killed`); a person it owns (`Its chief`) speaks for themself
_OWNED_BODIES = frozenset(
    "office offices branch wing arm department directorate secretariat mission".split()
)


SAME_SENTENCE = "attribution:pronoun-same-sentence"
DESCRIPTION_SAME_SENTENCE = "attribution:description-same-sentence"
# what a body is called when the sentence has named it already (`the charity said`)
_DESCRIPTIONS = frozenset("charity organisation organization agency group body".split())
# the people a body sends, whom its name stands before (`Medecins Sans Frontieres teams`)
_ITS_PEOPLE = frozenset("teams workers doctors medics surgeons volunteers".split())


def _description_named_before(ctx: ClaimContext, speaker: Speaker) -> str | None:
    """`Medecins Sans Frontieres teams have treated 860 people ..., the charity said`: a
    description (`the charity`, `the charity's latest report`) that speaks after another
    speaker of the same sentence, outranked by it, whose phrase is a name and then the
    body's people: the name is what the description means (CONVENTIONS.md: descriptions
    resolve like pronouns, also inside one sentence)."""
    toks = ctx.toks
    s = speaker.start
    if toks[s].low != "the" or s + 1 > speaker.end or toks[s + 1].low not in _DESCRIPTIONS:
        return None
    if s + 2 <= speaker.end and toks[s + 2].low not in ("'s", "’s"):
        return None
    for why, sp in ctx.lost:
        if why != "outranked" or sp.end >= s or sp.end <= sp.start:
            continue
        if toks[sp.end].low not in _ITS_PEOPLE or not toks[sp.end - 1].text[0].isupper():
            continue
        return ctx.sentence.text_of(sp.start, sp.end - 1)
    return None


GROUP_SAME_SENTENCE = "attribution:group-named-before"
# what an armed group is called when the sentence has named it already (`the group said`)
_GROUP_DESCRIPTIONS = frozenset("group militia movement rebels insurgents jihadists".split())
# the gazetteer's states: their armed forces (`FAMa`, `the SAF`) are no `group`
_STATES = frozenset(gazetteer.COUNTRIES) | frozenset(gazetteer.DEMONYMS)


def _group_named_before(ctx: ClaimContext, speaker: Speaker) -> str | None:
    """`Fighters of the Arakan Army ... captured about 200 junta troops ..., the group said`:
    `the group` (the militia, the movement, the rebels) that speaks after the sentence has
    named one armed group, and one only, by a name of the gazetteer that is no state's,
    stands for that group (CONVENTIONS.md: descriptions resolve like pronouns, also inside
    one sentence). Two groups named, or none: the description stays as written."""
    toks, texts = ctx.toks, ctx.texts
    s = speaker.start
    if s + 1 != speaker.end or toks[s].low != "the" or toks[s + 1].low not in _GROUP_DESCRIPTIONS:
        return None
    found: tuple[str, int, int] | None = None
    first_words = gazetteer.FIRST_WORDS
    i = 0
    while i < s:
        hit = gazetteer.match_at(texts, i) if texts[i] in first_words else None
        if hit is None:
            i += 1
            continue
        actor, kind, n = hit[0], hit[1], hit[2]
        if kind == "org" and actor not in _STATES:
            if found is not None and found[0] != actor:
                return None
            found = found or (actor, i, i + n - 1)
        i += n
    if found is None:
        return None
    a, b = found[1], found[2]
    if a > 0 and toks[a - 1].low == "the":
        a -= 1
    return ctx.sentence.text_of(a, b)


GROUP_SUBJECT = "attribution:pronoun-of-group-subject"
SUBJECT_OF_PRONOUN = "attribution:pronoun-of-subject"
_OPENING_VERBS = frozenset("showed shows took takes gave gives held holds".split())


def _subject_of_pronoun(ctx: ClaimContext, pronoun: int) -> tuple[str, str] | None:
    """`The rebels paraded what they said were 14 captured vehicles`, `The group released a
    video showing what it said were 14 captured soldiers`: an `it` or `they` that speaks
    inside the clause of a sentence that opens with its subject (an article and at most
    three lower-case words, then a past verb), with no punctuation between, stands for that
    subject; a subject `the group` (the militia, the movement) for the armed group the
    paragraph last named (CONVENTIONS.md: descriptions resolve like pronouns). Outside a
    free relative (`what it said`) only `the group` is read. (words, rule) or None."""
    toks = ctx.toks
    if pronoun < 3 or toks[pronoun].low not in ("it", "they") or toks[0].low != "the":
        return None
    verb = next(
        (
            k
            for k in range(2, min(pronoun, 5))
            if toks[k].low.endswith("ed") or toks[k].low in _OPENING_VERBS
        ),
        -1,
    )
    if verb < 0 or any(not t.text[0].isalnum() for t in toks[1:pronoun]):
        return None
    if any(not t.text.islower() for t in toks[1:verb]):
        return None  # `The Arakan Army ...`: a name, which its own rules read
    if verb == 2 and toks[1].low in _GROUP_DESCRIPTIONS and toks[pronoun].low == "it":
        org = ctx.sentence.para.org
        if org is not None and org not in _STATES:
            return org, GROUP_SUBJECT
    if toks[pronoun - 1].low != "what":
        return None
    return ctx.sentence.text_of(0, verb - 1), SUBJECT_OF_PRONOUN


def _named_before_in_sentence(ctx: ClaimContext, before: int) -> str | None:
    """`According to Ukraine's air force, Russia launched 93 drones …; it said 71 were shot
    down`: the source the sentence named before an `it` or `they` that speaks is what the
    pronoun stands for, nearer than any speaker of an earlier sentence."""
    sent, toks = ctx.sentence, ctx.toks
    for sp in reversed(sent.speakers):
        if sp.end >= before or sp.kind not in ("speech", "according-to"):
            continue
        if sp.start == sp.end and toks[sp.start].low in PRONOUNS:
            return None  # `they said …, and it said …`: nothing named to stand for
        return sent.text_of(sp.start, sp.end)
    return None


def _quote_goes_on(ctx: ClaimContext) -> tuple[str | None, str | None, Rules]:
    """`"…," an official said. "Another 20 people are still missing."`: the second sentence
    of a quote is its speaker's, the one the tag before it named (`continued_quote`)."""
    latest = ctx.sentence.para.speakers.latest()
    if latest is None:
        return None, None, ()
    return latest, claimant_name(latest), (continued_quote.RULE,)


def _quote_tagged_ahead(ctx: ClaimContext, said: str) -> tuple[str | None, str | None, Rules]:
    """`"We shot down 38 drones. Four more fell in Crimea," the ministry said.`: the first
    sentence of a quote is the speaker's of the tag after its closing mark; a `he` there
    stands for the speaker last named before the quote."""
    rules: Rules = (continued_quote.AHEAD_RULE,)
    if said.lower() in PRONOUNS:
        latest = ctx.sentence.para.speakers.latest()
        if latest is None:
            return said, None, rules
        return f"{said} [{latest}]", claimant_name(latest), ("attribution:pronoun-resolved", *rules)
    return said, claimant_name(said), rules


def _own_subject(
    ctx: ClaimContext, said: str, rules: Rules
) -> tuple[str | None, str | None, Rules]:
    """`The Soviet Union rotated … troops …, and its official count of the dead was 15,051`:
    the possessive speaks for the subject of its own sentence (CONVENTIONS.md, v057), or for
    no one when the sentence opens with no name."""
    subject = sentence_subject(ctx.toks)
    if subject is None:
        return None, None, ()
    first = ctx.sentence.text_of(subject.start, subject.end)
    return f"{said} [{first}]", claimant_name(first), ("attribution:own-subject", *rules)


def remember_speaker(sent: SentenceContext) -> None:
    """Hand the passage's speaker memory the speakers found in this sentence, so that it need
    not find them again when a later sentence says `he said`."""
    sent.para.speakers.note(sent.toks, sent.speakers)
