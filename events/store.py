"""The event store: the log's contract, on any dialect that `events.dialects` knows.

Promises (DESIGN.md, "The log"): gap-free positions in commit order, atomic batches, idempotent
event ids, expected-version checks, immutability enforced by triggers, a SHA-256 hash chain,
streaming reads in constant memory and upcasting on read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    func,
    insert,
    select,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from events.canonical import (
    GENESIS_HASH,
    _u32,
    chain_digest,
    header_head,
    header_tail,
)
from events.dialects import Dialect, dialect_for
from events.envelope import NewEvent, StoredEvent
from events.errors import (
    ConcurrencyError,
    EventStoreError,
    IdempotencyConflict,
    SchemaVersionError,
    StoreUnavailable,
)
from events.schema import (
    EVENT_COLUMNS,
    SCHEMA_VERSION,
    UPGRADES,
    events,
    log_head,
    metadata,
    schema_info,
)
from events.upcasting import UpcasterRegistry, default_upcasters

PAGE_SIZE = 1000


def utc_now() -> str:
    """The log's timestamp format: fixed width, so text order is time order."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# An event with its canonical payload and metadata bytes.
_Encoded = tuple[NewEvent, bytes, bytes]
_SORTED = orjson.OPT_SORT_KEYS
_dumps = orjson.dumps
_loads = orjson.loads
# Ids per IN (…) list: well under SQLite's parameter limit, small enough for one plan.
_IN_CHUNK = 500


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


def create_store_engine(url: str) -> Engine:
    """An engine for `url`, or `StoreUnavailable` naming what is wrong with it."""
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError:
        raise StoreUnavailable(f"database URL {url!r} is not a valid SQLAlchemy URL") from None
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreUnavailable(
            f"database URL {url!r}: unsupported backend {parsed.get_backend_name()!r}"
            " (use sqlite:///FILE or postgresql+psycopg://…)"
        )
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError) as exc:
        raise StoreUnavailable(f"database URL {url!r}: {exc}") from None
    return engine


