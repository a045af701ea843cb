"""Attribution round 18: a plan is nobody's count, and a count's clause can name its source.

Classes found on `gold/claimants_r18.jsonl`, written before these rules: a figure inside the
infinitive of a decision (`Parliament voted to mobilise 160,000 more men`) was credited to the
body that decided, and a figure whose own clause says where it came from (`The figure of 3,200
dead came from the health ministry`) had no source. The sentences are written for these tests.
"""

from __future__ import annotations

from projections.extraction import explain
from tests.extraction.claim_helpers import attribution_block, claims, kept, only

# --- a decision's infinitive is a plan, not its maker's count --------------------------------


def test_a_vote_to_mobilise_has_no_claimant() -> None:
    text = "The national assembly in Bamako voted on Monday to recruit 4,000 more soldiers."
    assert attribution_block(text) == [
        f"  attribution  {'None':<28} <- (no rule: default)",
        kept('attribution:refused:plan "voted on Monday to recruit"'),
    ]


def test_an_agreement_to_release_hostages_has_no_claimant() -> None:
    text = "The armed group agreed to release 12 hostages seized in the raid near Cúcuta."
    c = only(text)
    assert (c.text, c.category, c.attribution) == ("12", "captured", None)


def test_a_decision_named_after_the_figure_still_attributes_it() -> None:
    text = "The 2,500 police officers of the mission will stay until June, the council decided."
    assert [(c.text, c.attribution) for c in claims(text)] == [("2,500", "the council")]


def test_a_speaker_who_reports_a_vote_keeps_the_figure() -> None:
    text = "A ministry spokesman said parliament voted to send 300 soldiers to the border."
    assert only(text).attribution == "A ministry spokesman"


# --- a count's own clause names its source ----------------------------------------------------


def test_the_source_a_count_came_from_is_its_claimant() -> None:
    text = "The toll of 57 dead came from the regional health office in Kassala."
    assert attribution_block(text) == [
        f"  attribution  {'the regional health office in Kassala':<28} <- attribution:came-from",
    ]


def test_people_who_came_from_a_place_give_no_source() -> None:
    text = "About 900 refugees came from Sudan to the camps near Adré this week."
    assert only(text).attribution is None


def test_a_source_sentence_after_the_figures_still_counts() -> None:
    text = "Gunmen killed 14 villagers near Djibo. The figure came from a local official."
    assert [(c.text, c.attribution) for c in claims(text)] == [("14", "a local official")]


# --- a participle that places the subject is no first predicate ------------------------------


def test_a_participle_of_place_stays_in_the_subject_before_and() -> None:
    text = "Soldiers stationed in Bunia withdrew to their base and said 18 comrades were missing."
    assert attribution_block(text) == [
        f"  attribution  {'Soldiers stationed in Bunia':<28} <- attribution:speech:said",
        kept('attribution:cut:first-predicate "withdrew to their base and"'),
    ]


def test_a_past_verb_of_place_is_still_the_first_predicate() -> None:
    text = "The army attacked in the north and said 40 militants were killed near Diffa."
    assert attribution_block(text) == [
        f"  attribution  {'The army':<28} <- attribution:speech:said",
        kept('attribution:cut:first-predicate "attacked in the north and"'),
    ]


def test_an_irregular_past_opens_a_first_predicate() -> None:
    text = "The villagers fled the fighting and said 9 neighbours were killed in Tanout."
    assert only(text).attribution == "The villagers"


# --- a partitive relative clause speaks for its part only ------------------------------------


def test_the_whole_before_a_partitive_clause_keeps_no_speaker_and_no_hedge() -> None:
    text = "The group holds 64 captives in Sennar, at least 20 of whom the army believes are dead."
    whole, part = claims(text)
    assert (whole.text, whole.attribution, whole.hedged) == ("64", None, False)
    lines = explain(whole).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  attribution"))
    assert lines[at : at + 3] == [
        f"  attribution  {'None':<28} <- (no rule: default)",
        kept('attribution:lost:before-partitive "the army"'),
        f"  hedged       {'False':<28} <- hedge:cut:partitive",
    ]
    assert (part.text, part.attribution, part.hedged) == ("at least 20", "the army", True)
