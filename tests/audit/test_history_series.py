"""The history compares like with like: an earlier value quoted for comparison is context, a
count over a period is its own series beside the running total, equipment is a topic per kind."""

from __future__ import annotations

from typing import Any

from projections.audit import summarise
from projections.history import build_history, current_step, running_consensus
from projections.topics import normalise_topic, topic_key


def _figure(i: int, low: float, **extra: Any) -> dict[str, Any]:
    return {
        "figure_id": f"{i}-0",
        "position": i,
        "start": 0,
        "end": 5,
        "effective_at": f"2024-11-{i:02d}T09:00:00.000000Z",
        "source_id": f"s{i}",
        "content_sha256": f"{i:064x}",
        "low": low,
        "high": low,
        "sentence": "x",
        "sentence_start": 0,
        **extra,
    }


def test_an_earlier_value_is_context_never_a_step_down_or_the_estimate():
    """ "about 11,000, up from an estimate of 8,000 a week ago": the 8,000 once made a step
    'lowered to 8,000' and became the current estimate."""
    steps = build_history([_figure(1, 10000), _figure(2, 11000), _figure(3, 8000, earlier=True)])
    assert [s.change for s in steps] == ["first report", "raised", "earlier value"]
    current = current_step(steps)
    assert current is not None and current.figure["figure_id"] == "2-0"
    assert [v for _, v in running_consensus(steps)] == [10000, 10500]
    summary = summarise(steps)
    assert (summary.asserted, summary.low, summary.high) == (2, 10000, 11000)


def test_a_count_over_a_period_is_its_own_series():
    """A week's losses never 'lower' the running total, and the estimate stays the total."""
    steps = build_history(
        [
            _figure(1, 3000, period="total"),
            _figure(2, 40, period="period"),
            _figure(3, 3100),
            _figure(4, 55, period="period"),
        ]
    )
    assert [s.change for s in steps] == ["first report", "first report", "raised", "raised"]
    current = current_step(steps)
    assert current is not None and current.figure["figure_id"] == "3-0"
    summary = summarise(steps)
    assert (summary.low, summary.high) == (3000, 3100)  # the range of the totals
    only_periods = build_history([_figure(1, 40, period="period"), _figure(2, 55, period="period")])
    assert current_step(only_periods).figure["figure_id"] == "2-0"  # type: ignore[union-attr]


def test_equipment_topics_carry_the_kind():
    assert topic_key("equipment", "Russia", "tanks") == "equipment-tanks/russia"
    assert topic_key("equipment", "Russia", "armoured vehicles") == (
        "equipment-armoured-vehicles/russia"
    )
    assert topic_key("equipment", "Russia", None) == "equipment/russia"
    assert topic_key("troops", "Russia", "tanks") == "troops/russia"
    assert normalise_topic("Tanks / Moscow") == "equipment-tanks/russia"
    assert normalise_topic("armored vehicles/the Kremlin") == "equipment-armoured-vehicles/russia"
