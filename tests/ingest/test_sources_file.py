"""The sources file: a good one loads; each mistake names the file, the line and the field."""

from __future__ import annotations

import tomllib
import tracemalloc
from pathlib import Path

import pytest

from ingest.sources import (
    Source,
    SourcesFileError,
    cron_interval_seconds,
    load_source_table,
    load_sources,
    parse_duration,
)

GOOD = """\
# Our sources
[[source]]
id = "wire-feed"
kind = "feed"
url = "https://news.example.org/world/rss.xml"
every = "15m"

[[source]]
id = "field-notes"
kind = "folder"
path = "notes/"
every = "1h"

[[source]]
id = "agency"
kind = "page"
url = "https://agency.example.com/bulletin/101"
cron = "*/30 6-22 * * *"
timeout = 5
max_bytes = 200000
headers = { "Accept-Language" = "en" }
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text)
    return path


def test_good_file(tmp_path: Path) -> None:
    wire, notes, agency = load_sources(write(tmp_path, GOOD))
    assert (wire.id, wire.kind, wire.interval_seconds, wire.allow_private) == (
        "wire-feed",
        "feed",
        900.0,
        False,
    )
    assert notes.path == (tmp_path / "notes").resolve()
    assert agency.cron == "*/30 6-22 * * *"
    assert agency.interval_seconds == 1800.0
    assert (agency.timeout, agency.max_bytes, agency.headers) == (
        5,
        200000,
        {"Accept-Language": "en"},
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            GOOD.replace('every = "15m"', 'every = "soon"'),
            ":6: field 'every': 'soon' is not a duration",
        ),
        (GOOD.replace('every = "15m"', 'evry = "15m"'), ":6: field 'evry': unknown field"),
        (GOOD.replace('kind = "feed"', 'kind = "podcast"'), ":4: field 'kind': Input should be"),
        (GOOD.replace('url = "https://news', 'url = "ftp://news'), ":5: field 'url': 'ftp://news"),
        (GOOD.replace('cron = "*/30 6-22 * * *"', 'cron = "61 * * * *"'), ":18: field 'cron':"),
        (
            GOOD.replace("timeout = 5", "timeout = -1"),
            ":19: field 'timeout': Input should be greater than 0",
        ),
        (
            GOOD.replace('id = "agency"', 'id = "wire-feed"'),
            ":15: field 'id': 'wire-feed' is already used by the source at line 2",
        ),
        (GOOD.replace('kind = "feed"', "kind = feed"), ":4: not valid TOML (Invalid value)"),
        (
            GOOD.replace('every = "1h"\n', 'every = "1h"\ncron = "0 * * * *"\n'),
            ":8: source 'field-notes': give exactly one schedule",
        ),
        (
            GOOD.replace('url = "https://news.example.org/world/rss.xml"\n', ""),
            ":2: source 'wire-feed': a feed source needs exactly one of url and path",
        ),
        ("", ":1: no [[source]] tables"),
    ],
)
def test_mistakes_name_file_line_and_field(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SourcesFileError) as caught:
        load_sources(path)
    assert str(caught.value).startswith(str(path) + ":")
    assert message in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match=r"nope\.toml: no such file"):
        load_sources(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("15m", 900), ("1h30m", 5400), ("2d", 172800), ("1.5s", 1.5)]
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("expression", "seconds"),
    [
        ("* * * * *", 60.0),
        ("*/15 * * * *", 900.0),
        ("*/30 6-22 * * *", 1800.0),
        ("0 9 * * 1-5", 86400.0),
        ("0 0 1 * *", 28 * 86400.0),
    ],
)
def test_cron_interval_is_its_shortest_gap_whatever_the_clock(
    expression: str, seconds: float
) -> None:
    # The shortest gap over a fixed stretch of calendar, not the gap after "now": the same
    # source must back off alike at noon and at 22:30, when the next fire is the next morning.
    assert cron_interval_seconds(expression) == seconds


def test_sources_share_what_is_equal_and_stay_what_their_tables_say(tmp_path: Path) -> None:
    text = "".join(
        f'[[source]]\nid = "desk-{i}"\nkind = "feed"\nurl = "https://news.example.org/{i}.xml"\n'
        f'every = "{i + 1}m"\nheaders = {{ "X-Desk" = "night" }}\n\n'
        for i in range(3)
    )
    loaded = load_sources(write(tmp_path, text + GOOD))
    assert [s.id for s in loaded] == [
        "desk-0",
        "desk-1",
        "desk-2",
        "wire-feed",
        "field-notes",
        "agency",
    ]
    desks = loaded[:3]
    # Shared (the models are frozen): one headers dict and one set of given fields for all.
    assert desks[0].headers is desks[1].headers is desks[2].headers
    assert desks[0].__pydantic_fields_set__ is desks[2].__pydantic_fields_set__
    # And each is what validating its table alone gives.
    for i, desk in enumerate(desks):
        assert desk.model_dump(exclude_unset=True) == {
            "id": f"desk-{i}",
            "kind": "feed",
            "url": f"https://news.example.org/{i}.xml",
            "every": f"{i + 1}m",
            "headers": {"X-Desk": "night"},
        }
    assert loaded[5].headers == {"Accept-Language": "en"}
    assert loaded[3].headers == {}


def test_a_header_line_inside_a_multi_line_string_loads_as_the_whole_file_says(
    tmp_path: Path,
) -> None:
    # The file is read one [[source]] table at a time, cut at header lines; a "header" inside
    # a multi-line string is not one, and the file then loads as one TOML document does.
    text = (
        '[[source]]\nid = "night-desk"\nkind = "feed"\n'
        'url = """https://news.example.org/night.xml\n[[source]]\nid = "not-a-source"\n"""\n'
        'every = "10m"\n\n' + GOOD
    )
    loaded = load_sources(write(tmp_path, text))
    assert [s.id for s in loaded] == ["night-desk", "wire-feed", "field-notes", "agency"]
    assert loaded[0].url == 'https://news.example.org/night.xml\n[[source]]\nid = "not-a-source"\n'
    assert [s.model_dump() for s in loaded[1:]] == [
        s.model_dump() for s in load_sources(write(tmp_path, GOOD))
    ]


