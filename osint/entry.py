"""The `osint` program's entry point: Ctrl-C becomes one line from the very first moment.

Python's own Ctrl-C (KeyboardInterrupt) has two faults here: pressed while the command line is
still importing it prints a traceback, and once caught it can still end the process with a
signal instead of our exit status (CPython remembers a KeyboardInterrupt that passed through
any `exec` of generated code, as SQLAlchemy and dataclasses do). So SIGINT raises `CtrlC`, a
`BaseException` no library catches, before anything heavy is imported.
"""

from __future__ import annotations

import signal
import sys
from types import FrameType

INTERRUPTED = "interrupted: nothing was half-written (the batch in progress was rolled back)"
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells expect


class CtrlC(BaseException):
    """SIGINT, raised where the program was."""


def _raise_ctrl_c(_signum: int, _frame: FrameType | None) -> None:
    raise CtrlC


def main() -> None:
    signal.signal(signal.SIGINT, _raise_ctrl_c)
    try:
        from osint.cli import main as run

        run()
    except CtrlC:
        print(f"Error: {INTERRUPTED}", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)
