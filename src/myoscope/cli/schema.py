"""``myoscope schema assessment|record``: the JSON Schema of a JSON contract."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

import typer

from myoscope.cli._common import write_output


class Contract(str, Enum):
    assessment = "assessment"
    record = "record"


def schema_of(contract: Contract) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``assess --format json`` or of a record as the API returns it."""
    if contract is Contract.assessment:
        from myoscope.report.model import assessment_schema

        return assessment_schema()
    from myoscope.record import Record

    schema = Record.model_json_schema(mode="serialization")
    schema["title"] = "myoscope record"
    return schema


def register(app: typer.Typer) -> None:
    @app.command()
    def schema(
        contract: Contract = typer.Argument(..., help="assessment (assess --format json) or record."),
    ) -> None:
        """Print the JSON Schema of the assessment or the record."""
        write_output(json.dumps(schema_of(contract), indent=2, ensure_ascii=False), None)
