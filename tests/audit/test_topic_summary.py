"""The topics listing "now" reads the per-topic summaries the figures projector keeps
(`projections.topic_summary`); every field it shows must equal the full computation over the
live figures, topic by topic, through revisions, withdrawals, judgments and replays."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner
from sqlalchemy import MetaData, select

from events import EventStore
from ingest.observation import Observation
from ingest.run import ingest_observations
from ingest.withdrawals import Coverage, record_withdrawals
from osint.cli import cli
from osint.render import topic_record
from osint.web.pages import sparkline
from osint.wiring import all_projectors, open_store
from projections import topic_summary
from projections.audit import Cutoff, TopicEstimate, computed_estimates, topic_estimates
from projections.figures import FiguresProjector
from projections.runner import ProjectionRunner
from projections.state import live_tables
from projections.summary_builder import SummaryBuilder
from projections.topic_summary import LazySteps
from tests.audit.scenario import TOPIC, load

SUMMARY_FIELDS = (
    "current",
    "figures",
    "asserted",
    "denied",
    "low",
    "high",
    "lowest",
    "highest",
    "origins",
    "excluded",
    "claimants",
)


def listed(e: TopicEstimate) -> bytes:
    """What the listings show of a topic (commands, web page and API), as exact JSON."""
    last = e.steps[-1] if e.steps else None
    return orjson.dumps(
        {
            **topic_record(e),
            "summary": e.summary.to_dict(),
            "last_change": last.change if last else None,
            "last_change_at": last.figure["effective_at"] if last else None,
            "last_change_figure_id": last.figure["figure_id"] if last else None,
            "sparkline": sparkline(e.steps),
        }
    )


def step_lines(e: TopicEstimate) -> list[tuple[Any, ...]]:
    return [
        (s.index, s.change, *(s.figure[k] for k in ("figure_id", "effective_at", "low", "high")))
        for s in e.steps
    ]


def assert_kept_equals_computed(store: EventStore) -> list[TopicEstimate]:
    """The kept listing equals the full computation, topic by topic; return it."""
    kept = topic_estimates(store)
    assert kept and all(isinstance(e.steps, LazySteps) for e in kept), "summaries not used"
    full = computed_estimates(store, Cutoff())
    assert [e.topic for e in kept] == [e.topic for e in full]
    for k, f in zip(kept, full, strict=True):
        assert (k.category, k.actor) == (f.category, f.actor), k.topic
        for name in SUMMARY_FIELDS:
            assert getattr(k.summary, name) == getattr(f.summary, name), (k.topic, name)
        assert [d.figure["figure_id"] for d in k.summary.denials] == [
            d.figure["figure_id"] for d in f.summary.denials
        ]
        assert step_lines(k) == step_lines(f), k.topic
        assert listed(k) == listed(f), k.topic
    return kept


def osint(store: EventStore, *args: str) -> str:
    url = store.db.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(cli, ["--db", url, *args], env={"OSINT_ANALYST": "alice"})
    assert result.exit_code == 0, result.output
    return result.output


def summary_tables(store: EventStore) -> dict[str, list[tuple[Any, ...]]]:
    with store.db.connect() as conn:
        tables = live_tables(conn, FiguresProjector())
        assert tables is not None
        names = (
            "topic_summaries",
            "topic_states",
            "topic_steps",
            "topic_support",
            "topic_origins",
            "withdrawn_reports",
        )
        return {n: sorted(tuple(r) for r in conn.execute(select(tables[n]))) for n in names}


# Reports of a second topic (killed in Nikopol) that grow it, revise it and lose one.
NIKOPOL = [
    Observation("valley", "valley/1", "At least 12 people were killed in Nikopol, officials said."),
    Observation("valley", "valley/2", "At least 14 people were killed in Nikopol, officials said."),
    Observation("plain", "plain/1", "Officials said 9 people were killed in Nikopol on Monday."),
]


@pytest.mark.parametrize("spill", [False, True], ids=["held", "spilled"])
def test_the_kept_listing_equals_the_full_computation_through_every_kind_of_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spill: bool
) -> None:
    if spill:  # every recompute stores its builder and takes it up again after each figure
        monkeypatch.setattr(topic_summary, "SPILL_FIGURES", 1)
        monkeypatch.setattr(topic_summary, "RECOMPUTE_CHUNK", 1)
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        # The views are live from the first event on (a first build is a rebuild, which
        # makes the summaries once at its end), then follow in small batches: topics are
        # extended in place, and recomputed when a figure comes in dated before their latest
        # (the scenario is ingested in observation order).
        ProjectionRunner(store, all_projectors(), workers=0).catch_up()
        load(store)
        ProjectionRunner(store, all_projectors(), batch_size=3, workers=0).catch_up()
        assert_kept_equals_computed(store)

        ingest_observations(store, NIKOPOL)
        revised = Observation(
            "valley", "valley/2", "At least 19 people were killed in Nikopol, officials said."
        )
        ingest_observations(store, [revised])  # revision 2 supersedes 14
        runner = ProjectionRunner(store, all_projectors(), workers=0)
        runner.catch_up()
        kept = {e.topic: e for e in assert_kept_equals_computed(store)}
        nikopol = kept["killed/unattributed"]
        assert (nikopol.summary.figures, nikopol.summary.high) == (3, 19)

        coverage = Coverage("valley", ("valley/1", "valley/2"), frozenset({"valley/2"}))
        assert record_withdrawals(store, coverage, "post deleted") == 1
        runner.catch_up()
        kept = {e.topic: e for e in assert_kept_equals_computed(store)}
        current = kept["killed/unattributed"].summary.current
        assert current is not None and current.figure["source_id"] == "valley"

        # Judgments: one figure excluded, one moved to another topic, sources linked,
        # claimants merged, one judgment withdrawn; the listing follows each.
        osint(store, "judge", "figure", "9-0", "--exclude", "duplicate", "--reason", "as 8-0")
        assert_kept_equals_computed(store)
        osint(store, "judge", "figure", "13-0", "--topic", "Troops/Belarusian", "--reason", "b")
        kept = {e.topic: e for e in assert_kept_equals_computed(store)}
        assert kept["troops/belarus"].summary.figures == 1
        osint(
            store,
            "judge",
            "sources",
            "seoul-herald",
            "kyiv-courier",
            "--same-origin",
            "--reason",
            "r",
        )
        osint(store, "judge", "sources", "valley", "plain", "--same-origin", "--reason", "r")
        assert_kept_equals_computed(store)
        osint(
            store,
            "judge",
            "claimants",
            "South Korea's National Intelligence Service",
            "Lawmakers briefed by the intelligence service",
            "--same",
            "--as",
            "NIS",
            "--reason",
            "they relay the NIS",
        )
        assert_kept_equals_computed(store)
        exclusion = json.loads(osint(store, "judgments", "--json"))[0]["judgment"]
        osint(store, "judge", "figure", "9-0", "--withdraw", exclusion[:8], "--reason", "no")
        incremental = summary_tables(store)
        listing = [listed(e) for e in assert_kept_equals_computed(store)]

        # A replay (a new generation, summarised once at the switch) makes the same tables.
        ProjectionRunner(store, all_projectors(), workers=0).replay()
        assert summary_tables(store) == incremental
        assert [listed(e) for e in assert_kept_equals_computed(store)] == listing
    finally:
        store.close()


def test_a_judgment_changes_the_listing(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        load(store)
        ProjectionRunner(store, all_projectors(), workers=0).catch_up()
        before = {e.topic: e for e in topic_estimates(store)}[TOPIC]
        assert before.summary.current is not None
        assert before.summary.current.figure["figure_id"] == "13-0"
        assert (len(before.summary.origins), before.summary.excluded) == (4, 0)
        assert before.steps[-1].change == "widened"

        osint(store, "judge", "figure", "13-0", "--exclude", "misread", "--reason", "a typo")
        osint(
            store,
            "judge",
            "sources",
            "seoul-herald",
            "kyiv-courier",
            "--same-origin",
            "--reason",
            "r",
        )
        after = {e.topic: e for e in assert_kept_equals_computed(store)}[TOPIC]
        assert after.summary.current is not None
        assert after.summary.current.figure["figure_id"] == "12-0"
        assert "judgments" not in after.summary.current.figure  # 12-0 itself is not judged
        assert after.summary.excluded == 1
        assert after.summary.origins == (
            ("seoul-herald", "kyiv-courier"),
            ("wire-east", "daily-ledger"),
            ("daily-ledger",),  # its own text (9-0); atlantic-monitor's one figure is a denial
        )
        assert after.steps[-1].change == "excluded"
        record = json.loads(osint(store, "topics", "--format", "json"))
        mine = next(t for t in record["topics"] if t["topic"] == TOPIC)
        assert (mine["current_figure_id"], mine["independent_sources"]) == ("12-0", 3)
    finally:
        store.close()


def test_a_cutoff_computes_the_listing_from_the_figures(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        load(store)
        ProjectionRunner(store, all_projectors(), workers=0).catch_up()
        head = store.head()[0]
        for cutoff in (Cutoff(position=head), Cutoff(published_before="2030-01-01T00:00:00Z")):
            cut = topic_estimates(store, cutoff)
            assert all(isinstance(e.steps, tuple) for e in cut)
            assert [listed(e) for e in cut] == [listed(e) for e in topic_estimates(store)]
    finally:
        store.close()


def test_summaries_written_a_group_at_a_time_equal_those_written_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild stores its recomputed topics in groups, and each topic's steps a chunk of
    figures at a time (so its memory follows neither the log nor the largest topic); the
    tables must not depend on where the groups or the chunks end."""
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        load(store)
        ingest_observations(store, NIKOPOL)
        ProjectionRunner(store, all_projectors(), workers=0).catch_up()
        at_once = summary_tables(store)
        assert len(at_once["topic_summaries"]) >= 3
        monkeypatch.setattr(topic_summary, "REWRITE_FIGURES_HELD", 1)
        monkeypatch.setattr(topic_summary, "RECOMPUTE_CHUNK", 1)
        ProjectionRunner(store, all_projectors(), workers=0).replay()
        assert summary_tables(store) == at_once
        assert_kept_equals_computed(store)
        # ... nor on where a large topic's recompute stores its builder and takes it up.
        monkeypatch.setattr(topic_summary, "SPILL_FIGURES", 2)
        ProjectionRunner(store, all_projectors(), workers=0).replay()
        assert summary_tables(store) == at_once
        assert_kept_equals_computed(store)
    finally:
        store.close()


