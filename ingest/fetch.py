"""The one HTTP fetcher: every network read of `ingest` goes through `Fetcher.fetch`.

Politeness and safety in one place: connect/read timeouts and an overall deadline, a body size
cap enforced while streaming (the rest is never read), redirects followed by hand so each hop is
checked, a descriptive User-Agent, conditional GET (ETag / Last-Modified), retries with
exponential backoff and jitter on 5xx and network errors, and `Retry-After` honoured on 429/503
by *not* retrying inside the poll (the caller postpones the source instead).

Private addresses are refused where it cannot be dodged: in the connection layer, on the address
actually connected to after DNS resolution (so a public name that resolves to 127.0.0.1, a
redirect to a private host, or an IPv4-mapped IPv6 literal are all caught), unless the source
says `allow_private = true`. Proxies from the environment are ignored for the same reason.

FetchError (a `SourceError`)   one failed fetch; `kind`, `http_status` and `retry_after` say why
"""

from __future__ import annotations

import dataclasses
import email.utils
import ipaddress
import random
import socket
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from importlib import metadata as _metadata
from typing import Any

import httpcore
import httpx

from ingest.errors import SourceError

try:
    _VERSION = _metadata.version("osint-ingest")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    _VERSION = "0"

USER_AGENT = f"osint-ingest/{_VERSION} (news monitoring; conditional GET; honours Retry-After)"
RETRY_STATUSES = frozenset({500, 502, 503, 504})
MAX_RETRY_AFTER = 7 * 86400.0
CHUNK = 64 * 1024


