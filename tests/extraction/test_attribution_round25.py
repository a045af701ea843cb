"""Attribution round 25: registers of testimony, court filings, NGO reports, interviews and
translated statements.

Classes found on `gold/claimants_r25.jsonl`, written before these rules: a document with an
aside of its issuing (`The report, published by Amnesty International, found`, `A statement in
Pashto posted by X claimed`, `The readout …, published by the Kremlin, said`) gave the document,
or no one; `Prosecutors allege that the commander ordered …` gave the commander; `attributes
19 deaths to …` and `described seeing at least 40 bodies` spoke for no one; an interview's
`A:` had no speaker; `We asked the governor, X, …` made `she said` mean `We`; `the minister's
written answer to Parliament gives …` kept the answer in the speaker; `the deaths of 93
civilians` and `gives the number of … as 900` were no claims of a category. The sentences
are written for these tests.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import attribution_block, claim, claims, kept, only

# --- documents and their issuers ---------------------------------------------------------------


def test_a_report_published_by_a_body_is_the_body_s() -> None:
    text = (
        "The report, published by the Geneva Call network, found that militias recruited "
        "1,200 children in Ituri."
    )
    c = only(text)
    assert (c.low, c.category, c.attribution) == (1200, "troops", "the Geneva Call network")
    assert c.claimant == "the Geneva Call network"


def test_a_statement_posted_by_a_spokesman() -> None:
    text = "A statement in Dari posted by the group's spokesman claimed 14 guards were killed."
    assert attribution_block(text) == [
        "  attribution  the group's spokesman        <- attribution:speech:claimed",
        kept('attribution:cut:issued-by "A statement in Dari posted by"'),
    ]


def test_a_readout_issued_by_a_ministry_between_commas() -> None:
    text = (
        "The Arabic-language readout, issued by the Egyptian foreign ministry, said 60 "
        "hostages would be freed."
    )
    c = only(text)
    assert (c.low, c.category) == (60, "captured")
    assert (c.attribution, c.claimant) == ("the Egyptian foreign ministry",) * 2


def test_figures_submitted_to_a_council_cut_at_to_the() -> None:
    text = (
        "Figures submitted by the Malian bar association to the UN show 35 detainees died "
        "in custody."
    )
    assert only(text).attribution == "the Malian bar association"


def test_a_count_compiled_from_reports_cuts_the_source_it_drew_on() -> None:
    text = (
        "The casualty figures, compiled by the Yemen Data Project from hospital data, show "
        "52 civilians killed."
    )
    assert only(text).attribution == "the Yemen Data Project"


def test_the_owner_of_a_written_answer_speaks() -> None:
    text = (
        "The minister's written answer to the committee put the number of Estonian troops at 400."
    )
    c = only(text)
    assert (c.low, c.category, c.actor, c.attribution) == (400, "troops", "Estonia", "The minister")
    assert 'attribution:cut:document-owner "\'s written answer to the committee"' in " ".join(
        attribution_block(text)
    )


def test_the_owner_of_a_count_is_unchanged() -> None:
    text = "The army's latest count shows 70 soldiers were wounded near Kupiansk."
    assert only(text).attribution == "The army's latest count"  # a count stays as written


# --- a reported action -------------------------------------------------------------------------


def test_an_action_inside_a_that_clause_is_the_reporter_s() -> None:
    text = "Investigators allege that the colonel ordered the killing of 26 journalists in Goma."
    c = only(text)
    assert (c.low, c.category, c.attribution) == (26, "killed", "Investigators")
    assert "attribution:refused:reported-action" in " ".join(attribution_block(text))


def test_an_action_of_its_own_still_speaks() -> None:
    text = "The general ordered 3,000 reservists to the border."
    c = only(text)
    assert (c.low, c.category, c.attribution) == (3000, "troops", "The general")


# --- verbs that state a figure ------------------------------------------------------------------


def test_attributes_a_figure_speaks() -> None:
    text = "Airwars attributes 27 civilian deaths to the strikes on Mosul."
    c = only(text)
    assert (c.low, c.category, c.attribution) == (27, "killed", "Airwars")
    assert "attribution:speech:attributes" in c.rules


def test_described_seeing_a_figure_speaks() -> None:
    text = "Two survivors described seeing about 60 bodies near the market in Mellit."
    c = only(text)
    assert (c.low, c.qualifier, c.category, c.attribution) == (
        60,
        "approx",
        "killed",
        "Two survivors",
    )


def test_described_without_a_figure_is_no_speaker() -> None:
    text = "Residents described the attack, in which 9 people were killed."
    assert only(text).attribution is None


# --- interviews --------------------------------------------------------------------------------


def test_an_answer_is_the_interviewee_s() -> None:
    text = (
        "General Idris Deby took our questions in N'Djamena.\n\n"
        "Q: What did the attack cost you?\nA: We lost 17 soldiers near Bol."
    )
    c = only(text)
    assert c.attribution == "A [General Idris Deby]"
    assert c.claimant == "General Idris Deby"
    assert "attribution:interview-answer" in c.rules


def test_an_answer_with_no_one_named_has_no_source() -> None:
    text = "Q: How many were hurt?\nA: About 30 people were wounded in the blast."
    c = only(text)
    assert (c.low, c.category, c.attribution) == (30, "wounded", None)


def test_she_after_we_asked_is_the_one_asked() -> None:
    text = "We asked the mayor, Grace Mwangi, about the floods. '12 people are missing,' she said."
    c = only(text)
    assert c.attribution == "she [the mayor, Grace Mwangi]"
    assert c.claimant == "Grace Mwangi"


# --- figures of these registers ----------------------------------------------------------------


def test_the_deaths_of_people_are_killed() -> None:
    text = "The panel holds the battalion responsible for the deaths of 58 villagers in Tillia."
    c = only(text)
    assert (c.low, c.category, c.subject) == (58, "killed", "villagers")
    assert "category:deaths-of" in c.rules


def test_gives_the_number_as_a_figure() -> None:
    text = "The defence ministry gives the number of French troops in Chad as 1,000."
    c = claim(text, "1,000")
    assert (c.low, c.category, c.actor, c.attribution) == (
        1000,
        "troops",
        "France",
        "The defence ministry",
    )
    assert "category:far:given-as" in c.rules


def test_as_without_a_number_of_is_unchanged() -> None:
    assert claims("The army described the attack as 12 hours of shelling.") == []


# --- a reduced relative about who spoke ---------------------------------------------------------


def test_a_participle_of_being_reached_is_cut_from_the_speaker() -> None:
    text = "Nurses interviewed by Radio Tamazuj said 23 patients had died in Malakal."
    assert attribution_block(text) == [
        f"  attribution  {'Nurses':<28} <- attribution:speech:said",
        kept('attribution:cut:reduced-aside "interviewed by Radio Tamazuj"'),
    ]


def test_a_participle_of_another_verb_stays() -> None:
    text = "Doctors based in Malakal said 23 patients had died."
    assert only(text).attribution == "Doctors based in Malakal"
