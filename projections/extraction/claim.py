"""The figure claim: one number in a report, read the way `eval/CONVENTIONS.md` defines it.

A claim keeps the raw text beside the parsed bounds (as price-parser keeps `amount_text`), the
sentence it came from with offsets into the whole passage, and the names of the rules that fired,
so an analyst can always see which words produced which number and why.
"""

from __future__ import annotations

import typing
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Qualifier = Literal["exact", "approx", "upper", "lower", "range"]
Category = Literal[
    "troops",
    "killed",
    "wounded",
    "casualties",
    "missing",
    "captured",
    "displaced",
    "equipment",
    "other",
]
CATEGORIES: tuple[str, ...] = typing.get_args(Category)
Period = Literal["period", "total"]
# Equipment is counted by kind, so tanks and armoured vehicles are never one series.
EQUIPMENT_KINDS: tuple[str, ...] = (
    "tanks",
    "armoured vehicles",
    "artillery",
    "air defence",
    "aircraft",
    "helicopters",
    "drones",
    "missiles",
    "ships",
)
# Every category but "other": the ones the views keep and the scorer scores.
SCORED_CATEGORIES: frozenset[str] = frozenset(CATEGORIES) - {"other"}


@dataclass(frozen=True, slots=True)
class FigureClaim:
    """One figure claim. Offsets are character offsets into the passage given to `extract`."""

    text: str
    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: Qualifier
    category: Category
    subject: str | None
    actor: str | None
    location: str | None
    attribution: str | None
    hedged: bool
    sentence: str
    sentence_start: int
    vague: bool = False
    rules: tuple[str, ...] = field(default_factory=tuple)
    # Who asserts it, normalised within the report: the named speaker a pronoun or a title
    # refers to, without titles and fragments ("Volodymyr Zelensky" for "the president").
    claimant: str | None = None
    # The sentence marks it as an earlier value ("up from 8,000", "down from N a week ago").
    earlier: bool = False
    # What the count covers: "period" (last week, in the past 24 hours) or "total" (since
    # February 2022, so far); None when the text does not say.
    period: Period | None = None
    # Of equipment, the kind counted (EQUIPMENT_KINDS); None for other categories or unknown.
    kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (bounds as int when whole), the shape the scorer reads."""
        data = asdict(self)
        data["low"] = _plain_number(self.low)
        data["high"] = _plain_number(self.high)
        data["rules"] = list(self.rules)
        return data


def _plain_number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
