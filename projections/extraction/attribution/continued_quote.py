"""A quote that goes on in the next sentence: `"…," an official said. "Another 20 are missing."`

A reporter who quotes a speaker for two sentences tags the first only; the second opens with
a quote mark and has no speech tag of its own. Its figures are the speaker's of the tag just
before it, in the same paragraph: the sentence before ends with a closing quote mark, a short
speaker phrase and a speech verb, and nothing comes between it and this opening mark.
"""

from __future__ import annotations

import re

_OPENING_MARKS = ("“", '"')
# the end of the sentence before: `…,” a civil defence official said.`
_TAG_BEFORE = re.compile(
    r"[”\"][ ]+[^“”\".!?;:]{2,80}? "
    r"(?:said|says|added|adds|told [A-Z][\w.]*(?: [A-Z][\w.]*)*)\.[ ]*$"
    r"|[”\"][ ]+(?:said|says|added|adds) [^“”\".!?;:]{2,80}?\.[ ]*$"
)

RULE = "attribution:quote-continued"


def continues_quote(text: str, start: int) -> bool:
    """The sentence at `start` opens a quote that goes on from a tagged quote just before."""
    if not text.startswith(_OPENING_MARKS, start):
        return False
    return _TAG_BEFORE.search(text, max(0, start - 160), start) is not None
