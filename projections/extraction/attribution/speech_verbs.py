"""Speakers of reporting verbs, and the one pass over a sentence that finds every speaker.

A verb speaks only when its clause makes it a statement: `reports` after `denied` is a noun,
`gave` speaks only with a count as object (`gave a figure of`), `accused` only with a charge
(`of killing`), `put` only as `put … at N`. The scan is linear in the sentence's tokens and
hands the non-verb triggers (`according to`, a colon, `'s count`, `by`) to their finders.
"""

from __future__ import annotations

from projections.extraction.attribution.by_agents import (
    DOCUMENT_OWNER,
    REDUCED_ASIDE,
    count_keeper,
    document_owner,
    estimated_by,
    figure_given_by,
    issuer_before,
    kept_by,
    passive_agent,
    reduced_aside,
    reported_by,
)
from projections.extraction.attribution.came_from import CAME, came_from
from projections.extraction.attribution.colon_sources import colon_source
from projections.extraction.attribution.count_owners import named_count, official_count, possessor
from projections.extraction.attribution.credits import credit
from projections.extraction.attribution.speaker import Refusal, Speaker
from projections.extraction.attribution.speaker_spans import (
    INITIALISM,
    PLACES_JOINED,
    initialism_dot,
    owner_before_whose,
    phrase_end,
    places_joined,
    relative_subject,
    single_quote,
    speaker_after,
    speaker_before,
)
from projections.extraction.attribution.tag_reach import read_tag
from projections.extraction.attribution.words import (
    COUNT_NOUNS,
    DETS,
    ESTIMATE_PARTICIPLES,
    NUMBER_WORDS,
    PASSIVE,
    POSSESSED_COUNTS,
    POSSESSIVE_MARKS,
    SOURCE_NOUNS,
    STRONG_VERBS,
    WEEKDAYS,
)
from projections.extraction.gazetteer import match_at
from projections.extraction.tokens import Token

WEAK_VERBS = frozenset(
    "suggest suggests suggested show shows showed shown indicate indicates".split()
)


# forms that are also nouns: verbs only when something a verb takes follows them
_NOUN_LIKE = frozenset(
    """reports report claims claim estimates estimate notes states records count counts
    posts put puts""".split()
)


# after these a noun-like word ("reports", "claims") is a noun, whatever follows it
_NOUN_AFTER = frozenset(
    """denied denies deny denying rejected rejects reject dismissed dismisses dismiss
    disputed disputes dispute refuted refutes refute of about amid despite following after
    and or with on over against from own official 's ’s final annual interim quarterly
    preliminary""".split()
)
# (`in its final report that …`: an adjective no newspaper is called by, unlike `the daily`)


_DETS_AFTER = frozenset("a an the his her its their one two three several".split())


# lower-case titles that open an inverted speaker (`…, said army spokesman Col. X`)
_TITLES_AFTER = frozenset(
    """army police military defence defense foreign interior health regional provincial
    district spokesman spokeswoman spokesperson minister governor mayor deputy chief
    commander prime president""".split()
)


WHO_APPOSITIVE = "attribution:who-said:appositive"
REDUCED_RELATIVE = "attribution:refused:reduced-relative"


def _participle_after_speech(toks: list[Token], span: tuple[int, int], v: int) -> bool:
    """`The Africa Corps said in a statement posted on Telegram that …`: the verb at `v` is a
    past participle right after a noun (`a statement posted`), and the words before it hold
    a finite speech verb and a preposition after it: the participle describes that verb's
    document, and the speaker is the subject of the verb before, no phrase ending in a noun."""
    s, e = span
    if e != v - 1 or not toks[v].low.endswith("ed") or not toks[e].text.isalpha():
        return False
    if not toks[e].text.islower():
        return False
    for k in range(s + 1, e - 1):
        t = toks[k]
        if t.low in STRONG_VERBS and t.text.islower() and toks[k + 1].low in _AFTER_SPEECH:
            return True
    return False


# prepositions after a speech verb that open where it was said (`said in a statement`)
_AFTER_SPEECH = frozenset("in on via through during".split())


