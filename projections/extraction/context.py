"""The claim context: what the stages of one figure read.

`extractor._sentence_claims` makes one `SentenceContext` per sentence that holds a figure and
one `ClaimContext` per figure, then runs the stages (`stages/`) over it in order. A stage is a
function of the context that returns its value and the names of the rules that fired; the
pipeline keeps the category in the context for the stages after it. A stage that finds
something a later stage must know records it in the context as well (the actor stage's
`origin`), so that no stage has to run another's rules again.

Everything a stage may want is here, read once: a new rule should take what it needs from the
context (and add a field here, read where the others are, if it needs something new) rather
than search the sentence again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from projections.extraction.attribution.choice import choose, contrasts, semicolons
from projections.extraction.attribution.colon_sources import lone_name_confirmed
from projections.extraction.attribution.speaker import Refusal, Speaker
from projections.extraction.attribution.speech_verbs import find_speakers
from projections.extraction.categories import Reading, read_category
from projections.extraction.claim import FigureClaim
from projections.extraction.hedging import clause_breaks, hedges_at
from projections.extraction.lexicon import CATEGORY_NOUNS
from projections.extraction.numbers import Num
from projections.extraction.paragraph import Paragraph
from projections.extraction.qualifiers import Qualified
from projections.extraction.tokens import Token

Span = tuple[int, int]  # first and last token, inclusive
Rules = Sequence[str]  # names of the rules that fired, in the order they fired


@dataclass(slots=True)
class SentenceContext:
    """What all figures of a sentence share: found once per sentence, not once per figure."""

    text: str  # the whole passage: every offset is into it
    start: int
    end: int
    sentence: str  # text[start:end]
    toks: list[Token]
    texts: list[str]  # each token's text, as the gazetteer matches them
    para: Paragraph  # what earlier sentences of the paragraph say
    num_at: dict[int, int]  # first token -> last token of each figure's number
    speakers: list[Speaker]  # every asserting source of the sentence, in order
    speaker_spans: list[Span]
    contrasts: list[int]  # `, while` and the like: no speaker reaches across (only with speakers)
    hedges: list[tuple[int, str]]  # (token, rule) of each hedge
    breaks: list[int]  # clause breaks a hedge does not reach past (only read with hedges)
    refused: list[Refusal]  # phrases the speaker finders kept out, for `--explain`
    stops: list[int]  # semicolons: no speaker after one reaches back (only with speakers)

    def text_of(self, first: int, last: int) -> str:
        """The passage's text from token `first` to token `last`, inclusive."""
        toks = self.toks
        return self.text[toks[first].start : toks[last].end]


def sentence_context(
    text: str,
    start: int,
    end: int,
    toks: list[Token],
    texts: list[str],
    para: Paragraph,
    figures: list[tuple[Num, Qualified]],
) -> SentenceContext:
    """Read what the figures of the sentence `text[start:end]` (tokens `toks`) share."""
    lows = [t.low for t in toks]  # read once for both searches
    refused: list[Refusal] = []
    speakers = find_speakers(toks, lows, refused)
    if speakers and speakers[0].lone:  # `Budanov:` opens the sentence: its only colon speaker
        sp = speakers[0]
        if not lone_name_confirmed(text, toks[sp.start].text):
            speakers = speakers[1:]
            refused.append(("attribution:refused:lone-name", sp.start, sp.end))
    hedges = hedges_at(toks, lows)
    return SentenceContext(
        text,
        start,
        end,
        text[start:end],
        toks,
        texts,
        para,
        {num.i: num.j for num, _q in figures},
        speakers,
        [(sp.start, sp.end) for sp in speakers] if speakers else [],
        contrasts(lows) if speakers else [],
        hedges,
        clause_breaks(toks) if hedges else [],
        refused,
        semicolons(lows) if speakers else [],
    )


