"""Which speaker governs a figure: the nearest one whose clause reaches it.

A reporting verb before the figure, else one after it, else `according to` (its whole
sentence), else a weak evidential (`Reports suggest`). Contrasting clauses (`, while …`)
stop a speaker's reach, and the marks `tag_reach` set decide the rest.
"""

from __future__ import annotations

from dataclasses import replace

from projections.extraction.attribution.speaker import Speaker
from projections.extraction.tokens import Token

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})


def contrasts(lows: list[str]) -> list[int]:
    """Tokens that open a contrasting clause (`, while Armenia's …`, `, though some
    historians believe …`): a speaker after one does not reach back across it."""
    if _CONTRAST.isdisjoint(lows):
        return []
    return [i for i, w in enumerate(lows) if w in _CONTRAST and i > 0 and lows[i - 1] == ","]


def semicolons(lows: list[str]) -> list[int]:
    """The semicolons of a sentence: a speaker that opens the clause after one (`…6 missiles
    overnight; it said 71 …`) speaks for that clause and does not reach back across it; a tag
    that closes the sentence does (`…31 bodies …; another 14 are missing, the civil defence
    said`), and a speaker before one goes on reporting after it (`…, officials say; 5,000 of
    them are still in camps`)."""
    if ";" not in lows:
        return []
    return [i for i, w in enumerate(lows) if w == ";"]


_CONTRAST = frozenset("while whereas though although".split())


def choose(
    speakers: list[Speaker],
    first: int,
    last: int,
    breaks: list[int] | None = None,
    lost: list[tuple[str, Speaker]] | None = None,
    stops: list[int] | None = None,
    part: bool = False,
) -> Speaker | None:
    """The speaker governing the figure at tokens `first..last`. `breaks`: the sentence's
    `contrasts`, which no speaker reaches across; `stops`: its `semicolons`, which no speaker
    that opens the clause after one reaches back across, and no speaker before one reaches
    past, unless the figure is a part of what it reported (`part`: `…; 5,000 of them …`).
    `lost`, when given, gets every other speaker of the sentence with the reason it does not
    govern the figure (for `--explain`)."""
    if lost is None:
        return _choose(speakers, first, last, breaks, None, stops, part)
    skipped: list[tuple[str, Speaker]] = []
    chosen = _choose(speakers, first, last, breaks, skipped, stops, part)
    out_of_reach = {id(sp) for _, sp in skipped}
    lost.extend(skipped)
    for sp in speakers:
        if chosen is not None and sp.start == chosen.start and sp.verb == chosen.verb:
            continue  # the speaker chosen (or its copy that names a rule of choice)
        if id(sp) not in out_of_reach:
            lost.append(("outranked", sp))  # in reach, but a nearer or stronger one governs
    return chosen


