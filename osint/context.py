"""The command context: settings resolved once, the store opened lazily and closed at exit."""

from __future__ import annotations

from dataclasses import dataclass, field

import click

from events import EventStore
from osint.wiring import open_store, runner_for
from projections.runner import ProjectionRunner


@dataclass
class AppContext:
    db_url: str
    workers: int | None = None
    _store: EventStore | None = field(default=None, repr=False)

    def store(self, *, create: bool = True) -> EventStore:
        """Open the log on first use, so commands that fail on their arguments write nothing.
        Commands that only read pass `create=False`: no new empty database for a typo."""
        if self._store is None:
            self._store = open_store(self.db_url, create=create)
            click.get_current_context().call_on_close(self._store.close)
        return self._store

    def runner(self) -> ProjectionRunner:
        return runner_for(self.store(), self.workers)


pass_app = click.make_pass_decorator(AppContext)
