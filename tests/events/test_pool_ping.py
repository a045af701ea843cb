"""PostgreSQL's pool pings a connection only after it sat idle: a scheduler takes one three or
four times per poll, milliseconds apart, and a ping at every checkout was a round trip each.
A connection the server ended while it was idle is still replaced before anyone uses it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from events import Database
from events.dialect import postgresql
from tests.conftest import reset_pg

pytestmark = pytest.mark.postgres


@pytest.fixture
def db(pg_database: str) -> Iterator[Database]:
    reset_pg(pg_database)
    database = Database.open(pg_database)
    yield database
    database.close()


def count_pings(db: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    pings: list[int] = []
    real = db.engine.dialect.do_ping

    def counted(dbapi: Any) -> bool:
        pings.append(1)
        return real(dbapi)

    monkeypatch.setattr(db.engine.dialect, "do_ping", counted)
    return pings


def backend_pid(db: Database) -> int:
    with db.connect() as conn:
        return int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())


def test_a_connection_given_back_just_now_is_not_pinged(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    pings = count_pings(db, monkeypatch)
    first = backend_pid(db)  # a new connection: pinged once
    for _ in range(20):
        with db.transaction() as conn:
            conn.execute(text("SELECT 1"))
    assert backend_pid(db) == first  # the same pooled connection throughout
    assert len(pings) == 1  # 22 checkouts; with pool_pre_ping there were 22 pings


def test_a_connection_ended_while_idle_is_replaced_before_use(
    db: Database, pg_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = backend_pid(db)
    admin = create_engine(pg_database, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": victim}).scalar()
    finally:
        admin.dispose()
    # Idle long enough: the next checkout pings, finds it dead and takes a new connection.
    monkeypatch.setattr(postgresql, "PING_AFTER_IDLE_SECONDS", 0.0)
    pings = count_pings(db, monkeypatch)
    with db.transaction() as conn:
        assert conn.execute(text("SELECT 41 + 1")).scalar_one() == 42
    assert backend_pid(db) != victim
    assert len(pings) >= 2  # the dead one, then the new one
