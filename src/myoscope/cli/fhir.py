"""``myoscope import-fhir`` and ``myoscope export-instrument``."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from myoscope.cli._common import EXIT_OK, check_outputs, fail, read_data, stderr, write_output
from myoscope.errors import InputError


class RecordFormat(str, Enum):
    yaml = "yaml"
    json = "json"


class InstrumentFormat(str, Enum):
    fhir_questionnaire = "fhir-questionnaire"
    redcap = "redcap"


def register(app: typer.Typer) -> None:
    @app.command("import-fhir")
    def import_fhir(
        bundle: Path = typer.Argument(..., help="A FHIR R4 Bundle (collection, transaction or searchset), JSON."),
        format: RecordFormat = typer.Option(RecordFormat.yaml, "--format", "-f", help="Format of the record written."),
        out: Path = typer.Option(None, "--output", "-o", help="Write the record to this file."),
        issues_json: Path = typer.Option(None, "--issues", help="Also write the issues as JSON to this file."),
    ) -> None:
        """Read a FHIR Bundle into a myoscope record; list everything not imported or assumed (to stderr)."""
        from myoscope.interop import import_bundle
        from myoscope.record import dump_record

        check_outputs([("--output", out), ("--issues", issues_json)], [bundle])
        try:
            result = import_bundle(read_data(bundle))  # answers checked as the record is read
        except InputError as exc:
            fail(exc)
        from myoscope.report.escape import escape_text

        for issue in result.issues:
            line = escape_text(str(issue)).replace("\n", "\\n").replace("\r", "\\r")  # one issue, one line
            stderr.print(f"import issue: {line}", markup=False)
        if issues_json is not None:
            write_output(json.dumps([i.to_json() for i in result.issues], indent=2), issues_json)
        write_output(dump_record(result.record, format.value), out)
        raise typer.Exit(EXIT_OK)

    @app.command("export-instrument")
    def export_instrument(
        name: str = typer.Argument(..., help="An instrument name (see `myoscope score --list`)."),
        format: InstrumentFormat = typer.Option(..., "--format", "-f", help="fhir-questionnaire or redcap."),
        out: Path = typer.Option(None, "--output", "-o", help="Write to this file."),
    ) -> None:
        """Export an instrument as an SDC Questionnaire (FHIR R4) or a REDCap data dictionary (CSV)."""
        from myoscope.interop import NotExportable, redcap_dictionary, sdc_questionnaire
        from myoscope.scores import names

        if name not in names():
            fail(f"unknown instrument {name!r}; known: {', '.join(names())}")
        try:
            text = (
                json.dumps(sdc_questionnaire(name), indent=2)
                if format is InstrumentFormat.fhir_questionnaire
                else redcap_dictionary(name)
            )
        except NotExportable as exc:
            fail(str(exc))
        write_output(text, out)
