"""Loading and saving records as YAML or JSON, with every problem reported at once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from myoscope.errors import InputError, Problem, from_validation_error, os_reason
from myoscope.record._checks import check_record
from myoscope.record._limits import MAX_FILE_BYTES, check_data, read_limited, too_large
from myoscope.record._models import Record
from myoscope.record._parse import parse_limited


def _what(data: Any) -> str:
    """What a file held instead of a record, in words (an empty file holds nothing)."""
    if data is None:
        return "an empty file"
    if isinstance(data, list):
        return "a list"
    if isinstance(data, str):
        return "a text"
    return "a number" if isinstance(data, (int, float)) else type(data).__name__


def parse_record(data: Any, *, checks: bool = True) -> Record:
    """Validate already-parsed data; raises :class:`InputError` with one problem per fault.

    Then runs the checks the layers above registered (:mod:`myoscope.record._checks`: the instruments'
    answers); ``checks=False`` skips them for a part of a record that is checked once whole.
    """
    if not isinstance(data, dict):
        raise InputError([Problem("", _what(data), "a record must be a mapping with a 'person' section")])
    check_data(data)
    try:
        record = Record.model_validate(data)
    except ValidationError as exc:
        raise _refine(from_validation_error(exc)) from None
    if checks:
        check_record(record)
    return record


def _refine(error: InputError) -> InputError:
    """Move sub-paths that validators put in the message (``value: ...``) into the field path."""
    problems = []
    for p in error.problems:
        field, message = p.field, p.message
        head, sep, rest = message.partition(": ")
        if sep and head and " " not in head and not head.endswith("."):
            field, message = f"{field}.{head}" if field else head, rest
        value = _value_of(p.value, head) if sep else p.value
        if isinstance(value, dict):
            from myoscope.errors import ABSENT

            value = ABSENT
        problems.append(Problem(field, value, message, p.accepted, p.unit))
    return InputError(problems)


def _value_of(container: Any, key: str) -> Any:
    if isinstance(container, dict):
        base = key.split("[")[0]
        value = container.get(base, container)
        if "[" in key and isinstance(value, (list, tuple)):
            index = int(key.split("[")[1].rstrip("]"))
            return value[index] if index < len(value) else value
        return value
    return container


def load_record(path: str | Path) -> Record:
    """Read a record from a ``.yaml``/``.yml`` or ``.json`` file."""
    path = Path(path)
    try:
        if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
            raise too_large(path.stat().st_size)
        with open(path, "rb") as stream:  # a pipe or a device has no size: read no further than the limit
            text = read_limited(stream)
    except FileNotFoundError:
        raise InputError([Problem("", str(path), "file not found")]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem("", str(path), f"cannot read the file ({os_reason(exc)})")]) from None
    return parse_record(parse_text(text, path.suffix.lower()))


def parse_text(text: str, suffix: str = ".yaml") -> Any:
    """Parse JSON or YAML text within the input limits (:mod:`myoscope.record._limits`); a syntax
    error or a broken limit becomes an :class:`InputError` with its position."""
    return parse_limited(text, suffix)


def dump_record(record: Record, fmt: str = "yaml") -> str:
    """The record as YAML or JSON, values written with their canonical units."""
    data = record.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    data["schema_version"] = record.schema_version
    for section in sorted(record.model_fields_set):
        if isinstance(getattr(record, section), (list, tuple)) and not getattr(record, section) and section not in data:
            data[section] = []  # recorded as empty means "asked: none", which differs from "not recorded"
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
