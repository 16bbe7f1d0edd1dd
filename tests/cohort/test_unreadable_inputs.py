"""Files the readers cannot parse are refused naming the option and the file (exit 2), never an internal error."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from myoscope.cli import app

GOOD = "person,date,kind,value\n1,2026-03-01,body_weight,70\n"
BAD = {
    "quote": (b'person,date,kind,value\n1,2026-03-01,body_weight,"71\n', "CSV malformed"),
    "ragged": (b"person,date,kind,value\n1,2026-03-01,body_weight,70,extra,extra\n", "more fields"),
    "not_utf8": (b"person,date,kind,value\n1,2026-03-01,body_w\xff\xfeight,70\n", "utf-8"),
    "empty": (b"", "empty"),
}


def _screen(*args: str):
    return CliRunner().invoke(app, ["screen", *args, "--no-progress"])


@pytest.mark.parametrize("name", sorted(BAD))
def test_an_unreadable_measurement_table_exits_2_naming_it(tmp_path, name):
    content, reason = BAD[name]
    path = tmp_path / f"{name}.csv"
    path.write_bytes(content)
    out = tmp_path / "out"
    result = _screen(str(path), "-o", str(out))
    assert result.exit_code == 2, result.output
    assert f"input: '{name}.csv' could not be read" in result.output and reason in result.output
    assert "internal error" not in result.output
    assert not any(out.glob("*")) if out.exists() else True  # nothing written


def test_a_damaged_parquet_file_exits_2_naming_it(tmp_path):
    path = tmp_path / "rows.parquet"
    path.write_bytes(b"PAR1" + b"\0" * 64 + b"PAR1")
    result = _screen(str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and "'rows.parquet' could not be read" in result.output, result.output


def test_an_unreadable_person_table_names_the_persons_option(tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text(GOOD, encoding="utf-8")
    persons = tmp_path / "persons.csv"
    persons.write_bytes(b"person,sex,born\n1,F\xff\xfe,1950\n")
    result = _screen(str(rows), "--persons", str(persons), "-o", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert "--persons: 'persons.csv' could not be read (invalid utf-8 sequence)" in result.output
