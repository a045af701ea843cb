"""Near-copies count as one origin: a syndicated copy with a byline, a tag line or small edits
adds no independent source; independent reporting that shares a sentence still does."""

from __future__ import annotations

import zlib
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from events import EventStore
from ingest.observation import Observation
from ingest.run import ingest_observations
from osint.wiring import runner_for
from projections.audit import audit
from projections.nearcopies import PERMUTATIONS, THRESHOLD, shingles, signature, similarity
from tests.projections.nearcopy_texts import (
    BYLINE,
    ONE_SENTENCE_REWRITTEN,
    OTHER_STORY,
    STORY,
    TAG_LINE,
    TITLE_CASE,
    TWO_SENTENCES_CUT,
)

T0 = datetime(2024, 11, 8, 9, 0, tzinfo=UTC)


def datasketch_signature(found: set[str]) -> bytes:
    """The signature datasketch itself makes (`MinHash(num_perm=64, seed=1, crc32)`, its
    "affine32" scheme): the reference our numpy `signature` must equal."""
    from datasketch import MinHash

    sketch = MinHash(num_perm=PERMUTATIONS, seed=1, hashfunc=zlib.crc32, scheme="affine32")
    if found:
        sketch.update_batch(sorted(s.encode() for s in found))
    return np.asarray(sketch.hashvalues, dtype=">u4").tobytes()


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        BYLINE,
        OTHER_STORY,
        "",
        "...",
        "Ceasefire",
        "Talks resumed",
        "Talks resumed today",
        "Rescue teams in the port city said at least 40 people were pulled from the rubble.",
        "Émigrés in Zürich said 1,200 families had left; officials did not confirm the figure.",
    ],
)
def test_the_numpy_signature_is_the_one_datasketch_computes(text: str):
    assert signature(text) == datasketch_signature(shingles(text))
    assert len(signature(text)) == 64 * 4


@pytest.mark.parametrize(
    ("copy", "low", "high"),
    [
        (BYLINE, 0.90, 1.0),
        (TAG_LINE, 0.90, 1.0),
        (TITLE_CASE, 1.0, 1.0),
        (ONE_SENTENCE_REWRITTEN, THRESHOLD, 0.90),
        (TWO_SENTENCES_CUT, THRESHOLD, 0.90),
        (OTHER_STORY, 0.0, 0.25),
    ],
    ids=["byline", "tag line", "case", "one sentence", "two cut", "other story"],
)
def test_the_similarity_of_edited_copies(copy: str, low: float, high: float):
    assert low <= similarity(signature(STORY), signature(copy)) <= high


def _ingest(store: EventStore, source: str, text: str, hours: int) -> None:
    ingest_observations(
        store,
        [Observation(source, "story", text, published_at=T0 + timedelta(hours=hours))],
        observed_at=T0 + timedelta(hours=hours),
    )


def test_copies_with_edits_count_as_one_origin_copied_by_the_others(store: EventStore):
    _ingest(store, "global-wire", STORY, 0)
    _ingest(store, "daily-ledger", BYLINE, 1)
    _ingest(store, "courier", TAG_LINE, 2)
    _ingest(store, "morning-post", ONE_SENTENCE_REWRITTEN, 3)
    _ingest(store, "front-line-news", OTHER_STORY, 4)
    runner_for(store, workers=0).catch_up()
    timeline = audit(store, "troops/north-korea")
    assert timeline.summary.origins == (
        ("global-wire", "courier", "daily-ledger", "morning-post"),
        ("front-line-news",),
    )
    # The five "About 3,000" figures: the first, three copies, then an independent source.
    three_thousand = [s for s in timeline.steps if s.figure["low"] == 3000]
    assert [(s.figure["source_id"], s.corroboration) for s in three_thousand] == [
        ("global-wire", 1),
        ("daily-ledger", 1),
        ("courier", 1),
        ("morning-post", 1),
        ("front-line-news", 2),
    ]


def test_a_replay_assigns_the_same_origins(store: EventStore):
    for hours, (source, text) in enumerate(
        [("a", STORY), ("b", TAG_LINE), ("c", OTHER_STORY), ("d", BYLINE)]
    ):
        _ingest(store, source, text, hours)
    runner = runner_for(store, workers=0)
    runner.catch_up()
    before = audit(store, "troops/north-korea").summary.origins
    runner.replay()
    assert (
        audit(store, "troops/north-korea").summary.origins
        == before
        == (
            ("a", "b", "d"),
            ("c",),
        )
    )
