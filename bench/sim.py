"""`python -m bench.sim` (`make sim`): several `osint schedule` processes on one PostgreSQL
database against one local server of many feeds, judged from the outside.

A run: create a fresh database on 127.0.0.1:5432, start `bench.simfeeds` (one process, N feed
URLs, mixed behaviour), write one sources file per scheduler (the same sources; only the
`X-Sim-Scheduler` header differs, so the server's log says who asked), start the schedulers,
sample each one's memory from /proc every two seconds, stop them all with SIGTERM after the
run's duration, stop the server, then compare the server's request log with the events in the
database, and drop the database.

What is measured (see bench/SIMULATION.md for the method and the figures):
- polls per second per scheduler (requests of one poll, retries included, count once);
- lateness: after a successful poll (200 or 304), how much later than the source's interval the
  next poll began, as a share of the interval (p50, p99, worst);
- overlaps: two requests for one URL whose times overlap, and two polls of one source less than
  half an interval apart after a successful poll (early repeats, with who made them);
- lost and doubled reports: every (source, item, edition) the server served in a 200 must be in
  the log exactly once, with revisions 1, 2, … in the order the editions appeared;
- failures recorded: every failed poll (its last answer 5xx, 429 or cut short) is one
  `FetchFailed`;
- Retry-After honoured: no poll of a source earlier than the `Retry-After` its last answer gave;
- memory: each scheduler's peak (VmHWM) and last RSS.

`--compare 1000,10000` runs the sizes one after the other and reports the memory ratio.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bench.simfeeds import ABORTED

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results" / "simulation.json"
PG_SERVER = os.environ.get("OSINT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
RETRY_GAP = 6.0  # a request this soon after a retried answer by the same scheduler is a retry
# Answers a fetch retries inside one poll (`ingest.fetch`: backoff about 0.5 s, then 1 s): a 5xx
# without Retry-After, and a response the server could not write in full, which reaches the
# client as a network error (`bench.simfeeds.ABORTED`).
RETRIED = (500, 502, ABORTED)
EDITION = re.compile(r"Edition (\d+)\.")


@dataclass(frozen=True, slots=True)
class SimConfig:
    """One run. Source i polls every `interval` × (1, 1.5, 2)[i % 3] seconds."""

    sources: int = 10_000
    schedulers: int = 4
    interval: float = 60.0
    duration: float = 300.0
    change_every: float = 90.0
    seed: int = 7
    project: bool = False

    def interval_of(self, index: int) -> float:
        return self.interval * (1.0, 1.5, 2.0)[index % 3]


@dataclass
class Poll:
    feed: int
    by: str
    start: float
    end: float
    status: int
    requests: int = 1
    retry_after: float | None = None


@dataclass
class SimResult:
    config: dict[str, Any]
    seconds: float
    requests: int
    polls: int
    polls_per_second: dict[str, float]
    startup_seconds: dict[str, float]
    lateness: dict[str, float | None]
    late_over_10pct: int
    lateness_samples: int
    never_polled: int
    first_round_seconds: float | None
    lateness_after_first_round: dict[str, float | None]
    lateness_samples_after_first_round: int
    overlapping_requests: int
    aborted_responses: int
    early_repeats: int
    early_repeats_by_other_scheduler: int
    served_editions: int
    reports_in_log: int
    lost: int
    doubled: int
    misordered: int
    failed_polls: int
    abandoned_polls: int
    fetch_failed_events: int
    retry_after_violations: int
    memory_kib: dict[str, dict[str, int]]
    exit_codes: dict[str, int]
    tracebacks: int
    examples: dict[str, list[Any]] = field(default_factory=dict)
    cpu_seconds: dict[str, float] = field(default_factory=dict)
    transactions: int | None = None
    unreachable: dict[str, int] = field(default_factory=dict)
    free_connections_at_start: int | None = None
    rss_growth: dict[str, dict[str, float | int | None]] = field(default_factory=dict)


# -- running ---------------------------------------------------------------------------------


@contextmanager
def fresh_database(server: str = PG_SERVER, prefix: str = "osint_sim") -> Iterator[str]:
    """A database of its own for one run, dropped afterwards (even after a failure); the test
    suite's PostgreSQL fixture uses it too."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{server}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def write_sources(path: Path, cfg: SimConfig, port: int, scheduler: str) -> None:
    """The sources file of one scheduler: every feed, its interval, its scheduler's header."""
    lines = []
    for i in range(cfg.sources):
        lines.append(
            f'[[source]]\nid = "desk-{i:05d}"\nkind = "feed"\n'
            f'url = "http://127.0.0.1:{port}/feed/{i}"\nevery = "{cfg.interval_of(i):g}s"\n'
            f'allow_private = true\ntimeout = 15\nheaders = {{ X-Sim-Scheduler = "{scheduler}" }}\n'
        )
    path.write_text("\n".join(lines))


