"""The folder reader: `.txt`, `.md`, `.html` and `.htm` files under a folder, recursively.

The item key is the path relative to the folder (POSIX form), so the same folder read from
another working directory or machine maps onto the same streams. A saved web page is read by
the page reader (its main text, title, author and date), not as text with its markup.

Text that is not UTF-8 is read in the legacy encoding charset-normalizer finds for it (Latin-1,
Windows-1251, …), and the observation's raw metadata says which (`encoding`). A file that still
cannot be read is, in a folder, reported to `on_skip` by path and left out, so one bad file does
not keep the rest of the folder out of the log; read alone, it raises.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from ingest.capture import file_capture
from ingest.errors import SourceError
from ingest.frontmatter import FrontMatterError, split_front_matter
from ingest.observation import Observation

TEXT_SUFFIXES = frozenset({".txt", ".md"})
PAGE_SUFFIXES = frozenset({".html", ".htm"})
SUFFIXES = TEXT_SUFFIXES | PAGE_SUFFIXES
_FIRST_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=[\s\"'”’)]|$)|$)", re.DOTALL)
TITLE_LIMIT = 160


def list_files(folder: Path) -> list[Path]:
    """The readable text files under `folder`, sorted for a stable order."""
    return sorted(
        p
        for p in folder.rglob("*")
        if p.suffix.lower() in SUFFIXES and p.is_file() and not _hidden(p, folder)
    )


def read_folder(
    folder: Path,
    source_id: str,
    on_skip: Callable[[SourceError], None] | None = None,
    on_file: Callable[[Path], None] | None = None,
) -> Iterator[Observation]:
    """Observations of every readable file under `folder`. A file that cannot be read goes to
    `on_skip` and is left out; without `on_skip` its `SourceError` is raised. `on_file` is
    called after each file (for a progress bar)."""
    if not folder.is_dir():
        raise SourceError(f"{folder}: not a folder")
    for path in list_files(folder):
        try:
            yield read_file(path, source_id, item_key=path.relative_to(folder).as_posix())
        except SourceError as exc:
            if on_skip is None:
                raise
            on_skip(exc)
        finally:
            if on_file is not None:
                on_file(path)


def read_file(path: Path, source_id: str, item_key: str | None = None) -> Observation:
    """One file as an observation. Title: front matter, else the body's first sentence; a
    `.html` or `.htm` file is read as a page."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path}: no such file") from None
    except PermissionError:
        raise SourceError(f"{path}: permission denied") from None
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror})") from None
    key = item_key or path.name
    if path.suffix.lower() in PAGE_SUFFIXES:
        from ingest.page import read_page  # trafilatura loads only for a folder with pages

        page = read_page(data, source_id, None, item_key=key, location=str(path))
        return replace(page, raw={**page.raw, "path": key}, capture=file_capture(path, data))
    content, encoding = decode_text(data, path)
    try:
        front, body = split_front_matter(content)
    except FrontMatterError as exc:
        raise SourceError(f"{path}: {exc}") from None
    body = body.replace("\r\n", "\n").strip()
    raw: dict[str, object] = {"path": key}
    if encoding != "utf-8":
        raw["encoding"] = encoding
    if front.extra:
        raw["front_matter"] = front.extra
    return Observation(
        source_id=source_id,
        item_key=key,
        text=body,
        url=front.url,
        title=front.title or first_sentence(body),
        authors=front.authors,
        published_at=front.published,
        raw=raw,
        capture=file_capture(path, data),
    )


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    """The text and the encoding it was read in: UTF-8 (a BOM allowed), else the legacy
    encoding charset-normalizer finds; `SourceError` if none fits (binary data)."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise SourceError(
            f"{path}: not text: not UTF-8 (byte {first_bad}) and no other encoding fits"
        )
    return str(best), best.encoding


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
