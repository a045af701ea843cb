"""The chart at scale: labels grouped by source and day and capped, a hover text on every mark,
the consensus line robust to one outlying claim, and drawing that stays linear in practice
(timed in bench/chart.py, not here)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from bench.chart import synthetic_timeline
from osint.chart import MAX_LABELS, write_chart
from osint.chart_labels import Mark, label_groups
from projections.history import build_history, running_consensus

DAY = datetime(2024, 11, 4, 9, 0, tzinfo=UTC)


def _mark(source: str, hour: int, low: float, high: float) -> Mark:
    return Mark(DAY.replace(hour=hour), (low + high) / 2, low, high, source, f"{low:,.0f}", False)


def test_labels_are_one_per_source_and_day_and_capped():
    marks = [
        _mark("courier", 9, 8000, 8000),
        _mark("courier", 11, 12000, 12000),
        _mark("courier", 15, 10000, 11000),
        _mark("herald", 10, 11000, 11000),
    ]
    labels = label_groups(marks, limit=10)
    assert [(lb.text, lb.anchor.high) for lb in labels] == [
        ("courier ×3: 8,000–12,000", 12000),
        ("herald: 11,000", 11000),
    ]
    assert [lb.text for lb in label_groups(marks, limit=1)] == ["courier ×3: 8,000–12,000"]


def _figure(i: int, source: str, value: float) -> dict:
    when = f"2024-11-{i + 1:02d}T09:00:00.000000Z"
    return {
        "figure_id": f"{i}-0",
        "position": i,
        "start": 0,
        "end": 5,
        "effective_at": when,
        "source_id": source,
        "content_sha256": f"{i:064x}",
        "low": value,
        "high": value,
        "sentence": "x",
        "sentence_start": 0,
    }


def test_the_consensus_is_the_median_of_each_origins_latest_claim():
    """One source's "8,000 a week ago" does not make the line dive, as the last claim did."""
    steps = build_history(
        [
            _figure(1, "a", 11000),
            _figure(2, "b", 11000),
            _figure(3, "c", 8000),
            _figure(4, "a", 12000),
            _figure(5, "b", 12000),
        ]
    )
    assert [value for _, value in running_consensus(steps)] == [11000, 11000, 11000, 11000, 12000]


def test_thousands_of_figures_draw_a_capped_number_of_labels_and_hover_every_mark(tmp_path: Path):
    timeline = synthetic_timeline(1500)
    page = tmp_path / "big.html"
    write_chart(timeline, page)
    text = page.read_text()
    hovered = set(re.findall(r'<g id="mark-(\d+)-\d+"><title>', text))
    assert len(hovered) == 1500
    assert "&lt;" not in "".join(re.findall(r"<title>(.*?)</title>", text)[:5])
    labels = re.findall(r"outlet-\d\d(?: ×\d+)?: ", text)
    assert 0 < len(labels) <= MAX_LABELS
