"""Scratch databases for the benchmarks, and raw driver connections set up like the store's.

Fairness: the raw SQLite baseline uses the same pragmas the store sets on every connection
(WAL, synchronous=NORMAL, autocommit mode with explicit BEGIN), and both sides write into the
same schema (created by `EventStore.open`, so the same indexes and constraints).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from events import EventStore
from events.dialect.sqlite import APPEND_PRAGMAS
from osint.wiring import open_store

PG_SERVER = os.environ.get("OSINT_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


class Scratch:
    """A temporary folder for SQLite files and, if the server answers, a PostgreSQL database."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="osint-bench-"))
        self.pg_name: str | None = None
        self.pg_fresh: list[str] = []
        self._n = 0

    def sqlite_url(self) -> str:
        """A fresh, empty SQLite file each call."""
        self._n += 1
        return f"sqlite:///{self.dir / f'log{self._n}.db'}"

    def pg_url(self) -> str | None:
        """The scratch PostgreSQL database, emptied (None if the server is not reachable)."""
        if self.pg_name is None:
            name = f"osint_bench_{uuid.uuid4().hex[:10]}"
            try:
                admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
                with admin.connect() as conn:
                    conn.execute(text(f'CREATE DATABASE "{name}"'))
                admin.dispose()
            except Exception:
                return None
            self.pg_name = name
        url = f"{PG_SERVER}/{self.pg_name}"
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        return url

    def pg_new_url(self) -> str:
        """A new, empty PostgreSQL database each call (dropped at `close`), for benchmarks
        that keep several logs at once, as the scale rows do."""
        name = f"osint_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        self.pg_fresh.append(name)
        return f"{PG_SERVER}/{name}"

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        names = [*([self.pg_name] if self.pg_name else []), *self.pg_fresh]
        if names:
            admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                for name in names:
                    conn.execute(
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                            " WHERE datname = :n AND pid <> pg_backend_pid()"
                        ),
                        {"n": name},
                    )
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            admin.dispose()


@contextmanager
def scratch() -> Iterator[Scratch]:
    s = Scratch()
    try:
        yield s
    finally:
        s.close()


def empty_store(url: str) -> EventStore:
    """An opened store on an empty database (schema made before any timing starts)."""
    return open_store(url)


def make_schema(url: str) -> None:
    open_store(url).close()


def raw_sqlite(url: str) -> sqlite3.Connection:
    """A sqlite3 connection with the store's pragmas, in autocommit mode (we BEGIN ourselves),
    and those of its append connection (cache and checkpoint interval)."""
    path = url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 60000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    for pragma in APPEND_PRAGMAS:
        conn.execute(pragma)
    return conn


def raw_pg(url: str):  # type: ignore[no-untyped-def]
    """A plain psycopg connection to the SQLAlchemy URL `url`."""
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
