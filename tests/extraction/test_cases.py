"""The gold table `cases.jsonl`: news-style passages written for these tests (devset format).

One pytest parameter per gold claim (qualifier, bounds, category, actor, attribution, hedged,
exact span) and one per known non-claim. Attribution, subject and location compare the way
the scorer does: equal after normalisation, or one containing the other word-wise.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from projections.extraction import SCORED_CATEGORIES, extract

CASES = Path(__file__).with_name("cases.jsonl")
SCORED = set(SCORED_CATEGORIES)
PASSAGES = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line]


def _norm(s: str | None) -> str | None:
    if s is None:
        return None
    words = re.findall(r"[\w']+", s.lower())
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) or None


def _loose(gold: str | None, got: str | None) -> bool:
    g, p = _norm(gold), _norm(got)
    if g is None or p is None:
        return g == p
    return g == p or f" {g} " in f" {p} " or f" {p} " in f" {g} "


def _span(text: str, needle: str, start: int) -> tuple[int, int]:
    m = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)").search(text, start)
    assert m, f"{needle!r} not in passage"
    return m.start(), m.end()


def _claim_params() -> list:
    params = []
    for p in PASSAGES:
        cursor: dict[str, int] = {}
        for n, g in enumerate(p["claims"]):
            span = _span(p["text"], g["text"], cursor.get(g["text"], 0))
            cursor[g["text"]] = span[1]
            params.append(pytest.param(p, g, span, id=f"{p['group']}-{p['id']}-{n}"))
    return params


def _nonclaim_params() -> list:
    return [
        pytest.param(p, nc, id=f"{p['group']}-{p['id']}-{nc}")
        for p in PASSAGES
        for nc in p["non_claims"]
    ]


def test_the_table_is_big_enough() -> None:
    claims = [g for p in PASSAGES for g in p["claims"]]
    assert len(claims) >= 200
    assert {g["category"] for g in claims} == SCORED
    assert {g["qualifier"] for g in claims} == {"exact", "approx", "upper", "lower", "range"}
    assert sum(len(p["non_claims"]) for p in PASSAGES) >= 60


@pytest.mark.parametrize(("passage", "gold", "span"), _claim_params())
def test_gold_claim(passage: dict, gold: dict, span: tuple[int, int]) -> None:
    claims = [c for c in extract(passage["text"], passage["published"]) if c.category != "other"]
    hits = [c for c in claims if min(c.end, span[1]) > max(c.start, span[0])]
    assert hits, f"missed {gold['text']!r}"
    c = hits[0]
    assert (c.start, c.end) == span
    assert passage["text"][c.start : c.end] == gold["text"]
    assert c.qualifier == gold["qualifier"]
    assert c.category == gold["category"]
    vague = gold["qualifier"] == "approx" and gold["low"] != gold["high"]
    assert c.vague == vague
    if not vague:
        assert c.low == gold["low"]
        assert c.high == gold["high"]
    assert _norm(c.actor) == _norm(gold["actor"])
    assert _loose(gold["attribution"], c.attribution)
    assert c.hedged == gold["hedged"]
    if gold["subject"] is not None:
        assert _loose(gold["subject"], c.subject)
    if gold["location"] is not None:
        assert _loose(gold["location"], c.location)


@pytest.mark.parametrize(("passage", "non_claim"), _nonclaim_params())
def test_known_non_claim_is_not_taken(passage: dict, non_claim: str) -> None:
    text = passage["text"]
    s, e = _span(text, non_claim, 0)
    scored = [c for c in extract(text) if c.category != "other"]
    assert not [c for c in scored if min(c.end, e) > max(c.start, s)]
