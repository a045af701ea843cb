"""The event store: the log's contract, on any dialect that `events.dialects` knows.

Promises (DESIGN.md, "The log"): gap-free positions in commit order, atomic batches, idempotent
event ids, expected-version checks, immutability enforced by triggers, a SHA-256 hash chain,
streaming reads in constant memory and upcasting on read.
"""

from __future__ import annotations

import hashlib
import struct
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, Select, bindparam, func, select
from sqlalchemy import exc as sa_exc

from events import merkle
from events.chain import GENESIS_HASH, Tails, header_tail, link, link_encoded
from events.db import Database
from events.entry import entry_tail
from events.envelope import NewEvent, StoredEvent
from events.errors import (
    ConcurrencyError,
    EventStoreError,
    IdempotencyConflict,
    StoreUnavailable,
)
from events.migrations import SchemaRegistry
from events.schema import COMPONENT, EVENT_COLUMNS, events
from events.tree import HEAD_SQL, TreeWriter
from events.upcasting import UpcasterRegistry, default_upcasters

PAGE_SIZE = 1000


_second: tuple[int, str] = (-1, "")


def utc_now() -> str:
    """The log's timestamp format: fixed width, so text order is time order.

    The text up to the second is made once a second: `strftime` on every call was 3 % of a
    one-event append."""
    global _second
    seconds, nanos = divmod(time.time_ns(), 1_000_000_000)
    if _second[0] != seconds:
        made = datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.")
        _second = (seconds, made)
    return f"{_second[1]}{nanos // 1000:06d}Z"


# An event with its canonical payload and metadata bytes.
_Encoded = tuple[NewEvent, bytes, bytes]
_SORTED = orjson.OPT_SORT_KEYS
_dumps = orjson.dumps
_loads = orjson.loads
# Ids per IN (…) list: well under SQLite's parameter limit, small enough for one plan.
_IN_CHUNK = 500
_sha256 = hashlib.sha256
_u32 = struct.Struct(">I").pack
# How many streams' last versions an EventStore remembers before it starts again.
_KNOWN_STREAMS = 100_000
# The head of a store built without the tree (a benchmark's): the last event itself.
_EVENTS_HEAD_SQL = "SELECT position, hash FROM events ORDER BY position DESC LIMIT 1"
_Head = tuple[int, str]


