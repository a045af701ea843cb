"""`osint chart`: the estimate of one topic over time, drawn with matplotlib's object API (no
pyplot, no display, no global state: a `Figure` renders through the Agg and SVG canvases).

How a claim is drawn, so a reader can tell what was said from the picture alone:
- a point claim (`about 10,000`) is a dot; a range (`between 10,000 and 12,000`) a vertical bar;
- an open bound is an arrow from its bound, pointing where the value may lie (`up to 3,000`
  points down, `more than 12,000` up);
- a hedged claim ("reportedly", "believed") is hollow, a denial is a cross;
- each claimant has a colour (the twelve with most figures; the rest share a grey);
- a grey step line follows the running consensus: the median of every independent origin's
  latest claim, so one outlying sentence ("8,000 a week ago") does not drag the line;
- labels name the source and the bounds, one per source and day at most (`courier ×3: 8,000–
  12,000`), and only as many as fit: at thousands of figures the picture stays legible;
- the legends stand beside the plot, never on it.

`.html` output is a small page: the SVG inline, every mark with a hover text (value, claimant,
source, date), then the table of figures with their links.
"""

from __future__ import annotations

import html
import io
import os
import re
import tempfile
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter

from osint.chart_labels import Mark, label_groups, place_labels
from osint.errors import ChartError
from osint.render import origins_text, short_time
from projections.audit import Timeline
from projections.history import (
    Step,
    bounds_text,
    centre,
    denier,
    is_denial,
    number_text,
    running_consensus,
)

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


MAX_CLAIMANTS = 12  # colours in the legend; the others share one grey
MAX_LABELS = 40  # labels drawn; every mark still has its hover text in .html
OTHERS = "#aaaaaa"


def draw(timeline: Timeline) -> Figure:
    """The matplotlib figure of `timeline`."""
    fig = Figure(figsize=(12.5, 6.2))
    ax = fig.add_axes((0.07, 0.11, 0.63, 0.72))
    steps = timeline.steps
    colours = _colours(steps)
    values = [b for s in steps for b in (s.figure["low"], s.figure["high"]) if b is not None]
    top = max(values, default=1.0) * 1.18 or 1.0
    arrow = top * 0.09
    span = (_when(steps[0].figure), _when(steps[-1].figure)) if steps else None
    if span:
        first, last = span
        pad = max((last - first) * 0.06, timedelta(hours=12))
        ax.set_xlim(first - pad, last + pad * 2.5)
    line = _estimate_line(ax, steps)
    # Marks shrink as they crowd (down to a third of their size at a few thousand).
    scale = min(1.0, max(0.35, (150 / max(len(steps), 1)) ** 0.5))
    marks = [
        _draw_step(ax, step, colours.get(_claimant(step.figure), OTHERS), arrow, scale)
        for step in steps
    ]
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
    fig.text(0.07, 0.975, _title(timeline), va="top", ha="left", fontsize=10)
    others = len({_claimant(s.figure) for s in steps}) - len(colours)
    _legends(ax, colours, others)
    place_labels(fig, ax, marks, label_groups(marks, MAX_LABELS), line, 12 * scale)
    return fig


def _colours(steps: list[Step]) -> dict[str, str]:
    """A colour for each of the claimants with most figures (in order of first appearance)."""
    counts: dict[str, int] = {}
    for step in steps:
        name = _claimant(step.figure)
        counts[name] = counts.get(name, 0) + 1
    top = set(sorted(counts, key=lambda n: -counts[n])[:MAX_CLAIMANTS])
    chosen = [n for n in counts if n in top]
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(chosen)}


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


def _estimate_line(ax, steps: list[Step]) -> list[tuple[datetime, float]]:  # type: ignore[no-untyped-def]
    """Draw the running consensus; return its corners (for the labels to keep clear of)."""
    line = running_consensus(steps)
    xs = [_when(step.figure) for step, _ in line]
    ys = [value for _, value in line]
    if line:
        # Over the marks, with a white casing, so it shows through thousands of them.
        ax.step(xs, ys, where="post", color="white", linewidth=3.5, zorder=6, alpha=0.8)
        ax.step(xs, ys, where="post", color="#444444", linewidth=1.4, linestyle="--", zorder=7)
    return list(zip(xs, ys, strict=True))


