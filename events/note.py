"""Signed notes (C2SP `signed-note`, Go's `golang.org/x/mod/sumdb/note`) with Ed25519 keys, and
the transparency-log checkpoint they carry (C2SP `tlog-checkpoint`).

A note is UTF-8 text ending in a newline, a blank line, then signature lines:

    — <key name> base64(key ID ‖ Ed25519 signature over the text)

key ID = the first four bytes (big-endian) of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ public key).

Keys are written as the Go package writes them, so its tools read ours and ours read theirs:

    verifier key  <name>+<key ID, 8 hex digits>+base64(0x01 ‖ 32-byte public key)
    signer key    PRIVATE+KEY+<name>+<key ID>+base64(0x01 ‖ 32-byte private seed)

A checkpoint's text is three lines, then optional extension lines:

    <origin>
    <tree size, decimal>
    <root hash, base64>

Errors are `NoteError`, one line naming what is wrong.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from events.errors import NoteError
from events.merkle import HASH_SIZE

ED25519 = 0x01
EM_DASH = "\u2014"
MAX_SIGNATURES = 100
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f]")


def key_id(name: str, public_key: bytes) -> int:
    digest = hashlib.sha256(name.encode() + b"\n" + bytes([ED25519]) + public_key).digest()
    return int.from_bytes(digest[:4], "big")


def _check_name(name: str) -> None:
    if not name or "+" in name or any(c.isspace() for c in name):
        raise NoteError(f"key name {name!r} must be non-empty, without spaces or '+'")


def _b64(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError(f"{what} is not base64") from None


@dataclass(frozen=True, slots=True)
class Verifier:
    """A public key with its name: checks signatures."""

    name: str
    public_key: bytes

    @property
    def key_id(self) -> int:
        return key_id(self.name, self.public_key)

    def __str__(self) -> str:
        encoded = base64.b64encode(bytes([ED25519]) + self.public_key).decode()
        return f"{self.name}+{self.key_id:08x}+{encoded}"

    @classmethod
    def parse(cls, text: str) -> Verifier:
        """A verifier key string (`name+hexid+base64`); `NoteError` if it is not one."""
        parts = text.strip().split("+", 2)
        if len(parts) != 3:
            raise NoteError("a verifier key looks like NAME+KEYID+BASE64 (three '+' parts)")
        name, hex_id, encoded = parts
        _check_name(name)
        if not re.fullmatch(r"[0-9a-f]{8}", hex_id):
            raise NoteError(f"verifier key id {hex_id!r} is not 8 lowercase hex digits")
        key = _b64(encoded, "the verifier key")
        if len(key) != 33 or key[0] != ED25519:
            raise NoteError("the verifier key is not an Ed25519 key (0x01 and 32 bytes)")
        verifier = cls(name, key[1:])
        if verifier.key_id != int(hex_id, 16):
            raise NoteError(f"verifier key id {hex_id} does not match its name and key")
        return verifier

    def verify(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True, slots=True)
class Signer:
    """A private key with its name: signs notes. Its `str` is the key file's content."""

    name: str
    seed: bytes

    @classmethod
    def generate(cls, name: str) -> Signer:
        _check_name(name)
        key = Ed25519PrivateKey.generate()
        seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        return cls(name, seed)

    @property
    def verifier(self) -> Verifier:
        public = (
            Ed25519PrivateKey.from_private_bytes(self.seed)
            .public_key()
            .public_bytes(Encoding.Raw, PublicFormat.Raw)
        )
        return Verifier(self.name, public)

    def __str__(self) -> str:
        encoded = base64.b64encode(bytes([ED25519]) + self.seed).decode()
        return f"PRIVATE+KEY+{self.name}+{self.verifier.key_id:08x}+{encoded}"

    @classmethod
    def parse(cls, text: str) -> Signer:
        parts = text.strip().split("+", 4)
        if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
            raise NoteError("a signer key looks like PRIVATE+KEY+NAME+KEYID+BASE64")
        name, hex_id, encoded = parts[2:]
        _check_name(name)
        key = _b64(encoded, "the signer key")
        if len(key) != 33 or key[0] != ED25519:
            raise NoteError("the signer key is not an Ed25519 key (0x01 and 32 bytes)")
        signer = cls(name, key[1:])
        if not re.fullmatch(r"[0-9a-f]{8}", hex_id) or signer.verifier.key_id != int(hex_id, 16):
            raise NoteError(f"signer key id {hex_id!r} does not match its name and key")
        return signer

    def sign(self, text: str) -> str:
        """The signed note of `text` (which must end in a newline)."""
        _check_text(text)
        raw = Ed25519PrivateKey.from_private_bytes(self.seed).sign(text.encode())
        signature = base64.b64encode(self.verifier.key_id.to_bytes(4, "big") + raw).decode()
        return f"{text}\n{EM_DASH} {self.name} {signature}\n"


