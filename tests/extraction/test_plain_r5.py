"""Issue 12, plain round 5 (Middle East and North Africa): the classes fixed. A noun-like verb
inside an `according to` phrase is its noun (`according to Western estimates`); a verb of harm
decides for a troop compound (`wounded five service members`); a number word ends a place
phrase; a figure after `and` with an auxiliary of its own takes the verb after it (`… and 15
were still missing`); a country that hosts or received people is where they are, and takes
them in (`Egypt has received 1.5 million Sudanese`); a partitive (`N of whom`) is where its
whole is; a bare figure moving to a place after a figure of displaced people is displaced; the
agent of a gear list's last item launched the whole list; a second object `an arsenal of N`
shares the subject's side; a clause after `, and` with its own named subject keeps its
places; `across` places a figure after it; compass compounds (`north-eastern Syria`); a named
site before `near`; a running total after `, bringing … to N` shares the previous figure's
side. Passages written for these tests (not taken from the gold file); each asserts the
values read and the rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_estimates_after_according_to_is_the_noun_of_the_source() -> None:
    text = (
        "The militia fields about 8,000 fighters and roughly 2,000 drones, according to"
        " Israeli estimates, though its leader has claimed 20,000 men."
    )
    c = claim(text, "roughly 2,000")
    assert c.attribution == "Israeli estimates"
    assert "attribution:according-to" in c.rules
    assert "attribution:refused:noun-after-according-to" in " ".join(c.rules)


def test_a_verb_of_harm_decides_for_service_members() -> None:
    text = (
        "A drone attack on a base in eastern Syria injured three US service members,"
        " officials said."
    )
    c = claim(text, "three")
    assert (c.category, c.actor) == ("wounded", "United States")
    assert "category:verb-before:injured" in c.rules
    assert "category:noun:service members" in c.rules


def test_service_members_without_a_verb_of_harm_stay_troops() -> None:
    c = claim("The Pentagon said 2,000 service members would stay in Iraq.", "2,000")
    assert c.category == "troops"


def test_a_number_word_ends_the_place_phrase_before_it() -> None:
    text = "A rocket attack in southern Iraq wounded four soldiers and two contractors on Friday."
    c = claim(text, "two")
    assert c.location == "southern Iraq"
    assert c.category == "wounded"


def test_a_figure_after_and_with_its_own_auxiliary_takes_its_own_verb() -> None:
    text = (
        "The coast guard said six fishermen were killed and 11 were still missing after the"
        " boat was hit off Hodeidah."
    )
    c = claim(text, "11")
    assert c.category == "missing"
    assert "category:verb:missing" in c.rules
    assert claim(text, "six").category == "killed"


def test_a_country_that_received_people_took_them_in_and_is_where_they_are() -> None:
    text = "Jordan has received 650,000 Syrians since 2011, the government says."
    c = claim(text, "650,000")
    assert (c.category, c.actor, c.location) == ("displaced", "Syria", "Jordan")
    assert "category:hosted" in c.rules
    assert "location:host-country" in c.rules


def test_a_hospital_that_received_patients_hosts_no_one() -> None:
    text = "The hospital received 40 patients overnight, its director said."
    c = claim(text, "40")
    assert c.category != "displaced"


def test_a_host_country_and_the_part_of_whom() -> None:
    text = (
        "Uganda now hosts more than 70,000 Sudanese refugees, about 20,000 of whom arrived"
        " this year, the agency said."
    )
    c = claim(text, "more than 70,000")
    assert c.location == "Uganda"
    assert "location:host-country" in c.rules
    c = claim(text, "about 20,000")
    assert c.location == "Uganda"
    assert "location:partitive-of-previous" in c.rules


def test_a_bare_figure_returning_after_displaced_people_is_displaced() -> None:
    text = (
        "Lebanon took in 1.5 million Syrians during the war, officials say. About 200,000"
        " have returned to Syria since January, the IOM said."
    )
    c = claim(text, "About 200,000")
    assert (c.category, c.location) == ("displaced", "Syria")
    assert "category:bare-figure-after-displaced" in c.rules


def test_the_agent_of_a_gear_list_launched_every_item() -> None:
    text = (
        "Destroyers intercepted 12 drones, three cruise missiles and two ballistic missiles"
        " fired by the Houthis on Sunday, the Pentagon said."
    )
    c = claim(text, "12")
    assert c.actor == "Houthis"
    assert "actor:by:Houthis" in c.rules


def test_an_arsenal_of_shares_the_subject_of_has() -> None:
    text = "Hamas has about 20,000 fighters and an arsenal of some 5,000 rockets, officials say."
    c = claim(text, "some 5,000")
    assert (c.category, c.actor) == ("equipment", "Hamas")
    assert "actor:coordinated-holding" in c.rules


def test_a_named_clause_after_and_keeps_its_place() -> None:
    text = (
        "The rebels freed two aid workers on Monday, and Turkey released 30 prisoners from"
        " Diyarbakir prison, officials said."
    )
    assert claim(text, "two").location is None
    assert claim(text, "30").location is not None


def test_across_before_the_figure_places_it() -> None:
    text = "Blasts ripped across Baalbek on Friday, killing nine people, the ministry said."
    c = claim(text, "nine")
    assert c.location == "Baalbek"
    assert "location:before:across" in c.rules


def test_a_compass_compound_opens_a_place() -> None:
    c = claim("Drone strikes killed 14 fighters in south-western Libya, the army said.", "14")
    assert c.location == "south-western Libya"


def test_a_named_site_before_near() -> None:
    text = "Gunmen who attacked Mitiga airport near Tripoli killed three guards on Saturday."
    c = claim(text, "three")
    assert c.location == "Mitiga airport near Tripoli"
    assert "location:named-site-near" in c.rules


def test_a_running_total_after_bringing_shares_the_side() -> None:
    text = (
        "Two Egyptian soldiers were killed in Sinai on Monday, the army said, bringing the"
        " force's toll this month to 14."
    )
    c = claim(text, "14")
    assert (c.category, c.actor) == ("killed", "Egypt")
    assert "actor:brought-total" in c.rules


def test_a_total_with_its_own_noun_takes_no_side_from_the_figure_before() -> None:
    text = (
        "Some 900 Sudanese refugees crossed into Chad on Friday, the UN said, taking the"
        " number of new arrivals to 40,000."
    )
    assert "actor:brought-total" not in claim(text, "40,000").rules
