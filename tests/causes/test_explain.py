"""``myoscope explain CAUSE``: the rule table with citations, case-insensitive, in every format."""

import json

import pytest
from typer.testing import CliRunner

from myoscope.causes.registry import registry
from myoscope.cli import app
from myoscope.references import get

runner = CliRunner()
NAMES = [s.name for s in registry()]


@pytest.mark.parametrize("name", NAMES)
def test_json_holds_every_rule_with_its_citation(name):
    result = runner.invoke(app, ["explain", name.upper(), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    spec = next(s for s in registry() if s.name == name)
    assert [r["id"] for r in data["rules"]] == [r.id for r in spec.rules]
    assert all(r["citation"] and get(r["citation"]) for r in data["rules"])
    assert {r["key"] for r in data["references"]} >= {r["citation"] for r in data["rules"]}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("name", NAMES)
def test_every_format_shows_the_rule_table(name, fmt):
    result = runner.invoke(app, ["explain", name.replace("_", "-").title(), "--format", fmt])
    assert result.exit_code == 0, result.output
    spec = next(s for s in registry() if s.name == name)
    for r in spec.rules:
        assert r.id in result.stdout and r.citation in result.stdout


def test_html_is_escaped_and_conditions_table_is_listed():
    html = runner.invoke(app, ["explain", "other_conditions", "--format", "html"]).stdout
    assert "<table>" in html and "230690007" in html and "Guillain-Barré" in html
    assert "<script" not in html


def test_unknown_cause_is_refused():
    assert runner.invoke(app, ["explain", "nonsense"]).exit_code == 2
