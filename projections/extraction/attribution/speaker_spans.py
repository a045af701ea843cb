"""The words that name a speaker: the phrase before its verb, or after it when inverted.

A speaker's span must be a name or a noun phrase, never a clause: a finite verb, a negation or
a figure inside it means the words are something else (`could not be verified`, `, believes
Russia could field …`). Appositions (`Olena Kovalenko, the regional governor, said`), brackets
(`(GUR)`), trailing days and participial asides are handled here so that every finder gets
the same spans.
"""

from __future__ import annotations

from collections.abc import Callable

from projections.extraction.attribution.speaker import Refusal
from projections.extraction.attribution.words import (
    BOUNDARY,
    COUNT_NOUNS,
    DETS,
    LEADING_DROP,
    NAME_PARTS,
    NUMBER_WORDS,
    PASSIVE,
    STRONG_VERBS,
    WEEKDAYS,
)
from projections.extraction.lexicon import FINITE_AUX, MONTHS, PERFECT_AUX
from projections.extraction.tokens import Token

_ISSUED = frozenset("released published issued updated".split())
_TRAILING_DROP = frozenset(
    "also earlier later previously separately on first initially originally now again then".split()
)
# adverbs set off by commas between a subject and its verb (`Residents, however, said`)
_ASIDE_ADVERBS = frozenset("however though meanwhile moreover nevertheless too".split())


def owner_before_whose(toks: list[Token], w: int) -> int:
    """`the rebels, whose leader said`: the speaker is the owner's (`the rebels, whose
    leader`), so that its claimant is the rebels; the owner is the noun phrase before the
    comma, up to a preposition or a verb (`captured by the rebels`)."""
    if w < 2 or toks[w - 1].text != ",":
        return w
    k = w - 2
    while k - 1 >= 0 and w - k < 8:
        t = toks[k - 1]
        if t.low in BOUNDARY or t.low in _OWNER_STOP or not t.text[0].isalpha():
            break
        if t.text[0].islower() and t.low not in DETS and t.low.endswith(("ed", "ing")):
            break
        k -= 1
    return k


_OWNER_STOP = frozenset("by of in on at from to for with".split())


_QUOTES = frozenset('” " ’'.split())


# a rank abbreviated with a full stop before a name (`Lt. Col.`, `Brig.`, `Maj. Gen.`)
_RANK_ABBREVIATIONS = frozenset("lt col gen maj brig capt sgt adm cmdr".split())


INITIALISM = "attribution:initialism"


def _single_capital(t: Token) -> bool:
    return len(t.text) == 1 and t.text.isupper()


def initialism_dot(toks: list[Token], k: int) -> bool:
    """The full stop at `k` is one of an initialism's (`U.S.`, `U.N.`, `U.K.`): it follows a
    single capital glued to it, and either a single capital is glued after it, or it closes
    `X.Y.` and a word follows."""
    if k < 1 or not _single_capital(toks[k - 1]) or toks[k - 1].end != toks[k].start:
        return False
    nxt = toks[k + 1]
    if _single_capital(nxt) and nxt.start == toks[k].end:
        return True
    return (
        k >= 3
        and toks[k - 2].text == "."
        and _single_capital(toks[k - 3])
        and toks[k - 2].end == toks[k - 1].start
        and nxt.text[0].isalpha()
    )


def phrase_end(toks: list[Token], j: int, refused: list[Refusal] | None = None) -> int:
    """End of the source phrase after `according to` (bounded to 12 tokens). A bracket after
    the name is no part of it (`according to the General Staff (ZSU)`): cut, and noted in
    `refused` when given, so that `--explain` shows it."""
    n = len(toks)
    end = j - 1
    k = j
    while k < n and k - j < 12:
        t = toks[k]
        opens_time = refused is not None and k > j and t.low in _TIME_OPENERS
        timed = time_phrase_end(toks, k, n - 1) if opens_time else k
        if timed > k and refused is not None:
            # `according to the UN late on Friday, …`: when it was said ends the source's
            # name (the agents after `by` cut their day themselves, `by_agents._drop_day`)
            refused.append(("attribution:cut:trailing-time", k, timed - 1))
            break
        if t.text == "(" and refused is not None and end >= j:
            close = _bracket_close(toks, k)
            if close > k:
                refused.append(("attribution:cut:bracket", k, close))
            break
        if (
            t.text == "."
            and k > j
            and k + 1 < n
            and toks[k - 1].low in _RANK_ABBREVIATIONS
            and toks[k - 1].text[0].isupper()
            and toks[k + 1].text[0].isupper()
            and toks[k + 1].start == t.end + 1
        ):
            k += 1  # `by Lt. Col. Vikram Rathore`: a rank's full stop ends no name
            continue
        if t.text == "." and k > j and k + 1 < n and initialism_dot(toks, k):
            end = k
            k += 1  # `a U.S. think tank`: the full stops of an initialism end no name
            continue
        if t.text in (",", ".", ";", ":", "(", ")", "—", "!", "?", '"', "“", "”") or t.low in (
            "that",
            "which",
            "who",
            "while",
        ):
            break
        end = k
        k += 1
    return end


_TIME_OPENERS = frozenset("on late early last this".split())


def _description_known_as(toks: list[Token], first: int, aside: int) -> bool:
    """`The charity, known by …`: the phrase from `first` to the comma before `aside` is a
    description (an article and lower-case words), and the aside opens with `known as|by`."""
    if (
        aside + 1 >= len(toks)
        or toks[aside].low != "known"
        or toks[aside + 1].low not in ("as", "by")
    ):
        return False
    words = toks[first : aside - 1]
    return (
        len(words) >= 2
        and words[0].low in DETS
        and all(t.text.isalpha() and t.text.islower() for t in words[1:])
    )


