"""The sources file (`sources.toml`): which sources to poll, how, and how often.

Each `[[source]]` table becomes a frozen `Source`. Unknown fields are refused, so a typo such as
`evry = "15m"` fails at load rather than silently polling at the default. Every error names the
file, the line and the field (tomllib gives no positions for values, so the line is found by
looking for the field inside the source's own table).

SourcesFileError (an `IngestError`)   the file is missing, not TOML, or a source is invalid
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterable, Iterator, KeysView, Sequence
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, overload

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ingest.errors import IngestError

Kind = Literal["folder", "feed", "page", "telegram", "telegram-web"]
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|s)")
_UNITS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0}
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_HEADER_LINE = re.compile(r"^[ \t]*\[\[\s*source\s*\]\]", re.MULTILINE)

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_BACKOFF = "6h"
DEFAULT_MAX_PAGES = 5


class SourcesFileError(IngestError):
    """The sources file cannot be used. The message starts with `FILE:LINE:`."""


def parse_duration(value: str) -> float:
    """Seconds in a duration such as `90s`, `15m`, `1h30m` or `2d`; ValueError otherwise."""
    text = value.strip().lower()
    pos, total = 0, 0.0
    for match in _DURATION.finditer(text):
        if text[pos : match.start()].strip():
            break
        total += float(match.group(1)) * _UNITS[match.group(2)]
        pos = match.end()
    if not text or text[pos:].strip() or total <= 0:
        raise ValueError(f"{value!r} is not a duration like '30s', '15m', '1h30m' or '1d'")
    return total


class Source(BaseModel):
    """One source. Exactly one of `every` and `cron`; `url` or `path` as its kind needs."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: Kind
    url: str | None = None
    path: Path | None = None
    every: str | None = None
    cron: str | None = None
    allow_private: bool = False
    timeout: float = Field(default=DEFAULT_TIMEOUT, gt=0, le=600)
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0)
    max_redirects: int = Field(default=5, ge=0, le=20)
    retries: int = Field(default=2, ge=0, le=10)
    max_backoff: str = DEFAULT_MAX_BACKOFF
    headers: dict[str, str] = Field(default_factory=dict)
    # telegram-web: how many preview pages (about 20 posts each) one poll reads, newest first.
    max_pages: int = Field(default=DEFAULT_MAX_PAGES, ge=1, le=100)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("use letters, digits, '.', '_' and '-' (at most 100)")
        return value

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^/\s]+", value, re.IGNORECASE):
            raise ValueError(f"{value!r} is not an http:// or https:// URL")
        return value

    @field_validator("every", "max_backoff")
    @classmethod
    def _check_duration(cls, value: str | None) -> str | None:
        if value is not None:
            parse_duration(value)
        return value

    @field_validator("cron")
    @classmethod
    def _check_cron(cls, value: str | None) -> str | None:
        if value is not None:
            from apscheduler.triggers.cron import CronTrigger

            try:
                CronTrigger.from_crontab(value, timezone="UTC")
            except ValueError as exc:
                raise ValueError(f"{value!r} is not a cron expression ({exc})") from None
        return value

    @field_validator("headers")
    @classmethod
    def _check_headers(cls, value: dict[str, str]) -> dict[str, str]:
        for name, content in value.items():
            if not re.match(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", name) or "\n" in content:
                raise ValueError(f"{name!r} is not a valid HTTP header")
        return value

    @model_validator(mode="after")
    def _check_shape(self) -> Source:
        if (self.every is None) == (self.cron is None):
            raise ValueError('give exactly one schedule: every = "15m" or cron = "*/15 * * * *"')
        if self.kind == "folder":
            if self.path is None or self.url is not None:
                raise ValueError("a folder source needs path (and no url)")
        elif self.kind == "telegram-web":
            if self.url is None or self.path is not None:
                raise ValueError(
                    "a telegram-web source needs url (https://t.me/s/NAME) and no path"
                )
        elif (self.url is None) == (self.path is None):
            raise ValueError(f"a {self.kind} source needs exactly one of url and path")
        return self

    @property
    def interval_seconds(self) -> float:
        """The nominal gap between polls: for cron, its shortest gap between two fire times.

        Taken over a fixed stretch of calendar rather than from the clock, so the back-off and
        the scheduler's waits for `*/30 6-22 * * *` are the same at noon and at midnight.
        """
        if self.every is not None:
            return parse_duration(self.every)
        return cron_interval_seconds(self.cron or "")

    @property
    def max_backoff_seconds(self) -> float:
        """The longest gap between tries of a failing source: never less than its interval."""
        return max(parse_duration(self.max_backoff), self.interval_seconds)

    @property
    def location(self) -> str:
        """The URL or path, for messages and for the polling state."""
        return self.url if self.url is not None else str(self.path)


_CRON_REFERENCE = datetime(2024, 1, 1, tzinfo=UTC)  # a Monday; 2024 is a leap year
_CRON_HORIZON = timedelta(days=400)
_CRON_MAX_FIRES = 600


@lru_cache(maxsize=256)
def cron_interval_seconds(expression: str) -> float:
    """The shortest gap between consecutive fire times of a cron expression, in seconds.

    Walks at most 600 fire times or 400 days from a fixed Monday, stopping early at one minute
    (cron's finest step). An expression that fires at most once in that stretch counts as daily.
    """
    from apscheduler.triggers.cron import CronTrigger

    trigger = CronTrigger.from_crontab(expression, timezone="UTC")
    shortest: float | None = None
    previous = trigger.get_next_fire_time(None, _CRON_REFERENCE)
    for _ in range(_CRON_MAX_FIRES):
        if previous is None or previous - _CRON_REFERENCE > _CRON_HORIZON:
            break
        following = trigger.get_next_fire_time(previous, previous + timedelta(seconds=1))
        if following is None:
            break
        gap = (following - previous).total_seconds()
        shortest = gap if shortest is None else min(shortest, gap)
        if shortest <= 60:
            break
        previous = following
    return max(1.0, shortest) if shortest is not None else 86400.0


def load_sources(path: Path) -> list[Source]:
    """The sources declared in `path`; `SourcesFileError` naming file, line and field."""
    return list(load_source_table(path))


def load_source_table(path: Path) -> SourceTable:
    """The sources of `path` as a compact `SourceTable` (what a scheduler keeps); the same
    checks and messages as `load_sources`."""
    text = _read_text(path)
    starts = _header_lines(text)
    table = SourceTable()
    seen: dict[str, int] = {}
    for start, end, values in _source_tables(path, text, starts):
        source = _build(path, text, values, start, end)
        if source.id in seen:
            line = _find_line(text.splitlines(), "id", start, end) or start + 1
            raise SourcesFileError(
                f"{path}:{line}: field 'id': {source.id!r} is already used by the source"
                f" at line {seen[source.id]}"
            )
        seen[source.id] = start + 1
        table.add(source)
    if not len(table):
        raise SourcesFileError(f"{path}:1: no [[source]] tables")
    return table


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise SourcesFileError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise SourcesFileError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise SourcesFileError(f"{path}: cannot read ({exc.strerror})") from None


def _source_tables(
    path: Path, text: str, starts: list[tuple[int, int]]
) -> Iterator[tuple[int, int | None, dict[str, Any]]]:
    """Each `[[source]]` table with its first line and the next table's (0-based).

    The file is parsed one table at a time, cut at its header lines: parsed whole, tomllib's
    document of a 10,000-source file was the largest thing a scheduler ever held (12 MB at
    the peak of loading, which stays in its resident size). A piece that does not parse alone
    into exactly one source table (a header line inside a multi-line string, a table of
    another name, a syntax error) makes the whole file parse the usual way instead, so the
    result and each message are those of one `tomllib.loads` of the whole text. Only a file
    with several mistakes may be told a different one first: a field's error in an earlier
    table now comes before a syntax error in a later one."""
    pieces = _pieces(text, starts)
    if pieces is None:
        yield from _whole_document(path, text, starts)
        return
    for index, piece in enumerate(pieces):
        start = starts[index][0]
        end = starts[index + 1][0] if index + 1 < len(starts) else None
        try:
            document = tomllib.loads(text[piece[0] : piece[1]])
        except tomllib.TOMLDecodeError:
            document = None
        tables = document.get("source") if document is not None and len(document) == 1 else None
        if not isinstance(tables, list) or len(tables) != 1 or not isinstance(tables[0], dict):
            # Only the first pieces were used, and each was checked whole: nothing was yielded
            # that the whole document would not give, but the rest must come from it.
            yield from itertools.islice(_whole_document(path, text, starts), index, None)
            return
        yield start, end, tables[0]


def _pieces(text: str, starts: list[tuple[int, int]]) -> list[tuple[int, int]] | None:
    """The character span of each table, or None when the text before the first header holds
    more than comments and blank lines (a top-level key: the whole parse names it)."""
    if not starts:
        return None
    try:
        if tomllib.loads(text[: starts[0][1]]):
            return None
    except tomllib.TOMLDecodeError:
        return None
    offsets = [offset for _line, offset in starts] + [len(text)]
    return list(itertools.pairwise(offsets))


def _whole_document(
    path: Path, text: str, starts: list[tuple[int, int]]
) -> Iterator[tuple[int, int | None, dict[str, Any]]]:
    """The tables of the whole text parsed at once, with the checks that name what is wrong."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _line_of_decode_error(exc)
        raise SourcesFileError(f"{path}:{line}: not valid TOML ({_short(exc)})") from None
    extra = sorted(set(document) - {"source"})
    if extra:
        line = _find_line(text.splitlines(), extra[0], 0, None) or 1
        raise SourcesFileError(
            f"{path}:{line}: unknown top-level key {extra[0]!r} (sources are [[source]] tables)"
        )
    tables = document.get("source", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise SourcesFileError(f"{path}:1: 'source' must be an array of tables ([[source]])")
    for index, table in enumerate(tables):
        start = starts[index][0] if index < len(starts) else 0
        end = starts[index + 1][0] if index + 1 < len(starts) else None
        tables[index] = None  # the parsed table is no longer needed once it is a Source
        yield start, end, table


def _header_lines(text: str) -> list[tuple[int, int]]:
    """The 0-based line number and the character offset of each `[[source]]` header.

    Line numbers are needed for messages only: the header lines are counted in the text, and
    its lines split only when there is an error to place (at 10,000 sources the split lines
    were a third of what loading held at its peak)."""
    found: list[tuple[int, int]] = []
    line, pos = 0, 0
    for match in _HEADER_LINE.finditer(text):
        line += text.count("\n", pos, match.start())
        pos = match.start()
        found.append((line, pos))
    return found


class SourceTable(Sequence[Source]):
    """The sources of one file, kept compact: what a scheduler holds for as long as it runs.

    A `Source` model took about 0.8 KB even with its field set and headers shared; here each
    source is one tuple of its field values, equal values shared between sources (the kind,
    the interval, the headers), and its model is built again when asked for, from values that
    were validated once (`model_construct`, a few microseconds, once per poll)."""

    _FIELDS = tuple(Source.model_fields)

    def __init__(self, sources: Iterable[Source] = ()) -> None:
        self._rows: list[tuple[Any, ...]] = []
        self._index: dict[str, int] = {}
        self._shared: dict[object, Any] = {}
        for source in sources:
            self.add(source)

    def add(self, source: Source) -> None:
        """Keep `source` (its id must be new to this table)."""
        given = source.model_fields_set
        row = [self._shared.setdefault(("given", frozenset(given)), set(given))]
        for name in self._FIELDS:
            value = getattr(source, name)
            if isinstance(value, dict):
                key: object = ("dict", name, *sorted(value.items()))
            elif name in ("id", "url", "path"):
                key = None  # one per source: nothing to share
            else:
                key = (name, type(value), value)
            row.append(value if key is None else self._shared.setdefault(key, value))
        self._index[source.id] = len(self._rows)
        self._rows.append(tuple(row))

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Source: ...

    @overload
    def __getitem__(self, index: slice) -> list[Source]: ...

    def __getitem__(self, index: int | slice) -> Source | list[Source]:
        if isinstance(index, slice):
            return [self._model(row) for row in self._rows[index]]
        return self._model(self._rows[index])

    def __contains__(self, source: object) -> bool:
        return isinstance(source, Source) and self.get(source.id) == source

    def ids(self) -> KeysView[str]:
        """The source ids, in file order: a set-like view, for "is this row ours?"."""
        return self._index.keys()

    def get(self, source_id: str) -> Source | None:
        index = self._index.get(source_id)
        return None if index is None else self._model(self._rows[index])

    def _model(self, row: tuple[Any, ...]) -> Source:
        return Source.model_construct(row[0], **dict(zip(self._FIELDS, row[1:], strict=True)))


def _build(path: Path, text: str, table: dict[str, Any], start: int, end: int | None) -> Source:
    values = dict(table)
    if isinstance(values.get("path"), str):
        # A relative path is relative to the sources file, not to the working directory.
        values["path"] = (path.parent / values["path"]).resolve()
    try:
        return Source.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else ""
        line = (_find_line(text.splitlines(), field, start, end) if field else None) or start + 1
        where = f"field {field!r}" if field else f"source {table.get('id', '?')!r}"
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        elif error["type"] == "missing":
            message = "required"
        raise SourcesFileError(f"{path}:{line}: {where}: {message}") from None


def _find_line(lines: list[str], field: str, start: int, end: int | None) -> int | None:
    pattern = re.compile(rf"^\s*[\"']?{re.escape(field)}[\"']?\s*=")
    for number in range(start, len(lines) if end is None else end):
        if pattern.match(lines[number]):
            return number + 1
    return None


def _line_of_decode_error(exc: tomllib.TOMLDecodeError) -> int:
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int):
        return lineno
    match = re.search(r"at line (\d+)", str(exc))
    return int(match.group(1)) if match else 1


def _short(exc: tomllib.TOMLDecodeError) -> str:
    msg = getattr(exc, "msg", None) or str(exc)
    return re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
