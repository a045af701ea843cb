"""Near-copies of a report's text, so a syndicated copy with a byline, a tag line or small edits
counts as the same origin as the text it copies.

A text's *signature* is a MinHash (the values datasketch computes, 64 permutations, a fixed
seed) over its word 3-shingles (lower-cased words, so case and punctuation edits change
nothing); two signatures agree in about the share of positions that the two shingle sets
share (their Jaccard similarity). Texts are near-copies when their estimated similarity is at
least `THRESHOLD`.

Measured on edited copies of a 125-word wire story (tests/projections/test_near_copies.py,
signature estimate / exact Jaccard): a byline added 0.95 / 0.96, a tag line 0.97 / 0.95, case
and punctuation changed 1.00, one sentence of eight rewritten 0.78 / 0.73, two sentences cut
0.77 / 0.78; an independent story of the same events that shares one sentence 0.03 / 0.08.
0.70 sits between the edits a copy makes and the overlap of independent reporting.

To find candidates without comparing every pair, the signature is cut into 16 bands of 4
values (locality-sensitive hashing): texts at 0.7 share a band with probability 0.99, texts at
0.3 with probability 0.12; each candidate is then compared on the whole signature. Everything
here is a pure function of the text, so a replay assigns the same origins.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

THRESHOLD = 0.70
SHINGLE_WORDS = 3
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The 64 affine permutations (a odd, b) that datasketch's MinHash(seed=1) draws for its
    default "affine32" scheme, drawn here the same way: importing datasketch (and the scipy it
    pulls in) took over half a second in every process that computes a signature, a fixed cost
    of each replay, catch-up and read-ahead worker. The test compares with datasketch itself."""
    gen = np.random.RandomState(1)
    a = gen.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
    return a, b


# MurmurHash3's 32-bit finalizer, as datasketch's "affine32" scheme pre-mixes each input hash.
_FMIX32 = (np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35))
_EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=">u4").tobytes()


def shingles(text: str) -> set[str]:
    """The text's word 3-shingles (fewer words: the whole text as one), lower-cased."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return set(map(" ".join, zip(words, words[1:], words[2:], strict=False)))


def signature(text: str) -> bytes:
    """The text's MinHash signature: `PERMUTATIONS` 32-bit values, big-endian.

    The same values as datasketch's `MinHash(num_perm=64, seed=1, hashfunc=zlib.crc32)` (its
    default "affine32" scheme) updated with the shingles (tests/projections/test_near_copies.py
    compares the two), computed in a few numpy operations: building a MinHash object per text
    was a third of the cost of a signature, and one is computed for every report with a figure."""
    found = shingles(text)
    if not found:
        return _EMPTY
    a, b = _permutations()
    crc32 = zlib.crc32
    hv = np.fromiter((crc32(s.encode()) for s in found), dtype=np.uint32, count=len(found))
    m1, m2 = _FMIX32
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * m1
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * m2
    hv = hv ^ (hv >> np.uint32(16))
    values = (hv[:, None] * a + b).min(axis=0)
    return values.astype(">u4").tobytes()


def band_keys(sig: bytes) -> list[int]:
    """One lookup key per band: the band's number in the high bits, its values' hash below."""
    return [
        (band << 32) | zlib.crc32(sig[band * ROWS * 4 : (band + 1) * ROWS * 4])
        for band in range(BANDS)
    ]


def similarity(a: bytes, b: bytes) -> float:
    """The estimated Jaccard similarity of the texts behind two signatures."""
    x = np.frombuffer(a, dtype=">u4")
    y = np.frombuffer(b, dtype=">u4")
    return float(np.count_nonzero(x == y)) / PERMUTATIONS


# A near-copy as a count, which is how `origins` compares many signatures at once: at least
# this many of the PERMUTATIONS values agree, i.e. a similarity of at least THRESHOLD.
MIN_AGREEING = next(n for n in range(PERMUTATIONS + 1) if n / PERMUTATIONS >= THRESHOLD)