def _relative_before(toks: list[Token], v: int) -> int:
    """The `who` (or `which`) of a long relative clause set off by commas that ends just
    before the verb at `v` (`X, who spoke on condition of anonymity because he was not
    authorised to brief the media, said`), or the participle of a long aside (`X, speaking on
    condition of anonymity because …, said`: `attribution:cut:long-aside`), when the clause
    holds no other comma but one before a name that ends it (`, who gave only his surname,
    Myint, said`); else -1.
    Shorter clauses `_speaker_phrase_before` reads whole, as it always has."""
    if v < 4 or toks[v - 1].text != ",":
        return -1
    named = False  # `…, who gave only his surname, Myint, said`: a name closes the clause
    listed = False  # `…, which compiles deaths from media reports, hospital and morgue records,`
    for k in range(v - 2, max(1, v - 30), -1):
        t = toks[k]
        if t.text == "," and not named and _is_short_name(toks, k + 1, v - 2):
            named = True
            continue
        if t.text == "," and not listed and _list_ends_clause(toks, k + 1, v - 1):
            listed = True
            continue
        if t.text in (",", ";", ":", "(", ")", "—", "“", "”", '"'):
            return -1
        if toks[k - 1].text == "," and (t.low in _LONG_RELATIVES or _aside_participle(t)):
            short = v - k <= 6 and t.low != "whose"  # `, whose 400 officers arrived,`: cut too
            if short and any(x.low == "that" for x in toks[k + 1 : v - 1]):
                # `The government, which disputes that figure, says`: a `that` inside the
                # short clause would end the phrase read whole; the clause is cut instead
                short = False
            if short or k < 3 or not toks[k - 2].text[0].isalpha():
                return -1
            return k
    return -1


def _list_ends_clause(toks: list[Token], a: int, b: int) -> bool:
    """The words from `a` to the comma at `b` close a list the clause ends with (`from media
    reports, hospital and morgue records,`; `from violence, famine and lack of health care,`):
    a comma inside a relative clause that only separates its list's items, a few lower-case
    words with one `and` or `or` among them and no auxiliary or relative word."""
    if not 3 <= b - a <= 7:
        return False
    conj = 0
    for t in toks[a:b]:
        if not t.text.isalpha() or not t.text.islower():
            return False
        if t.low in ("and", "or"):
            conj += 1
        elif t.low in _CLAUSE_VERBS or t.low in _LONG_RELATIVES:
            return False  # `records`, `reports` may be nouns here; an auxiliary is no noun
    return conj == 1 and toks[a].low not in ("and", "or") and toks[b - 1].low not in ("and", "or")


# relative words that open a clause set off by commas between a speaker and its verb (`Dauda
# Lawal, whose office has been tracking the kidnappings, said`: `attribution:cut:whose-clause`)
_LONG_RELATIVES = frozenset("who which whose".split())


# words that open a long aside between a speaker and its verb (`A UN official, speaking on
# condition of anonymity because he was not authorised to brief the press, said`; `A UN panel,
# in a report circulated to the Security Council on Tuesday, said`)
_LONG_ASIDE_OPENERS = frozenset("speaking citing quoting writing asking requesting in".split())


def _aside_participle(t: Token) -> bool:
    return t.low in _LONG_ASIDE_OPENERS and t.text.islower()


def _appositive_with_relative(toks: list[Token], v: int) -> int:
    """The comma that opens an appositive ending just before the verb at `v` (`X, one of
    three groups that launched an offensive last year, said`) when the appositive opens with
    a determiner or `one of` and holds a relative clause after a noun; else -1."""
    if v < 6 or toks[v - 1].text != ",":
        return -1
    rel = -1
    # down to the comma after a one-word name that opens the sentence (`Airwars, a UK-based
    # monitor that tracks civilian harm, estimates`)
    for k in range(v - 2, max(0, v - 26), -1):
        t = toks[k]
        if t.text == ",":
            if rel < 0 or toks[k + 1].low not in _APPOSITIVE_OPENERS:
                return -1
            return k
        if not t.text[0].isalnum() and t.text not in NAME_PARTS:
            return -1
        if t.low in ("that", "who", "which") and toks[k - 1].text[0].isalpha():
            rel = k
    return -1


_APPOSITIVE_OPENERS = frozenset("one a an the".split())


def _bare_relative_before(toks: list[Token], v: int) -> int:
    """The `who` of a relative clause with no commas that ends just before the verb at `v`
    (`A spokesman for the police who gave his name only as Jean said`), after a word that
    can end a noun phrase; else -1. No punctuation may come between it and the verb."""
    for k in range(v - 2, max(1, v - 14), -1):
        t = toks[k]
        if not t.text[0].isalnum() and t.text not in NAME_PARTS:
            return -1
        if t.low == "who":
            prev = toks[k - 1]
            if not prev.text[0].isalpha() or prev.low in STRONG_VERBS or prev.low in BOUNDARY:
                return -1
            return k
    return -1


def _is_short_name(toks: list[Token], first: int, last: int) -> bool:
    """One to three capitalised words from `first` to `last`: a name in apposition."""
    return 0 <= last - first <= 2 and all(
        toks[i].text[0].isupper() and toks[i].text.isalpha() for i in range(first, last + 1)
    )


def _bracket_close(toks: list[Token], k: int) -> int:
    """The `)` closing the bracket opened at token `k`, within a few words; else -1."""
    for i in range(k + 1, min(len(toks), k + 8)):
        if toks[i].text == ")":
            return i
    return -1


