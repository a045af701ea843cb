"""Attribution round 20: a tag after a belief, a closing `the figure given by`, a quote tagged
after its last sentence.

Classes found on `gold/claimants_r20.jsonl` (and the open question of `claimants_r18`),
written before these rules: a belief held by one party and reported by another (`Israel
believes …, an Israeli official said`) was credited to the believer, though CONVENTIONS.md
makes the reporting clause after the figure the claimant; `the figure given by X` closing a
sentence reached only a figure at most five words before it; and the first sentence of a quote
whose tag comes after its second sentence had no source. The sentences are written for these
tests.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import attribution_block, claims, kept, only

# --- a tag after a belief reports it ----------------------------------------------------------


def test_an_official_who_reports_a_belief_is_its_claimant() -> None:
    text = (
        "Malian intelligence believes that about 600 JNIM fighters are massed near Nioro, "
        "a security official said."
    )
    assert attribution_block(text) == [
        f"  attribution  {'a security official':<28} <- attribution:speech:said, "
        "attribution:tag-over-belief",
        kept('attribution:lost:outranked "Malian intelligence"'),
    ]


def test_an_estimate_reported_by_an_officer_is_the_officer_s() -> None:
    text = (
        "Somali police estimate that as many as 300 militants entered Gedo last week, a senior "
        "officer told reporters."
    )
    assert only(text).attribution == "a senior officer"


def test_the_believer_s_own_spokesman_speaks_for_the_believer() -> None:
    text = (
        "The Chadian government estimates that 40,000 refugees crossed from Darfur in May, "
        "its spokesman said."
    )
    assert only(text).attribution == "The Chadian government"


def test_a_belief_with_no_tag_stays_the_believer_s() -> None:
    text = "Kyiv believes that 12,000 North Korean troops are deployed in the Kursk region."
    assert only(text).attribution == "Kyiv"


def test_a_statement_before_the_figure_keeps_it_against_a_tag() -> None:
    text = "The ministry said 40 soldiers were killed near Bakhmut, Ukrainian media reported."
    assert only(text).attribution == "The ministry"


# --- `the figure given by X` closing its sentence ---------------------------------------------


def test_a_closing_figure_given_by_reaches_the_whole_clause() -> None:
    text = (
        "The rebels are holding about 1,200 government soldiers in Bukavu, the figure given by "
        "their spokesman, Willy Ngoma."
    )
    assert attribution_block(text) == [
        "  attribution  their spokesman, Willy Ngoma <- attribution:given-by, "
        "attribution:given-by-closing",
    ]
    assert only(text).claimant == "Willy Ngoma"


def test_a_tally_that_shows_is_a_subject_not_an_apposition() -> None:
    text = (
        "Nearly 200 soldiers have been killed in attacks since March, a tally compiled by "
        "ACLED shows."
    )
    c = only(text)
    # round 24: the count's keeper is the span (`attribution:cut:count-keeper`), not the count
    assert c.attribution == "ACLED"
    assert "attribution:given-by-closing" not in c.rules


def test_a_figure_given_by_in_mid_sentence_still_reaches_only_near() -> None:
    text = (
        "Estimates range from 5,000 fighters, the figure given by the army, to as many as "
        "9,000 in the hills around Kidal."
    )
    assert [(c.text, c.attribution) for c in claims(text)] == [
        ("5,000", "the army"),
        ("as many as 9,000", None),
    ]


# --- a quote tagged after its last sentence -----------------------------------------------------


def test_the_first_sentence_of_a_quote_takes_the_tag_after_the_second() -> None:
    text = (
        '"Our air defences destroyed 27 drones over the Kursk region. The rest fell in fields," '
        "the Russian defence ministry said."
    )
    assert attribution_block(text) == [
        f"  attribution  {'the Russian defence ministry':<28} <- attribution:quote-tagged-ahead",
    ]


def test_an_inverted_tag_after_the_quote_names_the_speaker() -> None:
    text = '"We counted 14 bodies on the road. The village is empty," said a nurse in Mopti.'
    c = only(text)
    assert (c.attribution, c.claimant) == ("a nurse in Mopti", "a nurse in Mopti")


def test_a_pronoun_tag_ahead_is_resolved_to_the_speaker_named_before() -> None:
    text = (
        "Colonel Issa Maiga spoke in Gao on Monday. "
        '"Our units killed 30 militants near Ansongo. Two soldiers died," he said.'
    )
    c = claims(text)[0]
    assert (c.text, c.attribution, c.claimant) == (
        "30",
        "he [Colonel Issa Maiga]",
        "Colonel Issa Maiga",
    )


def test_a_quote_closed_in_its_own_sentence_takes_no_tag_ahead() -> None:
    text = '"Operation Dawn" freed 15 hostages in Zamfara. Officials said it was a success.'
    assert only(text).attribution is None


def test_a_quote_that_a_new_paragraph_interrupts_takes_no_tag_ahead() -> None:
    text = '"Gunmen kidnapped 20 villagers.\n\nThe rest fled," a resident said.'
    assert claims(text)[0].attribution is None
