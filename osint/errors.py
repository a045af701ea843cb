"""Errors of the command layer itself (a chart it cannot write, say). Every package's base
error (`EventStoreError`, `IngestError`, `ProjectionError`, `OsintError`) is turned into one
line and exit status 1 by the command group, never a traceback.

OsintError
├── ChartError          a chart cannot be drawn or written where asked
├── EvidenceFileError   a key, checkpoint, bundle or export file is missing, unreadable or bad
└── BadParameter        a web request's parameter the app cannot read (a time that is no time)
"""

from __future__ import annotations


class OsintError(Exception):
    """Base of the command layer's own errors."""


class ChartError(OsintError):
    """A chart cannot be drawn or written where asked."""


class EvidenceFileError(OsintError):
    """A key, checkpoint, bundle or export file is missing, unreadable or not what it should be."""


class BadParameter(OsintError):
    """A web request's parameter that the app cannot read."""
