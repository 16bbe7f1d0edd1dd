"""Structured input errors.

Every refusal names the field (a path such as ``measurements[3].value``), the
value that was given, and what is accepted (a unit, a range or a set of
choices). A file with several problems gives one :class:`Problem` each.
"""

from __future__ import annotations

import dataclasses
import math
import re
import reprlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one field."""

    field: str
    value: Any
    message: str
    accepted: str | None = None
    unit: str | None = None

    def __str__(self) -> str:
        text = f"{self.field or '(top level)'}: {self.message}"
        if self.value is not _ABSENT:
            text += f" (got {_show(self.value)})"
        if self.accepted:
            text += f"; accepted: {self.accepted}"
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "value": None if self.value is _ABSENT else _jsonable(self.value),
            "message": self.message,
            "accepted": self.accepted,
            "unit": self.unit,
        }


class _Absent:
    def __repr__(self) -> str:
        return "<absent>"


_ABSENT: Any = _Absent()
ABSENT = _ABSENT
"""Marker for a problem about a value that is missing altogether."""


class InputError(ValueError):
    """Input refused; ``problems`` lists every reason."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def prefixed(self, prefix: str) -> InputError:
        """The same problems with ``prefix`` in front of every field path."""
        return InputError(
            [Problem(_join(prefix, p.field), p.value, p.message, p.accepted, p.unit) for p in self.problems]
        )


class RangeError(ValueError):
    """Raised inside validators: a value outside its accepted range (carries the pieces)."""

    def __init__(self, message: str, accepted: str, unit: str | None = None):
        self.accepted = accepted
        self.unit = unit
        super().__init__(message)


def _join(prefix: str, field: str) -> str:
    if not prefix:
        return field
    if not field:
        return prefix
    return f"{prefix}{field}" if field.startswith("[") else f"{prefix}.{field}"


def path_of(loc: Iterable[Any]) -> str:
    """``('measurements', 3, 'value')`` -> ``'measurements[3].value'``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out = _join(out, str(part))
    return out


_CHOICES_TYPES = {"literal_error", "enum"}


CHOICES_MESSAGE = "is not one of the accepted choices"


def from_validation_error(exc: ValidationError, prefix: str = "") -> InputError:
    """Translate pydantic's errors into our problems, one per error, with our wording."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = [p for p in err["loc"] if not _is_union_tag(p)]
        field = _join(prefix, path_of(loc))
        kind = err["type"]
        ctx = err.get("ctx") or {}
        value = err.get("input", _ABSENT)
        original = ctx.get("error")
        if kind == "missing":
            problems.append(Problem(field, _ABSENT, "is required"))
        elif isinstance(original, RangeError):
            problems.append(Problem(field, value, str(original), original.accepted, original.unit))
        elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
            problems.append(Problem(field, value, "is out of range", _bounds_text(ctx, kind)))
        elif kind in _CHOICES_TYPES:
            problems.append(Problem(field, value, CHOICES_MESSAGE, str(ctx.get("expected", ""))))
        elif kind == "extra_forbidden":
            problems.append(Problem(field, value, "is not a known field"))
        elif kind in ("finite_number",):
            problems.append(Problem(field, value, "must be a finite number", "a finite number"))
        elif kind.startswith("date") and "future" in kind:
            problems.append(Problem(field, value, "is in the future", "a date up to today"))
        elif kind in ("value_error", "assertion_error"):
            message = str(original) if original is not None else err["msg"]
            # a rule about a whole object: the object itself is not worth echoing, except where
            # the message names a sub-field ("name: ...") that the caller may resolve
            whole = isinstance(value, dict) and not re.match(r"^[\w\[\].]+: ", message)
            problems.append(Problem(field, _ABSENT if whole else value, message))
        else:
            problems.append(Problem(field, value, _plain(err["msg"])))
    return InputError(_merged_choices(problems))


def _merged_choices(problems: list[Problem]) -> list[Problem]:
    """One problem per field for a value no member of a union of choices accepts (``'left', 'right' or 'both'``),
    not one per member."""
    out: list[Problem] = []
    for p in problems:
        same = next((q for q in out if q.field == p.field and q.message == p.message == CHOICES_MESSAGE), None)
        if same is None:
            out.append(p)
        else:
            out[out.index(same)] = dataclasses.replace(same, accepted=f"{same.accepted} or {p.accepted}")
    return out


def _is_union_tag(part: Any) -> bool:
    # pydantic adds the member type name to the location for union members
    return isinstance(part, str) and (
        part.startswith(("function-", "~", "literal[")) or part in {"str", "int", "float", "dict"}
    )


def _bounds_text(ctx: dict[str, Any], kind: str) -> str:
    if "ge" in ctx:
        return f"at least {ctx['ge']}"
    if "gt" in ctx:
        return f"more than {ctx['gt']}"
    if "le" in ctx:
        return f"at most {ctx['le']}"
    if "lt" in ctx:
        return f"less than {ctx['lt']}"
    return ""


def _plain(msg: str) -> str:
    msg = msg.removeprefix("Value error, ")
    return msg[:1].lower() + msg[1:] if msg else msg


SHOWN_CHARS = 80
"""At most this much of a rejected value is shown in a message."""

_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxdict, _SHORT.maxlist, _SHORT.maxtuple, _SHORT.maxset = 2, 4, 4, 4, 4
_SHORT.maxstring, _SHORT.maxlong, _SHORT.maxother = SHOWN_CHARS, 40, SHOWN_CHARS


def os_reason(exc: BaseException) -> str:
    """Why a file could not be read or written, in words ("not a directory", "file name too long"), never the
    name of an exception class."""
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, EOFError):
        return "the compressed data end early"
    strerror = getattr(exc, "strerror", None)
    if strerror:
        return str(strerror).lower()
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else "the file system refused it"


def shorten(value: Any) -> str:
    """A bounded text for ``value`` (never the repr of a huge value): at most :data:`SHOWN_CHARS` characters."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return "an integer of more than 60 digits"
    text = value if isinstance(value, str) else _SHORT.repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 3] + "..."


def _show(value: Any) -> str:
    return repr(shorten(value)) if isinstance(value, str) else shorten(value)


def _jsonable(value: Any) -> Any:
    """The value as a JSON message may carry it: finite, bounded, never a container."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, int):
        return value if abs(value) < 2**53 else shorten(value)
    return shorten(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Spreadsheets run a cell starting with these as a formula (OWASP, CSV injection)."""
FORMULA_PATTERN = r"^[=+\-@\t\r]"
"""The same starts as a regular expression (for dataframe columns)."""


def safe_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: a value starting like a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
