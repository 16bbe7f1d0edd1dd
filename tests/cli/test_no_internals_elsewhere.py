"""No internals in the output of the other commands: explain (every cause, every format), simulate from a
person record (every format), isncsci on its example, and the FHIR form of an assessment."""

from __future__ import annotations

import pytest
from test_cli_output import _leaks
from typer.testing import CliRunner

from myoscope.causes.registry import registry
from myoscope.cli import app

runner = CliRunner()


def _shown(args: list[str]) -> str:
    result = runner.invoke(app, args, env={"COLUMNS": "100"})
    assert result.exit_code == 0, (args, result.stderr)
    return result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_no_internals_in_any_explanation(fmt):
    assert not _leaks(_shown(["explain", "--format", fmt]))
    for spec in registry():
        text = _shown(["explain", spec.name.upper(), "--format", fmt])
        assert not _leaks(text), (spec.name, _leaks(text))


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html"])
def test_no_internals_in_a_projection_of_a_person_record(examples_dir, fmt):
    text = _shown(["simulate", str(examples_dir / "simulate" / "bed-rest-older.yaml"), "--format", fmt])
    assert not _leaks(text), _leaks(text)


def test_no_internals_in_the_isncsci_example_or_a_fhir_assessment(examples_dir):
    for args in (
        ["isncsci", str(examples_dir / "isncsci" / "complete-t6.json")],
        ["isncsci", str(examples_dir / "isncsci" / "complete-t6.json"), "--format", "json"],
        ["assess", str(examples_dir / "forearm-cast.yaml"), "--format", "fhir"],
    ):
        text = _shown(args)
        assert not _leaks(text), (args, _leaks(text))