@pytest.mark.parametrize(("spill", "chunk"), [(1, 1), (3, 1), (2, 2), (4, 3)])
def test_a_recompute_taken_up_again_still_knows_the_reprints_it_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spill: int, chunk: int
) -> None:
    """A text first carried before the builder was stored and reprinted after it is taken up
    again is still a copy of its first carrier (one origin), in the topic and in its support
    group; so is a text of a linked source. Stored after every figure, or every few with
    chunks taken up in between."""
    same = "At least 40 people were killed in Kherson, officials said."
    reports = [
        Observation("wire", "wire/1", same),
        Observation("city", "city/1", "At least 41 people were killed in Kherson, officials said."),
        Observation(
            "daily", "daily/1", "At least 42 people were killed in Kherson, officials said."
        ),
        Observation("copy-1", "copy-1/1", same),
        Observation("radio", "radio/1", "At least 40 people were killed in Kherson, police said."),
        Observation("copy-2", "copy-2/1", same),
        Observation("city", "city/2", "At least 40 people were killed in Kherson on Friday."),
    ]
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        ingest_observations(store, reports)
        osint(store, "judge", "sources", "city", "radio", "--same-origin", "--reason", "r")
        ProjectionRunner(store, all_projectors(), workers=0).catch_up()
        held = summary_tables(store)
        kept = {e.topic: e for e in assert_kept_equals_computed(store)}
        killed = kept["killed/unattributed"].summary
        assert killed.figures == 7
        # wire (with its two copies), city and radio (linked), daily.
        assert len(killed.origins) == 3
        monkeypatch.setattr(topic_summary, "SPILL_FIGURES", spill)
        monkeypatch.setattr(topic_summary, "RECOMPUTE_CHUNK", chunk)
        ProjectionRunner(store, all_projectors(), workers=0).replay()
        assert summary_tables(store) == held
        assert_kept_equals_computed(store)
    finally:
        store.close()


