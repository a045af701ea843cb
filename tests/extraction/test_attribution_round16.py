"""Attribution round 16: sources that the grammar of the clause names, each rule in `--explain`.

Classes found on `gold/claimants_r16.jsonl`, written before these rules: a speech verb that
shares its subject with a predicate before `and` (`The council's statement condemned … and
said`), the agent of a passive statement (`The figure … was given by X`, `X was told … that
N …, by Y`), a verb of decision (`…, the council decided`). Round 17, on
`gold/claimants_r17.jsonl`: an aside opened by a past participle (`X, quoted by Y, said`), a
relative clause without commas (`A spokesman … who gave his name only as Jean said`), and a
count `based on` someone's figures. The sentences are written for these tests.
"""

from __future__ import annotations

from projections.extraction import extract
from tests.extraction.claim_helpers import attribution_lines, kept


def attributions(text: str) -> list[tuple[str, str | None]]:
    return [(c.text, c.attribution) for c in extract(text)]


# --- a second predicate after `and` shares the first one's subject -------------------------


def test_the_verb_after_and_takes_the_subject_of_the_first_predicate() -> None:
    text = "The provincial police condemned the raid on Kalehe and said 14 villagers were killed."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'The provincial police':<28} <- attribution:speech:said",
            kept('attribution:cut:first-predicate "condemned the raid on Kalehe and"'),
        ]
    ]


def test_a_statement_of_a_named_body_resolves_after_the_first_predicate() -> None:
    text = (
        "Bandits killed 6 farmers near Gusau, the Zamfara state government said. The "
        "government's statement blamed a local gang and said 3 others were abducted."
    )
    assert attributions(text) == [
        ("6", "the Zamfara state government"),
        ("3", "The government's statement [the Zamfara state government]"),
    ]


def test_a_present_first_predicate_counts_too() -> None:
    text = "The army denies the charge and says 40 rebels were captured in the hills."
    assert attributions(text) == [("40", "The army")]


def test_and_between_two_names_is_no_predicate() -> None:
    # no verb before `and`: the older rule (`_and_in_name`) keeps the last name, as before
    text = "Russia and Belarus said 9,000 troops would take part in the drills."
    assert attributions(text) == [("9,000", "Belarus")]


# --- the agent of a passive statement ------------------------------------------------------


def test_a_figure_given_by_an_agent_with_a_named_appositive() -> None:
    text = (
        "The figure of 52 dead in Bentiu was given by a local health official, "
        "Dr James Gatluak, on Monday."
    )
    assert attribution_lines(text) == [
        [
            f"  attribution  {'a local health official, Dr James Gatluak':<28} "
            "<- attribution:speech:given, attribution:passive-agent",
        ]
    ]


def test_a_passive_told_names_its_agent_after_the_clause() -> None:
    text = (
        "Parliament was told on Wednesday that 700 soldiers had deserted in the east, "
        "by the chief of the general staff."
    )
    assert attribution_lines(text) == [
        [
            f"  attribution  {'the chief of the general staff':<28} "
            "<- attribution:speech:told, attribution:passive-agent",
        ]
    ]


def test_a_passive_told_by_before_that() -> None:
    text = "The committee was told by the defence minister that 85 pilots had been trained."
    assert attributions(text) == [("85", "the defence minister")]


def test_troops_provided_by_a_state_are_no_statement() -> None:
    text = "About 2,000 troops were provided by Chad for the mission."
    assert attributions(text) == [("About 2,000", None)]


# --- a decision is its maker's figure --------------------------------------------------------


def test_a_tag_of_a_decision_attributes_the_figure_before_it() -> None:
    text = "The 1,800 police officers of the mission will stay until March, the council decided."
    assert attribution_lines(text) == [
        [f"  attribution  {'the council':<28} <- attribution:speech:decided"]
    ]


