"""Claimants across reports: one key for the names of one speaker.

A placeholder of the extraction issue's table (it replaces this module): the key is the name
lower-cased, without a leading article or title, so "President Volodymyr Zelensky" and
"Volodymyr Zelensky" meet; aliases are not known yet.
"""

from __future__ import annotations

import re

_TITLES = frozenset(
    "the a an president prime minister defence defense foreign spokesman spokeswoman"
    " spokesperson general governor mayor".split()
)
_WORD = re.compile(r"[\w']+")


def claimant_key(name: str) -> str:
    """The key that all names of one claimant share."""
    words = [w for w in _WORD.findall(name.lower())]
    while len(words) > 1 and words[0] in _TITLES:
        words = words[1:]
    return " ".join(words)


def claimant_display(names: list[str]) -> str:
    """The name to show for a claimant known under `names` (as written): the longest."""
    return max(names, key=lambda n: (len(n), n)) if names else ""
