"""Revisions of one item: each change is the next revision, also when a text changes back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from events import EventStore, report_stream_id
from ingest.observation import Observation
from ingest.run import ingest_observations

T0 = datetime(2024, 11, 7, 8, 0, tzinfo=UTC)
TEXTS = {
    "A": "About 3,000 North Korean troops were moved to the border, officials said.",
    "B": "About 4,000 North Korean troops were moved to the border, officials said.",
}


def test_a_text_that_flips_back_and_forth_is_a_new_revision_each_time(store: EventStore):
    """A, B, A, B once gave the fourth version the second one's event id, and the poll failed
    with an IdempotencyConflict."""
    for step, version in enumerate("ABAB"):
        result = ingest_observations(
            store,
            [Observation("wire", "story-1", TEXTS[version])],
            observed_at=T0 + timedelta(hours=step),
        )
        assert result.appended == 1, version
    again = ingest_observations(store, [Observation("wire", "story-1", TEXTS["B"])])
    assert (again.appended, again.unchanged) == (0, 1)
    stream = store.read_stream(report_stream_id("wire", "story-1"))
    assert [e.payload["revision"] for e in stream] == [1, 2, 3, 4]
    assert len({e.event_id for e in stream}) == 4
    digests = [e.payload["content_sha256"] for e in stream]
    assert [e.payload["supersedes"] for e in stream] == [None, *digests[:-1]]
    assert store.verify().ok
