"""Category stage: what the figure counts, from the reading of its counted phrase.

The reading (`categories.read_category`, in the context) decides, with exceptions that
look beyond the phrase: a bare `one` is a figure only when it plainly counts someone; a figure
that only compares (`up from 40,000`) takes the category of the previous figure of its
sentence, else of the paragraph's last counted noun, else is no claim; a figure that shares
the previous figure's verb (`returned 95 Ukrainian servicemen and 95 Russian soldiers`) shares
its category; figures set off by a comma after a figure's counted phrase break it down
(`freed 90 Palestinian detainees, 69 women and 21 teenage boys,`) and share its category.
"""

from __future__ import annotations

from projections.extraction.articles import predicate_of
from projections.extraction.categories import (
    fronted_of_them,
    fronted_of_them_placed,
    fronted_partitive,
    hosted,
    named_after_be,
)
from projections.extraction.clause_verbs import verb_category
from projections.extraction.context import ClaimContext, Rules
from projections.extraction.lexicon import (
    EXCHANGE_VERBS,
    FATE_CATEGORIES,
    MONTHS,
    POSSESSIVE_DETERMINERS,
    VERB_CATEGORY,
)
from projections.extraction.tokens import Token

_PREPS = frozenset("in during after at on before".split())
_EXCHANGE_VERBS = frozenset("exchanged swapped traded exchanging swapping".split())
# the rules of a figure that restates the one counted before (`put the figure at 40`, `puts the
# figure closer to 15`): it counts what that figure counted
_RESTATED = frozenset({"category:far:the-figure", "category:far:figure-nearer"})
_ONE_BLOCKERS = frozenset({"no", "any", "every", "each", "the", "that", "this", "which"})


def category_of(ctx: ClaimContext) -> tuple[str | None, Rules]:
    """The figure's category, or None when it is no figure claim after all.

    Personnel in a list under a heading of losses (`combat losses of the enemy …\n—
    personnel ‒ about 718,240`) are the losses' count, not a force's size: `casualties`."""
    category, rules = _category_of(ctx)
    if category == "casualties" and _more_gear_lost(ctx, rules):
        return "equipment", [*rules, MORE_GEAR_LOST]
    if category == "captured" and _more_gear_taken(ctx, rules):
        return "equipment", [*rules, MORE_GEAR_TAKEN]
    if category == "troops" and _added_to_a_fate(ctx, rules):
        return ctx.prev.category, [*rules, ADDED_TO_A_FATE]
    if category == "troops" and _under_losses(ctx):
        return "casualties", [*rules, LOSSES_LIST]
    if category == "troops" and ctx.num.rules[0] == HANDFUL and not any("verb" in r for r in rules):
        # `only a handful of local men were involved`: a dismissive few, no force's size,
        # unless a verb of deploying says so (`sent a handful of instructors`)
        return "other", [*rules, HANDFUL_NO_FORCE]
    return category, rules


LOSSES_LIST = "category:losses-list"
MORE_GEAR_LOST = "category:more-of-the-gear-lost"


def _more_gear_lost(ctx: ClaimContext, rules: Rules) -> bool:
    """`…shot down 41 of the 60 drones. Another 15 were lost to jamming`: a bare figure that
    opens its sentence with `another` (or takes `more`), whose only word of category is the
    verb `lost`, counts more of what the paragraph last counted; after weapons, those were
    lost, not men (a noun of its own, `another 15 soldiers`, decides instead)."""
    if ctx.prev is not None or ctx.reading.subject is not None:
        return False
    if "category:verb:lost" not in rules or ctx.sentence.para.last_figure != "equipment":
        return False
    toks, i = ctx.toks, ctx.num.i
    if i == 1 and toks[0].low == "another":
        return True
    if _passive_lost_after(toks, ctx.num.j):
        # "A Turkish official said that no more than three had been lost": the bare subject
        # of a passive `lost`, after a sentence of weapons, counts weapons too
        return True
    return i == 0 and "category:more-then-verb" in rules


_PASSIVE_AUX = frozenset("had have has were was been".split())


def _passive_lost_after(toks: list[Token], j: int) -> bool:
    """`three had been lost`, `15 were lost`: one to three auxiliaries of a passive, then
    `lost`, right after the figure's last token `j`."""
    k = j + 1
    n = len(toks)
    while k < n and k <= j + 3 and toks[k].low in _PASSIVE_AUX:
        k += 1
    return j + 1 < k < n and toks[k].low == "lost"


