"""Reports are hostile input: titles, links and texts holding `<script>`, event handlers,
`javascript:` links and broken markup, ingested through a real feed server, must come out of
every page as inert text (and the JSON a page carries must still be the JSON of its twin)."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import httpx
import pytest
from pytest_httpserver import HTTPServer

from events import EventStore
from tests.web.conftest import poll_hostile_feed
from tests.web.hostile import TOPIC

LIVE_MARKUP = re.compile(
    r"<script>alert|<img src=x|<svg onload|<a href=\"javascript:|<!--<script>|<b><i>unclosed"
    r"|href=\"javascript:|window\.pwned=1</script>",
    re.IGNORECASE,
)


@pytest.fixture
def hostile(scenario: EventStore, httpserver: HTTPServer, client: httpx.Client) -> httpx.Client:
    poll_hostile_feed(scenario, httpserver)
    return client


def pages(client: httpx.Client) -> dict[str, str]:
    timeline = client.get(f"/api/topics/{TOPIC}").json()
    first = timeline["steps"][0]
    paths = [
        "/topics",
        f"/topics/{TOPIC}",
        f"/topics/{TOPIC}?figure={first['figure_id']}",
        f"/figures/{first['figure_id']}",
        f"/reports/{first['stream_id']}",
        "/search?q=border+report",
        "/claimants",
        "/sources",
    ]
    found = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        found[path] = response.text
    return found


def test_every_page_shows_hostile_reports_as_text(hostile: httpx.Client):
    timeline = hostile.get(f"/api/topics/{TOPIC}").json()
    assert [s["text"] for s in timeline["steps"]] == [f"about {n},000" for n in range(1, 6)]
    for path, html in pages(hostile).items():
        assert not LIVE_MARKUP.search(html), (path, LIVE_MARKUP.search(html))
    card = pages(hostile)[f"/figures/{timeline['steps'][0]['figure_id']}"]
    assert "Border report 0 &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in card
    # a javascript: link is shown as text, never as a link
    assert '<span class="inert">javascript:alert(&#39;link0&#39;)</span>' in card
    report = hostile.get(f"/reports/{timeline['steps'][1]['stream_id']}").text
    assert "&lt;img src=x onerror=alert(&#39;img&#39;)&gt;" in report


def test_the_json_a_page_carries_is_its_twin(hostile: httpx.Client):
    for step in hostile.get(f"/api/topics/{TOPIC}").json()["steps"]:
        path = f"/topics/{TOPIC}?figure={step['figure_id']}"
        html = hostile.get(path).text
        block = re.search(
            r'<script type="application/json" id="timeline-data">(.*?)</script>', html, re.S
        )
        assert block is not None
        assert "<" not in block.group(1)  # nothing in it can close it or open a comment
        carried = json.loads(block.group(1))
        twin = hostile.get("/api" + path).json()
        assert carried["steps"] == twin["steps"] and carried["card"] == twin["card"]
        assert carried["card"]["figure"]["title"].startswith("Border report")


def test_the_feed_and_the_csv_keep_hostile_text_as_text(hostile: httpx.Client):
    atom = hostile.get(f"/topics/{TOPIC}/changes.atom")
    feed = ET.fromstring(atom.content)  # well-formed whatever the reports held
    ns = {"a": "http://www.w3.org/2005/Atom"}
    contents = [e.find("a:content", ns) for e in feed.findall("a:entry", ns)]
    assert all(c is not None and c.get("type") == "text" for c in contents)
    assert any("<svg onload=alert('svg')>" in (c.text or "") for c in contents if c is not None)
    assert b"<svg onload" not in atom.content  # escaped in the XML
    csv_text = hostile.get(f"/api/topics/{TOPIC}.csv").text
    assert "<script>alert('title')</script>" in csv_text  # data, as it was written
    search = hostile.get("/api/search", params={"q": "script alert"}).json()
    assert search["total"] == 1
