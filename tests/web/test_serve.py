"""`osint serve` as a user starts it, and its token: loopback by default, any other address
only with a token, which every request must then carry."""

from __future__ import annotations

import base64
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from events import EventStore
from osint.cli import cli
from osint.cmd_serve import is_loopback
from osint.web.security import token_matches
from tests.web.server import free_port, serving

TOKEN = "s3cret-token-for-tests"


def test_a_token_on_every_request(sqlite_scenario: EventStore):
    with serving(sqlite_scenario, token=TOKEN) as url, httpx.Client(base_url=url) as client:
        assert client.get("/api/topics").status_code == 401
        assert client.get("/api/topics").headers["www-authenticate"].startswith("Basic")
        assert client.get("/static/style.css").status_code == 401  # every request
        wrong = {"Authorization": "Bearer not-the-token"}
        assert client.get("/api/topics", headers=wrong).status_code == 401
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        assert client.get("/api/topics", headers=bearer).status_code == 200
        basic = base64.b64encode(f"analyst:{TOKEN}".encode()).decode()
        assert client.get("/topics", headers={"Authorization": f"Basic {basic}"}).status_code == 200
        # with a token, any host name may be used (it is meant to be reached from elsewhere)
        other = {**bearer, "Host": "osint.example.org"}
        assert client.get("/api/topics", headers=other).status_code == 200
        assert client.post("/api/topics", headers=bearer).status_code == 405


@pytest.mark.parametrize(
    ("header", "ok"),
    [
        (f"Bearer {TOKEN}", True),
        (f"bearer {TOKEN}", True),
        (f"Bearer {TOKEN}x", False),
        (f"Bearer {TOKEN[:-1]}", False),
        ("Basic " + base64.b64encode(f":{TOKEN}".encode()).decode(), True),
        ("Basic " + base64.b64encode(f"{TOKEN}:".encode()).decode(), False),
        ("Basic %%%", False),
        (f"Token {TOKEN}", False),
        ("", False),
        (None, False),
    ],
)
def test_token_matches(header: str | None, ok: bool):
    assert token_matches(header, TOKEN) is ok


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("osint.example.org", False),
    ],
)
def test_which_hosts_are_loopback(host: str, loopback: bool):
    assert is_loopback(host) is loopback


def test_serve_refuses_another_address_without_a_token(tmp_path: Path):
    db = f"sqlite:///{tmp_path / 'log.db'}"
    result = CliRunner().invoke(cli, ["--db", db, "serve", "--host", "0.0.0.0"], env={})
    assert result.exit_code == 2
    assert "--host 0.0.0.0 is reachable from other machines: give a token" in result.output
    assert not (tmp_path / "log.db").exists()


def test_serve_reads_a_log_that_is_not_there_as_an_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'none.db'}", "serve"])
    assert result.exit_code == 1
    assert "no log at" in result.output and not (tmp_path / "none.db").exists()


def test_osint_serve_answers_on_its_port(sqlite_scenario: EventStore, sqlite_url: str):
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "osint", "--db", sqlite_url, "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/topics", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert response.status_code == 200
        assert response.json()["topics"][0]["topic"] == "troops/north-korea"
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert f"osint web app on http://127.0.0.1:{port}/ (read-only)" in out
    assert "Traceback" not in err