MORE_GEAR_TAKEN = "category:more-of-the-gear-taken"
_TAKING_RULES = frozenset(
    f"category:verb-before:{w}" for w in ("seized", "captured", "took", "taken", "recovered")
)


def _more_gear_taken(ctx: ClaimContext, rules: Rules) -> bool:
    """`shot down 18 rebel drones … and seized another 120`: a bare `another N` (or `N more`)
    whose only word of category is a verb of taking, after a figure of weapons in the same
    sentence, counts more of those weapons, seized as gear (CONVENTIONS.md: captured tanks
    are equipment), not people taken captive."""
    prev = ctx.prev
    if prev is None or prev.category != "equipment" or ctx.reading.subject is not None:
        return False
    if not any(r in _TAKING_RULES for r in rules):
        return False
    toks, i, j = ctx.toks, ctx.q.i, ctx.num.j
    another = i >= 1 and toks[i - 1].low == "another"
    more = j + 1 < len(toks) and toks[j + 1].low == "more"
    return another or more


ADDED_TO_A_FATE = "category:along-with-fate"


def _added_to_a_fate(ctx: ClaimContext, rules: Rules) -> bool:
    """`…47 civilians dead, along with more than 900 militants`: troops that `along with` /
    `together with` adds to a figure of people killed, wounded, missing or taken, with no verb
    of their own, share that fate (the troop noun alone would make them a force's size)."""
    prev = ctx.prev
    if prev is None or prev.category not in FATE_CATEGORIES:
        return False
    if len(rules) != 1 or not rules[0].startswith("category:noun:"):
        return False
    toks, i = ctx.toks, ctx.q.i
    return i >= 2 and toks[i - 1].low == "with" and toks[i - 2].low in ("along", "together")


HANDFUL = "number:vague:a handful"
HANDFUL_NO_FORCE = "category:handful-without-troop-verb"
_LOSS_WORDS = frozenset("losses loss".split())
_LIST_MARKS = frozenset(":—–‒―")


def _under_losses(ctx: ClaimContext) -> bool:
    """`losses` before the figure in its sentence, and a list's colon or dash between them."""
    heading = ctx.sentence.para.heading.lower()
    if heading and ("losses" in heading or "loss " in heading):
        return True  # the list's heading (`combat losses of the enemy …`)
    toks = ctx.toks
    marked = False
    for k in range(ctx.q.i - 1, -1, -1):
        w = toks[k].low
        if w in _LIST_MARKS:
            marked = True
        elif w in _LOSS_WORDS:
            return marked
    return False


def _name_the_part(ctx: ClaimContext) -> None:
    """`buried 37 people ..., and 15 of them were children`: the noun of people after `were`
    names the part `N of them` counts, and becomes its subject."""
    toks, j = ctx.toks, ctx.num.j
    if j + 3 < len(toks) and toks[j + 1].low == "of" and toks[j + 2].low in ("them", "whom"):
        span = named_after_be(toks, j + 3)
        if span is not None:
            ctx.reading.subject = span
            ctx.reading.rules.append("subject:part-named-after-be")


