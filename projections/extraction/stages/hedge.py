"""Hedge stage: whether the figure is reported as uncertain.

The sentence's hedges reach the figure unless a clause break stands between a hedge before it
and the figure (`hedging.py`); `an estimated 150,000` hedges its own figure.
"""

from __future__ import annotations

from projections.extraction.clause_verbs import closes_relative
from projections.extraction.context import ClaimContext, Rules
from projections.extraction.hedging import NOUN_HEDGE, belief_kept_out, hedge_name, hedges_for


def hedged_of(ctx: ClaimContext) -> tuple[bool, Rules]:
    """True when a hedge reaches the figure, with the hedges' rules."""
    sent = ctx.sentence
    if not sent.hedges:
        return (True, ["hedge:an estimated"]) if ctx.q.estimated else (False, ())
    reach = _in_reach(ctx)
    aside = _relative_aside(ctx)
    if aside is not None:
        reach = [(i, rule) for i, rule in reach if aside[0] < i < aside[1] or _checks(rule)]
    rules = hedges_for(reach, sent.breaks, ctx.num.i)
    rules.extend(_own_noun_hedges(ctx, reach))
    kept_out = [
        f"hedge:kept-out:{hedge_name(rule)}"
        for i, rule in reach
        if belief_kept_out(i, rule, sent.breaks, ctx.num.i)
    ]
    if ctx.q.estimated:
        if "hedge:estimated" not in rules:
            rules.append("hedge:an estimated")
        return True, rules
    if not rules and len(reach) < len(sent.hedges):
        # `59 hostages, at least 35 of whom X believes`
        return False, ["hedge:cut:partitive", *kept_out]
    return bool(rules), rules or kept_out


def _in_reach(ctx: ClaimContext) -> list[tuple[int, str]]:
    """The sentence's hedges less a verb of belief whose relative clause is of a part after
    the figure (`59 hostages, at least 35 of whom Israel believes are dead`): it doubts the
    part, not the whole the part is taken from."""
    sent = ctx.sentence
    figure = ctx.num.i
    cut = {sp.verb for sp in sent.speakers if sp.opens > figure}
    if not cut:
        return sent.hedges
    return [(i, rule) for i, rule in sent.hedges if i not in cut]


def _own_noun_hedges(ctx: ClaimContext, reach: list[tuple[int, str]]) -> list[str]:
    """`two people believed to be buried under the debris`: a participle of belief right
    after the figure's own counted phrase is a reduced relative clause of that phrase, so it
    doubts the figure (the rule that keeps a noun's hedge to the noun's own phrase keeps it
    out of figures before other nouns, not of the noun it follows)."""
    end = ctx.reading.np_end
    return [
        rule.removesuffix(NOUN_HEDGE) + " (of the figure's noun)"
        for i, rule in reach
        if i == end + 1 and i > ctx.num.i and rule.endswith(NOUN_HEDGE)
    ]


_RELATIVES = frozenset("which who whose".split())
_CHECK_WORDS = ("verified", "confirmed", "unverified", "unconfirmed")


def _checks(rule: str) -> bool:
    """`…, which could not be verified`: that no one could check the sentence's figures
    doubts every one of them (CONVENTIONS: `could not be verified` in the figure's sentence)."""
    return rule.endswith(_CHECK_WORDS)


def _relative_aside(ctx: ClaimContext) -> tuple[int, int] | None:
    """`UNIFIL, which has about 10,000 troops in southern Lebanon, said the rockets were
    probably fired by Hezbollah`: a figure in a relative clause set off by commas before the
    main clause's verb is background to the sentence; only hedges inside that clause reach
    it, and those that say the figures could not be checked. The commas that open and close
    the clause, or None (up to 12 words either side)."""
    toks, first = ctx.toks, ctx.q.i
    opening = -1
    for k in range(first - 1, max(0, first - 12), -1):
        t = toks[k]
        if t.low in _RELATIVES and toks[k - 1].text == ",":
            opening = k - 1
            break
        if not t.text[0].isalnum():
            return None
    end = ctx.reading.np_end
    if opening < 0 or not closes_relative(toks, first, end):
        return None
    for j in range(end + 1, min(len(toks), end + 13)):
        if toks[j].text == ",":
            return opening, j
    return None
