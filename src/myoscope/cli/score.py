"""``myoscope score NAME INPUT.json``: the scoring contract for every instrument and definition."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from myoscope.cli._common import Format, fail, read_data, stdout, write_output
from myoscope.errors import InputError


def register(app: typer.Typer) -> None:
    @app.command()
    def score(
        name: str = typer.Argument(None, help="Instrument or definition name (see --list)."),
        input: Path = typer.Argument(None, help="Answers or measurements as JSON or YAML ('-' for stdin)."),
        format: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
        list_: bool = typer.Option(False, "--list", help="List every instrument and definition."),
        schema: bool = typer.Option(False, "--schema", help="Print the input JSON Schema of NAME."),
    ) -> None:
        """Score one instrument or definition (stable JSON: instrument, version, value, category, criteria, missing, citations)."""
        from myoscope import instruments

        if list_:
            items = instruments.registry()
            if format is Format.json:
                write_output(json.dumps([{"name": n, "title": i.title, "kind": i.kind, "domain": i.domain,
                                          "version": i.version} for n, i in items.items()], indent=2), None)
            else:
                for n, i in items.items():
                    stdout.print(f"{n:24} {i.kind:10} {i.title}", markup=False)
            return
        if name is None:
            fail("give an instrument name (myoscope score --list shows them)")
        try:
            instrument = instruments.get(name)
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
        stdout.print(f"[bold]{instrument.title}[/] ({result.instrument} {result.version})")
        value = "cannot tell" if result.value is None else f"{result.value}{' ' + result.unit if result.unit else ''}"
        stdout.print(f"value: {value}\ncategory: {result.category}", markup=False)
        if result.interpretation:
            stdout.print(result.interpretation, markup=False)
        for c in result.criteria:
            mark = {True: "met", False: "not met", None: "cannot tell"}[c.met]
            stdout.print(f"  - {c.name}: {mark}" + (f" ({c.value}; {c.threshold})" if c.threshold else ""), markup=False)
        if result.missing:
            stdout.print("missing: " + "; ".join(result.missing), markup=False)
        stdout.print("sources: " + ", ".join(result.citations), markup=False)
