"""Network safety: the fetcher's refusal of private addresses holds against every spelling of
the loopback host we could think of, directly and behind redirects.

Real servers listen on 127.0.0.1, 127.0.0.2 and [::1] and count what reaches them: a refused
fetch must never get there. Nothing leaves the machine: every name used resolves locally
(`localhost` from /etc/hosts; numeric spellings are parsed by the resolver itself).
For redirects, one loopback address plays the public internet (`trusted_addresses`, as the
fetcher's own tests do) and every other loopback address stays refused.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from ingest.fetch import Fetcher, FetchError, FetchPolicy
from ingest.poller import Poller
from ingest.sources import Source
from osint.wiring import open_store

pytestmark = pytest.mark.reliability

STRICT = FetchPolicy(timeout=5, retries=0)


def _server(host: str) -> Iterator[HTTPServer]:
    """One server for the module (starting and stopping werkzeug costs about a second)."""
    server = HTTPServer(host=host, port=0)
    try:
        server.start()
    except OSError as exc:
        pytest.skip(f"cannot listen on {host}: {exc}")
    server.expect_request("/").respond_with_data("<rss version='2.0'><channel/></rss>")
    server.expect_request("/feed").respond_with_data("<rss version='2.0'><channel/></rss>")
    try:
        yield server
    finally:
        server.clear()
        server.stop()


@pytest.fixture(scope="module")
def _v4() -> Iterator[HTTPServer]:
    yield from _server("127.0.0.1")


@pytest.fixture(scope="module")
def _v4_other() -> Iterator[HTTPServer]:
    yield from _server("127.0.0.2")


@pytest.fixture(scope="module")
def _v6() -> Iterator[HTTPServer]:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 here")
    yield from _server("::1")


@pytest.fixture
def v4(_v4: HTTPServer) -> HTTPServer:
    _v4.clear_log()
    return _v4


@pytest.fixture
def v4_other(_v4_other: HTTPServer) -> HTTPServer:
    _v4_other.clear_log()
    return _v4_other


@pytest.fixture
def v6(_v6: HTTPServer) -> HTTPServer:
    _v6.clear_log()
    return _v6


def _resolves(host: str) -> bool:
    try:
        socket.getaddrinfo(host, 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return False
    return True


# Every spelling of 127.0.0.1 as the host part of a URL.
V4_SPELLINGS = [
    "127.0.0.1",
    "localhost",
    "LOCALHOST",
    "localhost.",
    "2130706433",  # decimal
    "0177.0.0.1",  # octal
    "0x7f.0.0.1",  # hex
    "0x7f000001",
    "0x7F.0x00.0x00.0x01",
    "017700000001",  # octal, one number
    "127.1",  # short forms
    "127.0.1",
    "0177.0.0.0x1",  # mixed
    "[::ffff:127.0.0.1]",  # IPv4-mapped IPv6
    "[::ffff:7f00:1]",
    "[0:0:0:0:0:ffff:127.0.0.1]",
    "example.org@127.0.0.1",  # userinfo trick: the host is what follows '@'
]
V6_SPELLINGS = ["[::1]", "[0:0:0:0:0:0:0:1]", "[0000::0001]", "ip6-localhost", "ip6-loopback"]
V4_OTHER_SPELLINGS = [
    "127.0.0.2",
    "2130706434",
    "0177.0.0.2",
    "0x7f.0.0.2",
    "127.2",
    "[::ffff:127.0.0.2]",
    "[::ffff:7f00:2]",
]


def _host_of(spelling: str) -> str:
    return spelling.split("@")[-1].strip("[]")


def _assert_refused(fetcher: Fetcher, url: str, spelling: str) -> str:
    """The fetch fails without a request: refused on the resolved address, or (for spellings
    httpx will not parse, such as octal) refused as a bad URL. Returns the error kind."""
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url, STRICT)
    allowed = {"private_address", "bad_url"}
    if not _resolves(_host_of(spelling)):
        allowed.add("network")  # cannot even be resolved here: still no request
    if "Invalid URL in location header" in str(caught.value):
        # httpx rejects a redirect to an octal IPv4 host while building the next request:
        # nothing was sent, and it is filed as a bad URL (not retried as a network error).
        assert caught.value.kind == "bad_url", str(caught.value)
    assert caught.value.kind in allowed, (url, caught.value.kind, str(caught.value))
    return caught.value.kind


@pytest.mark.parametrize("spelling", V4_SPELLINGS)
def test_every_spelling_of_127_0_0_1_is_refused(v4: HTTPServer, spelling: str):
    with Fetcher(backoff_base=0.01) as fetcher:
        _assert_refused(fetcher, f"http://{spelling}:{v4.port}/feed", spelling)
    assert v4.log == []


@pytest.mark.parametrize("spelling", V6_SPELLINGS)
def test_every_spelling_of_ipv6_loopback_is_refused(v6: HTTPServer, spelling: str):
    if not spelling.startswith("[") and not _resolves(spelling):
        pytest.skip(f"{spelling} is not in this machine's hosts file")
    with Fetcher(backoff_base=0.01) as fetcher:
        _assert_refused(fetcher, f"http://{spelling}:{v6.port}/feed", spelling)
    assert v6.log == []


@pytest.mark.parametrize("spelling", ["0.0.0.0", "0", "[::]", "[::ffff:0.0.0.0]"])
def test_the_unspecified_address_which_reaches_this_host_is_refused(v4: HTTPServer, spelling: str):
    with Fetcher(backoff_base=0.01) as fetcher:
        _assert_refused(fetcher, f"http://{spelling}:{v4.port}/feed", spelling)
    assert v4.log == []


def _redirecting(public: HTTPServer, location: str, hops: int = 1) -> str:
    """A chain of `hops` redirects on the public server, the last one to `location`."""
    chain = uuid.uuid4().hex
    for hop in range(hops, 0, -1):
        target = location if hop == hops else f"/{chain}/hop{hop + 1}"
        public.expect_request(f"/{chain}/hop{hop}").respond_with_data(
            "", status=302, headers={"Location": target}
        )
    host = f"[{public.host}]" if ":" in public.host else public.host
    return f"http://{host}:{public.port}/{chain}/hop1"


@pytest.mark.parametrize("hops", [1, 3])
@pytest.mark.parametrize("spelling", V4_SPELLINGS)
def test_redirects_to_127_0_0_1_in_any_spelling_are_refused(
    v6: HTTPServer, v4: HTTPServer, spelling: str, hops: int
):
    """[::1] plays the public internet; the victim is the server on 127.0.0.1."""
    url = _redirecting(v6, f"http://{spelling}:{v4.port}/", hops)
    with Fetcher(backoff_base=0.01, trusted_addresses={"::1"}) as fetcher:
        _assert_refused(fetcher, url, spelling)
    assert v4.log == []
    assert len(v6.log) == hops


@pytest.mark.parametrize("spelling", V6_SPELLINGS + V4_OTHER_SPELLINGS)
def test_redirects_to_other_loopback_addresses_are_refused(
    v4: HTTPServer, v6: HTTPServer, v4_other: HTTPServer, spelling: str
):
    """127.0.0.1 plays the public internet; the victims listen on [::1] and 127.0.0.2."""
    if not spelling.startswith("[") and not spelling[0].isdigit() and not _resolves(spelling):
        pytest.skip(f"{spelling} is not in this machine's hosts file")
    victim = v4_other if "2" in spelling.rsplit(".", 1)[-1] or spelling.endswith(":2]") else v6
    url = _redirecting(v4, f"http://{spelling}:{victim.port}/")
    with Fetcher(backoff_base=0.01, trusted_addresses={"127.0.0.1"}) as fetcher:
        _assert_refused(fetcher, url, spelling)
    assert v6.log == [] and v4_other.log == []


def test_a_scheme_relative_redirect_to_loopback_is_refused(v6: HTTPServer, v4: HTTPServer):
    url = _redirecting(v6, f"//0x7f.0.0.1:{v4.port}/")
    with Fetcher(backoff_base=0.01, trusted_addresses={"::1"}) as fetcher:
        _assert_refused(fetcher, url, "0x7f.0.0.1")
    assert v4.log == []


def test_a_refused_feed_source_ends_in_fetch_failed(sqlite_url: str, v4: HTTPServer):
    """Through the poller: one `FetchFailed` of kind private_address per refused source, and
    the good source beside them (127.0.0.1 allowed for it) is still read."""
    store = open_store(sqlite_url)
    sources = [
        Source.model_validate(
            {"id": f"sneaky-{i}", "kind": "feed", "url": url, "every": "1h", "retries": 0}
        )
        for i, url in enumerate(
            [
                f"http://localhost:{v4.port}/feed",
                f"http://2130706433:{v4.port}/feed",
                f"http://0177.0.0.1:{v4.port}/feed",
                f"http://[::ffff:127.0.0.1]:{v4.port}/feed",
            ]
        )
    ]
    v4.expect_request("/good-feed").respond_with_data(
        "<rss version='2.0'><channel><item><guid>g1</guid><title>Troops</title>"
        "<description>About 200 soldiers arrived.</description></item></channel></rss>"
    )
    good = Source.model_validate(
        {
            "id": "good",
            "kind": "feed",
            "url": f"http://127.0.0.1:{v4.port}/good-feed",
            "every": "1h",
            "allow_private": True,
        }
    )
    try:
        with Fetcher(backoff_base=0.01) as fetcher:
            poller = Poller(store, fetcher, owner="reliability")
            poller.prepare([*sources, good])
            outcomes = {o.source_id: o for o in poller.poll_due([*sources, good])}
        assert {s: (o.status, o.error_kind) for s, o in outcomes.items()} == {
            "sneaky-0": ("failed", "private_address"),
            "sneaky-1": ("failed", "private_address"),
            "sneaky-2": ("failed", "bad_url"),  # httpx refuses octal IPv4 as a URL
            "sneaky-3": ("failed", "private_address"),
            "good": ("ok", None),
        }
        failed = [e for e in store.read() if e.type == "FetchFailed"]
        assert sorted(e.payload["source_id"] for e in failed) == sorted(s.id for s in sources)
        assert [r.path for r in (req for req, _ in v4.log)] == ["/good-feed"]
    finally:
        store.close()
