"""``myoscope check``: an interactive self-check that builds a record from plain questions.

Every question can be skipped (Enter, or "skip"); an answer that cannot be true is refused with the
reason, and the question is asked again. Units are read as people say them ("5 ft 3", "9 st 4",
"61,2 kg"). The person reads a plain summary first; the clinician's report follows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from myoscope.cli import _spoken as spoken
from myoscope.cli._common import plain, stdout, write_output
from myoscope.errors import InputError

SARC_F_QUESTIONS = (
    (
        "strength",
        "How hard is it for you to lift and carry about 4.5 kg (10 lb), like a full shopping bag? "
        "0 no difficulty, 1 some, 2 a lot or I cannot",
    ),
    ("assistance", "How hard is it to walk across a room? 0 no difficulty, 1 some, 2 a lot, I need help, or I cannot"),
    ("rise", "How hard is it to get up from a chair or bed? 0 no difficulty, 1 some, 2 a lot or not without help"),
    ("climb", "How hard is it to climb a flight of 10 stairs? 0 no difficulty, 1 some, 2 a lot or I cannot"),
    ("falls", "How many times have you fallen in the past year? 0 none, 1 one to three times, 2 four or more"),
)
SYMPTOM_QUESTIONS = (
    ("weakness", "Is weakness in your arms or legs getting worse over weeks or months?"),
    ("swallowing_difficulty", "Have you had new trouble swallowing?"),
    ("speech_change", "Has your speech become slurred or changed?"),
    ("fasciculations", "Do you see muscle twitching under the skin?"),
    ("swelling", "Is one of your legs newly swollen (the calf or the whole leg)?"),
)
MINUTES_PER_SESSION = 20
MAX_WEEK_MINUTES = 5040


def _symptom(kind: str) -> dict[str, Any]:
    """A yes to a symptom question as a record entry (the question says what more it implies)."""
    if kind == "weakness":
        return {"kind": kind, "progressive": True}
    if kind == "swelling":
        return {"kind": kind, "site": "leg, one side"}
    return {"kind": kind}


def ask(question: str, convert: Callable[[str], Any]) -> Any:
    """Ask until the answer converts or is skipped (Enter or "skip" give None): never a dead end."""
    while True:
        raw = typer.prompt(question + " (or skip)", default="", show_default=False)
        if spoken.is_skip(raw):
            return None
        try:
            return convert(raw.strip())
        except (ValueError, InputError) as exc:
            stdout.print(
                f"[red]Sorry, that answer does not work:[/] {plain(str(exc))}. Please try again, or type skip."
            )


def _measurement(kind: str) -> Callable[[str], str]:
    """Read a spoken length or mass, then check it with the record's own rule for ``kind``."""
    from myoscope.record import measurement_value

    def convert(raw: str) -> str:
        text = spoken.spoken_quantity(raw)
        measurement_value(text, kind)
        return text

    return convert


def _about_you(record: dict[str, Any], today: dt.date) -> None:
    person = record["person"]
    for key, question, convert in (
        ("sex", "Are you male or female?", spoken.word(spoken.SEX_WORDS, "sex")),
        ("age", "How old are you, in years?", spoken.whole_number(18, 120, "years")),
        ("height", "How tall are you? (for example 175 cm or 5 ft 9)", _measurement("height")),
    ):
        value = ask(question, convert)
        if value is not None:
            person[key] = value
    weight = ask("What do you weigh now? (for example 72 kg, 158 lb or 11 st 4)", _measurement("body_weight"))
    if weight:
        record["measurements"].append({"kind": "body_weight", "value": weight, "date": today.isoformat()})
        before = ask("What did you weigh about 6 months ago, if you know?", _measurement("body_weight"))
        if before:
            record["measurements"].append(
                {"kind": "body_weight", "value": before, "date": (today - dt.timedelta(days=182)).isoformat()}
            )
    answers = {}
    for key, question in SARC_F_QUESTIONS:
        value = ask(question, spoken.whole_number(0, 2))
        if value is not None:
            answers[key] = value
    if answers:
        record["instruments"].append({"name": "sarc-f", "date": today.isoformat(), "answers": answers})


def _activity(record: dict[str, Any], today: dt.date) -> None:
    moderate = ask(
        "In a usual week, how many minutes of moderate exercise do you do "
        "(brisk walking, cycling: you can talk but not sing)?",
        spoken.whole_number(0, MAX_WEEK_MINUTES, "min"),
    )
    vigorous = ask(
        "And how many minutes of vigorous exercise (running, fast swimming: you can only say a few words)?",
        spoken.whole_number(0, MAX_WEEK_MINUTES - (moderate or 0), "min"),
    )
    total = (moderate or 0) + (vigorous or 0)
    sessions = None
    if total >= MINUTES_PER_SESSION:
        sessions = ask(f"How many of those sessions last {MINUTES_PER_SESSION} minutes or more?", _sessions(total))
    elif moderate is not None or vigorous is not None:
        sessions = 0
    strength = ask(
        "On how many days a week do you do muscle-strengthening exercise (weights, bands, heavy gardening)?",
        spoken.whole_number(0, 7, "days"),
    )
    sitting = ask("How many hours do you sit on a usual day?", spoken.whole_number(0, 24, "hours"))
    week: dict[str, Any] = {"week_of": (today - dt.timedelta(days=today.weekday())).isoformat()}
    for key, value in (
        ("moderate_minutes", moderate),
        ("vigorous_minutes", vigorous),
        ("sessions_20min", sessions),
        ("strength_days", strength),
        ("sitting", None if sitting is None else f"{sitting} h/day"),
    ):
        if value is not None:
            week[key] = value
    if len(week) > 1:
        record["activity"].append(week)


