"""Who asserts a figure: the speaker of a reporting verb, or the source of `according to`.

Speakers are found once per sentence (linear in its tokens), then each figure takes the nearest
speaker whose clause governs it: a reporting verb before the figure (`Zelensky confirmed that
... up to 11,000`), else one after it (`..., two officials said.`), else `according to X`, which
covers its whole sentence, else a weak evidential (`Reports suggest`, `images show`).
"""

from __future__ import annotations

from dataclasses import dataclass

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
    and or with""".split()
)
_DETS = frozenset(
    """a an the this that these those its their his her our one latest previous earlier
    initial new such first second only officially newly""".split()
)
_BOUNDARY = frozenset(
    """, ; : that “ ” " ( ) — – while but as when where because although though whereas and
    which""".split()
)
_DETS_AFTER = frozenset("a an the his her its their one two three several".split())
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
    kind: str  # "speech", "weak", "according-to"
    word: str
    first_person: bool = False

    @property
    def rule(self) -> str:
        if self.kind == "according-to":
            return "attribution:according-to"
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
        strong = w in STRONG_VERBS
        if not strong and w not in WEAK_VERBS:
            continue
        if not t.text.islower():
            continue
        if v > 0 and (toks[v - 1].low in _PASSIVE or toks[v - 1].low in _DETS):
            continue
        nxt = toks[v + 1] if v + 1 < n else None
        if w in _NOUN_LIKE and (not _takes_object(nxt) or (v > 0 and lows[v - 1] in _NOUN_AFTER)):
            continue  # "denied reports that …": the reports are an object, not a verb
        if w in ("put", "puts") and not any(x.low == "at" for x in toks[v + 1 : v + 12]):
            continue
        kind = "speech" if strong else "weak"
        nxt_ok = nxt is not None and (nxt.low in _DETS_AFTER or nxt.text[0].isupper())
        if (v == 0 or toks[v - 1].text in (",", "”", '"', "’")) and nxt_ok:
            span = _speaker_after(toks, v)  # inverted: `..., said the ministry.`
        else:
            span = _speaker_before(toks, v)
        if span is None:
            continue
        first_person = span[0] == span[1] and toks[span[0]].low in ("we", "i")
        out.append(Speaker(span[0], span[1], v, kind, w, first_person))
    return out


_TRIGGERS = STRONG_VERBS | WEAK_VERBS | {"according"}


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
    end = v - 1
    if end >= 0 and toks[end].text == ",":
        end -= 1  # "The president, speaking in Kyiv, said": the parenthetical is skipped below
    # "The Pentagon on Monday said": drop the trailing day
    if end >= 1 and toks[end].low in _WEEKDAYS and toks[end - 1].low == "on":
        end -= 2
    while end >= 0 and toks[end].low in _TRAILING_DROP:
        end -= 1
    if end < 0:
        return None
    s = end
    while s - 1 >= 0 and toks[s - 1].low not in _BOUNDARY and end - s < 14:
        s -= 1
    if s - 1 >= 0 and toks[s - 1].low not in _BOUNDARY:
        return None  # too long to be a speaker's name
    # "The president, speaking in Kyiv, said": skip a participle or relative clause
    if toks[s].low.endswith("ing") or toks[s].low in ("who", "which"):
        if s >= 2 and toks[s - 1].text == ",":
            e2 = s - 2
            s2 = e2
            while s2 - 1 >= 0 and toks[s2 - 1].low not in _BOUNDARY and e2 - s2 < 10:
                s2 -= 1
            if s2 <= e2:
                return s2, e2
        return None
    while s <= end and toks[s].low in _LEADING_DROP:
        s += 1
    if s > end:
        return None
    return s, end


def _speaker_after(toks: list[Token], v: int) -> tuple[int, int] | None:
    """Inverted speech: `..., said the ministry.`"""
    n = len(toks)
    s = v + 1
    e = s - 1
    k = s
    while k < n and k - s < 10:
        t = toks[k]
        if not t.text[0].isalnum() and t.text not in ("'s", "’s", "-"):
            break
        if t.low in ("that", "on", "in", "at", "after", "when", "while"):
            break
        e = k
        k += 1
    return (s, e) if e >= s else None


def choose(speakers: list[Speaker], first: int, last: int) -> Speaker | None:
    """The speaker governing the figure at tokens `first..last`."""
    before = after = according = weak_before = weak_after = None
    for sp in speakers:
        if sp.start <= first <= sp.end or sp.start <= last <= sp.end:
            continue  # the figure is inside the speaker's own phrase
        if sp.kind == "according-to":
            according = according or sp
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
    if before is not None and after is not None and before.start == before.end:
        if before.word and before_is_first_person(before, speakers):
            return after  # a quote: "We counted 240 bodies," an investigator said
    return before or after or according or weak_before or weak_after


def before_is_first_person(sp: Speaker, speakers: list[Speaker]) -> bool:
    """True when the speaker phrase is `we` or `I` (set by `find_speakers`)."""
    return sp.kind == "speech" and sp.first_person


def is_pronoun(toks: list[Token], sp: Speaker) -> bool:
    """A speaker that is only `he`, `she`, `they`...: to be resolved from earlier sentences."""
    return sp.start == sp.end and toks[sp.start].low in _PRONOUNS
