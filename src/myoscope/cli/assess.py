"""``myoscope assess`` and ``validate``."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from myoscope.cli._common import (
    EXIT_OK,
    Format,
    check_output_path,
    check_outputs,
    errors_as,
    fail,
    is_stdout,
    option_date,
    stdout,
    write_output,
)
from myoscope.errors import InputError, Problem
from myoscope.precision import count_text
from myoscope.report.escape import escape_text

if TYPE_CHECKING:
    from myoscope.causes import Assessment
    from myoscope.record import Record


class ReportFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    pdf = "pdf"
    fhir = "fhir"


_EXTENSIONS = {
    ReportFormat.text: "txt",
    ReportFormat.json: "json",
    ReportFormat.markdown: "md",
    ReportFormat.html: "html",
    ReportFormat.pdf: "pdf",
    ReportFormat.fhir: "fhir.json",
}


def load_checked(path: Path, *, as_json: bool = False) -> Record:
    """Load a record (its instrument answers checked as it loads); exit 2 with every problem if invalid."""
    from myoscope.measures import answers  # noqa: F401 - registers the answer check with the record
    from myoscope.record import load_record

    try:
        record = load_record(path)
    except InputError as exc:
        fail(exc, as_json=as_json)
    return record


def _load_all(files: list[Path]) -> list[Record]:
    """Every record of several files, or exit 2 with the problems of every file that fails, each named by its
    file."""
    from myoscope.measures import answers  # noqa: F401 - registers the answer check with the record
    from myoscope.record import load_record

    records, problems = [], []
    for path in files:
        try:
            records.append(load_record(path))
        except InputError as exc:
            problems += [dataclasses.replace(p, field=f"{path}: {p.field or '(top level)'}") for p in exc.problems]
    if problems:
        fail(problems)
    return records


def register(app: typer.Typer) -> None:
    @app.command()
    def assess(
        files: list[Path] = typer.Argument(..., help="One or more records (.yaml, .yml or .json)."),
        format: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f", help="Output format."),
        out: Path = typer.Option(
            None, "--output", "-o", help="Write to this file (one record) or into this folder (several records)."
        ),
        on: str = typer.Option(
            None, "--on", help="Assess as of this date (YYYY-MM-DD); default: the record's last date."
        ),
    ) -> None:
        """Assess records: is muscle being lost, why, and what to do next."""
        from myoscope.causes import assess as run

        errors_as(format)
        day = option_date(on)
        several = len(files) > 1
        _check_destination(out, several, format)
        check_outputs(_outputs(files, out, several, format), files)
        records = _load_all(files) if several else [load_checked(files[0])]  # all checked before any is written
        if day is not None:
            _check_day(day, records)
        if several and out is not None and not is_stdout(out):
            out.mkdir(parents=True, exist_ok=True)
        texts: list[str | bytes] = []
        for path, record in zip(files, records, strict=True):
            result = _render(
                run(record, day),
                record,
                format,
                to_terminal=format is ReportFormat.text
                and is_stdout(out)
                and stdout.is_terminal
                and not stdout.no_color,
            )
            if several and not is_stdout(out):
                write_output(result, out / f"{path.stem}.{_EXTENSIONS[format]}")
            else:
                texts.append(result)
        if format is ReportFormat.pdf and texts:
            write_output(texts[0], out)
        elif texts and format in (ReportFormat.json, ReportFormat.fhir) and several:
            write_output("[\n" + ",\n".join(_text(t) for t in texts) + "\n]", None)
        elif texts:
            write_output("\n".join(_text(t) for t in texts), out)
        raise typer.Exit(EXIT_OK)

    @app.command()
    def validate(
        file: Path = typer.Argument(..., help="A person's record (.yaml, .yml or .json)."),
        format: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
    ) -> None:
        """Check a record file; list every problem (exit code 2) or confirm it is valid."""
        record = load_checked(file, as_json=format is Format.json)
        summary: dict[str, Any] = {
            "valid": True,
            "person_id": record.person.id,
            "measurements": len(record.measurements),
            "instruments": len(record.instruments),
            "diet_days": len(record.diet_days),
            "activity": len(record.activity),
            "conditions": len(record.conditions),
            "episodes": len(record.episodes),
        }
        if format is Format.json:
            write_output(json.dumps(summary, indent=2), None)
        else:
            counts = ", ".join(
                count_text(summary[key], word)
                for key, word in (
                    ("measurements", "measurement"),
                    ("instruments", "instrument answer"),
                    ("diet_days", "diet day"),
                    ("activity", "activity entry"),
                )
            )
            write_output(f"valid: {escape_text(record.person.id)} ({counts})", None)


def _outputs(files: list[Path], out: Path | None, several: bool, format: ReportFormat) -> list[tuple[str, Path | None]]:
    """The file each report goes to (one record: ``out``; several: one per record in the folder ``out``)."""
    if several and not is_stdout(out):
        assert out is not None
        return [(f"--output (for {f})", out / f"{f.stem}.{_EXTENSIONS[format]}") for f in files]
    return [("--output", out)]


def _check_destination(out: Path | None, several: bool, format: ReportFormat) -> None:
    """Refuse, before any work, an output that cannot take the report (exit 2)."""
    if format is ReportFormat.pdf and is_stdout(out) and stdout.is_terminal:
        fail("a PDF is not shown in a terminal: give -o FILE.pdf (or -o - to pipe it)")
    if several and not is_stdout(out):
        assert out is not None
        if out.exists() and not out.is_dir():
            fail([Problem("--output", str(out), "with several records, -o names a folder; this is not one")])
        if format is ReportFormat.pdf or out.exists():
            return
        if not out.parent.is_dir():
            fail([Problem("--output", str(out), "the folder that would hold it does not exist")])
    elif several and format is ReportFormat.pdf:
        fail("with several records, a PDF needs -o FOLDER (one PDF per record)")
    elif not is_stdout(out):
        assert out is not None
        check_output_path(out)


def _render(assessment: Assessment, record: Record, format: ReportFormat, *, to_terminal: bool) -> str | bytes:
    if format is ReportFormat.fhir:
        from myoscope.interop import assessment_json

        return assessment_json(record, assessment)
    from myoscope.report import build_report, render_report

    report = build_report(assessment, record.person)
    if format is ReportFormat.pdf:
        from myoscope.report.pdf import report_pdf

        return report_pdf(report)
    color = to_terminal and format is ReportFormat.text
    return render_report(report, format.value, color=color)


def _text(rendered: str | bytes) -> str:
    """A rendering that is text (only a PDF is bytes, and it is written on its own)."""
    if isinstance(rendered, bytes):
        raise TypeError("a binary rendering cannot be joined with others")
    return rendered


def _check_day(day: dt.date, records: list[Record]) -> None:
    from myoscope.errors import InputError
    from myoscope.record import check_assessment_date

    try:
        for record in records:
            check_assessment_date(record, day)
    except InputError as exc:
        fail(exc)
