"""Issue 12, plain round 13: tallies over time and equipment (daily loss lists, running
totals, earlier and revised figures, deliveries, stockpiles, rotations), written before the
rules were read. The classes fixed: people returned from captivity or brought home in a swap
are captives; `losses of air defence systems` count weapons; a loss list that opens with a
side's men shares their nationality with its gear, and a participle after the last item of a
long list is said of every item; a body's wing named after a possessive is a speaker of its
own; a bare figure after `and` that repeats the preposition of place after the figure before
is the gapped next item; the people a toll includes are dead; a singular weapon noun before a
place noun only modifies it; a possessive inside the reporting phrase owns the count, not the
counted; handing weapons over (and `the last of the N`) supplies them; a subject pronoun
right after a figure's phrase is the whole subject of a contact relative; a pronoun after an
opening prepositional phrase is the sentence's subject; a sentence-opening `Its count`
speaks for the pronoun's owner; `Bundeswehr` is Germany's; a side brings its own people home;
`one shell for every three` is a ratio; a bare object of a joined verb of making (`and plans
to make 4.5 million`) counts the same gear. Passages written for these tests
(not taken from the gold file); each asserts the values read and the rule `--explain` names.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims


def test_people_returned_from_captivity_are_captives() -> None:
    text = "Since 2022, 4,100 Georgians have been returned from Russian captivity, the office said."
    c = claim(text, "4,100")
    assert (c.category, c.actor, c.attribution) == ("captured", "Georgia", "the office")
    assert "category:verb:returned from captivity" in c.rules


def test_people_returned_from_camps_still_fled() -> None:
    c = claim("About 30,000 Sudanese returned from camps in Chad last month.", "About 30,000")
    assert c.category == "displaced"


def test_soldiers_brought_home_in_a_swap_are_captives() -> None:
    text = "Kyiv brought home 103 soldiers in the latest swap, the president said."
    c = claim(text, "103")
    assert (c.category, c.actor, c.attribution) == ("captured", "Ukraine", "the president")
    assert "category:freed-object:brought home" in c.rules
    assert "actor:clause-subject:Kyiv" in c.rules


def test_soldiers_brought_home_from_the_front_are_troops() -> None:
    c = claim("The army brought home 300 soldiers from the front for rest.", "300")
    assert c.category == "troops"


def test_losses_of_weapon_systems_count_weapons() -> None:
    c = claim("Total losses of artillery systems climbed to 2,410, the staff said.", "2,410")
    assert (c.category, c.subject) == ("equipment", "artillery systems")
    assert "category:back-np:systems" in c.rules


def test_a_loss_list_shares_the_men_s_nationality_with_the_gear() -> None:
    text = (
        "The bulletin counted 950 Russian soldiers, 14 tanks, 31 artillery systems and 40"
        " attack drones lost on Friday."
    )
    men, tanks, guns, drones = claims(text)
    assert (men.category, men.actor) == ("casualties", "Russia")
    assert "category:verb:lost" in men.rules
    assert [c.actor for c in (tanks, guns, drones)] == ["Russia"] * 3
    assert "actor:coordinated-demonym-losses" in tanks.rules


def test_soldiers_then_civilians_keep_no_side_for_the_civilians() -> None:
    text = "Shelling killed 12 Ukrainian soldiers and 5 civilians near Kupiansk."
    assert claim(text, "5").actor is None


def test_a_wing_owned_by_a_body_is_a_speaker_of_its_own() -> None:
    text = (
        "Security forces killed 41 insurgents in North Waziristan, the army's media wing said."
        " It said nine soldiers had died in the raids."
    )
    c = claim(text, "nine")
    assert c.attribution == "It [the army's media wing]"
    assert "attribution:pronoun-resolved" in c.rules


def test_a_gapped_item_after_a_repeated_preposition_of_place() -> None:
    text = (
        "The ministry said it had downed 210 Ukrainian drones, including 80 over the Belgorod"
        " region and 47 over Voronezh."
    )
    c = claim(text, "47")
    assert (c.category, c.actor, c.location) == ("equipment", "Ukraine", "Voronezh")
    assert "category:parallel-place:equipment" in c.rules
    assert "actor:part-of-previous" in c.rules


def test_times_after_the_preposition_are_no_gapped_item() -> None:
    found = claims("Deaths rose to 60 in April and 12 in May, officials said.")
    assert [c.text for c in found] == ["60"]


def test_the_people_a_toll_includes_are_dead() -> None:
    c = claim("The toll includes 61 members of the police, the agency said.", "61")
    assert (c.category, c.attribution) == ("killed", "the agency")
    assert "category:included-by:toll" in c.rules
    c = claim("Medics said the death toll included 14 children.", "14")
    assert c.category == "killed"


def test_a_singular_weapon_noun_before_a_place_noun_is_a_modifier() -> None:
    assert claims("The strikes hit 14 drone assembly plants near Yelabuga.") == []
    c = claim("The strikes destroyed 14 drone launchers near Yelabuga.", "14")
    assert c.category == "equipment"


def test_a_possessive_in_the_reporting_phrase_owns_no_counted_gear() -> None:
    text = (
        "Russia has lost 9,800 tanks, Kyiv's defence ministry said. Its tally also lists 370"
        " aircraft."
    )
    c = claim(text, "370")
    assert c.actor is None
    assert c.attribution == "Its tally [Kyiv's defence ministry]"


def test_its_losses_still_take_the_side_named_before() -> None:
    text = "France sent some 5,000 troops. Its losses came to 58 dead."
    assert claim(text, "58").actor == "France"


def test_weapons_handed_over_take_the_supplier() -> None:
    c = claim("Poland has handed over 14 Krab howitzers to Ukraine.", "14")
    assert (c.actor, c.location) == ("Poland", "Ukraine")
    assert any(r.startswith("actor:supplier") for r in c.rules)
    c = claim("Moscow handed over 90 Ukrainian servicemen on Friday.", "90")
    assert (c.category, c.actor) == ("captured", "Ukraine")


def test_the_last_of_the_figure_is_the_supply_verb_s_object() -> None:
    text = "Norway said it had shipped the last of the 6 F-16 jets it promised Ukraine."
    c = claim(text, "6")
    assert (c.category, c.actor) == ("equipment", "Norway")


def test_a_pronoun_after_a_figure_s_phrase_is_a_contact_relative_s_subject() -> None:
    text = (
        "At least 90 people were killed, the monitor said on Monday, up from 60 it reported"
        " on Sunday. The toll includes 20 children, it said."
    )
    c = claim(text, "20")
    assert c.attribution == "it [the monitor]"
    first = claim(text, "At least 90")
    assert first.attribution == "the monitor"
    assert any(r.startswith("attribution:cut:before-pronoun") for r in first.rules)


def test_a_pronoun_after_an_opening_phrase_is_the_sentence_s_subject() -> None:
    text = "Britain sent a task force. At the height of the campaign it had 28,000 troops."
    c = claim(text, "28,000")
    assert c.actor == "United Kingdom"
    assert "actor:pronoun-subject:United Kingdom" in c.rules


def test_a_sentence_opening_count_owned_by_a_pronoun_speaks_for_the_owner() -> None:
    text = (
        "The monitoring group Airwars has tracked 3,000 civilian deaths in the campaign. Its"
        " count of militants killed stands at about 800."
    )
    c = claim(text, "about 800")
    assert c.attribution == "Its count [The monitoring group Airwars]"
    assert "attribution:owner-resolved" in c.rules


def test_the_bundeswehr_is_germany_s() -> None:
    c = claim("The Bundeswehr operates about 350 Leopard tanks.", "about 350")
    assert (c.category, c.actor) == ("equipment", "Germany")


def test_the_first_term_of_a_ratio_for_every_is_no_claim() -> None:
    assert claims("Kyiv says it fires one shell for every five Russian shells.") == []
    c = claim("Kyiv says it fired 4,000 shells for the offensive.", "4,000")
    assert c.category == "equipment"


def test_a_bare_object_of_a_joined_verb_of_making_counts_the_same_gear() -> None:
    text = "Iran built some 900 drones in March and aims to produce 1,500 next month, it said."
    c = claim(text, "1,500")
    assert (c.category, c.actor) == ("equipment", "Iran")
    assert "category:gapped-object:equipment" in c.rules
    c = claim("Turkey made 400 drones and plans to make 700 by December.", "700")
    assert (c.category, c.actor) == ("equipment", "Turkey")


def test_a_bare_object_after_a_comma_clause_is_no_gapped_gear() -> None:
    assert [c.text for c in claims("Russia lost 300 tanks, which made 12 headlines.")] == ["300"]


def test_a_pronoun_after_a_clause_with_a_figure_is_no_contact_relative_speaker() -> None:
    c = claim("Gunmen killed 6 villagers they accused of spying near Kidal.", "6")
    assert c.attribution is None
