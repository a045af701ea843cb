"""Tokenisation with offsets into the passage.

One precompiled pattern with no nested quantifiers, so tokenising is linear in the text length
even on adversarial input (a megabyte of digits is one token). Possessive `'s` is its own token
so that `Russia's` exposes `Russia` to the gazetteer.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TOKEN_RE = re.compile(
    r"[^\W\d_]+(?:['’](?!s(?![^\W\d_]))[^\W\d_]+)*"  # a word, with inner apostrophes
    r"|[0-9]+(?:[.,][0-9]+)*"  # digits with separators or a decimal point
    r"|['’]s(?![^\W\d_])"  # possessive
    r"|\S"  # any other single character
)


class Token(NamedTuple):
    """One token: text as written, lower-cased text, and offsets into the passage."""

    text: str
    low: str
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]` with offsets into the whole `text`."""
    if end is None:
        end = len(text)
    new = tuple.__new__  # the fast path of Token(...) without the argument parsing
    out: list[Token] = []
    append = out.append
    for m in TOKEN_RE.finditer(text, start, end):
        g = m.group()
        s = m.start()
        append(new(Token, (g, g.lower(), s, s + len(g))))
    return out


def is_digits(tok: Token) -> bool:
    """True for a token made of ASCII digits (with separators)."""
    return tok.text[0] in "0123456789"


def glued(a: Token, b: Token) -> bool:
    """True when `b` follows `a` with no space between."""
    return a.end == b.start