def test_a_recompute_holds_a_bounded_number_of_support_groups_whatever_the_topics_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A topic has about as many support groups (one per series, bounds and stance) and first
    carriers as figures; a recompute that stores its builder every `SPILL_FIGURES` figures
    holds at most those of `SPILL_FIGURES` plus one chunk, where holding them all until the
    topic is written held one per figure (a million corpus events: 44,565 groups, 80 MB).
    Counted, with the tables the same either way."""
    reports = [
        Observation(f"desk-{n}", f"desk-{n}/1", f"At least {n} people were killed in Kherson.")
        for n in range(10, 50)
    ]
    held: list[int] = []
    carriers: list[int] = []
    real = SummaryBuilder.add_figure

    def counting(self: SummaryBuilder, figure: Any) -> Any:
        step = real(self, figure)
        h = self.history
        held.append(len(h.support) + len(h.stored_support))
        carriers.append(
            len(self.origins.first_carrier)
            + sum(len(o.first_carrier) for o in h.support.values())
            + sum(len(c) for _s, c, _a in h.stored_support.values())
        )
        return step

    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        ingest_observations(store, reports)
        monkeypatch.setattr(topic_summary, "RECOMPUTE_CHUNK", 2)
        monkeypatch.setattr(SummaryBuilder, "add_figure", counting)
        most = {}
        for spill in (10**9, 5):
            monkeypatch.setattr(topic_summary, "SPILL_FIGURES", spill)
            held.clear()
            carriers.clear()
            ProjectionRunner(store, all_projectors(), workers=0).replay()
            most[spill] = (len(held), max(held), max(carriers))
            if spill == 10**9:
                tables = summary_tables(store)
            else:
                assert summary_tables(store) == tables
        # 40 figures, each in a group of its own and with a text of its own (two carriers:
        # in the topic and in its group).
        assert most[10**9] == (40, 40, 80)
        assert most[5] == (40, 6, 12)
    finally:
        store.close()


class _Stop(Exception):
    pass


@pytest.fixture
def recomputed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The topics recomputed from all their figures, in order, while the test runs."""
    seen: list[str] = []
    real = topic_summary._recompute

    def counting(conn, figures, topic, judgments, gone, flush):  # type: ignore[no-untyped-def]
        seen.append(topic)
        return real(conn, figures, topic, judgments, gone, flush)

    monkeypatch.setattr(topic_summary, "_recompute", counting)
    return seen


