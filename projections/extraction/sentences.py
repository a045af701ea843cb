"""Paragraphs and sentences with offsets.

Paragraphs are separated by newlines (the carry-over of actors works within one). A sentence
ends at `.`, `!` or `?` (and closing quotes) followed by white space and an upper-case letter,
a digit or an opening quote, unless the word before the stop is a known abbreviation or an
initial. Linear: the stops are found with `str.find` and only they are looked at, which is
much cheaper than running a pattern over every character.
"""

from __future__ import annotations

import re

# What a paragraph and a sentence stop are; `paragraphs` and `_stops` find exactly these
# matches without scanning every character with the pattern engine.
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
    """(start, end) of each non-empty line (one that is not all white space)."""
    if "\n" not in text:
        return [(0, len(text))] if text and not text.isspace() else []
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        n = len(line)
        if n and not line.isspace():
            out.append((pos, pos + n))
        pos += n + 1
    return out


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text[start:end]`, stripped of outer white space."""
    seg = text[start:end]
    core = seg.strip()
    if not core:
        return []
    body = core.rstrip(_STOPS_AND_CLOSING)
    if "." not in body and "!" not in body and "?" not in body:
        # the only stops close the span: a match there runs to its end, which splits nothing
        s = start + len(seg) - len(seg.lstrip())
        return [(s, s + len(core))]
    spans: list[tuple[int, int]] = []
    cur = start
    for ms, nxt in _stops(text, start, end):
        if nxt >= end or not _STARTS_RE.match(text, nxt):
            continue
        if text[ms] == ".":
            w = _WORD_BEFORE_RE.search(text, max(cur, ms - 12), ms + 1)
            if w:
                word = w.group(1).lower()
                if word in ABBREVIATIONS or word.endswith(".u"):
                    continue
                if (
                    len(word) == 1
                    and not _named_letter(text, cur, w.start(1))
                    and not _after_digit(text, w.start(1))
                ):
                    continue  # an initial (`George W. Bush`)
        spans.append((cur, ms + len(text[ms:nxt].rstrip())))
        cur = nxt
    if cur < end:
        spans.append((cur, end))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        seg = text[s:e]
        core = seg.strip()
        if core:
            s += len(seg) - len(seg.lstrip())
            out.append((s, s + len(core)))
    return out


_WORD_END_RE = re.compile(r"([A-Za-z]+)[ ]$")


def _after_digit(text: str, at: int) -> bool:
    """The one letter at `at` ends a word that begins with digits (`in the 1990s.`, `F-16s.`):
    a plural or unit suffix, not an initial, so the stop after it ends the sentence."""
    return at > 0 and text[at - 1].isdigit() and text[at].islower()


def _named_letter(text: str, cur: int, at: int) -> bool:
    """The one capital letter at `at` is a name of its own (`said in a post on X.`), not an
    initial: the word before it is a lower-case one (a preposition or a verb), and an initial
    stands after a capitalised name or a title (`John F.`, `Gen. A.`), never after `on`."""
    m = _WORD_END_RE.search(text, max(cur, at - 16), at)
    return m is not None and m.group(1)[0].islower() and text[at].isupper()


def _stops(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each match of `_STOP_RE` in `text[start:end]`, found with `str.find`.

    The pattern scans every character; the stops are few, so they are looked up instead, and
    the pattern's match is rebuilt from each: a run of stops, closing marks, then white space
    (`str.isspace` is the pattern's `\\s`). A run not followed by white space matches nowhere.
    """
    seg = text if start == 0 and end == len(text) else text[start:end]
    found: list[int] = []
    for ch in ".!?":
        if ch in seg:
            i = seg.find(ch)
            while i >= 0:
                found.append(start + i)
                i = seg.find(ch, i + 1)
    if not found:
        return []
    found.sort()
    out: list[tuple[int, int]] = []
    after = start  # matches do not overlap: skip candidates inside the last run or match
    for p in found:
        if p < after:
            continue
        q = p + 1
        while q < end and text[q] in ".!?":
            q += 1
        while q < end and text[q] in _CLOSING:
            q += 1
        after = q
        if q < end and text[q].isspace():
            q += 1
            while q < end and text[q].isspace():
                q += 1
            out.append((p, q))
            after = q
    return out


_CLOSING = frozenset("\"'”’)]")
_STOPS_AND_CLOSING = ".!?\"'”’)]"