def _free_relative_before(toks: list[Token], v: int) -> int:
    """The `what` that opens a free relative whose subject (a pronoun or up to three words
    of a name) stands right before the verb at `v` (`what it said were`, `what the army
    called`); -1 for none."""
    for k in range(v - 1, max(-1, v - 5), -1):
        t = toks[k]
        if t.low == "what":
            return k if k < v - 1 and t.text.islower() else -1
        if not t.text[0].isalnum():
            return -1
    return -1


def speaker_before(
    toks: list[Token], v: int, refused: list[Refusal] | None = None
) -> tuple[int, int] | None:
    """The speaker phrase before the verb at `v`, or None when the words there are no name
    (a clause, a verb phrase, too many words). `refused`, when given, gets each phrase kept
    out and each part cut, with the rule that did it."""
    what = _free_relative_before(toks, v)
    if what >= 0:
        # `a video showing what it said were 14 captured soldiers`: the subject of the free
        # relative speaks; the clause before `what` is no part of it
        _refuse(refused, "attribution:cut:free-relative", what, what, toks)
        return what + 1, v - 1

    if v >= 3 and toks[v - 1].low in PERFECT_AUX and toks[v - 2].text == ",":
        # `The ministry, which updates the tally every few days, had put …`: the aside ends
        # before the auxiliary, and the subject is read before it as before a bare verb
        span = speaker_before(toks, v - 1, refused)
        if span is not None:
            return span
    first = _first_predicate(toks, v)
    if first >= 0:
        # `The ministry's statement blamed the Islamic State and said 4 …`: the verb shares
        # the subject of the predicate before `and`, which is no part of the speaker
        span = speaker_before(toks, first, refused)
        if span is not None:
            _refuse(refused, "attribution:cut:first-predicate", first, v - 1, toks)
            return span
    rel = _relative_before(toks, v)
    if rel >= 0:
        # `A senior official, who spoke on condition of anonymity because …, said`: the
        # relative clause set off by commas is the subject's, and the subject ends before it
        span = _speaker_phrase_before(toks, rel - 1, None)
        if span is not None:
            cut = "long-aside" if _aside_participle(toks[rel]) else "relative-clause"
            if toks[rel].low == "whose":
                cut = "whose-clause"
            _refuse(refused, f"attribution:cut:{cut}", rel, v - 1, toks)
            return span
    comma = _appositive_with_relative(toks, v)
    if comma >= 0:
        # `The Ta'ang National Liberation Army, one of three groups that launched …, said`:
        # the name before the appositive speaks; a relative clause is no part of a speaker
        x = _name_before_comma(toks, comma)
        if x is not None:
            _refuse(refused, "attribution:cut:appositive-relative", comma + 1, v - 1, toks)
            return x, comma - 1
    rel = _bare_relative_before(toks, v)
    if rel >= 0:
        # `A spokesman for the police who gave his name only as Jean said`: a relative clause
        # without commas still ends the subject before its `who`
        span = _speaker_phrase_before(toks, rel, None)
        if span is not None:
            _refuse(refused, "attribution:cut:relative-clause", rel, v - 1, toks)
            return span
    span = _speaker_phrase_before(toks, v, refused)
    if span is None:
        return None
    s, end = span
    if (
        s >= 4
        and toks[s - 1].low == "as"
        and toks[s - 2].low == "known"
        and toks[s - 3].text == ","
    ):
        x = _name_before_comma(toks, s - 3)  # "The … Data Project, known as ACLED, recorded"
        return (x, end) if x is not None else span
    if (
        s >= 5
        and toks[s - 1].low == "as"
        and toks[s - 2].low == "known"
        and toks[v - 1].text == ","
    ):
        x = _name_before_known_as(toks, s - 3)
        if x is not None:  # "Mohammed Hamdan Dagalo, the RSF commander known as Hemedti, said"
            return x, end
    # "Olena Kovalenko, the regional governor of Kharkiv, said": the name and its appositive
    if toks[v - 1].text == "," and s >= 2 and toks[s - 1].text == ",":
        x = _name_before_comma(toks, s - 1)
        if x is not None and _description_known_as(toks, x, s):
            # `The charity, known by its French initials MSF, said`: the description is the
            # speaker, and it points back to the body named before; the aside only names it
            _refuse(refused, "attribution:cut:known-as", s, v - 1, toks)
            return x, s - 2
        if x is not None:
            # `On Monday the army's commander, General X, said`
            s = _past_time(toks, x, end, refused, _leading_time, LEADING_TIME)
    if toks[s].text.islower() and toks[s].low in _CLAUSE_VERBS:
        if any(t.low in _NEGATIONS or t.low in PASSIVE for t in toks[s:v]):
            # "a figure that could not be independently verified": the words before the verb
            # are its auxiliaries (the subject is the relative pronoun), a passive or a
            # negation, so no one asserts it
            _refuse(refused, "attribution:refused:auxiliaries-only", s, v - 1, toks)
            return None
    # "Ukraine's intelligence agency has given …": a speaker is the subject, not a clause
    for k in range(s + 1, end + 1):
        if toks[k].low in _CLAUSE_VERBS:
            if any(t.low in _NEGATIONS or t.low in PASSIVE for t in toks[k:v]):
                _refuse(refused, "attribution:refused:negated", s, v - 1, toks)
                return None  # "could not be verified", "did not say": no one asserts it
            if any(t.low in STRONG_VERBS and t.text.islower() for t in toks[s + 1 : k]):
                # `MSF said it had treated 142 …`: the words before `had` hold a speech verb
                # of their own, so they are its speaker and its clause, not this verb's subject
                _refuse(refused, "attribution:refused:reported-clause", s, v - 1, toks)
                return None
            if toks[s].text[0].isupper() or toks[s].low in DETS or _subject_pronoun(toks, s, k):
                # `A week earlier he had put …`: the pronoun alone is the subject, `had` its
                # auxiliary
                _refuse(refused, "attribution:cut:clause", k, v - 1, toks)
                return s, k - 1
            _refuse(refused, "attribution:refused:clause", s, v - 1, toks)
            return None
    if toks[s].text[0].islower() and toks[s].low in STRONG_VERBS:
        _refuse(refused, "attribution:refused:verb-phrase", s, end, toks)
        return None  # a verb phrase ("counts only visually"), not a name
    if _holds_speech_verb(toks, s, end):
        # `Prosecutors say the defendant ordered …`: the words before `ordered` are a speaker
        # and its verb's clause; `say` speaks for it, and this verb has no speaker of its own
        _refuse(refused, "attribution:refused:reported-clause", s, v - 1, toks)
        return None
    for k in range(s + 2, end):
        if toks[k].low == "based" and toks[k + 1].low in ("on", "upon"):
            # `An AP count based on local officials' figures shows`: the count speaks; what
            # it is based on is no part of its name
            _refuse(refused, "attribution:cut:based-on", k, end, toks)
            return s, k - 1
    return s, end


