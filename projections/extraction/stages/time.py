"""Period stage: whether the figure counts a period or the running total.

`period` for a count over a stretch of time (`last week`, `in the past 24 hours`, `overnight`,
`over the past day`, `this month`), `total` for a running total (`since February 2022`, `since
the start of the war`, `so far`, `to date`, `in total`, `overall`); None when the clause does not
say. The views compare like with like: a weekly count is never a step of the running total.

The marker nearest the figure within its own stretch of the sentence (between the previous
figure and the next) wins: in `lost 1,230 troops over the past day, bringing its total losses
since February 2022 to 790,000` the first is a period and the second the total.
"""

from __future__ import annotations

from operator import attrgetter

from projections.extraction.context import ClaimContext, Rules
from projections.extraction.tokens import Token

_UNITS = frozenset(
    "day days hours hour night nights week weeks month months weekend fortnight year".split()
)
_PERIOD_LEAD = frozenset({"last", "past", "previous", "this"})
# "bringing the number to 106,745": the running total the period's count adds to
_TOTAL_WORDS = frozenset({"overall", "cumulative", "altogether", "total", "bringing", "brought"})
_WINDOW = 14  # tokens each side of the figure
_LOW = attrgetter("low")
_LIST_LINKS = frozenset({"and", ",", "or"})
# the first words of every marker: a sentence holding none of them is skipped at once
_STARTS = _PERIOD_LEAD | _TOTAL_WORDS | {"since", "so", "to", "in", "all", "overnight"}


def period_of(ctx: ClaimContext) -> tuple[str | None, Rules]:
    """`period`, `total` or None, with the rule of the marker that decided."""
    toks = ctx.toks
    lo = max(ctx.prev_end + 1, ctx.q.i - _WINDOW)
    hi = ctx.next_start
    end = max(ctx.reading.np_end, ctx.q.j)
    if hi < len(toks) and all(t.low in _LIST_LINKS for t in toks[end + 1 : hi]):
        # "41 artillery systems and 12 vehicles in the past day": a list's figures share the
        # marker after the list
        hi = len(toks)
    hi = min(hi, ctx.q.j + 1 + _WINDOW, len(toks))
    best: tuple[int, str, str] | None = None
    qi, qj = ctx.q.i, ctx.q.j
    if _STARTS.isdisjoint(map(_LOW, toks[lo:hi])):
        return None, ()  # most figures: no marker at all, found by a C-level scan
    for k in range(lo, hi):
        if toks[k].low not in _STARTS or qi <= k <= qj:
            continue  # a set test spares the call for nearly every token
        found = _marker(toks, k)
        if found is None:
            continue
        distance = qi - k if k < qi else k - qj
        if best is None or distance < best[0]:
            best = (distance, found[0], found[1])
    if best is None:
        return None, ()
    return best[1], (f"period:{best[1]}:{best[2]}",)


def _marker(toks: list[Token], k: int) -> tuple[str, str] | None:
    """The marker that starts at token `k`: (`period` or `total`, the words)."""
    w = toks[k].low
    n = len(toks)
    nxt = toks[k + 1].low if k + 1 < n else ""
    if w == "since":
        return "total", "since"
    if w == "so" and nxt == "far":
        return "total", "so far"
    if w == "to" and nxt == "date":
        return "total", "to date"
    if w in ("in", "all") and nxt == "total":
        return "total", f"{w} total"
    if w == "in" and nxt == "all" and (k + 2 >= n or not toks[k + 2].text[0].isalnum()):
        return "total", "in all"
    if w in _TOTAL_WORDS:
        return "total", w
    if w == "overnight":
        return "period", "overnight"
    if w in _PERIOD_LEAD:
        j = k + 1
        if j < n and toks[j].text[0].isdigit():
            j += 1  # "the past 24 hours"
        if j < n and toks[j].low in _UNITS:
            if w == "this" and toks[j].low == "year":
                return None  # "this year" is as often the running count of the year
            return "period", f"{w} {toks[j].low}"
    return None
