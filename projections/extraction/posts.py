"""The voice of a channel post, where the post names it outside the sentence of a figure.

A Telegram channel asserts its figures in ways a newspaper sentence does not: a header
(`Forwarded from 3rd Assault Brigade`), a signature on a line of its own (`Ukrainian Air
Force`, `— Ukrainian General Staff`, `Source: Khortytsia OSG`), a source after a dash that
closes the sentence (`…near Djibo on Monday — security sources.`), and a colon lead whose
source speaks for the whole post (`🔴 Gaza health ministry: the death toll … In the past 24
hours, hospitals received 38 bodies…`). Each is read here from the passage's text, cheaply
(a few string tests, a regex only when the shape is there), and gives its source to the
figures that no one in their own sentence asserts; the extractor credits them.
"""

from __future__ import annotations

import re

from projections.extraction.attribution.colon_sources import (
    ISSUER_COMMA,
    TRANSCRIPT_LABEL,
    colon_source,
)
from projections.extraction.attribution.words import SOURCE_NOUNS
from projections.extraction.gazetteer import match_at
from projections.extraction.lexicon import CATEGORY_NOUNS, VERB_CATEGORY
from projections.extraction.tokens import Token, tokenize

FORWARDED = "attribution:post:forwarded-from"
SIGNED = "attribution:post:signed"
DASH_TAIL = "attribution:post:dash-tail"
COLON_LEAD = "attribution:post:colon-lead"

_FORWARDED_RE = re.compile(r"\s*(?:Forwarded|Reposted|Repost|Shared) from:?\s+([^\n]{2,80})\n")
_SIGN_RE = re.compile(r"\n\s*(?:([—–])\s*|(Source|Via|Signed):\s*)?([^\n]{2,60})\s*$")
# `— security sources.`, and a wire headline's ` - Al Arabiya` (a hyphen with spaces)
_DASH_TAIL_RE = re.compile(r"\s(?:[—–]|-(?=\s))\s*([^—–\n,;:]{2,60}?)\s*[.!]?\s*$")
# a headline's source after its last colon (`Sudan Camp Attack Toll Rises To 400: UN.`)
_COLON_TAIL_RE = re.compile(r":\s+([^:—–\n,;]{2,40}?)\s*[.!]?\s*$")
_PIPE_SOURCE_RE = re.compile(r"\|\s*(?:Source|Via|Sources):\s*([^|\n]{2,60}?)\s*[.]?\s*$")
_HASHTAGS_RE = re.compile(r"(?:\s+#\w+)+\s*$")  # `… — security sources. #Sahel`
# words a name may hold in lower case (`General Staff of the AFU`)
_CONNECTORS = frozenset("of the for and de al".split())
# source nouns of a signature that `SOURCE_NOUNS` (the prose list) does not hold
_SIGN_NOUNS = SOURCE_NOUNS | frozenset(
    "brigade battalion regiment corps division headquarters hq centre center bureau tracker"
    " channel project".split()
)
_TRAILING = " \t.!|\u00a0"


def post_source(text: str) -> tuple[str, str] | None:
    """The source that a header or a signature line names for the whole post, and the rule's
    name; None for a passage that has neither (all newspaper prose: no line break)."""
    if "\n" not in text:
        if "|" not in text:
            return None
        m = _PIPE_SOURCE_RE.search(text)  # `… | Dead: 73 | Source: MSF`: a form's last field
        name = _clean(m.group(1)) if m else None
        return (name, SIGNED) if name and _is_name(name) else None
    m = _FORWARDED_RE.match(text)
    if m:
        name = _clean(m.group(1))
        if name:
            return name, FORWARDED
    m = _SIGN_RE.search(text)
    if m is None:
        return None
    name = _clean(m.group(3))
    if not name or not _is_name(name):
        return None
    if m.group(1) or m.group(2) or _names_a_body(name):
        return name, SIGNED
    return None


