"""Signed checkpoints, and the attacks they catch on both backends: history rewritten or cut
short after a checkpoint was published, even when the attacker recomputed every row's chain
hash and `log_head` (so `osint verify` alone passes), and even when they rebuilt the tree."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from events import NewEvent
from osint.cli import cli
from osint.wiring import open_store
from tests.evidence import attacker


def _events(n: int, start: int = 0) -> list[NewEvent]:
    return [
        NewEvent(
            event_id=f"00000000-0000-4000-8000-{i:012d}",
            stream_id=f"s/{i % 5}",
            type="Note",
            schema_version=1,
            payload={"n": i, "text": f"report {i}: 3,000 soldiers"},
        )
        for i in range(start, start + n)
    ]


class Osint:
    def __init__(self, db_url: str, tmp_path: Path) -> None:
        self.db_url = db_url
        self.key = tmp_path / "keys" / "log.key"
        self.key.parent.mkdir()
        self.public = tmp_path / "public"

    def __call__(self, *args: str, code: int = 0) -> str:
        result = CliRunner().invoke(cli, ["--db", self.db_url, *args])
        assert result.exit_code == code, result.output
        assert "Traceback" not in result.output
        return result.output

    def verify(self, *extra: str, code: int = 0) -> str:
        return self(
            "verify",
            "--checkpoint",
            str(self.public / "checkpoint"),
            "--key",
            str(self.key),
            *extra,
            code=code,
        )


@pytest.fixture
def published(db_url: str, tmp_path: Path) -> Osint:
    """A log of 40 events with a key and a published checkpoint of size 30."""
    osint = Osint(db_url, tmp_path)
    store = open_store(db_url)
    store.append(_events(30))
    store.close()
    verifier = osint("key", "init", "--key", str(osint.key)).strip()
    assert Path(f"{osint.key}.pub").read_text().strip() == verifier
    osint("checkpoint", "--key", str(osint.key), "--out", str(osint.public))
    store = open_store(db_url)
    store.append(_events(10, 30))
    store.close()
    return osint


def _attack(db_url: str, *moves) -> None:  # type: ignore[no-untyped-def]
    store = open_store(db_url)
    try:
        with store.db.transaction() as conn:
            attacker.unguard(store, conn)
            for move in moves:
                move(store, conn)
    finally:
        store.close()


def test_the_key_file_is_private_and_never_overwritten(published: Osint):
    mode = stat.S_IMODE(os.stat(published.key).st_mode)
    assert mode == 0o600
    out = published("key", "init", "--key", str(published.key), code=1)
    assert "already exists: refusing to overwrite" in out
    assert len(out.strip().splitlines()) == 1


def test_a_checkpoint_is_a_signed_tlog_checkpoint(published: Osint):
    note = (published.public / "checkpoint").read_text()
    lines = note.splitlines()
    assert lines[0].startswith("osint.example/log/")
    assert lines[1] == "30"
    assert lines[3] == ""
    assert lines[4].startswith("— osint.example/log/")
    assert (published.public / "checkpoint.30").read_text() == note


def test_an_intact_log_extends_its_checkpoint(published: Osint):
    out = published.verify()
    assert "ok: the log (40 events) extends the checkpoint of size 30" in out


def test_a_rewrite_with_the_chain_recomputed_is_caught_at_its_position(published: Osint):
    _attack(
        published.db_url,
        lambda s, c: attacker.rewrite_payload(s, c, 17, "3,000", "30,000"),
        attacker.rechain,
    )
    assert "chain intact" in published("verify")  # the chain alone is fooled
    out = published.verify(code=1)
    assert "BROKEN at position 17:" in out


def test_a_truncated_log_is_caught_at_the_first_missing_position(published: Osint):
    _attack(published.db_url, lambda s, c: attacker.truncate(s, c, 22), attacker.rechain)
    assert "chain intact up to position 22" in published("verify")
    out = published.verify(code=1)
    assert "BROKEN at position 23:" in out
    assert "ends at position 22 but the checkpoint covers 30" in out


def test_a_log_cut_and_regrown_past_the_checkpoint_is_caught(published: Osint):
    _attack(published.db_url, lambda s, c: attacker.truncate(s, c, 12), attacker.rechain)
    store = open_store(published.db_url)
    store.append(_events(40, 100))
    store.close()
    out = published.verify(code=1)
    # The head is the tree's last row, so recording the cut head rewrote the tree row that held
    # leaves 1 to 30: the stored tree no longer pins the first change down to position 13.
    assert "BROKEN at a position between 1 and 30:" in out


def test_a_rewrite_with_the_tree_rebuilt_too_is_caught_within_a_range(published: Osint):
    _attack(
        published.db_url,
        lambda s, c: attacker.rewrite_payload(s, c, 25, "3,000", "300"),
        attacker.rechain,
        attacker.rebuild_tree,
    )
    out = published.verify(code=1)
    assert "BROKEN at a position between 1 and 30:" in out


def test_older_checkpoints_narrow_the_range(db_url: str, tmp_path: Path):
    osint = Osint(db_url, tmp_path)
    osint("key", "init", "--key", str(osint.key))
    store = open_store(db_url)
    for start in (0, 10, 20):
        store.append(_events(10, start))
        osint("checkpoint", "--key", str(osint.key), "--out", str(osint.public))
    store.close()
    _attack(
        db_url,
        lambda s, c: attacker.rewrite_payload(s, c, 15, "3,000", "300"),
        attacker.rechain,
        attacker.rebuild_tree,
    )
    out = osint("verify", "--checkpoint", str(osint.public), "--key", str(osint.key), code=1)
    assert "BROKEN at a position between 11 and 20:" in out


def test_a_later_rewrite_is_not_blamed_on_the_checkpoint_but_still_caught(published: Osint):
    _attack(
        published.db_url,
        lambda s, c: attacker.rewrite_payload(s, c, 35, "3,000", "30"),
        attacker.rechain,
    )
    out = published.verify(code=1)
    assert "BROKEN at position 35: the log extends the checkpoint, but" in out


def test_a_checkpoint_signed_by_another_key_or_altered_is_refused(published: Osint, tmp_path):
    other = tmp_path / "other.key"
    published("key", "init", "--key", str(other), "--origin", "someone.else/log")
    out = published(
        "verify",
        "--checkpoint",
        str(published.public / "checkpoint"),
        "--key",
        str(other),
        code=1,
    )
    assert "no signature by key someone.else/log" in out
    note = (published.public / "checkpoint").read_text()
    forged = tmp_path / "forged"
    forged.write_text(note.replace("\n30\n", "\n29\n", 1))
    out = published("verify", "--checkpoint", str(forged), "--key", str(published.key), code=1)
    assert "invalid signature" in out


def test_missing_key_file_is_one_line(published: Osint, tmp_path: Path):
    out = published("checkpoint", "--key", str(tmp_path / "nope.key"), code=1)
    assert f"no key file at {tmp_path / 'nope.key'}" in out
    assert len(out.strip().splitlines()) == 1


def test_signing_refuses_a_log_that_no_longer_extends_its_last_checkpoint(published: Osint):
    _attack(published.db_url, lambda s, c: attacker.truncate(s, c, 5), attacker.rechain)
    out = published("checkpoint", "--key", str(published.key), code=1)
    assert "refusing to sign: the log no longer extends its checkpoint of size 30" in out
