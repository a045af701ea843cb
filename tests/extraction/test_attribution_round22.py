"""Attribution round 22: form labels, tags before `saying`, asides and clauses between a
speaker and its verb, a statement quoted after a colon, and counts kept by a body.

Classes found on `gold/claimants_r22.jsonl`, written before these rules: `Fatalities
reported: 23` gave the label `Fatalities` as the speaker; `"…," he added, saying 40 …` gave
the verb phrase `he added`; `X, whose office has been tracking …, said` was refused as
negated (the clause's `been`); `Verrier, later said` kept the comma; `the ministry's
statement reads: "…"` had no source; `The count kept by CPJ reached 128` had none; and
`was reported by X on Wednesday evening` kept the evening. The sentences are written for
these tests.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import attribution_block, claim, claims, kept, only

# --- a label before a colon is no speaker ------------------------------------------------------


def test_a_counted_word_before_reported_is_a_label() -> None:
    text = "Deaths recorded: 41 (district hospital figures)."
    assert attribution_block(text) == [
        f"  attribution  {'None':<28} <- (no rule: default)",
        kept('attribution:refused:counted-subject "Deaths recorded"'),
    ]


def test_a_labelled_list_has_no_speaker() -> None:
    text = "Casualties confirmed: 30. Injured: 12."
    assert [c.attribution for c in claims(text)] == [None, None]


def test_a_named_body_before_reported_still_speaks() -> None:
    text = "Medics reported 19 dead in Gao."
    assert only(text).attribution == "Medics"


# --- a tag before `, saying` ---------------------------------------------------------------------


def test_the_subject_of_a_tag_before_saying_speaks() -> None:
    text = (
        'Colonel Amadou Diallo said the convoy was hit near Ansongo. "We lost men," he '
        "added, saying 14 soldiers had been killed."
    )
    c = claim(text, "14")
    assert c.attribution == "he [Colonel Amadou Diallo]"
    assert c.claimant == "Colonel Amadou Diallo"


def test_a_named_tag_before_saying_keeps_the_name() -> None:
    text = '"It was a massacre," the governor said, saying 52 villagers were killed.'
    assert only(text).attribution == "the governor"


# --- what stands between a speaker and its verb -----------------------------------------------


def test_a_whose_clause_is_cut_from_the_speaker() -> None:
    text = (
        "Grace Amadi, whose organisation has been documenting abductions, said 64 women "
        "were still held."
    )
    assert attribution_block(text) == [
        f"  attribution  {'Grace Amadi':<28} <- attribution:speech:said",
        kept('attribution:cut:whose-clause "whose organisation has been documenting abductions"'),
    ]


def test_an_adverb_after_an_appositive_drops_its_comma() -> None:
    text = "An army spokesman, Major Kofi Mensah, later said 8 soldiers were wounded."
    assert attribution_block(text) == [
        f"  attribution  {'Major Kofi Mensah':<28} <- attribution:speech:said",
        kept('attribution:cut:comma-adverb "later"'),
    ]


# --- a statement quoted after a colon ---------------------------------------------------------


def test_the_owner_of_a_statement_that_reads_speaks() -> None:
    text = 'The militia\'s statement reads: "Our fighters captured 35 soldiers at the base."'
    c = only(text)
    assert c.attribution == "The militia"
    assert attribution_block(text)[0] == (
        f"  attribution  {'The militia':<28} <- attribution:colon, attribution:statement-reads"
    )


def test_a_statement_without_an_owner_gives_no_source() -> None:
    text = 'The statement reads: "Our fighters captured 35 soldiers at the base."'
    assert only(text).attribution is None


# --- a count kept by a body -------------------------------------------------------------------


def test_the_keeper_of_a_count_speaks_for_its_sentence() -> None:
    text = "The tally kept by Airwars rose to 212 civilians killed in Raqqa."
    assert attribution_block(text) == [
        f"  attribution  {'Airwars':<28} <- attribution:according-to, attribution:count-kept-by",
    ]


def test_a_database_maintained_by_a_body_names_the_body() -> None:
    text = (
        "A database maintained by the Uppsala Conflict Data Program lists 1,900 fighters "
        "killed in the war."
    )
    assert only(text).attribution == "the Uppsala Conflict Data Program"


def test_kept_inside_a_clause_is_no_source() -> None:
    text = "Rebels said 40 hostages were kept by the militia in Bunia."
    assert only(text).attribution == "Rebels"


# --- a day part after a passive agent ---------------------------------------------------------


def test_a_day_part_is_cut_from_a_passive_agent() -> None:
    text = "The deaths of 7 herders were reported by the district council on Friday morning."
    c = claim(text, "7")
    assert c.attribution == "the district council"
