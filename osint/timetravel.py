"""The time-travel options shared by `audit`, `history`, `topics` and `chart`.

`--as-of TIME` and `--until POSITION` cut the log (what we knew then); `--published-before TIME`
keeps the reports dated before TIME. All three resolve to one `projections.audit.Cutoff`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import click

from events import EventStore
from projections.audit import AuditError, Cutoff, make_cutoff

F = TypeVar("F", bound=Callable[..., Any])


class Moment(click.ParamType):
    """An ISO date or date-time; UTC unless it carries an offset; a date alone is its midnight."""

    name = "TIME"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, datetime):
            return value
        try:
            return parse_moment(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def parse_moment(text: str) -> datetime:
    """An ISO date or date-time, UTC unless it carries an offset; `ValueError` saying what a
    valid one looks like otherwise (for the command line and the web app alike)."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("z", "Z"))
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date or time (use e.g. 2024-11-05 or 2024-11-05T14:30Z)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


MOMENT = Moment()


def time_travel_options(command: F) -> F:
    """Add --as-of, --until and --published-before to a command."""
    command = click.option(
        "--published-before",
        type=MOMENT,
        help="Only reports dated before TIME (published, else observed), as a replay of just"
        " those reports would show them.",
    )(command)
    command = click.option(
        "--until",
        type=click.IntRange(min=0),
        metavar="POSITION",
        help="What the log held up to this position.",
    )(command)
    command = click.option(
        "--as-of",
        type=MOMENT,
        help="What we knew at TIME: the log as observed up to then (UTC unless TIME has an"
        " offset; a date alone means its midnight).",
    )(command)
    return command


def cutoff_from(
    store: EventStore,
    as_of: datetime | None,
    until: int | None,
    published_before: datetime | None,
) -> Cutoff:
    if as_of is not None and until is not None:
        raise click.UsageError("give --as-of TIME or --until POSITION, not both")
    try:
        return make_cutoff(store, as_of, until, published_before)
    except AuditError as exc:
        raise click.ClickException(str(exc)) from None
