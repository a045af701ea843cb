"""What the focused extraction tests ask of a sentence: its figure claims that name a
category, or the one claim it must give."""

from __future__ import annotations

from projections.extraction import FigureClaim, extract


def claims(text: str) -> list[FigureClaim]:
    """The claims of `text` that the figures view files under a category (not `other`)."""
    return [c for c in extract(text) if c.category != "other"]


def only(text: str) -> FigureClaim:
    """The single categorised claim of `text` (fails if there are none or several)."""
    (c,) = claims(text)
    return c
