"""Figures round 29: shapes the earlier rounds left (issue 12).

Indian numbering, scaled decimals, `a`/`an` before a demonym and a noun of people, people
listed after an `of` complement, label lines of sitreps and forms, `a handful`, `tens of`,
`out of action`. Passages written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from projections.extraction.extractor import extract
from tests.extraction.gold_validator import validation_errors

GOLD = Path(__file__).parent / "gold" / "figures_r29.jsonl"


def _one(text: str, figure: str):
    got = [c for c in extract(text) if c.text == figure]
    assert len(got) == 1, [c.text for c in extract(text)]
    return got[0]


@pytest.mark.parametrize(
    ("text", "figure", "value", "category"),
    [
        (
            "About 1.5 lakh residents fled the riverine villages, the collector said.",
            "About 1.5 lakh",
            150000,
            "displaced",
        ),
        (
            "The state police has 2.1 lakh personnel, the minister told the assembly.",
            "2.1 lakh",
            210000,
            "troops",
        ),
    ],
)
def test_lakh_is_a_hundred_thousand(text: str, figure: str, value: int, category: str) -> None:
    c = _one(text, figure)
    assert (c.low, c.high, c.category) == (value, value, category)
    assert "number:magnitude:lakh" in c.rules


def test_crore_of_money_is_no_claim_and_a_scaled_decimal_is_whole() -> None:
    assert extract("The government released Rs 3 crore for the families in Poonch.") == []
    c = _one("Some 2.3 million people have fled Darfur, the agency said.", "Some 2.3 million")
    assert c.low == c.high == 2_300_000


@pytest.mark.parametrize(
    ("text", "figure", "category", "actor"),
    [
        (
            "A Lebanese soldier was killed in the ambush near Tyre.",
            "A Lebanese soldier",
            "killed",
            "Lebanon",
        ),
        (
            "An Iraqi policeman was wounded when the bomb went off in Tuz Khurmatu.",
            "An Iraqi policeman",
            "wounded",
            "Iraq",
        ),
    ],
)
def test_a_demonym_before_the_noun_of_people(
    text: str, figure: str, category: str, actor: str
) -> None:
    c = _one(text, figure)
    assert (c.low, c.category, c.actor) == (1, category, actor)
    assert "number:article-one:last-noun" in c.rules


def test_a_person_listed_after_an_of_complement() -> None:
    text = "Gunmen killed 6 members of a vigilance group and a shepherd near Gusau."
    c = _one(text, "a shepherd")
    assert (c.low, c.category) == (1, "killed")
    assert "category:article:object-listed" in c.rules


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Police arrested 14 students and a teacher in Dhaka.", "a teacher"),
        # the first figure's category comes from its noun; the verb before it is shared
        ("The rebels released 9 hostages and a pilot on Monday.", "a pilot"),
    ],
)
def test_a_person_listed_with_captives(text: str, figure: str) -> None:
    c = _one(text, figure)
    assert (c.low, c.category) == (1, "captured")
    assert "category:article:object-listed" in c.rules


def test_the_last_of_a_list_of_three() -> None:
    text = "The blast killed 4 soldiers, three porters and a driver in Chin state."
    got = [(c.text, c.category) for c in extract(text)]
    assert got == [("4", "killed"), ("three", "killed"), ("a driver", "killed")]


@pytest.mark.parametrize(
    ("line", "figure", "category", "source"),
    [
        ("Dead (civil defence, 14 March): 63", "63", "killed", "civil defence"),
        ("Refugees in northern Uganda (UNHCR, March): 95,000", "95,000", "displaced", "UNHCR"),
    ],
)
def test_a_label_with_a_bracket_before_its_colon(
    line: str, figure: str, category: str, source: str
) -> None:
    c = _one(line, figure)
    assert (c.category, c.attribution) == (category, source)
    assert "category:far:label-bracket" in c.rules


def test_a_form_field_ends_at_a_bar() -> None:
    got = extract("Displaced (IOM, 2 May): 40,000 | Shelters: 12")
    assert [(c.text, c.category) for c in got] == [("40,000", "displaced")]


def test_a_value_under_a_label_line_with_no_colon() -> None:
    text = "Daily update, Sumy region\nInjured\n27\nDead\n6"
    got = [(c.text, c.category) for c in extract(text)]
    assert got == [("27", "wounded"), ("6", "killed")]
    assert all("category:value-under-label-line" in c.rules for c in extract(text))


def test_a_line_that_is_no_label_does_not_count_the_value() -> None:
    assert extract("The convoy left at dawn\n40") == []


def test_a_handful_and_tens_of() -> None:
    c = _one("A handful of Kenyan officers were injured in the clash.", "A handful")
    assert (c.qualifier, c.low, c.high, c.category) == ("approx", 2, 9, "wounded")
    c = _one("Tens of militants were killed in the raids, the army said.", "Tens")
    assert (c.qualifier, c.low, c.high, c.category) == ("approx", 20, 99, "killed")
    assert "number:vague:tens" in c.rules


def test_a_handful_of_men_is_no_force() -> None:
    c = _one("Officials said only a handful of men were involved.", "a handful")
    assert c.category == "other"
    assert "category:handful-without-troop-verb" in c.rules


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The drones put 40 enemy infantrymen out of action near Toretsk.", "40"),
        ("Artillery put out of action about 90 soldiers, the brigade said.", "about 90"),
    ],
)
def test_out_of_action_is_casualties(text: str, figure: str) -> None:
    c = _one(text, figure)
    assert c.category == "casualties"
    assert any(r.endswith(":out of action") for r in c.rules)


def test_gold_has_no_error_but_what_the_validator_cannot_parse() -> None:
    """`a Sudanese officer`, `1.2 lakh`, `passed 40,000`, `scores`, `a handful`, `Tens`: the
    validator has no reading for them (as for the incidents round's article claims)."""
    accepted = (
        "unknown number word 'a' ",
        "unknown number word 'an' ",
        " lakh'",
        "word 'passed'",
        "word 'topped'",
        "word 'surpassed'",
        "word 'scores'",
        "word 'tens'",
    )
    assert [e for e in validation_errors(GOLD) if not any(x in e for x in accepted)] == []


def test_others_of_a_second_verb_are_the_first_group() -> None:
    text = "Troops killed 9 Boko Haram fighters and arrested 3 others near Bama."
    c = _one(text, "3")
    assert (c.category, c.actor) == ("captured", "Boko Haram")
    assert "actor:others-after-second-verb" in c.rules
    # one list with the noun: others than that group, no side
    assert _one("Troops killed 9 Boko Haram fighters and 3 others near Bama.", "3").actor is None


@pytest.mark.parametrize(
    ("text", "figure", "actor"),
    [
        ("A 700-strong battalion of Rwandan troops arrived in Bangui.", "700", "Rwanda"),
        ("The army said it had killed 30 rebels of the M23 near Sake.", "30", "M23"),
    ],
)
def test_the_of_complement_of_a_unit_or_fighters_names_the_side(
    text: str, figure: str, actor: str
) -> None:
    c = _one(text, figure)
    assert c.actor == actor
    assert any(r.startswith("actor:member-of:") for r in c.rules)


def test_a_unit_of_n_soldiers_is_the_senders() -> None:
    assert _one("A 5,000-strong Ugandan force entered Ituri.", "5,000").actor == "Uganda"
    assert _one("Kampala has deployed 1,000 troops to Bunia.", "1,000").actor == "Uganda"
    c = _one(
        "Rwanda has sent a brigade of some 2,000 soldiers to Bangui, the army said.", "some 2,000"
    )
    assert (c.category, c.actor) == ("troops", "Rwanda")
    assert any(r.startswith(("actor:supplier:", "actor:clause-subject:")) for r in c.rules)


def test_the_aa_group_is_the_arakan_army_but_aa_guns_are_no_side() -> None:
    c = _one("Junta troops killed 12 fighters of the AA group near Kyauktaw.", "12")
    assert (c.category, c.actor) == ("killed", "Arakan Army")
    assert _one("The militia fired 4 AA guns at the drones.", "4").actor is None


@pytest.mark.parametrize(
    ("text", "figure", "low", "rule"),
    [
        (
            "The toll rose past 250 on Friday, officials said.",
            "rose past 250",
            250,
            "qualifier:lower:rose past",
        ),
        (
            "The number of refugees in Poland has crossed 900,000.",
            "crossed 900,000",
            900000,
            "qualifier:lower:crossed",
        ),
        (
            "Fatalities have now passed the 500 mark, officials said.",
            "passed the 500 mark",
            500,
            "qualifier:lower:passed the",
        ),
    ],
)
def test_a_count_going_past_a_mark_is_a_lower_bound(
    text: str, figure: str, low: int, rule: str
) -> None:
    c = _one(text, figure)
    assert (c.qualifier, c.low, c.high) == ("lower", low, None)
    assert rule in c.rules


def test_the_past_hours_and_bridges_crossed_are_no_bound() -> None:
    c = _one("In the past 24 hours, 12 soldiers were killed.", "12")
    assert (c.qualifier, c.low) == ("exact", 12)
    assert extract("The troops crossed the 3 bridges.") == []


def test_half_a_dozen_and_bare_scores() -> None:
    c = _one("Half a dozen policemen were wounded in Peshawar.", "Half a dozen")
    assert (c.low, c.high, c.category) == (6, 6, "wounded")
    c = _one("Scores were killed in the shelling, medics said.", "Scores")
    assert (c.qualifier, c.category) == ("approx", "killed")
    assert extract("The team's scores were high.") == []


def test_a_person_listed_after_a_comma() -> None:
    text = "Gunmen killed 3 soldiers, a policeman and 4 civilians near Gao."
    got = [(c.text, c.category) for c in extract(text)]
    assert got == [("3", "killed"), ("a policeman", "killed"), ("4", "killed")]
    assert "category:article:object-listed-comma" in extract(text)[1].rules
    # a speaker after the comma is no listed person
    assert [c.text for c in extract("Gunmen killed 3 soldiers, a spokesman said.")] == ["3"]


@pytest.mark.parametrize(
    ("line", "figure", "category"),
    [
        ("Still under the rubble (civil defence, 9 May): about 70", "about 70", "missing"),
        ("Fled to Chad since April: 3,000", "3,000", "displaced"),
    ],
)
def test_a_label_that_names_what_befell_them(line: str, figure: str, category: str) -> None:
    c = _one(line, figure)
    assert c.category == category
    assert any(r.startswith("category:far:label-verb:") for r in c.rules)


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("Three Congolese refugees were killed when the camp was shelled.", "Three", "killed"),
        ("Gunmen abducted 14 refugees on the road to Kakuma.", "14", "captured"),
        ("About 2,000 refugees were evacuated from the camp.", "About 2,000", "displaced"),
        ("Some 900 refugees were killed or wounded in the raids.", "Some 900", "casualties"),
        ("Some 300 refugees lost their homes in the fire.", "Some 300", "displaced"),
        # a noun the lexicon does not know: a verb said only of people who flee decides
        ("Some 1.5 lakh voters were displaced by the clashes.", "Some 1.5 lakh", "displaced"),
    ],
)
def test_what_befell_refugees_wins_over_their_flight(text: str, figure: str, category: str) -> None:
    assert _one(text, figure).category == category


def test_put_as_a_deed_is_no_speech() -> None:
    c = _one("The brigade put out of action 120 soldiers near Kupiansk, its commander said.", "120")
    assert (c.category, c.attribution) == ("casualties", "its commander")
    assert any(r.startswith("attribution:refused:put-deed") for r in c.rules)
    c = _one("The militants put to death 12 prisoners, a monitor said.", "12")
    assert (c.category, c.attribution) == ("killed", "a monitor")
    # `put the toll at N` still states a figure
    assert _one("The ministry put the toll at 400.", "400").attribution == "The ministry"
