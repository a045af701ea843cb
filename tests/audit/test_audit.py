"""The audit of the scenario: exact timeline, change labels, independent corroboration, time
travel checked against real replays of the log, and provenance drill-downs."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from events import EventStore, decode
from osint.wiring import all_projectors, open_store
from projections.audit import (
    Cutoff,
    UnknownFigure,
    UnknownReport,
    audit,
    dated_time,
    figure_chain,
    make_cutoff,
    report_history,
    resolve_topic,
    topic_estimates,
)
from projections.errors import UnknownTopic
from projections.runner import ProjectionRunner
from projections.timefmt import iso_utc
from tests.audit.conftest import copy_log
from tests.audit.scenario import COURIER_URL, REPORTS, TOPIC, at, load

# figure id, change, independent sources behind its figure, low, high, source, hedged
NOW = [
    ("1-0", "first report", 1, None, 3000, "seoul-herald", True),
    ("2-0", "corroborated", 2, None, 3000, "wire-east", False),
    ("3-0", "repeated", 2, None, 3000, "daily-ledger", False),
    ("4-0", "raised", 1, 10000, 10000, "wire-east", False),
    ("10-0", "raised", 1, 11000, 11000, "kyiv-courier", False),
    ("6-0", "contradicted", 1, 10000, 10000, "atlantic-monitor", False),
    ("7-0", "corroborated", 2, 11000, 11000, "seoul-herald", False),
    ("8-0", "repeated", 2, 11000, 11000, "seoul-herald", False),
    ("9-0", "widened", 1, 10000, 12000, "daily-ledger", False),
    ("12-0", "narrowed", 1, 12000, 12000, "wire-east", True),
    ("13-0", "widened", 1, 12000, None, "kyiv-courier", False),
]


def rows(timeline) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [
        (
            s.figure["figure_id"],
            s.change,
            s.corroboration,
            s.figure["low"],
            s.figure["high"],
            s.figure["source_id"],
            s.figure["hedged"],
        )
        for s in timeline.steps
    ]


def text_of(key: str) -> str:
    return next(r.text for r in REPORTS if r.key == key)


def test_the_timeline_now(sqlite_scenario: EventStore):
    timeline = audit(sqlite_scenario, TOPIC)
    assert rows(timeline) == NOW
    assert [s.index for s in timeline.steps] == list(range(1, 12))
    # the syndicated copy counts with wire-east, which carried the story first
    assert timeline.steps[2].origins == (("seoul-herald",), ("wire-east", "daily-ledger"))
    # several reports of seoul-herald count once
    assert timeline.steps[7].origins == (("kyiv-courier",), ("seoul-herald",))
    s = timeline.summary
    assert s.current is timeline.steps[-1]
    assert (s.figures, s.asserted, s.denied) == (11, 10, 1)
    assert (s.low, s.high) == (3000, 12000)
    assert s.origins == (
        ("seoul-herald",),
        ("wire-east", "daily-ledger"),
        ("kyiv-courier",),
        ("daily-ledger",),
    )
    assert [d.figure["figure_id"] for d in s.denials] == ["6-0"]
    assert timeline.steps[0].figure["text"] == "up to 3,000"
    assert timeline.steps[-1].figure["text"] == "more than 12,000"
    assert (timeline.view_position, timeline.head) == (13, 13)


def test_topic_names_are_tolerant(sqlite_scenario: EventStore):
    known = [t.topic for t in topic_estimates(sqlite_scenario)]
    assert known == ["troops/north-korea", "killed/north-korea", "killed/russia"]
    for name in (
        "troops/north-korea",
        "Troops / North Korea",
        "troops/north korea",
        "TROOPS/the North-Korea",
        "troops/dprk",  # an alias of the actor
        "soldiers/Pyongyang",  # aliases of both
        "troops",  # a bare category naming one topic
    ):
        assert resolve_topic(name, known) == TOPIC, name
    assert resolve_topic("russia", known) == "killed/russia"
    assert resolve_topic("deaths/the Kremlin", known) == "killed/russia"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        # a close spelling, or another actor spelled alike, is never taken for the topic
        ("troops/south-korea", "no topic troops/south-korea; did you mean troops/north-korea?"),
        ("troops/north-corea", "no topic troops/north-corea; did you mean troops/north-korea"),
        ("North-Korea", "'North-Korea' names several topics: killed/north-korea, troops/north"),
        ("nonsense", "no topic 'nonsense': a topic is CATEGORY/ACTOR, such as troops/north-korea"),
        ("wounded/ukraine", "no topic wounded/ukraine (from 'wounded/ukraine'); known topics:"),
    ],
)
def test_a_topic_that_is_not_known_is_an_error_naming_the_close_ones(
    sqlite_scenario: EventStore, name: str, message: str
):
    known = [t.topic for t in topic_estimates(sqlite_scenario)]
    with pytest.raises(UnknownTopic) as caught:
        resolve_topic(name, known)
    assert str(caught.value).startswith(message)


# as-of moment, the log position it means, and the timeline then
AS_OF = [
    (
        "2024-10-25T00:00",
        3,
        [
            ("1-0", "first report", 1, None, 3000, "seoul-herald", True),
            ("2-0", "corroborated", 2, None, 3000, "wire-east", False),
            ("3-0", "repeated", 2, None, 3000, "daily-ledger", False),
        ],
    ),
    (
        "2024-11-05T12:00",
        9,
        [
            *NOW[:4],
            ("5-0", "corroborated", 2, 10000, 10000, "kyiv-courier", False),
            ("6-0", "contradicted", 1, 10000, 10000, "atlantic-monitor", False),
            ("7-0", "raised", 1, 11000, 11000, "seoul-herald", False),
            ("8-0", "repeated", 1, 11000, 11000, "seoul-herald", False),
            ("9-0", "widened", 1, 10000, 12000, "daily-ledger", False),
        ],
    ),
    ("2024-11-10T00:00", 11, NOW[:9]),
]


@pytest.mark.parametrize(("moment", "position", "expected"), AS_OF)
def test_as_of_equals_a_replay_of_the_truncated_log(
    scenario: EventStore, db_url: str, tmp_path: Path, moment: str, position: int, expected
):
    cutoff = make_cutoff(scenario, as_of=at(moment))
    assert cutoff == Cutoff(position, iso_utc(at(moment)), None)
    then = audit(scenario, TOPIC, cutoff)
    assert rows(then) == expected

    # A second log holding the same events, its views replayed up to that position.
    other = open_store(f"sqlite:///{tmp_path / 'replayed.db'}")
    try:
        copy_log(scenario, other)
        ProjectionRunner(other, all_projectors()).replay(until=position)
        replayed = audit(other, TOPIC)
        assert replayed.view_position == position
        assert [
            (s.index, s.change, s.corroboration, s.origins, dict(s.figure)) for s in replayed.steps
        ] == [(s.index, s.change, s.corroboration, s.origins, dict(s.figure)) for s in then.steps]
        assert replayed.summary == then.summary
    finally:
        other.close()


def _content(timeline) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Steps without what depends on log positions (ids and positions differ in a filtered log)."""
    return [
        (
            s.change,
            s.corroboration,
            s.origins,
            s.figure["event_id"],
            s.figure["start"],
            s.figure["text"],
            s.figure["low"],
            s.figure["high"],
            s.figure["revision"],
        )
        for s in timeline.steps
    ]


