"""A seeded synthetic news corpus: reports of news-like sentences, a realistic share with figures.

Every sentence is assembled here from our own templates and word lists, never copied from a
publication. The same seed and size always give the same corpus, byte for byte, so two runs (and
the two sides of one comparison) work on identical input.

About 45 % of sentences carry a figure (troops, casualties, displaced people, equipment, money,
percentages, dates); the rest are the connective prose that surrounds figures in real reporting.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

ACTORS = (
    "North Korea",
    "Russia",
    "Ukraine",
    "Belarus",
    "Iran",
    "the coalition",
    "the rebels",
    "the government",
    "Sudan's army",
    "the militia",
)
PLACES = (
    "Kursk",
    "Kharkiv",
    "Pokrovsk",
    "El Fasher",
    "Khartoum",
    "the border region",
    "the northern front",
    "the coastal strip",
    "the capital",
    "the eastern provinces",
)
SOURCES = (
    "officials said",
    "a defence ministry spokesperson said",
    "according to an intelligence briefing",
    "the agency reported",
    "local authorities said",
    "a monitoring group estimated",
    "diplomats told reporters",
    "satellite imagery suggested",
)
HEDGES = ("reportedly", "an estimated", "about", "up to", "at least", "more than", "nearly", "")
UNITS = (
    ("troops", "{actor} has deployed {hedge} {n} troops to {place}, {source}."),
    ("soldiers", "{hedge} {n} soldiers from {actor} were seen moving towards {place}."),
    ("killed", "{hedge} {n} people were killed in {place} over the weekend, {source}."),
    ("wounded", "The strikes on {place} left {hedge} {n} civilians wounded, {source}."),
    ("displaced", "{hedge} {n} residents have fled {place} since the fighting began."),
    ("captured", "{actor} says it has captured {hedge} {n} fighters near {place}."),
    ("equipment", "{actor} lost {hedge} {n} tanks and armoured vehicles around {place}."),
    ("missing", "{hedge} {n} people remain missing after the shelling of {place}."),
)
OTHER_FIGURES = (
    "Aid agencies asked for ${m} million to cover the next {k} months.",
    "Prices of bread in {place} rose by {k} percent in {month}.",
    "The convoy of {k} trucks reached {place} on {month} {day}.",
    "Talks in the capital lasted {k} hours without agreement, {source}.",
)
PROSE = (
    "The claim could not be independently verified.",
    "{actor} did not respond to a request for comment.",
    "Residents described a tense night with intermittent shelling near {place}.",
    "Analysts cautioned that early figures are often revised as more information arrives.",
    "The statement did not say how the estimate had been reached.",
    "Both sides accuse each other of targeting civilian infrastructure around {place}.",
    "Earlier reports from {place} gave a different picture of the situation.",
    "Observers expect the fighting around {place} to continue through the winter.",
    "The ministry declined to give further details, citing operational security.",
    "Humanitarian groups have warned of shortages of fuel and medicine in {place}.",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September")
FIGURE_SHARE = 0.45


def _number(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.5:
        return f"{rng.randint(2, 99) * 1000:,}"
    if kind < 0.75:
        return str(rng.randint(3, 950))
    if kind < 0.9:
        return f"{rng.randint(10, 400) * 100:,}"
    return f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"


class Corpus:
    """Deterministic sentences and reports from `seed`."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)

    def sentence(self) -> str:
        rng = self.rng
        fill = {
            "actor": rng.choice(ACTORS),
            "place": rng.choice(PLACES),
            "source": rng.choice(SOURCES),
            "month": rng.choice(MONTHS),
            "day": rng.randint(1, 28),
            "k": rng.randint(2, 60),
            "m": rng.randint(5, 900),
        }
        roll = rng.random()
        if roll < FIGURE_SHARE * 0.8:
            _, template = rng.choice(UNITS)
            fill["hedge"] = rng.choice(HEDGES)
            fill["n"] = _number(rng)
            text = template.format(**fill)
        elif roll < FIGURE_SHARE:
            text = rng.choice(OTHER_FIGURES).format(**fill)
        else:
            text = rng.choice(PROSE).format(**fill)
        text = " ".join(text.split())
        return text[0].upper() + text[1:]

    def sentences(self, count: int) -> list[str]:
        return [self.sentence() for _ in range(count)]

    def text(self, min_chars: int) -> str:
        """Sentences until the text is at least `min_chars` long."""
        parts: list[str] = []
        size = 0
        while size < min_chars:
            s = self.sentence()
            parts.append(s)
            size += len(s) + 1
        return " ".join(parts)

    def reports(self, count: int, min_chars: int = 200, source: str = "wire") -> Iterator[Report]:
        """`count` reports of at least `min_chars` characters each, one day apart per 100."""
        start = datetime(2024, 1, 1, tzinfo=UTC)
        for i in range(count):
            text = self.text(min_chars)
            yield Report(
                source_id=source,
                item_key=f"{source}-{i:08d}",
                url=f"https://news.example.org/{source}/{i:08d}",
                title=text.split(".")[0][:80],
                published_at=start + timedelta(minutes=15 * i),
                text=text,
                content_sha256=hashlib.sha256(text.encode()).hexdigest(),
            )


@dataclass(frozen=True, slots=True)
class Report:
    source_id: str
    item_key: str
    url: str
    title: str
    published_at: datetime
    text: str
    content_sha256: str
