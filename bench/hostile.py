"""Hostile input: the extractor reads garbage in time linear in its length.

The inputs are the ones `tests/extraction/test_extractor.py` checks the outputs of
(`tests/extraction/adversarial.py`: megabyte digit runs, a 200 KB sentence with no
punctuation, endless number words, random Unicode). Tests never time them; these rows do.

hostile vs prose: time per character on each hostile input against time per character on
ordinary corpus text (six-sentence reports, as the extraction row), alternating; the row shows
the worst input. Aim <= 10: garbage may cost a small constant more per character than news
(one token per character instead of one per word), never a factor that grows with size.

hostile at 10x: time per character on each input against a tenth of the same input; the row
shows the worst. Aim <= 3: linear reading gives 1 (a little more as the token lists outgrow the
caches); a quadratic step would give 10.
"""

from __future__ import annotations

from bench.corpus import Corpus
from bench.extraction import SENTENCES_PER_REPORT
from bench.harness import Row, Stopwatch, Timed, alternate
from projections.extraction import extract
from tests.extraction.adversarial import all_inputs

PROSE_SENTENCES = 3_000


def _timed(texts: list[str]) -> Timed:
    def run() -> float:
        with Stopwatch() as sw:
            for text in texts:
                extract(text)
        return sw.seconds

    return run


PerChar = tuple[float, float, float]  # µs per character of ours, of the other, their ratio


def _per_char(text: str, other: list[str], repeats: int) -> PerChar:
    """Median µs per character of `text` and of `other`, and the median per-pair ratio of the
    two (above 1: `text` costs more per character)."""
    ours_s, other_s, speed = alternate(_timed([text]), _timed(other), repeats)
    other_chars = sum(map(len, other))
    return ours_s / len(text) * 1e6, other_s / other_chars * 1e6, other_chars / len(text) / speed


def bench_hostile(repeats: int, fraction: int = 1) -> list[Row]:
    """Both rows; `fraction` > 1 reads only that share of each input (`--quick`)."""
    corpus = Corpus(seed=23)
    prose = [
        " ".join(corpus.sentences(SENTENCES_PER_REPORT))
        for _ in range(PROSE_SENTENCES // fraction // SENTENCES_PER_REPORT)
    ]
    inputs = [(name, text[: len(text) // fraction]) for name, text in all_inputs()]
    vs_prose = {name: _per_char(text, prose, repeats) for name, text in inputs}
    growth = {name: _per_char(text, [text[: len(text) // 10]], repeats) for name, text in inputs}
    return [
        _worst_row("extraction, hostile vs prose", vs_prose, 10.0, "prose"),
        _worst_row("extraction, hostile at 10x", growth, 3.0, "a tenth of it"),
    ]


def _worst_row(name: str, measured: dict[str, PerChar], aim: float, against: str) -> Row:
    worst = max(measured, key=lambda n: measured[n][2])
    ours, other, ratio = measured[worst]
    each = ", ".join(f"{n} {m[2]:.2f}" for n, m in measured.items())
    return Row(
        name=name,
        value=ours,
        unit="us/char",
        baseline=other,
        ratio=ratio,
        aim=f"<= {aim:.2f}",
        met=ratio <= aim,
        note=f"time per character vs {against}, worst of {len(measured)} inputs ({worst}): {each}",
    )
