"""chart: `osint chart` at 4,000 figures against the same at 100, as time per figure.

The timeline is built in memory (figure rows as the figures view holds them, labelled by
`build_history`), so the row measures drawing alone: marks, the consensus line, grouping and
placing labels, legends, and rendering the PNG and the HTML page with its hover texts. Linear
drawing gives a ratio near 1; the aim is at most 2 (the old label placement, which tested every
label against every other, took 10 minutes at 4,025 figures).
"""

from __future__ import annotations

import random
import statistics
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.harness import Row, Stopwatch
from osint.chart import write_chart
from projections.audit import Cutoff, Timeline, summarise
from projections.history import build_history

SOURCES = [f"outlet-{i:02d}" for i in range(40)]
CLAIMANTS = [f"Official {i}" for i in range(25)] + [None]
DAY0 = datetime(2024, 10, 1, tzinfo=UTC)


def synthetic_timeline(figures: int, seed: int = 7) -> Timeline:
    """`figures` figure rows of one topic over 120 days, from 40 sources and 25 claimants."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for i in range(figures):
        when = DAY0 + timedelta(minutes=rng.randrange(120 * 24 * 60))
        value = rng.choice([3000, 8000, 10000, 11000, 12000, 15000]) + rng.randrange(0, 500)
        kind = rng.random()
        low, high, qualifier = float(value), float(value), "exact"
        if kind < 0.2:
            low, qualifier = None, "upper"
        elif kind < 0.35:
            high, qualifier = None, "lower"
        elif kind < 0.5:
            high, qualifier = value * 1.2, "range"
        text = f"{qualifier} {value:,}"
        sentence = f"Officials said {text} troops had arrived."
        iso = when.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        rows.append(
            {
                "figure_id": f"{i + 1}-0",
                "position": i + 1,
                "event_id": f"e{i}",
                "stream_id": f"report/s/{i}",
                "source_id": rng.choice(SOURCES),
                "item_key": str(i),
                "revision": 1,
                "content_sha256": f"{i:064x}",
                "origin_sha256": f"{i:064x}",
                "url": f"https://news.example.org/{i}",
                "title": f"Report {i}",
                "published_at": iso,
                "observed_at": iso,
                "effective_at": iso,
                "sentence": sentence,
                "sentence_start": 0,
                "start": 15,
                "end": 15 + len(text),
                "text": text,
                "low": low,
                "high": high,
                "qualifier": qualifier,
                "vague": False,
                "category": "troops",
                "subject": "troops",
                "actor": "North Korea",
                "location": None,
                "attribution": rng.choice(CLAIMANTS),
                "hedged": rng.random() < 0.3,
                "rules": "[]",
                "extractor_version": "bench",
                "topic": "troops/north-korea",
                "superseded_at": None,
            }
        )
    steps = build_history(rows)
    return Timeline("troops/north-korea", steps, summarise(steps), Cutoff(), figures, figures)


def bench_chart(small: int, big: int, repeats: int) -> Row:
    """Seconds per figure at `big` over the same at `small` (median of alternating runs)."""
    timelines = {n: synthetic_timeline(n) for n in (small, big)}

    def per_figure(n: int) -> float:
        with tempfile.TemporaryDirectory() as folder, Stopwatch() as sw:
            write_chart(timelines[n], Path(folder) / "chart.png")
            write_chart(timelines[n], Path(folder) / "chart.html")
        return sw.seconds / n

    small_s, big_s = [], []
    for i in range(repeats):
        order = (small, big) if i % 2 == 0 else (big, small)
        for n in order:
            (small_s if n == small else big_s).append(per_figure(n))
    ratio = statistics.median(b / s for b, s in zip(big_s, small_s, strict=True))
    return Row(
        name=f"chart: {big:,} figures vs {small:,}",
        value=statistics.median(big_s) * 1000,
        unit="ms/fig",
        baseline=statistics.median(small_s) * 1000,
        ratio=ratio,
        aim="<= 2.00",
        met=ratio <= 2.0,
        note=f"time per figure drawing .png and .html at {big:,} figures, against {small:,}"
        f" (one topic, 40 sources, 25 claimants, 120 days); {big:,} figures took"
        f" {statistics.median(big_s) * big:.1f} s",
    )
