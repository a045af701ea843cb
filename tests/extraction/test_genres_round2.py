"""Issue 12, genres round 2: live blogs and wire briefs. A wire slug and a live blog's time
stamp cut from the sentence, a title-case headline read in sentence case and its source
after a colon, a wire headline's source after a spaced hyphen, a colon lead across a
semicolon, a correction's own earlier text that is no source, `claims it`, `bodies of X`,
and `risen above N`.
Sentences written for these tests (not taken from the gold files); each row asserts the
values read and the rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims


def test_wire_slug_is_no_figure_and_no_part_of_the_speaker() -> None:
    text = "UPDATE 2-Somalia's army says it killed 45 al-Shabaab fighters near Jowhar"
    got = [(c.text, c.category, c.actor, c.attribution) for c in claims(text)]
    assert got == [("45", "killed", "al-Shabaab", "Somalia's army")]
    assert "sentence:lead-cut:wire-slug" in claim(text, "45").rules


def test_time_stamp_before_a_colon_source() -> None:
    text = "Quiet morning in Odesa. 09:20 — Odesa regional administration: 6 people injured."
    c = claim(text, "6")
    assert (c.category, c.attribution) == ("wounded", "Odesa regional administration")
    assert "sentence:lead-cut:timestamp" in c.rules


def test_updated_stamp_is_no_figure() -> None:
    text = "Updated 10.05am GMT. SOHR: 18 fighters were killed near Raqqa."
    got = [(c.text, c.category, c.attribution) for c in claims(text)]
    assert got == [("18", "killed", "SOHR")]


def test_colon_lead_reaches_across_a_semicolon() -> None:
    c = claim("Kharkiv police: shelling hit 2 villages; 4 people wounded.", "4")
    assert (c.category, c.attribution) == ("wounded", "Kharkiv police")


def test_title_case_headline_is_read_in_sentence_case() -> None:
    c = claim("At Least 19 Killed As Drone Hits Market In Kadugli.", "At Least 19")
    assert (c.low, c.high, c.qualifier, c.category) == (19, None, "lower", "killed")
    assert "sentence:title-case" in c.rules


def test_title_case_headline_source_after_its_colon() -> None:
    c = claim("Gaza Death Toll Rises To 52,000: Health Ministry.", "52,000")
    assert (c.category, c.attribution) == ("killed", "Health Ministry")
    assert "attribution:post:headline-colon-tail" in c.rules


def test_title_case_says_is_a_speech_verb() -> None:
    c = claim("Ukraine Says 300 Russian Troops Killed Near Pokrovsk.", "300")
    assert (c.category, c.actor, c.attribution) == ("killed", "Russia", "Ukraine")


def test_wire_headline_source_after_a_spaced_hyphen() -> None:
    c = claim(
        "BRIEF-About 70 ISIS fighters killed in Iraqi raids in Anbar - Iraqi army", "About 70"
    )
    assert (c.category, c.attribution) == ("killed", "Iraqi army")
    assert "attribution:post:dash-tail" in c.rules


def test_earlier_version_of_a_story_is_no_source() -> None:
    text = "Correction: An earlier version of this article said 40 soldiers had been captured."
    c = claim(text, "40")
    assert (c.category, c.attribution) == ("captured", None)


def test_earlier_we_reported_is_no_source() -> None:
    text = "Earlier we reported that 12 medics were killed; the ministry says 11 died."
    assert claim(text, "12").attribution is None
    assert claim(text, "11").attribution == "the ministry"


def test_claims_it_is_a_speech_verb() -> None:
    c = claim("Iran claims it shot down 3 Israeli drones over Tabriz.", "3")
    assert (c.category, c.actor, c.attribution) == ("equipment", "Israel", "Iran")


def test_bodies_of_people_are_the_dead() -> None:
    c = claim("Rescuers said some 90 bodies of RSF fighters lay near the bridge.", "some 90")
    assert c.category == "killed"
    assert "category:noun:bodies" in c.rules


def test_risen_above_links_a_far_toll() -> None:
    text = (
        "The number of civilians killed in Kharkiv this month has risen above 200, officials say."
    )
    c = claim(text, "above 200")
    assert (c.low, c.high, c.category, c.attribution) == (200, None, "killed", "officials")


def test_the_same_figure_with_a_generic_noun_counts_the_same_people() -> None:
    text = "Gunmen seized 14 people in Kaduna. Police said the 14 men and women were freed."
    c = claims(text)[1]
    assert (c.text, c.category, c.attribution) == ("14", "captured", "Police")
    assert "category:the-figure-before:captured" in c.rules
