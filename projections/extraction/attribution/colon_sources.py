"""A source named before a colon: `South Korean intelligence: up to 3,000 more troops…`.

A colon also ends headings and datelines (`Breaking:`, `Kharkiv:`), which assert nothing; a
colon speaks only after a short name phrase that ends in a source's noun, a person's or a
body's name, or a count's owner (`The Houthis' count:`). A place before a headline's colon
(`Northern Gaza:`, `The Sahel:`) is no source; nor is a lone capitalised word (`Budanov:`),
unless the passage names it as part of a full name (`Kyrylo Budanov said`): then it is that
person's surname (`lone_name_confirmed`).
"""

from __future__ import annotations

import re

from projections.extraction.attribution.count_owners import possessor
from projections.extraction.attribution.document_leads import (
    DOCUMENT_NOUNS,
    document_lead,
    quote_after_colon,
)
from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.speaker_spans import speaker_before
from projections.extraction.attribution.transcript_turns import is_label
from projections.extraction.attribution.words import (
    COUNT_NOUNS,
    DETS,
    LEADING_DROP,
    NAME_PARTS,
    PASSIVE,
    POSSESSED_COUNTS,
    POSSESSIVE_MARKS,
    SOURCE_NOUNS,
    STRONG_VERBS,
)
from projections.extraction.gazetteer import match_at
from projections.extraction.tokens import Token


def colon_source(toks: list[Token], v: int) -> Speaker | None:
    """`South Korean intelligence: up to 3,000 more troops…`: a short name phrase that opens
    the sentence and ends in a source's noun or a name, then a colon.

    A channel post opens its lead with emoji and flags (`🇸🇾 SOHR: …`, `🔴 Gaza health
    ministry: …`); they say nothing, so the name is read after them."""
    lead = 1 if v > 2 and toks[0].text in _QUOTE_POSTS else 0  # `QT @IDF: …`: the quoted
    while lead < v and _is_symbol(toks[lead].text):
        lead += 1
    if not lead:
        return _colon_source(toks, v)
    sp = _colon_source(toks[lead:], v - lead)
    if sp is not None:
        sp.start += lead
        sp.end += lead
        sp.verb += lead
        sp.notes = (*sp.notes, SYMBOLS_LEAD)
    return sp


SYMBOLS_LEAD = "attribution:colon-after-symbols"
ASIDE_DROPPED = "attribution:colon-lead-aside"
ISSUER_COMMA = "attribution:document-lead-issuer"


def _before_aside(toks: list[Token], v: int) -> int | None:
    """The index of the `(` of a bracketed aside that closes the lead before the colon at `v`
    and opens in lower case (`(translated from Russian)`, `(unofficial translation)`), or
    None. A capitalised bracket names a source (`Displaced (OCHA, 30 May):`), and so does one
    that gives a date or a second part after a comma (`Dead (civil defence, 14 March):`)."""
    if v < 4 or toks[v - 1].text != ")":
        return None
    o = next((k for k in range(v - 2, max(0, v - 8), -1) if toks[k].text == "("), -1)
    if o < 1 or not toks[o + 1].text[:1].islower():
        return None
    if any(t.text == "," or t.text[:1].isdigit() for t in toks[o + 1 : v - 1]):
        return None
    return o


# the kind of document after an issuer's comma (`Russian Defence Ministry, weekly summary:`,
# `General Staff …, operational information as of 08:00:`): the document nouns and a few
# words for a daily report's kind
_ISSUED = DOCUMENT_NOUNS | frozenset("summary information briefing sitrep".split())
_ISSUED_MODIFIERS = frozenset("daily weekly monthly morning evening operational official".split())