def _draw_step(ax, step: Step, colour: str, arrow: float, k: float) -> Mark:  # type: ignore[no-untyped-def]
    """Draw one claim, its marks `k` times their full size."""
    f = step.figure
    x = _when(f)
    low, high = f["low"], f["high"]
    hedged = bool(f["hedged"])
    face = "white" if hedged else colour
    style = (0, (3, 2)) if hedged else "solid"
    drawn: list[Any] = []
    if step.denied:
        y = centre(f)
        drawn += ax.plot(
            x, y, marker="X", markersize=12 * k, color=colour, markeredgecolor="black", zorder=4
        )
    elif low is not None and high is not None and low != high:
        drawn.append(
            ax.vlines(
                x, low, high, colors=colour, linewidth=6 * k, alpha=0.55, linestyles=style, zorder=2
            )
        )
        drawn += ax.plot(
            [x, x], [low, high], linestyle="none", marker="_", markersize=14 * k, color=colour
        )
        y = (low + high) / 2
        drawn += ax.plot(
            x, y, marker="o", markersize=6 * k, markerfacecolor=face, color=colour, zorder=3
        )
    elif low is None or high is None:
        y = float(high if low is None else low)
        end = y - arrow if low is None else y + arrow
        drawn.append(
            ax.annotate(
                "",
                xy=(x, end),
                xytext=(x, y),
                arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2 * k, "linestyle": style},
                zorder=3,
            )
        )
        drawn += ax.plot(
            x, y, marker="_", markersize=16 * k, markeredgewidth=3 * k, color=colour, zorder=3
        )
        drawn += ax.plot(
            x, y, marker="o", markersize=7 * k, markerfacecolor=face, color=colour, zorder=4
        )
    else:
        y = float(low)
        drawn += ax.plot(
            x, y, marker="o", markersize=9 * k, markerfacecolor=face, color=colour, zorder=4
        )
    # Every artist of this mark carries its id: the .html page hangs the hover text on it.
    for n, artist in enumerate(drawn):
        artist.set_gid(f"mark-{step.index}-{n}")
    ends = [v for v in (low, high, y, y + arrow if high is None else None) if v is not None]
    if low is None:
        ends.append(y - arrow)
    return Mark(x, y, min(ends), max(ends), str(f["source_id"]), bounds_text(f), step.denied)


def _legends(ax, colours: dict[str, str], others: int) -> None:  # type: ignore[no-untyped-def]
    """The claimants, then the kinds of mark, beside the plot (never over it)."""
    claimants = [
        Line2D([], [], color=c, marker="o", linestyle="none", markersize=7, label=_short(name))
        for name, c in colours.items()
    ]
    if others > 0:
        claimants.append(
            Line2D(
                [],
                [],
                color=OTHERS,
                marker="o",
                linestyle="none",
                markersize=7,
                label=f"{others} other claimant(s)",
            )
        )
    first = ax.legend(
        handles=claimants,
        title="claimed by",
        loc="upper left",
        bbox_to_anchor=(1.02, 1.0),
        borderaxespad=0.0,
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
        Line2D([], [], color="#444444", linestyle="--", label="consensus of live claims"),
    ]
    ax.legend(
        handles=kinds,
        loc="lower left",
        bbox_to_anchor=(1.02, 0.0),
        borderaxespad=0.0,
        fontsize=7.5,
        frameon=False,
    )


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


_MARK_GROUP = re.compile(r'<g id="mark-(\d+)-\d+">')


def _with_hover_texts(svg: str, steps: list[Step]) -> str:
    """Every mark's SVG group gets a `<title>`: browsers show it on hover."""
    hover = {
        step.index: html.escape(
            f"{step.figure['text']} ({bounds_text(step.figure)})"
            f" · {_claimant(step.figure)} · {step.figure['source_id']}"
            f" · {short_time(step.figure['effective_at'])} · {step.change}"
        )
        for step in steps
    }

    def add_title(match: re.Match[str]) -> str:
        text = hover.get(int(match.group(1)))
        return f"{match.group(0)}<title>{text}</title>" if text else match.group(0)

    return _MARK_GROUP.sub(add_title, svg)


def html_page(timeline: Timeline, svg: str) -> str:
    """A self-contained page: the chart as inline SVG with a hover text on every mark, then the
    figures with their links."""
    start = svg.find("<svg")
    body = _with_hover_texts(svg[start:] if start >= 0 else svg, timeline.steps)
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
