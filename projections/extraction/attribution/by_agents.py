"""Sources named after `by`: `the figure given by X`, `estimated by X at N`, `as reported by X`.

These have no verb of their own whose subject speaks; the agent of a participle does. Each
reaches a different part of the sentence: `the figure given by` only the figure just before
it, `estimated by` the figure after it, `as reported by` (like `according to`) its sentence.
"""

from __future__ import annotations

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.attribution.speaker_spans import phrase_end
from projections.extraction.attribution.words import (
    BOUNDARY,
    COUNT_NOUNS,
    DETS,
    ESTIMATE_PARTICIPLES,
    PASSIVE,
    STRONG_VERBS,
    WEEKDAYS,
)
from projections.extraction.tokens import Token


def reported_by(toks: list[Token], v: int) -> Speaker | None:
    """`…, as reported by the state news agency SUNA`, `62 deaths were reported by hospitals
    in Khartoum`: a reporting participle in the passive or after `as`, and its agent after
    `by`. `as reported by` covers its sentence, as `according to` does; the passive speaks
    like a tag after the figure."""
    if v < 2 or v + 1 >= len(toks) or toks[v - 1].low not in _REPORTED:
        return None
    before = toks[v - 2].low
    if before != "as" and before not in PASSIVE:
        return None
    if toks[v + 1].low in _BY_MANNER:
        return None
    end, cut = _drop_day(toks, v + 1, phrase_end(toks, v + 1))
    if end < v + 1:
        return None
    if before == "as":
        return Speaker(v + 1, end, v, "according-to", "as reported by")
    notes = ("attribution:passive", *cut)
    return Speaker(v + 1, end, v, "speech", toks[v - 1].low, notes=notes)


_DAY_PARTS = frozenset("morning afternoon evening night".split())
DAY_CUT = "attribution:cut:day-part"


def _drop_day(toks: list[Token], first: int, end: int) -> tuple[int, tuple[str, ...]]:
    """The agent phrase `first..end` without a closing day (`by hospitals in Khartoum on
    Saturday`, `by the governor on Monday`, `on Wednesday evening`): the day is when it was
    said, no part of the name. The new end, and the rule's name when a part of the day was cut
    (`--explain`)."""
    cut: tuple[str, ...] = ()
    if end >= first + 3 and toks[end].low in _DAY_PARTS and toks[end - 1].low in WEEKDAYS:
        end -= 1  # `on Wednesday evening`: the part of the day goes with the day
        cut = (DAY_CUT,)
    if end >= first + 2 and toks[end].low in WEEKDAYS and toks[end - 1].low == "on":
        end -= 2
    return end, cut


_REPORTED = frozenset(
    """reported confirmed recorded documented counted verified announced claimed registered
    logged tallied cited""".split()
)


def figure_given_by(toks: list[Token], v: int) -> Speaker | None:
    """`…about 130, the figure given by the government, to 400…`: an appositive that names
    the source of the figure just before it. The source is the phrase after `by`; it speaks
    for that figure only, as a speech tag after it does."""
    n = len(toks)
    if v < 2 or v + 1 >= n:
        return None
    p = v - 1
    notes: tuple[str, ...] = ()
    if toks[p].low == "out" and p >= 2 and toks[p - 1].low in _PUT_OUT:
        p -= 1  # `a number first put out by the police`: a phrasal participle
        notes = (PHRASAL_GIVEN,)
    if toks[p].low not in _GIVEN_PARTICIPLES:
        return None
    k = p - 1
    if k >= 1 and toks[k].low in _GIVEN_ADVERBS:
        k -= 1  # `the figure first given by`, `a toll later released by`
    reach = 4 + (v - 2 - k)  # the adverb and the particle lengthen the reach
    if _bare_figure(toks, k):
        # `higher than the 40 announced by local authorities`: the participle follows the
        # figure itself, with no count noun between
        notes = (FIGURE_GIVEN_BY,)
    else:
        if toks[k].text == ",":  # `The figure of 5,000 dead, given by the rebels, …`
            k -= 1
            reach = 8
        while k >= 0 and v - k <= reach and toks[k].low not in COUNT_NOUNS:
            if toks[k].low in BOUNDARY:
                return None
            k -= 1
        if k < 1 or toks[k].low not in COUNT_NOUNS:
            return None
    if toks[v + 1].low in _BY_MANNER:
        return None  # `confirmed by name`: how, not who
    whole = phrase_end(toks, v + 1)
    for j in range(v + 2, whole):
        if toks[j].low in ("and", "but") and _second_verb(toks[j + 1]):
            # `put out by the police command and since confirmed by the army`: a second
            # participle, with its own agent, ends the first agent's phrase
            whole = j - 1
            notes = (*notes, SECOND_PARTICIPLE_CUT)
            break
    end, _ = _drop_day(toks, v + 1, whole)
    if end < v + 1:
        return None
    cut = (DAY_CUT,) if end < whole else ()  # `announced by the governor on Monday`
    sp = Speaker(v + 1, end, p, "given-by", toks[p].low, notes=(*notes, *cut))
    d = k - 1
    while d > 0 and toks[d].low in DETS:
        d -= 1
    if toks[d].text == "," and _closes_sentence(toks, v + 1, end):
        # `…holding about 1,800 soldiers in Goma, the figure given by their spokesman.`: an
        # apposition that ends the sentence is the source of the whole clause before it, and
        # a name after the source's title is part of it (`their spokesman, Lawrence Kanyuka`)
        sp.final = True
        sp.notes = (GIVEN_BY_CLOSING,)
        name = appositive_name_end(toks, end)
        if name > end:
            sp.end = name
    return sp


