"""RFC 9162 hashing and proofs, against vectors published by others, and 1,000 random
consistency proofs.

Vectors: the eight-leaf reference tree of RFC 6962 / RFC 9162 as transparency-dev/merkle
publishes it (`proof/verify_test.go`: `leaves`, `roots`, `inclusionProofs`,
`consistencyProofs`; the same numbers are in certificate-transparency-go's merkle tests), and
Go's `golang.org/x/mod/sumdb/tlog` (`note_test.go`: `RecordHash("hello world")`, which is the
RFC 9162 leaf hash).
"""

from __future__ import annotations

import base64
import random

import pytest

from events import merkle
from events.merkle import MemoryTree, ProofError

H = bytes.fromhex

LEAVES = [
    H(x)
    for x in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
ROOTS = [
    H(x)
    for x in (
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    )
]
# (leaf number counted from 1, tree size, proof), as transparency-dev lists them.
INCLUSION = [
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (3, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]),
    (
        2,
        5,
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
]
CONSISTENCY = [
    (1, 1, []),
    (
        1,
        8,
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
    ),
    (
        6,
        8,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
    (
        2,
        5,
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ],
    ),
    (
        6,
        7,
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ],
    ),
]


def _tree(n: int = 8) -> MemoryTree:
    return MemoryTree(merkle.leaf_hash(d) for d in LEAVES[:n])


def test_the_empty_tree_is_the_hash_of_nothing():
    assert merkle.root_of([]).hex() == (
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    )


def test_go_sumdb_record_hash_is_the_leaf_hash():
    # sumdb/tlog note_test.go: the tree note of RecordHash("hello world").
    leaf = merkle.leaf_hash(b"hello world")
    assert base64.b64encode(leaf).decode() == "TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0="


@pytest.mark.parametrize("size", range(1, 9))
def test_roots_of_the_reference_tree(size: int):
    tree = _tree()
    assert tree.root(size) == ROOTS[size - 1]
    assert merkle.root_of([merkle.leaf_hash(d) for d in LEAVES[:size]]) == ROOTS[size - 1]


@pytest.mark.parametrize(("leaf", "size", "proof"), INCLUSION)
def test_inclusion_proofs_of_the_reference_tree(leaf: int, size: int, proof: list[str]):
    tree = _tree()
    want = [H(p) for p in proof]
    assert tree.inclusion_proof(leaf - 1, size) == want
    leaf_h = merkle.leaf_hash(LEAVES[leaf - 1])
    merkle.verify_inclusion(leaf - 1, size, leaf_h, want, ROOTS[size - 1])


@pytest.mark.parametrize(("old", "new", "proof"), CONSISTENCY)
def test_consistency_proofs_of_the_reference_tree(old: int, new: int, proof: list[str]):
    tree = _tree()
    want = [H(p) for p in proof]
    assert tree.consistency_proof(old, new) == want
    merkle.verify_consistency(old, new, want, ROOTS[old - 1], ROOTS[new - 1])


def _flip(h: bytes, bit: int = 3) -> bytes:
    return bytes([h[0] ^ (1 << bit)]) + h[1:]


