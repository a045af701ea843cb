"""Issue 12, part B: which number, what it counts, whose it is, and whether it is earlier, a
period's count or the running total, and which kind of equipment. One row per example, written
for these tests in news style; each asserts the values read."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from projections.extraction import FigureClaim, explain, extract

GOLD_DIR = Path(__file__).with_name("gold")


def scored(text: str) -> list[FigureClaim]:
    return [c for c in extract(text) if c.category != "other"]


def claim(text: str, figure: str) -> FigureClaim:
    found = [c for c in scored(text) if c.text == figure]
    assert len(found) == 1, [c.text for c in scored(text)]
    return found[0]


# (sentence, figure, category, actor): numbers far from their noun
FAR = [
    (
        "The agency put the number of Eritrean soldiers still deployed in the Tigray region at "
        "about 4,000 on Friday.",
        "about 4,000",
        "troops",
        "Eritrea",
    ),
    (
        "The toll from the shelling of the market in Kherson rose to 17, officials said.",
        "17",
        "killed",
        None,
    ),
    (
        "The general staff said Russia had lost 980 troops in a day, bringing its total "
        "personnel losses since February 2022 to 850,000.",
        "850,000",
        "casualties",
        "Russia",
    ),
    (
        "Analysts estimated the size of the Russian force near Vovchansk at between 3,000 and "
        "5,000 troops, while Kyiv put it at 7,000.",
        "7,000",
        "troops",
        "Russia",
    ),
    (
        "Numbering about 6,000, the militia holds the roads around the town.",
        "about 6,000",
        "troops",
        None,
    ),
    (
        "The report counted the number of civilians killed since the siege began: 2,140.",
        "2,140",
        "killed",
        None,
    ),
    (
        "Sudanese forces that crossed the border in May numbered about 2,500 at first and may "
        "have reached 4,000 by July.",
        "4,000",
        "troops",
        "Sudan",
    ),
]


@pytest.mark.parametrize(("text", "figure", "category", "actor"), FAR)
def test_far_figures(text: str, figure: str, category: str, actor: str | None) -> None:
    c = claim(text, figure)
    assert (c.category, c.actor) == (category, actor)


# (sentence, figure, category, actor): the ACLED classes and breakdowns
KILLED = [
    (
        "Six policemen were killed when gunmen stormed a station in Katsina state.",
        "Six",
        "killed",
        None,
    ),
    ("One student was killed in the clashes at the campus.", "One", "killed", None),
    ("Nine traders died when the market was shelled.", "Nine", "killed", None),
    ("Two aid workers were among the dead, the agency said.", "Two", "killed", None),
    ("Thirty migrants drowned off Lampedusa.", "Thirty", "killed", None),
    (
        "The strike killed 40 Palestinians, among them 11 children and 6 women, the ministry said.",
        "6",
        "killed",
        "Palestine",
    ),
    (
        "The army suffered 3,100 casualties, of whom 900 were killed, the Kenyan ministry said.",
        "900",
        "killed",
        None,
    ),
    (
        "Around 80 Russian soldiers were killed and about 200 wounded near Toretsk.",
        "about 200",
        "wounded",
        "Russia",
    ),
]


@pytest.mark.parametrize(("text", "figure", "category", "actor"), KILLED)
def test_killed_and_breakdowns(text: str, figure: str, category: str, actor: str | None) -> None:
    c = claim(text, figure)
    assert (c.category, c.actor) == (category, actor)


# (sentence, figure, actor): sides from the whole clause and the alias table
ACTORS = [
    ("Myanmar's junta lost 11 helicopters last year.", "11", "Myanmar"),
    ("Kigali said 120 of its soldiers had died in the fighting.", "120", "Rwanda"),
    ("The army shot down 19 of the 25 drones Russia launched overnight.", "25", "Russia"),
    ("Poland has delivered 14 tanks and pledged another 30 since spring.", "30", "Poland"),
    (
        "Pyongyang has sent 200 artillery pieces to Russia, along with about 50 rocket launchers.",
        "about 50",
        "North Korea",
    ),
    (
        "According to the GUR, 1,500 Ukrainian prisoners remain in Russian hands.",
        "1,500",
        "Ukraine",
    ),
    ("The Congolese army lost 40 armoured vehicles in the offensive.", "40", "DR Congo"),
]


@pytest.mark.parametrize(("text", "figure", "actor"), ACTORS)
def test_actors_of_the_clause(text: str, figure: str, actor: str) -> None:
    assert claim(text, figure).actor == actor


def test_the_killing_as_a_noun_kills_no_one() -> None:
    assert (
        scored("Police dispersed 50 traders who were protesting the killing of a colleague.") == []
    )


def test_a_duration_is_no_neighbour() -> None:
    c = claim(
        "More than 300 villagers were massacred over three days in the district.", "More than 300"
    )
    assert c.category == "killed"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        (
            "At least 70 people were killed in Sennar. Monitors put the number at more than 90.",
            "more than 90",
        ),
        ("At least 12 people were killed in the strike, and the figure could reach 20.", "20"),
    ],
)
def test_the_figure_counts_what_was_counted(text: str, figure: str) -> None:
    assert claim(text, figure).category == "killed"


def test_trapped_people_are_no_claim() -> None:
    assert scored("The siege has trapped about 80,000 civilians in the old town.") == []


def test_a_captured_weapon_is_equipment() -> None:
    c = claim("The rebels showed off 40 captured armoured vehicles in Goma.", "40")
    assert (c.category, c.kind) == ("equipment", "armoured vehicles")


def test_the_side_of_a_unit_of_n_troops() -> None:
    assert claim("Poland will send a Polish brigade of 3,000 troops.", "3,000").actor == "Poland"
    c = claim("British soldiers in Estonia, numbering 900 at their peak, left.", "900")
    assert (c.category, c.actor) == ("troops", "United Kingdom")


def test_a_part_of_a_figure() -> None:
    text = "Rebels freed 30 hostages on Monday, and officials said six of the 30 were nurses."
    assert claim(text, "six").category == "captured"


def test_backed_by_a_side_is_not_of_it() -> None:
    c = claim("Troops killed 12 Rwandan-backed fighters near Goma.", "12")
    assert (c.category, c.actor) == ("killed", None)


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("Gangs in the capital have about 3,000 members, the envoy said.", "about 3,000", "troops"),
        ("The SDF hold 900 Islamic State fighters in prisons near Raqqa.", "900", "captured"),
    ],
)
def test_members_and_prisoners(text: str, figure: str, category: str) -> None:
    assert claim(text, figure).category == category


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("About 9,000 Eritreans crossed into Ethiopia last month.", "About 9,000", "displaced"),
        (
            "Somali refugees in Kenya now number more than 500,000.",
            "more than 500,000",
            "displaced",
        ),
        ("Estimates of the toll ranged from 90, the army's figure, to 140.", "90", "killed"),
        (
            "Some 4,000 more refugees have arrived since the fighting began.",
            "Some 4,000",
            "displaced",
        ),
    ],
)
def test_round_six_readings(text: str, figure: str, category: str) -> None:
    assert claim(text, figure).category == category


def test_army_posts_are_places() -> None:
    assert scored("The rebels said they had overrun 45 army posts in the north.") == []


def test_two_sides_named_together_give_none() -> None:
    c = claim("Serbian and Bosnian forces lost a combined 900 soldiers in the winter.", "900")
    assert c.actor is None


def test_a_rescued_count_after_a_toll_is_no_claim() -> None:
    claims = scored("Officials said 40 migrants had drowned and 19 were rescued.")
    assert [(c.text, c.category) for c in claims] == [("40", "killed")]


def test_the_side_that_destroys_is_not_the_owner() -> None:
    c = claim("Ukraine's forces destroyed 41 artillery systems near Bakhmut.", "41")
    assert c.actor is None


# (sentence, figure, earlier)
EARLIER = [
    ("Russia has lost 3,900 tanks, up from 3,100 a year ago.", "3,100", True),
    ("Russia has lost 3,900 tanks, up from 3,100 a year ago.", "3,900", False),
    (
        "The number of refugees reached 2 million, compared with 1.2 million in March.",
        "1.2 million",
        True,
    ),
    ("The brigade's strength rose from 8,000 to 12,000 troops.", "8,000", True),
    ("The brigade's strength rose from 8,000 to 12,000 troops.", "12,000", False),
    ("The toll stood at 210, down from a previous count of 240.", "240", True),
    (
        "Some 11,000 North Korean troops are in Kursk, up from an estimate of 8,000 a week ago.",
        "8,000",
        True,
    ),
]


@pytest.mark.parametrize(("text", "figure", "earlier"), EARLIER)
def test_earlier_figures(text: str, figure: str, earlier: bool) -> None:
    assert claim(text, figure).earlier is earlier


# (sentence, figure, period)
PERIODS = [
    ("Russia lost 1,100 troops in the past 24 hours, the general staff said.", "1,100", "period"),
    (
        "Russia lost 1,100 troops over the past day, bringing its losses since February 2022 "
        "to 790,000.",
        "790,000",
        "total",
    ),
    (
        "Russia lost 1,100 troops over the past day, bringing its losses since February 2022 "
        "to 790,000.",
        "1,100",
        "period",
    ),
    ("About 60 drones were shot down overnight.", "About 60", "period"),
    ("The rebels have captured 400 soldiers so far.", "400", "total"),
    ("Ukraine destroyed 12 tanks and 30 armoured vehicles last week.", "12", "period"),
    ("The army said 300 soldiers were killed near Pokrovsk.", "300", None),
]


@pytest.mark.parametrize(("text", "figure", "period"), PERIODS)
def test_period_or_total(text: str, figure: str, period: str | None) -> None:
    assert claim(text, figure).period == period


# (phrase after the figure, kind)
KINDS = [
    ("tanks", "tanks"),
    ("armoured combat vehicles", "armoured vehicles"),
    ("armoured personnel carriers", "armoured vehicles"),
    ("self-propelled howitzers", "artillery"),
    ("artillery systems", "artillery"),
    ("air defence systems", "air defence"),
    ("Patriot air defence batteries", "air defence"),
    ("fighter jets", "aircraft"),
    ("attack helicopters", "helicopters"),
    ("Shahed drones", "drones"),
    ("cruise missiles", "missiles"),
    ("landing ships", "ships"),
    ("weapons", None),
]


@pytest.mark.parametrize(("phrase", "kind"), KINDS)
def test_equipment_kind(phrase: str, kind: str | None) -> None:
    c = claim(f"Russia has lost 19,000 {phrase} since the invasion began.", "19,000")
    assert (c.category, c.kind) == ("equipment", kind)


def test_kind_only_for_equipment() -> None:
    assert claim("Russia has deployed 50,000 troops.", "50,000").kind is None


def test_explain_names_the_new_rules() -> None:
    c = claim("Russia has lost 3,900 tanks since 2022, up from 3,100 a year ago.", "3,100")
    text = explain(c)
    assert "earlier:up-from" in text
    assert "period:total:since" in text
    assert "kind:" in text or c.kind is None


# Gold claims of our rounds still read otherwise, and why (honest limits, not hidden).
KNOWN_MISSES = {
    # "along with 12 ground stations and more than 40 missiles": the stations (no claim)
    # stand between the list and the supplier
    ("f3-010", "more than 40"),
    # "The Kremlin has ordered the army to grow by 160,000 servicemen": an order's object
    ("f3-014", "160,000"),
    ("f3-014", "2.4 million"),
    # "lost a third of its Black Sea Fleet, some 27 ships": an appositive after a fraction
    ("f4-007", "some 27"),
    # "registered for temporary protection": refugees by status, not by a verb of fleeing
    ("f4-011", "More than 4 million"),
    # "repelled an attack by JNIM fighters ..., killing 40 of the assailants": the assailants
    # are JNIM's only by reference to the attack's agent
    ("f9-014", "40"),
    # "well short of the 2,500 it was promised": a bare figure with a relative clause
    ("f12-015", "2,500"),
    # soldiers who "have crossed into India": fleeing, which the verb does not tell from
    # troops crossing into a country they invade
    ("f14-032", "More than 3,400"),
}


@pytest.mark.parametrize("name", [f"figures_r{n}.jsonl" for n in range(1, 16)])
def test_round_gold_is_read_as_annotated(name: str) -> None:
    """The passages written before each round: every gold claim found with its bounds,
    category and side, but the known misses."""
    missed = set()
    for line in (GOLD_DIR / name).read_text(encoding="utf-8").splitlines():
        passage = json.loads(line)
        claims = extract(passage["text"])
        after: dict[
            str, int
        ] = {}  # a text given twice is found after its last place, as the scorer does
        for gold in passage["claims"]:
            pattern = re.compile(rf"(?<!\w){re.escape(gold['text'])}(?!\w)")
            at = pattern.search(passage["text"], after.get(gold["text"], 0)).start()
            after[gold["text"]] = at + len(gold["text"])
            found = [
                c
                for c in claims
                if c.start < at + len(gold["text"])
                and c.end > at
                and c.category == gold["category"]
                and (c.actor or None) == gold["actor"]
                and (gold["low"] is None or c.vague or c.low == gold["low"])
            ]
            if not found:
                missed.add((passage["id"], gold["text"]))
    prefix = "f" + name[len("figures_r") : -len(".jsonl")] + "-"  # f10- for figures_r10.jsonl
    assert missed == {m for m in KNOWN_MISSES if m[0].startswith(prefix)}


def test_extract_command_carries_the_new_fields(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    text = "Ukraine said it downed 30 Shahed drones overnight, up from 22 a night earlier."
    source.write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    osint = Path(sys.executable).with_name("osint")
    out = subprocess.run(
        [str(osint), "extract", "--jsonl", str(source)], capture_output=True, text=True, check=True
    )
    claims = json.loads(out.stdout.splitlines()[0])["claims"]
    by_text = {c["text"]: c for c in claims}
    assert by_text["30"]["kind"] == "drones"
    assert by_text["30"]["period"] == "period"
    assert by_text["22"]["earlier"] is True


# Round 14: whose losses an `its` names when its sentence names no one, and `number` as a verb
EARLIER_SIDE = [
    (
        "Chad sent 2,000 soldiers to northern Mali in 2013. Its losses there reached 38 dead "
        "within a year.",
        "38",
        "Chad",
        "actor:possessive-pronoun-before:Chad",
    ),
    (
        "The Northern Fleet has kept most of its submarines in port since spring. Its losses "
        "this year include two patrol boats, the Norwegian navy said.",
        "two",
        "Russia",
        "actor:possessive-pronoun-lead:Russia",
    ),
]


@pytest.mark.parametrize(("text", "figure", "actor", "rule"), EARLIER_SIDE)
def test_its_losses_in_a_later_sentence(text: str, figure: str, actor: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.actor == actor
    assert rule in explain(c)


def test_its_named_in_its_own_sentence_is_not_carried() -> None:
    # the `its` may stand for Niger, which its own sentence names: the earlier side is not
    # taken (taking Niger, the speaker, cost d2a and claimants_r6 when tried in round 14)
    text = "Chad sent 2,000 soldiers to Mali. Niger said its losses reached 12 dead."
    assert claim(text, "12").actor != "Chad"


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        ("The Nigerien battalion was supposed to number 850 men by June.", "850", "troops"),
        ("Officials say the new militia could number 3,000 fighters.", "3,000", "troops"),
    ],
)
def test_number_as_a_verb_counts(text: str, figure: str, category: str) -> None:
    assert claim(text, figure).category == category


def test_number_as_a_name_stays_a_designation() -> None:
    assert scored("The wounded were taken to hospital number 3 in the city.") == []


# Round 14: `N strong` in an apposition, vehicles lost, and a side that leads or commands
@pytest.mark.parametrize(
    ("text", "figure", "category", "actor", "rule"),
    [
        (
            "The Sudanese regiment, some 1,800 strong, crossed the Nile at dawn.",
            "some 1,800",
            "troops",
            "Sudan",
            "category:apposition-strong:regiment",
        ),
        (
            "Rebels said the militia column, 600 strong, had reached the outskirts of Goma.",
            "600",
            "troops",
            None,
            "category:apposition-strong:column",
        ),
        (
            "The Malian convoy lost 11 trucks to roadside bombs near Tessalit.",
            "11",
            "equipment",
            "Mali",
            "category:lost-vehicles:trucks",
        ),
        (
            "The gunmen abandoned 9 pickups before withdrawing, residents said.",
            "9",
            "equipment",
            None,
            "category:lost-vehicles:pickups",
        ),
        (
            "Militiamen commanded by Wagner officers lost 25 fighters in the battle for the mine.",
            "25",
            "casualties",
            "Wagner Group",
            "actor:led-by:Wagner",
        ),
        (
            "About 4,000 fighters led by the Arakan Army surrounded the base.",
            "About 4,000",
            "troops",
            "Arakan Army",
            "actor:led-by:Arakan Army",
        ),
    ],
)
def test_round_fourteen_readings(
    text: str, figure: str, category: str, actor: str | None, rule: str
) -> None:
    c = claim(text, figure)
    assert (c.category, c.actor) == (category, actor)
    assert rule in explain(c)


def test_aid_trucks_are_no_equipment() -> None:
    assert scored("More than 200 aid trucks entered Gaza through Kerem Shalom on Sunday.") == []


def test_n_of_the_same_noun_shares_the_side_in_its_sentence() -> None:
    text = (
        "The army said Iran fired 40 ballistic missiles and 30 drones at the base, and that "
        "25 of the missiles were intercepted."
    )
    c = claim(text, "25")
    assert (c.category, c.actor) == ("equipment", "Iran")
    assert "actor:partitive-of-the-same" in explain(c)


def test_n_of_the_same_noun_in_a_later_sentence_has_no_side() -> None:
    text = "Iran fired 40 ballistic missiles at the base. Air defences downed 25 of the missiles."
    assert claim(text, "25").actor is None


@pytest.mark.parametrize(
    ("text", "figure", "category"),
    [
        (
            "About 90,000 Congolese sheltering in western Uganda face cuts.",
            "About 90,000",
            "displaced",
        ),
        ("Some 40 civilians sheltering in a basement were wounded.", "Some 40", "wounded"),
    ],
)
def test_sheltering_in_a_named_land(text: str, figure: str, category: str) -> None:
    assert claim(text, figure).category == category


@pytest.mark.parametrize(
    ("text", "figure", "category", "actor", "rule"),
    [
        (
            "On 2 April, militiamen attacked a market near Djugu (Ituri). 1 fatality.",
            "1",
            "killed",
            None,
            "category:noun:fatality",
        ),
        (
            "The Somali army, which has about 20,000 trained soldiers, still relies on AU troops.",
            "about 20,000",
            "troops",
            "Somalia",
            "actor:relative-antecedent:Somali",
        ),
        (
            "A Rwandan battalion moved north, about 800 soldiers in all, according to UN experts.",
            "about 800",
            "troops",
            "Rwanda",
            "actor:apposition-subject:Rwandan",
        ),
    ],
)
def test_round_fourteen_fatality_and_subjects(
    text: str, figure: str, category: str, actor: str | None, rule: str
) -> None:
    c = claim(text, figure)
    assert (c.category, c.actor) == (category, actor)
    assert rule in explain(c)


def test_an_apposition_after_a_list_item_takes_no_subject() -> None:
    text = "Gunmen killed 12 villagers, 40 Malian soldiers and a guard near Mopti."
    assert claim(text, "12").actor is None


@pytest.mark.parametrize(
    ("text", "figure", "actor"),
    [
        ("Kenya pledged 1,000 police officers for Haiti, but only 400 arrived.", "400", "Kenya"),
        (
            "Egypt promised 3,000 soldiers to the mission, but only 900 eventually deployed.",
            "900",
            "Egypt",
        ),
    ],
)
def test_only_part_of_a_figure_came(text: str, figure: str, actor: str) -> None:
    c = claim(text, figure)
    assert (c.category, c.actor) == ("troops", actor)
    assert "category:only-part:" in explain(c)


def test_only_without_a_figure_before_is_no_part() -> None:
    assert scored("Only 400 arrived before dawn.") == []


# Round 15: `whose ranks`, a far link by a verb, captured vehicles by name, staff held
@pytest.mark.parametrize(
    ("text", "figure", "category", "actor", "rule"),
    [
        (
            "The RSF, whose ranks grew to some 100,000 men during the war, now holds Darfur.",
            "some 100,000",
            "troops",
            "Rapid Support Forces",
            "actor:whose:RSF",
        ),
        (
            "The militia's losses in the siege reached about 300 fighters, a commander said.",
            "about 300",
            "casualties",
            None,
            "category:noun:fighters",
        ),
        (
            "Insurgents seized 12 army Humvees at the checkpoint.",
            "12",
            "equipment",
            None,
            "category:noun:humvees",
        ),
        (
            "Gunmen are holding 9 staff of a medical charity in North Kivu.",
            "9",
            "captured",
            None,
            "category:verb-before:holding",
        ),
    ],
)
def test_round_fifteen_readings(
    text: str, figure: str, category: str, actor: str | None, rule: str
) -> None:
    c = claim(text, figure)
    assert (c.category, c.actor) == (category, actor)
    assert rule in explain(c)
