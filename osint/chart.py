"""`osint chart`: the estimate of one topic over time, drawn with matplotlib's object API (no
pyplot, no display, no global state: a `Figure` renders through the Agg and SVG canvases).

How a claim is drawn, so a reader can tell what was said from the picture alone:
- a point claim (`about 10,000`) is a dot; a range (`between 10,000 and 12,000`) a vertical bar;
- an open bound is an arrow from its bound, pointing where the value may lie (`up to 3,000`
  points down, `more than 12,000` up);
- a hedged claim ("reportedly", "believed") is hollow, a denial is a cross;
- each claimant has a colour, and the source is written beside each mark;
- a grey step line follows the current estimate (denials do not move it).

`.html` output is a small page: the SVG inline, then the table of figures with their links.
"""

from __future__ import annotations

import html
import io
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import Bbox

from osint.errors import ChartError
from osint.render import origins_text, short_time
from projections.audit import Timeline
from projections.history import Step, bounds_text, denier, is_denial, number_text

SUFFIXES = (".png", ".svg", ".html")
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)


def write_chart(timeline: Timeline, path: Path) -> int:
    """Draw `timeline` into `path` (.png, .svg or .html), atomically; return its size."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ChartError(f"{path}: unknown chart format (use {', '.join(SUFFIXES)})")
    figure = draw(timeline)
    if suffix == ".html":
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg")
        data = html_page(timeline, buffer.getvalue()).encode("utf-8")
    else:
        raw = io.BytesIO()
        figure.savefig(raw, format=suffix[1:], dpi=110)
        data = raw.getvalue()
    _write_atomically(path, data)
    return len(data)


def _write_atomically(path: Path, data: bytes) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ChartError(f"{path}: the folder {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise ChartError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a chart is an ordinary file
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ChartError(f"{path}: cannot write ({exc.strerror})") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _when(figure: Mapping[str, Any]) -> datetime:
    return datetime.fromisoformat(figure["effective_at"].replace("Z", "+00:00"))


def _claimant(figure: Mapping[str, Any]) -> str:
    """Who stands behind a mark: the denier for a denial, else the figure's claimant."""
    who = denier(figure) if is_denial(figure) else None
    return who or figure.get("attribution") or "no claimant named"


def draw(timeline: Timeline) -> Figure:
    """The matplotlib figure of `timeline`."""
    fig = Figure(figsize=(11, 6.2))
    ax = fig.subplots()
    steps = timeline.steps
    colours: dict[str, str] = {}
    for step in steps:
        colours.setdefault(_claimant(step.figure), PALETTE[len(colours) % len(PALETTE)])
    values = [b for s in steps for b in (s.figure["low"], s.figure["high"]) if b is not None]
    top = max(values, default=1.0) * 1.18 or 1.0
    arrow = top * 0.09
    span = (_when(steps[0].figure), _when(steps[-1].figure)) if steps else None
    if span:
        first, last = span
        pad = max((last - first) * 0.06, timedelta(hours=12))
        ax.set_xlim(first - pad, last + pad * 2.5)
    _estimate_line(ax, steps)
    marks = [_draw_step(ax, step, colours[_claimant(step.figure)], arrow) for step in steps]
    ax.set_ylim(0, top)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{int(v):,}"))
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    category, _, actor = timeline.topic.partition("/")
    ax.set_ylabel(f"{category} ({actor.replace('-', ' ')})")
    ax.set_xlabel("date of the report (published, else observed)")
    ax.set_title(_title(timeline), loc="left", fontsize=10)
    legends = _legends(ax, colours)
    fig.tight_layout()
    _place_labels(fig, ax, marks, legends)
    return fig


def _title(timeline: Timeline) -> str:
    s = timeline.summary
    head = f"{timeline.topic}: the estimate over time ({timeline.cutoff.describe()})"
    if s.current is None:
        return head + "\nno figures"
    c = s.current.figure
    return (
        f"{head}\ncurrent: {c['text']} ({bounds_text(c)}), {_claimant(c)} ({c['source_id']})"
        f"\n{s.asserted} figures from {len(s.origins)} independent sources"
        + (f", {s.denied} denial(s)" if s.denied else "")
    )


