"""The feed reader on documents we wrote: formats, keys, encodings, and feedparser's traps."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest

from ingest.feed import NotAFeed, item_keys, normalise_link, read_feed, strip_internal_subset

FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"


def read(name: str, headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return read_feed((FEEDS / name).read_bytes(), "desk", f"http://127.0.0.1/{name}", headers)


def test_rss2_entries_text_dates_and_authors() -> None:
    feed = read("rss2.xml")
    assert feed.version == "rss20"
    assert feed.error is None
    assert [o.item_key for o in feed.observations] == [
        "hw-2024-1101",
        "hw-2024-1102",
        "hw-2024-1103",
    ]
    first = feed.observations[0]
    assert first.title == "Ferry service resumes after storm"
    assert first.text == (
        "The island ferry sailed again on Friday after a three-day pause, the operator said."
        "\n\nAbout 400 passengers had waited in the port town & nearby villages."
    )
    assert first.published_at == datetime(2024, 11, 1, 8, 15, tzinfo=UTC)
    assert first.authors == ("Ines Carvalho",)
    assert first.url == "https://wire.example.org/world/2024/11/ferry-resumes"
    assert first.raw["feed_title"] == "Harbour Wire: World"


def test_atom_content_summary_and_offsets() -> None:
    feed = read("atom.xml")
    assert feed.version == "atom10"
    water, power = feed.observations
    assert water.item_key == "tag:monitor.example.net,2024:entry-77"
    assert water.title == "Water levels fall & roads reopen"
    assert water.text == (
        "River levels dropped by 40 centimetres overnight.\n\n"
        "Two mountain roads reopened on Monday evening."
    )
    assert water.published_at == datetime(2024, 11, 4, 16, 45, tzinfo=UTC)  # +02:00 → UTC
    assert water.authors == ("Petra Holm",)
    assert (
        power.text
        == "Electricity returned to nine of the eleven districts, the grid operator said."
    )
    assert power.published_at == datetime(2024, 11, 5, 9, 0, tzinfo=UTC)  # only <updated>


def test_rss1_rdf_about_is_the_key() -> None:
    feed = read("rss1.rdf")
    assert feed.version == "rss10"
    assert [o.item_key for o in feed.observations] == [
        "https://agency.example.com/bulletin/101",
        "https://agency.example.com/bulletin/102",
    ]
    assert feed.observations[1].published_at == datetime(2024, 11, 7, 7, 0, tzinfo=UTC)
    assert "3,500 children" in feed.observations[1].text


def test_windows_1251_declared_in_the_xml_header() -> None:
    feed = read("cp1251.xml", {"content-type": "application/rss+xml"})
    (item,) = feed.observations
    assert feed.title == "Северный вестник"
    assert item.title == "Мост через реку открыт"
    assert item.text == "Новый мост через реку открыли в четверг, движение восстановлено."
    assert item.published_at == datetime(2024, 11, 7, 3, 0, tzinfo=UTC)


def test_entry_without_guid_or_date() -> None:
    market, library = read("no_guid.xml").observations
    # No GUID: the normalised link (scheme/host lower-cased, :80, utm_* and fragment dropped).
    assert market.item_key == "http://notices.example.org/market"
    assert market.published_at is None
    # Neither GUID nor link: a hash of title, date and content, stable across polls.
    assert library.item_key.startswith("sha256:")
    assert library.item_key == read("no_guid.xml").observations[1].item_key
    assert library.published_at is None


@pytest.mark.parametrize(
    ("entries", "keys"),
    [
        ([{"id": "a"}, {"id": "b"}], ["a", "b"]),
        (
            [{"id": "same", "link": "http://x.org/1"}, {"id": "same", "link": "http://x.org/2"}],
            ["same http://x.org/1", "same http://x.org/2"],
        ),
        ([{"link": "https://X.org/a#frag"}], ["https://x.org/a"]),
    ],
)
def test_item_key_rules(entries: list[dict[str, str]], keys: list[str]) -> None:
    assert item_keys([feedparser.FeedParserDict(e) for e in entries]) == keys


def test_normalise_link() -> None:
    assert normalise_link("HTTPS://News.Example.org:443/a?utm_medium=rss&id=7#c") == (
        "https://news.example.org/a?id=7"
    )


def test_malformed_xml_yields_what_it_can_and_keeps_the_error() -> None:
    feed = read("malformed.xml")
    assert [o.item_key for o in feed.observations] == ["broken-1", "broken-2"]
    assert feed.error is not None and "not well-formed" in feed.error
    assert feed.observations[0].raw["feed_error"] == feed.error
    assert feed.observations[0].text == (
        "The clinic opened a second ward with 30 beds & a new pharmacy."
    )


def test_html_page_is_not_an_empty_feed() -> None:
    with pytest.raises(NotAFeed, match=r"challenge\.html: not a feed"):
        read("challenge.html")


def test_body_that_is_a_local_path_is_not_opened(tmp_path: Path) -> None:
    local = tmp_path / "private-feed.xml"
    local.write_bytes((FEEDS / "rss2.xml").read_bytes())
    # The trap: feedparser opens a path it is given as a string.
    assert len(feedparser.parse(str(local)).entries) == 3
    with pytest.raises(NotAFeed):
        read_feed(str(local).encode(), "desk", "http://127.0.0.1/feed")


def _doc(subset: str, body: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n{subset}\n]>\n<rss version="2.0"><channel>'
        f"<title>t</title><item><title>bomb</title><guid>g1</guid>"
        f"<description>{body}</description></item></channel></rss>"
    ).encode()


def test_billion_laughs_is_not_expanded() -> None:
    lines = ['<!ENTITY lol "lol">']
    for n in range(1, 10):
        prev = "lol" if n == 1 else f"lol{n - 1}"
        lines.append(f'<!ENTITY lol{n} "{("&" + prev + ";") * 10}">')
    feed = read_feed(_doc("\n".join(lines), "&lol9;"), "desk", "http://127.0.0.1/bomb")
    (item,) = feed.observations
    assert "lollol" not in item.text
    assert len(item.text) < 20


def test_large_entity_blow_up_is_not_expanded() -> None:
    # 59 KiB feed, one 50,000-character entity used 2,000 times: feedparser's loose parser
    # makes 100 million characters of it (measured: 316 MiB); we must not.
    doc = _doc(f'<!ENTITY big "{"A" * 50000}">', "&big;" * 2000)
    assert len(doc) < 61_000
    (item,) = read_feed(doc, "desk", "http://127.0.0.1/big").observations
    assert "AAAA" not in item.text
    assert len(item.text) <= 2000 * len("&big;")


def test_external_entity_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("the vault code is 4711")
    doc = _doc(f'<!ENTITY xxe SYSTEM "file://{secret}">', "before &xxe; after")
    (item,) = read_feed(doc, "desk", "http://127.0.0.1/xxe").observations
    assert "4711" not in item.text
    assert "vault" not in item.text


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "x">]><rss/>',
            b'<?xml version="1.0"?><!DOCTYPE rss ><rss/>',
        ),
        (
            b'<!DOCTYPE rss PUBLIC "-//N//DTD RSS 0.91//EN" "http://x/d.dtd"><rss/>',
            b'<!DOCTYPE rss PUBLIC "-//N//DTD RSS 0.91//EN" "http://x/d.dtd"><rss/>',
        ),
        (b'<!-- c --><!ENTITY stray "x"><rss>&stray;</rss>', b"<!-- c --><rss>&stray;</rss>"),
        (b'<!DOCTYPE r [<!ENTITY a "]>">]><r/>', b"<!DOCTYPE r ><r/>"),
        (b"<rss><![CDATA[<!DOCTYPE x [ ]>]]></rss>", b"<rss><![CDATA[<!DOCTYPE x [ ]>]]></rss>"),
    ],
)
def test_strip_internal_subset(given: bytes, expected: bytes) -> None:
    assert strip_internal_subset(given) == expected


def test_utf16_document_is_read() -> None:
    text = (FEEDS / "rss2.xml").read_text("utf-8").replace('encoding="utf-8"', 'encoding="utf-16"')
    feed = read_feed(text.encode("utf-16"), "desk", "http://127.0.0.1/u16")
    assert feed.observations[0].item_key == "hw-2024-1101"
