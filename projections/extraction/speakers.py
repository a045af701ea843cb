"""Speaker memory: whom a later `he said`, `the official said` or `Ryder said` means.

A report names a speaker once ("A US official briefed journalists", "Defence Minister Rustem
Umerov met his counterparts") and then refers back to them by pronoun, by a bare title or
description, by surname or by acronym, often sentences later and in sentences without any
figure. The memory spans the whole passage and reads a sentence's speakers only when a later
figure's speaker needs resolving: most passages never ask, and then no sentence without a
figure is tokenised for it.

A reference resolves to the speaker as first named (CONVENTIONS.md: `Oleh Ivanenko, the
regional governor` -> `Oleh Ivanenko`), the most recent one it can mean:
- a pronoun (he, she, they, it): the last speaker of a fitting kind (a person for he and she);
- a description (`the official`, `the ministry`, `the monitor`): the last speaker whose words
  share its head or another of its words; a generic head (`the agency`, `the group`) that
  shares none falls back to the last speaker;
- a surname or a shorter form of a name (`Ryder`, `Volodymyr Zelensky`, `Fils-Aimé`): the
  speaker whose words end with it; an acronym (`IOM`): the speaker whose capitalised words
  it spells;
- a plural title with no determiner (`Officials`, `Sources`): the latest speakers of that
  title (`Lebanese officials`), and no one else.
`the junta` and `the regime` mean a speaker by another word for the same body only when it
was named with a common noun (`Myanmar's military`), never by a word of a group's own name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.speech_verbs import find_speakers
from projections.extraction.attribution.transcript_turns import interviewee_span
from projections.extraction.attribution.words import SOURCE_NOUNS, STRONG_VERBS
from projections.extraction.claimants import ORG_WORDS
from projections.extraction.gazetteer import COUNTRIES, DEMONYMS, UNARMED_ORGS, match_at
from projections.extraction.tokens import Token, tokenize

# the object forms stand after `according to` (`According to him, 15 more were wounded`)
PRONOUNS = frozenset({"he", "she", "they", "it", "him", "her", "them"})
_AS_SUBJECT = {"him": "he", "her": "she", "them": "they"}
# Heads of descriptions that point back to someone named before, when nothing else does: a
# person's title to the last person named, a body's to the last organisation.
_PERSON_HEADS = frozenset(
    """official officials diplomat diplomats minister spokesman spokeswoman spokesperson
    president governor mayor commander chief envoy ambassador secretary officer officers aide
    aides adviser advisers leader source sources general colonel admiral marshal director
    coordinator rapporteur chairman chairwoman prosecutor chancellor premier""".split()
)
_ORG_HEADS = frozenset(
    """agency group charity monitor organisation organization body watchdog statement report
    mission office tank institute union network service""".split()
)
# plural heads that mean two bodies named together (`Mediazona and the BBC's Russian
# service …, the outlets said`)
_PLURAL_ORG_HEADS = frozenset(
    "outlets groups organisations organizations agencies monitors charities".split()
)
GENERIC_HEADS = _PERSON_HEADS | _ORG_HEADS | _PLURAL_ORG_HEADS
# What a speaker issues: a later `the statement said` means whoever issued it, of any kind.
_DOCUMENT_HEADS = frozenset("statement communique communiqué bulletin".split())
# Words a description may use for a body named with other words (`the junta` for `Myanmar's
# military government`, `the army` for `the Israeli military`).
_SAME_BODY: dict[str, frozenset[str]] = {
    "junta": frozenset({"military", "government", "army", "regime"}),
    "regime": frozenset({"government", "junta"}),
    "army": frozenset({"military", "forces", "idf"}),
    # `the military` for `South Korea's Joint Chiefs of Staff`, `Ukraine's General Staff`
    "military": frozenset({"army", "forces", "idf", "staff", "chiefs", "command"}),
    "militants": frozenset({"rebels", "fighters", "group"}),
    "rebels": frozenset({"militants", "fighters", "movement", "front"}),
    "ministry": frozenset({"mod"}),
    "charity": frozenset({"children", "frontieres", "cross", "crescent", "msf"}),
    # `the alliance` for NATO, `the bloc` for the EU: a body whose name has no such word
    "alliance": frozenset({"nato", "csto"}),
    # `The court` for `The International Criminal Tribunal for the former Yugoslavia`
    "court": frozenset({"tribunal", "chamber", "chambers", "judges"}),
    "tribunal": frozenset({"court", "chamber", "judges"}),
}
_NONE: frozenset[str] = frozenset()
# a rank as a description writes it, and as a name's title abbreviates it (`Lt. Gen. X`, then
# `the general`): the tokens keep the abbreviation without its full stop
_ABBREVIATED = {
    "general": "gen",
    "colonel": "col",
    "lieutenant": "lt",
    "major": "maj",
    "brigadier": "brig",
    "captain": "capt",
    "sergeant": "sgt",
    "admiral": "adm",
    "commander": "cmdr",
}
_RANKS = frozenset(_ABBREVIATED.values()) | frozenset(_ABBREVIATED)
# A side's armed body is no `agency` or `group` that a later description could mean.
_ARMED_HEADS = frozenset("army military forces navy police government militia rebels idf".split())
_DESCRIPTION_DETS = frozenset({"the", "this", "that", "these", "those"})
_PERSON_NOUNS = frozenset(
    """official diplomat minister spokesman spokeswoman spokesperson president governor mayor
    commander chief envoy ambassador secretary officer aide adviser leader director
    coordinator chairman chairwoman prosecutor rapporteur""".split()
)
# Words for a state's own government or army: another word for the same body only when the
# speaker named it by a common noun (`Myanmar's military`), never a word of a group's proper
# name (`The Arakan Army`, `the Kachin Independence Army`), which is no state's army.
_STATE_BODY = frozenset({"junta", "regime"})
_SKIP_WORDS = frozenset("the a an of for in and 's ’s , senior top local".split())


@dataclass(slots=True)
class Named:
    """A speaker as first named: the phrase as written and its lower-cased words."""

    phrase: str
    words: tuple[str, ...]
    person: bool
    plural: bool
    initials: str  # of its capitalised words ("International Organization for Migration": iom)
    side: bool = False  # a state or an armed group by its name alone (`Russia`, `Hamas`)
    last: int = 0  # the sentence (in the passage) that last named or meant it
    # of its capitalised words after an owner's possessive (`Myanmar's National Unity
    # Government`: nug), since an initialism spells the body's own name
    own_initials: str = ""
    common: frozenset[str] = frozenset()  # its words written in lower case (common nouns)
    # the phrase names one armed group that is no state (`M23`, `Fighters of the Arakan
    # Army`): what a later `the group` or `the rebel movement` may mean (`_armed_group`)
    group: bool = False

    def shares(self, w: str, loose: bool = False) -> bool:
        """The description's word `w` is one of this speaker's words, in the singular or
        the plural, as a title's abbreviation (`general` for `Gen.`), or as another word
        for the same body (`_SAME_BODY`: `the junta` for `the military government`)."""
        words = self.words
        if w in words or (w.endswith("s") and w[:-1] in words) or w + "s" in words:
            return True
        short = _ABBREVIATED.get(w)
        if short is not None and short in words:
            return True
        same = _SAME_BODY.get(w, _NONE)
        if w in _STATE_BODY and not loose:
            return not same.isdisjoint(self.common)
        return not same.isdisjoint(words)


class SpeakerMemory:
    """The speakers a passage has named so far, read lazily and in order."""

    __slots__ = (
        "_count",
        "_groups",
        "_named",
        "_noted",
        "_queue",
        "_tokens",
        "declined",
        "text",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._named: list[Named] = []
        # armed groups named in a sentence read so far, speakers or not, latest last: what
        # `The paramilitary group said` may mean when no speaker fits (`_mentioned_group`)
        self._groups: list[Named] = []
        # sentences not read yet: token lists, (start, end) spans, or speakers already found
        self._queue: list[tuple[list[Token], list[Speaker] | None] | tuple[int, int]] = []
        self._noted: tuple[list[Token], list[Speaker]] | None = None
        self._count = 0  # sentences read
        self._tokens: dict[tuple[int, int], list[Token]] = {}  # shared with the paragraphs
        # the rule and the speaker a reference could mean only by a word of its proper name
        # (`The junta's information team` after `The Arakan Army`), for `--explain`
        self.declined: tuple[str, str] | None = None

    def note(self, toks: list[Token], speakers: list[Speaker]) -> None:
        """The speakers `find_speakers` found in the chunk `toks` (saves finding them again)."""
        self._noted = (toks, speakers)

    def add_chunk(self, toks: list[Token]) -> None:
        noted = self._noted
        if noted is not None and noted[0] is toks:
            self._queue.append((toks, noted[1]))
        else:
            self._queue.append((toks, None))
        self._noted = None

    def add_sentence(self, start: int, end: int) -> None:
        self._queue.append((start, end))

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens of a sentence without figures, cut once for whoever asks first (this
        memory or the paragraph's actors)."""
        toks = self._tokens.get((start, end))
        if toks is None:
            toks = self._tokens[(start, end)] = tokenize(self.text, start, end)
        return toks

    def resolve(self, toks: list[Token], sp: Speaker) -> tuple[str, str] | None:
        """The phrase (as first named) that the reference `sp` stands for, and the rule's
        name; None when `sp` is a name of its own or nothing earlier fits."""
        kind = reference_kind(toks, sp)
        if kind is None:
            return None
        if self._queue:
            self._catch_up()
        if not self._named:
            return None
        words = tuple(t.low for t in toks[sp.start : sp.end + 1])
        armed = (
            kind in ("description", "title")
            and words[-1] not in _PERSON_HEADS  # `The paramilitary leader` is a person
            and not _ARMED_WORDS.isdisjoint(words)
        )
        found = _match(self._named, kind, words, toks[sp.start : sp.end + 1], self._count)
        if armed and (found is None or not _shares_any(found, words)):
            # `The paramilitary group said` after `attacks by the Rapid Support Forces …,
            # according to the United Nations`: an armed group's description never means a
            # body that is no armed group; it means the armed group named last
            group = _armed_group(self._named, self._count) or self.mentioned_group()
            if group is not None:
                return group.phrase, ARMED_GROUP_RULE
            if found is None or _is_organisation(found):
                return None
            # a person or a plain speaker of other words stays as `_match` found it
        if found is None:
            if kind in ("description", "title") and _STATE_BODY.intersection(words):
                loose = _match(
                    self._named, kind, words, toks[sp.start : sp.end + 1], self._count, True
                )
                if loose is not None:
                    self.declined = (PROPER_NAME_RULE, loose.phrase)
            return None
        if found.group and kind in ("description", "title"):
            if not any(found.shares(w) for w in words[1:] if w not in _SKIP_WORDS):
                return found.phrase, ARMED_GROUP_RULE  # `The rebel movement` after `M23 says`
        return found.phrase, f"attribution:{kind}-resolved"

    def owner(self, pronoun: str) -> str | None:
        """The phrase (as first named) of the speaker that `pronoun` (`it`, `they`) would
        mean here: the owner a later `its report` speaks for; None when nothing fits."""
        if self._queue:
            self._catch_up()
        found = _match(self._named, "pronoun", (pronoun,), [], self._count)
        return found.phrase if found is not None else None

    def latest(self, person: bool = False) -> str | None:
        """The phrase of the speaker last named or meant, as first named (with `person`, the
        last person: the one an interview's `A:` stands for); None if none yet."""
        if self._queue:
            self._catch_up()
        for named in reversed(self._named):
            if named.person or not person:
                return named.phrase
        return None

    def _catch_up(self) -> None:
        queue, self._queue = self._queue, []
        for item in queue:
            a, b = item
            if isinstance(a, int):
                toks = self.tokens(a, b)  # type: ignore[arg-type]
                speakers = find_speakers(toks)
            else:
                toks = a  # type: ignore[assignment]
                speakers = b if b is not None else find_speakers(toks)  # type: ignore[assignment]
            subject = sentence_subject(toks)
            if subject is not None and not (speakers and speakers[0].start == subject.start):
                asked = asked_object(toks, subject)
                self._remember(toks, asked or subject)
            asked_person = interviewee_span(toks, self.text, toks[0].start) if toks else None
            if asked_person is not None:
                # `Interview: Deputy Foreign Minister X`, `Q: General X, …`: the one who will
                # answer (an `A:` line stands for them: `latest(person=True)`)
                self._remember(toks, Speaker(*asked_person, asked_person[1] + 1, "subject", ""))
            for sp in speakers:
                self._remember(toks, sp)
            self._note_groups(toks)
            self._count += 1

    def _note_groups(self, toks: list[Token]) -> None:
        """The armed groups of the gazetteer the sentence names (`attacks by the Rapid
        Support Forces`), as written with their article, for `_mentioned_group`."""
        texts = [t.text for t in toks]
        k = 0
        while k < len(texts):
            hit = match_at(texts, k) if texts[k][:1].isupper() else None
            if hit is None or hit[1] != "org" or hit[0] in _UNARMED_ORGS:
                k += 1
                continue
            a = k - 1 if k > 0 and toks[k - 1].low == "the" else k
            span = toks[a : k + hit[2]]
            phrase = self.text[span[0].start : span[-1].end]
            words = tuple(t.low for t in span)
            named = Named(phrase, words, False, False, _initials(span), True, self._count)
            named.group = True
            self._groups.append(named)
            k += hit[2]

    def mentioned_group(self) -> Named | None:
        """The armed group named last in the last three sentences read, speaker or not."""
        if self._groups and self._count - 1 - self._groups[-1].last <= 3:
            return self._groups[-1]
        return None

    def _remember(self, toks: list[Token], sp: Speaker) -> None:
        if sp.kind == "weak" or sp.first_person:
            return
        if sp.start == sp.end and toks[sp.start].low in _FIRST_PERSON:
            return  # `We asked …`: the reporter, whom no later `she said` means
        kind = reference_kind(toks, sp)
        span = toks[sp.start : sp.end + 1]
        if kind is not None:
            found = _match(self._named, kind, tuple(t.low for t in span), span, self._count)
            if found is not None:  # a reference: its speaker becomes the latest again
                self._named.remove(found)
                self._named.append(found)
                found.last = self._count
                return
            if kind == "pronoun":
                return
        phrase = self.text[span[0].start : span[-1].end]
        words = tuple(t.low for t in span)
        for old in self._named:
            if old.words == words:
                self._named.remove(old)
                self._named.append(old)
                old.last = self._count
                return
        initials = _initials(span)
        person, plural = _is_person(span), _is_plural(span)
        named = Named(phrase, words, person, plural, initials, _is_side(span), self._count)
        named.common = frozenset(t.low for t in span if t.text.islower())
        named.group = not person and _names_armed_group(span)
        owner = next((i for i, t in enumerate(span[:3]) if t.low in ("'s", "’s")), -1)
        if owner >= 0:
            named.own_initials = _initials(span[owner + 1 :])
        self._named.append(named)


