"""A mapping file is checked whole: a mistyped key, a column name that is not text, a label mapped to a word
the reader does not know and group columns that are not a list are refused naming the entry (they used to be
ignored, or end in an internal error); a pasted label is shortened in the field's name."""

from __future__ import annotations

import pytest

from myoscope.cohort import load_mapping
from myoscope.errors import InputError

HEAD = "format: myoscope-cohort-mapping/1\n"


def _load(tmp_path, text: str):
    path = tmp_path / "mapping.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    return load_mapping(path)


@pytest.mark.parametrize(
    ("text", "field", "message"),
    [
        ("measurments: {}\n", "measurments", "is not a key of a mapping"),
        ("measurements: {column: {person: id}}\n", "measurements.column", "is not a key of a mapping"),
        ("measurements: {columns: {person: 5}}\n", "measurements.columns.person", "is not a column name"),
        ("measurements: {columns: {pid: id}}\n", "measurements.columns.pid", "is not a column the reader reads"),
        ("persons: {sex: {F: femme}}\n", "persons.sex.F", "is not a value the reader knows"),
        ("measurements: {sides: {L: sinister}}\n", "measurements.sides.L", "is not a value the reader knows"),
        ("persons: {groups: 5}\n", "persons.groups", "is not a list of column names"),
        ("measurements: {kinds: {W: {kind: [body_weight]}}}\n", "measurements.kinds.W", "is not a known kind"),
        ("condition_codes: {N1: [als]}\n", "condition_codes.N1", "is not a condition kind"),
        ("measurements: 5\n", "measurements", "must be a mapping"),
    ],
)
def test_a_mistake_in_the_mapping_is_refused_naming_the_entry(tmp_path, text, field, message):
    with pytest.raises(InputError) as err:
        _load(tmp_path, text)
    assert (err.value.problems[0].field, err.value.problems[0].message) == (field, message)


def test_one_group_column_may_be_written_without_a_list(tmp_path):
    assert _load(tmp_path, "persons: {groups: ward}\n").groups == ("ward",)


def test_a_pasted_label_is_shortened_in_the_field_name(tmp_path):
    with pytest.raises(InputError) as err:
        _load(tmp_path, "measurements: {kinds: {" + "A" * 5000 + ": body_mass}}\n")
    assert len(err.value.problems[0].field) < 80


@pytest.mark.parametrize("column", ["unit", "side"])
def test_an_optional_column_the_mapping_names_must_be_in_the_table(tmp_path, column):
    """A misspelt unit column (``units`` for ``unit``) once read 154 lb as 154 kg without a word."""
    from myoscope.cohort._inputs import read_long

    rows = tmp_path / "rows.csv"
    rows.write_text("patient,visit,test,result,unit,side\n1,2026-06-01,Weight,154,lb,\n", encoding="utf-8")
    mapping = _load(
        tmp_path,
        "measurements:\n  columns: {person: patient, date: visit, kind: test, value: result, "
        f"{column}: {column}s}}\n  kinds: {{Weight: body_weight}}\n",
    )
    with pytest.raises(InputError) as err:
        read_long(rows, mapping, tmp_path / "work")
    (problem,) = err.value.problems
    assert (problem.field, problem.message) == ("measurements.columns", "not found in the table")
    assert problem.value == f"{column} (column '{column}s')"
