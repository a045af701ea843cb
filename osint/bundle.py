"""Proof bundles: one JSON file that shows, to someone who trusts only a public key, that a
figure's sentence was in a report the log recorded, at a position a signed checkpoint covers.

`make_bundle` gathers it from the log; `verify_bundle` checks it with nothing else (no database,
no network): the checkpoint's signature, the entry's payload digest, the sentence at its span in
the payload's text, and the inclusion proof from the entry's leaf to the checkpoint's root. The
format is in docs/evidence.md, for anyone who wants to write their own verifier.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import Any

import orjson

from events import EventStore, merkle
from events.entry import EntryError, entry_bytes, parse_entry
from events.errors import NoteError
from events.merkle import ProofError
from events.note import Checkpoint, Verifier, open_checkpoint
from events.tree import StoredTree
from osint.errors import OsintError

FORMAT = "osint-proof-bundle/1"


class BundleError(OsintError):
    """A bundle is malformed or one of its checks fails; the message names which."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def make_bundle(
    store: EventStore,
    figure: dict[str, Any],
    checkpoint: Checkpoint,
    note: str,
    verifier: Verifier,
) -> dict[str, Any]:
    """The bundle of `figure` (a row of the figures view) against `checkpoint` (signed by
    `verifier` in `note`); the proof is checked before it is returned."""
    position = int(figure["position"])
    if checkpoint.size < position:
        raise BundleError(
            f"the checkpoint covers {checkpoint.size} events, not position {position}:"
            " run osint checkpoint first"
        )
    rows = store.raw_page(position - 1, 1)
    if not rows or rows[0][0] != position:
        raise BundleError(f"no event at position {position}")
    pos, event_id, stream_id, version, type_, schema, recorded_at, payload, meta = rows[0][:9]
    entry = entry_bytes(
        pos,
        event_id,
        stream_id,
        version,
        type_,
        schema,
        recorded_at,
        payload.encode(),
        meta.encode(),
    )
    proof = StoredTree(store.db).inclusion_proof(position - 1, checkpoint.size)
    data = orjson.loads(payload)
    bundle = {
        "format": FORMAT,
        "figure": {
            "figure_id": figure["figure_id"],
            "text": figure["text"],
            "sentence": figure["sentence"],
            "sentence_start": figure["sentence_start"],
            "start": figure["start"],
            "end": figure["end"],
            "low": figure["low"],
            "high": figure["high"],
            "category": figure["category"],
            "actor": figure["actor"],
            "topic": figure["topic"],
            "extractor_version": figure["extractor_version"],
        },
        "event": {
            "position": pos,
            "event_id": event_id,
            "stream_id": stream_id,
            "type": type_,
            "recorded_at": recorded_at,
            "source_id": data.get("source_id"),
            "url": data.get("url"),
            "title": data.get("title"),
            "published_at": data.get("published_at"),
            "observed_at": data.get("observed_at"),
            "capture_sha256": data.get("capture_sha256"),
        },
        "entry": _b64(entry),
        "payload": _b64(payload.encode()),
        "metadata": _b64(meta.encode()),
        "leaf_index": position - 1,
        "tree_size": checkpoint.size,
        "inclusion_proof": [_b64(h) for h in proof],
        "checkpoint": note,
        "key": str(verifier),
    }
    verify_bundle(bundle)
    return bundle


@dataclass(frozen=True, slots=True)
class Verified:
    """What a bundle proved, for the command to print."""

    figure: dict[str, Any]
    checkpoint: Checkpoint
    key: Verifier
    position: int
    checks: list[str]


def _field(bundle: dict[str, Any], name: str, kind: type | tuple[type, ...]) -> Any:
    if name not in bundle:
        raise BundleError(f"bad bundle: no {name!r} field")
    value = bundle[name]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise BundleError(f"bad bundle: {name!r} is not a {getattr(kind, '__name__', kind)}")
    return value


