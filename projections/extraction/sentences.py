"""Paragraphs and sentences with offsets.

Paragraphs are separated by newlines (the carry-over of actors works within one). A sentence
ends at `.`, `!` or `?` (and closing quotes) followed by white space and an upper-case letter,
a digit or an opening quote, unless the word before the stop is a known abbreviation or an
initial. Linear scan with one precompiled pattern.
"""

from __future__ import annotations

import re

_PARA_RE = re.compile(r"[^\n]+")
_STOP_RE = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.]{0,11})\.$")
_STARTS_RE = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")

ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj capt sgt cpl pte st no nos vs jan feb mar apr jun jul aug
    sep sept oct nov dec u.s u.k u.n e.g i.e inc ltd co corp prof rep sen gov adm cmdr brig
    pres approx fig vol pp est rev gov't mt ft""".split()
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    return [(m.start(), m.end()) for m in _PARA_RE.finditer(text) if not m.group().isspace()]


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text[start:end]`, stripped of outer white space."""
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _STOP_RE.finditer(text, start, end):
        nxt = m.end()
        if nxt >= end or not _STARTS_RE.match(text, nxt):
            continue
        if text[m.start()] == ".":
            w = _WORD_BEFORE_RE.search(text, max(cur, m.start() - 12), m.start() + 1)
            if w:
                word = w.group(1).lower()
                if word in ABBREVIATIONS or len(word) == 1 or word.endswith(".u"):
                    continue
        spans.append((cur, m.start() + len(m.group().rstrip())))
        cur = nxt
    if cur < end:
        spans.append((cur, end))
    return [_strip(text, s, e) for s, e in spans if text[s:e].strip()]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
