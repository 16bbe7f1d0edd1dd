"""Helpers shared by the ISNCSCI reference tests: reading case files, comparing outputs field by field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def load_cases(reference_dir: Path, name: str) -> list[dict[str, Any]]:
    document = json.loads((reference_dir / "isncsci" / name).read_text(encoding="utf-8"))
    assert document["format"] == "isncsci-cases/1"
    assert len(document["cases"]) == document["count"]
    return document["cases"]


def flatten(output: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``{"right": {"totals": {"motor": 3}}}`` -> ``{"right.totals.motor": 3}``."""
    flat: dict[str, Any] = {}
    for key, value in output.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


def field_mismatches(case_label: str, expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    """One line per output field whose value differs (exact comparison, 25 fields)."""
    want = flatten(expected)
    have = flatten(got)
    lines = []
    for field in sorted(set(want) | set(have)):
        if want.get(field, "<absent>") != have.get(field, "<absent>"):
            lines.append(
                f"{case_label} {field}: expected {want.get(field, '<absent>')!r}, got {have.get(field, '<absent>')!r}"
            )
    return lines


def report(mismatches: list[str], limit: int = 60) -> str:
    head = "\n".join(mismatches[:limit])
    more = f"\n... and {len(mismatches) - limit} more" if len(mismatches) > limit else ""
    return f"{len(mismatches)} field mismatches:\n{head}{more}"
