"""Tamper evidence: any single row altered, deleted or swapped behind the triggers' back is caught
by `verify`, which names the first bad position.

Each trial tampers with one row (or swaps the contents of two), checks `EventStore.verify()`
(and, for some trials, `osint verify`: exit 1 naming the position), then puts the original rows
back and checks that the chain verifies again, so every trial starts from an intact log.
Replay with OSINT_RELIABILITY_SEED=<seed>.
"""

from __future__ import annotations

import os
import random
import string
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, delete, insert, select, update

from events import EventStore
from events.schema import events
from ingest.folder import read_folder
from ingest.run import ingest_observations, record_failure
from osint.wiring import open_store
from tests.reliability.corpus import Corpus
from tests.reliability.harness import LONG, run_osint, scale

pytestmark = pytest.mark.reliability

TEXT_COLUMNS = (
    "event_id",
    "stream_id",
    "type",
    "recorded_at",
    "payload",
    "metadata",
    "prev_hash",
    "hash",
)
ALTERABLE = (*TEXT_COLUMNS, "stream_version", "schema_version", "position")


def _unguarded(store: EventStore, conn: Connection) -> None:
    """Switch the immutability triggers off inside this transaction: the attacker's move."""
    if store.db.backend == "sqlite":
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS events_refuse_update")
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS events_refuse_delete")
    else:
        conn.exec_driver_sql("ALTER TABLE events DISABLE TRIGGER USER")


def _build_log(store: EventStore, tmp_path: Path, rng: random.Random) -> int:
    corpus = Corpus(tmp_path / "tamper-corpus", random.Random(rng.random()))
    corpus.populate(40)
    ingest_observations(store, read_folder(corpus.root, corpus.source_id), batch_size=7)
    for round_no in (1, 2):
        corpus.edit(0.3, round_no)
        ingest_observations(store, read_folder(corpus.root, corpus.source_id), batch_size=5)
        record_failure(store, "feed-x", "http", f"HTTP 503 on poll {round_no}", http_status=503)
    head, _ = store.head()
    return head


def _mutate_text(rng: random.Random, column: str, value: str) -> str:
    hexadecimal = column.endswith("hash")
    alphabet = "0123456789abcdef" if hexadecimal else string.ascii_letters + string.digits
    index = rng.randrange(len(value))
    replacement = rng.choice([c for c in alphabet if c != value[index]])
    return value[:index] + replacement + value[index + 1 :]


def _mutate(rng: random.Random, column: str, value: Any, head: int) -> Any:
    if column in TEXT_COLUMNS:
        return _mutate_text(rng, column, value)
    if column == "stream_version":
        return value + 1000 + rng.randint(0, 99)  # clear of the (stream, version) constraint
    if column == "position":
        return head + rng.randint(1, 50)  # the row moves past the end: a hole where it was
    return value + rng.randint(1, 3)


def _rows(conn: Connection, positions: list[int]) -> dict[int, dict[str, Any]]:
    rows = conn.execute(select(events).where(events.c.position.in_(positions))).mappings()
    return {r["position"]: dict(r) for r in rows}


def _tamper(store: EventStore, rng: random.Random, head: int) -> tuple[str, int, list[dict]]:
    """Tamper with one row (or swap two); return the kind, the first bad position and the
    original rows to put back."""
    kind = rng.choice(("alter", "delete", "swap"))
    with store.db.transaction() as conn:
        _unguarded(store, conn)
        if kind == "swap":
            first, second = sorted(rng.sample(range(1, head + 1), 2))
            originals = _rows(conn, [first, second])
            conn.execute(delete(events).where(events.c.position.in_([first, second])))
            a, b = originals[first], originals[second]
            conn.execute(insert(events), [{**b, "position": first}, {**a, "position": second}])
            return f"swap {first}<->{second}", first, list(originals.values())
        position = rng.randint(1, head)
        originals = _rows(conn, [position])
        if kind == "delete":
            conn.execute(delete(events).where(events.c.position == position))
            return f"delete {position}", position, list(originals.values())
        column = rng.choice(ALTERABLE)
        new = _mutate(rng, column, originals[position][column], head)
        if column == "stream_id":
            # One changed character can name another stream of the log (report-00018 ->
            # report-00008), whose (stream, version) the unique constraint then refuses
            # before verify could see anything: draw again until it names no stream.
            taken = set(conn.execute(select(events.c.stream_id).distinct()).scalars())
            while new in taken:
                new = _mutate(rng, column, originals[position][column], head)
        conn.execute(update(events).where(events.c.position == position).values({column: new}))
        moved = [new] if column == "position" else []
        return f"alter {column} at {position}", position, [*originals.values(), *moved]


def _restore(store: EventStore, originals: list[Any]) -> None:
    rows = [r for r in originals if isinstance(r, dict)]
    stray = [r for r in originals if isinstance(r, int)]
    with store.db.transaction() as conn:
        _unguarded(store, conn)
        positions = [r["position"] for r in rows] + stray
        conn.execute(delete(events).where(events.c.position.in_(positions)))
        conn.execute(insert(events), rows)


def test_a_hundred_single_row_tamperings_are_all_caught(db_url: str, tmp_path: Path):
    seed = int(os.environ.get("OSINT_RELIABILITY_SEED") or random.SystemRandom().randrange(2**32))
    rng = random.Random(seed)
    trials = scale(100, 300)
    cli_every = 1 if LONG else 50
    store = open_store(db_url)
    caught: Counter[str] = Counter()
    try:
        head = _build_log(store, tmp_path, rng)
        assert store.verify().ok
        for trial in range(trials):
            what, first_bad, originals = _tamper(store, rng, head)
            context = f"seed={seed} trial={trial} {what}"
            report = store.verify()
            assert not report.ok, f"{context}: not caught"
            assert report.first_bad_position == first_bad, f"{context}: {report}"
            assert report.checked == first_bad - 1, f"{context}: {report}"
            if trial % cli_every == 0:
                outcome = run_osint(db_url, "verify", cwd=tmp_path)
                assert outcome.returncode == 1, f"{context}: {outcome.describe()}"
                assert f"BROKEN at position {first_bad}:" in outcome.stderr, context
                assert "Traceback" not in outcome.stderr, context
                caught["osint verify"] += 1
            caught[what.split(" ")[0]] += 1
            _restore(store, originals)
            assert store.verify().ok, f"{context}: the log was not put back"
    finally:
        store.close()
    print(f"\ntamper {db_url.split(':')[0]} seed={seed}: {trials} trials caught {dict(caught)}")
