"""Issue 12, devset2-style round 4: two- and three-sentence passages in the style of devset2's
first hundred, where the side of a figure is written in its own sentence other than by an
adjective next to the number (`gold/d2style_r4.jsonl`), and the class its misses showed: a
subject `its own troops`, `its security forces`, `their own special forces` after a speaker's
verb of saying is the speaker's side, as plain `its forces` already was. Passages written for
these tests (not taken from the gold file)."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_its_own_forces_are_the_speakers_side() -> None:
    text = (
        "Baku said on Friday its own troops had suffered 9 dead in the shelling near Lachin. "
        "No figure was given for the wounded."
    )
    c = claim(text, "9")
    assert (c.category, c.actor, c.attribution) == ("killed", "Azerbaijan", "Baku")
    assert "actor:pronoun-speaker" in c.rules


def test_a_modifier_before_the_force_noun_keeps_the_speaker_side() -> None:
    text = "Kenya's government said its security forces had lost 11 men in the raid on Lamu."
    c = claim(text, "11")
    assert (c.category, c.actor) == ("casualties", "Kenya")
    assert c.attribution == "Kenya's government"
    assert (c.low, c.high, c.qualifier) == (11, 11, "exact")


def test_own_and_a_modifier_together() -> None:
    text = "Manila said their own special forces had lost 6 soldiers on Jolo island."
    c = claim(text, "6")
    assert (c.category, c.actor, c.attribution) == ("casualties", "Philippines", "Manila")


def test_a_lowercase_verb_between_is_no_modifier() -> None:
    # `its` owns nothing here: the pronoun is the object of `said`, not a determiner
    text = "Nobody disputed its claim, and the report said troops had lost 30 tanks."
    c = claim(text, "30")
    assert c.actor is None


def test_a_subject_loyal_to_a_side_is_that_sides() -> None:
    # `loyal to X` after the subject's head ties it to X, as `led by X` does
    text = (
        "Fighters loyal to Tehran fired 25 drones at the US base near Tanf, the Pentagon said. "
        "All of them were shot down, it said."
    )
    c = claim(text, "25")
    assert (c.category, c.actor, c.attribution) == ("equipment", "Iran", "the Pentagon")
    assert "actor:loyal-to:Tehran" in c.rules


def test_loyal_to_a_states_government() -> None:
    text = (
        "Troops loyal to Somalia's federal government lost 14 soldiers near Baidoa, officials said."
    )
    c = claim(text, "14")
    assert (c.category, c.actor) == ("casualties", "Somalia")
    assert c.attribution == "officials"


def test_loyal_to_a_person_names_no_side() -> None:
    text = "Forces loyal to the general lost 40 men in the fighting near Sirte."
    c = claim(text, "40")
    assert c.actor is None


def test_the_juntas_own_force_as_subject() -> None:
    # `the junta's air force lost N`: the junta's state, as for `junta troops lost N`
    text = (
        "The junta's navy lost four patrol boats off Kyaukphyu, the Arakan Army said. "
        "It gave no figure for the crews."
    )
    c = claim(text, "four")
    assert (c.category, c.actor, c.attribution) == ("equipment", "Myanmar", "the Arakan Army")
    assert "actor:junta-state:Arakan Army" in c.rules
    two = claim("The junta's special forces lost 18 men near Mandalay, the KIA said.", "18")
    assert (two.category, two.actor) == ("casualties", "Myanmar")


def test_the_juntas_force_with_no_state_named() -> None:
    c = claim("The junta's air force lost two jets last week.", "two")
    assert c.actor is None  # no junta state, nor a group fighting one, in the sentence
