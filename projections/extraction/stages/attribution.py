"""Attribution stage: who asserts the figure.

The speaker whose clause governs the figure is chosen with the context
(`attribution.choose`); this stage gives the claim its words. A `he said` stands for the last
speaker the paragraph named, written beside it: `he [Zelensky]`.
"""

from __future__ import annotations

from projections.extraction.attribution import is_pronoun
from projections.extraction.context import ClaimContext, Rules, SentenceContext


def attribution_of(ctx: ClaimContext) -> tuple[str | None, Rules]:
    """The speaker's words as written, or None when no one is said to assert the figure."""
    speaker = ctx.speaker
    if speaker is None:
        return None, ()
    sent, toks = ctx.sentence, ctx.toks
    said = sent.text[toks[speaker.start].start : toks[speaker.end].end]
    earlier = sent.para.speaker
    if earlier and is_pronoun(toks, speaker):
        return f"{said} [{earlier}]", ("attribution:pronoun-resolved", speaker.rule)
    return said, (speaker.rule,)


def remember_speaker(sent: SentenceContext) -> None:
    """Tell the paragraph the sentence's last speaker who is named, not a pronoun nor an
    `according to` source: whom a `he said` in a later sentence means."""
    for sp in sent.speakers:
        if sp.kind != "according-to" and not is_pronoun(sent.toks, sp):
            sent.para.speaker = sent.text_of(sp.start, sp.end)
