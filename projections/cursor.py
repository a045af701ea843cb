"""Opaque page cursors: the sort key of the last row a page showed, as URL-safe text. The next
page starts after that key, so rows added meanwhile never shift a page."""

from __future__ import annotations

import base64
from typing import Any

import orjson

from projections.errors import BadCursor


def encode_cursor(*key: Any) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(list(key))).decode().rstrip("=")


def decode_cursor(cursor: str, *types: type) -> tuple[Any, ...]:
    """The key `encode_cursor` made, checked against the `types` of its parts; `BadCursor`
    for anything else."""
    try:
        key = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, TypeError):
        raise BadCursor("that cursor is not one this page gave") from None
    if not isinstance(key, list) or len(key) != len(types):
        raise BadCursor("that cursor is not one this page gave")
    if not all(
        isinstance(v, t) and not isinstance(v, bool) for v, t in zip(key, types, strict=True)
    ):
        raise BadCursor("that cursor is not one this page gave")
    return tuple(key)
