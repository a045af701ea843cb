"""Signed checkpoints of the log's Merkle tree, and the check that today's log extends one.

`sign` commits to the tree of the whole log as it is (size = head position) with a key the
database never holds, stores the signed note (append-only) and returns it; published somewhere
the database's writers cannot reach, it pins the log's history up to that size.

`verify_extends` proves that the log extends a published checkpoint without trusting the
database: every leaf is rebuilt from the events themselves, the root of the first N is compared
with the checkpoint's, and a consistency proof from the stored tree must lead from the
checkpoint's root to the root of the rebuilt tree today. When something was changed it names the
first bad position: exactly when the log was cut short (the first missing position), or when the
stored tree still hashes to the checkpoint's root (so its leaves are the ones signed, and the
first leaf that differs from the rebuilt one is the first rewritten event). An attacker who
also rebuilt the tree leaves only the range between the newest checkpoint the log still matches
and the first it does not: give older checkpoints to narrow it.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import zip_longest

from sqlalchemy import insert, select

from events import merkle
from events.errors import EvidenceError
from events.merkle import Frontier, ProofError
from events.note import Checkpoint, Signer, parse_checkpoint, split_note
from events.schema import checkpoints, log_identity
from events.tree import StoredTree, leaves_of_rows

ORIGIN_PREFIX = "osint.example/log/"


def log_id(store) -> str:  # type: ignore[no-untyped-def]
    """The log's random id (made when its checkpoint table was)."""
    with store.db.connect() as conn:
        return str(conn.execute(select(log_identity.c.log_id)).scalar_one())


def default_origin(store) -> str:  # type: ignore[no-untyped-def]
    return ORIGIN_PREFIX + log_id(store)


@dataclass(frozen=True, slots=True)
class StoredCheckpoint:
    checkpoint: Checkpoint
    signed_at: str
    note: str


def stored(store) -> list[StoredCheckpoint]:  # type: ignore[no-untyped-def]
    """Every checkpoint signed for this log, oldest first."""
    c = checkpoints.c
    with store.db.connect() as conn:
        rows = conn.execute(select(c.note, c.signed_at).order_by(c.id)).all()
    return [
        StoredCheckpoint(parse_checkpoint(split_note(note)[0]), signed_at, note)
        for note, signed_at in rows
    ]


def sign(store, signer: Signer, origin: str) -> StoredCheckpoint:  # type: ignore[no-untyped-def]
    """Sign the tree of the whole log, after checking that the stored tree still extends the
    last checkpoint signed (a cheap check; `verify_extends` is the thorough one)."""
    from events.store import utc_now

    if not origin or "\n" in origin:
        raise EvidenceError(f"origin {origin!r} must be one non-empty line")
    size, _ = store.head()
    tree = StoredTree(store.db)
    root = tree.root(size)
    earlier = stored(store)
    if earlier:
        last = earlier[-1].checkpoint
        try:
            if last.size > size:
                raise ProofError(f"the log has {size} events")
            proof = tree.consistency_proof(last.size, size)
            merkle.verify_consistency(last.size, size, proof, last.root, root)
        except ProofError as exc:
            raise EvidenceError(
                f"refusing to sign: the log no longer extends its checkpoint of size {last.size}"
                f" ({exc}); run osint verify --checkpoint on a published one"
            ) from None
    note = signer.sign(Checkpoint(origin, size, root).text())
    signed_at = utc_now()
    with store.db.transaction() as conn:
        conn.execute(
            insert(checkpoints).values(
                tree_size=size, root_hash=root.hex(), signed_at=signed_at, note=note
            )
        )
    return StoredCheckpoint(Checkpoint(origin, size, root), signed_at, note)


@dataclass(frozen=True, slots=True)
class ExtensionReport:
    """Whether the log extends a checkpoint; if not, where it first differs.

    `first_bad_position` is exact when `exact`; otherwise the first change lies between it and
    `last_bad_position`."""

    ok: bool
    checkpoint_size: int
    log_size: int
    reason: str = ""
    first_bad_position: int | None = None
    last_bad_position: int | None = None

    @property
    def exact(self) -> bool:
        return self.first_bad_position == self.last_bad_position


