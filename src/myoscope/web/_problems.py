"""One error format for the whole JSON API: RFC 9457 problem details (``application/problem+json``).

Every refusal under ``/api/`` (401, 403, 404, 405, 409, 412, 422, 428, 429, 500) answers with
``type``, ``title``, ``status``, ``detail`` and ``instance`` (the path asked for), plus ``errors``:
one entry per fault, its ``field`` in words ("value of measurement 2", not ``measurements[1].value``),
the ``value`` given (shortened to at most 80 characters), what is wrong (``message``) and what is
``accepted``. The OpenAPI document publishes the same shape for every error response.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from myoscope.errors import SHOWN_CHARS, InputError, Problem, shorten

MEDIA_TYPE = "application/problem+json"
TYPES = {
    409: "urn:myoscope:problem:entry-conflict",
    412: "urn:myoscope:problem:stale-version",
    422: "urn:myoscope:problem:invalid-input",
    428: "urn:myoscope:problem:version-required",
}
"""Problem types of our own; every other status is ``about:blank`` (the title is the status's phrase)."""

_PATH: ContextVar[str] = ContextVar("myoscope_api_path", default="")

WORDS = {
    "measurements": "measurement",
    "instruments": "questionnaire",
    "diet_days": "diet day",
    "activity": "activity entry",
    "conditions": "condition",
    "episodes": "episode",
    "symptoms": "symptom",
    "family_history": "family history entry",
    "spinal_exams": "spinal cord exam",
    "trials": "trial",
}
"""Sections and lists, as one of their items is called in a field's name."""
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


class FieldError(BaseModel):
    field: str = Field(description="The field, in words (the whole request or entry when empty)")
    value: str | int | float | bool | None = Field(description="What was given, shortened; null when it was missing")
    message: str
    accepted: str | None = None


class ProblemDetails(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str = Field(description="The path that was asked for")
    errors: list[FieldError] = []


def field_words(path: str) -> str:
    """``measurements[1].value`` -> ``value of measurement 2``; ``person.birth_date`` -> ``birth date``."""
    parts: list[str] = []
    tokens = [(m.group(1), m.group(2)) for m in _TOKEN.finditer(path or "")]
    for position, (name, index) in enumerate(tokens):
        if index is not None:
            if parts:
                parts[-1] = f"{parts[-1]} {int(index) + 1}"
            else:
                parts.append(f"item {int(index) + 1}")
            continue
        following_index = position + 1 < len(tokens) and tokens[position + 1][1] is not None
        if name == "person" and position == 0 and len(tokens) > 1:
            continue
        if parts and parts[-1] == "answers":
            parts[-1] = f"answer {name.replace('_', ' ')}"
            continue
        parts.append(WORDS.get(name, name) if following_index else name.replace("_", " "))
    return " of ".join(reversed(parts))


def field_error(problem: Problem) -> FieldError:
    data = problem.to_json()
    value = data["value"]
    if isinstance(value, str):
        value = shorten(value)[:SHOWN_CHARS]
    return FieldError(field=field_words(problem.field), value=value, message=problem.message, accepted=problem.accepted)


class ProblemResponse(JSONResponse):
    """A problem's JSON with every character beyond ASCII escaped: the refused input it quotes may hold a lone
    surrogate (``"\\ud800"``), which has no UTF-8 form and would otherwise fail the refusal itself."""

    def render(self, content: Any) -> bytes:
        import json

        return json.dumps(content, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")


def problem(
    status: int,
    detail: str,
    *,
    errors: list[Problem] | tuple[Problem, ...] = (),
    headers: dict[str, str] | None = None,
    title: str | None = None,
    instance: str | None = None,
    **extra: Any,
) -> JSONResponse:
    """A problem details response about ``instance`` (default: the path of the request being handled)."""
    body = ProblemDetails(
        type=TYPES.get(status, "about:blank"),
        title=title or phrase(status),
        status=status,
        detail=detail,
        instance=instance if instance is not None else _PATH.get(),
        errors=[field_error(p) for p in errors],
    ).model_dump(mode="json")
    body.update(extra)
    return ProblemResponse(body, status, headers=headers, media_type=MEDIA_TYPE)


def invalid_input(error: InputError) -> JSONResponse:
    count = len(error.problems)
    first = error.problems[0] if error.problems else None
    detail = "the input was refused" if first is None else f"{field_error(first).field or 'the input'}: {first.message}"
    if count > 1:
        detail += f" (and {count - 1} more problem{'s' if count > 2 else ''})"
    return problem(422, detail, errors=error.problems, title="Invalid input")


def phrase(status: int) -> str:
    """The status in words ("Not Found"); "Error" for a status without one."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


class ProblemPaths:
    """ASGI middleware: remembers the path of each API request for the problems' ``instance``."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            token = _PATH.set(scope.get("path", "")[:500])
            try:
                await self.app(scope, receive, send)
            finally:
                _PATH.reset(token)
            return
        await self.app(scope, receive, send)


def publish_problems(app: FastAPI) -> None:
    """Error responses of ``/api/`` operations documented as problem details in the OpenAPI document."""
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = plain()
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        for name, model in (("ProblemDetails", ProblemDetails), ("FieldError", FieldError)):
            schemas.setdefault(name, model.model_json_schema(ref_template="#/components/schemas/{model}"))
        schemas["ProblemDetails"].pop("$defs", None)
        reference = {"$ref": "#/components/schemas/ProblemDetails"}
        for path, operations in schema.get("paths", {}).items():
            if not path.startswith("/api/"):
                continue
            for operation in operations.values():
                for code, response in operation.get("responses", {}).items():
                    if not code.isdigit() or int(code) < 400:
                        continue
                    content = response.setdefault("content", {})
                    moved = content.pop("application/json", None) or {}
                    if "Problem" not in str(moved.get("schema", {}).get("$ref", "")):
                        moved = {"schema": reference}
                    content.setdefault(MEDIA_TYPE, moved)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
