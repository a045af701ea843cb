"""Incident summaries, round 1: one person counted by `a`/`an`, a few by `several` (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from projections.extraction.articles import _STEMS, DEATH_WOUND_VERBS, may_hold_article
from projections.extraction.extractor import extract
from tests.extraction.gold_validator import validation_errors

GOLD = Path(__file__).parent / "gold"

TOUCHED = """incidents_r1 figures_r1 figures_r7 figures_r8 figures_r9 figures_r11 figures_r12
figures_r13 figures_r17 figures_r18 figures_r22 figures_r25 figures_r26 figures_r26b
figures_r26c figures_r26d figures_r15 figures_r19""".split()

CASES = [
    # text, claim text, low, high, category, first rule of the claim
    ("On 11 January, a civilian was killed by gunmen near Paoua.", "a civilian", 1, 1, "killed"),
    ("On 3 March, gunmen shot dead a herder in Mandera county.", "a herder", 1, 1, "killed"),
    ("On 2 April, a policeman died of his wounds in Turbat.", "a policeman", 1, 1, "killed"),
    (
        "On 14 July, a 14-year-old girl was killed by a stray bullet.",
        "a 14-year-old girl",
        1,
        1,
        "killed",
    ),
    (
        "On 3 July, assailants shot and wounded a journalist in Guerrero.",
        "a journalist",
        1,
        1,
        "wounded",
    ),
    (
        "On 8 May, an elderly woman lost her life when a shell hit her house.",
        "an elderly woman",
        1,
        1,
        "killed",
    ),
    (
        "On 5 May, several soldiers were killed in an ambush near Nekemte.",
        "several",
        2,
        9,
        "killed",
    ),
    (
        "On 9 May, a member of the Imbonerakure was killed in Cibitoke.",
        "a member of the Imbonerakure",
        1,
        1,
        "killed",
    ),
]


@pytest.mark.parametrize("text,claim,low,high,category", CASES)
def test_article_and_several_count_people(text, claim, low, high, category) -> None:
    got = [c for c in extract(text) if c.text == claim]
    assert len(got) == 1
    c = got[0]
    assert (c.low, c.high, c.category, c.actor) == (low, high, category, None)
    assert c.qualifier == ("approx" if claim == "several" else "exact")
    assert c.rules[0] == ("number:several" if claim == "several" else "number:article-one")


def test_a_list_gives_two_claims() -> None:
    text = "On 19 June, a soldier and two civilians were killed near Beledweyne."
    got = [(c.text, c.low, c.category, c.rules[0]) for c in extract(text)]
    assert got == [
        ("a soldier", 1, "killed", "number:article-one"),
        ("two", 2, "killed", "number:words"),
    ]


def test_object_listed_after_and() -> None:
    text = "On 25 May, a bomber struck a checkpoint in Kirkuk, killing a policeman and a civilian."
    got = [(c.text, c.category) for c in extract(text)]
    assert got == [("a policeman", "killed"), ("a civilian", "killed")]
    assert "category:article:object-listed" in extract(text)[1].rules


@pytest.mark.parametrize(
    "text",
    [
        "On 22 August, a soldier said that gunmen had set fire to a market in Bambari.",
        "On 6 August, an attack on a civilian vehicle near Djibo was repelled.",
        "On 27 October, a killed soldier's family staged a sit-in in Maiduguri.",
        "On 8 November, a number of residents were detained after a protest in Kunduz.",
        "On 16 November, drones struck a civilian area of Nyala; several houses were damaged.",
        "On 13 September, a trader was abducted by armed men in Shiroro.",
        "On 9 July, residents protested against cattle raids. No casualties were reported.",
    ],
)
def test_no_claim_elsewhere(text) -> None:
    assert extract(text) == []


def test_acled_shapes_still_hold() -> None:
    text = "On 3 May, 7 policemen were killed in Zamfara. 3 fatalities. One student was killed."
    got = [(c.text, c.low, c.category) for c in extract(text)]
    assert got == [("7", 7, "killed"), ("3", 3, "killed"), ("One", 1, "killed")]
    assert (
        extract("On 4 May, police arrested 23 miners. No fatalities were reported.")[0].category
        == "captured"
    )


def test_fast_path_sees_every_predicate_word() -> None:
    assert all(any(s in w for s in _STEMS) for w in DEATH_WOUND_VERBS)
    assert may_hold_article("a civilian was killed by gunmen")
    assert not may_hold_article("gunmen killed the village chief")
    assert not may_hold_article("a convoy came under fire")


def test_gold_files_have_no_error_but_the_article_ones() -> None:
    expected = (
        "unknown number word 'a' ",
        "unknown number word 'an' ",
        "unknown number word 'several' ",
    )
    for name in TOUCHED:
        errors = validation_errors(GOLD / f"{name}.jsonl")
        other = [e for e in errors if not any(x in e for x in expected)]
        assert other == [], (name, other)


@pytest.mark.parametrize(
    ("text", "second", "value"),
    [
        (
            "On 23 June, a drone strike on Tal Rifaat killed a mother and her three children.",
            "three",
            3,
        ),
        ("Gunmen killed 5 soldiers and their 2 drivers near Gao on Sunday.", "2", 2),
    ],
)
def test_a_second_object_behind_a_possessive_shares_the_verb(
    text: str, second: str, value: int
) -> None:
    """The article's claim before `and her` must not leave the figure after it uncounted."""
    claims = {c.text: c for c in extract(text)}
    c = claims[second]
    assert (c.low, c.high, c.category) == (value, value, "killed")
    assert "category:coordinated:killed" in c.rules