def rebuilt_leaves(store, until: int) -> Iterator[tuple[int, bytes]]:  # type: ignore[no-untyped-def]
    """(position, leaf hash) rebuilt from the stored events up to `until`, in order."""
    after = 0
    while True:
        rows = store.raw_page(after, 1000, until)
        yield from leaves_of_rows(rows)
        if len(rows) < 1000:
            return
        after = int(rows[-1][0])


def verify_extends(
    store,  # type: ignore[no-untyped-def]
    checkpoint: Checkpoint,
    older: Iterable[Checkpoint] = (),
    progress: Callable[[int], None] | None = None,
) -> ExtensionReport:
    """Prove that the log today extends `checkpoint` (already opened with a trusted key);
    `older` checkpoints (also trusted) only narrow down where a rewrite begins."""
    n = checkpoint.size
    head, _ = store.head()
    sizes = {c.size: c.root for c in older if 0 < c.size < n}
    # The consistency proof from n to today, taken from the tree rebuilt from the events: the
    # complete subtrees it needs are kept as the leaves stream past.
    needed: set[tuple[int, int]] = set()
    if 0 < n < head:
        needed = set(merkle.nodes_needed(lambda node: merkle.consistency_proof(n, head, node)))
    kept_nodes: dict[tuple[int, int], bytes] = {}
    rebuilt, from_stored = Frontier(), Frontier()
    matched = 0  # the largest older size whose root the rebuilt tree still has
    unmatched: list[int] = []  # the older sizes whose roots it does not
    first_difference: int | None = None
    stored_root_at_n: bytes | None = None
    expected = 1
    stored_leaves = StoredTree(store.db).stored_leaves(head)
    for made, kept in zip_longest(rebuilt_leaves(store, head), stored_leaves):
        if made is None:
            break
        position, leaf = made
        if position != expected:
            why = f"position {expected} is missing from the log"
            return ExtensionReport(False, n, head, why, expected, expected)
        expected += 1
        index = rebuilt.size
        for level, h in enumerate(rebuilt.append(leaf)):
            if (level, index >> level) in needed:
                kept_nodes[(level, index >> level)] = h
        if kept is not None:
            from_stored.append(kept[1])
        if first_difference is None and (kept is None or kept[1] != leaf):
            first_difference = position
        if rebuilt.size in sizes:
            if rebuilt.root() == sizes[rebuilt.size]:
                matched = rebuilt.size
            else:
                unmatched.append(rebuilt.size)
        if from_stored.size == n:
            stored_root_at_n = from_stored.root()
        if progress and position % 1000 == 0:
            progress(1000)
    if rebuilt.size < n:
        why = (
            f"the log ends at position {rebuilt.size} but the checkpoint covers {n} events"
            " (cut short, or rolled back)"
        )
        return ExtensionReport(False, n, rebuilt.size, why, rebuilt.size + 1, rebuilt.size + 1)
    if rebuilt.size != head:
        why = f"position {rebuilt.size + 1} is missing from the log (its head says {head})"
        return ExtensionReport(False, n, head, why, rebuilt.size + 1, rebuilt.size + 1)
    try:
        proof = (
            merkle.consistency_proof(n, head, lambda lv, i: kept_nodes[(lv, i)]) if needed else []
        )
        merkle.verify_consistency(n, head, proof, checkpoint.root, rebuilt.root())
    except ProofError:
        if stored_root_at_n == checkpoint.root and first_difference is not None:
            why = (
                f"the event at position {first_difference} is not the one the checkpoint"
                " signed (its leaf differs from the stored tree, which matches the checkpoint)"
            )
            return ExtensionReport(False, n, head, why, first_difference, first_difference)
        upper = min([s for s in unmatched if s > matched] or [n])
        why = (
            f"the first {n} events do not hash to the checkpoint's root, and the stored tree"
            f" was rewritten too: the first change is between positions {matched + 1} and"
            f" {upper}" + ("" if sizes else " (give older published checkpoints to narrow it)")
        )
        return ExtensionReport(False, n, head, why, matched + 1, upper)
    if first_difference is not None:
        why = (
            f"the log extends the checkpoint, but the event at position {first_difference}"
            " differs from the tree stored when it was appended"
        )
        return ExtensionReport(False, n, head, why, first_difference, first_difference)
    return ExtensionReport(True, n, head)


def root_b64(root: bytes) -> str:
    return base64.b64encode(root).decode()
