"""Random attacks on a log after a checkpoint was published, each with every chain hash and the
head (in the last tree row) recomputed afterwards (so the chain alone passes): a rewrite of one
event before the checkpoint, a cut, or a rewrite after it. `verify_extends` must catch each and
name the position.

Each trial starts from a copy of one SQLite log (the CLI tests run the same attacks on both
backends). Replay with OSINT_RELIABILITY_SEED=<seed>.
"""

from __future__ import annotations

import os
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from events import NewEvent
from events.checkpoints import verify_extends
from events.note import Checkpoint
from events.tree import StoredTree
from osint.wiring import open_store
from tests.evidence import attacker
from tests.reliability.harness import scale

pytestmark = pytest.mark.reliability


def _build(path: Path, total: int) -> None:
    store = open_store(f"sqlite:///{path}")
    for start in range(0, total, 7):
        store.append(
            [
                NewEvent(
                    f"00000000-0000-4000-8000-{i:012d}",
                    f"s/{i % 9}",
                    "Note",
                    1,
                    {"n": i, "text": f"{i} soldiers"},
                )
                for i in range(start, min(total, start + 7))
            ]
        )
    store.close()


def test_random_attacks_after_a_checkpoint_are_caught(tmp_path: Path):
    seed = int(os.environ.get("OSINT_RELIABILITY_SEED") or random.SystemRandom().randrange(2**32))
    rng = random.Random(seed)
    total, signed = 90, 60
    original = tmp_path / "original.db"
    _build(original, total)
    store = open_store(f"sqlite:///{original}")
    checkpoint = Checkpoint("test/log", signed, StoredTree(store.db).root(signed))
    assert verify_extends(store, checkpoint).ok
    store.close()
    caught: Counter[str] = Counter()
    for trial in range(scale(20, 300)):
        copy = tmp_path / f"trial{trial % 2}.db"
        shutil.copy(original, copy)
        kind = rng.choice(("rewrite before", "cut", "rewrite after"))
        if kind == "cut":
            keep = rng.randrange(0, signed)
            move = lambda s, c, k=keep: attacker.truncate(s, c, k)  # noqa: E731
            want = keep + 1
        else:
            position = (
                rng.randint(1, signed)
                if kind == "rewrite before"
                else rng.randint(signed + 1, total)
            )
            n = position - 1
            move = lambda s, c, p=position, n=n: attacker.rewrite_payload(  # noqa: E731
                s, c, p, f'"{n} soldiers"', f'"{n + 1} soldiers"'
            )
            want = position
        store = open_store(f"sqlite:///{copy}")
        try:
            with store.db.transaction() as conn:
                attacker.unguard(store, conn)
                move(store, conn)
                attacker.rechain(store, conn)
            assert store.verify().ok, f"seed={seed} trial={trial}: the chain should be fooled"
            report = verify_extends(store, checkpoint)
        finally:
            store.close()
        context = f"seed={seed} trial={trial} {kind} -> {report}"
        assert not report.ok, context
        assert report.first_bad_position == want and report.exact, context
        caught[kind] += 1
    print(f"\ncheckpoint attacks seed={seed}: caught {dict(caught)}")
