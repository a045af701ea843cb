"""The Merkle tree of RFC 9162 (Certificate Transparency v2), section 2.1: hashing, inclusion
and consistency proofs, and their verification. Pure functions over bytes: no database.

    leaf hash  = SHA-256(0x00 ‖ entry)
    node hash  = SHA-256(0x01 ‖ left ‖ right)
    MTH({})    = SHA-256()
    MTH(D[n])  = node(MTH(D[0:k]), MTH(D[k:n])), k the largest power of two below n

Proofs are built from the hashes of *complete* subtrees: `Node(level, index)` is the hash of
the 2^level leaves starting at leaf index·2^level. A tree that stores those (events/tree.py)
answers a proof with O(log n) look-ups; `MemoryTree` keeps them in lists, for tests.

`Frontier` is the right edge of a growing tree (one complete subtree per set bit of its size):
appending a leaf costs O(log n) hashes and yields exactly the complete subtrees it finishes,
which is what the stored tree keeps.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()
_sha256 = hashlib.sha256

# The hash of the complete subtree of 2^level leaves that starts at leaf index · 2^level.
Node = Callable[[int, int], bytes]


class ProofError(ValueError):
    """A proof does not verify, or its sizes make no sense."""


def leaf_hash(entry: bytes) -> bytes:
    return _sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return _sha256(b"\x01" + left + right).digest()


def _split(n: int) -> int:
    """The largest power of two smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def root_of(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH of a list of leaf hashes (for tests and small trees)."""
    if not leaf_hashes:
        return EMPTY_ROOT
    frontier = Frontier()
    for h in leaf_hashes:
        frontier.append(h)
    return frontier.root()


# -- the right edge of a growing tree ------------------------------------------------------------


class Frontier:
    """The complete subtrees along the right edge of a tree of `size` leaves, largest first
    (one per set bit of `size`). O(log n) memory whatever the size of the tree."""

    __slots__ = ("hashes", "size")

    def __init__(self, size: int = 0, hashes: Iterable[bytes] = ()) -> None:
        self.size = size
        self.hashes = list(hashes)
        if len(self.hashes) != size.bit_count():
            raise ValueError(f"a frontier of size {size} has {size.bit_count()} hashes")

    def append(self, leaf: bytes) -> list[bytes]:
        """Add one leaf hash; return it and the parents it completes (levels 0, 1, …)."""
        made = [leaf]
        hashes = self.hashes
        h = leaf
        index = self.size
        while index & 1:
            h = node_hash(hashes.pop(), h)
            made.append(h)
            index >>= 1
        hashes.append(h)
        self.size += 1
        return made

    def root(self) -> bytes:
        hashes = self.hashes
        if not hashes:
            return EMPTY_ROOT
        r = hashes[-1]
        for h in reversed(hashes[:-1]):
            r = node_hash(h, r)
        return r

    def copy(self) -> Frontier:
        return Frontier(self.size, self.hashes)


def frontier_nodes(size: int) -> list[tuple[int, int]]:
    """The (level, index) of each complete subtree on the right edge of a tree of `size`
    leaves, largest first: what `Frontier(size, …)` holds."""
    return [
        (level, (size >> level) - 1)
        for level in range(size.bit_length() - 1, -1, -1)
        if size >> level & 1
    ]


# -- proofs from complete subtrees ---------------------------------------------------------------


def range_hash(start: int, end: int, node: Node) -> bytes:
    """MTH(D[start:end]) for a range that starts on a multiple of the power of two at or above
    its length, as every range in RFC 9162's proofs does."""
    n = end - start
    if n <= 0:
        raise ValueError(f"empty range {start}:{end}")
    if n & (n - 1) == 0:
        level = n.bit_length() - 1
        return node(level, start >> level)
    k = _split(n)
    return node_hash(range_hash(start, start + k, node), range_hash(start + k, end, node))


def inclusion_proof(index: int, size: int, node: Node) -> list[bytes]:
    """PATH(index, D[size]) of RFC 9162 section 2.1.3.1."""
    if not 0 <= index < size:
        raise ProofError(f"leaf {index} is not in a tree of {size}")
    proof: list[bytes] = []
    start, n, m = 0, size, index
    while n > 1:
        k = _split(n)
        if m < k:
            proof.append(range_hash(start + k, start + n, node))
            n = k
        else:
            proof.append(range_hash(start, start + k, node))
            start, n, m = start + k, n - k, m - k
    proof.reverse()
    return proof


def consistency_proof(old_size: int, new_size: int, node: Node) -> list[bytes]:
    """PROOF(old_size, D[new_size]) of RFC 9162 section 2.1.4.1."""
    if not 0 <= old_size <= new_size:
        raise ProofError(f"no consistency proof from size {old_size} to {new_size}")
    if old_size == 0 or old_size == new_size:
        return []
    proof: list[bytes] = []
    start, m, n, complete = 0, old_size, new_size, True
    while m != n:
        k = _split(n)
        if m <= k:
            proof.append(range_hash(start + k, start + n, node))
            n = k
        else:
            proof.append(range_hash(start, start + k, node))
            start, m, n, complete = start + k, m - k, n - k, False
    if not complete:
        proof.append(range_hash(start, start + m, node))
    proof.reverse()
    return proof


def nodes_needed(proof: Callable[[Node], object]) -> list[tuple[int, int]]:
    """The (level, index) look-ups a proof makes (its shape never depends on the hashes), so a
    stored tree can fetch them all in one query first."""
    wanted: dict[tuple[int, int], None] = {}

    def record(level: int, index: int) -> bytes:
        wanted[(level, index)] = None
        return EMPTY_ROOT

    proof(record)
    return list(wanted)


# -- verification --------------------------------------------------------------------------------


def root_from_inclusion(index: int, size: int, leaf: bytes, proof: Sequence[bytes]) -> bytes:
    """The root that `proof` leads to from `leaf` (RFC 9162 section 2.1.3.2)."""
    if not 0 <= index < size:
        raise ProofError(f"leaf index {index} is not below the tree size {size}")
    _check_lengths([leaf, *proof])
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            raise ProofError("the inclusion proof is longer than the tree is deep")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("the inclusion proof is shorter than the tree is deep")
    return r


def verify_inclusion(
    index: int, size: int, leaf: bytes, proof: Sequence[bytes], root: bytes
) -> None:
    """`ProofError` unless `proof` shows leaf `index` of the tree of `size` with `root`."""
    if root_from_inclusion(index, size, leaf, proof) != root:
        raise ProofError(f"the inclusion proof of leaf {index} does not lead to the root")


def verify_consistency(
    old_size: int, new_size: int, proof: Sequence[bytes], old_root: bytes, new_root: bytes
) -> None:
    """`ProofError` unless `proof` shows that the tree of `new_size` with `new_root` extends the
    tree of `old_size` with `old_root` (RFC 9162 section 2.1.4.2)."""
    if not 0 <= old_size <= new_size:
        raise ProofError(f"a tree of {new_size} cannot extend one of {old_size}")
    _check_lengths([old_root, new_root, *proof])
    if old_size == new_size:
        if proof:
            raise ProofError("trees of the same size need an empty consistency proof")
        if old_root != new_root:
            raise ProofError(f"two different roots for the tree of size {old_size}")
        return
    if old_size == 0:
        if proof:
            raise ProofError("the consistency proof from the empty tree must be empty")
        return
    if not proof:
        raise ProofError("the consistency proof is empty")
    path = list(proof)
    if old_size & (old_size - 1) == 0:
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            raise ProofError("the consistency proof is longer than the tree is deep")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise ProofError("the consistency proof is shorter than the tree is deep")
    if fr != old_root:
        raise ProofError(f"the consistency proof does not lead to the root of size {old_size}")
    if sr != new_root:
        raise ProofError(f"the consistency proof does not lead to the root of size {new_size}")


def _check_lengths(hashes: Iterable[bytes]) -> None:
    if any(len(h) != HASH_SIZE for h in hashes):
        raise ProofError(f"a hash that is not {HASH_SIZE} bytes")


# -- a whole tree in memory (tests, small logs) --------------------------------------------------


class MemoryTree:
    """Every complete subtree of a tree kept in lists: `levels[l][i]` is `Node(l, i)`."""

    def __init__(self, leaf_hashes: Iterable[bytes] = ()) -> None:
        self.levels: list[list[bytes]] = [[]]
        self._frontier = Frontier()
        for h in leaf_hashes:
            self.append(h)

    @property
    def size(self) -> int:
        return self._frontier.size

    def append(self, leaf: bytes) -> None:
        for level, h in enumerate(self._frontier.append(leaf)):
            if level == len(self.levels):
                self.levels.append([])
            self.levels[level].append(h)

    def node(self, level: int, index: int) -> bytes:
        return self.levels[level][index]

    def root(self, size: int | None = None) -> bytes:
        size = self.size if size is None else size
        return range_hash(0, size, self.node) if size else EMPTY_ROOT

    def inclusion_proof(self, index: int, size: int | None = None) -> list[bytes]:
        return inclusion_proof(index, self.size if size is None else size, self.node)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        return consistency_proof(old_size, self.size if new_size is None else new_size, self.node)