def _category_of(ctx: ClaimContext) -> tuple[str | None, Rules]:
    """`category_of` before the heading of a list is read."""
    if ctx.num.head:
        return _person_article(ctx)
    rd = ctx.reading
    if rd.subject is not None and rd.subject[0] == rd.subject[1] == ctx.q.i - 1:
        if ctx.toks[ctx.q.i - 1].text in _FORM_ABBREVIATIONS:
            # `KIA 4, WIA 11`: the label of a casualty form's value counts no group of its own
            # (and `KIA` is no Kachin army here)
            rd.subject = None
            rd.rules.append("category:form-abbreviation")
    before = _figure_before(ctx)
    if before is not None:
        return before, (f"category:the-figure-before:{before}",)
    prev = ctx.prev
    if prev is not None and ctx.prev_end == ctx.q.i - 3 and _signed_change(ctx):
        return prev.category, [f"category:change-of-figure-before:{prev.category}"]
    if rd.category is None:
        if prev is not None and prev.category == "captured" and _released_part(rd.rules):
            return "captured", [*rd.rules, "category:released-part-of-captives"]
        asked = _answer(ctx)
        if asked is not None:
            return asked, [f"category:answer-to-how-many:{asked}"]
        moved = _moved_again(ctx)
        if moved is not None:
            return "displaced", [moved, "category:bare-figure-after-displaced"]
        if prev is not None and parallel_place(ctx):
            return prev.category, [*rd.rules, f"{PARALLEL_PLACE}:{prev.category}"]
        if prev is not None and prev.category == "equipment" and gapped_object(ctx):
            return prev.category, [*rd.rules, f"category:gapped-object:{prev.category}"]
        if _hosted_more(ctx):
            return "displaced", ["category:hosted-bare-figure-after-displaced"]
        last = ctx.sentence.para.last_figure
        if prev is None and last is not None and last != "other":
            span = fronted_of_them(ctx.toks, ctx.q.i, ctx.num.j)
            if span is not None:
                rd.subject = span  # "Of them, about 900 were children": the children
                return last, [f"category:fronted-of-them:{last}"]
            if fronted_of_them_placed(ctx.toks, ctx.q.i, ctx.num.j):
                return last, [f"category:fronted-of-them-placed:{last}"]
        return None, rd.rules
    if ctx.num.lone_one:
        if not _counted_one(ctx):
            return None, ()
        if rd.subject is None:  # admitted by `_one_of_the_figure_before` or `_gapped_one`
            gapped = _gapped_one(ctx)
            rd.rules.append(GAPPED_ONE if gapped else "category:one-of-the-figure-before")
    if rd.inherit:
        if rd.subject is None:
            _name_the_part(ctx)
        if prev is not None:
            return prev.category, [*rd.rules, f"category:inherited:{prev.category}"]
        para = ctx.sentence.para
        kind = para.category or para.last_figure
        last = para.last_figure
        again = _of_them(ctx) or not _RESTATED.isdisjoint(rd.rules)
        if kind == "troops" and last in FATE_CATEGORIES and again:
            # "arrested 9 suspected members of the gang. They said 2 of them were foreign
            # nationals": the members were counted as arrested; `of them` are the arrested,
            # and `Rights groups put the number at 40` counts them again
            return last, [*rd.rules, f"category:partitive-of-last-figure:{last}"]
        if kind is not None:
            return kind, [*rd.rules, f"category:inherited-from-paragraph:{kind}"]
        return None, ()
    if rd.category == "other" and ctx.sentence.para.last_figure == "captured" and _came_home(ctx):
        return "captured", [*rd.rules, CAME_HOME]
    if prev is not None and prev.category == "captured" and _exchanged_for(ctx):
        return "captured", [*rd.rules, "category:exchanged-for"]
    if prev is not None and rd.category == "other" and fronted_part(ctx):
        return prev.category, [*rd.rules, f"category:fronted-partitive:{prev.category}"]
    if prev is not None and rd.category in ("other", "troops") and _after_fronted_among(ctx):
        return prev.category, [*rd.rules, f"category:fronted-among-list:{prev.category}"]
    if prev is not None and rd.category == "other" and _among_a_figure(ctx):
        return prev.category, [*rd.rules, f"category:fronted-among-figure:{prev.category}"]
    if prev is not None and rd.category in ("troops", "other") and _breakdown_conjunct(ctx):
        return prev.category, [*rd.rules, f"category:breakdown-conjunct:{prev.category}"]
    if prev is not None and apposed_part(ctx):
        return prev.category, [*rd.rules, f"category:apposed-breakdown:{prev.category}"]
    if prev is not None and _coordinated(ctx):
        return prev.category, [*rd.rules, f"category:coordinated:{prev.category}"]
    if prev is not None and rd.category == "other" and _coordinated_past_place(ctx):
        return prev.category, [*rd.rules, f"category:coordinated-past-place:{prev.category}"]
    if prev is not None and rd.category == "other" and _next_part(ctx):
        return prev.category, [*rd.rules, f"category:breakdown-list:{prev.category}"]
    return rd.category, rd.rules


_FORM_ABBREVIATIONS = frozenset(("KIA", "WIA", "MIA"))
PARALLEL_PLACE = "category:parallel-place"
# `126 over the Kursk region and 91 over Bryansk`
_PARALLEL_PREPS = frozenset("in at near around outside across from on over inside".split())


def parallel_place(ctx: ClaimContext) -> bool:
    """`including 126 over the Kursk region and 91 over Bryansk`: a bare figure after `and`
    whose own preposition of place repeats the one after the figure before, with only that
    phrase of place between them, is the gapped next item of the same count (not when the
    objects are times: `40 in January and 9 in March`)."""
    toks, i, j, pe = ctx.toks, ctx.q.i, ctx.q.j, ctx.prev_end
    if pe < 0 or i - pe < 4 or i - pe > 9 or j + 2 >= len(toks):
        return False
    prep = toks[pe + 1].low
    if prep not in _PARALLEL_PREPS or toks[j + 1].low != prep or toks[i - 1].low != "and":
        return False
    if _time_word(toks[pe + 2]) or _time_word(toks[j + 2]):
        return False  # "rose to 40 in January and 9 in March": times, not places
    return all(_in_noun_phrase(t.text, t.low) for t in toks[pe + 2 : i - 1])