def _shares_any(found: Named, words: tuple[str, ...]) -> bool:
    """`The rebels` after `Yemen's Houthi movement`: the description shares a word (or
    another word for the same body) with the speaker `_match` found, so it did not fall
    back to the last speaker of its kind."""
    return any(found.shares(w) for w in words[1:] if w not in _SKIP_WORDS)


def _initials(span: list[Token]) -> str:
    """The initials of the capitalised words (an acronym among them whole), `the` left out."""
    return "".join(
        t.low if t.text.isupper() else t.low[0]
        for t in span
        if t.text[0].isupper() and t.low != "the"
    )


def reference_kind(toks: list[Token], sp: Speaker) -> str | None:
    """`pronoun`, `title`, `surname` or `acronym` when the speaker phrase refers back to a
    speaker named before; None when it is a name of its own."""
    span = toks[sp.start : sp.end + 1]
    first = span[0]
    if len(span) == 1:
        w = first.low
        if w in PRONOUNS:
            return "pronoun"
        if first.text.isupper() and 2 <= len(first.text) <= 6:
            return "acronym"
        if w in GENERIC_HEADS and w.endswith("s") and first.text[1:].islower():
            return "bare-title"  # `Officials said` after `Lebanese officials said`
        if first.text[0].isupper() and first.text[1:].islower():
            return "surname"
        return None
    if first.low in _DESCRIPTION_DETS:
        if _compound_modified_title(span):
            return "title"  # `the Britain-based monitor`: a place in a compound modifier
        second = span[1].text
        if len(span) == 2 and second.isupper() and 2 <= len(second) <= 6:
            return "acronym"  # "The IOM"
        if any(t.text[0].isupper() for t in span[1:]):
            if span[-1].low in GENERIC_HEADS and all(
                t.text.isupper() and len(t.text) <= 4 for t in span[1:-1] if t.text[0].isupper()
            ):
                return "title"  # "The UN body", "the US official": an acronym modifies a title
            if span[-1].low in GENERIC_HEADS and _side_adjective(span):
                return "title"  # "The Ukrainian leader": a side's adjective before a title
            return None  # "the Syrian Observatory": a name
        if span[-1].low in GENERIC_HEADS or any(t.low in GENERIC_HEADS for t in span):
            return "title"
        return "description"
    if len(span) <= 3 and all(t.text[0].isupper() and t.text[1:].islower() for t in span):
        return "surname"  # "Volodymyr Zelensky" after "President Volodymyr Zelensky"
    if _hyphenated_name(span):
        return "hyphenated-surname"  # `Fils-Aimé` after `…, Alix Didier Fils-Aimé`
    return None


