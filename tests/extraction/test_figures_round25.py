"""Issue 12, round 25: incident summaries in the register of conflict-event coders (`N
fatalities.` on its own, injuries and arrests beside deaths): `the bodies of N` before a
participle, `claimed the lives of N`, injuries the subject suffered or was treated for, custody
handed over. Sentences written for these tests in news style (not taken from the gold files);
each row asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

import pytest

from tests.extraction.claim_helpers import claim, claims


def _row(c) -> tuple:  # type: ignore[no-untyped-def]
    return (c.text, c.low, c.high, c.qualifier, c.category, c.subject, c.actor, c.attribution)


def test_bodies_of_a_figure_are_dead_whatever_befell_them_before() -> None:
    c = claim("Fishermen found the bodies of 9 traders kidnapped near Tillia last week.", "9")
    assert _row(c) == ("9", 9, 9, "exact", "killed", "traders", None, None)
    assert "category:verb-before:bodies of" in c.rules


@pytest.mark.parametrize(
    ("text", "figure", "rule"),
    [
        (
            "The landslide of shells on the market claimed the lives of 11 traders.",
            "11",
            "category:verb-before:claimed the lives of",
        ),
        (
            "The ambush cost the lives of 4 rangers, the park authority said.",
            "4",
            "category:verb-before:cost the lives of",
        ),
    ],
)
def test_the_lives_a_verb_of_taking_takes_are_deaths(text: str, figure: str, rule: str) -> None:
    c = claim(text, figure)
    assert (c.low, c.category) == (float(figure), "killed")
    assert rule in c.rules


def test_a_subject_that_suffered_injuries_is_wounded_not_the_verb_before() -> None:
    text = "Troops arrested 22 youths in Kasserine and 3 gendarmes sustained light injuries."
    got = [(c.text, c.category, c.subject) for c in claims(text)]
    assert got == [("22", "captured", "youths"), ("3", "wounded", "gendarmes")]
    assert "category:verb:sustained injuries" in claim(text, "3").rules


def test_a_bare_figure_treated_for_injuries_is_wounded() -> None:
    c = claim("Nine were detained and 5 were treated for gunshot wounds in Gulu.", "5")
    assert (c.category, c.subject) == ("wounded", None)
    assert "category:verb:treated for injuries" in c.rules


def test_handed_over_to_police_is_custody() -> None:
    c = claim("Villagers handed 3 suspected cattle raiders over to the police in Isiolo.", "3")
    assert (c.low, c.category) == (3, "captured")
    assert "category:verb-before:handed over to custody" in c.rules


def test_coded_fatalities_on_their_own_sentence() -> None:
    text = "On 2 May 2024, gunmen attacked herders near Bokkos, killing 6. 6 fatalities."
    got = [(c.text, c.category) for c in claims(text)]
    assert got == [("6", "killed"), ("6", "killed")]


def test_arrests_and_injuries_only_give_no_killed_claim() -> None:
    text = (
        "On 9 July 2024, police arrested 17 miners at a protest in Potosí; 2 officers were "
        "injured. No fatalities."
    )
    assert [(c.text, c.category) for c in claims(text)] == [("17", "captured"), ("2", "wounded")]
