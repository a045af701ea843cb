"""The Merkle tree over the log, stored beside it and maintained in the append transaction.

Leaf i is the entry (`events.entry`) of the event at position i + 1, so the tree of size n is
the tree of the first n events and its size is always the log's head position.

Storage: each append writes one `tree_nodes` row for its leaves, with the chain hash of its last
event (`head_hash`): the last row is the log's head, so an append writes no other row. For
each leaf in order the row holds the leaf hash, then the hashes of the complete subtrees that
this leaf finishes (leaf 5 finishes the pair 4–5; leaf 7 the pair 6–7, the four 4–7 and the
eight 0–7), 32 bytes each. So every node is written once, by the append that completes it: two
hashes per event on average, whatever the size of the log, and one row per append rather than
one per event or per node (the rows were a third of the cost of a batch of 100 when each leaf
had its own).

Where a node lives: complete subtree (level l, index i) is finished by leaf m = (i + 1)·2^l − 1,
as that leaf's (l + 1)-th hash. Before leaf m come 2m − popcount(m) hashes (each leaf j adds
one plus the number of trailing one bits of j), so in the row that starts at leaf a the node is
at hash number (2m − popcount(m)) − (2a − popcount(a)) + l.

The right edge (`merkle.Frontier`, one hash per set bit of the size) is what the next append
needs. It is read from the stored rows (O(log n) of them) unless this process made the last
append itself, which it then remembers.

Proofs fetch the few nodes they need (`merkle.nodes_needed`). Verifying against a published
checkpoint never trusts these rows: `leaves_of_rows` rebuilds every leaf from the events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.sql.elements import ColumnElement

from events import merkle
from events.entry import entry_bytes
from events.errors import TreeError
from events.merkle import HASH_SIZE, Frontier
from events.schema import EVENT_COLUMNS, tree_nodes

_PAGE = 1000
_sha256 = hashlib.sha256
# The log's head as the last append recorded it: the size of the tree and its last event's
# chain hash. No row: an empty log.
HEAD_SQL = "SELECT first_leaf + leaves, head_hash FROM tree_nodes ORDER BY first_leaf DESC LIMIT 1"


def head_position() -> ColumnElement[int]:
    """The log's head position as a column expression (0 for an empty log), for a caller that
    needs it inside a statement of its own (the web app's ETag, read before every page). By the
    tree's primary key: the last row, never a scan."""
    c = tree_nodes.c
    last = select(c.first_leaf + c.leaves).order_by(c.first_leaf.desc()).limit(1)
    return func.coalesce(last.scalar_subquery(), 0)


def leaf_row(level: int, index: int) -> int:
    """The leaf that finishes complete subtree (level, index)."""
    return ((index + 1) << level) - 1


def hashes_before(leaf: int) -> int:
    """How many hashes the leaves before `leaf` stored."""
    return 2 * leaf - leaf.bit_count()


def leaves_of_rows(rows: list[tuple[Any, ...]]) -> list[tuple[int, bytes]]:
    """(position, leaf hash) of stored event rows (the columns of `EVENT_COLUMNS`, as stored:
    payload and metadata as text)."""
    made = []
    for position, event_id, stream, version, type_, schema, recorded, payload, meta, *_ in rows:
        entry = entry_bytes(
            position,
            event_id,
            stream,
            version,
            type_,
            schema,
            recorded,
            payload.encode(),
            meta.encode(),
        )
        made.append((int(position), merkle.leaf_hash(entry)))
    return made


class _Rows:
    """Stored rows by first leaf, and the node hashes in them."""

    def __init__(self) -> None:
        self.rows: list[tuple[int, int, bytes]] = []  # (first_leaf, leaves, hashes)

    def covering(self, leaf: int) -> tuple[int, int, bytes] | None:
        return next((r for r in self.rows if r[0] <= leaf < r[0] + r[1]), None)

    def add(self, first: int, leaves: int, hashes: bytes) -> None:
        self.rows.append((int(first), int(leaves), bytes(hashes)))

    def node(self, level: int, index: int) -> bytes:
        leaf = leaf_row(level, index)
        row = self.covering(leaf)
        if row is not None:
            first, _, hashes = row
            start = (hashes_before(leaf) - hashes_before(first) + level) * HASH_SIZE
            found = hashes[start : start + HASH_SIZE]
            if len(found) == HASH_SIZE:
                return found
        raise TreeError(
            f"the stored tree has no node for leaves {index << level}–{leaf}"
            " (osint db upgrade builds it)"
        )


class TreeWriter:
    """The append side: the right edge before an append, and the row it writes. One per
    `EventStore`; `committed` is called only after the append's transaction commits."""

    def __init__(self, param: str) -> None:
        self.insert_sql = (
            "INSERT INTO tree_nodes (first_leaf, leaves, hashes, head_hash)"
            f" VALUES ({param}, {param}, {param}, {param})"
        )
        self._find_sql = (
            "SELECT first_leaf, leaves, hashes FROM tree_nodes"
            f" WHERE first_leaf <= {param} ORDER BY first_leaf DESC LIMIT 1"
        )
        self._known: Frontier | None = None

    def frontier(self, cursor: Any, size: int) -> Frontier:
        """The right edge of the tree of `size` leaves (the head position, read under the
        append lock)."""
        known = self._known
        if known is not None and known.size == size:
            return known.copy()
        nodes = merkle.frontier_nodes(size)
        rows = _Rows()
        for level, index in nodes:
            leaf = leaf_row(level, index)
            if rows.covering(leaf) is None:
                cursor.execute(self._find_sql, (leaf,))
                found = cursor.fetchone()
                if found is not None:
                    rows.add(*found)
        return Frontier(size, [rows.node(level, index) for level, index in nodes])

    def committed(self, frontier: Frontier) -> None:
        self._known = frontier

    def forget(self) -> None:
        self._known = None


class StoredTree:
    """The read side: roots and proofs from the stored nodes, on a `Database`."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def nodes(self, wanted: list[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        """The hashes of complete subtrees (level, index), in one query: for each leaf that
        finished one, the row with the greatest first leaf at or below it."""
        leaves = sorted({leaf_row(level, index) for level, index in wanted})
        rows = _Rows()
        param = self.db.dialect.param
        with self.db.connect() as conn:
            for start in range(0, len(leaves), 200):
                chunk = leaves[start : start + 200]
                covering = ", ".join(
                    f"(SELECT max(first_leaf) FROM tree_nodes WHERE first_leaf <= {param})"
                    for _ in chunk
                )
                result = conn.exec_driver_sql(
                    "SELECT first_leaf, leaves, hashes FROM tree_nodes"
                    f" WHERE first_leaf IN ({covering})",
                    tuple(chunk),
                )
                for found in result:
                    rows.add(*found)
        return {(level, index): rows.node(level, index) for level, index in wanted}

    def _answer(self, proof: Callable[[merkle.Node], Any]) -> Any:
        nodes = self.nodes(merkle.nodes_needed(proof))
        return proof(lambda level, index: nodes[(level, index)])

    def root(self, size: int) -> bytes:
        if size == 0:
            return merkle.EMPTY_ROOT
        return self._answer(lambda node: merkle.range_hash(0, size, node))

    def leaf(self, index: int) -> bytes:
        return self.nodes([(0, index)])[(0, index)]

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        return self._answer(lambda node: merkle.inclusion_proof(index, size, node))

    def consistency_proof(self, old_size: int, new_size: int) -> list[bytes]:
        return self._answer(lambda node: merkle.consistency_proof(old_size, new_size, node))

    def stored_leaves(self, until: int) -> Iterator[tuple[int, bytes]]:
        """(leaf index, stored leaf hash) for the stored leaves below `until`, in order, a page
        of rows at a time."""
        c = tree_nodes.c
        after = -1
        while True:
            with self.db.connect() as conn:
                rows = conn.execute(
                    select(c.first_leaf, c.leaves, c.hashes)
                    .where(c.first_leaf > after, c.first_leaf < until)
                    .order_by(c.first_leaf)
                    .limit(100)
                ).all()
            for first, leaves, hashes in rows:
                offset = 0
                for leaf in range(int(first), int(first) + int(leaves)):
                    if leaf >= until:
                        return
                    yield leaf, bytes(hashes[offset : offset + HASH_SIZE])
                    # one hash, plus one per trailing one bit of the leaf's index
                    offset += HASH_SIZE * (~leaf & (leaf + 1)).bit_length()
            if len(rows) < 100:
                return
            after = int(rows[-1][0])


def backfill(conn: Connection, db: Any) -> None:
    """Build the tree for every event already stored, in position order, a page at a time.
    Positions must be gap-free from 1 (the log's promise); a gap is `TreeError`."""
    frontier = Frontier()
    param = db.dialect.param
    sql = (
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
        f" WHERE position > {param} ORDER BY position LIMIT {param}"
    )
    after = 0
    while True:
        rows = conn.exec_driver_sql(sql, (after, _PAGE)).all()
        made: list[bytes] = []
        for position, leaf in leaves_of_rows(rows):
            if position != frontier.size + 1:
                raise TreeError(f"position {frontier.size + 1} is missing from the log")
            made.extend(frontier.append(leaf))
        if rows:
            first = int(rows[0][0]) - 1
            conn.execute(
                insert(tree_nodes),
                {
                    "first_leaf": first,
                    "leaves": len(rows),
                    "hashes": b"".join(made),
                    "head_hash": rows[-1][-1],
                },
            )
        if len(rows) < _PAGE:
            return
        after = int(rows[-1][0])