@dataclass(slots=True)
class ClaimContext:
    """One figure of a sentence, and what the stages after the qualifier read about it.

    Made by `claim_context`; the pipeline sets `category` after the category stage.
    """

    sentence: SentenceContext
    toks: list[Token]  # the sentence's, at hand
    texts: list[str]
    num: Num  # the number stage's mention
    q: Qualified  # the qualifier stage's span and bounds
    prev_end: int  # last token of the previous figure's span, -1 for the first
    next_start: int  # first token of the next figure's span, len(toks) for the last
    reading: Reading  # the counted phrase and what it says (categories.read_category)
    speaker: Speaker | None  # the speaker whose clause governs the figure
    lost: list[tuple[str, Speaker]]  # the sentence's other speakers, and why each does not
    prev: FigureClaim | None  # the previous figure of the sentence that counts people or things
    prev_reading: Reading | None  # and its reading
    category: str = "other"  # the category stage's value, kept for the stages after it
    origin: Span | None = None  # `from North Korea`, set by the actor stage: no place

    def subject_text(self) -> str | None:
        """The counted phrase as written, or None when the figure names none."""
        span = self.reading.subject
        if span is None or span[1] < span[0]:
            return None
        toks = self.toks
        if span[0] == span[1] and _form_label(toks, span[0]):
            return None  # `Fatalities: 6`: the status word is no counted group (CONVENTIONS)
        return self.sentence.text[toks[span[0]].start : toks[span[1]].end]

    def follows_previous(self, links: tuple[str, ...] = ("and", ",")) -> bool:
        """Only one of `links` stands between the previous figure's phrase and this figure
        (`18 howitzers and 12 air defence systems`)."""
        prev_reading = self.prev_reading
        if prev_reading is None:
            return False
        between = self.toks[prev_reading.np_end + 1 : self.q.i]
        return len(between) == 1 and between[0].low in links


def _form_label(toks: list[Token], k: int) -> bool:
    """`Killed: 12`, `Dead — 73`: a status word that labels the value of a form's row."""
    return (
        k + 1 < len(toks)
        and toks[k + 1].text in _LABEL_MARKS
        and CATEGORY_NOUNS.get(toks[k].low) is not None
    )


_LABEL_MARKS = frozenset(":—–|")


def claim_context(
    sent: SentenceContext,
    num: Num,
    q: Qualified,
    prev_end: int,
    next_start: int,
    prev: FigureClaim | None,
    prev_reading: Reading | None,
) -> ClaimContext:
    """The context of the figure `num` (qualified as `q`) between its neighbours."""
    toks = sent.toks
    speakers = sent.speakers
    # filled in place, as `tokenize` fills tokens: spares the call into the generated
    # __init__, once per figure
    ctx = _new(ClaimContext)
    ctx.sentence = sent
    ctx.toks = toks
    ctx.texts = sent.texts
    ctx.num = num
    ctx.q = q
    ctx.prev_end = prev_end
    ctx.next_start = next_start
    ctx.reading = read_category(toks, q.i, q.j, sent.num_at, prev_end, next_start)
    lost: list[tuple[str, Speaker]] = []
    # `Researchers …, have estimated between 162,000 and 378,000`: the reporting verb that the
    # qualifier read into the figure's text still stands before the figure
    first = num.i if q.i < num.i and toks[q.i].low == "estimated" else q.i
    ctx.speaker = (
        choose(
            speakers,
            first,
            q.j,
            sent.contrasts,
            lost,
            sent.stops,
            bool(sent.stops) and _a_part(toks, q.j),
        )
        if speakers
        else None
    )
    ctx.lost = lost
    ctx.prev = prev
    ctx.prev_reading = prev_reading
    ctx.category = "other"
    ctx.origin = None
    return ctx


_new = object.__new__


_PART_OF = frozenset("them whom those these the".split())


def _a_part(toks: list[Token], j: int) -> bool:
    """The figure ending at token `j` counts a part of something named before it (`5,000 of
    them`, `12 of the dead`): it goes on with what a speaker before a semicolon reported."""
    return j + 2 < len(toks) and toks[j + 1].low == "of" and toks[j + 2].low in _PART_OF
