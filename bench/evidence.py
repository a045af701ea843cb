"""Evidence: what the Merkle tree costs an append, and how proving scales with the log.

"append with tree vs without": `EventStore.append` as every command runs it (leaf hashes, the
right edge and one `tree_nodes` row per event, in the append's transaction) against the same
store built with `tree=False` (no tree at all), same events, same batches, fresh files,
alternating. Ratio = rate with the tree / rate without (aim >= 0.80).

"prove at N vs 10,000": the time of one inclusion proof plus one consistency proof from the
stored tree (`StoredTree`, what `osint prove` runs), averaged over many random leaves, in a log of
1,000,000 events against one of 10,000. Ratio = time per proof at the big size / at the small one
(aim <= 2: proofs are O(log n) look-ups). Both trees are written straight into `tree_nodes` from
synthetic leaf hashes, in rows of 100 leaves as appends of 100 write them (a proof reads only
that table), so the row does not wait for a million appends.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.append import _ours
from bench.databases import Scratch
from bench.harness import Row, Stopwatch, alternate, rate_row
from bench.workload import batches, new_events
from events import Database, EventStore, merkle
from events.schema import tree_nodes
from events.tree import StoredTree
from osint.wiring import SCHEMA


def _open(url: str, tree: bool) -> EventStore:
    db = Database.open(url)
    SCHEMA.upgrade(db)
    return EventStore(db, tree=tree)


def bench_tree_append(scratch: Scratch, backend: str, count: int, batch: int, repeats: int) -> Row:
    name = f"append {backend} b{batch}, with tree vs without"
    if backend == "sqlite":
        new_url = scratch.sqlite_url
    else:
        if scratch.pg_url() is None:
            return Row(name, None, "", None, None, "", None, "PostgreSQL unreachable")

        def new_url() -> str:
            url = scratch.pg_url()
            assert url is not None
            return url

    groups = batches(new_events(count), batch)
    ours_s, base_s, ratio = alternate(
        _ours(new_url, groups, lambda url: _open(url, tree=True)),
        _ours(new_url, groups, lambda url: _open(url, tree=False)),
        repeats,
    )
    return rate_row(
        name,
        count,
        "ev/s",
        ours_s,
        base_s,
        ratio,
        0.80,
        note=f"{count:,} events in batches of {batch}; baseline: the same store with tree=False",
    )


def _synthetic_tree(url: str, size: int) -> StoredTree:
    """A stored tree of `size` random leaves, written the way appends write it."""
    db = Database.open(url)
    SCHEMA.upgrade(db)
    rng = random.Random(size)
    frontier = merkle.Frontier()
    rows: list[dict] = []  # type: ignore[type-arg]
    with db.transaction() as conn:
        for first in range(0, size, 100):
            made: list[bytes] = []
            leaves = min(100, size - first)
            for _ in range(leaves):
                made.extend(frontier.append(rng.randbytes(32)))
            rows.append({"first_leaf": first, "leaves": leaves, "hashes": b"".join(made)})
            if len(rows) == 1000:
                conn.execute(tree_nodes.insert(), rows)
                rows = []
        if rows:
            conn.execute(tree_nodes.insert(), rows)
    return StoredTree(db)


def _prove(tree: StoredTree, size: int, proofs: int) -> Callable[[], float]:
    rng = random.Random(7)
    picks = [(rng.randrange(size), rng.randint(1, size)) for _ in range(proofs)]

    def run() -> float:
        with Stopwatch() as sw:
            for index, old in picks:
                tree.inclusion_proof(index, size)
                tree.consistency_proof(old, size)
        return sw.seconds / proofs

    return run


def bench_prove_scale(scratch: Scratch, small: int, big: int, proofs: int, repeats: int) -> Row:
    small_tree = _synthetic_tree(scratch.sqlite_url(), small)
    big_tree = _synthetic_tree(scratch.sqlite_url(), big)
    big_s, small_s, speed = alternate(
        _prove(big_tree, big, proofs), _prove(small_tree, small, proofs), repeats
    )
    ratio = 1 / speed  # time per proof at the big size over the small one
    for tree in (small_tree, big_tree):
        tree.db.close()
    return Row(
        name=f"prove at {big:,} events vs {small:,}",
        value=big_s * 1e3,
        unit="ms/proof",
        baseline=small_s * 1e3,
        ratio=ratio,
        aim="<= 2.00",
        met=ratio <= 2.0,
        note=f"one inclusion + one consistency proof from the stored tree (SQLite), {proofs}"
        " random leaves and sizes per side",
    )