def _estimate_line(ax, steps: list[Step]) -> None:  # type: ignore[no-untyped-def]
    xs, ys = [], []
    for step in steps:
        if step.denied:
            continue
        f = step.figure
        xs.append(_when(f))
        ys.append(_centre(f))
    if xs:
        ax.step(xs, ys, where="post", color="#999999", linewidth=1, linestyle="--", zorder=1)


def _centre(f: Mapping[str, Any]) -> float:
    low, high = f["low"], f["high"]
    if low is None:
        return float(high)
    if high is None:
        return float(low)
    return (float(low) + float(high)) / 2


@dataclass(frozen=True, slots=True)
class _Mark:
    """Where a claim was drawn (data coordinates) and the label it needs."""

    x: datetime
    y: float
    low: float
    high: float
    label: str


# Where a label may go relative to its mark (points right, points up, alignment), in order.
_CANDIDATES = [
    (dx, dy, ha)
    for dy in (0, -12, 12, -24, 24, -36, 36, -48)
    for dx, ha in ((9, "left"), (-9, "right"))
]


def _place_labels(fig: Figure, ax, marks: list[_Mark], legends: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    """Write each mark's label at the first candidate place that overlaps no mark, legend or
    earlier label and stays inside the axes (measured with the real renderer)."""
    renderer = FigureCanvasAgg(fig).get_renderer()
    frame = ax.get_window_extent(renderer)
    obstacles = [legend.get_window_extent(renderer) for legend in legends]
    for mark in marks:
        (x0, y0), (x1, y1) = ax.transData.transform(
            [(mdates.date2num(mark.x), mark.low), (mdates.date2num(mark.x), mark.high)]
        )
        obstacles.append(Bbox.from_extents(x0 - 7, y0 - 7, x1 + 7, y1 + 7))
    for mark in marks:
        text = ax.annotate(
            mark.label,
            xy=(mark.x, mark.y),
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=7.5,
            color="#333333",
            va="center",
            zorder=5,
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
        )
        best = None
        for dx, dy, ha in _CANDIDATES:
            text.set_position((dx, dy))
            text.set_ha(ha)
            box = text.get_window_extent(renderer).padded(2)
            inside = frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1)
            if inside and not any(box.overlaps(o) for o in obstacles):
                best = (dx, dy, ha, box)
                break
        if best is None:
            dx, dy, ha = _CANDIDATES[0]
            text.set_position((dx, dy))
            text.set_ha(ha)
            box = text.get_window_extent(renderer)
        else:
            dx, dy, ha, box = best
        if dy:
            ax.annotate(
                "",
                xy=(mark.x, mark.y),
                xytext=(dx, dy),
                textcoords="offset points",
                arrowprops={"arrowstyle": "-", "color": "#bbbbbb", "lw": 0.6},
                zorder=4,
            )
        obstacles.append(box)


def _draw_step(ax, step: Step, colour: str, arrow: float) -> _Mark:  # type: ignore[no-untyped-def]
    f = step.figure
    x = _when(f)
    low, high = f["low"], f["high"]
    hedged = bool(f["hedged"])
    face = "white" if hedged else colour
    style = (0, (3, 2)) if hedged else "solid"
    if step.denied:
        y = _centre(f)
        ax.plot(x, y, marker="X", markersize=12, color=colour, markeredgecolor="black", zorder=4)
    elif low is not None and high is not None and low != high:
        ax.vlines(x, low, high, colors=colour, linewidth=6, alpha=0.55, linestyles=style, zorder=2)
        ax.plot([x, x], [low, high], linestyle="none", marker="_", markersize=14, color=colour)
        y = (low + high) / 2
        ax.plot(x, y, marker="o", markersize=6, markerfacecolor=face, color=colour, zorder=3)
    elif low is None or high is None:
        y = float(high if low is None else low)
        end = y - arrow if low is None else y + arrow
        ax.annotate(
            "",
            xy=(x, end),
            xytext=(x, y),
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2, "linestyle": style},
            zorder=3,
        )
        ax.plot(x, y, marker="_", markersize=16, markeredgewidth=3, color=colour, zorder=3)
        ax.plot(x, y, marker="o", markersize=7, markerfacecolor=face, color=colour, zorder=4)
    else:
        y = float(low)
        ax.plot(x, y, marker="o", markersize=9, markerfacecolor=face, color=colour, zorder=4)
    label = f"{f['source_id']}: {bounds_text(f)}" + (" (denied)" if step.denied else "")
    ends = [v for v in (low, high, y, y + arrow if high is None else None) if v is not None]
    if low is None:
        ends.append(y - arrow)
    return _Mark(x, y, min(ends), max(ends), label)


