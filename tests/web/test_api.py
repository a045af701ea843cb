"""The HTTP API against the app on a real port (httpx), over the audit scenario, on SQLite and
PostgreSQL: exact values, the same as the library's and the commands', and the HTTP around
them (ETags and 304, cursors, CSV, Atom, OpenAPI, errors)."""

from __future__ import annotations

import csv
import dataclasses
import io
from xml.etree import ElementTree as ET

import httpx
import pytest
import sqlalchemy

from events import EventStore
from ingest.run import ingest_observations
from osint.render import STEP_COLUMNS
from osint.wiring import all_projectors
from projections.audit import audit, make_cutoff
from projections.runner import ProjectionRunner
from tests.audit.scenario import COURIER_URL, REPORTS, TOPIC, at
from tests.audit.test_audit import NOW

STEP_FIELDS = ("figure_id", "change", "corroboration", "low", "high", "source_id", "hedged")


def steps_of(body: dict) -> list[tuple]:  # type: ignore[type-arg]
    return [tuple(s[k] for k in STEP_FIELDS) for s in body["steps"]]


def test_topics(client: httpx.Client):
    body = client.get("/api/topics").json()
    rows = [
        (
            t["topic"],
            t["figures"],
            t["denied"],
            t["independent_sources"],
            t["range_low"],
            t["range_high"],
            t["current_bounds"],
            t["current_figure_id"],
            t["last_change"],
        )
        for t in body["topics"]
    ]
    assert rows == [
        ("troops/north-korea", 11, 1, 4, 3000, 12000, "≥ 12,000", "13-0", "widened"),
        ("killed/north-korea", 1, 0, 1, 200, 200, "~200", "11-0", "first report"),
        ("killed/russia", 1, 0, 1, 1500, 1500, "1,500", "13-1", "first report"),
    ]
    assert body["facets"]["category"] == [
        {"value": "killed", "count": 2},
        {"value": "troops", "count": 1},
    ]
    only = client.get("/api/topics", params={"category": "killed", "actor": "russia"}).json()
    assert [t["topic"] for t in only["topics"]] == ["killed/russia"]
    assert (only["matching"], only["total"]) == (1, 3)


def test_a_topic_timeline_is_the_audit(client: httpx.Client, scenario: EventStore):
    response = client.get(f"/api/topics/{TOPIC}")
    assert response.status_code == 200
    body = response.json()
    assert steps_of(body) == NOW
    s = body["summary"]
    assert (s["figures"], s["asserted"], s["denied"], s["independent_sources"]) == (11, 10, 1, 4)
    assert (s["range_low"], s["range_high"], s["current_figure_id"]) == (3000, 12000, "13-0")
    assert s["current_claimant"] == "President Volodymyr Zelensky"
    assert (body["view_position"], body["log_head"]) == (13, 13)
    marks = {st["figure_id"]: st["mark"] for st in body["steps"]}
    assert (marks["1-0"], marks["4-0"], marks["9-0"], marks["13-0"]) == (
        "upper",
        "point",
        "range",
        "lower",
    )
    denial = next(st for st in body["steps"] if st["denied"])
    assert (denial["figure_id"], denial["claimant"]) == ("6-0", "Russia's foreign ministry")
    assert denial["sentence_parts"][1] == "10,000"
    assert [r["figure_id"] for r in body["running_estimate"]] == [
        f for f, change, *_ in NOW if change != "contradicted"
    ]
    # the as-of control's moments: when each figure (or the revision that replaced one) was seen
    assert [m["position"] for m in body["moments"]] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13]
    # the same as the library, step for step
    assert [st["figure_id"] for st in body["steps"]] == [
        st.figure["figure_id"] for st in audit(scenario, TOPIC).steps
    ]