# verbs that make or hand over weapons, whose bare object after `and` counts the same gear
_GEAR_VERBS = frozenset(
    """make makes made produce produces produced build builds built deliver delivers
    delivered supply supplies supplied send sends sent buy buys bought""".split()
)


def gapped_object(ctx: ClaimContext) -> bool:
    """`Ukraine produced about 2.2 million drones last year and plans to make 4.5 million in
    2025`: a bare figure right after a verb of making or supplying, in a predicate joined by
    `and` to the clause of the weapons counted before (no comma, no relative pronoun between),
    counts more of the same gear."""
    toks, i, pe = ctx.toks, ctx.q.i, ctx.prev_end
    if pe < 0 or i - pe > 12 or toks[i - 1].low not in _GEAR_VERBS:
        return False
    between = toks[pe + 1 : i - 1]
    if not any(t.low == "and" for t in between):
        return False
    return all(t.text[0].isalnum() and t.low not in _CLAUSE_WORDS for t in between)


def _time_word(t: Token) -> bool:
    """A month or a number (a year, a day) that opens the object of a preposition."""
    return t.low in MONTHS or t.low[:1].isdigit()


CAME_HOME = "category:came-home-after-captives"
_HOMECOMING = frozenset("come came coming comes returned".split())
_HOME_AUX = frozenset("have had has also finally".split())


def _came_home(ctx: ClaimContext) -> bool:
    """`Russia and Ukraine each handed over 1,000 prisoners … On the first day 390 Ukrainians
    came home`: people with no verb of their own status whose clause's verb is `came home`
    (past an auxiliary) in a paragraph whose last figure counted captives were given back
    from captivity; the exchange is in an earlier sentence, out of the verb's reach."""
    toks, k = ctx.toks, ctx.reading.np_end + 1
    n = len(toks)
    stop = min(n, k + 3)  # at most three auxiliaries and adverbs (`have also finally`)
    while k < stop and toks[k].low in _HOME_AUX:
        k += 1
    return k + 1 < n and toks[k].low in _HOMECOMING and toks[k + 1].low == "home"


def _moved_again(ctx: ClaimContext) -> str | None:
    """`Egypt has received 1.5 million Sudanese … Some 150,000 have returned to Sudan this
    year`: a bare figure (no counted noun) that is the subject of a verb of moving to or from
    a place, in a paragraph whose last figure counted displaced people, counts more of them
    (the people who fled, now returning or leaving). The verb's rule name, or None."""
    if ctx.sentence.para.last_figure != "displaced" or ctx.prev is not None:
        return None
    toks, j = ctx.toks, ctx.q.j
    found = verb_category(toks, ctx.q.i, j, ctx.prev_end, ctx.next_start, displaced=True)
    if found is None or found[0] != "displaced" or not found[1].startswith("category:verb:"):
        return None
    return found[1]


def _hosted_more(ctx: ClaimContext) -> bool:
    """`More than 4 million people have fled Sudan … Chad alone has received over 1.2
    million`: a bare figure (no counted noun) that a country takes in or hosts, the object
    of `received`, `hosts`, `has taken in`, in a paragraph whose last figure counted
    displaced people, counts more of them (the ones it took in)."""
    if ctx.sentence.para.last_figure != "displaced" or ctx.prev is not None:
        return False
    if ctx.reading.rules != ["not-claim:nothing-counted"]:
        return False
    return hosted(ctx.toks, ctx.q.i)


_ANSWER_LINKS = (",", "or", "perhaps", "maybe")


def _answer(ctx: ClaimContext) -> str | None:
    """`Asked how many soldiers had been killed, the lawmaker paused. "About 300," he said`:
    a bare figure that is the whole answer to the sentence before, which asked `how many`,
    counts what was asked about. The figure opens its sentence (after a quotation mark) and
    ends its phrase, or follows such an answer's figure (`'A few hundred, no more than
    400,'`)."""
    if ctx.reading.rules != ["not-claim:nothing-counted"]:
        return None
    toks, i, j = ctx.toks, ctx.q.i, ctx.q.j
    if j + 1 < len(toks) and toks[j + 1].text[0].isalnum():
        return None
    prev = ctx.prev
    if prev is not None:
        if any(r.startswith("category:answer-to-how-many") for r in prev.rules):
            if ctx.follows_previous(_ANSWER_LINKS):
                return prev.category
        return None
    if any(t.text[0].isalnum() for t in toks[:i]):
        return None
    return ctx.sentence.para.question


