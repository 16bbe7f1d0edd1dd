"""``myoscope check``: an interactive self-check that builds a record from plain questions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Callable

import typer

from myoscope.cli._common import stdout, write_output
from myoscope.errors import InputError

SARC_F_QUESTIONS = (
    ("strength", "How hard is it to lift and carry about 4.5 kg (10 lb)? 0 none, 1 some, 2 a lot or unable"),
    ("assistance", "How hard is it to walk across a room? 0 none, 1 some, 2 a lot, need aids, or unable"),
    ("rise", "How hard is it to get up from a chair or bed? 0 none, 1 some, 2 a lot or unable without help"),
    ("climb", "How hard is it to climb a flight of 10 stairs? 0 none, 1 some, 2 a lot or unable"),
    ("falls", "How many times did you fall in the past year? 0 none, 1 one to three, 2 four or more"),
)


def _ask(question: str, convert: Callable[[str], Any], default: str | None = None) -> Any:
    """Ask until the answer converts; an empty answer gives None where a default of '' is offered."""
    while True:
        raw = typer.prompt(question, default=default, show_default=bool(default))
        if raw == "" and default == "":
            return None
        try:
            return convert(raw.strip())
        except (ValueError, InputError) as exc:
            stdout.print(f"[red]Not understood:[/] {exc}. Please try again.")


def _choice(options: tuple[str, ...]) -> Callable[[str], str]:
    def convert(raw: str) -> str:
        value = raw.lower()
        if value not in options:
            raise ValueError(f"answer one of: {', '.join(options)}")
        return value
    return convert


def _yes_no(raw: str) -> bool:
    value = raw.lower()
    if value in ("y", "yes"):
        return True
    if value in ("n", "no"):
        return False
    raise ValueError("answer yes or no")


def _measurement(kind: str) -> Callable[[str], str]:
    """Check an answer with the record's own rule for that measurement kind (unit and range)."""
    from myoscope.record import measurement_value

    def convert(raw: str) -> str:
        measurement_value(raw, kind)
        return raw
    return convert


def _int_range(low: int, high: int) -> Callable[[str], int]:
    def convert(raw: str) -> int:
        value = int(raw)
        if not low <= value <= high:
            raise ValueError(f"a whole number from {low} to {high}")
        return value
    return convert


def interview(today: dt.date) -> dict[str, Any]:
    """Ask the questions and return the record as a mapping (validated by the caller)."""
    stdout.print("[bold]myoscope self-check[/]: a few questions; press Enter to skip one you cannot answer.\n")
    person: dict[str, Any] = {"id": "self-check"}
    person["sex"] = _ask("Sex (male/female, Enter to skip)", _choice(("male", "female")), "")
    person["age"] = _ask("Age in years", _int_range(18, 120), "")
    person["height"] = _ask("Height (e.g. 175 cm or 5 ft 9 in)", _measurement("height"), "")
    record: dict[str, Any] = {"person": {k: v for k, v in person.items() if v is not None},
                              "measurements": [], "instruments": [], "activity": [], "symptoms": [],
                              "episodes": [], "family_history": []}
    weight = _ask("Weight now (e.g. 72 kg or 158 lb)", _measurement("body_weight"), "")
    if weight:
        record["measurements"].append({"kind": "body_weight", "value": weight, "date": today.isoformat()})
        before = _ask("Weight about 6 months ago, if you know it", _measurement("body_weight"), "")
        if before:
            record["measurements"].append({"kind": "body_weight", "value": before,
                                           "date": (today - dt.timedelta(days=182)).isoformat()})
    answers = {}
    for key, question in SARC_F_QUESTIONS:
        value = _ask(question, _int_range(0, 2), "")
        if value is not None:
            answers[key] = value
    record["instruments"].append({"name": "sarc-f", "date": today.isoformat(), "answers": answers})
    minutes = _ask("Minutes of moderate or harder exercise in a usual week", _int_range(0, 5040), "")
    sessions = _ask("How many of those sessions last 20 minutes or more?", _int_range(0, 50), "")
    strength = _ask("Days a week with muscle-strengthening exercise", _int_range(0, 7), "")
    sitting = _ask("Hours sitting on a usual day", _int_range(0, 24), "")
    week: dict[str, Any] = {"week_of": (today - dt.timedelta(days=today.weekday())).isoformat()}
    for key, value in (("moderate_minutes", minutes), ("sessions_20min", sessions), ("strength_days", strength),
                       ("sitting", None if sitting is None else f"{sitting} h/day")):
        if value is not None:
            week[key] = value
    if len(week) > 1:
        record["activity"].append(week)
    if _ask("Has an arm or leg been in a cast, sling or brace in the last 3 months? (yes/no)", _yes_no, "no"):
        limb = _ask("Which part (forearm, upper_arm, hand, thigh, lower_leg, ankle)",
                    _choice(("forearm", "upper_arm", "hand", "thigh", "lower_leg", "ankle")))
        side = _ask("Which side (left/right)", _choice(("left", "right")))
        weeks = _ask("For how many weeks?", _int_range(1, 52))
        record["episodes"].append({"kind": "immobilisation", "limb": limb, "side": side, "device": "cast",
                                   "start": (today - dt.timedelta(weeks=weeks)).isoformat(),
                                   "end": today.isoformat()})
    for kind, question in (("weakness", "Is weakness in your arms or legs getting worse over weeks or months?"),
                           ("swallowing_difficulty", "New trouble swallowing?"),
                           ("speech_change", "New slurred or changed speech?"),
                           ("fasciculations", "Muscle twitching you can see under the skin?")):
        if _ask(f"{question} (yes/no)", _yes_no, "no"):
            record["symptoms"].append({"kind": kind, "progressive": True} if kind == "weakness" else {"kind": kind})
    if _ask("Has a parent, brother, sister or child had ALS (motor neurone disease)? (yes/no)", _yes_no, "no"):
        relation = _ask("Who (mother, father, brother, sister, son, daughter)",
                        _choice(("mother", "father", "brother", "sister", "son", "daughter")))
        record["family_history"].append({"condition": "als", "relation": relation})
    return {k: v for k, v in record.items() if v != []}


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        save: Path = typer.Option(None, "--save", help="Also save the answers as a record file (YAML)."),
    ) -> None:
        """Interactive self-check for an individual: plain questions, then the assessment."""
        from myoscope.causes import assess
        from myoscope.cli._common import fail
        from myoscope.record import dump_record, parse_record
        from myoscope.report import render

        today = dt.date.today()
        data = interview(today)
        try:
            record = parse_record(data)
        except InputError as exc:
            fail(exc)
        stdout.print()
        write_output(render(assess(record, today), "text", color=stdout.is_terminal), None)
        if save is not None:
            write_output(dump_record(record), save)
            stdout.print(f"Saved your answers to {save}.")
