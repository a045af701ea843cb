"""Figure-claim extraction: a pure, deterministic, versioned function of a passage's text."""

from projections.extraction.claim import CATEGORIES, SCORED_CATEGORIES, FigureClaim
from projections.extraction.explain import explain
from projections.extraction.extractor import EXTRACTOR_VERSION, extract

__all__ = [
    "CATEGORIES",
    "EXTRACTOR_VERSION",
    "SCORED_CATEGORIES",
    "FigureClaim",
    "explain",
    "extract",
]
