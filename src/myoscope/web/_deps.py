"""Request dependencies: the database session, who is asking (cookie or bearer token), CSRF, scoped patients."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from sqlalchemy.orm import Session

from myoscope.store import Patients, User, WebSession, find_session, same, token_user
from myoscope.web._settings import CSRF_FIELD, CSRF_HEADER, LOGIN_CSRF_COOKIE, SESSION_COOKIE, Settings


class NeedsLogin(Exception):
    """A page asked for without a live session: the app redirects to the sign-in page."""


def db(request: Request) -> Iterator[Session]:
    """One session per request: committed when the handler succeeds (before the response), else rolled back."""
    session = request.app.state.sessions()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


DB = Annotated[Session, Depends(db, scope="function")]


def settings(request: Request) -> Settings:
    configured = request.app.state.settings
    if not isinstance(configured, Settings):
        raise TypeError("the app was made without its Settings (create_app sets them)")
    return configured


def web_session(request: Request, session: DB) -> WebSession | None:
    return find_session(session, request.cookies.get(SESSION_COOKIE))


def signed_in(current: Annotated[WebSession | None, Depends(web_session)]) -> User:
    if current is None:
        raise NeedsLogin()
    return current.user


def api_user(request: Request, session: DB) -> User:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    user = (
        token_user(session, token.strip(), touch=request.app.state.audit.touch_token)
        if scheme.lower() == "bearer"
        else None
    )
    if user is None:
        raise HTTPException(
            401, "a valid API token is required (Authorization: Bearer TOKEN)", headers={"WWW-Authenticate": "Bearer"}
        )
    return user


def client_of(request: Request) -> str:
    """The client's address as the server saw it (uvicorn applies X-Forwarded-For only from the
    proxies named by ``--forwarded-allow-ips``; by default from none)."""
    return request.client.host if request.client else ""


def _patients(request: Request, session: Session, user: User) -> Patients:
    return Patients(
        session,
        user,
        via=f"{request.method} {request.url.path}",
        client=client_of(request),
        audit_queue=request.app.state.audit,
    )


def page_patients(request: Request, session: DB, user: Annotated[User, Depends(signed_in)]) -> Patients:
    return _patients(request, session, user)


def api_patients(request: Request, session: DB, user: Annotated[User, Depends(api_user)]) -> Patients:
    return _patients(request, session, user)


def admin_user(user: Annotated[User, Depends(signed_in)]) -> User:
    """The signed-in admin; anyone else is told there is no such page (404), as for a patient outside their teams."""
    if user.role != "admin":
        raise HTTPException(404, "not found")
    return user


def csrf_token(request: Request, current: WebSession | None) -> str:
    """The token forms carry: the session's, or before sign-in the login cookie's (set if absent)."""
    if current is not None:
        return current.csrf
    token = request.cookies.get(LOGIN_CSRF_COOKIE) or getattr(request.state, "login_csrf", None)
    if not token:
        token = secrets.token_urlsafe(32)
        request.state.login_csrf = token
    return token


MAX_FORM_FIELDS = 20_000
"""Fields a form post may hold. A visit form filled to its row limit in every section (40 rows of diet days
with their nutrient rows, activity, measurements, and the ISNCSCI grid) holds thousands, beyond Starlette's
default of 1,000, which refused it with a bare 400 and lost what was typed; the request body limit
(:data:`myoscope.web._body_limit.MAX_REQUEST_BYTES`) bounds the rest."""


async def csrf_protect(request: Request, current: Annotated[WebSession | None, Depends(web_session)]) -> None:
    """Refuse (403) a form post whose token is missing or wrong: session-bound once signed in,
    double-submit cookie on the sign-in form."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    form = await request.form(max_fields=MAX_FORM_FIELDS)
    request.state.form = form
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    expected = current.csrf if current is not None else request.cookies.get(LOGIN_CSRF_COOKIE)
    if not same(sent, expected):
        raise HTTPException(403, "the form has expired or did not come from this site: reload the page and try again")


PagePatients = Annotated[Patients, Depends(page_patients)]
ApiPatients = Annotated[Patients, Depends(api_patients)]
CurrentUser = Annotated[User, Depends(signed_in)]
AdminUser = Annotated[User, Depends(admin_user)]
