"""The API's documentation page, served entirely from this site: Swagger UI's files come from a pinned
package (``fastapi-offline``), the page that starts it from our own static files. No CDN, no inline script."""

from __future__ import annotations

from html import escape
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/api/docs/assets"


def assets_directory() -> Path:
    import fastapi_offline

    return Path(fastapi_offline.__file__).with_name("static")


def mount_docs(app: FastAPI, openapi_url: str) -> None:
    """``/api/docs`` and its assets on ``app``."""
    app.mount(ASSETS, StaticFiles(directory=str(assets_directory())), name="api-docs-assets")
    page = _page(app.title, openapi_url)
    router = APIRouter(include_in_schema=False)

    @router.get("/api/docs", response_class=HTMLResponse)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(page)

    app.include_router(router)


def _page(title: str, openapi_url: str) -> str:
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} API</title>
<link rel="stylesheet" href="{ASSETS}/swagger-ui.css">
<link rel="icon" href="{ASSETS}/favicon.png">
</head>
<body>
<div id="swagger-ui" data-openapi="{escape(openapi_url)}"></div>
<script src="{ASSETS}/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script>
</body>
</html>
"""
