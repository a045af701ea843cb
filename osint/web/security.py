"""The web app's guard, in front of every route: read-only methods, the token, the host, and
the headers that keep hostile report text inert in a browser.

- Only GET and HEAD: anything else is 405 before a route sees it (the app never writes).
- With a token (required to bind anything but loopback), every request must carry it, as
  `Authorization: Bearer TOKEN` or as the password of HTTP Basic (so a browser or a feed reader
  can ask for it); compared in constant time.
- Without a token, only loopback host names are answered: a page elsewhere cannot reach the
  app through a DNS name rebound to 127.0.0.1.
- Every response says: scripts, styles and images only from the app itself, no inline script,
  no framing, no sniffing, no referrer.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
READ_METHODS = ("GET", "HEAD")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def token_matches(header: str | None, token: str) -> bool:
    """Whether an Authorization header carries `token` (Bearer, or Basic with it as the
    password); the comparison takes the same time wherever the two differ."""
    if not header:
        return False
    scheme, _, value = header.partition(" ")
    scheme = scheme.lower()
    if scheme == "basic":
        try:
            value = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        value = value.partition(":")[2]
    elif scheme != "bearer":
        return False
    return hmac.compare_digest(value.strip().encode(), token.encode())


def _host_name(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"host":
            host = value.decode("latin-1").strip().lower()
            if host.startswith("["):
                return host.split("]")[0] + "]"
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""


class Guard:
    """ASGI middleware: methods, token or loopback host, and the security headers."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        head = scope["method"] == "HEAD"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", ()) if k not in _OURS]
                message["headers"] = [*headers, *SECURITY_HEADERS]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # HEAD: the GET's headers, no body
            await send(message)

        if scope["method"] not in READ_METHODS:
            await _plain(
                send_with_headers, 405, "only GET and HEAD: this app only reads", allow=True
            )
            return
        if self.token is not None:
            header = next(
                (v.decode("latin-1") for k, v in scope["headers"] if k == b"authorization"), None
            )
            if not token_matches(header, self.token):
                await _plain(send_with_headers, 401, "a token is needed (Bearer, or Basic)")
                return
        elif _host_name(scope) not in LOOPBACK_HOSTS:
            await _plain(send_with_headers, 421, "this app answers only to 127.0.0.1 or localhost")
            return
        if head:
            scope = {**scope, "method": "GET"}
        await self.app(scope, receive, send_with_headers)


_OURS = {name for name, _ in SECURITY_HEADERS}


async def _plain(send: Send, status: int, text: str, allow: bool = False) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"cache-control", b"no-store")]
    if allow:
        headers.append((b"allow", b"GET, HEAD"))
    if status == 401:
        headers.append((b"www-authenticate", b'Basic realm="osint", charset="UTF-8"'))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": f"{text}\n".encode()})
