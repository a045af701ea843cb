"""The worked example of docs/evidence.md is what the code computes, and every evidence command
is in that page."""

from __future__ import annotations

import re
from pathlib import Path

from events import merkle
from events.entry import entry_bytes, parse_entry

DOC = (Path(__file__).resolve().parents[2] / "docs" / "evidence.md").read_text()


def test_the_documented_entry_and_leaf_hash():
    entry = entry_bytes(
        6,
        "0b4e7c1e-3a55-5d2c-9b1e-2f1c0a9d8e77",
        "report/seed/a.txt",
        1,
        "ReportObserved",
        1,
        "2024-11-07T12:00:00.000000Z",
        b'{"text":"up to 11,000"}',
        b"{}",
    )
    block = DOC.split("give the 195-byte entry", 1)[1].split("```")[1]
    assert bytes.fromhex(re.sub(r"\s", "", block)) == entry
    assert len(entry) == 195
    assert merkle.leaf_hash(entry).hex() in DOC
    assert parse_entry(entry).stream_id == "report/seed/a.txt"


def test_every_evidence_command_is_documented():
    for command in (
        "key init",
        "checkpoint",
        "verify --checkpoint",
        "prove figure",
        "verify-bundle",
        "prove --consistency",
        "export warc",
    ):
        assert f"osint {command}" in DOC
