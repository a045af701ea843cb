"""Issue 12, plain round 15: who claims the figure across the ways wire copy names a speaker
(titles before and after a name, spokespeople, bodies with their country, acronyms in
brackets, headline openings, documents, a name after a quote, rival tolls, officials and
sources, anonymous officials, `told Reuters`, a later pronoun), written before the rules were
read. The classes fixed: an absolute clause `with NP saying …` makes the noun phrase the
speaker of what the participle reports (it was refused as a prepositional phrase); a
contrast clause after a comma (`…, while the rebels put the toll at ten`) ends the search
for the attacked side, so the side named in the first clause does not own the second
clause's figure. Passages written for these tests (not taken from the gold file); each
asserts the values read and the rule `--explain` names."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_with_absolute_clause_names_the_speaker() -> None:
    text = (
        "Kigali rejected the report, with the Rwandan army saying its forces had killed "
        "45 militiamen near Goma."
    )
    c = claim(text, "45")
    assert (c.category, c.low, c.high) == ("killed", 45, 45)
    assert c.attribution == "the Rwandan army"
    assert c.location == "Goma"
    assert any(r.startswith("attribution:with-absolute") for r in c.rules)
    text = (
        "Fighting resumed on Monday, with the health ministry saying 19 people were "
        "wounded in Tripoli."
    )
    c = claim(text, "19")
    assert (c.category, c.attribution) == ("wounded", "the health ministry")


def test_with_a_past_participle_stays_no_speaker() -> None:
    # a past participle after `with NP` is no absolute clause of speech
    text = "The ministry said, with the list published on Friday, that 30 soldiers were killed."
    c = claim(text, "30")
    assert c.attribution == "The ministry"
    assert not any(r.startswith("attribution:with-absolute") for r in c.rules)


def test_contrast_clause_keeps_the_attacked_side_out() -> None:
    text = (
        "The Nigerian army said 40 insurgents died in an attack on its base at Monguno, "
        "while the militants put the toll at fewer than 15."
    )
    c = claim(text, "fewer than 15")
    assert (c.category, c.qualifier, c.high) == ("killed", "upper", 15)
    assert c.actor is None
    assert c.attribution == "the militants"
    c = claim(text, "40")
    assert (c.category, c.actor, c.attribution) == ("killed", None, "The Nigerian army")


def test_attacked_side_still_read_without_a_contrast() -> None:
    text = "The toll from an ambush on a Nigerien army convoy rose to 29 soldiers killed."
    c = claim(text, "29")
    assert (c.category, c.actor) == ("killed", "Niger")
