"""Issue 12, genres round 3: text that is not prose. A thread's post numbers (`1/`, `Thread
4/7:`) cut from the sentence, transcript labels in capitals (`SPOKESPERSON:`, `DELOITTE:`)
and the `our teams` that they speak for, a quote-post (`QT @IDF:`), `Post #312 from X:`,
flattened forms and tables (`Killed: 12 | Wounded: 30`, `Tanks — 9` rows under a heading,
`KIA 4, WIA 11`, `| Source: MSF`, `week 22` kept out) and a footer that names the side of a
list. Passages written for these tests (not taken from the gold files); each row asserts
the values read and the rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims


def test_post_number_is_cut_from_the_speaker() -> None:
    text = "1/ Georgia's Interior Ministry says 6 police officers were injured in Tbilisi."
    c = claim(text, "6")
    assert (c.category, c.attribution, c.claimant) == (
        "wounded",
        "Georgia's Interior Ministry",
        "Georgia's Interior Ministry",
    )
    assert "sentence:lead-cut:post-number" in c.rules
    assert [x.text for x in claims(text)] == ["6"]


def test_thread_counter_with_colon_is_cut() -> None:
    c = claim("Thread 2/5: the army says 9 soldiers were killed near Kismayo.", "9")
    assert (c.low, c.high, c.category, c.attribution) == (9, 9, "killed", "the army")
    assert "sentence:lead-cut:post-number" in c.rules


def test_a_fraction_is_not_a_post_number() -> None:
    c = claim("1/2 of the 300 soldiers deployed were wounded, the ministry said.", "300")
    assert "sentence:lead-cut:post-number" not in c.rules


def test_transcript_label_in_capitals_resolves_to_the_named_speaker() -> None:
    text = (
        "Briefing by ICRC spokesperson Leila Marchetti.\n"
        "Q: How many detainees were released?\n"
        "MARCHETTI: We facilitated the release of 42 detainees on Monday."
    )
    c = claim(text, "42")
    assert (c.category, c.attribution) == ("captured", "MARCHETTI")
    assert "attribution:colon-surname" in c.rules


def test_role_label_speaks_for_our_teams() -> None:
    text = "SPOKESPERSON: Our teams have counted 31 civilians killed in Rafah."
    c = claim(text, "31")
    assert (c.category, c.attribution) == ("killed", "SPOKESPERSON")
    assert "attribution:label-speaks-for-we" in c.rules


def test_moderator_label_is_no_source() -> None:
    c = claim("MODERATOR: Reports say 12 soldiers were killed in Gao.", "12")
    assert c.attribution == "Reports"


def test_quote_post_account_speaks() -> None:
    c = claim("QT @UNHCR: 40,000 people have crossed into Chad this week.", "40,000")
    assert (c.category, c.attribution) == ("displaced", "UNHCR")


def test_post_from_a_source_before_a_colon() -> None:
    c = claim("Post #88 from the Yemeni coast guard: 3 Houthi boats were seized.", "3")
    assert (c.category, c.actor, c.attribution) == (
        "equipment",
        "Houthis",
        "the Yemeni coast guard",
    )


def test_form_labels_give_no_subject_and_no_speaker() -> None:
    text = "Casualty report, Gao sector — Killed: 5 | Wounded: 17"
    got = [(x.text, x.category, x.subject, x.attribution) for x in claims(text)]
    assert got == [("5", "killed", None, None), ("17", "wounded", None, None)]


def test_casualty_abbreviations() -> None:
    text = "Casualties — KIA 3, WIA 8, per the company's daily report."
    got = [(x.text, x.category, x.subject, x.actor, x.attribution) for x in claims(text)]
    assert got == [
        ("3", "killed", None, None, "the company's daily report"),
        ("8", "wounded", None, None, "the company's daily report"),
    ]
    assert "category:form-abbreviation" in claims(text)[0].rules


def test_kachin_army_by_its_acronym_keeps_its_actor() -> None:
    c = claim("40 KIA troops were killed in the clash.", "40")
    assert (c.category, c.actor) == ("killed", "Kachin Independence Army")


def test_pipe_separated_source_field() -> None:
    text = "Gaza, week 9 | Dead: 41 | Injured: 120 | Source: MSF"
    got = [(x.text, x.category, x.attribution) for x in claims(text)]
    assert got == [("41", "killed", "MSF"), ("120", "wounded", "MSF")]


def test_week_number_before_a_word_stays_a_figure() -> None:
    c = claim("Last week 40 people died in the camp, medics said.", "40")
    assert (c.category, c.attribution) == ("killed", "medics")


def test_rows_of_a_table_under_its_heading() -> None:
    text = "Russian losses, past day:\nTanks — 6\nPersonnel — 980"
    got = [(x.text, x.category, x.actor) for x in claims(text)]
    assert got == [("6", "equipment", "Russia"), ("980", "casualties", "Russia")]


def test_footer_names_the_side_of_a_list() -> None:
    text = "Losses near Toretsk:\n▪️ tanks: 12\n▪️ artillery: 30\nAll are confirmed Russian losses."
    got = [(x.text, x.category, x.actor) for x in claims(text)]
    assert got == [("12", "equipment", "Russia"), ("30", "equipment", "Russia")]
    assert "actor:list-footer" in claims(text)[0].rules


def test_a_bare_value_under_a_colon_heading() -> None:
    text = "Iranian drones launched at Erbil overnight:\n14\nThe strikes hit the airport."
    got = [(x.text, x.category, x.actor, x.subject) for x in claims(text)]
    assert got == [("14", "equipment", "Iran", "Iranian drones")]
    assert got and claims(text)[0].start == text.index("\n14") + 1


def test_a_bare_value_under_a_heading_with_its_own_number_is_left() -> None:
    assert claims("Losses on 12 May:\n40") == []