def _sessions(total: int) -> Callable[[str], int]:
    def convert(raw: str) -> int:
        value = spoken.whole_number(0, 50)(raw)
        if value * MINUTES_PER_SESSION > total:
            raise ValueError(
                f"{value} sessions of {MINUTES_PER_SESSION} minutes or more take at least "
                f"{value * MINUTES_PER_SESSION} minutes, but you said {total} minutes in all"
            )
        return value

    return convert


def _cast(record: dict[str, Any], today: dt.date, asked: set[str]) -> None:
    answer = ask(
        "In the last 6 months, has an arm or leg been in a cast, sling, brace or splint? (yes/no)", spoken.yes_no
    )
    if answer is not None:
        asked.add("episodes")
    if not answer:
        return
    limb = ask(
        "Which part? (for example wrist, forearm, upper arm, hand, thigh, lower leg, ankle)",
        spoken.word(spoken.LIMB_WORDS, "part of an arm or leg"),
    )
    side = ask("Which side, left or right?", spoken.word(spoken.SIDE_WORDS, "side"))
    device = ask(
        "What was it: cast, sling, brace, splint or boot?", spoken.word(spoken.DEVICE_WORDS, "kind of support")
    )
    weeks = ask("For how many weeks was it (or has it been) on?", spoken.whole_number(1, 26, "weeks"))
    still_on = ask("Is it still on? (yes/no)", spoken.yes_no)
    off_ago = (
        0
        if still_on
        else ask("How many weeks ago did it come off? (0 if this week)", spoken.whole_number(0, 26, "weeks"))
    )
    if limb is None or side is None or weeks is None or off_ago is None and not still_on:
        stdout.print(
            "Without the part, the side, how long and when it came off, the cast cannot be used; "
            "please tell your clinician about it."
        )
        return
    end = None if still_on else today - dt.timedelta(weeks=off_ago)
    start = (end or today) - dt.timedelta(weeks=weeks)
    episode = {
        "kind": "immobilisation",
        "limb": limb,
        "side": side,
        "device": device or "other",
        "start": start.isoformat(),
    }
    if end is not None:
        episode["end"] = end.isoformat()
    record["episodes"].append(episode)


def _warning_signs(record: dict[str, Any], asked: set[str]) -> None:
    """Ask the warning signs; a section whose every question was answered is kept even when empty
    ("asked: none"), so that a "no" is saved and used, not asked again."""
    answers = []
    for kind, question in SYMPTOM_QUESTIONS:
        answer = ask(f"{question} (yes/no)", spoken.yes_no)
        answers.append(answer)
        if answer:
            record["symptoms"].append(_symptom(kind))
    if all(answer is not None for answer in answers):
        asked.add("symptoms")
    family = ask("Has a parent, brother, sister or child had ALS (motor neurone disease)? (yes/no)", spoken.yes_no)
    if family is False:
        asked.add("family_history")
    if family:
        relation = ask(
            "Who? (mother, father, brother, sister, son or daughter)", spoken.word(spoken.RELATION_WORDS, "relative")
        )
        if relation is not None:
            record["family_history"].append({"condition": "als", "relation": relation})


def interview(today: dt.date) -> dict[str, Any]:
    """Ask the questions and return the record as a mapping (validated by the caller)."""
    stdout.print(
        "[bold]myoscope self-check[/]: about 25 short questions. Press Enter (or type skip) "
        "for any you cannot answer.\n"
    )
    record: dict[str, Any] = {
        "person": {"id": "self-check"},
        "measurements": [],
        "instruments": [],
        "activity": [],
        "symptoms": [],
        "episodes": [],
        "family_history": [],
    }
    _about_you(record, today)
    _activity(record, today)
    asked: set[str] = set()
    _cast(record, today, asked)
    _warning_signs(record, asked)
    return {k: v for k, v in record.items() if v != [] or k in asked}


def register(app: typer.Typer) -> None:
    @app.command()
    def check(
        save: Path = typer.Option(None, "--save", help="Also save the answers as a record file (YAML)."),
    ) -> None:
        """Interactive self-check for an individual: plain questions, then the assessment."""
        from myoscope.causes import assess
        from myoscope.cli._common import check_output_path, fail
        from myoscope.record import dump_record, parse_record
        from myoscope.report import build_report, render_report
        from myoscope.report.lay import lay_summary

        if save is not None:
            check_output_path(save)
        today = dt.date.today()
        data = interview(today)
        try:
            record = parse_record(data)
        except InputError as exc:
            fail(exc)
        report = build_report(assess(record, today), record.person)
        stdout.print()
        stdout.print("[bold]Your result in plain words[/]\n")
        stdout.print(lay_summary(report), markup=False)
        stdout.print("\n[bold]Details for your clinician[/] (show them this part)\n")
        write_output(render_report(report, "text", color=stdout.is_terminal and not stdout.no_color), None)
        if save is not None:
            write_output(dump_record(record), save)
            stdout.print(f"Saved your answers to {plain(str(save))}.")
