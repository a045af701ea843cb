"""The `osint` command: thin commands over the library, and the only place errors become exits.

A user's mistake (bad URL, unreadable file, unknown topic) ends in one line naming what is wrong
and exit status 1, never a traceback. Each package has one base error; all of them are caught
here (`PACKAGE_ERRORS`).
"""

from __future__ import annotations

import logging

import click

from events import EventStoreError
from ingest.errors import IngestError
from osint.cmd_audit import audit_command, chart_command, show_group, topics_command
from osint.cmd_claimants import claimants_command
from osint.cmd_db import db_group
from osint.cmd_evidence import (
    checkpoint_command,
    export_group,
    key_group,
    prove_group,
    verify_bundle_command,
)
from osint.cmd_extract import extract_command
from osint.cmd_history import history_command
from osint.cmd_judge import judge_group, judgments_command
from osint.cmd_log import (
    events_command,
    ingest_command,
    project_command,
    replay_command,
    verify_command,
)
from osint.cmd_serve import serve_command
from osint.cmd_sources import poll_command, schedule_command, sources_command
from osint.cmd_watch import watch_command
from osint.context import AppContext
from osint.entry import EXIT_INTERRUPTED, INTERRUPTED, CtrlC
from osint.errors import OsintError
from osint.settings import setting_option
from projections.errors import ProjectionError

PACKAGE_ERRORS = (EventStoreError, IngestError, ProjectionError, OsintError)


class Interrupted(click.ClickException):
    """Ctrl-C: one line, exit status 130 (128 + SIGINT), as shells expect."""

    exit_code = EXIT_INTERRUPTED


class _Group(click.Group):
    """Turns our packages' errors into click's one-line error and exit status 1, and Ctrl-C
    into one line: every write is one transaction, so what was in flight was rolled back."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except PACKAGE_ERRORS as exc:
            raise click.ClickException(_one_line(exc)) from None
        except (KeyboardInterrupt, CtrlC):
            raise Interrupted(INTERRUPTED) from None


def _one_line(exc: Exception) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="osint-ingest", prog_name="osint")
@setting_option("db")
@setting_option("workers")
@click.pass_context
def cli(ctx: click.Context, db: str, workers: int | None) -> None:
    """Event-sourced OSINT ingestion: an append-only log of reports and the figures they claim."""
    ctx.obj = AppContext(db_url=db, workers=workers)


for command in (
    ingest_command,
    project_command,
    replay_command,
    history_command,
    verify_command,
    events_command,
    extract_command,
    audit_command,
    show_group,
    topics_command,
    chart_command,
    sources_command,
    poll_command,
    schedule_command,
    db_group,
    judge_group,
    judgments_command,
    claimants_command,
    watch_command,
    key_group,
    checkpoint_command,
    prove_group,
    verify_bundle_command,
    export_group,
    serve_command,
):
    cli.add_command(command)


# Libraries that log what our one-line error already says: psycopg warns about a pipeline it
# cannot close after a lost connection, trafilatura logs every page it cannot read at ERROR.
QUIET_LOGGERS = {"psycopg": logging.CRITICAL, "trafilatura": logging.CRITICAL}


def main() -> None:
    for name, level in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)
    cli()
