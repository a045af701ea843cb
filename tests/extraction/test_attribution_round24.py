"""Attribution round 24: document-type leads, second sources without a verb, `informs that`
and `understands that`, single quotation marks, bodies remembered from the sentence that
issued their statement, count keepers, and `puts the figure closer to N`.

Classes found on `gold/claimants_r24.jsonl`, written before these rules: `Press release: The
Senegalese army … captured 11 fighters` had no source; `…, per Reuters`, `… (AFP).` and `…
— TASS` were not read; `The ministry informs that`, `Reuters understands that` spoke for no
one; `'We counted 41 bodies …,' the village chief told` gave `'We`; `It said` after `X released
a statement` and `The agency said` after `X … SNAI gave an update` stayed unresolved; `Data
compiled by X` kept the whole noun phrase; `puts the figure closer to 15` was no claim. The
sentences are written for these tests.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import attribution_block, claim, kept, only

# --- document-type leads ---------------------------------------------------------------------


def test_a_press_release_lead_gives_its_subject() -> None:
    text = "Press release: The Kenyan navy intercepted a boat off Lamu and detained 19 smugglers."
    assert attribution_block(text) == [
        f"  attribution  {'The Kenyan navy':<28} <- attribution:colon, "
        "attribution:document-lead-subject",
    ]
    c = only(text)
    assert (c.text, c.low, c.high, c.category) == ("19", 19, 19, "captured")
    assert c.claimant == "The Kenyan navy"


def test_a_lead_naming_its_author_after_of() -> None:
    text = "Bulletin of the Sudanese health ministry: 64 people died of their wounds in Kadugli."
    c = only(text)
    assert c.attribution == "the Sudanese health ministry"
    assert c.claimant == "the Sudanese health ministry"
    assert (c.low, c.category, c.location) == (64, "killed", "Kadugli")


def test_a_lead_before_a_clause_about_attackers_names_no_author() -> None:
    text = "Statement: Gunmen killed 12 villagers in an overnight raid near Bunia."
    c = only(text)
    assert (c.low, c.category, c.attribution, c.claimant) == (12, "killed", None, None)


def test_a_quote_after_a_colon_is_the_subject_before_it() -> None:
    text = "The general was categorical: 'We destroyed 9 launchers near Tokmak.'"
    c = only(text)
    assert (c.low, c.category, c.attribution) == (9, "equipment", "The general")
    assert "attribution:quote-after-colon" in c.rules


# --- second sources without a verb -------------------------------------------------------------


def test_per_after_a_comma_covers_the_sentence() -> None:
    text = "At least 30 fighters were killed in clashes near Sirte, per Libya's Red Crescent."
    source = "Libya's Red Crescent"
    assert attribution_block(text) == [
        f"  attribution  {source:<28} <- attribution:according-to, attribution:credit:per",
    ]
    c = only(text)
    assert (c.low, c.high, c.qualifier, c.category) == (30, None, "lower", "killed")


def test_per_before_a_rate_is_no_source() -> None:
    text = "About 200 refugees crossed into Chad per day, the agency said."
    c = only(text)
    assert c.attribution == "the agency"


def test_a_bracketed_wire_at_the_end_credits_it() -> None:
    text = "Two soldiers were wounded by a roadside bomb in Kismayo on Monday (Reuters)."
    c = only(text)
    assert (c.low, c.category, c.attribution, c.claimant) == (2, "wounded", "Reuters", "Reuters")
    assert "attribution:credit:bracket" in c.rules


def test_a_bracketed_acronym_of_the_name_before_is_no_credit() -> None:
    text = "Nine civilians were killed by the Rapid Support Forces (RSF)."
    c = only(text)
    assert c.attribution is None
    assert c.actor is None


def test_a_wire_after_a_dash_at_the_end_credits_it() -> None:
    text = "Eleven drones were shot down over the Kursk region overnight — Interfax"
    c = only(text)
    assert (c.low, c.category, c.attribution) == (11, "equipment", "Interfax")
    assert "attribution:credit:dash" in c.rules


def test_a_source_noun_after_a_dash_credits_it() -> None:
    text = "Fourteen fighters surrendered near Kidal — the Malian army."
    assert only(text).attribution == "the Malian army"


# --- informs that, understands that, lists -----------------------------------------------------


def test_informs_that_speaks() -> None:
    text = "The border service informs that 43 migrants were detained near Brest."
    c = only(text)
    assert (c.low, c.category, c.attribution) == (43, "captured", "The border service")
    assert "attribution:speech:informs" in c.rules


def test_understands_that_speaks_but_not_without_that() -> None:
    assert only("AFP understands that 17 guards were killed in Goz Beida.").attribution == "AFP"
    text = "The army understands the risk, and 17 guards were killed in Goz Beida."
    assert only(text).attribution is None


def test_lists_with_a_figure_speaks() -> None:
    text = "Oryx, which relies on photographs, lists 96 Ukrainian tanks as captured."
    c = only(text)
    assert (c.low, c.category, c.actor, c.attribution) == (96, "equipment", "Ukraine", "Oryx")


# --- single quotation marks --------------------------------------------------------------------


def test_a_single_quoted_quote_goes_to_the_tag() -> None:
    text = "'Gunmen killed 27 people in our village,' the imam told reporters in Gao."
    c = only(text)
    assert (c.low, c.category, c.attribution) == (27, "killed", "the imam")


def test_an_inverted_tag_after_a_single_quote() -> None:
    text = "'Some 40 of our fighters were captured,' said Hassan Warsame, a clan elder."
    c = only(text)
    assert c.attribution == "Hassan Warsame"  # as after a double quote
    assert c.claimant == "Hassan Warsame"


def test_a_possessive_apostrophe_still_joins_the_name() -> None:
    text = "The rebels' spokesman said 15 soldiers were captured near Sake."
    assert only(text).attribution == "The rebels' spokesman"


# --- bodies remembered from the sentence that issued a statement --------------------------------


def test_it_said_after_released_a_statement() -> None:
    text = (
        "The Nigerian army's information directorate released a statement on Friday. It said "
        "35 bandits were killed in Zurmi."
    )
    c = only(text)
    assert c.attribution == "It [The Nigerian army's information directorate]"
    assert c.claimant == "The Nigerian army's information directorate"


def test_the_agency_after_an_acronym_subject() -> None:
    text = "Haiti's civil protection service DPC gave an update. The agency said 22 people died."
    assert only(text).claimant == "Haiti's civil protection service DPC"


def test_the_spokesman_after_speaks_for() -> None:
    text = "Lt Col Musa Ali speaks for the regional forces. The spokesman said 8 soldiers died."
    assert only(text).claimant == "Lt Col Musa Ali"


# --- count keepers and own counts --------------------------------------------------------------


def test_data_compiled_by_names_the_keeper() -> None:
    text = "Data compiled by Insecurity Insight show 58 aid workers were killed in Sudan."
    assert attribution_block(text)[:2] == [
        f"  attribution  {'Insecurity Insight':<28} <- attribution:according-to, "
        "attribution:count-kept-by",
        kept('attribution:cut:count-keeper "Data compiled by"'),
    ]


def test_a_count_by_names_its_agent() -> None:
    text = "A count by the Associated Press found 31 tanks abandoned near Izium."
    assert only(text).attribution == "the Associated Press"


def test_own_count_is_no_speech_verb() -> None:
    text = "By the Chadian army's own count, 24 of its soldiers died near Lake Chad."
    c = only(text)
    assert c.attribution == "the Chadian army"
    assert "attribution:official:own" in c.rules


# --- puts the figure closer to N ---------------------------------------------------------------


def test_puts_the_figure_closer_to() -> None:
    text = (
        "Khartoum says 900 RSF fighters were killed in the battle. The RSF puts the figure "
        "closer to 200."
    )
    c = claim(text, "closer to 200")
    assert (c.low, c.high, c.qualifier, c.category) == (200, 200, "approx", "killed")
    assert c.attribution == "The RSF"
    assert "category:far:figure-nearer" in c.rules


# --- subjects remembered for later titles and surnames ------------------------------------------


def test_a_title_after_a_subject_that_commands() -> None:
    text = (
        "Colonel Awa Diop commands the Senegalese battalion in Kolda. The colonel said 4 "
        "soldiers were wounded."
    )
    c = only(text)
    assert c.attribution == "The colonel [Colonel Awa Diop]"
    assert c.claimant == "Colonel Awa Diop"


def test_a_surname_after_a_plural_possessive_subject() -> None:
    text = (
        "The rebels' spokesman, Willy Ngoma, appeared on local radio. Ngoma claimed 30 "
        "soldiers were captured near Rutshuru."
    )
    c = only(text)
    assert c.attribution == "Ngoma [The rebels' spokesman, Willy Ngoma]"
    assert c.claimant == "Willy Ngoma"
