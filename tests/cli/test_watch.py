"""`osint watch`: changes of estimates as JSON lines, and webhooks delivered at least once to a
real receiver on 127.0.0.1 that fails, stalls, is down and recovers; every change arrives, and
each change always under one idempotency key."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from events import EventStore
from ingest.observation import Observation
from ingest.run import ingest_observations
from osint.hooks import WatchFileError, load_hooks
from osint.wiring import open_store, runner_for
from projections.changes import changes_after
from projections.runner import checkpoint_positions

SECRET = "s3cret"
T0 = datetime(2024, 11, 1, 8, 0, tzinfo=UTC)
TEXTS = [
    "About 3,000 North Korean troops were sent to Russia, officials said.",
    "About 10,000 North Korean troops are in Russia, the Pentagon said.",
    "Moscow denied that 10,000 North Korean troops were in Russia.",
    "Up to 12,000 North Korean troops are in Russia, Kyiv said.",
    "At least 40 people were killed in the strike on Kharkiv, the governor said.",
]


class Receiver:
    """A webhook receiver whose answers follow a script: each entry is 'fail' (HTTP 500),
    'stall' (answers after `stall` seconds) or 'ok'; after the script, always 'ok'."""

    def __init__(self, port: int, script: list[str], stall: float = 2.0) -> None:
        self.script = list(script)
        self.stall = stall
        self.port = port
        self.calls: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    step = receiver.script.pop(0) if receiver.script else "ok"
                if step == "stall":
                    time.sleep(receiver.stall)
                status = 500 if step == "fail" else 200
                with receiver.lock:
                    receiver.calls.append(
                        {
                            "key": self.headers["Idempotency-Key"],
                            "signature": self.headers.get("X-Osint-Signature"),
                            "body": body,
                            "status": status,
                            "step": step,
                        }
                    )
                try:
                    self.send_response(status)
                    self.end_headers()
                except OSError:
                    pass  # the sender gave up waiting

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def delivered(self) -> set[str]:
        with self.lock:
            return {c["key"] for c in self.calls if c["status"] == 200 and c["step"] == "ok"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _watch_file(tmp_path: Path, port: int) -> Path:
    path = tmp_path / "watch.toml"
    path.write_text(
        "[[hook]]\n"
        'id = "desk"\n'
        f'url = "http://127.0.0.1:{port}/hook"\n'
        'topics = ["troops/*", "killed/*"]\n'
        f'secret = "{SECRET}"\n'
        "timeout = 0.5\n"
        "max_backoff = 1.5\n"
    )
    return path


def _ingest(store: EventStore, index: int) -> None:
    ingest_observations(
        store,
        [
            Observation(
                "wire", f"story-{index}", TEXTS[index], published_at=T0 + timedelta(days=index)
            )
        ],
        observed_at=T0 + timedelta(days=index),
    )


def _views_at(store: EventStore) -> int:
    with store.db.connect() as conn:  # a new connection each time: a fresh snapshot
        return checkpoint_positions(conn)["figures"]


def _wait(condition, timeout: float = 90.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.1)


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_every_change_reaches_a_receiver_that_fails_stalls_dies_and_recovers(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
):
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'log.db'}"
    else:
        from tests.conftest import reset_pg

        url = request.getfixturevalue("pg_database")
        reset_pg(url)
    store = open_store(url)
    _ingest(store, 0)
    port = _free_port()
    receiver = Receiver(port, ["fail", "fail", "stall", "ok", "fail"])
    receiver.start()
    env = {k: v for k, v in os.environ.items() if not k.startswith("OSINT_")}
    watch = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "osint",
            "--db",
            url,
            "watch",
            "--hooks",
            str(_watch_file(tmp_path, port)),
            "--since",
            "0",
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for index in (1, 2):
            _ingest(store, index)
        _wait(lambda: len(receiver.delivered()) >= 4)
        receiver.stop()  # the receiver dies; changes go on happening
        before = receiver.delivered()
        for index in (3, 4):
            _ingest(store, index)
        head, _ = store.head()
        # The views keep up without the receiver (the watcher projects them itself).
        _wait(lambda: _views_at(store) == head)
        time.sleep(2.0)  # tries fail against the closed port meanwhile
        receiver = Receiver(port, [], stall=0)  # back on the same address
        receiver.start()
        expected = {c.change_id for _, found in changes_after(store, 0) for c in found}
        _wait(lambda: expected <= before | receiver.delivered())
    finally:
        watch.terminate()
        out, err = watch.communicate(timeout=60)
        receiver.stop()
        store.close()
    assert watch.returncode == 0, err
    assert "Traceback" not in err
    printed = [json.loads(line) for line in out.splitlines()]
    assert {p["change_id"] for p in printed} == expected
    assert {p["kind"] for p in printed} >= {"raised", "new high", "contradicted"}


def test_a_change_keeps_its_key_and_body_across_retries_and_is_signed(tmp_path: Path):
    """At least once, never under another key: every call for one key carries one body."""
    url = f"sqlite:///{tmp_path / 'log.db'}"
    store = open_store(url)
    for index in range(3):
        _ingest(store, index)
    runner_for(store, workers=0).catch_up()
    port = _free_port()
    receiver = Receiver(port, ["fail", "stall", "fail", "ok", "stall", "fail"], stall=1.0)
    receiver.start()
    hooks = _watch_file(tmp_path, port)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OSINT_")}
    expected = {c.change_id for _, found in changes_after(store, 0) for c in found}
    try:
        deadline = time.monotonic() + 90
        while not expected <= receiver.delivered():
            assert time.monotonic() < deadline
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "osint",
                    "--db",
                    url,
                    "watch",
                    "--hooks",
                    str(hooks),
                    "--once",
                ]
                + (["--since", "0"] if not receiver.calls else []),
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
            time.sleep(0.5)
    finally:
        receiver.stop()
        store.close()
    by_key: dict[str, set[bytes]] = {}
    for call in receiver.calls:
        by_key.setdefault(call["key"], set()).add(call["body"])
        digest = hmac.new(SECRET.encode(), call["body"], hashlib.sha256).hexdigest()
        assert call["signature"] == f"sha256={digest}"
    assert set(by_key) == expected
    assert all(len(bodies) == 1 for bodies in by_key.values())
    assert {json.loads(next(iter(b)))["change_id"] for b in by_key.values()} == expected
    assert len(receiver.calls) > len(expected)  # some were retried


def test_a_bad_watch_file_is_one_line(tmp_path: Path):
    bad = tmp_path / "watch.toml"
    bad.write_text('[[hook]]\nid = "x"\nurl = "ftp://nowhere"\n')
    with pytest.raises(WatchFileError, match=r"watch.toml:3: field 'url': 'ftp://nowhere' is not"):
        load_hooks(bad)
    bad.write_text('[[hook]]\nid = "x"\nurl = "https://h.example/x"\nkinds = ["wobbled"]\n')
    with pytest.raises(WatchFileError, match=r":4: field 'kinds': unknown kind"):
        load_hooks(bad)