def issuer_by_comma(toks: list[Token], v: int) -> Speaker | None:
    """A lead of two parts split by a comma, one the issuing body and the other the document:
    `Russian Defence Ministry, weekly summary:` (the body first, then the document's kind) or
    `Total combat losses of Russian forces …, General Staff of the Armed Forces of Ukraine:`
    (the title first, the issuer after its last comma, as a signature)."""
    if v > 26:
        return None
    commas = [k for k in range(1, v) if toks[k].text == ","]
    if not commas:
        return None
    first, last = commas[0], commas[-1]
    k = first + 1
    while k < v and toks[k].low in _ISSUED_MODIFIERS:
        k += 1
    if k < v and toks[k].low in _ISSUED and k - first <= 3:
        span = _body_name(toks, 0, first)
        if span is not None:
            return Speaker(span[0], span[1], v, "colon", ":", notes=(ISSUER_COMMA,))
    if last + 2 < v:
        span = _body_name(toks, last + 1, v)
        if span is not None and not any(t.low in _ISSUED for t in toks[last + 1 : v]):
            return Speaker(span[0], span[1], v, "colon", ":", notes=(ISSUER_COMMA,))
    return None


def _body_name(toks: list[Token], s: int, e: int) -> tuple[int, int] | None:
    """The tokens `s..e-1` as a body's name with no verb: capitalised words and the small
    words of a name between them, the head (the word before the first `of`, else the last)
    a source's noun or a body's (`General Staff of the Armed Forces of Ukraine`), or an
    organisation the gazetteer knows."""
    if not 1 <= e - s <= 10:
        return None
    words = toks[s:e]
    if not words[0].text[:1].isupper() and words[0].low not in DETS:
        return None
    for t in words:
        if t.text[:1].isupper() or t.text in NAME_PARTS:
            continue
        if t.low not in _NAME_SMALL:
            return None
    of = next((i for i, t in enumerate(words) if t.low == "of"), len(words))
    if of == 0:
        return None
    if words[of - 1].low in SOURCE_NOUNS or words[of - 1].low in _BODY_HEADS:
        return s, e - 1
    texts = [t.text for t in words]
    i = 1 if texts[0].lower() == "the" and len(texts) > 1 else 0
    hit = match_at(texts, i)
    if hit is not None and hit[1] == "org" and i + hit[2] == len(texts):
        return s, e - 1
    return None


_NAME_SMALL = frozenset("of the for and de al".split())
_BODY_HEADS = frozenset(
    """committee front movement alliance coalition organisation organization network
    directorate department ministry staff""".split()
)
# a quote-post's mark (`QT @MoD: …`, `RT @IDF: …`): the account quoted speaks after it
_QUOTE_POSTS = frozenset(("QT", "RT"))
# marks that open a quote or an aside: not decoration, the colon rule reads them as before
_NOT_DECORATION = frozenset("\"'“‘«([{")


def _is_symbol(w: str) -> bool:
    """An emoji, a flag's letter or a pictograph that decorates a post's first line."""
    c = w[0]
    return not c.isalnum() and c not in _NOT_DECORATION and not c.isspace()


