"""The command context: settings resolved once, the store opened lazily and closed at exit."""

from __future__ import annotations

from dataclasses import dataclass, field

import click

from events import EventStore
from osint.wiring import open_store


@dataclass
class AppContext:
    db_url: str
    _store: EventStore | None = field(default=None, repr=False)

    def store(self) -> EventStore:
        """Open the log on first use, so commands that fail on their arguments write nothing."""
        if self._store is None:
            self._store = open_store(self.db_url)
            click.get_current_context().call_on_close(self._store.close)
        return self._store


pass_app = click.make_pass_decorator(AppContext)