# participles that make a capitalised word before a hyphen a modifier (`Britain-based`): a
# body's seat, which a later description adds; not `Iran-backed`, which says whose side
# a group is on and may name another group than the last speaker
_COMPOUND_PARTICIPLES = frozenset("based headquartered".split())


def _compound_modified_title(span: list[Token]) -> bool:
    """`the Britain-based monitor`, `the Geneva-based agency`: every capitalised word is the
    first part of a hyphenated compound modifier and the head is a generic title, so the
    phrase describes someone named before rather than naming a body of its own."""
    if span[-1].low not in GENERIC_HEADS:
        return False
    seen = False
    for i, t in enumerate(span[1:-1], 1):
        if not t.text[0].isupper():
            continue
        if not (
            span[i + 1].text == "-"
            and i + 2 < len(span)
            and span[i + 2].low in _COMPOUND_PARTICIPLES
        ):
            return False
        seen = True
    return seen


def _side_adjective(span: list[Token]) -> bool:
    """`The Ukrainian leader`, `the North Korean official`: the capitalised words between
    the determiner and the lower-case title are one demonym of the gazetteer and nothing
    else, so the phrase is a description, not a body's proper name (`the Syrian
    Observatory` has no lower-case title after it)."""
    texts = [t.text for t in span]
    hit = match_at(texts, 1)
    if hit is None or hit[1] != "demonym":
        return False
    rest = span[1 + hit[2] :]
    return bool(rest) and all(t.text.islower() for t in rest)


