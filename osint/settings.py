"""Settings, built once in the command layer (never read from the environment at import)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_DATABASE_URL = "sqlite:///osint.db"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    env: str
    default: str | None
    help: str


SETTINGS = (
    Setting(
        "db",
        "OSINT_DATABASE_URL",
        DEFAULT_DATABASE_URL,
        "SQLAlchemy URL of the log: sqlite:///FILE or postgresql+psycopg://USER@HOST/DB",
    ),
)