def colon_lead(text: str) -> str | None:
    """`🇸🇾 SOHR: The death toll …`, `General Staff of the AFU: total combat losses …`: the
    source of a colon that opens the passage (as `colon_source` reads one), which speaks for
    the sentences and list lines after it too. A source read by the issuer's comma
    (`colon_sources.issuer_by_comma`) comes with that rule's name after a NUL."""
    colon = text.find(":", 0, _LEAD_CHARS)
    if colon < 0 or "\n" in text[:colon]:
        return None
    toks = tokenize(text, 0, min(len(text), colon + 24))  # the colon, and words after it
    v = next((k for k, t in enumerate(toks) if t.start == colon), -1)
    sp = colon_source(toks, v) if v > 0 else None
    if sp is None or sp.lone or TRANSCRIPT_LABEL in sp.notes:
        return None  # a transcript's label speaks for its own turn only (`transcript_turns`)
    name = text[toks[sp.start].start : toks[sp.end].end]
    return f"{name}\0{ISSUER_COMMA}" if ISSUER_COMMA in sp.notes else name


_LEAD_CHARS = 150

DOCUMENT_HEADER = "attribution:post:document-header"

# the nouns that name a document a body issues (`UNHCR Chad emergency update`, `Daily
# statistical report of the Ministry of Health in Gaza:`, `IOM Haiti — Displacement Tracking
# Matrix`)
_DOCUMENT_NOUNS = frozenset(
    """update report bulletin sitrep release statement communiqué communique matrix snapshot
    factsheet dashboard""".split()
)
_ISSUER_MARKS = frozenset("of by from".split())
_HEADER_CHARS = 100
_HEADER_CONNECTORS = _CONNECTORS | frozenset(("in", "on"))


def document_header(text: str) -> str | None:
    """The body whose document the passage is, named by its first line or by the phrase
    before its first colon: a situation report's, a press release's or a statistical
    report's title (`UNHCR Chad emergency update, 2 December`, `Daily statistical report of
    the Ministry of Health in Gaza: …`). The issuer stands after the document's noun (`of`,
    `by`, `from` X) or opens the title as an organisation of the gazetteer (`UNHCR`, `IOM`);
    it speaks for the figures that no sentence attributes, as a post's signature does."""
    end = text.find("\n", 0, _HEADER_CHARS)
    colon = text.find(":", 0, _HEADER_CHARS)
    if colon >= 0 and (end < 0 or colon < end):
        end = colon
    dash = text.find(" — ", 0, _HEADER_CHARS)
    if dash >= 0 and (end < 0 or dash < end) and "," in text[:dash]:
        # `ICRC news release, Geneva, 4 December — The ICRC facilitated …`: a dateline's
        # dash ends the title of a release (with a comma before it, as a dateline has)
        end = dash
    if end < 0:
        return None
    words = [w.strip(",|—–()") for w in text[:end].split()]
    words = [w for w in words if w]
    doc = next((k for k, w in enumerate(words) if w.lower() in _DOCUMENT_NOUNS), -1)
    if doc < 0:
        return None
    if doc + 1 < len(words) and words[doc + 1] in _ISSUER_MARKS:
        name = _issuer(text[:end], words[doc + 1])
        if name is not None:
            return name
    hit = match_at(words, 0) if doc > 0 else None
    if hit is not None and hit[1] == "org":
        return hit[3]
    return None


