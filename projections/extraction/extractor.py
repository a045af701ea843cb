"""The rule-based figure-claim extractor: a pure, deterministic function of a passage's text.

Passage -> paragraphs -> sentences -> tokens -> number mentions, then a pipeline of stages per
sentence (`_sentence_claims`): number (drop non-claims: dates, ages, money...), qualifier,
category, actor, attribution, hedge, location, earlier, period, equipment kind. Each stage
returns its value and the names of the rules that fired; the claim keeps them all, and
`explain` prints them.

Context crosses sentences only within a paragraph (`paragraph.py`): a figure counting `the
troops` with no actor of its own takes the actor last named with the same kind of troops, a
figure that only compares takes the kind of the last counted noun, and a `he said` stands for
the last speaker named.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from operator import attrgetter, itemgetter

from projections.extraction.articles import may_count
from projections.extraction.attribution.named_after import RULE as NAMED_AFTER
from projections.extraction.attribution.named_after import source_named_after
from projections.extraction.categories import Reading
from projections.extraction.claim import FigureClaim
from projections.extraction.claimants import claimant_name
from projections.extraction.context import claim_context, sentence_context
from projections.extraction.nonclaims import reason
from projections.extraction.numbers import Num, find_numbers, may_hold_number
from projections.extraction.paragraph import MAX_SENTENCE_TOKENS, Paragraph, token_chunks
from projections.extraction.posts import (
    COLON_LEAD,
    DASH_TAIL,
    DOCUMENT_HEADER,
    HEADLINE_TAIL,
    LABEL_LINE_VALUE,
    LEAD_RE,
    TITLE_CASE,
    colon_lead,
    dash_tail_source,
    document_header,
    headline_source,
    label_line,
    lead_cut,
    list_item,
    post_source,
    sentence_cased,
    title_case,
)
from projections.extraction.qualifiers import qualify
from projections.extraction.sentences import paragraphs, sentences
from projections.extraction.speakers import SpeakerMemory
from projections.extraction.stages.actor import FOOTER_SIDE, actor_of, losses_side
from projections.extraction.stages.attribution import attribution_of, remember_speaker
from projections.extraction.stages.category import category_of
from projections.extraction.stages.earlier import earlier_of
from projections.extraction.stages.hedge import hedged_of
from projections.extraction.stages.kind import kind_of
from projections.extraction.stages.location import location_of
from projections.extraction.stages.time import period_of
from projections.extraction.tokens import Token, tokenize

EXTRACTOR_VERSION = "1.15.1"

MAX_FIGURE_DENSITY = 0.15  # a chunk with more figures per token is a table, not prose
_DIGITS = frozenset("0123456789")
_IS_DIGIT = _DIGITS.__contains__
_FIRST = itemgetter(0)
lead_match = LEAD_RE.match  # a wire slug or a time stamp (`posts.lead_cut`)
_START_END = attrgetter("start", "end")  # a C-level key: no call into Python per claim


def extract(text: str, published: date | str | None = None) -> list[FigureClaim]:
    """Return the figure claims of `text`, in order of their start offset.

    `published` is accepted for interface stability; the rules do not need it.
    """
    claims: list[FigureClaim] = []
    speakers = SpeakerMemory(text)
    lead_end = -1  # where the passage's first sentence ends
    head = (0, 0)  # the line the paragraph opened with
    listed = 0
    para: Paragraph | None = None
    for ps, pe in paragraphs(text):
        if para is None or not list_item(text, ps):
            if para is not None and para.heading and listed < len(claims):
                _footer_side(text[ps:pe], claims, listed)
            para = Paragraph(text, speakers, para)
            head = (ps, pe)
            listed = len(claims)  # the claims of this paragraph (and its list) start here
        elif not para.heading:
            para.heading = text[head[0] : head[1]]  # the line the list hangs from
        unsourced = len(claims)  # the previous sentence's claims start here
        spans = sentences(text, ps, pe)
        labelled = False
        if head[1] == ps - 1 and _bare_value(text, ps, pe, head):
            spans = [(head[0], pe)]  # `Russian missiles launched overnight:\n18`: one sentence
            labelled = text[head[1] - 1] != ":"
        for ss, se in spans:
            if unsourced < len(claims):
                source = source_named_after(text, ss, se)
                if source is not None:
                    _credit(claims, unsourced, *source)
            unsourced = len(claims)
            if lead_end < 0:
                lead_end = se
            cut = lead_cut(text, ss) if lead_match(text, ss) else None
            if cut is not None:
                ss = cut[0]
            if not may_hold_number(text, ss, se):
                para.add_sentence(ss, se)  # no figure here; read only if a later one asks
                continue
            all_toks = tokenize(text, ss, se)
            second = text.find(" ", ss, se) + 1  # prose: a lower-case second word
            titled = second > 0 and text[second].isupper() and title_case(text[ss:se])
            if titled:
                all_toks = sentence_cased(all_toks)
            for toks, texts in token_chunks(all_toks):
                if len(all_toks) > MAX_SENTENCE_TOKENS:
                    ss, se = toks[0].start, toks[-1].end
                most = max(16, MAX_FIGURE_DENSITY * len(toks))
                # digit tokens counted by C-level maps: cheaper than a generator per token
                if len(toks) <= most or sum(map(_IS_DIGIT, map(_FIRST, texts))) <= most:
                    nums = find_numbers(toks)
                    if nums and len(nums) <= most:
                        claims.extend(_sentence_claims(text, ss, se, toks, texts, nums, para))
                para.add_chunk(toks, texts)
            if labelled and unsourced < len(claims):
                _note(claims, unsourced, LABEL_LINE_VALUE)
            if unsourced < len(claims) and (cut is not None or titled):
                _note(claims, unsourced, cut[1] if cut is not None else TITLE_CASE)
                if cut is not None and titled:
                    _note(claims, unsourced, TITLE_CASE)
            if unsourced < len(claims):
                tail = dash_tail_source(text[ss:se]) if _dashed(text, ss, se) else None
                if tail is not None:
                    _credit(claims, unsourced, tail, DASH_TAIL)
                elif titled:
                    tail = headline_source(text[ss:se])
                    if tail is not None:
                        _credit(claims, unsourced, tail, HEADLINE_TAIL)
    if claims:
        _credit_post(text, claims, lead_end)
    claims.sort(key=_START_END)
    return claims


def _bare_value(text: str, ps: int, pe: int, head: tuple[int, int]) -> bool:
    """A line that is only a number, right under a heading that ends in a colon and holds no
    number of its own: the heading's words count it, as if the value followed the colon."""
    if _BARE_VALUE_RE.fullmatch(text, ps, pe) is None:
        return False
    if text[head[1] - 1] != ":":
        return label_line(text, head[0], head[1])  # `Killed\n41`: a label with no colon
    if not may_hold_number(text, head[0], head[1]):
        return True
    # a heading whose only numbers are years (`Sudanese who have crossed into South Sudan
    # since April 2023:`) still holds no figure of its own
    heading = _YEAR_RE.sub("", text[head[0] : head[1]])
    return not may_hold_number(heading, 0, len(heading))


