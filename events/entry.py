"""The log entry: the canonical bytes of one stored event that the Merkle tree commits to.

    entry = 0x01                               format version
          ‖ position          u64 big-endian
          ‖ event_id          u32 length ‖ UTF-8
          ‖ stream_id         u32 length ‖ UTF-8
          ‖ stream_version    u64 big-endian
          ‖ type              u32 length ‖ UTF-8
          ‖ schema_version    u32 big-endian
          ‖ recorded_at       u32 length ‖ UTF-8
          ‖ SHA-256(metadata) 32 bytes (the stored canonical JSON)
          ‖ SHA-256(payload)  32 bytes (the stored canonical JSON)

Lengths are 4-byte big-endian byte counts, so no field boundary can move. The payload and the
metadata enter as digests: a proof bundle carries the payload beside the entry, and a payload
redacted by law one day leaves the tree checkable. docs/evidence.md shows the layout with an
example. The type, schema version, recorded_at and metadata digest come last but one so the
append loop builds them once per batch (`entry_tail`).
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass

ENTRY_FORMAT = 1
_u32 = struct.Struct(">I").pack
_sha256 = hashlib.sha256


class EntryError(ValueError):
    """Bytes that are not a log entry."""


def entry_tail(
    event_type: str, schema_version: int, recorded_at: str, metadata_digest: bytes
) -> bytes:
    t = event_type.encode()
    r = recorded_at.encode()
    return b"".join((_u32(len(t)), t, _u32(schema_version), _u32(len(r)), r, metadata_digest))


def entry_head(position: int, event_id: str, stream_id: str, stream_version: int) -> bytes:
    e = event_id.encode()
    s = stream_id.encode()
    return b"".join(
        (
            b"\x01",
            position.to_bytes(8, "big"),
            _u32(len(e)),
            e,
            _u32(len(s)),
            s,
            stream_version.to_bytes(8, "big"),
        )
    )


def entry_bytes(
    position: int,
    event_id: str,
    stream_id: str,
    stream_version: int,
    event_type: str,
    schema_version: int,
    recorded_at: str,
    payload: bytes,
    metadata: bytes,
) -> bytes:
    """The entry of a stored row, from its canonical payload and metadata bytes."""
    return b"".join(
        (
            entry_head(position, event_id, stream_id, stream_version),
            entry_tail(event_type, schema_version, recorded_at, _sha256(metadata).digest()),
            _sha256(payload).digest(),
        )
    )


@dataclass(frozen=True, slots=True)
class Entry:
    """An entry read back from its bytes (what a bundle's verifier needs)."""

    position: int
    event_id: str
    stream_id: str
    stream_version: int
    type: str
    schema_version: int
    recorded_at: str
    metadata_sha256: bytes
    payload_sha256: bytes


def parse_entry(data: bytes) -> Entry:
    """`EntryError` for bytes that are not exactly one entry of format 1."""
    reader = _Reader(data)
    if reader.take(1) != b"\x01":
        raise EntryError("not a log entry of format 1 (its first byte is not 0x01)")
    position = reader.int(8)
    event_id = reader.text()
    stream_id = reader.text()
    stream_version = reader.int(8)
    event_type = reader.text()
    schema_version = reader.int(4)
    recorded_at = reader.text()
    metadata_digest = reader.take(32)
    payload_digest = reader.take(32)
    if reader.offset != len(data):
        raise EntryError(f"{len(data) - reader.offset} byte(s) after the end of the entry")
    return Entry(
        position,
        event_id,
        stream_id,
        stream_version,
        event_type,
        schema_version,
        recorded_at,
        metadata_digest,
        payload_digest,
    )


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.offset = 0

    def take(self, n: int) -> bytes:
        end = self.offset + n
        if end > len(self.data):
            raise EntryError("the entry ends in the middle of a field")
        chunk = self.data[self.offset : end]
        self.offset = end
        return chunk

    def int(self, n: int) -> int:
        return int.from_bytes(self.take(n), "big")

    def text(self) -> str:
        try:
            return self.take(self.int(4)).decode()
        except UnicodeDecodeError:
            raise EntryError("a text field of the entry is not UTF-8") from None
