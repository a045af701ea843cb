"""Folder reading and ingestion runs, on a real SQLite file and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from events import report_stream_id
from ingest.errors import SourceError
from ingest.folder import first_sentence, read_file, read_folder
from ingest.run import content_sha256, ingest_observations
from osint.wiring import open_store
from tests.conftest import SEED


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    write(folder, "a.txt", "First report. About 200 soldiers arrived.")
    write(folder, "sub/b.md", "Second report from the front.")
    write(folder, "ignored.csv", "not,a,report")
    write(folder, ".hidden/c.txt", "hidden files are skipped")
    return folder


def test_folder_reader_is_recursive_with_relative_keys(notes: Path):
    observations = list(read_folder(notes, "notes"))
    assert [o.item_key for o in observations] == ["a.txt", "sub/b.md"]
    assert observations[0].title == "First report."
    assert observations[0].published_at is None
    assert observations[0].url is None


def test_the_seed_has_a_title_from_its_first_sentence_and_no_date():
    obs = read_file(SEED, "seeds")
    assert obs.title is not None
    assert obs.title.startswith("Ukrainian President Volodymyr Zelensky stated on Thursday")
    assert len(obs.title) <= 161
    assert obs.published_at is None
    assert obs.text.startswith("Ukrainian President")


def test_front_matter_gives_title_url_date_and_authors(tmp_path: Path):
    path = write(
        tmp_path,
        "r.md",
        (
            '---\ntitle: "Troops reach Kursk"\nurl: https://news.example.org/a\n'
            "published: 2024-11-07T09:30:00+01:00\nauthor: A. Reporter, B. Writer\n"
            "desk: world\n---\nBody text here.\n"
        ),
    )
    obs = read_file(path, "wire")
    assert obs.title == "Troops reach Kursk"
    assert obs.url == "https://news.example.org/a"
    assert obs.published_at == datetime(2024, 11, 7, 8, 30, tzinfo=UTC)
    assert obs.authors == ("A. Reporter", "B. Writer")
    assert obs.text == "Body text here."
    assert obs.raw["front_matter"] == {"desk": "world"}


def test_a_bad_front_matter_date_names_the_file_and_field(tmp_path: Path):
    path = write(tmp_path, "r.md", "---\npublished: last Tuesday\n---\nBody.")
    with pytest.raises(SourceError, match=r"r\.md: front matter field 'published'"):
        read_file(path, "wire")


def test_a_latin1_file_is_read_and_a_binary_one_is_named(tmp_path: Path):
    path = tmp_path / "old.txt"
    path.write_bytes("Le café de la gare a rouvert mardi.".encode("latin-1"))
    obs = read_file(path, "x")
    assert obs.text == "Le café de la gare a rouvert mardi."
    # Short texts fit several code pages; whichever is recorded reads these bytes the same.
    assert path.read_bytes().decode(obs.raw["encoding"]) == obs.text
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\x00\x01\x02\x03binary\x00\x00\xff\xd8\xff\xe0")
    with pytest.raises(SourceError, match=r"bad\.txt: not text: not UTF-8 \(byte 12\)"):
        read_file(path, "x")


def test_first_sentence_cuts_long_titles_at_a_word():
    title = first_sentence("word " * 100)
    assert title is not None and title.endswith("…") and len(title) <= 161


def test_ingesting_twice_gives_the_same_log(db_url: str, notes: Path):
    store = open_store(db_url)
    first = ingest_observations(store, read_folder(notes, "notes"))
    log = [(e.position, e.event_id, e.hash) for e in store.read()]
    second = ingest_observations(store, read_folder(notes, "notes"))
    assert (first.appended, first.unchanged) == (2, 0)
    assert (second.appended, second.unchanged) == (0, 2)
    assert [(e.position, e.event_id, e.hash) for e in store.read()] == log
    store.close()


def test_an_edited_file_becomes_revision_2_in_the_same_stream(db_url: str, notes: Path):
    store = open_store(db_url)
    ingest_observations(store, read_folder(notes, "notes"))
    write(notes, "a.txt", "First report, corrected. About 300 soldiers arrived.")
    result = ingest_observations(store, read_folder(notes, "notes"))
    assert (result.appended, result.revised, result.unchanged) == (1, 1, 1)
    stream = store.read_stream(report_stream_id("notes", "a.txt"))
    assert [e.payload["revision"] for e in stream] == [1, 2]
    assert [e.stream_version for e in stream] == [1, 2]
    assert stream[1].payload["supersedes"] == stream[0].payload["content_sha256"]
    assert stream[1].payload["content_sha256"] == content_sha256(
        "First report, corrected. About 300 soldiers arrived."
    )
    # Going back to the first text is a third revision, not a duplicate of the first.
    write(notes, "a.txt", "First report. About 200 soldiers arrived.")
    assert ingest_observations(store, read_folder(notes, "notes")).appended == 1
    assert [e.payload["revision"] for e in store.read_stream(stream[0].stream_id)] == [1, 2, 3]
    assert store.verify().ok
    store.close()


def test_a_deleted_file_removes_nothing_from_the_log(db_url: str, notes: Path):
    store = open_store(db_url)
    ingest_observations(store, read_folder(notes, "notes"))
    (notes / "sub" / "b.md").unlink()
    result = ingest_observations(store, read_folder(notes, "notes"))
    assert (result.appended, result.unchanged) == (0, 1)
    assert [e.payload["item_key"] for e in store.read()] == ["a.txt", "sub/b.md"]
    store.close()


def test_event_ids_derive_from_content(sqlite_url: str, tmp_path: Path, notes: Path):
    """Two separate logs fed the same folder give the same event ids."""
    other = tmp_path / "other.db"
    a = open_store(sqlite_url)
    b = open_store(f"sqlite:///{other}")
    ingest_observations(a, read_folder(notes, "notes"))
    ingest_observations(b, read_folder(notes, "notes"))
    assert [e.event_id for e in a.read()] == [e.event_id for e in b.read()]
    a.close()
    b.close()
