"""The hash chain, defined once: every append, `verify` and the provenance check of one event
hash through `link`.

    hash_n = SHA-256(hash_{n-1} ‖ position ‖ header ‖ SHA-256(payload))

over the exact canonical bytes that are stored (payload and metadata as canonical JSON: sorted
keys, UTF-8, no insignificant whitespace). `position` is 8 bytes big-endian. The header is a
length-prefixed concatenation (4-byte big-endian lengths) of event id, stream id, stream
version (decimal), type, schema version (decimal), recorded_at and metadata, so no field
boundary can be shifted without changing the bytes. Chaining the payload's digest rather than
the payload keeps the chain checkable if a payload must one day be redacted.

The header is built in two parts so the hot loops can reuse the tail (type, schema version,
recorded_at, metadata), which is the same for every event of one type appended in one
transaction.
"""

from __future__ import annotations

import hashlib
import struct

GENESIS_HASH = "0" * 64
_u32 = struct.Struct(">I").pack
_sha256 = hashlib.sha256


def header_tail(event_type: str, schema_version: int, recorded_at: str, metadata: bytes) -> bytes:
    """The shared part of the header: type, schema version, recorded_at, metadata."""
    t = event_type.encode()
    v = str(schema_version).encode()
    r = recorded_at.encode()
    return b"".join(
        (_u32(len(t)), t, _u32(len(v)), v, _u32(len(r)), r, _u32(len(metadata)), metadata)
    )


def link(
    prev: bytes,
    position: int,
    event_id: str,
    stream_id: str,
    stream_version: int,
    tail: bytes,
    payload: bytes,
) -> bytes:
    """The raw SHA-256 digest of the row at `position`, given the previous row's digest and
    the header's tail (`header_tail`). One SHA-256 over the whole concatenation."""
    return link_encoded(
        prev,
        position.to_bytes(8, "big"),
        event_id.encode(),
        stream_id.encode(),
        str(stream_version).encode(),
        tail,
        _sha256(payload).digest(),
    )


def link_encoded(
    prev: bytes,
    position: bytes,
    event_id: bytes,
    stream_id: bytes,
    stream_version: bytes,
    tail: bytes,
    payload_digest: bytes,
) -> bytes:
    """`link` from parts already encoded (8-byte position, UTF-8 ids, the decimal version)
    and the payload's SHA-256: the append loop shares them with the Merkle leaf."""
    return _sha256(
        b"".join(
            (
                prev,
                position,
                _u32(len(event_id)),
                event_id,
                _u32(len(stream_id)),
                stream_id,
                _u32(len(stream_version)),
                stream_version,
                tail,
                payload_digest,
            )
        )
    ).digest()


class Tails:
    """Header tails already built, bounded: a verify walks millions of rows that share a few."""

    __slots__ = ("_made",)

    def __init__(self) -> None:
        self._made: dict[tuple[str, int, str, str], bytes] = {}

    def get(self, event_type: str, schema_version: int, recorded_at: str, metadata: str) -> bytes:
        key = (event_type, schema_version, recorded_at, metadata)
        tail = self._made.get(key)
        if tail is None:
            if len(self._made) > 64:
                self._made.clear()
            tail = self._made[key] = header_tail(
                event_type, schema_version, recorded_at, metadata.encode()
            )
        return tail
