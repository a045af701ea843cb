"""Issue 12, genres round 4: registers the earlier rounds did not write. Situation reports and
statistical reports whose title names the issuer (`UNHCR Sudan emergency update`, `Daily
report of the Ministry of Health in Gaza: …`), the state-agency idiom of a communiqué (`The
Government informs the public that …`), a court's `held that`, a parliamentary answer's
`replied:`, the ministries' `martyrs` and `embraced martyrdom`, `small arms` and `firearms`,
KCNA's `south Korean`, `SANDF`, and the toll of one side's attack that is not that side's
dead. Passages written for these tests (not taken from the gold files); each row asserts the
values read and the rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_a_sitrep_title_names_its_issuer() -> None:
    text = (
        "UNHCR Uganda refugee update, 4 March\n"
        "As of 28 February, 61,400 Congolese refugees had crossed into Uganda since January."
    )
    c = claim(text, "61,400")
    assert (c.category, c.actor, c.attribution) == ("displaced", "DR Congo", "UNHCR")
    assert "attribution:post:document-header" in c.rules


def test_a_report_of_a_ministry_before_a_colon_names_its_issuer() -> None:
    text = (
        "Weekly report of the Ministry of Health in Khartoum: 212 people died of their wounds"
        " in Omdurman hospitals."
    )
    c = claim(text, "212")
    assert (c.category, c.attribution) == ("killed", "the Ministry of Health in Khartoum")
    # Since claimants round 28 the colon's document lead names it first; either rule names
    # the report's issuer.
    assert {"attribution:post:document-header", "attribution:document-lead"} & set(c.rules)


def test_a_title_without_a_document_noun_names_no_one() -> None:
    text = "UNHCR and the war in Sudan\nAbout 9,000 refugees reached Renk last week."
    c = claim(text, "About 9,000")
    assert (c.category, c.attribution) == ("displaced", None)
    assert "attribution:post:document-header" not in c.rules


def test_a_sentence_speaker_wins_over_the_document_title() -> None:
    text = (
        "IOM Somalia displacement snapshot\n"
        "The governor of Gedo said 4,300 people had fled Bardhere after the clashes."
    )
    c = claim(text, "4,300")
    assert (c.category, c.attribution) == ("displaced", "The governor of Gedo")
    assert "attribution:post:document-header" not in c.rules


def test_informs_the_public_that() -> None:
    c = claim(
        "The Ministry of Defence informs the national public that 37 soldiers were killed"
        " near Tillabéri.",
        "37",
    )
    assert (c.category, c.attribution) == ("killed", "The Ministry of Defence")
    assert "attribution:speech:informs" in c.rules


def test_informs_with_a_figure_before_that_is_no_statement() -> None:
    c = claim("The army informs 300 families that 12 soldiers died.", "12")
    assert "attribution:speech:informs" not in c.rules


def test_a_court_held_that() -> None:
    c = claim(
        "The chamber held that militiamen under his command killed at least 88 villagers in Djugu.",
        "at least 88",
    )
    assert (c.low, c.high, c.category, c.attribution) == (88, None, "killed", "The chamber")
    assert "attribution:speech:held" in c.rules


def test_held_hostages_is_no_speech() -> None:
    c = claim("Gunmen held 40 hostages in the school for two days.", "40")
    assert (c.category, c.attribution) == ("captured", None)


def test_he_after_replied_is_the_minister_not_the_agency_he_quotes() -> None:
    text = (
        "Asked about the deployment, the Minister for Defence Industry, Pat Conroy, replied:"
        ' "Defence Intelligence assesses that 14,000 North Korean troops are in Russia."'
        " He added that about 4,000 of them had been killed or wounded."
    )
    first = claim(text, "14,000")
    assert (first.actor, first.attribution) == ("North Korea", "Defence Intelligence")
    c = claim(text, "about 4,000")
    assert c.claimant == "Pat Conroy"
    assert "attribution:pronoun-resolved" in c.rules


def test_martyrs_are_dead() -> None:
    c = claim("The ministry said 41 martyrs and 150 injured reached hospitals in Jenin.", "41")
    assert (c.category, c.subject) == ("killed", "martyrs")
    assert "category:noun:martyrs" in c.rules


def test_embraced_martyrdom() -> None:
    c = claim("Four soldiers embraced martyrdom in the exchange of fire, the ISPR said.", "Four")
    assert (c.category, c.attribution) == ("killed", "the ISPR")
    assert "category:verb:martyrdom" in c.rules


def test_small_arms_and_firearms_are_equipment() -> None:
    c = claim("Troops seized 75 small arms and 9 firearms in Kachin State.", "75")
    assert (c.category, c.subject) == ("equipment", "small arms")
    assert "category:noun:arms" in c.rules
    assert claim("Troops seized 75 small arms and 9 firearms in Kachin State.", "9").category == (
        "equipment"
    )


def test_kcna_lower_case_south() -> None:
    c = claim("KCNA said the south Korean military flew 5 drones over Kaesong.", "5")
    assert (c.category, c.actor) == ("equipment", "South Korea")


def test_sandf_is_south_africa() -> None:
    c = claim("The minister said 1,300 SANDF members are deployed in Mozambique.", "1,300")
    assert (c.category, c.actor) == ("troops", "South Africa")
    assert "actor:org:SANDF" in c.rules


def test_the_toll_of_an_attack_is_not_the_attackers_dead() -> None:
    c = claim("The toll of the Russian bombardment has risen to 23 dead.", "23")
    assert (c.category, c.actor) == ("killed", None)
    assert "actor:none:far-phrase-of-an-attack" in c.rules


def test_the_toll_of_a_force_is_its_dead() -> None:
    c = claim("The toll of the Russian force has risen to 23 dead.", "23")
    assert c.actor == "Russia"
