"""Issue 12, plain round 3: ordinary wire passages written with no theme. The classes fixed:
people under debris or ruins are missing, and a belief participle right after the figure's
own noun hedges it; `over` before a violent act is the cause of the clause, no place; the
place object of an attack verb (`bombs struck a residential district`); `served` is a verb
of troops; `adding that N X` with a noun an earlier figure counted keeps that figure's side;
a figure in `that includes` of an aid noun takes the supplier and the recipient; an origin
`from X` gives way to the clause's own `sent to Y`; `mission` names no place; `, bringing X
to N` takes the previous figure's place. Passages written for these tests (not taken from the
gold file); each asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim


def test_people_buried_under_debris_are_missing_and_hedged_by_believed() -> None:
    text = (
        "The mayor of Zaporizhzhia said searchers were looking for four residents believed"
        " to be buried under the debris of a school."
    )
    c = claim(text, "four")
    assert (c.category, c.hedged) == ("missing", True)
    assert "category:verb:under debris" in c.rules
    assert "hedge:believed (of the figure's noun)" in c.rules


def test_people_under_the_ruins_are_missing() -> None:
    c = claim("Rescuers said 9 people were still under the ruins of the market in Kherson.", "9")
    assert c.category == "missing"
    assert "category:verb:under ruins" in c.rules


def test_a_belief_participle_after_another_noun_still_does_not_hedge() -> None:
    text = (
        "The army said 300 soldiers were on patrol, and gangs believed to have 4,000 members"
        " hold the port."
    )
    c = claim(text, "300")
    assert c.hedged is False
    c = claim(text, "4,000")
    assert c.hedged is True
    assert "hedge:believed (of the figure's noun)" not in c.rules


def test_over_a_killing_is_a_cause_and_no_place() -> None:
    text = (
        "Police in Cali detained 7 suspected gunmen over the murder of two officers at a"
        " checkpoint, the mayor said."
    )
    c = claim(text, "7")
    assert (c.category, c.location) == ("captured", "Cali")
    assert "location:skip:cause-over" in c.rules


def test_over_a_place_is_still_a_place() -> None:
    c = claim("Air defences shot down 12 drones over the Kursk region, the ministry said.", "12")
    assert c.location == "the Kursk region"
    assert "location:skip:cause-over" not in c.rules


def test_an_attack_verb_gives_its_place_object() -> None:
    text = "Five people were wounded when a missile hit a residential district of Odesa."
    c = claim(text, "Five")
    assert (c.category, c.location) == ("wounded", "a residential district of Odesa")
    assert "location:struck-object:hit" in c.rules


def test_an_attack_verb_object_named_by_name_is_the_place() -> None:
    c = claim("Two people were killed after Russian drones struck Kharkiv overnight.", "Two")
    assert (c.category, c.location) == ("killed", "Kharkiv")
    assert "location:struck-object:struck" in c.rules


def test_an_attack_verb_object_that_is_a_side_is_no_place() -> None:
    c = claim("Ten soldiers were killed when Israeli jets struck Hezbollah overnight.", "Ten")
    assert not any(r.startswith("location:struck-object") for r in c.rules)


def test_an_attack_verb_object_that_is_no_place_is_skipped() -> None:
    text = "Three soldiers were killed when their truck struck a mine near Kupiansk."
    c = claim(text, "Three")
    assert c.location == "Kupiansk"
    assert not any(r.startswith("location:struck-object") for r in c.rules)


def test_served_is_a_verb_of_troops() -> None:
    text = "Grozny said some 15,000 Chechens had served in the war since 2022."
    c = claim(text, "some 15,000")
    assert c.category == "troops"
    assert "category:troop-verb:chechens" in c.rules


def test_adding_that_with_the_same_noun_keeps_the_side() -> None:
    text = (
        "Russia fired 90 missiles at Ukraine on Sunday, the air force said, adding that 62"
        " missiles had been intercepted."
    )
    c = claim(text, "62")
    assert (c.category, c.actor) == ("equipment", "Russia")
    assert "actor:added-same-noun" in c.rules


def test_adding_that_with_another_noun_does_not_take_the_side() -> None:
    text = (
        "Russia fired 90 missiles at Ukraine on Sunday, the air force said, adding that 4"
        " civilians had been killed."
    )
    c = claim(text, "4")
    assert c.actor is None
    assert "actor:added-same-noun" not in c.rules


def test_a_package_that_includes_takes_supplier_and_recipient() -> None:
    text = (
        "Berlin approved a new aid package for Ukraine that includes 20 Marder infantry"
        " fighting vehicles and 4 air defence systems."
    )
    c = claim(text, "20")
    assert (c.category, c.actor, c.location) == ("equipment", "Germany", "Ukraine")
    assert "actor:supplier-of-aid:Berlin" in c.rules
    assert "location:aid-recipient:for" in c.rules
    c = claim(text, "4")
    assert (c.actor, c.location) == ("Germany", "Ukraine")
    assert "location:aid-recipient-list" in c.rules


def test_includes_without_an_aid_noun_names_no_supplier() -> None:
    text = "The brigade said its new battalion, which includes 400 recruits, is near Siversk."
    c = claim(text, "400")
    assert not any(r.startswith("actor:supplier-of-aid") for r in c.rules)
    assert not any(r.startswith("location:aid-recipient") for r in c.rules)


def test_an_origin_gives_way_to_where_they_are_sent() -> None:
    text = "The ministry said 2,000 reservists from Siberia were sent to the Zaporizhzhia front."
    c = claim(text, "2,000")
    assert (c.category, c.location) == ("troops", "the Zaporizhzhia front")
    assert "location:origin-then-sent:sent" in c.rules


def test_bringing_to_takes_the_previous_place_and_a_mission_is_no_place() -> None:
    text = (
        "El Salvador sent 150 more soldiers to Haiti on Monday, bringing its force in the"
        " UN-backed mission to about 400, a spokesman said."
    )
    c = claim(text, "about 400")
    assert (c.category, c.location) == ("troops", "Haiti")
    assert "location:brought-to" in c.rules


def test_an_initialism_does_not_cut_the_source_after_according_to() -> None:
    text = "About 900 troops were deployed, according to a U.S. defence official."
    c = claim(text, "About 900")
    assert c.attribution == "a U.S. defence official"
    assert "attribution:initialism" in c.rules
    c = claim("About 900 troops were deployed, according to the UN. Then 40 left.", "About 900")
    assert c.attribution == "the UN"
    assert "attribution:initialism" not in c.rules