_SUBJECT_PRONOUNS = frozenset("he she they it".split())


def _subject_pronoun(toks: list[Token], s: int, k: int) -> bool:
    """The phrase before the auxiliary at `k` is one subject pronoun (`he had put`)."""
    return k == s + 1 and toks[s].low in _SUBJECT_PRONOUNS


def _holds_speech_verb(toks: list[Token], s: int, end: int) -> bool:
    """A present-tense speech verb (`say`, `says`, `claim`) after a subject inside the phrase
    `s..end`, so the phrase is a speaker and the start of its clause, not one name."""
    for k in range(s + 1, end):
        t = toks[k]
        if t.low in _PRESENT_SPEECH and t.text.islower() and toks[k - 1].text[0].isalpha():
            return toks[k - 1].low not in DETS and toks[k - 1].low not in PASSIVE
    return False


# present forms only: a past form inside a phrase is often a participle (`the figures reported`)
_PRESENT_SPEECH = frozenset("say says claim claims allege alleges insist insists".split())


def _first_predicate(toks: list[Token], v: int) -> int:
    """`X blamed Y and said N`, `X denied the charge and added that N`: the verb at `v` is the
    second of two predicates joined by `and`, and shares the first one's subject. The first
    verb is the clause's first lower-case past or present form after a subject that opens the
    sentence (or a clause) with a name or a determiner. Its token, or -1."""
    if v < 3 or toks[v - 1].low != "and":
        return -1
    k = v - 2
    while k > 0 and v - k < 16 and toks[k - 1].low not in BOUNDARY:
        k -= 1
    if k > 0 and toks[k - 1].low not in BOUNDARY:
        return -1
    if not (toks[k].text[0].isupper() or toks[k].low in DETS):
        return -1
    reduced = -1  # `Troops stationed in Goma withdrew and said`: a participle of the subject
    for j in range(k + 1, v - 1):
        t = toks[j]
        if not t.text.islower() or toks[j - 1].low in DETS:
            continue
        if t.low in STRONG_VERBS or t.low in _FIRST_PREDICATES or t.low.endswith("ed"):
            if reduced < 0 and _reduced_relative(toks, j):
                reduced = j
                continue
            return j
    return reduced


# prepositions after which a past participle next to its noun places it (`stationed in`)
_PLACING_PREPS = frozenset("in at near on along across around inside outside to from".split())


def _reduced_relative(toks: list[Token], j: int) -> bool:
    """`Troops stationed in Goma`, `Fighters based near Tillabéri`: a past participle right
    after a plural or capitalised noun and before a preposition describes the subject (a
    relative clause without `who were`) and is not its predicate, when a verb follows."""
    t, prev = toks[j], toks[j - 1]
    if not t.low.endswith("ed") or j + 1 >= len(toks) or toks[j + 1].low not in _PLACING_PREPS:
        return False
    return prev.text[0].isalpha() and (prev.text[0].isupper() or prev.low.endswith("s"))


# present forms that can open a first predicate (`The army denies the charge and says …`),
# and irregular past forms that no `-ed` test finds (`Troops … withdrew and said …`)
_FIRST_PREDICATES = frozenset(
    """denies blames condemns rejects accuses urges calls gives issues withdrew fled fought
    took struck drove overran brought sent lost held began""".split()
)


def _refuse(
    refused: list[Refusal] | None, rule: str, first: int, last: int, toks: list[Token]
) -> None:
    """Note a phrase kept out of a speaker's span, for `--explain`, when a caller asks; the
    comma before the verb is no part of it."""
    if refused is None:
        return
    if last > first and toks[last].text == ",":
        last -= 1
    if first <= last:
        refused.append((rule, first, last))


# finite verbs that end a subject: what follows them is its clause, not its name
_CLAUSE_VERBS = frozenset(
    """has have had is are was were will would can could may might did does do gave given
    counts""".split()
)


_NEGATIONS = frozenset("not never n't".split())


def _name_before_known_as(toks: list[Token], last: int) -> int | None:
    """`Mohammed Hamdan Dagalo, the RSF commander known as Hemedti, said`: the by-name ends an
    appositive (`the RSF commander`, ending at `last`) whose comma follows the full name,
    which is the speaker's name as first given. The name's first token, or None."""
    k = last
    while k > 0 and last - k < 8:
        t = toks[k]
        if t.text == ",":
            return _name_before_comma(toks, k) if k < last else None
        if t.low in BOUNDARY or not (t.text[0].isalnum() or t.text in NAME_PARTS):
            return None
        k -= 1
    return None


