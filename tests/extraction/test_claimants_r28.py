"""Claimants round 28: speakers named after the figure, active `quoted X as saying`, report
leads, bracketed sources before a colon, held counts, descriptions among two speakers, ranks."""

import pytest

from projections.extraction.claimants import claimant_key
from projections.extraction.extractor import extract

CASES = [
    # (text, figure, category, actor, attribution, claimant, rule)
    (
        '"We buried 23 of our fighters at dawn." The words were those of Captain Idris Musa,'
        " who led the company.",
        "23",
        "killed",
        None,
        "Captain Idris Musa",
        "Captain Idris Musa",
        "attribution:source-in-next-sentence:whose-words",
    ),
    (
        "About 900 families fled the district overnight. So said the provincial governor,"
        " Halima Sadat, on Monday.",
        "About 900",
        "displaced",
        None,
        "the provincial governor, Halima Sadat",
        "Halima Sadat",
        "attribution:source-in-next-sentence:whose-words",
    ),
    (
        "Tass quoted the region's acting head, Igor Petrov, as saying that 7 civilians had been"
        " wounded in Kursk.",
        "7",
        "wounded",
        None,
        "the region's acting head, Igor Petrov",
        "Igor Petrov",
        "attribution:quoted-object-as",
    ),
    (
        "Patrol report: 5 soldiers were wounded by a mine near Menaka.",
        "5",
        "wounded",
        None,
        None,
        None,
        "attribution:refused:document-label",
    ),
    (
        "The toll stands at 52, a number first put out by the provincial police and since"
        " confirmed by the army.",
        "52",
        "killed",
        None,
        "the provincial police",
        "the provincial police",
        "attribution:cut:second-participle",
    ),
    (
        "Colonel Farid Aziz, the garrison commander, has a different number: 31 soldiers killed"
        " in the siege.",
        "31",
        "killed",
        None,
        "Colonel Farid Aziz, the garrison commander",
        "Colonel Farid Aziz",
        "attribution:colon-count-held",
    ),
    (
        "That, at least, is the count of the Kachin Independence Army: 45 soldiers killed near"
        " Bhamo.",
        "45",
        "killed",
        None,
        "the Kachin Independence Army",
        "the Kachin Independence Army",
        "attribution:colon-count-of",
    ),
    (
        "Ukraine's General Staff gave its own losses as 310.",
        "310",
        "casualties",
        "Ukraine",
        "Ukraine's General Staff",
        "Ukraine's General Staff",
        "actor:speaker-own-losses:Ukraine",
    ),
]


@pytest.mark.parametrize("text,figure,category,actor,said,claimant,rule", CASES)
def test_round28(text, figure, category, actor, said, claimant, rule):
    c = next(c for c in extract(text) if c.text == figure)
    assert c.category == category
    assert c.actor == actor
    assert c.attribution == said
    assert c.claimant == claimant
    assert any(r.startswith(rule) for r in c.rules), c.rules


def test_two_spokesmen_of_one_kind():
    text = (
        "A police spokesman, Major Ali Rahman, said 14 gunmen had been killed. A rebel"
        " spokesman, Omar Saleh, said the group had lost 6 fighters. The police spokesman said"
        " 9 officers were wounded."
    )
    c = next(c for c in extract(text) if c.text == "9")
    assert c.claimant == "Major Ali Rahman"
    assert c.attribution == "The police spokesman [A police spokesman, Major Ali Rahman]"


def test_age_description_resolves_to_ranked_name():
    text = (
        "Brig. Gen. Samuel Okoro said 60 militants had been killed near Damasak. The"
        " 58-year-old general said 4 soldiers were wounded."
    )
    c = next(c for c in extract(text) if c.text == "4")
    assert c.claimant == "Brig. Gen. Samuel Okoro"


def test_one_key_for_a_ranked_name_written_three_ways():
    names = ["Lt. Gen. Samuel Okoro", "General Samuel Okoro", "Okoro"]
    assert {claimant_key(n) for n in names} == {"okoro"}
    assert claimant_key("Pentagon spokesman Brig. Gen. Patrick Ryder") == "ryder"


def test_bracketed_source_labels_its_own_field():
    # the category of a bare form value is the figures side's (left); the source is read here
    claims = [c for c in extract("Wounded (Red Crescent, 4 March): 210 | Killed: 33") if c.text]
    first = next(c for c in claims if c.text == "210")
    assert first.attribution == "Red Crescent"
    assert any(r == "attribution:colon-bracket-source" for r in first.rules)
    second = next(c for c in claims if c.text == "33")
    assert second.attribution is None


def test_rank_abbreviation_full_stop_ends_no_source_name():
    text = (
        "Eleven soldiers were killed when the outpost near Gao was overrun. The toll was given"
        " by Maj. Gen. Oumar Diarra, the army's chief of staff, on Friday."
    )
    c = next(c for c in extract(text) if c.text == "Eleven")
    assert c.category == "killed"
    assert c.attribution == "Maj. Gen. Oumar Diarra"
    assert c.claimant == "Maj. Gen. Oumar Diarra"
    assert "attribution:source-in-next-sentence" in c.rules


def test_according_to_a_ranked_name_keeps_the_rank():
    c = next(
        c
        for c in extract("According to Brig. Yahya Rasool, 18 soldiers were killed.")
        if c.text == "18"
    )
    assert c.attribution == "Brig. Yahya Rasool"
    assert c.claimant == "Brig. Yahya Rasool"


def test_part_of_the_day_goes_with_the_weekday():
    text = (
        "Some 2,300 people were displaced by the floods in Beledweyne. The figure was released"
        " by the regional disaster agency on Tuesday evening."
    )
    c = next(c for c in extract(text) if c.text == "Some 2,300")
    assert c.category == "displaced"
    assert c.attribution == "the regional disaster agency"
    assert c.claimant == "the regional disaster agency"
