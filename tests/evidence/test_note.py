"""Signed notes and checkpoints against vectors published by others.

Vectors: Go's `golang.org/x/mod/sumdb/note` (`note_test.go`: the PeterNeumann signer and
verifier keys, the signed note of TestSign, the EnochRoot key and signature of TestOpen) and
`sumdb/tlog` (`note_test.go`: the tree note "go.sum database tree" of size 123456789012).
"""

from __future__ import annotations

import base64

import pytest

from events import merkle
from events.errors import NoteError
from events.note import Checkpoint, Signer, Verifier, open_note, parse_checkpoint, split_note

PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
TEXT = (
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
)
PETER_SIG = (
    "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpR"
    "Zb6KE6RyyBwJnAM=\n"
)
ENOCH_SIG = (
    "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33"
    "WWd1RvMc+QQ=\n"
)


def test_go_keys_parse_and_match():
    signer = Signer.parse(PETER_SKEY)
    verifier = Verifier.parse(PETER_VKEY)
    assert signer.verifier == verifier
    assert str(signer) == PETER_SKEY
    assert str(verifier) == PETER_VKEY
    assert verifier.key_id == 0xC74F20A3


def test_signing_gives_go_s_signed_note_byte_for_byte():
    # Ed25519 is deterministic: our signature must be Go's TestSign output exactly.
    assert Signer.parse(PETER_SKEY).sign(TEXT) == TEXT + "\n" + PETER_SIG


def test_go_s_notes_open_with_the_right_key_only():
    peter, enoch = Verifier.parse(PETER_VKEY), Verifier.parse(ENOCH_VKEY)
    both = TEXT + "\n" + PETER_SIG + ENOCH_SIG
    assert open_note(both, peter) == TEXT
    assert open_note(both, enoch) == TEXT
    with pytest.raises(NoteError, match="no signature by key EnochRoot"):
        open_note(TEXT + "\n" + PETER_SIG, enoch)
    bad = TEXT + "\n" + PETER_SIG[:60] + "ABCD" + PETER_SIG[60:]
    with pytest.raises(NoteError, match="invalid signature for key PeterNeumann"):
        open_note(bad, peter)
    with pytest.raises(NoteError, match="invalid signature"):
        open_note(TEXT.replace("answer", "answers") + "\n" + PETER_SIG, peter)


@pytest.mark.parametrize(
    "message",
    [
        TEXT,
        TEXT + "\n",
        TEXT + "\n" + PETER_SIG[:-1],
        "\x01" + TEXT + "\n" + PETER_SIG,
        TEXT + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNX"
        "gKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
        TEXT + "\n" + PETER_SIG + "Unexpected line.\n",
    ],
)
def test_go_s_malformed_notes_are_refused(message: str):
    # The badMsgs of Go's TestOpen.
    with pytest.raises(NoteError):
        open_note(message, Verifier.parse(PETER_VKEY))


def test_go_s_mangled_verifier_keys_are_refused():
    for bad in (
        "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==",
        "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        PETER_VKEY[:-1],
        PETER_VKEY.replace("c74f20a3", "c74f20a4"),
    ):
        with pytest.raises(NoteError):
            Verifier.parse(bad)


def test_go_sumdb_tree_note_is_a_checkpoint():
    text = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n"
    checkpoint = parse_checkpoint(text)
    assert checkpoint == Checkpoint(
        "go.sum database tree", 123456789012, merkle.leaf_hash(b"hello world")
    )
    assert checkpoint.text() == text
    for bad in (
        "go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
        "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n",
        "go.sum database tree\n0123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n",
    ):
        with pytest.raises(NoteError):
            parse_checkpoint(bad)


def test_a_new_key_signs_a_checkpoint_that_opens():
    signer = Signer.generate("osint.example/log/abc")
    checkpoint = Checkpoint("osint.example/log/abc", 3, bytes(32))
    note = signer.sign(checkpoint.text())
    text, signatures = split_note(note)
    assert text == checkpoint.text()
    assert signatures[0].key_id == signer.verifier.key_id
    assert Signer.parse(str(signer)) == signer
    assert parse_checkpoint(open_note(note, Verifier.parse(str(signer.verifier)))) == checkpoint
    assert base64.b64decode(note.splitlines()[-1].split(" ")[2])[:4] == (
        signer.verifier.key_id.to_bytes(4, "big")
    )