_BARE_VALUE_RE = re.compile(r"\d[\d,.]*\s*")
_YEAR_RE = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.])")


def _footer_side(line: str, claims: list[FigureClaim], first: int) -> None:
    """`All figures are confirmed Russian losses.` on the line after a list whose heading
    named no side: the side whose losses the footer names owns the list's figures that name
    none (the heading's side is read by `stages.actor.heading_side`)."""
    if "loss" not in line:
        return
    side = losses_side(line)
    if side is None:
        return
    for i in range(first, len(claims)):
        c = claims[i]
        if c.actor is None and c.category not in ("other", "displaced"):
            claims[i] = replace(c, actor=side, rules=(*c.rules, FOOTER_SIDE))


def _note_credited(claims: list[FigureClaim], first: int, source: str, rule: str) -> None:
    """Name the rule that read a credited source (`_credit`) in the claims it was credited to."""
    for i in range(first, len(claims)):
        c = claims[i]
        if c.attribution == source and COLON_LEAD in c.rules:
            claims[i] = replace(c, rules=(*c.rules, rule))


def _credit(claims: list[FigureClaim], first: int, source: str, rule: str = NAMED_AFTER) -> None:
    """`The figure came from X` after a sentence of figures: X asserts those of them that no
    one in their own sentence asserts (`attribution.named_after`; `posts` for a post's
    header, signature or closing dash)."""
    for i in range(first, len(claims)):
        c = claims[i]
        if c.attribution is None and c.category != "other":
            claims[i] = replace(
                c, attribution=source, claimant=claimant_name(source), rules=(*c.rules, rule)
            )


