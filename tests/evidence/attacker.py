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


def rechain(store: EventStore, conn: Connection) -> None:
    """Recompute every row's prev_hash and hash, and the head the tree's last row records,
    from the rows as they now are: what an attacker does so that `osint verify` passes again."""
    from sqlalchemy import select, update

    from events.chain import GENESIS_HASH, header_tail, link
    from events.schema import events, tree_nodes

    prev = bytes.fromhex(GENESIS_HASH)
    position = 0
    for row in conn.execute(select(events).order_by(events.c.position)).mappings().all():
        tail = header_tail(
            row["type"], row["schema_version"], row["recorded_at"], row["metadata"].encode()
        )
        digest = link(
            prev,
            row["position"],
            row["event_id"],
            row["stream_id"],
            row["stream_version"],
            tail,
            row["payload"].encode(),
        )
        conn.execute(
            update(events)
            .where(events.c.position == row["position"])
            .values(prev_hash=prev.hex(), hash=digest.hex())
        )
        prev, position = digest, row["position"]
    last = conn.execute(
        select(tree_nodes.c.first_leaf).order_by(tree_nodes.c.first_leaf.desc()).limit(1)
    ).scalar()
    if last is not None:
        conn.execute(
            update(tree_nodes)
            .where(tree_nodes.c.first_leaf == last)
            .values(leaves=position - last, head_hash=prev.hex())
        )


def rewrite_payload(store: EventStore, conn: Connection, position: int, old: str, new: str) -> None:
    from sqlalchemy import select, update

    from events.schema import events

    payload = conn.execute(
        select(events.c.payload).where(events.c.position == position)
    ).scalar_one()
    assert old in payload, payload
    conn.execute(
        update(events)
        .where(events.c.position == position)
        .values(payload=payload.replace(old, new, 1))
    )


def truncate(store: EventStore, conn: Connection, keep: int) -> None:
    """Delete the events after `keep` and the tree rows of their leaves."""
    from sqlalchemy import delete

    from events.schema import events, tree_nodes

    conn.execute(delete(events).where(events.c.position > keep))
    conn.execute(delete(tree_nodes).where(tree_nodes.c.first_leaf >= keep))


def rebuild_tree(store: EventStore, conn: Connection) -> None:
    """Throw the stored tree away and build it again from the (rewritten) events."""
    from sqlalchemy import delete

    from events.schema import tree_nodes
    from events.tree import backfill

    conn.execute(delete(tree_nodes))
    backfill(conn, store.db)