def _hyphenated_name(span: list[Token]) -> bool:
    """One or two names whose parts a hyphen joins (`Fils-Aimé`, `Jean-Pierre Bemba`):
    capitalised words, a hyphen between two of them, at most five tokens."""
    if len(span) > 5 or span[0].text == "-" or span[-1].text == "-":
        return False
    hyphen = False
    for i, t in enumerate(span):
        if t.text == "-":
            if span[i - 1].text == "-" or span[i - 1].end != t.start:
                return False
            hyphen = True
        elif not (t.text[0].isupper() and t.text[1:].islower() and t.text.isalpha()):
            return False
    return hyphen


PROPER_NAME_RULE = "attribution:unresolved:proper-name"
ARMED_GROUP_RULE = "attribution:armed-group-resolved"


def _match(
    named: list[Named],
    kind: str,
    words: tuple[str, ...],
    span: list[Token],
    now: int,
    loose: bool = False,
) -> Named | None:
    """The most recent speaker of `named` that the reference (`kind`, `words`) can mean."""
    if not named:
        return None
    if kind == "pronoun":
        w = _AS_SUBJECT.get(words[0], words[0])
        for cand in reversed(named):
            if w in ("he", "she") and cand.person:
                return cand
            if w == "it" and not cand.person and not cand.plural:
                return cand
            if w == "they" and (cand.plural or not cand.person):
                return cand
        last = named[-1]
        return last if w != "it" and not last.side else None  # `he` is no state
    if kind in ("surname", "hyphenated-surname"):
        n = len(words)
        for cand in reversed(named):  # a person's name ends with it
            if cand.person and len(cand.words) > n and cand.words[-n:] == words:
                return cand
        return None
    if kind == "acronym":
        letters = words[-1]
        for cand in reversed(named):
            if cand.initials == letters or letters in cand.words:
                return cand
            if len(letters) >= 3 and cand.own_initials == letters:
                return cand  # `The NUG` after `Myanmar's National Unity Government`
        return None
    if kind == "bare-title":
        # a plural title with no determiner (`Officials`, `Sources`) means the speakers of
        # that title named before (`Lebanese officials`), never a person of another title
        for cand in reversed(named):
            if cand.plural and cand.shares(words[0]):
                return cand
        return None
    if kind == "title" and len(words) >= 3 and words[1] == "same" and words[-1] in GENERIC_HEADS:
        # `according to the same source`, `the same official said`: whoever spoke last, of
        # the head's kind when it is a person's title (`source` is any kind's)
        want_person = words[-1] in _PERSON_HEADS and words[-1] not in _ANY_KIND_HEADS
        for cand in reversed(named):
            if now - cand.last > 2:
                break
            if cand.person or not want_person:
                return cand
        return None
    side = _side_of(span) if kind == "title" else None
    if side is not None:
        named = _of_the_side(named, side, words[-1] in _PERSON_HEADS)
    content = [w for w in words[1:] if w not in _SKIP_WORDS]
    if words[-1] in _BODY_PARTS and ("'s" in words or "’s" in words):
        # "the military's media wing" after "Pakistani forces have killed …": a part owned
        # by a body is named by the words after the possessive; the owner's words
        # (`military`) say whose part it is, not that it is the forces named before
        cut = max(k for k, w in enumerate(words) if w in ("'s", "’s"))
        content = [w for w in words[cut + 1 :] if w not in _SKIP_WORDS]
    best: Named | None = None
    most = 0
    singular = kind == "description" and not _is_plural(span)
    for cand in reversed(named):  # words of the description in the speaker's own words
        if singular and cand.plural:
            # `the air force` after `Russian forces launched`: one body, not many (a plural
            # may still mean one body: `The rebels` after `Yemen's Houthi movement`)
            continue
        shared = sum(cand.shares(w, loose) for w in content)
        if shared > most:  # the most shared, the latest among equals
            best, most = cand, shared
    if best is not None:
        # `The army spokesman` after `An army spokesman, X` and `A Houthi spokesman, Y`: X
        return best
    if kind == "title":  # no word shared: the last speaker of the title's kind, if recent
        head = _owner_head(words)
        for cand in reversed(named):
            if now - cand.last > 2:
                break
            if head in _DOCUMENT_HEADS and not cand.plural:
                return cand  # `The army issued a statement … The statement said`: its issuer
            if head in _PERSON_HEADS and cand.person:
                return cand
            if head in _ORG_HEADS and _is_organisation(cand):
                return cand
            if head in _PLURAL_ORG_HEADS and "and" in cand.words and not cand.person:
                return cand  # `the outlets` after `Mediazona and the BBC's Russian service`
    if words[-1] in _ARMED_GROUP_HEADS:
        return _armed_group(named, now)
    return None


