"""A figure dated before a topic's latest is put in among its steps (`insert_figure`) instead
of the topic being labelled again from its first figure. Whatever order the figures come in,
and however they are cut into batches, the kept builder must equal the one fed every figure in
time order: its summary, its stored state (so a replay writes the same rows), its support
groups and first carriers, every step's change, and the stamp."""

from __future__ import annotations

import bisect
import random
from typing import Any

import orjson
import pytest

from projections.history import CONTRADICTED, EARLIER, EXCLUDED, _Origins, order_key
from projections.summary_builder import StoredStep, SummaryBuilder

NOT_COUNTING = (CONTRADICTED, EXCLUDED, EARLIER)


class MemorySteps:
    """The step store as a sorted list, to check the builder apart from the database."""

    def __init__(self) -> None:
        self.keys: list[tuple[Any, ...]] = []
        self.rows: list[dict[str, Any]] = []

    def _stored(self, row: dict[str, Any]) -> StoredStep:
        return StoredStep(
            row["key"], row["change"], row["low"], row["high"], row["fid"], row["fresh"]
        )

    def previous(self, series: str, key: tuple[Any, ...]) -> StoredStep | None:
        for row in reversed(self.rows[: bisect.bisect_left(self.keys, key)]):
            if row["series"] == series and row["change"] not in NOT_COUNTING:
                return self._stored(row)
        return None

    def following(self, series: str, key: tuple[Any, ...]) -> StoredStep | None:
        for row in self.rows[bisect.bisect_right(self.keys, key) :]:
            if row["series"] == series and row["change"] not in NOT_COUNTING:
                return self._stored(row)
        return None

    def at(self, key: tuple[Any, ...]) -> StoredStep:
        return self._stored(self.rows[self.keys.index(key)])

    def count_after(self, key: tuple[Any, ...]) -> int:
        return len(self.keys) - bisect.bisect_right(self.keys, key)

    def put(self, step: Any, series: str, fresh: bool) -> None:
        f = step.figure
        key = order_key(f)
        i = bisect.bisect(self.keys, key)
        self.keys.insert(i, key)
        row = {
            "key": key,
            "change": step.change,
            "low": f.get("low"),
            "high": f.get("high"),
            "fid": f["figure_id"],
            "at": f["effective_at"],
            "fresh": fresh,
            "series": series,
        }
        self.rows.insert(i, row)

    def relabel(self, key: tuple[Any, ...], change: str, fresh: bool) -> None:
        row = self.rows[self.keys.index(key)]
        row["change"], row["fresh"] = change, fresh

    def lines(self) -> list[tuple[Any, ...]]:
        return [
            (r["change"], r["low"], r["high"], r["fid"], r["at"], r["fresh"], r["series"])
            for r in self.rows
        ]


