"""The change labels and the independent-source count, on hand-made figure rows (a table of
examples), so they hold whatever the extractor reads."""

from __future__ import annotations

from typing import Any

import pytest

from projections.history import (
    CONTRADICTED,
    CORROBORATED,
    FIRST,
    LOWERED,
    NARROWED,
    RAISED,
    REPEATED,
    WIDENED,
    build_history,
    current_step,
    is_denial,
    origins,
)


def row(
    n: int,
    low: float | None,
    high: float | None,
    source: str = "s",
    digest: str | None = None,
    sentence: str | None = None,
    text: str = "10,000",
) -> dict[str, Any]:
    sentence = sentence or f"Officials said {text} troops were there."
    start = sentence.index(text)
    return {
        "figure_id": f"{n}-0",
        "position": n,
        "effective_at": f"2024-11-{n:02d}T00:00:00.000000Z",
        "start": start,
        "end": start + len(text),
        "sentence": sentence,
        "sentence_start": 0,
        "low": low,
        "high": high,
        "source_id": source,
        "content_sha256": digest or f"{source}-{n}",
    }


@pytest.mark.parametrize(
    ("previous", "current", "label"),
    [
        ((None, 3000), (None, 3000), CORROBORATED),
        ((None, 3000), (10000, 10000), RAISED),
        ((10000, 10000), (9000, 9000), LOWERED),
        ((10000, 12000), (11000, 11000), NARROWED),
        ((11000, 11000), (10000, 12000), WIDENED),
        ((12000, 12000), (12000, None), WIDENED),
        ((None, 11000), (None, 12000), WIDENED),
        ((10000, 10000), (11000, None), RAISED),
        ((10000, 10000), (None, 9000), LOWERED),
    ],
)
def test_change_against_the_figure_before(previous, current, label):
    steps = build_history([row(1, *previous, source="a"), row(2, *current, source="b")])
    assert [s.change for s in steps] == [FIRST, label]


def test_reports_of_one_source_count_once():
    steps = build_history(
        [row(1, 3000, 3000, "a"), row(2, 3000, 3000, "a"), row(3, 3000, 3000, "b")]
    )
    assert [(s.change, s.corroboration) for s in steps] == [
        (FIRST, 1),
        (REPEATED, 1),
        (CORROBORATED, 2),
    ]
    assert steps[-1].origins == (("a",), ("b",))


def test_a_syndicated_copy_counts_with_the_source_that_carried_it_first():
    steps = build_history(
        [
            row(1, 3000, 3000, "seoul"),
            row(2, 3000, 3000, "wire", digest="story"),
            row(3, 3000, 3000, "ledger", digest="story"),
            row(4, 3000, 3000, "ledger", digest="own-report"),
        ]
    )
    assert [(s.change, s.corroboration) for s in steps] == [
        (FIRST, 1),
        (CORROBORATED, 2),
        (REPEATED, 2),
        (CORROBORATED, 3),
    ]
    assert steps[2].origins == (("seoul",), ("wire", "ledger"))
    assert origins(s.figure for s in steps) == [("seoul",), ("wire", "ledger"), ("ledger",)]


DENIALS = [
    ("Moscow denied reports that 10,000 North Korean troops were in Russia.", True),
    ("The ministry dismissed claims of 10,000 troops as fabrications.", True),
    ("Claims that 10,000 troops were sent are false, the ministry said.", True),
    ("Moscow denied it, but Kyiv said 10,000 North Korean troops were in Russia.", False),
    ("Kyiv said 10,000 North Korean troops were in Russia.", False),
    ("Kyiv said 10,000 troops were there; Moscow called the report false.", False),
]


@pytest.mark.parametrize(("sentence", "denied"), DENIALS)
def test_denial_cues_share_the_figures_clause(sentence, denied):
    assert is_denial(row(1, 10000, 10000, sentence=sentence)) is denied


def test_a_denial_is_contradicted_and_never_the_estimate():
    denial = "Moscow denied reports that 10,000 troops were in Russia."
    steps = build_history(
        [
            row(1, 10000, 10000, "wire"),
            row(2, 10000, 10000, "monitor", sentence=denial),
            row(3, 10000, 10000, "courier"),
        ]
    )
    assert [(s.change, s.corroboration) for s in steps] == [
        (FIRST, 1),
        (CONTRADICTED, 1),
        (CORROBORATED, 2),
    ]
    assert current_step(steps) is steps[2]
    assert current_step(steps[:2]) is steps[0]


def test_the_denier_is_the_clause_before_the_denial_cue():
    from projections.history import denier

    sentence = (
        "Russia's foreign ministry on Friday denied reports that 10,000 North Korean troops"
        " had been deployed to Russia."
    )
    start = sentence.index("10,000")
    figure = {"sentence": sentence, "sentence_start": 0, "start": start, "end": start + 6}
    assert denier(figure) == "Russia's foreign ministry"
    plain = dict(figure, sentence="Officials said 10,000 troops had been deployed.", start=15)
    assert denier(plain) is None
