"""Issue 12, round 18: rules that follow the clause, checked on sentences written for these
tests in news style (not taken from the gold files). Each row asserts the values read and the
rule `--explain` names for them."""

from __future__ import annotations

import pytest

from projections.extraction import extract
from tests.extraction.claim_helpers import claim

# (text, figure, category, a rule that must be named)
CATEGORY_CASES = [
    # an inverted clause: `among the X were N ...` counts the group X, along its list
    (
        "Among the dead were 17 soldiers, eight policemen and four teachers, the mayor said.",
        "17",
        "killed",
        "category:fronted-among:dead",
    ),
    (
        "Among the dead were 17 soldiers, eight policemen and four teachers, the mayor said.",
        "eight",
        "killed",
        "category:fronted-among-list:killed",
    ),
    (
        "Among the dead were 17 soldiers, eight policemen and four teachers, the mayor said.",
        "four",
        "killed",
        "category:fronted-among-list:killed",
    ),
    (
        "Among those wounded were 23 conscripts from the northern garrison.",
        "23",
        "wounded",
        "category:fronted-among:wounded",
    ),
    # troops that are the object of `hold`, or held in the passive, are captives
    (
        "The militia is still holding 45 army soldiers seized at a checkpoint, a mediator said.",
        "45",
        "captured",
        "category:held-object:soldiers",
    ),
    (
        "Police freed 12 officers who had been held for a week by striking miners.",
        "12",
        "captured",
        "category:verb:held (passive)",
    ),
    # people who live in camps for the displaced have fled
    (
        "About 35,000 people remain in displacement camps outside the provincial capital.",
        "About 35,000",
        "displaced",
        "category:in-relief-camps",
    ),
    # a bare figure freed or rescued after a count of captives is a part of the captives
    (
        "Of the 140 miners kidnapped from the site, 96 were released on Tuesday, police said.",
        "96",
        "captured",
        "category:released-part-of-captives",
    ),
    (
        "Gunmen abducted 61 worshippers from a church last month; 40 were freed after talks.",
        "40",
        "captured",
        "category:released-part-of-captives",
    ),
]


