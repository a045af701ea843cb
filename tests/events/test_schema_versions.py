"""The schema registry: every component created at its current version, a database written by an
older osint (53b5566, kept as a fixture on both backends) upgraded on open with nothing lost,
and a database from a newer program refused clearly and left unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Connection, create_engine, text

from events import Component, Database, SchemaRegistry, SchemaVersionError, Step, merkle
from events import schema as log_schema
from events.checkpoints import rebuilt_leaves
from events.tree import StoredTree
from osint.cli import cli
from osint.wiring import SCHEMA, open_store
from tests.conftest import reset_pg

LEGACY = Path(__file__).resolve().parent.parent / "fixtures" / "legacy"
TARGETS = {c.name: c.version for c in SCHEMA.components}


def _versions(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT component, version FROM schema_components")).all()
    engine.dispose()
    return dict(rows)


def _load_legacy(db_url: str, tmp_path: Path) -> str:
    """The 53b5566 database on this backend: the SQLite file copied, or the dump loaded."""
    if db_url.startswith("sqlite"):
        path = tmp_path / "old.db"
        shutil.copy(LEGACY / "log-53b5566.sqlite", path)
        return f"sqlite:///{path}"
    engine = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql((LEGACY / "log-53b5566.pg.sql").read_text().replace("%", "%%"))
    engine.dispose()
    return db_url


def test_a_new_database_has_every_component_at_its_version(db_url: str):
    open_store(db_url).close()
    assert _versions(db_url) == TARGETS
    assert {
        "events": log_schema.COMPONENT.version,
        "projections": 1,
        "ingest": 2,
        "alerts": 1,
    } == TARGETS


def test_a_53b5566_database_is_upgraded_on_open_and_keeps_everything(db_url: str, tmp_path):
    url = _load_legacy(db_url, tmp_path)
    db = Database.open(url)
    before = {s.name: (s.version, len(s.pending)) for s in SCHEMA.status(db)}
    db.close()
    # The log was at 2 (schema_info); projection_state, poll_state, scheduler_lease existed.
    pending = log_schema.COMPONENT.version - 2
    assert before == {
        "events": (2, pending),
        "projections": (1, 0),
        "ingest": (1, 1),  # the index on poll_state.next_due is new since 53b5566
        "alerts": (0, 1),  # new since 53b5566
    }

    store = open_store(url)
    assert _versions(url) == TARGETS
    assert [e.type for e in store.read()] == ["ReportObserved", "ReportObserved", "FetchFailed"]
    assert store.verify().ok
    # The Merkle tree was built for the three events already there.
    leaves = [leaf for _, leaf in rebuilt_leaves(store, 3)]
    assert StoredTree(store.db).root(3) == merkle.root_of(leaves)
    with store.db.connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_info")).scalar_one() == 3
        assert conn.execute(text("SELECT count(*) FROM poll_state")).scalar_one() == 2
    store.close()

    # The views the old program built are read, then rebuilt where a projector changed.
    result = CliRunner().invoke(cli, ["--db", url, "project"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        cli, ["--db", url, "audit", "troops/north-korea", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    steps = json.loads(result.output)["steps"]
    assert [s["text"] for s in steps] == ["About 3,000", "up to 11,000"]  # by date


def test_an_older_osint_refuses_the_upgraded_database(sqlite_url: str):
    """`schema_info` says 3 after the upgrade: 53b5566 knew up to 2 and refuses to open it."""
    open_store(sqlite_url).close()
    engine = create_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version FROM schema_info")).scalar_one() == 3
    engine.dispose()
    assert log_schema.LEGACY_VERSION == 3


def test_db_status_shows_pending_steps_and_upgrade_applies_them(sqlite_url: str, tmp_path):
    url = _load_legacy(sqlite_url, tmp_path)
    runner = CliRunner()
    status = runner.invoke(cli, ["--db", url, "db", "status", "--format", "json"])
    assert status.exit_code == 0, status.output
    components = {c["component"]: c for c in json.loads(status.output)["components"]}
    assert components["events"]["version"] == 2
    later = [step.describe for step in log_schema.COMPONENT.steps[2:]]
    assert components["events"]["pending"] == later
    assert later[0] == "versions kept by the schema registry; schema_info retired"
    assert components["projections"]["pending"] == []
    assert len(components["ingest"]["pending"]) == 1  # the index on poll_state.next_due
    assert len(components["alerts"]["pending"]) == 1  # new since 53b5566

    upgrade = runner.invoke(cli, ["--db", url, "db", "upgrade"])
    assert upgrade.exit_code == 0, upgrade.output
    assert f"{len(later) + 2} step(s) applied" in upgrade.output
    status = runner.invoke(cli, ["--db", url, "db", "status"])
    assert status.output.count("up to date") == 4


def test_db_status_on_a_missing_file_creates_nothing(tmp_path: Path):
    missing = tmp_path / "nothing.db"
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{missing}", "db", "status"])
    assert result.exit_code == 1
    assert f"no log at {missing}" in result.output
    assert not missing.exists()


def test_a_database_from_a_newer_program_is_refused_and_left_unchanged(db_url: str):
    store = open_store(db_url)
    store.append([])
    with store.db.transaction() as conn:
        conn.execute(text("UPDATE schema_components SET version = 9 WHERE component = 'events'"))
    store.close()

    with pytest.raises(SchemaVersionError) as caught:
        open_store(db_url)
    message = str(caught.value)
    assert "events schema version 9" in message
    assert f"knows up to {log_schema.COMPONENT.version}" in message
    assert "upgrade osint" in message
    assert _versions(db_url)["events"] == 9


def test_the_command_line_says_so_in_one_line_and_exits_1(sqlite_url: str):
    store = open_store(sqlite_url)
    with store.db.transaction() as conn:
        conn.execute(text("UPDATE schema_components SET version = 9 WHERE component = 'ingest'"))
    store.close()

    result = CliRunner().invoke(cli, ["--db", sqlite_url, "verify"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "newer version of osint (ingest schema version 9" in lines[0]


def test_steps_run_once_in_order_and_a_failing_step_changes_nothing(db_url: str):
    ran: list[str] = []

    def step(name: str, fail: bool = False):  # type: ignore[no-untyped-def]
        def apply(conn: Connection, _db: Database) -> None:
            ran.append(name)
            conn.exec_driver_sql(f"CREATE TABLE t_{name} (x INTEGER)")
            if fail:
                raise RuntimeError("step failed")

        return Step(f"make t_{name}", apply)

    db = Database.open(db_url)
    one = SchemaRegistry([Component("demo", (step("a"), step("b")))])
    one.upgrade(db)
    one.upgrade(db)
    assert ran == ["a", "b"]
    broken = SchemaRegistry([Component("demo", (step("a"), step("b"), step("c", fail=True)))])
    with pytest.raises(RuntimeError):
        broken.upgrade(db)
    assert [s.version for s in broken.status(db)] == [2]
    assert not db.has_table("t_c")
    db.close()
    if not db_url.startswith("sqlite"):
        reset_pg(db_url)


def _as_at_version_6(url: str, head: tuple[int, str]) -> None:
    """Put the log back into the shape step 6 left it in: the head in `log_head`, tree rows
    without their head hash."""
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE tree_nodes DROP COLUMN head_hash")
        conn.exec_driver_sql("ALTER TABLE log_head ADD COLUMN position BIGINT NOT NULL DEFAULT 0")
        conn.exec_driver_sql("ALTER TABLE log_head ADD COLUMN hash VARCHAR(64) NOT NULL DEFAULT ''")
        conn.execute(
            text("UPDATE log_head SET position = :p, hash = :h"), {"p": head[0], "h": head[1]}
        )
        conn.execute(text("UPDATE schema_components SET version = 6 WHERE component = 'events'"))
    engine.dispose()


def test_step_7_moves_the_head_into_the_tree_rows_of_an_existing_log(db_url: str):
    store = open_store(db_url)
    for start, size in ((0, 3), (3, 1), (4, 5)):
        store.append([_note(i) for i in range(start, start + size)])
    head = store.head()
    store.close()
    assert head[0] == 9
    _as_at_version_6(db_url, head)

    store = open_store(db_url)
    assert _versions(db_url)["events"] == log_schema.COMPONENT.version
    assert store.head() == head
    assert store.verify().ok
    with store.db.connect() as conn:
        filled = conn.execute(
            text(
                "SELECT t.first_leaf, t.head_hash = e.hash FROM tree_nodes t"
                " JOIN events e ON e.position = t.first_leaf + t.leaves ORDER BY t.first_leaf"
            )
        ).all()
        log_head_columns = conn.exec_driver_sql("SELECT * FROM log_head").keys()
    assert [tuple(r) for r in filled] == [(0, True), (3, True), (4, True)]
    assert list(log_head_columns) == ["id"]
    # The tree's triggers are back: the step's own UPDATE was the last one allowed.
    with pytest.raises(Exception, match="append-only"), store.db.transaction() as conn:
        conn.execute(text("UPDATE tree_nodes SET head_hash = 'x'"))
    assert store.append([_note(9), _note(10)]) == [10, 11]
    assert store.verify().ok
    leaves = [leaf for _, leaf in rebuilt_leaves(store, 11)]
    assert StoredTree(store.db).root(11) == merkle.root_of(leaves)
    store.close()
    if not db_url.startswith("sqlite"):
        reset_pg(db_url)


def _note(i: int):  # type: ignore[no-untyped-def]
    from events import NewEvent

    return NewEvent(f"00000000-0000-4000-8000-{i:012d}", f"s/{i % 4}", "Note", 1, {"n": i})
