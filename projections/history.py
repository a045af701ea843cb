"""The estimate history of one topic: its figures in time order, each labelled against the one
before (first report, corroborated, repeated, raised, lowered, narrowed, widened, contradicted),
with how many *independent* sources stand behind its figure so far.

A pure function of the figure rows, so the same rows always give the same history, whether they
come from the live view or from a view as of an earlier moment.

Independence: a figure's origin is the source that first carried its text. Several reports of
one source are one origin, and one text syndicated under several URLs or sources (the same
text, or a near-copy of it with a byline, a tag line or small edits: `origin_sha256`, see
projections/origins.py) counts with the source that carried it first, so a reprint adds no
corroboration.

Earlier values and periods: a figure its sentence marks as the one before ("up from 8,000 a
week ago", flagged `earlier` by the extractor) is shown as context and never moves the
estimate; a count over a stated period ("last week") is compared only with other such counts,
and the current estimate is the latest running total when there is one.

Contradiction: a figure whose own clause rejects it ("…denied reports that 10,000 troops…") is a
denial, not an estimate. It is labelled `contradicted`, counted apart, and never becomes the
estimate the next figure is compared with. The cues are a short explicit list, so an analyst can
see why a figure was read as denied.
"""

from __future__ import annotations

import bisect
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

FIRST = "first report"
CORROBORATED = "corroborated"
REPEATED = "repeated"
RAISED = "raised"
LOWERED = "lowered"
NARROWED = "narrowed"
WIDENED = "widened"
CONTRADICTED = "contradicted"
EXCLUDED = "excluded"  # an analyst judged it no claim (misread, not a claim, a duplicate)
EARLIER = "earlier value"  # its sentence says it was the figure before ("up from 8,000")
PERIOD = "period"  # a count over a stated period ("last week"); else a running total

# Words that reject a figure when they share its clause: before it ("denied reports that N"),
# or after it for the predicate forms ("claims of N troops are false").
_DENIAL_BEFORE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|dismiss(?:ed|es|ing)?|reject(?:ed|s|ing)?|refut(?:ed|es|ing)"
    r"|disput(?:ed|es|ing)|rebuff(?:ed|s)?)\b",
    re.IGNORECASE,
)
_DENIAL_AFTER = re.compile(
    r"\b(?:false|untrue|baseless|groundless|fabricat\w*|fake|lies)\b", re.IGNORECASE
)
# A clause break between a cue and the figure: the figure then belongs to another assertion
# ("Moscow denied it, but Kyiv said 10,000 …").
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|while|whereas|although|though|yet)\b|\bbut\b")


@dataclass(frozen=True, slots=True)
class Step:
    """One figure of a topic's history and how it moved the estimate.

    `corroboration` is the number of independent origins that had stated this figure (the same
    bounds, and the same stance: asserted or denied) up to and including this step; `origins`
    names them, each as its source followed by the sources that copied its text.
    """

    index: int
    change: str
    figure: Mapping[str, Any]
    corroboration: int = 1
    origins: tuple[tuple[str, ...], ...] = field(default=())

    @property
    def denied(self) -> bool:
        return self.change == CONTRADICTED

    @property
    def excluded(self) -> bool:
        return self.change == EXCLUDED

    @property
    def counts(self) -> bool:
        """Whether it is an asserted claim the estimate stands on: not denied, not excluded,
        not an earlier value quoted for comparison."""
        return self.change not in (CONTRADICTED, EXCLUDED, EARLIER)

    @property
    def series(self) -> str:
        """`period` for a count over a stated period, else `total`: each is compared only
        with its own kind (a week's losses never "lower" a running total)."""
        return PERIOD if self.figure.get("period") == PERIOD else "total"


def interval(figure: Mapping[str, Any]) -> tuple[float, float]:
    """The figure as a closed interval; an open side is infinite."""
    low = figure.get("low")
    high = figure.get("high")
    return (
        -math.inf if low is None else float(low),
        math.inf if high is None else float(high),
    )