def find_speakers(
    toks: list[Token], lows: list[str] | None = None, refused: list[Refusal] | None = None
) -> list[Speaker]:
    """All speakers of one sentence, in order. `lows`: the tokens' lower-cased words, if the
    caller has them already; `refused`: a list to note the phrases kept out of a speaker's
    span (for `--explain`)."""
    out: list[Speaker] = []
    n = len(toks)
    if lows is None:
        lows = [t.low for t in toks]
    triggers = _TRIGGERS
    present = triggers.intersection(lows)
    if not present:
        return out
    if present <= _FIGURE_VERBS and not _figure_after(lows, present):
        return out  # `described the attack as …`: a figure verb with no figure to state
    for v, w in enumerate(lows):
        if w not in triggers:
            continue  # none of the tests below passes for another word
        t = toks[v]
        if w == "according" and v + 2 < n and toks[v + 1].low == "to":
            end = phrase_end(toks, v + 2, refused)
            if end >= v + 2:
                dots = any(
                    toks[k].text == "." and initialism_dot(toks, k) for k in range(v + 2, end + 1)
                )
                notes = (INITIALISM,) if dots else ()
                out.append(Speaker(v + 2, end, v, "according-to", "according to", notes=notes))
            continue
        if w in _CREDITS:
            sp = credit(toks, v)  # `…, per Reuters`, `… (AFP).`, `… overnight — TASS`
            if sp is not None:
                out.append(sp)
            continue
        if w == ":":
            sp = colon_source(toks, v)
            if sp is not None:
                out.append(sp)
            continue
        if w in ("official", "own"):
            sp = official_count(toks, v)
            if sp is not None:
                out.append(sp)
            continue
        if w == "by":
            sp = (
                figure_given_by(toks, v)
                or estimated_by(toks, v)
                or reported_by(toks, v)
                or passive_agent(toks, v)
                or kept_by(toks, v)
            )
            if sp is not None:
                out.append(sp)
            continue
        if w in _SATISFIED:
            sp = _satisfied_that(toks, lows, v, refused)  # `The Chamber is satisfied that …`
            if sp is not None:
                out.append(sp)
            continue
        if w in CAME:
            sp = came_from(toks, v)  # `The figure of 3,200 dead came from the ministry`
            if sp is not None:
                out.append(sp)
            continue
        if w in POSSESSED_COUNTS and v >= 2 and lows[v - 1] in POSSESSIVE_MARKS:
            sp = possessor(toks, v)  # `Mediazona's count of …`, `Russia's claims that …`
            if sp is not None:
                out.append(sp)
            continue
        if w in POSSESSED_COUNTS and v == 1 and lows[0] in ("its", "their"):
            # `Its count of Ukrainian tank losses stands at just over 1,100`: a count that
            # opens its sentence owned by a pronoun is the statement of the one the pronoun
            # means (the attribution stage resolves the owner)
            out.append(Speaker(0, 1, v, "speech", w))
            continue
        if w in POSSESSED_COUNTS and v >= 2 and t.text.islower() and toks[v - 1].text[0].isupper():
            sp = named_count(toks, v)  # `rejected a UN estimate that …`, `an Amnesty count`
            if sp is not None:
                out.append(sp)
                continue
        if w == "found":  # `..., a Reuters investigation found.`, `found that`
            nxt = toks[v + 1] if v + 1 < n else None
            if nxt is not None and nxt.text not in (".", ",", ";") and nxt.low != "that":
                if not _INQUIRIES.intersection(lows[max(0, v - 8) : v]) and not _found_tag(
                    toks, lows, v
                ):
                    continue  # `rescuers found 12 bodies`; but `a BBC count found 27 tanks`
        if w == "saying" and v >= 4 and lows[v - 1] == "as":
            sp = _quoted_as_saying(toks, lows, v)  # `X was quoted by Y as saying that …`
            if sp is not None:
                out.append(sp)
            continue
        if w in _PLAN_VERBS:
            to = _plan_infinitive(lows, v)
            if to >= 0:
                if refused is not None:  # `Parliament voted to mobilise 160,000 more men`
                    refused.append(("attribution:refused:plan", v, to + 1))
                continue  # a plan its subject makes, no statement of a figure
        if w in _CLAIM and _claims_an_act(lows, v):
            if refused is not None:  # `The Taliban claimed the attack, which killed 11`
                refused.append(("attribution:refused:claimed-act", v, min(n - 1, v + 2)))
            continue  # a deed its subject owns, no statement of a figure
        if w in _PUT_VERBS and v + 1 < n and lows[v + 1] in _PUT_DEEDS:
            if refused is not None:  # `The brigade put out of action 120 soldiers`
                refused.append(("attribution:refused:put-deed", v, v + 1))
            continue  # a deed (`put out of action`, `put to death`, `put down`), no statement
        strong = w in STRONG_VERBS or w == "found"
        if w in _THAT_VERBS:
            if (v + 1 >= n or lows[v + 1] != "that") and not _informs_whom_that(lows, v):
                continue  # `informs reporters`, `understands the risk`: no statement yet
            strong = True  # `The ministry informs that …`, `Reuters understands that …`
        elif w in _FIGURE_VERBS:
            if not any(lows[k][:1].isdigit() for k in range(v + 1, min(n, v + 5))):
                continue  # `casualty lists`: a noun; `Oryx lists 412 tanks`: its tally
            strong = True  # `attributes 19 deaths to …`, `described seeing at least 40 bodies`
        rel_gap = -1
        if w == "counts":
            if not _counts_a_toll(toks, v):
                continue  # `Viv Ansanm counts 12,000 members`: what it has, no statement
            strong = True  # `the health ministry counts 44,000 dead`: its tally
            notes_counts = True
        else:
            notes_counts = False
        if w in _ACCUSING_VERBS:
            if not _accuses_of(lows, v):
                continue
            strong = True  # `accused the RSF of killing 200 civilians`: the accuser's claim
        elif w in _GIVING_VERBS:
            if not _gives_a_count(lows, v):
                rel_gap = _relative_of_a_count(lows, v)
                if rel_gap < 0:
                    continue  # "Tehran gave 300 drones": a transfer, not a statement
            strong = True
        elif not strong and w not in WEAK_VERBS:
            continue
        if not t.text.islower():
            continue
        adverb_first = _adverb_first(toks, v)
        if v > 0 and (toks[v - 1].low in PASSIVE or (toks[v - 1].low in DETS and not adverb_first)):
            continue
        nxt = toks[v + 1] if v + 1 < n else None
        if nxt is not None and nxt.low == "by":
            continue  # `the number confirmed by name`: a participle, no one's speech
        if nxt is not None and nxt.low in _STATUS_WORDS and w in _STATUS_REPORTS:
            if refused is not None:  # `killed and some 1,400 reported missing`
                refused.append((REPORTED_STATUS, v, v + 1))
            continue  # a participle with the status it reports: the figure's, no speaker
        if (
            w in ESTIMATE_PARTICIPLES
            and v > 0
            and lows[v - 1] == ","
            and nxt is not None
            and (nxt.low in ("at", "to"))
        ):
            continue  # `Azerbaijani troops, estimated at about 7,000,`: the troops say nothing
        if w in ("put", "puts"):
            if not _puts_at(lows, v):
                continue
        elif w in _NOUN_LIKE and _inside_according_to(out, v):
            if refused is not None:  # `…, according to Western estimates, …`: the noun of `to`
                refused.append((ACCORDING_TO_NOUN, v, v))
            continue
        elif w in _NOUN_LIKE and (not _takes_object(nxt) or (v > 0 and lows[v - 1] in _NOUN_AFTER)):
            if not (w in _CLAIM and nxt is not None and nxt.low == "to" and v > 0):
                continue  # "denied reports that …": the reports are an object, not a verb
            # `The rebels claim to have shot down 4 helicopters`: the verb of its subject
        kind = "speech" if strong else "weak"
        nxt_ok = nxt is not None and (
            nxt.low in _DETS_AFTER or nxt.text[0].isupper() or nxt.low in _TITLES_AFTER
        )
        inverted = nxt_ok and w not in _NOT_INVERTED
        if rel_gap >= 0:
            # `…, which the governor gave on Monday, …`; `…, a figure that X, the UNHCR
            # representative, repeated`: the appositive's closing comma is no part of it
            span = (rel_gap + 1, v - 2 if lows[v - 1] == "," else v - 1)
        elif (v == 0 or toks[v - 1].text in (",", "”", '"', "’") or single_quote(toks, v - 1)) and (
            inverted
        ):
            span = speaker_after(toks, v, refused)  # inverted: `..., said the ministry.`
            if span is None and v > 0:
                span = speaker_before(toks, v, refused)  # `Its spokesman, X, said two…`
        else:
            span = speaker_before(toks, v, refused)
        if w.endswith("ing") and v >= 4 and lows[v - 1] == "," and (span is None or span[0] > 0):
            # `Ethiopia's government rejected a UN estimate that 4.5 million …, saying …`,
            # `Moscow dismissed a BBC count … as propaganda, saying …`: a clause too long for
            # a speaker's phrase, or whose end the phrase found, with a verb that answers a
            # figure; its subject, which opens the sentence, is the participle's
            whole = (0, v - 2)
            narrowed = _subject_of_response(toks, whole)
            if narrowed != whole and (span is None or span[0] > narrowed[1] + 1):
                span = narrowed
        if span is None:
            issuer = issuer_before(toks, v)  # `The report, published by Amnesty, found`
            if issuer is None:
                continue
            span = issuer[0], issuer[1]
            if refused is not None:
                refused.append((issuer[2], 0, span[0] - 1))
        if _participle_after_speech(toks, span, v):
            if refused is not None:  # `said in a statement posted on Telegram that …`
                refused.append((REDUCED_RELATIVE, span[0], v))
            continue
        if _own_earlier_text(lows, span):
            if refused is not None:  # `An earlier version of this story said 300`: no source
                refused.append((OWN_EARLIER_TEXT, span[0], v))
            continue
        if lows[span[0]] == "per" and span[1] < v:
            if refused is not None:  # `per the battalion's after-action report`: a noun
                refused.append((REPORT_AFTER_PER, span[0], v))
            continue
        if _with_absolute(toks, lows, span, v):
            span = span[0] + 1, span[1]  # `with the military saying …`: the noun speaks
            if refused is not None:
                refused.append((WITH_ABSOLUTE, span[0], v))
        if _prepositional_span(lows, span, v):
            if refused is not None:  # `…, in a decree published on Monday`: no subject
                refused.append((PREPOSITIONAL_SPAN, span[0], v))
            continue
        if _document_label(toks, lows, span, v):
            if refused is not None:  # `Field report: Militants killed 9 …`: a document's name
                refused.append((DOCUMENT_LABEL, span[0], v))
            continue
        if span[0] == span[1] and lows[span[0]] in _COUNTED_WORDS:
            if refused is not None:  # `Fatalities reported: 23`: a form's label, no speaker
                refused.append((COUNTED_SUBJECT, span[0], v))
            continue
        if span[1] < v and span[1] - span[0] >= 2:
            span = _cut_source(toks, lows, span, refused)
        first_person = span[0] == span[1] and toks[span[0]].low in ("we", "i")
        r = span[0] - 1
        rel = r if r >= 0 and lows[r] in _RELATIVE and span[0] < v else -1
        notes: tuple[str, ...] = ()
        if span[1] > v:
            notes = ("attribution:inverted",)
        elif toks[span[1]].text == ")":
            notes = ("attribution:bracket-kept",)
        elif any(toks[i].text == "," for i in range(span[0], span[1])):
            notes = ("attribution:appositive",)
            if span[1] + 2 == v - 1 and lows[v - 1] == "who":
                notes = (WHO_APPOSITIVE,)  # `X, the governor of Sumy, who said …`
        if rel >= 1 and lows[rel] == "which" and lows[rel - 1] == ",":
            notes = (*notes, OBJECT_RELATIVE)  # `Al-Shabaab, which the UN says fields …`
        whose = lows[span[0]] == "whose" and span[0] < v
        if whose:
            span = (owner_before_whose(toks, span[0]), span[1])
            notes = ("attribution:whose",)
        participle = w.endswith("ing") and span[1] < v and lows[v - 1] == ","
        if participle and _tag_before(toks, span):
            # `"…," he added, saying 40 families …`: the tag's subject speaks, not `he added`
            span = (span[0], span[1] - 1)
            notes = (TAG_BEFORE_PARTICIPLE,)
        elif participle:
            narrowed = relative_subject(toks, span)
            if narrowed != span:
                span = narrowed
                notes = ("attribution:relative-subject",)
            else:
                narrowed = _subject_of_response(toks, span)
                if narrowed != span:
                    span = narrowed
                    notes = (RESPONSE_SUBJECT,)
        if notes_counts:
            notes = (*notes, COUNTS_A_TOLL)
        if adverb_first:
            notes = (*notes, ADVERB_FIRST)  # `The ministry first reported 42 dead`
        if any(places_joined(toks, k, span[1]) for k in range(span[0] + 1, span[1])):
            notes = (*notes, PLACES_JOINED)  # `Officials in Kharkiv and Sumy reported`
        sp = Speaker(span[0], span[1], v, kind, w, first_person, rel, notes)
        sp.ours = first_person or lows[span[0]] in _OWN_DETS
        if rel >= 2 and lows[rel - 1] == "of":
            sp.opens = _partitive_start(toks, rel - 1)
        read_tag(toks, lows, sp)
        if OBJECT_RELATIVE in notes:
            # the relative clause ends at its closing comma: the main clause after it is not
            # the speaker's (`…, which the UN says fields 7,000 fighters, killed 12 soldiers`)
            sp.closes_at = next((k for k in range(v + 1, n) if lows[k] == ","), -1)
        if whose or participle:
            # `captured by the rebels, whose leader said 50 more …`; `…, saying the true
            # number is nearer 100,000`: a participle reports the clause after it only
            sp.front = True
        sp.action = w in _ACTION_VERBS or (nxt is not None and nxt.low == "to" and w in _CLAIM)
        if sp.action and _reported_by_earlier(out, lows, sp):
            if refused is not None:  # `Prosecutors allege that the commander ordered …`
                refused.append((REPORTED_ACTION, sp.start, v))
            continue
        out.append(sp)
    return out