FIGURE_GIVEN_BY = "attribution:figure-given-by"
SECOND_PARTICIPLE_CUT = "attribution:cut:second-participle"


def _second_verb(t: Token) -> bool:
    """The word after an `and` opens a second verb phrase, not a second name: an adverb of
    time or a participle (`and since confirmed`, `and later revised`, `and disputed`)."""
    return t.low in _GIVEN_ADVERBS or (t.text.islower() and t.low.endswith("ed"))


PHRASAL_GIVEN = "attribution:given-by:phrasal"
_PUT_OUT = frozenset("put given handed sent".split())
_GIVEN_ADVERBS = frozenset("first initially originally later since also officially".split())


def _bare_figure(toks: list[Token], k: int) -> bool:
    """The token at `k` is a figure in digits after a determiner (`the 40`, `the 3,000`),
    so a participle after it (`announced by`) is a reduced relative about that figure."""
    return (
        k >= 1
        and toks[k].text[:1].isdigit()
        and toks[k - 1].low in ("the", "a", "its", "their", "his", "her")
    )


def appositive_name_end(toks: list[Token], end: int) -> int:
    """The last token of a capitalised name set off by a comma after the token `end` (`,
    Lawrence Kanyuka`), or `end` when none follows."""
    k = end + 1
    if k >= len(toks) or toks[k].text != ",":
        return end
    last = end
    for i in range(k + 1, min(len(toks), k + 5)):
        t = toks[i]
        if not (t.text[0].isupper() and t.text.replace("-", "").isalpha()):
            break
        last = i
    return last


GIVEN_BY_CLOSING = "attribution:given-by-closing"
_SHOWING = frozenset("show shows showed suggest suggests suggested indicate indicates".split())


def _closes_sentence(toks: list[Token], first: int, end: int) -> bool:
    """Nothing but an appositive name (`, Lawrence Kanyuka`) or a day follows the source
    phrase `first..end` before the sentence ends, and the phrase holds no verb of its own
    (`, a tally compiled by ACLED shows.`: the tally is a subject, not an apposition)."""
    if any(t.low in STRONG_VERBS or t.low in _SHOWING for t in toks[first : end + 1]):
        return False
    rest = toks[end + 1 :]
    if rest and rest[-1].text in (".", "!", "?"):
        rest = rest[:-1]
    if not rest:
        return True
    if rest[0].text != "," or len(rest) > 6:
        return False
    return all(t.text[0].isupper() or t.low in WEEKDAYS or t.low == "on" for t in rest[1:])