def _dashed(text: str, ss: int, se: int) -> bool:
    """A dash near the sentence's end, where `posts.dash_tail_source` looks (C-level finds)."""
    near = max(ss, se - _DASH_REACH)
    return (
        text.find("—", near, se) >= 0
        or text.find("–", near, se) >= 0
        or (text.find(" - ", near, se) >= 0)
    )


_DASH_REACH = 72  # a tail's name is at most 60 characters


def _note(claims: list[FigureClaim], first: int, rule: str) -> None:
    """Add a rule that shaped the whole sentence (`posts.lead_cut`, `posts.title_case`) to
    its claims, so that `--explain` names it."""
    for i in range(first, len(claims)):
        claims[i] = replace(claims[i], rules=(*claims[i].rules, rule))


def _credit_post(text: str, claims: list[FigureClaim], lead_end: int) -> None:
    """A post's own voice for the figures that no sentence of theirs attributes: the source of
    a colon that opens the passage (`SOHR: …`) speaks for the sentences after it too, a
    header or a signature (`posts.post_source`) for every sentence, and so does the issuer
    a document's title names (`posts.document_header`: `UNHCR Chad emergency update`)."""
    if claims[-1].start >= lead_end:  # some claim after the first sentence
        lead = colon_lead(text)
        if lead is not None:
            later = next(i for i, c in enumerate(claims) if c.start >= lead_end)
            name, _, issuer_rule = lead.partition("\0")
            _credit(claims, later, name, COLON_LEAD)
            if issuer_rule:
                _note_credited(claims, later, name, issuer_rule)
    named = post_source(text)
    if named is not None:
        _credit(claims, 0, *named)
    header = document_header(text)
    if header is not None:
        _credit(claims, 0, header, DOCUMENT_HEADER)


def _sentence_claims(
    text: str,
    ss: int,
    se: int,
    toks: list[Token],
    texts: list[str],
    nums: list[Num],
    para: Paragraph,
) -> list[FigureClaim]:
    """The claims of one sentence (or chunk): the stages in order over each figure.

    Number and qualifier run over the whole sentence first, since a figure's phrase ends where
    the next figure's span begins; the others run figure by figure, in order, so that each may
    read the previous figure's claim.
    """
    figures = [
        (num, qualify(toks, num))
        for num in nums
        if reason(toks, num) is None and (not num.head or may_count(toks, num.i, num.head))
    ]
    if not figures:
        return []
    sent = sentence_context(text, ss, se, toks, texts, para, figures)
    out: list[FigureClaim] = []
    prev: FigureClaim | None = None  # the last claim that counts people or things
    prev_reading: Reading | None = None
    last = len(figures) - 1
    for idx, (num, q) in enumerate(figures):
        prev_end = figures[idx - 1][1].j if idx else -1
        next_start = figures[idx + 1][1].i if idx < last else len(toks)
        ctx = claim_context(sent, num, q, prev_end, next_start, prev, prev_reading)
        category, category_rules = category_of(ctx)
        if category is None:
            continue
        ctx.category = category
        actor, actor_rules = actor_of(ctx)
        attribution, claimant, attribution_rules = attribution_of(ctx)
        hedged, hedge_rules = hedged_of(ctx)
        location, location_rules = location_of(ctx)
        earlier, earlier_rules = earlier_of(ctx)
        period, period_rules = period_of(ctx)
        kind, kind_rules = kind_of(ctx)
        start, end = toks[q.i].start, toks[q.j].end
        if num.head:  # `a civilian`, `A 14-year-old girl`: the article and its phrase
            end = max(end, toks[ctx.reading.np_end].end) if num.low == 1 else end
        # positional, in the order of FigureClaim's fields: a third cheaper than keywords
        claim = FigureClaim(
            text[start:end],  # text
            start,
            end,
            q.low,
            q.high,
            q.qualifier,  # type: ignore[arg-type]
            category,  # type: ignore[arg-type]
            ctx.subject_text(),  # subject
            actor,
            location,
            attribution,
            hedged,
            sent.sentence,
            ss,  # sentence_start
            num.vague,
            (
                *num.rules,
                *q.rules,
                *category_rules,
                *actor_rules,
                *attribution_rules,
                *hedge_rules,
                *location_rules,
                *earlier_rules,
                *period_rules,
                *kind_rules,
            ),
            claimant,
            earlier,
            period,  # type: ignore[arg-type]
            kind,
        )
        out.append(claim)
        if category != "other":
            prev, prev_reading = claim, ctx.reading
    if sent.speakers:
        remember_speaker(sent)
    para.note_figures(out)
    return out