def _cut_source(
    toks: list[Token], lows: list[str], span: tuple[int, int], refused: list[Refusal] | None
) -> tuple[int, int]:
    """The source inside a speaker phrase before its verb: a count's keeper or a document's
    issuer (`Data compiled by ACLED`, `A statement … posted by X`), a document's owner (`The
    minister's written answer …`), or the speaker before a participle of being reached
    (`Witnesses interviewed by …`); the span unchanged when it is none of them."""
    words = lows[span[0] : span[1] + 1]
    if "by" in words:
        keeper = count_keeper(toks, span)
        if keeper is not None:
            if refused is not None:  # `Data compiled by ACLED show`: the keeper speaks
                refused.append((keeper[2], span[0], keeper[0] - 1))
            return keeper[0], keeper[1]
        reached = reduced_aside(toks, span)
        if reached is not None:
            if refused is not None:  # `Witnesses interviewed by the UN panel described`
                refused.append((REDUCED_ASIDE, reached[1] + 1, span[1]))
            return reached
    if "'s" in words or "’s" in words:
        owner = document_owner(toks, span)
        if owner is not None:
            if refused is not None:  # `The minister's written answer to Parliament gives`
                refused.append((DOCUMENT_OWNER, owner[1] + 1, span[1]))
            return owner
    return span


