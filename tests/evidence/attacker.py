"""The attacker's moves: someone with write access to the database, who switches the
append-only triggers off and rewrites what they like."""

from __future__ import annotations

from sqlalchemy import Connection

from events import EventStore

GUARDED = ("events", "tree_nodes", "checkpoints", "captures", "capture_bodies")


def unguard(store: EventStore, conn: Connection) -> None:
    """Switch every append-only trigger off inside this transaction."""
    for table in GUARDED:
        if not conn.dialect.has_table(conn, table):
            continue
        if store.db.backend == "sqlite":
            for verb in ("update", "delete"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_refuse_{verb}")
        else:
            conn.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER USER")
