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
