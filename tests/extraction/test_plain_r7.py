"""Issue 12, plain round 7: wire passages about Africa and Latin America, written before the
rules were read. The classes fixed: `reinforcements` are troops; a longer name that covers
the subject's name (`South Sudan` over `Sudan`) is the side; `carrying off` people abducts
them; `suspected` / `alleged` and participles of capture before a people noun are modifiers
(a verb of dying in the clause still decides); `reported missing` names no speaker; `what it
said were N`; an `it` under a `the group` subject stands for the group the paragraph named; a
tag followed by `a month after X left` leaves that clause to the reporter; `inside` before
the figure places it; `where` after `X on the border` stands for the whole phrase; a belief
participle that says who the subject is does not hedge the clause's figures. Passages
written for these tests (not taken from the gold file); each asserts the values read and
the rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_reinforcements_are_troops_of_the_longer_name() -> None:
    c = claim("South Sudan's army sent 1,500 reinforcements to Malakal on Friday.", "1,500")
    assert (c.category, c.actor, c.subject) == ("troops", "South Sudan", "reinforcements")
    assert "category:noun:reinforcements" in c.rules
    assert "actor:supplier:South Sudan" in c.rules


def test_the_shorter_name_alone_is_still_its_own_side() -> None:
    c = claim("Sudan's army sent 2,000 reinforcements to El Obeid.", "2,000")
    assert c.actor == "Sudan"


def test_carrying_off_people_is_an_abduction_and_its_breakdown_follows() -> None:
    text = (
        "Gunmen raided a hamlet near Katsina, killing 6 farmers and carrying off 14 others,"
        " including 5 women, police said."
    )
    assert claim(text, "6").category == "killed"
    c = claim(text, "14")
    assert c.category == "captured"
    assert "category:verb-before:carrying off" in c.rules
    c = claim(text, "5")
    assert c.category == "captured"
    assert "category:inherited:captured" in c.rules


def test_suspected_before_a_noun_is_its_modifier() -> None:
    c = claim("Soldiers arrested 12 suspected informants in Maiduguri on Monday.", "12")
    assert (c.category, c.subject) == ("captured", "suspected informants")
    assert "category:unknown-noun:informants" in c.rules


def test_a_capture_participle_before_soldiers_is_their_modifier() -> None:
    c = claim("The rebels paraded 20 captured soldiers in the main square of Bunia.", "20")
    assert (c.category, c.subject) == ("captured", "captured soldiers")
    assert "category:modifier:captured" in c.rules


def test_a_verb_of_dying_outranks_the_capture_participle() -> None:
    c = claim("Militants executed 9 abducted farmers near Gao, the governor said.", "9")
    assert c.category == "killed"
    assert "category:modifier-then-killed:abducted" in c.rules


def test_reported_missing_is_no_speaker() -> None:
    text = (
        "At least 30 people were killed in Kidal and 12 reported missing, according to local"
        " officials."
    )
    for figure in ("At least 30", "12"):
        c = claim(text, figure)
        assert c.attribution == "local officials"
    assert claim(text, "12").category == "missing"
    assert any(r.startswith("attribution:refused:reported-status") for r in claim(text, "12").rules)


def test_what_it_said_were_under_the_group_subject() -> None:
    text = (
        "Al-Shabaab fighters attacked a base near Baidoa on Sunday. The group released photos"
        " of what it said were 9 captured soldiers."
    )
    c = claim(text, "9")
    assert (c.category, c.attribution, c.claimant) == ("captured", "it [al-Shabaab]", "al-Shabaab")
    assert "attribution:pronoun-of-group-subject" in c.rules
    assert 'attribution:cut:free-relative "what"' in c.rules


def test_a_time_clause_after_the_tag_is_the_reporters() -> None:
    text = (
        "Mali's junta said 300 Africa Corps troops had arrived in Bamako, two weeks after the"
        " last of about 1,500 Wagner fighters left the country."
    )
    c = claim(text, "300")
    assert c.attribution == "Mali's junta"
    assert "attribution:tag-then-time-clause" not in c.rules  # the tag is before the figure
    text = (
        "About 300 Africa Corps troops have arrived in Bamako, Mali's junta said, two weeks"
        " after the last of about 1,500 Wagner fighters left the country."
    )
    c = claim(text, "About 300")
    assert c.attribution == "Mali's junta"
    assert "attribution:tag-then-time-clause" in c.rules
    c = claim(text, "about 1,500")
    assert (c.actor, c.attribution) == ("Wagner Group", None)
    assert 'attribution:lost:reach-cut "Mali\'s junta"' in c.rules


def test_a_tag_then_after_without_a_duration_goes_on_reporting() -> None:
    text = (
        "About 300 troops have arrived in Bamako, Mali's junta said, after about 1,500 Wagner"
        " fighters left the country."
    )
    assert claim(text, "about 1,500").attribution == "Mali's junta"


def test_inside_before_the_figure_places_it() -> None:
    c = claim(
        "The number of people displaced inside Sudan has passed 9 million, the IOM said.",
        "passed 9 million",
    )
    assert (c.category, c.location) == ("displaced", "Sudan")
    assert "location:before:inside" in c.rules


def test_where_after_a_place_on_a_border_stands_for_the_whole_phrase() -> None:
    c = claim(
        "Troops were sent to Kalamon on the Nigerian border, where gunmen killed 11 villagers.",
        "11",
    )
    assert c.location == "Kalamon on the Nigerian border"
    assert "location:where-antecedent:located-place" in c.rules


def test_where_after_a_plain_place_is_unchanged() -> None:
    c = claim("Thousands fled to Tawila, where aid groups counted 4,000 new arrivals.", "4,000")
    assert c.location == "Tawila"
    assert "location:where-antecedent" in c.rules


def test_a_belief_about_who_the_subject_is_does_not_hedge_the_figure() -> None:
    c = claim("Gunmen believed to be bandits abducted 25 pupils from a school in Kebbi.", "25")
    assert (c.category, c.hedged) == ("captured", False)
    assert "hedge:kept-out:believed (the subject's identity)" in c.rules


def test_a_belief_that_holds_the_figure_still_hedges_it() -> None:
    c = claim("Fighters believed to number about 3,000 have massed near Menaka.", "about 3,000")
    assert c.hedged is True
    c = claim("Militants believed to have killed 40 villagers were arrested in Tillaberi.", "40")
    assert c.hedged is True


def test_what_they_said_were_stands_for_the_sentences_subject() -> None:
    text = "The militiamen displayed what they said were 11 captured army trucks near Kalemie."
    c = claim(text, "11")
    assert (c.attribution, c.claimant) == ("they [The militiamen]", "The militiamen")
    assert "attribution:pronoun-of-subject" in c.rules


def test_a_time_clause_with_a_bare_plural_subject_is_the_reporters() -> None:
    text = (
        "About 70 soldiers died in the ambush near Dori, the army said, days after militants"
        " killed 40 soldiers at a base in Djibo."
    )
    assert claim(text, "About 70").attribution == "the army"
    c = claim(text, "40")
    assert c.attribution is None
    assert 'attribution:lost:reach-cut "the army"' in c.rules
