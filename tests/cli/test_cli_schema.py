"""``myoscope schema assessment|record`` prints a JSON Schema; anything else is a usage error (exit 2)."""

import json

import jsonschema
from typer.testing import CliRunner

from myoscope.cli import app

runner = CliRunner()


def test_schema_prints_each_contract():
    for contract, required in (("assessment", "schema_version"), ("record", "person")):
        result = runner.invoke(app, ["schema", contract])
        assert result.exit_code == 0, result.stderr
        schema = json.loads(result.stdout)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert required in schema["required"] and schema["title"] == f"myoscope {contract}"


def test_schema_of_an_unknown_contract_is_refused():
    result = runner.invoke(app, ["schema", "visit"])
    assert result.exit_code == 2 and "visit" in result.stderr