def _choose(
    speakers: list[Speaker],
    first: int,
    last: int,
    breaks: list[int] | None,
    skipped: list[tuple[str, Speaker]] | None,
    stops: list[int] | None = None,
    part: bool = False,
) -> Speaker | None:
    before = after = according = weak_before = weak_after = None
    for sp in speakers:
        if sp.start <= first <= sp.end or sp.start <= last <= sp.end:
            _skip(skipped, "figure-in-phrase", sp)
            continue  # the figure is inside the speaker's own phrase
        if stops and not sp.tag and sp.start > last and any(last < b < sp.start for b in stops):
            _skip(skipped, "across-semicolon", sp)
            continue  # `…6 missiles overnight; it said 71 …`: its own clause only
        if (
            stops
            and not part
            and sp.kind != "according-to"
            and not (sp.kind == "colon" and sp.start <= 1)  # a lead's colon: all that follows
            and sp.verb < first
            and any(sp.verb < b < first for b in stops)
        ):
            _skip(skipped, "across-semicolon", sp)
            continue  # `X said they had killed nine militants; two soldiers were also killed`
        if breaks and not sp.final and _across(breaks, sp, first, last):
            _skip(skipped, "across-contrast", sp)
            continue
        if sp.verb < first and 0 <= sp.closes_at < first:
            _skip(skipped, "reach-cut", sp)
            continue  # `…, the agency said, and 4 militants…`: the reporter's own clause
        if sp.front and sp.start > last:
            _skip(skipped, "speaks-for-what-follows", sp)
            continue  # `…detained 40 …, and the society said 12 of them…`
        if sp.opens > last:
            _skip(skipped, "before-partitive", sp)
            continue  # `59 hostages, at least 35 of whom Israel believes …`: the part's only
        if sp.rel > last and sp.rel - last <= 4 and sp.kind == "speech":
            return sp  # "the several thousand that Moscow reported": its own relative clause
        if sp.kind in ("given-by", "came-from"):
            if 0 < sp.verb - last <= 5:
                return sp  # "about 130, the figure given by the government": its own source
            if sp.final and sp.verb > last and before is None and according is None:
                return sp  # `…in Goma, the figure given by their spokesman.`: the clause's
            _skip(skipped, "given-by-far", sp)
            continue
        if sp.kind == "according-to":
            according = according or sp
        elif sp.kind in ("colon", "official"):
            if sp.verb < first:
                before = sp
            else:
                _skip(skipped, "after-figure", sp)  # a colon or a count's owner speaks ahead
        elif sp.kind == "speech":
            if sp.verb < first and sp.ours and _labels_line(before):
                before = _noted(before, LABEL_SPEAKS)  # `SPOKESPERSON: Our teams counted 58`
            elif sp.verb < first:
                before = sp
            elif after is None and sp.start > last:
                after = sp
        else:
            if sp.verb < first:
                weak_before = sp
            elif weak_after is None and sp.start > last:
                weak_after = sp
    if before is not None and after is not None:
        if before.word in BELIEF_VERBS and after.tag and after.final and not after.own:
            return _noted(after, TAG_OVER_BELIEF)  # `Israel believes …, an official said.`
        if before.start == before.end and before_is_first_person(before, speakers):
            return after  # a quote: "We counted 240 bodies," an investigator said
        if before.action and after.tag:
            return after  # `The Kremlin has ordered …, state media reported.`
        if before.kind == "colon" and after.final:
            return after  # `KYIV: Russia launched 122 drones …, Ukraine's air force said.`
    return before or after or according or weak_before or weak_after


# verbs of a belief or an estimate held, not stated: a tag after what they hold reports it
# (CONVENTIONS.md: a reporting clause after the figure attributes it), unless the tag is the
# believer's own voice (`The government estimates …, its spokeswoman said`: `after.own`)
BELIEF_VERBS = frozenset(
    """believe believes believed think thinks estimate estimates assess assesses suspect
    suspects fear fears""".split()
)
TAG_OVER_BELIEF = "attribution:tag-over-belief"


# a line's colon label (`SPOKESPERSON:`, `A:`) speaks for the `we` or `our teams` after it
LABEL_SPEAKS = "attribution:label-speaks-for-we"


def _labels_line(sp: Speaker | None) -> bool:
    """A colon that opens the sentence (a transcript's label, a post's lead)."""
    return sp is not None and sp.kind == "colon" and sp.start <= 1


def _noted(sp: Speaker, rule: str) -> Speaker:
    """A copy of the speaker that names the rule that chose it (`--explain`)."""
    return replace(sp, notes=(*sp.notes, rule))


def _skip(skipped: list[tuple[str, Speaker]] | None, reason: str, sp: Speaker) -> None:
    if skipped is not None:
        skipped.append((reason, sp))


def _across(breaks: list[int], sp: Speaker, first: int, last: int) -> bool:
    """A contrast stands between the figure and its speaker: a speaker after the figure
    speaks for the contrasting clause only (`…620,000 troops…, though some historians
    believe…`), and a clause after the speech tag with its own subject and verb is the
    reporter's (`the agency said, while dozens more remained trapped`; CONVENTIONS.md, v113).
    `according to` covers its whole sentence and is not asked."""
    if sp.kind == "according-to":
        return False
    if sp.start < first:
        return any(sp.verb < b < first for b in breaks)
    return any(last < b < sp.start for b in breaks)


def before_is_first_person(sp: Speaker, speakers: list[Speaker]) -> bool:
    """True when the speaker phrase is `we` or `I` (set by `find_speakers`)."""
    return sp.kind == "speech" and sp.first_person


def is_pronoun(toks: list[Token], sp: Speaker) -> bool:
    """A speaker that is only `he`, `she`, `they`...: to be resolved from earlier sentences."""
    return sp.start == sp.end and toks[sp.start].low in _PRONOUNS
