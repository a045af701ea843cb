"""Issue 12, plain round 8: wire passages written blind about many wars, with the side of the
counted people away from the number. The classes fixed: `cost` with a side as its first object
says the side lost the people of the second (`cost the attackers 2,000 men`: casualties); the
verb of a clause decides what befell members of an armed group (`lost 40 of its members`); a
bare figure that is the subject of a passive verb of downing counts weapons (`another 12 were
downed`, `all five were intercepted`); `the two armies ... each other` names the two parties,
it counts nothing; an ethnic demonym names no side (`ethnic Armenian authorities put their own
losses at`); `the attackers` are the side that is the subject of the verb of attacking before
them. Passages written for these tests (not taken from the gold file); each asserts the values
read and the rule `--explain` names."""

from __future__ import annotations

from projections.extraction.extractor import extract
from tests.extraction.claim_helpers import claim, claims


def test_cost_with_a_side_object_is_casualties() -> None:
    c = claim("The siege has cost the rebels at least 400 fighters, the army said.", "at least 400")
    assert (c.category, c.low) == ("casualties", 400)
    assert "category:verb-before:cost (side object)" in c.rules


def test_cost_with_a_proper_name_object_is_casualties() -> None:
    c = claim("The winter offensive cost Moscow about 3,000 soldiers.", "about 3,000")
    assert c.category == "casualties"
    assert "category:verb-before:cost (side object)" in c.rules


def test_cost_the_lives_of_stays_killed_and_money_is_no_claim() -> None:
    c = claim("The ambush cost the lives of 12 soldiers.", "12")
    assert c.category == "killed"
    assert not any("side object" in r for r in c.rules)
    assert claims("The new barracks cost $14 million to build.") == []


def test_members_a_group_lost_take_the_verb() -> None:
    c = claim("The militia lost about 60 of its members in the raid, officials said.", "about 60")
    assert c.category == "casualties"
    assert "category:members-of-armed-group" in c.rules
    assert "category:verb-before:lost" in c.rules


def test_members_a_group_has_stay_troops() -> None:
    c = claim("The gang has some 5,000 members, police said.", "some 5,000")
    assert c.category == "troops"
    assert c.rules.count("category:members-of-armed-group") == 1


def test_a_bare_figure_subject_of_a_passive_downing_verb_is_equipment() -> None:
    text = (
        "The air force said it had shot down 33 drones over the south. Another 9 were"
        " intercepted over the capital, it said."
    )
    c = claim(text, "9")
    assert c.category == "equipment"
    assert "category:downed-bare:intercepted (passive)" in c.rules


def test_all_n_were_shot_down_is_equipment() -> None:
    text = "The militia launched four cruise missiles at the port, and all four were shot down."
    c = claim(text, "all four")
    assert (c.category, c.low, c.qualifier) == ("equipment", 4, "exact")
    assert "category:downed-bare:shot down (passive)" in c.rules


def test_people_who_were_wounded_are_not_downed() -> None:
    c = claim("Six were wounded when the shell hit the bus.", "Six")
    assert c.category == "wounded"
    assert not any("downed-bare" in r for r in c.rules)


def test_the_two_armies_facing_each_other_is_no_claim() -> None:
    text = "The two armies have fought each other along the river since 1998."
    assert extract(text) == []  # no claim, not even one filed under `other`
    assert claims("The two armies of Russia moved 3,000 soldiers to the border.") != []


def test_two_armies_sent_are_still_troops() -> None:
    c = claim("Russia moved two armies to the border, officials said.", "two")
    assert (c.category, c.actor) == ("troops", "Russia")


def test_an_ethnic_demonym_names_no_side() -> None:
    text = (
        "Baku said 80 of its soldiers were killed in the assault, while ethnic Armenian"
        " officials put their own losses at about 150."
    )
    c = claim(text, "about 150")
    assert c.category == "casualties"
    assert c.actor is None
    assert not any(r.startswith("actor:") for r in c.rules)


def test_a_national_demonym_still_names_the_side() -> None:
    c = claim("Georgian officials put their own losses at 170.", "170")
    assert c.actor == "Georgia"
    assert "actor:its-clause-subject:Georgian" in c.rules


def test_the_attackers_are_the_side_that_attacked() -> None:
    text = (
        "JNIM fighters ambushed a convoy near Djibo, and the army said 20 of the assailants"
        " had been killed."
    )
    c = claim(text, "20")
    assert (c.category, c.actor) == ("killed", "JNIM")
    assert "actor:attackers-subject:JNIM" in c.rules


def test_the_attackers_with_no_named_side_have_none() -> None:
    text = "Gunmen raided a village in Zamfara, and police said four of the attackers were killed."
    c = claim(text, "four")
    assert c.category == "killed"
    assert c.actor is None


def test_the_first_object_of_cost_is_the_side_that_lost() -> None:
    c = claim("The battle for the town cost Kyiv at least 800 soldiers.", "at least 800")
    assert (c.category, c.actor) == ("casualties", "Ukraine")
    assert "actor:cost-object:Kyiv" in c.rules


def test_cost_does_not_reach_back_to_the_subject_figure() -> None:
    text = (
        "The raid, which began with about 2,000 Ukrainian troops crossing the border, has cost"
        " Russia 5,000 casualties, officials said."
    )
    c = claim(text, "about 2,000")
    assert (c.category, c.actor) == ("troops", "Ukraine")
    assert not any("cost" in r for r in c.rules)


def test_a_passive_downed_figure_after_another_takes_its_side() -> None:
    text = "The army said Russia fired 60 drones overnight, and that 48 were shot down."
    c = claim(text, "48")
    assert (c.category, c.actor) == ("equipment", "Russia")
    assert "category:downed-bare:shot down (passive)" in c.rules
    assert "actor:inherited" in c.rules
