"""Load a clinical vignette: a record in the examples' YAML format plus an ``expected:`` block."""

from __future__ import annotations

from pathlib import Path

import yaml

CASES = Path(__file__).parent / "cases"


def load(path: Path) -> tuple[dict, dict, str]:
    """(record data, expectation, header comment) of one vignette file."""
    text = path.read_text(encoding="utf-8")
    header = "\n".join(line[1:].strip() for line in text.splitlines() if line.startswith("#"))
    data = yaml.safe_load(text)
    expected = data.pop("expected")
    return data, expected, header


def names() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.yaml"))