class FetchError(SourceError):
    """A fetch failed. `kind` is one of: bad_url, private_address, timeout, network,
    too_large, too_many_redirects, http_error, server_error, rate_limited, gone, abandoned."""

    def __init__(
        self,
        kind: str,
        url: str,
        message: str,
        http_status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{url}: {message}")
        self.kind = kind
        self.url = url
        self.detail = message
        self.http_status = http_status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Per-source limits. Defaults suit a news feed; tests shrink them."""

    timeout: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 2
    allow_private: bool = False
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def deadline(self) -> float:
        """Longest time one attempt may take in total, so a server that drips a byte at a
        time cannot hold a poll forever under the per-read timeout."""
        return self.timeout * 3


@dataclass(frozen=True, slots=True)
class Validators:
    """What a conditional GET sends back: kept per source in the polling state."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The response a reader uses. `url` is the final URL (after redirects); `body` is decoded
    (gzip, deflate); the rest is the response as it arrived, for its capture: `raw_body` before
    content decoding, `raw_headers` in arrival order and case, the address connected to and
    when the request went out and the response's headers came back."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    validators: Validators
    not_modified: bool = False
    attempts: int = 1
    requested_url: str | None = None
    raw_body: bytes | None = None
    raw_headers: tuple[tuple[str, str], ...] = ()
    request_headers: tuple[tuple[str, str], ...] = ()
    http_version: str | None = None
    reason: str | None = None
    peer_ip: str | None = None
    requested_at: datetime | None = None
    responded_at: datetime | None = None


class _Refused(Exception):
    """Raised inside the connection layer; turned into `FetchError('private_address')`."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        where = f"{address} is" if host.strip("[]") == address else f"{host} resolves to {address},"
        super().__init__(f"{where} a {reason} address")
        self.host = host
        self.address = address


def refused_reason(address: str) -> str | None:
    """Why `address` may not be fetched (loopback, private, …), or None if it is public."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    candidates: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = []
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address inside an IPv6 one reaches the IPv4 host: check it too.
        for embedded in (ip.ipv4_mapped, ip.sixtofour, ip.teredo[1] if ip.teredo else None):
            if embedded is not None:
                candidates.append(embedded)
        if ip in ipaddress.ip_network("64:ff9b::/96"):
            candidates.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    candidates.append(ip)
    for candidate in candidates:
        for name in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
            if getattr(candidate, f"is_{name}"):
                return name.replace("_", "-")
        if not candidate.is_global:
            return "non-global"
    return None


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host itself and connects only to addresses that pass `refused_reason`."""

    def __init__(self, trusted: frozenset[str]) -> None:
        super().__init__()
        self.trusted = trusted

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc.strerror}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        for address in addresses:
            reason = None if address in self.trusted else refused_reason(address)
            if reason:
                raise _Refused(host, address, reason)
        last: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(
                    address, port, timeout, local_address, socket_options=socket_options
                )
            except httpcore.ConnectError as exc:
                last = exc
        raise last or httpcore.ConnectError(f"cannot connect to {host}")


def _client(guarded: bool, user_agent: str, trusted: frozenset[str]) -> httpx.Client:
    transport = httpx.HTTPTransport(retries=0)
    if guarded:
        pool = transport._pool
        if not hasattr(pool, "_network_backend"):  # pragma: no cover - httpcore changed
            raise RuntimeError("httpcore has no _network_backend: cannot guard addresses")
        pool._network_backend = _GuardedBackend(trusted)
    return httpx.Client(
        transport=transport,
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
    )


class Fetcher:
    """Thread-safe: one instance serves every source of a scheduler."""

    def __init__(
        self,
        user_agent: str = USER_AGENT,
        backoff_base: float = 0.5,
        backoff_cap: float = 30.0,
        trusted_addresses: Iterable[str] = (),
    ) -> None:
        """`trusted_addresses` are fetched even though private: only for tests, which must
        play the public internet on 127.0.0.1 to show that a redirect elsewhere is refused."""
        self.user_agent = user_agent
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        trusted = frozenset(trusted_addresses)
        self._guarded = _client(True, user_agent, trusted)
        self._open = _client(False, user_agent, trusted)

    def close(self) -> None:
        self._guarded.close()
        self._open.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        policy: FetchPolicy,
        validators: Validators | None = None,
        stop: threading.Event | None = None,
    ) -> FetchResult:
        """GET `url` under `policy`; a 304 comes back with `not_modified=True` and no body."""
        attempt = 0
        while True:
            attempt += 1
            try:
                result = self._follow(url, policy, validators or Validators())
            except _Retry as retry:
                if attempt > policy.retries:
                    raise retry.error from None
                delay = min(self.backoff_cap, self.backoff_base * 2 ** (attempt - 1))
                delay *= random.uniform(0.5, 1.5)
                if stop is not None and stop.wait(delay):
                    raise FetchError("abandoned", url, "shutting down before a retry") from None
                if stop is None:
                    time.sleep(delay)
                continue
            return dataclasses.replace(result, attempts=attempt, requested_url=url)

    def _follow(self, url: str, policy: FetchPolicy, validators: Validators) -> FetchResult:
        client = self._open if policy.allow_private else self._guarded
        headers = dict(policy.headers)
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        current = url
        for _hop in range(policy.max_redirects + 1):
            target = _checked_url(current)
            try:
                response = self._get(client, target, headers, policy)
            except _Redirect as redirect:
                current = str(target.join(redirect.location))
                continue
            return dataclasses.replace(
                response, url=str(target), not_modified=response.status == 304
            )
        raise FetchError("too_many_redirects", url, f"more than {policy.max_redirects} redirect(s)")

    def _get(
        self, client: httpx.Client, url: httpx.URL, headers: dict[str, str], policy: FetchPolicy
    ) -> FetchResult:
        timeout = httpx.Timeout(policy.timeout, connect=min(policy.timeout, 10.0))
        started = time.monotonic()
        shown = str(url)
        try:
            requested_at = datetime.now(UTC)
            with client.stream("GET", url, headers=headers, timeout=timeout) as response:
                responded_at = datetime.now(UTC)
                peer_ip = _peer_ip(response)
                status = response.status_code
                found = {k.lower(): v for k, v in response.headers.items()}
                if status in (301, 302, 303, 307, 308) and "location" in found:
                    raise _Redirect(found["location"])
                _raise_for_status(shown, status, found)
                raw, body = b"", b""
                if status != 304:
                    raw, body = _read_capped(response, shown, policy, started)
                return FetchResult(
                    url=shown,
                    status=status,
                    headers=found,
                    body=body,
                    validators=Validators(found.get("etag"), found.get("last-modified")),
                    raw_body=raw,
                    raw_headers=_raw(response.headers),
                    request_headers=_raw(response.request.headers),
                    http_version=response.http_version,
                    reason=response.reason_phrase,
                    peer_ip=peer_ip,
                    requested_at=requested_at,
                    responded_at=responded_at,
                )
        except _Refused as exc:
            raise FetchError(
                "private_address",
                shown,
                f"refused: {exc} (set allow_private = true for this source to allow it)",
            ) from None
        except httpx.TimeoutException as exc:
            raise FetchError(
                "timeout", shown, f"timed out after {policy.timeout:g} s ({type(exc).__name__})"
            ) from None
        except (httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            if isinstance(exc, httpx.RemoteProtocolError) and _INVALID_REDIRECT in str(exc):
                # A Location that httpx cannot parse (an octal IPv4 host, say): nothing was
                # sent to it, and asking again would be redirected the same way.
                raise FetchError(
                    "bad_url", shown, f"redirected to an unusable URL: {_one_line(exc)}"
                ) from None
            error = FetchError("network", shown, f"network error: {_one_line(exc)}")
            raise _Retry(error) from None
        except httpx.DecodingError as exc:
            raise FetchError("network", shown, f"bad content encoding: {_one_line(exc)}") from None


_INVALID_REDIRECT = "Invalid URL in location header"


class _Retry(Exception):
    def __init__(self, error: FetchError) -> None:
        super().__init__(str(error))
        self.error = error


class _Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def _checked_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise FetchError("bad_url", url, f"not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError("bad_url", url, "only http:// and https:// URLs are fetched")
    return parsed


def _raise_for_status(url: str, status: int, headers: dict[str, str]) -> None:
    if status < 400 and status not in (300, 301, 302, 303, 307, 308):
        return
    shown = status_text(status)
    if status in (300, 301, 302, 303, 307, 308):
        raise FetchError("http_error", url, f"{shown} without a Location header", status)
    if status == 410:
        raise FetchError("gone", url, f"{shown}: the source says it is gone for good", 410)
    retry_after = parse_retry_after(headers.get("retry-after"))
    if status == 429 or (status == 503 and retry_after is not None):
        wait = f"; retry after {retry_after:g} s" if retry_after is not None else ""
        raise FetchError("rate_limited", url, f"{shown}{wait}", status, retry_after)
    if status in RETRY_STATUSES:
        raise _Retry(FetchError("server_error", url, shown, status))
    kind = "server_error" if status >= 500 else "http_error"
    raise FetchError(kind, url, shown, status)


def status_text(status: int) -> str:
    """`HTTP 404 Not Found`: the standard reason phrase, not the server's (which is any text
    the server likes, and HTTP/2 has none)."""
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"


def _raw(headers: httpx.Headers) -> tuple[tuple[str, str], ...]:
    return tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in headers.raw)


def _peer_ip(response: httpx.Response) -> str | None:
    """The address the response came from (what DNS resolved to), if the transport says."""
    stream = response.extensions.get("network_stream")
    try:
        address = stream.get_extra_info("server_addr") if stream is not None else None
    except OSError:
        return None
    return str(address[0]) if address else None


class _Decoder:
    """Content decoding (gzip, deflate; we ask for no other) of the raw body, by chunks."""

    def __init__(self, encodings: str | None, url: str) -> None:
        self.steps: list[Any] = []
        for name in reversed([e.strip().lower() for e in (encodings or "").split(",")]):
            if name in ("", "identity"):
                continue
            if name in ("gzip", "x-gzip"):
                self.steps.append(zlib.decompressobj(16 + zlib.MAX_WBITS))
            elif name == "deflate":
                self.steps.append(_Deflate())
            else:
                raise FetchError("network", url, f"bad content encoding: {name!r} is not supported")

    def feed(self, chunk: bytes) -> bytes:
        for step in self.steps:
            chunk = step.decompress(chunk)
        return chunk

    def end(self) -> bytes:
        tail = b""
        for step in self.steps:
            tail = step.decompress(tail) + step.flush()
        return tail


class _Deflate:
    """`deflate` as servers send it: zlib-wrapped, or (wrongly, but often) raw."""

    def __init__(self) -> None:
        self._inner: Any = None

    def decompress(self, chunk: bytes) -> bytes:
        if self._inner is None:
            self._inner = zlib.decompressobj()
            try:
                return self._inner.decompress(chunk)
            except zlib.error:
                self._inner = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._inner.decompress(chunk)

    def flush(self) -> bytes:
        return self._inner.flush() if self._inner is not None else b""


def _read_capped(
    response: httpx.Response, url: str, policy: FetchPolicy, started: float
) -> tuple[bytes, bytes]:
    """The raw body (as it came off the wire, after transfer decoding) and the decoded body,
    each within the size cap."""
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > policy.max_bytes:
        raise FetchError(
            "too_large",
            url,
            f"body of {int(declared)} bytes is over the {policy.max_bytes}-byte cap (not read)",
            response.status_code,
        )
    decoder = _Decoder(response.headers.get("content-encoding"), url)
    raw: list[bytes] = []
    chunks: list[bytes] = []
    total = raw_total = 0
    try:
        for piece in response.iter_raw(CHUNK):
            raw_total += len(piece)
            raw.append(piece)
            chunk = decoder.feed(piece)
            total += len(chunk)
            if total > policy.max_bytes or raw_total > policy.max_bytes:
                raise FetchError(
                    "too_large",
                    url,
                    f"body over the {policy.max_bytes}-byte cap (stopped reading)",
                    response.status_code,
                )
            if time.monotonic() - started > policy.deadline:
                raise FetchError("timeout", url, f"body not received within {policy.deadline:g} s")
            chunks.append(chunk)
        chunks.append(decoder.end())
    except zlib.error as exc:
        raise FetchError("network", url, f"bad content encoding: {exc}") from None
    body = b"".join(chunks)
    if len(body) > policy.max_bytes:
        raise FetchError(
            "too_large", url, f"body over the {policy.max_bytes}-byte cap", response.status_code
        )
    return b"".join(raw), body


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