def _name_before_comma(toks: list[Token], comma: int) -> int | None:
    """Start of the name that opens the sentence before `comma` (`Olena Kovalenko, …`)."""
    x = comma - 1
    while x >= 0 and comma - x <= 12:
        t = toks[x]
        if t.low == "and" and 0 < x < comma - 1 and toks[x - 1].text[0].isupper():
            if toks[x + 1].text[0].isupper():
                x -= 1  # `The Armed Conflict Location and Event Data Project, known as …`
                continue
        if t.low in BOUNDARY or t.text in _QUOTES:
            break
        c = t.text[0]
        if not (c.isalpha() or t.text in NAME_PARTS):
            return None
        opens = t.low in ("said", "says") or (
            t.low == "to" and x > 0 and toks[x - 1].low == "according"
        )
        if opens and x + 1 < comma and toks[x + 1].text[0].isupper():
            # `…, said Ivan Fedorov, the regional governor, who …` and `…, according to
            # Oleksandr Prokudin, the governor, who …`: the name opens the speech tag
            return x + 1
        if c.islower() and (t.low in STRONG_VERBS or t.low in PASSIVE or t.low in _CLAUSE_VERBS):
            return None
        x -= 1
    if x >= 0 and toks[x].low not in ("that", ",") and toks[x].text not in _QUOTES:
        return None  # not at the start of the sentence or of a clause
    first = x + 1
    if first >= comma or not (toks[first].text[0].isupper() or toks[first].low in DETS):
        return None
    return first


# prepositions that open a short aside between a subject and its verb
_ASIDE_PREPS = frozenset("in for on through via at during".split())


def _prepositional_aside(toks: list[Token], end: int, v: int) -> int:
    """The comma that opens a short aside ending at `end`, just before the verb at `v`
    (`X, for its part, said`, `X, in a statement, said`), when the aside opens with a
    preposition and a determiner or possessive, holds no other punctuation, and a name or a
    noun phrase stands before its comma; else -1."""
    if end < 4 or v - end != 2 or toks[v - 1].text != ",":
        return -1
    for k in range(end, max(1, end - 6), -1):
        t = toks[k]
        if t.text == ",":
            first = toks[k + 1] if k + 1 <= end else None
            if first is None or first.low not in _ASIDE_PREPS or k + 2 > end:
                return -1
            if toks[k + 2].low not in _ASIDE_DETS:
                return -1
            if not toks[k - 1].text[0].isalnum():
                return -1
            return k
        if not t.text[0].isalnum():
            return -1
    return -1


_ASIDE_DETS = frozenset("a an the its his her their our this that".split())


_SINGLE_QUOTES = frozenset("'‘’")


def single_quote(toks: list[Token], k: int) -> bool:
    """Token `k` is a single quotation mark, not a possessive one (`Airwars' tally`): it
    opens the sentence, or closes a quoted clause after its comma or full stop
    (`'… in the river,' the village chief told`)."""
    if toks[k].text not in _SINGLE_QUOTES:
        return False
    return k == 0 or toks[k - 1].text in (",", ".", "?", "!")


# `-ing` words that open a title, not an aside: `acting governor Alexei Smirnov told`,
# `the outgoing commander said`
_TITLE_PARTICIPLES = frozenset(
    "acting outgoing incoming visiting commanding presiding ruling governing founding".split()
)


_LOWER_SUBJECT_PRONOUNS = frozenset("it they he she".split())
# words that open a phrase comparing a figure with an earlier one (`up from 1,000`)
_COMPARING = frozenset("up down from compared against versus than".split())


