"""The folder reader: `.txt` and `.md` files under a folder, recursively, as observations.

The item key is the path relative to the folder (POSIX form), so the same folder read from
another working directory or machine maps onto the same streams.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ingest.capture import file_capture
from ingest.errors import SourceError
from ingest.frontmatter import FrontMatterError, split_front_matter
from ingest.observation import Observation

SUFFIXES = frozenset({".txt", ".md"})
_FIRST_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=[\s\"'”’)]|$)|$)", re.DOTALL)
TITLE_LIMIT = 160


def list_files(folder: Path) -> list[Path]:
    """The readable text files under `folder`, sorted for a stable order."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES and p.is_file() and not _hidden(p, folder)
    )


def read_folder(folder: Path, source_id: str) -> Iterator[Observation]:
    """Observations of every text file under `folder`; raises `SourceError` naming a bad file."""
    if not folder.is_dir():
        raise SourceError(f"{folder}: not a folder")
    for path in list_files(folder):
        yield read_file(path, source_id, item_key=path.relative_to(folder).as_posix())


def read_file(path: Path, source_id: str, item_key: str | None = None) -> Observation:
    """One file as an observation. Title: front matter, else the body's first sentence."""
    try:
        raw = path.read_bytes()
        content = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        front, body = split_front_matter(content)
    except FrontMatterError as exc:
        raise SourceError(f"{path}: {exc}") from None
    body = body.replace("\r\n", "\n").strip()
    extra: dict[str, object] = {"path": item_key or path.name}
    if front.extra:
        extra["front_matter"] = front.extra
    return Observation(
        source_id=source_id,
        item_key=item_key or path.name,
        text=body,
        url=front.url,
        title=front.title or first_sentence(body),
        authors=front.authors,
        published_at=front.published,
        raw=extra,
        capture=file_capture(path, raw),
    )


def first_sentence(text: str) -> str | None:
    """A title for an untitled text: its first sentence, cut at a word near `TITLE_LIMIT`."""
    match = _FIRST_SENTENCE.search(text[: TITLE_LIMIT * 4])
    if not match:
        return None
    sentence = " ".join(match.group(0).split())
    if len(sentence) <= TITLE_LIMIT:
        return sentence
    cut = sentence[:TITLE_LIMIT].rsplit(" ", 1)[0]
    return cut + "…"


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
