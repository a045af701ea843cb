"""Issue 12, round 16: rules that follow the clause, checked on sentences written for these
tests in news style (not taken from the gold files). Each row asserts the values read and the
rule `--explain` names for them."""

from __future__ import annotations

import pytest

from tests.extraction.claim_helpers import claim

# (text, figure, actor, a rule that must be named): states the demonym table knows are found
# by their own name and by their capital
STATE_NAMES = [
    (
        "Thailand said 21 of its soldiers had been wounded by mines along the frontier.",
        "21",
        "Thailand",
        "actor:possessive-pronoun:Thailand",
    ),
    (
        "Officials in Phnom Penh said Cambodia had moved 3,000 troops to the border.",
        "3,000",
        "Cambodia",
        "actor:clause-subject:Cambodia",
    ),
    (
        "Georgia lost 14 tanks in the first two days, a military analyst wrote.",
        "14",
        "Georgia",
        "actor:clause-subject:Georgia",
    ),
]


@pytest.mark.parametrize(("text", "figure", "actor", "rule"), STATE_NAMES)
def test_states_by_name(text: str, figure: str, actor: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.actor == actor
    assert rule in c.rules


# (text, figure, category, a rule that must be named): what the clause's verb says it counts
CLAUSE_VERBS = [
    (
        "Gunmen seized 35 miners at a gold site in Zamfara and 14 herders in Sokoto on Sunday.",
        "14",
        "captured",
        "category:coordinated-past-place:captured",
    ),
    (
        "Militia fighters kidnap 19 farmers near Bunia",
        "19",
        "captured",
        "category:verb-before:kidnap",
    ),
    (
        "Nine miners were beaten to death by a mob in the Kasai region, a local official said.",
        "Nine",
        "killed",
        "category:verb:beaten to death",
    ),
    (
        "Airstrikes on the valley have pushed some 25,000 villagers across the border into "
        "Thailand.",
        "some 25,000",
        "displaced",
        "category:verb-before:pushed across",
    ),
    (
        "Wounded in the mortar attack on the base, the army said, were 16 Malian soldiers.",
        "16",
        "wounded",
        "category:fronted-verb:wounded",
    ),
]

# not what the verb says: a death sentence kills no one yet; a verb of driving with no place
# after its object moves no one
NOT_BY_THE_VERB = [
    ("A military court sentenced 12 rebel officers to death in Goma.", "12", "captured"),
    ("The army pushed 4,000 troops towards the front line.", "4,000", "displaced"),
]


@pytest.mark.parametrize(("text", "figure", "category", "rule"), CLAUSE_VERBS)
def test_clause_verbs(text: str, figure: str, category: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.category == category
    assert rule in c.rules


@pytest.mark.parametrize(("text", "figure", "not_category"), NOT_BY_THE_VERB)
def test_not_by_the_verb(text: str, figure: str, not_category: str) -> None:
    c = claim(text, figure)
    assert c.category != not_category
    assert not any(r.endswith("to death") for r in c.rules)


# (text, figure, actor, a rule that must be named): the side from the grammar of the clause
CLAUSE_ACTORS = [
    (
        "Rwandan soldiers, who crossed the border at night, have lost 40 men in the Virunga park.",
        "40",
        "Rwanda",
        "actor:clause-subject:Rwandan",
    ),
    (
        "The Houthis, which Washington says have fired 90 missiles at shipping, denied the attack.",
        "90",
        "Houthis",
        "actor:relative-antecedent:Houthis",
    ),
    (
        "Ethiopia said 40 of its soldiers had died, while Asmara put its own losses at 25.",
        "25",
        "Eritrea",
        "actor:its-clause-subject:Asmara",
    ),
    (
        "Sudanese losses in the week-long battle for the refinery came to 230 killed, "
        "the army said.",
        "230",
        "Sudan",
        "actor:subject-owner:Sudanese",
    ),
]

# round 17
CLAUSE_ACTORS_R17 = [
    (
        "Islamic State's Somali affiliate lost about 70 fighters in the offensive, officials said.",
        "about 70",
        "Islamic State",
        "actor:subject-possessor:",
    ),
    (
        "Ukrainian commanders put their own losses in the defence of the town at 1,100 men.",
        "1,100",
        "Ukraine",
        "actor:estimated-object:Ukrainian",
    ),
    (
        "NATO, whose 4,000 troops patrol Kosovo, called for calm.",
        "4,000",
        "NATO",
        "actor:whose-antecedent:NATO",
    ),
    (
        "The brigade counted 300 soldiers the Kremlin had sent to the bridgehead.",
        "300",
        "Russia",
        "actor:relative-subject:Kremlin",
    ),
    (
        "Boko Haram has regrouped around Lake Chad. It now has about 3,000 fighters there.",
        "about 3,000",
        "Boko Haram",
        "actor:pronoun-subject:Boko Haram",
    ),
    (
        "Forty rockets were fired into Galilee by Hezbollah overnight, the army said.",
        "Forty",
        "Hezbollah",
        "actor:by:Hezbollah",
    ),
]

# no side from the clause: a speech verb before `its` opens a clause of its own, and a linking
# verb's subject that only places the losses names no owner
NO_CLAUSE_ACTOR = [
    ("Losses in the Sudanese town came to 40 killed, aid workers said.", "40"),
]


@pytest.mark.parametrize(("text", "figure", "actor", "rule"), CLAUSE_ACTORS)
def test_clause_actors(text: str, figure: str, actor: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.actor == actor
    assert rule in c.rules


@pytest.mark.parametrize(("text", "figure"), NO_CLAUSE_ACTOR)
def test_no_clause_actor(text: str, figure: str) -> None:
    c = claim(text, figure)
    assert c.actor is None
    assert c.category == "killed"


def test_whose_number_counts_the_phrase_before_the_comma() -> None:
    """`X, whose number Y put at N`: the figure counts X, and X's side is the actor."""
    c = claim(
        "Chinese troops, whose number Beijing put at 400 last spring, repaired the airstrip.",
        "400",
    )
    assert (c.category, c.actor, c.subject) == ("troops", "China", "Chinese troops")
    assert "category:far:whose-number" in c.rules


@pytest.mark.parametrize(("text", "figure", "actor", "rule"), CLAUSE_ACTORS_R17)
def test_clause_actors_round17(text: str, figure: str, actor: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.actor == actor
    assert any(r.startswith(rule) for r in c.rules), c.rules


# (text, figure, category, a rule that must be named): round 17, what the clause counts
CLAUSE_CATEGORIES_R17 = [
    (
        "Nearly 700 Afghan soldiers fled across the border into Tajikistan as the Taliban "
        "advanced.",
        "Nearly 700",
        "displaced",
        "category:fled-into",
    ),
    (
        "The cartel, which split from its parent group last year and now runs the port, has "
        "about 2,000 members.",
        "about 2,000",
        "troops",
        "category:members-of-armed-group",
    ),
    (
        "Of the 900 soldiers sent to the island, roughly half were wounded, the navy said.",
        "900",
        "troops",
        "category:noun:soldiers",
    ),
    (
        "Kenyan police officers, the largest contingent of the mission, numbered about 600.",
        "about 600",
        "troops",
        "category:back-np:officers",
    ),
    (
        "Eleven aid workers were released in exchange for four militia commanders.",
        "four",
        "captured",
        "category:exchanged-for",
    ),
]

# the verb after an aside of part counts the whole; a club's members count no fighters
NOT_A_PART = [
    (
        "At least 90 villagers, most of them women, were killed in the raid.",
        "At least 90",
        "killed",
    ),
]


@pytest.mark.parametrize(("text", "figure", "category", "rule"), CLAUSE_CATEGORIES_R17)
def test_clause_categories_round17(text: str, figure: str, category: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.category == category
    assert rule in c.rules, c.rules


@pytest.mark.parametrize(("text", "figure", "category"), NOT_A_PART)
def test_aside_of_part_keeps_the_verb(text: str, figure: str, category: str) -> None:
    assert claim(text, figure).category == category


def test_members_of_a_speakers_group_follow_the_verb() -> None:
    """`The gang said 12 of its members were killed`: the group stands before the verb of
    saying, outside the figure's clause, so the verb decides."""
    c = claim("The gang said 12 of its members were killed in the raid.", "12")
    assert c.category == "killed"


def test_grown_to_takes_the_subject_past_its_relative_clause() -> None:
    c = claim(
        "Boko Haram fighters, who retreated into the forest in 2015, have grown to about "
        "3,000 men.",
        "about 3,000",
    )
    assert c.actor == "Boko Haram"


# (text, figure, location): the place phrase ends where the clause's verb begins, a source is
# no place, and troops moved from A to B are in B
LOCATIONS = [
    (
        "The army moved 1,200 troops from Mopti to Timbuktu, the ministry said.",
        "1,200",
        "Timbuktu",
    ),
    (
        "At least 12 people were killed in Kassala over the weekend, according to a report "
        "seen by Reuters.",
        "At least 12",
        "Kassala",
    ),
    (
        "Nine soldiers died in the Tibesti mountains, officials said.",
        "Nine",
        "the Tibesti mountains",
    ),
]


@pytest.mark.parametrize(("text", "figure", "location"), LOCATIONS)
def test_locations(text: str, figure: str, location: str) -> None:
    assert claim(text, figure).location == location


def test_a_source_after_according_to_is_no_place() -> None:
    c = claim("Some 300 fighters died, according to a tally kept by the group.", "Some 300")
    assert c.location is None


def test_where_the_speakers_are_is_no_place() -> None:
    """`Aid workers in Bunia report that ...`: where a statement is made."""
    c = claim("Aid workers in Bunia report that 40 villagers were killed.", "40")
    assert (c.location, c.attribution) == (None, "Aid workers in Bunia")


# (text, figure, actor): the dead of an attack on a side's convoy, camp or post are its own
ATTACKED_SIDE = [
    (
        "The toll from a rebel ambush on a Chadian patrol near Lake Chad rose to 17 "
        "soldiers killed.",
        "17",
        "Chad",
    ),
    (
        "Kenyan officers said the toll from the al-Shabaab raid on their base in Lamu stood "
        "at nine dead.",
        "nine",
        "Kenya",
    ),
]


@pytest.mark.parametrize(("text", "figure", "actor"), ATTACKED_SIDE)
def test_attacked_side(text: str, figure: str, actor: str) -> None:
    c = claim(text, figure)
    assert c.actor == actor
    assert any(r.startswith("actor:attacked-side:") for r in c.rules)


def test_an_attack_on_a_town_names_no_side() -> None:
    """People killed in an attack on a place are only placed there."""
    c = claim("The toll from the drone strike on a Sudanese market rose to 23 people.", "23")
    assert c.actor is None


def test_a_hedge_of_a_later_noun_leaves_the_figure_before_it() -> None:
    """`gangs believed to have 2,000 members`: `believed` is said of the gangs' figure only."""
    text = (
        "The Jamaican contingent, which has 150 soldiers, faces gangs believed to have 2,000 "
        "members."
    )
    assert not claim(text, "150").hedged
    later = claim(text, "2,000")
    assert later.hedged
    assert "hedge:believed (of the noun before)" in later.rules


def test_a_hedge_of_the_clause_still_reaches_the_figure_before_it() -> None:
    c = claim("Some 40 soldiers were killed, officials believe.", "Some 40")
    assert c.hedged


def test_a_colon_restates_the_object_destroyed() -> None:
    """`wiped out` or `destroyed a Rwandan battalion: 600 soldiers`: the 600 are that side's
    losses."""
    c = claim(
        "The army said it had destroyed a Rwandan battalion near Rutshuru: 600 soldiers.", "600"
    )
    assert (c.category, c.actor) == ("casualties", "Rwanda")
    assert "category:colon-object:destroyed" in c.rules
    assert "actor:colon-object:Rwandan" in c.rules


def test_a_restatement_after_or_leaves_the_verb_to_the_figure() -> None:
    c = claim(
        "Some 400,000 people, or half of the town's residents, have fled since March.",
        "Some 400,000",
    )
    assert c.category == "displaced"


def test_gear_lost_along_with_a_sides_men_is_its_own() -> None:
    c = claim(
        "Sudan's army said it had killed 120 RSF fighters, along with 14 armoured vehicles, "
        "near Bara.",
        "14",
    )
    assert (c.category, c.actor) == ("equipment", "Rapid Support Forces")
    assert "actor:along-with" in c.rules