def _check_text(text: str) -> None:
    if not text.endswith("\n"):
        raise NoteError("a note's text must end with a newline")
    if _CONTROL.search(text):
        raise NoteError("a note may hold no control characters but newlines")


@dataclass(frozen=True, slots=True)
class Signature:
    name: str
    key_id: int
    signature: bytes


def split_note(message: str) -> tuple[str, list[Signature]]:
    """The text and the signature lines of a signed note; `NoteError` if malformed."""
    if _CONTROL.search(message):
        raise NoteError("malformed note: it holds control characters")
    cut = message.rfind("\n\n")
    if cut < 0 or not message.endswith("\n"):
        raise NoteError("malformed note: no blank line before the signatures")
    text, lines = message[: cut + 1], message[cut + 2 :].splitlines()
    if not lines or len(lines) > MAX_SIGNATURES:
        raise NoteError("malformed note: no signature lines (or too many)")
    signatures = []
    for line in lines:
        parts = line.split(" ")
        if len(parts) != 3 or parts[0] != EM_DASH:
            raise NoteError(f"malformed note: {line[:40]!r} is not a signature line")
        _check_name(parts[1])
        raw = _b64(parts[2], f"the signature of {parts[1]}")
        if len(raw) < 5:
            raise NoteError(f"malformed note: the signature of {parts[1]} is too short")
        signatures.append(Signature(parts[1], int.from_bytes(raw[:4], "big"), raw[4:]))
    return text, signatures


def open_note(message: str, verifier: Verifier) -> str:
    """The text of `message` once a signature by `verifier` is checked. Signatures by other
    keys are ignored (as the spec says); one by this key that fails is `NoteError`."""
    text, signatures = split_note(message)
    mine = [s for s in signatures if s.name == verifier.name and s.key_id == verifier.key_id]
    if not mine:
        raise NoteError(f"the note has no signature by key {verifier.name}+{verifier.key_id:08x}")
    for signature in mine:
        if not verifier.verify(text.encode(), signature.signature):
            raise NoteError(f"invalid signature for key {verifier.name}+{verifier.key_id:08x}")
    return text


# -- checkpoints -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A tree head: the log's origin, its size and its root hash."""

    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()

    def text(self) -> str:
        root = base64.b64encode(self.root).decode()
        return "".join(f"{line}\n" for line in (self.origin, self.size, root, *self.extensions))


def parse_checkpoint(text: str) -> Checkpoint:
    """The checkpoint in a note's text; `NoteError` if it is not one."""
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "":
        raise NoteError("a checkpoint has at least three lines: origin, tree size, root hash")
    origin, size, root = lines[0], lines[1], lines[2]
    if not origin:
        raise NoteError("the checkpoint's origin line is empty")
    if not re.fullmatch(r"0|[1-9][0-9]*", size):
        raise NoteError(f"the checkpoint's tree size {size[:30]!r} is not a decimal number")
    digest = _b64(root, "the checkpoint's root hash")
    if len(digest) != HASH_SIZE:
        raise NoteError(f"the checkpoint's root hash is {len(digest)} bytes, not {HASH_SIZE}")
    extensions = tuple(lines[3:-1])
    if any(not line for line in extensions):
        raise NoteError("the checkpoint has an empty extension line")
    return Checkpoint(origin, int(size), digest, extensions)


def open_checkpoint(message: str, verifier: Verifier) -> Checkpoint:
    """The checkpoint of a signed note, its signature by `verifier` checked."""
    return parse_checkpoint(open_note(message, verifier))
