"""The seed article end to end: what `make run` shows, twice, appending nothing the second time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from projections.extraction import extract
from tests.conftest import REPO, SEED

SPAN_TEXT = "up to 11,000"


def osint(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "osint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_the_seed_figure_is_read_with_every_field_right():
    text = SEED.read_text(encoding="utf-8")
    claims = [c for c in extract(text) if c.category != "other"]
    assert len(claims) == 1
    (claim,) = claims
    start = text.index(SPAN_TEXT)
    assert (claim.start, claim.end, claim.text) == (start, start + len(SPAN_TEXT), SPAN_TEXT)
    assert (claim.low, claim.high, claim.qualifier) == (None, 11000, "upper")
    assert claim.category == "troops"
    assert claim.actor == "North Korea"
    assert claim.attribution is not None and "Zelensky" in claim.attribution
    assert claim.hedged is True
    assert claim.subject == "North Korean forces"
    assert text[claim.sentence_start :].startswith("Speaking at a European Political Community")
    assert claim.sentence in text
    assert claim.rules


def test_make_run_shows_the_history_and_a_second_run_appends_nothing(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'osint.db'}"
    seeds = str(REPO / "seeds")
    first = osint("--db", db, "ingest", seeds, cwd=tmp_path)
    assert "1 appended" in first.stdout
    shown = osint("--db", db, "history", "troops/north-korea", cwd=tmp_path).stdout
    assert "up to 11,000" in shown
    assert "Zelensky" in shown
    assert "hedged" in shown and "not hedged" not in shown
    assert "position 1" in shown

    data = json.loads(
        osint("--db", db, "history", "troops/north-korea", "--json", cwd=tmp_path).stdout
    )
    (step,) = data["steps"]
    assert step["change"] == "first report"
    assert (step["text"], step["low"], step["high"]) == (SPAN_TEXT, None, 11000.0)
    assert step["source_id"] == "seeds"
    assert step["item_key"] == "000_58dc72c931c469eb.txt"
    assert step["published_at"] is None
    assert step["position"] == 1
    assert SPAN_TEXT in step["sentence"]

    second = osint("--db", db, "ingest", seeds, cwd=tmp_path)
    assert "0 appended" in second.stdout and "1 unchanged" in second.stdout
    again = osint("--db", db, "history", "troops/north-korea", cwd=tmp_path).stdout
    assert again == shown
    events = osint("--db", db, "events", "--json", cwd=tmp_path).stdout.splitlines()
    assert len(events) == 1
