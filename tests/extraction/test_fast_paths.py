"""The extractor's shortcuts give exactly what the long way gives.

`tokenize` splits at white space and reads plain chunks without the pattern; `extract` skips
sentences that `may_hold_number` rules out and reads earlier sentences of a paragraph only when
a later one asks. Each test compares a shortcut with the long way on tricky text.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from projections.extraction import extract, sentences
from projections.extraction.numbers import find_numbers, may_hold_number
from projections.extraction.tokens import TOKEN_RE, Token, tokenize

_LETTER = re.compile(r"[^\W\d_]")
# white space of every kind, closing marks, apostrophes, digits that are not [0-9], letters
# that lower-case to two characters, numerals that are word characters, the Kelvin sign
_PIECES = [
    *"abcS's’'\".,;:!?)]”“([ \n\t\u00a0\u2009\x1c\x1f\u200b0123456789_٣²Ⅰİ\u212aß-–—%$",
    "'s",
    "’s",
    "Ⅻ",
    "word",
    "Word.",
    "11,000",
    "(AFP)",
]


def _by_pattern(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    end = len(text) if end is None else end
    return [
        Token(m.group(), m.group().lower(), m.start(), m.end())
        for m in TOKEN_RE.finditer(text, start, end)
    ]


def test_tokenize_equals_the_pattern_on_tricky_text() -> None:
    rng = random.Random(2024)
    for _ in range(5_000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30)))
        assert tokenize(text) == _by_pattern(text), repr(text)
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        assert tokenize(text, a, b) == _by_pattern(text, a, b), (repr(text), a, b)


def test_tokenize_equals_the_pattern_on_random_unicode() -> None:
    rng = random.Random(99)
    for _ in range(2_000):
        text = "".join(chr(rng.randint(1, 0x3000)) for _ in range(rng.randint(0, 60)))
        assert tokenize(text) == _by_pattern(text), repr(text)


def test_lower_casing_turns_no_non_letter_into_a_letter() -> None:
    """What `may_hold_number` relies on to search number words in lower-cased text."""
    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        if low != c and not _LETTER.match(c):
            assert not any(_LETTER.match(x) for x in low), hex(cp)


NUMBER_WORDS = "one Two THREE twenty-five Hundreds dozen a few thousand tens scores Million".split()


def test_may_hold_number_never_misses_a_number() -> None:
    rng = random.Random(5)
    pieces = [*NUMBER_WORDS, "troops", "someone", "often", "'s", "-", ",", " ", "7", "\u212a"]
    for _ in range(5_000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        if find_numbers(tokenize(text)):
            assert may_hold_number(text, 0, len(text)), repr(text)


@pytest.mark.parametrize(
    "text",
    [
        "The troops were seen near the border.",
        "Weather was fine; someone often said so.",
        "",
    ],
)
def test_may_hold_number_rules_out_plain_sentences(text: str) -> None:
    assert not may_hold_number(text, 0, len(text))


def test_actor_carries_over_past_a_sentence_with_no_number() -> None:
    text = (
        "North Korean troops have arrived in the Kursk region. The weather was cold. "
        "Ukrainian officials said the troops numbered about 10,000."
    )
    claims = [c for c in extract(text) if c.category != "other"]
    assert [(c.text, c.actor) for c in claims] == [("about 10,000", "North Korea")]
    assert "actor:carried-over" in claims[0].rules


def test_paragraph_category_passes_a_sentence_with_no_number() -> None:
    text = (
        "Iranian-made drones struck the capital. Sirens sounded. "
        "The air force said 18 of them were downed."
    )
    claims = [c for c in extract(text) if c.category != "other"]
    assert [(c.text, c.category) for c in claims] == [("18", "equipment")]


_STOP_PIECES = [
    *".!?\"'”’)] \n\t\u00a0\u2009\x1c\u2028\u0085aA1(“‘[",
    "Gen. ",
    "Mr. ",
    "U.S. ",
    " The ",
    "e.g. ",
    "\n\n",
]


def _pieces_and_spans(seed: int, count: int = 5_000) -> Iterator[tuple[str, int, int]]:
    """Texts glued from `_STOP_PIECES`, each with a random span [a, b] inside it."""
    rng = random.Random(seed)
    for _ in range(count):
        text = "".join(rng.choice(_STOP_PIECES) for _ in range(rng.randint(0, 25)))
        a = rng.randint(0, len(text))
        yield text, a, rng.randint(a, len(text))


def test_stops_and_paragraphs_equal_their_patterns() -> None:
    for text, a, b in _pieces_and_spans(seed=11):
        by_pattern = [(m.start(), m.end()) for m in sentences._STOP_RE.finditer(text, a, b)]
        assert sentences._stops(text, a, b) == by_pattern, (repr(text), a, b)
        lines = [
            (m.start(), m.end())
            for m in sentences._PARA_RE.finditer(text)
            if not m.group().isspace()
        ]
        assert sentences.paragraphs(text) == lines, repr(text)


def _sentences_by_pattern(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence splitter written the long way: the stop pattern over every character."""
    spans: list[tuple[int, int]] = []
    cur = start
    for m in sentences._STOP_RE.finditer(text, start, end):
        nxt = m.end()
        if nxt >= end or not sentences._STARTS_RE.match(text, nxt):
            continue
        if text[m.start()] == ".":
            w = sentences._WORD_BEFORE_RE.search(text, max(cur, m.start() - 12), m.start() + 1)
            if w:
                word = w.group(1).lower()
                if word in sentences.ABBREVIATIONS or len(word) == 1 or word.endswith(".u"):
                    continue
        spans.append((cur, m.start() + len(m.group().rstrip())))
        cur = nxt
    if cur < end:
        spans.append((cur, end))
    out = []
    for s, e in spans:
        if text[s:e].strip():
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            out.append((s, e))
    return out


def test_sentences_equal_the_pattern_based_splitter() -> None:
    for text, a, b in _pieces_and_spans(seed=12):
        assert sentences.sentences(text, a, b) == _sentences_by_pattern(text, a, b), (
            repr(text),
            a,
            b,
        )
