"""The stages of the pipeline that turns one figure into a claim, one module per stage.

`extractor._sentence_claims` runs them in this order over a `context.ClaimContext`: number and
qualifier (over the whole sentence first, since a figure's phrase ends where the next figure's
span begins: `nonclaims`, `qualifiers`), then for each figure category, actor, attribution,
hedge and location. Each stage is a function `*_of(ctx)` that returns `(value, rules)`: the
field's value and the names of the rules that fired, which `explain` groups by their prefix.

A stage that tries rules in order keeps them in a table (`ACTOR_RULES`, `LOCATION_RULES`): the
first rule that finds something wins, and a new rule is one function and one entry in the
table, at the place its priority calls for.
"""
