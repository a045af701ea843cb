"""The audit commands end to end through click: audit, history, topics, show, chart, in every
output format, and their one-line errors."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from PIL import Image

from events import EventStore
from osint.cli import cli
from osint.render import STEP_COLUMNS
from tests.audit.scenario import COURIER_URL, REPORTS, TOPIC


@pytest.fixture
def db(sqlite_scenario: EventStore, sqlite_url: str) -> str:
    return sqlite_url


def text_of(key: str) -> str:
    return next(r.text for r in REPORTS if r.key == key)


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def ok(db: str, *args: str) -> str:
    result = run(db, *args)
    assert result.exit_code == 0, result.output
    return result.output


def one_line_error(result: Result, *parts: str) -> None:
    """Exit status 1 and one `Error:` line naming the problem; beside it only click's usage
    hint (`Usage: …`, `Try '… --help'`) for a mistake in the arguments."""
    assert result.exit_code == 1 or (result.exit_code == 2 and "Usage: " in result.output)
    lines = [line for line in result.output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error: ")]
    assert len(errors) == 1, result.output
    assert [x for x in lines if not x.startswith(("Error: ", "Usage: ", "Try '"))] == []
    for part in parts:
        assert part in errors[0], result.output


def test_audit_table_has_the_summary_and_every_figure(db: str):
    out = ok(db, "audit", "Troops / North Korea")
    lines = out.splitlines()
    assert lines[0] == "troops/north-korea  ·  now  ·  views at log position 13 of 13"
    assert lines[1].startswith("current estimate  more than 12,000 (≥ 12,000), claimed by")
    assert "live claims       10 figure(s) from 4 independent source(s);" in out
    assert "bounds from 3,000 (seoul-herald) to 12,000 (daily-ledger)" in out
    assert (
        "sources: seoul-herald; wire-east (copied by daily-ledger); kyiv-courier; daily-ledger"
    ) in out
    assert "contradicted      1 denial(s):" in out
    heads = [line.split()[:4] for line in lines if line.startswith("#")]
    assert [h[0] for h in heads] == [f"#{i}" for i in range(1, 12)]
    assert [h[3] for h in heads] == [
        "first", "corroborated", "repeated", "raised", "raised", "contradicted",
        "corroborated", "repeated", "widened", "narrowed", "widened",
    ]  # fmt: skip
    assert "»up to 3,000« North Korean troops had reportedly been sent" in out
    assert "https://daily-ledger.example.org/world/ukraine-intel-north-korea" in out
    assert "published 2024-10-30 08:00Z · observed 2024-11-06 09:00Z" in out


def test_audit_json_and_csv_carry_every_provenance_field(db: str):
    data = json.loads(ok(db, "audit", TOPIC, "--format", "json"))
    assert data["summary"]["independent_sources"] == 4
    assert data["summary"]["current_figure_id"] == "13-0"
    assert [s["figure_id"] for s in data["steps"]][:5] == ["1-0", "2-0", "3-0", "4-0", "10-0"]
    assert set(STEP_COLUMNS) <= set(data["steps"][0])
    assert data["steps"][2]["origins"] == [["seoul-herald"], ["wire-east", "daily-ledger"]]

    rows = list(csv.DictReader(io.StringIO(ok(db, "audit", TOPIC, "--format", "csv"))))
    assert list(rows[0]) == STEP_COLUMNS
    assert len(rows) == 11
    assert (rows[4]["figure_id"], rows[4]["revision"], rows[4]["change"]) == ("10-0", "2", "raised")
    assert rows[0]["hedged"] == "True" and rows[0]["high"] == "3000.0" and rows[0]["low"] == ""
    assert json.loads(rows[0]["rules"])


def test_history_and_topics_travel_in_time(db: str):
    data = json.loads(ok(db, "history", TOPIC, "--as-of", "2024-10-25", "--json"))
    assert data["cutoff"]["position"] == 3
    assert [(s["figure_id"], s["change"], s["corroboration"]) for s in data["steps"]] == [
        ("1-0", "first report", 1),
        ("2-0", "corroborated", 2),
        ("3-0", "repeated", 2),
    ]
    rows = list(
        csv.DictReader(
            io.StringIO(
                ok(db, "history", TOPIC, "--published-before", "2024-11-01", "--format", "csv")
            )
        )
    )
    assert [r["figure_id"] for r in rows] == ["1-0", "2-0", "3-0", "4-0", "10-0"]
    beyond = json.loads(ok(db, "history", TOPIC, "--until", "99", "--format", "json"))
    assert (beyond["cutoff"]["position"], len(beyond["steps"])) == (13, 11)
    text = ok(db, "history", TOPIC, "--until", "9")
    assert "as of log position 9" in text and "around 10,000" in text

    topics = json.loads(ok(db, "topics", "--format", "json"))
    assert [(t["topic"], t["figures"]) for t in topics["topics"]] == [
        ("troops/north-korea", 11),
        ("killed/north-korea", 1),
        ("killed/russia", 1),
    ]
    table = ok(db, "topics", "--as-of", "2024-11-01T00:00Z")
    assert "troops/north-korea" in table and "killed/" not in table
    rows = list(csv.DictReader(io.StringIO(ok(db, "topics", "--format", "csv"))))
    assert rows[0]["current_figure_id"] == "13-0" and rows[0]["independent_sources"] == "4"


def test_show_figure_and_report(db: str):
    out = ok(db, "show", "figure", "10-0")
    assert "»around 11,000« North Korean soldiers were now in Russia" in out
    digest = hashlib.sha256(text_of("k1r2").encode()).hexdigest()
    assert f"revision    2 of 2; content SHA-256 {digest}" in out
    assert out.count("    ok   ") == 6
    data = json.loads(ok(db, "show", "figure", "10-0", "--format", "json"))
    assert data["event"]["position"] == 10 and all(c["ok"] for c in data["checks"])
    report = ok(db, "show", "report", COURIER_URL)
    assert "2 revision(s)" in report
    assert "  -Ukraine's defence intelligence agency said on Wednesday that around 10,000" in report
    assert "  +Ukraine's defence intelligence agency said on Wednesday that around 11,000" in report


@pytest.mark.parametrize("suffix", [".png", ".svg", ".html"])
def test_chart_is_a_valid_image_of_sensible_size(db: str, tmp_path: Path, suffix: str):
    path = tmp_path / f"troops{suffix}"
    out = ok(db, "chart", TOPIC, "-o", str(path))
    assert out.startswith(f"wrote {path}")
    size = path.stat().st_size
    assert 10_000 < size < 2_000_000
    if suffix == ".png":
        with Image.open(path) as image:
            image.verify()
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert 1000 <= image.width <= 1600 and 600 <= image.height <= 1000
    elif suffix == ".svg":
        root = ET.parse(path).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "seoul-herald" in path.read_text(encoding="utf-8")
    else:
        page = path.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and "<svg" in page
        assert page.count("<tr>") == 12  # the header and 11 figures
        assert f'href="{COURIER_URL}"' in page
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_user_mistakes_are_one_line_errors(db: str, tmp_path: Path):
    one_line_error(run(db, "audit", "troops/narnia"), "no topic troops/narnia")
    one_line_error(run(db, "audit", "north korea"), "names several topics")
    one_line_error(
        run(db, "audit", TOPIC, "--as-of", "last tuesday"), "'last tuesday' is not a date"
    )
    one_line_error(run(db, "audit", TOPIC, "--as-of", "2024-11-01", "--until", "3"), "not both")
    one_line_error(run(db, "show", "figure", "99-0"), "no figure '99-0'")
    one_line_error(run(db, "show", "report", "nope"), "no report 'nope'")
    one_line_error(run(db, "chart", TOPIC, "-o", str(tmp_path / "c.gif")), "c.gif", ".png")
    missing = tmp_path / "no-such-dir" / "c.png"
    one_line_error(run(db, "chart", TOPIC, "-o", str(missing)), "does not exist")
    assert not missing.parent.exists()
    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    one_line_error(run(empty, "history"), "no log at", "empty.db")  # and none is made
    assert not (tmp_path / "empty.db").exists()
    ok(empty, "db", "upgrade")  # an empty log
    assert "no figures yet" in ok(empty, "history")
    one_line_error(run(empty, "audit", TOPIC), "no figures yet")


def test_every_new_command_has_help_with_an_example(db: str):
    for args in (["audit"], ["topics"], ["chart"], ["show", "figure"], ["show", "report"]):
        out = ok(db, *args, "--help")
        assert "Example:" in out and "osint " in out, args


def test_a_close_topic_name_is_refused_by_every_command(db: str, tmp_path: Path):
    """`troops/south-korea` once answered with North Korea's figures (a fuzzy match)."""
    message = "no topic troops/south-korea; did you mean troops/north-korea?"
    one_line_error(run(db, "audit", "troops/south-korea", "--format", "json"), message)
    one_line_error(run(db, "history", "troops/south-korea"), message)
    chart = tmp_path / "sk.png"
    one_line_error(run(db, "chart", "troops/south-korea", "-o", str(chart)), message)
    assert not chart.exists()
    assert json.loads(ok(db, "audit", "troops/dprk", "--format", "json"))["topic"] == TOPIC


