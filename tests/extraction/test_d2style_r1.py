"""Issue 12, round d2style_r1: wire-style passages shaped like devset2's first hundred (one or
two dense sentences, hedges, en-dash ranges, attributions at either end), about conflicts that
set does not cover, written before the rules were read. The classes fixed, each tested here on
passages written for the test (not taken from the gold file):

- a stop after a decade or a plural with digits (`in the 1990s.`, `six F-16s.`) ends the
  sentence: the lone letter before it is a suffix, not an initial, so a hedge or an
  `according to` of one sentence no longer reaches the next;
- a hedge in a `, while` / `, whereas` clause with a subject of its own (`while Soviet losses
  were perhaps five times higher`) doubts that clause's value, not a figure before the break.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_a_decade_ends_its_sentence() -> None:
    text = (
        "Some 40,000 people are believed to have died in the fighting of the 1980s. More than"
        " 2,000 were reported missing, according to the families' committee."
    )
    first = claim(text, "Some 40,000")
    assert (first.category, first.hedged, first.attribution) == ("killed", True, None)
    second = claim(text, "More than 2,000")
    assert second.category == "missing"
    assert (second.low, second.high) == (2000, None)
    assert second.hedged is False
    assert second.attribution == "the families' committee"


def test_a_plural_with_digits_ends_its_sentence() -> None:
    text = "The air force reportedly lost six F-16s. Two pilots were killed, the ministry said."
    c = claim(text, "Two")
    assert (c.category, c.hedged, c.attribution) == ("killed", False, "the ministry")


def test_an_initial_still_does_not_end_a_sentence() -> None:
    text = "General John F. Kelly said 300 marines had been deployed to the base."
    c = claim(text, "300")
    assert c.category == "troops"
    assert c.attribution == "General John F. Kelly"


def test_a_hedge_of_a_contrasted_clause_with_its_own_subject_stays_there() -> None:
    text = (
        "Greece lost about 14,000 soldiers killed in the campaign, while Italian losses were"
        " probably three times higher, according to military historians."
    )
    c = claim(text, "about 14,000")
    assert (c.category, c.actor, c.hedged) == ("killed", "Greece", False)
    assert c.attribution == "military historians"
    assert "hedge:kept-out:probably (a contrasted clause)" in c.rules


def test_a_contrasted_clause_about_the_figure_still_hedges_it() -> None:
    text = "Rebels said they had killed 60 soldiers, while that figure could not be verified."
    assert claim(text, "60").hedged is True


def test_a_hedge_before_the_figure_in_the_contrasted_clause_still_reaches_it() -> None:
    text = (
        "Norway lost 12 aircraft, while Denmark perhaps lost 20 in the same week, officials said."
    )
    assert claim(text, "20").hedged is True
    assert claim(text, "12").hedged is False
