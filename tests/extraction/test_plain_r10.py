"""Issue 12, plain round 10: news briefs with a headline and one to three sentences of body,
written before the rules were read. The classes fixed: a verbless status conjunct (`and two
seriously wounded`, `…since October 2023, and 113,274 wounded`) keeps the previous figure's
side past adverbs of degree and past a time phrase with a month or a year; a bare `one`
after the complementiser `that` of a verb of saying (`adding that one guard was killed`) is a
count, not the demonstrative `that one`; a figure after `among them` / `of whom` whose noun no
lexicon knows (`among them three Rafales`) is a part of the figure before; `Another N were
lost` after a sentence of weapons counts more weapons, not men; `around X` before the figure
places it when the phrase belongs to the clause's subject or the counted noun (no figure or
relative clause before it, no place noun it modifies). Passages written for these
tests (not taken from the gold file); each asserts the values read and the rule `--explain`
names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims


def test_adverb_of_degree_before_the_status_word_keeps_the_side() -> None:
    text = "Four Jordanian soldiers were killed and three critically wounded near the border."
    c = claim(text, "three")
    assert (c.category, c.actor) == ("wounded", "Jordan")
    assert "actor:elliptical" in c.rules


def test_a_status_conjunct_after_a_time_phrase_with_a_date_keeps_the_side() -> None:
    text = (
        "The ministry said 812 Lebanese had been killed in the south since March 2024, and"
        " 2,140 wounded."
    )
    c = claim(text, "2,140")
    assert (c.category, c.actor) == ("wounded", "Lebanon")
    assert "actor:elliptical-after-phrase" in c.rules


def test_a_named_place_between_still_cuts_the_conjunct() -> None:
    text = "Four Malian soldiers died near Gao in May, and 30 wounded were evacuated."
    assert claim(text, "30").actor is None


def test_one_after_a_complementiser_that_is_a_count() -> None:
    text = (
        "Gunmen seized 12 traders on the Kaduna road, police said, adding that one guard"
        " was killed."
    )
    c = claim(text, "one")
    assert (c.category, c.low, c.subject) == ("killed", 1, "guard")
    assert "category:verb:killed" in c.rules
    c = claim("The army said that one soldier was wounded in the ambush.", "one")
    assert (c.category, c.subject) == ("wounded", "soldier")


def test_that_one_without_a_noun_is_still_no_figure() -> None:
    assert claims("He said that one was enough for the week.") == []


def test_a_part_after_among_them_named_by_a_model_takes_the_whole_s_category() -> None:
    text = (
        "Air defences shot down six Russian bombers, among them two Tupolevs, the air force said."
    )
    c = claim(text, "two")
    assert (c.category, c.actor, c.subject) == ("equipment", "Russia", "Tupolevs")
    assert "category:breakdown:named" in c.rules
    assert "category:inherited:equipment" in c.rules


def test_another_lost_after_weapons_counts_weapons() -> None:
    text = (
        "The air force said it had downed 52 of the 70 drones launched overnight."
        " Another 11 were lost to jamming, it said."
    )
    c = claim(text, "11")
    assert c.category == "equipment"
    assert "category:more-of-the-gear-lost" in c.rules


def test_another_lost_with_a_noun_of_people_stays_casualties() -> None:
    text = (
        "Russian forces lost 12 tanks near Pokrovsk. Another 300 soldiers were lost in the assault."
    )
    assert claim(text, "300").category == "casualties"


def test_around_in_the_clause_subject_places_the_figure() -> None:
    text = "Fighting around Bunia has driven 22,000 people from their homes, aid groups said."
    c = claim(text, "22,000")
    assert (c.category, c.location) == ("displaced", "Bunia")
    assert "location:before:around" in c.rules


def test_around_after_another_figure_or_in_a_relative_is_not_the_place() -> None:
    text = "The group, which runs clinics around Kismayo, said 900 families had fled."
    assert claim(text, "900").location is None
    text = "China sent 12 warships around Kinmen on Monday, officials said, along with 30 jets."
    assert claim(text, "30").location is None
