"""`--as-of` through the `log_clock` view: the same position as reading the whole log, whether
the view is caught up, behind, or not built, and when observations arrive out of order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from events import EventStore, decode
from ingest.observation import Observation
from ingest.run import ingest_observations
from osint.wiring import all_projectors, open_store
from projections.log_clock import observed_time, position_as_of
from projections.runner import ProjectionRunner
from projections.timefmt import iso_utc

DAY0 = datetime(2024, 11, 1, 8, 0, tzinfo=UTC)
# Observed day of each ingestion run, in log order: day 3 is a backfill appended after day 4,
# and day 6 after day 7. Two reports per run.
RUN_DAYS = [0, 1, 2, 4, 3, 5, 7, 6, 8]


def _fill(store: EventStore) -> None:
    for run, day in enumerate(RUN_DAYS):
        ingest_observations(
            store,
            [
                Observation("wire", f"run{run}-{i}", f"Report {i} of run {run}: 40 tanks seen.")
                for i in range(2)
            ],
            observed_at=DAY0 + timedelta(days=day),
        )


def _by_reading(store: EventStore, moment: str) -> int:
    last = 0
    for event in store.read():
        if observed_time(decode(event)) > moment:
            break
        last = event.position
    return last


MOMENTS = [DAY0 - timedelta(days=1)] + [
    DAY0 + timedelta(days=d, hours=h) for d in range(10) for h in (0, 5)
]


@pytest.mark.parametrize("caught_up_to", [None, 0, 5, 9, 18])
def test_as_of_position_equals_reading_the_log(db_url: str, caught_up_to: int | None):
    store = open_store(db_url)
    _fill(store)
    assert store.head()[0] == 18
    if caught_up_to is not None:
        ProjectionRunner(store, all_projectors()).catch_up(until=caught_up_to)
    expected = {
        # Runs of days 0, 1, 2 (positions 1-6), then day 4 at 7-8 ends the prefix before day 4.
        DAY0 + timedelta(days=2, hours=5): 6,
        DAY0 + timedelta(days=3, hours=5): 6,
        DAY0 + timedelta(days=4): 10,
        DAY0 + timedelta(days=6, hours=5): 12,
        DAY0 + timedelta(days=7): 16,
        DAY0 + timedelta(days=9): 18,
        DAY0 - timedelta(days=1): 0,
    }
    for moment in MOMENTS:
        text = iso_utc(moment)
        assert text is not None
        got = position_as_of(store, text)
        assert got == _by_reading(store, text), moment
        if moment in expected:
            assert got == expected[moment], moment
    store.close()