REPORTED_ACTION = "attribution:refused:reported-action"
REPORTED_STATUS = "attribution:refused:reported-status"
# `some 1,400 reported missing`, `12 confirmed dead`: a reporting participle that a status word
# follows describes the people counted (an elided `were`), it names no one who speaks
_STATUS_REPORTS = frozenset("reported confirmed listed registered".split())
_STATUS_WORDS = frozenset(
    "missing dead killed wounded injured kidnapped abducted displaced captured".split()
)
_THAT_STOPS = frozenset({"that", ",", ";", ":", ".", "and", "but"})


def _reported_by_earlier(out: list[Speaker], lows: list[str], sp: Speaker) -> bool:
    """An action's subject (`the commander ordered …`) inside the `that` clause of a
    statement before it (`Prosecutors allege that …`): the statement's speaker asserts what
    the clause says, and the action's subject is what it is about, not a source."""
    for prev in out:
        if prev.kind != "speech" or prev.action or prev.verb >= sp.start:
            continue
        # `that` right after the verb, or after a short phrase (`said in an update that`)
        that = prev.verb + 1
        while that < min(sp.start, prev.verb + 7) and lows[that] not in _THAT_STOPS:
            that += 1
        if that < len(lows) and lows[that] == "that" and that < sp.start:
            if not any(w in (";", ".", "while", "but") for w in lows[that : sp.start]):
                return True
    return False


# verbs of a decision or a record, not a statement: their subject is the source of the
# figure they act on (`…, the UN Security Council decided on Friday`), not a speaker of a clause
_ACTION_VERBS = frozenset(
    "ordered decreed treated registered logged decided decides voted agreed".split()
)


