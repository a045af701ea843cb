"""Record the extractor's outputs, to prove a refactoring changed none of them.

    .venv/bin/python -m tests.extraction.record_outputs OUT_DIR [--eval FILE.jsonl ...]
    .venv/bin/python -m tests.extraction.record_outputs --write-digests

Writes one file per source into OUT_DIR, each line one passage's claims as JSON (`to_dict`, the
shape `osint extract --jsonl` prints), and `SHA256SUMS` over them. Run it before and after a
change and compare the folders (`diff -r`, or the sums): equal bytes, equal outputs.

Sources: the gold cases (`cases.jsonl`, with `explain` of every claim as well, since the rule
names must survive too), the seed article, the benchmark corpus (reports built the way
`bench/extraction.py` builds them, and full `Corpus.reports`), the hostile inputs of
`adversarial.py`, and any `--eval` file of `{"id", "text", "published"}` lines (the devsets).

`digests()` is the cheap subset that `test_recorded_outputs.py` checks against
`recorded_outputs.json`: the same `EXTRACTOR_VERSION` must mean the same claims, since the
figures view is rebuilt only when that version changes. A change that means to alter claims
bumps the version and rewrites that file (`--write-digests`). `explain`'s text is no stored
output (it is recorded, not digested).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.corpus import Corpus
from projections.extraction import EXTRACTOR_VERSION, explain, extract
from tests.extraction.adversarial import all_inputs

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).with_name("cases.jsonl")
RECORDED = Path(__file__).with_name("recorded_outputs.json")
SEEDS = ROOT / "seeds"
Passage = tuple[str, str, str | None]  # id, text, published
Lines = Callable[[], Iterator[str]]


def _jsonl(path: Path) -> Iterator[Passage]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            yield item.get("id"), item["text"], item.get("published")


def _seeds() -> Iterator[Passage]:
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8"), None


def _bench_texts(reports: int) -> Iterator[Passage]:
    """Six-sentence texts as the extraction row times them, then whole corpus reports."""
    corpus = Corpus(seed=23)
    for n in range(reports):
        yield f"s{n}", " ".join(corpus.sentences(6)), None
    for r in Corpus(seed=7).reports(reports // 4, min_chars=1200):
        yield r.item_key, r.text, None


def _adversarial() -> Iterator[Passage]:
    for name, text in all_inputs():
        yield name, text, None


def _claims(passages: Iterator[Passage]) -> Iterator[str]:
    """The line `osint extract --jsonl` prints for each passage."""
    for pid, text, published in passages:
        claims = [c.to_dict() for c in extract(text, published)]
        yield json.dumps({"id": pid, "claims": claims}, ensure_ascii=False)


def _explained(passages: Iterator[Passage]) -> Iterator[str]:
    for pid, text, _published in passages:
        for claim in extract(text):
            yield json.dumps({"id": pid, "explain": explain(claim)}, ensure_ascii=False)


def sources(bench_reports: int, evals: list[Path]) -> dict[str, Lines]:
    """Output file name -> its lines, computed when asked."""
    out: dict[str, Lines] = {
        "cases.jsonl": lambda: _claims(_jsonl(CASES)),
        "seeds.jsonl": lambda: _claims(_seeds()),
        "bench-corpus.jsonl": lambda: _claims(_bench_texts(bench_reports)),
    }
    for path in evals:
        out[path.name] = lambda path=path: _claims(_jsonl(path))
    return out


def _digest(lines: Iterator[str]) -> str:
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def digests(bench_reports: int = 400) -> dict[str, str]:
    """SHA-256 of each cheap source's claims (no devsets, no hostile inputs, no explain): well
    under a second, so a test can run it."""
    return {name: _digest(lines()) for name, lines in sources(bench_reports, []).items()}


def write_digests() -> None:
    """Record `digests()` for this `EXTRACTOR_VERSION` in `recorded_outputs.json`."""
    data = {"extractor_version": EXTRACTOR_VERSION, "digests": digests()}
    RECORDED.write_text(json.dumps(data, indent=2) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, nargs="?", help="folder to write the outputs into")
    parser.add_argument("--eval", type=Path, action="append", default=[], help="a devset")
    parser.add_argument("--bench-reports", type=int, default=4000)
    parser.add_argument("--write-digests", action="store_true", help=f"rewrite {RECORDED.name}")
    args = parser.parse_args(argv)
    if args.write_digests:
        write_digests()
        return 0
    if args.out is None:
        parser.error("give OUT_DIR or --write-digests")
    args.out.mkdir(parents=True, exist_ok=True)
    todo = sources(args.bench_reports, args.eval)
    todo["cases-explain.jsonl"] = lambda: _explained(_jsonl(CASES))
    todo["adversarial.jsonl"] = lambda: _claims(_adversarial())
    sums = []
    for name, lines in todo.items():
        h = hashlib.sha256()
        with (args.out / name).open("w", encoding="utf-8") as f:
            for line in lines():
                f.write(line + "\n")
                h.update(line.encode("utf-8") + b"\n")
        sums.append(f"{h.hexdigest()}  {name}")
        print(sums[-1], file=sys.stderr)
    (args.out / "SHA256SUMS").write_text("\n".join(sums) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
