"""Actors round 1: whose side a figure is when the side stands in another clause of the
sentence, in a side's own report, in a list that shares its noun, or under an alias."""

from __future__ import annotations

import pytest

from projections.extraction import extract

CASES = [
    # (text, figure, category, actor, a rule the actor or category must name)
    (
        "Nigerian troops repelled a Boko Haram raid on a base in Monguno; 11 soldiers and 37"
        " insurgents were killed, the army said.",
        "11",
        "killed",
        "Nigeria",
        "actor:clause-before:Nigerian",
    ),
    (
        "Nigerian troops repelled a Boko Haram raid on a base in Monguno; 11 soldiers and 37"
        " insurgents were killed, the army said.",
        "37",
        "killed",
        "Boko Haram",
        "actor:clause-before:Boko Haram",
    ),
    (
        "Eritrean units pulled back from the border town of Zalambessa on Friday - about 2,000"
        " troops, according to Ethiopian officials.",
        "about 2,000",
        "troops",
        "Eritrea",
        "actor:clause-before:Eritrean",
    ),
    (
        "Philippine troops clashed with Abu Sayyaf gunmen on Jolo, leaving five soldiers wounded.",
        "five",
        "wounded",
        "Philippines",
        "actor:clause-before:Philippine",
    ),
    (
        "Algerian and Moroccan forces exchanged fire near Tindouf; two Algerian soldiers were"
        " killed, and Rabat said three of its own were wounded.",
        "three",
        "wounded",
        "Morocco",
        "actor:its-reporting-side:Morocco",
    ),
    (
        "The Karen National Union said its fighters had taken the hilltop base. It said they"
        " were holding 117 junta soldiers who had surrendered there.",
        "117",
        "captured",
        "Myanmar",
        "actor:junta-state-before:Karen National Union",
    ),
    (
        "The drills near Brest involved 20,000 Russian and 10,000 Belarusian troops.",
        "20,000",
        "troops",
        "Russia",
        "category:shared-noun-ahead:troops",
    ),
    (
        "Nine Azerbaijani and four Armenian soldiers were killed in the border clashes.",
        "Nine",
        "killed",
        "Azerbaijan",
        "category:shared-noun-ahead:soldiers",
    ),
    (
        "India lost 20 soldiers and China at least four in the clash in the Galwan valley.",
        "at least four",
        "casualties",
        "China",
        "category:gapped-subject",
    ),
    (
        "It said its fighters had killed 14 Iraqi soldiers and lost three of their own.",
        "three",
        "casualties",
        None,
        "category:of-its-own",
    ),
    (
        "Iraqi officials believe about 3,000 Daesh fighters are hiding in the Hamrin mountains.",
        "about 3,000",
        "troops",
        "Islamic State",
        "actor:org:Daesh",
    ),
    (
        "Ansar Allah said it had fired 12 ballistic missiles at Eilat.",
        "12",
        "equipment",
        "Houthis",
        None,
    ),
    (
        "The al-Quds Brigades said nine of its fighters were killed in a raid on the Jenin camp.",
        "nine",
        "killed",
        "Islamic Jihad",
        None,
    ),
    (
        "Asmara has kept as many as 150,000 men under arms, a UN rapporteur said.",
        "as many as 150,000",
        "troops",
        "Eritrea",
        "actor:clause-subject:Asmara",
    ),
    (
        "Mozambique's government, backed by Rwandan soldiers since the insurgency spread, has"
        " sent more than 1,000 police officers to Mocimboa da Praia.",
        "more than 1,000",
        "troops",
        "Mozambique",
        None,
    ),
    (
        "Mali's army said 9 of its soldiers were missing after an ambush near Boulkessi, and"
        " that JNIM fighters were holding 3 others.",
        "3",
        "captured",
        "Mali",
        "actor:others-after-clause",
    ),
    (
        "Nine Chadian soldiers were killed near Lake Chad on Sunday, and the army said 4 others"
        " were missing.",
        "4",
        "missing",
        "Chad",
        "actor:others-after-clause",
    ),
    (
        "Russian forces killed 40 Ukrainian soldiers and lost 12 of their own near Pokrovsk,"
        " Kyiv said.",
        "12",
        "casualties",
        "Russia",
        "actor:own-of-the-subject:Russian",
    ),
    (
        "Ukraine said its troops had captured 25 Russian soldiers and lost four of their own.",
        "four",
        "casualties",
        "Ukraine",
        "actor:own-of-the-subject-speaker:Ukraine",
    ),
    (
        "The Islamic State claimed the attack on an army post near Kirkuk. It said its fighters"
        " had killed 14 Iraqi soldiers and lost three of their own.",
        "three",
        "casualties",
        "Islamic State",
        "actor:own-of-the-subject-lead:Islamic State",
    ),
    # a clause with its own subject after `, and`: `its` is that subject's
    (
        "Russian forces killed 40 Ukrainian soldiers, and Ukraine said it lost 12 of their own.",
        "12",
        "casualties",
        "Ukraine",
        None,
    ),
]


@pytest.mark.parametrize(("text", "figure", "category", "actor", "rule"), CASES)
def test_actor_round1(
    text: str, figure: str, category: str, actor: str | None, rule: str | None
) -> None:
    claims = {c.text: c for c in extract(text)}
    claim = claims[figure]
    assert claim.category == category
    if actor is not None:
        assert claim.actor == actor
    if rule is not None:
        assert rule in claim.rules


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a dateline's dash opens no clause: Congo is where the report was filed
        (
            "GOMA, Congo (AP) — M23 rebels have seized the town of Masisi and killed at least 20"
            " soldiers, a local official said.",
            "at least 20",
        ),
        # two states in the clause before: the soldiers' side is not said
        (
            "Thai and Cambodian troops exchanged fire near Preah Vihear; 6 soldiers died.",
            "6",
        ),
        # `N others` in one list with the soldiers are others than them
        ("Four Chadian soldiers and 2 others were killed near Lake Chad on Sunday.", "2"),
        # a side placed in the speaker's phrase reports for no state
        (
            "The African Union mission in Somalia said 3 of its soldiers had been killed near"
            " Marka.",
            "3",
        ),
    ],
)
def test_no_side_said(text: str, figure: str) -> None:
    claims = {c.text: c for c in extract(text)}
    assert claims[figure].actor is None
