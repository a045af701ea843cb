"""The estimate history of one topic: its figures in time order, each labelled against the one
before (first report, corroborated, raised, lowered, narrowed, widened).

A pure function of the figure rows, so the same rows always give the same history, whether they
come from the live view or from a view as of an earlier position.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

FIRST = "first report"
CORROBORATED = "corroborated"
REPEATED = "repeated"
RAISED = "raised"
LOWERED = "lowered"
NARROWED = "narrowed"
WIDENED = "widened"


@dataclass(frozen=True, slots=True)
class Step:
    """One figure of a topic's history and how it moved the estimate."""

    index: int
    change: str
    figure: Mapping[str, Any]


def interval(figure: Mapping[str, Any]) -> tuple[float, float]:
    """The figure as a closed interval; an open side is infinite."""
    low = figure.get("low")
    high = figure.get("high")
    return (
        -math.inf if low is None else float(low),
        math.inf if high is None else float(high),
    )


def change_label(previous: Mapping[str, Any] | None, current: Mapping[str, Any]) -> str:
    """How `current` moves the estimate relative to `previous`."""
    if previous is None:
        return FIRST
    (plo, phi), (clo, chi) = interval(previous), interval(current)
    if (plo, phi) == (clo, chi):
        same_source = previous.get("source_id") == current.get("source_id")
        return REPEATED if same_source else CORROBORATED
    if clo >= plo and chi <= phi:
        return NARROWED
    if clo <= plo and chi >= phi:
        return WIDENED
    if clo >= plo and chi >= phi:
        return RAISED
    return LOWERED


def order_key(figure: Mapping[str, Any]) -> tuple[Any, ...]:
    return (figure["effective_at"], figure["position"], figure["start"])


def build_history(figures: Iterable[Mapping[str, Any]]) -> list[Step]:
    """Label every figure of one topic against the one before it in time."""
    steps: list[Step] = []
    previous = None
    for index, figure in enumerate(sorted(figures, key=order_key), start=1):
        steps.append(Step(index, change_label(previous, figure), figure))
        previous = figure
    return steps


def bounds_text(figure: Mapping[str, Any]) -> str:
    """Bounds in a compact form: `≤ 11,000`, `≥ 450,000`, `1,500–2,000`, `~10,000`, `10,664`."""
    low, high, qualifier = figure.get("low"), figure.get("high"), figure.get("qualifier")
    if figure.get("vague"):
        return f"{_n(low)}–{_n(high)} (vague)"
    if low is None and high is not None:
        return f"≤ {_n(high)}"
    if high is None and low is not None:
        return f"≥ {_n(low)}"
    if low != high:
        return f"{_n(low)}–{_n(high)}"
    return f"~{_n(low)}" if qualifier == "approx" else _n(low)


def _n(value: Any) -> str:
    if value is None:
        return "?"
    number = float(value)
    return f"{int(number):,}" if number.is_integer() else f"{number:,}"
