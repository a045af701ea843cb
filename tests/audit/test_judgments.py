"""Analysts' judgments as events, over the audit scenario on SQLite and PostgreSQL: the exact
views after each kind of judgment, through a replay, as of before them, orphaned when their
figure is no longer read, and two analysts judging one figure at once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from events import EventStore, FigureJudged, FigureRef, NewEvent
from events.judgments import figure_stream_id
from osint.cli import cli
from osint.wiring import all_projectors, open_store
from projections.audit import audit, make_cutoff
from projections.runner import ProjectionRunner
from tests.audit.scenario import TOPIC


def _url(store: EventStore) -> str:
    return store.db.engine.url.render_as_string(hide_password=False)


def osint(store: EventStore, *args: str, author: str | None = "alice") -> Any:
    env = {"OSINT_ANALYST": author} if author else {}
    result = CliRunner().invoke(cli, ["--db", _url(store), *args], env=env)
    return result


def judge(store: EventStore, *args: str) -> str:
    result = osint(store, "judge", *args)
    assert result.exit_code == 0, result.output
    return result.output


def steps(store: EventStore, topic: str = TOPIC, **cutoff: Any) -> list[tuple[Any, ...]]:
    timeline = audit(store, topic, make_cutoff(store, **cutoff) if cutoff else None)
    return [
        (s.figure["figure_id"], s.change, s.figure["low"], s.figure["high"]) for s in timeline.steps
    ]


def test_each_kind_of_judgment_gives_exact_views(scenario: EventStore):
    before = audit(scenario, TOPIC)
    assert (before.summary.asserted, len(before.summary.origins)) == (10, 4)

    out = judge(scenario, "figure", "9-0", "--exclude", "duplicate", "--reason", "as 8-0")
    assert out.startswith("judged figure 9-0: excluded (duplicate) by alice")
    judged = audit(scenario, TOPIC)
    nine = next(s for s in judged.steps if s.figure["figure_id"] == "9-0")
    assert (nine.change, nine.corroboration, nine.figure["excluded"]) == (
        "excluded",
        0,
        "duplicate",
    )
    assert nine.figure["judgments"][0]["author"] == "alice"
    assert nine.figure["judgments"][0]["reason"] == "as 8-0"
    assert (judged.summary.asserted, judged.summary.excluded) == (9, 1)
    # daily-ledger's only other figure is a copy of wire-east's: one origin fewer
    assert judged.summary.origins == (
        ("seoul-herald",),
        ("wire-east", "daily-ledger"),
        ("kyiv-courier",),
    )

    judge(scenario, "figure", "12-0", "--bounds", "11,000-12,000", "--reason", "between")
    twelve = audit(scenario, TOPIC).summary.current
    assert twelve is not None and twelve.figure["figure_id"] == "13-0"
    corrected = next(s for s in audit(scenario, TOPIC).steps if s.figure["figure_id"] == "12-0")
    assert (corrected.figure["low"], corrected.figure["high"]) == (11000, 12000)
    assert corrected.figure["qualifier"] == "range"
    assert corrected.figure["as_extracted"]["low"] == 12000

    judge(scenario, "figure", "13-0", "--topic", "Troops/Belarusian", "--reason", "Belarus's")
    assert "13-0" not in [f for f, *_ in steps(scenario)]
    assert steps(scenario, "troops/belarus") == [("13-0", "first report", 12000, None)]

    judge(scenario, "sources", "seoul-herald", "kyiv-courier", "--same-origin", "--reason", "x")
    assert audit(scenario, TOPIC).summary.origins == (
        ("seoul-herald", "kyiv-courier"),
        ("wire-east", "daily-ledger"),
    )

    judge(
        scenario,
        "claimants",
        "South Korea's National Intelligence Service",
        "Lawmakers briefed by the intelligence service",
        "--same",
        "--as",
        "NIS",
        "--reason",
        "they relay the NIS",
    )
    claimants = {
        s.figure["figure_id"]: s.figure.get("claimant") for s in audit(scenario, TOPIC).steps
    }
    assert (claimants["1-0"], claimants["7-0"], claimants["8-0"]) == ("NIS", "NIS", "NIS")

    listed = json.loads(osint(scenario, "judgments", "--json").output)
    assert [(j["kind"], j["state"], j["author"]) for j in listed] == [
        ("figure", "stands", "alice"),
        ("figure", "stands", "alice"),
        ("figure", "stands", "alice"),
        ("sources", "stands", "alice"),
        ("claimants", "stands", "alice"),
    ]

    # Withdrawn: the figure is back as the extractor read it, and the withdrawal is listed.
    exclusion = listed[0]["judgment"]
    judge(scenario, "figure", "9-0", "--withdraw", exclusion[:8], "--reason", "not a duplicate")
    back = next(s for s in audit(scenario, TOPIC).steps if s.figure["figure_id"] == "9-0")
    assert back.change != "excluded" and "excluded" not in back.figure
    states = [j["state"] for j in json.loads(osint(scenario, "judgments", "--json").output)]
    assert states == ["withdrawn", "stands", "stands", "stands", "stands", "stands"]

    # A replay gives the same views, judgments and all.
    now = [
        (s.figure["figure_id"], s.change, s.figure.get("claimant"))
        for s in audit(scenario, TOPIC).steps
    ]
    ProjectionRunner(scenario, all_projectors()).replay()
    assert [
        (s.figure["figure_id"], s.change, s.figure.get("claimant"))
        for s in audit(scenario, TOPIC).steps
    ] == now


def test_as_of_before_a_judgment_ignores_it(scenario: EventStore):
    head, _ = scenario.head()
    judge(scenario, "figure", "9-0", "--exclude", "misread", "--reason", "wrong number")
    assert ("9-0", "excluded", 10000, 12000) in steps(scenario)
    then = steps(scenario, until=head)
    assert ("9-0", "widened", 10000, 12000) in then
    # By the log clock: the judgment was made today, the reports in 2024.
    assert steps(scenario, as_of=datetime(2024, 12, 1, tzinfo=UTC)) == then


def test_a_judgment_whose_figure_is_no_longer_read_is_orphaned_not_applied(scenario: EventStore):
    """A judgment made under another extractor names a span this one does not read there: it is
    listed for review and applied to nothing, least of all to the figure nearby."""
    judge(scenario, "figure", "9-0", "--exclude", "misread", "--reason", "stands")
    ref = FigureRef(
        stream_id="report/daily-ledger/world/kursk-general-staff",
        revision=1,
        start=60,
        end=71,
        text="10,000 and",
        low=10000.0,
        high=None,
    )
    old = FigureJudged(
        figure=ref,
        verdict="exclude",
        excluded_as="misread",
        author="bob",
        reason="made under an earlier extractor",
        judged_at=datetime.now(UTC),
    )
    scenario.append([NewEvent.of(old, stream_id=figure_stream_id(ref))])
    ProjectionRunner(scenario, all_projectors()).catch_up()
    orphans = json.loads(osint(scenario, "judgments", "--orphaned", "--json").output)
    assert [(j["author"], j["state"]) for j in orphans] == [("bob", "orphaned")]
    assert [j["state"] for j in json.loads(osint(scenario, "judgments", "--json").output)] == [
        "stands",
        "orphaned",
    ]
    assert sum(s.excluded for s in audit(scenario, TOPIC).steps) == 1  # alice's only


def test_judging_needs_an_author_a_reason_and_one_verdict(scenario: EventStore):
    missing = osint(scenario, "judge", "figure", "9-0", "--confirm", "--reason", "x", author=None)
    assert missing.exit_code == 2 and "--author NAME (or set OSINT_ANALYST)" in missing.output
    two = osint(scenario, "judge", "figure", "9-0", "--confirm", "--bounds", "1", "--reason", "x")
    assert two.exit_code == 2 and "give one of" in two.output
    bad = osint(scenario, "judge", "figure", "9-0", "--bounds", "lots", "--reason", "x")
    assert bad.exit_code == 2 and "'lots' is not bounds" in bad.output
    nowhere = osint(scenario, "judge", "figure", "99-0", "--confirm", "--reason", "x")
    assert nowhere.exit_code == 1 and "no figure '99-0'" in nowhere.output
    topic = osint(scenario, "judge", "figure", "9-0", "--topic", "cats/russia", "--reason", "x")
    assert topic.exit_code == 2 and "'cats' is not a category" in topic.output
    assert osint(scenario, "judgments").output.strip() == "no judgments yet"


@pytest.mark.postgres
def test_two_analysts_judging_one_figure_at_once_both_land_in_order(
    pg_database: str, tmp_path: Path
):
    from tests.audit.scenario import load
    from tests.conftest import reset_pg

    reset_pg(pg_database)
    store = open_store(pg_database)
    load(store)
    ProjectionRunner(store, all_projectors()).catch_up()
    store.close()
    command = [sys.executable, "-m", "osint", "--db", pg_database, "judge", "figure", "9-0"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OSINT_")}
    procs = [
        subprocess.Popen(
            [*command, "--confirm", "--author", who, "--reason", f"{who} checked"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for who in ("alice", "bob")
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    store = open_store(pg_database)
    try:
        judgments = [e for e in store.read() if e.type == "FigureJudged"]
        assert sorted(e.payload["author"] for e in judgments) == ["alice", "bob"]
        assert [e.stream_version for e in judgments] == [1, 2]  # one stream, in order
        nine = next(s for s in audit(store, TOPIC).steps if s.figure["figure_id"] == "9-0")
        assert [j["author"] for j in nine.figure["judgments"]] == [
            e.payload["author"] for e in judgments
        ]
        assert all(j["role"] == "postgres" for j in nine.figure["judgments"])
    finally:
        store.close()
