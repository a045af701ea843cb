"""Hedge stage: whether the figure is reported as uncertain.

The sentence's hedges reach the figure unless a clause break stands between a hedge before it
and the figure (`hedging.py`); `an estimated 150,000` hedges its own figure.
"""

from __future__ import annotations

from projections.extraction.context import ClaimContext, Rules
from projections.extraction.hedging import OWN_BELIEF, belief_kept_out, hedges_for


def hedged_of(ctx: ClaimContext) -> tuple[bool, Rules]:
    """True when a hedge reaches the figure, with the hedges' rules."""
    sent = ctx.sentence
    if not sent.hedges:
        return (True, ["hedge:an estimated"]) if ctx.q.estimated else (False, ())
    rules = hedges_for(sent.hedges, sent.breaks, ctx.num.i)
    kept_out = [
        f"hedge:kept-out:{rule.removeprefix('hedge:').removesuffix(OWN_BELIEF)} (another clause)"
        for i, rule in sent.hedges
        if belief_kept_out(i, rule, sent.breaks, ctx.num.i)
    ]
    if ctx.q.estimated:
        if "hedge:estimated" not in rules:
            rules.append("hedge:an estimated")
        return True, rules
    return bool(rules), rules or kept_out
