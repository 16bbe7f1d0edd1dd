"""Administration pages, for admins only (:func:`myoscope.web._deps.admin_user`; anyone else gets 404):
accounts, care teams and membership, roles, API tokens (list, revoke), the audit log with filters and CSV."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as FastPath
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from sqlalchemy.orm import Session

from myoscope.errors import InputError, Problem, shorten
from myoscope.record import MAX_ID
from myoscope.store import (
    AUDIT_PAGE,
    ROLES,
    Admin,
    AuditFilter,
    User,
    WebSession,
    audit_actions,
    audit_csv,
    audit_entries,
    token_state,
)
from myoscope.web._audit_words import ACTION_WORDS, action_words
from myoscope.web._boundary import QueryRefused
from myoscope.web._deps import DB, AdminUser, client_of, csrf_protect, web_session
from myoscope.web._templating import render

RowId = Annotated[int, FastPath(ge=1, le=MAX_ID, description="A row id of this database")]
"""An account or token id: a number SQLite can hold (a larger one is refused, not a server error)."""
router = APIRouter(prefix="/admin", dependencies=[Depends(csrf_protect)], include_in_schema=False)
Current = Annotated[WebSession | None, Depends(web_session)]

NOTICES = {
    "created": "The account was created.",
    "role": "The role was changed.",
    "disabled": "The account was disabled: its sessions ended and its tokens are refused.",
    "enabled": "The account was enabled again.",
    "teams": "Care team membership was saved.",
    "team": "The care team was created.",
    "revoked": "The token was revoked: the API refuses it from now on.",
    "not-live": "That token was already revoked or expired.",
}


def _admin(request: Request, session: Session, user: User) -> Admin:
    return Admin(session, user, client_of(request))


def _form(request: Request) -> Any:
    return request.state.form


def _ints(values: list[Any]) -> list[int]:
    out = []
    for value in values:
        try:
            out.append(int(value))
        except (TypeError, ValueError):
            raise InputError([Problem("teams", value, "is not a care team")]) from None
    return out


@router.get("")
def admin_home(user: AdminUser) -> Response:
    return RedirectResponse("/admin/accounts", status_code=303)


def _accounts_page(
    request: Request,
    admin: Admin,
    current: WebSession | None,
    errors: dict[str, list[str]] | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> Response:
    context = {
        "users": admin.users(),
        "all_teams": admin.teams(),
        "roles": ROLES,
        "errors": errors or {},
        "values": values or {},
        "notice": NOTICES.get(request.query_params.get("notice", "")),
        "section": "accounts",
    }
    return render(request, "admin_accounts.html.j2", context, status_code=status, current=current)


def _errors(exc: InputError, where: str) -> dict[str, list[str]]:
    return {where: [str(p) for p in exc.problems]}


@router.get("/accounts")
def accounts(request: Request, session: DB, user: AdminUser, current: Current) -> Response:
    return _accounts_page(request, _admin(request, session, user), current)


@router.post("/accounts")
def create_account(request: Request, session: DB, user: AdminUser, current: Current) -> Response:
    form = _form(request)
    admin = _admin(request, session, user)
    values = {k: form.get(k, "") for k in ("username", "role")}
    try:
        admin.create_user(
            str(form.get("username", "")),
            str(form.get("password", "")),
            str(form.get("role", "")),
            _ints(form.getlist("teams")),
        )
    except InputError as exc:
        return _accounts_page(request, admin, current, _errors(exc, "new"), values, 422)
    return RedirectResponse("/admin/accounts?notice=created", status_code=303)


def _account_change(
    request: Request,
    session: Session,
    user: User,
    current: WebSession | None,
    change: Callable[[Admin], object],
    notice: str,
) -> Response:
    admin = _admin(request, session, user)
    try:
        change(admin)
    except InputError as exc:
        return _accounts_page(request, admin, current, _errors(exc, "account"), None, 422)
    return RedirectResponse(f"/admin/accounts?notice={notice}", status_code=303)


@router.post("/accounts/{user_id}/role")
def change_role(request: Request, user_id: RowId, session: DB, user: AdminUser, current: Current) -> Response:
    role = str(_form(request).get("role", ""))
    return _account_change(request, session, user, current, lambda a: a.set_role(user_id, role), "role")


@router.post("/accounts/{user_id}/active")
def change_active(request: Request, user_id: RowId, session: DB, user: AdminUser, current: Current) -> Response:
    active = _form(request).get("active") == "true"
    notice = "enabled" if active else "disabled"
    return _account_change(request, session, user, current, lambda a: a.set_active(user_id, active), notice)


@router.post("/accounts/{user_id}/teams")
def change_teams(request: Request, user_id: RowId, session: DB, user: AdminUser, current: Current) -> Response:
    form = _form(request)
    return _account_change(
        request, session, user, current, lambda a: a.set_teams(user_id, _ints(form.getlist("teams"))), "teams"
    )


@router.post("/teams")
def create_team(request: Request, session: DB, user: AdminUser, current: Current) -> Response:
    name = str(_form(request).get("name", ""))
    admin = _admin(request, session, user)
    try:
        admin.create_team(name)
    except InputError as exc:
        return _accounts_page(request, admin, current, _errors(exc, "team"), {"team": name}, 422)
    return RedirectResponse("/admin/accounts?notice=team", status_code=303)


@router.get("/tokens")
def tokens(request: Request, session: DB, user: AdminUser, current: Current) -> Response:
    now = dt.datetime.now(dt.UTC)
    rows = [(token, owner, token_state(token, now)) for token, owner in _admin(request, session, user).tokens()]
    context = {"tokens": rows, "notice": NOTICES.get(request.query_params.get("notice", "")), "section": "tokens"}
    return render(request, "admin_tokens.html.j2", context, current=current)


@router.post("/tokens/{token_id}/revoke")
def revoke(request: Request, token_id: RowId, session: DB, user: AdminUser) -> Response:
    done = _admin(request, session, user).revoke(token_id)
    return RedirectResponse(f"/admin/tokens?notice={'revoked' if done else 'not-live'}", status_code=303)


def _filter(
    patient: str, username: str, action: str, since: str, until: str
) -> tuple[AuditFilter, dict[str, list[Problem]]]:
    errors: dict[str, list[Problem]] = {}

    def day(name: str, text: str) -> dt.date | None:
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            errors[name] = [Problem(name, shorten(text), "is not a date", "a date as YYYY-MM-DD")]
            return None

    key = None
    if patient:
        try:
            key = int(patient)
        except ValueError:
            errors["patient"] = [
                Problem("patient", shorten(patient), "is not a patient number", "the number in /patients/N")
            ]
    chosen = AuditFilter(
        key, username.strip() or None, action.strip() or None, day("since", since), day("until", until)
    )
    if chosen.since and chosen.until and chosen.since > chosen.until:
        errors["until"] = [Problem("until", until, "is before the first day", f"a date from {since}")]
    return chosen, errors


Text = Annotated[str, Query(max_length=100)]
AUDIT_FILTERS = ("patient", "username", "action", "since", "until", "page")
"""The audit page's query fields; any other name in its address is refused, never silently ignored."""


