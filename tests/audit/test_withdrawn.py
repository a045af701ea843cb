"""A report its source took down (a deleted Telegram post) keeps its figures in the audit,
marked: the claim was made, and its deletion is worth knowing. `--until` before the
withdrawal shows it unmarked; a return of the post clears the mark."""

from __future__ import annotations

import json

from click.testing import CliRunner

from events import EventStore
from ingest.observation import Observation
from ingest.run import ingest_observations
from ingest.withdrawals import Coverage, record_withdrawals
from osint.cli import cli
from osint.wiring import all_projectors, open_store
from projections.runner import ProjectionRunner

POST = Observation(
    "valley",
    "valleynews/7",
    "At least 12 people were killed in the shelling of Nikopol, the regional governor said.",
    url="https://t.me/valleynews/7",
)
OTHER = Observation(
    "valley",
    "valleynews/8",
    "At least 14 people were killed in Nikopol, the regional governor said on Tuesday.",
    url="https://t.me/valleynews/8",
)
TOPIC = "killed/unattributed"


def audit(db: str, *args: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(cli, ["--db", db, "audit", TOPIC, "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def marks(report: dict) -> dict[str, tuple[str | None, str | None]]:  # type: ignore[type-arg]
    return {s["item_key"]: (s["withdrawn_at"], s["withdrawn_reason"]) for s in report["steps"]}


def catch_up(store: EventStore) -> None:
    ProjectionRunner(store, all_projectors(), workers=0).catch_up()


def test_a_withdrawn_report_stays_in_the_audit_marked(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        ingest_observations(store, [POST, OTHER])
        coverage = Coverage("valley", ("valleynews/7", "valleynews/8"), frozenset({"valleynews/8"}))
        assert record_withdrawals(store, coverage, "no longer shown on the channel") == 1
        catch_up(store)
        withdrawn_at = store.head()[0]
        now = marks(audit(sqlite_url))
        assert set(now) == {"valleynews/7", "valleynews/8"}  # both figures still there
        assert now["valleynews/8"] == (None, None)
        at, why = now["valleynews/7"]
        assert at is not None and why == "no longer shown on the channel"
        table = CliRunner().invoke(cli, ["--db", sqlite_url, "audit", TOPIC]).output
        assert "withdrawn   by the source, seen" in table
        assert table.count("withdrawn   by the source") == 1
        before = marks(audit(sqlite_url, "--until", str(withdrawn_at - 1)))
        assert before["valleynews/7"] == (None, None)

        returned = Observation(POST.source_id, POST.item_key, POST.text + " Rescuers left.")
        ingest_observations(store, [returned])
        catch_up(store)
        assert marks(audit(sqlite_url))["valleynews/7"] == (None, None)
    finally:
        store.close()


def test_show_report_lists_each_withdrawal_after_the_revision_it_took_down(sqlite_url: str) -> None:
    store = open_store(sqlite_url)
    try:
        ingest_observations(store, [POST])
        coverage = Coverage("valley", ("valleynews/7",), frozenset())
        assert record_withdrawals(store, coverage, "deleted <b>by admin</b>") == 1
        ingest_observations(
            store, [Observation(POST.source_id, POST.item_key, POST.text + " More.")]
        )
        catch_up(store)
        shown = CliRunner().invoke(cli, ["--db", sqlite_url, "show", "report", "valleynews/7"])
        assert shown.exit_code == 0, shown.output
        lines = [line.strip() for line in shown.output.splitlines()]
        first = lines.index(next(line for line in lines if line.startswith("revision 1")))
        second = lines.index(next(line for line in lines if line.startswith("revision 2")))
        gone = [i for i, line in enumerate(lines) if line.startswith("withdrawn by the source")]
        assert len(gone) == 1 and first < gone[0] < second
        assert lines[gone[0]].endswith(": deleted <b>by admin</b>")  # shown as text
        record = json.loads(
            CliRunner()
            .invoke(cli, ["--db", sqlite_url, "show", "report", "valleynews/7", "--json"])
            .output
        )
        assert [(w["position"], w["reason"]) for w in record["withdrawals"]] == [
            (2, "deleted <b>by admin</b>")
        ]
    finally:
        store.close()