def figures(rng: random.Random, count: int, reprints: float = 1.0) -> list[dict[str, Any]]:
    """Figures of one topic: few bounds (so support groups fill), texts syndicated by other
    sources (each figure's text is one of a few shared ones with probability `reprints`),
    sources with several texts, denials, periods, excluded and earlier values."""
    sources = ["a", "b", "c", "d", "e"]
    texts = [f"t{i}" for i in range(count // 2 + 1)]
    made: list[dict[str, Any]] = []
    for i in range(count):
        low = rng.choice([100, 200, 200, 300, None])
        high = rng.choice([low, low, 400]) if low is not None else rng.choice([250, 500])
        denied = rng.random() < 0.1
        lead = "Officials denied reports that " if denied else "Officials said "
        sentence = f"{lead}{low or high} troops were sent."
        made.append(
            {
                "figure_id": f"{i}-0",
                "effective_at": f"2024-03-{rng.randint(1, 9):02d}T00:00:00Z",
                "position": i + 1,
                "start": len(lead),
                "end": len(lead) + len(str(low or high)),
                "sentence": sentence,
                "sentence_start": 0,
                "low": None if low is None else float(low),
                "high": None if high is None else float(high),
                "source_id": rng.choice(sources),
                "content_sha256": (rng.choice(texts) if rng.random() < reprints else f"own-{i}"),
                "origin_sha256": None,
                "period": "period" if rng.random() < 0.1 else None,
                "excluded": rng.random() < 0.05,
                "earlier": rng.random() < 0.05,
                "category": "troops",
                "actor": "north-korea",
                "claimant": rng.choice(["NIS", "Pentagon", None, "Kyiv"]),
                "attribution": None,
                "text": str(low or high),
            }
        )
    return made


class Kept:
    """The builder as the projector keeps it between batches: its state as JSON, its support
    groups and first carriers as rows, its steps in a store; each batch takes it up again."""

    def __init__(self) -> None:
        self.state: bytes | None = None
        self.support: dict[str, bytes] = {}
        self.carriers: dict[tuple[str, str], tuple[str, tuple[Any, ...]]] = {}
        self.steps = MemorySteps()
        self.seen: list[dict[str, Any]] = []
        self.recomputed = 0

    def take(self, batch: list[dict[str, Any]]) -> None:
        self.seen += batch
        builder = self._load()
        rows = sorted(batch, key=order_key)
        last = builder.history.last_key
        early = [r for r in rows if last is not None and order_key(r) < last]
        if all(builder.insert_figure(r, self.steps) for r in early):
            for row in rows[len(early) :]:
                builder.add_figure(row)
            self._store(builder)
            return
        self.recomputed += 1
        self.state, self.support, self.carriers = None, {}, {}
        self.steps = MemorySteps()
        builder = SummaryBuilder()
        for row in sorted(self.seen, key=order_key):
            builder.add_figure(row)
        self._store(builder)

    def _load(self) -> SummaryBuilder:
        if self.state is None:
            return SummaryBuilder()
        builder = SummaryBuilder.from_state(orjson.loads(self.state), None)
        stored = builder.history.stored_support
        for skey, state in self.support.items():
            stored[skey] = (orjson.loads(state), {}, {})
        for (scope, text), (carrier, first) in self.carriers.items():
            into = (
                stored[scope][1:]
                if scope
                else (builder.origins.first_carrier, builder.origins.text_at)
            )
            into[0][text], into[1][text] = carrier, first
        builder.loaded_texts = set(builder.origins.first_carrier)
        builder.loaded_support = {k: set(v[1]) for k, v in stored.items()}
        return builder

    def _store(self, builder: SummaryBuilder) -> None:
        builder.seal()
        self.state = orjson.dumps(builder.state())
        for skey, seen in builder.history.support_rows().items():
            self.support[skey] = orjson.dumps(seen.state())
            self._carriers(skey, seen, builder.unstored_texts(skey, seen))
        self._carriers("", builder.origins, builder.unstored_texts("", builder.origins))
        for step, fresh in zip(builder.added, builder.added_fresh, strict=True):
            self.steps.put(step, step.series, fresh)

    def _carriers(self, scope: str, seen: _Origins, texts: list[str]) -> None:
        for text in texts:
            self.carriers[(scope, text)] = (seen.first_carrier[text], seen.text_at[text])


def in_order(rows: list[dict[str, Any]]) -> SummaryBuilder:
    builder = SummaryBuilder()
    for row in sorted(rows, key=order_key):
        builder.add_figure(row)
    return builder


def assert_same(kept: Kept, reference: SummaryBuilder) -> None:
    stamp = reference.seal()
    loaded = kept._load()
    assert loaded.seal() == stamp
    assert orjson.dumps(loaded.record()) == orjson.dumps(reference.record())
    assert kept.state == orjson.dumps(reference.state())
    assert kept.support == {
        k: orjson.dumps(v.state()) for k, v in reference.history.support_rows().items()
    }
    expected = [
        (
            s.change,
            s.figure["low"],
            s.figure["high"],
            s.figure["figure_id"],
            s.figure["effective_at"],
            fresh,
            s.series,
        )
        for s, fresh in zip(reference.added, reference.added_fresh, strict=True)
    ]
    assert kept.steps.lines() == expected


@pytest.mark.parametrize("reprints", [1.0, 0.1])
@pytest.mark.parametrize("seed", range(40))
def test_figures_in_any_order_keep_the_summary_of_time_order(seed: int, reprints: float) -> None:
    rng = random.Random(seed)
    rows = figures(rng, rng.randint(5, 60), reprints)
    arrival = rows[:]
    rng.shuffle(arrival)
    kept = Kept()
    done = 0
    while done < len(arrival):
        size = rng.randint(1, 8)
        kept.take(arrival[done : done + size])
        done += size
        assert_same(kept, in_order(arrival[:done]))


def test_most_out_of_order_figures_are_put_in_without_a_recompute() -> None:
    """The fallback (a text carried later by another source first) is the exception when
    one figure in ten carries a shared text."""
    batches = recomputed = 0
    for seed in range(40):
        rng = random.Random(seed)
        rows = figures(rng, 60, reprints=0.1)
        rng.shuffle(rows)
        kept = Kept()
        for i in range(0, 60, 4):
            kept.take(rows[i : i + 4])
            batches += 1
        recomputed += kept.recomputed
    assert recomputed < batches / 10, (recomputed, batches)


def test_an_early_figure_relabels_the_next_of_its_series_and_nothing_else() -> None:
    def fig(i: int, day: int, value: float, source: str) -> dict[str, Any]:
        return {
            "figure_id": f"{i}-0",
            "effective_at": f"2024-03-{day:02d}T00:00:00Z",
            "position": i,
            "start": 0,
            "end": 3,
            "sentence": f"{value} troops",
            "sentence_start": 0,
            "low": value,
            "high": value,
            "source_id": source,
            "content_sha256": f"t{i}",
            "category": "troops",
            "actor": None,
            "text": str(value),
        }

    kept = Kept()
    kept.take([fig(1, 1, 100, "a"), fig(2, 5, 300, "b"), fig(3, 6, 300, "c")])
    assert [line[0] for line in kept.steps.lines()] == ["first report", "raised", "corroborated"]
    kept.take([fig(4, 3, 300, "d")])  # before the raise: it raises, and 2-0 now corroborates it
    assert [(line[3], line[0]) for line in kept.steps.lines()] == [
        ("1-0", "first report"),
        ("4-0", "raised"),
        ("2-0", "corroborated"),
        ("3-0", "corroborated"),
    ]
    assert kept.recomputed == 0
    assert_same(kept, in_order(kept.seen))
    summary = kept._load().fields()
    assert (summary["current"].figure["figure_id"], summary["current"].index) == ("3-0", 4)
    assert summary["current"].corroboration == 3  # d, b and c by then
    assert summary["lowest"].index == 1 and summary["highest"].figure["figure_id"] == "4-0"
