"""``myoscope isncsci`` on registry files: NDJSON and Parquet streamed, against the official cases."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from isncsci_cases import field_mismatches, load_cases, report
from typer.testing import CliRunner

from myoscope.cli import app
from myoscope.isncsci import classify_many, synthetic_exams
from myoscope.isncsci._stream import _flat_arrow

runner = CliRunner()


def _ndjson(path, exams, extra=None):
    lines = [json.dumps({**(extra(i) if extra else {}), **exam}) for i, exam in enumerate(exams)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _strip(result: dict) -> dict:
    return {k: v for k, v in result.items() if k not in ("id", "site")}


def test_stream_ndjson_against_official_2019(reference_dir, tmp_path):
    cases = [c for c in load_cases(reference_dir, "official_2019.json") if "expected" in c]
    source = _ndjson(tmp_path / "exams.ndjson", [c["exam"] for c in cases], lambda i: {"id": cases[i]["id"]})
    out = tmp_path / "results.ndjson"
    result = runner.invoke(app, ["isncsci", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [str(c["id"]) for c in cases]  # ids are carried as text
    mismatches = [
        m
        for case, line in zip(cases, lines, strict=True)
        for m in field_mismatches(str(case["id"]), case["expected"], _strip(line))
    ]
    assert not mismatches, report(mismatches)
    assert f"{len(cases)} exams" in result.output


def test_stream_parquet_matches_classify_many(tmp_path):
    exams = synthetic_exams(3000, 7)
    source = tmp_path / "exams.ndjson"
    _ndjson(source, exams, lambda i: {"site": "north" if i % 2 else "south"})
    import pyarrow.json as pj

    flat = _flat_arrow(pj.read_json(source))
    pq.write_table(flat, tmp_path / "exams.parquet")
    out = tmp_path / "results.parquet"
    result = runner.invoke(app, ["isncsci", str(tmp_path / "exams.parquet"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(out).to_pylist()
    expected = classify_many(exams)
    assert len(table) == len(expected)
    for row, want in zip(table, expected, strict=True):
        assert row["ais"] == want.ais and row["nli"] == want.nli
        assert row["right.motor_zpp"] == want.right.motor_zpp
        total = row["right.totals.motor"]
        assert (total if total >= 0 else "ND") == want.right.totals["motor"]
    assert "north" in result.output and "south" in result.output


def test_stream_refuses_bad_values_naming_line_and_field_and_writes_nothing(tmp_path):
    exams = synthetic_exams(5, 3)
    exams[2] = {**exams[2], "right": {**exams[2]["right"], "motor": {**exams[2]["right"]["motor"], "C5": "6"}}}
    source = _ndjson(tmp_path / "exams.ndjson", exams)
    out = tmp_path / "results.ndjson"
    result = runner.invoke(app, ["isncsci", str(source), "-o", str(out)])
    assert result.exit_code == 2
    assert "line 3: right.motor.C5" in result.output and "'6'" in result.output
    assert not out.exists() and not list(tmp_path.glob(".results*"))


def test_stream_refuses_unknown_fields_and_malformed_lines(tmp_path):
    exams = synthetic_exams(2, 4)
    source = _ndjson(tmp_path / "exams.ndjson", exams, lambda i: {"comment": "x"} if i == 1 else {})
    result = runner.invoke(app, ["isncsci", str(source), "-o", str(tmp_path / "r.ndjson")])
    assert result.exit_code == 2 and "line 2: comment" in result.output
    bad = tmp_path / "bad.ndjson"
    bad.write_text('{"vac": "Yes", \n', encoding="utf-8")
    result = runner.invoke(app, ["isncsci", str(bad)])
    assert result.exit_code == 2 and "NDJSON" in result.output


@pytest.mark.parametrize("value", [5, "5"])
def test_integer_scores_are_accepted_as_in_the_single_exam_path(tmp_path, value):
    exams = synthetic_exams(3, 5)
    exams[0] = {**exams[0], "left": {**exams[0]["left"], "motor": {**exams[0]["left"]["motor"], "C6": value}}}
    source = _ndjson(tmp_path / "exams.ndjson", exams)
    result = runner.invoke(app, ["isncsci", str(source)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [_strip(line) for line in lines] == [c.to_json() for c in classify_many(exams)]


def test_ndjson_blocks_keep_every_line_across_block_and_chunk_boundaries(tmp_path, monkeypatch):
    """Lines cut by a read block, blank lines and chunk limits: the same exams in the same order."""
    from myoscope.isncsci import _stream

    exams = synthetic_exams(257, 3)
    lines = [json.dumps({"id": f"e{i}", **e}) for i, e in enumerate(exams)]
    text = "\n".join(line + ("\n" if i % 50 == 7 else "") for i, line in enumerate(lines))  # blank lines, no final \n
    source = tmp_path / "exams.ndjson"
    source.write_text(text, encoding="utf-8")
    monkeypatch.setattr(_stream, "BLOCK_BYTES", 5000)  # several exams per block, most lines cut by a read
    chunks = list(_stream.chunks(source, size=40))
    assert max(c.num_rows for c in chunks) <= 40
    ids = [i for c in chunks for i in c.column("id").to_pylist()]
    assert ids == [f"e{i}" for i in range(len(exams))]


@pytest.mark.parametrize("block_bytes", [1000, 7000])  # shorter than a line (the buffer grows), several lines
def test_fast_ndjson_path_keeps_every_line_across_blocks_blank_lines_and_chunk_limits(
    tmp_path, monkeypatch, block_bytes
):
    """The decoder's own blocks (views of one reused buffer, lines cut by reads, blank lines, chunk
    limits, a declined line): every exam classified once, in order, as the single exam path does."""
    from myoscope.isncsci import _stream

    exams = synthetic_exams(301, 9)
    lines = [
        json.dumps({"id": f"e{i}", **e}, separators=(",", ":") if i % 3 else (", ", ": ")) for i, e in enumerate(exams)
    ]
    lines[150] = lines[150].replace('"id":"e150"', '"id":"e\\u0031\\u0035\\u0030"')  # an escape: declined, general path
    text = "\n".join(line + ("\n  \n" if i % 60 == 7 else "") for i, line in enumerate(lines))  # no final newline
    source = tmp_path / "exams.ndjson"
    source.write_text(text, encoding="utf-8")
    monkeypatch.setattr(_stream, "BLOCK_BYTES", block_bytes)
    out = tmp_path / "results.ndjson"
    summary = _stream.stream(source, out, size=40)
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.exams == len(exams) == len(got)
    assert [g["id"] for g in got] == [f"e{i}" for i in range(len(exams))]
    assert [_strip(g) for g in got] == [c.to_json() for c in classify_many(exams)]
