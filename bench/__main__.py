"""`python -m bench` (`make bench`): every benchmark, a table on stdout, all figures in
bench/results/latest.json. See bench/README.md for what each row means and how to read it.

Sizes are chosen so the whole run stays under 10 minutes on the 2-core development machine;
`--quick` runs everything at a tenth of the size (a smoke test of the benchmarks themselves).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.api import bench_api
from bench.append import bench_append, bench_full_path
from bench.chart import bench_chart
from bench.databases import scratch
from bench.evidence import bench_prove_scale, bench_tree_append
from bench.extraction import bench_extraction, bench_replay
from bench.feeds import bench_feeds
from bench.harness import Row, print_table, write_json
from bench.hostile import bench_hostile
from bench.pages import bench_first_page
from bench.query import bench_query
from bench.readlog import bench_read_verify
from bench.scale import bench_scale, bench_scale_postgresql

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
GROUPS = (
    "append",
    "read",
    "extraction",
    "replay",
    "feeds",
    "pages",
    "chart",
    "scale",
    "scale-postgresql",
    "evidence",
    "api",
    "query",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--only", choices=GROUPS, action="append", help="run only these groups")
    parser.add_argument("--repeats", type=int, default=3, help="alternating repeats (>= 3)")
    parser.add_argument("--quick", action="store_true", help="a tenth of the sizes")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the JSON")
    args = parser.parse_args(argv)
    groups = args.only or list(GROUPS)
    k = 10 if args.quick else 1
    r = max(3, args.repeats)
    rows: list[Row] = []
    started = time.monotonic()

    def step(label: str, produce) -> None:  # type: ignore[no-untyped-def]
        t = time.monotonic()
        print(f"… {label}", file=sys.stderr, flush=True)
        made = produce()
        rows.extend(made if isinstance(made, list) else [made])
        print(f"  {label}: {time.monotonic() - t:.0f} s", file=sys.stderr, flush=True)

    with scratch() as s:
        if "append" in groups:
            step(
                "append sqlite b100",
                lambda: bench_append(
                    s, "sqlite", 100_000 // k, 100, r, 0.50, "append sqlite, batches of 100"
                ),
            )
            step(
                "append sqlite b1",
                lambda: bench_append(
                    s, "sqlite", 5_000 // k, 1, r, 0.75, "append sqlite, batches of 1"
                ),
            )
            step(
                "append pg b100",
                lambda: bench_append(
                    s, "postgresql", 30_000 // k, 100, r, 0.50, "append postgresql, batches of 100"
                ),
            )
            step(
                "append pg b1",
                lambda: bench_append(
                    s, "postgresql", 500 // k, 1, r, None, "append postgresql, batches of 1"
                ),
            )
            step("append full path", lambda: bench_full_path(s, 30_000 // k, 100, r))
        if "read" in groups:
            step("read+verify sqlite", lambda: bench_read_verify(s, "sqlite", 100_000 // k, r))
            step("read postgresql", lambda: bench_read_verify(s, "postgresql", 50_000 // k, r))
        if "extraction" in groups:
            step("extraction", lambda: bench_extraction(12_000 // k, r))
            step("extraction, hostile input", lambda: bench_hostile(r, k))
        if "replay" in groups:
            step("replay", lambda: bench_replay(s, 100_000 // k, r))
        if "feeds" in groups:
            step(
                "feeds",
                lambda: bench_feeds(s, 50 // (k if k == 1 else 5), 200 // (k if k == 1 else 2), r),
            )
        if "pages" in groups:
            step("first page", lambda: bench_first_page(r))
        if "chart" in groups:
            step("chart", lambda: bench_chart(100, 4_000 // k, r))
        if "scale" in groups:
            step(
                "scale",
                lambda: bench_scale(s.sqlite_url, [10_000 // k, 100_000 // k, 1_000_000 // k], r),
            )
        if "scale-postgresql" in groups and s.pg_url() is not None:
            step(
                "scale postgresql",
                lambda: bench_scale_postgresql(
                    s.pg_new_url, [10_000 // k, 100_000 // k, 1_000_000 // k], r
                ),
            )
        if "evidence" in groups:
            for backend, count, batch in (
                ("sqlite", 50_000 // k, 100),
                ("sqlite", 5_000 // k, 1),
                ("postgresql", 20_000 // k, 100),
            ):
                step(
                    f"tree append {backend} b{batch}",
                    lambda b=backend, c=count, n=batch: bench_tree_append(s, b, c, n, r),
                )
            step(
                "prove scale",
                lambda: bench_prove_scale(s, 10_000 // k, 1_000_000 // k, 200, r),
            )
        if "api" in groups:
            step("api", lambda: bench_api(s, 10_000 // k, 1_000_000 // k, 200 // k, r))
        if "query" in groups:
            step("query", lambda: bench_query(s, 10_000 // k, 1_000_000 // k, 5, r))
    print()
    print_table(rows)
    write_json(rows, args.out)
    print(f"\n{len(rows)} figures in {args.out} ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
