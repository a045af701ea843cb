"""The `search` view: the latest text of every report, with a full-text index, and the query
that searches it.

One row per report (source + item) holds its latest revision; a withdrawn report stays, marked.
The index is what a `Table` cannot declare, so the projector makes it beside its table
(`HasStorage`), in per-dialect modules: an FTS5 table kept by triggers on SQLite
(`search_sqlite`), a generated `tsvector` column with a GIN index on PostgreSQL
(`search_postgresql`). `apply` writes only the plain table, the same SQL on both.

A query is words and "quoted phrases", each word optionally ending in `*` (a prefix); a report
matches when it holds all of them, in its title or text, case and accents aside. The query is
parsed here into words of letters and digits, so nothing a person types reaches the database
as syntax: each backend gets the words as bound parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Connection,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    bindparam,
    func,
    or_,
    select,
)

from events import Database, EventStore, ReportObserved, ReportWithdrawn
from projections import search_postgresql, search_sqlite
from projections.bulk import insert_many
from projections.cursor import decode_cursor, encode_cursor
from projections.errors import BadSearch, ViewMissing
from projections.figures import FiguresProjector
from projections.projector import Batch, Tables
from projections.state import active_generation, live_tables
from projections.timefmt import iso_utc

MAX_QUERY_CHARS = 500
MAX_TERMS = 16


class SearchProjector:
    name = "search"
    version = "1"

    def define_tables(self, metadata: MetaData, suffix: str) -> Tables:
        table = Table(
            f"search_reports{suffix}",
            metadata,
            Column("stream_id", Text, primary_key=True),
            # The index's own key: the position of the report's first revision (stable, unique).
            Column("first_position", BigInteger, nullable=False, unique=True),
            Column("position", BigInteger, nullable=False),
            Column("source_id", Text, nullable=False),
            Column("item_key", Text, nullable=False),
            Column("url", Text),
            Column("title", Text),
            Column("published_at", String(40)),
            Column("observed_at", String(40), nullable=False),
            Column("effective_at", String(40), nullable=False),
            Column("revision", Integer, nullable=False),
            Column("withdrawn", Boolean, nullable=False),
            Column("text", Text, nullable=False),
            Index(f"ix_search_reports{suffix}_effective", "effective_at", "stream_id"),
        )
        return {"search_reports": table}

    def create_storage(self, db: Database, conn: Connection, tables: Tables) -> None:
        _dialect(db).create_index(conn, tables["search_reports"])

    def drop_storage(self, db: Database, conn: Connection, tables: Tables) -> None:
        _dialect(db).drop_index(conn, tables["search_reports"])

    def apply(self, conn: Connection, tables: Tables, batch: Batch) -> None:
        table = tables["search_reports"]
        rows: dict[str, dict[str, Any]] = {}
        for event in batch:
            data = event.data
            if isinstance(data, ReportObserved):
                observed = iso_utc(data.observed_at)
                published = iso_utc(data.published_at)
                row = rows.setdefault(event.stream_id, {})
                row.setdefault("first_position", event.position)
                row.update(
                    stream_id=event.stream_id,
                    position=event.position,
                    source_id=data.source_id,
                    item_key=data.item_key,
                    url=data.url,
                    title=data.title,
                    published_at=published,
                    observed_at=observed,
                    effective_at=published or observed,
                    revision=data.revision,
                    withdrawn=False,
                    text=data.text,
                )
            elif isinstance(data, ReportWithdrawn):
                rows.setdefault(event.stream_id, {"stream_id": event.stream_id})["withdrawn"] = True
        if not rows:
            return
        stored = {
            r.stream_id: r.first_position
            for r in conn.execute(
                select(table.c.stream_id, table.c.first_position).where(
                    table.c.stream_id.in_(list(rows))
                )
            )
        }
        inserts, updates, withdrawals = [], [], []
        for stream_id, row in rows.items():
            if "text" not in row:  # only a withdrawal in this batch
                if stream_id in stored:
                    withdrawals.append({"key": stream_id})
            elif stream_id in stored:
                row["first_position"] = stored[stream_id]
                updates.append({**row, "key": row.pop("stream_id")})
            else:
                inserts.append(row)
        insert_many(conn, table, inserts)
        if updates:
            conn.execute(table.update().where(table.c.stream_id == bindparam("key")), updates)
        if withdrawals:
            conn.execute(
                table.update().where(table.c.stream_id == bindparam("key")).values(withdrawn=True),
                withdrawals,
            )


def _dialect(db: Database) -> Any:
    return db.pick({"sqlite": search_sqlite, "postgresql": search_postgresql})


# -- the query ---------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")
_PART = re.compile(r'"([^"]*)"?|(\S+)')


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear together, in order; the last may be a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def __str__(self) -> str:
        text = " ".join(self.words) + ("*" if self.prefix else "")
        return f'"{text}"' if len(self.words) > 1 else text


def parse_query(query: str) -> list[Phrase]:
    """The phrases of a search as typed: `"quoted words"` are one phrase, other words one each,
    `word*` a prefix; anything but letters and digits only separates words. `BadSearch` for a
    query too long, too many words, or none at all."""
    if len(query) > MAX_QUERY_CHARS:
        raise BadSearch(f"a search is at most {MAX_QUERY_CHARS} characters")
    phrases = []
    for quoted, bare in _PART.findall(query):
        part = quoted if quoted else bare
        words = tuple(w.lower() for w in _WORD.findall(part))
        if not words:
            continue
        if bare and len(words) > 1:  # "north-korean" unquoted: the words as one phrase
            phrases.append(Phrase(words, part.endswith("*")))
        else:
            phrases.append(Phrase(words, part.rstrip('"').endswith("*")))
    if not phrases:
        raise BadSearch("a search needs at least one word (letters or digits)")
    if sum(len(p.words) for p in phrases) > MAX_TERMS:
        raise BadSearch(f"a search has at most {MAX_TERMS} words")
    return phrases


@dataclass(frozen=True, slots=True)
class SearchHit:
    report: dict[str, Any]
    snippet: list[tuple[str, bool]]  # pieces of the text, True where a searched word matched
    figures: list[dict[str, Any]]


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    phrases: list[Phrase]
    total: int
    hits: list[SearchHit]
    next_cursor: str | None
    position: int


def search_reports(
    store: EventStore, query: str, limit: int = 20, cursor: str | None = None
) -> SearchResults:
    """The reports matching `query`, newest first (by date: published, else observed), a page
    of `limit` after `cursor` (from a previous page), each with the live figures it holds."""
    phrases = parse_query(query)
    after = decode_cursor(cursor, str, str) if cursor else None
    dialect = _dialect(store.db)
    projector = SearchProjector()
    with store.db.connect() as conn:
        tables = live_tables(conn, projector)
        if tables is None:
            raise ViewMissing("no search index yet: ingest some reports first (osint ingest PATH)")
        r = tables["search_reports"]
        match = dialect.matches(r, phrases)
        position = _checkpoint(conn, projector.name)
        total = conn.execute(match(select(func.count()).select_from(r))).scalar() or 0
        page = match(select(r))
        if after is not None:
            page = page.where(
                or_(
                    r.c.effective_at < after[0],
                    and_(r.c.effective_at == after[0], r.c.stream_id < after[1]),
                )
            )
        page = page.order_by(r.c.effective_at.desc(), r.c.stream_id.desc()).limit(limit + 1)
        found = [dict(row) for row in conn.execute(page).mappings()]
        more = len(found) > limit
        found = found[:limit]
        figures = _figures_of(conn, [row["stream_id"] for row in found])
    hits = [
        SearchHit(
            {k: v for k, v in row.items() if k != "text"},
            snippet(row["text"], phrases),
            figures.get(row["stream_id"], []),
        )
        for row in found
    ]
    last = found[-1] if found and more else None
    next_cursor = encode_cursor(last["effective_at"], last["stream_id"]) if last else None
    return SearchResults(query, phrases, total, hits, next_cursor, position)


def _checkpoint(conn: Connection, name: str) -> int:
    gen = active_generation(conn, name)
    return gen.position if gen else 0


def _figures_of(conn: Connection, stream_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The live figures of these reports, in text order."""
    tables = live_tables(conn, FiguresProjector())
    if tables is None or not stream_ids:
        return {}
    f = tables["figures"]
    found: dict[str, list[dict[str, Any]]] = {}
    query = (
        select(f)
        .where(f.c.stream_id.in_(stream_ids) & f.c.superseded_at.is_(None))
        .order_by(f.c.position, f.c.start)
    )
    for row in conn.execute(query).mappings():
        found.setdefault(row["stream_id"], []).append(dict(row))
    return found


SNIPPET_CHARS = 240


def snippet(text: str, phrases: list[Phrase]) -> list[tuple[str, bool]]:
    """About `SNIPPET_CHARS` of `text` around the first searched word, cut into pieces with
    the searched words marked (the page escapes every piece; nothing here is markup)."""
    words = {w for p in phrases for w in p.words}
    prefixes = {p.words[-1] for p in phrases if p.prefix}
    spans = []
    for m in _WORD.finditer(text):
        word = m.group().lower()
        if word in words or any(word.startswith(p) for p in prefixes):
            spans.append((m.start(), m.end()))
    first = spans[0][0] if spans else 0
    start = max(0, first - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    pieces: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    at = start
    for a, b in spans:
        if a < start or b > end:
            continue
        if a > at:
            pieces.append((text[at:a], False))
        pieces.append((text[a:b], True))
        at = b
    if at < end:
        pieces.append((text[at:end], False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces
