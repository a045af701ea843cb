"""Issue 12, round 28 (figures_r28): figures far from their noun and figures not yet
detected: a figure joined to the next by `and possibly`, a label of people before a colon,
`it stood at`, `a force of N`, `remain hostage`, `N more` (and a rate after it), `brought to
N the number of X`, a bare answer to a how-many question. Sentences written for these tests
in news style (not taken from the gold files); each asserts the values read and the rule
`--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims


def _row(c) -> tuple:  # type: ignore[no-untyped-def]
    return (c.text, c.low, c.high, c.qualifier, c.category, c.subject, c.actor, c.attribution)


def test_a_figure_and_possibly_the_next_share_its_noun() -> None:
    text = "Medics said eight and possibly as many as 11 policemen died in the ambush near Kidal."
    c = claim(text, "eight")
    assert _row(c) == ("eight", 8, 8, "exact", "killed", "policemen", None, "Medics")
    assert "category:noun-of-next" in c.rules
    upper = claim(text, "as many as 11")
    assert (upper.low, upper.high, upper.qualifier, upper.category) == (None, 11, "upper", "killed")


def test_a_label_of_people_before_a_colon_counts_the_value_after_it() -> None:
    c = claim("Malians who have fled to Mauritania since January: 55,000", "55,000")
    assert _row(c) == ("55,000", 55000, 55000, "exact", "displaced", "Malians", "Mali", None)
    assert "category:far:people-label" in c.rules
    assert "category:verb:fled" in c.rules


def test_it_with_no_figure_before_is_the_last_count() -> None:
    c = claim(
        "The number of people displaced by the fighting around Goma rose again last week. "
        "It stood at 410,000, the agency said.",
        "410,000",
    )
    assert (c.low, c.category, c.attribution) == (410000, "displaced", "the agency")
    assert "category:far:it-before" in c.rules


def test_a_force_of_n_soldiers_is_the_senders() -> None:
    c = claim(
        "Rwanda has deployed a force of some 3,000 soldiers to Cabo Delgado, the ministry said.",
        "some 3,000",
    )
    assert _row(c) == (
        "some 3,000",
        3000,
        3000,
        "approx",
        "troops",
        "soldiers",
        "Rwanda",
        "the ministry",
    )
    assert "actor:clause-subject:Rwanda" in c.rules


def test_remain_hostage_is_captivity() -> None:
    c = claim("Twelve crew members remain hostage aboard the tanker, the company said.", "Twelve")
    assert (c.low, c.category, c.subject) == (12, "captured", "crew members")
    assert "category:verb:remain hostage" in c.rules


def test_n_more_counts_more_of_the_figure_before() -> None:
    c = claim(
        "About 5,000 Congolese crossed into Uganda on Monday, and 1,500 more arrived on "
        "Tuesday, the UNHCR said.",
        "1,500",
    )
    assert (c.low, c.category, c.actor, c.attribution) == (
        1500,
        "displaced",
        "DR Congo",
        "the UNHCR",
    )
    assert "category:more-of-before" in c.rules


def test_n_more_with_a_rate_in_its_clause_is_no_count() -> None:
    found = claims(
        "The UN agency counted 30,000 Sudanese refugees in Chad by June. Its envoy in "
        "Abeche, Amina Saleh, said 800 more were crossing every day."
    )
    assert [c.text for c in found] == ["30,000"]


def test_brought_to_n_the_number_of_x() -> None:
    c = claim(
        "The governor said the attack brought to 41 the number of soldiers killed in the "
        "province this month.",
        "41",
    )
    assert (c.low, c.category, c.attribution) == (41, "killed", "The governor")
    assert "category:far-ahead:number-of" in c.rules


def test_a_bare_answer_to_a_how_many_question() -> None:
    c = claim(
        "How many fighters have surrendered? 'About 2,600,' the general replied.", "About 2,600"
    )
    assert (c.low, c.qualifier, c.category, c.attribution) == (
        2600,
        "approx",
        "captured",
        "the general",
    )
    assert "category:answer-to-how-many:captured" in c.rules
