"""The origin of each report text in the figures view: the earliest text (in log order) that it
is a near-copy of, or itself (`projections.nearcopies` says what a near-copy is).

The estimate history counts independent sources by origin, so a wire story that three outlets
run with their own byline is one origin, copied by the others. Only texts that hold figures are
given a signature: a text without figures never backs an estimate, and copies of a text share
its figures.

Two tables per generation of the figures view: `report_origins` (a text's content hash, its
origin, its signature and the position that first brought it) and `near_bands` (the signature's
band keys and that position, to find candidates in one lookup). Log order decides, so the view
as of a position is what a replay cut there assigns.

A band key records at most `BAND_MEMBERS` texts, the first to have it. Without a bound the
candidates of a text grow with the log wherever texts share boilerplate (a band of common
phrasing collects every report that uses it): on the benchmark's template corpus origin
assignment cost 1.2 s CPU per 10,000 texts at the start of a log and 10.0 s at 100,000, and
a whole replay grew quadratically. With 8 the last 10,000 of 100,000 cost 2.8 s. A near-copy
shares about four of its sixteen bands with what it copies, most of them its own wording rather
than boilerplate, so it is still found through a band that is not full: of the 60,502 distinct
texts in those 100,000 reports, 333 (0.55 %) got another origin than the unbounded search gives
them (126 with a bound of 16, 818 with 4), each then counting as its own origin. The bound
is part of the view's definition: which texts a key records depends only on log order, so
batches of any size and a replay cut at any position assign the same origins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    select,
)

from projections.bulk import insert_many
from projections.driver import fetch_in
from projections.nearcopies import MIN_AGREEING, band_keys
from projections.projector import Tables

# At most this many texts are recorded under one band key, the first ones in log order; `None`
# records every text (the exact answer, at a cost that grows with the log).
BAND_MEMBERS: int | None = 8


@dataclass(frozen=True, slots=True)
class Text:
    """A report text to place: where it first appeared, its content hash and its signature."""

    position: int
    content_sha256: str
    signature: bytes


def define_tables(metadata: MetaData, suffix: str) -> Tables:
    origins = Table(
        f"report_origins{suffix}",
        metadata,
        Column("content_sha256", String(64), primary_key=True),
        Column("origin_sha256", String(64), nullable=False),
        Column("signature", LargeBinary, nullable=False),
        Column("position", BigInteger, nullable=False),
        Index(f"ix_report_origins{suffix}_position", "position", unique=True),
    )
    # A text's band keys, by the position that brought it (one text per position). One B-tree
    # keyed (band key, position), without a rowid table beside it: a rowid table of 64-character
    # content hashes plus an index on the key took 66 MB at 97,000 events, this takes 11 MB.
    # The keys are hashes, so the inserts stay random (9.8 us a row at 100,000 before, 8.3
    # after, against 2.2 us in a log of 2,000).
    bands = Table(
        f"near_bands{suffix}",
        metadata,
        Column("band_key", BigInteger, primary_key=True, autoincrement=False),
        Column("position", BigInteger, primary_key=True, autoincrement=False),
        sqlite_with_rowid=False,
    )
    return {"report_origins": origins, "near_bands": bands}


def assign(conn: Connection, tables: Tables, texts: Sequence[Text]) -> dict[str, str]:
    """The origin of each text (by content hash), recording the new ones; `texts` in log order."""
    origins, bands = tables["report_origins"], tables["near_bands"]
    hashes = sorted({t.content_sha256 for t in texts})
    found: dict[str, str] = {}
    if hashes:
        found = dict(
            conn.execute(
                select(origins.c.content_sha256, origins.c.origin_sha256).where(
                    origins.c.content_sha256.in_(hashes)
                )
            ).all()
        )
    fresh: list[Text] = []
    seen = set(found)
    for text in texts:
        if text.content_sha256 not in seen:
            seen.add(text.content_sha256)
            fresh.append(text)
    if not fresh:
        return found
    keys = {t.content_sha256: band_keys(t.signature) for t in fresh}
    stored = _candidates(conn, tables, sorted({k for ks in keys.values() for k in ks}))
    pool = _Pool(stored, BAND_MEMBERS)
    origin_rows, band_rows = [], []
    for text in fresh:
        mine = keys[text.content_sha256]
        origin = pool.earliest_copy(mine, text.signature) or text.content_sha256
        found[text.content_sha256] = origin
        # For later texts of the batch, under the keys that are not full yet.
        recorded = pool.add(text.position, origin, text.signature, mine)
        origin_rows.append(
            {
                "content_sha256": text.content_sha256,
                "origin_sha256": origin,
                "signature": text.signature,
                "position": text.position,
            }
        )
        band_rows += [{"band_key": k, "position": text.position} for k in recorded]
    insert_many(conn, origins, origin_rows)
    insert_many(conn, bands, band_rows)
    return found


@dataclass(frozen=True, slots=True)
class _Stored:
    """Stored candidates as read: per text its position, origin and signature, and the
    (band key, text index) rows that record them (never more than `BAND_MEMBERS` a key)."""

    positions: list[int]
    origins: list[str]
    signatures: list[bytes]
    keys: list[tuple[int, int]]


class _Pool:
    """The candidates of one batch, by band key: each text is compared only with those that
    share one of its bands, all at once (one numpy comparison over their signatures), instead
    of testing every candidate of the batch for a shared band and then each pair in turn (on a
    template-heavy corpus a common band holds thousands of texts, and the batch's candidates
    were scanned once per text). The answer is the same: the earliest near-copy by position.

    Stored texts come in as their keys recorded them (never more than `members` a key), so a
    key of the pool holds what the table holds and then the batch's texts, up to `members`."""

    def __init__(self, stored: _Stored, members: int | None = None) -> None:
        self.members = members
        self.positions = stored.positions
        self.origins = stored.origins
        joined = np.frombuffer(b"".join(stored.signatures), dtype=">u4")
        self.signatures: list[np.ndarray] = (
            list(joined.reshape(len(stored.signatures), -1)) if stored.signatures else []
        )
        self.by_key: dict[int, list[int]] = {}
        for key, i in stored.keys:
            self.by_key.setdefault(key, []).append(i)

    def add(self, position: int, origin: str, sig: bytes, keys: Iterable[int]) -> list[int]:
        """Add a text under those of `keys` that hold fewer than `members` texts, and return
        those keys: the ones to record it under in `near_bands`."""
        index = len(self.positions)
        self.positions.append(position)
        self.origins.append(origin)
        self.signatures.append(np.frombuffer(sig, dtype=">u4"))
        recorded = []
        for key in sorted(set(keys)):
            held = self.by_key.setdefault(key, [])
            if self.members is None or len(held) < self.members:
                held.append(index)
                recorded.append(key)
        return recorded

    def earliest_copy(self, keys: Iterable[int], sig: bytes) -> str | None:
        """The origin of the earliest candidate that `sig` is a near-copy of, if any."""
        found: set[int] = set()
        for key in keys:
            found.update(self.by_key.get(key, ()))
        if not found:
            return None
        chosen = sorted(found)
        matrix = np.stack([self.signatures[i] for i in chosen])
        agree = np.count_nonzero(matrix == np.frombuffer(sig, dtype=">u4"), axis=1)
        near = [chosen[i] for i in np.flatnonzero(agree >= MIN_AGREEING)]
        if not near:
            return None
        return self.origins[min(near, key=lambda i: self.positions[i])]


