"""The origin of each report text in the figures view: the earliest text (in log order) that it
is a near-copy of, or itself (`projections.nearcopies` says what a near-copy is).

The estimate history counts independent sources by origin, so a wire story that three outlets
run with their own byline is one origin, copied by the others. Only texts that hold figures are
given a signature: a text without figures never backs an estimate, and copies of a text share
its figures.

Two tables per generation of the figures view: `report_origins` (a text's content hash, its
origin, its signature and the position that first brought it) and `near_bands` (the signature's
band keys, indexed, to find candidates in one lookup). Log order decides, so the view as of a
position is what a replay cut there assigns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
from projections.nearcopies import band_keys, is_near_copy
from projections.projector import Tables


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
    )
    bands = Table(
        f"near_bands{suffix}",
        metadata,
        Column("band_key", BigInteger, nullable=False),
        Column("content_sha256", String(64), nullable=False),
        Index(f"ix_near_bands{suffix}_key", "band_key"),
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
    placed: list[tuple[Text, str, set[int]]] = []  # texts of this batch, for later ones
    origin_rows, band_rows = [], []
    for text in fresh:
        mine = set(keys[text.content_sha256])
        candidates = [c for c in stored if c[3] & mine]
        candidates += [(t.position, o, t.signature, k) for t, o, k in placed if k & mine]
        best = min(
            (c for c in candidates if is_near_copy(c[2], text.signature)),
            key=lambda c: c[0],
            default=None,
        )
        origin = best[1] if best is not None else text.content_sha256
        found[text.content_sha256] = origin
        placed.append((text, origin, mine))
        origin_rows.append(
            {
                "content_sha256": text.content_sha256,
                "origin_sha256": origin,
                "signature": text.signature,
                "position": text.position,
            }
        )
        band_rows += [{"band_key": k, "content_sha256": text.content_sha256} for k in mine]
    insert_many(conn, origins, origin_rows)
    insert_many(conn, bands, band_rows)
    return found


def _candidates(
    conn: Connection, tables: Tables, keys: list[int]
) -> list[tuple[int, str, bytes, set[int]]]:
    """Stored texts sharing a band key with any of `keys`: (position, origin, signature, keys)."""
    origins, bands = tables["report_origins"], tables["near_bands"]
    if not keys:
        return []
    shared: dict[str, set[int]] = {}
    for key, content in conn.execute(
        select(bands.c.band_key, bands.c.content_sha256).where(bands.c.band_key.in_(keys))
    ):
        shared.setdefault(content, set()).add(int(key))
    if not shared:
        return []
    rows = conn.execute(
        select(
            origins.c.content_sha256,
            origins.c.position,
            origins.c.origin_sha256,
            origins.c.signature,
        ).where(origins.c.content_sha256.in_(sorted(shared)))
    ).all()
    return [(int(p), o, bytes(s), shared[c]) for c, p, o, s in rows]