def _memory(pid: int) -> dict[str, int]:
    """VmHWM and VmRSS of a live process, in KiB (empty once it has exited)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {}
    found = {}
    for line in status.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = int(value.split()[0])
    return found


def _cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time a live process has used so far (None once it has exited)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _transactions(db: str) -> int | None:
    """Transactions committed in the run's database so far (PostgreSQL's own count); None
    when the server refuses one more connection (it is shared with other work)."""
    name = db.rsplit("/", 1)[1]
    engine = create_engine(f"{PG_SERVER}/postgres")
    try:
        with engine.connect() as conn:
            found = conn.execute(
                text("SELECT xact_commit FROM pg_stat_database WHERE datname = :n"), {"n": name}
            ).scalar()
    except OperationalError:
        return None
    finally:
        engine.dispose()
    return int(found or 0)


def free_connections() -> int:
    """How many more connections the PostgreSQL server accepts now. Each scheduler may open
    up to 15 (SQLAlchemy's default pool); when the server runs out, polls fail with "cannot
    reach the log" and the run measures the server's limit, not the schedulers."""
    engine = create_engine(f"{PG_SERVER}/postgres")
    try:
        with engine.connect() as conn:
            limit = int(conn.execute(text("SHOW max_connections")).scalar() or 0)
            used = int(conn.execute(text("SELECT count(*) FROM pg_stat_activity")).scalar() or 0)
    finally:
        engine.dispose()
    return limit - used


def _wait_for_file(path: Path, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text().endswith("\n"):
            return path.read_text()
        time.sleep(0.05)
    raise RuntimeError(f"the feed server did not start within {timeout:g} s")


def run(cfg: SimConfig, workdir: Path, say: Any = print) -> SimResult:
    """One simulated run in `workdir` (logs stay there); returns the measured figures."""
    from osint.wiring import open_store

    env = {k: v for k, v in os.environ.items() if not k.startswith("OSINT_")}
    free_at_start = free_connections()
    if free_at_start < 15 * cfg.schedulers + 5:
        say(
            f"  warning: PostgreSQL accepts only {free_at_start} more connections;"
            f" {cfg.schedulers} schedulers may need {15 * cfg.schedulers}"
        )
    with fresh_database() as db:
        open_store(db).close()  # the schema exists before the schedulers race for it
        log_path = workdir / "requests.jsonl"
        port_file = workdir / "port"
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bench.simfeeds",
                f"--count={cfg.sources}",
                f"--seed={cfg.seed}",
                f"--change-every={cfg.change_every}",
                f"--log={log_path}",
                f"--port-file={port_file}",
            ],
            cwd=REPO,
            env=env,
        )
        schedulers: dict[str, subprocess.Popen[bytes]] = {}
        try:
            port = int(_wait_for_file(port_file, 30).split()[0])
            names = [f"s{n + 1}" for n in range(cfg.schedulers)]
            for name in names:
                write_sources(workdir / f"sources-{name}.toml", cfg, port, name)
            launched = time.time()
            for name in names:
                command = [sys.executable, "-m", "osint", "--db", db, "schedule"]
                command += ["--sources", str(workdir / f"sources-{name}.toml")]
                if not cfg.project:
                    command.append("--no-project")
                with (workdir / f"{name}.err").open("wb") as err:
                    schedulers[name] = subprocess.Popen(
                        command, cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=err
                    )
            say(
                f"  {cfg.sources} sources, {cfg.schedulers} schedulers, {cfg.duration:g} s"
                f" (logs in {workdir})"
            )
            memory: dict[str, dict[str, int]] = {name: {} for name in names}
            cpu: dict[str, float] = {}
            rss_series: dict[str, list[tuple[float, int]]] = {name: [] for name in names}
            xacts_before = _transactions(db)
            while time.time() - launched < cfg.duration:
                time.sleep(2.0)
                for name, process in schedulers.items():
                    seen = _memory(process.pid)
                    if seen:
                        memory[name] = seen
                        rss_series[name].append((round(time.time() - launched, 1), seen["VmRSS"]))
                    used = _cpu_seconds(process.pid)
                    if used is not None:
                        cpu[name] = used
                used = _cpu_seconds(server.pid)
                if used is not None:
                    cpu["server"] = used
            stopped = time.time()
            xacts_after = _transactions(db)
            xacts = None if None in (xacts_before, xacts_after) else xacts_after - xacts_before
            for process in schedulers.values():
                process.send_signal(signal.SIGTERM)
            codes = {name: p.wait(timeout=120) for name, p in schedulers.items()}
        finally:
            for process in schedulers.values():
                if process.poll() is None:
                    process.kill()
                    process.wait()
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        reports, failures = _events(db)
    requests = [json.loads(line) for line in log_path.read_text().splitlines() if line]
    logs = {n: (workdir / f"{n}.err").read_text() for n in codes}
    tracebacks = sum(log.count("Traceback") for log in logs.values())
    result = analyse(cfg, requests, reports, failures, launched, stopped, memory, codes, tracebacks)
    result.cpu_seconds = {k: round(v, 1) for k, v in sorted(cpu.items())}
    result.transactions = xacts
    result.unreachable = {n: log.count("cannot reach the log") for n, log in logs.items()}
    result.free_connections_at_start = free_at_start
    result.rss_growth = {n: _growth(series) for n, series in rss_series.items()}
    return result


