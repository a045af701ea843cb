"""Errors of the views and their queries. Callers catch `ProjectionError`; each message is one
line a command can print as it is.

ProjectionError
├── CheckpointMoved   another process moved a view's checkpoint during our batch (rolled back)
├── UnknownTopic      a topic name that matches no topic; the message lists the close ones
└── AuditError        a query cannot answer as asked
    ├── ViewNotReady  the figures view is stale or behind the cut-off asked for
    │   └── ViewMissing  it was never built (nothing ingested yet)
    ├── UnknownFigure no figure with that id
    ├── UnknownReport no report (or several) matching what was asked
    ├── BadSearch     a search with no words, or too many
    └── BadCursor     a page cursor that no page gave (projections.cursor)
"""

from __future__ import annotations


class ProjectionError(Exception):
    """Base of every error raised by `projections`."""


class CheckpointMoved(ProjectionError):
    """Another process moved a checkpoint during our batch; the batch was rolled back."""


class UnknownTopic(ProjectionError):
    """A topic name that matches no topic in the view; the message lists the close ones."""


class AuditError(ProjectionError):
    """A query cannot answer as asked."""


class ViewNotReady(AuditError):
    """The figures view is stale, or behind the cut-off asked for."""


class ViewMissing(ViewNotReady):
    """The figures view was never built."""


class UnknownFigure(AuditError):
    """No figure has that id."""


class UnknownReport(AuditError):
    """No report, or more than one, matches what was asked."""


class BadSearch(AuditError):
    """A search with no words, or too many."""


class BadCursor(AuditError):
    """A page cursor that no page gave."""
