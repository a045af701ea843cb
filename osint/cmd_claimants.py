"""`osint claimants`: who claims the figures, each claimant under all its names."""

from __future__ import annotations

from datetime import datetime

import click
from rich.markup import escape
from rich.table import Table

from osint.context import AppContext, pass_app
from osint.render import console, echo_csv, echo_json, format_option, short_time
from osint.timetravel import cutoff_from, time_travel_options
from projections.browse import claimants


@click.command("claimants")
@time_travel_options
@format_option("claimant")
@pass_app
def claimants_command(
    app: AppContext,
    as_of: datetime | None,
    until: int | None,
    published_before: datetime | None,
    fmt: str,
) -> None:
    """The claimants of the live figures, most figures first: each under all the names it was
    written as (joined by the extractor within a report, and across reports by the claimant
    table and analysts' merges: osint judge claimants), with its topics, sources and dates.

    \b
    Example:
      osint claimants
      osint claimants --as-of 2024-11-05 --format csv > claimants.csv
    """
    store = app.store(create=False)
    found = claimants(store, cutoff_from(store, as_of, until, published_before))
    records = [c.to_dict() for c in found]
    if fmt == "json":
        echo_json(records)
        return
    if fmt == "csv":
        echo_csv(records)
        return
    out = console()
    if not found:
        out.print("no claimants yet: ingest some reports first (osint ingest PATH)")
        return
    table = Table("claimant", "figures", "topics", "sources", "first", "last", "written as")
    for c in found:
        table.add_row(
            escape(c.name),
            str(c.figures),
            escape(", ".join(f"{t} ({n})" for t, n in c.topics.items())),
            escape(", ".join(c.sources)),
            short_time(c.first_at),
            short_time(c.last_at),
            escape("; ".join(n for n in c.names if n != c.name) or "—"),
        )
    out.print(table)
