"""Second sources without a verb: `…, per Reuters.`, `… on Friday (AFP).`, `… overnight — TASS`.

A wire report credits the outlet or body it takes a figure from with no reporting verb at all:
`per X` after a comma, a bracketed agency name that closes the sentence, or a name after a
dash that closes it. Each covers its whole sentence, as `according to` does (CONVENTIONS.md),
and like it gives way to a speaker with a verb of its own.

A bracket or a dash at the end of a sentence also holds other things: an acronym of the name
before it (`the Rapid Support Forces (RSF).`), a year, an aside. So a bracket credits only a
wire service's name (a closed list), and a dash only a wire service or a short phrase that ends
in a source's noun (`— the defence ministry`) with no verb in it.
"""

from __future__ import annotations

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.speaker_spans import phrase_end
from projections.extraction.attribution.words import DETS, SOURCE_NOUNS
from projections.extraction.tokens import Token

PER = "attribution:credit:per"
BRACKET = "attribution:credit:bracket"
DASH = "attribution:credit:dash"

# News agencies and outlets a report credits in brackets or after a dash (`(AFP)`, `— TASS`).
WIRES = frozenset(
    """afp ap reuters tass interfax ria xinhua anadolu ani pti irna kcna yonhap mena sana
    ukrinform efe dpa ansa bernama kyodo wafa spa tasnim fars isna unian bbc cnn""".split()
)

# `per` before these is a rate (`per day`, `per cent`), not a source
_RATES = frozenset("cent day week month year hour capita head person annum".split())
_DASHES = frozenset({"—", "–"})
_END = frozenset({".", "!", "?"})


def credit(toks: list[Token], v: int) -> Speaker | None:
    """The source a verbless credit at token `v` (`per`, `(` or a dash) names, or None."""
    w = toks[v].text
    if w == "(":
        return _bracket(toks, v)
    if w in _DASHES:
        return _dash(toks, v)
    return _per(toks, v)


def _per(toks: list[Token], v: int) -> Speaker | None:
    """`…, per Reuters`, `…, per a statement from the army`: `per` after a comma (or opening
    the sentence) before a name or an article; its phrase runs like `according to`'s."""
    n = len(toks)
    if v + 1 >= n or (v > 0 and toks[v - 1].text != ","):
        return None
    nxt = toks[v + 1]
    if nxt.low in _RATES or not (nxt.text[0].isupper() or nxt.low in DETS):
        return None
    end = phrase_end(toks, v + 1)
    if end < v + 1:
        return None
    return Speaker(v + 1, end, v, "according-to", "per", notes=(PER,))


def _closes_sentence(toks: list[Token], k: int) -> bool:
    """Nothing but a full stop (or nothing) follows token `k`."""
    n = len(toks)
    return k == n - 1 or (k == n - 2 and toks[n - 1].text in _END)


def _bracket(toks: list[Token], v: int) -> Speaker | None:
    """`… on Friday (AFP).`: a wire service's name alone in a bracket that ends the sentence
    after a clause of its own (at least four words before it)."""
    n = len(toks)
    if v < 4 or v + 2 >= n:
        return None
    close = next((k for k in range(v + 1, min(n, v + 4)) if toks[k].text == ")"), -1)
    if close < 0 or not _closes_sentence(toks, close):
        return None
    if toks[v + 1].low not in WIRES:
        return None
    return Speaker(v + 1, close - 1, v, "according-to", "credit", notes=(BRACKET,))


def _dash(toks: list[Token], v: int) -> Speaker | None:
    """`… overnight — TASS`, `… near Avdiivka — the defence ministry.`: a dash after a clause,
    then a short name that ends the sentence: a wire service, or a phrase of capitalised
    words or an article whose last word is a source's noun."""
    n = len(toks)
    if v < 4:
        return None
    last = n - 2 if toks[n - 1].text in _END else n - 1
    if last < v + 1 or last - v > 5:
        return None
    words = toks[v + 1 : last + 1]
    if not all(t.text.isalpha() for t in words):
        return None
    if len(words) == 1 and words[0].low in WIRES:
        return Speaker(v + 1, last, v, "according-to", "credit", notes=(DASH,))
    if words[0].low in DETS and words[-1].low in SOURCE_NOUNS:
        return Speaker(v + 1, last, v, "according-to", "credit", notes=(DASH,))
    if all(t.text[0].isupper() for t in words) and (
        words[0].low in WIRES or words[-1].low in SOURCE_NOUNS
    ):
        return Speaker(v + 1, last, v, "according-to", "credit", notes=(DASH,))
    return None