_PUT_VERBS = frozenset("put puts".split())
# `put` then one of these is a deed, not `put the toll at N`
_PUT_DEEDS = frozenset("out to down".split())
_CLAIM = frozenset("claimed claims claim".split())

# the speaker is the subject of a relative clause about the noun before it, whose figure the
# clause reports (`Al-Shabaab, which the UN says fields 7,000 fighters, claimed …`)
OBJECT_RELATIVE = "attribution:object-relative"
TAG_BEFORE_PARTICIPLE = "attribution:tag-before-participle"
RESPONSE_SUBJECT = "attribution:subject-of-response"
COUNTED_SUBJECT = "attribution:refused:counted-subject"
# a lead that names the document (`Field report:`, `Patrol report:`): the word before the
# noun-like verb is the document's kind, no one who reports (`document_leads` reads an owner)
DOCUMENT_LABEL = "attribution:refused:document-label"

# what is counted, not who counts: a reporting verb after one of these alone is a participle
# of a label or a heading (`Fatalities reported: 23`, `Deaths recorded since May: 40`)
# `per X report`: the verb's form is the noun that `per` governs (its source), no speech
REPORT_AFTER_PER = "attribution:refused:noun-after-per"
ACCORDING_TO_NOUN = "attribution:refused:noun-after-according-to"


_TIME_AFTER_TAG = frozenset("in on last this earlier later".split())


def _found_tag(toks: list[Token], lows: list[str], v: int) -> bool:
    """`…, the commission found in 1999.`: `found` closing its sentence after a comma, with
    only a short phrase of time after it, is a reporting tag (a verb of finding with an object
    would have one: `rescuers found 12 bodies`)."""
    n = len(toks)
    if lows[v + 1] not in _TIME_AFTER_TAG or "," not in lows[max(0, v - 10) : v]:
        return False
    rest = lows[v + 1 :]
    while rest and rest[-1] in (".", "!", '"', "”"):
        rest = rest[:-1]
    return 1 < len(rest) <= 3 and v + 1 + len(rest) <= n and not any(w in (",", ";") for w in rest)


def _inside_according_to(found: list[Speaker], v: int) -> bool:
    """`…, according to Western estimates, …`: a noun-like verb (`estimates`, `reports`) that
    lies inside the phrase an `according to` found before it governs is that phrase's head
    noun, never a verb of its own. Only the last speaker found can hold it (the scan is in
    order), so this is one look, not a search."""
    if not found:
        return False
    last = found[-1]
    return last.kind == "according-to" and last.start <= v <= last.end


PREPOSITIONAL_SPAN = "attribution:refused:prepositional-phrase"
WITH_ABSOLUTE = "attribution:with-absolute"
_ABSOLUTE_SPAN = 6  # words of the noun phrase between `with` and its participle


def _with_absolute(toks: list[Token], lows: list[str], span: tuple[int, int], v: int) -> bool:
    """`Islamabad disputed the figure, with the military saying it lost 23`: `with`, a short
    noun phrase and a speech verb's `-ing` form right after it make an absolute clause whose
    noun is the participle's subject, so it speaks (not `in a decree published on Monday`,
    a past participle of the phrase's noun). The clause opens after a comma or the
    sentence's start."""
    s, e = span
    if lows[s] != "with" or e != v - 1 or not lows[v].endswith("ing"):
        return False
    if not 1 <= e - s <= _ABSOLUTE_SPAN or not toks[v].text.islower():
        return False
    return s == 0 or toks[s - 1].text == ","


# prepositions that open a phrase of place or means, never a speaker's name
_SPAN_PREPS = frozenset("in on at with under from into through".split())
_SPAN_DETS = frozenset("a an the this that its their".split())


def _prepositional_span(lows: list[str], span: tuple[int, int], v: int) -> bool:
    """The words before the verb are a phrase a preposition opens, with a determiner after it
    (`in a decree published on Monday`): the verb is a participle of that phrase's noun and
    has no subject there (not `In Kyiv officials said`, with no determiner)."""
    s, e = span
    return e < v and s < e and lows[s] in _SPAN_PREPS and lows[s + 1] in _SPAN_DETS


_COUNTED_WORDS = frozenset(
    """fatalities deaths dead killed casualties wounded injured injuries missing displaced
    arrests losses victims detained captured casualty fatality death loss""".split()
)


def _document_label(toks: list[Token], lows: list[str], span: tuple[int, int], v: int) -> bool:
    """`Field report:` opening the sentence (or after a dash: `Ref. No. 2291/B — Field
    report:`): one capitalised word, a document's noun in the singular and a colon name a
    document's kind. A body or a name before it is the document's author (`Police report:`,
    `Fano claims:`), read as before."""
    s = span[0]
    if s != span[1] or v != s + 1 or v + 1 >= len(lows) or lows[v + 1] != ":":
        return False
    if lows[v] not in _DOCUMENT_WORDS or not toks[s].text[0].isupper():
        return False
    if lows[s] in SOURCE_NOUNS or match_at([toks[s].text], 0) is not None:
        return False
    return s == 0 or toks[s - 1].text in ("—", "–", "-", ":")


# a document's noun in the singular, which a verb of a subject in the singular is not
_DOCUMENT_WORDS = frozenset("report update estimate count record note".split())


