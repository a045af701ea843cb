"""Issue 12, genres round 1: Telegram-channel posts. Emoji before a colon source, a colon lead
that speaks for the whole post, a signature line, a forwarded-from header, a source after a
closing dash, `per X`, `~` and `≈`, a post's list of losses (`— tanks ‒ 11 402 (+7)`) with its
heading and its signed daily changes, and per-day rates kept out.
Posts written for these tests (not taken from the gold files); each row asserts the values
read and the rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims


def test_emoji_before_a_colon_source() -> None:
    c = claim("🇾🇪 SABA: Houthi forces fired 4 ballistic missiles at the ship.", "4")
    assert (c.category, c.actor, c.attribution) == ("equipment", "Houthis", "SABA")
    assert "attribution:colon-after-symbols" in c.rules


def test_colon_lead_speaks_for_the_later_sentences_of_a_post() -> None:
    text = (
        "🔴 Sudan Doctors Network: 31 people were killed in shelling of Kadugli. "
        "Another 54 were wounded in the market."
    )
    c = claim(text, "54")
    assert (c.category, c.attribution) == ("wounded", "Sudan Doctors Network")
    assert "attribution:post:colon-lead" in c.rules


def test_acronym_of_an_army_before_a_colon() -> None:
    c = claim("IDF: about 20 gunmen were eliminated in Rafah overnight.", "about 20")
    assert (c.low, c.high, c.qualifier, c.category, c.attribution) == (
        20,
        20,
        "approx",
        "casualties",
        "IDF",
    )


def test_titled_name_before_a_colon() -> None:
    c = claim("Army spokesman Nabil Abdallah: the RSF lost 12 armoured vehicles.", "12")
    assert (c.category, c.actor, c.attribution) == (
        "equipment",
        "Rapid Support Forces",
        "Army spokesman Nabil Abdallah",
    )


def test_signature_line_names_the_poster() -> None:
    text = (
        "Overnight the enemy launched 55 attack drones.\n"
        "✅ 31 drones were shot down.\n"
        "Ukrainian Air Force"
    )
    got = [(c.text, c.category, c.attribution) for c in claims(text)]
    assert got == [
        ("55", "equipment", "Ukrainian Air Force"),
        ("31", "equipment", "Ukrainian Air Force"),
    ]
    assert all("attribution:post:signed" in c.rules for c in claims(text))


def test_slogan_line_is_no_signature() -> None:
    text = "Our troops destroyed 6 Russian tanks near Lyman.\nGlory to Ukraine"
    assert claim(text, "6").attribution is None


def test_forwarded_from_header() -> None:
    text = "Forwarded from 47th Mechanised Brigade\nOur crews hit 9 Russian tanks this week."
    c = claim(text, "9")
    assert (c.category, c.actor, c.attribution) == (
        "equipment",
        "Russia",
        "47th Mechanised Brigade",
    )
    assert "attribution:post:forwarded-from" in c.rules


def test_source_after_a_closing_dash() -> None:
    c = claim("Gunmen killed 14 villagers near Bama on Friday — local officials. #Borno", "14")
    assert (c.category, c.attribution) == ("killed", "local officials")
    assert "attribution:post:dash-tail" in c.rules


def test_a_dash_before_a_description_is_no_source() -> None:
    c = claim("Gunmen killed 14 villagers near Bama — the deadliest attack this year.", "14")
    assert c.attribution is None


def test_per_after_a_comma_is_according_to() -> None:
    c = claim("Some 3,000 Wagner fighters remain in Mali, per the French army.", "Some 3,000")
    assert (c.category, c.attribution) == ("troops", "the French army")
    assert "attribution:credit:per" in c.rules


def test_tilde_and_almost_equal_are_approximate() -> None:
    c = claim("Russia has massed ~40k troops near Sumy.", "~40k")
    assert (c.low, c.high, c.qualifier) == (40000, 40000, "approx")
    c = claim("The brigade says ≈ 600 Russian troops were lost.", "≈ 600")
    assert (c.low, c.high, c.qualifier) == (600, 600, "approx")


def test_loss_list_with_heading_and_daily_changes() -> None:
    text = (
        "Combat losses of the enemy as of 02.11.26 (approximately):\n"
        "— personnel ‒ about 690,100 (+1,020)\n"
        "— tanks ‒ 10 980 (+9)\n"
        "— artillery systems ‒ 30.455 (+26)"
    )
    got = [(c.text, c.low, c.category) for c in claims(text)]
    assert got == [
        ("about 690,100", 690100, "casualties"),
        ("1,020", 1020, "casualties"),
        ("10 980", 10980, "equipment"),
        ("9", 9, "equipment"),
        ("30.455", 30455, "equipment"),
        ("26", 26, "equipment"),
    ]
    assert "category:losses-list" in claim(text, "about 690,100").rules
    assert "category:change-of-figure-before:equipment" in claim(text, "9").rules


def test_personnel_outside_a_list_of_losses_stay_troops() -> None:
    text = "Britain sent some 9,000 personnel to the region. Its losses came to 40 dead."
    assert claim(text, "some 9,000").category == "troops"


def test_per_day_rate_is_no_claim() -> None:
    text = "Russia's losses:\n▪️ personnel: ~1,100 per day in October\n▪️ total: 700,200"
    assert [c.text for c in claims(text)] == ["700,200"]


def test_second_part_of_a_toll_breakdown_shares_its_category() -> None:
    text = "The toll in Sweida rose to 310, among them 41 members of the police and 96 fighters."
    c = claim(text, "96")
    assert c.category == "killed"
    assert "category:breakdown-conjunct:killed" in c.rules


def test_list_heading_names_the_side_of_its_items() -> None:
    text = "Russia's losses as of 1 November:\n▪️ total: 690,300 (+1,150)"
    got = [(c.text, c.category, c.actor) for c in claims(text)]
    assert got == [("690,300", "casualties", "Russia"), ("1,150", "casualties", "Russia")]
    assert "actor:list-heading" in claim(text, "690,300").rules


def test_a_source_before_a_colon_lead_names_no_side() -> None:
    text = "General Staff of the AFU: losses of the enemy\n— tanks ‒ 10 111 (+4)"
    c = claim(text, "10 111")
    assert (c.actor, c.attribution) == (None, "General Staff of the AFU")


def test_speech_verb_before_a_colon() -> None:
    c = claim("TPLF claims: 120 ENDF soldiers killed near Alamata.", "120")
    assert (c.category, c.actor, c.attribution) == ("killed", "Ethiopia", "TPLF")


def test_pronoun_of_the_speaker_scrambles_jets() -> None:
    c = claim("Romania's air force says it scrambled 2 F-16 jets over Tulcea.", "2")
    assert (c.category, c.actor) == ("equipment", "Romania")