def is_denial(figure: Mapping[str, Any]) -> bool:
    """True when the figure's own clause rejects it (see the module docstring)."""
    sentence = figure.get("sentence") or ""
    offset = figure.get("sentence_start") or 0
    start, end = figure.get("start"), figure.get("end")
    if start is None or end is None:
        return False
    before = sentence[: max(0, start - offset)]
    after = sentence[max(0, end - offset) :]
    for cue in _DENIAL_BEFORE.finditer(before):
        if not _CLAUSE_BREAK.search(before[cue.end() :]):
            return True
    cue = _DENIAL_AFTER.search(after)
    return bool(cue and not _CLAUSE_BREAK.search(after[: cue.start()]))


def denier(figure: Mapping[str, Any]) -> str | None:
    """Who rejects a denied figure: the words before the denial cue in its clause, without a
    trailing time ("Russia's foreign ministry on Friday denied" gives "Russia's foreign
    ministry"). None when the figure is not denied that way."""
    sentence = figure.get("sentence") or ""
    offset = figure.get("sentence_start") or 0
    start = figure.get("start")
    if start is None:
        return None
    before = sentence[: max(0, start - offset)]
    for cue in _DENIAL_BEFORE.finditer(before):
        if _CLAUSE_BREAK.search(before[cue.end() :]):
            continue
        clause = re.split(r"[;:,]|\bbut\b|\bwhile\b", before[: cue.start()])[-1]
        clause = _TRAILING_TIME.sub("", clause).strip()
        return clause or None
    return None


_TRAILING_TIME = re.compile(
    r"(?:\s+(?:on|last|this)\s+\w+|\s+(?:also|again|quickly|flatly|firmly|swiftly))+\s*$",
    re.IGNORECASE,
)


def change_label(
    previous: Mapping[str, Any] | None,
    current: Mapping[str, Any],
    new_origin: bool | None = None,
) -> str:
    """How `current` moves the estimate relative to `previous`.

    The same bounds again corroborate when they come from a new independent origin
    (`new_origin`; without it, from another source) and merely repeat otherwise.
    """
    if previous is None:
        return FIRST
    (plo, phi), (clo, chi) = interval(previous), interval(current)
    if (plo, phi) == (clo, chi):
        if new_origin is None:
            new_origin = previous.get("source_id") != current.get("source_id")
        return CORROBORATED if new_origin else REPEATED
    if clo >= plo and chi <= phi:
        return NARROWED
    if clo <= plo and chi >= phi:
        return WIDENED
    if clo >= plo and chi >= phi:
        return RAISED
    return LOWERED


def order_key(figure: Mapping[str, Any]) -> tuple[Any, ...]:
    return (figure["effective_at"], figure["position"], figure["start"])


Key = tuple[Any, ...]  # a figure's `order_key`: where it stands in its topic's time order

_NONE_MOVED: frozenset[str] = frozenset()


def _source_of(figure: Mapping[str, Any]) -> str:
    """The figure's source id, one string object per source: every row read from the database
    brings its own copy, and a support group keeps it (as a carrier and an origin's name)
    for as long as its topic is held."""
    return sys.intern(str(figure.get("source_id")))


_NO_GROUPS: dict[str, str] = {}  # shared, never written: `add` writes only a linked source's group