def estimated_by(toks: list[Token], v: int) -> Speaker | None:
    """`Estimated by Western officials at 600,000, the Russian force …`: a participle that
    opens the sentence (or a clause) and names its source after `by`, up to the `at` of the
    figure; it speaks for the figure after it."""
    if v < 1 or toks[v - 1].low not in ESTIMATE_PARTICIPLES:
        return None
    if v >= 2 and toks[v - 2].text != ",":
        return None
    n = len(toks)
    end = v
    for k in range(v + 1, min(n, v + 10)):
        if toks[k].low in ("at", ",", "as"):
            break
        end = k
    else:
        return None
    if end <= v or toks[end + 1].low != "at":
        return None
    return Speaker(v + 1, end, v - 1, "speech", toks[v - 1].low, notes=("attribution:by",))


# participles of `the figure given by X` (not `confirmed`: `the number confirmed by name`)
_GIVEN_PARTICIPLES = frozenset(
    """given cited quoted provided offered released issued published reported claimed used
    put advanced compiled announced""".split()
)


def passive_agent(toks: list[Token], v: int) -> Speaker | None:
    """The agent of a passive statement: `The figure of 300 dead was given by X`, `The
    Council was told by X that N`, `The Council was told on Tuesday that N …, by X`. The
    subject only received or carries the figure; the one after `by` gives it, and speaks for
    the figure before it as the passive `reported by` does."""
    if v < 2 or v + 1 >= len(toks) or toks[v + 1].low in _BY_MANNER:
        return None
    lows = [t.low for t in toks[: v + 1]]
    w = lows[v - 1]
    notes: tuple[str, ...] = (PASSIVE_AGENT,)
    if w == "told" and lows[v - 2] in PASSIVE:
        verb = v - 1  # `was told by the envoy that …`
    elif w in _GIVEN_PARTICIPLES and lows[v - 2] in PASSIVE:
        aux = v - 2
        rel = _relative_before_aux(lows, aux)
        if rel >= 0:
            aux = rel  # `The figure of 45 dead, which the rebels dispute, was given by X`
        if not _count_subject(lows, aux):
            return None  # `2,000 troops were provided by Chad`: a transfer, not a figure
        verb = v - 1
        if rel >= 0:
            notes = (PASSIVE_AGENT, RELATIVE_SKIPPED)
    elif w == ",":
        verb = _passive_told_before(lows, v)  # `was told on Tuesday that …, by the envoy`
        if verb < 0:
            return None
    else:
        verb = _passive_put_at(lows, v)  # `The losses were put at 60 fighters by the army`
        if verb < 0:
            return None
    end, cut = _drop_day(toks, v + 1, phrase_end(toks, v + 1))
    if end < v + 1:
        return None
    if end < phrase_end(toks, v + 1):
        cut = (DAY_CUT,)  # `was given by the army on Monday`: the day is no part of it
    end = _appositive_name(toks, end)
    return Speaker(v + 1, end, verb, "speech", lows[verb], notes=(*notes, *cut))


PASSIVE_AGENT = "attribution:passive-agent"
RELATIVE_SKIPPED = "attribution:passive-agent:relative-skipped"


def _relative_before_aux(lows: list[str], aux: int) -> int:
    """`The figure of 45 dead, which the rebels dispute, was`: a relative clause set off by
    commas ends just before the auxiliary at `aux`; the index of the comma that opens it (the
    subject ends there), or -1."""
    if aux < 4 or lows[aux - 1] != ",":
        return -1
    for k in range(aux - 2, max(0, aux - 14), -1):
        if lows[k] in (",", ";", ":", "(", ")"):
            return k if lows[k] == "," and lows[k + 1] in ("which", "that", "who") else -1
    return -1


def _count_subject(lows: list[str], aux: int) -> bool:
    """The clause before the auxiliary at `aux` has a count as its subject (`The figure of
    300 dead in Jenin was`), found back to the sentence's start or a clause boundary."""
    for k in range(aux - 1, max(-1, aux - 12), -1):
        if lows[k] in COUNT_NOUNS:
            return True
        if lows[k] in BOUNDARY:
            return False
    return False


def _passive_told_before(lows: list[str], comma: int) -> int:
    """`The Security Council was told on Tuesday that 2.1 million …, by the UN's special
    envoy`: a passive `told` that opens the sentence's clause before a `that`. Its token, or
    -1."""
    for k in range(comma - 1, 1, -1):
        if lows[k] == "told" and lows[k - 1] in PASSIVE:
            return k if "that" in lows[k + 1 : comma] else -1
        if lows[k] in (";", "while", "but"):
            return -1
    return -1