def test_a_body_that_voted_to_deploy_troops_does_not_claim_them() -> None:
    # round 18: the infinitive of a vote is a plan, not a count its maker gives
    text = "The Kenyan parliament voted on Tuesday to deploy 1,000 police officers to Haiti."
    assert attributions(text) == [("1,000", None)]


# --- round 17: what sits between a subject and its verb ---------------------------------------


def test_a_participle_aside_is_cut_from_the_subject() -> None:
    text = "The Tigray authorities, cited by the regional broadcaster, said 70 men were captured."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'The Tigray authorities':<28} <- attribution:speech:said",
            kept('attribution:cut:participle-aside "cited by the regional broadcaster"'),
        ]
    ]


def test_a_relative_clause_without_commas_ends_the_subject() -> None:
    text = "A nurse who asked to be identified only as Mariam said 33 wounded civilians arrived."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'A nurse':<28} <- attribution:speech:said",
            kept('attribution:cut:relative-clause "who asked to be identified only as Mariam"'),
        ]
    ]


def test_a_count_based_on_figures_of_others_is_the_source() -> None:
    text = "A Reuters tally based on hospital officials' figures shows 48 people died in Goma."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'A Reuters tally':<28} <- attribution:weak:shows",
            kept('attribution:cut:based-on "based on hospital officials\' figures"'),
        ]
    ]


def test_figures_with_nothing_based_on_them_keep_their_owner() -> None:
    text = "The health officials' figures put the number of dead in Goma at 48."
    assert attributions(text) == [("48", "The health officials' figures")]


# --- classes studied on the figures files (tuned on before: reported as such) ---------------


def test_conceding_is_asserting() -> None:
    text = "Army officers in Bunia concede that the militia holds 60 soldiers as prisoners."
    assert attribution_lines(text) == [
        [f"  attribution  {'Army officers in Bunia':<28} <- attribution:speech:concede"]
    ]


def test_a_figure_put_at_in_the_passive_is_the_agents() -> None:
    text = "The militia's losses near Beni were put at 45 fighters by the Ugandan army."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'the Ugandan army':<28} "
            "<- attribution:speech:put, attribution:passive-agent",
        ]
    ]


def test_an_appositive_holding_a_relative_clause_is_cut() -> None:
    text = (
        "The Karen National Union, one of the oldest rebel groups that still fight the junta, "
        "said 80 soldiers had surrendered."
    )
    assert attribution_lines(text) == [
        [
            f"  attribution  {'The Karen National Union':<28} <- attribution:speech:said",
            kept(
                'attribution:cut:appositive-relative "one of the oldest rebel groups that '
                'still fight the junta"'
            ),
        ]
    ]


def test_an_appositive_title_without_a_relative_clause_stays() -> None:
    text = "Ahmed Salah, the district commissioner, said 9 herders were abducted near Wajir."
    assert attributions(text) == [("9", "Ahmed Salah, the district commissioner")]


def test_claiming_an_attack_is_no_statement_of_its_toll() -> None:
    text = "The Islamic State group claimed the ambush, which killed 14 soldiers near Diffa."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'None':<28} <- (no rule: default)",
            kept('attribution:refused:claimed-act "claimed the ambush"'),
        ]
    ]


def test_claiming_to_have_killed_still_asserts_the_figure() -> None:
    text = "The rebels claimed to have killed 30 soldiers near Kidal."
    assert attributions(text) == [("30", "The rebels")]


def test_a_speaker_in_a_clause_of_place_reports_that_clause_only() -> None:
    text = (
        "Floods left 25 people dead in Sittwe, where the junta said rebel shelling had "
        "killed 6 more."
    )
    assert attribution_lines(text) == [
        [
            f"  attribution  {'None':<28} <- (no rule: default)",
            kept('attribution:lost:speaks-for-what-follows "the junta"'),
        ],
        [f"  attribution  {'the junta':<28} <- attribution:speech:said, attribution:where-clause"],
    ]