class _Origins:
    """Origins seen so far, grown one figure at a time (in time order), or one figure put in
    among them (`insert`).

    Each origin and each source naming it carries the order key of the figure it first came
    with (`since`), and each text the key of its first carrier: so what the origins were at
    any step can be read back (`named_as_of`), and a figure dated before others can be put in
    without adding the others again.

    A topic has about as many support groups as figures, each one of these, and most of them
    hold one text: so no instance dict, and no set of moved texts until one moves (the largest
    topic of a million-event replay holds tens of thousands at once)."""

    __slots__ = (
        "carriers",
        "first_carrier",
        "group_first",
        "groups",
        "moved_texts",
        "since",
        "text_at",
    )

    def __init__(self, groups: Mapping[str, str] | None = None) -> None:
        self.groups = groups or {}  # source -> its group, for sources analysts linked
        # A group -> the source of it seen first; written only when some source has a group.
        self.group_first: dict[str, str] = {} if self.groups else _NO_GROUPS
        self.first_carrier: dict[str, str] = {}
        self.text_at: dict[str, Key] = {}  # a text -> the key of its first carrier's figure
        self.carriers: dict[str, list[str]] = {}  # in order of each origin's first figure
        self.since: dict[str, list[Key]] = {}  # the key each name in `carriers` came with
        # Texts whose first key `insert` moved earlier; a set of its own once one moves.
        self.moved_texts: AbstractSet[str] = _NONE_MOVED

    def text_of(self, figure: Mapping[str, Any]) -> str:
        """What an origin is keyed by: the figure's text, or its source's group."""
        group = self.groups.get(str(figure.get("source_id")))
        # A text of a linked source counts with its group: one origin, named by the first.
        if group:
            return f"group:{group}"
        return str(figure.get("origin_sha256") or figure.get("content_sha256"))

    def add(self, figure: Mapping[str, Any], key: Key | None = None) -> None:
        """Take in the figure after every figure taken in so far (`key`: its order key)."""
        key = order_key(figure) if key is None else key
        source = _source_of(figure)
        group = self.groups.get(source)
        text = self.text_of(figure)
        carrier = self.group_first.setdefault(group, source) if group else source
        origin = self.first_carrier.setdefault(text, carrier)
        self.text_at.setdefault(text, key)
        names = self.carriers.get(origin)
        if names is None:
            self.carriers[origin] = [origin]
            self.since[origin] = [key]
        elif source not in names:
            names.append(source)
            self.since[origin].append(key)

    def insert(self, figure: Mapping[str, Any], key: Key) -> tuple[bool, Key | None] | None:
        """Put in a figure dated before some already taken in, as if it had come in its
        place: (whether it is its origin's first figure, the key of the figure that was
        before), or None when that would change which source a text's origin is (its text
        first carried later by another source, or a linked source: the caller then adds
        every figure again in order)."""
        source = _source_of(figure)
        if source in self.groups:
            return None
        text = self.text_of(figure)
        if text in self.first_carrier:
            origin = self.first_carrier[text]
            if self.text_at[text] > key:
                if origin != source:
                    return None
                self.text_at[text] = key  # its own text, carried earlier than seen so far
                if not isinstance(self.moved_texts, set):
                    self.moved_texts = set()
                self.moved_texts.add(text)
        else:
            origin = source
            self.first_carrier[text] = source
            self.text_at[text] = key
        names = self.carriers.get(origin)
        if names is None:
            self.carriers[origin] = [origin]
            self.since[origin] = [key]
            self._reorder()
            return True, None
        at = self.since[origin]
        if key < at[0]:  # an origin of a new text, first seen later with another text
            before, at[0] = at[0], key
            self._reorder()
            return True, before
        if source != origin:
            place = names.index(source) if source in names else None
            if place is not None and at[place] > key:
                del names[place], at[place]
                place = None
            if place is None:
                i = bisect.bisect(at, key, lo=1)
                names.insert(i, source)
                at.insert(i, key)
        return False, None

    def _reorder(self) -> None:
        order = sorted(self.carriers, key=lambda o: self.since[o][0])
        self.carriers = {o: self.carriers[o] for o in order}
        self.since = {o: self.since[o] for o in order}

    def named(self) -> tuple[tuple[str, ...], ...]:
        return tuple((names[0], *sorted(names[1:])) for names in self.carriers.values())

    def named_as_of(self, key: Key) -> tuple[tuple[str, ...], ...]:
        """`named()` as it was just after the figure at `key` was taken in."""
        found = []
        for origin, names in self.carriers.items():
            at = self.since[origin]
            if at[0] > key:
                continue
            found.append(
                (origin, *sorted(n for n, k in zip(names[1:], at[1:], strict=True) if k <= key))
            )
        return tuple(found)

    def count_as_of(self, key: Key) -> int:
        return sum(1 for at in self.since.values() if at[0] <= key)

    def state(self) -> dict[str, Any]:
        """What a later `add` needs but the texts' first carriers (`first_carrier`, as many
        as the texts: kept apart, see `projections.topic_summary`), as JSON-ready dicts."""
        return {"g": self.group_first, "c": self.carriers, "s": self.since}

    @classmethod
    def from_state(
        cls,
        state: Mapping[str, Any],
        groups: Mapping[str, str] | None,
        first_carrier: dict[str, str] | None = None,
        text_at: dict[str, Key] | None = None,
    ) -> _Origins:
        """`first_carrier` and `text_at`: at least the entries for the texts the caller will
        add or insert."""
        seen = cls(groups)  # the state's own dicts, not copies: it is decoded for this use
        seen.group_first = state["g"]
        seen.carriers = state["c"]
        seen.since = {o: [tuple(k) for k in at] for o, at in state["s"].items()}
        seen.first_carrier = first_carrier if first_carrier is not None else {}
        seen.text_at = text_at if text_at is not None else {}
        return seen