def _legends(ax, colours: dict[str, str]) -> list:  # type: ignore[no-untyped-def,type-arg]
    claimants = [
        Line2D([], [], color=c, marker="o", linestyle="none", markersize=7, label=_short(name))
        for name, c in colours.items()
    ]
    first = ax.legend(
        handles=claimants,
        title="claimed by",
        loc="upper left",
        fontsize=7.5,
        title_fontsize=8,
        frameon=False,
    )
    ax.add_artist(first)
    grey = "#555555"
    kinds = [
        Line2D([], [], color=grey, marker="o", linestyle="none", label="point claim"),
        Line2D([], [], color=grey, linewidth=6, alpha=0.55, label="range"),
        Line2D(
            [],
            [],
            color=grey,
            marker="$↓$",
            linestyle="none",
            label="open bound (up to / more than)",
        ),
        Line2D(
            [],
            [],
            color=grey,
            marker="o",
            markerfacecolor="white",
            linestyle="none",
            label="hedged",
        ),
        Line2D(
            [],
            [],
            color=grey,
            marker="X",
            markeredgecolor="black",
            linestyle="none",
            markersize=9,
            label="denial",
        ),
        Line2D([], [], color="#999999", linestyle="--", label="current estimate"),
    ]
    second = ax.legend(handles=kinds, loc="lower right", fontsize=7.5, frameon=False)
    return [first, second]


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def html_page(timeline: Timeline, svg: str) -> str:
    """A self-contained page: the chart as inline SVG, then the figures with their links."""
    start = svg.find("<svg")
    body = svg[start:] if start >= 0 else svg
    rows = []
    for step in timeline.steps:
        f = step.figure
        url = html.escape(f["url"] or "")
        title = html.escape(f["title"] or f["item_key"])
        link = f'<a href="{url}">{title}</a>' if url else title
        rows.append(
            "<tr>"
            f"<td>{step.index}</td><td>{html.escape(short_time(f['effective_at']))}</td>"
            f"<td>{html.escape(step.change)}</td><td>{html.escape(f['text'])}</td>"
            f"<td>{html.escape(bounds_text(f))}</td>"
            f"<td>{html.escape(f['attribution'] or '—')}</td>"
            f"<td>{'yes' if f['hedged'] else 'no'}</td>"
            f"<td>{step.corroboration}: {html.escape(origins_text(step.origins))}</td>"
            f"<td>{html.escape(f['source_id'])}</td><td>{link}</td>"
            f"<td>{html.escape(short_time(f['observed_at']))}</td>"
            f"<td><code>{html.escape(f['figure_id'])}</code></td>"
            "</tr>"
        )
    s = timeline.summary
    current = s.current.figure if s.current else None
    summary = (
        f"Current estimate: <b>{html.escape(current['text'])}</b>"
        f" ({html.escape(bounds_text(current))}), {html.escape(_claimant(current))}."
        f" Live claims: {s.asserted} from {len(s.origins)} independent sources"
        + (f", bounds {number_text(s.low)} to {number_text(s.high)}." if s.low is not None else ".")
        if current
        else "No figures."
    )
    head = (
        "<th>#</th><th>date</th><th>change</th><th>as written</th><th>bounds</th>"
        "<th>claimed by</th><th>hedged</th><th>independent sources</th><th>source</th>"
        "<th>report</th><th>observed</th><th>figure</th>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(timeline.topic)}: estimate over time</title>"
        "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;"
        "font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}"
        "svg{max-width:100%;height:auto}</style></head><body>\n"
        f"<h1>{html.escape(timeline.topic)}</h1>\n"
        f"<p>{html.escape(timeline.cutoff.describe())}. {summary}</p>\n"
        f"{body}\n<table><thead><tr>{head}</tr></thead><tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>\n</body></html>\n"
    )