def _passive_put_at(lows: list[str], by: int) -> int:
    """`The rebels' losses … were put at 60 fighters by the Somali army`: a passive `put` (or
    `estimated`) whose `at N` ends just before `by`. The participle's token, or -1."""
    for k in range(by - 2, max(1, by - 8), -1):
        if lows[k] == "at" and lows[k - 1] in ESTIMATE_PARTICIPLES:
            return k - 1 if k >= 2 and lows[k - 2] in PASSIVE else -1
        if lows[k] in BOUNDARY:
            return -1
    return -1


def _appositive_name(toks: list[Token], end: int) -> int:
    """`by a health ministry official, Dr Ahmed Rahal, on Saturday`: a capitalised name set
    off by commas after a description is the same speaker; the span takes it in."""
    n = len(toks)
    if end + 2 >= n or toks[end + 1].text != ",":
        return end
    k = end + 2
    while k < n and k - end <= 6:
        t = toks[k].text
        if not (t[:1].isupper() or (t == "." and k + 1 < n and toks[k + 1].text[:1].isupper())):
            break
        k += 1  # a name's words, and the point of `Dr.` or `Gen.` inside it
    last = k - 1
    if last < end + 3 or (k < n and toks[k].text not in (",", ".")):
        return end  # at least two capitalised words, closed by a comma or the sentence's end
    return last


COUNT_KEPT_BY = "attribution:count-kept-by"
# participles of a count kept over time (`the count kept by CPJ`, `a database maintained by`)
_KEPT = frozenset("kept maintained run collected gathered compiled published released".split())
_KEPT_COUNTS = frozenset(
    "count counts tally tallies toll list database record records data figures".split()
)


def kept_by(toks: list[Token], v: int) -> Speaker | None:
    """`The count kept by the Committee to Protect Journalists reached 128 …`: a count the
    clause's subject names, kept by its agent, who is the source of the figures the clause
    gives. The count opens the sentence (after a determiner or adjectives); the agent speaks
    for the sentence, as `according to` does."""
    if v < 2 or v + 1 >= len(toks) or toks[v - 1].low not in _KEPT:
        return None
    head = v - 2
    if toks[head].low not in _KEPT_COUNTS or head > 4:
        return None
    if any(not t.text[0].isalpha() for t in toks[:head]):
        return None  # the count is the sentence's subject, not a phrase inside a clause
    end = _before_clause_verb(toks, v + 1, phrase_end(toks, v + 1))
    if end < v + 1:
        return None
    return Speaker(v + 1, end, v, "according-to", "kept by", notes=(COUNT_KEPT_BY,))


# the verbs a count's clause goes on with (`The count kept by CPJ reached 128`)
_COUNT_CLAUSE_VERBS = frozenset(
    """reached reaches rose rises stood stands stand show shows showed list lists listed
    include includes included total totals totalled put puts has have had is are was were
    suggest suggests suggested indicate indicates record records recorded""".split()
)


def _before_clause_verb(toks: list[Token], first: int, end: int) -> int:
    """The agent phrase `first..end` up to the clause's own verb (`the Committee to Protect
    Journalists` before `reached`); -1 when the phrase opens with it or is too long to be a
    name (twelve words)."""
    for k in range(first, min(end + 1, first + 13)):
        if toks[k].low in _COUNT_CLAUSE_VERBS and toks[k].text.islower():
            return k - 1
    return end if end - first < 12 else -1


_BY_MANNER = frozenset("name names phone telephone hand satellite".split())


COUNT_KEEPER = "attribution:cut:count-keeper"
ISSUER = "attribution:cut:issued-by"

# participles of issuing a document or keeping a count (`posted by`, `issued by`)
_ISSUING = _KEPT | frozenset("posted issued submitted sent signed filed".split())
# what a body issues in its own name, besides counts: its agent is the source
_DOCUMENTS = _KEPT_COUNTS | frozenset(
    """statement readout report message communique communiqué bulletin letter video post
    release document filing submission study survey analysis assessment update briefing
    figures""".split()
)


# what a keeper drew its count from is no part of its name (`compiled by X from local media
# reports`)
_SOURCED_FROM = frozenset("from using based".split())


