"""The terminal outputs list the references they cite (authors, year, title, journal, DOI), as the markdown and
HTML reports do: before, assess printed source keys only, and simulate ended with "Sources: hall2011, ..." and
named its model by a variant id."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from myoscope.cli import app

EXAMPLES = Path(__file__).parents[2] / "examples"
runner = CliRunner()


def test_assess_text_lists_its_references():
    result = runner.invoke(app, ["assess", str(EXAMPLES / "forearm-cast.yaml")])
    assert result.exit_code == 0
    assert "References" in result.output and "doi:10." in result.output


def test_simulate_text_lists_its_references_and_names_the_model_in_words():
    result = runner.invoke(app, ["simulate", str(EXAMPLES / "forearm-cast.yaml"), "-s", "current"])
    assert result.exit_code == 0
    assert "References:" in result.output and "Sources:" not in result.output
    assert "[hall2011] Hall KD" in result.output
    assert "Hall's model (Hall et al. 2011)" in result.output and "(hall2011)" not in result.output