def test_a_backlog_recomputes_each_stale_topic_once_at_the_end_of_its_catch_up(
    tmp_path: Path, recomputed: list[str]
) -> None:
    """Figures dated before a topic's latest leave the topic stale (`topic_pending`) until the
    catch-up ends, where it is recomputed once; meanwhile the listing computes it from its
    figures, so no reader sees a stale summary, and a catch-up cut short leaves the rest to
    the next one."""
    store = open_store(f"sqlite:///{tmp_path / 'log.db'}")
    try:
        ProjectionRunner(store, all_projectors(), workers=0).catch_up()  # live from the start
        load(store)
        ingest_observations(store, NIKOPOL)
        batches, last = 0, (store.head()[0] + 1) // 2

        def stop_before_the_last(_done: int) -> None:
            nonlocal batches
            batches += 1
            if batches == last - 1:
                raise _Stop

        runner = ProjectionRunner(store, all_projectors(), batch_size=2, workers=0)
        with pytest.raises(_Stop):
            runner.catch_up(progress=stop_before_the_last)
        assert recomputed == []  # nothing recomputed batch by batch
        with store.db.connect() as conn:
            tables = live_tables(conn, FiguresProjector())
            assert tables is not None
            pending = topic_summary.read_pending(conn, tables)
        assert pending, "the scenario's out-of-order figures should leave a topic stale"
        # The listing half-way: pending topics computed, the others kept, all as computed.
        kept = {e.topic: e for e in topic_estimates(store)}
        full = {e.topic: e for e in computed_estimates(store, Cutoff())}
        assert sorted(kept) == sorted(full)
        for topic, estimate in kept.items():
            assert isinstance(estimate.steps, LazySteps) == (topic not in pending), topic
            assert listed(estimate) == listed(full[topic]), topic

        runner.catch_up()
        assert sorted(recomputed) == sorted(set(recomputed))  # each topic at most once
        assert pending <= set(recomputed)
        with store.db.connect() as conn:
            assert topic_summary.read_pending(conn, tables) == set()
        assert_kept_equals_computed(store)
        incremental = summary_tables(store)
        ProjectionRunner(store, all_projectors(), workers=0).replay()
        assert summary_tables(store) == incremental
    finally:
        store.close()