def count_keeper(toks: list[Token], span: tuple[int, int]) -> tuple[int, int, str] | None:
    """`Data compiled by ACLED show …`, `A count by the Associated Press found …`, `A statement
    in Pashto posted by the Taliban's spokesman claimed …`, `The Chinese-language statement,
    issued by the Eastern Theater Command, said …`: a speaker phrase that is a count or a
    document (its noun, perhaps a short phrase after it, a participle of issuing) and then
    `by` its keeper names the keeper as the source. The agent's span (up to a `to` before an
    article, `submitted by X to the UN`, or a `from` of what it drew on) and the rule
    (`COUNT_KEEPER` for a count, `ISSUER` for a document), or None when it is no such thing."""
    s, e = span
    for k in range(s + 1, min(e, s + 13)):
        if toks[k].low != "by":
            continue
        part = k - 1
        if toks[part].low in _KEPT_COUNTS and part - s <= 4:
            head = part  # `A count by X`: no participle
        elif toks[part].low in _ISSUING and toks[part].text.islower():
            head = next((i for i in range(s, part) if toks[i].low in _DOCUMENTS), -1)
        else:
            return None
        if head < 0 or any(not (t.text[0].isalpha() or t.text in ",-") for t in toks[s:head]):
            return None
        end = e
        for j in range(k + 2, e + 1):
            if toks[j].text == "," or (
                j + 1 <= e
                and (
                    (toks[j].low == "to" and toks[j + 1].low in ("the", "a", "an"))
                    or (toks[j].low in _SOURCED_FROM and toks[j + 1].text[0].islower())
                )
            ):
                end = j - 1
                break
        rule = COUNT_KEEPER if toks[head].low in _KEPT_COUNTS else ISSUER
        return (k + 1, end, rule) if k + 1 <= end else None
    return None


def issuer_before(toks: list[Token], v: int) -> tuple[int, int, str] | None:
    """`The report, published by Amnesty International, found …`: the verb's subject opens
    the sentence and is a document with an aside of its issuing; the phrase before the verb
    read as a whole (`count_keeper`), when the speaker finders refused it for the participle
    that looks like a verb of its own."""
    if v < 5 or toks[v - 1].text != ",":
        return None
    if any(t.text in (";", ":", "(", ")") or t.text[0].isdigit() for t in toks[:v]):
        return None
    return count_keeper(toks, (0, v - 2))


DOCUMENT_OWNER = "attribution:cut:document-owner"
# what a person or body answers or testifies in its own name (`the minister's written answer`);
# not its counts or statements, whose phrase stays the source as written (`the government's
# last count`, `The ministry's statement [the Nigerien interior ministry]`)
_OWNED_DOCUMENTS = frozenset(
    """answer answers reply replies response testimony evidence remarks letter speech
    submission filing""".split()
)


def document_owner(toks: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """`The minister's written answer to Parliament gives …`: a speaker phrase that is a
    document its possessor issued (the owner, `'s`, up to two modifiers, the document's noun
    and what follows it) names the owner as the source; the owner's span, or None."""
    s, e = span
    for p in range(s + 1, min(e, s + 6)):
        if toks[p].low not in ("'s", "’s"):
            continue
        for k in range(p + 1, min(e + 1, p + 4)):
            if toks[k].low in _OWNED_DOCUMENTS:
                return s, p - 1
            if not toks[k].text.isalpha() or not toks[k].text.islower():
                return None
        return None
    return None


REDUCED_ASIDE = "attribution:cut:reduced-aside"
# participles of being reached by a reporter: `Witnesses interviewed by the UN panel`
_REACHED = frozenset("interviewed quoted cited contacted reached questioned asked".split())


def reduced_aside(toks: list[Token], span: tuple[int, int]) -> tuple[int, int] | None:
    """`Witnesses interviewed by the UN panel of experts described …`: a participle of being
    reached (`interviewed`, `quoted`) and its `by` agent right after the speaker's noun,
    with no comma, are a reduced relative clause about who spoke, not part of their name;
    the span before the participle, or None."""
    s, e = span
    for k in range(s + 1, min(e, s + 6)):
        if toks[k].low in _REACHED and toks[k + 1].low == "by" and toks[k].text.islower():
            return (s, k - 1) if toks[k - 1].text[0].isalpha() else None
    return None