def test_every_listing_takes_format_and_json(db: str):
    topics = json.loads(ok(db, "topics", "--json"))
    assert [t["topic"] for t in topics["topics"]] == [
        "troops/north-korea",
        "killed/north-korea",
        "killed/russia",
    ]
    assert json.loads(ok(db, "audit", TOPIC, "--json"))["topic"] == TOPIC
    assert isinstance(json.loads(ok(db, "history", "--json")), list)
    csv_topics = list(csv.DictReader(io.StringIO(ok(db, "topics", "--format", "csv"))))
    assert [r["topic"] for r in csv_topics] == [t["topic"] for t in topics["topics"]]
    assert "CSV (one row per topic)" in " ".join(ok(db, "topics", "--help").split())
    assert "CSV (one row per figure)" in " ".join(ok(db, "audit", "--help").split())
    events_csv = list(csv.DictReader(io.StringIO(ok(db, "events", "--all", "--format", "csv"))))
    assert [int(r["position"]) for r in events_csv] == list(range(1, 14))
    lines = [json.loads(line) for line in ok(db, "events", "--json", "--limit", "3").splitlines()]
    assert [e["position"] for e in lines] == [1, 2, 3]
    footer = ok(db, "events", "--limit", "5").splitlines()[-1]
    assert footer == "5 of 13 event(s) after position 0 (--limit N for more, --all for every one)"
    typed = ok(db, "events", "--type", "reportobserved", "--limit", "2").splitlines()[-1]
    assert typed.startswith("2 of 13 ReportObserved event(s)")


def test_topic_names_are_never_cut_in_a_narrow_terminal(db: str):
    result = CliRunner().invoke(
        cli, ["--db", db, "topics"], terminal_width=60, env={"COLUMNS": "60"}
    )
    assert result.exit_code == 0, result.output
    for topic in ("troops/north-korea", "killed/north-korea", "killed/russia"):
        assert topic in result.output


def test_version_and_help_name_nothing_outside_the_checkout():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("osint, version ")
    from tests.cli.test_help import _commands

    for path in _commands(cli):
        text = CliRunner().invoke(cli, [*path, "--help"]).output
        assert "../shared" not in text, path
