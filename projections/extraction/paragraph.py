"""The state a paragraph passes from sentence to sentence, read only when a sentence asks.

Context crosses sentences in three ways: within one paragraph, a figure counting `the troops`
with no actor of its own takes the actor last named with the same kind of troops, and a figure
that only compares (`up from 40,000`) with none before it in its sentence takes the kind of the
last counted noun; within the passage, a `he said` or `the official said` stands for the
speaker it refers to (`speakers.SpeakerMemory`, which the paragraphs share).
"""

from __future__ import annotations

from projections.extraction.actors import entity_at
from projections.extraction.categories import read_category
from projections.extraction.claim import FigureClaim
from projections.extraction.lexicon import CATEGORY_NOUNS, EQUIPMENT_NOUNS, TROOP_NOUNS
from projections.extraction.speakers import SpeakerMemory
from projections.extraction.tokens import Token

_PLACING = frozenset("in at near from to into of by on across inside outside over".split())
MAX_SENTENCE_TOKENS = 400  # longer "sentences" (no punctuation) are read in chunks


class Paragraph:
    """What earlier sentences of a paragraph tell later ones: actors of troops, last speaker,
    the last organisation named (`the group's`), and what each earlier figure counted (`Of the
    62, ...`), which the extractor notes after each sentence (`note_figures`).

    Most sentences are never asked (a one-sentence passage, a paragraph's last sentence, one
    whose figures have actors of their own), so sentences are only queued here and read when a
    later sentence first needs `actors` or `category`, in their order: the result is the same
    as reading each one as it passes.
    """

    __slots__ = (
        "_actors",
        "_category",
        "_lead",
        "_org",
        "_question",
        "_queue",
        "before",
        "figures",
        "heading",
        "heading_side",
        "last_actor",
        "last_figure",
        "speakers",
        "text",
    )

    def __init__(
        self, text: str, speakers: SpeakerMemory | None = None, before: Paragraph | None = None
    ) -> None:
        self.text = text
        # the paragraph before (a headline before the body): what `the country's` means when
        # this one names no state (`earlier_lead`)
        self.before = before
        # a post's list (`— tanks ‒ 11 402`) is read as part of the line it hangs from; that
        # line, for what its items are (`losses of the enemy:`)
        self.heading = ""
        self.heading_side: str | None = None  # the side whose losses it names ("" for none)
        self._actors: dict[str, str] = {}
        # the passage's speakers: a `he said` may refer to a speaker of an earlier paragraph
        self.speakers = speakers if speakers is not None else SpeakerMemory(text)
        self._category: str | None = None  # of the last counted noun named
        self._org: str | None = None  # the last organisation named: what `the group's` is
        # the side an earlier sentence is about (its first one not placed by a preposition):
        # what a later sentence's `Its losses` stands for when that sentence names none
        self._lead: str | None = None
        # the category of each figure claimed so far, by its bounds (`the 33` later counts
        # what `33 Israeli hostages` counted), and of the last one
        self.figures: dict[tuple[float | None, float | None], str] = {}
        self.last_figure: str | None = None
        self.last_actor: str | None = None  # the side of the last figure that named one
        # token chunks already cut, or (start, end) of sentences not tokenised (no number)
        self._queue: list[tuple[list[Token], list[str]] | tuple[int, int]] = []
        # what the sentence before asked `how many` of (`Asked how many soldiers had been
        # killed, ...`): the category a bare answer (`"About 300," he said`) takes
        self._question: str | None = None

    def note_figures(self, claims: list[FigureClaim]) -> None:
        """Remember what the claims of a sentence counted, for `the 33` in a later one."""
        for claim in claims:
            if claim.category != "other":
                self.figures[(claim.low, claim.high)] = claim.category
                self.last_figure = claim.category
                if claim.actor is not None:
                    self.last_actor = claim.actor

    def add_chunk(self, toks: list[Token], texts: list[str]) -> None:
        self._queue.append((toks, texts))
        self.speakers.add_chunk(toks)

    def add_sentence(self, start: int, end: int) -> None:
        self._queue.append((start, end))
        self.speakers.add_sentence(start, end)

    @property
    def actors(self) -> dict[str, str]:
        if self._queue:
            self._catch_up()
        return self._actors

    @property
    def org(self) -> str | None:
        if self._queue:
            self._catch_up()
        return self._org

    @property
    def lead(self) -> str | None:
        if self._queue:
            self._catch_up()
        return self._lead

    def earlier_lead(self) -> str | None:
        """The side this paragraph is about, else the one the nearest paragraph before it
        that names one is about (up to three back): `Kenya sends more police to Haiti`, then
        `The country's contingent …`."""
        para: Paragraph | None = self
        for _ in range(4):
            if para is None:
                return None
            if para.lead is not None:
                return para.lead
            para = para.before
        return None

    @property
    def question(self) -> str | None:
        if self._queue:
            self._catch_up()
        return self._question

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
                for toks, texts in token_chunks(self.speakers.tokens(a, b)):  # type: ignore[arg-type]
                    self._remember(toks, texts)
            else:
                self._remember(a, b)  # type: ignore[arg-type]

    def _remember(self, toks: list[Token], texts: list[str]) -> None:
        """Note every `<actor> <troops>` of a sentence (`North Korean troops`) and the kind of
        the last counted noun (for `18 of them` in the next sentence)."""
        n = len(toks)
        self._question = _asked(toks)
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
        lead: str | None = None
        while i < n:
            if not texts[i][0].isupper():
                i += 1
                continue
            hit = entity_at(texts, i)
            if not hit:
                i += 1
                continue
            actor, kind, k, _surface = hit
            if lead is None and (i == 0 or toks[i - 1].low not in _PLACING):
                lead = self._lead = actor
            if kind == "org":
                self._org = actor
            for j in range(i + k, min(n, i + k + 4)):
                w = toks[j].low
                if w in TROOP_NOUNS:
                    self._actors[w] = actor
                    self._actors["*"] = actor
                    break
                if not (toks[j].text[0].isalpha() or w in ("'s", "’s", "-")):
                    break
            i += k


def _asked(toks: list[Token]) -> str | None:
    """The category of what `how many` asks about in this sentence (`how many fighters does
    the group still have`: troops; `how many soldiers had been killed`: killed), read as if a
    figure stood in the place of `many`; None when the sentence asks nothing."""
    for k in range(len(toks) - 2):
        if toks[k].low == "how" and toks[k + 1].low == "many":
            found = read_category(toks, k + 1, k + 1, {}, -1, len(toks))
            if found.category in (None, "other"):
                return None
            return found.category
    return None


def token_chunks(all_toks: list[Token]) -> list[tuple[list[Token], list[str]]]:
    """A sentence's tokens in chunks of at most MAX_SENTENCE_TOKENS, with their texts."""
    if len(all_toks) <= MAX_SENTENCE_TOKENS:
        return [(all_toks, [t.text for t in all_toks])]
    out = []
    for c in range(0, len(all_toks), MAX_SENTENCE_TOKENS):
        toks = all_toks[c : c + MAX_SENTENCE_TOKENS]
        out.append((toks, [t.text for t in toks]))
    return out