def _candidates(conn: Connection, tables: Tables, keys: list[int]) -> _Stored:
    """Stored texts sharing a band key with any of `keys`, and the keys they share: the band
    rows first (the key's own B-tree), then each text once. Joined in one statement, a text
    that shares several keys was read (signature and all) once per key: at 270,000 corpus
    events a batch's 8,100 to 9,600 band rows name 5,900 to 6,800 texts, and four batches'
    lookups cost 0.22 s CPU joined, 0.13 s in two steps (the same rows)."""
    origins, bands = tables["report_origins"], tables["near_bands"]
    rows = fetch_in(
        conn,
        f'SELECT "band_key", "position" FROM "{bands.name}" WHERE "band_key" IN ({{}})',
        keys,
    )
    positions = sorted({int(position) for _, position in rows})
    stored = _Stored([], [], [], [])
    index: dict[int, int] = {}
    for i in range(0, len(positions), _TEXTS_READ):
        for position, origin, signature in fetch_in(
            conn,
            f'SELECT "position", "origin_sha256", "signature" FROM "{origins.name}"'
            f' WHERE "position" IN ({{}})',
            positions[i : i + _TEXTS_READ],
        ):
            index[int(position)] = len(stored.positions)
            stored.positions.append(int(position))
            stored.origins.append(origin)
            stored.signatures.append(bytes(signature))
    # As the join did, a band row whose text is not stored finds nothing.
    found = ((int(key), index.get(int(position))) for key, position in rows)
    stored.keys.extend((key, i) for key, i in found if i is not None)
    return stored


_TEXTS_READ = 5_000  # texts looked up by position in one statement (within every driver's limit)
