"""Rendering pages: Jinja2 templates with the signed-in user and the form token in every page."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from myoscope.precision import quantity_text
from myoscope.record import MEASUREMENT_KINDS
from myoscope.web._deps import csrf_token
from myoscope.web._settings import LOGIN_CSRF_COOKIE

if TYPE_CHECKING:
    from myoscope.store import VisitView, WebSession


class _Measured(Protocol):
    """A stored measurement as a visit lists it."""

    @property
    def kind(self) -> str: ...
    @property
    def side(self) -> str | None: ...
    @property
    def value(self) -> float | None: ...


TEMPLATE_DIR = Path(__file__).with_name("templates")
ENVIRONMENT = Environment(loader=FileSystemLoader(str(TEMPLATE_DIR)), autoescape=True, auto_reload=False)
"""Every template escapes what it shows (``autoescape=True``: the ``.j2`` ending would defeat jinja2's
extension-based default)."""
TEMPLATES = Jinja2Templates(env=ENVIRONMENT)


def _fmt_value(row: _Measured) -> str:
    kind = MEASUREMENT_KINDS.get(row.kind)
    label = kind.label if kind else row.kind
    side = f" ({row.side})" if row.side else ""
    value = quantity_text(row.value, kind.unit) if row.value is not None and kind else ""
    return f"{label}{side}: {value}"


def instrument_title(name: str) -> str:
    """An instrument as a clinician knows it ("Revised ALS Functional Rating Scale (ALSFRS-R)", not "alsfrs-r")."""
    from myoscope import scores

    try:
        return str(scores.get(name).title)
    except KeyError:
        return name


def _entered(view: VisitView) -> list[str]:
    """What a visit recorded, one phrase per item (counts for the sections without a short form)."""
    parts = [_fmt_value(row) for row in view.measurements] + [instrument_title(n) for n in view.instruments]
    parts += [f"{n} × {name.replace('_', ' ')}" for name, n in view.other.items()]
    return parts + [f"{name.replace('_', ' ')}: none reported (asked)" for name in view.asked_none]


TEMPLATES.env.filters["measurement"] = _fmt_value
TEMPLATES.env.filters["entered"] = _entered
TEMPLATES.env.globals["MEASUREMENT_KINDS"] = MEASUREMENT_KINDS


def render(
    request: Request,
    name: str,
    context: dict[str, Any] | None = None,
    *,
    status_code: int = 200,
    current: WebSession | None = None,
) -> HTMLResponse:
    """A page; ``current`` is the web session (None before sign-in, when a login token cookie is set)."""
    context = dict(context or {})
    context.setdefault("user", current.user if current is not None else None)
    context["csrf_token"] = csrf_token(request, current)
    context["settings"] = request.app.state.settings
    response = TEMPLATES.TemplateResponse(request, name, context, status_code=status_code)
    new_login_token = getattr(request.state, "login_csrf", None)
    if current is None and new_login_token:
        response.set_cookie(
            LOGIN_CSRF_COOKIE,
            new_login_token,
            httponly=True,
            samesite="strict",
            secure=request.app.state.settings.secure_cookies,
            path="/",
        )
    return response
