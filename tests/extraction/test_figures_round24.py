"""Issue 12, round 24: vessels that are the object of a verb of attack, weapons before the
target of a verb of firing, `ones` after a figure, a bare figure brought down, a forecast
that is no hedge, an approximator inside a partitive's whole, `remaining` before a noun
that counts no claim, `one of` a figure, `PLA`, `need to`, and `today`.
Sentences written for these tests in news style (not taken from the gold files); each row
asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

import pytest

from tests.extraction.claim_helpers import claim, claims


def test_vessels_rammed_or_boarded_are_targets() -> None:
    text = "A frigate rammed one of the four fishing boats, seizing 6 rifles, the navy said."
    assert [(c.text, c.category) for c in claims(text)] == [("6", "equipment")]


def test_vessels_after_at_past_another_figure_are_targets() -> None:
    text = "The rebels fired rockets and 9 drones at two tankers off Hodeidah, the army said."
    assert [c.text for c in claims(text)] == ["9"]


def test_ones_takes_the_noun_of_the_figure_before() -> None:
    c = claim(
        "The count lists 420 Russian helicopters lost, against about 90 Iranian ones.", "about 90"
    )
    assert (c.category, c.actor) == ("equipment", "Iran")
    assert "category:inherited:ones" in c.rules


@pytest.mark.parametrize(
    ("text", "figure", "rule"),
    [
        ("Overnight, air defences shot down 61 of 70.", "61", "category:downed-bare:shot down"),
        ("Overnight, air defences shot down 61 of 70.", "70", "category:downed-bare:shot down"),
        (
            "The navy said its ships downed 14 over the Red Sea.",
            "14",
            "category:downed-bare:downed",
        ),
    ],
)
def test_a_bare_figure_brought_down_counts_weapons(text: str, figure: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.category == "equipment"
    assert rule in c.rules


def test_a_toll_that_could_rise_is_not_hedged() -> None:
    c = claim("Rescuers have recovered 83 bodies, a figure that could rise.", "83")
    assert (c.category, c.hedged) == ("killed", False)
    assert "hedge:kept-out:could (a forecast)" in c.rules


def test_an_approximator_inside_the_whole_of_a_partitive() -> None:
    c = claim("Only 700 of the roughly 2,000 villagers were evacuated, officials said.", "700")
    assert (c.category, c.subject) == ("displaced", "villagers")


def test_remaining_before_hospitals_counts_no_claim() -> None:
    text = "Officials said 120 people were killed and 4 of the 9 remaining hospitals shut."
    assert [c.text for c in claims(text)] == ["120"]


@pytest.mark.parametrize(
    "text",
    [
        "Not one of the 30 missiles reached the city, the army said.",
        "The medic was one of 9 soldiers killed in the strike.",
    ],
)
def test_one_of_a_figure_is_no_count(text: str) -> None:
    assert [c.text for c in claims(text)] == [t for t in ("30", "9") if t in text]


def test_pla_names_china() -> None:
    assert claim("Taipei said 32 PLA aircraft flew near the island.", "32").actor == "China"


def test_need_to_is_an_auxiliary_of_the_owner() -> None:
    c = claim("Moscow may need to mobilise as many as 300,000 more men.", "as many as 300,000")
    assert (c.category, c.actor) == ("troops", "Russia")


def test_today_is_no_counted_noun() -> None:
    c = claim(
        "The army will shrink to about 90,000 troops by 2035, from roughly 110,000 today.",
        "roughly 110,000",
    )
    assert c.category == "troops"


def test_the_true_number_restates_the_figure_before() -> None:
    c = claim(
        "Kyiv says 9,000 enemy soldiers were killed, but analysts say the real number is probably "
        "nearer 4,000.",
        "nearer 4,000",
    )
    assert c.category == "killed"
    assert "category:inherited:the-number" in c.rules


def test_a_bare_figure_that_had_been_trained_counts_troops() -> None:
    c = claim("The ministry said about 8,000 had been trained abroad.", "about 8,000")
    assert c.category == "troops"
    assert "category:troop-verb-after:trained" in c.rules


def test_a_hyphened_model_name_makes_systems_weapons() -> None:
    c = claim("Berlin will send three IRIS-T systems this winter.", "three")
    assert (c.category, c.actor) == ("equipment", "Germany")


@pytest.mark.parametrize(
    ("text", "figure", "rule"),
    [
        (
            "Only 400 of the villagers were able to leave through the corridor.",
            "400",
            "category:verb:leave through",
        ),
        ("Returnees: 2,300 families back in Bahri this month.", "2,300", "category:verb:back in"),
    ],
)
def test_people_who_leave_or_are_back_were_displaced(text: str, figure: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.category == "displaced"
    assert rule in c.rules


def test_people_killed_or_wounded_before_a_far_figure_are_casualties() -> None:
    c = claim(
        "By the ministry's count, the number of enemy troops killed or wounded passed 40,000.",
        "passed 40,000",
    )
    assert (c.category, c.subject) == ("casualties", "enemy troops")
    assert "category:back-np:killed or wounded" in c.rules
