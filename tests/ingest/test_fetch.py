"""The fetcher against real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from ingest.fetch import (
    USER_AGENT,
    Fetcher,
    FetchError,
    FetchPolicy,
    Validators,
    parse_retry_after,
    refused_reason,
)
from tests.ingest import servers

threaded_server = servers.threaded_server
OPEN = FetchPolicy(timeout=5, allow_private=True, retries=2)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(backoff_base=0.01) as f:
        yield f


def test_user_agent_and_body(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/feed", headers={"User-Agent": USER_AGENT}).respond_with_data(
        "<rss/>", headers={"ETag": '"v1"'}
    )
    result = fetcher.fetch(httpserver.url_for("/feed"), OPEN)
    assert (result.status, result.body, result.validators.etag) == (200, b"<rss/>", '"v1"')


def test_conditional_get_sends_validators_and_304_has_no_body(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    stamp = "Thu, 07 Nov 2024 10:00:00 GMT"
    httpserver.expect_ordered_request("/feed").respond_with_data(
        "<rss/>", headers={"ETag": '"abc"', "Last-Modified": stamp}
    )
    httpserver.expect_ordered_request(
        "/feed", headers={"If-None-Match": '"abc"', "If-Modified-Since": stamp}
    ).respond_with_data("", status=304)
    first = fetcher.fetch(httpserver.url_for("/feed"), OPEN)
    second = fetcher.fetch(httpserver.url_for("/feed"), OPEN, first.validators)
    assert first.validators == Validators('"abc"', stamp)
    assert (second.not_modified, second.body) == (True, b"")
    httpserver.check_assertions()


def test_429_retry_after_is_not_retried_inline(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "120"}
    )
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(httpserver.url_for("/feed"), OPEN)
    assert (caught.value.kind, caught.value.http_status, caught.value.retry_after) == (
        "rate_limited",
        429,
        120.0,
    )
    assert len(httpserver.log) == 1


def test_500_then_200_is_retried(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_ordered_request("/feed").respond_with_data("oops", status=500)
    httpserver.expect_ordered_request("/feed").respond_with_data("<rss/>")
    result = fetcher.fetch(httpserver.url_for("/feed"), OPEN)
    assert (result.body, result.attempts) == (b"<rss/>", 2)


def test_500_every_time_gives_up_after_the_retries(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    httpserver.expect_request("/feed").respond_with_data("oops", status=503)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(httpserver.url_for("/feed"), OPEN)
    assert (caught.value.kind, caught.value.http_status) == ("server_error", 503)
    assert len(httpserver.log) == 3


def test_private_address_refused_without_a_request(
    httpserver: HTTPServer, fetcher: Fetcher
) -> None:
    httpserver.expect_request("/feed").respond_with_data("<rss/>")
    strict = FetchPolicy(timeout=5)
    for url in (
        httpserver.url_for("/feed"),
        f"http://localhost:{httpserver.port}/feed",  # refused on the resolved address
        f"http://[::ffff:127.0.0.1]:{httpserver.port}/feed",  # IPv4-mapped IPv6
    ):
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(url, strict)
        assert caught.value.kind == "private_address"
        assert "loopback" in str(caught.value)
    assert httpserver.log == []


@pytest.mark.parametrize(
    "target", ["http://127.0.0.2:{port}/x", "http://[::ffff:127.0.0.1]:{port}/x"]
)
def test_redirect_to_a_private_address_is_refused(httpserver: HTTPServer, target: str) -> None:
    # 127.0.0.1 plays the public internet here; every other private address stays refused.
    httpserver.expect_request("/feed").respond_with_data(
        "", status=302, headers={"Location": target.format(port=httpserver.port)}
    )
    with (
        Fetcher(trusted_addresses={"127.0.0.1"}) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.fetch(httpserver.url_for("/feed"), FetchPolicy(timeout=5))
    assert caught.value.kind == "private_address"
    assert caught.value.url == target.format(port=httpserver.port)
    assert len(httpserver.log) == 1


def test_redirects_followed_and_limited(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data("<rss/>")
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": "/loop"}
    )
    result = fetcher.fetch(httpserver.url_for("/old"), OPEN)
    assert (result.url, result.body) == (httpserver.url_for("/new"), b"<rss/>")
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(httpserver.url_for("/loop"), OPEN)
    assert caught.value.kind == "too_many_redirects"


def test_declared_body_over_the_cap_is_not_read(httpserver: HTTPServer, fetcher: Fetcher) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 3_000_000)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(
            httpserver.url_for("/big"), FetchPolicy(allow_private=True, max_bytes=100_000)
        )
    assert caught.value.kind == "too_large"
    assert "3000000 bytes" in str(caught.value)


def test_streamed_body_over_the_cap_stops_reading(
    threaded_server: HTTPServer, fetcher: Fetcher
) -> None:
    chunk, total_chunks = b"y" * 65536, 800  # 50 MiB on offer
    served = {"chunks": 0, "done": threading.Event()}

    def handler(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            try:
                for _ in range(total_chunks):
                    served["chunks"] += 1
                    yield chunk
            finally:
                served["done"].set()

        return Response(body(), mimetype="application/rss+xml")

    threaded_server.expect_request("/endless").respond_with_handler(handler)
    policy = FetchPolicy(allow_private=True, max_bytes=1_000_000, retries=0)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(threaded_server.url_for("/endless"), policy)
    assert caught.value.kind == "too_large"
    served["done"].wait(10)
    assert served["chunks"] < total_chunks // 4  # the client hung up long before the end


def test_stalled_server_times_out(threaded_server: HTTPServer, fetcher: Fetcher) -> None:
    def stall(_request: Request) -> Response:
        time.sleep(2)
        return Response("<rss/>")

    threaded_server.expect_request("/stall").respond_with_handler(stall)
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(
            threaded_server.url_for("/stall"), FetchPolicy(timeout=0.3, allow_private=True)
        )
    assert caught.value.kind == "timeout"


def test_stop_cuts_retry_waits_short(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data("oops", status=500)
    stop = threading.Event()
    stop.set()
    with Fetcher(backoff_base=60) as slow, pytest.raises(FetchError) as caught:
        slow.fetch(httpserver.url_for("/feed"), OPEN, stop=stop)
    assert caught.value.kind == "abandoned"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.9", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.251", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fd00::1", "private"),
        ("::ffff:10.0.0.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 wrapping 10.0.0.1
        ("100.64.0.1", "non-global"),  # carrier-grade NAT
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_refused_reason(address: str, reason: str | None) -> None:
    assert refused_reason(address) == reason


def test_retry_after_forms() -> None:
    now = datetime(2024, 11, 7, 10, 0, tzinfo=UTC)
    assert parse_retry_after("30") == 30.0
    assert parse_retry_after("Thu, 07 Nov 2024 10:02:00 GMT", now) == 120.0
    assert parse_retry_after("soon") is None
