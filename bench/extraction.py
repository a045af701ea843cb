"""Extraction and replay.

extraction: `projections.extraction.extract` over reports of the synthetic corpus (about six
sentences each), against a regex scan for digits over the same texts. The aim is absolute
(sentences per second); the ratio says how far from "just finding the digits" we are.

replay: `ProjectionRunner(store, osint.wiring.all_projectors()).replay()` (what `osint replay`
runs) over a log of `ReportObserved` events, against `extract` alone over the same texts: the
difference is what reading the log and writing the views cost on top of extraction.
"""

from __future__ import annotations

import re

from bench.corpus import Corpus
from bench.databases import Scratch
from bench.harness import Row, Stopwatch, alternate, rate_row
from bench.readlog import build_log
from osint.wiring import all_projectors, open_store
from projections.extraction import EXTRACTOR_VERSION, extract
from projections.runner import ProjectionRunner

_DIGITS = re.compile(r"\d[\d,.]*")
SENTENCES_PER_REPORT = 6


def bench_extraction(sentences: int, repeats: int) -> Row:
    corpus = Corpus(seed=23)
    texts = [
        " ".join(corpus.sentences(SENTENCES_PER_REPORT))
        for _ in range(sentences // SENTENCES_PER_REPORT)
    ]
    count = len(texts) * SENTENCES_PER_REPORT

    def ours() -> float:
        with Stopwatch() as sw:
            for text in texts:
                extract(text)
        return sw.seconds

    def baseline() -> float:
        with Stopwatch() as sw:
            for text in texts:
                _DIGITS.findall(text)
        return sw.seconds

    o, b, r = alternate(ours, baseline, repeats)
    row = rate_row(
        "extraction",
        count,
        "sent/s",
        o,
        b,
        r,
        None,
        note=f"{count:,} sentences, extractor {EXTRACTOR_VERSION}; aim is absolute"
        " (>= 10,000 sentences/s), the ratio is against a regex scan for digits",
    )
    row.aim = ">= 10,000 sent/s"
    row.met = row.value is not None and row.value >= 10_000
    return row


def bench_replay(scratch: Scratch, count: int, repeats: int) -> Row:
    url = scratch.sqlite_url()
    build_log(url, count)
    store = open_store(url)
    texts = [(e.payload["text"], e.payload.get("published_at")) for e in store.read()]
    runner = ProjectionRunner(store, all_projectors())
    runner.catch_up()

    def ours() -> float:
        with Stopwatch() as sw:
            runner.replay()
        return sw.seconds

    def baseline() -> float:
        with Stopwatch() as sw:
            for text, published in texts:
                extract(text, published)
        return sw.seconds

    o, b, r = alternate(ours, baseline, repeats)
    store.close()
    return rate_row(
        "replay sqlite",
        count,
        "ev/s",
        o,
        b,
        r,
        0.70,
        note=f"{count:,} ReportObserved, {len(all_projectors())} views rebuilt vs extract alone",
    )
