"""Issue 12, round 16: rules that follow the clause, checked on sentences written for these
tests in news style (not taken from the gold files). Each row asserts the values read and the
rule `--explain` names for them."""

from __future__ import annotations

import pytest

from projections.extraction import FigureClaim, extract


def claim(text: str, figure: str) -> FigureClaim:
    found = [c for c in extract(text) if c.text == figure]
    assert len(found) == 1, [(c.text, c.category) for c in extract(text)]
    return found[0]


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
