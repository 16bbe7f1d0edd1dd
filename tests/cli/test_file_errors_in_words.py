"""A file that cannot be read or an output path that cannot be used is refused in words, never with the name of
an exception class ("cannot use this path (NotADirectoryError)" before)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from myoscope.cli import app

EXAMPLE = str(Path(__file__).parents[2] / "examples" / "healthy-active.yaml")
runner = CliRunner()


def test_an_output_below_a_file_is_refused_in_words(tmp_path):
    (tmp_path / "exists.txt").write_text("kept", encoding="utf-8")
    result = runner.invoke(app, ["assess", EXAMPLE, "-o", str(tmp_path / "exists.txt" / "x.txt")])
    assert result.exit_code == 2
    assert "--output: cannot use this path (not a directory)" in result.output
    assert "Error" not in result.output
    assert (tmp_path / "exists.txt").read_text(encoding="utf-8") == "kept"


def test_an_output_name_too_long_is_refused_in_words(tmp_path):
    result = runner.invoke(app, ["assess", EXAMPLE, "-o", str(tmp_path / ("a" * 300 + ".txt"))])
    assert result.exit_code == 2
    assert "--output: cannot use this path (file name too long)" in result.output


def test_a_record_that_is_not_utf8_is_refused_in_words(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe\x00schema")
    result = runner.invoke(app, ["assess", str(bad)])
    assert result.exit_code == 2
    assert "cannot read the file (not UTF-8 text)" in result.output