def _speaker_phrase_before(
    toks: list[Token], v: int, refused: list[Refusal] | None
) -> tuple[int, int] | None:
    end = v - 1
    if end >= 0 and toks[end].text == ",":
        end -= 1  # "The president, speaking in Kyiv, said": the parenthetical is skipped below
    bracket_end = -1
    if end >= 2 and toks[end].text == ")":  # "Ukraine's military intelligence (GUR) said"
        k = end - 1
        while k > 0 and end - k < 8 and toks[k].text != "(":
            k -= 1
        if toks[k].text == "(" and k >= 1:
            bracket_end, end = end, k - 1
    # "The Pentagon on Monday said": drop the trailing day
    if end >= 1 and toks[end].low in WEEKDAYS and toks[end - 1].low == "on":
        end -= 2
    while end >= 0 and toks[end].low in _TRAILING_DROP:
        end -= 1
    if end >= 2 and toks[end].low in _ISSUED and toks[end - 1].text == ",":
        # `The monitoring group's latest figures, released on Friday, show`: when they came
        # out is no part of the source's name
        _refuse(refused, "attribution:cut:issued-aside", end, v - 1, toks)
        end -= 2
    if end >= 1 and toks[end].text == "," and end < v - 1:
        # `A police spokeswoman, Marie-Michelle Verrier, later said`: the adverb after the
        # appositive's comma is dropped above, and the comma is no part of the name
        _refuse(refused, "attribution:cut:comma-adverb", end + 1, v - 1, toks)
        end -= 1
    if end >= 2 and toks[end].low in _ASIDE_ADVERBS and toks[end - 1].text == ",":
        end -= 2  # `Residents, however, said`: the aside is no part of the subject
    aside = _prepositional_aside(toks, end, v)
    if aside >= 0:
        # `The Azerbaijani defence ministry, for its part, said`; `The General Staff, in its
        # daily update, claimed`: a short aside opened by a preposition is no part of the name
        _refuse(refused, "attribution:cut:prepositional-aside", aside + 1, v - 1, toks)
        end = aside - 1
    if end < 0:
        return None
    s = end
    while (
        s - 1 >= 0
        and end - s < 14
        and (toks[s - 1].low not in BOUNDARY or _and_in_name(toks, s - 1, end))
        and (toks[s - 1].text not in _SINGLE_QUOTES or not single_quote(toks, s - 1))
    ):
        s -= 1
    if toks[s].text in _SINGLE_QUOTES and s < end:
        s += 1  # `'We counted …`: the quote's opening mark is no part of its speaker
    elif s < end and _spaced_dash(toks, s):
        # `KHARTOUM (Reuters) - The Sudanese army said`: a dash written with a hyphen and
        # spaces ends the dateline; the speaker starts after it
        _refuse(refused, "attribution:cut:dateline-dash", s, s, toks)
        s += 1
    elif s - 1 >= 0 and toks[s - 1].low not in BOUNDARY and not single_quote(toks, s - 1):
        _refuse(refused, "attribution:refused:too-long", s, end, toks)
        return None  # too long to be a speaker's name
    if (
        end > s
        and bracket_end < 0
        and toks[end].text in _LOWER_SUBJECT_PRONOUNS
        and toks[s].low in _COMPARING
        and any(t.text[0].isdigit() for t in toks[s:end])
    ):
        # "…, up from 1,000 it reported a day earlier": a subject pronoun right after the
        # figure of a comparing phrase is the whole subject of a relative clause with no
        # `that`; the phrase before it is what the clause modifies (not `soldiers shot dead
        # 4 men they accused …`, a clause of its own)
        _refuse(refused, "attribution:cut:before-pronoun", s, end - 1, toks)
        s = end
    if bracket_end >= 0:
        end = bracket_end
    # "The president, speaking in Kyiv, said": skip a participle or relative clause
    if s >= 2 and toks[s - 1].low in ("which", "who") and toks[s - 2].text == ",":
        if toks[s - 1].low == "which" and end == v - 1 and _names_a_subject(toks, s, end):
            return s, end  # `Al-Shabaab, which the UN says fields …`: the clause's own subject
        s -= 1  # "Oryx, which counts only visually confirmed losses, puts …"
    aside = toks[s].low in _ASIDE_PARTICIPLES and s >= 2 and toks[s - 1].text == ","
    if aside:  # `The M23 rebels, quoted by Radio Okapi, said`: the aside is no speaker
        _refuse(refused, "attribution:cut:participle-aside", s, end, toks)
    if (
        (
            toks[s].low.endswith("ing")
            and toks[s].text[0].islower()
            and toks[s].low not in _TITLE_PARTICIPLES
        )
        or toks[s].low in ("who", "which")
        or aside
    ):
        if s >= 2 and toks[s - 1].text == ",":
            e2 = s - 2
            s2 = e2
            while s2 - 1 >= 0 and toks[s2 - 1].low not in BOUNDARY and e2 - s2 < 10:
                s2 -= 1
            if s2 + 1 < e2 and toks[s2].low == "according" and toks[s2 + 1].low == "to":
                s2 += 2  # `…, according to Oryx, which counts …`: the source, not its phrase
            if s2 <= e2:
                if toks[s].low == "who":
                    s2 = _name_of_appositive(toks, s2, e2)
                return s2, e2
        _refuse(refused, "attribution:refused:participle", s, end, toks)
        return None
    while s <= end and toks[s].low in LEADING_DROP:
        s += 1
    # When it spoke is no part of the speaker: `On Sunday it raised the figure to 67`, and with
    # no comma before the subject `On Monday the army's commander, General X, said`
    s = _past_time(toks, s, end, refused, _fronted_time, FRONTED_TIME)
    s = _past_time(toks, s, end, refused, _leading_time, LEADING_TIME)
    if s > end:
        return None
    return s, end


LEADING_TIME = "attribution:cut:leading-time"


def _past_time(
    toks: list[Token],
    s: int,
    end: int,
    refused: list[Refusal] | None,
    find: Callable[[list[Token], int, int], int],
    rule: str,
) -> int:
    """Where the speaker phrase `s..end` starts once the time phrase `find` reads at `s` is
    cut (noted as `rule`); `s` when there is none."""
    k = find(toks, s, end)
    if k > s:
        _refuse(refused, rule, s, k - 1, toks)
    return k if k > s else s


# parts of a day after a weekday (`On Tuesday evening`), and the units of `last week`
_DAY_PARTS = frozenset("morning afternoon evening night".split())
_LAST_UNITS = frozenset("week month year night weekend".split()) | WEEKDAYS


def _leading_time(toks: list[Token], s: int, end: int) -> int:
    """The first token after a time adverbial that opens the phrase `s..end` (`On Monday`,
    `Late on Tuesday night`, `Last week`), when a subject follows it (a determiner, a name
    or a bare plural); `s` when there is none."""
    k = time_phrase_end(toks, s, end)
    if k > s and k <= end and toks[k].text.isalpha() and toks[k].low not in STRONG_VERBS:
        return k
    return s


def time_phrase_end(toks: list[Token], s: int, end: int) -> int:
    """The token after a time adverbial at `s` within `s..end` (`on Monday`, `late on
    Tuesday night`, `last week`), or `s` when none starts there."""
    k = s
    if k <= end and toks[k].low in ("late", "early"):
        k += 1
    if k + 1 <= end and toks[k].low == "on" and toks[k + 1].low in WEEKDAYS:
        k += 2
        if k <= end and toks[k].low in _DAY_PARTS:
            k += 1
        return k
    if k == s and k + 1 <= end and toks[k].low in ("last", "this"):
        if toks[k + 1].low in _LAST_UNITS:
            return k + 2
    if k == s and k + 2 <= end and toks[k + 2].low in _RELATIVE_TIME and _counts_units(toks, k):
        return k + 3  # `A week earlier he had put …`, `Two days later the ministry said`
    return s


