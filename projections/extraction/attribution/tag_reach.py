"""How far a speech tag reaches: the whole sentence, or only part of it.

A tag after what it reports (`…, the ministry said.`) may close the sentence, or be followed
by a clause of the reporter's own (`…, the agency said, and 4 militants were shot dead`:
CONVENTIONS.md); a speaker after `and` speaks only for what follows it. These marks are set
once on the `Speaker`, so `choose` never reads the tokens again.
"""

from __future__ import annotations

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.words import NUMBER_WORDS
from projections.extraction.lexicon import PEOPLE_NOUNS, TROOP_NOUNS
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
                if k + 2 < n and _opens_subject(toks[k + 2]) and not _part_of_before(lows, k + 3):
                    sp.closes_at = k + 1
                return
            sub = _time_clause(toks, lows, k + 1)
            if sub >= 0:
                # `…, Niger's rulers said, a month after the last of roughly 1,000 American
                # troops left the country`: a clause of time with its own subject and verb
                # is the reporter's background, not what the tag reports
                sp.closes_at = sub
                sp.notes = (*sp.notes, TIME_CLAUSE)
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

TIME_CLAUSE = "attribution:tag-then-time-clause"
_SUBORDINATORS = frozenset("after before since".split())
# bare plurals that open a subject of their own (`days after militants killed 40 soldiers`)
_BARE_SUBJECTS = TROOP_NOUNS | PEOPLE_NOUNS
# what may measure the time before `after` (`a month after`, `two days before`, `shortly after`)
_DURATIONS = frozenset(
    """a an one two three four five six seven eight nine ten few several day days week weeks
    month months year years hour hours shortly just soon moments minutes""".split()
)
# finite verbs that are no `-ed` form, for the clause after `after`
_FINITE = frozenset(
    """left fell took began came went struck overran seized stormed was were had has have is
    are""".split()
)


def _time_clause(toks: list[Token], lows: list[str], k: int) -> int:
    """Token `k` opens `a month after X left …` (at most three words of duration, then
    `after`, `before` or `since`, then a subject and a finite verb before the next comma):
    the subordinator's index, else -1."""
    n = len(toks)
    sub = -1
    for j in range(k, min(n, k + 4)):
        if lows[j] in _SUBORDINATORS:
            sub = j
            break
        if lows[j] not in _DURATIONS:
            return -1
    if sub <= k or sub + 2 >= n:
        return -1  # a duration is needed: `, after` alone may go on reporting
    if not _opens_subject(toks[sub + 1]) and toks[sub + 1].low not in _BARE_SUBJECTS:
        return -1
    for j in range(sub + 2, min(n, sub + 14)):
        w = lows[j]
        if not toks[j].text[0].isalnum():
            return -1
        if w in _FINITE or (w.endswith("ed") and lows[j - 1] not in ("the", "a", "an")):
            return sub
    return -1


# words that open the subject of a reported clause (`says the attackers used …`)
_CLAUSE_SUBJECTS = frozenset("the its their his her these those some many most".split())
_NEW_CLAUSE = frozenset("and but while whereas yet".split())


_SUBJECT_OPENERS = frozenset(
    """the a an its their his her some many most more another others other several dozens
    hundreds thousands tens millions scores at about nearly around almost roughly over up
    as fewer less only just""".split()
)


# what `of` is followed by in a part of a group named before (`45 of them`, `12 of the dead`)
_BACK_OF = frozenset("them whom those these the its their".split())


def _part_of_before(lows: list[str], k: int) -> bool:
    """`, and 45 of them are children`, `, and 12 of the dead were soldiers`: the subject
    after the conjunction is a part (`of` a pronoun or a definite group) of what the tag
    reported, so it goes on reporting; `, and hundreds of thousands have fled` and
    `, and dozens of people fled` open a subject of their own."""
    return lows[k : k + 1] == ["of"] and lows[k + 1 : k + 2] != [] and lows[k + 1] in _BACK_OF


def _opens_subject(tok: Token) -> bool:
    """The word can open a clause's subject (`4 militants`, `the power`, `thousands`), not
    a verb that shares the subject before it (`and plans to move …`)."""
    c = tok.text[0]
    return c.isdigit() or c.isupper() or tok.low in NUMBER_WORDS or tok.low in _SUBJECT_OPENERS
