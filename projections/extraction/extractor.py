"""Placeholder until the rule-based extractor lands (replaced wholesale)."""

from __future__ import annotations

from datetime import date

from projections.extraction.claim import FigureClaim

EXTRACTOR_VERSION = "0.0.1"


def extract(text: str, published: date | str | None = None) -> list[FigureClaim]:
    """Return the figure claims of `text`, in order of their start offset."""
    return []


def explain(claim: FigureClaim) -> str:
    """One human-readable block saying which rules read this claim the way it was read."""
    return f"{claim.text!r}: " + ", ".join(claim.rules)