class EventStore:
    """Append-only, idempotent, ordered and hash-chained log of events."""

    def __init__(self, engine: Engine, upcasters: UpcasterRegistry | None = None) -> None:
        self.engine = engine
        self.dialect: Dialect = dialect_for(engine)
        self.dialect.configure(engine)
        self.upcasters = upcasters or default_upcasters
        self._page_sql = _page_sql(self.dialect.param)
        self._ensure_schema()

    @classmethod
    def open(cls, url: str, upcasters: UpcasterRegistry | None = None) -> EventStore:
        return cls(create_store_engine(url), upcasters)

    def close(self) -> None:
        self.dialect.release()
        self.engine.dispose()

    # -- transactions ------------------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: waits for other writers, commits on success, rolls back on error."""
        with self._translated(), self.dialect.write(self.engine) as conn:
            yield conn

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        with self._translated(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except EventStoreError:
            raise
        except sa_exc.DBAPIError as exc:
            raise StoreUnavailable(_describe(self.engine, exc)) from exc

    def _ensure_schema(self) -> None:
        """Create the schema in an empty database, or upgrade an older one step by step
        (`events.schema.UPGRADES`), under the schema lock; refuse one made by a newer program."""
        try:
            with self.engine.connect() as conn:
                version = _schema_version(conn)
            if version == SCHEMA_VERSION:
                return
            _refuse_newer(self.engine, version)
            with self.dialect.write(self.engine) as conn:
                self.dialect.lock_schema(conn)
                # Another process may have created or upgraded it while we waited for the lock.
                version = _schema_version(conn)
                _refuse_newer(self.engine, version)
                if version is None:
                    metadata.create_all(conn)
                    conn.execute(insert(schema_info).values(id=1, version=SCHEMA_VERSION))
                    conn.execute(insert(log_head).values(id=1, position=0, hash=GENESIS_HASH))
                    self.dialect.install_triggers(conn)
                    return
                for step in range(version, SCHEMA_VERSION):
                    UPGRADES[step](conn, self.dialect)
                conn.execute(
                    update(schema_info).where(schema_info.c.id == 1).values(version=SCHEMA_VERSION)
                )
        except sa_exc.DBAPIError as exc:
            raise StoreUnavailable(_describe(self.engine, exc)) from exc

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
        if len({e.event_id for e in batch}) != len(batch):
            _refuse_duplicate_ids(batch)
        expected = dict(expected_versions or {})
        try:
            return self._append_once(encoded, expected, check_existing=False)
        except _Collision:
            # An id (or a stream version) is already stored: a retry, a concurrent run of the
            # same source, or a stream assumed new that is not. Take the careful path, which
            # compares contents and reads every stream's version.
            return self._append_once(encoded, expected, check_existing=True)

    def _append_once(
        self, encoded: list[_Encoded], expected: dict[str, int], check_existing: bool
    ) -> list[int]:
        dbapi = self.engine.dialect.loaded_dbapi
        try:
            with self.dialect.raw_write(self.engine) as cursor:
                return self._append_locked(cursor, encoded, expected, check_existing)
        except EventStoreError:
            raise
        except sa_exc.DBAPIError as exc:
            raise StoreUnavailable(_describe(self.engine, exc)) from exc
        except dbapi.Error as exc:
            if isinstance(exc, dbapi.IntegrityError) and not check_existing:
                raise _Collision from exc
            raise StoreUnavailable(_describe_driver(self.engine, exc)) from exc

    def _append_locked(
        self,
        cursor: Any,
        encoded: list[_Encoded],
        expected: dict[str, int],
        check_existing: bool,
    ) -> list[int]:
        head_position, head_hash = self.dialect.lock_head_raw(cursor)
        stored: dict[str, int] = {}
        fresh = encoded
        if check_existing:
            stored = self._stored_positions(cursor, encoded)
            if len(stored) == len(encoded):
                return [stored[e[0].event_id] for e in encoded]
            fresh = [e for e in encoded if e[0].event_id not in stored]
        streams = {e[0].stream_id for e in fresh}
        if not check_existing and all(expected.get(s, 1) == 0 for s in streams):
            # Every stream must be new: the unique (stream_id, stream_version) index refuses
            # version 1 of a stream that exists, which sends us down the careful path.
            versions: dict[str, int] = {}
        else:
            versions = self._stream_versions(cursor, streams | set(expected))
        for stream_id, want in expected.items():
            if versions.get(stream_id, 0) != want:
                raise ConcurrencyError(stream_id, want, versions.get(stream_id, 0))
        recorded_at = utc_now()
        tails: dict[tuple[str, int, bytes], bytes] = {}
        rows: list[tuple[Any, ...]] = []
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
            tail = tails.get(key)
            if tail is None:
                tail = tails[key] = header_tail(e.type, e.schema_version, recorded_at, meta)
            header = header_head(e.event_id, stream_id, version) + tail
            digest = chain_digest(prev, position, header, payload)
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
        if len(rows) == 1:
            cursor.execute(self.dialect.insert_events_sql, rows[0])
        else:
            cursor.executemany(self.dialect.insert_events_sql, rows)
        cursor.execute(self.dialect.update_head_sql, (position, prev_hex))
        return [positions[e[0].event_id] for e in encoded]

    def _stored_positions(self, cursor: Any, encoded: list[_Encoded]) -> dict[str, int]:
        by_id = {e[0].event_id: e for e in encoded}
        found: dict[str, int] = {}
        ids = list(by_id)
        for start in range(0, len(ids), _IN_CHUNK):
            where, params = self.dialect.in_list("event_id", ids[start : start + _IN_CHUNK])
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
            where, params = self.dialect.in_list("stream_id", ids[start : start + _IN_CHUNK])
            cursor.execute(
                f"SELECT stream_id, max(stream_version) FROM events WHERE {where}"
                " GROUP BY stream_id",
                params,
            )
            versions.update((stream_id, int(v)) for stream_id, v in cursor.fetchall())
        return versions

    # -- read --------------------------------------------------------------------------------

    def head(self) -> tuple[int, str]:
        """The last position and its hash (0 and the genesis hash for an empty log)."""
        with self.read_connection() as conn:
            position, hash_ = conn.execute(select(log_head.c.position, log_head.c.hash)).one()
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

    def _fetch(self, sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        """All rows of one statement, on a pooled connection through the driver's own cursor
        (SQLAlchemy's Row objects cost more than decoding the payload)."""
        dbapi = self.engine.dialect.loaded_dbapi
        try:
            raw = self.engine.raw_connection()
        except sa_exc.DBAPIError as exc:
            raise StoreUnavailable(_describe(self.engine, exc)) from exc
        try:
            cursor = raw.cursor()
            cursor.execute(sql, params)
            return cursor.fetchall()
        except dbapi.Error as exc:
            raise StoreUnavailable(_describe_driver(self.engine, exc)) from exc
        finally:
            raw.close()

    def read_stream(self, stream_id: str) -> list[StoredEvent]:
        with self.read_connection() as conn:
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
        with self.read_connection() as conn:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                newest = (
                    select(events.c.stream_id, func.max(events.c.stream_version).label("v"))
                    .where(events.c.stream_id.in_(chunk))
                    .group_by(events.c.stream_id)
                    .subquery()
                )
                rows = conn.execute(
                    select(*events.c).join(
                        newest,
                        (events.c.stream_id == newest.c.stream_id)
                        & (events.c.stream_version == newest.c.v),
                    )
                ).all()
                for row in rows:
                    found[row.stream_id] = self._stored(row)
        return found

    def get(self, position: int) -> StoredEvent | None:
        with self.read_connection() as conn:
            row = conn.execute(select(*events.c).where(events.c.position == position)).first()
        return self._stored(row) if row else None

    def get_by_id(self, event_id: str) -> StoredEvent | None:
        with self.read_connection() as conn:
            row = conn.execute(select(*events.c).where(events.c.event_id == event_id)).first()
        return self._stored(row) if row else None

    def position_at(self, recorded_at: str) -> int:
        """The last position recorded at or before `recorded_at` (the log's own clock)."""
        with self.read_connection() as conn:
            value = conn.execute(
                select(func.max(events.c.position)).where(events.c.recorded_at <= recorded_at)
            ).scalar()
        return int(value or 0)

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
        match. Rows appended while we walk (beyond the head read at the start) are left alone.

        The loop inlines `header_head` and `chain_digest` (events.canonical; a test checks they
        agree): verify is one of the benchmarks, and the calls were a third of its time."""
        u32 = _u32
        sha256 = hashlib.sha256
        expected_prev = GENESIS_HASH
        prev = bytes.fromhex(GENESIS_HASH)
        expected_position = 0
        head_position, head_hash = self.head()
        tails: dict[tuple[str, int, str, str], bytes] = {}
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
                key = (type_, schema_version, recorded_at, meta)
                tail = tails.get(key)
                if tail is None:
                    if len(tails) > 64:
                        tails.clear()
                    tail = tails[key] = header_tail(
                        type_, schema_version, recorded_at, meta.encode()
                    )
                e = event_id.encode()
                st = stream_id.encode()
                v = str(stream_version).encode()
                prev = sha256(
                    b"".join(
                        (
                            prev,
                            position.to_bytes(8, "big"),
                            u32(len(e)),
                            e,
                            u32(len(st)),
                            st,
                            u32(len(v)),
                            v,
                            tail,
                            sha256(payload.encode()).digest(),
                        )
                    )
                ).digest()
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


def _refuse_newer(engine: Engine, version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        where = engine.url.render_as_string(hide_password=True)
        raise SchemaVersionError(
            f"database {where} was made by a newer version of osint (schema version {version};"
            f" this program knows up to {SCHEMA_VERSION}): upgrade osint to open it"
        )


def _schema_version(conn: Connection) -> int | None:
    if not conn.dialect.has_table(conn, "schema_info"):
        return None
    value = conn.execute(select(schema_info.c.version).where(schema_info.c.id == 1)).scalar()
    return None if value is None else int(value)


def _describe_driver(engine: Engine, exc: Exception) -> str:
    """Like `_describe`, for an error raised by the driver's own cursor."""
    where = engine.url.render_as_string(hide_password=True)
    lines = str(exc).strip().splitlines()
    return f"database {where}: {lines[0] if lines else type(exc).__name__}"


def _describe(engine: Engine, exc: sa_exc.DBAPIError) -> str:
    where = engine.url.render_as_string(hide_password=True)
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return f"database {where}: {detail}"
