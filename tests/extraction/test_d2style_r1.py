"""Issue 12, round d2style_r1: wire-style passages shaped like devset2's first hundred (one or
two dense sentences, hedges, en-dash ranges, attributions at either end), about conflicts that
set does not cover, written before the rules were read. The classes fixed, each tested here on
passages written for the test (not taken from the gold file):

- a stop after a decade or a plural with digits (`in the 1990s.`, `six F-16s.`) ends the
  sentence: the lone letter before it is a suffix, not an initial, so a hedge or an
  `according to` of one sentence no longer reaches the next;
- a hedge in a `, while` / `, whereas` clause with a subject of its own (`while Soviet losses
  were perhaps five times higher`) doubts that clause's value, not a figure before the break.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_a_decade_ends_its_sentence() -> None:
    text = (
        "Some 40,000 people are believed to have died in the fighting of the 1980s. More than"
        " 2,000 were reported missing, according to the families' committee."
    )
    first = claim(text, "Some 40,000")
    assert (first.category, first.hedged, first.attribution) == ("killed", True, None)
    second = claim(text, "More than 2,000")
    assert second.category == "missing"
    assert (second.low, second.high) == (2000, None)
    assert second.hedged is False
    assert second.attribution == "the families' committee"


def test_a_plural_with_digits_ends_its_sentence() -> None:
    text = "The air force reportedly lost six F-16s. Two pilots were killed, the ministry said."
    c = claim(text, "Two")
    assert (c.category, c.hedged, c.attribution) == ("killed", False, "the ministry")


def test_an_initial_still_does_not_end_a_sentence() -> None:
    text = "General John F. Kelly said 300 marines had been deployed to the base."
    c = claim(text, "300")
    assert c.category == "troops"
    assert c.attribution == "General John F. Kelly"


def test_a_hedge_of_a_contrasted_clause_with_its_own_subject_stays_there() -> None:
    text = (
        "Greece lost about 14,000 soldiers killed in the campaign, while Italian losses were"
        " probably three times higher, according to military historians."
    )
    c = claim(text, "about 14,000")
    assert (c.category, c.actor, c.hedged) == ("killed", "Greece", False)
    assert c.attribution == "military historians"
    assert "hedge:kept-out:probably (a contrasted clause)" in c.rules


def test_a_contrasted_clause_about_the_figure_still_hedges_it() -> None:
    text = "Rebels said they had killed 60 soldiers, while that figure could not be verified."
    assert claim(text, "60").hedged is True


def test_a_hedge_before_the_figure_in_the_contrasted_clause_still_reaches_it() -> None:
    text = (
        "Norway lost 12 aircraft, while Denmark perhaps lost 20 in the same week, officials said."
    )
    assert claim(text, "20").hedged is True
    assert claim(text, "12").hedged is False


def test_freed_hostages_do_not_take_the_side_of_the_fighters_killed_before() -> None:
    text = (
        "Soldiers killed 40 al-Shabaab fighters and freed 25 hostages near Kismayo, the army said."
    )
    fighters = claim(text, "40")
    assert (fighters.category, fighters.actor) == ("killed", "al-Shabaab")
    hostages = claim(text, "25")
    assert (hostages.category, hostages.actor) == ("captured", None)
    assert hostages.attribution == "the army"


def test_a_status_conjunct_still_takes_the_side_before() -> None:
    text = "Four Jordanian soldiers were killed and three wounded near the border, officials said."
    assert claim(text, "three").actor == "Jordan"


def test_weapons_ordered_from_a_state_take_the_supplier() -> None:
    text = (
        "Ghana's army said it had received the first four of 12 Z-9 helicopters ordered from China."
    )
    for figure in ("four", "12"):
        c = claim(text, figure)
        assert (c.category, c.actor, c.location) == ("equipment", "China", None)
        assert c.attribution == "Ghana's army"
    assert "actor:bought-from:China" in claim(text, "12").rules


def test_a_passive_verb_of_reckoning_links_a_sides_losses_to_the_figure() -> None:
    text = "Greek losses in the mountain campaigns were generally put at 60,000 killed and wounded."
    c = claim(text, "60,000")
    assert (c.category, c.actor) == ("casualties", "Greece")
    assert "actor:subject-owner-put:Greek" in c.rules


def test_another_n_seized_after_weapons_counts_weapons() -> None:
    text = (
        "Police destroyed 35 homemade rockets near Kidal and seized another 60 in a raid on a"
        " depot, the governor said."
    )
    c = claim(text, "60")
    assert (c.category, c.low, c.high) == ("equipment", 60, 60)
    assert c.attribution == "the governor"


def test_another_n_seized_after_people_stays_captured() -> None:
    text = "Troops killed 20 rebels near the town and captured another 15, the army said."
    assert claim(text, "15").category == "captured"


def test_a_postposed_status_word_is_shared_along_a_list_with_a_conjunct_of_troops() -> None:
    text = (
        "The siege ended with 38 soldiers and police officers and 12 civilians dead, the"
        " governor said."
    )
    c = claim(text, "38")
    assert (c.category, c.actor, c.attribution) == ("killed", None, "the governor")
    assert claim(text, "12").category == "killed"


def test_troops_added_along_with_a_toll_share_its_fate() -> None:
    text = "Nine civilians were wounded, along with 14 soldiers, in the attack, police said."
    c = claim(text, "14")
    assert (c.category, c.attribution) == ("wounded", "police")
    assert "category:along-with-fate" in c.rules


def test_troops_added_along_with_weapons_stay_troops() -> None:
    text = "The government sent 30 armoured vehicles, along with 900 soldiers, to the north."
    assert claim(text, "900").category == "troops"


def test_a_bare_passive_lost_after_a_sentence_of_weapons_counts_weapons() -> None:
    text = (
        "Rebels said they had shot down nine army helicopters over Darfur. A military source"
        " said that no more than two had been lost."
    )
    c = claim(text, "no more than two")
    assert (c.category, c.low, c.high, c.qualifier) == ("equipment", None, 2, "upper")
    assert c.attribution == "A military source"
    assert "category:more-of-the-gear-lost" in c.rules


def test_a_bare_passive_lost_after_a_sentence_of_men_stays_casualties() -> None:
    text = "The army said 40 soldiers were killed. Another 12 were lost in the retreat."
    assert claim(text, "12").category == "casualties"


def test_an_apposition_names_the_side_of_an_unknown_subject() -> None:
    text = (
        "UNMISS, the UN mission in South Sudan, has about 13,000 troops deployed in the"
        " country, a spokesman said."
    )
    c = claim(text, "about 13,000")
    assert (c.category, c.actor, c.attribution) == ("troops", "United Nations", "a spokesman")
    assert "actor:apposition-of-subject:UN" in c.rules


def test_a_body_word_in_a_persons_title_names_no_side() -> None:
    text = "Okello, the UN mission chief in Juba, has 40 bodyguards, officials said."
    assert claim(text, "40").actor is None


def test_arms_laid_down_under_an_accord_count_a_force_not_captives() -> None:
    text = (
        "About 6,000 Karen National Union fighters laid down their arms under the 2015 ceasefire"
        " agreement, and about 200 of them were later killed, monitors said."
    )
    c = claim(text, "About 6,000")
    assert (c.category, c.actor, c.attribution) == ("troops", "Karen National Union", "monitors")
    assert claim(text, "about 200").category == "killed"


def test_arms_laid_down_without_an_accord_are_a_surrender() -> None:
    text = "Some 90 rebels have laid down their arms near Beni, the army said."
    assert claim(text, "Some 90").category == "captured"
