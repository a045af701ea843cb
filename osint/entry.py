"""The `osint` program's entry point: Ctrl-C becomes one line from the very first moment.

Python's own Ctrl-C (KeyboardInterrupt) has two faults here: pressed while the command line is
still importing it prints a traceback, and once caught it can still end the process with a
signal instead of our exit status (CPython remembers a KeyboardInterrupt that passed through
any `exec` of generated code, as SQLAlchemy and dataclasses do). So SIGINT raises `CtrlC`, a
`BaseException` no library catches, before anything heavy is imported.

Python also drops an exception raised where it cannot be propagated: a Ctrl-C that lands in a
weakref callback of the import system (or a `__del__`) is printed as "Exception ignored" and the
program carries on. So when Python reports a `CtrlC` it could not raise (`sys.unraisablehook`),
a timer raises it again a moment later, where the program has got to; a `CtrlC` that propagates
is never repeated, so clean-up in `finally` blocks runs undisturbed.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

INTERRUPTED = "interrupted: nothing was half-written (the batch in progress was rolled back)"
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells expect


class CtrlC(BaseException):
    """SIGINT, raised where the program was."""


_RETRY_SECONDS = 0.01
_report_unraisable = sys.unraisablehook


def _raise_ctrl_c(_signum: int, _frame: FrameType | None) -> None:
    raise CtrlC


def _retry_dropped_ctrl_c(unraisable: Any) -> None:
    if unraisable.exc_type is CtrlC:
        signal.setitimer(signal.ITIMER_REAL, _RETRY_SECONDS)
    else:
        _report_unraisable(unraisable)


def run_interruptible(program: Callable[[], object]) -> None:
    """Run `program`; a Ctrl-C at any moment ends it with one line and exit status 130."""
    signal.signal(signal.SIGALRM, _raise_ctrl_c)
    signal.signal(signal.SIGINT, _raise_ctrl_c)
    sys.unraisablehook = _retry_dropped_ctrl_c
    try:
        program()
    except CtrlC:
        print(f"Error: {INTERRUPTED}", file=sys.stderr)
        sys.exit(EXIT_INTERRUPTED)


def _command_line() -> None:
    import logging

    from osint.cli import main as run

    # When PostgreSQL drops a connection, the command already says so in one line
    # (StoreUnavailable); SQLAlchemy's pool then fails to roll the dead connection back as it
    # is returned and logs that with a traceback ("Exception during reset or similar"), which
    # Python's last-resort handler prints on stderr. It says nothing the line did not.
    pool = logging.getLogger("sqlalchemy.pool")
    pool.addHandler(logging.NullHandler())
    pool.propagate = False
    run()


def main() -> None:
    run_interruptible(_command_line)
