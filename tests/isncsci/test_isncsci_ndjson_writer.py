"""The compiled NDJSON result writer gives the same bytes as the column-wise polars expression."""

from __future__ import annotations

import json

import pyarrow as pa
import pytest

from myoscope.isncsci import classify_many, synthetic_exams
from myoscope.isncsci._classify import classify_batch
from myoscope.isncsci._stream import _flat_arrow, _polars_frame, encode_frame, ndjson_lines, ndjson_text, result_columns

SITES = ["north", None, 'site "7"', "Zürich \\ 東京", "tab\there"]


def _table(exams, ids):
    rows = [{"id": ids(i), "site": SITES[i % len(SITES)], **exam} for i, exam in enumerate(exams)]
    return _flat_arrow(pa.Table.from_pylist(rows))


@pytest.mark.parametrize("ids", [lambda i: f"e{i}", lambda i: None if i % 3 else f"é{i}"])
def test_compiled_lines_equal_the_polars_lines(ids):
    exams = synthetic_exams(400, 11)
    table = _table(exams, ids)
    batch, problems = encode_frame(table, 1)
    assert not problems
    columns = result_columns(classify_batch(batch), table)
    frame = _polars_frame(pa.table(columns))
    want = ndjson_lines(frame).str.join("\n").item() + "\n"
    got = str(ndjson_text(columns), "utf-8")
    assert got == want
    lines = [json.loads(line) for line in got.splitlines()]
    assert [line.get("site") for line in lines] == [SITES[i % len(SITES)] for i in range(len(exams))]
    expected = [c.to_json() for c in classify_many(exams)]
    assert [{k: v for k, v in line.items() if k not in ("id", "site")} for line in lines] == expected


def test_lines_without_id_or_site():
    exams = synthetic_exams(50, 3)
    table = _flat_arrow(pa.Table.from_pylist(exams))
    columns = result_columns(classify_batch(encode_frame(table, 1)[0]), table)
    frame = _polars_frame(pa.table(columns))
    assert str(ndjson_text(columns), "utf-8") == ndjson_lines(frame).str.join("\n").item() + "\n"


@pytest.mark.parametrize("with_site", [True, False])
def test_summary_on_codes_equals_summary_on_the_frame(with_site):
    from myoscope.isncsci._stream import Summary

    exams = synthetic_exams(2000, 5)
    rows = [{**({"site": SITES[i % len(SITES)]} if with_site else {}), **e} for i, e in enumerate(exams)]
    table = _flat_arrow(pa.Table.from_pylist(rows))
    result = classify_batch(encode_frame(table, 1)[0])
    columns = result_columns(result, table)
    by_frame, by_codes = Summary(), Summary()
    by_frame.add(_polars_frame(pa.table(columns)))
    by_codes.add_columns(columns, result.ais)
    assert by_codes == by_frame
    assert sum(by_codes.by_site[s]["ais"].get("A", 0) for s in by_codes.by_site) > 0