def test_time_travel_matches_the_library(client: httpx.Client, scenario: EventStore):
    for params in (
        {"as_of": "2024-11-01T00:00:00Z"},
        {"as_of": "2024-11-06"},
        {"until": 9},
        {"published_before": "2024-11-05"},
        {"as_of": "2024-11-12", "published_before": "2024-11-05"},
    ):
        body = client.get(f"/api/topics/{TOPIC}", params=params).json()
        cutoff = make_cutoff(
            scenario,
            at(params["as_of"].rstrip("Z")) if "as_of" in params else None,
            params.get("until"),
            at(params["published_before"]) if "published_before" in params else None,
        )
        expected = audit(scenario, TOPIC, cutoff)
        assert [st["figure_id"] for st in body["steps"]] == [
            st.figure["figure_id"] for st in expected.steps
        ], params
        assert body["cutoff"] == cutoff.to_dict()
    before = client.get(f"/api/topics/{TOPIC}", params={"as_of": "2024-10-28T16:00Z"}).json()
    assert steps_of(before) == NOW[:4]
    assert before["cutoff"]["position"] == 4
    both = client.get(f"/api/topics/{TOPIC}", params={"as_of": "2024-11-01", "until": 3})
    assert both.status_code == 400
    assert both.json()["error"] == "give a moment (as of) or a log position (until), not both"
    bad = client.get(f"/api/topics/{TOPIC}", params={"as_of": "yesterday"})
    assert bad.status_code == 400 and "is not a date or time" in bad.json()["error"]


def test_filters(client: httpx.Client):
    def ids(**params: str) -> list[str]:
        body = client.get(f"/api/topics/{TOPIC}", params=params).json()
        return [st["figure_id"] for st in body["steps"]]

    assert ids(source="seoul-herald") == ["1-0", "7-0", "8-0"]
    assert ids(hedged="yes") == ["1-0", "12-0"]
    assert ids(hedged="no", source="wire-east") == ["2-0", "4-0"]
    assert ids(claimant="The Pentagon") == ["4-0"]
    assert ids(claimant="Russia's foreign ministry") == ["6-0"]
    assert ids(claimant="nobody at all") == []
    body = client.get(f"/api/topics/{TOPIC}", params={"superseded": "true"}).json()
    assert [(f["figure_id"], f["superseded_at"]) for f in body["superseded"]] == [("5-0", 10)]
    assert client.get(f"/api/topics/{TOPIC}").json()["superseded"] == []
    facets = client.get(f"/api/topics/{TOPIC}").json()["facets"]["source"]
    assert [(f["value"], f["count"]) for f in facets] == [
        ("seoul-herald", 3),
        ("wire-east", 3),
        ("daily-ledger", 2),
        ("kyiv-courier", 2),
        ("atlantic-monitor", 1),
    ]


def test_cursor_pages_cover_the_timeline_once(client: httpx.Client):
    seen, cursor = [], None
    while True:
        params = {"limit": "4", **({"cursor": cursor} if cursor else {})}
        body = client.get(f"/api/topics/{TOPIC}", params=params).json()
        assert len(body["steps"]) <= 4 and body["matching"] == 11
        seen += [st["figure_id"] for st in body["steps"]]
        cursor = body["next"]
        if cursor is None:
            break
    assert seen == [row[0] for row in NOW]
    assert client.get(f"/api/topics/{TOPIC}", params={"cursor": "garbage"}).status_code == 400
    too_big = client.get(f"/api/topics/{TOPIC}", params={"limit": "100000"})
    assert too_big.status_code == 400 and "limit" in too_big.json()["error"]
    assert client.get("/api/search", params={"q": "korean", "limit": "101"}).status_code == 400


