"""Person tables are read as a person reads them and what cannot be read is reported, never guessed or dropped:
``Female`` and `` female`` are female, `` 1950`` and ``1950.0`` are 1950; a year of birth after the run or
before 1900, an unknown sex word, an id that is not a number and a person listed twice are refused cells; a
column the mapping names must exist; a group column must exist, must not be named like the outputs' own
columns and may hold at most 1,000 values."""

from __future__ import annotations

import pytest

from myoscope.cohort._inputs import Mapping
from myoscope.cohort._persons import MAX_GROUP_VALUES, read_persons
from myoscope.errors import InputError


def _read(tmp_path, text: str, mapping: Mapping | None = None):
    path = tmp_path / "persons.csv"
    path.write_text(text, encoding="utf-8")
    import polars as pl

    target, groups, refused = read_persons(path, mapping or Mapping(), tmp_path / "work")
    return pl.read_parquet(target), groups, refused


def test_words_and_years_are_read_as_written(tmp_path):
    table, _, refused = _read(
        tmp_path, "person,sex,birth_year\n1,Female,1950.0\n2, female , 1951\n3,MALE,1952\n 4.0 ,male,1953\n"
    )
    assert table["person"].to_list() == [1, 2, 3, 4]  # an id as a spreadsheet writes it: as the other tables read it
    assert table["sex"].to_list() == [2, 2, 1, 1] and table["birth_year"].to_list() == [1950, 1951, 1952, 1953]
    assert refused == []


def test_a_birth_date_column_is_read_for_its_year(tmp_path):
    """A table with 'birth_date' (a record's own field) and no year of birth gave every person an unknown age,
    silently; its year is read, and a cell that is not a date is reported."""
    table, _, refused = _read(
        tmp_path, "person,sex,birth_date\n1,female,1950-03-02\n2,male,1961-11-30T08:00\n3,male,soon\n"
    )
    assert table["birth_year"].to_list() == [1950, 1961, 0]
    assert [(r["row"], r["value"]) for r in refused] == [("persons 3", "soon")]


def test_cells_that_cannot_be_read_are_reported_and_left_unknown(tmp_path):
    table, _, refused = _read(
        tmp_path, "person,sex,birth_year\n1,F,2030\n2,female,1899\nP9,male,1950\n4,male,1960\n4,female,1970\n"
    )
    assert table["person"].to_list() == [1, 2, 4]
    assert table["sex"].to_list() == [0, 2, 1] and table["birth_year"].to_list() == [0, 0, 1960]
    assert [(r["row"], r["kind"], r["value"], r["reason"]) for r in refused] == [
        ("persons 1", "sex", "F", "sex not recognised (male or female)"),
        ("persons 1", "birth_year", "2030", refused[1]["reason"]),
        ("persons 2", "birth_year", "1899", refused[1]["reason"]),
        ("persons 3", "person", "P9", "person id is not a whole number"),
        ("persons 5", "person", "4", "person listed again; the first row is used"),
    ]
    assert refused[1]["reason"].startswith("year of birth not a year from 1900 to ")


def test_cells_recorded_as_not_stated_are_unknown_not_refused(tmp_path):
    """0 is the coded tables' "not stated" (the generator writes it for a tenth of its people); the words a site
    writes for it are read the same way. Only a value that is stated and not understood is a refused cell."""
    table, _, refused = _read(
        tmp_path,
        "person,sex,population,birth_year\n1,0,0,1950\n2,unknown,Not stated,0\n3,female,NA,\n4,X,2,1960\n",
    )
    assert table["sex"].to_list() == [0, 0, 2, 0] and table["population"].to_list() == [0, 0, 0, 2]
    assert table["birth_year"].to_list() == [1950, 0, 0, 1960]
    assert [(r["row"], r["kind"], r["value"]) for r in refused] == [("persons 4", "sex", "X")]


def test_the_generated_person_table_has_no_refused_cells(tmp_path):
    from myoscope.cohort import generate
    from myoscope.cohort._generate import write_long

    _, persons = write_long(generate(2_000, seed=3), tmp_path / "cohort")
    _, _, refused = read_persons(persons, Mapping(), tmp_path / "work")
    assert refused == []


def test_a_mapped_column_that_is_not_there_is_refused(tmp_path):
    with pytest.raises(InputError) as err:
        _read(tmp_path, "person,Gender\n1,female\n", Mapping(person_columns={"sex": "gender"}))
    (problem,) = err.value.problems
    assert problem.field == "persons.columns.sex" and problem.message == "is not a column of the person table"


@pytest.mark.parametrize("group", ["age_band", "all", "sex_label", "ward"])
def test_group_columns_must_exist_and_not_take_the_outputs_names(tmp_path, group):
    with pytest.raises(InputError) as err:
        _read(tmp_path, "person,sex,age_band,all,sex_label\n1,female,A,B,C\n", Mapping(groups=(group,)))
    assert err.value.problems[0].field == "persons.groups"


def test_a_group_of_more_than_a_thousand_values_is_refused(tmp_path):
    rows = "".join(f"{i},female,{i}\n" for i in range(1, MAX_GROUP_VALUES + 2))
    with pytest.raises(InputError) as err:
        _read(tmp_path, "person,sex,site\n" + rows)
    assert "1,001 distinct values" in err.value.problems[0].message
