"""Attribution round 27: armed groups, juntas, militias and gangs outside Europe and the
Middle East, and classes left by rounds 24-25.

Classes found on `gold/claimants_r27.jsonl`, written before these rules: armed forces named by
their own acronym or full name (`SAF`, `FARDC`, `FAMa`, `ENDF`, `the Armed Forces of the
Philippines`) and groups by their other names (`GSIM`, `Jama'at Nusrat al-Islam
wal-Muslimin`, `AFC/M23`, `the March 23 Movement`) named no side; a subject whose aside gives
its name (`The group, known by its French acronym GSIM, lost …`) had none; `Indian shelling
had killed four of its soldiers` gave the killer's side; `the execution of N detainees` stayed
`captured`; `60 are in hospital` and `left 17 in hospital` were no wounded; `MSF teams treated
…, the charity said` gave `the charity`, and the teams stayed in the claimant; `recovered 12
motorbikes` was no claim of a category. The sentences are
written for these tests.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims, only

# --- the alias table: armed forces and groups by their other names -----------------------------


def test_an_army_s_acronym_stands_for_its_state() -> None:
    c = only("Rebels said they had captured 85 FARDC soldiers near Walikale.")
    assert (c.low, c.category, c.actor) == (85, "captured", "DR Congo")
    c = only("The SAF has about 120,000 troops, according to the IISS.")
    assert (c.low, c.category, c.actor) == (120000, "troops", "Sudan")


def test_fama_and_endf_as_subjects() -> None:
    assert only("FAMa lost 12 soldiers in an ambush near Douentza.").actor == "Mali"
    assert only("The ENDF deployed 5,000 troops to Bahir Dar.").actor == "Ethiopia"


def test_a_group_s_other_names() -> None:
    c = only("The March 23 Movement fields some 4,000 fighters around Goma.")
    assert (c.low, c.category, c.actor) == (4000, "troops", "M23")
    c = only("Jama'at Nusrat al-Islam wal-Muslimin lost 35 fighters near Djibo, the army said.")
    assert (c.low, c.category, c.actor) == (35, "casualties", "JNIM")


def test_a_name_in_the_subject_s_aside() -> None:
    text = "The Sahel affiliate, known by its French acronym GSIM, lost 25 fighters near Arbinda."
    c = only(text)
    assert (c.low, c.actor) == (25, "JNIM")
    assert "actor:known-as:GSIM" in c.rules


def test_claimant_aliases_join_other_names() -> None:
    from projections.extraction.claimants import claimant_key

    assert claimant_key("GSIM") == claimant_key("JNIM")
    assert claimant_key("the March 23 Movement") == claimant_key("M23")
    assert claimant_key("the IISS") == claimant_key("International Institute for Strategic Studies")


# --- whose soldiers a killer killed ------------------------------------------------------------


def test_its_soldiers_killed_by_a_named_side_are_the_speaker_s() -> None:
    text = "India's army said Pakistani fire had killed three of its soldiers in Poonch."
    c = only(text)
    assert (c.low, c.category, c.actor) == (3, "killed", "India")
    assert "actor:its-speaker:India" in c.rules


# --- categories left by rounds 24-25 -----------------------------------------------------------


def test_the_execution_of_detainees_is_killed() -> None:
    c = only("Witnesses described the execution of 19 detainees at a base near Sevare.")
    assert (c.low, c.category) == (19, "killed")
    assert "category:execution-of" in c.rules


def test_bare_figures_in_hospital_are_wounded() -> None:
    text = "'Eleven people died, and 40 are still in hospital,' the mayor said."
    assert claim(text, "40").category == "wounded"
    text = "A roadside bomb killed six soldiers near Bossaso and left nine in hospital."
    c = claim(text, "nine")
    assert (c.low, c.category) == (9, "wounded")
    assert "category:in-hospital" in c.rules


def test_recovered_motorbikes_are_equipment() -> None:
    c = only("Troops recovered 20 motorbikes after the raid near Menaka, the army said.")
    assert (c.low, c.category) == (20, "equipment")


# --- a body's teams and the description after them ---------------------------------------------


def test_the_charity_after_its_teams_is_the_charity_named() -> None:
    text = (
        "Medecins Sans Frontieres teams have treated 410 people for gunshot wounds in "
        "Bangui this month, the charity said."
    )
    c = only(text)
    assert (c.low, c.category) == (410, "wounded")
    assert c.attribution == "the charity [Medecins Sans Frontieres]"
    assert c.claimant == "Medecins Sans Frontieres"
    assert "attribution:description-same-sentence" in c.rules


def test_a_body_s_teams_claim_for_the_body() -> None:
    text = "Red Cross volunteers treated 300 wounded people in Wad Madani last week."
    c = only(text)
    assert c.attribution == "Red Cross volunteers"
    assert c.claimant == "Red Cross"


def test_gear_captured_with_captives_is_their_side_s() -> None:
    text = "The rebels captured 120 FAMa soldiers and four armoured vehicles near Lere."
    soldiers, vehicles = claims(text)
    assert (soldiers.category, soldiers.actor) == ("captured", "Mali")
    assert (vehicles.low, vehicles.category, vehicles.actor) == (4, "equipment", "Mali")
    assert "actor:coordinated-captives-gear" in vehicles.rules
