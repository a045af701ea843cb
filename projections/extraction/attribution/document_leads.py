"""A document's type as the lead of a sentence: `Press release: The ICRC facilitated …`.

Agencies and armies publish their figures under the name of the document (`Statement:`,
`Communique No. 14 of the Transitional Military Council:`, `Bulletin:`). What follows the colon
is the document's text, so its author asserts every figure in it: the body named after `from`,
`of` or `by` in the lead, or else the subject of the clause after the colon, when that subject
is a body that can issue a document (`The Senegalese army dismantled …`) and not what the text
is about (`Statement: Gunmen killed 12 …` names no author).
"""

from __future__ import annotations

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.words import DETS, NAME_PARTS, SOURCE_NOUNS, STRONG_VERBS
from projections.extraction.gazetteer import match_at
from projections.extraction.tokens import Token

DOCUMENT_LEAD = "attribution:document-lead"
LEAD_SUBJECT = "attribution:document-lead-subject"

DOCUMENT_NOUNS = frozenset(
    """statement communique communiqué bulletin release readout update announcement notice
    dispatch report summary""".split()
)
_OWNER_PREPS = frozenset("from of by".split())
# Lower-case words that end the subject after the colon: its verb
_NOT_VERBS = frozenset("armed united allied backed based led red".split())
# heads of a body's name that SOURCE_NOUNS does not list
_BODY_HEADS = frozenset(
    """committee front movement alliance coalition organisation organization network
    directorate department ministry""".split()
)


def document_lead(toks: list[Token], v: int) -> Speaker | None:
    """The author a document-type lead before the colon at `v` names, or None: the lead is
    the document's noun (one modifier before it at most: `Press release`, `Joint statement`),
    then a body after `from`/`of`/`by`, or nothing more."""
    d = 0 if toks[0].low in DOCUMENT_NOUNS else 1
    if d >= v or toks[d].low not in DOCUMENT_NOUNS or not toks[0].text[0].isupper():
        return None
    if d == 1 and not toks[0].text.isalpha():
        return None
    if v == d + 1:
        return _subject_after(toks, v)
    for k in range(d + 1, v - 1):
        if toks[k].low in _OWNER_PREPS:
            # the owner ends at a comma (`Statement of the Ministry of Defence, 5 December:`)
            end = next((c for c in range(k + 1, v) if toks[c].text == ","), v)
            owner = toks[k + 1 : end]
            if _is_name(owner):
                return Speaker(k + 1, end - 1, v, "colon", ":", notes=(DOCUMENT_LEAD,))
            return None
    return None


def _is_name(words: list[Token]) -> bool:
    """Words that can name a body: an article or a capital first, letters only."""
    if not words or len(words) > 9:
        return False
    if not (words[0].low in DETS or words[0].text[0].isupper()):
        return False
    return all(t.text[0].isalpha() or t.text in NAME_PARTS for t in words)


def _subject_after(toks: list[Token], v: int) -> Speaker | None:
    """`Press release: The Senegalese army dismantled …`: the phrase after the colon up to
    its verb, when it names a body (`body_subject`)."""
    span = body_subject(toks, v + 1)
    if span is None:
        return None
    return Speaker(span[0], span[1], v, "colon", ":", notes=(LEAD_SUBJECT,))


def quote_after_colon(toks: list[Token], v: int) -> Speaker | None:
    """`The commander was blunt: 'We lost 14 tanks …'`: a quote opened right after the colon
    is the words of the subject of the clause before it, a body or a person (a capitalised
    name too: the quote marks it as someone's speech)."""
    if v + 1 >= len(toks) or toks[v + 1].text not in _OPENING_QUOTES:
        return None
    span = body_subject(toks, 0, names=True)
    if span is None or span[1] >= v - 1:
        return None
    return Speaker(span[0], span[1], v, "colon", ":", notes=(QUOTE_AFTER_COLON,))


QUOTE_AFTER_COLON = "attribution:quote-after-colon"
_OPENING_QUOTES = frozenset("' ‘ \" “".split())


def body_subject(toks: list[Token], s: int, names: bool = False) -> tuple[int, int] | None:
    """The subject phrase opening at `s`, up to its verb, when its head (the word before an
    `of`, else its last) is a body's or a speaker's noun (`The Senegalese army`, `The Joint
    Force of the Sahel States`), or the phrase is an organisation the gazetteer knows; with
    `names`, also a capitalised name that is not the first word alone (`Colonel Sy`)."""
    n = len(toks)
    k = s
    while k < n and k - s < 10:
        t = toks[k]
        low = t.low
        if t.text[0].islower() and (
            low in STRONG_VERBS or low in _COPULAS or (low.endswith("ed") and low not in _NOT_VERBS)
        ):
            break
        if not (t.text[0].isalpha() or t.text in NAME_PARTS):
            return None
        k += 1
    else:
        return None
    end = k - 1
    if end < s or k >= n:
        return None
    words = toks[s:k]
    of = next((i for i, t in enumerate(words) if t.low == "of"), len(words))
    if of == 0:
        return None
    head = words[of - 1]
    if head.low in SOURCE_NOUNS or head.low in _BODY_HEADS:
        return s, end
    if names and (
        head.low in _PERSON_HEADS or (of >= 2 and all(t.text[0].isupper() for t in words[:of]))
    ):
        return s, end
    texts = [t.text for t in words]
    i = 1 if texts[0] in ("The", "the") and len(texts) > 1 else 0
    hit = match_at(texts, i)
    if hit is not None and hit[1] == "org" and i + hit[2] == len(texts):
        return s, end
    return None


# a person's title or role that a quote after a colon may belong to (`The general was
# categorical: '…'`)
_PERSON_HEADS = frozenset(
    """general colonel major captain officer chief elder imam priest witness resident doctor
    mayor envoy leader commander spokesman spokeswoman official minister""".split()
)
_COPULAS = frozenset("is was are were has had have".split())
