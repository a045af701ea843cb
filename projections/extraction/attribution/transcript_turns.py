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
