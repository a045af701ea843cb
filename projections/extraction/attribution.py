"""Who asserts a figure: the speaker of a reporting verb, or the source of `according to`.

Speakers are found once per sentence (linear in its tokens), then each figure takes the nearest
speaker whose clause governs it: a reporting verb before the figure (`Zelensky confirmed that
... up to 11,000`), else one after it (`..., two officials said.`), else `according to X`, which
covers its whole sentence, else a weak evidential (`Reports suggest`, `images show`).

Besides verbs, a source of a count speaks (`kind`): a count's owner (`Armenia's official toll`,
`Mediazona's count of`, `its official count`: "official"), a name before a colon ("colon"), the
agent of `the figure given by X` for the figure just before it ("given-by"), `as reported by
X` (like `according to`). Where a speaker's clause stands is read once too (`_read_tag`): a tag
after what it reports may close the sentence, or be followed by a clause of the reporter's own
(`…, the agency said, and 4 militants were shot dead`), and a speaker after `and` speaks only
for what follows it; `choose` reads those marks, never the tokens again.
"""

from __future__ import annotations

from dataclasses import dataclass

from projections.extraction.gazetteer import match_at
from projections.extraction.tokens import Token

STRONG_VERBS = frozenset(
    """said says say saying told tells confirmed confirms confirm claimed claims claim announced
    announces announce reported reports report estimated estimates estimate believe believes
    stated states warned warns added adds wrote writes noted notes explained insisted insists
    acknowledged acknowledges admitted admits revealed reveals disclosed alleged alleges
    asserted asserts counted count tallied recorded records documented verified assessed
    assesses assess calculated concluded declared declares posted tweeted published publishes
    ordered decreed put puts informed briefed testified predicted projected recounted
    registered logged treated""".split()
)
WEAK_VERBS = frozenset(
    "suggest suggests suggested show shows showed shown indicate indicates".split()
)
# forms that are also nouns: verbs only when something a verb takes follows them
_NOUN_LIKE = frozenset(
    """reports report claims claim estimates estimate notes states records count counts
    posts put puts""".split()
)
_PASSIVE = frozenset("is are was were been be being".split())
# after these a noun-like word ("reports", "claims") is a noun, whatever follows it
_NOUN_AFTER = frozenset(
    """denied denies deny denying rejected rejects reject dismissed dismisses dismiss
    disputed disputes dispute refuted refutes refute of about amid despite following after
    and or with on over against from""".split()
)
_DETS = frozenset(
    """a an the this that these those its their his her our one latest previous earlier
    initial new such first second only officially newly""".split()
)
_BOUNDARY = frozenset(
    """, ; : that “ ” " ( ) — – while but as when where because although though whereas and
    which whom""".split()
)
_DETS_AFTER = frozenset("a an the his her its their one two three several".split())
# lower-case titles that open an inverted speaker (`…, said army spokesman Col. X`)
_TITLES_AFTER = frozenset(
    """army police military defence defense foreign interior health regional provincial
    district spokesman spokeswoman spokesperson minister governor mayor deputy chief
    commander prime president""".split()
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
_LEADING_DROP = frozenset("and but also so then later separately meanwhile however".split())
_TRAILING_DROP = frozenset("also earlier later previously separately on".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


@dataclass(slots=True)
class Speaker:
    """One asserting source of a sentence: its phrase (token span) and governing position."""

    start: int
    end: int
    verb: int  # token index of the verb (or of "according")
    kind: str  # "speech", "weak", "according-to", "colon", "official", "given-by"
    word: str
    first_person: bool = False
    rel: int = -1  # token of `that`/`whom` opening the speaker's relative clause, if any
    notes: tuple[str, ...] = ()  # names of the rules that shaped the speaker's phrase
    final: bool = False  # a tag that closes the sentence (`…, state media reported.`)
    closes_at: int = -1  # `…, X said, and 4 militants were…`: the `and` of the clause after
    front: bool = False  # `…, and officials said 12 of them…`: speaks for what follows only
    action: bool = False  # `ordered 5,000 troops`, `claimed to have fired`: no statement verb
    tag: bool = False  # the speaker follows a comma or a quote: a tag of what came before

    @property
    def rule(self) -> str:
        if self.kind in ("according-to", "colon", "given-by"):
            return f"attribution:{self.kind}"
        return f"attribution:{self.kind}:{self.word}"


def find_speakers(toks: list[Token], lows: list[str] | None = None) -> list[Speaker]:
    """All speakers of one sentence, in order. `lows`: the tokens' lower-cased words, if the
    caller has them already."""
    out: list[Speaker] = []
    n = len(toks)
    if lows is None:
        lows = [t.low for t in toks]
    triggers = _TRIGGERS
    if triggers.isdisjoint(lows):
        return out
    for v, w in enumerate(lows):
        if w not in triggers:
            continue  # none of the tests below passes for another word
        t = toks[v]
        if w == "according" and v + 2 < n and toks[v + 1].low == "to":
            end = _phrase_end(toks, v + 2)
            if end >= v + 2:
                out.append(Speaker(v + 2, end, v, "according-to", "according to"))
            continue
        if w == ":":
            sp = _colon_source(toks, v)
            if sp is not None:
                out.append(sp)
            continue
        if w in ("official", "own"):
            sp = _official_count(toks, v)
            if sp is not None:
                out.append(sp)
            continue
        if w == "by":
            sp = _figure_given_by(toks, v) or _estimated_by(toks, v) or _reported_by(toks, v)
            if sp is not None:
                out.append(sp)
            continue
        if w in _POSSESSED_COUNTS and v >= 2 and lows[v - 1] in _POSSESSIVE_MARKS:
            sp = _possessor(toks, v)  # `Mediazona's count of …`, `Russia's claims that …`
            if sp is not None:
                out.append(sp)
            continue
        if w == "found":  # `..., a Reuters investigation found.`, `found that`
            nxt = toks[v + 1] if v + 1 < n else None
            if nxt is not None and nxt.text not in (".", ",", ";") and nxt.low != "that":
                if not _INQUIRIES.intersection(lows[max(0, v - 8) : v]):
                    continue  # `rescuers found 12 bodies`; but `a BBC count found 27 tanks`
        strong = w in STRONG_VERBS or w == "found"
        if w in _ACCUSING_VERBS:
            if not _accuses_of(lows, v):
                continue
            strong = True  # `accused the RSF of killing 200 civilians`: the accuser's claim
        elif w in _GIVING_VERBS:
            if not _gives_a_count(lows, v):
                continue  # "Tehran gave 300 drones": a transfer, not a statement
            strong = True
        elif not strong and w not in WEAK_VERBS:
            continue
        if not t.text.islower():
            continue
        if v > 0 and (toks[v - 1].low in _PASSIVE or toks[v - 1].low in _DETS):
            continue
        nxt = toks[v + 1] if v + 1 < n else None
        if nxt is not None and nxt.low == "by":
            continue  # `the number confirmed by name`: a participle, no one's speech
        if (
            w in _ESTIMATE_PARTICIPLES
            and v > 0
            and lows[v - 1] == ","
            and nxt is not None
            and (nxt.low in ("at", "to"))
        ):
            continue  # `Azerbaijani troops, estimated at about 7,000,`: the troops say nothing
        if w in ("put", "puts"):
            if not _puts_at(lows, v):
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
        if (v == 0 or toks[v - 1].text in (",", "”", '"', "’")) and inverted:
            span = _speaker_after(toks, v)  # inverted: `..., said the ministry.`
            if span is None and v > 0:
                span = _speaker_before(toks, v)  # `Its spokesman, X, said two of them…`
        else:
            span = _speaker_before(toks, v)
        if span is None:
            continue
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
        whose = lows[span[0]] == "whose" and span[0] < v
        if whose:
            span = (_owner_before_whose(toks, span[0]), span[1])
            notes = ("attribution:whose",)
        sp = Speaker(span[0], span[1], v, kind, w, first_person, rel, notes)
        _read_tag(toks, lows, sp)
        if whose:
            sp.front = True  # `captured by the rebels, whose leader said 50 more …`
        sp.action = w in _ACTION_VERBS or (nxt is not None and nxt.low == "to" and w in _CLAIM)
        out.append(sp)
    return out


def _owner_before_whose(toks: list[Token], w: int) -> int:
    """`the rebels, whose leader said`: the speaker is the owner's (`the rebels, whose
    leader`), so that its claimant is the rebels; the owner is the noun phrase before the
    comma, up to a preposition or a verb (`captured by the rebels`)."""
    if w < 2 or toks[w - 1].text != ",":
        return w
    k = w - 2
    while k - 1 >= 0 and w - k < 8:
        t = toks[k - 1]
        if t.low in _BOUNDARY or t.low in _OWNER_STOP or not t.text[0].isalpha():
            break
        if t.text[0].islower() and t.low not in _DETS and t.low.endswith(("ed", "ing")):
            break
        k -= 1
    return k


_OWNER_STOP = frozenset("by of in on at from to for with".split())


def _read_tag(toks: list[Token], lows: list[str], sp: Speaker) -> None:
    """Where the speaker's clause stands in its sentence: a tag after the figures it reports
    (`…, the ministry said.`), which then either closes the sentence or is followed by a
    clause of the reporter's own (`…, the agency said, and 4 militants were shot dead`:
    CONVENTIONS.md), or a speaker that opens a clause after a conjunction (`…, and officials
    said 12 of them…`), which speaks for what follows it only."""
    n = len(toks)
    first = min(sp.start, sp.verb)
    last = max(sp.end, sp.verb)
    before = lows[first - 1] if first > 0 else ""
    if before in ("and", "but") and sp.start < sp.verb:
        k = sp.verb + 1
        if k < n and (lows[k] == "that" or lows[k][0].isdigit() or lows[k] in _NUMBER_WORDS):
            sp.front = True
        return
    if before not in (",", "”", '"', "’"):
        return
    sp.tag = True
    k = last + 1
    end = min(n, k + 14)
    while k < end:
        w = lows[k]
        if w == ",":
            nxt = lows[k + 1] if k + 1 < n else ""
            if nxt in _NEW_CLAUSE:
                # a subject of its own after the conjunction; but `, and 45 of them are
                # children` and `, and plans to move another 20,000` go on reporting
                if k + 2 < n and _opens_subject(toks[k + 2]) and lows[k + 3 : k + 4] != ["of"]:
                    sp.closes_at = k + 1
                return
            if not nxt.endswith("ing"):
                return  # a list or an apposition goes on: no tag of a whole sentence
        elif w[0].isdigit() or w in _NUMBER_WORDS or w == "that":
            return
        elif w in (".", "!", "?") and k >= n - 2:
            sp.final = True
            return
        k += 1
    if k >= n:
        sp.final = True


_NEW_CLAUSE = frozenset("and but while whereas yet".split())
_QUOTES = frozenset('” " ’'.split())
_SUBJECT_OPENERS = frozenset(
    """the a an its their his her some many most more another others other several dozens
    hundreds thousands tens millions scores at about nearly around almost roughly over up
    as fewer less only just""".split()
)


def _opens_subject(tok: Token) -> bool:
    """The word can open a clause's subject (`4 militants`, `the power`, `thousands`), not
    a verb that shares the subject before it (`and plans to move …`)."""
    c = tok.text[0]
    return c.isdigit() or c.isupper() or tok.low in _NUMBER_WORDS or tok.low in _SUBJECT_OPENERS


_ACTION_VERBS = frozenset("ordered decreed treated registered logged".split())
_CLAIM = frozenset("claimed claims claim".split())


def _colon_source(toks: list[Token], v: int) -> Speaker | None:
    """`South Korean intelligence: up to 3,000 more troops…`: a short name phrase that opens
    the sentence and ends in a source's noun or a name, then a colon."""
    if not 1 <= v <= 14 or v + 1 >= len(toks):
        return None
    head = toks[v - 1]
    source_of = _count_from(toks, v)
    if source_of is not None:
        return Speaker(source_of, v - 1, v, "colon", ":")
    if head.low in _POSSESSED_COUNTS and v >= 3 and toks[v - 2].low in _POSSESSIVE_MARKS:
        owner = _possessor(toks, v - 1)  # `The Houthis' count: 74 people killed …`
        return Speaker(owner.start, owner.end, v, "colon", ":") if owner else None
    if head.low not in SOURCE_NOUNS and not _named_source(toks, v):
        return None  # a heading (`Breaking:`) or a dateline (`Kharkiv:`), not a source
    for t in toks[:v]:
        c = t.text[0]
        if not (c.isalpha() or t.text in _NAME_PARTS):
            return None  # a digit (`4:17`) or punctuation: not a name
        if c.islower() and (t.low in STRONG_VERBS or t.low in _PASSIVE or t.low.endswith("ing")):
            return None  # a clause, not a name
    if v > 8:
        return None  # too long for a name
    start = 1 if toks[0].low in _LEADING_DROP else 0
    return Speaker(start, v - 1, v, "colon", ":")


# counts that a source gives (not `the toll from the strikes`: what the toll is of)
_SOURCED_COUNTS = frozenset("count tally estimate estimates figure figures data assessment".split())


def _count_from(toks: list[Token], v: int) -> int | None:
    """`The latest count from the Syrian Observatory for Human Rights: 1,383 …`: a count's
    noun, then `from` or `by` and a name that runs to the colon. The first token of the
    name, or None."""
    for k in range(1, min(v - 1, 5)):
        if toks[k].low in ("from", "by") and toks[k - 1].low in _SOURCED_COUNTS:
            if not toks[k + 1].text[0].isupper() and toks[k + 1].low not in _DETS:
                return None
            for t in toks[k + 1 : v]:
                if not (t.text[0].isalpha() or t.text in _NAME_PARTS):
                    return None
            return k + 1
    return None


def _named_source(toks: list[Token], v: int) -> bool:
    """The words before the colon are a person's or a body's name: two to four capitalised
    words (`Volodymyr Zelensky:`) or an acronym (`NATO:`), and no place or state alone."""
    texts = [t.text for t in toks[:v]]
    hit = match_at(texts, 0)
    if hit is not None and hit[2] == len(texts):
        return False  # `Kharkiv:`, `Russia:`
    if len(texts) == 1:
        w = texts[0]
        return w.isupper() and 2 <= len(w) <= 5
    return len(texts) <= 4 and all(w[0].isupper() and w[1:].islower() for w in texts)


def _reported_by(toks: list[Token], v: int) -> Speaker | None:
    """`…, as reported by the state news agency SUNA`, `62 deaths were reported by hospitals
    in Khartoum`: a reporting participle in the passive or after `as`, and its agent after
    `by`. `as reported by` covers its sentence, as `according to` does; the passive speaks
    like a tag after the figure."""
    if v < 2 or v + 1 >= len(toks) or toks[v - 1].low not in _REPORTED:
        return None
    before = toks[v - 2].low
    if before != "as" and before not in _PASSIVE:
        return None
    if toks[v + 1].low in _BY_MANNER:
        return None
    end = _phrase_end(toks, v + 1)
    if end >= v + 3 and toks[end].low in _WEEKDAYS and toks[end - 1].low == "on":
        end -= 2  # `by hospitals in Khartoum on Saturday`: the day is no part of the name
    if end < v + 1:
        return None
    if before == "as":
        return Speaker(v + 1, end, v, "according-to", "as reported by")
    return Speaker(v + 1, end, v, "speech", toks[v - 1].low, notes=("attribution:passive",))


_REPORTED = frozenset(
    """reported confirmed recorded documented counted verified announced claimed registered
    logged tallied cited""".split()
)
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
# counts a possessor owns as its statement (`Mediazona's count`), not `Gaza's death toll`
_POSSESSED_COUNTS = frozenset(
    "count counts tally tallies estimate estimates claims claim assessment figures data".split()
)


def _possessor(toks: list[Token], v: int) -> Speaker | None:
    """The name before `'s` (`Mediazona`, `the ministry`, `Western intelligence`), up to five
    words; none when it is no name (`last week's count`)."""
    end = v - 2
    s = _name_start(toks, end)
    head = toks[end]
    if not head.text[0].isupper() and head.low not in SOURCE_NOUNS:
        return None  # `last week's count`, `the city's tally`
    return Speaker(s, end, v, "official", toks[v].low)


def _official_count(toks: list[Token], v: int) -> Speaker | None:
    """`Armenia's official toll stood at about 3,800`, `Israel's own estimate of 17,000`: the
    possessor before `official` or `own`. `its official count` keeps the pronoun, which the
    attribution stage reads as the subject of its own sentence."""
    if v < 1 or v + 1 >= len(toks) or toks[v + 1].low not in _OFFICIAL_NOUNS:
        return None
    if toks[v - 1].low in _POSSESSIVE_PRONOUNS:
        return Speaker(v - 1, v - 1, v, "official", toks[v].low)
    if v < 2 or toks[v - 1].low not in ("'s", "’s"):
        return None
    end = v - 2
    return Speaker(_name_start(toks, end), end, v, "official", toks[v].low)


def _name_start(toks: list[Token], end: int) -> int:
    """Where the name that ends at `end` (before its `'s`) starts: up to five words back, not
    past a boundary word or a non-word token, then past lower-case words that are no
    determiner (`while Armenia's`: only the name)."""
    s = end
    while s - 1 >= 0 and end - s < 5 and toks[s - 1].low not in _BOUNDARY:
        if not toks[s - 1].text[0].isalpha():
            break
        s -= 1
    while s < end and toks[s].text[0].islower() and toks[s].low not in _DETS:
        s += 1
    return s


_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


_GIVING_VERBS = frozenset(
    """gave give gives carried carries released releases issued issues offered offers provided
    provides cited cites raised raises revised revises updated updates lowered lowers""".split()
)
# the nouns of a count a source gives (`an estimate`, `a higher figure`, `its latest tally`)
COUNT_NOUNS = frozenset(
    """figure figures estimate estimates count counts tally toll range number numbers total
    totals breakdown""".split()
)
_ACCUSING_VERBS = frozenset("accused accuses accusing blamed blames".split())
_TRIGGERS = (
    STRONG_VERBS
    | WEAK_VERBS
    | _GIVING_VERBS
    | _ACCUSING_VERBS
    | _POSSESSED_COUNTS
    | {"according", "found", ":", "official", "own", "by"}
)
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
_PUT_PREPS = frozenset("at above over below under near around".split())
# Heads of a sentence-initial phrase before a colon that name a source, not a heading.
SOURCE_NOUNS = frozenset(
    """intelligence staff ministry military army agency official officials police spokesman force
    spokeswoman spokesperson governor command service services monitor forces navy government
    president minister source sources observatory mission office authorities authority
    commander guard militia group council committee diplomats diplomat""".split()
)
# `Armenia's official toll`: a state's own count is its claim
_OFFICIAL_NOUNS = frozenset("toll count figure figures tally data estimate estimates".split())
_NAME_PARTS = frozenset({"'s", "’s", "-", "."})


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


def _puts_at(lows: list[str], v: int) -> bool:
    """`put the number of soldiers still fighting in the region at about 11,000`: a
    preposition of `put … at N` ends its object before the clause does, however long the
    counted phrase is."""
    for w in lows[v + 1 : v + 30]:
        if w in _PUT_PREPS:
            return True
        if w in _PUT_STOP:
            return False
    return False


_PUT_STOP = frozenset('. , ; : ( ) — – ” " while but'.split())


def _gives_a_count(lows: list[str], v: int) -> bool:
    """The verb's object is a count (`gave a figure of`, `carried an estimate of`,
    `has given a higher figure`): a few words of determiner and adjectives, then its noun."""
    for w in lows[v + 1 : v + 5]:
        if w in COUNT_NOUNS:
            return True
        if w in _PUT_STOP or w[0].isdigit():
            return False
    return False


def _figure_given_by(toks: list[Token], v: int) -> Speaker | None:
    """`…about 130, the figure given by the government, to 400…`: an appositive that names
    the source of the figure just before it. The source is the phrase after `by`; it speaks
    for that figure only, as a speech tag after it does."""
    n = len(toks)
    if v < 2 or v + 1 >= n or toks[v - 1].low not in _GIVEN_PARTICIPLES:
        return None
    k = v - 2
    reach = 4
    if toks[k].text == ",":  # `The figure of 5,000 dead, given by the rebels, …`
        k -= 1
        reach = 8
    while k >= 0 and v - k <= reach and toks[k].low not in COUNT_NOUNS:
        if toks[k].low in _BOUNDARY:
            return None
        k -= 1
    if k < 1 or toks[k].low not in COUNT_NOUNS:
        return None
    if toks[v + 1].low in _BY_MANNER:
        return None  # `confirmed by name`: how, not who
    end = _phrase_end(toks, v + 1)
    if end < v + 1:
        return None
    return Speaker(v + 1, end, v - 1, "given-by", toks[v - 1].low)


def _estimated_by(toks: list[Token], v: int) -> Speaker | None:
    """`Estimated by Western officials at 600,000, the Russian force …`: a participle that
    opens the sentence (or a clause) and names its source after `by`, up to the `at` of the
    figure; it speaks for the figure after it."""
    if v < 1 or toks[v - 1].low not in _ESTIMATE_PARTICIPLES:
        return None
    if v >= 2 and toks[v - 2].text != ",":
        return None
    n = len(toks)
    end = v
    for k in range(v + 1, min(n, v + 10)):
        if toks[k].low in ("at", ",", "as"):
            break
        end = k
    else:
        return None
    if end <= v or toks[end + 1].low != "at":
        return None
    return Speaker(v + 1, end, v - 1, "speech", toks[v - 1].low, notes=("attribution:by",))


_ESTIMATE_PARTICIPLES = frozenset("estimated put counted assessed reckoned".split())
# nouns of a count or an inquiry that can find a figure (`a BBC Verify count … found`)
_INQUIRIES = frozenset(
    """count tally investigation analysis review study survey report assessment inquiry
    audit census""".split()
)
# participles of `the figure given by X` (not `confirmed`: `the number confirmed by name`)
_GIVEN_PARTICIPLES = frozenset(
    """given cited quoted provided offered released issued published reported claimed used
    put advanced compiled""".split()
)
_BY_MANNER = frozenset("name names phone telephone hand satellite".split())


def _takes_object(nxt: Token | None) -> bool:
    if nxt is None:
        return True
    if nxt.text in (".", ",", "!", "?", ";"):
        return True
    c = nxt.text[0]
    return c.isdigit() or c.isupper() or nxt.low in ("that", "on", "the", "a", "an", "up", "at")


def _phrase_end(toks: list[Token], j: int) -> int:
    """End of the source phrase after `according to` (bounded to 12 tokens)."""
    n = len(toks)
    end = j - 1
    k = j
    while k < n and k - j < 12:
        t = toks[k]
        if t.text in (",", ".", ";", ":", "(", ")", "—", "!", "?", '"', "“", "”") or t.low in (
            "that",
            "which",
            "who",
            "while",
        ):
            break
        end = k
        k += 1
    return end


def _speaker_before(toks: list[Token], v: int) -> tuple[int, int] | None:
    span = _speaker_phrase_before(toks, v)
    if span is None:
        return None
    s, end = span
    if (
        s >= 4
        and toks[s - 1].low == "as"
        and toks[s - 2].low == "known"
        and toks[s - 3].text == ","
    ):
        x = _name_before_comma(toks, s - 3)  # "The … Data Project, known as ACLED, recorded"
        return (x, end) if x is not None else span
    # "Olena Kovalenko, the regional governor of Kharkiv, said": the name and its appositive
    if toks[v - 1].text == "," and s >= 2 and toks[s - 1].text == ",":
        x = _name_before_comma(toks, s - 1)
        if x is not None:
            s = x
    # "Ukraine's intelligence agency has given …": a speaker is the subject, not a clause
    for k in range(s + 1, end + 1):
        if toks[k].low in _CLAUSE_VERBS:
            if any(t.low in _NEGATIONS or t.low in _PASSIVE for t in toks[k:v]):
                return None  # "could not be verified", "did not say": no one asserts it
            return (s, k - 1) if toks[s].text[0].isupper() or toks[s].low in _DETS else None
    if toks[s].text[0].islower() and toks[s].low in STRONG_VERBS:
        return None  # a verb phrase ("counts only visually"), not a name
    return s, end


# finite verbs that end a subject: what follows them is its clause, not its name
_CLAUSE_VERBS = frozenset(
    """has have had is are was were will would can could may might did does do gave given
    counts""".split()
)
_NEGATIONS = frozenset("not never n't".split())


def _name_before_comma(toks: list[Token], comma: int) -> int | None:
    """Start of the name that opens the sentence before `comma` (`Olena Kovalenko, …`)."""
    x = comma - 1
    while x >= 0 and comma - x <= 12:
        t = toks[x]
        if t.low == "and" and 0 < x < comma - 1 and toks[x - 1].text[0].isupper():
            if toks[x + 1].text[0].isupper():
                x -= 1  # `The Armed Conflict Location and Event Data Project, known as …`
                continue
        if t.low in _BOUNDARY or t.text in _QUOTES:
            break
        c = t.text[0]
        if not (c.isalpha() or t.text in _NAME_PARTS):
            return None
        if c.islower() and (t.low in STRONG_VERBS or t.low in _PASSIVE or t.low in _CLAUSE_VERBS):
            return None
        x -= 1
    if x >= 0 and toks[x].low not in ("that", ",") and toks[x].text not in _QUOTES:
        return None  # not at the start of the sentence or of a clause
    first = x + 1
    if first >= comma or not (toks[first].text[0].isupper() or toks[first].low in _DETS):
        return None
    return first


def _speaker_phrase_before(toks: list[Token], v: int) -> tuple[int, int] | None:
    end = v - 1
    if end >= 0 and toks[end].text == ",":
        end -= 1  # "The president, speaking in Kyiv, said": the parenthetical is skipped below
    bracket_end = -1
    if end >= 2 and toks[end].text == ")":  # "Ukraine's military intelligence (GUR) said"
        k = end - 1
        while k > 0 and end - k < 8 and toks[k].text != "(":
            k -= 1
        if toks[k].text == "(" and k >= 1:
            bracket_end, end = end, k - 1
    # "The Pentagon on Monday said": drop the trailing day
    if end >= 1 and toks[end].low in _WEEKDAYS and toks[end - 1].low == "on":
        end -= 2
    while end >= 0 and toks[end].low in _TRAILING_DROP:
        end -= 1
    if end < 0:
        return None
    s = end
    while (
        s - 1 >= 0
        and end - s < 14
        and (toks[s - 1].low not in _BOUNDARY or _and_in_name(toks, s - 1, end))
    ):
        s -= 1
    if s - 1 >= 0 and toks[s - 1].low not in _BOUNDARY:
        return None  # too long to be a speaker's name
    if bracket_end >= 0:
        end = bracket_end
    # "The president, speaking in Kyiv, said": skip a participle or relative clause
    if s >= 2 and toks[s - 1].low in ("which", "who") and toks[s - 2].text == ",":
        s -= 1  # "Oryx, which counts only visually confirmed losses, puts …"
    if (toks[s].low.endswith("ing") and toks[s].text[0].islower()) or toks[s].low in (
        "who",
        "which",
    ):
        if s >= 2 and toks[s - 1].text == ",":
            e2 = s - 2
            s2 = e2
            while s2 - 1 >= 0 and toks[s2 - 1].low not in _BOUNDARY and e2 - s2 < 10:
                s2 -= 1
            if s2 + 1 < e2 and toks[s2].low == "according" and toks[s2 + 1].low == "to":
                s2 += 2  # `…, according to Oryx, which counts …`: the source, not its phrase
            if s2 <= e2:
                return s2, e2
        return None
    while s <= end and toks[s].low in _LEADING_DROP:
        s += 1
    if s > end:
        return None
    return s, end


def _and_in_name(toks: list[Token], k: int, end: int) -> bool:
    """`and` inside one capitalised name (`the Armed Conflict Location and Event Data
    Project`): capitalised words on both sides and more of the name after it. Not `Russia
    and Ukraine said` nor `killed in Kharkiv and Zelensky said`, which keep the last name."""
    if toks[k].low != "and" or k < 1 or k + 2 > end:
        return False
    return (
        toks[k - 1].text[0].isupper()
        and toks[k + 1].text[0].isupper()
        and (toks[k + 2].text[0].isupper())
    )


def _speaker_after(toks: list[Token], v: int) -> tuple[int, int] | None:
    """Inverted speech: `..., said the ministry.` The speaker phrase ends the clause: what
    follows it is punctuation or a time or place (`said the ministry on Monday`), else the
    words after the verb are its object (`, believes Russia could field …`)."""
    n = len(toks)
    s = v + 1
    e = s - 1
    k = s
    while k < n and k - s < 10:
        t = toks[k]
        if t.text == "." and k > s and toks[k - 1].low in _TITLE_ABBREVIATIONS:
            k += 1  # `said army spokesman Col. Azem Agouna`: the title's point ends nothing
            continue
        if not t.text[0].isalnum() and t.text not in ("'s", "’s", "-"):
            break
        if t.low in _AFTER_SPEAKER:
            break
        e = k
        k += 1
    if k < n and k - s >= 10:
        return None  # too long for a name: a clause
    if k < n and not (toks[k].low in _AFTER_SPEAKER or toks[k].text in _CLAUSE_END):
        return None
    for i in range(s, e + 1):
        w = toks[i].low
        if w[0].isdigit() or w in _NUMBER_WORDS or w in _CLAUSE_VERBS:
            return None  # a figure or a verb in it: the verb's object, not its speaker
    return (s, e) if e >= s else None


_TITLE_ABBREVIATIONS = frozenset(
    "col gen lt maj brig capt sgt adm cmdr gov sen rep dr mr mrs ms prof".split()
)
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve dozens hundreds
    thousands dozen hundred thousand million""".split()
)
_AFTER_SPEAKER = frozenset("that on in at after when while".split())
_CLAUSE_END = frozenset('. , ; : ! ? ) — – ” "'.split())


def contrasts(lows: list[str]) -> list[int]:
    """Tokens that open a contrasting clause (`, while Armenia's …`, `, though some
    historians believe …`): a speaker after one does not reach back across it."""
    if _CONTRAST.isdisjoint(lows):
        return []
    return [i for i, w in enumerate(lows) if w in _CONTRAST and i > 0 and lows[i - 1] == ","]


_CONTRAST = frozenset("while whereas though although".split())


def choose(
    speakers: list[Speaker], first: int, last: int, breaks: list[int] | None = None
) -> Speaker | None:
    """The speaker governing the figure at tokens `first..last`. `breaks`: the sentence's
    `contrasts`, which no speaker reaches across."""
    before = after = according = weak_before = weak_after = None
    for sp in speakers:
        if sp.start <= first <= sp.end or sp.start <= last <= sp.end:
            continue  # the figure is inside the speaker's own phrase
        if breaks and not sp.final and _across(breaks, sp, first, last):
            continue
        if sp.verb < first and 0 <= sp.closes_at < first:
            continue  # `…, the agency said, and 4 militants…`: the reporter's own clause
        if sp.front and sp.start > last:
            continue  # `…detained 40 …, and the society said 12 of them…`
        if sp.rel > last and sp.rel - last <= 4 and sp.kind == "speech":
            return sp  # "the several thousand that Moscow reported": its own relative clause
        if sp.kind == "given-by":
            if 0 < sp.verb - last <= 5:
                return sp  # "about 130, the figure given by the government": its own source
            continue
        if sp.kind == "according-to":
            according = according or sp
        elif sp.kind in ("colon", "official"):
            if sp.verb < first:
                before = sp
        elif sp.kind == "speech":
            if sp.verb < first:
                before = sp
            elif after is None and sp.start > last:
                after = sp
        else:
            if sp.verb < first:
                weak_before = sp
            elif weak_after is None and sp.start > last:
                weak_after = sp
    if before is not None and after is not None:
        if before.start == before.end and before_is_first_person(before, speakers):
            return after  # a quote: "We counted 240 bodies," an investigator said
        if before.action and after.tag:
            return after  # `The Kremlin has ordered …, state media reported.`
    return before or after or according or weak_before or weak_after


def _across(breaks: list[int], sp: Speaker, first: int, last: int) -> bool:
    """A contrast stands between the figure and its speaker: a speaker after the figure
    speaks for the contrasting clause only (`…620,000 troops…, though some historians
    believe…`), and a clause after the speech tag with its own subject and verb is the
    reporter's (`the agency said, while dozens more remained trapped`; CONVENTIONS.md, v113).
    `according to` covers its whole sentence and is not asked."""
    if sp.kind == "according-to":
        return False
    if sp.start < first:
        return any(sp.verb < b < first for b in breaks)
    return any(last < b < sp.start for b in breaks)


def before_is_first_person(sp: Speaker, speakers: list[Speaker]) -> bool:
    """True when the speaker phrase is `we` or `I` (set by `find_speakers`)."""
    return sp.kind == "speech" and sp.first_person


def is_pronoun(toks: list[Token], sp: Speaker) -> bool:
    """A speaker that is only `he`, `she`, `they`...: to be resolved from earlier sentences."""
    return sp.start == sp.end and toks[sp.start].low in _PRONOUNS
