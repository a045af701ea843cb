"""`The enemy` in a side's own report: the side its speaker fights.

A daily briefing never names the other side: `Over the past day the enemy lost 1,140
personnel, the General Staff of Ukraine's armed forces said`. The losses are Russia's, as
plainly as if the sentence said so, because the speaker is Ukraine's and the war it reports
on has two sides. So `the enemy` is read as an actor when it stands where a side's name
would give the figure its actor (the subject of the clause that lost, fielded or launched
them, a possessor of their noun, the object of `on` after losses inflicted), the speaker of
the figure belongs to a side, and that side has one opponent in `OPPONENTS`. A war of many
sides (the Sahel, Myanmar, Syria) has no entry: there `the enemy` stays no one's.
"""

from __future__ import annotations

from projections.extraction import gazetteer
from projections.extraction.actors import OWN_VERBS
from projections.extraction.tokens import Token

# a side -> the one side it fights, for wars of two sides only
OPPONENTS: dict[str, str] = {
    "Russia": "Ukraine",
    "Ukraine": "Russia",
    "Armenia": "Azerbaijan",
    "Azerbaijan": "Armenia",
    "India": "Pakistan",
    "Pakistan": "India",
    "Sudan": "Rapid Support Forces",
    "Rapid Support Forces": "Sudan",
}

_ENEMY = frozenset({"enemy", "adversary"})
_POSSESSIVE = frozenset({"'s", "’s"})
# between `the enemy` and the figure's verb (`the enemy had lost`, `the enemy has concentrated`)
_BETWEEN = frozenset(
    "has have had is are was were also reportedly already again concentrated".split()
)
# after the figure, a relative clause whose subject is the enemy (`the 68 drones that the
# enemy launched`)
_RELATIVE = frozenset({"that", "which"})
_STOPS = frozenset({",", ";", ":", ".", "said", "says", "told"})


def enemy_before(toks: list[Token], first: int) -> bool:
    """`the enemy` (or its possessive) is the subject of the clause whose verb of losing,
    having or launching stands just before the figure at `first`, or the object after
    `on` (`inflicted losses on the enemy of up to 180 servicemen`)."""
    j = first - 1
    if j < 1:
        return False
    if toks[j].low == "of" and toks[j - 1].low in _ENEMY:
        return True  # "losses on the enemy of up to 180"
    if toks[j].low not in OWN_VERBS and toks[j].low != "concentrated":
        return False
    k = j - 1
    while k >= 0 and toks[k].low in _BETWEEN and k > j - 4:
        k -= 1
    # the subject's head, or a possessor two or three words before it
    for h in range(k, max(-1, k - 4), -1):
        low = toks[h].low
        if low in _STOPS:
            return False
        if low in _ENEMY:
            return h == k or (h + 1 < len(toks) and toks[h + 1].low in _POSSESSIVE)
    return False


def enemy_after(toks: list[Token], first: int) -> bool:
    """`the 68 attack drones that the enemy launched`: within a few words after the figure,
    a relative clause opened by `that`/`which` whose subject is the enemy."""
    n = len(toks)
    for k in range(first + 1, min(n - 2, first + 7)):
        low = toks[k].low
        if low in _STOPS:
            return False
        if low in _RELATIVE:
            return toks[k + 1].low == "the" and toks[k + 2].low in _ENEMY
    return False


def enemy_side(
    toks: list[Token], texts: list[str], first: int, speaker: tuple[int, int] | None
) -> tuple[str, str] | None:
    """(actor, rule) for a figure that counts the enemy's, when the speaker's side has one
    opponent; else None."""
    if speaker is None or not (enemy_before(toks, first) or enemy_after(toks, first)):
        return None
    own = side_of(texts, speaker[0], speaker[1])
    other = None if own is None else OPPONENTS.get(own)
    return None if other is None else (other, "actor:enemy-of-speaker:" + str(own))


def side_of(texts: list[str], start: int, end: int) -> str | None:
    """The one side the speaker's phrase names anywhere in it (`The Russian Defence
    Ministry`, `the General Staff of Ukraine's armed forces`); None for none or two."""
    found: str | None = None
    first_words = gazetteer.FIRST_WORDS
    j = start
    while j <= end:
        hit = gazetteer.match_at(texts, j) if texts[j] in first_words else None
        if hit is None:
            j += 1
            continue
        if j > 0 and texts[j - 1].lower() == "ethnic":
            return None  # "ethnic Armenian authorities": an ethnic group's, no side's
        if found is not None and found != hit[0]:
            return None
        found = hit[0]
        j += hit[2]
    return found