class _Collision(Exception):
    """The fast path hit a unique index: retry on the careful path."""


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of walking the chain. `first_bad_position` names where it breaks."""

    ok: bool
    checked: int
    head_position: int
    first_bad_position: int | None = None
    reason: str | None = None


def _page_sql(param: str) -> str:
    # No upper bound in SQL: with one, PostgreSQL (before ANALYZE) misjudged the range and
    # sorted the whole tail of the log for every page. `_within` trims the page instead.
    return (
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events"
        f" WHERE position > {param} ORDER BY position LIMIT {param}"
    )


def _within(rows: list[Any], until: int | None) -> tuple[list[Any], bool]:
    """The rows at or before `until`, and whether any were cut (the end of the range)."""
    if until is None or not rows or rows[-1][0] <= until:
        return rows, False
    keep = [row for row in rows if row[0] <= until]
    return keep, True


@dataclass(frozen=True, slots=True)
class CheckedEvent:
    """One stored event and its place in the chain, re-checked from the stored bytes: its hash
    recomputed (`recomputed`, `hash_ok`) and its `prev_hash` compared with the hash of the row
    before it (`previous_hash`, `link_ok`). What an audit shows beside a figure."""

    event: StoredEvent
    recomputed: str
    previous_hash: str | None

    @property
    def hash_ok(self) -> bool:
        return self.recomputed == self.event.hash

    @property
    def link_ok(self) -> bool:
        return self.event.prev_hash == self.previous_hash


def _last_in_streams() -> Select[Any]:
    """The newest event of each of the streams in `stream_ids` (an expanding parameter).

    Built once: every poll that fetched something asks it, and building and keying the
    statement anew cost about as much CPU as running it."""
    newest = (
        select(events.c.stream_id, func.max(events.c.stream_version).label("v"))
        .where(events.c.stream_id.in_(bindparam("stream_ids", expanding=True)))
        .group_by(events.c.stream_id)
        .subquery()
    )
    return select(*events.c).join(
        newest,
        (events.c.stream_id == newest.c.stream_id) & (events.c.stream_version == newest.c.v),
    )


_LAST_IN_STREAMS = _last_in_streams()


class EventStore:
    """Append-only, idempotent, ordered and hash-chained log of events, on a `Database`.

    The schema is the registry's business (`events.migrations`): a store expects its tables to
    exist. `EventStore.open` is the shortcut for using the log alone (tests, scripts): it opens
    the database and applies the log's own component."""

    def __init__(
        self, db: Database, upcasters: UpcasterRegistry | None = None, *, tree: bool = True
    ) -> None:
        """`tree=False` appends without maintaining the Merkle tree: only for the benchmark
        that measures what the tree costs (such a log has no tree to prove anything with)."""
        self.db = db
        self.upcasters = upcasters or default_upcasters
        self._page_sql = _page_sql(db.dialect.param)
        self._tree = TreeWriter(db.dialect.param) if tree else None
        self._head_sql = HEAD_SQL if tree else _EVENTS_HEAD_SQL
        self._dbapi = db.engine.dialect.loaded_dbapi
        # The head this store's last append committed, where the dialect lets an append start
        # from it without reading (`LogDialect.guesses_head`); None when unknown.
        self._head: _Head | None = None
        # The last version this process wrote to each stream (bounded): an append with no
        # expected version guesses the next one from it (1 for a stream it has not seen)
        # instead of asking, and the unique (stream_id, stream_version) index refuses a wrong
        # guess, which sends the append down the careful path. Versions only grow, so a guess
        # is never above the right one: it is right, or it collides.
        self._last_versions: dict[str, int] = {}
        self._written: dict[str, int] = {}

    @classmethod
    def open(cls, url: str, upcasters: UpcasterRegistry | None = None) -> EventStore:
        db = Database.open(url)
        SchemaRegistry([COMPONENT]).upgrade(db)
        return cls(db, upcasters)

    def close(self) -> None:
        self.db.close()

    # -- append ------------------------------------------------------------------------------

    def append(
        self,
        batch: Sequence[NewEvent],
        expected_versions: Mapping[str, int] | None = None,
    ) -> list[int]:
        """Append `batch` whole or not at all; return each event's position, in batch order.

        `expected_versions` maps a stream to the version it must be at (0: must not exist yet).
        An event whose id is already stored with the same content is not appended again: its
        stored position is returned. The same id with other content is `IdempotencyConflict`.
        """
        if not batch:
            return []
        encoded = [
            (e, _dumps(e.payload, option=_SORTED), _dumps(e.metadata, option=_SORTED))
            for e in batch
        ]
        if len(batch) > 1 and len({e.event_id for e in batch}) != len(batch):
            _refuse_duplicate_ids(batch)
        expected = dict(expected_versions) if expected_versions else {}
        guess = self._head if self.db.dialect.guesses_head else None
        if guess is not None:
            try:
                return self._append_once(encoded, expected, False, guess)
            except _Collision:
                # Another process may have appended since our last append (its rows hold the
                # positions we guessed): try again from the head as stored.
                pass
        try:
            return self._append_once(encoded, expected, False, None)
        except _Collision:
            # An id (or a stream version) is already stored: a retry, a concurrent run of the
            # same source, or a stream assumed new that is not. Take the careful path, which
            # compares contents and reads every stream's version.
            return self._append_once(encoded, expected, True, None)

    def _append_once(
        self,
        encoded: list[_Encoded],
        expected: dict[str, int],
        check_existing: bool,
        guess: _Head | None,
    ) -> list[int]:
        """One transaction. `guess`: the head to start from instead of reading it."""
        db = self.db
        dbapi = self._dbapi
        self._head = None  # known again only once this attempt has committed
        try:
            with db.dialect.raw_write(db.engine) as cursor:
                positions, frontier, head = self._append_locked(
                    cursor, encoded, expected, check_existing, guess
                )
        except EventStoreError:
            if self._tree is not None:
                self._tree.forget()
            raise
        except sa_exc.DBAPIError as exc:
            raise StoreUnavailable(db.describe(exc)) from exc
        except dbapi.Error as exc:
            if self._tree is not None:
                self._tree.forget()
            if isinstance(exc, dbapi.IntegrityError) and not check_existing:
                raise _Collision from exc
            raise StoreUnavailable(db.describe(exc)) from exc
        self._head = head
        if frontier is not None and self._tree is not None:
            self._tree.committed(frontier)
        known = self._last_versions
        if len(known) > _KNOWN_STREAMS:
            known.clear()
        known.update(self._written)
        return positions

    def _append_locked(
        self,
        cursor: Any,
        encoded: list[_Encoded],
        expected: dict[str, int],
        check_existing: bool,
        guess: _Head | None,
    ) -> tuple[list[int], merkle.Frontier | None, _Head]:
        """The positions, the tree's new right edge and the new head (to remember once
        committed). A wrong `guess` collides with stored rows on the position keys."""
        dialect = self.db.dialect
        self._written = {}  # only the attempt that commits tells `_last_versions` anything
        dialect.lock_log(cursor)
        if guess is None:
            cursor.execute(self._head_sql)
            found = cursor.fetchone()
            guess = (int(found[0]), str(found[1])) if found else (0, GENESIS_HASH)
        head_position, head_hash = guess
        stored: dict[str, int] = {}
        fresh = encoded
        if check_existing:
            stored = self._stored_positions(cursor, encoded)
            if len(stored) == len(encoded):
                return [stored[e[0].event_id] for e in encoded], None, guess
            fresh = [e for e in encoded if e[0].event_id not in stored]
        streams = {e[0].stream_id for e in fresh}
        if not check_existing and not any(expected.values()):
            # No stream has to be at a version other than new: guess each one's version (see
            # `_last_versions`); the unique (stream_id, stream_version) index refuses a guess
            # at or below a version that exists, which sends us down the careful path.
            # A stream that must be new is not guessed: if it exists, the collision's careful
            # path reads its real version for the ConcurrencyError.
            known = self._last_versions
            versions: dict[str, int] = {
                s: known[s] for s in streams if s in known and s not in expected
            }
        else:
            versions = self._stream_versions(cursor, streams | set(expected))
        for stream_id, want in expected.items():
            if versions.get(stream_id, 0) != want:
                raise ConcurrencyError(stream_id, want, versions.get(stream_id, 0))
        recorded_at = utc_now()
        tails: dict[tuple[str, int, bytes], tuple[bytes, bytes]] = {}
        rows: list[tuple[Any, ...]] = []
        tree = self._tree
        frontier = tree.frontier(cursor, head_position) if tree is not None else None
        nodes: list[bytes] = []
        positions: dict[str, int] = dict(stored)
        position = head_position
        prev = bytes.fromhex(head_hash)
        prev_hex = head_hash
        for e, payload, meta in fresh:
            position += 1
            stream_id = e.stream_id
            version = versions.get(stream_id, 0) + 1
            versions[stream_id] = version
            key = (e.type, e.schema_version, meta)
            tail, leaf_tail = tails.get(key) or (None, None)
            if tail is None or leaf_tail is None:
                tail = header_tail(e.type, e.schema_version, recorded_at, meta)
                leaf_tail = entry_tail(
                    e.type, e.schema_version, recorded_at, _sha256(meta).digest()
                )
                tails[key] = (tail, leaf_tail)
            e_id = e.event_id.encode()
            s_id = stream_id.encode()
            pos8 = position.to_bytes(8, "big")
            payload_digest = _sha256(payload).digest()
            digest = link_encoded(
                prev, pos8, e_id, s_id, str(version).encode(), tail, payload_digest
            )
            if frontier is not None:
                # The Merkle leaf: SHA-256(0x00 ‖ entry), the entry as `events.entry` lays it.
                leaf = _sha256(
                    b"".join(
                        (
                            b"\x00\x01",
                            pos8,
                            _u32(len(e_id)),
                            e_id,
                            _u32(len(s_id)),
                            s_id,
                            version.to_bytes(8, "big"),
                            leaf_tail,
                            payload_digest,
                        )
                    )
                ).digest()
                nodes.extend(frontier.append(leaf))
            digest_hex = digest.hex()
            rows.append(
                (
                    position,
                    e.event_id,
                    stream_id,
                    version,
                    e.type,
                    e.schema_version,
                    recorded_at,
                    payload.decode(),
                    meta.decode(),
                    prev_hex,
                    digest_hex,
                )
            )
            positions[e.event_id] = position
            prev, prev_hex = digest, digest_hex
        self._written = {s: versions[s] for s in streams}
        if len(rows) == 1:
            cursor.execute(dialect.insert_events_sql, rows[0])
        else:
            cursor.executemany(dialect.insert_events_sql, rows)
        if tree is not None:
            cursor.execute(tree.insert_sql, (head_position, len(rows), b"".join(nodes), prev_hex))
        return [positions[e[0].event_id] for e in encoded], frontier, (position, prev_hex)

    def _stored_positions(self, cursor: Any, encoded: list[_Encoded]) -> dict[str, int]:
        by_id = {e[0].event_id: e for e in encoded}
        found: dict[str, int] = {}
        ids = list(by_id)
        for start in range(0, len(ids), _IN_CHUNK):
            where, params = self.db.dialect.in_list("event_id", ids[start : start + _IN_CHUNK])
            cursor.execute(
                "SELECT event_id, position, stream_id, type, payload, metadata FROM events"
                f" WHERE {where}",
                params,
            )
            for event_id, position, stream_id, type_, payload, meta in cursor.fetchall():
                event, my_payload, my_meta = by_id[event_id]
                same = (
                    stream_id == event.stream_id
                    and type_ == event.type
                    and payload.encode() == my_payload
                    and meta.encode() == my_meta
                )
                if not same:
                    raise IdempotencyConflict(event_id, position)
                found[event_id] = position
        return found

    def _stream_versions(self, cursor: Any, stream_ids: Iterable[str]) -> dict[str, int]:
        ids = list(stream_ids)
        versions: dict[str, int] = {}
        for start in range(0, len(ids), _IN_CHUNK):
            where, params = self.db.dialect.in_list("stream_id", ids[start : start + _IN_CHUNK])
            cursor.execute(
                f"SELECT stream_id, max(stream_version) FROM events WHERE {where}"
                " GROUP BY stream_id",
                params,
            )
            versions.update((stream_id, int(v)) for stream_id, v in cursor.fetchall())
        return versions

    # -- read --------------------------------------------------------------------------------

    def head(self) -> tuple[int, str]:
        """The last position and its hash (0 and the genesis hash for an empty log), as the
        last append recorded them in the tree's last row."""
        rows = self._fetch(self._head_sql, ())
        if not rows:
            return 0, GENESIS_HASH
        position, hash_ = rows[0]
        return int(position), str(hash_)

    def read(
        self, after: int = 0, until: int | None = None, page_size: int = PAGE_SIZE
    ) -> Iterator[StoredEvent]:
        """Events with `after < position <= until`, in order, a page at a time (constant memory)."""
        while True:
            rows, cut = _within(self._fetch(self._page_sql, (after, page_size)), until)
            stored = self._stored
            for row in rows:
                yield stored(row)
            if cut or len(rows) < page_size:
                return
            after = rows[-1][0]

    def read_page(
        self, conn: Connection, after: int, limit: int, until: int | None = None
    ) -> list[StoredEvent]:
        """One page of events after `after`, read on the caller's connection (and transaction),
        so a projector's batch, its view changes and its checkpoint share one snapshot."""
        result = conn.exec_driver_sql(self._page_sql, (after, limit))
        try:
            rows, _ = _within(result.cursor.fetchall(), until)
        finally:
            result.close()
        stored = self._stored
        return [stored(row) for row in rows]

    def raw_page(self, after: int, limit: int, until: int | None = None) -> list[tuple[Any, ...]]:
        """One page of stored rows (every column of `EVENT_COLUMNS`, as stored) after `after`:
        what the evidence checks rebuild the Merkle tree from."""
        rows, _ = _within(self._fetch(self._page_sql, (after, limit)), until)
        return rows

    def _fetch(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        """All rows of one statement, on a pooled connection through the driver's own cursor
        (SQLAlchemy's Row objects cost more than decoding the payload)."""
        db = self.db
        dbapi = db.engine.dialect.loaded_dbapi
        try:
            raw = db.engine.raw_connection()
        except sa_exc.DBAPIError as exc:
            raise StoreUnavailable(db.describe(exc)) from exc
        try:
            cursor = raw.cursor()
            cursor.execute(sql, params)
            return cursor.fetchall()
        except dbapi.Error as exc:
            raise StoreUnavailable(db.describe(exc)) from exc
        finally:
            raw.close()

    def read_stream(self, stream_id: str) -> list[StoredEvent]:
        with self.db.connect() as conn:
            rows = conn.execute(
                select(*events.c)
                .where(events.c.stream_id == stream_id)
                .order_by(events.c.stream_version)
            ).all()
        return [self._stored(row) for row in rows]

    def last_in_streams(self, stream_ids: Iterable[str]) -> dict[str, StoredEvent]:
        """The newest event of each stream that exists, keyed by stream id."""
        ids = list(dict.fromkeys(stream_ids))
        found: dict[str, StoredEvent] = {}
        with self.db.connect() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows = conn.execute(_LAST_IN_STREAMS, {"stream_ids": chunk}).all()
                for row in rows:
                    found[row.stream_id] = self._stored(row)
        return found

    def count(self, after: int = 0, event_type: str | None = None) -> int:
        """How many events lie after `after` (of one type, if given)."""
        query = select(func.count()).select_from(events).where(events.c.position > after)
        if event_type is not None:
            query = query.where(events.c.type == event_type)
        with self.db.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def get(self, position: int) -> StoredEvent | None:
        with self.db.connect() as conn:
            row = conn.execute(select(*events.c).where(events.c.position == position)).first()
        return self._stored(row) if row else None

    def checked(self, position: int) -> CheckedEvent | None:
        """The event at `position` with its chain link re-checked from the stored bytes (the
        row itself and the hash of the row before it): what a provenance card shows."""
        with self.db.connect() as conn:
            rows = conn.execute(
                select(*events.c)
                .where(events.c.position.in_([position - 1, position]))
                .order_by(events.c.position)
            ).all()
        row = next((r for r in rows if r.position == position), None)
        if row is None:
            return None
        if position == 1:
            previous: str | None = GENESIS_HASH
        else:
            previous = next((r.hash for r in rows if r.position == position - 1), None)
        tail = header_tail(row.type, row.schema_version, row.recorded_at, row.metadata.encode())
        prev = bytes.fromhex(row.prev_hash)
        recomputed = link(
            prev,
            row.position,
            row.event_id,
            row.stream_id,
            row.stream_version,
            tail,
            row.payload.encode(),
        ).hex()
        return CheckedEvent(self._stored(row), recomputed, previous)

    def _stored(self, row: Any) -> StoredEvent:
        (
            position,
            event_id,
            stream_id,
            stream_version,
            type_,
            schema_version,
            recorded_at,
            payload,
            meta,
            prev_hash,
            hash_,
        ) = row
        version, data = self.upcasters.upcast(type_, schema_version, _loads(payload))
        return StoredEvent(
            position,
            event_id,
            stream_id,
            stream_version,
            type_,
            version,
            recorded_at,
            data,
            _loads(meta),
            prev_hash,
            hash_,
        )

    # -- verify ------------------------------------------------------------------------------

    def verify(self, progress: Callable[[int], None] | None = None) -> VerifyReport:
        """Recompute the chain from position 1 to the head and name the first row that does not
        match. Rows appended while we walk (beyond the head read at the start) are left alone."""
        expected_prev = GENESIS_HASH
        prev = bytes.fromhex(GENESIS_HASH)
        expected_position = 0
        head_position, head_hash = self.head()
        tails = Tails()
        after = 0
        while True:
            rows, cut = _within(self._fetch(self._page_sql, (after, PAGE_SIZE)), head_position)
            for (
                position,
                event_id,
                stream_id,
                stream_version,
                type_,
                schema_version,
                recorded_at,
                payload,
                meta,
                prev_hash,
                hash_,
            ) in rows:
                expected_position += 1
                if position != expected_position:
                    return _broken(
                        expected_position,
                        head_position,
                        f"position {expected_position} is missing (next row is {position})",
                    )
                if prev_hash != expected_prev:
                    return _broken(
                        position, head_position, "prev_hash does not match the previous row's hash"
                    )
                tail = tails.get(type_, schema_version, recorded_at, meta)
                prev = link(
                    prev, position, event_id, stream_id, stream_version, tail, payload.encode()
                )
                expected_prev = prev.hex()
                if expected_prev != hash_:
                    return _broken(position, head_position, "row content does not match its hash")
            if progress and rows:
                progress(len(rows))
            if cut or len(rows) < PAGE_SIZE:
                break
            after = rows[-1][0]
        if expected_position != head_position or expected_prev != head_hash:
            first_bad = min(expected_position, head_position) + 1
            return _broken(
                first_bad,
                head_position,
                f"the log ends at position {expected_position} but its head says {head_position}",
            )
        return VerifyReport(ok=True, checked=expected_position, head_position=head_position)


def _broken(position: int, head_position: int, reason: str) -> VerifyReport:
    return VerifyReport(
        ok=False,
        checked=position - 1,
        head_position=head_position,
        first_bad_position=position,
        reason=reason,
    )


def _refuse_duplicate_ids(batch: Sequence[NewEvent]) -> None:
    seen: set[str] = set()
    for event in batch:
        if event.event_id in seen:
            raise IdempotencyConflict(event.event_id, 0)
        seen.add(event.event_id)
