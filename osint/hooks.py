"""The watch file: which changes go to which webhook.

    [[hook]]
    id = "newsroom"
    topics = ["troops/*", "killed/russia"]    # glob patterns over topic keys
    url = "https://hooks.example.org/osint"
    secret_env = "NEWSROOM_HOOK_SECRET"       # or secret = "…": signs each body (HMAC-SHA256)
    kinds = ["raised", "lowered"]             # optional: only these kinds of change
    timeout = 10                              # seconds per POST
    max_backoff = 300                         # the longest wait between two tries

Errors name the file, line and field, as the sources file's do.
"""

from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from osint.errors import OsintError
from projections.changes import (
    CONTRADICTED,
    JUDGED,
    LOWERED,
    NEW_HIGH,
    NEW_LOW,
    NEW_SOURCE,
    RAISED,
    REVISED,
)

KINDS = (NEW_HIGH, NEW_LOW, RAISED, LOWERED, NEW_SOURCE, CONTRADICTED, JUDGED, REVISED)
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


class WatchFileError(OsintError):
    """The watch file cannot be used; the message starts with `FILE:LINE:`."""


class Hook(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    url: str
    topics: list[str] = Field(default_factory=lambda: ["*"])
    kinds: list[str] = Field(default_factory=lambda: list(KINDS))
    secret: str | None = None
    secret_env: str | None = None
    timeout: float = Field(default=10.0, gt=0, le=120)
    max_backoff: float = Field(default=300.0, gt=0, le=86400)  # the longest wait between tries

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("use letters, digits, '.', '_' and '-' (at most 64)")
        return value

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        if not re.match(r"^https?://[^/\s]+", value, re.IGNORECASE):
            raise ValueError(f"{value!r} is not an http:// or https:// URL")
        return value

    @field_validator("kinds")
    @classmethod
    def _check_kinds(cls, value: list[str]) -> list[str]:
        unknown = [k for k in value if k not in KINDS]
        if unknown:
            raise ValueError(f"unknown kind(s) {unknown} (known: {', '.join(KINDS)})")
        return value

    def wants(self, topic: str, kind: str) -> bool:
        return kind in self.kinds and any(fnmatch.fnmatchcase(topic, p) for p in self.topics)

    def signing_key(self) -> bytes | None:
        """The secret, from the file or the environment variable it names."""
        if self.secret:
            return self.secret.encode()
        if self.secret_env:
            value = os.environ.get(self.secret_env)
            if not value:
                raise WatchFileError(
                    f"hook {self.id!r}: the environment variable {self.secret_env} is not set"
                )
            return value.encode()
        return None


def load_hooks(path: Path) -> list[Hook]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise WatchFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise WatchFileError(f"{path}: cannot read ({exc})") from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise WatchFileError(f"{path}: not valid TOML ({exc})") from None
    tables = document.get("hook", [])
    extra = sorted(set(document) - {"hook"})
    if extra or not isinstance(tables, list) or not tables:
        raise WatchFileError(f"{path}:1: hooks are [[hook]] tables (found {extra or 'none'})")
    lines = text.splitlines()
    starts = [n for n, line in enumerate(lines) if re.match(r"^\s*\[\[\s*hook\s*\]\]", line)]
    hooks, seen = [], set()
    for index, table in enumerate(tables):
        start = starts[index] if index < len(starts) else 0
        try:
            hook = Hook.model_validate(table)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = str(error["loc"][0]) if error["loc"] else "?"
            line = next(
                (
                    n + 1
                    for n in range(start, len(lines))
                    if re.match(rf"^\s*{field}\s*=", lines[n])
                ),
                start + 1,
            )
            message = str(error["msg"]).removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown field"
            raise WatchFileError(f"{path}:{line}: field {field!r}: {message}") from None
        if hook.id in seen:
            raise WatchFileError(f"{path}:{start + 1}: hook id {hook.id!r} is used twice")
        seen.add(hook.id)
        hooks.append(hook)
    return hooks
