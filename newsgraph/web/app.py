"""The web UI: FastAPI routes over the page functions, rendered with Jinja2 (autoescape on) or as JSON.

Every page is also JSON: add `?format=json`, or put `/api` in front of its path. The store is opened read-only for
each request (SQLite `mode=ro`), so the UI can never change what it shows. GET only; a bad id is a 404 page; any
other failure is a one-line 500 page, never a traceback.
"""
from __future__ import annotations

import logging
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__
from newsgraph.errors import NewsgraphError, NotFoundError
from newsgraph.store import Store
from newsgraph.web import actors, pages, storypages

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
log = logging.getLogger("newsgraph.web")
# Pages are our own markup with no inline script: the policy forbids anything else from running (inline style
# attributes colour the legends; stored text never reaches an attribute unescaped).
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"


def environment() -> Environment:
    """The Jinja2 environment shared by the server and the HTML report; autoescape for every template."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["score"] = lambda v: "–" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:+.2f}"
    env.filters["short"] = lambda v, n=90: v if not v or len(v) <= n else v[:n - 1].rstrip() + "…"
    env.globals["version"] = __version__
    return env


def _int(value: str | None) -> int | None:
    return int(value) if value and value.lstrip("-").isdigit() else None


def make_app(db: str | Path) -> FastAPI:
    """The app serving the store at `db` (opened read-only per request)."""
    db = str(db)
    env = environment()
    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None, openapi_url=None)

    def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
        if request.query_params.get("format") == "json" or request.scope.get("newsgraph_api"):
            return JSONResponse(data, status_code=status)
        args = dict(request.query_params)

        def qs(**changes: Any) -> str:
            merged = {**args, **{k: v for k, v in changes.items()}}
            return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

        html = env.get_template(template).render(**data, qs=qs, path=request.url.path, static=False,
                                                 stories_on=storypages.available())
        return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": CSP,
                                                               "X-Content-Type-Options": "nosniff"})

    def page(template: str, build: Callable[..., dict[str, Any]]) -> Callable[..., Response]:
        def handler(request: Request) -> Response:
            try:
                with Store(db, readonly=True) as store:
                    return render(request, template, build(store, request.query_params, **request.path_params))
            except NotFoundError as exc:
                return error_page(request, 404, str(exc))
            except NewsgraphError as exc:
                return error_page(request, 503, str(exc))
            except Exception as exc:  # noqa: BLE001 - the reader gets one line; the log keeps the kind
                log.error("%s %s failed: %s: %s", request.method, request.url.path, type(exc).__name__, exc)
                return error_page(request, 500, f"the page could not be built ({type(exc).__name__})")
        return handler

    def q(params: Any, name: str) -> str | None:
        value = params.get(name)
        return value.strip() if value and value.strip() else None

    routes: list[tuple[str, str, Callable[..., dict[str, Any]]]] = [
        ("/", "home.html", lambda s, p: {**pages.overview(s, stories=storypages.home_stories(s)),
                                         "storylist": storypages.available()}),
        ("/articles", "articles.html", lambda s, p: pages.articles_page(
            s, outlet=q(p, "outlet"), since=q(p, "since"), until=q(p, "until"), story=q(p, "story"),
            after=q(p, "after"))),
        ("/article/{article_id}", "article.html", lambda s, p, article_id: pages.article_page(s, article_id)),
        ("/events", "events.html", lambda s, p: pages.events_page(
            s, actor=q(p, "actor"), source=q(p, "source"), target=q(p, "target"), type=q(p, "type"),
            quad=_int(q(p, "quad")), modality=q(p, "modality"), since=q(p, "since"), until=q(p, "until"),
            outlet=q(p, "outlet"), after=q(p, "after"))),
        ("/event/{event_id}", "event.html", lambda s, p, event_id: pages.event_page(s, _id(event_id, "event"))),
        ("/quotes", "quotes.html", lambda s, p: pages.quotes_page(
            s, actor=q(p, "actor"), speaker=q(p, "speaker"), outlet=q(p, "outlet"), since=q(p, "since"),
            until=q(p, "until"), after=q(p, "after"))),
        ("/quote/{quote_id}", "quote.html", lambda s, p, quote_id: pages.quote_page(s, _id(quote_id, "quote"))),
        ("/actors", "actors.html", lambda s, p: actors.actors_page(s, kind=q(p, "kind"), q=q(p, "q"),
                                                                   after=q(p, "after"))),
        ("/actor/{code}", "actor.html", lambda s, p, code: actors.actor_page(
            s, code, since=q(p, "since"), until=q(p, "until"), after=q(p, "after"))),
        ("/person/{person_id}", "person.html",
         lambda s, p, person_id: actors.person_page(s, _id(person_id, "person"))),
        ("/network", "network.html", lambda s, p: actors.network_page(
            s, since=q(p, "since"), until=q(p, "until"), outlet=q(p, "outlet"), story=q(p, "story"),
            actor=q(p, "actor"), min_evidence=_int(q(p, "min_evidence")) or 1)),
        ("/pair/{source}/{target}", "pair.html", lambda s, p, source, target: actors.pair_page(
            s, source, target, since=q(p, "since"), until=q(p, "until"), outlet=q(p, "outlet"),
            after=q(p, "after"))),
        ("/search", "search.html", lambda s, p: pages.search_page(
            s, q(p, "q") or "", kind=q(p, "kind") or "articles", before=_int(q(p, "before")))),
        ("/stories", "stories.html", lambda s, p: storypages.stories_page(
            s, actor=q(p, "actor"), outlet=q(p, "outlet"), since=q(p, "since"), until=q(p, "until"),
            min_outlets=_int(q(p, "min_outlets")), search=q(p, "q"), after=q(p, "after"))),
        ("/story/{story_id}", "story.html", lambda s, p, story_id: storypages.story_page(s, story_id)),
    ]
    for path, template, build in routes:
        app.add_api_route(path, page(template, build), methods=["GET"], include_in_schema=False)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        return static_file(name)

    def error_page(request: Request, status: int, message: str) -> Response:
        if request.query_params.get("format") == "json" or request.scope.get("newsgraph_api"):
            return JSONResponse({"error": message}, status_code=status)
        html = env.get_template("error.html").render(status=status, message=message, qs=lambda **k: "",
                                                     path=request.url.path, static=False,
                                                     stories_on=storypages.available())
        return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": CSP})

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {404: "no such page", 405: "this UI only reads: GET requests only"}.get(exc.status_code,
                                                                                          str(exc.detail))
        return error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return error_page(request, 404, "no such page")

    return _ApiPrefix(app)  # type: ignore[return-value]


def _id(value: str, what: str) -> int:
    """A numeric id from the path; anything else is a missing page, not a crash."""
    number = _int(value)
    if number is None:
        raise NotFoundError(f"no {what} with id {value}")
    return number


def static_file(name: str) -> Response:
    """One of the package's own assets (CSS, JS); nothing outside the static folder."""
    types = {".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml", ".png": "image/png"}
    path = (STATIC / name).resolve()
    if path.parent != STATIC or not path.is_file() or path.suffix not in types:
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(path.read_bytes(), media_type=types[path.suffix], headers={"Cache-Control": "max-age=3600"})


class _ApiPrefix:
    """ASGI wrapper: `/api/<page>` is `<page>` answered as JSON."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and (scope.get("path") == "/api" or scope.get("path", "").startswith("/api/")):
            scope = {**scope, "path": scope["path"][4:] or "/", "raw_path": None, "newsgraph_api": True}
        await self.app(scope, receive, send)
