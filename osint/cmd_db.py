"""`osint db status` and `osint db upgrade`: the schema registry's components and their steps."""

from __future__ import annotations

import click

from events import ComponentStatus, Database
from osint.context import AppContext, pass_app
from osint.render import echo_json, format_option
from osint.wiring import SCHEMA


@click.group("db")
def db_group() -> None:
    """The database's schema: each component's version and the upgrade steps still to apply.

    Every other command applies pending steps itself when it opens the database; these two
    show them first, or apply them on purpose (before starting several schedulers, say).

    \b
    Example:
      osint db status
      osint db upgrade
    """


@db_group.command("status")
@format_option(formats=("table", "json"))
@pass_app
def status_command(app: AppContext, fmt: str) -> None:
    """Each component (events, projections, ingest), its version in the database and in this
    program, and the steps pending. Changes nothing.

    \b
    Example:
      osint db status --format json
    """
    db = Database.open(app.db_url, create=False)
    try:
        statuses = SCHEMA.status(db)
    finally:
        db.close()
    if fmt == "json":
        echo_json({"database": db.where, "components": [s.to_dict() for s in statuses]})
        return
    click.echo(f"database {db.where}")
    for s in statuses:
        _echo_status(s)


def _echo_status(s: ComponentStatus) -> None:
    state = "up to date" if s.current else f"{len(s.pending)} step(s) pending"
    if s.version > s.target:
        state = "NEWER than this osint: upgrade osint"
    click.echo(f"  {s.name:<12} version {s.version} of {s.target}  {state}")
    for step in s.pending:
        click.echo(f"      pending: {step}")


@db_group.command("upgrade")
@pass_app
def upgrade_command(app: AppContext) -> None:
    """Apply every pending step, under the schema lock, in one transaction.

    \b
    Example:
      osint db upgrade
    """
    db = Database.open(app.db_url)
    try:
        before = SCHEMA.upgrade(db)
    finally:
        db.close()
    applied = [(s.name, step) for s in before for step in s.pending]
    for name, step in applied:
        click.echo(f"{name}: {step}")
    click.echo(f"{len(applied)} step(s) applied; database {db.where} is up to date")
