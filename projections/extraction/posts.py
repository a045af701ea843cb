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

from projections.extraction.attribution.colon_sources import colon_source
from projections.extraction.attribution.words import SOURCE_NOUNS
from projections.extraction.gazetteer import match_at
from projections.extraction.tokens import tokenize

FORWARDED = "attribution:post:forwarded-from"
SIGNED = "attribution:post:signed"
DASH_TAIL = "attribution:post:dash-tail"
COLON_LEAD = "attribution:post:colon-lead"

_FORWARDED_RE = re.compile(r"\s*(?:Forwarded|Reposted|Repost|Shared) from:?\s+([^\n]{2,80})\n")
_SIGN_RE = re.compile(r"\n\s*(?:([—–-])\s*|(Source|Via|Signed):\s*)?([^\n]{2,60})\s*$")
_DASH_TAIL_RE = re.compile(r"\s[—–]\s*([^—–\n,;:]{2,60}?)\s*[.!]?\s*$")
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
        return None
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
    the sentences and list lines after it too."""
    colon = text.find(":", 0, _LEAD_CHARS)
    if colon < 0 or "\n" in text[:colon]:
        return None
    toks = tokenize(text, 0, min(len(text), colon + 24))  # the colon, and words after it
    v = next((k for k, t in enumerate(toks) if t.start == colon), -1)
    sp = colon_source(toks, v) if v > 0 else None
    if sp is None or sp.lone:
        return None
    return text[toks[sp.start].start : toks[sp.end].end]


_LEAD_CHARS = 90


def list_item(text: str, start: int) -> bool:
    """The line at `start` is an item of a list (`— personnel ‒ about 718,240`, `▪️ total:
    …`, `🔹 4 drones intercepted`): it opens with a dash, a bullet or a pictograph. The
    extractor reads it with the line it hangs from, as one paragraph, so that the heading's
    side, speaker and what is counted (`Russia's losses …:`) reach its figures."""
    c = text[start]
    return c in _BULLETS or (not c.isalnum() and c not in _NOT_BULLETS and ord(c) > 0x2000)


_BULLETS = frozenset("—–-•·*▪▫◾◽►▶")
_NOT_BULLETS = frozenset("\"'“‘«([")


def dash_tail_source(sentence: str) -> str | None:
    """`…killed 27 soldiers near Djibo on Monday — security sources.`: a short name phrase
    after a dash that closes the sentence, with no verb and no figure of its own."""
    if "—" not in sentence and "–" not in sentence:
        return None
    m = _DASH_TAIL_RE.search(_HASHTAGS_RE.sub("", sentence))
    if m is None:
        return None
    name = _clean(m.group(1))
    return name if name and _is_name(name) else None


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
