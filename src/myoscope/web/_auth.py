"""Signing in and out: argon2-checked passwords, throttled failures, an HttpOnly session cookie."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy.orm import Session

from myoscope.store import LoginRefused, WebSession, authenticate, end_session, start_session
from myoscope.web._deps import DB, client_of, csrf_protect, web_session
from myoscope.web._settings import LOGIN_CSRF_COOKIE, SESSION_COOKIE, Settings
from myoscope.web._templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
Current = Annotated[WebSession | None, Depends(web_session)]


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, no host, no ``//``)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/patients"


class SignInChecks:
    """At most ``checks`` password checks at once, on threads of their own (the app keeps one in
    ``app.state.sign_ins``): a crowd signing in queues here, not in the threads that serve pages.

    Works from any event loop (a thread pool, not a loop-bound limiter), so several clients or servers
    sharing one app never wait on a loop that cannot wake them.
    """

    def __init__(self, checks: int):
        self.checks = max(1, checks)
        self._pool = ThreadPoolExecutor(max_workers=self.checks, thread_name_prefix="myoscope-sign-in")
        self._lock = threading.Lock()
        self._queued = 0

    @property
    def waiting(self) -> int:
        """Sign-ins queued for a free check."""
        with self._lock:
            return self._queued

    async def run(self, check: Callable[[], str]) -> str:
        with self._lock:
            self._queued += 1

        def started() -> str:
            with self._lock:
                self._queued -= 1
            return check()

        return await asyncio.wrap_future(self._pool.submit(started))

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def sign_in_limiter(checks: int) -> SignInChecks:
    """How many sign-ins may check their password at once (see :class:`SignInChecks`)."""
    return SignInChecks(checks)


@router.get("/login")
def login_page(request: Request, current: Current, next: str | None = None) -> Response:
    if current is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html.j2", {"next": _safe_next(next)}, current=None)


def _sign_in(session: Session, username: str, password: str, client: str, settings: Settings) -> str:
    """Check the password (argon2: tens of milliseconds of CPU by design) and start a session."""
    user = authenticate(session, username, password, client, settings.throttle)
    return start_session(session, user, settings.session_ttl)


@router.post("/login")
async def login(
    request: Request,
    session: DB,
    username: Annotated[str, Form(max_length=60)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form()] = "/patients",
) -> Response:
    """At most ``settings.sign_in_checks`` passwords are checked at a time, in threads of their own
    (:func:`sign_in_limiter`): a crowd signing in waits its turn without taking the threads that
    serve pages and the API."""
    settings: Settings = request.app.state.settings
    check = partial(_sign_in, session, username.strip(), password, client_of(request), settings)
    try:
        token = await request.app.state.sign_ins.run(check)
    except LoginRefused as refused:
        response = render(
            request,
            "login.html.j2",
            {"error": str(refused), "username": username, "next": _safe_next(next)},
            status_code=429 if refused.locked else 401,
            current=None,
        )
        if refused.locked:
            response.headers["Retry-After"] = str(refused.retry_after)
        return response
    redirect = RedirectResponse(_safe_next(next), status_code=303)
    redirect.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(settings.session_ttl.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )
    redirect.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return redirect


@router.post("/logout")
def logout(request: Request, session: DB) -> RedirectResponse:
    end_session(session, request.cookies.get(SESSION_COOKIE))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
