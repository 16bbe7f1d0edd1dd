"""``myoscope isncsci FILE``: classify ISNCSCI exams in the reference's output format.

FILE holds one exam, a list of exams, or a whole ``isncsci-cases/1`` case file.
The output keeps the order: one OUTPUT object, a list of them, or the same case
document with each case's ``expected`` replaced by ours, laid out like the
reference files so that ``diff`` against one is a one-command check.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console, Group
from rich.table import Table

from myoscope.cli._common import Format, errors_as, fail, read_data, write_output
from myoscope.errors import InputError, Problem
from myoscope.isncsci import Classification, classify_many

if TYPE_CHECKING:
    from myoscope.isncsci import Summary

CASES_FORMAT = "isncsci-cases/1"
STREAM_SUFFIXES = (".ndjson", ".jsonl", ".parquet")


def _stream_command(file: Path, out: Path | None) -> None:
    import sys

    from myoscope.isncsci import stream

    if not file.exists():
        fail([Problem("file", str(file), "does not exist", "an .ndjson, .jsonl or .parquet exam file")])
    if out is not None and out.suffix.lower() not in STREAM_SUFFIXES:
        fail([Problem("--out", str(out), "is not a registry output file", ".ndjson, .jsonl or .parquet")])
    try:
        summary = stream(file, out, write_line=sys.stdout.write)
    except InputError as exc:
        fail(exc)
    console = Console(file=sys.stderr if out is None else sys.stdout, highlight=False, emoji=False)
    console.print(site_summary(summary))


def site_summary(summary: Summary) -> Group:
    """AIS grades, neurological level regions and motor ZPP, by site (two narrow tables)."""
    grades = ("A", "B", "C", "D", "E")
    ais_table = Table(title=f"ISNCSCI site summary: {summary.exams:,} exams; AIS grade", title_justify="left")
    level_table = Table(title="Neurological level of injury (region) and motor ZPP", title_justify="left")
    for column in ("site", "exams", *grades, "several"):
        ais_table.add_column(column, justify="left" if column == "site" else "right", overflow="fold")
    for column in ("site", "cervical", "thoracic", "lumbar", "sacral", "intact or other", "motor ZPP"):
        level_table.add_column(column, justify="left" if column == "site" else "right", overflow="fold")
    for site in sorted(summary.by_site):
        counts = summary.by_site[site]
        ais = counts.get("ais", {})
        single = {g: ais.get(g, 0) + ais.get(g + "*", 0) for g in grades}
        total = sum(ais.values())
        ais_table.add_row(site, f"{total:,}", *[f"{single[g]:,}" for g in grades], f"{total - sum(single.values()):,}")
        regions = counts.get("nli region", {})
        level_table.add_row(
            site,
            *[f"{regions.get(r, 0):,}" for r in ("C", "T", "L", "S", "other")],
            f"{counts.get('motor ZPP recorded', {}).get('true', 0):,}",
        )
    return Group(
        ais_table,
        level_table,
        "'several': the exam leaves more than one grade possible (not-testable items); "
        "'motor ZPP': a motor zone of partial preservation on either side.",
    )


def register(app: typer.Typer) -> None:
    """Add the ``isncsci`` command to ``app``."""

    @app.command("isncsci")
    def isncsci_command(
        file: Path = typer.Argument(..., help="exam, list of exams, or isncsci-cases/1 file (JSON/YAML, - for stdin)"),
        format: Format | None = typer.Option(
            None, "--format", help="json (reference output format, the default) or text"
        ),
        out: Path | None = typer.Option(None, "-o", "--out", help="write here instead of standard output"),
    ) -> None:
        """Classify ISNCSCI 2019 exams (levels, NLI, AIS, ZPP, totals) as the official algorithm does.

        A registry file (.ndjson/.jsonl or .parquet, one exam per line or row) is streamed: results go to
        OUT (.ndjson or .parquet; NDJSON on standard output without OUT) and a site summary is printed.
        """
        errors_as(format)  # refusals in JSON when JSON is asked for by name; in text by default
        if file.suffix.lower() in STREAM_SUFFIXES:
            _stream_command(file, out)
            return
        data = read_data(file)
        try:
            text = render(data, format or Format.json)
        except InputError as exc:
            fail(exc)
        write_output(text, out)


def render(data: Any, format: Format) -> str:
    """The command's output for parsed input ``data``; raises :class:`InputError` when invalid."""
    exams, rebuild = _exams_of(data)
    results = classify_many_with_paths(exams, rebuild.path)
    if format is Format.text:
        return "\n".join(_table(i, r) for i, r in enumerate(results))
    return dumps(rebuild(results)) + "\n"


