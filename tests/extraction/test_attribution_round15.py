"""Round 15 of claimants (issue 12): the attribution classes claimants_r15.jsonl found missing.

Each class is paired with a sentence that looks alike but keeps its old reading. The
sentences are written for these tests.
"""

from __future__ import annotations

from tests.extraction.claim_helpers import claims, only


def test_the_next_sentences_passive_agent_after_an_adverb_is_the_source() -> None:
    c = only(
        "Shelling killed 9 people in Zaporizhzhia overnight."
        " The toll was later confirmed by the regional military administration."
    )
    assert c.attribution == "the regional military administration"
    assert "attribution:source-in-next-sentence" in c.rules


def test_a_toll_that_could_not_be_verified_names_no_source() -> None:
    c = only(
        "Shelling killed 9 people in Zaporizhzhia overnight."
        " The toll could not be verified by independent monitors."
    )
    assert c.attribution is None


def test_an_adverb_set_off_by_commas_is_cut_from_the_subject() -> None:
    text = (
        "The governor said 40 houses burned and 6 people died."
        " Villagers, however, said 15 people were killed."
    )
    assert claims(text)[-1].attribution == "Villagers"


def test_the_statement_means_whoever_issued_it() -> None:
    text = (
        "The navy issued a statement on the clash off Hodeidah."
        " The statement said 3 Houthi boats were sunk."
    )
    c = only(text)
    assert c.attribution == "The statement [The navy]"
    assert c.claimant == "The navy"
    assert "attribution:title-resolved" in c.rules


def test_the_statement_of_no_recent_speaker_stays_as_written() -> None:
    c = only("The statement said 3 Houthi boats were sunk off Hodeidah.")
    assert c.attribution == "The statement"
