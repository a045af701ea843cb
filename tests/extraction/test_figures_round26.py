"""Issue 12, round 26 (figures_r26, r26b, r26c): the classes earlier rounds left and those
the new files showed: `succumbed`, kin nouns after `lost`, `put the figure closer to N`, a
breakdown in apposition, a demonym alone after a figure, a bare `one` after a figure of
people, counts of clans, national armies by their abbreviations, a coder's size tag.
Sentences written for these tests in news style (not taken from the gold files); each row
asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

import pytest

from tests.extraction.claim_helpers import claim, claims


def _row(c) -> tuple:  # type: ignore[no-untyped-def]
    return (c.text, c.low, c.high, c.qualifier, c.category, c.subject, c.actor, c.attribution)


def test_succumbed_makes_the_wounded_killed() -> None:
    c = claim("Four of the injured succumbed to their wounds overnight, doctors said.", "Four")
    assert (c.low, c.category, c.attribution) == (4, "killed", "doctors")
    assert "category:verb:succumbed" in c.rules


@pytest.mark.parametrize(
    ("text", "figure", "noun"),
    [
        (
            "Halima Bello lost three daughters in the raid on Zurmi, her cousin said.",
            "three",
            "daughters",
        ),
        ("'We have lost 20 of our brothers this year,' a herders' leader said.", "20", "brothers"),
        (
            "The teacher lost his wife and two nieces in the shelling of Kramatorsk.",
            "two",
            "nieces",
        ),
    ],
)
def test_kin_a_person_lost_died(text: str, figure: str, noun: str) -> None:
    c = claim(text, figure)
    assert c.category == "killed"
    assert f"category:kin-lost:{noun}" in c.rules


def test_soldiers_lost_stay_casualties() -> None:
    c = claim("The army said it lost 14 soldiers near Kidal.", "14")
    assert c.category == "casualties"


def test_put_the_figure_closer_to_restates_the_counted_figure() -> None:
    text = (
        "Khartoum says 300 of its soldiers died in the siege. "
        "The RSF puts the figure closer to 1,500."
    )
    c = claim(text, "closer to 1,500")
    assert _row(c) == ("closer to 1,500", 1500, 1500, "approx", "killed", None, None, "The RSF")
    assert "category:far:figure-nearer" in c.rules


def test_put_the_number_nearer_takes_the_paragraphs_category() -> None:
    text = "Police said 6 people were hurt in the blast. Medics put the number nearer 20."
    c = claim(text, "nearer 20")
    assert (c.qualifier, c.category, c.attribution) == ("approx", "wounded", "Medics")


def test_a_breakdown_in_apposition_shares_category_and_actor() -> None:
    text = "Russia returned 75 Ukrainian prisoners, 60 soldiers and 15 civilians, on Monday."
    got = [(c.text, c.category, c.actor) for c in claims(text)]
    assert got == [
        ("75", "captured", "Ukraine"),
        ("60", "captured", "Ukraine"),
        ("15", "captured", "Ukraine"),
    ]
    assert "category:apposed-breakdown:captured" in claim(text, "15").rules
    assert "actor:apposed-part" in claim(text, "15").rules


def test_a_larger_figure_after_a_comma_is_no_breakdown() -> None:
    text = "The UN counted 40 refugees, 900 more than last week arrived in Renk."
    assert "category:apposed-breakdown:displaced" not in claim(text, "900").rules


def test_a_count_of_clans_is_no_claim() -> None:
    text = "Eleven people died in fighting between the three clans near Beledweyne."
    assert [(c.text, c.category) for c in claims(text)] == [("Eleven", "killed")]


def test_a_bare_one_after_a_figure_of_people_counts_one_of_them() -> None:
    text = "Four aid workers were kidnapped near Kutum; one was later released and one died."
    got = [(c.text, c.low, c.category) for c in claims(text)]
    assert ("one", 1, "killed") in got
    died = next(c for c in claims(text) if c.category == "killed")
    assert "category:one-of-the-figure-before" in died.rules


def test_a_bare_one_with_no_figure_before_stays_no_claim() -> None:
    assert claims("One said the convoy was late.") == []
    assert [c.text for c in claims("They fired 12 missiles; one was intercepted.")] == ["12"]


@pytest.mark.parametrize(
    ("text", "figure", "actor"),
    [
        ("The sides swapped 310 bodies, 250 Ukrainian and 60 Russian, on Sunday.", "60", "Russia"),
        (
            "Seoul said 900 troops were killed, 600 Russian and 300 North Korean.",
            "300",
            "North Korea",
        ),
    ],
)
def test_a_demonym_alone_after_a_figure_takes_the_noun_of_the_figure_before(
    text: str, figure: str, actor: str
) -> None:
    c = claim(text, figure)
    assert (c.category, c.actor) == ("killed", actor)
    assert "category:elliptic-demonym" in c.rules


@pytest.mark.parametrize(
    ("text", "figure", "actor"),
    [
        ("7 FARDC soldiers were killed near Rutshuru.", "7", "DR Congo"),
        ("Militants ambushed a patrol; 2 KDF soldiers were killed.", "2", "Kenya"),
        ("The clash left 9 ENDF troops dead.", "9", "Ethiopia"),
        ("ISSP fighters killed 5 FAMa soldiers near Menaka.", "5", "Mali"),
    ],
)
def test_national_armies_abbreviated_by_coders_stand_for_their_state(
    text: str, figure: str, actor: str
) -> None:
    c = claim(text, figure)
    assert (c.category, c.actor) == ("killed", actor)


def test_a_coders_size_tag_is_no_claim() -> None:
    text = "Students marched in Lusaka; 12 were arrested. [size=hundreds]"
    assert [(c.text, c.category) for c in claims(text)] == [("12", "captured")]


@pytest.mark.parametrize(
    ("text", "figure", "rule"),
    [
        (
            "The raid on the camp resulted in the death of 8 nomads.",
            "8",
            "category:verb-before:death of",
        ),
        (
            "Rights groups blamed the militia for the deaths of 26 villagers.",
            "26",
            "category:deaths-of",
        ),
        (
            "Divers recovered the bodies of 4 kidnapped fishermen off Lamu.",
            "4",
            "category:verb-before:bodies of",
        ),
    ],
)
def test_the_death_or_bodies_of_a_figure_are_killed(text: str, figure: str, rule: str) -> None:
    c = claim(text, figure)
    assert (c.low, c.category) == (float(figure), "killed")
    assert rule in c.rules


def test_a_capital_after_in_inside_the_killers_phrase_is_no_side() -> None:
    c = claim("A truck bomb in Mogadishu killed at least 9, police said.", "at least 9")
    assert (c.category, c.actor, c.attribution) == ("killed", None, "police")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The rebels executed 12 prisoners near Bambari, witnesses said.", "12"),
        ("Militants killed at least 4 hostages during the rescue attempt.", "at least 4"),
    ],
)
def test_captives_a_verb_of_killing_governs_are_killed(text: str, figure: str) -> None:
    c = claim(text, figure)
    assert c.category == "killed"
    assert any(r.startswith("category:captives-killed:") for r in c.rules)


def test_captives_taken_stay_captured() -> None:
    c = claim("The rebels killed 9 soldiers and took 14 prisoners near Bambari.", "14")
    assert c.category == "captured"


def test_fallen_soldiers_are_dead() -> None:
    c = claim("A wall in the square bears the names of 312 fallen soldiers.", "312")
    assert c.category == "killed"
    assert "category:modifier:fallen" in c.rules


def test_a_gapped_clause_keeps_its_subject_and_the_figure() -> None:
    text = "In the 1999 war, Serbia lost 170 tanks and NATO 2."
    c = claim(text, "2")
    assert (c.category, c.actor) == ("equipment", "NATO")
    assert "category:gapped-subject" in c.rules


def test_claimed_the_lives_is_no_speech() -> None:
    c = claim("The flood of refugees into the camp claimed the lives of 30 children.", "30")
    assert (c.category, c.attribution) == ("killed", None)
