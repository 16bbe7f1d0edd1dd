"""The application factory: pages, sign-in and the JSON API over one database."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from myoscope import __version__
from myoscope.store import AuditQueue, NotFound, make_engine, session_factory
from myoscope.web import _api, _auth, _charts, _fhir, _pages
from myoscope.web._boundary import validation_failed
from myoscope.web._cache import ResultCache
from myoscope.web._deps import NeedsLogin
from myoscope.web._settings import Settings
from myoscope.web._templating import TEMPLATES

STATIC = Path(__file__).with_name("static")
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
"""Pages run only the app's own script files: no inline script, no inline style, nothing from elsewhere."""
DOCS_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src https://cdn.jsdelivr.net; img-src data: https://fastapi.tiangolo.com; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
"""The API's documentation page (FastAPI's Swagger UI, fixed content without patients' data) loads its viewer."""
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(settings: Settings | None = None) -> FastAPI:
    """The web app for ``settings`` (the database must already be migrated: see :func:`myoscope.store.upgrade`)."""
    settings = settings or Settings()
    app = FastAPI(
        title="myoscope",
        lifespan=_lifespan,
        version=__version__,
        docs_url="/api/docs",
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
    app.state.sign_ins = _auth.sign_in_limiter(settings.sign_in_checks)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.include_router(_auth.router)
    app.include_router(_pages.router)
    app.include_router(_charts.router)
    app.include_router(_api.router)
    app.include_router(_fhir.router)
    from myoscope.interop import cds_hooks_app

    app.mount("/cds-services", cds_hooks_app())

    @app.middleware("http")
    async def protective_headers(request: Request, call_next):
        response = await call_next(request)
        if request.url.path == "/api/docs":
            response.headers.setdefault("Content-Security-Policy", DOCS_POLICY)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"  # patients' data stays out of shared caches
        return response

    app.add_exception_handler(RequestValidationError, validation_failed)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return await _error(request, HTTPException(404, "not found"))

    @app.exception_handler(NeedsLogin)
    async def needs_login(request: Request, exc: NeedsLogin):
        from urllib.parse import quote

        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return await _error(request, exc)

    return app


@asynccontextmanager
async def _lifespan(app: FastAPI):
    yield
    app.state.audit.close()  # pending audit entries are written before the server stops


async def _error(request: Request, exc: HTTPException):
    if request.url.path.startswith("/api/"):
        if exc.status_code == 404:
            return JSONResponse({"detail": "not found"}, 404)
        return await http_exception_handler(request, exc)
    message = "No such page or patient." if exc.status_code == 404 else str(exc.detail)
    return TEMPLATES.TemplateResponse(
        request,
        "error.html.j2",
        {"status": exc.status_code, "message": message, "user": None},
        status_code=exc.status_code,
    )
