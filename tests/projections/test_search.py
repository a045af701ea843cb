"""The search view: full text over the latest revision of each report, the same answers on
SQLite (FTS5) and PostgreSQL (tsvector), user input never read as query syntax, and a rebuilt
index equal to one built as the log grew."""

from __future__ import annotations

import pytest

from events import EventStore
from osint.wiring import all_projectors
from projections.errors import BadSearch
from projections.runner import ProjectionRunner
from projections.search import SearchProjector, parse_query, search_reports
from tests.audit.scenario import load
from tests.projections.helpers import dump_view


@pytest.fixture
def scenario(store: EventStore) -> EventStore:
    load(store)
    ProjectionRunner(store, all_projectors()).catch_up()
    return store


def titles(results) -> list[str]:  # type: ignore[no-untyped-def]
    return [h.report["title"] for h in results.hits]


def test_words_phrases_and_prefixes(scenario: EventStore):
    found = search_reports(scenario, "Pentagon")
    assert titles(found) == ["Pentagon: North Korean troops have moved into Russia"]
    assert found.total == 1
    (hit,) = found.hits
    assert [f["text"] for f in hit.figures] == ["about 10,000"]
    assert ("Pentagon", True) in hit.snippet
    # every word must be there, in the title or the text
    assert titles(search_reports(scenario, "kursk lawmakers")) == [
        "Seoul raises its estimate of North Korean troops in Russia"
    ]
    # a phrase keeps its words together and in order
    assert search_reports(scenario, '"kursk region"').total == 6
    assert search_reports(scenario, '"region kursk"').total == 0
    # a prefix
    assert titles(search_reports(scenario, "zelen*")) == [
        "Zelensky: North Korean troops fighting alongside Russian forces"
    ]


def test_a_revision_replaces_the_text_searched(scenario: EventStore):
    found = search_reports(scenario, "updated to correct")
    assert titles(found) == ["Kyiv: North Korean units have reached Kursk"]
    assert found.hits[0].report["revision"] == 2
    assert [f["text"] for f in found.hits[0].figures] == ["around 11,000"]
    assert search_reports(scenario, '"around 10,000"').total == 0


def test_pages_by_cursor_newest_first(scenario: EventStore):
    everything = search_reports(scenario, "korean", limit=50)
    assert everything.total == 12 and everything.next_cursor is None
    dates = [h.report["effective_at"] for h in everything.hits]
    assert dates == sorted(dates, reverse=True)
    seen, cursor = [], None
    while True:
        page = search_reports(scenario, "korean", limit=5, cursor=cursor)
        seen += [h.report["stream_id"] for h in page.hits]
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == [h.report["stream_id"] for h in everything.hits]


@pytest.mark.parametrize(
    "typed",
    ['"', "*", "AND OR NOT", "NEAR(a b)", "title:x", "'; DROP TABLE x; --", "a\x00b", "(((", "^x"],
)
def test_query_syntax_from_a_person_is_only_words(scenario: EventStore, typed: str):
    try:
        search_reports(scenario, typed)
    except BadSearch as exc:
        assert "at least one word" in str(exc)


def test_bad_searches_are_one_line():
    with pytest.raises(BadSearch, match="at least one word"):
        parse_query('  ** "" ')
    with pytest.raises(BadSearch, match="at most 500"):
        parse_query("x" * 501)
    with pytest.raises(BadSearch, match="at most 16 words"):
        parse_query(" ".join(["w"] * 17))
    assert [str(p) for p in parse_query('"Kursk  region" troop* north-korean')] == [
        '"kursk region"',
        "troop*",
        '"north korean"',
    ]


def test_a_replay_builds_the_same_index(scenario: EventStore):
    before = dump_view(scenario, SearchProjector())
    ProjectionRunner(scenario, all_projectors()).replay()
    assert dump_view(scenario, SearchProjector()) == before
    assert search_reports(scenario, "Pentagon").total == 1
