"""`osint sources import FILE.opml` and `osint sources export --format opml`, run as a user runs
them, on real files; `osint sources` alone still shows source health."""

from __future__ import annotations

import json
from pathlib import Path

import defusedxml.ElementTree as safe_xml
import pytest

from ingest.opml import OpmlError, parse_opml, slug
from ingest.sources import load_sources
from tests.ingest.cli import osint

SOURCES = """# Our desk's sources. Keep the wire first.
[[source]]
id = "world-news"   # the main wire
kind = "feed"
url = "https://wire.example.org/world/rss.xml"
every = "15m"

[[source]]
# exported by the desk's own tool each night
id = "field-notes"
path = "notes/"
kind = "folder"
cron = "0 6 * * *"
"""
OPML = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Reader export</title></head>
  <body>
    <outline text="News">
      <outline type="rss" text="World News" title="World News"
               xmlUrl="https://WIRE.example.org/world/rss.xml?utm_source=reader"/>
      <outline type="rss" text="World News" xmlUrl="https://other.example.net/world.atom"/>
      <outline type="rss" text="Port Authority: Notices &amp; Closures"
               xmlUrl="https://port.example.org/notices.xml"/>
    </outline>
    <outline text="Regional">
      <outline type="rss" title="Новости региона" xmlUrl="https://www.ru-news.example.org/rss"/>
      <outline type="rss" title="Field Notes" xmlUrl="https://notes.example.org/feed"/>
      <outline type="rss" title="Old FTP mirror" xmlUrl="ftp://mirror.example.org/feed.xml"/>
    </outline>
  </body>
</opml>
"""


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "sources.toml").write_text(SOURCES, encoding="utf-8")
    (tmp_path / "feeds.opml").write_text(OPML, encoding="utf-8")
    return tmp_path


def test_import_appends_new_feeds_and_keeps_the_file_as_it_was(desk: Path) -> None:
    done = osint("sources", "import", "feeds.opml", cwd=desk)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "added world-news-2: https://other.example.net/world.atom",
        "added port-authority-notices-closures: https://port.example.org/notices.xml",
        "added ru-news-example-org: https://www.ru-news.example.org/rss",
        "added field-notes-2: https://notes.example.org/feed",
        "already in sources.toml: https://WIRE.example.org/world/rss.xml?utm_source=reader",
        "4 feed(s) added to sources.toml, 1 already there, 1 skipped",
    ]
    assert (
        done.stderr
        == "skipped 'ftp://mirror.example.org/feed.xml': not an http:// or https:// URL\n"
    )
    text = (desk / "sources.toml").read_text(encoding="utf-8")
    assert text.startswith(SOURCES + "\n# Imported from feeds.opml on ")
    assert "# Port Authority: Notices & Closures\n[[source]]\n" in text
    sources = {s.id: s for s in load_sources(desk / "sources.toml")}
    assert list(sources) == [
        "world-news",
        "field-notes",
        "world-news-2",
        "port-authority-notices-closures",
        "ru-news-example-org",
        "field-notes-2",
    ]
    assert sources["port-authority-notices-closures"].url == "https://port.example.org/notices.xml"
    assert (sources["world-news-2"].kind, sources["world-news-2"].every) == ("feed", "1h")
    again = osint("sources", "import", "--every", "30m", "feeds.opml", cwd=desk)
    assert (
        again.stdout.splitlines()[-1]
        == "0 feed(s) added to sources.toml, 5 already there, 1 skipped"
    )
    assert (desk / "sources.toml").read_text(encoding="utf-8") == text


def test_export_lists_the_feed_sources_and_round_trips(desk: Path) -> None:
    assert osint("sources", "import", "feeds.opml", cwd=desk).returncode == 0
    done = osint("sources", "export", "--format", "opml", "--sources", "sources.toml", cwd=desk)
    assert done.returncode == 0, done.stderr
    root = safe_xml.fromstring(done.stdout.encode())
    outlines = [(o.get("text"), o.get("xmlUrl"), o.get("type")) for o in root.iter("outline")]
    assert outlines[0] == ("world-news", "https://wire.example.org/world/rss.xml", "rss")
    assert len(outlines) == 5  # the folder source is no feed
    (desk / "exported.opml").write_text(done.stdout, encoding="utf-8")
    fresh = osint("sources", "import", "--sources", "copy.toml", "exported.opml", cwd=desk)
    assert fresh.returncode == 0, fresh.stderr
    copied = load_sources(desk / "copy.toml")
    assert [(s.id, s.url) for s in copied] == [(t, u) for t, u, _ in outlines]


def test_sources_alone_still_shows_health(desk: Path) -> None:
    missing = osint("--db", f"sqlite:///{desk / 'log.db'}", "sources", "--json", cwd=desk)
    assert missing.returncode == 1 and "no log at" in missing.stderr  # and none is made
    assert not (desk / "log.db").exists()
    assert osint("--db", f"sqlite:///{desk / 'log.db'}", "db", "upgrade", cwd=desk).returncode == 0
    done = osint("--db", f"sqlite:///{desk / 'log.db'}", "sources", "--json", cwd=desk)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows == []  # nothing polled yet, and no --sources given
    db = f"sqlite:///{desk / 'log.db'}"
    listed = osint("--db", db, "sources", "--sources", "sources.toml", "--json", cwd=desk)
    assert [(r["source_id"], r["state"]) for r in json.loads(listed.stdout)] == [
        ("world-news", "never polled"),
        ("field-notes", "never polled"),
    ]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<opml version="2.0"><body><outline title="&d;" xmlUrl="https://x.example.org/feed"/></body></opml>
"""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (BILLION_LAUGHS, "bad.opml: refused: EntitiesForbidden (DTDs and entities)"),
        ("<opml><body><outline", "bad.opml: not XML (unclosed token: line 1, column 12)"),
        ("<rss version='2.0'/>", "bad.opml: not OPML (the root element is <rss>)"),
        ("<opml><body><outline text='x'/></body></opml>", "bad.opml: no outline with an xmlUrl"),
    ],
)
def test_a_bad_opml_file_is_one_line_and_changes_nothing(
    desk: Path, content: str, message: str
) -> None:
    (desk / "bad.opml").write_text(content, encoding="utf-8")
    done = osint("sources", "import", "bad.opml", cwd=desk)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1 and message in done.stderr, done.stderr
    assert (desk / "sources.toml").read_text(encoding="utf-8") == SOURCES


def test_a_broken_sources_file_is_named_before_anything_is_appended(desk: Path) -> None:
    (desk / "sources.toml").write_text(SOURCES + "\n[[source]]\nid = 'x'\n", encoding="utf-8")
    done = osint("sources", "import", "feeds.opml", cwd=desk)
    assert done.returncode == 1
    assert "sources.toml:" in done.stderr and "Traceback" not in done.stderr


def test_slugs_and_parsing() -> None:
    assert slug("Harbour Wire: World") == "harbour-wire-world"
    assert slug("Défense & Sécurité") == "defense-securite"
    assert slug("Новости") == "feed" and slug(None) == "feed"
    assert len(slug("a" * 300)) == 60
    feeds = parse_opml(OPML.encode(), "feeds.opml")
    assert [f.title for f in feeds][:3] == [
        "World News",
        "World News",
        "Port Authority: Notices & Closures",
    ]
    with pytest.raises(OpmlError, match=r"^x\.opml: over"):
        parse_opml(b" " * (6 * 1024 * 1024), "x.opml")