# the adverbs that place a span of time before or after the story's moment
_RELATIVE_TIME = frozenset("earlier later ago before".split())
_SPAN_UNITS = frozenset("day days week weeks month months year years hours".split())


def _counts_units(toks: list[Token], k: int) -> bool:
    """`a week`, `two days`, `10 months` at `k`: a count (an article, a number word or
    digits) and a unit of time."""
    w = toks[k].low
    return toks[k + 1].low in _SPAN_UNITS and (
        w in ("a", "an") or w in NUMBER_WORDS or w[:1].isdigit()
    )


def _spaced_dash(toks: list[Token], k: int) -> bool:
    """Token `k` is a hyphen used as a dash: white space on both sides (`(Reuters) - The`),
    not the hyphen inside a name (`Fils-Aimé`)."""
    t = toks[k]
    return (
        t.text == "-"
        and (k == 0 or toks[k - 1].end < t.start)
        and k + 1 < len(toks)
        and toks[k + 1].start > t.end
    )


def _name_of_appositive(toks: list[Token], s: int, e: int) -> int:
    """`Oleh Hryhorov, the governor of Sumy, who said …`: the words `s..e` before a `who`
    are an appositive of a name before them (or a name after a title), set off by a comma at
    the start of the sentence or clause; the speaker is both, from the first. Else `s`."""
    if s < 2 or toks[s - 1].text != ",":
        return s
    x = _name_before_comma(toks, s - 1)
    if x is None:
        return s
    if _is_ranked_name(toks, x, s - 2) or _is_ranked_name(toks, s, e):
        return x
    return s


def _is_ranked_name(toks: list[Token], first: int, last: int) -> bool:
    """A name of one to four capitalised words from `first` to `last`, a rank's full stops
    apart (`Gen. Ali Sule`, `Oleh Hryhorov`)."""
    words = [t for t in toks[first : last + 1] if t.text != "."]
    return (
        1 <= len(words) <= 4
        and toks[first].text != "."
        and all(t.text[0].isupper() and t.text.isalpha() for t in words)
    )


FRONTED_TIME = "attribution:cut:fronted-time"
_TIME_PREPS = frozenset("on by in since until after before".split())


def _fronted_time(toks: list[Token], s: int, end: int) -> int:
    """The first token after a time phrase that opens the speaker phrase at `s` (`On
    Sunday`, `By Tuesday,`, `In March`): a preposition and a day or a month, then an
    optional comma, with a subject after it; else `s`."""
    if end - s < 2 or toks[s].low not in _TIME_PREPS:
        return s
    k = s + 1
    if toks[k].low == "the" and k + 1 <= end:
        k = _point_in_time_end(toks, k + 1, end)  # `By the end of the year`, `By the weekend`
        if k < 0:
            return s
    elif toks[k].low not in WEEKDAYS and toks[k].low not in MONTHS:
        return s
    else:
        k += 1
    if k <= end and toks[k].text == ",":
        k += 1
    return k if k <= end else s


# a point of a span of time (`the end of the year`) and the spans and parts of a day it is of
_TIME_POINTS = frozenset("end start beginning middle close turn".split())
_TIME_SPANS = frozenset("year month week day war weekend summer winter spring autumn".split())


def _point_in_time_end(toks: list[Token], k: int, end: int) -> int:
    """The token after `end of the year`, `start of May`, `weekend` or `evening` at `k`
    (after a time preposition and `the`); -1 when the words there are no point in time."""
    w = toks[k].low
    if w in _DAY_PARTS or w == "weekend":
        return k + 1
    if w not in _TIME_POINTS or k + 2 > end or toks[k + 1].low != "of":
        return -1
    k += 2
    if toks[k].low in ("the", "that", "this", "last") and k + 1 <= end:
        k += 1
    w = toks[k].low
    if w in _TIME_SPANS or w in MONTHS or (w.isdigit() and len(w) == 4):
        return k + 1
    return -1


def _names_a_subject(toks: list[Token], s: int, end: int) -> bool:
    """The words `s..end` after a `which` are a short noun phrase of their own (`the UN`,
    `Western officials`), the subject of the verb after them, not the start of a clause; or
    a subject pronoun (`attacks, which it said had killed 176 health workers`), which the
    attribution stage resolves."""
    if s == end and toks[s].low in _SUBJECT_PRONOUNS:
        return True
    if end - s > 4 or not (toks[s].low in DETS or toks[s].text[0].isupper()):
        return False
    return all(t.text[0].isalpha() and t.low not in STRONG_VERBS for t in toks[s : end + 1])


# past participles that open an aside between a subject and its verb (`X, quoted by Y, said`)
_ASIDE_PARTICIPLES = frozenset("quoted cited reached contacted interviewed asked".split())


def _and_in_name(toks: list[Token], k: int, end: int) -> bool:
    """`and` inside one capitalised name (`the Armed Conflict Location and Event Data
    Project`): capitalised words on both sides and more of the name after it. Not `Russia
    and Ukraine said` nor `killed in Kharkiv and Zelensky said`, which keep the last name."""
    if toks[k].low != "and" or k < 1:
        return False
    if places_joined(toks, k, end):
        return True
    if k + 2 > end:
        return False
    return (
        toks[k - 1].text[0].isupper()
        and toks[k + 1].text[0].isupper()
        and (toks[k + 2].text[0].isupper())
    )


PLACES_JOINED = "attribution:places-joined"
_PLACED_SOURCES = frozenset("officials authorities police residents medics doctors".split())


