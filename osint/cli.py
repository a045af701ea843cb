"""The `osint` command: thin commands over the library, and the only place errors become exits."""

from __future__ import annotations

import click

from osint.cmd_extract import extract_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli() -> None:
    """Event-sourced OSINT ingestion: an append-only log of reports and the figures they claim."""


cli.add_command(extract_command)


def main() -> None:
    cli()
