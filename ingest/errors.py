"""Errors of ingestion. Callers catch `IngestError`.

IngestError
└── SourceError      a source (file, folder, URL) cannot be read; the message names it
"""

from __future__ import annotations


class IngestError(Exception):
    """Base of every error raised by `ingest`."""


class SourceError(IngestError):
    """A source cannot be read. The message starts with the file, folder or URL."""
