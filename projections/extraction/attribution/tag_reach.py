"""How far a speech tag reaches: the whole sentence, or only part of it.

A tag after what it reports (`…, the ministry said.`) may close the sentence, or be followed
by a clause of the reporter's own (`…, the agency said, and 4 militants were shot dead`:
CONVENTIONS.md); a speaker after `and` speaks only for what follows it. These marks are set
once on the `Speaker`, so `choose` never reads the tokens again.
"""

from __future__ import annotations

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.words import NUMBER_WORDS
from projections.extraction.tokens import Token


def read_tag(toks: list[Token], lows: list[str], sp: Speaker) -> None:
    """Where the speaker's clause stands in its sentence: a tag after the figures it reports
    (`…, the ministry said.`), which then either closes the sentence or is followed by a
    clause of the reporter's own (`…, the agency said, and 4 militants were shot dead`:
    CONVENTIONS.md), or a speaker that opens a clause after a conjunction (`…, and officials
    said 12 of them…`), which speaks for what follows it only."""
    n = len(toks)
    first = min(sp.start, sp.verb)
    last = max(sp.end, sp.verb)
    before = lows[first - 1] if first > 0 else ""
    if before == "where" and sp.start < sp.verb and first >= 2 and lows[first - 2] == ",":
        # `…left 40 villagers dead in Rakhine, where the Arakan Army said shelling had killed
        # 12 more`: a speaker inside a clause of place reports that clause only
        sp.front = True
        sp.notes = (*sp.notes, "attribution:where-clause")
        return
    if before in ("and", "but") and sp.start < sp.verb:
        k = sp.verb + 1
        if k < n and (lows[k] == "that" or lows[k][0].isdigit() or lows[k] in NUMBER_WORDS):
            sp.front = True
        elif k + 1 < n and lows[k] in _CLAUSE_SUBJECTS and toks[k + 1].text[0].isalpha():
            # `…killed 12 soldiers, and the army says the attackers used …`: the verb takes a
            # clause with its own subject, which is all it reports
            sp.front = True
            sp.notes = (*sp.notes, "attribution:and-clause")
        return
    if before not in (",", "”", '"', "’"):
        return
    sp.tag = True
    sp.own = lows[sp.start] in _POSSESSIVES
    k = last + 1
    end = min(n, k + 14)
    while k < end:
        w = lows[k]
        if w == ",":
            nxt = lows[k + 1] if k + 1 < n else ""
            if nxt in _NEW_CLAUSE:
                # a subject of its own after the conjunction; but `, and 45 of them are
                # children` and `, and plans to move another 20,000` go on reporting
                if k + 2 < n and _opens_subject(toks[k + 2]) and lows[k + 3 : k + 4] != ["of"]:
                    sp.closes_at = k + 1
                return
            if not nxt.endswith("ing"):
                return  # a list or an apposition goes on: no tag of a whole sentence
        elif w[0].isdigit() or w in NUMBER_WORDS or w == "that":
            return
        elif w in (".", "!", "?") and k >= n - 2:
            sp.final = True
            return
        k += 1
    if k >= n:
        sp.final = True


_POSSESSIVES = frozenset("its their his her".split())


# words that open the subject of a reported clause (`says the attackers used …`)
_CLAUSE_SUBJECTS = frozenset("the its their his her these those some many most".split())
_NEW_CLAUSE = frozenset("and but while whereas yet".split())


_SUBJECT_OPENERS = frozenset(
    """the a an its their his her some many most more another others other several dozens
    hundreds thousands tens millions scores at about nearly around almost roughly over up
    as fewer less only just""".split()
)


def _opens_subject(tok: Token) -> bool:
    """The word can open a clause's subject (`4 militants`, `the power`, `thousands`), not
    a verb that shares the subject before it (`and plans to move …`)."""
    c = tok.text[0]
    return c.isdigit() or c.isupper() or tok.low in NUMBER_WORDS or tok.low in _SUBJECT_OPENERS
