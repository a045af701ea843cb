"""Running `osint` as a user does: a real subprocess in a folder of real files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def osint(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "osint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def poll_once(cwd: Path, sources: str = "sources.toml") -> subprocess.CompletedProcess[str]:
    """`osint ingest --sources FILE --once` into `log.db` beside the sources file."""
    return osint(
        "--db", f"sqlite:///{cwd / 'log.db'}", "ingest", "--sources", sources, "--once", cwd=cwd
    )
