"""A feed server for the scheduler simulation: one process, many feed URLs, mixed behaviour.

`python -m bench.simfeeds --count 10000 --seed 7 --log requests.jsonl --port-file port`
serves `/feed/0` … `/feed/N-1` on 127.0.0.1. What each URL does is decided by its number and
the seed alone (`behaviour`), and what it shows at a moment is a pure function of the number and
the seconds since the server started (`items_at`), so the analysis can recompute nothing and
trust only what the log says was served.

Behaviours:
- steady: the same three items for ever, an ETag, 304 to a matching If-None-Match;
- changing: a new item every `change_every` seconds (per-URL phase and pace), the five newest
  shown, every third item edited once a period after it appeared (a second revision), an ETag;
- flaky: like steady, but a share of requests answer 500 or 502;
- limited: like steady, but a share of requests answer 429 or 503 with `Retry-After`;
- slow: like steady without validators, the body trickled out over one to three seconds.

Every request is one JSON line in the log, written when it ends: the feed number, the
`X-Sim-Scheduler` header (which scheduler asked), start and end (epoch seconds), the status, the
`Retry-After` given, and for a 200 the (guid, edition) of each item served. A response cut short
(the connection broke while it was written) is logged with status `ABORTED` (0), the status it
began with as `sent`, and no items: it served nothing. This log is the
measurement "from the outside": the simulation judges the schedulers by it and by the events in
the database, never by what the schedulers say about themselves.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import signal
import sys
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO

KINDS = (("steady", 45), ("changing", 30), ("flaky", 10), ("limited", 5), ("slow", 10))
FAIL_SHARE = 0.3  # of a flaky or limited feed's requests
# The status logged for a response the server could not write in full (the status line it
# began with is logged as `sent`): to the client, a network error, which it retries.
ABORTED = 0


@dataclass(frozen=True, slots=True)
class Behaviour:
    kind: str
    period: float  # seconds between new items (changing feeds)
    phase: float  # where in its period the feed starts
    retry_after: int  # seconds, for limited feeds


def _unit(seed: int, *parts: object) -> float:
    """A number in [0, 1) fixed by the seed and the parts (stable across processes, unlike
    hash())."""
    digest = hashlib.sha256(repr((seed, *parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def behaviour(seed: int, index: int, change_every: float) -> Behaviour:
    """What feed `index` does; the same for the same seed in every process."""
    pick = _unit(seed, index, "kind") * sum(w for _k, w in KINDS)
    kind = KINDS[-1][0]
    for name, weight in KINDS:
        if pick < weight:
            kind = name
            break
        pick -= weight
    period = change_every * (0.75 + 0.5 * _unit(seed, index, "period"))
    phase = period * _unit(seed, index, "phase")
    retry_after = 5 + int(20 * _unit(seed, index, "retry"))
    return Behaviour(kind, period, phase, retry_after)


def items_at(index: int, how: Behaviour, elapsed: float) -> tuple[list[tuple[int, int]], int]:
    """The (item number, edition) pairs the feed shows `elapsed` seconds after start, newest
    first, and the feed's version (for its ETag)."""
    if how.kind != "changing":
        return [(2, 1), (1, 1), (0, 1)], 0
    epoch = int((elapsed + how.phase) // how.period)
    shown = []
    for j in range(epoch, max(-1, epoch - 5), -1):
        edited = j % 3 == 0 and epoch > j
        shown.append((j, 2 if edited else 1))
    return shown, epoch


def render(index: int, shown: list[tuple[int, int]], started: float, how: Behaviour) -> bytes:
    """An RSS 2.0 document for the shown items (news-style text, the edition stated in it)."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<rss version="2.0"><channel>',
        f"<title>Regional desk {index}</title>",
        f"<link>http://127.0.0.1/desk/{index}</link>",
        f"<description>Dispatches from regional desk {index}</description>",
    ]
    for j, edition in shown:
        published = formatdate(started + j * how.period, usegmt=True)
        lorries = 10 + (index * 7 + j * 13) % 90
        note = " The figure was later revised by the border agency." if edition > 1 else ""
        parts.append(
            "<item>"
            f"<title>Desk {index} dispatch {j}: convoy seen near the crossing</title>"
            f"<link>http://127.0.0.1/desk/{index}/dispatch/{j}</link>"
            f'<guid isPermaLink="false">sim-{index}-{j}</guid>'
            f"<pubDate>{published}</pubDate>"
            f"<description>Local officials said {lorries} lorries crossed the border on"
            f" the morning of dispatch {j}, according to desk {index}.{note}"
            f" Edition {edition}.</description>"
            "</item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 512

    def __init__(self, count: int, seed: int, change_every: float, log: IO[str]) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.count = count
        self.seed = seed
        self.change_every = change_every
        self.started = time.time()
        self.log = log
        self.log_lock = threading.Lock()
        self.counters: dict[int, int] = {}
        self.behaviours = [behaviour(seed, i, change_every) for i in range(count)]

    def handle_error(self, request: object, client_address: object) -> None:
        """A scheduler that hangs up (it was stopped mid-request) is no error of the server."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]

    def nth_request(self, index: int) -> int:
        with self.log_lock:
            n = self.counters.get(index, 0)
            self.counters[index] = n + 1
            return n

    def record(self, entry: dict[str, object]) -> None:
        line = json.dumps(entry, separators=(",", ":"))
        with self.log_lock:
            self.log.write(line + "\n")


class FeedHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FeedServer

    def log_message(self, format: str, *args: object) -> None:
        """Silence the per-request stderr line; the JSON log has everything."""

    def do_GET(self) -> None:
        began = time.time()
        parts = self.path.strip("/").split("/")
        if len(parts) != 2 or parts[0] != "feed" or not parts[1].isdigit():
            self._send(404, b"no such feed", {})
            return
        index = int(parts[1])
        if index >= self.server.count:
            self._send(404, b"no such feed", {})
            return
        how = self.server.behaviours[index]
        entry: dict[str, object] = {
            "feed": index,
            "by": self.headers.get("X-Sim-Scheduler", self.client_address[0]),
            "start": began,
        }
        try:
            self._answer(index, how, began, entry)
        except Exception:
            # The response was cut short (the connection broke while it was written): the
            # client did not get it, whatever status line went out, and its items were not
            # served. Logged as what happened, not as the answer it began.
            entry["sent"] = entry.get("status")
            entry["status"] = ABORTED
            entry.pop("items", None)
            raise
        finally:
            entry["end"] = time.time()
            self.server.record(entry)

    def _answer(self, index: int, how: Behaviour, began: float, entry: dict[str, object]) -> None:
        n = self.server.nth_request(index)
        roll = _unit(self.server.seed, index, "request", n)
        if how.kind == "flaky" and roll < FAIL_SHARE:
            status = 500 if roll < FAIL_SHARE / 2 else 502
            entry["status"] = status
            self._send(status, b"upstream trouble", {})
            return
        if how.kind == "limited" and roll < FAIL_SHARE:
            status = 429 if roll < FAIL_SHARE / 2 else 503
            entry["status"] = status
            entry["retry_after"] = how.retry_after
            self._send(status, b"slow down", {"Retry-After": str(how.retry_after)})
            return
        shown, version = items_at(index, how, began - self.server.started)
        headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
        if how.kind != "slow":
            etag = f'"{index}-{version}"'
            headers["ETag"] = etag
            if self.headers.get("If-None-Match") == etag:
                entry["status"] = 304
                self._send(304, b"", headers)
                return
        body = render(index, shown, self.server.started, how)
        entry["status"] = 200
        entry["items"] = shown
        if how.kind == "slow":
            seconds = 1.0 + 2.0 * _unit(self.server.seed, index, "slow")
            self._trickle(body, headers, seconds)
        else:
            self._send(200, body, headers)

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and status != 304:
            self.wfile.write(body)

    def _trickle(self, body: bytes, headers: dict[str, str], seconds: float) -> None:
        """The body in eight pieces spread over `seconds` (a slow upstream)."""
        self.send_response(200)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        step = max(1, len(body) // 8 + 1)
        for offset in range(0, len(body), step):
            self.wfile.write(body[offset : offset + step])
            self.wfile.flush()
            time.sleep(seconds / 8)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.simfeeds", description=__doc__)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--change-every", type=float, default=60.0)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--port-file", type=Path, required=True)
    args = parser.parse_args(argv)
    with args.log.open("w", buffering=1 << 16) as log:
        server = FeedServer(args.count, args.seed, args.change_every, log)
        # SIGTERM ends serve_forever from another thread, so the log is flushed and closed.
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
        args.port_file.write_text(f"{server.server_address[1]} {server.started}\n")
        try:
            server.serve_forever(poll_interval=0.2)
        finally:
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
