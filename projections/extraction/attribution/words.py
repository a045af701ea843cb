"""Word lists shared by more than one speaker finder.

Kept apart so that each finder module imports the words it reads and no finder imports
another only for its vocabulary; lists that one finder alone reads stay beside it.
"""

from __future__ import annotations

STRONG_VERBS = frozenset(
    """said says say saying told tells confirmed confirms confirm claimed claims claim announced
    announces announce reported reports report estimated estimates estimate believe believes
    stated states warned warns added adds wrote writes noted notes explained insisted insists
    acknowledged acknowledges admitted admits revealed reveals disclosed alleged alleges allege
    asserted asserts counted count tallied recorded records documented verified assessed
    assesses assess calculated concluded declared declares posted tweeted published publishes
    ordered decreed put puts informed briefed testified predicted projected recounted
    registered logged treated decided decides voted agreed concede concedes conceded replied
    replies""".split()
)


PASSIVE = frozenset("is are was were been be being".split())


DETS = frozenset(
    """a an the this that these those its their his her our one latest previous earlier
    initial new such first second only officially newly""".split()
)


BOUNDARY = frozenset(
    """, ; : that “ ” " ( ) — – while but as when where because although though whereas and
    which whom""".split()
)


LEADING_DROP = frozenset("and but also so then later separately meanwhile however".split())


WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


# counts a possessor owns as its statement (`Mediazona's count`), not `Gaza's death toll`
POSSESSED_COUNTS = frozenset(
    "count counts tally tallies estimate estimates claims claim assessment figures data".split()
)


# the nouns of a count a source gives (`an estimate`, `a higher figure`, `its latest tally`)
COUNT_NOUNS = frozenset(
    """figure figures estimate estimates count counts tally toll range number numbers total
    totals breakdown""".split()
)


# Heads of a sentence-initial phrase before a colon that name a source, not a heading.
SOURCE_NOUNS = frozenset(
    """intelligence staff ministry military army agency official officials police spokesman force
    spokeswoman spokesperson governor command service services monitor forces navy government
    president minister source sources observatory mission office authorities authority
    commander guard militia group council committee diplomats diplomat administration""".split()
)


NAME_PARTS = frozenset({"'s", "’s", "-", "."})


ESTIMATE_PARTICIPLES = frozenset("estimated put counted assessed reckoned".split())


NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve dozens hundreds
    thousands dozen hundred thousand million""".split()
)