# heads that a speaker of any kind may be called (`the same source` after `the military`)
_ANY_KIND_HEADS = frozenset("source sources".split())


# a body's own parts, named after its possessive (`the military's media wing`)
_BODY_PARTS = frozenset("wing arm branch".split())


def _owner_head(words: tuple[str, ...]) -> str:
    """The head a title falls back on: its last word, or the owner before its possessive
    when what the owner has is no person (`The agency's displacement tracking teams counted`,
    `the monitor's latest update`: the agency, the monitor; `The agency's chief` is a
    person of her own)."""
    head = words[-1]
    if head in _PERSON_HEADS:
        return head
    for k in range(len(words) - 2, 0, -1):
        if words[k] in ("'s", "’s"):
            return words[k - 1]
    return head


# heads of a description of an armed group that is no state (`the rebel movement`, `the
# group`, `the militants`)
_ARMED_GROUP_HEADS = frozenset(
    """movement group rebels militia militias militants insurgents guerrillas guerrilla
    paramilitaries faction alliance front jihadists""".split()
)


def _armed_group(named: list[Named], now: int) -> Named | None:
    """`M23 says it repelled army assault` (a headline), then `The rebel movement said`: a
    description of an armed group that shares no word with any speaker means the armed group
    named last, if it was named in one of the last three sentences (RULE: attribution
    `description-resolved`)."""
    for cand in reversed(named):
        if now - cand.last > 3:
            return None
        if cand.group:
            return cand
    return None