class _Shape:
    """How to put results back into the shape of the input."""

    def __init__(self, kind: str, document: Any = None):
        self.kind = kind
        self.document = document

    def path(self, i: int) -> str:
        return {"one": "", "list": f"[{i}]", "cases": f"cases[{i}].exam"}[self.kind]

    def __call__(self, results: list[Classification]) -> Any:
        if self.kind == "one":
            return results[0].to_json()
        if self.kind == "list":
            return [r.to_json() for r in results]
        document = dict(self.document)
        document["cases"] = [
            _with_expected(case, r.to_json()) for case, r in zip(document["cases"], results, strict=True)
        ]
        return document


def _with_expected(case: dict[str, Any], expected: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in case.items():
        if key in ("expected", "error"):
            continue
        out[key] = value
        if key == "exam":
            out["expected"] = expected
    return out


def _exams_of(data: Any) -> tuple[list[Any], _Shape]:
    if isinstance(data, list):
        return data, _Shape("list")
    if isinstance(data, dict) and "format" in data:
        if data["format"] != CASES_FORMAT:
            raise InputError([Problem("format", data["format"], "is not a known format", CASES_FORMAT)])
        cases = data.get("cases")
        if not isinstance(cases, list):
            raise InputError([Problem("cases", cases, "must be a list of cases", "a list of {id, exam, ...}")])
        problems = [
            Problem(f"cases[{i}]", c, "has no exam", "an object with an exam")
            for i, c in enumerate(cases)
            if not isinstance(c, dict) or "exam" not in c
        ]
        if problems:
            raise InputError(problems)
        return [c["exam"] for c in cases], _Shape("cases", data)
    if isinstance(data, dict):
        return [data], _Shape("one")
    raise InputError(
        [
            Problem(
                "",
                data,
                "is not an exam, a list of exams or a case file",
                f"an exam object, a list of them, or a {CASES_FORMAT} document",
            )
        ]
    )


_INDEX = re.compile(r"^\[(\d+)\]\.?")


def classify_many_with_paths(exams: list[Any], path: Callable[[int], str]) -> list[Classification]:
    """:func:`classify_many`, with problems named by ``path(i)`` of their exam."""
    try:
        done: list[Classification] = classify_many(exams)
        return done
    except InputError as exc:
        problems = []
        for p in exc.problems:
            match = _INDEX.match(p.field)
            field = p.field
            if match:
                prefix = path(int(match.group(1)))
                rest = p.field[match.end() :]
                field = f"{prefix}.{rest}" if prefix and rest else (prefix or rest)
            problems.append(Problem(field, p.value, p.message, p.accepted, p.unit))
        raise InputError(problems) from None


def dumps(value: Any, level: int = 0) -> str:
    """JSON laid out like the reference files: flat objects and lists on one line, others expanded."""
    if not isinstance(value, (dict, list)) or _flat(value):
        return json.dumps(value, ensure_ascii=False)
    pad = "  " * (level + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(k, ensure_ascii=False)}: {dumps(v, level + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * level + "}"
    items = [pad + dumps(v, level + 1) for v in value]
    return "[\n" + ",\n".join(items) + "\n" + "  " * level + "]"


def _flat(value: dict[str, Any] | list[Any]) -> bool:
    values = value.values() if isinstance(value, dict) else value
    return all(not isinstance(v, (dict, list)) for v in values)


def _table(i: int, result: Classification) -> str:
    table = Table(title=f"ISNCSCI exam {i + 1}: AIS {result.ais}, NLI {result.nli}", title_justify="left")
    table.add_column("")
    table.add_column("right")
    table.add_column("left")
    table.add_column("both")
    r, left = result.right, result.left
    table.add_row("sensory level", r.sensory_level, left.sensory_level, "")
    table.add_row("motor level", r.motor_level, left.motor_level, "")
    table.add_row("sensory ZPP", r.sensory_zpp, left.sensory_zpp, "")
    table.add_row("motor ZPP", r.motor_zpp, left.motor_zpp, "")
    names = {
        "upper_motor": "upper limb motor (UEMS)",
        "lower_motor": "lower limb motor (LEMS)",
        "motor": "motor total",
        "light_touch": "light touch",
        "pin_prick": "pin prick",
    }
    for key, name in names.items():
        both = result.motor_total if key == "motor" else result.totals[key]
        table.add_row(name, str(r.totals[key]), str(left.totals[key]), str(both))
    table.add_row("neurological level (NLI)", "", "", result.nli)
    table.add_row("complete / incomplete", "", "", result.injury_complete)
    table.add_row("AIS", "", "", result.ais)
    buffer = io.StringIO()
    Console(file=buffer, width=100, highlight=False, color_system=None, emoji=False).print(table)
    return buffer.getvalue()
