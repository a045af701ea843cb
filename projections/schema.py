"""The projections' own table in the schema registry: each view's generations and checkpoints.

The views' tables themselves are not registered: they are made per generation by the runner
(`figures_g3`), in the transaction that records the generation, and dropped with it.
"""

from __future__ import annotations

from sqlalchemy import Connection

from events import Component, Database, Step
from projections.state import projection_state, state_metadata


def _create_state(conn: Connection, _db: Database) -> None:
    state_metadata.create_all(conn)


def _adopt(conn: Connection) -> int:
    """A database made before the registry: the table exists if a view was ever built."""
    return 1 if conn.dialect.has_table(conn, projection_state.name) else 0


COMPONENT = Component(
    "projections",
    (Step("projection_state: each view's generations and checkpoints", _create_state),),
    _adopt,
)