def test_reports_dated_out_of_order_go_in_among_the_steps_without_a_recompute(
    db_url: str, recomputed: list[str]
) -> None:
    """News is not polled in the order it was published: each report here is dated before
    the ones already projected. Its figure is put in among the topic's steps (no topic left
    pending, nothing recomputed), and the listing and the tables equal the full computation
    and a replay's, on SQLite and PostgreSQL."""
    store = open_store(db_url)
    try:
        runner = ProjectionRunner(store, all_projectors(), workers=0)
        runner.catch_up()  # live from the start
        told = [
            ("valley", 28, "At least 40 people were killed in Nikopol, officials said."),
            ("plain", 20, "At least 25 people were killed in Nikopol, officials said."),
            ("hill", 24, "At least 25 people were killed in Nikopol, the governor said."),
            ("valley", 12, "At least 12 people were killed in Nikopol, officials said."),
            ("coast", 16, "Officials denied reports that 30 people were killed in Nikopol."),
            ("hill", 5, "At least 9 people were killed in Nikopol, the governor said."),
        ]
        for i, (source, day, text) in enumerate(told):
            published = datetime(2025, 3, day, tzinfo=UTC)
            ingest_observations(
                store, [Observation(source, f"{source}/{i}", text, published_at=published)]
            )
            runner.catch_up()
            with store.db.connect() as conn:
                tables = live_tables(conn, FiguresProjector())
                assert tables is not None
                assert topic_summary.read_pending(conn, tables) == set()
            assert_kept_equals_computed(store)
        assert recomputed == []
        kept = {e.topic: e for e in topic_estimates(store)}["killed/unattributed"]
        assert [(s.figure["low"], s.change) for s in kept.steps] == [
            (9.0, "first report"),  # "at least": each higher bound narrows the range
            (12.0, "narrowed"),
            (30.0, "contradicted"),
            (25.0, "narrowed"),
            (25.0, "corroborated"),
            (40.0, "narrowed"),
        ]
        assert kept.summary.current is not None and kept.summary.current.index == 6
        assert kept.summary.lowest is not None and kept.summary.lowest.figure["low"] == 9.0
        incremental = summary_tables(store)
        ProjectionRunner(store, all_projectors(), workers=0).replay()
        assert summary_tables(store) == incremental
    finally:
        store.close()


def test_first_carriers_are_read_by_their_whole_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catch-up reads the first carriers its figures need by (topic, scope, text): the
    lookup must use the whole key, or it reads every first carrier of the topic for each
    chunk (`(scope, text) IN (…)` did so in SQLite, and a catch-up's cost grew with the
    largest topic). The rows found are those asked for, and only those."""
    from sqlalchemy import create_engine

    from projections import driver

    engine = create_engine(f"sqlite:///{tmp_path / 'o.db'}")
    tables = topic_summary.define_tables(MetaData(), "_t")
    org = tables["topic_origins"]
    stored = [
        {"topic": t, "scope": s, "text": x, "carrier": f"{t}{s}{x}", "first": "[]"}
        for t in ("a", "b")
        for s in ("", "total|1.0|1.0|0")
        for x in ("t1", "t2", "t3")
    ]
    pairs = [("", "t1"), ("total|1.0|1.0|0", "t3"), ("", "missing")]
    ran: list[tuple[str, list[Any]]] = []

    def noting(conn, sql, rows, after=()):  # type: ignore[no-untyped-def]
        ran.append((sql, [*(v for r in rows for v in r), *after]))
        return driver.fetch_rows(conn, sql, rows, after)

    monkeypatch.setattr(topic_summary, "fetch_rows", noting)
    with engine.begin() as conn:
        org.create(conn)
        conn.execute(org.insert(), stored)
        found = sorted(topic_summary._carriers_of(conn, org, "a", pairs))
        ((sql, params),) = ran
        rows = ", ".join(["(?, ?)"] * len(pairs))
        plan = " ".join(
            str(r[-1])
            for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + sql.format(rows=rows, mark="?"), tuple(params)
            )
        )
    assert found == [
        ("", "t1", "at1", "[]"),
        ("total|1.0|1.0|0", "t3", "atotal|1.0|1.0|0t3", "[]"),
    ]
    assert "topic=? AND scope=? AND text=?" in plan, plan
