"""`explain`: which rules read a claim the way it was read, field by field.

A rule's name begins with the field it decides (`actor:from:North Korea`); a field whose rules
did not fire shows its default. Every rule of a claim appears under one field. The decisions
that kept a wrong source out (`attribution:refused:…`, `attribution:cut:…`,
`attribution:lost:…`, each with the words it refused) follow the attribution line, one a line,
since those words may hold commas.
"""

from __future__ import annotations

from projections.extraction.claim import FigureClaim

_FIELDS = (
    ("bounds", ("number:",)),
    ("qualifier", ("qualifier:",)),
    # `verb:` is the verb a phrase before the number names (`residents evacuated reached 3,000`)
    ("category", ("category:", "not-claim:", "verb:")),
    ("actor", ("actor:",)),
    ("attribution", ("attribution:",)),
    ("hedged", ("hedge:",)),
    ("location", ("location:",)),
    ("earlier", ("earlier:",)),
    ("period", ("period:",)),
    ("kind", ("kind:",)),
)


def explain(claim: FigureClaim) -> str:
    """One human-readable block saying which rules read this claim the way it was read."""

    kept_out = [r for r in claim.rules if r.startswith(_KEPT_OUT)]

    def rules_for(prefixes: tuple[str, ...]) -> str:
        names = [r for r in claim.rules if r.startswith(prefixes) and r not in kept_out]
        return ", ".join(names) if names else "(no rule: default)"

    values = {
        "bounds": f"low={_fmt(claim.low)} high={_fmt(claim.high)}" + (" (vague)" * claim.vague),
        "qualifier": claim.qualifier,
        "category": claim.category,
        "actor": str(claim.actor),
        "attribution": str(claim.attribution),
        "hedged": str(claim.hedged),
        "location": str(claim.location),
        "earlier": str(claim.earlier),
        "period": str(claim.period),
        "kind": str(claim.kind),
    }
    lines = [f"{claim.text!r}  [{claim.start}:{claim.end}]  subject: {claim.subject!r}"]
    for name, prefixes in _FIELDS:
        lines.append(f"  {name:<12} {values[name]:<28} <- {rules_for(prefixes)}")
        if name == "attribution":
            lines.extend(f"  {'':<12} {'kept out':<28} <- {rule}" for rule in kept_out)
    lines.append(f"  sentence     {claim.sentence!r}")
    return "\n".join(lines)


# rules that name a source kept out of the attribution, and the words they refused
_KEPT_OUT = ("attribution:refused:", "attribution:cut:", "attribution:lost:")


def _fmt(v: float | None) -> str:
    if v is None:
        return "None"
    return str(int(v)) if float(v).is_integer() else str(v)
