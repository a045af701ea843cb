"""The per-topic summary the topics listing reads: one row per topic instead of every figure.

`osint topics`, `osint history` without a topic and the web app's /topics list every topic
with its current estimate, the range of the live claims, its figure count, independent
sources, last change and sparkline. Computing that from the figures reads every live figure
of every topic on each call (2.2 s CPU at 30,000 figures), so the figures projector keeps it:

- `topic_summaries`: per topic, what `projections.audit.Summary` holds, as JSON (the current,
  lowest and highest steps in full; denials by figure id), and a `stamp`: a digest of the
  summary and of every step, which the lazy read of the steps checks.
- `topic_steps`: every step of the topic's history as the listing draws it (change, bounds,
  figure id and date), keyed by time order, read only when a caller asks for a topic's steps.
- `topic_states`: the incremental builders' state (`SummaryBuilder`), to extend a topic's
  history by its new figures without reading the old ones.
- `withdrawn_reports` and a copy of the judgments: the figures view's own record of what its
  summaries depend on, so that a rebuild of the figures view (or another view lagging) never
  mixes positions. The listing uses the summaries only when the reports and judgments views
  stand at the figures view's position, which the runner keeps so in one transaction.

A batch extends a topic's summary in place when it adds figures to the topic: those dated
after every figure the topic had are added at the end, those dated before are put in among
its steps (`SummaryBuilder.insert_figure`: a few indexed rows around the figure, whatever the
topic's size; `TableSteps`). Anything else that touches a topic recomputes that topic from
its live figures: a superseding revision, a withdrawal of one of its reports, a judgment
about one of its figures, and the one kind of early figure that changes which source a text's
origin is (its text reprinted by another source that we saw first). The recompute waits for
the end of the catch-up (`topic_pending`, `finish_catch_up`), so a backlog recomputes each
topic once and not once per batch; the listing computes a pending topic from its figures
meanwhile. A judgment that regroups sources or renames claimants (those change any topic)
recomputes every topic; such judgments are rare.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

import orjson
from sqlalchemy import (
    Column,
    Connection,
    Float,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    bindparam,
    func,
    or_,
    select,
    tuple_,
)

from events import FigureJudged, Judgment, ReportObserved, ReportWithdrawn
from projections.bulk import insert_many
from projections.driver import DriverStatement, fetch_rows
from projections.history import (
    CONTRADICTED,
    EARLIER,
    EXCLUDED,
    HistoryBuilder,
    Key,
    Step,
    order_key,
)
from projections.judging import Judgments, judge_rows, load_judgments
from projections.projector import Batch, Tables
from projections.summary_builder import StoredStep, SummaryBuilder
from projections.timefmt import iso_utc
from projections.topics import topic_key

# -- the tables --------------------------------------------------------------------------------


def define_tables(metadata: MetaData, suffix: str) -> Tables:
    return {
        "topic_summaries": Table(
            f"topic_summaries{suffix}",
            metadata,
            Column("topic", Text, primary_key=True),
            Column("figures", Integer, nullable=False),
            Column("stamp", String(32), nullable=False),
            Column("summary", Text, nullable=False),  # SummaryBuilder.record(), JSON
        ),
        "topic_states": Table(
            f"topic_states{suffix}",
            metadata,
            Column("topic", Text, primary_key=True),
            Column("state", Text, nullable=False),  # SummaryBuilder.state(), JSON
        ),
        # Keyed by the time order, not by the step's index: a figure dated before others
        # goes in among them without renumbering them (the index is the row's place).
        "topic_steps": Table(
            f"topic_steps{suffix}",
            metadata,
            Column("topic", Text, nullable=False),
            Column("effective_at", String(40), nullable=False),
            Column("position", Integer, nullable=False),
            Column("start", Integer, nullable=False),
            Column("change", String(20), nullable=False),
            Column("low", Float),
            Column("high", Float),
            Column("figure_id", String(40), nullable=False),
            Column("series", String(8), nullable=False),
            Column("fresh", Integer, nullable=False),  # it began an origin of its group
            PrimaryKeyConstraint("topic", "effective_at", "position", "start"),
            Index(
                f"ix_topic_steps{suffix}_series",
                "topic",
                "series",
                "effective_at",
                "position",
                "start",
            ),
            sqlite_with_rowid=False,  # rows by key: the key is the table, no second copy
        ),
        # Support groups (figures of one bounds and stance: a step's corroboration) and the
        # first carrier of each text (scope '' for the summary's origins, else a support
        # group's key): both grow with the figures, so they are rows read by key.
        "topic_support": Table(
            f"topic_support{suffix}",
            metadata,
            Column("topic", Text, nullable=False),
            Column("skey", Text, nullable=False),
            Column("state", Text, nullable=False),
            PrimaryKeyConstraint("topic", "skey"),
            sqlite_with_rowid=False,  # rows by key: the key is the table, no second copy
        ),
        "topic_origins": Table(
            f"topic_origins{suffix}",
            metadata,
            Column("topic", Text, nullable=False),
            Column("scope", Text, nullable=False),
            Column("text", Text, nullable=False),
            Column("carrier", Text, nullable=False),
            Column("first", Text, nullable=False),  # the carrier's figure's order key, JSON
            PrimaryKeyConstraint("topic", "scope", "text"),
            sqlite_with_rowid=False,  # rows by key: the key is the table, no second copy
        ),
        # Topics whose summary is stale until the end of the catch-up that touched them:
        # a figure dated before a topic's latest relabels the whole topic, and a backlog of
        # such figures (an archive ingested late) would recompute it batch after batch.
        "topic_pending": Table(
            f"topic_pending{suffix}",
            metadata,
            Column("topic", Text, primary_key=True),
        ),
        "withdrawn_reports": Table(
            f"withdrawn_reports{suffix}",
            metadata,
            Column("stream_id", Text, primary_key=True),
            Column("withdrawn_at", String(40)),
            Column("withdrawn_reason", Text),
        ),
    }


# -- keeping them ------------------------------------------------------------------------------


def maintain(
    conn: Connection,
    tables: Tables,
    batch: Batch,
    added_ids: Sequence[str],
    superseded_topics: Iterable[str],
    apply_judgments: Callable[[Connection, Tables, Batch], None],
    summaries: bool = True,
) -> None:
    """Bring the summaries of every topic `batch` touched up to date, after the figures
    projector wrote the batch's figures (`added_ids`) and superseded older ones (theirs were
    in `superseded_topics`). `apply_judgments` writes the batch's judgments into the view's
    copy of them (the judgments projector's own `apply`). Without `summaries` (a rebuild,
    which readers do not see until `summarise_all`) only the withdrawals and judgments are
    recorded."""
    figures = tables["figures"]
    slow: set[str] = set(superseded_topics)
    streams: set[str] = set()
    everything = False
    withdrawn_now = _apply_withdrawals(conn, tables["withdrawn_reports"], batch)
    streams |= withdrawn_now
    judged = [e for e in batch if isinstance(e.data, Judgment)]
    if judged:
        t = tables["judgments_seen"]
        apply_judgments(conn, {"judgments": t}, judged)
        for event in judged:
            j = event.data
            kinds = [j]
            if j.withdraws:
                row = conn.execute(
                    select(t.c.kind, t.c.detail).where(t.c.event_id == j.withdraws)
                ).first()
                if row is not None and row.kind == "figure":
                    kinds.append(FigureJudged.model_validate(orjson.loads(row.detail)))
                elif row is not None:
                    everything = True
            for k in kinds:
                if isinstance(k, FigureJudged):
                    streams.add(k.figure.stream_id)
                    if k.category is not None:
                        slow.add(topic_key(k.category, k.actor, k.kind))
                else:
                    everything = True  # linked sources or merged claimants: any topic
    if not summaries:
        return
    judgments = load_judgments(conn, None, tables["judgments_seen"])
    gone = _withdrawn(conn, tables["withdrawn_reports"])
    if streams:
        slow |= _topics_of_streams(conn, figures, streams, judgments, gone)
    if everything:
        slow |= _all_topics(conn, tables, judgments)
    pending = read_pending(conn, tables)
    slow |= pending  # stale already: their new figures wait for the recompute too
    appended = _added_rows(conn, figures, added_ids, judgments, gone, slow)
    states = _load_states(conn, tables["topic_states"], sorted(set(appended) - slow))
    builders: dict[str, SummaryBuilder] = {}
    for topic, rows in appended.items():
        if topic in slow:
            continue
        state = states.get(topic)
        builder = (
            SummaryBuilder.from_state(state, judgments.source_groups)
            if state is not None
            else SummaryBuilder(judgments.source_groups)
        )
        rows.sort(key=order_key)
        last = builder.history.last_key
        if state is not None:
            _take_up(conn, tables, topic, builder, rows)
        # Figures dated before the topic's latest go in among its steps; the rest extend it.
        early = [r for r in rows if last is not None and order_key(r) < last]
        store = TableSteps(conn, tables["topic_steps"], topic) if early else None
        if store is not None and not all(builder.insert_figure(r, store) for r in early):
            slow.add(topic)  # a text's origin changes: label them all again, at the end
            continue
        for row in rows[len(early) :]:
            builder.add_figure(row)
        builders[topic] = builder
    _write(conn, tables, builders)
    insert_many(conn, tables["topic_pending"], [{"topic": t} for t in sorted(slow - pending)])


def finish_catch_up(conn: Connection, tables: Tables) -> None:
    """Recompute the topics left stale by the batches of a catch-up, once each, at its end.

    Until then the listing computes those topics from their figures (`read_pending`), so a
    reader never sees a stale summary; a catch-up that stopped half-way leaves them to the
    next one, which finishes them even when it finds no new events."""
    pending = read_pending(conn, tables)
    if not pending:
        return
    judgments = load_judgments(conn, None, tables["judgments_seen"])
    gone = _withdrawn(conn, tables["withdrawn_reports"])
    _rewrite(conn, tables, sorted(pending), judgments, gone)
    table = tables["topic_pending"]
    topics = sorted(pending)
    for i in range(0, len(topics), 500):
        conn.execute(table.delete().where(table.c.topic.in_(topics[i : i + 500])))


def read_pending(conn: Connection, tables: Tables) -> set[str]:
    """The topics whose kept summary is stale until the running catch-up ends."""
    return set(conn.execute(select(tables["topic_pending"].c.topic)).scalars())


def summarise_all(conn: Connection, tables: Tables) -> None:
    """Every topic's summary from its live figures: the end of a rebuild, once (a rebuild
    adds figures of every date, which would recompute a topic per batch)."""
    judgments = load_judgments(conn, None, tables["judgments_seen"])
    gone = _withdrawn(conn, tables["withdrawn_reports"])
    _rewrite(conn, tables, sorted(_all_topics(conn, tables, judgments)), judgments, gone)
    conn.execute(tables["topic_pending"].delete())


# Figures whose recomputed builders may be held before they are written. A builder keeps
# every step it will write, so recomputing every topic of a rebuilt log before writing any
# held the whole log's steps at once: the replay's peak memory grew with the log. Written in
# groups, it follows the largest topic instead. The replay of 97,000 corpus events peaked at
# 144 MB with 20,000 and 121 MB with 5,000, against 104 MB for 7,000 events with either.
REWRITE_FIGURES_HELD = 5_000


def _rewrite(
    conn: Connection,
    tables: Tables,
    topics: Sequence[str],
    judgments: Judgments,
    gone: Mapping[str, tuple[str, str]],
) -> None:
    """Recompute `topics` from their live figures and store them, a group at a time."""
    group: dict[str, SummaryBuilder | None] = {}
    held = 0
    steps = tables["topic_steps"]

    def flush(topic: str, builder: SummaryBuilder) -> None:
        rows = [_step_row(topic, s, s.series, fresh) for s, fresh in builder.take_added()]
        insert_many(conn, steps, rows)

    for topic in topics:
        # The topic's steps, support groups and first carriers are written while it is
        # recomputed, a chunk at a time, so the old ones go first (`_write` deletes neither).
        for table in (steps, tables["topic_support"], tables["topic_origins"]):
            conn.execute(table.delete().where(table.c.topic == topic))
        builder = _recompute(conn, tables, topic, judgments, gone, flush)
        group[topic] = builder
        held += builder.figures if builder is not None else 0
        if held >= REWRITE_FIGURES_HELD:
            _write(conn, tables, group)
            group, held = {}, 0
    _write(conn, tables, group)


def _apply_withdrawals(conn: Connection, table: Table, batch: Batch) -> set[str]:
    """Record the batch's withdrawals as the reports view does (a report seen again is carried
    again); the streams whose withdrawal changed."""
    latest: dict[str, dict[str, Any] | None] = {}
    for event in batch:
        if isinstance(event.data, ReportWithdrawn):
            latest[event.stream_id] = {
                "stream_id": event.stream_id,
                "withdrawn_at": iso_utc(event.data.observed_at),
                "withdrawn_reason": event.data.reason,
            }
        elif isinstance(event.data, ReportObserved):
            latest[event.stream_id] = None
    if not latest:
        return set()
    keys = sorted(latest)
    known = set(
        conn.execute(select(table.c.stream_id).where(table.c.stream_id.in_(keys))).scalars()
    )
    changed = {s for s, row in latest.items() if row is not None or s in known}
    if not changed:
        return changed
    conn.execute(table.delete().where(table.c.stream_id.in_(sorted(changed))))
    insert_many(conn, table, [row for row in latest.values() if row is not None])
    return changed


def _withdrawn(conn: Connection, table: Table) -> dict[str, tuple[str, str]]:
    """Every withdrawn report: a few rows (they are the exception), read per batch."""
    return {
        s: (at, why)
        for s, at, why in conn.execute(
            select(table.c.stream_id, table.c.withdrawn_at, table.c.withdrawn_reason)
        )
    }


def as_read(
    rows: list[dict[str, Any]], judgments: Judgments, gone: Mapping[str, tuple[str, str]]
) -> list[dict[str, Any]]:
    """Figure rows (live, in log order) as `projections.audit.figures_under` hands them on:
    withdrawn marks, then judgments applied."""
    for row in rows:
        row["withdrawn_at"], row["withdrawn_reason"] = gone.get(row["stream_id"], (None, None))
        row["superseded_at"] = None
    return judge_rows(rows, judgments)


def _topics_of_streams(
    conn: Connection,
    figures: Table,
    streams: set[str],
    judgments: Judgments,
    gone: Mapping[str, tuple[str, str]],
) -> set[str]:
    """The topics the live figures of `streams` are in, as extracted or as judged, and every
    topic a judgment (live or withdrawn) moved one of them into."""
    f = figures
    rows = [
        dict(r)
        for r in conn.execute(
            select(f).where(f.c.stream_id.in_(sorted(streams)), f.c.superseded_at.is_(None))
        ).mappings()
    ]
    found = {r["topic"] for r in rows}
    found |= {r["topic"] for r in as_read(rows, judgments, gone)}
    for j in judgments.every:
        m = j.model
        if isinstance(m, FigureJudged) and m.figure.stream_id in streams and m.category:
            found.add(topic_key(m.category, m.actor, m.kind))
    return found


def _all_topics(conn: Connection, tables: Tables, judgments: Judgments) -> set[str]:
    kept = set(conn.execute(select(tables["topic_summaries"].c.topic)).scalars())
    live = set(conn.execute(select(tables["estimate_topics"].c.topic)).scalars())
    return kept | live | judgments.topics()


def _added_rows(
    conn: Connection,
    figures: Table,
    ids: Sequence[str],
    judgments: Judgments,
    gone: Mapping[str, tuple[str, str]],
    slow: set[str],
) -> dict[str, list[dict[str, Any]]]:
    """The batch's new live figures by topic, read back as the view stores them (the types a
    full computation sees). A figure a judgment moves to another topic sends both topics to
    be recomputed."""
    f = figures
    rows: list[dict[str, Any]] = []
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        query = select(f).where(f.c.figure_id.in_(chunk), f.c.superseded_at.is_(None))
        rows.extend(dict(r) for r in conn.execute(query).mappings())
    rows.sort(key=lambda r: (r["position"], r["start"]))
    raw = [r["topic"] for r in rows]
    by_topic: dict[str, list[dict[str, Any]]] = {}
    for was, row in zip(raw, as_read(rows, judgments, gone), strict=True):
        if row["topic"] != was:
            slow.update((was, row["topic"]))
        by_topic.setdefault(row["topic"], []).append(row)
    return by_topic


def _recompute(
    conn: Connection,
    tables: Tables,
    topic: str,
    judgments: Judgments,
    gone: Mapping[str, tuple[str, str]],
    flush: Callable[[str, SummaryBuilder], None],
) -> SummaryBuilder | None:
    """A topic's summary from all its live figures (None: it has none); `flush` takes the
    steps made so far after each chunk of figures, so they are never all held at once (at a
    million corpus events the largest topic held about 70,000 steps in the replay's last minutes,
    and the replay's peak memory followed it).

    Nor are its origins: a builder keeps every text's first carrier, in the topic and in the
    text's support group, to know a reprint when it comes. Past `SPILL_FIGURES` figures the
    builder is stored as a batch's would be and taken up again, holding only what the next
    chunk's figures need (`_take_up`): the same path as a topic extended by new figures, which
    is what every later chunk of a recompute in time order is."""
    f = tables["figures"]
    moved = judgments.moved_into(topic)
    mine = f.c.topic == topic
    query = select(f).where(
        or_(mine, f.c.stream_id.in_(sorted(moved))) if moved else mine,
        f.c.superseded_at.is_(None),
    )
    # In time order from the database, a chunk at a time: the builder keeps only what it
    # writes of each step, so the whole topic's figure rows are never held at once.
    order = (f.c.effective_at, f.c.position, f.c.start)
    result = conn.execute(query.order_by(*order)).mappings()
    builder = SummaryBuilder(judgments.source_groups)
    stored, held = False, 0  # the builder was stored and taken up again; figures since
    # The texts taken in so far, by hash: most texts come once, and only one seen before can
    # have a first carrier stored (a collision costs a lookup, never a missed carrier).
    seen = _TextHashes()
    while chunk := [dict(r) for r in result.fetchmany(RECOMPUTE_CHUNK)]:
        rows = [r for r in as_read(chunk, judgments, gone) if r["topic"] == topic]
        texts = [builder.origins.text_of(r) for r in rows]
        if stored:
            _take_up(conn, tables, topic, builder, rows, seen)
        seen.update(texts)
        for row in rows:
            builder.add_figure(row)
        flush(topic, builder)
        held += len(rows)
        if held >= SPILL_FIGURES and len(chunk) == RECOMPUTE_CHUNK:
            _write(conn, tables, {topic: builder})
            state = _load_states(conn, tables["topic_states"], [topic])[topic]
            builder = SummaryBuilder.from_state(state, judgments.source_groups)
            stored, held = True, 0
    return builder if builder.figures else None


class _TextHashes:
    """A set of texts that holds only their hashes (a recompute meets tens of thousands of
    64-character digests, which a set of the strings would hold again): `in` may say yes for
    a text never added, never no for one added."""

    def __init__(self) -> None:
        self._hashes: set[int] = set()

    def update(self, texts: Iterable[str]) -> None:
        self._hashes.update(map(hash, texts))

    def __contains__(self, text: object) -> bool:
        return hash(text) in self._hashes


RECOMPUTE_CHUNK = 1_000  # figure rows read at once by a recompute
# Figures of one topic a recompute holds the origins of before it stores its builder and takes
# it up again: the largest topic of a million corpus events has about 70,000, whose texts' first
# carriers (in the topic and in each support group) held about 40 MB until the end.
SPILL_FIGURES = 5_000


def _take_up(
    conn: Connection,
    tables: Tables,
    topic: str,
    builder: SummaryBuilder,
    rows: list[dict[str, Any]],
    seen: Container[str] | None = None,
) -> None:
    """Load what adding `rows` to a stored builder reads: the support groups of their bounds
    and the first carriers of their texts (`seen`: the texts storage may hold, when the caller
    knows; the others are new to the topic). Called again before each chunk of a recompute
    that stored its builder (`_recompute`): what is already held stays as it is (new there,
    or loaded before), and every carrier loaded is noted so that `_write_support` does not
    write it again."""
    history = builder.history
    skeys = [HistoryBuilder.support_key(r) for r in rows]
    keys = {k for k in skeys if k is not None}
    sup, org = tables["topic_support"], tables["topic_origins"]
    stored, live = history.stored_support, history.support_rows()
    unread = sorted(keys - set(stored) - set(live))
    for i in range(0, len(unread), 500):
        query = select(sup.c.skey, sup.c.state).where(
            sup.c.topic == topic, sup.c.skey.in_(unread[i : i + 500])
        )
        for skey, state in conn.execute(query):
            stored[skey] = (orjson.loads(state), {}, {})
            builder.loaded_support[skey] = set()
    # Each figure reads its text's first carrier in the topic and in its own support group: one
    # key each (a list of scopes times a list of texts made the database try every pair).
    known = set(stored) | set(live)
    wanted = set()
    for row, skey in zip(rows, skeys, strict=True):
        text = builder.origins.text_of(row)
        if seen is not None and text not in seen:
            continue
        wanted.add(("", text))
        if skey in known:
            wanted.add((skey, text))
    pairs = sorted(wanted)
    for i in range(0, len(pairs), 500):
        for scope, text, carrier, first in _carriers_of(conn, org, topic, pairs[i : i + 500]):
            if not scope:
                loaded, seen = builder.loaded_texts, builder.origins
            else:
                loaded, seen = builder.loaded_support.setdefault(scope, set()), live.get(scope)
            carriers, keys_at = (
                (seen.first_carrier, seen.text_at) if seen is not None else stored[scope][1:]
            )
            if text in carriers:
                continue  # held already: loaded before, or taken in since (then it is newer)
            carriers[text] = carrier
            keys_at[text] = tuple(orjson.loads(first))
            loaded.add(text)


def _carriers_of(
    conn: Connection, org: Table, topic: str, pairs: list[tuple[str, str]]
) -> list[tuple[Any, ...]]:
    """The first carriers stored for (scope, text) `pairs` of `topic`, each found by its whole
    key: the pairs are a table of their own, joined on the key. `(scope, text) IN (…)` used
    only the key's first column in SQLite and read every first carrier of the topic for each
    chunk of pairs (10 ms for the largest topic at 270,000 corpus events, 35,000 rows, with
    hundreds of such reads per catch-up window: the catch-up's cost grew with the log);
    joined, 0.07 ms."""
    sql = (
        f'SELECT o."scope", o."text", o."carrier", o."first" FROM (VALUES {{rows}}) AS wanted'
        f' JOIN "{org.name}" AS o ON o."scope" = wanted.column1 AND o."text" = wanted.column2'
        ' WHERE o."topic" = {mark}'
    )
    return fetch_rows(conn, sql, pairs, (topic,))


class _StepStatements:
    """The statements of `TableSteps` for one table, built once: a backlog of early figures
    runs them thousands of times a batch, and building the expressions cost more than
    running them."""

    def __init__(self, table: Table) -> None:
        t = table
        order = (t.c.effective_at, t.c.position, t.c.start)
        key = tuple_(*order)
        given = tuple_(bindparam("at"), bindparam("pos"), bindparam("start_at"))
        columns = (*order, t.c.change, t.c.low, t.c.high, t.c.figure_id, t.c.fresh)
        topic = t.c.topic == bindparam("in_topic")
        counting = select(*columns).where(
            topic,
            t.c.series == bindparam("series"),
            *(t.c.change != c for c in (CONTRADICTED, EXCLUDED, EARLIER)),
        )
        self.previous = DriverStatement(
            counting.where(key < given).order_by(*(c.desc() for c in order)).limit(1)
        )
        self.following = DriverStatement(counting.where(key > given).order_by(*order).limit(1))
        at = (
            topic,
            t.c.effective_at == bindparam("at"),
            t.c.position == bindparam("pos"),
            t.c.start == bindparam("start_at"),
        )
        self.at = DriverStatement(select(*columns).where(*at))
        self.count_after = DriverStatement(select(func.count()).where(topic, key > given))
        self.insert = DriverStatement(t.insert())
        self.relabel = DriverStatement(
            t.update()
            .where(*at)
            .values(change=bindparam("new_change"), fresh=bindparam("new_fresh"))
        )


_STATEMENTS: dict[str, _StepStatements] = {}


class TableSteps:
    """A topic's steps in `topic_steps`, read by key around a figure put in among them
    (`projections.summary_builder.StepStore`); every read and write is one indexed row."""

    def __init__(self, conn: Connection, table: Table, topic: str) -> None:
        self.conn, self.topic = conn, topic
        self.sql = _STATEMENTS.get(table.name)
        if self.sql is None:
            self.sql = _STATEMENTS[table.name] = _StepStatements(table)

    def _params(self, key: Key, **more: Any) -> dict[str, Any]:
        at, position, start = key
        return {"in_topic": self.topic, "at": at, "pos": position, "start_at": start, **more}

    @staticmethod
    def _row(row: Any) -> StoredStep:
        at, position, start, change, low, high, figure_id, fresh = row
        return StoredStep((at, position, start), change, low, high, figure_id, bool(fresh))

    def _one(self, statement: DriverStatement, params: dict[str, Any]) -> StoredStep | None:
        row = statement.first(self.conn, params)
        return None if row is None else self._row(row)

    def previous(self, series: str, key: Key) -> StoredStep | None:
        return self._one(self.sql.previous, self._params(key, series=series))

    def following(self, series: str, key: Key) -> StoredStep | None:
        return self._one(self.sql.following, self._params(key, series=series))

    def at(self, key: Key) -> StoredStep:
        found = self._one(self.sql.at, self._params(key))
        assert found is not None, f"no step at {key}"
        return found

    def count_after(self, key: Key) -> int:
        row = self.sql.count_after.first(self.conn, self._params(key))
        assert row is not None
        return int(row[0])

    def put(self, step: Step, series: str, fresh: bool) -> None:
        self.sql.insert.execute(self.conn, _step_row(self.topic, step, series, fresh))

    def relabel(self, key: Key, change: str, fresh: bool) -> None:
        params = self._params(key, new_change=change, new_fresh=int(fresh))
        self.sql.relabel.execute(self.conn, params)


def _step_row(topic: str, step: Step, series: str, fresh: bool) -> dict[str, Any]:
    f = step.figure
    return {
        "topic": topic,
        "effective_at": f["effective_at"],
        "position": f["position"],
        "start": f["start"],
        "change": step.change,
        "low": f.get("low"),
        "high": f.get("high"),
        "figure_id": f["figure_id"],
        "series": series,
        "fresh": int(fresh),
    }


def _load_states(conn: Connection, table: Table, topics: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for i in range(0, len(topics), 500):
        query = select(table.c.topic, table.c.state).where(table.c.topic.in_(topics[i : i + 500]))
        found.update((t, orjson.loads(s)) for t, s in conn.execute(query))
    return found


def _write(
    conn: Connection,
    tables: Tables,
    builders: Mapping[str, SummaryBuilder | None],
) -> None:
    """Store each topic's summary, state, new steps, the support groups its builder used and
    the first carriers it added (a recompute has deleted the old ones and written its steps,
    `_rewrite`); a topic whose builder is None has no live figures left and loses its rows."""
    if not builders:
        return
    summaries, states, steps = (
        tables["topic_summaries"],
        tables["topic_states"],
        tables["topic_steps"],
    )
    topics = sorted(builders)
    for i in range(0, len(topics), 500):
        chunk = topics[i : i + 500]
        conn.execute(summaries.delete().where(summaries.c.topic.in_(chunk)))
        conn.execute(states.delete().where(states.c.topic.in_(chunk)))
    kept = [(t, b) for t, b in builders.items() if b is not None]
    insert_many(
        conn,
        summaries,
        [
            {"topic": t, "figures": b.figures, "stamp": b.seal(), "summary": _json(record)}
            for t, b in kept
            for record in (b.record(),)
        ],
    )
    insert_many(conn, states, [{"topic": t, "state": _json(b.state())} for t, b in kept])
    _write_support(conn, tables, kept)
    insert_many(
        conn,
        steps,
        [
            _step_row(t, s, s.series, fresh)
            for t, b in kept
            for s, fresh in zip(b.added, b.added_fresh, strict=True)
        ],
    )


def _write_support(
    conn: Connection, tables: Tables, kept: list[tuple[str, SummaryBuilder]]
) -> None:
    """Store the support groups the builders used and the first carriers they added or
    moved earlier; a stored group a builder took up is replaced."""
    sup, org = tables["topic_support"], tables["topic_origins"]
    groups, carriers = [], []
    for topic, b in kept:
        used = b.history.support_rows()
        again = sorted(set(used) & set(b.loaded_support))
        for i in range(0, len(again), 500):
            conn.execute(
                sup.delete().where(sup.c.topic == topic, sup.c.skey.in_(again[i : i + 500]))
            )
        for scope, seen in [*used.items(), ("", b.origins)]:
            if scope:
                groups.append({"topic": topic, "skey": scope, "state": _json(seen.state())})
            for text in sorted(seen.moved_texts):
                conn.execute(
                    org.delete().where(
                        org.c.topic == topic, org.c.scope == scope, org.c.text == text
                    )
                )
            carriers += [
                {
                    "topic": topic,
                    "scope": scope,
                    "text": t,
                    "carrier": seen.first_carrier[t],
                    "first": _json(seen.text_at[t]),
                }
                for t in b.unstored_texts(scope, seen)
            ]
    insert_many(conn, sup, groups)
    insert_many(conn, org, carriers)


def _json(value: Any) -> str:
    # Column names from SQLAlchemy rows are a str subclass, which orjson takes only so.
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


# -- reading them ------------------------------------------------------------------------------


def read_summaries(conn: Connection, tables: Tables) -> list[tuple[str, str, dict[str, Any]]]:
    """Every topic's (topic, stamp, summary record): one row per topic."""
    t = tables["topic_summaries"]
    return [
        (topic, stamp, orjson.loads(summary))
        for topic, stamp, summary in conn.execute(select(t.c.topic, t.c.stamp, t.c.summary))
    ]


def read_steps(conn: Connection, tables: Tables, topic: str, stamp: str) -> list[Step] | None:
    """A topic's steps as the listing draws them (change, bounds, figure id and date), or None
    when its summary has changed since the one stamped `stamp` was read."""
    t, s = tables["topic_summaries"], tables["topic_steps"]
    now = conn.execute(select(t.c.stamp).where(t.c.topic == topic)).scalar()
    if now != stamp:
        return None
    query = select(s.c.change, s.c.low, s.c.high, s.c.figure_id, s.c.effective_at)
    order = (s.c.effective_at, s.c.position, s.c.start)
    return [
        Step(i, change, {"figure_id": fid, "effective_at": at, "low": low, "high": high})
        for i, (change, low, high, fid, at) in enumerate(
            conn.execute(query.where(s.c.topic == topic).order_by(*order)), start=1
        )
    ]


class LazySteps(Sequence[Step]):
    """A topic's steps, read on first use: the listing of every topic needs none of them, the
    web page only those of the topics it shows."""

    def __init__(self, load: Callable[[], Sequence[Step]]) -> None:
        self._load = load
        self._steps: tuple[Step, ...] | None = None

    def _all(self) -> tuple[Step, ...]:
        if self._steps is None:
            self._steps = tuple(self._load())
        return self._steps

    @overload
    def __getitem__(self, index: int) -> Step: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Step]: ...
    def __getitem__(self, index: int | slice) -> Step | Sequence[Step]:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Step]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __repr__(self) -> str:
        return f"LazySteps({'unread' if self._steps is None else len(self._steps)})"