def test_etag_and_304_until_the_views_move(client: httpx.Client, scenario: EventStore):
    first = client.get(f"/api/topics/{TOPIC}")
    tag = first.headers["etag"]
    assert tag.startswith('W/"13-')
    again = client.get(f"/api/topics/{TOPIC}", headers={"If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    html = client.get(f"/topics/{TOPIC}", headers={"If-None-Match": tag})
    assert html.status_code == 304
    # a card's chain check is live: no ETag, never a 304
    card = client.get("/api/figures/4-0", headers={"If-None-Match": tag})
    assert card.status_code == 200 and "etag" not in card.headers
    # the log moves, the views do not (the app never projects): the tag moves with the head
    report = next(r for r in REPORTS if r.key == "w3")
    late = dataclasses.replace(report.observation(), item_key="late", text=report.text + " Late.")
    ingest_observations(scenario, [late], observed_at=at("2024-11-20T00:00"))
    moved = client.get(f"/api/topics/{TOPIC}", headers={"If-None-Match": tag})
    assert moved.status_code == 200 and moved.headers["etag"] != tag
    body = moved.json()
    assert (body["view_position"], body["log_head"]) == (13, 14)
    assert len(body["steps"]) == 11


def test_a_page_reads_the_generations_once_and_sees_a_rebuild_next(
    client: httpx.Client, scenario: EventStore
):
    """A request is pinned to the live generations it read with its ETag: one query of
    `projection_state` per page, however many views it reads; a rebuild that swaps every view's
    generation is what the very next request reads."""
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        statements.append(statement)

    sqlalchemy.event.listen(scenario.db.engine, "before_cursor_execute", seen)
    try:
        first = client.get(f"/api/topics/{TOPIC}")
        card = client.get("/api/figures/4-0")
    finally:
        sqlalchemy.event.remove(scenario.db.engine, "before_cursor_execute", seen)
    assert first.status_code == 200 and card.status_code == 200
    assert sum("projection_state" in s for s in statements) == 2, statements
    ProjectionRunner(scenario, all_projectors()).replay()
    moved = client.get(f"/api/topics/{TOPIC}", headers={"If-None-Match": first.headers["etag"]})
    assert moved.status_code == 200 and moved.headers["etag"] != first.headers["etag"]
    assert steps_of(moved.json()) == steps_of(first.json())
    assert moved.json()["moments"] == first.json()["moments"]
    assert client.get("/api/figures/4-0").json() == card.json()


def test_a_topic_spelled_otherwise_redirects_to_its_permalink(client: httpx.Client):
    response = client.get("/api/topics/Troops/North%20Korea", params={"source": "wire-east"})
    assert response.status_code == 308
    assert response.headers["location"] == "/api/topics/troops/north-korea?source=wire-east"
    html = client.get("/topics/TROOPS/north-korea")
    assert html.status_code == 308 and html.headers["location"] == "/topics/troops/north-korea"
    unknown = client.get("/api/topics/troops/nowhere")
    assert unknown.status_code == 404
    assert unknown.json()["error"] == "no topic troops/nowhere; did you mean troops/north-korea?"


def test_a_figure_with_its_chain_checked(client: httpx.Client):
    body = client.get("/api/figures/4-0").json()
    f = body["figure"]
    assert (f["text"], f["source_id"], f["position"], f["topic"]) == (
        "about 10,000",
        "wire-east",
        4,
        TOPIC,
    )
    assert body["sentence_parts"] == [
        "The Pentagon said on Monday that ",
        "about 10,000",
        " North Korean troops had moved into Russia.",
    ]
    names = ("event", "content hash", "span", "sentence", "event hash", "chain link")
    assert [(c["name"], c["ok"]) for c in body["checks"]] == [(n, True) for n in names]
    assert body["ok"] is True and body["change"] == "raised"
    assert body["event"]["position"] == 4 and len(body["event"]["hash"]) == 64
    assert client.get("/api/figures/99-0").status_code == 404
    assert client.get("/api/figures/not-a-figure").status_code == 404


def test_a_report_with_its_revisions_and_diff(client: httpx.Client):
    body = client.get("/api/reports/" + COURIER_URL).json()
    assert [r["revision"] for r in body["revisions"]] == [1, 2]
    assert [[f["figure_id"] for f in r["figures"]] for r in body["revisions"]] == [
        ["5-0"],
        ["10-0"],
    ]
    assert "+This article has been updated to correct the number of soldiers." in body["diffs"][0]
    assert [h["source_id"] for h in body["source_health"]] == ["kyiv-courier"]
    by_stream = client.get("/api/reports/" + body["stream_id"]).json()
    assert by_stream["stream_id"] == body["stream_id"]
    assert client.get("/api/reports/no-such-report").status_code == 404


def test_sources_and_claimants(client: httpx.Client):
    sources = client.get("/api/sources").json()["sources"]
    assert [(s["source_id"], s["reports_seen"], s["revisions"]) for s in sources] == [
        ("atlantic-monitor", 2, 2),
        ("daily-ledger", 2, 2),
        ("kyiv-courier", 2, 3),
        ("seoul-herald", 3, 3),
        ("wire-east", 3, 3),
    ]
    claimants = client.get("/api/claimants").json()["claimants"]
    assert claimants[0]["claimant"] == "A senior Ukrainian military intelligence official"
    assert claimants[0]["figures"] == 2
    assert sum(c["figures"] for c in claimants) == 13
    page = client.get("/api/claimants", params={"limit": 5}).json()
    rest = client.get("/api/claimants", params={"limit": 100, "cursor": page["next"]}).json()
    assert [c["claimant"] for c in page["claimants"] + rest["claimants"]] == [
        c["claimant"] for c in claimants
    ]


def test_search(client: httpx.Client):
    body = client.get("/api/search", params={"q": "Pentagon"}).json()
    assert body["total"] == 1
    (hit,) = body["hits"]
    assert hit["report"]["title"] == "Pentagon: North Korean troops have moved into Russia"
    assert [f["figure_id"] for f in hit["figures"]] == ["4-0"]
    assert {"text": "Pentagon", "match": True} in hit["snippet"]
    assert client.get("/api/search", params={"q": '"kursk region"'}).json()["total"] == 6
    assert client.get("/api/search").json() == {"query": None, "total": 0, "hits": [], "next": None}
    bad = client.get("/api/search", params={"q": '" * ( ^'})
    assert bad.status_code == 400
    assert bad.json()["error"] == "a search needs at least one word (letters or digits)"


def test_csv_downloads(client: httpx.Client):
    response = client.get(f"/api/topics/{TOPIC}.csv", params={"source": "seoul-herald"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == STEP_COLUMNS
    assert [r[STEP_COLUMNS.index("figure_id")] for r in rows[1:]] == ["1-0", "7-0", "8-0"]
    topics = list(csv.DictReader(io.StringIO(client.get("/api/topics.csv").text)))
    assert [(t["topic"], t["figures"]) for t in topics] == [
        ("troops/north-korea", "11"),
        ("killed/north-korea", "1"),
        ("killed/russia", "1"),
    ]
    assert "sparkline" not in topics[0]


def test_the_atom_feed_of_changes(client: httpx.Client):
    response = client.get(f"/topics/{TOPIC}/changes.atom")
    assert response.headers["content-type"] == "application/atom+xml"
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.fromstring(response.content)
    entries = [
        (
            e.find("a:link", ns).get("href").rsplit("=", 1)[1],  # type: ignore[union-attr]
            [c.get("term") for c in e.findall("a:category", ns)],
        )
        for e in feed.findall("a:entry", ns)
    ]
    by_id = dict(entries)
    assert by_id == {
        "2-0": ["new independent source"],  # wire-east after seoul-herald
        "4-0": ["raised"],
        "10-0": ["raised", "new independent source", "revision"],  # kyiv-courier's revision 2
        "6-0": ["contradicted"],
        "9-0": ["new independent source"],  # daily-ledger's own text, not wire-east's copy
    }
    # newest observation first
    assert [i for i, _ in entries] == ["10-0", "9-0", "6-0", "4-0", "2-0"]
    assert feed.find("a:id", ns).text == f"urn:osint:topic:{TOPIC}"  # type: ignore[union-attr]
    tag = response.headers["etag"]
    again = client.get(f"/topics/{TOPIC}/changes.atom", headers={"If-None-Match": tag})
    assert again.status_code == 304


def test_openapi_lists_every_twin(client: httpx.Client):
    spec = client.get("/openapi.json").json()
    assert sorted(spec["paths"]) == [
        "/api/claimants",
        "/api/claimants.csv",
        "/api/figures/{figure_id}",
        "/api/reports/{report_id}",
        "/api/search",
        "/api/search.csv",
        "/api/sources",
        "/api/sources.csv",
        "/api/topics",
        "/api/topics.csv",
        "/api/topics/{category}/{actor}",
        "/api/topics/{category}/{actor}.csv",
        "/topics/{category}/{actor}/changes.atom",
    ]
    params = {
        p["name"] for p in spec["paths"]["/api/topics/{category}/{actor}"]["get"]["parameters"]
    }
    assert {"as_of", "until", "published_before", "claimant", "source", "hedged"} <= params
    assert {"superseded", "figure", "cursor", "limit"} <= params


def test_every_page_has_a_json_twin(client: httpx.Client):
    for path in (
        "/topics",
        f"/topics/{TOPIC}",
        "/figures/4-0",
        f"/reports/{COURIER_URL}",
        "/sources",
        "/claimants",
        "/search?q=kursk",
    ):
        page, twin = client.get(path), client.get("/api" + path)
        assert page.status_code == twin.status_code == 200, path
        assert page.headers["content-type"] == "text/html; charset=utf-8"
        assert twin.headers["content-type"] == "application/json"
        assert 'href="/api' in page.text


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
def test_only_get_and_head(client: httpx.Client, method: str):
    response = client.request(method, f"/api/topics/{TOPIC}")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_head_and_the_security_headers(client: httpx.Client):
    head = client.head(f"/topics/{TOPIC}")
    assert head.status_code == 200 and head.content == b""
    page = client.get(f"/topics/{TOPIC}")
    assert page.headers["content-security-policy"] == (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in page.text  # no inline script: only src= and a JSON data block
    static = client.get("/static/timeline.js")
    assert static.status_code == 200 and "javascript" in static.headers["content-type"]
    assert static.headers["x-content-type-options"] == "nosniff"


def test_only_loopback_host_names_without_a_token(client: httpx.Client):
    rebound = client.get("/api/topics", headers={"Host": "attacker.example:8000"})
    assert rebound.status_code == 421
    assert client.get("/api/topics", headers={"Host": "localhost:8000"}).status_code == 200


def test_a_judged_figure_shows_its_judgment_in_the_card_and_the_timeline(
    scenario: EventStore, client: httpx.Client
):
    from click.testing import CliRunner

    from osint.cli import cli

    url = scenario.db.engine.url.render_as_string(hide_password=False)
    judged = CliRunner().invoke(
        cli,
        ["--db", url, "judge", "figure", "9-0", "--exclude", "duplicate", "--reason", "as 8-0"],
        env={"OSINT_ANALYST": "alice"},
    )
    assert judged.exit_code == 0, judged.output
    card = client.get("/api/figures/9-0").json()
    assert len(card["judged"]) == 1
    assert card["judged"][0].startswith("exclude (duplicate) by alice")
    assert card["judged"][0].endswith(": as 8-0")
    assert "exclude (duplicate) by alice" in client.get("/figures/9-0").text
    steps = client.get("/api/topics/troops/north-korea").json()["steps"]
    nine = next(s for s in steps if s["figure_id"] == "9-0")
    assert (nine["change"], nine["excluded"]) == ("excluded", "duplicate")