def _issuer(line: str, mark: str) -> str | None:
    """The name after the document's `of` / `by` / `from`, up to a comma, a bracket or a
    dash: capitalised words and the small words between them (`the Ministry of Health in
    Gaza`)."""
    after = line.split(f" {mark} ", 1)
    if len(after) < 2:
        return None
    name = re.split(r"[,(—–|]", after[1], maxsplit=1)[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 8 or any(c.isdigit() for c in name):
        return None
    body = words[1:] if words[0] in ("the", "The") else words
    if not body or not body[0][0].isupper():
        return None
    if not all(w[0].isupper() or w in _HEADER_CONNECTORS for w in body):
        return None
    return name


def list_item(text: str, start: int) -> bool:
    """The line at `start` is an item of a list (`— personnel ‒ about 718,240`, `▪️ total:
    …`, `🔹 4 drones intercepted`): it opens with a dash, a bullet or a pictograph. The
    extractor reads it with the line it hangs from, as one paragraph, so that the heading's
    side, speaker and what is counted (`Russia's losses …:`) reach its figures."""
    c = text[start]
    if c in _BULLETS or (not c.isalnum() and c not in _NOT_BULLETS and ord(c) > 0x2000):
        return True
    if start < 2 or not c.isalnum():
        return False
    end = text.find("\n", start)
    if _FORM_ROW_RE.fullmatch(text, start, end if end >= 0 else len(text)) is None:
        return False
    if text[start - 2] == ":":
        return True  # a row of a form hangs from a line that ends in a colon
    before = text.rfind("\n", 0, start - 1) + 1  # or from the row above it
    if _FORM_ROW_RE.fullmatch(text, before, start - 1) is not None:
        return True
    # or the value alone under a label line with no colon (`Killed\n41`)
    return (
        text[start].isdigit()
        and end_value(text, start, end)
        and label_line(text, before, start - 1)
    )


def end_value(text: str, start: int, end: int) -> bool:
    """The line at `start` (to `end`, -1: the text's end) is a number and nothing else."""
    return _BARE_RE.fullmatch(text, start, end if end >= 0 else len(text)) is not None


_BARE_RE = re.compile(r"\d[\d,.]*\s*")


def label_line(text: str, start: int, end: int) -> bool:
    """`Killed`, `Newly displaced`, `Killed in attacks on camps`: a sitrep's label on a line
    of its own, with no colon, no stop and no number: a few words, the first capitalised,
    one of them a status word or a verb of what befell people. The value on the next line is
    its row's value."""
    m = _LABEL_LINE_RE.fullmatch(text, start, end)
    if m is None:
        return False
    return any(w in CATEGORY_NOUNS or w in VERB_CATEGORY for w in text[start:end].lower().split())


_LABEL_LINE_RE = re.compile(r"[A-Z][a-z]+(?: [A-Za-z][a-z-]*){0,5}\s*")
LABEL_LINE_VALUE = "category:value-under-label-line"


# a row of a flattened form or table under a heading that ends in a colon: a label and its
# value (`Tanks — 9`, `Fatalities: 6`), or the value alone on its line (`18`)
# value (`Tanks — 9`, `Fatalities: 6`), or the value alone on its line (`18`); a daily-losses
# row may put an approximator before the value and the day's change after it in brackets
# (`personnel — about 1,187,400 (+1,250)`)
_FORM_ROW_RE = re.compile(
    r"(?:[A-Za-z][\w '()/-]{0,40}?\s*[—–‒:]\s*)?(?:(?:about|around|approximately|over|more than|"
    r"some|nearly|almost|up to|~)\s*)?\d[\d,. ]*?\s*(?:\(\+\s?\d[\d,. ]*\)\s*)?"
)


_BULLETS = frozenset("—–-•·*▪▫◾◽►▶")
_NOT_BULLETS = frozenset("\"'“‘«([")


def dash_tail_source(sentence: str) -> str | None:
    """`…killed 27 soldiers near Djibo on Monday — security sources.`: a short name phrase
    after a dash that closes the sentence, with no verb and no figure of its own."""
    if "—" not in sentence and "–" not in sentence and " - " not in sentence:
        return None
    m = _DASH_TAIL_RE.search(_HASHTAGS_RE.sub("", sentence))
    if m is None:
        return None
    name = _clean(m.group(1))
    return name if name and _is_name(name) else None


def headline_source(sentence: str) -> str | None:
    """`Sudan Camp Attack Toll Rises To 400: UN.`: the name after a title-case headline's
    last colon is the source of its figures (the extractor asks only of a headline)."""
    m = _COLON_TAIL_RE.search(sentence)
    if m is None:
        return None
    name = _clean(m.group(1))
    return name if name and _is_name(name) else None


HEADLINE_TAIL = "attribution:post:headline-colon-tail"


def _clean(s: str) -> str:
    """The name without the decoration around it (`⬇️`, `🇺🇦`, a closing full stop)."""
    s = s.strip(_TRAILING)
    while s and not (s[-1].isalnum() or s[-1] in ")’'"):
        s = s[:-1].rstrip(_TRAILING)
    while s and not (s[0].isalnum() or s[0] in "(‘'"):
        s = s[1:].lstrip()
    return s


def _is_name(name: str) -> bool:
    """One to six words, no digit: capitalised words joined by `of`, `the`…
    (`President Zelensky`, `General Staff of the AFU`), or a few words that end in a
    source's noun (`security sources`)."""
    words = name.split()
    if not 1 <= len(words) <= 6 or any(c.isdigit() for c in name):
        return False
    if words[-1].lower() in SOURCE_NOUNS and len(words) <= 4:
        return all(w[0].isalpha() for w in words)
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w in _CONNECTORS for w in words)


