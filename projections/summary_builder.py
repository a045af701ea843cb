"""A topic's history and summary, grown one figure at a time, and a figure put in among them.

`projections.audit.summarise` is `SummaryBuilder` fed a whole history, so the full computation
and the summary the figures projector keeps per topic (`projections.topic_summary`) share
every rule; the kept one stores the builder between batches (`state`, `from_state`).

News does not arrive in date order: a report published at 09:55 is polled after one of 10:00,
an archive is ingested late. Such a figure changes little of the history it lands in: its own
step, the label of the next figure of its series (now compared with it), and in its support
group the corroboration of the steps after it and at most one step that was its origin's
first (`insert_figure`). So it is put in where it belongs instead of the topic being labelled
again from its first figure, which cost a backlog of out-of-order figures time linear in the
topic's size for every batch. Step indexes follow from the time order when read, and the
topic's stamp is a sum of its steps' digests, so neither chains through the later steps.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from collections.abc import Mapping
from typing import Any, NamedTuple, Protocol

from projections.extraction.claimants import claimant_display, claimant_key
from projections.history import (
    CONTRADICTED,
    CORROBORATED,
    EARLIER,
    EXCLUDED,
    PERIOD,
    REPEATED,
    HistoryBuilder,
    Key,
    Step,
    _Origins,
    change_label,
    interval,
    order_key,
)

_DIGEST_MOD = 1 << 128
# What the step store keeps of a step's figure (`projections.topic_summary`'s `topic_steps`).
_STORED = ("figure_id", "effective_at", "position", "start", "low", "high", "period")


class StoredStep(NamedTuple):
    """A step as the step store holds it (`projections.topic_summary`'s `topic_steps`)."""

    key: Key
    change: str
    low: float | None
    high: float | None
    figure_id: str
    fresh: bool  # it began an origin of its support group

    @property
    def effective_at(self) -> str:
        return str(self.key[0])


class StepStore(Protocol):
    """Where a topic's steps are kept in time order, read by key around a figure put in."""

    def previous(self, series: str, key: Key) -> StoredStep | None:
        """The latest step of `series` before `key` that counts (asserted, not excluded,
        not an earlier value)."""

    def following(self, series: str, key: Key) -> StoredStep | None:
        """The earliest step of `series` after `key` that counts."""

    def at(self, key: Key) -> StoredStep: ...

    def count_after(self, key: Key) -> int: ...

    def put(self, step: Step, series: str, fresh: bool) -> None: ...

    def relabel(self, key: Key, change: str, fresh: bool) -> None: ...


class SummaryBuilder:
    """A topic's history and summary, grown one figure (or step) at a time in time order."""

    def __init__(self, groups: Mapping[str, str] | None = None) -> None:
        self.groups = groups or {}
        self.history = HistoryBuilder(groups)
        self.figures = self.asserted = self.denied = self.excluded = 0
        self.current: dict[str, Step] = {}  # series -> its latest asserted step
        self.ranges: dict[str, list[Any]] = {}  # series -> [low, lowest, high, highest]
        self.origins = _Origins(groups)
        self.claimants: dict[str, list[Any]] = {}  # claimant key -> [[names], figures]
        self.denials: list[Step] = []
        self.denial_keys: list[Key] = []
        self.sample: list[Any] | None = None  # [position, start, category, actor] latest logged
        self.added: list[Step] = []  # steps added since the builder was made or loaded
        self.added_fresh: list[bool] = []  # of each added step: it began an origin
        self.digest = 0  # the sum of every step's line digest (see `seal`)
        self._sealed_count = 0
        # What was taken up from storage (the rest is new, to be written): first carriers of
        # the summary's origins, and of each support group by its key.
        self.loaded_texts: set[str] = set()
        self.loaded_support: dict[str, set[str]] = {}

    # -- in time order --

    def add_figure(self, figure: Mapping[str, Any]) -> Step:
        """Add the next figure in time order; `added` keeps of its step only what the step
        store writes (a recompute of a large topic would otherwise hold all its figures)."""
        step = self.history.add(figure)
        self.add(step, self.history.last_key)
        self.added[-1] = dataclasses.replace(
            step, figure={k: figure.get(k) for k in _STORED}, origins=()
        )
        self.added_fresh.append(self.history.fresh)
        return step

    def add(self, step: Step, key: Key | None = None) -> None:
        """Take in the next step of the history (what `summarise` does for each); `key`: the
        figure's order key when the caller has it (one tuple, not a copy per origin table)."""
        self.added.append(step)
        f = step.figure
        self._count(f)
        if step.denied:
            self.denied += 1
            self.denials.append(step)
            self.denial_keys.append(order_key(f))
        if step.excluded:
            self.excluded += 1
        if not step.counts:
            return
        self.asserted += 1
        self.current[step.series] = step
        bounds = self.ranges.setdefault(step.series, [None, None, None, None])
        for bound in _finite(f):
            if bounds[0] is None or bound < bounds[0]:
                bounds[0], bounds[1] = bound, step
            if bounds[2] is None or bound > bounds[2]:
                bounds[2], bounds[3] = bound, step
        self.origins.add(f, key)
        self._claimant(f)

    def _count(self, f: Mapping[str, Any]) -> None:
        self.figures += 1
        logged = [f.get("position"), f.get("start")]
        if self.sample is None or logged > self.sample[:2]:
            self.sample = [*logged, f.get("category"), f.get("actor")]

    def _claimant(self, f: Mapping[str, Any]) -> None:
        name = f.get("claimant") or f.get("attribution")
        if name:
            entry = self.claimants.setdefault(claimant_key(name), [[], 0])
            if name not in entry[0]:
                entry[0].append(name)
            entry[1] += 1

    # -- out of time order --

    def insert_figure(self, figure: Mapping[str, Any], steps: StepStore) -> bool:
        """Put in a figure dated before the topic's latest, as if it had come in its place;
        `steps` holds the topic's steps and takes the new one. False, with the builder left
        unusable, when the figure changes which source a text's origin is (see
        `_Origins.insert`): the caller then recomputes the topic from its figures."""
        key = order_key(figure)
        history = self.history
        series = PERIOD if figure.get("period") == PERIOD else "total"
        if figure.get("excluded") or figure.get("earlier"):
            change, fresh = (EXCLUDED if figure.get("excluded") else EARLIER), False
            group = None
        else:
            group = HistoryBuilder.group_of(figure)
            denied = group[3]
            backers = history.group(group)
            placed = backers.insert(figure, key)
            if placed is None or (not denied and self.origins.insert(figure, key) is None):
                return False
            fresh, moved = placed
            if denied:
                change = CONTRADICTED
            else:
                before = steps.previous(series, key)
                change = change_label(_bounds(before), figure, new_origin=fresh)
        history.count += 1
        self._count(figure)
        self._shift_after(key)
        step = Step(0, change, figure, 0, ())  # its index, support and origins: below
        steps.put(step, series, fresh)
        self.digest = (self.digest + _line_digest(step)) % _DIGEST_MOD
        if group is None:
            self.excluded += change == EXCLUDED
            return True
        step = dataclasses.replace(
            step, corroboration=backers.count_as_of(key), origins=backers.named_as_of(key)
        )
        relabelled: dict[str, str] = {}
        if moved is not None:  # its origin's first figure was later: that one is no longer
            was = steps.at(moved)
            again = REPEATED if was.change == CORROBORATED else was.change
            self._relabel(steps, was, again, False, relabelled)
        if change == CONTRADICTED:
            self.denied += 1
            step = dataclasses.replace(step, index=self._index_of(key, steps))
            place = bisect.bisect(self.denial_keys, key)
            self.denial_keys.insert(place, key)
            self.denials.insert(place, step)
        else:
            self._asserted(step, key, series, steps, relabelled)
        self._refresh(key, group, backers, relabelled)
        return True

    def _asserted(
        self, step: Step, key: Key, series: str, steps: StepStore, relabelled: dict[str, str]
    ) -> None:
        f = step.figure
        self.asserted += 1
        self._claimant(f)
        after = steps.following(series, key)
        if after is None:  # the latest of its series: the one the next figure is compared with
            self.history.previous[series] = {"low": f.get("low"), "high": f.get("high")}
        else:
            again = change_label(f, {"low": after.low, "high": after.high}, after.fresh)
            self._relabel(steps, after, again, after.fresh, relabelled)
        takes: list[tuple[str, int]] = []  # the records this step becomes
        current = self.current.get(series)
        if current is None or key > order_key(current.figure):
            takes.append(("current", 0))
        bounds = self.ranges.setdefault(series, [None, None, None, None])
        for bound in _finite(f):
            if (
                bounds[0] is None
                or bound < bounds[0]
                or (bound == bounds[0] and _before(key, 1, bounds))
            ):
                bounds[0] = bound
                takes.append(("range", 1))
            if (
                bounds[2] is None
                or bound > bounds[2]
                or (bound == bounds[2] and _before(key, 3, bounds))
            ):
                bounds[2] = bound
                takes.append(("range", 3))
        if takes:
            step = dataclasses.replace(step, index=self._index_of(key, steps))
            for kind, slot in takes:
                if kind == "current":
                    self.current[series] = step
                else:
                    bounds[slot] = step

    def _relabel(
        self,
        steps: StepStore,
        was: StoredStep,
        change: str,
        fresh: bool,
        relabelled: dict[str, str],
    ) -> None:
        if change == was.change and fresh == was.fresh:
            return
        steps.relabel(was.key, change, fresh)
        old = _line(was.change, was.low, was.high, was.figure_id, was.effective_at)
        new = _line(change, was.low, was.high, was.figure_id, was.effective_at)
        self.digest = (self.digest - _digest(old) + _digest(new)) % _DIGEST_MOD
        relabelled[was.figure_id] = change

    def _index_of(self, key: Key, steps: StepStore) -> int:
        return self.history.count - steps.count_after(key)

    def _records(self) -> list[tuple[dict[str, Any] | list[Any], Any]]:
        """Where the builder holds whole steps: (container, slot) of each."""
        places: list[tuple[dict[str, Any] | list[Any], Any]] = [
            (self.current, s) for s in self.current
        ]
        for bounds in self.ranges.values():
            places += [(bounds, 1), (bounds, 3)]
        return places

    def _shift_after(self, key: Key) -> None:
        """A figure put in at `key`: every held step after it moves one place on."""
        for box, slot in self._records():
            step = box[slot]
            if step is not None and order_key(step.figure) > key:
                box[slot] = dataclasses.replace(step, index=step.index + 1)
        first = bisect.bisect(self.denial_keys, key)
        for i in range(first, len(self.denials)):
            self.denials[i] = dataclasses.replace(self.denials[i], index=self.denials[i].index + 1)

    def _refresh(
        self,
        key: Key,
        group: tuple[str, float, float, bool],
        backers: _Origins,
        relabelled: Mapping[str, str],
    ) -> None:
        """The held steps after `key` of the figure's support group count it now, and those
        relabelled carry their new change."""
        for box, slot in self._records():
            step = box[slot]
            if step is None:
                continue
            at = order_key(step.figure)
            if at > key and HistoryBuilder.group_of(step.figure) == group:
                step = dataclasses.replace(
                    step, corroboration=backers.count_as_of(at), origins=backers.named_as_of(at)
                )
            change = relabelled.get(step.figure["figure_id"])
            if change is not None:
                step = dataclasses.replace(step, change=change)
            box[slot] = step

    # -- the summary --

    def seal(self) -> str:
        """Fold the steps added since the last seal into `digest`, and return the topic's
        stamp: a digest of it and the counts. A sum of the steps' digests, so it does not
        depend on how the log was cut into batches nor on the order figures came in (a
        replay gives the same stamp), and any change to a topic's history (a step added or
        relabelled) changes it."""
        for step in self.added[self._sealed_count :]:
            self.digest = (self.digest + _line_digest(step)) % _DIGEST_MOD
        self._sealed_count = len(self.added)
        counts = (self.figures, self.asserted, self.denied, self.excluded)
        return hashlib.sha256(f"{self.digest:032x}|{counts}".encode()).hexdigest()[:32]

    def unstored_texts(self, scope: str, seen: _Origins) -> list[str]:
        """The texts whose first carrier storage lacks or holds out of date: those `seen` (the
        support group stored as `scope`, or with scope "" the topic's origins) took in since
        the builder was made or loaded, and those it moved earlier."""
        loaded = self.loaded_support.get(scope, set()) if scope else self.loaded_texts
        added = [t for t in seen.first_carrier if t not in loaded]
        return list(dict.fromkeys([*added, *sorted(seen.moved_texts)]))

    def take_added(self) -> list[tuple[Step, bool]]:
        """The steps added so far, each with whether it began an origin, handed over to be
        written and forgotten (their digests folded into the stamp first): a recompute of a
        large topic writes them as it goes instead of holding them all until the end."""
        self.seal()
        taken = list(zip(self.added, self.added_fresh, strict=True))
        self.added, self.added_fresh = [], []
        self._sealed_count = 0
        return taken

    def current_step(self) -> Step | None:
        return self.current.get("total") or self.current.get(PERIOD)

    def fields(self) -> dict[str, Any]:
        """The keyword arguments of `projections.audit.Summary`."""
        current = self.current_step()
        low = lowest = high = highest = None
        if current is not None:
            low, lowest, high, highest = self.ranges.get(current.series, [None] * 4)
        named = [(claimant_display(sorted(set(names))), n) for names, n in self.claimants.values()]
        return {
            "current": current,
            "figures": self.figures,
            "asserted": self.asserted,
            "denied": self.denied,
            "low": low,
            "high": high,
            "lowest": lowest,
            "highest": highest,
            "origins": self.origins.named(),
            "denials": tuple(self.denials),
            "excluded": self.excluded,
            "claimants": tuple(sorted(named, key=lambda c: (-c[1], c[0]))),
        }

    def category_actor(self) -> tuple[Any, Any]:
        """The topic's category and actor as the listing names them: the current figure's,
        else the latest figure's in log order."""
        current = self.current_step()
        if current is not None:
            return current.figure["category"], current.figure["actor"]
        assert self.sample is not None, "a topic without figures has no summary"
        return self.sample[2], self.sample[3]

    def record(self) -> dict[str, Any]:
        """The summary as stored for the listing (JSON-ready)."""
        f = self.fields()
        category, actor = self.category_actor()
        return {
            "category": category,
            "actor": actor,
            **{k: f[k] for k in ("figures", "asserted", "denied", "low", "high", "excluded")},
            "current": _step_record(f["current"]),
            "lowest": _step_record(f["lowest"]),
            "highest": _step_record(f["highest"]),
            "origins": f["origins"],
            "denials": [[s.index, s.figure["figure_id"]] for s in f["denials"]],
            "claimants": f["claimants"],
        }

    def state(self) -> dict[str, Any]:
        """The builder as JSON-ready values, in an order that does not depend on the order
        its figures came in (a replay writes the same)."""
        history = self.history.state()
        history["previous"] = dict(sorted(history["previous"].items()))
        return {
            "history": history,
            "counts": [self.figures, self.asserted, self.denied, self.excluded],
            "current": {k: _step_record(s) for k, s in sorted(self.current.items())},
            "ranges": {
                k: [r[0], _step_record(r[1]), r[2], _step_record(r[3])]
                for k, r in sorted(self.ranges.items())
            },
            "origins": self.origins.state(),
            "claimants": {k: [sorted(v[0]), v[1]] for k, v in sorted(self.claimants.items())},
            "denials": [
                [s.index, s.figure["figure_id"], k]
                for s, k in zip(self.denials, self.denial_keys, strict=True)
            ],
            "sample": self.sample,
            "digest": f"{self.digest:032x}",
        }

    @classmethod
    def from_state(
        cls, state: Mapping[str, Any], groups: Mapping[str, str] | None
    ) -> SummaryBuilder:
        b = cls(groups)
        b.history = HistoryBuilder.from_state(state["history"], groups)
        b.figures, b.asserted, b.denied, b.excluded = state["counts"]
        b.current = {k: step_from(r) for k, r in state["current"].items()}  # type: ignore[misc]
        b.ranges = {
            k: [r[0], step_from(r[1]), r[2], step_from(r[3])] for k, r in state["ranges"].items()
        }
        b.origins = _Origins.from_state(state["origins"], groups, {}, {})
        b.claimants = {k: [list(v[0]), v[1]] for k, v in state["claimants"].items()}
        b.denials = [denial_step(i, fid) for i, fid, _ in state["denials"]]
        b.denial_keys = [tuple(k) for _, _, k in state["denials"]]
        b.sample = state["sample"]
        b.digest = int(state["digest"], 16)
        return b


def _finite(figure: Mapping[str, Any]) -> list[float]:
    return [b for b in interval(figure) if b not in (float("inf"), float("-inf"))]


def _before(key: Key, slot: int, bounds: list[Any]) -> bool:
    """Whether `key` comes before the step held in `bounds[slot]` (the earliest step with an
    extreme bound holds it)."""
    held = bounds[slot]
    return held is None or key < order_key(held.figure)


def _bounds(step: StoredStep | None) -> dict[str, Any] | None:
    return None if step is None else {"low": step.low, "high": step.high}


def _line(change: str, low: Any, high: Any, figure_id: str, effective_at: str) -> str:
    return f"{change}|{low}|{high}|{figure_id}|{effective_at}"


def step_line(step: Step) -> str:
    """A step as `topic_steps` stores it, in one line (what the stamp digests): no index, so
    a step put in before it does not change it."""
    f = step.figure
    return _line(step.change, f.get("low"), f.get("high"), f["figure_id"], f["effective_at"])


def _digest(line: str) -> int:
    return int.from_bytes(hashlib.sha256(line.encode()).digest()[:16], "big")


def _line_digest(step: Step) -> int:
    return _digest(step_line(step))


def _step_record(step: Step | None) -> dict[str, Any] | None:
    if step is None:
        return None
    return {
        "index": step.index,
        "change": step.change,
        "corroboration": step.corroboration,
        "origins": step.origins,
        "figure": dict(step.figure),
    }


def step_from(record: Mapping[str, Any] | None) -> Step | None:
    """A step stored in full by `_step_record`."""
    if record is None:
        return None
    return Step(
        record["index"],
        record["change"],
        record["figure"],
        record["corroboration"],
        tuple(tuple(o) for o in record["origins"]),
    )


def denial_step(index: int, figure_id: str) -> Step:
    """A denial as the summary keeps it: its place and its figure's id (the listing shows
    only how many; `audit` of the topic has them in full)."""
    return Step(index, CONTRADICTED, {"figure_id": figure_id}, 1, ())
