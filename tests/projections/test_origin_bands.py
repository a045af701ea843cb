"""A band key records at most `BAND_MEMBERS` texts, the first in log order, so the cost of
finding a text's near-copies stops growing with the log; the origins it assigns must still
not depend on how the log was cut into batches."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, MetaData, create_engine, select

from projections import origins
from projections.nearcopies import MIN_AGREEING, PERMUTATIONS, ROWS, band_keys

COMMON = np.arange(ROWS, dtype=np.uint32) + 7  # band 0 of every text below: boilerplate


def sig(seed: int) -> bytes:
    """A signature sharing band 0 with every other one made here, and nothing else."""
    values = np.random.default_rng(seed).integers(1 << 20, 1 << 31, PERMUTATIONS, dtype=np.uint32)
    values[:ROWS] = COMMON
    return values.astype(">u4").tobytes()


def copy_of(signature: bytes, changed: int) -> bytes:
    """A near-copy: `changed` values (not in band 0) differ from `signature`."""
    values = np.frombuffer(signature, dtype=">u4").copy()
    values[PERMUTATIONS - changed :] += 1
    return values.astype(">u4").tobytes()


def text(position: int, name: str, signature: bytes) -> origins.Text:
    return origins.Text(position, name.ljust(64, "0"), signature)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    return create_engine(f"sqlite:///{tmp_path / 'origins.db'}")


def place(engine: Engine, texts: list[origins.Text], batch: int) -> tuple[dict, list]:
    metadata = MetaData()
    tables = origins.define_tables(metadata, "")
    metadata.drop_all(engine)
    metadata.create_all(engine)
    found: dict[str, str] = {}
    with engine.begin() as conn:
        for start in range(0, len(texts), batch):
            found.update(origins.assign(conn, tables, texts[start : start + batch]))
        bands, placed = tables["near_bands"], tables["report_origins"]
        query = select(bands.c.band_key, placed.c.content_sha256).join(
            placed, placed.c.position == bands.c.position
        )
        rows = sorted(conn.execute(query).all())
    return found, rows


def crowded_log() -> list[origins.Text]:
    """Twelve unrelated texts sharing band 0, then a near-copy of the first and of the last."""
    texts = [text(i + 1, f"t{i:02d}", sig(i)) for i in range(12)]
    near = PERMUTATIONS - MIN_AGREEING  # as many changed values as a near-copy may have
    texts.append(text(13, "copy-of-first", copy_of(texts[0].signature, near)))
    texts.append(text(14, "copy-of-last", copy_of(texts[11].signature, near)))
    return texts


def test_a_full_band_key_records_no_more_texts(engine: Engine):
    texts = crowded_log()
    _, rows = place(engine, texts, batch=500)
    common = band_keys(texts[0].signature)[0]
    members = [name for key, name in rows if key == common]
    assert len(members) == origins.BAND_MEMBERS == 8
    assert members == sorted(t.content_sha256 for t in texts[:8])
    # Every other band of every text is recorded: they are its own.
    own = {(k, t.content_sha256) for t in texts for k in band_keys(t.signature)[1:]}
    assert {(k, name) for k, name in rows if k != common} == own


def test_a_copy_is_found_through_its_own_bands_when_the_common_one_is_full(engine: Engine):
    found, _ = place(engine, crowded_log(), batch=500)
    assert found["copy-of-first".ljust(64, "0")] == "t00".ljust(64, "0")
    assert found["copy-of-last".ljust(64, "0")] == "t11".ljust(64, "0")
    assert len(set(found.values())) == 12


@pytest.mark.parametrize("batch", [1, 3, 5])
def test_batches_of_any_size_assign_the_same_origins_and_record_the_same_bands(
    engine: Engine, batch: int
):
    texts = crowded_log()
    whole = place(engine, texts, batch=len(texts))
    assert place(engine, texts, batch=batch) == whole


def test_without_a_bound_every_text_is_recorded(engine: Engine, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(origins, "BAND_MEMBERS", None)
    texts = crowded_log()
    _, rows = place(engine, texts, batch=4)
    common = band_keys(texts[0].signature)[0]
    assert sum(1 for key, _ in rows if key == common) == len(texts)