@pytest.mark.parametrize(("leaf", "size", "proof"), [v for v in INCLUSION if v[2]])
def test_corrupted_inclusion_proofs_fail(leaf: int, size: int, proof: list[str]):
    """The probes of transparency-dev's corruptInclusionProof."""
    p = [H(x) for x in proof]
    root, index = ROOTS[size - 1], leaf - 1
    leaf_h = merkle.leaf_hash(LEAVES[index])
    probes = [
        (index - 1, size, leaf_h, p, root),
        (index + 1, size, leaf_h, p, root),
        (index ^ 2, size, leaf_h, p, root),
        (index, size * 2, leaf_h, p, root),
        (index, size // 2, leaf_h, p, root),
        (index, size, merkle.leaf_hash(b"WrongLeaf"), p, root),
        (index, size, leaf_h, p, merkle.EMPTY_ROOT),
        (index, size, leaf_h, [*p, root], root),
        (index, size, leaf_h, [root, *p], root),
        (index, size, leaf_h, p[:-1], root),
        *[(index, size, leaf_h, [*p[:i], _flip(p[i]), *p[i + 1 :]], root) for i in range(len(p))],
    ]
    for i, (idx, sz, lh, pr, rt) in enumerate(probes):
        with pytest.raises(ProofError):
            merkle.verify_inclusion(idx, sz, lh, pr, rt)
            pytest.fail(f"probe {i} verified")


@pytest.mark.parametrize(("old", "new", "proof"), [v for v in CONSISTENCY if v[2]])
def test_corrupted_consistency_proofs_fail(old: int, new: int, proof: list[str]):
    """The probes of transparency-dev's corruptConsistencyProof."""
    p = [H(x) for x in proof]
    r1, r2 = ROOTS[old - 1], ROOTS[new - 1]
    probes = [
        (old - 1, new, p, r1, r2),
        (old + 1, new, p, r1, r2),
        (old ^ 2, new, p, r1, r2),
        (old, new * 2, p, r1, r2),
        (old, new // 2, p, r1, r2),
        (old, new, p, merkle.leaf_hash(b"WrongRoot"), r2),
        (old, new, p, r1, merkle.leaf_hash(b"WrongRoot")),
        (old, new, p, r2, r1),
        (old, new, [], r1, r2),
        (old, new, [*p, r1], r1, r2),
        (old, new, [*p, r2], r1, r2),
        (old, new, [r1, *p], r1, r2),
        (old, new, [r2, *p], r1, r2),
        (old, new, [p[0], *p], r1, r2),
        (old, new, p[:-1], r1, r2),
        *[(old, new, [*p[:i], _flip(p[i], 4), *p[i + 1 :]], r1, r2) for i in range(len(p))],
    ]
    for i, probe in enumerate(probes):
        if probe[0] == probe[1] and probe[2] == [] and probe[3] == probe[4]:
            continue
        with pytest.raises(ProofError):
            merkle.verify_consistency(*probe)
            pytest.fail(f"probe {i} verified")


def test_a_thousand_random_consistency_proofs_verify():
    rng = random.Random(9162)
    tree = MemoryTree(merkle.leaf_hash(rng.randbytes(8)) for _ in range(3000))
    roots = {}
    for _ in range(1000):
        new = rng.randint(1, tree.size)
        old = rng.randint(0, new)
        proof = tree.consistency_proof(old, new)
        for size in (old, new):
            if size not in roots:
                roots[size] = merkle.root_of(tree.levels[0][:size])
        merkle.verify_consistency(old, new, proof, roots[old], roots[new])
        assert tree.root(new) == roots[new]
        if 0 < old < new:
            with pytest.raises(ProofError):
                merkle.verify_consistency(old, new, proof, roots[old], _flip(roots[new]))


def test_random_inclusion_proofs_verify():
    rng = random.Random(6962)
    tree = MemoryTree(merkle.leaf_hash(rng.randbytes(8)) for _ in range(1500))
    for _ in range(300):
        size = rng.randint(1, tree.size)
        index = rng.randrange(size)
        proof = tree.inclusion_proof(index, size)
        merkle.verify_inclusion(index, size, tree.levels[0][index], proof, tree.root(size))


def test_the_frontier_holds_the_right_edge():
    tree = _tree()
    for size in range(0, 9):
        nodes = merkle.frontier_nodes(size)
        frontier = merkle.Frontier(size, [tree.node(lv, i) for lv, i in nodes])
        assert frontier.root() == (ROOTS[size - 1] if size else merkle.EMPTY_ROOT)


def test_nodes_needed_names_each_look_up():
    tree = _tree()
    wanted = merkle.nodes_needed(lambda node: merkle.inclusion_proof(5, 8, node))
    assert set(wanted) == {(0, 4), (1, 3), (2, 0)}
    assert len(tree.inclusion_proof(5, 8)) == 3
