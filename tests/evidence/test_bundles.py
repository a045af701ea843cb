"""Proof bundles: `osint prove figure` writes one, `osint verify-bundle` checks it offline, and
changing any byte of the payload, the entry, a proof hash, the signed root or the signature
makes the check fail, naming what failed."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from events.note import Verifier
from ingest.run import record_failure
from osint.bundle import BundleError, verify_bundle
from osint.cli import cli
from osint.wiring import open_store
from tests.conftest import SEED


def _run(db_url: str, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", db_url, *args])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture
def bundle_file(db_url: str, tmp_path: Path) -> Path:
    """A log of 13 events, the seed report at position 6, a checkpoint, and the bundle of the
    seed's 'up to 11,000'."""
    store = open_store(db_url)
    for n in range(5):
        record_failure(store, "feed-x", "http_error", f"HTTP 503 #{n}", http_status=503)
    store.close()
    _run(db_url, "ingest", "--source", "seed", str(SEED))
    store = open_store(db_url)
    for n in range(7):
        record_failure(store, "feed-y", "timeout", f"timed out #{n}")
    store.close()
    key = tmp_path / "log.key"
    _run(db_url, "key", "init", "--key", str(key))
    _run(db_url, "checkpoint", "--key", str(key))
    topic = json.loads(_run(db_url, "audit", "troops/north-korea", "--format", "json"))
    figure_id = next(s["figure_id"] for s in topic["steps"] if s["text"] == "up to 11,000")
    out = tmp_path / "bundle.json"
    said = _run(db_url, "prove", "figure", figure_id, "-o", str(out), "--key", str(key))
    assert "at position 6, proved in the tree of 13 events" in said
    return out


def test_a_bundle_verifies_offline(bundle_file: Path):
    out = _run("sqlite:////nonexistent/never.db", "verify-bundle", str(bundle_file))
    assert "verified: 'up to 11,000' in “Speaking at a European" in out
    assert "inclusion proof of leaf 5 (4 hashes) leads to the checkpoint's root" in out
    bundle = json.loads(bundle_file.read_text())
    assert {
        "entry",
        "payload",
        "leaf_index",
        "tree_size",
        "inclusion_proof",
        "checkpoint",
        "key",
        "figure",
    } <= set(bundle)
    assert bundle["leaf_index"] == 5 and bundle["tree_size"] == 13
    pinned = bundle_file.parent / "log.key.pub"
    out = _run(
        "sqlite:////nonexistent/never.db",
        "verify-bundle",
        str(bundle_file),
        "--verifier-key",
        str(pinned),
    )
    assert "verified:" in out


def _flips(data: bytes):  # type: ignore[no-untyped-def]
    for i in range(len(data)):
        yield data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]


def _fails(bundle: dict, what: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(BundleError, match=what):
        verify_bundle(bundle)


def test_any_byte_changed_fails(bundle_file: Path):
    good = json.loads(bundle_file.read_text())
    verify_bundle(good)
    b64 = lambda data: base64.b64encode(data).decode()  # noqa: E731
    payload = base64.b64decode(good["payload"])
    for changed in _flips(payload):
        _fails({**good, "payload": b64(changed)}, "payload")
    entry = base64.b64decode(good["entry"])
    for changed in _flips(entry):
        _fails({**good, "entry": b64(changed)}, "entry|inclusion proof")
    for n, node in enumerate(good["inclusion_proof"]):
        for changed in _flips(base64.b64decode(node)):
            proof = list(good["inclusion_proof"])
            proof[n] = b64(changed)
            _fails({**good, "inclusion_proof": proof}, "inclusion proof")
    lines = good["checkpoint"].split("\n")
    root = base64.b64decode(lines[2])
    for changed in _flips(root):
        note = "\n".join([*lines[:2], b64(changed), *lines[3:]])
        _fails({**good, "checkpoint": note}, "checkpoint: invalid signature")
    dash, name, signature = lines[4].split(" ")
    for changed in _flips(base64.b64decode(signature)[4:]):
        sig = b64(base64.b64decode(signature)[:4] + changed)
        note = "\n".join([*lines[:4], f"{dash} {name} {sig}", *lines[5:]])
        _fails({**good, "checkpoint": note}, "checkpoint: invalid signature")
    _fails({**good, "leaf_index": 4}, "entry: position 6 is not leaf 4")
    _fails({**good, "tree_size": 14}, "tree_size")
    figure = good["figure"]
    _fails({**good, "figure": {**figure, "start": figure["start"] + 1}}, "figure")
    _fails({**good, "figure": {**figure, "text": "up to 12,000"}}, "figure")
    _fails({**good, "figure": {**figure, "sentence": figure["sentence"][1:]}}, "figure")


def test_another_key_is_refused_when_one_is_pinned(bundle_file: Path, tmp_path: Path):
    from events.note import Signer

    other = Signer.generate("someone.else/log").verifier
    with pytest.raises(BundleError, match="not by the key you trust"):
        verify_bundle(json.loads(bundle_file.read_text()), other)
    assert Verifier.parse(json.loads(bundle_file.read_text())["key"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "bad bundle JSON"),
        ("[]", "bad bundle: not a JSON object"),
        ('{"format": "osint-proof-bundle/1"}', "bad bundle: no 'key' field"),
    ],
)
def test_bad_bundle_files_are_one_line(tmp_path: Path, content: str, message: str):
    path = tmp_path / "b.json"
    path.write_text(content)
    out = _run("sqlite:////nonexistent/never.db", "verify-bundle", str(path), code=1)
    assert message in out
    assert len(out.strip().splitlines()) == 1


def test_tampered_bundle_exits_1_naming_the_check(bundle_file: Path):
    bundle = json.loads(bundle_file.read_text())
    bundle["payload"] = base64.b64encode(
        base64.b64decode(bundle["payload"]).replace(b"11,000", b"12,000")
    ).decode()
    bundle_file.write_text(json.dumps(bundle))
    out = _run("sqlite:////nonexistent/never.db", "verify-bundle", str(bundle_file), code=1)
    assert "payload: its SHA-256 is not the one in the entry" in out


def test_a_consistency_proof_between_two_sizes(bundle_file: Path, db_url: str):
    from events import merkle

    data = json.loads(_run(db_url, "prove", "--consistency", "6", "13"))
    proof = [base64.b64decode(h) for h in data["consistency_proof"]]
    merkle.verify_consistency(
        6, 13, proof, base64.b64decode(data["old_root"]), base64.b64decode(data["new_root"])
    )
    out = _run(db_url, "prove", "--consistency", "6", "99", code=1)
    assert "--consistency needs OLD <= NEW <= 13" in out


def test_no_checkpoint_yet_is_one_line(db_url: str, tmp_path: Path):
    _run(db_url, "ingest", "--source", "seed", str(SEED))
    key = tmp_path / "k"
    _run(db_url, "key", "init", "--key", str(key))
    out = _run(
        db_url, "prove", "figure", "1-0", "-o", str(tmp_path / "b.json"), "--key", str(key), code=1
    )
    assert "no checkpoint covers position 1 yet: run osint checkpoint first" in out
