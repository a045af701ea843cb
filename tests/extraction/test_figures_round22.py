"""Issue 12, round 22: displaced people struck by a verb of killing, a verbless `N of them X`,
`of them` after an arrest in the sentence before, the particle `over` of `handed over`, a
named place with its article after an attack, a killer's possessive that is not the victims'
side, a possessive in an appositive size, and a bare status figure after a place phrase.
Sentences written for these tests in news style (not taken from the gold files); each row
asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

import pytest

from tests.extraction.claim_helpers import claim, claims, only


@pytest.mark.parametrize(
    ("text", "figure", "category", "rule"),
    [
        (
            "Shelling of the camp killed at least 11 displaced people, aid workers said.",
            "at least 11",
            "killed",
            "category:displaced-victims:killed",
        ),
        (
            "Gunmen abducted 30 displaced women near Kaya, residents said.",
            "30",
            "captured",
            "category:displaced-victims:abducted",
        ),
    ],
)
def test_displaced_people_struck_by_a_verb_take_its_category(
    text: str, figure: str, category: str, rule: str
) -> None:
    c = claim(text, figure)
    assert (c.category, c.subject) == (category, c.subject)
    assert rule in c.rules


def test_displaced_people_with_no_verb_of_their_own_stay_displaced() -> None:
    c = only("The camp now shelters 40,000 displaced people, the agency said.")
    assert c.category == "displaced"


def test_a_verbless_part_names_its_own_group() -> None:
    text = "Troops killed 12 fighters, 3 of them Chadian nationals, near the border, the army said."
    whole, part = claims(text)
    assert (whole.text, whole.category) == ("12", "killed")
    assert (part.text, part.category, part.subject, part.actor) == (
        "3",
        "killed",
        "Chadian nationals",
        "Chad",
    )
    assert "category:partitive-apposition" in part.rules


def test_of_them_after_an_arrest_counts_the_arrested() -> None:
    text = (
        "Police said they had arrested 15 members of a kidnapping gang in Kaduna. "
        "They said 4 of them were women."
    )
    first, second = claims(text)
    assert first.category == "captured"
    assert (second.text, second.category) == ("4", "captured")
    assert "category:partitive-of-last-figure:captured" in second.rules


@pytest.mark.parametrize(
    ("text", "figure", "qualifier", "low", "high"),
    [
        ("The two sides handed over 95 prisoners of war each.", "95", "exact", 95, 95),
        ("Kyiv said it had received over 95 prisoners of war.", "over 95", "lower", 95, None),
    ],
)
def test_over_after_handed_is_a_particle(
    text: str, figure: str, qualifier: str, low: int, high: int | None
) -> None:
    c = only(text)
    assert (c.text, c.qualifier, c.low, c.high, c.category) == (
        figure,
        qualifier,
        low,
        high,
        "captured",
    )


def test_a_named_place_with_its_article_after_an_attack() -> None:
    c = only("An RSF drone attack on the Abu Shouk camp killed 8 people, medics said.")
    assert (c.category, c.location) == ("killed", "the Abu Shouk camp")
    assert "location:before:attack-on-named" in c.rules


def test_a_killers_possessive_is_not_the_victims_side() -> None:
    c = only("Soldiers of Burkina Faso's army executed 18 villagers near Djibo, witnesses said.")
    assert (c.category, c.actor) == ("killed", None)


def test_a_possessive_names_the_side_of_an_appositive_size() -> None:
    c = only("Chad's army, some 30,000 strong, has moved troops to the Lake Chad region.")
    assert (c.text, c.category, c.actor) == ("some 30,000", "troops", "Chad")
    assert "actor:apposition-subject:Chad" in c.rules


def test_a_bare_status_figure_after_a_place_phrase_is_the_same_group() -> None:
    text = "Armenia says 45 of its soldiers were killed along the border overnight and 60 wounded."
    first, second = claims(text)
    assert (first.actor, second.text, second.category, second.actor) == (
        "Armenia",
        "60",
        "wounded",
        "Armenia",
    )
    assert "actor:elliptical-after-phrase" in second.rules


def test_an_owner_after_artillery_pieces_owns_the_list() -> None:
    text = "Rebels captured 3 tanks and 8 artillery pieces belonging to the Sudanese army."
    assert [c.actor for c in claims(text)] == ["Sudan", "Sudan"]


def test_a_people_noun_before_weapons_modifies_them() -> None:
    c = only("Gang members seized 3 police armoured vehicles in Croix-des-Bouquets on Monday.")
    assert (c.text, c.category, c.subject) == ("3", "equipment", "police armoured vehicles")


def test_the_force_of_a_side_owns_what_it_lost() -> None:
    text = (
        "The army of Mali's junta has abandoned 12 bases and lost 90 soldiers since June, "
        "the rebels claimed."
    )
    c = claim(text, "90")
    assert (c.category, c.actor) == ("casualties", "Mali")
    assert "actor:force-of:Mali" in c.rules


def test_the_force_of_a_side_does_not_own_its_victims() -> None:
    c = only("The army of Mali killed 30 jihadists near Gao, the junta said.")
    assert c.actor is None


def test_civilians_who_arrived_somewhere_fled_there() -> None:
    text = (
        "Fighting around Masisi has emptied whole villages. By Sunday, 25,000 people had "
        "arrived there, the agency said."
    )
    c = only(text)
    assert (c.text, c.category) == ("25,000", "displaced")
    assert "category:arrived" in c.rules


def test_troops_who_arrived_are_troops() -> None:
    c = only("About 300 soldiers arrived in Goma on Friday, the army said.")
    assert (c.category, "category:arrived" in c.rules) == ("troops", False)


@pytest.mark.parametrize(
    ("text", "location"),
    [
        (
            "Families fleeing Kutum walked to Tina, where about 7,000 people have arrived "
            "since May, the agency said.",
            "Tina",
        ),
        ("Many went on to the Kalma camp, where 14 children died last week.", "the Kalma camp"),
    ],
)
def test_where_stands_for_the_place_before_its_comma(text: str, location: str) -> None:
    c = only(text)
    assert c.location == location
    assert "location:where-antecedent" in c.rules


def test_where_after_no_place_gives_no_place() -> None:
    c = only("The talks went on at the meeting, where 40 detainees were released, officials said.")
    assert "location:where-antecedent" not in c.rules


def test_only_some_made_it_out_is_a_part_of_the_figure_before() -> None:
    text = "Of the 1,800 Sudanese soldiers besieged in Babanusa, only about 500 made it out."
    whole, part = claims(text)
    assert (whole.actor, part.text, part.category, part.actor) == (
        "Sudan",
        "about 500",
        "troops",
        "Sudan",
    )
    assert "category:only-part:made" in part.rules


def test_putting_the_number_at_counts_the_last_figure_again() -> None:
    text = (
        "Armenian police detained 31 demonstrators outside the government building in "
        "Yerevan, the ministry said. Activists put the number at 55."
    )
    first, second = claims(text)
    assert (first.category, second.text, second.category) == ("captured", "55", "captured")
    assert "category:partitive-of-last-figure:captured" in second.rules


def test_the_whole_of_a_part_keeps_its_own_category() -> None:
    text = "Officials believe that 20 of the 48 hostages still held in the camp are dead."
    part, whole = claims(text)
    assert (part.text, part.category) == ("20", "killed")
    assert (whole.text, whole.category) == ("48", "captured")


@pytest.mark.parametrize(
    ("second_sentence", "subject", "actor"),
    [
        ("Of them, about 700 were children.", "children", None),
        ("Of them, the agency said, about 700 are Chadians.", "Chadians", "Chad"),
    ],
)
def test_of_them_opening_a_sentence_counts_a_part_of_the_last_figure(
    second_sentence: str, subject: str, actor: str | None
) -> None:
    text = "UNHCR said 3,100 people had fled into Sudan's Darfur in a week. " + second_sentence
    first, second = claims(text)
    assert first.category == "displaced"
    assert (second.text, second.category, second.subject, second.actor) == (
        "about 700",
        "displaced",
        subject,
        actor,
    )
    assert "category:fronted-of-them:displaced" in second.rules


def test_of_them_with_a_verb_of_its_own_is_read_by_the_verb() -> None:
    text = "Gunmen abducted 40 villagers near Gusau. Of them, 12 were later freed."
    assert [c.text for c in claims(text) if "category:fronted-of-them" in " ".join(c.rules)] == []


def test_people_a_side_holds_are_held_whatever_they_suffered_before() -> None:
    c = only("Russia is still holding 300 Ukrainian civilians it had evacuated from Kursk.")
    assert (c.category, c.actor) == ("captured", "Ukraine")
    assert "category:held-by-side" in c.rules


def test_people_a_camp_holds_after_fleeing_are_displaced() -> None:
    c = only("The camp is holding 40,000 people who fled the fighting, the agency said.")
    assert c.category == "displaced"


def test_that_figure_points_back_at_the_figure_counted_before() -> None:
    text = (
        "Officials said 40 people were wounded in the blast; the army later revised that "
        "figure to 52."
    )
    first, second = claims(text)
    assert (first.category, second.text, second.category, second.subject) == (
        "wounded",
        "52",
        "wounded",
        None,
    )
    assert "category:far:that-figure" in second.rules


def test_people_who_cross_from_a_country_have_fled_it() -> None:
    c = only("Some 3,200 people have crossed from Sudan into Chad's Ouaddai province this week.")
    assert (c.category, c.location) == ("displaced", "Chad's Ouaddai province")
    assert "category:verb:crossed from" in c.rules


def test_troops_who_cross_from_a_country_are_troops() -> None:
    c = only("About 2,000 Russian troops crossed from Belarus into Ukraine.")
    assert (c.category, c.actor) == ("troops", "Russia")
