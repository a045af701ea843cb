"""Issue 12, genres round 5: registers the earlier rounds did not write. Translated daily
statements of defence ministries, whose lead names the issuer before a translator's aside
(`Summary of the Ministry of Defence … (translated from Russian):`) or beside the document's
kind after a comma (`Russian Defence Ministry, weekly summary:`, `Total combat losses …,
General Staff of the Armed Forces of Ukraine:`); daily-loss rows with an approximator and the
day's change (`personnel — about 1,187,400 (+1,250)`) and headings of `losses of X`;
interview and hearing transcripts whose labels carry a rank or an honorific (`BRIG GEN AMIR
DORON:`, `Ms HOLLOWAY:`) and speak for the rest of their turn; an analysis that narrates how
a toll moved (`first reported`, `On Sunday it raised the figure to 67`); verbs of holding an
arsenal; `the detention of 14 civilians`; soldiers `returned` from the other side. Passages
written for these tests (not taken from the gold file); each asserts the values read and the
rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims


def test_a_translators_aside_before_the_colon_is_dropped() -> None:
    text = (
        "Summary of the Ministry of Defence of the Russian Federation (unofficial translation):"
        " In the past day the enemy lost up to 195 servicemen and two tanks near Kupiansk."
    )
    c = claim(text, "up to 195")
    assert (c.category, c.actor) == ("casualties", "Ukraine")
    assert c.attribution == "the Ministry of Defence of the Russian Federation"
    assert "attribution:colon-lead-aside" in c.rules
    assert "attribution:document-lead" in c.rules


def test_a_document_owner_ends_at_the_comma_before_its_date() -> None:
    text = (
        "Statement of the Ministry of Defence of Armenia, 12 September: 49 servicemen were"
        " killed in the Azerbaijani shelling of Jermuk."
    )
    c = claim(text, "49")
    assert (c.category, c.attribution) == ("killed", "the Ministry of Defence of Armenia")
    assert "attribution:document-lead" in c.rules


def test_an_issuer_before_the_comma_and_the_documents_kind_after_it() -> None:
    text = (
        "Azerbaijani Defence Ministry, daily briefing: Armenian units fired on our positions;"
        " 3 servicemen were wounded."
    )
    c = claim(text, "3")
    assert (c.category, c.attribution) == ("wounded", "Azerbaijani Defence Ministry")
    assert "attribution:document-lead-issuer" in c.rules


def test_the_issuer_after_a_titles_last_comma_speaks_for_the_list() -> None:
    text = (
        "Total combat losses of Russian forces as of 3 May, General Staff of the Armed Forces"
        " of Ukraine:\npersonnel — about 1,102,300 (+980)\ntanks — 11,020 (+6)"
    )
    whole = claim(text, "about 1,102,300")
    assert (whole.category, whole.actor) == ("casualties", "Russia")
    assert whole.attribution == "General Staff of the Armed Forces of Ukraine"
    assert {"actor:list-heading", "category:losses-list"} <= set(whole.rules)
    assert "attribution:document-lead-issuer" in whole.rules
    change = claim(text, "980")
    assert (change.category, change.actor) == ("casualties", "Russia")
    tanks = claim(text, "11,020")
    assert (tanks.category, tanks.actor) == ("equipment", "Russia")


def test_a_place_after_the_comma_is_no_issuer() -> None:
    text = "Strikes on the city, Kharkiv region: 3 people were killed and 9 wounded overnight."
    c = claim(text, "3")
    assert (c.category, c.attribution) == ("killed", None)
    assert "attribution:document-lead-issuer" not in c.rules


def test_losses_of_a_side_in_a_list_heading() -> None:
    text = (
        "Russian Defence Ministry, weekly summary: Losses of the Armed Forces of Ukraine over"
        " the week:\n— more than 8,400 servicemen;\n— 11 tanks;\n— 76 field artillery guns."
    )
    men = claim(text, "more than 8,400")
    assert (men.category, men.actor, men.attribution) == (
        "casualties",
        "Ukraine",
        "Russian Defence Ministry",
    )
    assert "actor:list-heading" in men.rules
    guns = claim(text, "76")
    assert (guns.category, guns.actor) == ("equipment", "Ukraine")


def test_a_ranked_label_in_capitals_speaks() -> None:
    text = (
        "Transcript, Hromadske Radio, 2 May\nHOST: What did the brigade lose at Chasiv Yar?\n"
        "COL ROMAN SHEVCHUK: We lost nine soldiers there, and 17 were wounded."
    )
    c = claim(text, "nine")
    assert (c.category, c.attribution) == ("casualties", "COL ROMAN SHEVCHUK")
    assert "attribution:transcript-label" in c.rules


def test_an_honorific_label_speaks() -> None:
    text = (
        "Committee hearing, 14 March. Senator OKAFOR: How many Nigerians are fighting abroad?"
        " Mr ADEYEMI: We are aware of about 120 Nigerians fighting for Russia."
    )
    c = claim(text, "about 120")
    assert (c.category, c.attribution) == ("troops", "Mr ADEYEMI")
    assert "attribution:transcript-label" in c.rules


def test_a_label_speaks_for_the_later_sentences_of_its_turn() -> None:
    text = (
        "INTERVIEWER: How did the attack on Dori begin?\n"
        "CAPT ISSA SAWADOGO: About 200 militants came from the east. We killed 31 of them"
        " and lost four of our men."
    )
    later = claim(text, "31")
    assert (later.category, later.attribution) == ("killed", "CAPT ISSA SAWADOGO")
    assert "attribution:transcript-turn" in later.rules


def test_a_turn_ends_at_its_line() -> None:
    text = (
        "MAJ GEN LARS EKBERG: The coalition intercepted 14 drones overnight.\n"
        "Separately, 6 missiles struck the port of Hodeidah."
    )
    c = claim(text, "6")
    assert c.category == "equipment"
    assert c.attribution is None
    assert "attribution:transcript-turn" not in c.rules


def test_a_one_word_label_with_an_aside() -> None:
    text = (
        "PRESENTER: We go to our reporter in Bunia.\n"
        "CORRESPONDENT (by phone): The hospital here has received 26 wounded since morning."
    )
    c = claim(text, "26")
    assert (c.category, c.attribution) == ("wounded", "CORRESPONDENT")
    assert "attribution:colon-lead-aside" in c.rules


def test_a_subject_that_holds_an_arsenal_is_its_side() -> None:
    c = claim(
        "Western analysts believe the Houthis still possess some 400 ballistic missiles.",
        "some 400",
    )
    assert (c.category, c.actor) == ("equipment", "Houthis")
    assert "actor:clause-subject:Houthis" in c.rules


def test_a_captor_that_holds_captives_is_not_their_side() -> None:
    c = claim("Officials say Hamas holds 59 hostages in Gaza.", "59")
    assert (c.category, c.actor) == ("captured", None)


def test_first_before_a_speech_verb_is_an_adverb() -> None:
    c = claim("The Lebanese health ministry first reported 14 dead in the strike on Tyre.", "14")
    assert (c.category, c.attribution) == ("killed", "The Lebanese health ministry")
    assert "attribution:adverb-first" in c.rules


def test_a_fronted_day_is_no_part_of_the_speaker() -> None:
    text = "The governor of Sumy said 9 people were killed. On Tuesday he raised the toll to 13."
    c = claim(text, "13")
    assert c.category == "killed"
    assert c.attribution == "he [The governor of Sumy]"
    assert 'attribution:cut:fronted-time "On Tuesday"' in c.rules


def test_the_detention_of_people_counts_captives() -> None:
    c = claim("The court found he took part in the detention of 22 civilians in Bucha.", "22")
    assert (c.category, c.subject) == ("captured", "civilians")
    assert "category:verb-before:detention of" in c.rules


def test_places_of_detention_count_no_captives() -> None:
    text = "Our delegates visited five places of detention in Kherson region this month."
    assert claims(text) == []


def test_soldiers_returned_by_the_other_side_are_captives() -> None:
    c = claim(
        "Under the agreement, 95 Ukrainian servicemen were returned from Russian-held territory.",
        "95",
    )
    assert (c.category, c.actor) == ("captured", "Ukraine")
    assert "category:verb:returned (soldiers, passive)" in c.rules


def test_soldiers_returned_to_the_front_are_no_captives() -> None:
    c = claim("After treatment, 40 soldiers were returned to the front near Pokrovsk.", "40")
    assert c.category != "captured"


def test_a_quoted_object_keeps_the_side_of_its_verbs_subject() -> None:
    text = (
        "The Houthis said on Telegram that their forces had launched 'several hundred drones'"
        " at Eilat."
    )
    c = claim(text, "several hundred")
    assert (c.category, c.actor) == ("equipment", "Houthis")


def test_an_agent_after_a_closing_quote_is_the_side() -> None:
    text = (
        "The navy said it had shot down 'nine drones and two cruise missiles' launched by"
        " Iran over the Gulf."
    )
    drones = claim(text, "nine")
    assert (drones.category, drones.actor) == ("equipment", "Iran")
    assert "actor:by:Iran" in drones.rules


def test_a_court_satisfied_that_asserts_its_finding() -> None:
    text = (
        "The Trial Chamber is satisfied beyond reasonable doubt that soldiers under the"
        " accused's command killed at least 31 villagers in Dubie."
    )
    c = claim(text, "at least 31")
    assert (c.category, c.attribution) == ("killed", "The Trial Chamber")
    assert "attribution:satisfied-that" in c.rules


def test_satisfied_without_that_is_no_statement() -> None:
    text = "Commanders were satisfied with the exercise, in which 2,000 troops took part."
    c = claim(text, "2,000")
    assert c.attribution is None


def test_a_release_title_ended_by_a_datelines_dash_names_its_issuer() -> None:
    text = (
        "UNHCR press release, Geneva, 2 May — Some 14,000 Sudanese refugees arrived in"
        " Renk in the past week."
    )
    c = claim(text, "Some 14,000")
    assert (c.category, c.attribution) == ("displaced", "UNHCR")
    assert "attribution:post:document-header" in c.rules


def test_a_dash_without_a_dateline_ends_no_title() -> None:
    text = "UNHCR report — 9,000 people fled Renk last week."
    c = claim(text, "9,000")
    assert "attribution:post:document-header" not in c.rules