def _refusals(request: Request, action: str, known: list[str], errors: dict[str, list[Problem]]) -> list[Problem]:
    """Query fields the audit page does not have, and an action it has never logged nor knows."""
    problems = [
        Problem(name, shorten(value), "is not a filter of the audit log", f"one of {', '.join(AUDIT_FILTERS)}")
        for name, value in request.query_params.multi_items()
        if name not in AUDIT_FILTERS
    ]
    if action.strip() and action.strip() not in {*known, *ACTION_WORDS}:
        message = "is not an action of the audit log"
        errors.setdefault("action", []).append(Problem("action", shorten(action), message, "an action listed"))
    return problems


def _wants_page(request: Request) -> bool:
    return "text/html" in request.headers.get("accept", "")


def _refuse(problems: list[Problem], errors: dict[str, list[Problem]], request: Request) -> None:
    """Raise :class:`QueryRefused` for unknown fields, and for bad values unless a browser gets the form back."""
    if problems:
        raise QueryRefused(problems)
    if errors and not _wants_page(request):
        raise QueryRefused([p for lines in errors.values() for p in lines])


@router.get("/audit")
def audit(
    request: Request,
    session: DB,
    user: AdminUser,
    current: Current,
    patient: Text = "",
    username: Text = "",
    action: Text = "",
    since: Text = "",
    until: Text = "",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    chosen, errors = _filter(patient, username, action, since, until)
    known = audit_actions(session)
    _refuse(_refusals(request, action, known, errors), errors, request)
    entries, total = ([], 0) if errors else audit_entries(session, chosen, page)
    values = {"patient": patient, "username": username, "action": action, "since": since, "until": until}
    _log(request, user, "audit_view", values)
    context = {
        "entries": entries,
        "total": total,
        "page": page,
        "pages": max(1, -(-total // AUDIT_PAGE)),
        "values": values,
        "errors": {name: [str(p) for p in lines] for name, lines in errors.items()},
        "action_choices": [(a, action_words(a)) for a in known],
        "action_words": action_words,
        "query": request.url.query,
        "section": "audit",
    }
    return render(request, "admin_audit.html.j2", context, status_code=422 if errors else 200, current=current)


@router.get("/audit.csv")
def audit_export(
    request: Request,
    session: DB,
    user: AdminUser,
    patient: Text = "",
    username: Text = "",
    action: Text = "",
    since: Text = "",
    until: Text = "",
) -> Response:
    chosen, errors = _filter(patient, username, action, since, until)
    problems = _refusals(request, action, audit_actions(session), errors)
    if problems or errors:
        raise QueryRefused(problems + [p for lines in errors.values() for p in lines])
    _log(
        request,
        user,
        "audit_export",
        {"patient": patient, "username": username, "action": action, "since": since, "until": until},
    )
    lines = list(audit_csv(session, chosen))  # read inside the request's session, before it closes
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    return StreamingResponse(
        iter(lines),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="myoscope-audit-{stamp}.csv"'},
    )


def _log(request: Request, user: User, action: str, values: dict[str, str]) -> None:
    shown = ", ".join(f"{k}={v}" for k, v in values.items() if v) or "no filter"
    request.app.state.audit.add(
        user_id=user.id,
        username=user.username,
        action=action,
        person_id=None,
        detail=f"{request.method} {request.url.path} ({shown})"[:500],
        client=client_of(request)[:100],
    )