def _growth(series: list[tuple[float, int]]) -> dict[str, float | int | None]:
    """RSS (KiB) a quarter into the run and at its end, and their ratio: memory that keeps
    growing after start-up is a leak; memory that grows only with the source count is not."""
    if len(series) < 4:
        return {"quarter": None, "end": None, "ratio": None}
    quarter, end = series[len(series) // 4][1], series[-1][1]
    return {"quarter": quarter, "end": end, "ratio": round(end / quarter, 3)}


def _events(db: str) -> tuple[list[tuple[str, str, int, str]], int]:
    """(source, item, revision, text) of every ReportObserved, and the FetchFailed count."""
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT type, payload FROM events ORDER BY position")).all()
    finally:
        engine.dispose()
    reports, failures = [], 0
    for kind, payload in rows:
        if kind == "FetchFailed":
            failures += 1
        elif kind == "ReportObserved":
            p = json.loads(payload)
            reports.append((p["source_id"], p["item_key"], int(p["revision"]), p["text"]))
    return reports, failures


# -- judging ---------------------------------------------------------------------------------


def polls_of(requests: list[dict[str, Any]]) -> dict[int, list[Poll]]:
    """Requests grouped into polls per feed: a request by the same scheduler soon after a 5xx
    or a response cut short (`RETRIED`) is that poll's retry, not a poll of its own. A request
    after a complete 200 or 304 always begins a poll, so an early repeat is never hidden."""
    by_feed: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in requests:
        by_feed[r["feed"]].append(r)
    polls: dict[int, list[Poll]] = {}
    for feed, rs in by_feed.items():
        rs.sort(key=lambda r: r["start"])
        out: list[Poll] = []
        for r in rs:
            last = out[-1] if out else None
            if (
                last is not None
                and last.by == r["by"]
                and last.status in RETRIED
                and r["start"] - last.end < RETRY_GAP
            ):
                last.end, last.status, last.requests = r["end"], r["status"], last.requests + 1
                last.retry_after = r.get("retry_after")
                continue
            out.append(
                Poll(feed, r["by"], r["start"], r["end"], r["status"], 1, r.get("retry_after"))
            )
        polls[feed] = out
    return polls


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def analyse(
    cfg: SimConfig,
    requests: list[dict[str, Any]],
    reports: list[tuple[str, str, int, str]],
    fetch_failed: int,
    launched: float,
    stopped: float,
    memory: dict[str, dict[str, int]],
    codes: dict[str, int],
    tracebacks: int,
) -> SimResult:
    """Every figure of a run, from the server's log and the events alone."""
    examples: dict[str, list[Any]] = defaultdict(list)
    polls = polls_of(requests)
    overlapping = aborted = 0
    for rs in _requests_by_feed(requests).values():
        aborted += sum(r["status"] == ABORTED for r in rs)
        for a, b in itertools.pairwise(rs):
            if b["start"] < a["end"]:
                overlapping += 1
                examples["overlapping_requests"].append([a, b])
    late: list[float] = []
    early = early_other = retry_violations = failed = abandoned = 0
    first: dict[str, float] = {}
    count_by: dict[str, int] = defaultdict(int)
    for feed, ps in polls.items():
        interval = cfg.interval_of(feed)
        for p in ps:
            count_by[p.by] += 1
            first[p.by] = min(first.get(p.by, p.start), p.start)
            failed += p.status not in (200, 304)
            # A retried poll with fewer than its three tries was cut short by the stop signal:
            # it appends nothing, by design (`FetchError("abandoned")`).
            abandoned += p.status in RETRIED and p.requests < 3
        for a, b in itertools.pairwise(ps):
            gap = b.start - a.start
            if a.status in (200, 304):
                late.append((gap - interval) / interval)
                if gap < interval / 2:
                    early += 1
                    early_other += a.by != b.by
                    examples["early_repeats"].append([asdict(a), asdict(b)])
            if a.retry_after is not None and b.start - a.end < a.retry_after - 0.5:
                retry_violations += 1
                examples["retry_after_violations"].append([asdict(a), asdict(b)])
    # Once every source has been polled once, the cold start's backlog is gone: lateness
    # from then on is the steady state.
    never_polled = cfg.sources - sum(1 for ps in polls.values() if ps)
    first_round = max((ps[0].start for ps in polls.values() if ps), default=None)
    if never_polled:
        first_round = None
    warm: list[float] = []
    if first_round is not None:
        for feed, ps in polls.items():
            interval = cfg.interval_of(feed)
            for a, b in itertools.pairwise(ps):
                if a.status in (200, 304) and a.start >= first_round:
                    warm.append((b.start - a.start - interval) / interval)
    # Scheduler time runs from each one's first request to the stop signal.
    rates = {by: count_by[by] / max(1e-9, stopped - first[by]) for by in sorted(count_by)}
    served: dict[tuple[str, str], list[int]] = defaultdict(list)
    for r in sorted(requests, key=lambda r: r["start"]):
        for j, edition in r.get("items") or ():
            key = (f"desk-{r['feed']:05d}", f"sim-{r['feed']}-{j}")
            if edition not in served[key]:
                served[key].append(edition)
    logged: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for source, item, revision, body in reports:
        match = EDITION.search(body)
        logged[(source, item)].append((revision, int(match.group(1)) if match else -1))
    lost = doubled = misordered = 0
    for key, editions in served.items():
        got = logged.get(key, [])
        seen = [e for _r, e in sorted(got)]
        for edition in editions:
            n = seen.count(edition)
            if n == 0:
                lost += 1
                examples["lost"].append([*key, edition])
            elif n > 1:
                doubled += n - 1
                examples["doubled"].append([*key, edition, got])
        # Revisions 1, 2, … with editions rising (a feed's edits only ever move forward).
        if [r for r, _e in sorted(got)] != list(range(1, len(got) + 1)) or seen != sorted(seen):
            misordered += 1
            examples["misordered"].append([*key, got, editions])
    for key in logged.keys() - served.keys():
        doubled += len(logged[key])
        examples["never_served"].append([*key, logged[key]])
    over = sum(1 for v in late if v > 0.10)
    return SimResult(
        config=asdict(cfg),
        seconds=round(stopped - launched, 1),
        requests=len(requests),
        polls=sum(len(ps) for ps in polls.values()),
        polls_per_second={by: round(v, 2) for by, v in rates.items()},
        startup_seconds={by: round(first[by] - launched, 1) for by in sorted(first)},
        lateness={
            "p50": _round(_percentile(late, 0.50)),
            "p99": _round(_percentile(late, 0.99)),
            "max": _round(max(late) if late else None),
        },
        late_over_10pct=over,
        lateness_samples=len(late),
        never_polled=never_polled,
        first_round_seconds=None if first_round is None else round(first_round - launched, 1),
        lateness_after_first_round={
            "p50": _round(_percentile(warm, 0.50)),
            "p99": _round(_percentile(warm, 0.99)),
            "max": _round(max(warm) if warm else None),
        },
        lateness_samples_after_first_round=len(warm),
        overlapping_requests=overlapping,
        aborted_responses=aborted,
        early_repeats=early,
        early_repeats_by_other_scheduler=early_other,
        served_editions=sum(len(v) for v in served.values()),
        reports_in_log=len(reports),
        lost=lost,
        doubled=doubled,
        misordered=misordered,
        failed_polls=failed,
        abandoned_polls=abandoned,
        fetch_failed_events=fetch_failed,
        retry_after_violations=retry_violations,
        memory_kib=memory,
        exit_codes=codes,
        tracebacks=tracebacks,
        examples={k: v[:5] for k, v in examples.items()},
    )


def _requests_by_feed(requests: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    by_feed: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in requests:
        by_feed[r["feed"]].append(r)
    for rs in by_feed.values():
        rs.sort(key=lambda r: r["start"])
    return by_feed


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# -- reporting -------------------------------------------------------------------------------


def describe(result: SimResult) -> str:
    """The figures of one run as a few lines of text."""
    cfg = result.config
    peak = {by: m.get("VmHWM", 0) for by, m in result.memory_kib.items()}
    lines = [
        f"sources {cfg['sources']}, schedulers {cfg['schedulers']},"
        f" interval {cfg['interval']:g}-{2 * cfg['interval']:g} s, run {result.seconds:g} s",
        f"  requests {result.requests}, polls {result.polls}"
        f" ({result.failed_polls} failed, {result.abandoned_polls} of them cut short by the"
        f" stop; FetchFailed events {result.fetch_failed_events})",
        "  polls/s per scheduler: "
        + ", ".join(f"{by} {v:g}" for by, v in result.polls_per_second.items()),
        "  first request after launch (s): "
        + ", ".join(f"{by} {v:g}" for by, v in result.startup_seconds.items()),
        f"  lateness / interval: p50 {result.lateness['p50']}, p99 {result.lateness['p99']},"
        f" max {result.lateness['max']} ({result.late_over_10pct} of"
        f" {result.lateness_samples} over 10 %)",
        f"  sources never polled {result.never_polled}; every source polled once by"
        f" {result.first_round_seconds} s; lateness after that:"
        f" p50 {result.lateness_after_first_round['p50']},"
        f" p99 {result.lateness_after_first_round['p99']}"
        f" ({result.lateness_samples_after_first_round} samples)",
        f"  overlapping requests {result.overlapping_requests}, responses cut short"
        f" {result.aborted_responses}, early repeats"
        f" {result.early_repeats} ({result.early_repeats_by_other_scheduler} by another"
        " scheduler)",
        f"  editions served {result.served_editions}, reports in log {result.reports_in_log}:"
        f" lost {result.lost}, doubled {result.doubled}, misordered {result.misordered}",
        f"  Retry-After violations {result.retry_after_violations},"
        f" exit codes {result.exit_codes}, tracebacks {result.tracebacks}",
        "  peak memory (VmHWM, MiB): " + ", ".join(f"{b} {k / 1024:.0f}" for b, k in peak.items()),
        "  RSS end / RSS a quarter in: "
        + ", ".join(f"{b} {g['ratio']}" for b, g in result.rss_growth.items()),
        "  CPU seconds: " + ", ".join(f"{b} {v:g}" for b, v in result.cpu_seconds.items()),
        f"  PostgreSQL transactions committed during the run: {result.transactions}"
        + (
            f" ({result.transactions / max(1, result.polls):.1f} per poll)"
            if result.transactions is not None
            else ""
        ),
        "  'cannot reach the log' lines (PostgreSQL out of connections): "
        + ", ".join(f"{b} {v}" for b, v in result.unreachable.items())
        + f" (free connections at start: {result.free_connections_at_start})",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sim", description=__doc__)
    parser.add_argument("--compare", default="1000,10000", help="source counts, in order")
    parser.add_argument("--schedulers", type=int, default=4)
    parser.add_argument("--interval", type=float, default=60.0, help="shortest interval (s)")
    parser.add_argument("--duration", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--change-every", type=float, default=90.0)
    parser.add_argument("--project", action="store_true", help="schedulers update the views")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--keep", action="store_true", help="keep the logs' folder")
    args = parser.parse_args(argv)
    results = []
    for count in (int(c) for c in args.compare.split(",")):
        cfg = SimConfig(
            sources=count,
            schedulers=args.schedulers,
            interval=args.interval,
            duration=args.duration,
            change_every=args.change_every,
            project=args.project,
        )
        workdir = Path(tempfile.mkdtemp(prefix=f"osint-sim-{count}-"))
        result = run(cfg, workdir)
        print(describe(result), flush=True)
        results.append(result)
        if not args.keep:
            for path in workdir.iterdir():
                path.unlink()
            workdir.rmdir()
    summary: dict[str, Any] = {"runs": [asdict(r) for r in results]}
    if len(results) >= 2:
        small, large = results[0], results[-1]
        ratios = {
            by: round(large.memory_kib[by]["VmHWM"] / small.memory_kib[by]["VmHWM"], 2)
            for by in large.memory_kib
            if by in small.memory_kib
            and large.memory_kib[by].get("VmHWM")
            and small.memory_kib[by].get("VmHWM")
        }
        summary["memory_ratio"] = ratios
        print(
            f"peak memory at {large.config['sources']} vs {small.config['sources']} sources: "
            + ", ".join(f"{by} {v:g}x" for by, v in ratios.items())
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n")
    print(f"figures written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
