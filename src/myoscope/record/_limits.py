"""Limits on input, checked once at the boundary, each refused with a message naming the field.

Every way a record comes in (a file for the command line, an upload or a JSON body for the web
app) passes through here before anything else reads it: the file size, how deeply it nests,
how many YAML aliases it uses and how large it would be once they are expanded, the length of
strings and unit texts, numbers (finite, integers of sane size), ids and dates. The limits are
our own choice: far beyond anything a real record holds, small enough that no input can make
the parser, the validation or an error message slow or large.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any, Protocol

from myoscope.errors import SHOWN_CHARS, InputError, Problem, shorten

MAX_FILE_BYTES = 5_000_000
"""A record file or upload (the largest example is a few kilobytes)."""
MAX_DEPTH = 32
"""Nesting of mappings and lists (a record needs about six levels)."""
MAX_ALIASES = 200
"""YAML aliases (``*name``) in one file."""
MAX_NODES = 200_000
"""Values in the document once every alias is expanded (an alias bomb is refused before expansion)."""
MAX_ITEMS = 20_000
"""Items of one list or keys of one mapping."""
MAX_STRING = 10_000
"""Characters of one text value (visit notes are cut at 2,000 when saved)."""
MAX_UNIT_TEXT = 40
"""Characters of a unit (``"kg"``, ``"mmol/L"``) or of a value written with its unit (``"5 ft 9 in"``)."""
MAX_INT_DIGITS = 18
"""Digits of an integer; any count, id or score fits in far fewer."""
MAX_ID = 2**63 - 1
"""Largest database id (a signed 64-bit integer)."""
EARLIEST_DATE = dt.date(1900, 1, 1)
"""No date in a record is earlier."""


def too_large(size: int, field: str = "file") -> InputError:
    return InputError([Problem(field, f"{size} bytes", "is too large", f"at most {MAX_FILE_BYTES} bytes")])


class _Readable(Protocol):
    """Anything read as bytes: a file, standard input's buffer, a gzip stream."""

    def read(self, size: int = ..., /) -> bytes: ...


MAX_DATA_BYTES = 64_000_000
"""Largest JSON data file a command reads whole (a FHIR Bundle, a set of exams, a model's reference runs)."""


def read_limited(stream: _Readable, field: str = "file", limit: int = MAX_FILE_BYTES) -> str:
    """The text of ``stream`` (UTF-8), read no further than one byte past ``limit``: a pipe, a device or a
    decompressing file that never ends is refused, not read into memory."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError([Problem(field, f"more than {limit} bytes", "is too large", f"at most {limit} bytes")])
    return bytes(data).decode("utf-8")


def check_size(text: str | bytes, field: str = "file") -> None:
    size = len(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    if size > MAX_FILE_BYTES:
        raise too_large(size, field)


def check_data(data: Any, field: str = "") -> None:
    """Refuse parsed data that breaks a limit: too deep, too many items, long strings, odd numbers.

    Walks iteratively (no recursion), so even data nested far beyond the limit is refused cleanly.
    """
    stack: list[tuple[Any, str, int]] = [(data, field, 0)]
    problems: list[Problem] = []
    while stack and len(problems) < 20:
        value, path, depth = stack.pop()
        problem = _check_scalar(value, path)
        if problem is not None:
            problems.append(problem)
            continue
        if isinstance(value, (dict, list, tuple)):
            if depth >= MAX_DEPTH:
                problems.append(
                    Problem(
                        path,
                        "(nested data)",
                        "is nested too deeply",
                        f"at most {MAX_DEPTH} levels of lists and mappings",
                    )
                )
                continue
            if len(value) > MAX_ITEMS:
                problems.append(Problem(path, f"{len(value)} items", "has too many items", f"at most {MAX_ITEMS}"))
                continue
            stack.extend(_children(value, path, depth))
    if problems:
        raise InputError(problems)


def _children(value: Any, path: str, depth: int) -> Iterator[tuple[Any, str, int]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                key = str(key)[:SHOWN_CHARS]
            yield item, f"{path}.{key}" if path else key, depth + 1
    else:
        for index, item in enumerate(value):
            yield item, f"{path}[{index}]", depth + 1


def _check_scalar(value: Any, path: str) -> Problem | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        if value.bit_length() > 60 or len(str(abs(value))) > MAX_INT_DIGITS:
            return Problem(
                path, shorten(value), "is too large a number", f"an integer of at most {MAX_INT_DIGITS} digits"
            )
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else Problem(path, str(value), "must be a finite number", "a finite number")
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            return Problem(path, shorten(value), "is too long", f"at most {MAX_STRING} characters")
        return None
    if isinstance(value, dict):
        bad = next((k for k in value if not isinstance(k, str)), None)
        if bad is not None:
            return Problem(path, shorten(bad), "has a key that is not text", "keys written as text")
    return None


def check_unit_text(text: str) -> None:
    """A unit text or value-with-unit must be short before pint reads it (its parsing grows with length)."""
    if len(text) > MAX_UNIT_TEXT:
        raise ValueError(f"a value with its unit is at most {MAX_UNIT_TEXT} characters")


def check_id(value: int, field: str = "id") -> None:
    if not 1 <= value <= MAX_ID:
        raise InputError([Problem(field, shorten(value), "is out of range", f"1 to {MAX_ID}")])


def check_date(value: dt.date, field: str = "date") -> None:
    """A date an assessment or a query may be about: from 1900 up to today."""
    today = dt.date.today()
    if not EARLIEST_DATE <= value <= today:
        raise InputError(
            [
                Problem(
                    field,
                    value.isoformat(),
                    "is in the future" if value > today else "is too early",
                    f"a date from {EARLIEST_DATE.isoformat()} to {today.isoformat()}",
                )
            ]
        )
