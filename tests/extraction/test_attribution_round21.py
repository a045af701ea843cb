"""Attribution round 21: a long aside after the speaker, an `it` that speaks for the source
its own sentence named, and a speaker after a semicolon.

Classes found on `gold/claimants_r21.jsonl`, written before these rules: a speaker followed by
a long participial aside (`A senior UN official, speaking on condition of anonymity because he
was not authorised to brief the press, said`) was refused as negated, because the aside's
`not` was read as the speaker's; and in `According to X, Russia launched 93 drones …; it said
71 …` the `it` after the semicolon took the figures before it and stood for no one. The
sentences are written for these tests.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import attribution_block, attribution_lines, claims, kept, only

# --- a long aside between the speaker and its verb ---------------------------------------------


def test_a_long_anonymity_aside_is_cut_from_the_speaker() -> None:
    text = (
        "A Western diplomat, speaking on condition of anonymity because she was not allowed "
        "to talk to the media, said about 3,000 Eritrean troops remained in Tigray."
    )
    assert attribution_block(text) == [
        f"  attribution  {'A Western diplomat':<28} <- attribution:speech:said",
        kept(
            'attribution:cut:long-aside "speaking on condition of anonymity because she was '
            'not allowed to talk to the media"'
        ),
    ]


def test_a_long_citing_aside_is_cut_from_the_speaker() -> None:
    text = (
        "The Associated Press, citing two security officials who were not named in its report, "
        "said 22 soldiers were killed near Djibo."
    )
    assert only(text).attribution == "The Associated Press"


def test_a_negated_clause_before_said_is_still_refused() -> None:
    text = "The army, which did not give a figure, said nothing; medics counted 17 dead in Gao."
    assert only(text).attribution == "medics"


# --- an `it` that speaks for its own sentence's source -----------------------------------------


def test_it_after_a_semicolon_stands_for_the_according_to_source() -> None:
    text = (
        "According to Ukraine's air force, Russia launched 88 drones overnight; it said 64 "
        "drones were shot down."
    )
    assert [(c.text, c.attribution, c.claimant) for c in claims(text)] == [
        ("88", "Ukraine's air force", "Ukraine's air force"),
        ("64", "it [Ukraine's air force]", "Ukraine's air force"),
    ]


def test_it_with_a_source_named_in_the_sentence_names_the_rule() -> None:
    text = "The ministry said 9 soldiers died in Sumy, and it said 14 more were wounded there."
    assert attribution_lines_of(text, "14") == (
        "it [The ministry]",
        "attribution:pronoun-same-sentence",
    )


def attribution_lines_of(text: str, figure: str) -> tuple[str | None, str]:
    (c,) = [c for c in claims(text) if c.text == figure]
    return c.attribution, next(r for r in c.rules if r.startswith("attribution:pronoun"))


# --- a speaker after a semicolon ----------------------------------------------------------------


def test_a_speaker_opening_the_clause_after_a_semicolon_does_not_reach_back() -> None:
    text = "Gunmen abducted 25 villagers near Kaura; police said 6 of them were later freed."
    assert [(c.text, c.attribution) for c in claims(text)] == [("25", None), ("6", "police")]


def test_a_closing_tag_after_a_semicolon_reports_the_whole_sentence() -> None:
    text = (
        "Rescuers pulled 19 bodies from the rubble in Kharkiv; another 8 people are missing, "
        "the emergency service said."
    )
    assert [(c.text, c.attribution) for c in claims(text)] == [
        ("19", "the emergency service"),
        ("8", "the emergency service"),
    ]


def test_a_speaker_before_a_semicolon_goes_on_reporting_after_it() -> None:
    text = (
        "Fighting has displaced 40,000 people in Ituri, OCHA says; about 9,000 of them live in "
        "camps near Bunia."
    )
    assert [c.attribution for c in claims(text)] == ["OCHA", "OCHA"]


# --- the subject of a relative clause about the noun before it ----------------------------------


def test_the_subject_of_an_object_relative_clause_is_the_speaker() -> None:
    text = (
        "The Allied Democratic Forces, which the UN says field about 1,500 fighters, attacked "
        "a village near Beni."
    )
    assert attribution_block(text) == [
        f"  attribution  {'the UN':<28} <- attribution:speech:says, attribution:object-relative",
    ]


def test_the_main_clause_after_the_relative_is_not_its_speaker_s() -> None:
    text = (
        "Al-Shabaab, which Western officials say fields about 9,000 fighters, killed 12 "
        "soldiers in Mogadishu."
    )
    assert [(c.text, c.attribution) for c in claims(text)] == [
        ("about 9,000", "Western officials"),
        ("12", None),
    ]


def test_a_subject_relative_clause_still_points_to_the_name_before_it() -> None:
    text = "Oryx, which counts only visually confirmed losses, puts Russian tank losses at 3,400."
    assert only(text).attribution == "Oryx"


def test_a_new_clause_after_a_semicolon_is_the_reporter_s() -> None:
    text = "The army said it had killed 14 militants near Bannu; three soldiers were also killed."
    assert [(c.text, c.attribution) for c in claims(text)] == [
        ("14", "The army"),
        ("three", None),
    ]
    assert kept('attribution:lost:across-semicolon "The army"') in attribution_lines(text)[1]


# --- the claimant of figures a source released --------------------------------------------------


def test_figures_released_by_a_ministry_are_the_ministry_s() -> None:
    text = (
        "The casualty figures, released by the health ministry in Ramallah, show 33 "
        "Palestinians killed in the West Bank this month."
    )
    c = only(text)
    # round 25: the issuer is the span too (`attribution:cut:issued-by`), not only the claimant
    assert (c.attribution, c.claimant) == (
        "the health ministry in Ramallah",
        "the health ministry in Ramallah",
    )


def test_a_long_prepositional_aside_is_cut_from_the_speaker() -> None:
    text = (
        "A UN panel of experts, in a report sent to the Security Council late on Monday, said "
        "about 4,000 Rwandan troops were fighting in North Kivu."
    )
    assert attribution_block(text) == [
        f"  attribution  {'A UN panel of experts':<28} <- attribution:speech:said",
        kept(
            'attribution:cut:long-aside "in a report sent to the Security Council late on Monday"'
        ),
    ]
