"""Feed ingestion: `osint ingest --sources FILE --once --no-project` over feed files on disk,
against `feedparser.parse` alone over the same files.

The feeds are RSS 2.0 documents written here from the synthetic corpus. Ours includes reading
the files, feedparser, HTML-to-text, hashing, ids, revisions and the appends; the views are
left out (`--no-project`), since replay has its own benchmark.
"""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from bench.corpus import Corpus
from bench.databases import Scratch
from bench.harness import Row, Stopwatch, alternate, rate_row


def _available() -> bool:
    try:
        import ingest.feed  # noqa: F401
        import osint.cmd_sources  # noqa: F401
    except ImportError:
        return False
    return True


def write_feeds(folder: Path, feeds: int, entries: int) -> tuple[Path, list[Path]]:
    corpus = Corpus(seed=31)
    paths = []
    for f in range(feeds):
        items = []
        for i, report in enumerate(corpus.reports(entries, min_chars=400, source=f"feed{f}")):
            items.append(
                "<item>"
                f"<title>{escape(report.title)}</title>"
                f"<link>{report.url}</link>"
                f"<guid>{report.url}</guid>"
                f"<pubDate>{report.published_at.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
                f"<description>{escape(report.text)}</description>"
                "</item>"
            )
            del i
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Feed {f}</title><link>https://news.example.org/{f}</link>"
            "<description>synthetic</description>" + "".join(items) + "</channel></rss>"
        )
        path = folder / f"feed{f:02d}.xml"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    sources = folder / "sources.toml"
    sources.write_text(
        "".join(
            f'[[source]]\nid = "feed{f:02d}"\nkind = "feed"\npath = "{p}"\nevery = "1h"\n\n'
            for f, p in enumerate(paths)
        ),
        encoding="utf-8",
    )
    return sources, paths


def bench_feeds(scratch: Scratch, feeds: int, entries: int, repeats: int) -> Row:
    name = f"feed ingestion {feeds}x{entries}"
    if not _available():
        return Row(name, None, "", None, None, ">= 0.70", None, "not available: no ingest/feed.py")
    import feedparser
    from click.testing import CliRunner

    from osint.cli import cli

    folder = scratch.dir / "feeds"
    folder.mkdir(exist_ok=True)
    sources, paths = write_feeds(folder, feeds, entries)
    bodies = [p.read_bytes() for p in paths]
    count = feeds * entries

    def ours() -> float:
        url = scratch.sqlite_url()
        with Stopwatch() as sw:
            result = CliRunner().invoke(
                cli, ["--db", url, "ingest", "--sources", str(sources), "--once", "--no-project"]
            )
        if result.exit_code != 0 or f"{count} report(s) appended" not in result.output:
            raise RuntimeError(f"osint ingest failed: {result.output[-500:]}")
        return sw.seconds

    def baseline() -> float:
        with Stopwatch() as sw:
            for body in bodies:
                parsed = feedparser.parse(io.BytesIO(body))
                assert len(parsed.entries) == entries
        return sw.seconds

    o, b, r = alternate(ours, baseline, repeats)
    return rate_row(
        name,
        count,
        "entries/s",
        o,
        b,
        r,
        0.70,
        note="osint ingest --sources --once --no-project vs feedparser.parse of the same files",
    )
