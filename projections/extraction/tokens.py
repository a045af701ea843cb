"""Tokenisation with offsets into the passage.

One precompiled pattern with no nested quantifiers, so tokenising is linear in the text length
even on adversarial input (a megabyte of digits is one token). Possessive `'s` is its own token
so that `Russia's` exposes `Russia` to the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOKEN_RE = re.compile(
    r"[^\W\d_]+(?:['’](?!s(?![^\W\d_]))[^\W\d_]+)*"  # a word, with inner apostrophes
    r"|[0-9]+(?:[.,][0-9]+)*"  # digits with separators or a decimal point
    r"|['’]s(?![^\W\d_])"  # possessive
    r"|\S"  # any other single character
)


@dataclass(slots=True)
class Token:
    """One token: text as written, lower-cased text, and offsets into the passage.

    A slotted class rather than a named tuple: the rules read `.low` and `.text` hundreds of
    times per sentence, and a slot is read about twice as fast as a tuple field by name.
    """

    text: str
    low: str
    start: int
    end: int


# A chunk (white-space-free run) that is one word and then one of these closes is two tokens.
_CLOSERS = frozenset(".,;:!?)]\"”'’")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]` with offsets into the whole `text`.

    The same tokens as `TOKEN_RE.finditer` over the span, found faster: no token spans white
    space, so the span is split at white space (`str.split` and the pattern agree on what that is)
    and each chunk is tokenised alone. A chunk of letters only (`str.isalpha` letters are all
    word characters) is one word; a word and one closing mark (`border.`) are two tokens; so
    is a plain number (`11,000`, `1.5`) with or without one. Any other chunk goes through the
    pattern, whose look-aheads see the chunk's end as they would the white space after it.
    """
    if end is None:
        end = len(text)
    out: list[Token] = []
    append = out.append
    closers = _CLOSERS
    span = text[start:end]
    chunks = span.split()
    # one space between chunks (the usual case): offsets follow from lengths, no search
    spaced = " ".join(chunks) == span
    lows = span.lower().split() if span.isascii() else [w.lower() for w in chunks]
    find = text.find
    new = object.__new__
    pos = start
    for w, low in zip(chunks, lows, strict=True):
        if spaced:
            s = pos
            pos += len(w)
        else:
            s = find(w, pos)
            pos = s + len(w)
        if w.isalpha():
            # most tokens: filled in place, which spares the call into the generated __init__
            tok = new(Token)
            tok.text = w
            tok.low = low
            tok.start = s
            tok.end = pos
            append(tok)
        elif w[-1] in closers and w[:-1].isalpha():
            e = pos - 1
            append(Token(w[:-1], low[:-1], s, e))
            append(Token(w[-1], low[-1], e, pos))
        elif _plain_number(w):
            append(Token(w, w, s, pos))
        elif w[-1] in closers and _plain_number(w[:-1]):
            e = pos - 1
            append(Token(w[:-1], w[:-1], s, e))
            append(Token(w[-1], w[-1], e, pos))
        else:
            for m in TOKEN_RE.finditer(text, s, pos):
                g = m.group()
                b = m.start()
                append(Token(g, g.lower(), b, b + len(g)))
        if spaced:
            pos += 1
    return out


def _plain_number(w: str) -> bool:
    """True when all of `w` is one match of the pattern's digits branch (`11,000`, `1.5`):
    ASCII digits, first and last a digit, `.` or `,` between them never two in a row."""
    return (
        w.isascii()
        and w[:1].isdigit()
        and w[-1].isdigit()
        and w.replace(",", "").replace(".", "").isdigit()
        and ",," not in w
        and ".." not in w
        and ",." not in w
        and ".," not in w
    )


def is_digits(tok: Token) -> bool:
    """True for a token made of ASCII digits (with separators)."""
    return tok.text[0] in "0123456789"


def glued(a: Token, b: Token) -> bool:
    """True when `b` follows `a` with no space between."""
    return a.end == b.start