def origins(
    figures: Iterable[Mapping[str, Any]], groups: Mapping[str, str] | None = None
) -> list[tuple[str, ...]]:
    """The independent origins of `figures`, in order of first appearance.

    A text's origin is the source that carried it first; sources that carry the same text later
    (same content hash) are syndicated copies and count with it. All of one source's own texts
    are one origin, and so are all the texts of sources an analyst linked (`groups`: source to
    group). Each origin is named by its source, then the sources that copied it."""
    seen = _Origins(groups)
    for figure in sorted(figures, key=order_key):
        seen.add(figure)
    return list(seen.named())


def build_history(
    figures: Iterable[Mapping[str, Any]], groups: Mapping[str, str] | None = None
) -> list[Step]:
    """Label every figure of one topic against the estimate before it in time. A figure an
    analyst excluded (`excluded` set by `projections.judging`) keeps its place, labelled
    `excluded`, and moves nothing; `groups` are sources analysts linked as one origin."""
    builder = HistoryBuilder(groups)
    return [builder.add(figure) for figure in sorted(figures, key=order_key)]


class HistoryBuilder:
    """`build_history` one figure at a time, in time order, with a state that can be stored
    and taken up again: the per-topic summary (`projections.topic_summary`) extends a topic's
    history by its new figures instead of labelling all of them again. There is one labelling
    rule, here; `build_history` is this builder fed every figure at once."""

    def __init__(self, groups: Mapping[str, str] | None = None) -> None:
        self.groups = groups or {}
        self.count = 0
        self.last_key: tuple[Any, ...] | None = None  # order_key of the latest figure added
        # The last asserted figure of each series: only its bounds are compared with.
        self.previous: dict[str, dict[str, Any]] = {}
        self.support: dict[tuple[str, float, float, bool], _Origins] = {}
        # Support groups taken up from storage by their `support_key`: (state, first
        # carriers); the caller loads the ones its new figures need (`projections.topic_summary`).
        self.stored_support: dict[str, tuple[dict[str, Any], dict[str, str], dict[str, Key]]] = {}
        self.fresh = False  # whether the figure `add` took last began an origin of its group

    def add(self, figure: Mapping[str, Any]) -> Step:
        """The step of `figure`, which must come after every figure added before it."""
        self.count += 1
        index = self.count
        key = self.last_key = order_key(figure)
        self.fresh = False
        if figure.get("excluded"):
            return Step(index, EXCLUDED, figure, 0, ())
        if figure.get("earlier"):
            return Step(index, EARLIER, figure, 0, ())  # context, not an estimate
        group = self.group_of(figure)
        series, denied = group[0], group[3]
        backers = self.group(group)
        before = len(backers.carriers)
        backers.add(figure, key)
        count = len(backers.carriers)
        self.fresh = count > before
        if denied:
            change = CONTRADICTED
        else:
            change = change_label(self.previous.get(series), figure, new_origin=self.fresh)
            self.previous[series] = {"low": figure.get("low"), "high": figure.get("high")}
        return Step(index, change, figure, count, backers.named())

    def group(self, key: tuple[str, float, float, bool]) -> _Origins:
        """The support group of one series, bounds and stance, taken up from storage the
        first time it is used."""
        backers = self.support.get(key)
        if backers is None:
            stored = self.stored_support.get(_support_key(key))
            backers = (
                _Origins.from_state(stored[0], self.groups, stored[1], stored[2])
                if stored is not None
                else _Origins(self.groups)
            )
            self.support[key] = backers
        return backers

    def state(self) -> dict[str, Any]:
        """The builder as JSON-ready values, but its support groups (`support_rows`): a topic
        has about as many as figures, so they are stored one a row."""
        return {
            "count": self.count,
            "last_key": list(self.last_key) if self.last_key is not None else None,
            "previous": self.previous,
        }

    def support_rows(self) -> dict[str, _Origins]:
        """The support groups used since the builder was made or loaded, by `support_key`."""
        return {_support_key(k): seen for k, seen in self.support.items()}

    @staticmethod
    def support_key(figure: Mapping[str, Any]) -> str | None:
        """The support group `add` puts `figure` in (None: it backs no estimate)."""
        if figure.get("excluded") or figure.get("earlier"):
            return None
        return _support_key(HistoryBuilder.group_of(figure))

    @staticmethod
    def group_of(figure: Mapping[str, Any]) -> tuple[str, float, float, bool]:
        """The support group's key: series, bounds and stance."""
        series = PERIOD if figure.get("period") == PERIOD else "total"
        return (series, *interval(figure), is_denial(figure))

    @classmethod
    def from_state(
        cls, state: Mapping[str, Any], groups: Mapping[str, str] | None = None
    ) -> HistoryBuilder:
        builder = cls(groups)
        builder.count = int(state["count"])
        key = state["last_key"]
        builder.last_key = tuple(key) if key is not None else None
        builder.previous = {k: dict(v) for k, v in state["previous"].items()}
        return builder


