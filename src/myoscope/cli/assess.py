"""``myoscope assess``, ``validate`` and ``explain``."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from pathlib import Path

import typer

from myoscope.cli._common import EXIT_OK, fail, stdout, write_output
from myoscope.errors import InputError


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    fhir = "fhir"


_EXTENSIONS = {ReportFormat.text: "txt", ReportFormat.json: "json", ReportFormat.markdown: "md",
               ReportFormat.html: "html", ReportFormat.fhir: "fhir.json"}


def load_checked(path: Path, *, as_json: bool = False):
    """Load a record and check its instrument answers; exit 2 with every problem if invalid."""
    from myoscope.causes import check_instrument_answers
    from myoscope.record import load_record

    try:
        record = load_record(path)
        check_instrument_answers(record)
    except InputError as exc:
        fail(exc, as_json=as_json)
    return record


def register(app: typer.Typer) -> None:
    @app.command()
    def assess(
        files: list[Path] = typer.Argument(..., help="One or more records (.yaml, .yml or .json)."),
        format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Output format."),
        out: Path = typer.Option(None, "--output", "-o",
                                 help="Write to this file (one record) or into this folder (several records)."),
        on: str = typer.Option(None, "--on", help="Assess as of this date (YYYY-MM-DD); default: the record's last date."),
    ) -> None:
        """Assess records: is muscle being lost, why, and what to do next."""
        from myoscope.causes import assess as run
        from myoscope.report import render

        day = _date(on)
        records = [load_checked(f) for f in files]  # every file is checked before anything is written
        several = len(files) > 1
        if several and out is not None:
            out.mkdir(parents=True, exist_ok=True)
        texts = []
        for path, record in zip(files, records):
            assessment = run(record, day)
            color = out is None and format is ReportFormat.text and stdout.is_terminal
            if format is ReportFormat.fhir:
                from myoscope.interop import assessment_json

                text = assessment_json(record, assessment)
            else:
                text = render(assessment, format.value, color=color)
            if several and out is not None:
                write_output(text, out / f"{path.stem}.{_EXTENSIONS[format]}")
            else:
                texts.append(text)
        if texts and format in (ReportFormat.json, ReportFormat.fhir) and several:
            write_output("[\n" + ",\n".join(texts) + "\n]", None)
        elif texts:
            write_output("\n".join(texts), out)
        raise typer.Exit(EXIT_OK)

    @app.command()
    def validate(
        file: Path = typer.Argument(..., help="A person's record (.yaml, .yml or .json)."),
        format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="text or json."),
    ) -> None:
        """Check a record file; list every problem (exit code 2) or confirm it is valid."""
        record = load_checked(file, as_json=format is ReportFormat.json)
        summary = {"valid": True, "person_id": record.person.id, "measurements": len(record.measurements),
                   "instruments": len(record.instruments), "diet_days": len(record.diet_days),
                   "activity": len(record.activity), "conditions": len(record.conditions),
                   "episodes": len(record.episodes)}
        if format is ReportFormat.json:
            write_output(json.dumps(summary, indent=2), None)
        else:
            stdout.print(f"valid: {record.person.id} ({summary['measurements']} measurements, "
                         f"{summary['instruments']} instrument answers, {summary['diet_days']} diet days, "
                         f"{summary['activity']} activity entries)")

    @app.command()
    def explain(
        cause: str = typer.Argument(None, help="A cause name; omit to list them."),
        format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="text or json."),
    ) -> None:
        """What a cause is, how myoscope weighs it, and its references."""
        from myoscope.causes import cause_module, cause_names
        from myoscope.references import resolve

        if cause is None:
            for name in cause_names():
                stdout.print(f"{name:24} {cause_module(name).TITLE}")
            return
        try:
            module = cause_module(cause)
        except KeyError:
            fail(f"unknown cause {cause!r}; known: {', '.join(cause_names())}")
        refs = resolve(getattr(module, "REFERENCES", ()) or _module_citations(module))
        if format is ReportFormat.json:
            write_output(json.dumps({"cause": module.CAUSE, "title": module.TITLE, "explanation": module.EXPLANATION,
                                     "references": [r.citation() for r in refs]}, indent=2), None)
            return
        stdout.print(f"[bold]{module.TITLE}[/] ({module.CAUSE})\n")
        stdout.print(module.EXPLANATION + "\n")
        if refs:
            stdout.print("[bold]References[/]")
            for r in refs:
                stdout.print(f"  - {r.citation()}", markup=False)


def _module_citations(module) -> list[str]:
    keys = []
    for name in dir(module):
        if name.endswith("CITATION") or name.endswith("CITATIONS"):
            value = getattr(module, name)
            keys.extend(value if isinstance(value, tuple) else [value])
    return [k for k in keys if isinstance(k, str)]


def _date(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"--on must be a date as YYYY-MM-DD, not {text!r}")
