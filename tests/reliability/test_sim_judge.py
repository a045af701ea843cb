"""The simulation's judge (`bench.sim`) on request logs written by hand, and the feed server's
log of a response it could not finish: a fetch retries a network error inside its poll (backoff
about 0.5 s), so a response cut short followed by the same scheduler's request is one poll,
while a repeat after a complete answer is an early repeat however it came about."""

from __future__ import annotations

import io
import json
import socket
import struct
import threading
import time
from typing import Any

from bench.sim import SimConfig, analyse, polls_of
from bench.simfeeds import ABORTED, FeedServer, behaviour

CFG = SimConfig(sources=3, schedulers=2, interval=15.0, duration=45.0)


def request(by: str, start: float, status: int, **more: Any) -> dict[str, Any]:
    return {"feed": 0, "by": by, "start": start, "end": start + 0.05, "status": status, **more}


def judged(requests: list[dict[str, Any]]) -> Any:
    served = {tuple(i) for r in requests for i in r.get("items", ())}
    reports = [("desk-00000", f"sim-0-{j}", 1, f"Edition {e}.") for j, e in sorted(served)]
    failed = sum(1 for ps in polls_of(requests).values() for p in ps if p.status not in (200, 304))
    return analyse(CFG, requests, reports, failed, 99.0, 200.0, {}, {}, 0)


def test_a_request_soon_after_a_response_cut_short_is_that_polls_retry() -> None:
    rs = [
        request("s1", 100.0, ABORTED, sent=200),
        request("s1", 100.7, 200, items=[[2, 1]]),
        request("s1", 115.2, 304),
    ]
    (polls,) = polls_of(rs).values()
    assert [(p.start, p.status, p.requests) for p in polls] == [(100.0, 200, 2), (115.2, 304, 1)]
    result = judged(rs)
    assert (result.early_repeats, result.aborted_responses, result.polls) == (0, 1, 2)
    # The cut response served nothing; the retry served the one edition the log holds.
    assert (result.served_editions, result.lost, result.doubled) == (1, 0, 0)
    # Three responses cut short in a row are one failed poll (a network error to the client).
    rs = [request("s1", 100.0 + t, ABORTED, sent=304) for t in (0.0, 0.6, 1.8)]
    result = judged(rs)
    assert (result.polls, result.failed_polls, result.abandoned_polls) == (1, 1, 0)


def test_a_repeat_after_a_complete_answer_is_still_an_early_repeat() -> None:
    # The same scheduler 0.7 s after a complete 200, or 304: a new poll, and an early one.
    for status in (200, 304):
        rs = [request("s1", 100.0, status), request("s1", 100.7, 304)]
        assert [p.requests for p in polls_of(rs)[0]] == [1, 1]
        result = judged(rs)
        assert (result.early_repeats, result.early_repeats_by_other_scheduler) == (1, 0)
    # A poll that succeeded on its retry (cut short, then 200) and a request 0.7 s later.
    rs = [
        request("s1", 100.0, ABORTED, sent=200),
        request("s1", 100.5, 200),
        request("s1", 101.2, 304),
    ]
    assert [p.requests for p in polls_of(rs)[0]] == [2, 1]
    assert judged(rs).early_repeats == 1
    # Another scheduler's request right after a cut response is not its retry.
    rs = [request("s1", 100.0, ABORTED, sent=200), request("s2", 100.7, 200)]
    assert [p.requests for p in polls_of(rs)[0]] == [1, 1]
    # Nor is one long after it (RETRY_GAP), nor one after a 429 (not retried inside a poll).
    rs = [request("s1", 100.0, ABORTED, sent=200), request("s1", 107.0, 200)]
    assert [p.requests for p in polls_of(rs)[0]] == [1, 1]
    rs = [request("s1", 100.0, 429, retry_after=5), request("s1", 100.7, 200)]
    assert [p.requests for p in polls_of(rs)[0]] == [1, 1]


def test_the_server_logs_a_response_it_could_not_finish_as_cut_short() -> None:
    """A slow feed's body is trickled out over 1-3 s; a client that resets the connection after
    its first bytes got no feed, and the log says so (it said 200, with the items)."""
    slow = next(i for i in range(50) if behaviour(7, i, 20.0).kind == "slow")
    steady = next(i for i in range(50) if behaviour(7, i, 20.0).kind == "steady")
    log = io.StringIO()
    server = FeedServer(50, 7, 20.0, log)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
    port = server.server_address[1]
    try:
        for feed, cut in ((steady, False), (slow, True)):
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                s.sendall(f"GET /feed/{feed} HTTP/1.1\r\nHost: t\r\n\r\n".encode())
                assert s.recv(64).startswith(b"HTTP/1.1 200")
                if cut:  # close with a reset, as a connection that broke
                    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                else:
                    time.sleep(0.2)
        deadline = time.time() + 10
        while log.getvalue().count("\n") < 2 and time.time() < deadline:
            time.sleep(0.05)
    finally:
        server.shutdown()
        server.server_close()
    done, broken = (json.loads(line) for line in log.getvalue().splitlines())
    assert (done["feed"], done["status"], len(done["items"])) == (steady, 200, 3)
    assert (broken["feed"], broken["status"], broken["sent"]) == (slow, ABORTED, 200)
    assert "items" not in broken
