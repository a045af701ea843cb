"""A progress bar on stderr for long runs; silent for short ones and when not on a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

LONG_RUN = 2_000


@contextmanager
def progress_bar(
    label: str, total: int, long_run: int = LONG_RUN
) -> Iterator[Callable[[int], None]]:
    """`long_run`: the fewest items worth a bar (events are quick; files and pages are not)."""
    console = Console(stderr=True)
    if total < long_run or not console.is_terminal:
        yield lambda _n: None
        return
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)