def _support_key(key: tuple[str, float, float, bool]) -> str:
    series, low, high, denied = key
    return f"{series}|{low!r}|{high!r}|{int(denied)}"


def centre(figure: Mapping[str, Any]) -> float:
    """One value for a figure: its midpoint, or its one bound when the other is open."""
    low, high = figure.get("low"), figure.get("high")
    if low is None:
        return float(high) if high is not None else math.nan
    if high is None:
        return float(low)
    return (float(low) + float(high)) / 2


def running_consensus(steps: Sequence[Step]) -> list[tuple[Step, float]]:
    """After each asserted step, the median of the latest figure of every independent origin
    so far: the estimate the live claims agree on, which one outlying claim (an earlier value
    quoted in passing, a lone high count) moves only a little. Denials never count."""
    latest: dict[str, float] = {}  # origin (its first carrier) -> its latest value
    first_carrier: dict[str, str] = {}
    line: list[tuple[Step, float]] = []
    current = current_step(steps)
    for step in steps:
        f = step.figure
        value = centre(f)
        if not step.counts or math.isnan(value) or step.series != current.series:  # type: ignore[union-attr]
            continue
        text = str(f.get("origin_sha256") or f.get("content_sha256"))
        latest[first_carrier.setdefault(text, str(f.get("source_id")))] = value
        ordered = sorted(latest.values())
        middle = len(ordered) // 2
        median = (
            ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
        )
        line.append((step, median))
    return line


def current_step(steps: Sequence[Step]) -> Step | None:
    """The estimate now: the latest asserted figure of the running totals (not denied, not
    excluded, not an earlier value), else of the counts over a period when there is no total."""
    counting = [s for s in steps if s.counts]
    totals = [s for s in counting if s.series != PERIOD]
    return (totals or counting)[-1] if counting else None


def bounds_text(figure: Mapping[str, Any]) -> str:
    """Bounds in a compact form: `≤ 11,000`, `≥ 450,000`, `1,500–2,000`, `~10,000`, `10,664`."""
    low, high, qualifier = figure.get("low"), figure.get("high"), figure.get("qualifier")
    if figure.get("vague"):
        return f"{_n(low)}–{_n(high)} (vague)"
    if low is None and high is not None:
        return f"≤ {_n(high)}"
    if high is None and low is not None:
        return f"≥ {_n(low)}"
    if low != high:
        return f"{_n(low)}–{_n(high)}"
    return f"~{_n(low)}" if qualifier == "approx" else _n(low)


def number_text(value: Any) -> str:
    return _n(value)


def _n(value: Any) -> str:
    if value is None:
        return "?"
    number = float(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")  # 2.5, 0.75; never 18,386.399999999998
