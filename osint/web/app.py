"""The ASGI app: every page of `osint.web.pages` as HTML and as its `/api` JSON twin (and CSV
where it has rows), the topics' Atom feeds, the static files, and the OpenAPI document.

Each response carries an ETag made from where the views stand (each live generation's version
and checkpoint, and the log's head), computed before the page is: a request whose
`If-None-Match` still matches gets a 304 without a query of the views. Pages whose content
moves without the log (a source's polling state, a figure's live chain check) carry none.
The same read gives the live generations every query of the page then uses: a page reads
`projection_state` once, not once per view it touches, and never mixes two generations.

Errors are one line: 404 for a topic, figure or report that is not there, 400 for a parameter
the app cannot read, 503 when the views are not built or the database is down; HTML pages
show it on a page, the twins as `{"error": …}`.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException

from events import EventStore, EventStoreError
from events.tree import head_position
from osint.errors import OsintError
from osint.render import csv_text, short_time
from osint.web import atom
from osint.web.pages import PAGES, Page, TimeTravel, cutoff_of, store_of
from osint.web.security import Guard
from projections.audit import audit
from projections.errors import (
    ProjectionError,
    UnknownFigure,
    UnknownReport,
    UnknownTopic,
    ViewNotReady,
)
from projections.history import bounds_text, number_text
from projections.state import Generation, pinned, projection_state

HERE = Path(__file__).resolve().parent
try:
    VERSION = metadata.version("osint-ingest")
except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare checkout
    VERSION = "0"


def create_app(store: EventStore, token: str | None = None) -> FastAPI:
    """The app over `store` (opened by the caller, who closes it). With `token`, every request
    must carry it (see `osint.web.security`)."""
    app = FastAPI(
        title="osint",
        version=VERSION,
        summary="The views of the log, read-only: topics, timelines, provenance, reports, search.",
        docs_url=None,  # Swagger UI comes from a CDN: not here
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for p in PAGES:
        _register(app, p)
    _register_feed(app)
    app.add_api_route("/", _home, methods=["GET"], include_in_schema=False)
    app.add_exception_handler(ProjectionError, _error)
    app.add_exception_handler(EventStoreError, _error)
    app.add_exception_handler(OsintError, _error)
    app.add_exception_handler(RequestValidationError, _error)
    app.add_exception_handler(StarletteHTTPException, _error)
    app.add_middleware(Guard, token=token)
    return app


def _home() -> RedirectResponse:
    return RedirectResponse("/topics", status_code=302)


# -- templates -----------------------------------------------------------------------------------


def templates() -> Environment:
    """Jinja2 with every template autoescaped: nothing from a report is ever markup."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        short_time=short_time,
        bounds=bounds_text,
        number=number_text,
        href=safe_href,
        path=lambda value: quote(str(value), safe=""),
    )
    env.globals.update(json_script=json_script, version=VERSION)
    return env


def safe_href(url: str | None) -> str | None:
    """`url` if a browser may follow it (http or https), else None: a report's
    `javascript:` or `data:` link is shown as text, never as a link."""
    if not url:
        return None
    text = url.strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def to_json(value: Any) -> bytes:
    """JSON of a page's data (view rows' keys are SQLAlchemy's `str` subclass)."""
    return orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS)


def json_script(value: Any) -> str:
    """JSON to sit in `<script type="application/json">`: `<`, `>` and `&` escaped, so no
    report text can close the element or open a comment in it. (The block is data, never run:
    the CSP allows no inline script either way.)"""
    text = to_json(value).decode()
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)  # escaped above for this one context


# -- ETags ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ViewsState:
    """Where the views stand as one request sees them: their live generations (which the
    request is then pinned to, see `projections.state.pinned`) and the ETag they make."""

    tag: str
    live: list[Generation]


_STATE = (
    select(
        head_position(),
        projection_state.c.name,
        projection_state.c.generation,
        projection_state.c.version,
        projection_state.c.position,
    )
    .where(projection_state.c.active.is_(True))
    .order_by(projection_state.c.name)
)


def views_state(store: EventStore) -> ViewsState:
    """The live generations and the log's head, read in one statement (it runs before every
    page); the tag changes whenever a view could: each live generation (name, number,
    version, checkpoint), the log's head, and the app's version."""
    with store.db.connect() as conn:
        rows = conn.execute(_STATE).all()
    if not rows:
        return ViewsState(f'W/"0-{VERSION}"', [])
    live = [Generation(r[1], r[2], r[3], int(r[4]), True) for r in rows]
    state = repr((VERSION, [tuple(r) for r in rows])).encode()
    return ViewsState(f'W/"{rows[0][0]}-{hashlib.sha256(state).hexdigest()[:16]}"', live)


def _not_modified(request: Request, tag: str) -> bool:
    given = request.headers.get("if-none-match")
    return given is not None and tag in {t.strip() for t in given.split(",")}


# -- pages and their twins -----------------------------------------------------------------------


