"""``myoscope simulate INPUT``: Hall's body-composition model on a ``bw-oracle/1`` file.

INPUT (JSON, gzip JSON or YAML; ``-`` for standard input) holds cases with the inputs of
``bw::adult_weight``; any ``outputs`` in it are ignored. The JSON output is the same document
with our ``baseline`` and ``outputs`` and a ``generator`` naming the model variant.
"""

from __future__ import annotations

import csv
import io
import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from myoscope.cli._common import fail, read_data, write_output
from myoscope.errors import InputError, Problem
from myoscope.physiology.hall import DEFAULT_VARIANT, OUTPUT_FIELDS, as_table, simulate_oracle, write_oracle
from myoscope.physiology.hall._inputs import LIMITS

class VariantName(str, Enum):
    hall2011 = "hall2011"
    bw_1_0_0 = "bw-1.0.0"


class SimulationFormat(str, Enum):
    json = "json"
    csv = "csv"
    html = "html"


def register(app: typer.Typer) -> None:
    """Add the ``simulate`` command to ``app``."""

    @app.command("simulate")
    def simulate_command(
        input: Path = typer.Argument(..., help="bw-oracle/1 file (JSON, .json.gz or YAML; - for stdin)"),
        variant: VariantName = typer.Option(VariantName(DEFAULT_VARIANT), "--variant",
                                            help="hall2011 (the paper) or bw-1.0.0 (the R package)"),
        days: Optional[int] = typer.Option(None, "--days", help="horizon in days (default: each case's own)"),
        format: SimulationFormat = typer.Option(SimulationFormat.json, "--format", help="json, csv or html"),
        out: Optional[Path] = typer.Option(None, "-o", "--out", help="write here instead of standard output"),
    ) -> None:
        """Simulate fat, lean tissue and body weight day by day (Hall et al. 2011)."""
        low, high, _ = LIMITS["days"]
        if days is not None and not low <= days <= high:
            fail([Problem("--days", days, "is outside the accepted range", f"{low} to {high} days", "days")])
        data = read_data(input)
        try:
            document = simulate_oracle(data, variant.value, days)
        except InputError as exc:
            fail(exc)
        if format is SimulationFormat.json and out is not None and out.suffix == ".gz":
            write_oracle(document, out)
            return
        write_output(render(document, format), out)


def render(document: dict, format: SimulationFormat) -> str:
    """The command's text output for a simulated document."""
    if format is SimulationFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["case_id", "day", *OUTPUT_FIELDS], lineterminator="\n")
        writer.writeheader()
        writer.writerows(as_table(document))
        return buffer.getvalue()
    if format is SimulationFormat.html:
        from myoscope.report.simulation import render_simulation_html

        return render_simulation_html(document)
    return json.dumps(document) + "\n"
