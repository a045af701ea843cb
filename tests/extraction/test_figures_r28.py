"""Round 28: figures far from their noun (a bracket, a dash, a total named after its figure,
a bare answer, `N more`), written in news style for these tests."""

from __future__ import annotations

import pytest

from projections.extraction import extract

CASES = [
    # (text, figure text, low, high, category, subject, rule)
    (
        "Bandits raided two hamlets in Zamfara and 31 people (20 men and 11 women) were "
        "killed, a police spokesman said.",
        "31",
        31,
        31,
        "killed",
        "people",
        "category:verb-past-bracket:killed",
    ),
    (
        "The dead numbered 17 — 12 soldiers and five policemen — after the raid on the camp.",
        "12",
        12,
        12,
        "killed",
        "soldiers",
        "category:apposed-breakdown:killed",
    ),
    (
        "Troops freed nine more hostages on Sunday, bringing to 88 the number of passengers "
        "rescued since the train was seized, the army said.",
        "88",
        88,
        88,
        "captured",
        "passengers",
        "category:far-ahead:brought-up",
    ),
    (
        "The army said 11 rebels surrendered in Samar, bringing to 40 the number of rebels "
        "who have laid down arms this year.",
        "40",
        40,
        40,
        "captured",
        "rebels",
        "category:verb:laid down arms",
    ),
    (
        "Asked how many soldiers had been wounded in the ambush, the colonel hesitated. "
        '"About 60," he said.',
        "About 60",
        60,
        60,
        "wounded",
        None,
        "category:answer-to-how-many:wounded",
    ),
    (
        "Some 2,500 families have fled Kidal since the fighting began, and hundreds more were "
        "still on the road on Monday, officials said.",
        "hundreds",
        200,
        999,
        "displaced",
        None,
        "category:more-of-before",
    ),
]


@pytest.mark.parametrize(("text", "fig", "low", "high", "category", "subject", "rule"), CASES)
def test_far_figures(text, fig, low, high, category, subject, rule):
    claims = {c.text: c for c in extract(text)}
    c = claims[fig]
    assert (c.low, c.high, c.category) == (low, high, category)
    assert c.subject == subject
    assert rule in c.rules


def test_bracket_owner_gives_the_losses_side():
    text = (
        "Russia's losses in the Lyman direction on Sunday (380 servicemen and four tanks) were the "
        "highest this month, Ukraine's General Staff said."
    )
    c = next(c for c in extract(text) if c.text == "380")
    assert (c.category, c.actor) == ("casualties", "Russia")
    assert "actor:bracket-owner:Russia" in c.rules


def test_more_before_a_rate_is_no_claim():
    text = (
        "The agency counted 90,000 refugees in Chad by June. Its envoy said 1,500 more were "
        "arriving every day."
    )
    assert [c.text for c in extract(text)] == ["90,000"]


def test_replied_is_speech():
    text = "How many fighters does the militia have? 'No more than 300,' the commander replied."
    c = extract(text)[0]
    assert (c.category, c.high, c.attribution) == ("troops", 300, "the commander")
