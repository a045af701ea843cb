"""Timing and reporting: every figure is a ratio against a baseline measured in the same run.

The machines are shared and noisy, so an absolute rate means little; a ratio of two rates taken
seconds apart, alternating (baseline, ours, baseline, ours, …), cancels most of the noise. Each
side is a function that does its own set-up and returns the seconds of the timed part only. The
ratio reported is the median of the per-pair ratios; value and baseline are the medians of each
side.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

Timed = Callable[[], float]


@dataclass
class Row:
    """One line of the table and one entry of latest.json."""

    name: str
    value: float | None
    unit: str
    baseline: float | None
    ratio: float | None
    aim: str = ""
    met: bool | None = None
    note: str = ""


class Stopwatch:
    """`with Stopwatch() as sw: …` then `sw.seconds`."""

    def __enter__(self) -> Stopwatch:
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self._start


def alternate(
    ours: Timed, baseline: Timed, repeats: int, ours_first: bool = False
) -> tuple[float, float, float]:
    """Median seconds of each side and the median per-pair speed ratio (baseline_s / ours_s).

    The order flips every repeat (b o, o b, b o, …) so neither side always runs on a warm cache
    left by the other.
    """
    ours_s: list[float] = []
    base_s: list[float] = []
    for i in range(repeats):
        if (i % 2 == 0) != ours_first:
            base_s.append(baseline())
            ours_s.append(ours())
        else:
            ours_s.append(ours())
            base_s.append(baseline())
    ratios = [b / o for b, o in zip(base_s, ours_s, strict=True)]
    return statistics.median(ours_s), statistics.median(base_s), statistics.median(ratios)


def rate_row(
    name: str,
    count: int,
    unit: str,
    ours_s: float,
    base_s: float,
    ratio: float,
    aim: float | None,
    note: str = "",
) -> Row:
    """A throughput row: `count` items per side; higher ratio is better."""
    return Row(
        name=name,
        value=count / ours_s,
        unit=unit,
        baseline=count / base_s,
        ratio=ratio,
        aim=f">= {aim:.2f}" if aim is not None else "",
        met=None if aim is None else ratio >= aim,
        note=note,
    )


def print_table(rows: list[Row]) -> None:
    head = ("benchmark", "ours", "baseline", "ratio", "aim", "met")
    lines = [head]
    for r in rows:
        lines.append(
            (
                r.name,
                _num(r.value, r.unit),
                _num(r.baseline, r.unit),
                "" if r.ratio is None else f"{r.ratio:.2f}",
                r.aim,
                {True: "yes", False: "NO", None: "-"}[r.met],
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for n, line in enumerate(lines):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
    for r in rows:
        if r.note:
            print(f"  * {r.name}: {r.note}")


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if value >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.3g} {unit}"


def write_json(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {r.name: {k: v for k, v in asdict(r).items() if k != "name"} for r in rows}
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
