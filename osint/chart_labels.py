"""Labels of a chart: one per source and day at most, placed where they hide nothing.

At a few figures every mark can say its source and bounds; at thousands that is a solid mass of
text (and placing each label against every other took minutes). So marks are grouped by source
and day, one label a group (`courier ×3: 8,000–12,000`), and only the `limit` groups with most
figures are labelled (latest first among equals); in .html every mark keeps its hover text.

Placement measures each label once with the real renderer, then tries its candidate places by
moving that box, against the marks and earlier labels held in a coarse grid, so the cost grows
with the number of labels, not with its square.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from projections.history import number_text


@dataclass(frozen=True, slots=True)
class Mark:
    """Where a claim was drawn (data coordinates), and what its label would say."""

    x: datetime
    y: float
    low: float
    high: float
    source: str
    bounds: str
    denied: bool


@dataclass(frozen=True, slots=True)
class Label:
    """One label for a group of marks of one source on one day, at its highest mark."""

    anchor: Mark
    text: str
    count: int


def label_groups(marks: Sequence[Mark], limit: int) -> list[Label]:
    """One label per (source, day), the `limit` groups with most marks (latest first among
    equal counts), in drawing order."""
    groups: dict[tuple[str, str], list[Mark]] = defaultdict(list)
    for mark in marks:
        groups[(mark.source, mark.x.date().isoformat())].append(mark)
    labels = []
    for (source, _day), members in groups.items():
        top = max(members, key=lambda m: m.high)
        if len(members) == 1:
            one = members[0]
            text = f"{source}: {one.bounds}" + (" (denied)" if one.denied else "")
        else:
            low = min(m.low for m in members)
            high = max(m.high for m in members)
            text = f"{source} ×{len(members)}: {number_text(low)}–{number_text(high)}"
        labels.append(Label(top, text, len(members)))
    chosen = sorted(labels, key=lambda lb: (-lb.count, -lb.anchor.x.timestamp()))[:limit]
    keep = {id(lb) for lb in chosen}
    return [lb for lb in labels if id(lb) in keep]


# Where a label may go relative to its mark (points right, points up, alignment), in order.
_CANDIDATES = [
    (dx, dy, ha)
    for dy in (0, -12, 12, -24, 24, -36, 36, -48)
    for dx, ha in ((9, "left"), (-9, "right"))
]
_CELL = 48.0  # pixels: the grid that holds obstacles


class _Grid:
    """Boxes bucketed by the cells they touch, so a test looks only at its neighbours."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], list[Bbox]] = defaultdict(list)

    @staticmethod
    def _keys(box: Bbox) -> Iterator[tuple[int, int]]:
        for i in range(int(box.x0 // _CELL), int(box.x1 // _CELL) + 1):
            for j in range(int(box.y0 // _CELL), int(box.y1 // _CELL) + 1):
                yield i, j

    def add(self, box: Bbox) -> None:
        for key in self._keys(box):
            self._cells[key].append(box)

    def hits(self, box: Bbox) -> bool:
        return any(box.overlaps(o) for key in self._keys(box) for o in self._cells.get(key, ()))


def place_labels(
    fig: Figure,
    ax: Any,
    marks: Sequence[Mark],
    labels: Sequence[Label],
    line: Sequence[tuple[datetime, float]] = (),
    mark_size: float = 12.0,
) -> None:
    """Write each label at its first candidate place that overlaps no mark (of `mark_size`
    points at most), the step `line`, a legend or an earlier label and stays inside the axes; a
    label with no free place is left out (in .html its marks keep their hover texts)."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    frame = ax.get_window_extent(renderer)
    grid = _Grid()
    for legend in ax.get_children():
        if legend.__class__.__name__ == "Legend":
            grid.add(legend.get_window_extent(renderer))
    to_pixels = ax.transData.transform
    points = fig.dpi / 72.0
    pad = mark_size * points / 2 + 2
    for mark in marks:
        x = mdates.date2num(mark.x)
        (x0, y0), (x1, y1) = to_pixels([(x, mark.low), (x, mark.high)])
        grid.add(Bbox.from_extents(x0 - pad, y0 - pad, x1 + pad, y1 + pad))
    corners = to_pixels([(mdates.date2num(x), y) for x, y in line]) if line else []
    for (xa, ya), (xb, yb) in itertools.pairwise(corners):
        grid.add(Bbox.from_extents(xa, ya - 3, xb, ya + 3))  # the step along, then up or down
        grid.add(Bbox.from_extents(xb - 3, min(ya, yb), xb + 3, max(ya, yb)))
    for label in labels:
        mark = label.anchor
        text = ax.annotate(
            label.text,
            xy=(mark.x, mark.y),
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=7.5,
            color="#333333",
            va="center",
            ha="left",
            zorder=5,
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
        )
        base = text.get_window_extent(renderer).padded(2)  # measured once, then moved
        best = None
        for dx, dy, ha in _CANDIDATES:
            shift = dx * points - (base.width - 4 if ha == "right" else 0)
            box = base.translated(shift, dy * points)
            inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
            if inside and not grid.hits(box):
                best = (dx, dy, ha, box)
                break
        if best is None:
            text.remove()
            continue
        dx, dy, ha, box = best
        text.set_position((dx, dy))
        text.set_ha(ha)
        if dy:
            ax.annotate(
                "",
                xy=(mark.x, mark.y),
                xytext=(dx, dy),
                textcoords="offset points",
                arrowprops={"arrowstyle": "-", "color": "#bbbbbb", "lw": 0.6},
                zorder=4,
            )
        grid.add(box)
