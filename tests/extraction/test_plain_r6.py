"""Issue 12, plain round 6: longer wire stories about Kursk, North Korea's troops and a few
other wars, written blind. The classes fixed: an opening quote after `said` ends no inverted
speaker (`X, the press secretary, said the losses ran to "several hundred"`); a relative
time (`A week earlier he had put …`) and a perfect auxiliary cut from a pronoun speaker; an
aside before `had put`; `Its daily report listed …` speaks for the report's owner; `The
Ukrainian leader` and `the military` resolve to the speaker named before; no claim for the
size of each of several groups nor for one member of a known group; `captured two wounded
soldiers`; `became casualties`; the whole of a partitive keeps its troops; `and captured one`;
`out of 15,000 sent`; `put the number … lower, at N`; people who `came home` in an exchange;
the subject's side before a phrase of place; a fronted `of the N …` after `that`; `another N`
of the same noun. Passages written for these tests (not taken from the gold file); each
asserts the values read and the rule `--explain` names for them."""

from __future__ import annotations

from projections.extraction import extract
from tests.extraction.claim_helpers import claim


def test_an_opening_quote_after_the_verb_is_its_object_not_an_inverted_speaker() -> None:
    text = (
        "Colonel Ivan Petrenko, the brigade spokesman, said Russia's losses there came to \"a"
        ' few hundred" killed and wounded.'
    )
    c = claim(text, "a few hundred")
    assert c.attribution == "Colonel Ivan Petrenko, the brigade spokesman"
    assert any(r.startswith("attribution:refused:inverted-quote-opens") for r in c.rules)


def test_a_closing_quote_still_ends_an_inverted_speaker() -> None:
    text = '"We downed 14 drones," said the air force.'
    c = claim(text, "14")
    assert c.attribution == "the air force"
    assert "attribution:inverted" in c.rules


def test_a_relative_time_and_an_auxiliary_are_cut_from_a_pronoun_speaker() -> None:
    text = (
        "Defence Minister Rustem Umerov said 640 soldiers had been freed. Two days earlier he"
        " had put the number of prisoners at 500."
    )
    c = claim(text, "500")
    assert c.attribution == "he [Defence Minister Rustem Umerov]"
    assert 'attribution:cut:leading-time "Two days earlier"' in c.rules
    assert 'attribution:cut:clause "had"' in c.rules


def test_an_aside_before_a_perfect_auxiliary_is_no_part_of_the_speaker() -> None:
    text = (
        "The agency, which publishes its estimate each month, had put the number of Russian"
        " troops in the region at 48,000."
    )
    c = claim(text, "48,000")
    assert c.attribution == "The agency"
    assert any(r.startswith("attribution:cut:relative-clause") for r in c.rules)


def test_its_report_speaks_for_the_owner_named_before() -> None:
    text = (
        "Russia lost 980 soldiers in a day, Ukraine's General Staff said on Monday. Its"
        " morning update listed 9 Russian tanks among the losses."
    )
    c = claim(text, "9")
    assert c.attribution == "Its morning update [Ukraine's General Staff]"
    assert c.claimant == "Ukraine's General Staff"
    assert "attribution:owner-resolved" in c.rules


def test_its_chief_is_a_speaker_of_his_own() -> None:
    text = (
        "Ukraine's military intelligence agency said 12,000 North Korean troops were in Kursk."
        " Its chief, Kyrylo Budanov, said 3,000 more could follow."
    )
    c = claim(text, "3,000")
    assert "Kyrylo Budanov" in (c.attribution or "")
    assert "attribution:owner-resolved" not in c.rules


def test_a_side_adjective_before_a_title_resolves_to_the_speaker() -> None:
    text = (
        "President Volodymyr Zelensky said on Sunday that 45,100 Ukrainian soldiers had been"
        " killed. The Ukrainian leader said 390,000 had been wounded."
    )
    c = claim(text, "390,000")
    assert c.attribution == "The Ukrainian leader [President Volodymyr Zelensky]"
    assert "attribution:title-resolved" in c.rules