@pytest.mark.parametrize(("text", "figure", "category", "rule"), CATEGORY_CASES)
def test_category(text: str, figure: str, category: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.category == category
    assert rule in c.rules


# the new rules must leave these readings as they were
UNCHANGED = [
    # troops held in reserve are no captives
    ("The army held 3,000 troops in reserve near the river.", "3,000", "troops"),
    # rescued after a count of dead: no claim of its own
    ("Nine miners were killed and 25 were rescued from the shaft.", "Nine", "killed"),
    # bare camps may be detention: people held there stay captives
    (
        "Some 40,000 people linked to the group are held in camps in the northeast.",
        "Some 40,000",
        "captured",
    ),
]


@pytest.mark.parametrize(("text", "figure", "category"), UNCHANGED)
def test_unchanged(text: str, figure: str, category: str) -> None:
    assert claim(text, figure).category == category


def test_rescued_after_dead_is_no_claim() -> None:
    """`25 were rescued` after a count of dead counts no one the conventions score."""
    texts = [c.text for c in extract("Nine miners were killed and 25 were rescued from the shaft.")]
    assert texts == ["Nine"]


# (text, figure, actor): captives take their own side, not the side that takes, holds or frees
CAPTIVE_SIDES = [
    ("The Turkish army detained 40 students at the rally in Ankara.", "40", None),
    ("Kenyan troops rescued 14 hostages from a camp near the border.", "14", None),
    ("Nigerian forces freed 31 soldiers held by bandits in Zamfara.", "31", None),
    # the captives' own demonym still decides
    ("Turkish police detained 40 Syrian refugees in Istanbul.", "40", "Syria"),
    # and a side's own losses keep their owner
    ("Kenyan troops lost 14 soldiers in the ambush near the border.", "14", "Kenya"),
]


@pytest.mark.parametrize(("text", "figure", "actor"), CAPTIVE_SIDES)
def test_captive_side(text: str, figure: str, actor: str | None) -> None:
    assert claim(text, figure).actor == actor


# (text, figure, actor, rule): an apposition that opens with someone else's possessive
# stands between the subject and its verb; the subject is the name before it
APPOSITION_CASES = [
    (
        "Hezbollah, Lebanon's most powerful armed group, fields some 40,000 fighters.",
        "some 40,000",
        "Hezbollah",
        "actor:apposition-possessive:Hezbollah",
    ),
    (
        "Al-Shabaab, Somalia's main insurgent movement, has lost about 700 fighters this year.",
        "about 700",
        "al-Shabaab",
        "actor:apposition-possessive:Shabaab",
    ),
]


@pytest.mark.parametrize(("text", "figure", "actor", "rule"), APPOSITION_CASES)
def test_apposition_possessive(text: str, figure: str, actor: str, rule: str) -> None:
    c = claim(text, figure)
    assert c.actor == actor
    assert rule in c.rules


# round 19: (text, figure, category, actor, a rule that must be named or None)
ROUND19_CASES = [
    # the plural of a model name is a count of that equipment
    (
        "Poland has delivered 14 Leopard 2s to Kyiv.",
        "14",
        "equipment",
        "Poland",
        "category:model-plural",
    ),
    # a part given by `of whom` takes the verb of its relative clause; the whole keeps its noun
    (
        "The militants still hold 42 hostages, at least 12 of whom are feared to be dead.",
        "at least 12",
        "killed",
        None,
        "category:of-whom",
    ),
    (
        "The militants still hold 42 hostages, at least 12 of whom are feared to be dead.",
        "42",
        "captured",
        None,
        None,
    ),
    # `late last year` after a compared figure is a time phrase, not what it counts
    (
        "About 1,100 French troops remain in Chad, down from 1,500 early last year.",
        "1,500",
        "troops",
        "France",
        "category:inherited:troops",
    ),
]


@pytest.mark.parametrize(("text", "figure", "category", "actor", "rule"), ROUND19_CASES)
def test_round19(
    text: str, figure: str, category: str, actor: str | None, rule: str | None
) -> None:
    c = claim(text, figure)
    assert c.category == category
    assert c.actor == actor
    if rule is not None:
        assert rule in c.rules


def test_demonym_shared_from_an_article_item() -> None:
    """`a Turkish frigate and six drones`: the first item is counted by `a`, its nationality
    still covers the list."""
    c = claim("Greek jets intercepted a Turkish reconnaissance plane and six drones.", "six")
    assert c.actor == "Turkey"
    assert "actor:article-list-demonym:Turkish" in c.rules


def test_boats_fired_at_are_targets() -> None:
    """Vessels after `at` in a clause of firing are targets: no claim."""
    text = "Iranian speedboats opened fire at three Kuwaiti supply vessels in the Gulf."
    assert [c.text for c in extract(text)] == []


# (text, figure, location): an event named first and its participle are no place; the
# place phrase after them is
LOCATION_CASES = [
    (
        "Four police officers were killed in a shootout with smugglers near the Chaman crossing.",
        "Four",
        "the Chaman crossing",
    ),
    (
        "Six soldiers died in an ambush claimed by the ADF in the Beni territory.",
        "Six",
        "the Beni territory",
    ),
    # where an attack named before the figure hit, when a name says where
    ("Russian drone strikes on Sumy wounded 14 people overnight.", "14", "Sumy"),
]


@pytest.mark.parametrize(("text", "figure", "location"), LOCATION_CASES)
def test_location_past_event(text: str, figure: str, location: str) -> None:
    assert claim(text, figure).location == location


def test_attack_on_a_target_is_no_place() -> None:
    """`the attack on the convoy`: a lower-case target is not read as a place by this rule."""
    assert claim("The attack on the convoy killed 12 soldiers.", "12").location is None
