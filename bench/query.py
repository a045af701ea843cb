"""The analyst's read path: does a question cost more when the log around it is bigger?

Two logs are built the same way: N events of the synthetic corpus, then one topic the corpus
never names (troops/eritrea) with `FIGURES` reports of one figure each, from 40 sources over
`FIGURES` hours, observed in ten runs a day apart; every view is caught up by the projection
runner. The calls are the ones the commands make (`osint topics`, `audit`, `show figure`,
`audit --as-of`, `audit --published-before`, `search`), in this process, alternately against
the big and the small log (`CALLS` calls a batch). Each row: time per call on the big log /
on the small one (1.00 = flat; the aim of issue 17 is <= 1.50, which only an index-backed
query meets).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bench.corpus import Corpus
from bench.harness import Row, Stopwatch
from bench.scale import run as run_worker
from events import EventStore
from ingest.observation import Observation
from ingest.run import ingest_observations
from osint.wiring import all_projectors, open_store
from projections.audit import audit, figure_chain, figures_under, make_cutoff, topic_estimates
from projections.runner import ProjectionRunner
from projections.search import search_reports

TOPIC = "troops/eritrea"
FIGURES = 1_000
SOURCES = 40
RUNS = 10
START = datetime(2025, 3, 1, tzinfo=UTC)
PLACES = ("Asmara", "Massawa", "Keren", "Assab", "Barentu", "Tesseney", "Mendefera", "Adi Quala")
VERBS = ("were stationed near", "had moved towards", "were deployed around", "gathered outside")
CLAIMS = ("officials said", "a regional envoy said", "diplomats said", "a monitoring group said")


def topic_reports(count: int) -> list[list[Observation]]:
    """`count` reports of the topic, one troop figure each, in `RUNS` runs (oldest first).
    Each report ends with corpus prose of its own, so no two are near-copies of each other."""
    prose = Corpus(seed=977).reports(count, min_chars=160)
    runs: list[list[Observation]] = [[] for _ in range(RUNS)]
    for i, filler in zip(range(count), prose, strict=False):
        figure = 1_200 + 37 * i
        text = (
            f"{CLAIMS[i % len(CLAIMS)].capitalize()} on {_day(i)} that {figure:,} Eritrean"
            f" troops {VERBS[i % len(VERBS)]} {PLACES[i % len(PLACES)]}. {filler.text}"
        )
        runs[i * RUNS // count].append(
            Observation(
                source_id=f"bench-horn-{i % SOURCES:02d}",
                item_key=f"dispatch-{i:05d}",
                text=text,
                url=f"https://horn-{i % SOURCES:02d}.example.org/dispatch-{i:05d}",
                title=f"Eritrean troops near {PLACES[i % len(PLACES)]}",
                published_at=START + timedelta(hours=i),
            )
        )
    return runs


def _day(i: int) -> str:
    return ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")[i % 5]


def observed(run: int) -> datetime:
    return START + timedelta(days=60 + run)


def build(url: str, corpus_events: int) -> None:
    """`corpus_events` corpus events (in a worker process), the topic after them, views built."""
    run_worker("append", url, corpus_events)
    store = open_store(url)
    for n, group in enumerate(topic_reports(FIGURES)):
        ingest_observations(store, group, observed_at=observed(n))
    ProjectionRunner(store, all_projectors()).catch_up()
    store.close()


def _queries(store: EventStore) -> dict[str, Callable[[], object]]:
    """Each row's call, as the command makes it (the figure asked for: the topic's middle)."""
    rows, _ = figures_under(store, make_cutoff(store), TOPIC)
    assert len(rows) == FIGURES, len(rows)
    middle = rows[len(rows) // 2]["figure_id"]
    as_of = observed(RUNS // 2).isoformat()
    before = (START + timedelta(hours=FIGURES // 2)).isoformat()

    def check(value: object, want: int) -> None:
        assert value == want, (value, want)

    return {
        "topics": lambda: topic_estimates(store, make_cutoff(store)),
        f"audit of a topic with {FIGURES:,} figures": lambda: check(
            audit(store, TOPIC).summary.figures, FIGURES
        ),
        "show figure": lambda: figure_chain(store, middle),
        "audit --as-of": lambda: audit(store, TOPIC, make_cutoff(store, as_of=as_of)),
        "audit --published-before": lambda: audit(
            store, TOPIC, make_cutoff(store, published_before=before)
        ),
        "search": lambda: check(search_reports(store, "Eritrean troops").total, FIGURES),
    }


def bench_query(scratch, small: int, big: int, calls: int, repeats: int) -> list[Row]:  # type: ignore[no-untyped-def]
    urls = {}
    for n in (small, big):
        urls[n] = scratch.sqlite_url()
        build(urls[n], n)
    stores = {n: open_store(u) for n, u in urls.items()}
    queries = {n: _queries(s) for n, s in stores.items()}
    rows: list[Row] = []
    for name in queries[small]:
        per_call: dict[int, list[float]] = {small: [], big: []}
        cpu: dict[int, list[float]] = {small: [], big: []}  # the process's CPU time, ms a call
        for i in range(repeats):
            order = (small, big) if i % 2 == 0 else (big, small)
            for n in order:
                call = queries[n][name]
                call()  # the first call of a batch warms the caches, as a second command would
                cpu_start = time.process_time()
                with Stopwatch() as sw:
                    for _ in range(calls):
                        call()
                cpu[n].append((time.process_time() - cpu_start) / calls * 1e3)
                per_call[n].append(sw.seconds / calls * 1e3)
        ratios = [b / s for b, s in zip(per_call[big], per_call[small], strict=True)]
        ratio = statistics.median(ratios)
        rows.append(
            Row(
                f"query: {name} at {big:,} vs {small:,}",
                statistics.median(per_call[big]),
                "ms",
                statistics.median(per_call[small]),
                ratio,
                "<= 1.50",
                ratio <= 1.5,
                f"time per call, {calls} calls a batch, median of {repeats} alternated; CPU"
                f" {statistics.median(cpu[big]):.2f} ms a call vs"
                f" {statistics.median(cpu[small]):.2f} ms",
            )
        )
    for s in stores.values():
        s.close()
    return rows