# words of a description that make it an armed group's (`the paramilitary group`)
_ARMED_WORDS = frozenset(
    """paramilitary paramilitaries rebel rebels militant militants militia insurgent
    insurgents jihadist jihadists guerrilla guerrillas""".split()
)


# organisations of the gazetteer that are no armed group, and the states (`AFU` is an org
# entry of Ukraine's)
_UNARMED_ORGS = UNARMED_ORGS.union(COUNTRIES, DEMONYMS)


def _names_armed_group(span: list[Token]) -> bool:
    """The phrase names exactly one organisation of the gazetteer that is an armed group
    (`M23`, `the Houthis`, `Fighters of the Arakan Army`) and no state."""
    texts = [t.text for t in span]
    found = None
    k = 0
    while k < len(texts):
        hit = match_at(texts, k) if texts[k][:1].isupper() else None
        if hit is None:
            k += 1
            continue
        if hit[1] != "org" or hit[0] in _UNARMED_ORGS or (found and found != hit[0]):
            return False
        found = hit[0]
        k += hit[2]
    return found is not None


def _side_of(span: list[Token]) -> str | None:
    """The side a title's demonym names (`The Russian president` -> Russia), or None."""
    if len(span) < 3 or not _side_adjective(span):
        return None
    hit = match_at([t.text for t in span], 1)
    return hit[0] if hit is not None else None


@lru_cache(maxsize=4096)
def _named_side(phrase: str) -> str | None:
    """The first side a speaker's own words name (`Ukraine's president, Volodymyr
    Zelensky` -> Ukraine), or None. By phrase and cached: a passage asks it of every speaker
    named so far at each title it resolves, and the same speakers recur across reports."""
    texts = [t.text for t in tokenize(phrase)]
    for i in range(len(texts)):
        hit = match_at(texts, i)
        if hit is not None:
            return hit[0]
    return None