def _colon_source(toks: list[Token], v: int) -> Speaker | None:
    """`colon_source` once the decoration before the name is left out."""
    if v + 1 >= len(toks):
        return None
    # `Summary of the Ministry of Defence (translated from Russian):`: a translator's or
    # editor's aside in brackets says nothing of who speaks; the lead ends before it
    trimmed = _before_aside(toks, v)
    if trimmed is not None:
        sp = _colon_source(toks[:trimmed] + toks[v:], trimmed)
        if sp is not None:
            sp.verb = v
            sp.notes = (*sp.notes, ASIDE_DROPPED)
        return sp
    issued = issuer_by_comma(toks, v)
    if issued is not None:
        return issued  # `Russian Defence Ministry, weekly summary:`, `Losses …, General Staff:`
    if not 1 <= v <= 14:
        return None
    if toks[0].low in DOCUMENT_NOUNS or (v >= 2 and toks[1].low in DOCUMENT_NOUNS):
        return document_lead(toks, v)  # `Press release: The ICRC facilitated …`
    if v == 1 and toks[0].text in _ANSWER_MARKS:
        # `A: Eleven were killed …` in an interview: the one interviewed answers, whom the
        # attribution stage finds among the persons the passage named before
        return Speaker(0, 0, v, "colon", ":", notes=(QA_ANSWER,))
    quoted = quote_after_colon(toks, v)
    if quoted is not None:
        return quoted  # `The commander was blunt: 'We lost 14 tanks …'`
    if toks[v - 1].text == ")":
        return _bracket_source(toks, v)  # `Displaced (OCHA, 30 May): 120,000`
    # `X has a different number: 62 soldiers killed …`; `This is the count of X: 70 …`
    held = count_held(toks, v) if toks[v - 1].low in COUNT_NOUNS else count_of(toks, v)
    if held is not None:
        return held
    head = toks[v - 1]
    if head.low in _READS and v >= 4 and toks[v - 2].low in _STATEMENT_NOUNS:
        if toks[v - 3].low not in POSSESSIVE_MARKS:
            return None
        owner = possessor(toks, v - 2)  # `the ministry's statement reads: "…"`
        if owner is None:
            return None
        return Speaker(owner.start, owner.end, v, "colon", ":", notes=(STATEMENT_READS,))
    source_of = _count_from(toks, v)
    if source_of is not None:
        return Speaker(source_of, v - 1, v, "colon", ":")
    if head.low in POSSESSED_COUNTS and v >= 3 and toks[v - 2].low in POSSESSIVE_MARKS:
        owner = possessor(toks, v - 1)  # `The Houthis' count: 74 people killed …`
        return Speaker(owner.start, owner.end, v, "colon", ":") if owner else None
    name = None if head.low in SOURCE_NOUNS else _name_kind(toks, v)
    if head.low not in SOURCE_NOUNS and name is None:
        return None  # a heading (`Breaking:`) or a dateline (`Kharkiv:`), not a source
    for t in toks[:v]:
        c = t.text[0]
        if not (c.isalpha() or t.text in NAME_PARTS):
            return None  # a digit (`4:17`) or punctuation: not a name
        if c.islower() and (t.low in STRONG_VERBS or t.low in PASSIVE or t.low.endswith("ing")):
            return None  # a clause, not a name
    if v > 8:
        return None  # too long for a name
    start = 1 if toks[0].low in LEADING_DROP else 0
    if name == "lone":
        return Speaker(
            start, v - 1, v, "colon", ":", notes=("attribution:colon-surname",), lone=True
        )
    if is_label([t.text for t in toks[:v] if t.text != "."]):
        return Speaker(start, v - 1, v, "colon", ":", notes=(TRANSCRIPT_LABEL,))
    return Speaker(start, v - 1, v, "colon", ":")


TRANSCRIPT_LABEL = "attribution:transcript-label"
COUNT_HELD = "attribution:colon-count-held"
COUNT_OF = "attribution:colon-count-of"
# verbs by which a subject holds or gives a count that a colon then states
_HOLDING = frozenset("has have had gives give gave offers offer offered keeps kept".split())
# words between the verb and the count noun (`a different number`, `its own, higher count`)
_COUNT_MODIFIERS = DETS | frozenset(
    """different higher lower own other separate rival smaller larger bigger grimmer starker
    much far very official updated""".split()
)
_COPULA = frozenset("is was are were".split())


def count_held(toks: list[Token], v: int) -> Speaker | None:
    """A clause before the colon that says whose count the colon states: its subject holds
    or gives one (`Brig. Yahya Rasool, the Iraqi military spokesman, has a different number:
    62 soldiers killed`, `The rebels give their own count:`): the subject states it."""
    c = v - 2
    while c > 0 and toks[c].low in _COUNT_MODIFIERS:
        c -= 1
    if c < 1 or toks[c].low not in _HOLDING or not toks[c].text.islower():
        return None
    span = speaker_before(toks, c)
    if span is None:
        return None
    return Speaker(span[0], span[1], v, "colon", ":", notes=(COUNT_HELD,))


def count_of(toks: list[Token], v: int) -> Speaker | None:
    """`This, at least, is the count of the Karen National Union: 70 …`: a copula, then a
    count noun and `of` a source's name that runs to the colon."""
    for k in range(v - 2, max(0, v - 10), -1):
        if toks[k].low != "of":
            continue
        noun = toks[k - 1].low
        if noun not in COUNT_NOUNS and noun not in ("version", "account"):
            return None
        c = k - 2
        while c > 0 and toks[c].low in _COUNT_MODIFIERS:
            c -= 1
        if toks[c].low not in _COPULA or not toks[c].text.islower():
            return None
        owner = toks[k + 1 : v]
        if not owner or not all(t.text[0].isalpha() or t.text in NAME_PARTS for t in owner):
            return None
        if not (owner[0].low in DETS or owner[0].text[0].isupper()):
            return None
        return Speaker(k + 1, v - 1, v, "colon", ":", notes=(COUNT_OF,))
    return None


