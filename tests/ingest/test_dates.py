"""Publication dates keep their time of day and zone: pages (each way a page states it), feeds
and Telegram exports, polled over HTTP into a real log; and a `--published-before` cut-off an
hour after a page's 21:00Z publication keeps it, one half an hour before drops it."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from pytest_httpserver import HTTPServer

from ingest.fetch import Fetcher
from ingest.page import read_page
from ingest.poller import Poller
from ingest.sources import Source
from osint.wiring import open_store
from tests.ingest.cli import osint

BODY = (
    "<body><nav><a href='/'>Home</a></nav><article><h1>Troops reach the border</h1>"
    "<p>About 11,000 North Korean troops have arrived in the Kursk region, a defence ministry"
    " spokesman said on Monday evening.</p><p>Residents of two villages near the border were"
    " told to stay indoors while the columns passed through, the regional governor said.</p>"
    "</article></body></html>"
)


def page(head: str, body: str = BODY) -> bytes:
    return f"<!doctype html><html><head><title>Troops</title>{head}</head>{body}".encode()


JSON_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
    '{"@type": "WebPage"}, {"@type": "NewsArticle", "headline": "Troops",'
    ' "datePublished": "2024-11-04T22:00:00+01:00", "dateModified": "2024-11-05T08:00:00Z"}]}'
    "</script>"
)
CASES = {
    "article-meta": page('<meta property="article:published_time" content="2024-11-04T21:00:00Z">'),
    "og-meta": page('<meta property="og:published_time" content="2024-11-04T23:00:00+02:00">'),
    "itemprop-meta": page('<meta itemprop="datePublished" content="2024-11-04T16:00:00-05:00">'),
    "json-ld": page(JSON_LD),
    "time-element": page(
        "",
        BODY.replace("<h1>", '<time datetime="2024-11-05T02:30:00+05:30">5 November</time><h1>', 1),
    ),
    "modified-first": page(
        '<meta property="article:modified_time" content="2024-11-06T10:00:00Z">'
        '<meta property="article:published_time" content="2024-11-04T21:00:00Z">'
    ),
}
MOMENT = datetime(2024, 11, 4, 21, 0, tzinfo=UTC)


@pytest.mark.parametrize("name", sorted(CASES))
def test_page_dates_keep_time_and_zone(name: str) -> None:
    url = f"https://courier.example.org/2024/11/04/{name}"  # the URL's date has no time
    assert read_page(CASES[name], "courier", url).published_at == MOMENT


@pytest.mark.parametrize(
    ("head", "url", "expected"),
    [
        ('<meta property="article:published_time" content="2024-11-04">', "/a", MOMENT.date()),
        ("", "/2024/11/04/troops", MOMENT.date()),  # only the URL dates it
        ('<meta property="article:published_time" content="2024-11-04T21:00:00">', "/a", MOMENT),
    ],
)
def test_a_date_alone_is_midnight_utc_and_a_time_without_zone_is_utc(
    head: str, url: str, expected: object
) -> None:
    published = read_page(page(head), "courier", f"https://courier.example.org{url}").published_at
    if isinstance(expected, datetime):
        assert published == expected
    else:
        assert published == datetime(2024, 11, 4, tzinfo=UTC)


def test_a_date_only_in_the_prose_leaves_the_page_undated_without_loading_dateparser() -> None:
    """The old extensive search sent this byline to dateparser, which took about 1.5 s and 45 MB
    on first use and dated the page 1 January 2024."""
    body = BODY.replace("<h1>", "<p class='byline'>Опубликовано 4 ноября 2024 года</p><h1>", 1)
    script = (
        "import sys; from ingest.page import read_page;"
        "o = read_page(sys.stdin.buffer.read(), 'c', 'https://courier.example.org/troops');"
        "print(o.published_at, 'dateparser' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=page("", body),
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.decode().split() == ["None", "False"]


TELEGRAM = {
    "name": "Valley Updates",
    "type": "public_channel",
    "id": 1766553092,
    "messages": [
        {
            "id": 9,
            "type": "message",
            "date": "2024-11-04T22:00:00",
            "date_unixtime": "1730754000",
            "text": "Evening update: the ring road reopened at 20:45.",
        }
    ],
}
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid>w-1</guid><title>Ring road reopens</title>
<pubDate>Mon, 04 Nov 2024 22:00:00 +0100</pubDate>
<description>The ring road reopened on Monday evening.</description></item>
</channel></rss>"""


def test_feeds_pages_and_telegram_keep_times_in_the_log(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/rss").respond_with_data(RSS, content_type="application/rss+xml")
    httpserver.expect_request("/2024/11/04/troops").respond_with_data(
        CASES["article-meta"], content_type="text/html"
    )
    export = tmp_path / "result.json"
    export.write_bytes(orjson.dumps(TELEGRAM))
    sources = [
        Source(id="wire", kind="feed", url=httpserver.url_for("/rss"), every="1h"),
        Source(id="courier", kind="page", url=httpserver.url_for("/2024/11/04/troops"), every="1h"),
        Source(id="valley", kind="telegram", path=export, every="1h"),
    ]
    sources = [s.model_copy(update={"allow_private": True}) for s in sources]
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        with Fetcher() as fetcher:
            poller = Poller(store, fetcher, owner="test")
            poller.prepare(sources)
            assert [o.appended for o in poller.poll_due(sources)] == [1, 1, 1]
        published = {
            e.payload["source_id"]: e.payload["published_at"]
            for e in store.read()
            if e.type == "ReportObserved"
        }
    finally:
        store.close()
    assert published == {
        "wire": "2024-11-04T21:00:00Z",
        "courier": "2024-11-04T21:00:00Z",
        "valley": "2024-11-04T21:00:00Z",
    }


def test_published_before_cuts_at_the_time_of_day(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/2024/11/04/troops").respond_with_data(
        CASES["article-meta"], content_type="text/html"
    )
    (tmp_path / "sources.toml").write_text(
        f'[[source]]\nid = "courier"\nkind = "page"\n'
        f'url = "{httpserver.url_for("/2024/11/04/troops")}"\nevery = "1h"\nallow_private = true\n'
    )
    db = f"sqlite:///{tmp_path / 'log.db'}"

    def run(*args: str) -> str:
        done = osint("--db", db, *args, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("ingest", "--sources", "sources.toml", "--once")
    after = orjson.loads(
        run("topics", "--published-before", "2024-11-04T21:30:00Z", "--format", "json")
    )
    before = orjson.loads(
        run("topics", "--published-before", "2024-11-04T20:30:00Z", "--format", "json")
    )
    assert [t["topic"] for t in after["topics"]] == ["troops/north-korea"]
    assert after["topics"][0]["current_published_at"] == "2024-11-04T21:00:00.000000Z"
    assert before["topics"] == []
