"""Settings: one table (name, environment variable, default, help) that makes the command-line
options, the README's table and a test that keeps the two in step. Each environment variable is
declared here once, and read only by click when a command runs (never at import, and never
below `osint/`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DATABASE_URL = "sqlite:///osint.db"


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: `--NAME` on the commands that take it, or the environment variable `env`."""

    name: str
    env: str
    default: str | None
    metavar: str
    help: str
    type: Any = None

    @property
    def flag(self) -> str:
        return f"--{self.name}"

    @property
    def parameter(self) -> str:
        return self.name.replace("-", "_")


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        "OSINT_DATABASE_URL",
        DEFAULT_DATABASE_URL,
        "URL",
        "The log's database: sqlite:///FILE or postgresql://USER@HOST/DB.",
    ),
    Setting(
        "sources",
        "OSINT_SOURCES",
        None,
        "FILE",
        "The sources file (TOML), e.g. sources.toml.",
        click.Path(dir_okay=False, path_type=Path),
    ),
    Setting(
        "workers",
        "OSINT_PROJECT_WORKERS",
        None,
        "N",
        "Worker processes that extract ahead while a long replay writes (0: none; default:"
        " one fewer than the cores, at most 4).",
        click.IntRange(min=0, max=64),
    ),
    Setting(
        "author",
        "OSINT_ANALYST",
        None,
        "NAME",
        "Who records a judgment: named on it in every audit.",
    ),
    Setting(
        "key",
        "OSINT_KEY_FILE",
        "osint.key",
        "FILE",
        "The Ed25519 key that signs checkpoints, in a file outside the database"
        " (osint key init makes one).",
        click.Path(dir_okay=False, path_type=Path),
    ),
    Setting(
        "origin",
        "OSINT_LOG_ORIGIN",
        None,
        "NAME",
        "The origin line of the log's checkpoints (default: osint.example/log/ and the log's"
        " random id).",
    ),
    Setting(
        "token",
        "OSINT_API_TOKEN",
        None,
        "TOKEN",
        "The token every request to `osint serve` must carry; needed to bind an address other"
        " than 127.0.0.1.",
    ),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def setting_option(name: str, **overrides: Any) -> Callable[[F], F]:
    """The click option of setting `name` (its flag, environment variable, default and help);
    `overrides` change what one command needs (`required=True`, a longer help)."""
    s = _BY_NAME[name]
    kwargs: dict[str, Any] = {
        "envvar": s.env,
        "default": s.default,
        "metavar": s.metavar,
        "show_default": s.default is not None,
        "help": f"{s.help} (env {s.env})",
    }
    if s.type is not None:
        kwargs["type"] = s.type
    kwargs.update(overrides)
    return click.option(s.flag, s.parameter, **kwargs)


def markdown_table() -> str:
    """The README's table of settings."""
    lines = ["| option | environment | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        default = f"`{s.default}`" if s.default is not None else "—"
        lines.append(f"| `{s.flag} {s.metavar}` | `{s.env}` | {default} | {s.help} |")
    return "\n".join(lines)
