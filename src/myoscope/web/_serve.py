"""Several server processes: ``myoscope serve --workers N`` has uvicorn start N copies of the app.

Each worker process builds its own app from the settings the command put in its environment
(:data:`ENV_SETTINGS`, JSON), with its own database connections and its own caches. The caches
are keyed by what is read from the database on every request (a patient's id and the time its
record last changed: :mod:`myoscope.web._cache`), never by what one process remembers, so each
worker shows what every other has written. Browser sessions and API tokens live in the database
and so are valid on every worker.
"""

from __future__ import annotations

import datetime as dt
import json
import os

from fastapi import FastAPI

from myoscope.web._app import create_app
from myoscope.web._settings import Settings

ENV_SETTINGS = "MYOSCOPE_SERVE_SETTINGS"
FACTORY = "myoscope.web._serve:app_from_environment"
"""What uvicorn imports in each worker (``factory=True``)."""
KEEP_ALIVE_S = 65
"""Seconds an idle keep-alive connection stays open. uvicorn's default (5 s) is shorter than the pauses
between a clinician's clicks, so a browser or HTTP client that reuses a connection just as the server
closes it gets a reset; a longer idle time than the clients' own makes the client the one to close."""


def settings_environment(settings: Settings) -> dict[str, str]:
    """The environment that gives each worker ``settings`` (the sign-in throttle keeps its defaults)."""
    data = {
        "database_url": settings.database_url,
        "secure_cookies": settings.secure_cookies,
        "session_ttl_seconds": settings.session_ttl.total_seconds(),
        "sign_in_checks": settings.sign_in_checks,
        "login_notice": settings.login_notice,
    }
    return {ENV_SETTINGS: json.dumps(data)}


def settings_from_environment() -> Settings:
    raw = os.environ.get(ENV_SETTINGS)
    if not raw:
        return Settings()
    data = json.loads(raw)
    return Settings(
        database_url=data["database_url"],
        secure_cookies=bool(data["secure_cookies"]),
        session_ttl=dt.timedelta(seconds=float(data["session_ttl_seconds"])),
        sign_in_checks=int(data["sign_in_checks"]),
        login_notice=str(data["login_notice"]),
    )


def app_from_environment() -> FastAPI:
    """The app of one worker process."""
    return create_app(settings_from_environment())
