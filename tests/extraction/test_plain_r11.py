"""Issue 12, plain round 11: numbers as reporters write them (spelled out, `two dozen`, ranges,
suffixes, vague scales, qualifiers, shares of a figure, hedges), written before the rules were
read. The classes fixed:

- two modifiers joined by `and` before one plural noun (`two dozen cruise and ballistic
  missiles`, `300 Russian and Belarusian troops`) count that noun, not the first word;
- a participle right after the next figure (`…, including two children, and 117 wounded`)
  is that figure's own phrase, not a verb the two figures share;
- the whole a fraction is taken from (`a third of the 600 Boko Haram fighters … had been
  killed`) is the force, `troops`, as for `N of the M`; and the residents a fraction of is
  taken from (`Half of the 2,000 residents … fled`) are a population, no claim;
- `one to N` with a word of ratios before it, or with no word after it, is a ratio;
- `the 25 crew members` that a group `held` are captives: the body a compound names is not
  the group of the clause, and the object of `hold` may take a determiner;
- `390 Ukrainians came home` after a sentence of an exchange are captives given back;
- `273 members of the security forces and 259 gunmen had also died`: the counted noun's `of`
  phrase does not stop the two figures sharing the verb;
- a singular description (`the air force`) never resolves to a plural speaker named before
  (`Russian forces launched …`), so a later `it said` finds the air force;
- a speech tag's reach ends at `, and hundreds of thousands have fled`: only `of` with a
  pronoun or a definite group (`, and 45 of them were children`) goes on reporting;
- `N of them` in a sentence after the one that named the side has no actor (CONVENTIONS.md);
- a clause of contrast (`, while Pakistan said 31 civilians had died`) cuts the search back
  for a place.

Passages written for these tests (not taken from the gold file)."""

from __future__ import annotations

from tests.extraction.claim_helpers import claim, claims


def test_two_modifiers_of_one_plural_noun_count_that_noun() -> None:
    c = claim("Russia fired 30 cruise and ballistic missiles at Odesa overnight.", "30")
    assert (c.category, c.actor, c.subject) == (
        "equipment",
        "Russia",
        "cruise and ballistic missiles",
    )
    c = claim("Some 300 Russian and Belarusian troops crossed the river.", "Some 300")
    assert (c.category, c.subject) == ("troops", "Russian and Belarusian troops")
    c = claim("The rebels launched 14 attack and reconnaissance drones.", "14")
    assert (c.category, c.subject) == ("equipment", "attack and reconnaissance drones")


def test_two_counted_nouns_joined_by_and_keep_the_first_head() -> None:
    c = claim("Ukraine destroyed 40 tanks and armoured vehicles near Pokrovsk.", "40")
    assert (c.category, c.subject) == ("equipment", "tanks")
    c = claim("Gunmen killed 12 police and soldiers in Zamfara.", "12")
    assert c.category == "killed"


def test_a_list_after_two_dozen_shares_the_clause_subject_side() -> None:
    text = "Russian forces launched two dozen cruise and ballistic missiles and a dozen drones."
    assert [(c.text, c.low, c.actor) for c in claims(text)] == [
        ("two dozen", 24, "Russia"),
        ("a dozen", 12, "Russia"),
    ]


def test_a_participle_after_the_next_figure_is_its_own() -> None:
    text = "Medics put the toll at 52 dead, including nine children, and 140 wounded."
    c = claim(text, "nine")
    assert (c.category, c.subject) == ("killed", "children")
    assert "category:breakdown" in c.rules
    assert claim(text, "140").category == "wounded"
    text = "Officials counted 18 dead, among them three women, and 44 injured."
    assert claim(text, "three").category == "killed"


def test_two_figures_joined_by_and_still_share_the_verb_after_both() -> None:
    c = claim("Four soldiers and 11 civilians were killed in the blast.", "Four")
    assert c.category == "killed"


