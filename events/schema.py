"""The log's tables. Payload and metadata are TEXT holding canonical JSON, never a JSON column
type: a database that normalises JSON (PostgreSQL's jsonb) would change the hashed bytes."""

from __future__ import annotations

import secrets

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    inspect,
    select,
    update,
)

from events.db import Database
from events.migrations import Component, Step

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

# One row that every PostgreSQL append locks first (`SELECT … FOR UPDATE`), which serialises
# writers and makes positions gap-free and commit-ordered. Until schema step 7 it also held the
# last position and hash; the head now lives in the tree's last row (`tree_nodes.head_hash`), so
# an append writes one row fewer.
log_head = Table(
    "log_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
)

# Before the schema registry, the log's version; kept so older programs refuse this database.
schema_info = Table(
    "schema_info",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("version", Integer, nullable=False),
)

# The Merkle tree over the log (events/tree.py): one row per append, holding, for each of its
# `leaves` leaves from `first_leaf` (= position - 1), the leaf hash and the hashes of the
# complete subtrees that leaf finishes, 32 bytes each. `head_hash` is the chain hash of the
# row's last event: the last row is the log's head (position `first_leaf + leaves`), which
# `verify` compares the recomputed chain with. Nullable only because step 7 adds it to tables
# that already have rows; that step fills every row.
tree_metadata = MetaData()
tree_nodes = Table(
    "tree_nodes",
    tree_metadata,
    Column(
        "first_leaf",
        BigInteger().with_variant(Integer, "sqlite"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("leaves", Integer, nullable=False),
    Column("hashes", LargeBinary, nullable=False),
    Column("head_hash", String(64)),
)

# Signed checkpoints (events/checkpoints.py), append-only, and the log's random id, from which
# the default origin line of its checkpoints is made.
checkpoint_metadata = MetaData()
log_identity = Table(
    "log_identity",
    checkpoint_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("log_id", String(32), nullable=False),
)
checkpoints = Table(
    "checkpoints",
    checkpoint_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tree_size", BigInteger, nullable=False),
    Column("root_hash", String(64), nullable=False),
    Column("signed_at", String(32), nullable=False),
    Column("note", Text, nullable=False),
)

# Raw captures (events/captures.py): the bytes a reader used, content-addressed. A body is
# stored once however many captures share it; a capture's record (status, headers, final URL,
# address, times, body digest) is canonical JSON, keyed by its SHA-256.
capture_metadata = MetaData()
capture_bodies = Table(
    "capture_bodies",
    capture_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("body", LargeBinary, nullable=False),
)
captures = Table(
    "captures",
    capture_metadata,
    Column("sha256", String(64), primary_key=True),
    Column("body_sha256", String(64), nullable=False),
    Column("record", Text, nullable=False),
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


def _create_log(conn: Connection, db: Database) -> None:
    metadata.create_all(conn)
    conn.execute(insert(schema_info).values(id=1, version=1))
    conn.execute(insert(log_head).values(id=1))
    db.dialect.install_triggers(conn)


def _install_triggers(conn: Connection, db: Database) -> None:
    """Every trigger statement is idempotent: installing them again adds the new one."""
    db.dialect.install_triggers(conn)


def _retire_schema_info(conn: Connection, db: Database) -> None:
    """From here the registry keeps the version; `schema_info` says 3, which every older osint
    (that knew up to 2) refuses as "made by a newer version"."""
    conn.execute(update(schema_info).where(schema_info.c.id == 1).values(version=LEGACY_VERSION))


LEGACY_VERSION = 3


def _build_tree(conn: Connection, db: Database) -> None:
    """The tree table, refusing UPDATE and DELETE, built for every event already stored (one
    page at a time: constant memory)."""
    from events.tree import backfill

    tree_metadata.create_all(conn)
    db.dialect.refuse_changes(conn, tree_nodes.name)
    backfill(conn, db)


def _create_checkpoints(conn: Connection, db: Database) -> None:
    checkpoint_metadata.create_all(conn)
    db.dialect.refuse_changes(conn, checkpoints.name)
    conn.execute(insert(log_identity).values(id=1, log_id=secrets.token_hex(8)))


def _create_captures(conn: Connection, db: Database) -> None:
    capture_metadata.create_all(conn)
    for table in (capture_bodies, captures):
        db.dialect.refuse_changes(conn, table.name)


def _head_in_tree(conn: Connection, db: Database) -> None:
    """Every tree row records the chain hash of its last event, taken from that event (a tree
    made by step 4 with this program already has them); `log_head` keeps only its id, the
    row PostgreSQL appends lock. The refusing triggers are off only inside this transaction."""
    inspector = inspect(conn)
    if "head_hash" not in {c["name"] for c in inspector.get_columns(tree_nodes.name)}:
        conn.exec_driver_sql("ALTER TABLE tree_nodes ADD COLUMN head_hash VARCHAR(64)")
    db.dialect.allow_changes(conn, tree_nodes.name)
    conn.exec_driver_sql(
        "UPDATE tree_nodes SET head_hash = (SELECT hash FROM events"
        " WHERE events.position = tree_nodes.first_leaf + tree_nodes.leaves)"
        " WHERE head_hash IS NULL"
    )
    db.dialect.refuse_changes(conn, tree_nodes.name)
    stale = {c["name"] for c in inspector.get_columns(log_head.name)} & {"position", "hash"}
    for column in sorted(stale):
        conn.exec_driver_sql(f"ALTER TABLE log_head DROP COLUMN {column}")


def _adopt(conn: Connection) -> int:
    """A log made before the registry: `schema_info` holds its version (1 or 2)."""
    if not conn.dialect.has_table(conn, "schema_info"):
        return 0
    value = conn.execute(select(schema_info.c.version).where(schema_info.c.id == 1)).scalar()
    return int(value or 0)


COMPONENT = Component(
    "events",
    (
        Step("the log: events, log_head, triggers refusing UPDATE and DELETE", _create_log),
        Step("the insert trigger that wakes followers (LISTEN/NOTIFY)", _install_triggers),
        Step("versions kept by the schema registry; schema_info retired", _retire_schema_info),
        Step("the Merkle tree over the log (tree_nodes), built for the events stored", _build_tree),
        Step("signed checkpoints (append-only) and the log's random id", _create_checkpoints),
        Step("raw captures: bodies and records, content-addressed, append-only", _create_captures),
        Step("the log's head kept in the tree's last row; log_head only a lock", _head_in_tree),
    ),
    _adopt,
)