def test_the_military_means_a_staff_named_before() -> None:
    text = (
        "South Korea's Joint Chiefs of Staff said on Monday that 1,500 more North Korean"
        " soldiers had arrived in Russia. The military said 300 of them were engineers."
    )
    c = claim(text, "1,500")
    assert c.attribution == "South Korea's Joint Chiefs of Staff"
    c = next(x for x in extract(text) if x.text == "300")
    assert c.attribution == "The military [South Korea's Joint Chiefs of Staff]"
    assert "attribution:description-resolved" in c.rules


def test_each_groups_size_is_no_claim() -> None:
    text = "The fighters moved through the forest in teams of 10 to 12 soldiers, the officer said."
    assert [c.text for c in extract(text)] == []


def test_one_member_of_a_known_group_is_no_claim_without_a_verb() -> None:
    assert [c.text for c in extract("One of the soldiers, aged 31, spoke to reporters.")] == []
    c = claim("Police said one of the gunmen was arrested.", "one")
    assert c.category == "captured"


def test_captured_wounded_soldiers_are_captured() -> None:
    c = claim("Ukrainian troops captured three wounded Russian soldiers near Sudzha.", "three")
    assert (c.category, c.actor, c.subject) == ("captured", "Russia", "wounded Russian soldiers")
    assert "category:hurt-captive:wounded" in c.rules


def test_wounded_before_a_name_still_counts_the_wounded() -> None:
    c = claim("Medics treated 14 wounded Kharkiv residents, the governor said.", "14")
    assert c.category == "wounded"


def test_became_casualties() -> None:
    c = claim("About 2,000 Russian soldiers became casualties in the assault.", "About 2,000")
    assert (c.category, c.actor) == ("casualties", "Russia")
    assert "category:verb:became casualties" in c.rules


def test_the_whole_of_a_partitive_keeps_its_troops() -> None:
    text = "Some 900 of the 3,000 Russian troops in the pocket had been killed, the army said."
    c = claim(text, "Some 900")
    assert c.category == "killed"
    c = claim(text, "3,000")
    assert (c.category, c.actor) == ("troops", "Russia")
    assert "category:partitive-whole" in c.rules


def test_and_captured_one_after_a_figure_of_people() -> None:
    text = "The unit said it had killed 17 Russian soldiers and captured one near the border."
    c = claim(text, "one")
    assert (c.category, c.actor) == ("captured", "Russia")
    assert "category:gapped-one" in c.rules


def test_out_of_the_number_sent_is_the_force() -> None:
    text = "About 600 Russian conscripts were killed, out of some 2,500 sent to the front."
    c = claim(text, "some 2,500")
    assert (c.category, c.actor) == ("troops", "Russia")
    assert "category:whole-sent" in c.rules


def test_out_of_the_number_launched_still_inherits() -> None:
    c = claim("Air defences shot down 40 of the drones, out of 52 launched.", "52")
    assert c.category == "equipment"
    assert "category:out-of-whole" in c.rules


def test_put_the_number_lower_at() -> None:
    text = (
        "A Western official put the number of Russian soldiers in the salient higher, at about"
        " 60,000."
    )
    c = claim(text, "about 60,000")
    assert (c.category, c.actor, c.attribution) == ("troops", "Russia", "A Western official")
    assert "category:far:comparative-aside:higher" in c.rules


def test_people_who_came_home_in_an_exchange_were_captives() -> None:
    text = "After the prisoner swap, 150 Ukrainian soldiers came home, officials said."
    c = claim(text, "150")
    assert (c.category, c.actor) == ("captured", "Ukraine")
    assert "category:verb:came home (exchange)" in c.rules