def _of_the_side(named: list[Named], side: str, person: bool) -> list[Named]:
    """The speakers `The Russian president` may mean: those whose words name Russia; else,
    when exactly one speaker of the title's kind names no side at all, that one (`The
    Ukrainian leader` after `President Volodymyr Zelensky` alone); else none, so that the
    title stays a name of its own rather than mean another side's leader."""
    sides = [(c, _named_side(c.phrase)) for c in named]
    same = [c for c, s in sides if s == side]
    if same:
        return same
    blank = [c for c, s in sides if s is None and c.person == person]
    return blank if len(blank) == 1 else []


def _is_organisation(cand: Named) -> bool:
    """One body named by several words or an acronym (`The UN Development Programme`, `The
    RSF`), not a person, a group of people or a bare place name."""
    if cand.person or cand.plural or cand.words[-1] in _ARMED_HEADS:
        return False
    return len([w for w in cand.words if w not in ("the", "a", "an")]) >= 2 or bool(
        cand.initials and cand.initials == "".join(w for w in cand.words if w != "the")
    )


def _is_person(span: list[Token]) -> bool:
    lows = [t.low for t in span]
    if any(w in _PERSON_NOUNS for w in lows):
        return True
    commas = [i for i, t in enumerate(span) if t.text == ","]
    if commas and _is_name(span[commas[0] + 1 : commas[1] if len(commas) > 1 else len(span)]):
        return True  # "UNICEF's executive director, Catherine Russell": a person's name
    if any(w in ORG_WORDS for w in lows):
        return False
    caps = [t for t in span if t.text[0].isupper()]
    if len(caps) >= 3 and caps[0].low in _RANKS:
        # `Lt. Gen. Aung Zaw Min`: a rank (its full stops apart) before a name is a person's
        words = [t for t in span if t.text != "."]
        return len(caps) == len(words) and not any(t.text.isupper() for t in caps)
    return len(caps) >= 2 and len(caps) == len(span) and not any(t.text.isupper() for t in caps)


def _is_side(span: list[Token]) -> bool:
    """The phrase is only a state's or an armed group's name (`Russia`, `the Houthis`)."""
    texts = [t.text for t in span]
    i = 1 if texts[0] in ("The", "the") and len(texts) > 1 else 0
    hit = match_at(texts, i)
    return hit is not None and i + hit[2] == len(texts)


def _is_plural(span: list[Token]) -> bool:
    last = span[-1].low
    return last.endswith("s") and not last.endswith("ss") and span[-1].text[0].islower()


# Lower-case words that end a sentence's subject: its verb (`met`, `spoke`, `briefed`).
_VERBS = STRONG_VERBS | frozenset(
    """met spoke gave held went came sent took made visited addressed briefed travelled
    traveled arrived urged called described denied rejected launched is are was were has have
    had will would can could may might did does do kept lost fought flew wrote fled began
    brought spent speaks commands leads heads runs oversees chairs directs represents
    overran overrun seized struck shot drove won beat hit""".split()
)
# Words in `-ed` that are no verbs in a name (`Ukraine's armed forces`, `the United Nations`)
_NOT_VERBS = frozenset("armed united allied backed based led red".split())
_ADVERBS = frozenset(
    "earlier later meanwhile however separately also still then now today yesterday".split()
)
_SUBJECT_HEADS = (
    SOURCE_NOUNS
    | _PERSON_NOUNS
    | frozenset("diplomats experts investigators researchers analysts monitors observers".split())
)


# prepositions that put a subject's head noun in a place (`The fighting in South Ossetia`)
_PLACE_PREPS = frozenset("in at on near around across along".split())


