"""Issue 12, round 23: `martyred`, people carried out of a war zone, pupils and teachers as people,
patients treated for wounds, a participle before a modified noun of weapons, a quote that
closes a figure, `Zionist`, `retained` and `puts` as verbs of owning, a hedge that doubts a
fraction only, and a place inside a possessive name.
Sentences written for these tests in news style (not taken from the gold files); each row
asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

import pytest

from tests.extraction.claim_helpers import claim, only


def test_martyred_is_killed() -> None:
    c = only("The ministry said 23 servicemen of the Azerbaijani Army were martyred.")
    assert (c.category, c.low) == ("killed", 23)
    assert "category:verb:martyred" in c.rules


def test_people_flown_out_were_evacuated() -> None:
    c = claim(
        "About 900 foreign nationals were flown out of Djibouti, officials said.", "About 900"
    )
    assert (c.category, c.subject, c.location) == ("displaced", "foreign nationals", "Djibouti")
    assert "category:verb:flown out" in c.rules


@pytest.mark.parametrize(
    ("text", "figure", "category", "rule"),
    [
        (
            "Bandits who raided the college are still holding 118 students, police said.",
            "118",
            "captured",
            "category:noun:students",
        ),
        (
            "The camp is holding 40,000 people who fled the fighting, the agency said.",
            "40,000",
            "displaced",
            None,
        ),
    ],
)
def test_pupils_and_students_are_people_a_captor_holds(
    text: str, figure: str, category: str, rule: str | None
) -> None:
    c = claim(text, figure)
    assert c.category == category
    if rule:
        assert rule in c.rules


def test_patients_treated_for_wounds_were_wounded() -> None:
    c = claim(
        "Doctors there treated more than 250 patients for blast and shrapnel wounds.",
        "more than 250",
    )
    assert (c.category, c.subject) == ("wounded", "patients")
    assert "category:treated-for-wounds" in c.rules


def test_patients_treated_for_a_disease_are_not_wounded() -> None:
    c = claim("Clinics treated more than 250 patients for cholera last week.", "more than 250")
    assert c.category != "wounded"


def test_captured_before_a_modified_weapon_noun_is_its_modifier() -> None:
    c = claim("The militia showed 9 captured army armoured vehicles to reporters in Goma.", "9")
    assert (c.category, c.subject) == ("equipment", "captured army armoured vehicles")


def test_a_closing_quote_does_not_end_the_counted_phrase() -> None:
    c = only("The navy says 'about 20' drones approached from Yemen overnight.")
    assert (c.category, c.subject, c.location) == ("equipment", "drones", "Yemen")


def test_zionist_names_israel() -> None:
    c = only("The group said it destroyed 4 Zionist tanks near Khan Younis.")
    assert (c.category, c.actor) == ("equipment", "Israel")


@pytest.mark.parametrize(
    ("text", "figure", "actor"),
    [
        ("Analysts think Hezbollah retained 30,000 rockets after the war.", "30,000", "Hezbollah"),
        ("Georgia puts 5,000 reservists on alert after the clashes.", "5,000", "Georgia"),
    ],
)
def test_retained_and_puts_are_verbs_of_owning(text: str, figure: str, actor: str) -> None:
    assert claim(text, figure).actor == actor


def test_a_hedge_before_a_fraction_doubts_the_fraction_only() -> None:
    c = claim(
        "Iran has trained 40,000 volunteers, of whom perhaps a third have deployed.", "40,000"
    )
    assert (c.category, c.hedged) == ("troops", False)


def test_a_place_inside_a_possessive_name_is_kept() -> None:
    c = claim("Gunmen held 12 traders in Bunia's central market on Monday.", "12")
    assert c.location == "Bunia's central market"
