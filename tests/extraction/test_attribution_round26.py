"""Attribution round 26: assessments, situation reports and daily military briefings.

Classes found on `gold/claimants_r26.jsonl`, written before these rules: `the enemy lost …`
in a side's own briefing had no actor (it is the side the speaker fights); a briefing's
`Russian losses over the past day: N soldiers, N tanks` gave its list no side; `their forces
had launched N` did not stand for the speaker's side; `dropped N glide bombs` was no verb of a
side's own weapons; `The ICRC said in an update that its teams had treated N` gave the teams;
`analysts judge that` spoke for no one; `Kyiv's daily tally put Russia's losses at N personnel`
was `killed` (the tally's kind, not the losses'). The sentences are written for these tests.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims, only

# --- the enemy of the side that speaks ----------------------------------------------------------


def test_the_enemy_in_kyiv_s_briefing_is_russia() -> None:
    text = (
        "In the past 24 hours the enemy lost 980 personnel and 14 tanks, Ukraine's General "
        "Staff said in its daily report."
    )
    first, second = claims(text)
    assert (first.low, first.category, first.actor) == (980, "casualties", "Russia")
    assert "actor:enemy-of-speaker:Ukraine" in first.rules
    assert (second.low, second.category, second.actor) == (14, "equipment", "Russia")
    assert second.attribution == "Ukraine's General Staff"


def test_the_enemy_in_moscow_s_briefing_is_ukraine() -> None:
    text = (
        "The Russian defence ministry said the enemy had lost up to 145 troops near Kupiansk "
        "over the past day."
    )
    c = only(text)
    assert (c.low, c.high, c.qualifier, c.category) == (None, 145, "upper", "casualties")
    assert (c.actor, c.attribution) == ("Ukraine", "The Russian defence ministry")


def test_the_enemy_s_possessive_and_a_relative_clause() -> None:
    text = "Ukraine's air force said it had downed 40 of the 55 drones that the enemy launched."
    found = {c.text: c for c in claims(text)}
    assert found["40"].actor == "Russia"
    assert found["55"].actor == "Russia"
    assert found["55"].category == "equipment"


def test_the_enemy_of_a_speaker_in_a_war_of_many_sides_is_no_one() -> None:
    text = "The enemy lost 17 fighters near Gao, the Malian army said."
    c = only(text)
    assert (c.low, c.category, c.actor) == (17, "casualties", None)
    assert c.attribution == "the Malian army"


def test_the_enemy_with_no_speaker_is_no_one() -> None:
    c = only("The enemy lost 300 men in the assault on the bridge.")
    assert (c.low, c.actor, c.attribution) == (300, None, None)


# --- a briefing's colon, the speaker's forces, verbs of a side's own weapons -------------------


def test_losses_before_a_colon_own_the_list_after_it() -> None:
    text = "Russian losses in the last day: 1,050 soldiers, nine tanks and 33 artillery systems."
    first, second, third = claims(text)
    assert (first.low, first.category, first.actor) == (1050, "casualties", "Russia")
    assert "actor:colon-owner:Russian" in first.rules
    assert (second.low, second.category, second.actor) == (9, "equipment", "Russia")
    assert (third.low, third.category, third.actor) == (33, "equipment", "Russia")


def test_their_forces_stand_for_the_speaker_s_side() -> None:
    text = "A Hezbollah spokesman said their forces had fired 60 rockets at Safed on Monday."
    c = only(text)
    assert (c.low, c.category, c.actor) == (60, "equipment", "Hezbollah")
    assert "actor:pronoun-speaker" in c.rules


def test_dropped_bombs_are_the_subject_s() -> None:
    c = only("Analysts said Russia had dropped 3,500 guided bombs on Kharkiv region in May.")
    assert (c.low, c.category, c.actor) == (3500, "equipment", "Russia")


# --- situation reports and assessments ---------------------------------------------------------


def test_teams_inside_the_that_clause_of_the_body_are_no_source() -> None:
    text = (
        "The ICRC said in a statement that its medical teams had treated 640 wounded "
        "people in Kherson this month."
    )
    c = only(text)
    assert (c.low, c.category, c.attribution, c.claimant) == (
        640,
        "wounded",
        "The ICRC",
        "The ICRC",
    )
    assert any(r.startswith("attribution:refused:reported-action") for r in c.rules)


def test_analysts_judge_that_speaks_for_the_analysts() -> None:
    text = "RUSI analysts judge that Russia keeps about 90,000 troops near Belgorod."
    c = only(text)
    assert (c.low, c.category, c.actor, c.attribution) == (
        90000,
        "troops",
        "Russia",
        "RUSI analysts",
    )


def test_an_assessment_with_likely_is_hedged() -> None:
    text = "The Institute for the Study of War assessed that Moscow had likely lost 60 tanks."
    c = claim(text, "60")
    assert (c.category, c.actor, c.hedged) == ("equipment", "Russia", True)
    assert c.attribution == "The Institute for the Study of War"


def test_a_tally_that_puts_losses_counts_the_losses() -> None:
    text = "Kyiv's morning tally put Russia's losses at 1,150 personnel over the past day."
    c = only(text)
    assert (c.low, c.category, c.actor) == (1150, "casualties", "Russia")
    assert "category:far:noun" in c.rules
