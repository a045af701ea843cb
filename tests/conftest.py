"""Fixtures: real SQLite files and a real PostgreSQL database (127.0.0.1:5432, trust auth).

Each test session creates its own PostgreSQL database and drops it at the end; each test gets a
clean `public` schema in it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bench.sim import fresh_database
from events import EventStore
from osint.wiring import open_store

PG_SERVER = os.environ.get("OSINT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_58dc72c931c469eb.txt"


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A database of our own on the real server, for this test session."""
    with fresh_database(PG_SERVER, "osint_test") as url:
        yield url


def reset_pg(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'log.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database, once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'log.db'}"
    url = request.getfixturevalue("pg_database")
    reset_pg(url)
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[EventStore]:
    s = open_store(db_url)
    yield s
    s.close()
