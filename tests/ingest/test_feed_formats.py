"""Feed titles as their type says, and JSON Feed 1.0/1.1, read directly and polled over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from pytest_httpserver import HTTPServer

from ingest.feed import NotAFeed, read_feed
from ingest.fetch import Fetcher
from ingest.poller import Poller
from ingest.sources import Source
from osint.wiring import open_store

ATOM_TITLES = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Harbour Wire &amp; Partners</title>
  <id>tag:wire.example.org,2024:feed</id>
  <updated>2024-11-04T21:00:00Z</updated>
  <entry>
    <id>tag:wire.example.org,2024:1</id>
    <title type="text">Court rules on the &lt;blink&gt; tag ban</title>
    <updated>2024-11-04T21:00:00Z</updated>
    <content type="text">The court upheld the ban on Monday.</content>
  </entry>
  <entry>
    <id>tag:wire.example.org,2024:2</id>
    <title type="text">&lt;/example&gt;</title>
    <updated>2024-11-04T21:05:00Z</updated>
    <content type="text">A title that is only an escaped tag.</content>
  </entry>
  <entry>
    <id>tag:wire.example.org,2024:3</id>
    <title type="text">&amp;#39;AT&amp;amp;T&amp;#39; wins a spectrum auction</title>
    <updated>2024-11-04T21:10:00Z</updated>
    <content type="text">The auction closed at noon.</content>
  </entry>
  <entry>
    <id>tag:wire.example.org,2024:4</id>
    <title type="html">Ferries &lt;b&gt;resume&lt;/b&gt; after the storm</title>
    <updated>2024-11-04T21:15:00Z</updated>
    <content type="text">Ferries sailed again on Tuesday.</content>
  </entry>
</feed>
"""


def test_plain_text_titles_keep_their_words_and_html_titles_lose_their_tags() -> None:
    feed = read_feed(ATOM_TITLES, "wire", "http://127.0.0.1/atom.xml")
    assert feed.title == "Harbour Wire & Partners"
    assert [o.title for o in feed.observations] == [
        "Court rules on the <blink> tag ban",
        "</example>",
        "&#39;AT&amp;T&#39; wins a spectrum auction",
        "Ferries resume after the storm",
    ]


JSON_FEED_11 = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Valley Bulletin",
    "home_page_url": "https://bulletin.example.org/",
    "authors": [{"name": "Bulletin Desk"}],
    "items": [
        {
            "id": "vb-2024-1104-1",
            "url": "https://bulletin.example.org/2024/11/04/bridge",
            "title": "Bridge <span> closes for repairs",
            "content_html": "<p>The old bridge closed on Monday evening.</p>"
            "<p>About 1,200 vehicles a day will use the ring road.</p>",
            "date_published": "2024-11-04T21:00:00+01:00",
            "authors": [{"name": "Lena Ortiz"}, {"name": "Lena Ortiz"}, {"url": "x"}],
            "tags": ["roads", "bridge"],
        },
        {
            "id": 42,
            "external_url": "https://partner.example.net/shelters",
            "content_text": "Two shelters opened for 300 residents < the 500 expected.",
            "date_modified": "2024-11-05T06:30:00Z",
        },
        {
            "id": "vb-2024-1105-2",
            "title": "A date nobody can read",
            "content_text": "The council met.",
            "date_published": "last Tuesday",
        },
        "not an item",
    ],
}


def test_json_feed_1_1() -> None:
    feed = read_feed(orjson.dumps(JSON_FEED_11), "bulletin", "http://127.0.0.1/feed.json")
    assert (feed.version, feed.title, feed.error) == ("json11", "Valley Bulletin", None)
    bridge, shelters, council = feed.observations
    assert bridge.item_key == "vb-2024-1104-1"
    assert bridge.url == "https://bulletin.example.org/2024/11/04/bridge"
    assert bridge.title == "Bridge <span> closes for repairs"  # plain text by the spec
    assert bridge.text == (
        "The old bridge closed on Monday evening.\n\n"
        "About 1,200 vehicles a day will use the ring road."
    )
    assert bridge.published_at == datetime(2024, 11, 4, 20, 0, tzinfo=UTC)
    assert bridge.authors == ("Lena Ortiz",)
    assert bridge.raw["tags"] == ["roads", "bridge"]
    assert bridge.raw["feed_version"] == "json11"
    assert shelters.item_key == "42"
    assert shelters.url == "https://partner.example.net/shelters"
    assert shelters.text == "Two shelters opened for 300 residents < the 500 expected."
    assert shelters.published_at == datetime(2024, 11, 5, 6, 30, tzinfo=UTC)
    assert shelters.authors == ("Bulletin Desk",)  # the feed's authors
    assert council.published_at is None


def test_json_feed_1_0_with_a_single_author_and_a_bom() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Port Notices",
        "author": {"name": "Harbour Master"},
        "items": [{"id": "pn-7", "content_text": "Berth 4 reopens at 06:00."}],
    }
    feed = read_feed(b"\xef\xbb\xbf  \n" + orjson.dumps(document), "port", "port.json")
    (notice,) = feed.observations
    assert (feed.version, notice.item_key, notice.authors) == ("json1", "pn-7", ("Harbour Master",))
    assert notice.title is None and notice.text == "Berth 4 reopens at 06:00."


@pytest.mark.parametrize(
    "body",
    [b'{"items": []}', b'{"version": "2.0", "items": []}', b"[1, 2]", b'{"version": '],
)
def test_json_that_is_no_json_feed_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(NotAFeed, match=r"^feed\.json: not a feed"):
        read_feed(body, "x", "feed.json")


def test_a_json_feed_polled_over_http(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/feed.json").respond_with_data(
        orjson.dumps(JSON_FEED_11), content_type="application/feed+json"
    )
    url = httpserver.url_for("/feed.json")
    source = Source(id="bulletin", kind="feed", url=url, every="1h", allow_private=True)
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        with Fetcher() as fetcher:
            poller = Poller(store, fetcher, owner="test")
            poller.prepare([source])
            outcome = poller.poll_if_due(source)
        assert (outcome.status, outcome.appended) == ("ok", 3)
        (event,) = store.read_stream("report/bulletin/vb-2024-1104-1")
        assert event.payload["published_at"] == "2024-11-04T20:00:00Z"
        assert event.payload["raw"]["feed_version"] == "json11"
    finally:
        store.close()


def test_a_json_feed_version_url_written_with_http_is_read() -> None:
    document = {
        "version": "http://jsonfeed.org/version/1",
        "items": [{"id": "1", "url": "https://port.example.org/1", "content_text": "Open."}],
    }
    feed = read_feed(orjson.dumps(document), "port", "port.json")
    assert (feed.version, [o.text for o in feed.observations]) == ("json1", ["Open."])