ADVERB_FIRST = "attribution:adverb-first"


def _adverb_first(toks: list[Token], v: int) -> bool:
    """`Sudan's health ministry first reported 42 dead`: `first` between a subject's noun
    and the verb is an adverb of time, not the determiner of `the first reported case`."""
    if v < 2 or toks[v - 1].low != "first":
        return False
    before = toks[v - 2]
    return before.text[:1].isalpha() and before.low not in DETS and before.low not in PASSIVE


def _tag_before(toks: list[Token], span: tuple[int, int]) -> bool:
    """The phrase before `, saying` is a speech tag (`he added`, `the mayor said`): a short
    subject, then a lower-case speech verb that ends it."""
    s, e = span
    last = toks[e]
    if toks[e - 1].low in DETS:
        return False  # `The army rejected the report, saying …`: `report` is a noun there
    return 1 <= e - s <= 5 and last.text.islower() and last.low in STRONG_VERBS


def _subject_of_response(toks: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """`Ethiopia's government rejected a UN estimate …, saying …`: the phrase before a
    participle is a whole clause whose verb answers someone else's figure (rejected,
    disputed, denied); the participle shares that clause's subject, which speaks. The
    subject's span, or `span` when the phrase holds no such verb within six words."""
    s, e = span
    for k in range(s + 1, min(e, s + 7)):
        t = toks[k]
        if t.low in _RESPONSE_VERBS and t.text.islower():
            return (s, k - 1) if toks[k - 1].text[0].isalnum() else span
        if not (t.text[0].isalnum() or t.text in ("'s", "’s", "-")):
            return span
    return span


# verbs of a reply to a figure, whose subject a `, saying …` after the clause shares
_RESPONSE_VERBS = frozenset(
    """rejected denied disputed dismissed contested challenged questioned refuted
    rejects denies disputes dismisses contests challenges questions refutes""".split()
)


def _partitive_start(toks: list[Token], of: int) -> int:
    """`59 hostages, at least 35 of whom Israel believes are dead`: the first token of the
    part (`at least 35`) before the `of` of a partitive relative clause, when a comma opens
    it a few words back and it holds a number; else -1. The clause speaks for that part
    only, not for the whole it is taken from."""
    for k in range(of - 1, max(-1, of - 6), -1):
        if toks[k].text == ",":
            part = toks[k + 1 : of]
            if any(t.text[0].isdigit() or t.low in NUMBER_WORDS for t in part):
                return k + 1
            return -1
    return -1


# verbs of a decision that take what is decided as an infinitive (`voted to deploy`)
_PLAN_VERBS = frozenset("decided decides decide voted votes vote agreed agrees agree".split())


# what may sit between such a verb and its `to` (`voted on Tuesday to`, `unanimously`)
_BEFORE_PLAN = WEEKDAYS | frozenset(
    "on late early last unanimously overwhelmingly narrowly".split()
)


def _plan_infinitive(lows: list[str], v: int) -> int:
    """`voted on Thursday to mobilise 160,000 more men`, `agreed to release 50 hostages`: the
    verb's object is a plan, an infinitive a few words after it; the figures in it are
    what the plan would do, not a count its subject gives. The token of `to`, or -1."""
    for k in range(v + 1, min(len(lows) - 1, v + 5)):
        w = lows[k]
        if w == "to":
            nxt = lows[k + 1]
            return k if nxt.isalpha() and nxt not in _NOT_AN_INFINITIVE else -1
        if w not in _BEFORE_PLAN:
            return -1
    return -1


# `agreed to the figure`, `voted to a man`: `to` before a determiner opens no infinitive
_NOT_AN_INFINITIVE = DETS | frozenset("a an".split())


_GIVING_VERBS = frozenset(
    """gave give gives carried carries released releases issued issues offered offers provided
    provides cited cites raised raises revised revises updated updates lowered lowers repeated
    repeats""".split()
)


_ACCUSING_VERBS = frozenset("accused accuses accusing blamed blames".split())


# verbs that report only a `that` clause (`The ministry informs that 56 …`)
# `held`, `ruled`: a court's or a chamber's finding (`The judges held that army units killed
# at least 1,771 civilians`), a statement only with `that` after it (`held 40 hostages`)
_THAT_VERBS = frozenset(
    "informs inform understands understand judge judges judged held holds ruled".split()
)


SATISFIED_THAT = "attribution:satisfied-that"
_SATISFIED = frozenset(("satisfied", "convinced"))


def _satisfied_that(
    toks: list[Token], lows: list[str], v: int, refused: list[Refusal] | None
) -> Speaker | None:
    """`The Chamber is satisfied beyond reasonable doubt that fighters … killed at least 86`:
    a court's or a panel's finding, stated as being satisfied or convinced that; the subject
    of `is` asserts what follows `that` (a few words later at most)."""
    if v < 2 or lows[v - 1] not in ("is", "was", "are", "were"):
        return None
    if "that" not in lows[v + 1 : v + 6]:
        return None
    span = speaker_before(toks, v - 1, refused)
    if span is None:
        return None
    return Speaker(span[0], span[1], v, "speech", lows[v], notes=(SATISFIED_THAT,))


def _informs_whom_that(lows: list[str], v: int) -> bool:
    """`The Government informs the national and international opinion that …`: the verb of
    informing with the party informed between it and `that` (a few words, no punctuation or
    figure), the state-agency idiom of a communiqué (named `attribution:speech:informs`)."""
    if lows[v] not in _INFORMING:
        return False
    for k in range(v + 1, min(len(lows), v + 8)):
        w = lows[k]
        if w == "that":
            return k > v + 1
        if not w[:1].isalpha():
            return False
    return False


_INFORMING = frozenset("informs inform".split())


# verbs that state a figure only when one follows within four words (`Oryx lists 412 tanks`)
_FIGURE_VERBS = frozenset("lists listed attributes described".split())


def _figure_after(lows: list[str], verbs: set[str]) -> bool:
    """A figure within four words after the first of `verbs` in the sentence."""
    for w in verbs:
        v = lows.index(w)
        if any(x[:1].isdigit() for x in lows[v + 1 : v + 5]):
            return True
    return False


# the marks of a credit with no verb (`credits`)
_CREDITS = frozenset({"per", "(", "—", "–"})


_TRIGGERS = (
    STRONG_VERBS
    | WEAK_VERBS
    | _GIVING_VERBS
    | _ACCUSING_VERBS
    | POSSESSED_COUNTS
    | CAME
    | {"according", "found", ":", "official", "own", "by", "counts"}
    | _SATISFIED
    | _CREDITS
    | _THAT_VERBS
    | _FIGURE_VERBS
)

OWN_EARLIER_TEXT = "attribution:refused:own-earlier-text"
_OWN_TEXTS = frozenset("version story article report edition post entry".split())
_EARLIER = frozenset("earlier previous this".split())


def _own_earlier_text(lows: list[str], span: tuple[int, int]) -> bool:
    """A correction's subject: the publication's own earlier text (`An earlier version of
    this story`, `Earlier we reported`) says what the report now corrects; no one in the
    story asserts it."""
    words = lows[span[0] : span[1] + 1]
    if words[-1] != "we" and _OWN_TEXTS.isdisjoint(words):
        return False  # most speakers: one set test
    if words[-1] == "we":
        return "earlier" in lows[max(0, span[0] - 2) : span[0] + 1] or "earlier" in words
    return any(w in _OWN_TEXTS and k > 0 and words[k - 1] in _EARLIER for k, w in enumerate(words))


_SUBJECT_PRONOUNS = frozenset("it they we he she".split())

COUNTS_A_TOLL = "attribution:counts-a-toll"
# what a tally counts when `counts` reports it (`counts 44,000 dead`), not what a body has
_TOLL_WORDS = frozenset(
    "dead deaths killed casualties wounded injured missing displaced fatalities bodies".split()
)


def _counts_a_toll(toks: list[Token], v: int) -> bool:
    """`X counts 44,000 dead`, `X counts at least 300 deaths`: a figure within four words
    after `counts`, then one of the toll's words within two words of it."""
    n = len(toks)
    for k in range(v + 1, min(n, v + 5)):
        if toks[k].text[:1].isdigit():
            return any(toks[j].low in _TOLL_WORDS for j in range(k + 1, min(n, k + 3)))
    return False


_RELATIVE = frozenset({"that", "whom", "which"})


# verbs never put before their speaker (`…, said the ministry` but never `…, puts the ministry`)
_NOT_INVERTED = (
    frozenset(
        """put puts found estimated estimates estimate counted told tells believe believes
    assess assesses assessed""".split()
    )
    | _GIVING_VERBS
)


# `put the toll at N`, `put their losses above N`
_PUT_PREPS = frozenset("at above over below under near around closer nearer close".split())


def _accuses_of(lows: list[str], v: int) -> bool:
    """`accused the RSF of killing …`, `blamed the army for the deaths of …`: the charge
    follows within a few words of the accused."""
    for k in range(v + 1, min(len(lows) - 1, v + 7)):
        w = lows[k]
        if w in ("of", "for") and (lows[k + 1].endswith("ing") or lows[k + 1] in ("the", "a")):
            return True
        if w in _PUT_STOP:
            return False
    return False


def _relative_of_a_count(lows: list[str], v: int) -> int:
    """`The figure of 28 dead, which the governor gave on Monday, …`: the verb closes a
    relative clause whose pronoun is its object and stands for a count a few words before,
    and nothing the verb could take follows it. The pronoun's token, or -1."""
    nxt = lows[v + 1] if v + 1 < len(lows) else "."
    if nxt[0].isdigit() or nxt in ("a", "an", "the", "its", "their", "his", "her"):
        return -1
    commas = 0
    for k in range(v - 2, max(0, v - 16), -1):
        if lows[k] in ("which", "that"):
            if commas and (commas + (lows[v - 1] == ",") != 2 or v - k < 5):
                return -1  # only an appositive's pair of commas may stand in the clause
            return k if any(w in COUNT_NOUNS for w in lows[max(0, k - 6) : k]) else -1
        if lows[k] == "," and k < v - 1:
            commas += 1  # `a figure that Ali Moussa, the UNHCR representative, repeated`
            continue
        if lows[k] in _PUT_STOP or (not commas and v - k > 6):
            return -1
    return -1


def _quoted_as_saying(toks: list[Token], lows: list[str], v: int) -> Speaker | None:
    """`The governor was quoted by state television as saying that 44 …`: the one quoted is
    the subject of the passive `quoted` (or `cited`), not whoever quotes them."""
    for k in range(v - 2, max(0, v - 10), -1):
        if lows[k] in ("quoted", "cited") and lows[k - 1] in PASSIVE and k >= 2:
            span = speaker_before(toks, k - 1)
            if span is None:
                return None
            sp = Speaker(span[0], span[1], v, "speech", "saying", notes=("attribution:quoted-as",))
            read_tag(toks, lows, sp)
            return sp
        if lows[k] in _PUT_STOP:
            return _quoted_object(toks, lows, v)
    return _quoted_object(toks, lows, v)


QUOTED_OBJECT = "attribution:quoted-object-as"
# what ends the search for an active `quoted` (a comma may set off the object's name)
_QUOTED_STOP = frozenset('. ; : ( ) — – ” " while but that'.split())


def _quoted_object(toks: list[Token], lows: list[str], v: int) -> Speaker | None:
    """`Interfax quoted the head of the Belgorod region, Vyacheslav Gladkov, as saying that
    4 …`: the active verb's object is the one quoted, who asserts what follows `as saying`;
    the agency that quotes only carries it (as `X was quoted by Y as saying` reads)."""
    last = v - 2
    if lows[last] == ",":
        last -= 1
    for k in range(last - 1, max(0, v - 18), -1):
        w = lows[k]
        if w in ("quoted", "cited"):
            if lows[k - 1] in PASSIVE or not toks[k].text.islower() or k + 1 > last:
                return None
            if lows[k + 1] not in DETS and not toks[k + 1].text[0].isupper():
                return None  # `quoted extensively as saying`: no object named
            sp = Speaker(k + 1, last, v, "speech", "saying", notes=(QUOTED_OBJECT,))
            read_tag(toks, lows, sp)
            return sp
        if w in _QUOTED_STOP:
            return None
    return None


def _claims_an_act(lows: list[str], v: int) -> bool:
    """`claimed the attack`, `claimed responsibility for the bombing`: the object is a deed
    the subject owns, not a statement of what it caused."""
    nxt = lows[v + 1 : v + 3]
    if nxt[:1] == ["responsibility"] or nxt[:1] == ["credit"]:
        return True
    return len(nxt) == 2 and nxt[0] in ("the", "an", "a", "this") and nxt[1] in _ACTS


_ACTS = frozenset(
    "attack attacks bombing bombings ambush raid assault strike killing lives".split()
)


def _puts_at(lows: list[str], v: int) -> bool:
    """`put the number of soldiers still fighting in the region at about 11,000`: a
    preposition of `put … at N` ends its object before the clause does, however long the
    counted phrase is."""
    for k, w in enumerate(lows[v + 1 : v + 30], v + 1):
        if w in _PUT_PREPS:
            return True
        if w == "as" and k + 2 < len(lows) and lows[k + 1] in _PUT_AS and lows[k + 2] == "as":
            return True  # `put the toll as high as 400`: the comparison states the figure
        if (
            w == ","
            and k + 1 < len(lows)
            and lows[k + 1] in _PUT_PREPS
            and lows[k - 1] in _PUT_THAN
        ):
            return True  # `put the number … lower, at about 8,000`: a comparative's aside
        if w in _PUT_STOP:
            return False
    return False


_PUT_AS = frozenset("high low many few much".split())
_PUT_THAN = frozenset("lower higher".split())


_PUT_STOP = frozenset('. , ; : ( ) — – ” " while but'.split())


def _gives_a_count(lows: list[str], v: int) -> bool:
    """The verb's object is a count (`gave a figure of`, `carried an estimate of`,
    `has given a higher figure`): a few words of determiner and adjectives, then its noun."""
    for k, w in enumerate(lows[v + 1 : v + 5], v + 1):
        if w in COUNT_NOUNS:
            return True
        if w in _LOSS_NOUNS and k + 2 < len(lows) and lows[k + 1] == "as":
            # `gave its own losses as 64`, `gives the dead as 40`: a count stated `as` N
            return lows[k + 2][0].isdigit() or lows[k + 2] in _APPROXIMATORS
        if w in _PUT_STOP or w[0].isdigit():
            return False
    return False


# what a side's count is of, when `as` + a figure follows it (`gave its losses as 64`)
_LOSS_NOUNS = frozenset("losses loss casualties dead deaths toll fatalities wounded".split())
_APPROXIMATORS = frozenset("about around some nearly almost roughly approximately".split())


# nouns of a count or an inquiry that can find a figure (`a BBC Verify count … found`)
_INQUIRIES = frozenset(
    """count tally investigation analysis review study survey report assessment inquiry
    audit census""".split()
)


def _takes_object(nxt: Token | None) -> bool:
    if nxt is None:
        return True
    if nxt.text in (".", ",", "!", "?", ";", ":"):
        return True  # `Fano claims: 600+ ENDF soldiers killed`
    c = nxt.text[0]
    # `~` and `≈` are a post's `about` before a figure (`Rybar claims ≈ 2,000 troops …`)
    return (
        c.isdigit()
        or c.isupper()
        or nxt.low in ("that", "on", "the", "a", "an", "up", "at", "~", "≈")
        or nxt.low in _SUBJECT_PRONOUNS  # `Pakistan claims it shot down 5 Indian jets`
    )


# `Our teams`, `my office`: a body the speaker of the line speaks for (`choice.LABEL_SPEAKS`)
_OWN_DETS = frozenset(("our", "my"))