def _signed_change(ctx: ClaimContext) -> bool:
    """`tanks ‒ 11 402 (+7)`: a signed figure in brackets right after a figure is that
    figure's change over the post's period (the day's losses of a running total), so it
    counts what that figure counts."""
    toks, i = ctx.toks, ctx.q.i
    return (
        i >= 3 and toks[i - 1].text in _SIGNS and toks[i - 2].text == "(" and ctx.prev_end == i - 3
    )


_SIGNS = frozenset("+-−")


def _of_them(ctx: ClaimContext) -> bool:
    """`2 of them`: the figure counts a part of a group named before."""
    toks, j = ctx.toks, ctx.q.j
    return j + 2 < len(toks) and toks[j + 1].low == "of" and toks[j + 2].low == "them"


def _released_part(rules: list[str]) -> bool:
    """A bare figure with a verb of release (`214 were rescued`, see `categories`)."""
    return any(r.startswith("category:released-part:") for r in rules)


def _after_fronted_among(ctx: ClaimContext) -> bool:
    """`Among the dead were 31 soldiers, 12 policemen and nine civilians`: the later subjects
    of the inverted clause are counted in the same group as the first, when only a comma or
    `and` stands between them and no verb of their own says otherwise."""
    prev, rd = ctx.prev, ctx.reading
    if prev is None or rd.subject is None:
        return False
    if not any(r.startswith("category:fronted-among") for r in prev.rules):
        return False
    if any(r.startswith(("category:verb", "category:modifier")) for r in rd.rules):
        return False
    return ctx.follows_previous(("and", ","))


_INVERTED_BE = frozenset("were was are is".split())


def _among_a_figure(ctx: ClaimContext) -> bool:
    """`Among the 52 people killed in the attack on the market were 19 women`: an inverted
    clause whose fronted predicate `among ...` holds the figure before, so this figure, its
    subject after the verb, counts a part of that group, however long the predicate is."""
    toks, i = ctx.toks, ctx.q.i
    if i < 1 or toks[i - 1].low not in _INVERTED_BE or ctx.prev is None:
        return False
    start = ctx.prev.start
    k = next((k for k in range(min(i, 4)) if toks[k].start == start), -1)
    if k < 1:
        return False
    opening = [t.low for t in toks[:k]]
    if opening not in (["among"], ["among", "the"], ["among", "those"]):
        return False
    return all(t.text not in (",", ";", ":") for t in toks[ctx.prev_end + 1 : i - 1])


def _figure_before(ctx: ClaimContext) -> str | None:
    """`Of the 62, 19 were children`, `eight of the 33 had died`: `the` and a bare figure
    name a figure an earlier sentence of the paragraph gave, and count what it counted."""
    i = ctx.q.i
    if i == 0 or ctx.toks[i - 1].low != "the":
        return None
    if ctx.reading.subject is not None and not _generic_people(ctx):
        return None
    figures = ctx.sentence.para.figures
    return figures.get((ctx.q.low, ctx.q.high)) if figures else None


# nouns that name no group of their own: `the 2 men` after `the 2 North Korean soldiers
# captured` counts the same two
_GENERIC_PEOPLE = frozenset("men women people persons individuals".split())


def _generic_people(ctx: ClaimContext) -> bool:
    """The figure's phrase is a generic people noun right after it (`the 2 men`)."""
    j = ctx.num.j + 1
    toks = ctx.toks
    return (
        j < len(toks)
        and toks[j].low in _GENERIC_PEOPLE
        and (j + 1 == len(toks) or not toks[j + 1].text[0].isalpha() or toks[j + 1].low == "and")
    )


def _exchanged_for(ctx: ClaimContext) -> bool:
    """`exchanged 150 Russian prisoners for 150 Ukrainians`: what a side gets back in an
    exchange are captives too."""
    toks, i = ctx.toks, ctx.q.i
    if i == 0 or toks[i - 1].low != "for":
        return False
    if i > 2 and toks[i - 2].low in ("exchange", "return") and toks[i - 3].low == "in":
        # "freed in exchange for five commanders", "in return for 150 Russian servicemen":
        # the phrase names the swap
        return True
    return any(t.low in _EXCHANGE_VERBS for t in toks[max(0, i - 12) : i])