def _unb64(value: str, name: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise BundleError(f"bad bundle: {name} is not base64") from None


def verify_bundle(bundle: Any, trusted_key: Verifier | None = None) -> Verified:
    """Check every link of a bundle; `BundleError` names the first that fails. With
    `trusted_key`, the bundle's own key must be that one."""
    if not isinstance(bundle, dict):
        raise BundleError("bad bundle: not a JSON object")
    if bundle.get("format") != FORMAT:
        raise BundleError(f"bad bundle: format is not {FORMAT!r}")
    checks: list[str] = []
    try:
        key = Verifier.parse(_field(bundle, "key", str))
    except NoteError as exc:
        raise BundleError(f"key: {exc}") from None
    if trusted_key is not None and key != trusted_key:
        raise BundleError(f"key: the bundle is signed by {key.name}, not by the key you trust")
    try:
        checkpoint = open_checkpoint(_field(bundle, "checkpoint", str), key)
    except NoteError as exc:
        raise BundleError(f"checkpoint: {exc}") from None
    checks.append(f"checkpoint signed by {key.name}+{key.key_id:08x}: {checkpoint.size} events")
    tree_size = _field(bundle, "tree_size", int)
    if tree_size != checkpoint.size:
        raise BundleError(f"tree_size: {tree_size}, but the checkpoint is of {checkpoint.size}")
    entry_raw = _unb64(_field(bundle, "entry", str), "entry")
    try:
        entry = parse_entry(entry_raw)
    except EntryError as exc:
        raise BundleError(f"entry: {exc}") from None
    leaf_index = _field(bundle, "leaf_index", int)
    if entry.position != leaf_index + 1:
        raise BundleError(f"entry: position {entry.position} is not leaf {leaf_index} + 1")
    payload = _unb64(_field(bundle, "payload", str), "payload")
    if hashlib.sha256(payload).digest() != entry.payload_sha256:
        raise BundleError("payload: its SHA-256 is not the one in the entry")
    checks.append(f"payload SHA-256 {hashlib.sha256(payload).hexdigest()} is in the entry")
    if "metadata" in bundle:
        metadata = _unb64(_field(bundle, "metadata", str), "metadata")
        if hashlib.sha256(metadata).digest() != entry.metadata_sha256:
            raise BundleError("metadata: its SHA-256 is not the one in the entry")
    figure = _field(bundle, "figure", dict)
    _check_span(payload, figure)
    checks.append(
        f"sentence at characters {figure['sentence_start']}–"
        f"{figure['sentence_start'] + len(figure['sentence'])} of the report text, figure"
        f" {figure['text']!r} at {figure['start']}–{figure['end']}"
    )
    proof = [
        _unb64(h, "an inclusion proof hash") if isinstance(h, str) else b""
        for h in _field(bundle, "inclusion_proof", list)
    ]
    try:
        merkle.verify_inclusion(
            leaf_index, tree_size, merkle.leaf_hash(entry_raw), proof, checkpoint.root
        )
    except ProofError as exc:
        raise BundleError(f"inclusion proof: {exc}") from None
    checks.append(
        f"inclusion proof of leaf {leaf_index} ({len(proof)} hashes) leads to the checkpoint's root"
    )
    return Verified(figure, checkpoint, key, entry.position, checks)


def _check_span(payload: bytes, figure: dict[str, Any]) -> None:
    try:
        data = orjson.loads(payload)
    except orjson.JSONDecodeError:
        raise BundleError("payload: not JSON") from None
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str):
        raise BundleError("payload: no report text")
    digest = data.get("content_sha256")
    if digest is not None and digest != hashlib.sha256(text.encode()).hexdigest():
        raise BundleError("payload: content_sha256 is not the SHA-256 of its text")
    try:
        sentence, s0 = str(figure["sentence"]), int(figure["sentence_start"])
        start, end, said = int(figure["start"]), int(figure["end"]), str(figure["text"])
    except (KeyError, TypeError, ValueError):
        needs = "sentence, sentence_start, start, end and text"
        raise BundleError(f"bad bundle: the figure needs {needs}") from None
    if text[s0 : s0 + len(sentence)] != sentence:
        raise BundleError(f"figure: the sentence is not at character {s0} of the report text")
    if not s0 <= start <= end <= s0 + len(sentence) or text[start:end] != said:
        raise BundleError(f"figure: {said!r} is not at characters {start}–{end} of the sentence")