def test_soldiers_who_came_home_from_the_front_are_troops() -> None:
    c = claim("About 3,000 soldiers came home from the front for the holiday.", "About 3,000")
    assert c.category == "troops"


def test_the_subjects_side_stands_before_a_phrase_of_place() -> None:
    text = "Russian units near the village of Plekhovo have lost about 400 soldiers, Kyiv said."
    c = claim(text, "about 400")
    assert c.actor == "Russia"
    assert "actor:clause-subject-past-place:Russian" in c.rules


def test_a_fronted_partitive_after_that_shares_the_whole_s_side() -> None:
    text = (
        "The officer said that of the 5,000 Russian marines sent to the area, about 1,200 had"
        " been killed."
    )
    c = claim(text, "about 1,200")
    assert (c.category, c.actor) == ("killed", "Russia")
    assert "actor:partitive-of-previous" in c.rules


def test_another_of_the_same_noun_shares_the_side() -> None:
    text = (
        "The navy destroyed 20 of the Russian drones and two of the boats, while another 8"
        " drones crashed at sea."
    )
    c = claim(text, "8")
    assert c.actor == "Russia"
    assert "actor:another-of-the-same" in c.rules


def test_a_prepositional_phrase_before_a_participle_is_no_speaker() -> None:
    text = (
        "The president ordered the navy to grow by 12,000 sailors, in a decree published on Friday."
    )
    c = claim(text, "12,000")
    assert c.attribution == "The president"
    assert c.location is None
    assert 'attribution:refused:prepositional-phrase "in a decree published"' in c.rules


def test_the_previous_hours_are_no_place() -> None:
    text = "The ministry said 31 people were killed in the previous 24 hours."
    c = claim(text, "31")
    assert (c.category, c.location) == ("killed", None)


def test_a_blast_placed_by_the_phrase_after_it() -> None:
    text = "Officials said 14 people died in an explosion at an arms depot near Tbilisi."
    c = claim(text, "14")
    assert c.location == "an arms depot near Tbilisi"
    assert "location:past-blast" in c.rules
    c = claim("At least 9 people were killed in the explosion, police said.", "At least 9")
    assert c.location == "the explosion"


def test_a_side_adjective_title_never_means_another_sides_speaker() -> None:
    text = (
        "Ukraine's president, Volodymyr Zelensky, said 300 soldiers were captured. The Russian"
        " president said 500 Ukrainian soldiers had surrendered. The Ukrainian president said"
        " 20 more had been captured."
    )
    c = claim(text, "500")
    assert c.attribution == "The Russian president"
    assert "attribution:title-resolved" not in c.rules
    c = claim(text, "20")
    assert c.attribution == "The Ukrainian president [Ukraine's president, Volodymyr Zelensky]"
    assert "attribution:title-resolved" in c.rules


def test_a_side_adjective_title_with_two_sideless_persons_stays_its_own() -> None:
    text = (
        "Vladimir Putin said 40 soldiers were killed. Volodymyr Zelensky said 300 were"
        " captured. The Russian leader said 500 had surrendered."
    )
    c = claim(text, "500")
    assert c.attribution == "The Russian leader"


def test_the_total_a_force_grows_to_is_the_same_side_s() -> None:
    text = "The decree lets the Ukrainian navy grow by 4,000 sailors to 19,000 personnel."
    c = claim(text, "19,000")
    assert (c.category, c.actor) == ("troops", "Ukraine")
    assert "actor:grown-to" in c.rules


def test_a_part_with_adds_to_a_toll_is_the_toll_s_side() -> None:
    text = (
        "The Ukrainian death toll in the region rose to 412, the governor said, with 15 people"
        " killed on Sunday."
    )
    c = claim(text, "15")
    assert (c.category, c.actor) == ("killed", "Ukraine")
    assert "actor:with-part" in c.rules
    other = "Russia lost 300 soldiers, the army said, with 40 Ukrainians killed on the other side."
    assert claim(other, "40").actor == "Ukraine"
