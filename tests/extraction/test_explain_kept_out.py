"""`--explain` names the rules that keep a wrong source out, with the words each refused.

Issue 12 asks that `--explain` name every rule. The rules that choose a speaker showed, but
the ones that refuse one did not: a speaker phrase that is a clause, a bracket cut from a
name, a tag whose reach a reporter's clause cuts, a speaker losing in `choice`. Each such
decision is a line `kept out` under the attribution, with its rule and the words it refused.
The sentences are written for these tests.
"""

from __future__ import annotations

from projections.extraction import extract
from tests.extraction.claim_helpers import attribution_lines, kept


def test_a_reporters_clause_after_the_tag_cuts_its_reach() -> None:
    text = "The toll in the market rose to 12, the agency said, and 4 militants were shot dead."
    assert attribution_lines(text)[1] == [
        f"  attribution  {'None':<28} <- (no rule: default)",
        kept('attribution:lost:reach-cut "the agency"'),
    ]


def test_a_bracket_after_the_source_is_cut() -> None:
    text = "According to the General Staff (ZSU), 300 Russian tanks were destroyed in March."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'the General Staff':<28} <- attribution:according-to",
            kept('attribution:cut:bracket "(ZSU)"'),
        ]
    ]


def test_a_negated_clause_is_no_speaker() -> None:
    text = "Police did not say whether 30 protesters were killed in the capital."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'None':<28} <- (no rule: default)",
            kept('attribution:refused:negated "Police did not"'),
        ]
    ]


def test_the_auxiliary_is_cut_from_the_subject() -> None:
    text = "The governor's office has said 14 civilians died in the shelling."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'The governor' + chr(39) + 's office':<28} "
            "<- attribution:speech:said",
            kept('attribution:cut:clause "has"'),
        ]
    ]


def test_a_speaker_across_a_contrast_loses() -> None:
    text = "Armenia said 3,000 of its soldiers died, while Azerbaijan put its losses at 2,900."
    first, second = attribution_lines(text)
    assert first == [
        f"  attribution  {'Armenia':<28} <- attribution:speech:said",
        kept('attribution:lost:across-contrast "Azerbaijan"'),
    ]
    assert second == [
        f"  attribution  {'Azerbaijan':<28} <- attribution:speech:put",
        kept('attribution:lost:across-contrast "Armenia"'),
    ]


def test_a_later_speaker_after_and_speaks_only_for_what_follows() -> None:
    text = "The ministry said 40 soldiers were wounded, and the governor said 12 of them died."
    first, second = attribution_lines(text)
    assert first == [
        f"  attribution  {'The ministry':<28} <- attribution:speech:said",
        kept('attribution:lost:speaks-for-what-follows "the governor"'),
    ]
    assert second == [
        f"  attribution  {'the governor':<28} <- attribution:speech:said",
        kept('attribution:lost:outranked "The ministry"'),
    ]


def test_a_lone_word_before_a_colon_the_passage_never_names_in_full() -> None:
    text = "Pokrovsk: 1,200 soldiers are dug in east of the town."
    assert attribution_lines(text) == [
        [
            f"  attribution  {'None':<28} <- (no rule: default)",
            kept('attribution:refused:lone-name "Pokrovsk"'),
        ]
    ]


def test_a_sentence_without_refusals_has_no_kept_out_line() -> None:
    text = "Border guards said 2,500 refugees crossed into Chad overnight."
    assert attribution_lines(text) == [
        [f"  attribution  {'Border guards':<28} <- attribution:speech:said"]
    ]


def test_kept_out_rules_are_claim_rules_with_their_words() -> None:
    """The rules travel with the claim (stored with it in the figures view), not only in the
    printed block."""
    (claim,) = extract("Police did not say whether 30 protesters were killed in the capital.")
    assert 'attribution:refused:negated "Police did not"' in claim.rules