def test_a_syntax_error_in_a_later_table_names_its_line_in_the_whole_file(
    tmp_path: Path,
) -> None:
    broken = GOOD + '\n[[source]]\nid = "late-desk"\nkind = "feed"\nevery = "5m\n'
    with pytest.raises(SourcesFileError) as caught:
        load_sources(write(tmp_path, broken))
    assert str(caught.value).startswith(
        f"{tmp_path / 'sources.toml'}:26: not valid TOML"
    )  # every = "5m


def test_a_source_table_keeps_a_few_hundred_bytes_per_source_and_gives_equal_models(
    tmp_path: Path,
) -> None:
    text = "".join(
        f'[[source]]\nid = "desk-{i:05d}"\nkind = "feed"\n'
        f'url = "http://127.0.0.1:8080/feed/{i}"\nevery = "{(60, 90, 120)[i % 3]}s"\n'
        f'allow_private = true\ntimeout = 15\nheaders = {{ X-Desk = "night" }}\n\n'
        for i in range(2000)
    )
    path = write(tmp_path, text)
    load_source_table(path)  # imports and caches warmed
    tracemalloc.start()
    try:
        table = load_source_table(path)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 489 B a source measured at 1,000 and 369 B at 10,000 (the Source models: 772-809 B, and
    # a peak of 14.2 MB at 10,000 while the whole document was parsed; 7.7 MB now).
    assert kept / 2000 < 600
    assert peak < 2 * kept + 3 * len(text)
    assert len(table) == 2000
    assert [s.id for s in table[:2]] == ["desk-00000", "desk-00001"]
    models = [Source.model_validate(t) for t in tomllib.loads(text)["source"]]
    assert list(table) == models
    assert table.get("desk-01999") == models[-1] and table.get("desk-02000") is None
    assert "desk-00007" in table.ids() and models[7] in table
    assert table[5].headers is table[6].headers  # equal values shared between sources
