"""Every reader over real-world files other projects wrote: feedparser's test suite, Miniflux's
test feeds, trafilatura's test pages and Telegram Desktop exports (`../shared/corpora/corpus`,
read from there, never copied). Each file must end in observations or the reader's own error:
never another exception, a hang or a memory blow-up.

`make test` reads a fixed sample in this process (with a watchdog and a memory guard), and
checks what the corpus found wrong before: plain-text titles stripped as HTML, JSON Feeds and
whole-account Telegram exports refused. `make reliability` (OSINT_RELIABILITY=long) runs the
shared runner over the whole corpus, each file in its own process under time and memory limits.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ingest.feed import FeedError, read_feed
from ingest.page import PageError, read_page
from ingest.telegram import TelegramExportError, read_telegram_export
from tests.reliability.harness import LONG, REPO
from tests.reliability.test_extractor_fuzz import watchdog

pytestmark = pytest.mark.reliability

CORPORA = Path(os.environ.get("OSINT_CORPORA", REPO.parent / "shared" / "corpora"))
CORPUS = CORPORA / "corpus"
MEMORY_GUARD = 512 * 1024 * 1024  # peak growth one file may cause in this process

Reader = Callable[[bytes, str], Any]
READERS: dict[str, tuple[Reader, type[Exception]]] = {
    "feeds": (lambda body, name: read_feed(body, "corpus", name).observations, FeedError),
    "pages": (
        lambda body, name: [read_page(body, "corpus", f"https://corpus.test/{name}")],
        PageError,
    ),
    "telegram": (
        lambda body, name: read_telegram_export(body, "corpus", name),
        TelegramExportError,
    ),
}

# A fixed sample: the files behind each finding, and a spread of the rest.
SAMPLE = [
    "feeds/feedparser/wellformed/atom/entry_title_text_plain_brackets.xml",
    "feeds/feedparser/wellformed/atom10/entry_title_base64_2.xml",
    "feeds/miniflux/literals/atom__atom_10_test__TestParseEntryWithDoubleEncodedEntitiesTitle__1.xml",
    "feeds/miniflux/literals/rss__parser_test__TestParseItemTitleWithHTMLEntity__1.xml",
    "feeds/feedparser/json/example.json",
    "feeds/miniflux/literals/json__parser_test__TestParseItemWithAuthorsObject__1.json",
    "feeds/miniflux/literals/json__parser_test__TestParseItemWithInvalidDate__1.json",
    "feeds/miniflux/literals/json__parser_test__TestParsePodcast__1.json",
    "feeds/trafilatura/resources/feed.json",
    "feeds/trafilatura/resources/feed1.atom",
    "feeds/trafilatura/resources/sitemap.xml",
    "feeds/miniflux/internal/reader/parser/testdata/large_atom.xml",
    "feeds/feedparser/illformed/aaa_illformed.xml",
    "feeds/feedparser/encoding/big5.xml",
    "feeds/feedparser/entities/8216.xml",
    "pages/trafilatura/eval/chefkoch.de.mandarinen.html",
    "pages/trafilatura/cache/dw.com.colonial.html",
    "pages/trafilatura/cache/lemire.me.json.html",
    "pages/trafilatura/resources/webpage.html",
    "telegram/telegram-export-parser__test_data.json",
    "telegram/chatpack-cli__telegram_export.json",
    "telegram/tg-parser__personal_chat.json",
]


def _peak_rss() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _read(relative: str) -> tuple[str, Any]:
    """('ok', observations) or ('refused', message); anything else raises."""
    path = CORPUS / relative
    reader, documented = READERS[relative.split("/", 1)[0]]
    body = path.read_bytes()
    before = _peak_rss()
    with watchdog(30.0, relative):
        try:
            outcome: tuple[str, Any] = ("ok", reader(body, path.name))
        except documented as exc:
            outcome = ("refused", str(exc))
    assert _peak_rss() - before < MEMORY_GUARD, f"{relative}: memory grew past the guard"
    return outcome


def _corpus_or_skip() -> None:
    if not CORPUS.is_dir():
        pytest.skip(
            f"the shared reader corpus is not at {CORPUS} (set OSINT_CORPORA to its folder)"
        )


@pytest.mark.parametrize("relative", SAMPLE)
def test_each_sampled_file_ends_in_observations_or_the_readers_error(relative: str) -> None:
    _corpus_or_skip()
    if not (CORPUS / relative).exists():
        pytest.skip(f"{relative} is not in this copy of the corpus")
    status, _ = _read(relative)
    assert status in ("ok", "refused")


@pytest.mark.parametrize(
    ("relative", "title"),
    [
        (
            "feeds/feedparser/wellformed/atom/entry_title_text_plain_brackets.xml",
            "History of the <blink> tag",
        ),
        (
            "feeds/miniflux/literals/rss__parser_test__TestParseItemTitleWithHTMLEntity__1.xml",
            "</example>",
        ),
        (
            "feeds/miniflux/literals/atom__atom_10_test__TestParseEntryWithDoubleEncodedEntitiesTitle__1.xml",
            "&#39;AT&amp;T&#39;",
        ),
    ],
)
def test_plain_text_titles_are_kept_as_written(relative: str, title: str) -> None:
    _corpus_or_skip()
    status, observations = _read(relative)
    assert status == "ok" and observations[0].title == title


def test_json_feeds_and_account_exports_are_read() -> None:
    _corpus_or_skip()
    status, feed = _read("feeds/feedparser/json/example.json")
    assert status == "ok" and [o.item_key for o in feed] == ["2", "1"]
    assert feed[1].text == "Hello, world!"  # the <script> in its content_html is not text
    status, podcast = _read("feeds/miniflux/literals/json__parser_test__TestParsePodcast__1.json")
    assert status == "ok" and len(podcast) >= 1
    status, account = _read("telegram/telegram-export-parser__test_data.json")
    assert status == "ok" and len(account) == 7
    assert {o.raw["chat_name"] for o in account} == {"Test Chat", "دوستان"}


@pytest.mark.skipif(not LONG, reason="the whole corpus runs under make reliability")
def test_the_whole_corpus_through_the_shared_runner() -> None:
    _corpus_or_skip()
    runner = CORPORA / "run_corpus.py"
    done = subprocess.run(
        [sys.executable, str(runner), str(REPO), "--jobs", "2", "--timeout", "20"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    print(done.stdout)
    totals = [line for line in done.stdout.splitlines() if line.startswith("TOTAL:")]
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert totals and totals[0].endswith("unhandled exceptions 0, hangs 0"), totals
