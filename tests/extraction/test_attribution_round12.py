"""Who asserts a figure: the rules of claimants round 12 (the quoted, a relative's count).

The passages are our own, in news style, written for these tests (none is a gold passage).
"""

from __future__ import annotations

from projections.extraction import extract
from projections.extraction.claim import FigureClaim


def _only(text: str, figure: str) -> FigureClaim:
    found = [c for c in extract(text) if c.text == figure]
    assert len(found) == 1, [c.text for c in extract(text)]
    return found[0]


def test_the_one_quoted_as_saying_is_the_speaker_not_who_quotes() -> None:
    text = (
        "The district chief was quoted by a local radio station as saying that 31 people had "
        "been killed in the raid."
    )
    c = _only(text, "31")
    assert c.attribution == "The district chief"
    assert "attribution:quoted-as" in c.rules
    text = "A senior commander was cited as saying 5,000 fighters had joined the offensive."
    assert _only(text, "5,000").attribution == "A senior commander"


def test_a_count_that_a_relative_clause_says_someone_gave_is_theirs() -> None:
    text = (
        "The toll of 140 dead, which the health ministry gave on Sunday, was revised to 162 "
        "by the Red Cross."
    )
    c = _only(text, "140")
    assert c.attribution == "the health ministry"
    assert "attribution:relative-clause" in c.rules
    # a transfer is still no statement: the verb has an object of its own
    text = "Tehran, which gave the militia 300 drones last year, denies any role."
    assert _only(text, "300").attribution is None