def sentence_subject(toks: list[Token]) -> Speaker | None:
    """The phrase that opens a sentence and does something (`A US official briefed
    journalists`), when it names a speaker: a later `the official said` may mean it."""
    n = len(toks)
    k = 0
    commas: list[int] = []
    while k < n and k < 14:
        t = toks[k]
        c = t.text[0]
        if c.islower() and (t.low in _VERBS or (t.low.endswith("ed") and t.low not in _NOT_VERBS)):
            break
        if t.text == "," and len(commas) < 2:
            commas.append(k)  # "Lebanon's health minister, Firass Abiad, visited …"
            if len(commas) == 2 and _verb_after_appositive(toks, k + 1):
                k += 1  # `…, Pedro Arenas, flew to …`: whatever word it is, it is the verb
                break
        elif not (c.isalpha() or t.text in ("'s", "’s", "-", ".") or _plural_possessive(toks, k)):
            return None
        k += 1
    else:
        return None
    if commas and (len(commas) != 2 or commas[1] != k - 1):
        return None  # a comma that closes no appositive before the verb
    end = k - 2 if commas else k - 1
    if end < 0 or (end == 0 and toks[0].low in _ADVERBS):
        return None
    head = toks[commas[0] - 1] if commas else toks[end]
    if not commas:
        # `The fighting in South Ossetia forced …`: a common noun before a place's preposition
        # is the phrase's head, and the place after it no speaker
        for i in range(1, end):
            if toks[i].low in _PLACE_PREPS and toks[i - 1].text.islower():
                head = toks[i - 1]
                if head.low not in _SUBJECT_HEADS:
                    return None
                break
    if head.low in _SUBJECT_HEADS or (head.text[0].isupper() and head.text[1:].islower()):
        return Speaker(0, end, k, "subject", "")
    if head.text.isupper() and 2 <= len(head.text) <= 6:
        return Speaker(0, end, k, "subject", "")  # `Ecuador's prisons service SNAI gave …`
    if _issues_a_document(toks, k):
        # `The Pakistani military's media wing released a statement`: whatever its head,
        # a subject that issues a statement is a source a later `it said` can mean
        return Speaker(0, end, k, "subject", "", notes=(ISSUER,))
    if commas and _is_name(toks[commas[0] + 1 : commas[1]]):
        return Speaker(
            0, end, k, "subject", ""
        )  # "UNICEF's executive director, Catherine Russell,"
    return None


ISSUER = "attribution:issuer-remembered"
_FIRST_PERSON = frozenset({"we", "i"})
# verbs by which a reporter turns to the one who then speaks (`We asked the governor, X, …`)
_ASKING = frozenset("asked interviewed contacted reached questioned met".split())
_OBJECT_ENDS = frozenset("about for on if whether how why what when by in at . ? ;".split())


def asked_object(toks: list[Token], subject: Speaker) -> Speaker | None:
    """`We asked the governor, Amina Bello, about the toll`: when the reporter is the subject
    and the verb asks someone, the one asked is who a later `she said` means; the object up
    to a preposition or the end (an appositive name between commas kept), or None."""
    if subject.start != subject.end or toks[subject.start].low not in _FIRST_PERSON:
        return None
    k = subject.verb
    if k >= len(toks) or toks[k].low not in _ASKING:
        return None
    end = k
    commas = 0
    for j in range(k + 1, min(len(toks), k + 12)):
        t = toks[j]
        if t.low in _OBJECT_ENDS:
            break
        if t.text == ",":
            commas += 1
            if commas == 2:
                break
            continue
        if not (t.text[0].isalpha() or t.text in ("'s", "’s", "-", ".")):
            return None
        end = j
    if end == k:
        return None
    return Speaker(k + 1, end, k, "subject", "")


_ISSUING = frozenset("released issued published gave put".split())
_DOCUMENTS = frozenset(
    """statement statements update report figures communique communiqué bulletin briefing
    release""".split()
)


def _issues_a_document(toks: list[Token], k: int) -> bool:
    """The verb at `k` issues a document (`released a statement`, `gave an update`,
    `published new figures`): a document's noun within four words after it."""
    if k >= len(toks) or toks[k].low not in _ISSUING:
        return False
    return any(t.low in _DOCUMENTS for t in toks[k + 1 : k + 5])


def _plural_possessive(toks: list[Token], k: int) -> bool:
    """Token `k` is the apostrophe of a plural possessive (`The Houthis' military
    spokesman`), not a quotation mark: it follows a word in `s` and precedes a word."""
    return (
        toks[k].text in ("'", "’")
        and k >= 1
        and toks[k - 1].low.endswith("s")
        and toks[k - 1].text.isalpha()
        and k + 1 < len(toks)
        and toks[k + 1].text[0].isalpha()
    )


def _verb_after_appositive(toks: list[Token], k: int) -> bool:
    """The word after an appositive's closing comma is the subject's verb: a lower-case
    word that opens no relative clause, participle or list (`, flew`, `, wrote`)."""
    if k >= len(toks):
        return False
    t = toks[k]
    return (
        t.text.isalpha()
        and t.text.islower()
        and not t.low.endswith("ing")
        and t.low not in _NOT_VERBS_AFTER_COMMA
    )


_NOT_VERBS_AFTER_COMMA = frozenset(
    "who whom whose which that and or but the a an its their his her as in on at of".split()
)


def _is_name(span: list[Token]) -> bool:
    """Two to four capitalised words, none of them an organisation's: a person's name."""
    return 2 <= len(span) <= 4 and all(
        t.text[0].isupper() and t.text[1:].islower() and t.low not in ORG_WORDS for t in span
    )
