"""The API's input boundary: JSON bodies read within the record limits, and one shape for every 422.

A body is parsed by :func:`myoscope.record.loads_json` (no ``NaN``/``Infinity``, no number that
overflows, no huge integer, no duplicate key, bounded nesting) before FastAPI sees it, and every
refusal, ours or FastAPI's parameter validation, answers ``422`` with the problems of
:class:`myoscope.errors.Problem` (values shortened, always valid JSON).
"""

from __future__ import annotations

import email.message
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Path, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute

from myoscope.errors import ABSENT, InputError, Problem, path_of
from myoscope.record import MAX_FILE_BYTES, MAX_ID, check_data, loads_json
from myoscope.web._problems import invalid_input

PatientId = Annotated[int, Path(ge=1, le=MAX_ID, description="The patient's id in this database")]


class QueryRefused(InputError):
    """A page address whose query names a filter the page does not have, or a value it does not accept.

    Answered as every refused address is: an HTML page naming the field, the value and what is accepted
    for a browser; problem details (``application/problem+json``) for the API and scripts."""


def invalid(error: InputError) -> JSONResponse:
    """422 with the problems (RFC 9457 problem details, :mod:`myoscope.web._problems`)."""
    return invalid_input(error)


def _is_json(request: Request) -> bool:
    content_type = request.headers.get("content-type")
    if not content_type:
        return True
    message = email.message.Message()
    message["content-type"] = content_type
    subtype = message.get_content_subtype()
    return message.get_content_maintype() == "application" and (subtype == "json" or subtype.endswith("+json"))


class LimitedRoute(APIRoute):
    """An API route whose JSON body is parsed within the input limits (refusals are 422, never 500)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def run(request: Request) -> Response:
            if request.method in ("POST", "PUT", "PATCH", "DELETE") and _is_json(request):
                body = await request.body()
                if body:
                    try:
                        if len(body) > MAX_FILE_BYTES:
                            raise InputError(
                                [
                                    Problem(
                                        "body", f"{len(body)} bytes", "is too large", f"at most {MAX_FILE_BYTES} bytes"
                                    )
                                ]
                            )
                        data = loads_json(body)
                        check_data(data, "body")
                    except InputError as exc:
                        return invalid(exc)
                    request._json = data  # starlette keeps the parsed body here; FastAPI reads it from there
            return await handler(request)

        return run


def _problem(error: dict[str, Any]) -> Problem:
    loc = [part for part in error.get("loc", ()) if part not in ("body", "query", "path", "header", "cookie")]
    where = error.get("loc", ("",))[0]
    field = path_of(loc) or str(where)
    message = str(error.get("msg", "is not valid")).removeprefix("Value error, ")
    value = error.get("input", ABSENT)
    if error.get("type") == "missing" or isinstance(value, (dict, list)):
        value = ABSENT
    return Problem(field, value, message[:1].lower() + message[1:])


def validation_problems(exc: RequestValidationError) -> list[Problem]:
    """FastAPI's validation errors as problems naming the field, the value given and what is wrong."""
    return [_problem(e) for e in exc.errors()]


async def validation_failed(request: Request, exc: Exception) -> JSONResponse:
    """The 422 answer to a request FastAPI could not validate (registered for :class:`RequestValidationError`)."""
    if not isinstance(exc, RequestValidationError):
        raise exc
    return invalid(InputError(validation_problems(exc)))
