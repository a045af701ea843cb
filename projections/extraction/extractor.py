"""The rule-based figure-claim extractor: a pure, deterministic function of a passage's text.

Pipeline per sentence: tokens -> number mentions -> drop non-claims (dates, ages, money...) ->
qualifier -> counted noun and category -> actor -> attribution -> hedges -> location. Each step
appends the names of the rules that fired to the claim, and `explain` prints them.

Context crosses sentences in one way only: within a paragraph, a figure counting `the troops`
with no actor of its own takes the actor last named with the same kind of troops.
"""

from __future__ import annotations

from datetime import date
from operator import itemgetter

from projections.extraction import attribution, hedging, nonclaims
from projections.extraction.actors import (
    antecedent,
    entity_at,
    from_actor,
    np_actor,
    possessive_actor,
    subject_actor,
)
from projections.extraction.categories import Reading, read_category
from projections.extraction.claim import FigureClaim
from projections.extraction.lexicon import (
    CATEGORY_NOUNS,
    EQUIPMENT_NOUNS,
    PEOPLE_NOUNS,
    TROOP_NOUNS,
)
from projections.extraction.locations import find_location, find_location_before
from projections.extraction.numbers import Num, find_numbers, may_hold_number
from projections.extraction.qualifiers import Qualified, qualify
from projections.extraction.sentences import paragraphs, sentences
from projections.extraction.tokens import Token, tokenize

EXTRACTOR_VERSION = "1.2.0"

_CARRY_HEADS = TROOP_NOUNS | PEOPLE_NOUNS
_FROM_CATEGORIES = frozenset({"troops", "equipment", "killed", "casualties", "captured"})
MAX_SENTENCE_TOKENS = 400  # longer "sentences" (no punctuation) are read in chunks
MAX_FIGURE_DENSITY = 0.15  # a chunk with more figures per token is a table, not prose
_DIGITS = frozenset("0123456789")
_IS_DIGIT = _DIGITS.__contains__
_FIRST = itemgetter(0)
_ONE_BLOCKERS = frozenset({"no", "any", "every", "each", "the", "that", "this", "which"})


