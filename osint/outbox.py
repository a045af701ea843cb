"""Alerts: changes of estimates found in the log, queued for webhooks, delivered at least once.

The watcher reads the changes after its checkpoint (`projections.changes`) and, in one
transaction, queues one delivery per matching hook and moves its checkpoint: a change is never
lost between finding and sending, whatever happens to the process or the receivers. Delivery
is separate: each due delivery is POSTed with its change's id as `Idempotency-Key` (the same
id every time it is retried, so a receiver tells a retry from a new change) and, when the hook
has a secret, an HMAC-SHA256 of the body in `X-Osint-Signature`. A failure (an error status,
a refused connection, a timeout) waits longer each time, up to the hook's `max_backoff`; a
dead receiver only grows its own queue. The projector is another loop again, so nothing here
can stop it.

Operational state, not history: the tables are this command's own schema component.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass

import httpx
import orjson
from sqlalchemy import (
    Column,
    Connection,
    Double,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    select,
    update,
)

from events import Component, Database, EventStore, Step
from osint.hooks import Hook
from projections.changes import Change, changes_after
from projections.state import active_generation

DELIVER_BATCH = 50

outbox_metadata = MetaData()
watch_state = Table(
    "watch_state",
    outbox_metadata,
    Column("name", String(64), primary_key=True),
    Column("position", Integer, nullable=False),
)
deliveries = Table(
    "webhook_deliveries",
    outbox_metadata,
    Column("change_id", String(32), primary_key=True),
    Column("hook_id", String(64), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("body", Text, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("next_try", Double, nullable=False),
    Column("delivered_at", Double),
    Column("last_error", Text),
)


def _create(conn: Connection, _db: Database) -> None:
    outbox_metadata.create_all(conn)


COMPONENT = Component(
    "alerts",
    (Step("watch_state, webhook_deliveries: found changes and their deliveries", _create),),
)


@dataclass(frozen=True, slots=True)
class Delivered:
    sent: int
    failed: int


class Watcher:
    """Finds changes after its checkpoint and queues them for its hooks."""

    def __init__(self, store: EventStore, name: str, hooks: Sequence[Hook]) -> None:
        self.store = store
        self.db = store.db
        self.name = name
        self.hooks = list(hooks)

    def checkpoint(self) -> int | None:
        with self.db.connect() as conn:
            value = conn.execute(
                select(watch_state.c.position).where(watch_state.c.name == self.name)
            ).scalar()
        return None if value is None else int(value)

    def start_at(self, position: int) -> None:
        """Begin (or begin again) after `position`."""
        with self.db.transaction() as conn:
            self.db.upsert(
                conn,
                watch_state,
                [{"name": self.name, "position": position}],
                ["name"],
                ["position"],
            )

    def views_position(self) -> int:
        """How far the figures view has come: changes can be found up to there."""
        with self.db.connect() as conn:
            gen = active_generation(conn, "figures")
        return gen.position if gen else 0

    def step(self, now: float | None = None) -> list[Change]:
        """Find the changes from the checkpoint to where the views are, queue them, move on."""
        start = self.checkpoint() or 0
        found: list[Change] = []
        last = start
        for position, changes in changes_after(self.store, start):
            found += changes
            last = position
        if last == start:
            return []
        moment = time.time() if now is None else now
        rows = [
            {
                "change_id": change.change_id,
                "hook_id": hook.id,
                "position": change.position,
                "body": orjson.dumps({**change.to_dict(), "hook": hook.id}).decode(),
                "attempts": 0,
                "next_try": moment,
                "delivered_at": None,
                "last_error": None,
            }
            for change in found
            for hook in self.hooks
            if hook.wants(change.topic, change.kind)
        ]
        with self.db.transaction() as conn:
            moved = conn.execute(
                update(watch_state)
                .where((watch_state.c.name == self.name) & (watch_state.c.position == start))
                .values(position=last)
            )
            if moved.rowcount != 1:
                return []  # another watcher of this name moved on meanwhile: its changes
            self.db.upsert(conn, deliveries, rows, ["change_id", "hook_id"])
        return found

    def next_due(self) -> float | None:
        """When the earliest undelivered delivery is due (None: nothing queued)."""
        with self.db.connect() as conn:
            value = conn.execute(
                select(func.min(deliveries.c.next_try)).where(deliveries.c.delivered_at.is_(None))
            ).scalar()
        return None if value is None else float(value)

    def deliver(self, client: httpx.Client, now: float | None = None) -> Delivered:
        """POST every due delivery once; a failure is tried again later, longer each time."""
        moment = time.time() if now is None else now
        by_id = {h.id: h for h in self.hooks}
        with self.db.connect() as conn:
            due = (
                conn.execute(
                    select(deliveries)
                    .where(deliveries.c.delivered_at.is_(None) & (deliveries.c.next_try <= moment))
                    .order_by(deliveries.c.position, deliveries.c.change_id)
                    .limit(DELIVER_BATCH)
                )
                .mappings()
                .all()
            )
        sent = failed = 0
        for row in due:
            hook = by_id.get(row["hook_id"])
            if hook is None:
                continue  # a hook no longer in the watch file: its queue waits for it
            error = _post(client, hook, row["change_id"], row["body"])
            with self.db.transaction() as conn:
                key = (deliveries.c.change_id == row["change_id"]) & (
                    deliveries.c.hook_id == row["hook_id"]
                )
                if error is None:
                    conn.execute(
                        update(deliveries)
                        .where(key)
                        .values(
                            delivered_at=time.time(), attempts=row["attempts"] + 1, last_error=None
                        )
                    )
                    sent += 1
                else:
                    attempts = row["attempts"] + 1
                    wait = min(hook.max_backoff, 2.0 ** (attempts - 1)) * random.uniform(0.8, 1.2)
                    conn.execute(
                        update(deliveries)
                        .where(key)
                        .values(
                            attempts=attempts, next_try=time.time() + wait, last_error=error[:500]
                        )
                    )
                    failed += 1
        return Delivered(sent, failed)


def signature(key: bytes, body: bytes) -> str:
    """`X-Osint-Signature`: `sha256=` and the HMAC-SHA256 of the body, in hex."""
    return "sha256=" + hmac.new(key, body, hashlib.sha256).hexdigest()


def _post(client: httpx.Client, hook: Hook, change_id: str, body: str) -> str | None:
    """None when the receiver took it (2xx); else what went wrong, in one line."""
    data = body.encode()
    headers = {"Content-Type": "application/json", "Idempotency-Key": change_id}
    key = hook.signing_key()
    if key is not None:
        headers["X-Osint-Signature"] = signature(key, data)
    try:
        response = client.post(hook.url, content=data, headers=headers, timeout=hook.timeout)
    except httpx.HTTPError as exc:
        return f"{type(exc).__name__}: {exc}".splitlines()[0]
    if 200 <= response.status_code < 300:
        return None
    return f"HTTP {response.status_code}"
