"""``myoscope screen INPUT``: screen a cohort table or an OMOP extract; flags, prevalence, summary.

INPUT is a long measurement table (CSV or Parquet; with ``--mapping`` for column names,
kinds and units), a canonical Parquet table, or a folder holding an OMOP CDM 5.4 extract
(person, measurement, observation, condition_occurrence, concept). Exit codes: 0 done,
2 invalid input (nothing written but what was complete).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from myoscope.cohort import ScreenResult


def register(app: typer.Typer) -> None:
    """Add the ``screen`` command to ``app``."""

    @app.command("screen")
    def screen_command(
        source: Path = typer.Argument(..., help="long table (CSV/Parquet) or OMOP extract folder"),
        out: Path = typer.Option(Path("screen-out"), "-o", "--out", help="folder for the output files"),
        persons: Path | None = typer.Option(None, "--persons", help="person table (CSV/Parquet) for a long table"),
        conditions: Path | None = typer.Option(
            None, "--conditions", help="conditions table (person, code: SNOMED CT) for a long table"
        ),
        mapping: Path | None = typer.Option(None, "--mapping", help="YAML mapping of columns, kinds and units"),
        engine: str = typer.Option("polars", "--engine", help="polars (one machine) or dask"),
        scheduler: str | None = typer.Option(None, "--scheduler", help="existing Dask scheduler, tcp://HOST:PORT"),
        workers: int = typer.Option(2, "--workers", min=1, max=256, help="threads (polars) or local Dask workers"),
        dask_processes: bool = typer.Option(
            False, "--dask-processes", help="local Dask workers as processes (default: threads of this process)"
        ),
        on: str | None = typer.Option(None, "--on", help="screen as on this date (YYYY-MM-DD); later rows unread"),
        progress: bool = typer.Option(True, "--progress/--no-progress", help="show a progress bar"),
    ) -> None:
        """Screen whole tables for sarcopenia, malnutrition, weight and girth loss and inactivity."""
        from myoscope.cli._common import fail, option_date
        from myoscope.errors import InputError, Problem

        day = option_date(on)
        if day is not None:
            from myoscope.record import check_date

            try:
                check_date(day, "--on")
            except InputError as exc:
                fail(exc)
        if engine not in ("polars", "dask"):
            fail([Problem("--engine", engine, "is not an engine", "polars or dask")])
        try:
            result = _run(
                source, out, persons, conditions, mapping, engine, scheduler, (workers, dask_processes), day, progress
            )
        except InputError as exc:
            fail(exc)
        _report(result)


def _run(
    source: Path,
    out: Path,
    persons: Path | None,
    conditions: Path | None,
    mapping: Path | None,
    engine: str,
    scheduler: str | None,
    local: tuple[int, bool],
    day: dt.date | None,
    show: bool,
) -> ScreenResult:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from myoscope.cohort import load_mapping, screen

    parsed = load_mapping(mapping)
    with Progress(
        TextColumn("screening"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("rows"),
        TimeElapsedColumn(),
        disable=not show,
        transient=True,
    ) as bar:
        task = bar.add_task("screen", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return screen(
            source,
            out,
            persons=persons,
            conditions=conditions,
            mapping=parsed,
            engine=engine,
            workers=local[0],
            dask_processes=local[1],
            scheduler=scheduler,
            on=day,
            progress=progress,
        )


def _report(result: ScreenResult) -> None:
    from rich.console import Console

    console = Console(highlight=False, emoji=False)
    if result.red_flags:
        from myoscope.cohort import red_flag_sentence

        sentence = red_flag_sentence(result.red_flags, result.red_flags_by_kind)
        console.print(f"[bold]{sentence} Their rows in flags.csv: red_flags > 0.[/bold]")
    console.print(
        f"{result.persons:,} people screened from {result.rows:,} rows; "
        f"{result.refused:,} rows refused (see refused.csv)."
    )
    from myoscope.report.escape import escape_text

    for reason, n in sorted(result.refused_by_reason.items()):
        console.print(f"  refused: {escape_text(reason)}: {n:,}", markup=False)
    other = result.report.get("other_concepts") or {}
    if other or result.report.get("unmapped_concept_0"):
        console.print(
            f"  rows of other concepts, not used: {sum(other.values()):,}; "
            f"rows with concept 0 (unmapped): {result.report.get('unmapped_concept_0', 0):,}"
        )
    for path in result.files.values():
        console.print(f"  wrote {escape_text(str(path))}", markup=False, soft_wrap=True)  # a path in one piece