class _Paragraph:
    """What earlier sentences of a paragraph tell later ones: actors of troops, last speaker.

    Most sentences are never asked (a one-sentence passage, a paragraph's last sentence, one
    whose figures have actors of their own), so sentences are only queued here and read when a
    later sentence first needs `actors` or `category`, in their order: the result is the same
    as reading each one as it passes.
    """

    __slots__ = ("_actors", "_category", "_queue", "speaker", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._actors: dict[str, str] = {}
        self.speaker: str | None = None
        self._category: str | None = None  # of the last counted noun named
        # token chunks already cut, or (start, end) of sentences not tokenised (no number)
        self._queue: list[tuple[list[Token], list[str]] | tuple[int, int]] = []

    def add_chunk(self, toks: list[Token], texts: list[str]) -> None:
        self._queue.append((toks, texts))

    def add_sentence(self, start: int, end: int) -> None:
        self._queue.append((start, end))

    @property
    def actors(self) -> dict[str, str]:
        if self._queue:
            self._catch_up()
        return self._actors

    @property
    def category(self) -> str | None:
        if self._queue:
            self._catch_up()
        return self._category

    def _catch_up(self) -> None:
        queue, self._queue = self._queue, []
        for item in queue:
            a, b = item
            if isinstance(a, int):
                for toks, texts in _chunks(tokenize(self.text, a, b)):  # type: ignore[arg-type]
                    self._remember(toks, texts)
            else:
                self._remember(a, b)  # type: ignore[arg-type]

    def _remember(self, toks: list[Token], texts: list[str]) -> None:
        """Note every `<actor> <troops>` of a sentence (`North Korean troops`) and the kind of
        the last counted noun (for `18 of them` in the next sentence)."""
        n = len(toks)
        for t in reversed(toks):
            w = t.low
            if w in EQUIPMENT_NOUNS:
                self._category = "equipment"
                break
            if w in TROOP_NOUNS:
                self._category = "troops"
                break
            if w in CATEGORY_NOUNS:
                self._category = CATEGORY_NOUNS[w]
                break
        for i in range(n):
            if texts[i][0].isupper():
                break
        else:
            return
        while i < n:
            if not texts[i][0].isupper():
                i += 1
                continue
            hit = entity_at(texts, i)
            if not hit:
                i += 1
                continue
            actor, _kind, k, _surface = hit
            for j in range(i + k, min(n, i + k + 4)):
                w = toks[j].low
                if w in TROOP_NOUNS:
                    self._actors[w] = actor
                    self._actors["*"] = actor
                    break
                if not (toks[j].text[0].isalpha() or w in ("'s", "’s", "-")):
                    break
            i += k


def _chunks(all_toks: list[Token]) -> list[tuple[list[Token], list[str]]]:
    """A sentence's tokens in chunks of at most MAX_SENTENCE_TOKENS, with their texts."""
    if len(all_toks) <= MAX_SENTENCE_TOKENS:
        return [(all_toks, [t.text for t in all_toks])]
    out = []
    for c in range(0, len(all_toks), MAX_SENTENCE_TOKENS):
        toks = all_toks[c : c + MAX_SENTENCE_TOKENS]
        out.append((toks, [t.text for t in toks]))
    return out


def extract(text: str, published: date | str | None = None) -> list[FigureClaim]:
    """Return the figure claims of `text`, in order of their start offset.

    `published` is accepted for interface stability; the rules do not need it.
    """
    claims: list[FigureClaim] = []
    for ps, pe in paragraphs(text):
        para = _Paragraph(text)
        for ss, se in sentences(text, ps, pe):
            if not may_hold_number(text, ss, se):
                para.add_sentence(ss, se)  # no figure here; read only if a later one asks
                continue
            all_toks = tokenize(text, ss, se)
            for toks, texts in _chunks(all_toks):
                if len(all_toks) > MAX_SENTENCE_TOKENS:
                    ss, se = toks[0].start, toks[-1].end
                most = max(16, MAX_FIGURE_DENSITY * len(toks))
                # digit tokens counted by C-level maps: cheaper than a generator per token
                if len(toks) <= most or sum(map(_IS_DIGIT, map(_FIRST, texts))) <= most:
                    nums = find_numbers(toks)
                    if nums and len(nums) <= most:
                        claims.extend(_sentence_claims(text, ss, se, toks, texts, nums, para))
                para.add_chunk(toks, texts)
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _sentence_claims(
    text: str,
    ss: int,
    se: int,
    toks: list[Token],
    texts: list[str],
    nums: list[Num],
    para: _Paragraph,
) -> list[FigureClaim]:
    figures: list[tuple[Num, Qualified]] = []
    for num in nums:
        if nonclaims.reason(toks, num) is None:
            figures.append((num, qualify(toks, num)))
    if not figures:
        return []
    num_at = {num.i: num.j for num, _q in figures}
    speakers = attribution.find_speakers(toks)
    speaker_spans = [(sp.start, sp.end) for sp in speakers]
    hedges_found = hedging.hedges_at(toks)
    breaks = hedging.clause_breaks(toks) if hedges_found else []
    sentence = text[ss:se]
    out: list[FigureClaim] = []
    prev: FigureClaim | None = None
    prev_rd: Reading | None = None
    for idx, (num, q) in enumerate(figures):
        prev_end = figures[idx - 1][1].j if idx else -1
        next_start = figures[idx + 1][1].i if idx + 1 < len(figures) else len(toks)
        rd = read_category(toks, q.i, q.j, num_at, prev_end, next_start)
        if rd.category is None:
            continue
        if num.lone_one and not _counted_one(toks, num, rd):
            continue
        rules = [*num.rules, *q.rules, *rd.rules]
        category = rd.category
        actor: str | None = None
        location: str | None = None
        if rd.inherit:
            if prev is not None:
                category = prev.category
                rules.append(f"category:inherited:{category}")
            elif para.category is not None:
                category = para.category
                rules.append(f"category:inherited-from-paragraph:{category}")
            else:
                continue
        elif prev is not None and prev_rd is not None and _coordinated(toks, prev_rd, rd, q.i):
            category = prev.category
            rules.append(f"category:coordinated:{category}")
        subject = _span_text(text, toks, rd.subject)
        speaker = attribution.choose(speakers, q.i, q.j)
        speaker_actor = None
        if speaker is not None:
            got = np_actor(toks, texts, speaker.start, speaker.end)
            speaker_actor = got[0] if got else None
        # actor
        got = None
        skip: list[tuple[int, int]] = []
        if rd.subject is not None:
            got = np_actor(toks, texts, rd.subject[0], rd.subject[1])
            if got is None and toks[rd.subject[0]].low in ("its", "their"):
                ante = antecedent(toks, texts, rd.subject[0], speaker_spans)
                if ante is not None:
                    got = (ante[0], f"actor:possessive-pronoun:{ante[1]}")
        if got is None and category in _FROM_CATEGORIES:
            equipment = category == "equipment"
            origin = from_actor(toks, texts, max(rd.np_end, q.j) + 1, equipment)
            if origin is not None:
                got = origin[:2]
                skip.append(origin[2])
        if got is None and category != "other":
            got = subject_actor(toks, texts, q.i, speaker_actor)
        if got is None and category in _FROM_CATEGORIES:
            got = possessive_actor(toks, texts, q.i, speaker_spans)
        if got is None and prev is not None and prev.actor and prev_rd is not None:
            if _same_clause_subject(toks, prev, prev_rd, q.i):
                got = (prev.actor, "actor:coordinated")
            elif _shared_demonym(toks, prev, prev_rd, q.i, category):
                got = (prev.actor, "actor:coordinated-demonym")
        if got is not None:
            actor = got[0]
            rules.append(got[1])
        elif rd.inherit and prev is not None and prev.actor:
            actor = prev.actor
            rules.append("actor:inherited")
        elif category not in ("other", "displaced") and (rd.definite or rd.partitive_pronoun):
            head = toks[rd.subject[1]].low if rd.subject else "*"
            carried = para.actors.get(head) or (
                para.actors.get("*") if head in _CARRY_HEADS or head == "*" else None
            )
            if carried:
                actor = carried
                rules.append("actor:carried-over")
        # attribution
        attr: str | None = None
        if speaker is not None:
            attr = text[toks[speaker.start].start : toks[speaker.end].end]
            if attribution.is_pronoun(toks, speaker) and para.speaker:
                attr = f"{attr} [{para.speaker}]"
                rules.append("attribution:pronoun-resolved")
            rules.append(speaker.rule)
            skip.extend(speaker_spans)
        # hedges
        hedge_rules = hedging.hedges_for(hedges_found, breaks, num.i)
        hedged = bool(hedge_rules) or q.estimated
        rules.extend(hedge_rules)
        if q.estimated and "hedge:estimated" not in hedge_rules:
            rules.append("hedge:an estimated")
        # location
        stops = [sp.verb for sp in speakers if sp.start > q.j and sp.kind != "according-to"]
        loc = find_location(toks, max(rd.np_end, q.j), skip, stop_at=min(stops, default=None))
        if loc is None:
            loc = find_location_before(toks, q.i, skip)
        if loc is not None:
            location = text[toks[loc[0]].start : toks[loc[1]].end]
            rules.append(loc[2])
        elif rd.inherit and prev is not None and prev.location:
            location = prev.location
            rules.append("location:inherited")
        start, end = toks[q.i].start, toks[q.j].end
        # positional, in the order of FigureClaim's fields: a third cheaper than keywords
        claim = FigureClaim(
            text[start:end],  # text
            start,
            end,
            q.low,
            q.high,
            q.qualifier,  # type: ignore[arg-type]
            category,  # type: ignore[arg-type]
            subject,
            actor,
            location,
            attr,  # attribution
            hedged,
            sentence,
            ss,  # sentence_start
            num.vague,
            tuple(rules),
        )
        out.append(claim)
        if category != "other":
            prev, prev_rd = claim, rd
    for sp in speakers:
        if sp.kind != "according-to" and not attribution.is_pronoun(toks, sp):
            para.speaker = text[toks[sp.start].start : toks[sp.end].end]
    return out


def _coordinated(toks: list[Token], prev_rd: Reading, rd: Reading, first: int) -> bool:
    """`returned 95 Ukrainian servicemen and 95 Russian soldiers`: one verb for both."""
    if not _one_link(toks, prev_rd, first, ("and", "or", ",")):
        return False
    if not any(r.startswith("category:verb-before:") for r in prev_rd.rules):
        return False
    return not any(r.startswith(("category:verb", "category:modifier")) for r in rd.rules) and (
        rd.subject is not None
    )


def _same_clause_subject(
    toks: list[Token], prev: FigureClaim, prev_rd: Reading, first: int
) -> bool:
    """`Germany has pledged 18 howitzers and 12 air defence systems`: one subject for both."""
    if not _one_link(toks, prev_rd, first):
        return False
    return any(r.startswith(_SUBJECT_RULES) for r in prev.rules)


def _one_link(
    toks: list[Token], prev_rd: Reading, first: int, links: tuple[str, ...] = ("and", ",")
) -> bool:
    """Only one of `links` between the previous figure's phrase and this figure."""
    between = toks[prev_rd.np_end + 1 : first]
    return len(between) == 1 and between[0].low in links


_SUBJECT_RULES = ("actor:clause-subject", "actor:supplier", "actor:pronoun-speaker")


def _shared_demonym(
    toks: list[Token], prev: FigureClaim, prev_rd: Reading, first: int, category: str
) -> bool:
    """`25 Chinese aircraft and seven navy ships`: a list of equipment (or of troops) shares
    the demonym of its first item. Not across kinds: in `300 Ukrainian soldiers and 40
    civilians were killed` the civilians' side is not said."""
    if not _one_link(toks, prev_rd, first):
        return False
    if category != prev.category or category not in ("equipment", "troops"):
        return False
    return any(r.startswith(("actor:demonym", "actor:coordinated-demonym")) for r in prev.rules)


def _counted_one(toks: list[Token], num: Num, rd: Reading) -> bool:
    """A bare `one` is a figure only when it plainly counts someone (`one soldier was killed`)."""
    if num.i > 0 and toks[num.i - 1].low in _ONE_BLOCKERS:
        return False
    if rd.category in (None, "other") or rd.inherit:
        return False
    return rd.subject is not None


def _span_text(text: str, toks: list[Token], span: tuple[int, int] | None) -> str | None:
    if span is None or span[1] < span[0]:
        return None
    return text[toks[span[0]].start : toks[span[1]].end]


_FIELDS = (
    ("bounds", ("number:",)),
    ("qualifier", ("qualifier:",)),
    ("category", ("category:", "not-claim:")),
    ("actor", ("actor:",)),
    ("attribution", ("attribution:",)),
    ("hedged", ("hedge:",)),
    ("location", ("location:",)),
)


def explain(claim: FigureClaim) -> str:
    """One human-readable block saying which rules read this claim the way it was read."""

    def rules_for(prefixes: tuple[str, ...]) -> str:
        names = [r for r in claim.rules if r.startswith(prefixes)]
        return ", ".join(names) if names else "(no rule: default)"

    values = {
        "bounds": f"low={_fmt(claim.low)} high={_fmt(claim.high)}" + (" (vague)" * claim.vague),
        "qualifier": claim.qualifier,
        "category": claim.category,
        "actor": str(claim.actor),
        "attribution": str(claim.attribution),
        "hedged": str(claim.hedged),
        "location": str(claim.location),
    }
    lines = [f"{claim.text!r}  [{claim.start}:{claim.end}]  subject: {claim.subject!r}"]
    for name, prefixes in _FIELDS:
        lines.append(f"  {name:<12} {values[name]:<28} <- {rules_for(prefixes)}")
    lines.append(f"  sentence     {claim.sentence!r}")
    return "\n".join(lines)


def _fmt(v: float | None) -> str:
    if v is None:
        return "None"
    return str(int(v)) if float(v).is_integer() else str(v)