def fronted_part(ctx: ClaimContext) -> bool:
    """`Of the 91,000 Germans taken prisoner, only about 5,000 returned`: see
    `categories.fronted_partitive`."""
    toks, prev = ctx.toks, ctx.prev
    start = prev.start  # type: ignore[union-attr]
    lo = max(-1, ctx.prev_end - 4)
    prev_start = next((k for k in range(ctx.prev_end, lo, -1) if toks[k].start == start), -1)
    return fronted_partitive(toks, ctx.q.i, prev_start, ctx.prev_end)


# the previous figure is the object of the verb before it, or listed after such an object
# (`killing 7 policemen, two soldiers and a child`)
_LISTED_OBJECT = (
    "category:verb-before:",
    "category:article:object-",
    "category:coordinated",
    "category:apposed-breakdown:",
)
_LIST_JOINS = frozenset({"and", ","})  # a comma only inside a list (`listed_by_comma`)
# what an object of such a verb may be: `abducted 20 schoolchildren and a teacher` too
_LISTED_CATS = frozenset({"killed", "wounded", "captured"})


def _ends_before(toks: list[Token], np_end: int, k: int) -> bool:
    """The previous figure's phrase, ending at `np_end`, reaches the `and` at `k`, with the
    complement of its head (`5 members of a local militia and a teenager`)."""
    if np_end == k - 1 or (np_end == k - 2 and toks[k - 1].text == ","):
        return True  # `..., a policeman, and a nurse`: a serial comma before `and`
    if np_end < 0 or np_end + 1 >= k or toks[np_end + 1].low != "of" or k - np_end > 6:
        return False
    return all(t.text[0].isalnum() and t.low not in ("and", "or") for t in toks[np_end + 2 : k])


def _object_of_verb(toks: list[Token], start: int) -> bool:
    """The figure whose text begins at offset `start` is the object of the verb right before
    it (`released 12 hostages`, whose category its noun gave): a person listed after it with
    `and` shares that verb (`released 12 hostages and a pilot`)."""
    for p in range(1, len(toks)):
        if toks[p].start == start:
            w = toks[p - 1].low
            return w in VERB_CATEGORY or w in EXCHANGE_VERBS
    return False


def _person_article(ctx: ClaimContext) -> tuple[str | None, Rules]:
    """`a civilian was killed`, `gunmen shot dead a farmer`, `several soldiers were wounded`
    (`articles`): killed or wounded as the clause's verb says, else no figure. The counted
    phrase becomes the subject, and the article's claim spans it (`A 14-year-old girl`)."""
    toks, i = ctx.toks, ctx.num.i
    listed_with = None
    prev, prev_reading = ctx.prev, ctx.prev_reading
    if prev is not None and prev_reading is not None and i > 1 and toks[i - 1].low in _LIST_JOINS:
        if _ends_before(toks, prev_reading.np_end, i - 1) and prev.category in _LISTED_CATS:
            if any(r.startswith(_LISTED_OBJECT) for r in prev.rules) or _object_of_verb(
                toks, prev.start
            ):
                listed_with = prev.category
    got = predicate_of(toks, i, ctx.num.head, listed_with)
    if got is None:
        return None, ()
    category, end, rule = got
    rd = ctx.reading
    rd.subject = (i + 1, end)
    rd.np_end = end
    rd.inherit = False
    # the reading the next figure consults: an object of the verb before it shares that verb
    # with a figure listed after it (`shot dead a village chief and 4 of his relatives`)
    rd.rules = [rule, VERB_BEFORE] if ":object-" in rule else [rule]
    return category, [rule]


VERB_BEFORE = "category:verb-before:article"


def _counted_one(ctx: ClaimContext) -> bool:
    """A bare `one` is a figure only when it plainly counts someone (`one soldier was killed`,
    `clashes in which one officer was killed`)."""
    i = ctx.num.i
    toks = ctx.toks
    rd = ctx.reading
    if i > 0 and toks[i - 1].low in _ONE_BLOCKERS:
        if not (i > 1 and toks[i - 1].low == "which" and toks[i - 2].low in _PREPS):
            if not (_complement_that(toks, i) and rd.subject is not None):
                return False
    if rd.category in (None, "other") or rd.inherit:
        return False
    return rd.subject is not None or _one_of_the_figure_before(ctx) or _gapped_one(ctx)


