"""The same `EXTRACTOR_VERSION` gives the same outputs, byte for byte.

The figures view is rebuilt only when the extractor's version changes, so outputs that change
under an unchanged version leave views that disagree with a fresh rebuild. This compares the
digests of `record_outputs.digests()` (the claims of the gold cases, the seed article and the
benchmark corpus) with those recorded for this version in `recorded_outputs.json`.
"""

from __future__ import annotations

import json

from projections.extraction import EXTRACTOR_VERSION
from tests.extraction.record_outputs import RECORDED, digests

_REWRITE = "python -m tests.extraction.record_outputs --write-digests"


def test_outputs_are_those_recorded_for_this_version() -> None:
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    assert recorded["extractor_version"] == EXTRACTOR_VERSION, (
        f"the version changed: record its outputs with `{_REWRITE}`"
    )
    changed = [name for name, h in digests().items() if recorded["digests"].get(name) != h]
    assert not changed, (
        f"outputs of {changed} changed under extractor {EXTRACTOR_VERSION}: bump"
        f" EXTRACTOR_VERSION if that is meant, then `{_REWRITE}`"
    )
