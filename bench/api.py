"""The web app's API: does a topic's timeline cost more as the log grows, and what does HTTP
add to the audit query it serves?

Two logs are built the same way: N events of the synthetic corpus, then the audit scenario's
thirteen reports with their actor renamed (Eritrea, which the corpus never names), so one topic
has the same eleven figures in both logs; the views are built by the projection runner. Each
log is served by `osint serve` in its own process, and requests go over a real port (httpx,
one keep-alive connection, no `If-None-Match`: every request is a full 200).

- "api: topic timeline at BIG vs SMALL": time per `GET /api/topics/troops/eritrea` against the
  big log's server / the same against the small log's (alternating batches; 1.00 = flat).
- "api: requests/s vs in-process audit()": requests per second against the small log's server
  / calls per second of `projections.audit.audit` on the same log in this process.
"""

from __future__ import annotations

import dataclasses
import socket
import subprocess
import sys
import time

import httpx

from bench.databases import Scratch
from bench.harness import Row, Stopwatch, alternate, rate_row
from bench.scale import run as run_worker
from ingest.run import ingest_observations
from osint.wiring import all_projectors, open_store
from projections.audit import audit
from projections.runner import ProjectionRunner
from tests.audit.scenario import REPORTS, at

TOPIC = "troops/eritrea"
PATH = f"/api/topics/{TOPIC}"
FIGURES = 11  # the scenario's troop figures, in every log
_RENAMES = (("North Korean", "Eritrean"), ("North Korea", "Eritrea"), ("Pyongyang", "Asmara"))


def _renamed(text: str) -> str:
    for old, new in _RENAMES:
        text = text.replace(old, new)
    return text


def build(url: str, corpus_events: int) -> None:
    """`corpus_events` of the corpus (appended in a worker process), the renamed scenario
    after them, and every view caught up."""
    run_worker("append", url, corpus_events)
    store = open_store(url)
    for report in sorted(REPORTS, key=lambda r: r.observed):
        observation = report.observation()
        observation = dataclasses.replace(
            observation,
            source_id=f"bench-{observation.source_id}",
            text=_renamed(observation.text),
            title=_renamed(observation.title or ""),
        )
        ingest_observations(store, [observation], observed_at=at(report.observed))
    ProjectionRunner(store, all_projectors()).catch_up()
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Served:
    """`osint serve` over one log, in its own process."""

    def __init__(self, url: str) -> None:
        self.port = free_port()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "osint", "--db", url, "serve", "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=60)
        deadline = time.monotonic() + 120
        while True:
            try:
                self.client.get("/static/style.css")  # ready: nothing of the views read yet
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise RuntimeError("osint serve did not start") from None
                time.sleep(0.1)

    def timeline(self) -> dict:  # type: ignore[type-arg]
        response = self.client.get(PATH)
        response.raise_for_status()
        return response.json()  # type: ignore[no-any-return]

    def close(self) -> None:
        self.client.close()
        self.proc.terminate()
        self.proc.wait(30)


def _requests(served: Served, count: int):  # type: ignore[no-untyped-def]
    def run() -> float:
        with Stopwatch() as sw:
            for _ in range(count):
                served.timeline()
        return sw.seconds

    return run


def bench_api(scratch: Scratch, small: int, big: int, requests: int, repeats: int) -> list[Row]:
    urls = {}
    for n in (small, big):
        urls[n] = scratch.sqlite_url()
        build(urls[n], n)
    servers = {n: Served(url) for n, url in urls.items()}
    try:
        for n, served in servers.items():
            body = served.timeline()
            assert len(body["steps"]) == FIGURES, (n, len(body["steps"]))
            served.timeline()  # warm: the first request of a process opens its connections
        o, b, r = alternate(
            _requests(servers[big], requests), _requests(servers[small], requests), repeats
        )
        big_med, small_med, ratio = o / requests, b / requests, 1 / r
        rows = [
            Row(
                f"api: topic timeline at {big:,} events vs {small:,}",
                big_med * 1e3,
                "ms/req",
                small_med * 1e3,
                ratio,
                "<= 1.50",
                ratio <= 1.5,
                f"GET {PATH} ({FIGURES} figures) over HTTP; time per request in a log of {big:,}"
                f" events / in one of {small:,}",
            )
        ]
        store = open_store(urls[small])
        assert len(audit(store, TOPIC).steps) == FIGURES

        def in_process() -> float:
            with Stopwatch() as sw:
                for _ in range(requests):
                    audit(store, TOPIC)
            return sw.seconds

        o, b, r = alternate(_requests(servers[small], requests), in_process, repeats)
        store.close()
        rows.append(
            rate_row(
                "api: requests/s vs in-process audit()",
                requests,
                "req/s",
                o,
                b,
                r,
                0.50,
                note=f"GET {PATH} to osint serve (its own process) vs audit() calls in this"
                f" process, on the {small:,}-event log",
            )
        )
        return rows
    finally:
        for served in servers.values():
            served.close()