def _names_a_body(name: str) -> bool:
    """A signature with no dash before it must name a body (`Ukrainian Air Force`): a
    closing line of capitalised words may be a slogan (`Glory to Ukraine`)."""
    words = name.split()
    if any(w.lower() in _SIGN_NOUNS for w in words):
        return True
    hit = match_at(words, 0)
    return hit is not None and hit[1] == "org" and hit[2] == len(words)


SLUG_CUT = "sentence:lead-cut:wire-slug"
TIME_CUT = "sentence:lead-cut:timestamp"
POST_CUT = "sentence:lead-cut:post-number"
TITLE_CASE = "sentence:title-case"

# a wire story's slug (`UPDATE 3-`, `WRAPUP 1-`, `BRIEF-`, `FACTBOX-`): a label, never text
_SLUG_RE = re.compile(
    r"(?:UPDATE|WRAPUP|REFILE|CORRECTED|BRIEF|FACTBOX|EXCLUSIVE|ANALYSIS|INSIGHT|EXPLAINER)"
    r"(?: \d{1,2})?-(?=\S)"
)
# a live blog's time stamp before its entry (`14:32 GMT —`, `3.30pm:`, `3 min ago:`)
_TIME_RE = re.compile(
    r"(?:(?:Updated|Posted|Published)(?: at)? )?"  # `Updated 11.47am EST.`
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\d{1,3}\s*(?:min|mins|minutes|h|hours?) ago)"
    r"(?:\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|ET|local time))?\s*[—–:.-]\s+"
)


# both in one pattern, matched once at each sentence's start (one C-level call)
# a thread's post number before its text (`1/ `, `2/`, `🧵 4/7:`, `Thread 4/7:`): a fraction
# (`1/2 of`) has its second number and no colon, so it is never cut
_POST_RE = re.compile(r"(?:🧵\s*)?(?:(?:Thread|Post) )?\d{1,2}/(?:\d{1,2}:)?\s+(?=\S)")
LEAD_RE = re.compile(
    f"(?P<slug>{_SLUG_RE.pattern})|(?P<time>{_TIME_RE.pattern})|(?P<post>{_POST_RE.pattern})"
)


def lead_cut(text: str, ss: int) -> tuple[int, str] | None:
    """Where the words of a sentence begin after a wire slug or a live blog's time stamp,
    and the rule; None when the sentence opens with its words. The cut is a label: no figure
    in it is a claim (`UPDATE 3`, `14:32`), and a source after it opens its sentence. (The
    extractor matches `LEAD_RE` itself and calls this only on a match.)"""
    m = LEAD_RE.match(text, ss)
    if m is None:
        return None
    if m.group("post"):
        return m.end(), POST_CUT
    return m.end(), SLUG_CUT if m.group("slug") else TIME_CUT


# function words that a headline capitalises and a sentence never does
_TITLE_WORDS_RE = re.compile(
    r" (?:To|Of|In|As|At|For|On|After|By|Near|From|With|Into|Amid|And|Is|Are) "
)


def title_case(sentence: str) -> bool:
    """A headline in title case (`At Least 25 Killed As Russian Missile Hits Sumy Bus
    Stop`): a capitalised function word, and nearly every longer word capitalised."""
    second = sentence.find(" ") + 1
    if not second or not sentence[second : second + 1].isupper():
        return False  # prose: the second word is in lower case (one string test)
    if _TITLE_WORDS_RE.search(sentence) is None:
        return False
    words = [w for w in sentence.split() if len(w) > 3 and w[0].isalpha()]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.8 * len(words)


def sentence_cased(toks: list[Token]) -> list[Token]:
    """The tokens of a title-case headline with every word but a known name in lower case
    (`Toll Rises To 400` reads as `toll rises to 400`; `Russian`, `Sumy` keep their case),
    so that the rules that take a capital for a name read the verbs and nouns as such."""
    out: list[Token] = []
    texts = [t.text for t in toks]
    k = 0
    n = len(toks)
    while k < n:
        t = toks[k]
        hit = match_at(texts, k) if t.text[:1].isupper() else None
        if hit is not None:
            out.extend(toks[k : k + hit[2]])
            k += hit[2]
            continue
        if t.text[:1].isupper() and not t.text.isupper():
            out.append(Token(t.low, t.low, t.start, t.end))
        else:
            out.append(t)
        k += 1
    return out
