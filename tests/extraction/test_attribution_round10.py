"""Who asserts a figure: the rules of claimants round 10 (datelines, names known as).

The passages are our own, in news style, written for these tests (none is a gold passage).
"""

from __future__ import annotations

from projections.extraction import extract
from projections.extraction.claim import FigureClaim


def _only(text: str, figure: str) -> FigureClaim:
    found = [c for c in extract(text) if c.text == figure]
    assert len(found) == 1, [c.text for c in extract(text)]
    return found[0]


def test_a_dateline_in_capitals_before_a_colon_is_no_source() -> None:
    # a capital of the gazetteer, written in capitals as datelines are
    text = "MOSCOW: 300 conscripts were sent to the border region last week"
    assert _only(text, "300").attribution is None
    # an acronym still is one
    text = "UNHCR: 300 refugees a night cross into Moldova"
    assert all(c.attribution in (None, "UNHCR") for c in extract(text))
    text = "NATO: 40,000 troops to stay on high alert"
    assert _only(text, "40,000").attribution == "NATO"


def test_a_tag_that_closes_the_sentence_wins_over_a_heading_before_a_colon() -> None:
    # a dateline the gazetteer does not know, then a whole sentence with its own tag
    text = "KIDAL: Drone strikes killed 21 civilians at a wedding, local elders said."
    c = _only(text, "21")
    assert c.attribution == "local elders"
    assert "attribution:speech:said" in c.rules
    # with no tag the colon's source stays the source
    text = "KIDAL: Drone strikes killed 21 civilians at a wedding"
    assert _only(text, "21").attribution == "KIDAL"


def test_a_name_known_as_after_an_appositive_keeps_the_full_name() -> None:
    text = (
        "Abubakar Shekau's successor, the commander known as Bakura, said his fighters had "
        "seized 35 soldiers."
    )
    assert _only(text, "35").attribution == (
        "Abubakar Shekau's successor, the commander known as Bakura"
    )
    text = "Ali Hussein Kafi, the militia leader known as Abu Fatima, said 80 fighters had died."
    c = _only(text, "80")
    assert c.attribution == "Ali Hussein Kafi, the militia leader known as Abu Fatima"
    assert "attribution:appositive" in c.rules
