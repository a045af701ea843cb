"""The event store: the log's contract, on any dialect that `events.dialects` knows.

Promises (DESIGN.md, "The log"): gap-free positions in commit order, atomic batches, idempotent
event ids, expected-version checks, immutability enforced by triggers, a SHA-256 hash chain,
streaming reads in constant memory and upcasting on read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    func,
    insert,
    select,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from events.canonical import GENESIS_HASH, canonical_json, chain_hash, header_bytes
from events.dialects import Dialect, dialect_for
from events.envelope import NewEvent, StoredEvent
from events.errors import (
    ConcurrencyError,
    EventStoreError,
    IdempotencyConflict,
    SchemaVersionError,
    StoreUnavailable,
)
from events.schema import SCHEMA_VERSION, events, log_head, metadata, schema_info
from events.upcasting import UpcasterRegistry, default_upcasters

PAGE_SIZE = 1000


def utc_now() -> str:
    """The log's timestamp format: fixed width, so text order is time order."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True, slots=True)
class _Encoded:
    event: NewEvent
    payload: bytes
    metadata: bytes


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of walking the chain. `first_bad_position` names where it breaks."""

    ok: bool
    checked: int
    head_position: int
    first_bad_position: int | None = None
    reason: str | None = None


_READ_PAGE = (
    select(*events.c)
    .where(events.c.position > bindparam("after"), events.c.position <= bindparam("until"))
    .order_by(events.c.position)
    .limit(bindparam("limit"))
)


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
        self._ensure_schema()

    @classmethod
    def open(cls, url: str, upcasters: UpcasterRegistry | None = None) -> EventStore:
        return cls(create_store_engine(url), upcasters)

    def close(self) -> None:
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
        try:
            with self.engine.connect() as conn:
                version = _schema_version(conn)
            if version == SCHEMA_VERSION:
                return
            if version is not None and version > SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"the database was made by a newer version of osint (schema {version},"
                    f" this program knows {SCHEMA_VERSION}); upgrade osint to open it"
                )
            with self.dialect.write(self.engine) as conn:
                self.dialect.lock_schema(conn)
                metadata.create_all(conn)
                version = _schema_version(conn)
                if version is None:
                    conn.execute(insert(schema_info).values(id=1, version=SCHEMA_VERSION))
                    conn.execute(insert(log_head).values(id=1, position=0, hash=GENESIS_HASH))
                elif version > SCHEMA_VERSION:
                    raise SchemaVersionError(
                        f"the database was made by a newer version of osint (schema {version})"
                    )
                self.dialect.install_triggers(conn)
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
            _Encoded(e, canonical_json(e.payload), canonical_json(e.metadata)) for e in batch
        ]
        _refuse_duplicate_ids(encoded)
        expected = dict(expected_versions or {})
        try:
            with self.write() as conn:
                return self._append_locked(conn, encoded, expected, check_existing=False)
        except StoreUnavailable as exc:
            if not isinstance(exc.__cause__, sa_exc.IntegrityError):
                raise
        # An id is already stored (a retry, or a concurrent run of the same source): take the
        # careful path, which compares contents.
        with self.write() as conn:
            return self._append_locked(conn, encoded, expected, check_existing=True)

    def _append_locked(
        self,
        conn: Connection,
        encoded: list[_Encoded],
        expected: dict[str, int],
        check_existing: bool,
    ) -> list[int]:
        head_position, head_hash = self.dialect.lock_head(conn)
        stored: dict[str, int] = {}
        if check_existing:
            stored = self._stored_positions(conn, encoded)
            if len(stored) == len(encoded):
                return [stored[e.event.event_id] for e in encoded]
        fresh = [e for e in encoded if e.event.event_id not in stored]
        versions = self._stream_versions(conn, {e.event.stream_id for e in fresh} | set(expected))
        for stream_id, want in expected.items():
            if versions.get(stream_id, 0) != want:
                raise ConcurrencyError(stream_id, want, versions.get(stream_id, 0))
        recorded_at = utc_now()
        rows: list[tuple[Any, ...]] = []
        positions: dict[str, int] = dict(stored)
        position, prev = head_position, head_hash
        for item in fresh:
            e = item.event
            position += 1
            version = versions.get(e.stream_id, 0) + 1
            versions[e.stream_id] = version
            header = header_bytes(
                e.event_id,
                e.stream_id,
                version,
                e.type,
                e.schema_version,
                recorded_at,
                item.metadata,
            )
            digest = chain_hash(prev, position, header, item.payload)
            rows.append(
                (
                    position,
                    e.event_id,
                    e.stream_id,
                    version,
                    e.type,
                    e.schema_version,
                    recorded_at,
                    item.payload.decode(),
                    item.metadata.decode(),
                    prev,
                    digest,
                )
            )
            positions[e.event_id] = position
            prev = digest
        conn.exec_driver_sql(self.dialect.insert_events_sql, rows)
        conn.execute(
            update(log_head).where(log_head.c.id == 1).values(position=position, hash=prev)
        )
        return [positions[e.event.event_id] for e in encoded]

    def _stored_positions(self, conn: Connection, encoded: list[_Encoded]) -> dict[str, int]:
        by_id = {e.event.event_id: e for e in encoded}
        rows = conn.execute(
            select(
                events.c.event_id,
                events.c.position,
                events.c.stream_id,
                events.c.type,
                events.c.payload,
                events.c.metadata,
            ).where(events.c.event_id.in_(list(by_id)))
        ).all()
        found: dict[str, int] = {}
        for event_id, position, stream_id, type_, payload, meta in rows:
            mine = by_id[event_id]
            same = (
                stream_id == mine.event.stream_id
                and type_ == mine.event.type
                and payload.encode() == mine.payload
                and meta.encode() == mine.metadata
            )
            if not same:
                raise IdempotencyConflict(event_id, position)
            found[event_id] = position
        return found

    def _stream_versions(self, conn: Connection, stream_ids: Iterable[str]) -> dict[str, int]:
        ids = list(stream_ids)
        if not ids:
            return {}
        rows = conn.execute(
            select(events.c.stream_id, func.max(events.c.stream_version))
            .where(events.c.stream_id.in_(ids))
            .group_by(events.c.stream_id)
        ).all()
        return {stream_id: int(version) for stream_id, version in rows}

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
        last = until if until is not None else 2**62
        while True:
            with self.read_connection() as conn:
                rows = conn.execute(
                    _READ_PAGE, {"after": after, "until": last, "limit": page_size}
                ).all()
            for row in rows:
                yield self._stored(row)
            if len(rows) < page_size:
                return
            after = rows[-1][0]

    def read_page(
        self, conn: Connection, after: int, limit: int, until: int | None = None
    ) -> list[StoredEvent]:
        """One page of events after `after`, read on the caller's connection (and transaction),
        so a projector's batch, its view changes and its checkpoint share one snapshot."""
        rows = conn.execute(
            _READ_PAGE,
            {"after": after, "until": until if until is not None else 2**62, "limit": limit},
        ).all()
        return [self._stored(row) for row in rows]

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
        version, data = self.upcasters.upcast(type_, schema_version, orjson.loads(payload))
        return StoredEvent(
            position=position,
            event_id=event_id,
            stream_id=stream_id,
            stream_version=stream_version,
            type=type_,
            schema_version=version,
            recorded_at=recorded_at,
            payload=data,
            metadata=orjson.loads(meta),
            prev_hash=prev_hash,
            hash=hash_,
        )

    # -- verify ------------------------------------------------------------------------------

    def verify(self, progress: Callable[[int], None] | None = None) -> VerifyReport:
        """Recompute the chain from position 1 and name the first row that does not match."""
        expected_prev = GENESIS_HASH
        expected_position = 0
        head_position, head_hash = self.head()
        with self.read_connection() as conn:
            after = 0
            while True:
                rows = conn.execute(
                    _READ_PAGE, {"after": after, "until": 2**62, "limit": PAGE_SIZE}
                ).all()
                for row in rows:
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
                    expected_position += 1
                    if position != expected_position:
                        return _broken(
                            expected_position,
                            head_position,
                            f"position {expected_position} is missing (next row is {position})",
                        )
                    if prev_hash != expected_prev:
                        return _broken(
                            position,
                            head_position,
                            "prev_hash does not match the previous row's hash",
                        )
                    header = header_bytes(
                        event_id,
                        stream_id,
                        stream_version,
                        type_,
                        schema_version,
                        recorded_at,
                        meta.encode(),
                    )
                    actual = chain_hash(expected_prev, position, header, payload.encode())
                    if actual != hash_:
                        return _broken(
                            position, head_position, "row content does not match its hash"
                        )
                    expected_prev = hash_
                if progress and rows:
                    progress(len(rows))
                if len(rows) < PAGE_SIZE:
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


def _refuse_duplicate_ids(encoded: list[_Encoded]) -> None:
    seen: set[str] = set()
    for item in encoded:
        if item.event.event_id in seen:
            raise IdempotencyConflict(item.event.event_id, 0)
        seen.add(item.event.event_id)


def _schema_version(conn: Connection) -> int | None:
    if not conn.dialect.has_table(conn, "schema_info"):
        return None
    value = conn.execute(select(schema_info.c.version).where(schema_info.c.id == 1)).scalar()
    return None if value is None else int(value)


def _describe(engine: Engine, exc: sa_exc.DBAPIError) -> str:
    where = engine.url.render_as_string(hide_password=True)
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    return f"database {where}: {detail}"