# verbs of saying and knowing whose `that` opens a clause (`adding that one guard was killed`)
_THAT_VERBS = frozenset(
    "said says adding added told reported stated announced confirmed claimed "
    "saying reporting confirming announcing stating claiming".split()
)


def _complement_that(toks: list[Token], i: int) -> bool:
    """`police said, adding that one staff member was killed`: after a verb of saying, `that`
    opens the clause the `one` is the subject of; it is no demonstrative (`that one`)."""
    return i > 1 and toks[i - 1].low == "that" and toks[i - 2].low in _THAT_VERBS


GAPPED_ONE = "category:gapped-one"


def _gapped_one(ctx: ClaimContext) -> bool:
    """`had killed 63 North Korean soldiers and captured one`: a bare `one` that is the
    object of a second verb after `and`, the noun left out because the figure before (of
    people) names it, counts one of them; its own verb says what befell it."""
    prev, toks, i = ctx.prev, ctx.toks, ctx.num.i
    if prev is None or prev.category in ("equipment", "other") or i < 2:
        return False
    if toks[i - 2].low not in ("and", "but") or not toks[i - 1].low.endswith("ed"):
        return False
    rd = ctx.reading
    return rd.category in FATE_CATEGORIES and any(
        r.startswith("category:verb-before:") for r in rd.rules
    )


_OPENERS = frozenset({";", ",", "and", "but"})
_STATUS_VERB_RULES = ("category:verb:", "category:word-after:")


def _one_of_the_figure_before(ctx: ClaimContext) -> bool:
    """`two teachers were abducted; one was later found dead`: a bare `one` that opens its
    clause after a figure of people of the same sentence stands for one of them, and its own
    verb says what befell that one."""
    prev, toks, i = ctx.prev, ctx.toks, ctx.num.i
    if prev is None or prev.category in ("equipment", "other") or i < 1:
        return False
    if toks[i - 1].text not in _OPENERS or i + 1 >= len(toks):
        return False
    if toks[i + 1].low not in ("was", "later", "had", "has", "is", "died", "also"):
        return False
    rules = ctx.reading.rules
    return ctx.reading.category in FATE_CATEGORIES and any(
        r.startswith(_STATUS_VERB_RULES) for r in rules
    )


def _coordinated(ctx: ClaimContext) -> bool:
    """`returned 95 Ukrainian servicemen and 95 Russian soldiers`: one verb before both, and no
    verb or modifier of this figure's own."""
    prev_reading, rd = ctx.prev_reading, ctx.reading
    if prev_reading is None:
        return False
    if not (ctx.follows_previous(("and", "or", ",")) or _and_whose(ctx)):
        return False
    if not any(r.startswith("category:verb-before:") for r in prev_reading.rules):
        return False
    own = any(r.startswith(("category:verb", "category:modifier")) for r in rd.rules)
    if rd.category == "equipment" or ctx.prev.category == "equipment":  # type: ignore[union-attr]
        return False  # "lost 30 soldiers and six tanks": a tank is not a casualty
    return not own and rd.subject is not None


def _and_whose(ctx: ClaimContext) -> bool:
    """`killed a mother and her three children`: the second object's possessive determiner
    stands between `and` and its figure, and the verb before still governs both."""
    between = ctx.toks[ctx.prev_reading.np_end + 1 : ctx.q.i]  # type: ignore[union-attr]
    return (
        len(between) == 2 and between[0].low == "and" and between[1].low in POSSESSIVE_DETERMINERS
    )


def _breakdown_conjunct(ctx: ClaimContext) -> bool:
    """`the toll has climbed to 1,084, among them 196 members of government forces and 432
    Druze fighters`: the figure after `and` is the next part of the same breakdown as the
    figure before it, whose phrase (with its `of` complement) is all that stands between."""
    prev_reading = ctx.prev_reading
    if prev_reading is None or "category:breakdown" not in prev_reading.rules:
        return False
    toks, i = ctx.toks, ctx.q.i
    if i < 2 or toks[i - 1].low != "and":
        return False
    between = toks[prev_reading.np_end + 1 : i - 1]
    if len(between) > 6:
        return False
    return all(t.text[0].isalpha() and t.low not in _CLAUSE_WORDS for t in between)


# a prepositional phrase of place that may close the previous object before `and`
_PLACE_PREPS = frozenset("in at near around outside across from on".split())
# words that begin or carry a clause of their own
_CLAUSE_WORDS = frozenset(
    "who which that were was is are have has had be been will would said says while".split()
)