@pytest.mark.parametrize(
    ("as_of", "before", "figures"),
    [
        (None, "2024-11-01T00:00", ["1-0", "2-0", "3-0", "4-0", "10-0"]),
        ("2024-11-05T12:00", "2024-11-01T00:00", ["1-0", "2-0", "3-0", "4-0", "5-0"]),
        (None, "2024-11-05T06:00", ["1-0", "2-0", "3-0", "4-0", "10-0", "6-0", "7-0", "8-0"]),
    ],
)
def test_published_before_equals_a_replay_of_the_reports_dated_before(
    sqlite_scenario: EventStore, tmp_path: Path, as_of, before, figures
):
    cutoff = make_cutoff(
        sqlite_scenario, as_of=at(as_of) if as_of else None, published_before=at(before)
    )
    answer = audit(sqlite_scenario, TOPIC, cutoff)
    assert [s.figure["figure_id"] for s in answer.steps] == figures

    limit = cutoff.position or 10**9
    other = open_store(f"sqlite:///{tmp_path / 'dated.db'}")
    try:
        copy_log(
            sqlite_scenario,
            other,
            lambda e: e.position <= limit and dated_time(decode(e)) < iso_utc(at(before)),
        )
        ProjectionRunner(other, all_projectors()).replay()
        assert _content(audit(other, TOPIC)) == _content(answer)
    finally:
        other.close()


def test_a_revision_dated_after_the_cutoff_leaves_the_earlier_one_live(tmp_path: Path):
    """A revision with a new publication date: published-before an in-between date shows the
    first revision, as a replay of only the events dated before it does."""
    from ingest.observation import Observation
    from ingest.run import ingest_observations

    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    other = open_store(f"sqlite:///{tmp_path / 'dated.db'}")
    try:
        for text, published in (
            (
                "Officials said on Monday that about 5,000 North Korean troops were in Russia.",
                "2024-10-07T08:00",
            ),
            (
                "Officials said on Thursday that about 8,000 North Korean troops were in Russia.",
                "2024-10-10T08:00",
            ),
        ):
            ingest_observations(
                store,
                [Observation("desk", "story", text, published_at=at(published))],
                observed_at=at(published),
            )
        ProjectionRunner(store, all_projectors()).catch_up()
        before = at("2024-10-09T00:00")
        answer = audit(store, TOPIC, make_cutoff(store, published_before=before))
        assert [(s.figure["figure_id"], s.figure["low"]) for s in answer.steps] == [("1-0", 5000)]
        assert [s.figure["low"] for s in audit(store, TOPIC).steps] == [8000]
        copy_log(store, other, lambda e: dated_time(decode(e)) < iso_utc(before))
        ProjectionRunner(other, all_projectors()).replay()
        assert _content(audit(other, TOPIC)) == _content(answer)
    finally:
        store.close()
        other.close()