BRACKET_SOURCE = "attribution:colon-bracket-source"
_MONTHS = frozenset(
    """january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


def _bracket_source(toks: list[Token], v: int) -> Speaker | None:
    """`Displaced (OCHA, 30 May): 120,000`, `Killed (health ministry): 41`: a form's or a
    caption's label, then its source in brackets before the colon, with a date after a comma
    at most. The source is the bracket's first part, when it is a name (letters only) and
    the label before the bracket is a few words of a heading (no verb, no digit)."""
    p = v - 2
    while p > 0 and toks[p].text != "(":
        p -= 1
    if p < 1 or p > 6 or toks[p].text != "(" or p + 1 >= v - 1:
        return None
    for t in toks[:p]:
        if not t.text[0].isalpha() or (t.text.islower() and t.low in STRONG_VERBS):
            return None
    end = p + 1
    while end < v - 1 and toks[end].text != ",":
        end += 1
    words = toks[p + 1 : end]
    if not words or len(words) > 6:
        return None
    if not all(t.text[0].isalpha() or t.text in NAME_PARTS for t in words):
        return None
    if words[0].low in _MONTHS or words[0].low in ("as", "at", "since", "from", "until", "in"):
        return None  # `Killed (since June): 41`: a period, not a source
    for t in toks[end + 1 : v - 1]:  # after the comma: a date or a time, nothing else
        if not (t.text[0].isdigit() or t.low in _MONTHS or t.text in ("-", "–", "/", ".")):
            return None
    sp = Speaker(p + 1, end - 1, v, "colon", ":", notes=(BRACKET_SOURCE,))
    # the source labels its own field: the next field of a form (`| Wounded: 130`) is not it
    sp.closes_at = next((k for k in range(v + 1, len(toks)) if toks[k].text == "|"), -1)
    return sp


STATEMENT_READS = "attribution:statement-reads"
QA_ANSWER = "attribution:interview-answer"
_ANSWER_MARKS = frozenset({"A", "Answer"})
_READS = frozenset("reads read says said states stated".split())
# what a body issues in its own words (`the ministry's statement reads:`)
_STATEMENT_NOUNS = frozenset(
    "statement communique communiqué message letter post release text bulletin".split()
)


# counts that a source gives (not `the toll from the strikes`: what the toll is of)
_SOURCED_COUNTS = frozenset("count tally estimate estimates figure figures data assessment".split())


def _count_from(toks: list[Token], v: int) -> int | None:
    """`The latest count from the Syrian Observatory for Human Rights: 1,383 …`: a count's
    noun, then `from` or `by` and a name that runs to the colon. The first token of the
    name, or None."""
    for k in range(1, min(v - 1, 5)):
        if toks[k].low in ("from", "by") and (
            toks[k - 1].low in _SOURCED_COUNTS or _post_ref(toks, k - 1)
        ):
            if not toks[k + 1].text[0].isupper() and toks[k + 1].low not in DETS:
                return None
            for t in toks[k + 1 : v]:
                if not (t.text[0].isalpha() or t.text in NAME_PARTS):
                    return None
            return k + 1
    return None


def _post_ref(toks: list[Token], j: int) -> bool:
    """`Post #312 from X:`, `Update from X:`: a channel's post, which its source gives."""
    if toks[j].low in _POSTS:
        return j == 0
    return j == 2 and toks[1].text == "#" and toks[0].low in _POSTS and toks[j].text.isdigit()


_POSTS = frozenset("post update message bulletin".split())


def _name_kind(toks: list[Token], v: int) -> str | None:
    """The words before the colon are a person's or a body's name ("name"): two to four
    capitalised words (`Volodymyr Zelensky:`) or an acronym (`NATO:`), and no place or state
    alone; or one capitalised word that may be a surname ("lone": `Zelensky:`). A compass
    word opens a region's name (`Northern Gaza:`, `Western Darfur:`), and `The` with one name
    is a body only when that name is one (`The Pentagon:`, `The Houthis:`, not `The Sahel:`)."""
    texts = [t.text for t in toks[:v]]
    if is_label([w for w in texts if w != "."]):
        return "name"  # a transcript's label: `BRIG GEN AMIR DORON:`, `Ms HOLLOWAY:`
    hit = match_at(texts, 0)
    if hit is not None and hit[2] == len(texts):
        # `Kharkiv:`, `Russia:`: a place or a state; but an organisation speaks (`NATO:`)
        # an acronym that names an army reads as its state's demonym (`IDF:`), and speaks too
        speaks = hit[1] in ("org", "demonym")
        return "name" if speaks and len(texts) == 1 and texts[0].isupper() else None
    if len(texts) == 1:
        w = texts[0]
        if w.isupper():
            if match_at([w.title()], 0) is not None:
                return None  # a dateline in capitals (`KYIV:`), not an acronym
            if 2 <= len(w) <= 5:
                return "name"
            return _transcript_label(w)
        return "lone" if w[0].isupper() and w[1:].islower() and len(w) > 2 else None
    texts = [w for w in texts if w not in NAME_PARTS]  # `Al-Qassam Brigades:`
    if 3 <= len(texts) <= 6 and texts[-1][0].isupper():
        # `General Staff of the AFU:`: capitalised words joined by `of` (and `the`)
        inner = [w for w in texts if w not in _NAME_JOINS]
        if len(inner) < len(texts) and "of" in texts and all(w[0].isupper() for w in inner):
            return "name"
    if _titled_name(texts):
        return "name"  # `Houthi spokesman Yahya Saree:`, a title between a body and a name
    if not (len(texts) <= 4 and all(w[0].isupper() and w[1:].islower() for w in texts)):
        return None
    if texts[0] in _COMPASS:
        return None  # a region: `Northern Gaza:`, `Eastern Congo:`
    if len(texts) == 2 and texts[0] == "The":
        body = match_at(texts, 1)
        if (body is None or body[1] == "country") and texts[1].lower() not in SOURCE_NOUNS:
            return None  # `The Sahel:`, a place with its article
    return "name"


_NAME_JOINS = frozenset("of the".split())


def _transcript_label(w: str) -> str | None:
    """A briefing transcript names who speaks in capitals before a colon (`SPOKESPERSON:`,
    `DELOITTE:`): a source's title speaks as written; another word is a surname, to be
    confirmed by the full name the transcript gives in its header ("lone"). The moderator
    and the questions assert nothing."""
    low = w.lower()
    if low in SOURCE_NOUNS or low in _REPORTING_ROLES:
        return "name"
    return None if low in _ASKERS else "lone"


_ASKERS = frozenset(
    "moderator question questioner reporter journalist host interviewer presenter anchor".split()
)
# a transcript's label for someone who reports what they saw (`CORRESPONDENT (on the line):`)
_REPORTING_ROLES = frozenset("correspondent witness doctor commander officer mayor".split())


def _titled_name(texts: list[str]) -> bool:
    """Capitalised words, one lower-case title among them (`spokesman`, `minister`), and a
    capitalised name after it: a titled person (`Houthi spokesman Yahya Saree`)."""
    titles = [k for k, w in enumerate(texts) if w in SOURCE_NOUNS]
    if len(titles) != 1 or not 0 < titles[0] < len(texts) - 1 or len(texts) > 6:
        return False
    return all(w[0].isupper() for k, w in enumerate(texts) if k != titles[0])


_COMPASS = frozenset(
    """North South East West Northern Southern Eastern Western Central Upper Lower Greater
    Northeastern Northwestern Southeastern Southwestern""".split()
)


def lone_name_confirmed(text: str, word: str) -> bool:
    """A lone capitalised word before a colon (`Budanov: 11,000 …`) is a surname when the
    passage also writes it after another capitalised word (`Kyrylo Budanov`, `President
    Zelensky`); a heading word or a place (`Breaking:`, `Mariupol:`) never comes so."""
    if word.isupper():
        word = word.title()  # a transcript's label (`DELOITTE:`) for `Amina Deloitte`
    return re.search(r"[A-Z][\w.'’-]* " + re.escape(word) + r"\b", text) is not None
