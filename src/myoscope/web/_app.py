"""The application factory: pages, sign-in and the JSON API over one database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from myoscope import __version__
from myoscope.errors import Problem
from myoscope.report.html import FAVICON_SVG
from myoscope.store import AuditQueue, NotFound, make_engine, session_factory
from myoscope.web import (
    _admin,
    _api,
    _api_write,
    _auth,
    _charts,
    _corrections,
    _fhir,
    _pages,
    _patient_list,
    _person_details,
    _visit_pages,
)
from myoscope.web._body_limit import BodyLimit
from myoscope.web._boundary import QueryRefused, invalid, validation_failed, validation_problems
from myoscope.web._cache import ResultCache
from myoscope.web._deps import NeedsLogin
from myoscope.web._docs import ASSETS as DOCS_ASSETS
from myoscope.web._docs import mount_docs
from myoscope.web._drawing import ChartDrawer
from myoscope.web._flags import FlagWorker
from myoscope.web._problems import ProblemPaths, field_words, phrase, problem, publish_problems
from myoscope.web._settings import Settings
from myoscope.web._templating import TEMPLATES
from myoscope.web._warm import start_warm_up

STATIC = Path(__file__).with_name("static")
FAVICON_PATHS = ("/favicon.svg", "/favicon.ico")
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
"""Pages run only the app's own script files: no inline script, no inline style, nothing from elsewhere."""
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
"""The API's documentation page runs its viewer (Swagger UI) from this site only: see :mod:`myoscope.web._docs`."""
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class _ServiceRoot:
    """ASGI middleware: ``/cds-services`` (the CDS Hooks discovery address) is the mounted service's root, read
    as ``/cds-services/`` without a redirect."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/cds-services":
            scope = {**scope, "path": "/cds-services/", "raw_path": b"/cds-services/"}
        await self.app(scope, receive, send)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web app for ``settings`` (the database must already be migrated: see :func:`myoscope.store.upgrade`)."""
    settings = settings or Settings()
    app = FastAPI(
        title="myoscope",
        lifespan=_lifespan,
        redirect_slashes=False,  # "/patients/" is not found: a redirect would be built from the Host header
        version=__version__,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        description="Patients, visits, measurements and assessments of the care teams you belong to. "
        "Authenticate with `Authorization: Bearer TOKEN` (see `myoscope user token`).",
    )
    engine = make_engine(settings.database_url)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    app.state.audit = AuditQueue(engine)
    app.state.results = ResultCache()
    app.state.flags = FlagWorker(engine, results=app.state.results)
    app.state.charts = ChartDrawer()
    app.state.sign_ins = _auth.sign_in_limiter(settings.sign_in_checks)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(_auth.router)
    app.include_router(_patient_list.router)
    app.include_router(_pages.router)
    app.include_router(_person_details.router)
    app.include_router(_admin.router)
    app.include_router(_visit_pages.router)
    app.include_router(_charts.router)
    app.include_router(_api.router)
    app.include_router(_api_write.router)
    app.include_router(_corrections.router)
    app.include_router(_fhir.router)
    mount_docs(app, "/api/openapi.json")
    publish_problems(app)
    from myoscope.interop import cds_hooks_app

    app.mount("/cds-services", cds_hooks_app())

    app.add_middleware(_ServiceRoot)
    app.add_middleware(BodyLimit)  # inside the protective headers, so that a 413 carries them too

    @app.middleware("http")
    async def protective_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        if request.url.path == "/api/docs":
            response.headers.setdefault("Content-Security-Policy", DOCS_POLICY)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith(("/static/", f"{DOCS_ASSETS}/", *FAVICON_PATHS)):
            response.headers["Cache-Control"] = "no-store"  # patients' data stays out of shared caches
        return response

    @app.get("/favicon.svg", include_in_schema=False)
    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        """The app's icon (what browsers ask /favicon.ico for too), served from the package: no external fetch."""
        return Response(FAVICON_SVG, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})

    @app.exception_handler(RequestValidationError)
    async def refused(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return await validation_failed(request, exc)
        return _error_page(request, 422, "This address holds a value that is not accepted:", validation_problems(exc))

    @app.exception_handler(QueryRefused)
    async def query_refused(request: Request, exc: QueryRefused) -> Response:
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return invalid(exc)
        return _error_page(request, 422, "This address holds a value that is not accepted:", exc.problems)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return await _error(request, HTTPException(404, "not found"))

    @app.exception_handler(NeedsLogin)
    async def needs_login(request: Request, exc: NeedsLogin) -> Response:
        from urllib.parse import quote

        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return await _error(request, exc)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        return await _error(request, HTTPException(500, "the server could not answer: the error is logged"))

    app.add_middleware(ProblemPaths)
    return app


WARM_UP_DELAY_S = 1.0
"""Seconds after start-up before the warm-ups begin: the port opens and the sign-in page is answered first
(the warm-ups would share the cores with both); a person signing in takes longer than this."""


def _warm(app: FastAPI) -> None:
    start_warm_up()  # in a thread and a process of their own: requests meanwhile are answered
    app.state.charts.warm()


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    warming = asyncio.get_running_loop().call_later(WARM_UP_DELAY_S, _warm, app)
    yield
    warming.cancel()
    app.state.charts.close()
    app.state.audit.close()  # pending audit entries are written before the server stops
    app.state.flags.close()
    app.state.sign_ins.close()


async def _error(request: Request, exc: HTTPException) -> Response:
    if request.url.path.startswith("/api/"):
        detail = "no such patient or entry for this user" if exc.status_code == 404 else str(exc.detail)
        return problem(exc.status_code, detail, headers=getattr(exc, "headers", None), instance=request.url.path[:500])
    message = "No such page or patient." if exc.status_code == 404 else str(exc.detail)
    return _error_page(request, exc.status_code, message)


def _error_page(request: Request, status: int, message: str, problems: Sequence[Problem] = ()) -> Response:
    """The error page a browser is shown: the status in words and, for refused values, one line per problem."""
    lines = [str(replace(p, field=field_words(p.field) or "the address")) for p in problems]
    return TEMPLATES.TemplateResponse(
        request,
        "error.html.j2",
        {"status": status, "title": phrase(status), "message": message, "problems": lines, "user": None},
        status_code=status,
    )
