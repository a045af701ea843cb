"""Issue 12, round 27 (figures_r27): text as state and regional wires and regional dailies
write it. The classes fixed: a part introduced by `of which` shares the side of what the
sentence counted before; `N others` that open a clause of their own after `, and` are others
of the previous figure's group (in one list with it they are not); people `buried` are dead
(not `buried under the rubble`, not `buried alive`); destroyers are ships.
Sentences written for these tests in news style (not taken from the gold file); each row
asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def _row(c) -> tuple:  # type: ignore[no-untyped-def]
    return (c.text, c.low, c.high, c.qualifier, c.category, c.subject, c.actor, c.attribution)


def test_of_which_shares_the_side_of_the_whole() -> None:
    text = (
        "The air force said Russia fired 54 drones and three cruise missiles at the west, "
        "of which 40 drones were shot down."
    )
    c = claim(text, "40")
    assert _row(c) == ("40", 40, 40, "exact", "equipment", "drones", "Russia", "The air force")
    assert "actor:of-which" in c.rules


def test_others_of_a_new_clause_are_of_the_same_group() -> None:
    text = (
        "Gunmen killed six Nigerian soldiers in an ambush near Damboa, and four others were "
        "wounded, the army said."
    )
    c = claim(text, "four")
    assert _row(c) == ("four", 4, 4, "exact", "wounded", "others", "Nigeria", "the army")
    assert "actor:others-of-previous" in c.rules


def test_others_in_one_list_keep_no_side() -> None:
    c = claim("Six Nigerian soldiers and four others were killed, the army said.", "four")
    assert (c.category, c.subject, c.actor) == ("killed", "others", None)
    assert "actor:others-of-previous" not in c.rules


def test_people_buried_are_dead() -> None:
    c = claim('"We buried 52 people in three days," a gravedigger in Tawila said.', "52")
    assert (c.low, c.qualifier, c.category, c.subject) == (52, "exact", "killed", "people")
    assert "category:verb-before:buried" in c.rules


def test_buried_under_rubble_stays_missing() -> None:
    c = claim("Some 300 people are believed buried under the rubble, rescuers said.", "Some 300")
    assert (c.low, c.qualifier, c.category, c.hedged) == (300, "approx", "missing", True)
    assert "category:verb-before:buried" not in c.rules


def test_buried_alive_is_not_a_death() -> None:
    c = claim("Rescuers said 14 miners were buried alive when the shaft collapsed.", "14")
    assert c.category != "killed"


def test_destroyers_are_ships() -> None:
    c = claim("Tokyo said three Chinese navy destroyers sailed past Yonaguni on Monday.", "three")
    assert (c.low, c.category, c.actor, c.kind) == (3, "equipment", "China", "ships")
    assert "category:noun:destroyers" in c.rules


def test_warships_fired_at_are_targets() -> None:
    from tests.extraction.claim_helpers import claims

    text = "The Houthis said they had fired 12 missiles at three US destroyers in the Gulf of Aden."
    assert [(c.text, c.category) for c in claims(text) if c.category != "other"] == [
        ("12", "equipment")
    ]


def test_a_part_named_after_were_is_its_subject() -> None:
    text = "The shelling killed 26 people in Sumy, and 9 of them were children, the mayor said."
    c = claim(text, "9")
    assert _row(c) == ("9", 9, 9, "exact", "killed", "children", None, "the mayor")
    assert "subject:part-named-after-be" in c.rules


def test_people_scattered_into_places_fled() -> None:
    text = "After the dam burst, thousands more scattered into the hills above Derna."
    c = claim(text, "thousands")
    assert (c.low, c.high, c.qualifier, c.category) == (2000, 9999, "approx", "displaced")
    assert "category:verb:scattered into" in c.rules
    fighters = claim("About 200 fighters scattered into the hills, the army said.", "About 200")
    assert fighters.category == "troops"
