"""The page reader: one article page (HTML bytes) → one observation, via trafilatura.

trafilatura measured best on its 990-page benchmark (F1 0.926, against 0.853 for
readability-lxml and 0.799 for newspaper4k). It only reads the document it is given: the
fetching is ours (`ingest.fetch`), so its own downloader is never used.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from ingest.errors import SourceError
from ingest.feed import normalise_link
from ingest.observation import Observation


class PageError(SourceError):
    """An article page gave no main text."""


def read_page(body: bytes, source_id: str, url: str) -> Observation:
    """The page's main text, title, author and publication date where the page gives them."""
    import trafilatura  # imported here: it costs 0.2 s, and most commands never read a page

    document = trafilatura.bare_extraction(
        body,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise PageError(f"{url}: no article text found in the page")
    title = (document.title or "").strip() or None
    authors = tuple(a.strip() for a in (document.author or "").split(";") if a.strip())
    raw: dict[str, object] = {}
    for name in ("sitename", "hostname", "language", "date"):
        value = getattr(document, name, None)
        if value:
            raw[name] = str(value)
    canonical = getattr(document, "url", None) or url
    return Observation(
        source_id=source_id,
        item_key=normalise_link(url),
        text=_paragraphs(text),
        url=canonical,
        title=title,
        authors=authors,
        published_at=_published(document.date),
        raw=raw,
    )


def _paragraphs(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _published(value: str | None) -> datetime | None:
    """trafilatura gives `YYYY-MM-DD`; a date alone means midnight UTC."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
