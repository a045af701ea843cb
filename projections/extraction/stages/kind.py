"""Kind stage: which kind of equipment the figure counts (`claim.EQUIPMENT_KINDS`).

Tanks and armoured vehicles are never one series: the head noun of the counted phrase decides
(`tanks`, `drones`, `howitzers`), else a modifier before it (`air defence systems`, `armoured
combat vehicles`, `artillery pieces`); None when the phrase names no kind (`weapons`, `500
units of equipment`) or the figure is no equipment.
"""

from __future__ import annotations

from projections.extraction.context import ClaimContext, Rules
from projections.extraction.tokens import Token


def _kinds(table: dict[str, str]) -> dict[str, str]:
    return {word: kind for words, kind in table.items() for word in words.split()}


# head nouns -> kind
_HEADS = _kinds(
    {
        "tanks tank leopards abrams challengers t-72s t-90s": "tanks",
        "apcs apc ifvs ifv bmps bmp bradleys strykers carriers": "armoured vehicles",
        "howitzers howitzer artillery guns gun cannons mortars mlrs launchers launcher shells "
        "shell himars caesars": "artillery",
        "interceptors patriots radars": "air defence",
        "aircraft jets jet warplanes warplane planes plane bombers bomber fighter-bombers "
        "airplanes mig migs sukhois f-16s gunships": "aircraft",
        "helicopters helicopter choppers": "helicopters",
        "drones drone uavs uav shaheds shahed lancets lancet gerans geran decoys": "drones",
        "missiles missile rockets rocket iskanders kalibrs kinzhals atacms warheads": "missiles",
        "ships ship vessels vessel warships warship boats boat submarines submarine frigates "
        "corvettes cruisers destroyers destroyer": "ships",
    }
)
# modifiers that name the kind of a general head (`systems`, `vehicles`, `pieces`)
_MODIFIERS = _kinds(
    {
        "armoured armored combat infantry personnel": "armoured vehicles",
        "artillery self-propelled rocket-launch": "artillery",
        "air-defence air-defense anti-aircraft sam patriot iris-t nasams": "air defence",
        "drone": "drones",
        "missile": "missiles",
        "tank": "tanks",
    }
)
_AIR_DEFENCE = frozenset({("air", "defence"), ("air", "defense")})


def kind_of(ctx: ClaimContext) -> tuple[str | None, Rules]:
    """The kind of equipment counted, or None."""
    if ctx.category != "equipment":
        return None, ()
    span = ctx.reading.subject
    if span is None:
        prev = ctx.prev
        if ctx.reading.inherit and prev is not None and prev.kind:
            return prev.kind, ("kind:inherited",)
        return None, ()
    toks = ctx.toks
    first, head = span
    w = toks[head].low
    if _air_defence(toks, first, head):
        return "air defence", ("kind:modifier:air defence",)
    kind = _HEADS.get(w)
    if kind is not None:
        return kind, (f"kind:noun:{w}",)
    for k in range(head - 1, first - 1, -1):
        m = toks[k].low
        if m in _MODIFIERS:
            return _MODIFIERS[m], (f"kind:modifier:{m}",)
        if m in _HEADS and m not in ("shells", "shell"):
            return _HEADS[m], (f"kind:modifier:{m}",)
    return None, ()


def _air_defence(toks: list[Token], first: int, head: int) -> bool:
    """`air defence systems`, `Patriot air defence batteries`, `interceptors`."""
    return any((toks[k].low, toks[k + 1].low) in _AIR_DEFENCE for k in range(first, head))
