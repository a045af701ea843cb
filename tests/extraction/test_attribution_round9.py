"""Who asserts a figure: the rules of claimants round 9 (headline colons, asides, reach).

The passages are our own, in news style, written for these tests (none is a gold passage);
each checks the attribution as written, the claimant where it matters, and the rule's name,
since `--explain` must say why.
"""

from __future__ import annotations

from projections.extraction import extract
from projections.extraction.claim import FigureClaim


def _only(text: str, figure: str) -> FigureClaim:
    found = [c for c in extract(text) if c.text == figure]
    assert len(found) == 1, [c.text for c in extract(text)]
    return found[0]


# -- a headline's colon: a surname the passage names in full, never a place ------------------


def test_a_lone_surname_before_a_colon_speaks_when_the_passage_names_him() -> None:
    text = (
        "Syrskyi: 2,300 Russian soldiers killed near Kupiansk in a week\n\n"
        "General Oleksandr Syrskyi, Ukraine's commander-in-chief, gave the figure on Telegram."
    )
    c = _only(text, "2,300")
    assert c.attribution == "Syrskyi"
    assert "attribution:colon-surname" in c.rules


def test_a_lone_word_before_a_colon_that_the_passage_never_names_is_no_source() -> None:
    # a town, not a person: nothing else in the passage writes it after a first name
    text = "Pokrovsk: 14 civilians killed as glide bombs hit the centre"
    assert _only(text, "14").attribution is None
    text = "Exclusive: 600 mercenaries flown into Bamako, documents show"
    assert _only(text, "600").attribution == "documents"


def test_a_region_before_a_colon_is_no_source_and_a_tag_after_still_speaks() -> None:
    text = "Southern Lebanon: at least 31 people killed in overnight raids, health officials say"
    assert _only(text, "at least 31").attribution == "health officials"
    text = "Eastern Chad: 9,000 refugees arrive in a single day"
    assert _only(text, "9,000").attribution is None


def test_the_with_one_name_before_a_colon_speaks_only_for_a_body() -> None:
    text = "The Donbas: 1,100 shells fired in one day along the front"
    assert _only(text, "1,100").attribution is None
    text = "The Kremlin: 50,000 reservists called up in the autumn"
    assert _only(text, "50,000").attribution == "The Kremlin"


# -- according to, set off by commas inside the counted phrase's clause ------------------------


def test_an_according_to_aside_does_not_cut_the_toll_from_its_figure() -> None:
    text = "The death toll, according to the district commissioner, had reached 64 by midday."
    c = _only(text, "64")
    assert c.category == "killed"
    assert c.attribution == "the district commissioner"
    assert "category:across-source-aside" in c.rules
    # a comma that opens something else still stops the counted phrase
    text = "The toll, which rescuers fear will rise, stood at 64."
    assert all(c.attribution is None for c in extract(text))


# -- how far a speaker reaches: after `and`, and a participle --------------------------------


def test_a_speaker_after_and_whose_verb_takes_a_clause_speaks_only_for_it() -> None:
    text = (
        "Gunmen killed 15 farmers near Mokwa on Sunday, and the police say the attackers "
        "came from across the river."
    )
    assert _only(text, "15").attribution is None
    # without a clause of its own the tag still speaks for what came before
    text = "Gunmen killed 15 farmers near Mokwa on Sunday, police said."
    assert _only(text, "15").attribution == "police"


def test_a_participle_reports_what_follows_it_and_names_the_relatives_subject() -> None:
    text = (
        "Some 3,000 fighters crossed the border last week, a figure the Chadian army rejects, "
        "saying no more than 800 fighters had crossed."
    )
    assert _only(text, "Some 3,000").attribution is None
    c = _only(text, "no more than 800")
    assert c.attribution == "the Chadian army"
    assert "attribution:relative-subject" in c.rules


def test_an_inverted_tag_set_off_by_commas_does_not_cut_the_toll_either() -> None:
    # round 11: the tag's verb right after the comma, its speaker after the verb
    text = "The toll, said an official of the district council, had climbed to 75 by Sunday."
    c = _only(text, "75")
    assert c.category == "killed"
    assert c.attribution == "an official of the district council"
    assert "category:across-source-aside" in c.rules
