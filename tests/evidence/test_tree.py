"""The stored Merkle tree on both backends: maintained on append (any batch size, several
stores appending in turn), equal to the tree recomputed from the events, built for a log that
existed before it, and answering proofs that verify."""

from __future__ import annotations

import contextlib
import random

from sqlalchemy import delete, insert

from events import EventStore, NewEvent, merkle
from events.checkpoints import rebuilt_leaves
from events.schema import tree_nodes
from events.tree import StoredTree, backfill
from osint.wiring import open_store
from tests.evidence.attacker import unguard


def _events(n: int, start: int = 0) -> list[NewEvent]:
    return [
        NewEvent(
            event_id=f"00000000-0000-4000-8000-{i:012d}",
            stream_id=f"s/{i % 7}",
            type="Note",
            schema_version=1,
            payload={"n": i, "text": "x" * (i % 13)},
            metadata={"m": i % 3} if i % 2 else {},
        )
        for i in range(start, start + n)
    ]


def _recomputed(store: EventStore) -> merkle.MemoryTree:
    head, _ = store.head()
    return merkle.MemoryTree(leaf for _, leaf in rebuilt_leaves(store, head))


def _append_in_turns(url: str, sizes: list[int]) -> int:
    """Append batches of `sizes`, alternating between two stores (so each one's remembered
    right edge goes stale and is read back from the table)."""
    stores = [open_store(url), open_store(url)]
    n = 0
    try:
        for turn, size in enumerate(sizes):
            stores[turn % 2 if turn % 3 else 0].append(_events(size, n))
            n += size
    finally:
        for s in stores:
            s.close()
    return n


def test_the_stored_tree_is_the_tree_of_the_events(db_url: str):
    rng = random.Random(4)
    total = _append_in_turns(db_url, [rng.choice((1, 1, 2, 3, 7, 31, 64)) for _ in range(40)])
    store = open_store(db_url)
    try:
        want = _recomputed(store)
        assert want.size == total == store.head()[0]
        tree = StoredTree(store.db)
        for size in {1, 2, 3, total // 2, total - 1, total}:
            assert tree.root(size) == want.root(size), size
        assert list(tree.stored_leaves(total)) == list(enumerate(want.levels[0]))
        for _ in range(30):
            size = rng.randint(1, total)
            index = rng.randrange(size)
            proof = tree.inclusion_proof(index, size)
            assert proof == want.inclusion_proof(index, size)
            merkle.verify_inclusion(index, size, want.levels[0][index], proof, want.root(size))
            old = rng.randint(0, size)
            consistency = tree.consistency_proof(old, size)
            assert consistency == want.consistency_proof(old, size)
    finally:
        store.close()


def test_an_append_that_fails_leaves_no_tree_rows(db_url: str):
    store = open_store(db_url)
    try:
        store.append(_events(5))
        batch = _events(3, 5)
        bad = [*batch, NewEvent(batch[0].event_id, "s/x", "Note", 1, {"other": 1})]
        with contextlib.suppress(Exception):
            store.append(bad)
        store.append(_events(4, 5))
        assert StoredTree(store.db).root(9) == _recomputed(store).root()
    finally:
        store.close()


def test_backfill_builds_the_same_tree(db_url: str):
    _append_in_turns(db_url, [3, 1, 5, 8, 2])
    store = open_store(db_url)
    try:
        want = StoredTree(store.db).root(19)
        with store.db.transaction() as conn:
            unguard(store, conn)
            conn.execute(delete(tree_nodes))
            backfill(conn, store.db)
        assert StoredTree(store.db).root(19) == want
        # A new store reads the right edge back and carries on.
        fresh = open_store(db_url)
        fresh.append(_events(6, 19))
        fresh.close()
        assert StoredTree(store.db).root(25) == _recomputed(store).root()
    finally:
        store.close()


def test_the_tree_table_refuses_update_and_delete(db_url: str):
    import pytest

    from events import StoreUnavailable

    store = open_store(db_url)
    try:
        store.append(_events(2))
        for statement in (
            delete(tree_nodes),
            tree_nodes.update().values(hashes=b"x"),
        ):
            with (
                pytest.raises(StoreUnavailable, match="append-only"),
                store.db.transaction() as conn,
            ):
                conn.execute(statement)
        with pytest.raises(StoreUnavailable), store.db.transaction() as conn:
            conn.execute(insert(tree_nodes).values(first_leaf=0, leaves=1, hashes=b"y"))
    finally:
        store.close()