def test_the_whole_a_fraction_is_taken_from_is_the_force() -> None:
    text = "Officials said half of the 800 JNIM fighters who stormed Djibo had been killed."
    c = claim(text, "800")
    assert (c.category, c.actor) == ("troops", "JNIM")
    assert "category:partitive-whole" in c.rules


def test_the_residents_a_fraction_is_taken_from_are_a_population() -> None:
    assert claims("A third of the 9,000 residents of the town fled after the shelling.") == []
    c = claim("Some 9,000 residents of the town fled after the shelling.", "Some 9,000")
    assert c.category == "displaced"


def test_one_to_n_is_a_ratio_after_a_word_of_ratios_or_with_no_noun() -> None:
    text = "Russian guns outnumber Ukrainian ones by a ratio of one to seven, an analyst said."
    assert claims(text) == []
    text = "The army said 2,000 shells were fired. The gap later narrowed to one to three."
    assert [c.text for c in claims(text)] == ["2,000"]


def test_one_to_n_with_a_noun_is_still_a_figure() -> None:
    c = claim("Police said one to three soldiers died in each raid.", "one to three")
    assert (c.low, c.high, c.category) == (1, 3, "killed")


def test_crew_members_a_group_held_are_captives() -> None:
    text = "The militia held the 19 crew members of the tanker for six months."
    c = claim(text, "19")
    assert c.category == "captured"
    assert "category:verb-before:held" in c.rules
    c = claim("The gang has some 1,500 armed members in the capital.", "some 1,500")
    assert c.category == "troops"


def test_people_who_came_home_after_an_exchange_are_captives() -> None:
    text = (
        "Kyiv and Moscow swapped 150 prisoners each on Friday. In all 150 Ukrainians came"
        " home, among them 20 civilians, the ombudsman said."
    )
    found = [c for c in claims(text) if c.subject == "Ukrainians"]
    assert [(c.category, c.actor) for c in found] == [("captured", "Ukraine")]
    assert "category:came-home-after-captives" in found[0].rules


def test_an_of_phrase_does_not_stop_two_figures_sharing_the_verb() -> None:
    text = "The monitor said 61 members of the police and 40 militiamen had also died."
    c = claim(text, "61")
    assert (c.category, c.subject) == ("killed", "members")


def test_a_singular_description_does_not_mean_a_plural_speaker() -> None:
    text = (
        "Russian forces fired 90 drones at Kharkiv overnight, the air force said. Air"
        " defences destroyed 70 of them, it said."
    )
    c = claim(text, "70")
    assert c.attribution is not None and "the air force" in c.attribution
    text = "Yemen's Houthi movement said 14 people were killed. The rebels said 30 were wounded."
    c = claim(text, "30")
    assert c.attribution is not None and "Houthi" in c.attribution


def test_a_tag_does_not_reach_a_vague_subject_of_its_own() -> None:
    text = (
        "About 900 people have been killed, the health ministry said, and tens of thousands"
        " have fled the border villages."
    )
    assert claim(text, "About 900").attribution == "the health ministry"
    c = claim(text, "tens of thousands")
    assert (c.category, c.attribution) == ("displaced", None)
    text = "Some 70 people were killed, the ministry said, and 25 of them were children."
    assert claim(text, "25").attribution == "the ministry"


def test_of_them_in_a_later_sentence_has_no_actor() -> None:
    text = (
        "About 12,000 North Korean soldiers were sent to the front, officials said. Some 3,000"
        " of them have been wounded, they said."
    )
    assert claim(text, "About 12,000").actor == "North Korea"
    assert claim(text, "Some 3,000").actor is None
    text = "Israel said it killed 40 Hezbollah fighters, and 12 of them were commanders."
    assert claim(text, "12").actor == "Hezbollah"


def test_a_clause_of_contrast_cuts_the_place_before_it() -> None:
    text = (
        "The army said 60 rebels were killed in raids on camps in Chad, while the rebels"
        " said 15 civilians had died."
    )
    assert claim(text, "60").location == "camps in Chad"
    assert claim(text, "15").location is None
