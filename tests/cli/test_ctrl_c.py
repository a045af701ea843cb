"""Ctrl-C ends the program with one line even where Python cannot raise it.

A SIGINT that arrives while the import system runs a weakref callback (or while any `__del__`
runs) becomes an "Exception ignored" message and the program carries on: the demo of issue 13
saw `osint project` print that traceback and then finish the whole projection with exit 0. The
program below drops a Ctrl-C in exactly that way, deterministically, inside `__del__`.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.reliability.harness import osint_env

DROPPED_IN_DEL = textwrap.dedent(
    """
    import os, signal, time
    from osint.entry import run_interruptible

    class PressesCtrlCWhenCollected:
        def __del__(self):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # the handler runs here, inside __del__, and its exception is dropped

    def program():
        PressesCtrlCWhenCollected()
        for _ in range(100):
            time.sleep(0.05)
        print("carried on to the end")

    run_interruptible(program)
    """
)


def test_a_ctrl_c_python_drops_is_raised_again_and_ends_the_program() -> None:
    done = subprocess.run(
        [sys.executable, "-c", DROPPED_IN_DEL],
        env=osint_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 130, done.stderr
    assert "carried on" not in done.stdout
    assert done.stderr.splitlines() == [
        "Error: interrupted: nothing was half-written (the batch in progress was rolled back)"
    ]


def test_other_dropped_exceptions_are_still_reported() -> None:
    program = DROPPED_IN_DEL.replace(
        "os.kill(os.getpid(), signal.SIGINT)", "raise ValueError('from __del__')"
    ).replace("range(100)", "range(2)")
    done = subprocess.run(
        [sys.executable, "-c", program], env=osint_env(), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout == "carried on to the end\n"
    assert "ValueError: from __del__" in done.stderr