def test_a_figure_drills_down_to_its_sentence_and_hash(sqlite_scenario: EventStore):
    chain = figure_chain(sqlite_scenario, "10-0")
    text = text_of("k1r2")
    f = chain.figure
    assert f["text"] == "around 11,000"
    assert text[f["start"] : f["end"]] == "around 11,000"
    assert f["sentence"] == (
        "Ukraine's defence intelligence agency said on Wednesday that around 11,000 North"
        " Korean soldiers were now in Russia."
    )
    assert f["content_sha256"] == hashlib.sha256(text.encode()).hexdigest()
    assert (f["revision"], chain.revisions) == (2, [1, 2])
    assert chain.event.position == 10
    assert chain.event.hash == sqlite_scenario.get(10).hash
    assert chain.event.data.text == text
    assert chain.source.source_id == "kyiv-courier" and chain.source.reports == 2
    assert f["extractor_version"] and chain.rules
    assert [(c.name, c.ok) for c in chain.checks] == [
        ("event", True),
        ("content hash", True),
        ("span", True),
        ("sentence", True),
        ("event hash", True),
        ("chain link", True),
    ]
    assert chain.step is not None and (chain.step.index, chain.step.change) == (5, "raised")

    old = figure_chain(sqlite_scenario, "5-0")
    assert (old.figure["text"], old.figure["superseded_at"], old.step) == (
        "around 10,000",
        10,
        None,
    )
    assert old.figure["content_sha256"] == hashlib.sha256(text_of("k1").encode()).hexdigest()
    with pytest.raises(UnknownFigure, match="no figure '99-0'"):
        figure_chain(sqlite_scenario, "99-0")
    with pytest.raises(UnknownFigure, match="not a figure id"):
        figure_chain(sqlite_scenario, "latest")


def test_a_report_shows_its_revisions_and_the_diff(sqlite_scenario: EventStore):
    history = report_history(sqlite_scenario, COURIER_URL)
    assert history.stream_id == "report/kyiv-courier/news/2024-10-30-defence-intelligence"
    assert [r.event.position for r in history.revisions] == [5, 10]
    assert [[f["figure_id"] for f in r.figures] for r in history.revisions] == [["5-0"], ["10-0"]]
    (diff,) = history.diffs
    changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == [
        "-Ukraine's defence intelligence agency said on Wednesday that around 10,000 North"
        " Korean soldiers were now in Russia.",
        "+Ukraine's defence intelligence agency said on Wednesday that around 11,000 North"
        " Korean soldiers were now in Russia.",
        "+This article has been updated to correct the number of soldiers.",
    ]
    for name in (
        "10",
        "10-0",
        "kyiv-courier/news/2024-10-30-defence-intelligence",
        "news/2024-10-30-defence-intelligence",
        history.stream_id,
    ):
        assert report_history(sqlite_scenario, name).stream_id == history.stream_id
    with pytest.raises(UnknownReport, match=r"no report 'https://nowhere\.example/x'"):
        report_history(sqlite_scenario, "https://nowhere.example/x")


def test_topics_with_their_current_estimate(sqlite_scenario: EventStore):
    estimates = {t.topic: t for t in topic_estimates(sqlite_scenario)}
    troops = estimates[TOPIC].summary
    assert (troops.figures, troops.current.figure["figure_id"]) == (11, "13-0")
    killed = estimates["killed/russia"].summary
    assert (killed.figures, killed.current.figure["low"]) == (1, 1500)
    early = topic_estimates(sqlite_scenario, make_cutoff(sqlite_scenario, until=3))
    assert [(t.topic, t.summary.figures) for t in early] == [(TOPIC, 3)]


def test_partial_load_matches_the_as_of_answer(sqlite_url: str, sqlite_scenario: EventStore):
    """Ingesting only the reports seen by 2024-11-05 noon gives the as-of answer too."""
    store = open_store(sqlite_url.replace("log.db", "partial.db"))
    try:
        load(store, until="d2")
        ProjectionRunner(store, all_projectors()).catch_up()
        then = audit(
            sqlite_scenario, TOPIC, make_cutoff(sqlite_scenario, as_of=at("2024-11-05T12:00"))
        )
        assert rows(audit(store, TOPIC)) == rows(then)
    finally:
        store.close()
