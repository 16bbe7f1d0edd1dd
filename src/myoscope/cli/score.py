"""``myoscope score NAME INPUT.json``: the scoring contract for every instrument and definition."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from myoscope.cli._common import Format, errors_as, fail, read_data, stdout, write_output
from myoscope.errors import InputError
from myoscope.precision import number_text, quantity_text
from myoscope.report.escape import escape_text
from myoscope.report.evidence import clinician_words


def register(app: typer.Typer) -> None:
    @app.command()
    def score(
        name: str = typer.Argument(None, help="Instrument or definition name (see --list)."),
        input: Path = typer.Argument(None, help="Answers or measurements as JSON or YAML ('-' for stdin)."),
        format: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
        list_: bool = typer.Option(False, "--list", help="List every instrument and definition."),
        schema: bool = typer.Option(False, "--schema", help="Print the input JSON Schema of NAME."),
    ) -> None:
        """Score one instrument or definition.

        Stable JSON: instrument, version, value, category, criteria, missing, citations.
        """
        from myoscope import scores

        errors_as(format)
        if list_:
            items = scores.registry()
            if format is Format.json:
                write_output(
                    json.dumps(
                        [
                            {"name": n, "title": i.title, "kind": i.kind, "domain": i.domain, "version": i.version}
                            for n, i in items.items()
                        ],
                        indent=2,
                    ),
                    None,
                )
            else:
                for n, i in items.items():
                    stdout.print(f"{n:24} {i.kind:10} {i.title}", markup=False, soft_wrap=True)
            return
        if name is None:
            fail("give an instrument name (myoscope score --list shows them)")
        try:
            instrument = scores.get(name)
        except KeyError:
            fail(f"unknown instrument {name!r}; run 'myoscope score --list'", as_json=format is Format.json)
        if schema:
            write_output(json.dumps(instrument.schema(), indent=2), None)
            return
        if input is None:
            fail("give the input file (JSON or YAML), or --schema to see what it holds")
        data = read_data(input)
        try:
            result = instrument.score(data)
        except InputError as exc:
            fail(exc, as_json=format is Format.json)
        if format is Format.json:
            write_output(json.dumps(result.to_json(), indent=2, ensure_ascii=False), None)
            return
        write_output(score_text(instrument, result), None)


def _shown(value: Any, unit: str | None = None) -> str:
    """A value as a person reads it: yes/no, a rounded number with its unit, or the text."""
    if value is None:
        return "not given"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return quantity_text(float(value), unit) if unit else number_text(float(value), "")
    if isinstance(value, dict):
        return ", ".join(f"{str(k).replace('_', ' ')} {_shown(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(v) for v in value)
    return escape_text(str(value))


def score_text(instrument: Any, result: Any) -> str:
    """The score in plain lines; a definition shows its category in words, never a stage code."""
    lines = [f"{instrument.title} ({result.instrument} {result.version})"]
    if instrument.kind != "definition" and result.value is not None:
        lines.append(f"value: {_shown(result.value, result.unit)}")
    lines.append(f"category: {result.category or 'cannot tell'}")
    if result.interpretation:
        lines.append(result.interpretation)
    for c in result.criteria:
        mark = {True: "met", False: "not met", None: "cannot tell"}[c.met]
        detail = f" ({_shown(c.value)}; {c.threshold})" if c.threshold else ""
        lines.append(f"  - {c.name}: {mark}{detail}")
    if result.missing:
        lines.append("missing: " + "; ".join(result.missing))
    lines.append("sources: " + ", ".join(result.citations))
    return escape_text(clinician_words("\n".join(lines)))