def _register(app: FastAPI, p: Page) -> None:
    signature = inspect.signature(p.endpoint, eval_str=True)
    name = p.endpoint.__name__
    doc = inspect.getdoc(p.endpoint) or ""

    def respond(kind: str) -> Callable[..., Response]:
        def endpoint(**params: Any) -> Response:
            request: Request = params["request"]
            store = store_of(request)
            state = views_state(store)
            tag = state.tag if p.etag(params) else None
            if tag and _not_modified(request, tag):
                return Response(status_code=304, headers={"ETag": tag})
            with pinned(state.live):  # one read of the generations for the whole page
                data = p.endpoint(**params)
            canonical = _canonical(request, data)
            if canonical is not None:
                return RedirectResponse(canonical, status_code=308)
            if kind == "json":
                response: Response = Response(to_json(data), media_type="application/json")
            elif kind == "csv":
                assert p.csv is not None
                rows, columns = p.csv(data)
                response = Response(csv_text(rows, columns), media_type="text/csv; charset=utf-8")
                filename = name.replace("_page", "") + ".csv"
                response.headers["content-disposition"] = f'attachment; filename="{filename}"'
            else:
                response = render(request, p.template, data)
            response.headers["cache-control"] = "no-cache" if tag else "no-store"
            if tag:
                response.headers["ETag"] = tag
            return response

        endpoint.__signature__ = signature  # type: ignore[attr-defined]
        endpoint.__name__ = f"{kind}_{name}"
        return endpoint

    summary = doc.split("\n\n")[0].replace("\n", " ")
    if p.csv is not None:  # before the JSON route, whose last parameter would take ".csv"
        app.add_api_route(
            f"/api{p.path}.csv",
            respond("csv"),
            methods=["GET"],
            summary=f"{summary} (CSV)",
            response_class=Response,
            tags=["csv"],
        )
    app.add_api_route(
        f"/api{p.path}",
        respond("json"),
        methods=["GET"],
        summary=summary,
        description=doc,
        response_class=Response,
        tags=["json"],
    )
    app.add_api_route(p.path, respond("html"), methods=["GET"], include_in_schema=False)


def _canonical(request: Request, data: dict[str, Any]) -> str | None:
    """The URL of a topic under its own name when the request spelled it otherwise
    ("Troops/North Korea" is `troops/north-korea`), so a view has one permalink."""
    topic = data.get("topic")
    params = request.path_params
    if not isinstance(topic, str) or "category" not in params:
        return None
    if f"{params['category']}/{params['actor']}" == topic:
        return None
    category, actor = topic.split("/", 1)
    prefix = "/api" if request.url.path.startswith("/api/") else ""
    suffix = ".csv" if request.url.path.endswith(".csv") else ""
    url = f"{prefix}/topics/{quote(category)}/{quote(actor)}{suffix}"
    return f"{url}?{request.url.query}" if request.url.query else url


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
    env: Environment = request.app.state.templates

    def url_with(**changes: Any) -> str:
        """This page's URL with some parameters changed (None removes one)."""
        params = dict(request.query_params)
        for key, value in changes.items():
            if value is None or value == "" or value is False:
                params.pop(key, None)
            else:
                params[key] = str(value)
        query = urlencode(params)
        return f"{request.url.path}?{query}" if query else request.url.path

    def carry(*names: str) -> str:
        """A query string of just these parameters of this page (for links that keep them)."""
        kept = {k: v for k, v in request.query_params.items() if k in names and v}
        return f"?{urlencode(kept)}" if kept else ""

    path = request.url.path
    query = f"?{request.url.query}" if request.url.query else ""
    body = env.get_template(template).render(
        data=data,
        url_with=url_with,
        carry=carry,
        path=path,
        query=dict(request.query_params),
        api_url=f"/api{path}{query}",
        csv_url=f"/api{path}.csv{query}",
    )
    return HTMLResponse(body, status_code=status)


# -- the change feed -----------------------------------------------------------------------------


def _register_feed(app: FastAPI) -> None:
    def changes_atom(
        request: Request,
        category: str,
        actor: str,
        given: TimeTravel,
    ) -> Response:
        store = store_of(request)
        state = views_state(store)
        tag = state.tag
        if _not_modified(request, tag):
            return Response(status_code=304, headers={"ETag": tag})
        with pinned(state.live):
            timeline = audit(store, f"{category}/{actor}", cutoff_of(store, given))
        c, a = (quote(part) for part in timeline.topic.split("/", 1))
        base = str(request.base_url).rstrip("/")
        body = atom.changes_feed(
            timeline, f"{base}/topics/{c}/{a}", f"{base}/topics/{c}/{a}/changes.atom"
        )
        return Response(
            body,
            media_type="application/atom+xml",
            headers={"ETag": tag, "cache-control": "no-cache"},
        )

    app.add_api_route(
        "/topics/{category}/{actor}/changes.atom",
        changes_atom,
        methods=["GET"],
        summary="A topic's changes as an Atom feed: raised, lowered, a new independent source,"
        " contradicted, a revised report",
        response_class=Response,
        tags=["feeds"],
    )


# -- errors --------------------------------------------------------------------------------------


def status_of(exc: Exception) -> int:
    if isinstance(exc, UnknownTopic | UnknownFigure | UnknownReport):
        return 404
    if isinstance(exc, ViewNotReady | EventStoreError):
        return 503
    if isinstance(exc, StarletteHTTPException):
        return exc.status_code
    return 400


def message_of(exc: Exception) -> str:
    if isinstance(exc, RequestValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "path"))
        return f"{where}: {first.get('msg', 'not valid')}"
    if isinstance(exc, StarletteHTTPException):
        return str(exc.detail)
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


async def _error(request: Request, exc: Exception) -> Response:
    status, message = status_of(exc), message_of(exc)
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return Response(
            orjson.dumps({"error": message, "status": status}),
            status_code=status,
            media_type="application/json",
            headers={"cache-control": "no-store"},
        )
    response = render(request, "error.html", {"status": status, "message": message}, status)
    response.headers["cache-control"] = "no-store"
    return response
