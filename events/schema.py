"""The log's tables. Payload and metadata are TEXT holding canonical JSON, never a JSON column
type: a database that normalises JSON (PostgreSQL's jsonb) would change the hashed bytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# The version of the tables below. A database records the version that made it (`schema_info`);
# opening an older one runs the steps in `UPGRADES` in order, and a newer one is refused.
SCHEMA_VERSION = 2

metadata = MetaData()

events = Table(
    "events",
    metadata,
    # On SQLite, INTEGER PRIMARY KEY makes the position the rowid: no second index to maintain.
    Column(
        "position",
        BigInteger().with_variant(Integer, "sqlite"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("event_id", String(36), nullable=False, unique=True),
    Column("stream_id", Text, nullable=False),
    Column("stream_version", Integer, nullable=False),
    Column("type", String(100), nullable=False),
    Column("schema_version", Integer, nullable=False),
    Column("recorded_at", String(32), nullable=False),
    Column("payload", Text, nullable=False),
    Column("metadata", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("stream_id", "stream_version", name="uq_events_stream_version"),
)

# One row: the last position and hash. Every append locks it first, which serialises writers and
# makes positions gap-free and commit-ordered.
log_head = Table(
    "log_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("position", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
)

schema_info = Table(
    "schema_info",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),
)

EVENT_COLUMNS = (
    "position",
    "event_id",
    "stream_id",
    "stream_version",
    "type",
    "schema_version",
    "recorded_at",
    "payload",
    "metadata",
    "prev_hash",
    "hash",
)


if TYPE_CHECKING:
    from events.dialects import Dialect


def _v1_to_v2(conn: Connection, dialect: Dialect) -> None:
    """Version 2 added the PostgreSQL insert trigger that wakes followers (LISTEN/NOTIFY);
    installing the triggers again adds it (every trigger statement is idempotent)."""
    dialect.install_triggers(conn)


# UPGRADES[n] lifts a database from schema version n to n + 1. Steps run in order, in one
# transaction under the schema lock, so concurrent openers upgrade once and a failed step leaves
# the database at its old version. They may add tables, columns, indexes and triggers, never
# rewrite an event.
UPGRADES: dict[int, Callable[[Connection, Dialect], None]] = {1: _v1_to_v2}
