"""Issue 12, devset2-style round 3: one- and two-sentence passages in the style of devset2's
first hundred about whose people or gear a figure counts (`gold/d2style_r3.jsonl`), and the
classes its misses showed. A list of one subject's objects keeps that subject across a serial
comma (`38 missiles, 12 drones, and 150 shells`); a group whose name is capitals glued to
digits (`M23`) is read as part of the phrase a `numbering` apposition counts. Passages written
for these tests (not taken from the gold file); each asserts the values read and the rule
`--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_a_serial_comma_keeps_the_subject_of_the_list() -> None:
    text = (
        "Iran launched 40 ballistic missiles, 25 cruise missiles, and 110 drones at Haifa "
        "overnight, the Israeli military said."
    )
    last = claim(text, "110")
    assert (last.category, last.actor) == ("equipment", "Iran")
    assert last.attribution == "the Israeli military"
    assert "actor:coordinated-serial" in last.rules
    assert claim(text, "25").actor == "Iran"


def test_a_serial_comma_after_an_unowned_first_item_names_no_side() -> None:
    # the first object has no side, so neither does the last
    text = "Rescuers pulled 12 bodies, 30 survivors, and 40 pets from the rubble, officials said."
    assert claim(text, "40").actor is None


def test_a_name_of_capitals_and_digits_sizes_its_fighters() -> None:
    text = "M23 fighters, numbering about 4,000, seized the town of Nyabibwe, a UN source said."
    c = claim(text, "about 4,000")
    assert (c.category, c.actor, c.low, c.high) == ("troops", "M23", 4000, 4000)
    assert c.subject == "M23 fighters"
    assert c.attribution == "a UN source"


def test_the_digits_of_a_count_still_stop_the_phrase() -> None:
    # a number with a space before the noun is a count, not part of a name
    text = "About 300 Russian troops and 20 Wagner fighters, numbering 320 in all, left Bangui."
    assert claim(text, "320").subject != "20 Wagner fighters"


def test_a_partitive_aside_inside_the_list_keeps_the_subject() -> None:
    text = (
        "Russia launched 52 missiles, 20 of them cruise missiles, and 300 drones at Lviv, "
        "the Ukrainian air force said."
    )
    last = claim(text, "300")
    assert (last.category, last.actor, last.location) == ("equipment", "Russia", "Lviv")
    assert "actor:coordinated-serial" in last.rules


def test_the_attackers_gear_after_with() -> None:
    text = "Russia pounded the city of Sumy with 26 Shahed drones overnight, the governor said."
    c = claim(text, "26")
    assert (c.category, c.actor) == ("equipment", "Russia")
    assert "actor:clause-subject:Russia" in c.rules
    far = "Hezbollah hit the northern town of Kiryat Shmona with 35 rockets, the army said."
    assert claim(far, "35").actor == "Hezbollah"


def test_a_passive_attack_names_the_attacked_not_the_owner() -> None:
    # the capital is where the drones struck, not whose they are
    text = "Kyiv was attacked with 40 drones overnight, the city administration said."
    assert claim(text, "40").actor is None
    assert claim("Kyiv was struck with 18 missiles, the mayor said.", "18").actor is None


def test_a_struck_object_is_not_the_strikers_gear() -> None:
    text = "Ukrainian jets struck 12 launchers near Tokmak, the air force said."
    assert claim(text, "12").actor != "Ukraine"
