"""Hostile inputs for the extractor: huge digit runs, sentences with no punctuation, number
words without end, random Unicode.

Shared by the output tests (offsets hold, claims stay sane), the recording of outputs
(`record_outputs.py`) and the benchmark that checks they are read in linear time
(`bench/extraction.py`): one list, so the inputs that are timed are the inputs that are tested.
"""

from __future__ import annotations

import random

ADVERSARIAL: list[tuple[str, str]] = [
    ("1 MB of digits", "7" * 1_000_000),
    ("1 MB of digits with commas", "1," * 500_000),
    (
        "200 KB sentence without punctuation",
        ("the troops moved 300 men near the border and " * 5000)[:200_000],
    ),
    ("digits separated by spaces", "123 " * 100_000),
    ("dashes and digits", "1-2-" * 100_000),
    ("number words", "two hundred and " * 20_000),
]


def random_unicode(size: int = 200_000, seed: int = 1234) -> str:
    """`size` characters drawn from U+0020..U+2FFF (letters, marks, digits of many scripts)."""
    rng = random.Random(seed)
    return "".join(chr(rng.randint(32, 0x2FFF)) for _ in range(size))


def all_inputs() -> list[tuple[str, str]]:
    """Every hostile input, named: the list above and the random Unicode text."""
    return [*ADVERSARIAL, ("random unicode", random_unicode())]
