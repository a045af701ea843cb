"""Who speaks in a transcript's turn: `MAJOR FAITH OTIENO: Around 150 al-Shabaab fighters …`.

An interview or a hearing names each speaker once, in a label before a colon at the start of
the line (`BRIG GEN AMIR DORON:`, `Ms HOLLOWAY:`, `COL ROMAN SHEVCHUK:`), and then lets them
talk for several sentences. The label is a rank or an honorific and a name in capitals: it
speaks for the sentence it opens (`colon_sources` reads it as a name) and for the later
sentences of the same turn, up to the next line, which have no speaker of their own (`We
killed 23 of them …`). The one who asks (`HOST:`, `INTERVIEWER:`, `Q:`) asserts nothing.
"""

from __future__ import annotations

import re

RULE = "attribution:transcript-turn"

# ranks and honorifics that open a speaker's label, in capitals or as written (`Ms`, `Sen.`)
_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady senator sen rep minister
    general gen lt col colonel maj major brig brigadier capt captain cmdr commander
    adm admiral sgt sergeant cpl corporal pte private lieutenant""".split()
)
# a label: one to seven words of letters (a title in any case, the rest in capitals), then
# a colon; an aside in brackets may follow the name (`CORRESPONDENT (on the line):`)
_LABEL_RE = re.compile(
    r"(?P<label>[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,6})(?: \([^()\n]{1,40}\))?:[ \t]"
)


def is_label(words: list[str]) -> bool:
    """Words before a colon that make a speaker's label: a rank or an honorific first, then
    at least one name in capitals, every later word in capitals or a title (`BRIG GEN AMIR
    DORON`, `Ms HOLLOWAY`, `Senator FAWCETT`)."""
    if len(words) < 2 or len(words) > 7:
        return False
    if words[0].lower().rstrip(".") not in _TITLES:
        return False
    names = 0
    for w in words[1:]:
        bare = w.rstrip(".")
        if bare.lower() in _TITLES:
            continue
        letters = bare.replace("-", "").replace("'", "")
        if not (letters.isalpha() and letters.isupper() and len(letters) >= 2):
            return False
        names += 1
    return names >= 1


def turn_speaker(text: str, start: int) -> str | None:
    """The label of the transcript turn that the sentence at `start` continues: its line
    opens with a speaker's label and the sentence is not the one the label opens; or None."""
    line = text.rfind("\n", 0, start) + 1
    if line == start or text[line] == " ":
        return None
    m = _LABEL_RE.match(text, line)
    if m is None or m.end() > start:
        return None
    label = m.group("label")
    return label if is_label(label.split()) else None


ANSWER_TURN = "attribution:interview-answer-turn"


def answer_turn(text: str, start: int) -> bool:
    """The sentence at `start` continues an interview's answer: its line opens with `A:` (or
    `Answer:`) and the sentence is not the one the mark opens (`A: No. They hold 40 of our
    men …`). The one interviewed speaks for it, as for the answer's first sentence."""
    line = text.rfind("\n", 0, start) + 1
    if line == start:
        return False
    for mark in ("A:", "Answer:"):
        if text.startswith(mark, line):
            return line + len(mark) < start
    return False


# `Interview: X`, `Interview with X`, `In conversation with X`: a heading naming the one
# interviewed; `Q: General X, …`: the one asked, addressed by name
_INTERVIEW_HEADS = ("Interview: ", "Interview with ", "INTERVIEW: ", "In conversation with ")


def interviewee_span(toks: list, text: str, start: int) -> tuple[int, int] | None:
    """Tokens (first, last) of the person an interview's heading names (`Interview: Armenian
    Deputy Foreign Minister Aram Hakobyan`) or a question addresses by name before a comma
    (`Q: General Abdel Rahman, the RSF says …`); None for any other sentence. `toks` are the
    sentence's tokens, `start` its offset in `text`."""
    n = len(toks)
    if text.startswith("Q: ", start) and n > 3 and toks[1].text == ":":
        comma = next((k for k in range(2, min(n, 10)) if toks[k].text == ","), -1)
        if comma < 4 or toks[2].low.rstrip(".") not in _TITLES:
            return None
        if all(t.text[0].isupper() or t.text == "." for t in toks[2:comma]):
            return 2, comma - 1
        return None
    for head in _INTERVIEW_HEADS:
        if text.startswith(head, start):
            first = 2 if head.endswith(": ") else len(head.split())
            if first >= n or not toks[first].text[0].isupper():
                return None
            last = first
            while last + 1 < n and (toks[last + 1].text[0].isupper() or toks[last + 1].text == "."):
                last += 1
            return first, last
    return None
