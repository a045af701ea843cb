"""`osint serve`: the web app and its HTTP API over the views, read-only."""

from __future__ import annotations

import ipaddress

import click

from events import Database, EventStore
from osint.context import AppContext, pass_app
from osint.errors import OsintError
from osint.settings import setting_option
from osint.wiring import SCHEMA


def is_loopback(host: str) -> bool:
    """Whether `host` is this machine only (127.0.0.0/8, ::1, localhost)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def open_reader(url: str) -> EventStore:
    """The log at `url`, opened to read: a missing SQLite file, or a schema that needs an
    upgrade, is an error here, never a change (the app never writes)."""
    db = Database.open(url, create=False)
    try:
        stale = [s for s in SCHEMA.status(db) if not s.current]
    except BaseException:
        db.close()
        raise
    if stale:
        db.close()
        names = ", ".join(s.name for s in stale)
        raise OsintError(f"the database's schema is not current ({names}): run `osint db upgrade`")
    return EventStore(db)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to bind.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@setting_option("token")
@pass_app
def serve_command(app: AppContext, host: str, port: int, token: str | None) -> None:
    """Serve the views as a web app and an HTTP API (read-only): topics, each topic's timeline
    with the provenance of every figure, reports and their revisions, sources, claimants,
    search, a JSON twin of every page under /api, CSV, Atom feeds of changes, /openapi.json.

    It binds 127.0.0.1 unless told otherwise; any other address needs a token (--token or
    OSINT_API_TOKEN), which every request must then carry (Authorization: Bearer TOKEN, or
    as the password of HTTP Basic).

    \b
    Example:
      osint serve
      osint serve --port 8080
      OSINT_API_TOKEN=$(openssl rand -hex 16) osint serve --host 0.0.0.0
    """
    import uvicorn

    from osint.web.app import create_app

    if not token and not is_loopback(host):
        raise click.UsageError(
            f"--host {host} is reachable from other machines: give a token"
            " (--token or OSINT_API_TOKEN), or bind 127.0.0.1"
        )
    store = open_reader(app.db_url)
    click.get_current_context().call_on_close(store.close)
    web = create_app(store, token=token or None)
    shown = f"[{host}]" if ":" in host else host
    click.echo(
        f"osint web app on http://{shown}:{port}/ (read-only{', token required' if token else ''})"
    )
    uvicorn.run(web, host=host, port=port, log_level="warning", access_log=False)
