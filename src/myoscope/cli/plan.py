"""``myoscope plan RECORD``: the graded return-to-activity plan for one person."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from myoscope.causes import RedFlag
from myoscope.cli._common import Format, errors_as, fail, plain, stdout, write_output
from myoscope.errors import InputError
from myoscope.precision import count_text, plural, quantity_text
from myoscope.report.evidence import clinician_words


def register(app: typer.Typer) -> None:
    @app.command()
    def plan(
        file: Path = typer.Argument(..., help="A person's record (.yaml, .yml or .json)."),
        format: Format = typer.Option(Format.text, "--format", "-f", help="text or json."),
    ) -> None:
        """A week-by-week return to activity from the current level, starting slowly, with the rules cited."""
        from myoscope.cli.assess import load_checked
        from myoscope.planning import person_plan

        errors_as(format)
        record = load_checked(file)
        try:
            planned = person_plan(record)
        except InputError as exc:
            fail(exc)
        minutes, sessions, result, hold = planned.minutes, planned.sessions, planned.plan, planned.hold
        if format is Format.json:
            payload = {
                "red_flags": [f.to_json() for f in planned.red_flags],
                "person_id": record.person.id,
                "current_minutes": None if minutes is None else round(minutes, 1),
                "current_sessions": sessions,
                **_in_words(result.to_json()),
            }
            if hold is not None:  # the weeks are withheld, as the assessment withholds the plan
                payload["hold"] = {"action": hold.action, "why": hold.why, "citation": hold.citation}
                payload["weeks"] = []
            write_output(json.dumps(payload, indent=2), None)
            return
        _print_red_flags(planned.red_flags)
        stdout.print(f"[bold]Return-to-activity plan: {plain(record.person.id)}[/] ({_level_text(minutes, sessions)})")
        if hold is not None:
            stdout.print(f"[bold red]! Plan withheld: {plain(hold.action)}[/] ({plain(hold.why)}) [{hold.citation}]")
            stdout.print("No week-by-week plan is given until a clinician clears it.")
            return
        if result.clearance.advised is not None:  # undecided: the flags below say what to ask
            stdout.print(
                f"[bold yellow]Medical clearance: {plain(result.clearance.words)}[/] - {plain(result.clearance.reason)}"
            )
        for flag in result.flags:
            stdout.print(f"[yellow]! {plain(flag)}[/]")
        table = Table(
            "week", "sessions", "minutes each", "weekly minutes", "strength days", "balance days", "intensity"
        )
        for w in result.weeks:
            table.add_row(
                str(w.week),
                str(w.sessions),
                f"{w.minutes_per_session:g}",
                f"{w.sessions * w.minutes_per_session:g}",
                str(w.strength_days),
                str(w.balance_days),
                w.intensity,
            )
        stdout.print(table)
        stdout.print("[bold]Rules used[/]")
        for rule, key in result.rules:
            stdout.print(f"  - {clinician_words(rule)} [{key}]", markup=False)
        if result.unverified:
            stdout.print(
                f"Evidence: {count_text(len(result.unverified), 'rule')} of this plan "
                f"{plural('is', len(result.unverified))} taken from a secondary source and not yet checked "
                "against the original publication.",
                markup=False,
            )


def _level_text(minutes: float | None, sessions: int | None) -> str:
    if minutes is None and sessions is None:
        return "current activity not recorded: the plan starts from none"
    parts = []
    if minutes is not None:
        parts.append(f"now about {quantity_text(minutes, 'min')} a week")
    if sessions is not None:
        parts.append(f"{count_text(sessions, 'session')} of 20+ min a week")
    return ", ".join(parts)


def _print_red_flags(flags: tuple[RedFlag, ...]) -> None:
    """The assessment's red flags before the plan, as at the top of every other output."""
    if not flags:
        return
    stdout.print("[bold red]RED FLAGS: see a clinician[/]")
    for f in flags:
        stdout.print(f"[bold red]! {plain(f.message)}[/]\n  {plain(f.advice)} ({plain(f.urgency.value)})")


def _in_words(value: Any) -> Any:
    """Every string of ``value`` (a JSON tree) with evidence-quality markers written in words."""
    if isinstance(value, str):
        return clinician_words(value)
    if isinstance(value, dict):
        return {k: _in_words(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_in_words(v) for v in value]
    return value
