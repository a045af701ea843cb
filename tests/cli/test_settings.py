"""The settings table is the one source of the options, the README's table and the environment
variables: the three agree, and nothing below `osint/` reads the environment."""

from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from osint.cli import cli
from osint.settings import SETTINGS, markdown_table

REPO = Path(__file__).resolve().parents[2]


def _options(command: click.Command) -> list[click.Option]:
    found = [p for p in command.params if isinstance(p, click.Option)]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            found.extend(_options(sub))
    return found


def test_the_readme_table_is_the_settings_table():
    assert markdown_table() in (REPO / "README.md").read_text()


def test_every_setting_is_an_option_with_its_environment_variable():
    by_env = {}
    for option in _options(cli):
        if option.envvar:
            by_env.setdefault(option.envvar, set()).add(option.opts[0])
    assert by_env == {s.env: {s.flag} for s in SETTINGS}


def test_a_setting_is_read_from_its_environment_variable(tmp_path: Path):
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(cli, ["events"], env={"OSINT_DATABASE_URL": f"sqlite:///{missing}"})
    assert result.exit_code == 1
    assert f"no log at {missing}" in result.output


def test_nothing_below_osint_reads_the_environment():
    pattern = re.compile(r"\bos\.environ\b|\bgetenv\(")
    readers = [
        str(path.relative_to(REPO))
        for package in ("events", "ingest", "projections")
        for path in (REPO / package).rglob("*.py")
        if pattern.search(path.read_text())
    ]
    assert readers == []
