"""An impossible date anywhere in a record: exit 2 and a message naming the field, through the real entry point.

Run as a person runs it (a new ``python`` process through ``myoscope.cli:main``), so that an error
escaping the commands would show as the entry point's "internal error" with exit code 1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import myoscope

SOURCE = str(Path(myoscope.__file__).resolve().parents[1])


def _myoscope(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": SOURCE, "COLUMNS": "100"}
    env.pop("MYOSCOPE_DEBUG", None)
    code = "from myoscope.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("name", "text", "command", "field", "value"),
    [
        (
            "weight.yaml",
            "person: {id: d, age: 50}\nmeasurements:\n  - {kind: body_weight, date: 2026-13-40, value: 70 kg}\n",
            "validate",
            "measurements[0].date",
            "2026-13-40",
        ),
        (
            "diet.yaml",
            "person: {id: d, age: 50}\ndiet_days: [{date: 2026-02-30, protein: 50 g}]\n",
            "assess",
            "diet_days[0].date",
            "2026-02-30",
        ),
        (
            "episode.json",
            json.dumps({"person": {"id": "d", "age": 50}, "episodes": [{"kind": "bed_rest", "start": "2026-13-40"}]}),
            "validate",
            "episodes[0].start",
            "2026-13-40",
        ),
    ],
)
def test_an_impossible_date_exits_2_naming_the_field_and_the_value(tmp_path, name, text, command, field, value):
    (tmp_path / name).write_text(text, encoding="utf-8")
    done = _myoscope(command, name, cwd=tmp_path)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert f"{field}: " in done.stderr and f"(got '{value}')" in done.stderr, done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_an_impossible_date_is_a_json_problem_with_validate_format_json(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "person: {id: d, age: 50}\nmeasurements:\n  - {kind: body_weight, date: 2026-13-40, value: 70 kg}\n",
        encoding="utf-8",
    )
    done = _myoscope("validate", "r.yaml", "--format", "json", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    problems = json.loads(done.stderr)["problems"]
    assert [(p["field"], p["value"]) for p in problems] == [("measurements[0].date", "2026-13-40")]
    assert "month" in problems[0]["message"]
