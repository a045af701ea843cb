"""Earlier stage: whether the sentence itself marks the figure as an earlier value.

`up from 8,000`, `down from 12,000 a week ago`, `rose from 8,000 to 12,000` (the 8,000),
`compared with 8 million in March`, `against 300 a year earlier`, `a previous estimate of 40`:
the views show such a figure as context beside the current one, never as the estimate nor as
a step of its own. Only the words just before the figure's phrase decide (a bounded look), so
the cost is constant.
"""

from __future__ import annotations

from projections.extraction.context import ClaimContext, Rules
from projections.extraction.numbers import CHANGE_WORDS

_FROM_CHANGES = CHANGE_WORDS | {"revised", "lowered", "raised", "up", "down", "increase", "drop"}
_COMPARED = frozenset({"compared", "comparison", "contrast"})
_PREVIOUS = frozenset("previous previously earlier initial original prior former old".split())
_ESTIMATE_NOUNS = frozenset("estimate estimates figure figures count toll tally total".split())


def earlier_of(ctx: ClaimContext) -> tuple[bool, Rules]:
    """True, with the rule, when the words before the figure mark it as an earlier value."""
    toks, i = ctx.toks, ctx.q.i
    if i < 2:
        return False, ()
    w1, w2 = toks[i - 1].low, toks[i - 2].low
    if w1 == "from":
        if w2 in _FROM_CHANGES:
            return True, (f"earlier:{w2}-from",)
        # "up sharply from", "rose by a third from": a change word a little further back
        lo = max(0, i - 5, ctx.prev_end + 1)
        for t in toks[lo : i - 1]:
            if t.low in _FROM_CHANGES:
                return True, (f"earlier:{t.low}-from",)
        return False, ()
    if w1 in ("with", "to") and w2 in _COMPARED:
        return True, (f"earlier:{w2}-{w1}",)
    if w1 in ("against", "versus", "vs") and ctx.prev_end >= 0:
        return True, (f"earlier:{w1}",)
    if w1 == "of" and w2 in _ESTIMATE_NOUNS and i >= 3:
        if toks[i - 3].low in _PREVIOUS:
            return True, (f"earlier:{toks[i - 3].low}-{w2}",)
        # "up from an estimate of 8,000 a week ago"
        for k in range(i - 3, max(0, i - 6, ctx.prev_end + 1), -1):
            if toks[k].low == "from" and k > 0 and toks[k - 1].low in _FROM_CHANGES:
                return True, (f"earlier:{toks[k - 1].low}-from-{w2}",)
    if w1 in _PREVIOUS and w2 in ("was", "were", "had", "stood", "of"):
        return True, (f"earlier:{w1}",)
    return False, ()
