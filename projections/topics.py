"""Topics: a category and an actor, written `troops/north-korea`.

A name a person types matches a topic exactly, up to case, spaces, hyphens, a leading article
and the alias tables: "Troops / North Korea", "troops/north korea", "troops/the-north-korea"
and "troops/dprk" all name `troops/north-korea`. Actors' aliases are the gazetteer's names for
them (Pyongyang, DPRK, North Korean); categories' are the usual nouns (deaths, refugees, POWs).
A close spelling is never taken for the topic: the caller lists it as a suggestion.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from projections.extraction.claim import EQUIPMENT_KINDS

NO_ACTOR = "unattributed"
_NON_WORD = re.compile(r"[^a-z0-9]+")


def slug(value: str | None) -> str:
    """Lower-case ASCII words joined by hyphens, without a leading article."""
    if not value:
        return NO_ACTOR
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    words = [w for w in _NON_WORD.split(ascii_text.lower()) if w]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return "-".join(words) or NO_ACTOR


@lru_cache(maxsize=4096)
def topic_key(category: str, actor: str | None, kind: str | None = None) -> str:
    """`troops/north-korea`; equipment is counted by kind, so its topics name it
    (`equipment-tanks/russia`) and tanks and armoured vehicles are never one series."""
    head = f"{slug(category)}-{slug(kind)}" if kind and category == "equipment" else slug(category)
    return f"{head}/{slug(actor)}"


# What people call a category, beyond its own name.
CATEGORY_ALIASES = {
    "troop": "troops",
    "soldiers": "troops",
    "forces": "troops",
    "personnel": "troops",
    "deaths": "killed",
    "dead": "killed",
    "fatalities": "killed",
    "death-toll": "killed",
    "toll": "killed",
    "injured": "wounded",
    "injuries": "wounded",
    "casualty": "casualties",
    "losses": "casualties",
    "prisoners": "captured",
    "pows": "captured",
    "hostages": "captured",
    "refugees": "displaced",
    "idps": "displaced",
    "weapons": "equipment",
    # equipment by kind: `tanks/russia` is `equipment-tanks/russia`
    **{slug(kind): f"equipment-{slug(kind)}" for kind in EQUIPMENT_KINDS},
    "tank": "equipment-tanks",
    "armored-vehicles": "equipment-armoured-vehicles",
    "air-defense": "equipment-air-defence",
    "drone": "equipment-drones",
    "missile": "equipment-missiles",
}


@lru_cache(maxsize=1)
def actor_aliases() -> dict[str, str]:
    """Every name the gazetteer knows for an actor (slugged) -> that actor's slug."""
    from projections.extraction.gazetteer import KINDS

    aliases: dict[str, str] = {}
    for _kind, table in KINDS:
        for actor, forms in table.items():
            for form in (actor, *forms):
                aliases.setdefault(slug(form), slug(actor))
    return aliases


def category_word(value: str) -> str:
    word = slug(value)
    return CATEGORY_ALIASES.get(word, word)


def actor_word(value: str) -> str:
    word = slug(value)
    return actor_aliases().get(word, word)


def normalise_topic(name: str) -> str:
    """The canonical key of a topic name typed by a person; '' if it has no category."""
    category, _, actor = name.partition("/")
    if not category.strip():
        return ""
    return f"{category_word(category)}/{actor_word(actor) if actor.strip() else NO_ACTOR}"
