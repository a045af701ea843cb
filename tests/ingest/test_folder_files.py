"""Folders as analysts hand them over: legacy encodings, a file that is no text at all, saved
web pages, and thousands of files; read directly, polled, and through `osint ingest FOLDER` in a
real subprocess (on a pseudo-terminal for the progress bar)."""

from __future__ import annotations

import json
import logging
import os
import pty
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.errors import SourceError
from ingest.fetch import Fetcher
from ingest.folder import read_file, read_folder
from ingest.poller import Poller
from ingest.sources import Source
from osint.wiring import open_store
from tests.ingest.cli import osint

FRENCH = (
    "Environ 300 soldats français sont arrivés à Gao mardi, a déclaré le ministère. "
    "Les élèves de l'école voisine ont été évacués vers la mairie."
)
RUSSIAN = "Около 300 военных прибыли в город во вторник, сообщило министерство обороны."
BINARY = b"\x00\x01\x02\x03binary\x00\x00\xff\xd8\xff\xe0"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Shelters open in the lower town | Valley Courier</title>
<meta name="author" content="Ines Carvalho">
<meta property="article:published_time" content="2024-11-04T21:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Shelters open in the lower town</h1>
<p>Two school gyms opened as shelters on Monday evening after the river rose by two metres,
the mayor said. About 600 residents spent the night there.</p>
<p>Volunteers brought blankets, water and hot meals before nightfall.</p>
</article><footer>Copyright Valley Courier</footer></body></html>"""


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "handover"
    (folder / "pages").mkdir(parents=True)
    (folder / "plain.txt").write_text("About 40 lorries crossed the border on Monday.\n")
    (folder / "gao-latin1.txt").write_bytes(FRENCH.encode("latin-1"))
    (folder / "kursk-cp1251.md").write_bytes(RUSSIAN.encode("cp1251"))
    (folder / "scan.txt").write_bytes(BINARY)
    (folder / "pages" / "shelters.html").write_text(PAGE, encoding="utf-8")
    (folder / "pages" / "shelters-copy.HTM").write_text(PAGE, encoding="utf-8")
    return folder


def test_legacy_encodings_are_read_and_recorded_and_a_binary_file_is_skipped(mixed: Path) -> None:
    skipped: list[SourceError] = []
    observations = {o.item_key: o for o in read_folder(mixed, "handover", skipped.append)}
    assert sorted(observations) == [
        "gao-latin1.txt",
        "kursk-cp1251.md",
        "pages/shelters-copy.HTM",
        "pages/shelters.html",
        "plain.txt",
    ]
    assert observations["gao-latin1.txt"].text == FRENCH
    assert observations["gao-latin1.txt"].raw["encoding"] == "cp1252"  # Latin-1's superset
    assert observations["kursk-cp1251.md"].text == RUSSIAN
    assert observations["kursk-cp1251.md"].raw["encoding"] == "cp1251"
    assert "encoding" not in observations["plain.txt"].raw
    assert [str(e) for e in skipped] == [
        f"{mixed / 'scan.txt'}: not text: not UTF-8 (byte 12) and no other encoding fits"
    ]


def test_a_saved_page_is_read_as_a_page(mixed: Path) -> None:
    page = read_file(mixed / "pages" / "shelters.html", "handover", "pages/shelters.html")
    assert page.item_key == "pages/shelters.html"
    assert page.title == "Shelters open in the lower town"
    assert page.authors == ("Ines Carvalho",)
    assert page.published_at is not None and page.published_at.isoformat() == (
        "2024-11-04T21:00:00+00:00"
    )
    assert page.text.startswith("Shelters open in the lower town\n\nTwo school gyms opened as")
    assert "Copyright" not in page.text and "<p>" not in page.text
    assert page.raw["path"] == "pages/shelters.html"


def test_without_on_skip_a_bad_file_still_raises(mixed: Path) -> None:
    with pytest.raises(SourceError, match=r"scan\.txt: not text"):
        list(read_folder(mixed, "handover"))


def test_osint_ingest_folder_ingests_the_rest_and_exits_non_zero(mixed: Path) -> None:
    db = f"sqlite:///{mixed.parent / 'log.db'}"
    done = osint("--db", db, "ingest", "handover", cwd=mixed.parent)
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"skipped: {Path('handover') / 'scan.txt'}: not text: not UTF-8 (byte 12) and no other"
        " encoding fits",
        "Error: 1 file(s) could not be read and were skipped",
    ]
    assert done.stdout.startswith("read 5 report(s): 5 appended (0 revision(s)), 0 unchanged")
    events = osint("--db", db, "events", "--json", cwd=mixed.parent)
    keys = sorted(json.loads(line)["payload"]["item_key"] for line in events.stdout.splitlines())
    assert keys == [
        "gao-latin1.txt",
        "kursk-cp1251.md",
        "pages/shelters-copy.HTM",
        "pages/shelters.html",
        "plain.txt",
    ]


def test_a_folder_of_pages_is_not_read_as_nothing(tmp_path: Path) -> None:
    pages = tmp_path / "saved"
    pages.mkdir()
    (pages / "a.html").write_text(PAGE, encoding="utf-8")
    (pages / "b.htm").write_text(PAGE.replace("600 residents", "650 residents"), encoding="utf-8")
    done = osint("--db", f"sqlite:///{tmp_path / 'log.db'}", "ingest", "saved", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("read 2 report(s): 2 appended")


def test_a_polled_folder_skips_the_bad_file_with_a_warning(
    mixed: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    source = Source(id="handover", kind="folder", path=mixed, every="1h")
    try:
        with Fetcher() as fetcher, caplog.at_level(logging.WARNING, "ingest.poller"):
            poller = Poller(store, fetcher, owner="test")
            poller.prepare([source])
            outcome = poller.poll_if_due(source)
    finally:
        store.close()
    assert (outcome.status, outcome.appended) == ("ok", 5)
    assert [r.getMessage() for r in caplog.records] == [
        f"handover: skipped a file that cannot be read: {mixed / 'scan.txt'}: not text: not UTF-8"
        " (byte 12) and no other encoding fits"
    ]


def test_a_large_folder_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    for n in range(400):
        (notes / f"note-{n:04d}.txt").write_text(f"Note {n}: about {n} people crossed today.\n")
    leader, follower = pty.openpty()
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    db = f"sqlite:///{tmp_path / 'log.db'}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "osint", "--db", db, "ingest", "--no-project", "notes"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    screen = b""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        screen += chunk
    stdout, _ = proc.communicate(timeout=120)
    os.close(leader)
    assert proc.returncode == 0
    assert stdout.decode().startswith("read 400 report(s): 400 appended")
    assert b"reading" in screen and b"/400" in screen, screen[-500:]
