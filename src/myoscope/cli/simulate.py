"""``myoscope simulate INPUT``: Hall's model on a ``bw-oracle/1`` file, or the muscle projection of a record.

INPUT (JSON, gzip JSON or YAML; ``-`` for standard input) is either

* a ``bw-oracle/1`` document: cases with the inputs of ``bw::adult_weight``; any ``outputs`` in
  it are ignored. The JSON output is the same document with our ``baseline`` and ``outputs`` and
  a ``generator`` naming the model variant (the stable contract, unchanged); or
* a person's record (it has a ``person`` section): the joined projection of whole-body fat and
  lean tissue and regional muscle at the recorded intake, per ``--scenario``, with bands.

Exit codes: 0 done; 2 invalid input; 3 the model left the physical range for these inputs (no
output is written; JSON output never holds NaN or infinity).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from enum import Enum
from pathlib import Path
from typing import Any, Literal

import typer

from myoscope.cli._common import errors_as, fail, option_date, read_data, stderr, write_output
from myoscope.errors import InputError, Problem

EXIT_MODEL_FAILURE = 3
"""The model's numbers left the physical range (e.g. collapsing glycogen on extreme inputs)."""
DEFAULT_VARIANT = "hall2011"
_DAYS_LIMITS = (1, 36500)


class VariantName(str, Enum):
    hall2011 = "hall2011"
    bw_1_0_0 = "bw-1.0.0"


_DEFAULT_VARIANT_NAME = VariantName(DEFAULT_VARIANT)


DEFAULT_HORIZON_WEEKS = 12.0
"""Weeks a record is projected over when ``--horizon`` is not given."""


class SimulationFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    html = "html"


def model_failure(message: str) -> None:
    """Say plainly that the model failed on these inputs and exit with :data:`EXIT_MODEL_FAILURE`."""
    stderr.print(f"[bold red]model failure[/]: {message}", highlight=False)
    raise typer.Exit(EXIT_MODEL_FAILURE)


def register(app: typer.Typer) -> None:
    """Add the ``simulate`` command to ``app``."""

    @app.command("simulate")
    def simulate_command(
        input: Path = typer.Argument(
            ..., help="a person's record, or a bw-oracle/1 file (JSON, .json.gz, YAML; - = stdin)"
        ),
        scenario: list[str] | None = typer.Option(
            None,
            "--scenario",
            "-s",
            help="record only, repeatable: current, lean_sparing, added_protein, resistance_training, "
            "cast_removed:YYYY-MM-DD (default: the first four)",
        ),
        horizon: float | None = typer.Option(None, "--horizon", help="record only: weeks to project (default 12)"),
        on: str | None = typer.Option(None, "--on", help="record only: projection date (default: last date on record)"),
        variant: VariantName = typer.Option(
            _DEFAULT_VARIANT_NAME, "--variant", help="hall2011 (the paper) or bw-1.0.0 (the R package)"
        ),
        days: int | None = typer.Option(
            None, "--days", help="bw-oracle only: horizon in days (default: each case's own)"
        ),
        format: SimulationFormat | None = typer.Option(
            None, "--format", "-f", help="text, json, csv or html (default: text for a record, json for bw-oracle)"
        ),
        out: Path | None = typer.Option(None, "-o", "--output", "--out", help="write here instead of standard output"),
    ) -> None:
        """Project fat, lean tissue and regional muscle (Hall et al. 2011 and human disuse studies).

        Exit codes: 0 done; 2 invalid input; 3 the model cannot project these inputs (it left the physical
        range)."""
        errors_as(format)
        data = read_data(input)
        if isinstance(data, dict) and "person" in data:
            if days is not None:
                fail([Problem("--days", days, "applies to a bw-oracle/1 file, not to a person's record", "--horizon")])
            weeks = DEFAULT_HORIZON_WEEKS if horizon is None else horizon
            _record(data, scenario, weeks, on, variant.value, format or SimulationFormat.text, out)
            return
        record_only = (("--scenario", scenario[0] if scenario else None), ("--horizon", horizon), ("--on", on))
        for option, value in record_only:
            if value is not None:
                fail([Problem(option, value, "applies to a person's record, not to a bw-oracle/1 file")])
        if format is SimulationFormat.text:
            fail([Problem("--format", "text", "applies to a person's record", "json, csv or html for bw-oracle/1")])
        _oracle(data, variant.value, days, format or SimulationFormat.json, out)


def _record(
    data: Any,
    scenarios: list[str] | None,
    horizon: float,
    on: str | None,
    variant: str,
    format: SimulationFormat,
    out: Path | None,
) -> None:
    from myoscope.physiology.projection import NumericalFailure, project_record
    from myoscope.physiology.scenarios import DEFAULT
    from myoscope.record import check_assessment_date, parse_record
    from myoscope.report.simulation import render_projection

    try:
        record = parse_record(data)
        date = option_date(on)
        if date is not None:
            check_assessment_date(record, date)
        from myoscope.causes.safety import intake_guard

        guard = intake_guard(record, date or record.latest_date() or dt.date.today())
        projection = project_record(record, date, scenarios or DEFAULT, horizon, variant, guard)
    except InputError as exc:
        fail(exc)
    except NumericalFailure as exc:
        model_failure(str(exc))
    write_output(render_projection(projection, format.value), out)


def _finite(document: dict[str, Any]) -> str | None:
    """The first case and field holding a non-finite value, or None."""
    from myoscope.physiology.hall import OUTPUT_FIELDS

    for case in document["cases"]:
        for name in OUTPUT_FIELDS:
            values = case["outputs"][name]
            for day, value in enumerate(values):
                if not math.isfinite(value):
                    return f"case {case['id']!r}: {name} is {value} on day {day}"
    return None


def _oracle(data: Any, variant: str, days: int | None, format: SimulationFormat, out: Path | None) -> None:
    from myoscope.physiology.hall import simulate_oracle, write_oracle

    low, high = _DAYS_LIMITS
    if days is not None and not low <= days <= high:
        fail([Problem("--days", days, "is outside the accepted range", f"{low} to {high} days", "days")])
    try:
        with _quiet():
            document = simulate_oracle(data, variant, days)
    except InputError as exc:
        fail(exc)
    problem = _finite(document)
    if problem:
        model_failure(
            f"the model left the physical range ({problem}); check the inputs, e.g. a carbohydrate "
            "share or intake change that empties glycogen"
        )
    if format is SimulationFormat.json and out is not None and out.suffix == ".gz":
        write_oracle(document, out)
        return
    write_output(render(document, format), out)


class _quiet:
    def __enter__(self) -> None:
        import numpy as np

        self._old = np.seterr(all="ignore")

    def __exit__(self, *exc: object) -> Literal[False]:
        import numpy as np

        np.seterr(**self._old)
        return False


def render(document: dict[str, Any], format: SimulationFormat) -> str:
    """The command's text output for a simulated ``bw-oracle/1`` document."""
    from myoscope.physiology.hall import OUTPUT_FIELDS, as_table

    if format is SimulationFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["case_id", "day", *OUTPUT_FIELDS], lineterminator="\n")
        writer.writeheader()
        writer.writerows(as_table(document))
        return buffer.getvalue()
    if format is SimulationFormat.html:
        from myoscope.report.simulation import render_simulation_html

        return render_simulation_html(document)
    return json.dumps(document, allow_nan=False) + "\n"
