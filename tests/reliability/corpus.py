"""A seeded generator of small news-style reports (our own sentences), and their later edits.

The generator remembers every version it wrote of every file, read back through the real folder
reader, so a test knows exactly which revisions the log must hold for each stream.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from events import report_stream_id
from ingest.folder import read_file
from ingest.run import content_sha256

_ACTORS = [
    "North Korean",
    "Russian",
    "Ukrainian",
    "Sudanese",
    "Ethiopian",
    "Israeli",
    "Malian",
    "Burmese",
]
_PLACES = ["Kursk", "Kharkiv", "Darfur", "Tigray", "Gao", "Rakhine", "Sudzha", "Zaporizhzhia"]
_SPEAKERS = [
    "a defence ministry spokesman",
    "the regional governor",
    "a United Nations official",
    "local volunteers",
    "the general staff",
    "an intelligence assessment seen by reporters",
]
_TEMPLATES = [
    "{speaker} said about {n:,} {actor} troops had moved towards {place} over the weekend.",
    "At least {n} people were killed near {place}, according to {speaker}.",
    "Up to {n:,} {actor} soldiers may be deployed around {place}, {speaker} told reporters.",
    "More than {n:,} residents fled {place} after the shelling, {speaker} said.",
    "{speaker} reported that {n} tanks were lost in fighting outside {place}.",
    "Some {n} civilians were wounded in {place} on Tuesday, {speaker} said.",
    "No figures were given for {place}; {speaker} said the situation remained unclear.",
    "Roughly {n:,} people are missing after the flooding in {place}, said {speaker}.",
    "Ещё {n} человек эвакуировали из {place}, сообщил {speaker} — «ситуация сложная».",
]


@dataclass
class Corpus:
    """A folder of reports; `versions[stream_id]` lists the content hash of each written version."""

    root: Path
    rng: random.Random
    source_id: str = ""
    versions: dict[str, list[str]] = field(default_factory=dict)
    paths: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.source_id = self.source_id or self.root.name

    # -- writing -----------------------------------------------------------------------------

    def populate(self, count: int) -> None:
        """Write `count` new reports (some in sub-folders, some with front matter)."""
        self.root.mkdir(parents=True, exist_ok=True)
        start = len(self.paths)
        for index in range(start, start + count):
            folder = self.root / f"batch-{index % 7}" if index % 3 == 0 else self.root
            suffix = ".md" if index % 5 == 0 else ".txt"
            path = folder / f"report-{index:05d}{suffix}"
            self.paths.append(path)
            self._write(path, self._report(index))

    def edit(self, fraction: float, round_no: int, only: list[Path] | None = None) -> int:
        """Change the text of a random `fraction` of the reports (of `only`, when given: a
        test passes the reports whose latest version is already in the log, so no version is
        overwritten before it was read). Returns how many changed."""
        pool = self.paths if only is None else only
        if not pool:
            return 0
        chosen = self.rng.sample(pool, max(1, int(len(pool) * fraction)))
        for path in chosen:
            content = path.read_text(encoding="utf-8")
            addition = self._sentence()
            self._write(path, f"{content.rstrip()}\nUpdate {round_no}: {addition}\n")
        return len(chosen)

    def _write(self, path: Path, content: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        item_key = path.relative_to(self.root).as_posix()
        obs = read_file(path, self.source_id, item_key=item_key)
        digest = content_sha256(obs.text)
        history = self.versions.setdefault(report_stream_id(self.source_id, item_key), [])
        if not history or history[-1] != digest:
            history.append(digest)

    # -- text --------------------------------------------------------------------------------

    def _report(self, index: int) -> str:
        body = " ".join(self._sentence() for _ in range(self.rng.randint(1, 4)))
        if index % 4 == 0:
            day = 1 + index % 28
            return (
                "---\n"
                f"title: Report {index} from {self.rng.choice(_PLACES)}\n"
                f"url: https://news.example.org/{index}\n"
                f"published: 2024-{1 + index % 12:02d}-{day:02d}\n"
                "author: Staff Reporter\n"
                "---\n"
                f"{body}\n"
            )
        return f"{body}\n"

    def _sentence(self) -> str:
        template = self.rng.choice(_TEMPLATES)
        text = template.format(
            speaker=self.rng.choice(_SPEAKERS),
            n=self.rng.randint(2, 60_000),
            actor=self.rng.choice(_ACTORS),
            place=self.rng.choice(_PLACES),
        )
        return text[0].upper() + text[1:]

    # -- expectations ------------------------------------------------------------------------

    def stream_of(self, path: Path) -> str:
        return report_stream_id(self.source_id, path.relative_to(self.root).as_posix())

    @property
    def revision_count(self) -> int:
        return sum(len(v) for v in self.versions.values())
