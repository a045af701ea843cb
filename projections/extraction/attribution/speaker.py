"""One asserting source of a sentence, as the finders mark it and `choose` reads it.

The finders (`speech_verbs`, `colon_sources`, `count_owners`, `by_agents`) read the tokens
once; everything `choose` needs later (where the phrase is, its verb, whether its tag closes
the sentence) is kept here, so that choosing never reads the tokens again.
"""

from __future__ import annotations

from dataclasses import dataclass

# A source a finder kept out, so that `--explain` can say so: the rule's name and the first and
# last token of the words it refused (`attribution:refused:negated`, "could not be verified").
Refusal = tuple[str, int, int]


@dataclass(slots=True)
class Speaker:
    """One asserting source of a sentence: its phrase (token span) and governing position."""

    start: int
    end: int
    verb: int  # token index of the verb (or of "according")
    kind: str  # "speech", "weak", "according-to", "colon", "official", "given-by",
    # "came-from"
    word: str
    first_person: bool = False
    rel: int = -1  # token of `that`/`whom` opening the speaker's relative clause, if any
    notes: tuple[str, ...] = ()  # names of the rules that shaped the speaker's phrase
    final: bool = False  # a tag that closes the sentence (`…, state media reported.`)
    closes_at: int = -1  # `…, X said, and 4 militants were…`: the `and` of the clause after
    front: bool = False  # `…, and officials said 12 of them…`: speaks for what follows only
    action: bool = False  # `ordered 5,000 troops`, `claimed to have fired`: no statement verb
    tag: bool = False  # the speaker follows a comma or a quote: a tag of what came before
    own: bool = False  # `…, its spokeswoman said.`: a tag that speaks for a body named before
    lone: bool = False  # `Budanov:`: a source only if the passage names it in full
    ours: bool = False  # `Our teams have counted …`: the phrase is the speaker's own body
    opens: int = -1  # `59 hostages, at least 35 of whom Israel believes …`: the first token of
    # the partitive its relative clause is of; a figure before it is out of the speaker's reach

    @property
    def rule(self) -> str:
        if self.kind in ("according-to", "colon", "given-by", "came-from"):
            return f"attribution:{self.kind}"
        return f"attribution:{self.kind}:{self.word}"