def places_joined(toks: list[Token], k: int, end: int) -> bool:
    """`Officials in Kharkiv and Sumy reported`: `and` joins the two places a plural source
    is in, and the second place ends the phrase; the source is all of it, not `Sumy` (but
    `killed in Kharkiv and Zelensky said` keeps the last name: no source before `in`)."""
    return (
        k == end - 1
        and k >= 3
        and toks[k - 2].low == "in"
        and toks[k - 3].low in _PLACED_SOURCES
        and toks[k - 1].text[0].isupper()
        and toks[k + 1].text[0].isupper()
    )


def speaker_after(
    toks: list[Token], v: int, refused: list[Refusal] | None = None
) -> tuple[int, int] | None:
    """Inverted speech: `..., said the ministry.` The speaker phrase ends the clause: what
    follows it is punctuation or a time or place (`said the ministry on Monday`), else the
    words after the verb are its object (`, believes Russia could field …`), noted in
    `refused` when given."""
    n = len(toks)
    s = v + 1
    e = s - 1
    k = s
    while k < n and k - s < 10:
        t = toks[k]
        if t.text == "." and k > s and toks[k - 1].low in _TITLE_ABBREVIATIONS:
            k += 1  # `said army spokesman Col. Azem Agouna`: the title's point ends nothing
            continue
        if not t.text[0].isalnum() and t.text not in ("'s", "’s", "-"):
            break
        if t.low in _AFTER_SPEAKER:
            break
        e = k
        k += 1
    if k < n and k - s >= 10:
        _refuse(refused, "attribution:refused:inverted-too-long", s, k - 1, toks)
        return None  # too long for a name: a clause
    if k < n and not (toks[k].low in _AFTER_SPEAKER or toks[k].text in _CLAUSE_END):
        _refuse(refused, "attribution:refused:inverted-object", s, e, toks)
        return None
    if k < n and _opens_quote(toks, k):
        # `X, the press secretary, said North Korea's losses ran to "several hundred"`: a
        # quote opening after the words is the rest of the object, no speaker's end
        _refuse(refused, "attribution:refused:inverted-quote-opens", s, e, toks)
        return None
    if k < n and toks[k].low in _PLACE_PREPS and _finite_after_adjunct(toks, k):
        # `X, Lt Gen Y, said the strikes on nine sites had killed 100 militants`: the phrase
        # after `said` has its own verb after the prepositional phrase, so it is the subject
        # of the reported clause, not an inverted speaker (`said the ministry on Monday.`)
        _refuse(refused, "attribution:refused:inverted-clause-subject", s, e, toks)
        return None
    for i in range(s, e + 1):
        w = toks[i].low
        if w[0].isdigit() or w in NUMBER_WORDS or w in _CLAUSE_VERBS:
            _refuse(refused, "attribution:refused:inverted-object", s, e, toks)
            return None  # a figure or a verb in it: the verb's object, not its speaker
        if w in ("of", "from"):
            break
        if w in COUNT_NOUNS:
            # `X, quoting Y, said the toll from the strike had risen to 80`: a count is what
            # the reported clause is about, never who reports it
            _refuse(refused, "attribution:refused:inverted-count", s, e, toks)
            return None
    return (s, e) if e >= s else None


def _opens_quote(toks: list[Token], k: int) -> bool:
    """Token `k` opens a quotation: a left quote mark, or a straight one with a word written
    against its right side (`"several`), not a closing mark after a word (`said."`)."""
    t = toks[k]
    if t.text == "“":
        return True
    return (
        t.text == '"'
        and k + 1 < len(toks)
        and toks[k + 1].start == t.end
        and toks[k + 1].text[0].isalnum()
        and toks[k - 1].end < t.start
    )


_TITLE_ABBREVIATIONS = frozenset(
    "col gen lt maj brig capt sgt adm cmdr gov sen rep dr mr mrs ms prof".split()
)


_AFTER_SPEAKER = frozenset("that on in at after when while".split())
_PLACE_PREPS = frozenset("on in at".split())
_ADJUNCT_ENDS = frozenset(
    "as when while after before because since where which who that and but".split()
)


def _finite_after_adjunct(toks: list[Token], k: int) -> bool:
    """An auxiliary follows the prepositional phrase opening at `k` within its clause (at
    most 20 tokens, up to punctuation or a conjunction): the words before `k` are the
    subject of that auxiliary's clause."""
    for j in range(k + 1, min(len(toks), k + 21)):
        t = toks[j]
        if t.low == "and" and j + 1 < len(toks) and toks[j + 1].text[0].isupper():
            continue  # `linked to Jaish-e-Mohammed and Lashkar-e-Taiba`: names joined
        if t.text in _CLAUSE_END or t.low in _ADJUNCT_ENDS:
            return False
        if t.low in FINITE_AUX:
            return True
    return False


_CLAUSE_END = frozenset('. , ; : ! ? ) — – ” "'.split())


def relative_subject(toks: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """`…, a figure Armenia's government disputes, saying …`: the phrase before a participle
    is a count with a relative clause, and the one who speaks is that clause's subject: drop
    the count (`a figure`, `a toll that`) before it and the clause's verb after it."""
    s, e = span
    if e - s < 3 or toks[s].low not in ("a", "an", "the") or toks[s + 1].low not in COUNT_NOUNS:
        return span
    last = toks[e]
    if not (last.text.isalpha() and last.text.islower()) or last.low in DETS:
        return span  # no verb of the clause at the end
    first = s + 3 if toks[s + 2].low in ("that", "which") else s + 2
    if first > e - 1 or not (toks[first].text[0].isupper() or toks[first].low in DETS):
        return span
    return first, e - 1
