"""Issue 12, round 20: clause rules for gapped prose tables, inverted `among` clauses with a
long predicate, `crossed` without an object, a passive `taken` and troops who cross a border
to flee. Sentences written for these tests in news style (not taken from the gold files);
each row asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

import pytest

from tests.extraction.claim_helpers import claims, only


def by_text(text: str, figure: str):
    found = [c for c in claims(text) if c.text == figure]
    assert len(found) == 1, [(c.text, c.category) for c in claims(text)]
    return found[0]


TABLE = "Hospital records show 31 people died in Kassala, 12 in Gedaref and 5 in Sennar."


@pytest.mark.parametrize(
    ("figure", "location", "rule"),
    [
        ("31", "Kassala", "category:verb:died"),
        ("12", "Gedaref", "category:gapped-verb"),
        ("5", "Sennar", "category:gapped-verb"),
    ],
)
def test_gapped_verb_repeats_the_clause_before(figure: str, location: str, rule: str) -> None:
    c = by_text(TABLE, figure)
    assert (c.category, c.location, c.low, c.high) == ("killed", location, int(figure), int(figure))
    assert rule in c.rules


def test_gapped_verb_is_no_date() -> None:
    # `9 in March` is a date after the coordination, not a place of a gapped clause
    found = claims("The toll rose to 40 in January and 9 in March, officials said.")
    assert [c.text for c in found] == ["40"]


def test_among_a_figure_counts_a_part_of_that_group() -> None:
    text = (
        "Among the 64 people wounded in the shelling of the bus station in Kherson were "
        "seven children, the regional governor said."
    )
    whole, part = claims(text)
    assert (whole.text, whole.category) == ("64", "wounded")
    assert (part.text, part.category, part.subject) == ("seven", "wounded", "children")
    assert "category:fronted-among-figure:wounded" in part.rules


def test_crossed_with_no_object_is_a_flight() -> None:
    text = (
        "Families from Darfur keep reaching the border town of Adre. About 9,000 have crossed "
        "since Sunday, the aid group said."
    )
    c = only(text)
    assert (c.text, c.category, c.qualifier, c.low) == ("About 9,000", "displaced", "approx", 9000)
    assert "category:verb:crossed (no object)" in c.rules


def test_passive_taken_is_an_abduction() -> None:
    text = "Gunmen raided a village near Zurmi overnight. Fourteen farmers were also taken."
    c = only(text)
    assert (c.text, c.category, c.subject) == ("Fourteen", "captured", "farmers")
    assert "category:verb:taken (passive)" in c.rules


def test_taken_to_hospital_is_no_abduction() -> None:
    found = claims("Eleven soldiers were taken to hospital after the blast.")
    assert all(c.category != "captured" for c in found)


def test_troops_crossing_to_escape_are_displaced() -> None:
    text = "About 600 Malian soldiers crossed into Mauritania to escape the rebel advance."
    c = only(text)
    assert (c.category, c.actor, c.low) == ("displaced", "Mali", 600)
    assert "category:crossed-to-escape" in c.rules


def test_troops_crossing_to_attack_stay_troops() -> None:
    text = "About 600 Malian soldiers crossed into Mauritania to attack the rebel bases."
    c = only(text)
    assert (c.category, c.actor) == ("troops", "Mali")


def test_belief_of_another_clause_does_not_hedge() -> None:
    text = "Officials said 410 soldiers were killed, though analysts believe the toll is higher."
    c = only(text)
    assert (c.text, c.hedged) == ("410", False)
    assert "hedge:kept-out:believe (another clause)" in c.rules


def test_belief_before_the_figure_still_hedges() -> None:
    c = only("Officials believe 410 soldiers were killed in the offensive.")
    assert (c.text, c.hedged) == ("410", True)
    assert "hedge:believe" in c.rules


def test_from_a_into_b_places_the_figure_where_it_went() -> None:
    c = only("Border guards said 45 refugees had crossed from Sudan into eastern Chad overnight.")
    assert (c.text, c.category, c.location) == ("45", "displaced", "eastern Chad")
    assert "location:from-into" in c.rules
