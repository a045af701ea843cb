"""Analysts' judgments, as events in the same chain as everything else: immutable, attributed,
replayed, and shown in the audit. A correction is a new fact, never an edit of the report.

- `FigureJudged`: about one figure: exclude it (misread, not a claim, a duplicate), confirm
  it, or correct its bounds, its topic (category and actor) or its claimant.
- `SourcesLinked`: two sources share an origin (one wire), or one copies the other; or, with
  `relation = "none"`, they do not (a later judgment undoes an earlier link).
- `ClaimantsMerged` / `ClaimantsSplit`: names of one claimant ("HUR", "Ukraine's military
  intelligence"), and the undoing of such a merge.

Every judgment names its author (and on PostgreSQL the database role that wrote it), its
reason and its time; `withdraws` names an earlier judgment (by event id) that it takes back.
A figure is known by its report revision, span and value (`FigureRef`), not by its row in a
view: when a new extractor no longer reads that figure there, the judgment is orphaned, shown
for review, and never applied to another figure.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from events.types import DomainEvent, registered

ExcludedAs = Literal["misread", "not-a-claim", "duplicate"]
Verdict = Literal["exclude", "confirm", "correct", "withdraw"]
Relation = Literal["same-origin", "copies", "none"]


class FigureRef(BaseModel):
    """A figure as the analyst saw it: which revision of which report, where, and read how."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    stream_id: str
    revision: int
    start: int
    end: int
    text: str
    low: float | None
    high: float | None


class Judgment(DomainEvent):
    """What every judgment says beside its verdict: who, as which role, why, when, and which
    earlier judgment it takes back."""

    author: str
    role: str | None = None  # the database role that appended it, where the database has one
    reason: str
    judged_at: datetime
    withdraws: str | None = None  # the event id of an earlier judgment taken back

    @property
    def moment(self) -> datetime | None:
        return self.judged_at


@registered
class FigureJudged(Judgment):
    event_type: ClassVar[str] = "FigureJudged"

    figure: FigureRef
    verdict: Verdict
    excluded_as: ExcludedAs | None = None
    bounds: bool = False  # low and high below are the corrected bounds
    low: float | None = None
    high: float | None = None
    category: str | None = None
    actor: str | None = None
    kind: str | None = None  # of equipment: its kind (the topic is then equipment-KIND/ACTOR)
    claimant: str | None = None


@registered
class SourcesLinked(Judgment):
    """`other` shares `source`'s origin (`same-origin`), copies it (`copies`), or neither."""

    event_type: ClassVar[str] = "SourcesLinked"

    source: str
    other: str
    relation: Relation


@registered
class ClaimantsMerged(Judgment):
    """The `claimants` are one, shown as `canonical`."""

    event_type: ClassVar[str] = "ClaimantsMerged"

    claimants: list[str] = Field(min_length=2)
    canonical: str


@registered
class ClaimantsSplit(Judgment):
    """Undoes the merge named by `withdraws`."""

    event_type: ClassVar[str] = "ClaimantsSplit"


def figure_stream_id(figure: FigureRef) -> str:
    """One stream per judged figure, so its judgments read in order."""
    return f"judgment/figure/{figure.stream_id}@{figure.revision}:{figure.start}-{figure.end}"


SOURCES_STREAM = "judgment/sources"
CLAIMANTS_STREAM = "judgment/claimants"
