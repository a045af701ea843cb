"""One schema registry for every package's tables, with numbered upgrade steps.

Each package declares a `Component`: its name and the steps that build its tables, step n
lifting the component from version n - 1 to n (step 1 creates the first tables). The
application lists its components in one `SchemaRegistry` and applies them when it opens the
database, once, under the schema lock, in one transaction: concurrent openers upgrade once and a
failed step leaves every component at its old version. Never in a constructor.

The versions are kept in `schema_components` (component, version). A database made before the
registry existed has no such table: each component's `adopt` reads the version the old layout
implies (for the log, its `schema_info` row; for other tables, whether they exist), so the
steps already done there are not run again. Steps may add tables, columns, indexes and
triggers, never rewrite an event. A database whose component is newer than this program knows
is refused with `SchemaVersionError`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, select

from events.db import Database
from events.errors import SchemaVersionError

registry_metadata = MetaData()
schema_components = Table(
    "schema_components",
    registry_metadata,
    Column("component", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
)

StepFunction = Callable[[Connection, Database], None]
Adopt = Callable[[Connection], int]


@dataclass(frozen=True, slots=True)
class Step:
    """One upgrade of a component: `describe` says what it changes (for `osint db status`)."""

    describe: str
    apply: StepFunction


def _nothing_to_adopt(_conn: Connection) -> int:
    return 0


@dataclass(frozen=True, slots=True)
class Component:
    """A package's tables: `steps[n - 1]` lifts it from version n - 1 to n."""

    name: str
    steps: tuple[Step, ...]
    adopt: Adopt = _nothing_to_adopt

    @property
    def version(self) -> int:
        return len(self.steps)


@dataclass(frozen=True, slots=True)
class ComponentStatus:
    name: str
    version: int  # what the database holds (0: not created yet)
    target: int  # what this program knows
    pending: tuple[str, ...]  # the descriptions of the steps still to apply

    @property
    def current(self) -> bool:
        return self.version == self.target

    def to_dict(self) -> dict[str, object]:
        return {
            "component": self.name,
            "version": self.version,
            "target": self.target,
            "pending": list(self.pending),
        }


class SchemaRegistry:
    """The components of one application, applied together."""

    def __init__(self, components: Sequence[Component]) -> None:
        names = [c.name for c in components]
        if len(set(names)) != len(names):
            raise ValueError(f"components named twice: {names}")
        self.components = tuple(components)

    def status(self, db: Database) -> list[ComponentStatus]:
        """Each component's stored and known version, without changing anything."""
        with db.connect() as conn:
            stored = _stored_versions(conn, self.components)
        return [self._status(c, stored[c.name]) for c in self.components]

    def upgrade(self, db: Database) -> list[ComponentStatus]:
        """Apply every pending step (none when all are current: one read); return what was
        pending before. `SchemaVersionError` if the database is newer than this program."""
        before = self.status(db)
        self._refuse_newer(db, before)
        if all(s.current for s in before):
            return before
        with db.transaction() as conn:
            db.lock_schema(conn)
            # Another process may have upgraded while we waited for the lock: read again.
            stored = _stored_versions(conn, self.components)
            before = [self._status(c, stored[c.name]) for c in self.components]
            self._refuse_newer(db, before)
            registry_metadata.create_all(conn)
            for component, status in zip(self.components, before, strict=True):
                for step in component.steps[status.version :]:
                    step.apply(conn, db)
            # Every component, adopted ones too: from now on the table is the only record.
            db.upsert(
                conn,
                schema_components,
                [{"component": c.name, "version": c.version} for c in self.components],
                key=["component"],
                update=["version"],
            )
        return before

    @staticmethod
    def _status(component: Component, version: int) -> ComponentStatus:
        pending = tuple(s.describe for s in component.steps[version:])
        return ComponentStatus(component.name, version, component.version, pending)

    @staticmethod
    def _refuse_newer(db: Database, statuses: Sequence[ComponentStatus]) -> None:
        for s in statuses:
            if s.version > s.target:
                raise SchemaVersionError(
                    f"database {db.where} was made by a newer version of osint ({s.name}"
                    f" schema version {s.version}; this program knows up to {s.target}):"
                    " upgrade osint to open it"
                )


def _stored_versions(conn: Connection, components: Sequence[Component]) -> dict[str, int]:
    stored: dict[str, int] = {}
    if conn.dialect.has_table(conn, schema_components.name):
        stored = {
            name: int(version)
            for name, version in conn.execute(
                select(schema_components.c.component, schema_components.c.version)
            )
        }
    return {c.name: stored[c.name] if c.name in stored else c.adopt(conn) for c in components}