def _coordinated_past_place(ctx: ClaimContext) -> bool:
    """`abducted 287 pupils in Kuriga and 61 villagers in Kajuru`: the second object of one
    verb, after a place that closes the first object. What stands between them must be a
    preposition of place and a noun phrase (`at a gold site in Zamfara`), then `and`: a
    comma, a participle, an auxiliary or a relative pronoun begins a clause of its own and
    stops the rule."""
    prev_reading, rd = ctx.prev_reading, ctx.reading
    if prev_reading is None or rd.subject is None:
        return False
    if not any(r.startswith("category:verb-before:") for r in prev_reading.rules):
        return False
    if ctx.prev.category == "equipment":  # type: ignore[union-attr]
        return False
    between = ctx.toks[prev_reading.np_end + 1 : ctx.q.i]
    if not 3 <= len(between) <= 7 or between[-1].low not in ("and", "or"):
        return False
    if between[0].low not in _PLACE_PREPS:
        return False
    return all(_in_noun_phrase(t.text, t.low) for t in between[1:-1])


def _in_noun_phrase(text: str, low: str) -> bool:
    """A word that may stand inside a noun phrase of place: a name, or a lower-case word that
    is no participle, auxiliary or relative pronoun."""
    if text[0].isupper():
        return True
    if not text[0].isalpha() or low in _CLAUSE_WORDS:
        return False
    return not low.endswith(("ed", "ing"))


def _next_part(ctx: ClaimContext) -> bool:
    """`among them 27 children and 19 women`: the figure after a part is a part too."""
    prev_reading = ctx.prev_reading
    return (
        prev_reading is not None
        and "category:breakdown" in prev_reading.rules
        and ctx.follows_previous(("and", ","))
    )


_OWN_RULES = ("category:verb", "category:modifier", "category:word-after")


def apposed_part(ctx: ClaimContext) -> bool:
    """`freed 90 Palestinian detainees, 69 women and 21 teenage boys, in ...`: figures set off
    by a comma right after the previous figure's counted phrase, each smaller than it, with no
    verb of their own, are an apposition that breaks it down, so they count what it counts.
    The first part follows the comma; a later one follows `and` or a comma after a part."""
    prev, prev_reading, rd = ctx.prev, ctx.prev_reading, ctx.reading
    if prev is None or prev_reading is None or prev.category == "other":
        return False
    if not (rd.category == "other" or _bare_troops(rd.category, rd.rules)):
        return False
    if any(r.startswith(_OWN_RULES) for r in rd.rules):
        return False
    toks, i = ctx.toks, ctx.q.i
    if i < 1 or ctx.q.high is None:
        return False
    if any(r.startswith("category:apposed-breakdown") for r in prev.rules):
        return ctx.follows_previous(("and", ","))  # "..., 69 women and 21 teenage boys"
    if toks[i - 1].text not in _APPOSITION_OPENERS:
        return False
    if max(prev_reading.np_end, ctx.prev_end) != i - 2:
        return False  # the previous phrase ends at its figure when it stands before it
    return prev.low is not None and ctx.q.high < prev.low and _closed_after(ctx)


# a comma, a bracket or a dash sets an apposition off (`The dead numbered 31 — 22 soldiers
# and nine militiamen —`, `27 people (19 men and eight women)`)
_APPOSITION_OPENERS = frozenset(",(—–")


def _closed_after(ctx: ClaimContext) -> bool:
    """The apposition closes: a comma or the sentence's end comes after this figure's phrase
    or after a later part joined by `and` (`..., 260 women and 152 children, out of`)."""
    toks = ctx.toks
    k = max(ctx.reading.np_end, ctx.q.j) + 1
    end = min(len(toks), k + 8)
    while k < end:
        t = toks[k]
        if t.text in (",", ".", ";", ")", "—", "–") or k == len(toks) - 1:
            return True
        if t.low in ("were", "was", "are", "is", "had", "have", "has") or t.low.endswith("ed"):
            return False  # a verb: this figure opens a clause of its own
        k += 1
    return k >= len(toks)


def _bare_troops(category: str | None, rules: list[str]) -> bool:
    """`60 soldiers` read as troops by their noun alone (no verb, modifier or link said so):
    inside a breakdown they are whatever the whole is (`75 Ukrainian prisoners, 60 soldiers`)."""
    return category == "troops" and len(rules) == 1 and rules[0].startswith("category:noun:")
