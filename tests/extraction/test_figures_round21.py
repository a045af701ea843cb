"""Issue 12, round 21: a status group that `included` the counted people, a list that
`among them` opens, people who took shelter, people `held by` a side, the second object of a
verb of loss, an owner shared along a list of gear, a group sized by an apposition, ethnic
groups that are no side, and `one-way` that is no figure. Sentences written for these tests
in news style (not taken from the gold files); each row asserts the values read and the rule
`--explain` names for them."""

from __future__ import annotations

import pytest

from tests.extraction.claim_helpers import claim, claims, only


@pytest.mark.parametrize(
    ("text", "figure", "category", "subject", "rule"),
    [
        (
            "A shell hit a bus near Kherson. The dead included three nurses, the governor said.",
            "three",
            "killed",
            "nurses",
            "category:included-by:dead",
        ),
        (
            "The dead also included 14 pupils of a nearby school, doctors said.",
            "14",
            "killed",
            "pupils",
            "category:included-by:dead",
        ),
    ],
)
def test_a_status_group_includes_the_counted_people(
    text: str, figure: str, category: str, subject: str, rule: str
) -> None:
    c = claim(text, figure)
    assert (c.category, c.subject, c.low, c.high) == (category, subject, c.low, c.low)
    assert rule in c.rules


def test_included_needs_a_status_group() -> None:
    # a delegation is no status word: its members are counted, with no status
    c = claim("The delegation included 40 journalists, the agency said.", "40")
    assert c.category == "other"
    assert not any(r.startswith("category:included-by") for r in c.rules)


def test_a_list_opened_by_among_them_is_a_breakdown() -> None:
    text = (
        "Gunmen killed nine people in Zamfara on Sunday, among them an imam and three "
        "vigilantes, police said."
    )
    whole, part = claims(text)
    assert (whole.text, whole.category) == ("nine", "killed")
    assert (part.text, part.category, part.subject) == ("three", "killed", "vigilantes")
    assert "category:breakdown:listed" in part.rules


def test_people_who_took_shelter_are_displaced() -> None:
    c = only(
        "Nearly 3,000 people have taken shelter in churches in Kalehe after fleeing the "
        "fighting, the local administrator said."
    )
    assert (c.text, c.category, c.qualifier, c.low) == ("Nearly 3,000", "displaced", "approx", 3000)
    assert "category:took-shelter" in c.rules


def test_people_killed_where_they_sheltered_stay_killed() -> None:
    c = only("The strike killed 17 people who had taken shelter in a school, medics said.")
    assert (c.text, c.category) == ("17", "killed")


def test_people_held_by_a_side_are_captives() -> None:
    c = only("Twelve villagers held by the Arakan Army since June were released on Friday.")
    assert (c.text, c.category, c.subject) == ("Twelve", "captured", "villagers")
    assert "category:held-by" in c.rules


def test_the_second_object_of_a_loss_verb_is_lost_gear() -> None:
    text = "The rebels said they had seized 20 pickups and 9 trucks near Kutum."
    first, second = claims(text)
    assert (second.text, second.category, second.subject) == ("9", "equipment", "trucks")
    assert "category:conjunct-of-loss" in second.rules
    assert first.category == "equipment"


def test_an_owner_after_a_list_of_gear_owns_the_whole_list() -> None:
    text = (
        "Drones destroyed 14 armoured vehicles and 6 supply trucks belonging to the RSF "
        "outside El Obeid, the army said."
    )
    first, second = claims(text)
    assert (first.text, first.actor) == ("14", "Rapid Support Forces")
    assert (second.text, second.actor) == ("6", "Rapid Support Forces")
    assert "actor:belonging-to:RSF" in first.rules


def test_an_apposition_sizes_the_group_before_its_comma() -> None:
    c = only("Hezbollah, a heavily armed movement of about 40,000 fighters, denied the report.")
    assert (c.text, c.category, c.actor) == ("about 40,000", "troops", "Hezbollah")
    assert "actor:apposition-of:Hezbollah" in c.rules


def test_an_apposition_with_a_preposition_does_not_size_the_group() -> None:
    # the figure measures the camp, not Hamas: a preposition breaks the phrase
    found = claims("Hamas, a movement based in a camp of 3,000 fighters, said nothing.")
    assert all(c.actor is None for c in found)


def test_an_ethnic_group_is_no_side() -> None:
    c = only("Some 20,000 ethnic Albanians fled the region within a week, the agency said.")
    assert (c.text, c.category, c.actor) == ("Some 20,000", "displaced", None)
    assert "actor:none:ethnic-group" in c.rules


def test_a_demonym_without_ethnic_is_still_a_side() -> None:
    c = only("Some 300 Serbian soldiers were deployed to the border, the ministry said.")
    assert c.actor == "Serbia"


def test_one_way_is_no_figure_and_the_figure_before_keeps_its_noun() -> None:
    found = claims("The navy shot down 22 one-way attack drones over the Gulf of Aden.")
    assert [(c.text, c.category, c.subject) for c in found] == [
        ("22", "equipment", "one-way attack drones")
    ]


def test_a_promised_figure_counts_what_the_figure_before_counts() -> None:
    text = "Chad has some 600 gendarmes guarding the border, well short of the 900 it promised."
    first, second = claims(text)
    assert (first.text, first.category, first.actor) == ("some 600", "troops", "Chad")
    assert (second.text, second.category, second.actor, second.subject) == (
        "900",
        "troops",
        "Chad",
        None,
    )
    assert "category:inherited:promised" in second.rules


def test_a_bare_definite_figure_with_another_verb_stays_no_claim() -> None:
    found = claims(
        "Chad has some 600 gendarmes guarding the border, well short of the 900 it counted."
    )
    assert [c.text for c in found] == ["some 600"]


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("Gunmen kill 7 police officers in Zamfara ambush", "Zamfara"),
        ("Two children killed in Kharkiv drone strike", "Kharkiv"),
    ],
)
def test_a_headline_place_that_modifies_an_event_noun(text: str, location: str) -> None:
    c = only(text)
    assert c.location == location
    assert "location:event-modifier:in" in c.rules


@pytest.mark.parametrize(
    "text",
    ["Three soldiers killed in ELN drone attack", "Five soldiers killed in Russian strikes"],
)
def test_a_side_that_modifies_an_event_noun_is_no_place(text: str) -> None:
    assert only(text).location is None
