"""What the focused extraction tests ask of a sentence: its figure claims that name a
category, the one claim it must give, the claim of one figure, and the attribution lines of
`--explain` with the sources each rule kept out."""

from __future__ import annotations

from projections.extraction import FigureClaim, explain, extract

PAD = " " * 15  # the field column of a `kept out` line is empty


def claims(text: str) -> list[FigureClaim]:
    """The claims of `text` that the figures view files under a category (not `other`)."""
    return [c for c in extract(text) if c.category != "other"]


def only(text: str) -> FigureClaim:
    """The single categorised claim of `text` (fails if there are none or several)."""
    (c,) = claims(text)
    return c


def claim(text: str, figure: str) -> FigureClaim:
    """The one claim of `text` whose figure reads `figure`, of any category."""
    found = [c for c in extract(text) if c.text == figure]
    assert len(found) == 1, [(c.text, c.category) for c in extract(text)]
    return found[0]


def attribution_lines(text: str) -> list[list[str]]:
    """For each claim of `text`: its attribution line and the `kept out` lines after it."""
    return [_attribution_block(c) for c in extract(text)]


def attribution_block(text: str) -> list[str]:
    """The attribution line of the one categorised claim of `text` and its `kept out` lines."""
    return _attribution_block(only(text))


def kept(rule: str) -> str:
    """A `kept out` line of `--explain` as it prints `rule`."""
    return f"{PAD}{'kept out':<28} <- {rule}"


def _attribution_block(c: FigureClaim) -> list[str]:
    lines = explain(c).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  attribution"))
    return [lines[at], *(line for line in lines[at + 1 :] if "kept out" in line)]
