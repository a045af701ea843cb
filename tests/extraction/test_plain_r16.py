"""Issue 12, plain round 16: retrospective and analytical figures (anniversaries, explainers,
think-tank pieces about past wars). The classes they showed: the country heading an entry of
a list of wars (`Iraq (2003-2011): …`), a time phrase read as a place (`At its peak the …`),
an apposition with a hyphenated word before the subject's verb (`Britain, the
second-largest contributor, deployed`), the size a force `peaked at` or `numbered`, a
`found` tag closing its sentence with a time after it, a short relative clause holding
`that` between a speaker and its verb, the place a battle or siege is fought for, and
people who `vanished`.
Passages written for these tests (not taken from the gold file)."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_a_list_heading_names_the_place_of_its_entry() -> None:
    text = "Vietnam (1965-1973): about 58,000 US troops killed and some 150,000 wounded."
    c = claim(text, "about 58,000")
    assert (c.category, c.actor, c.location) == ("killed", "United States", "Vietnam")
    assert "location:list-heading" in c.rules
    w = claim(text, "some 150,000")
    assert (w.category, w.location) == ("wounded", "Vietnam")


def test_a_heading_that_is_no_place_gives_none() -> None:
    text = "Update (2 pm): 14 soldiers were killed, the army said."
    c = claim(text, "14")
    assert (c.category, c.location) == ("killed", None)


def test_at_its_peak_is_a_time_not_a_place() -> None:
    c = claim("At its peak the Cuban force numbered some 36,000 troops.", "some 36,000")
    assert (c.category, c.location) == ("troops", None)
    c = claim("At the war's height the country's army had about 40,000 soldiers.", "about 40,000")
    assert (c.category, c.location) == ("troops", None)


def test_a_hyphenated_apposition_keeps_the_subject_side() -> None:
    text = "Poland, the third-largest contributor, deployed some 2,500 soldiers for the invasion."
    c = claim(text, "some 2,500")
    assert (c.category, c.actor) == ("troops", "Poland")
    assert "actor:clause-subject:Poland" in c.rules


def test_peaked_at_and_numbered_give_the_subject_side() -> None:
    c = claim("NATO's mission peaked at about 50,000 troops in 1999.", "about 50,000")
    assert (c.category, c.actor, c.qualifier) == ("troops", "NATO", "approx")
    c = claim("The UN force in Darfur numbered about 10,000 peacekeepers.", "about 10,000")
    assert (c.category, c.actor, c.location) == ("troops", "United Nations", "Darfur")


def test_found_closing_its_sentence_after_a_time_is_a_tag() -> None:
    text = "The fighting killed some 12,000 people, the Truth and Justice Commission found in 2010."
    c = claim(text, "some 12,000")
    assert (c.category, c.attribution) == ("killed", "the Truth and Justice Commission")
    # a verb of finding with an object stays no statement
    c = claim("Rescuers found 30 bodies in the rubble on Monday.", "30")
    assert c.attribution is None


def test_a_short_relative_with_that_is_cut_from_the_speaker() -> None:
    text = "The ministry, which rejects that estimate, says 700 soldiers died."
    c = claim(text, "700")
    assert (c.category, c.attribution) == ("killed", "The ministry")
    assert any(r.startswith("attribution:cut:relative-clause") for r in c.rules)


def test_the_place_a_battle_is_fought_for() -> None:
    text = "During the battle for Ilovaisk in 2014, Ukraine said 366 of its soldiers were killed."
    c = claim(text, "366")
    assert (c.category, c.actor, c.location) == ("killed", "Ukraine", "Ilovaisk")
    assert "location:before:battle-for" in c.rules
    c = claim("The siege of Mariupol killed at least 8,000 people.", "at least 8,000")
    assert (c.category, c.location) == ("killed", "Mariupol")
    # a battle for something that is no name gives no place
    c = claim("In the battle for control of the road, some 300 fighters were killed.", "some 300")
    assert "location:before:battle-for" not in c.rules


def test_people_who_vanished_are_missing() -> None:
    text = "Relatives say some 1,200 men vanished during the sweep operations."
    c = claim(text, "some 1,200")
    assert (c.category, c.attribution, c.qualifier) == ("missing", "Relatives", "approx")
    assert "category:verb:vanished" in c.rules
