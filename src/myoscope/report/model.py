"""The presentation model: one typed picture of an assessment, laid out by every renderer.

:func:`build_report` turns an :class:`~myoscope.causes.Assessment` into a :class:`Report`: the person
line, the one-page summary, the red flags, one :class:`Section` per cause (evidence rows with their sign,
tables, charts as numbers, reversibility, next steps, what is still to settle), the references and the
disclaimer. What a report shows, in which order and in which words, is decided here once; the text,
Markdown, HTML, PDF and web renderers hold layout only, and the JSON output is this model itself
(``myoscope schema assessment`` prints its JSON Schema).

Every number is finite (a missing or non-finite value is ``null``) and chart data are rounded to
:data:`DATA_DIGITS` decimals; every string has the developer markers of evidence quality written out
in words (:func:`~myoscope.report.evidence.clinician_words`).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic import BaseModel, ConfigDict

from myoscope import __version__
from myoscope.causes import SCHEMA_VERSION, StepKind
from myoscope.precision import count_text
from myoscope.references import resolve
from myoscope.report.evidence import clinician_words

if TYPE_CHECKING:
    from myoscope.causes import Assessment, CauseAssessment, Chart, NextStep, RedFlag, Table

DISCLAIMER = "myoscope supports clinical judgement and does not make diagnoses. Red flags mean: see a clinician."
"""The one wording of the disclaimer, on every clinician's report, page and JSON output."""
LAY_DISCLAIMER = "This self-check does not make a diagnosis. If you are worried about your health, see a doctor."
"""The same in plain words, for the person themself (``myoscope check``)."""

SIGNS = {"for": "+", "against": "−", "context": "·"}
"""The sign of an evidence row: for the cause, against it, or context."""
DATA_DIGITS = 3
"""Decimals kept for chart data and numeric table cells (values are in clinical units: kg, cm, %)."""
MAX_CAUSES = 4
"""At most this many leading causes on the summary page."""
MAX_STEPS = 5
CAUSES_TO_LOOK_AT = "Causes to look at (none leads while muscle loss is not shown)"
"""At most this many next steps on the summary page."""
LEADING = ("likely", "possible")

StatusText = Literal["likely", "possible", "not supported", "cannot tell"]
DirectionText = Literal["for", "against", "context"]
Style = Literal["line", "points", "bar", "band"]
Cell = str | int | float | None
Point = dt.date | float


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False, ser_json_inf_nan="null")


class EvidenceRow(_Model):
    finding: str
    value: str
    rule: str
    citation: str | None
    direction: DirectionText
    sign: str
    """``+`` for the cause, ``−`` against it, ``·`` context (:data:`SIGNS`)."""


class Flag(_Model):
    code: str
    message: str
    advice: str
    urgency: str
    evidence: tuple[str, ...]
    citation: str | None


class Step(_Model):
    action: str
    why: str
    citation: str | None
    kind: str
    """The step's machine code (``energy_target``, ``measure``, ...)."""
    value: float | None
    """The number the action sets, in canonical units (kcal/day for an energy target)."""


class DataTable(_Model):
    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


class ChartSeries(_Model):
    label: str
    style: Style
    x: tuple[Point, ...]
    y: tuple[float | None, ...]
    low: tuple[float | None, ...]
    """With ``high``: the band's lower edge (``style == "band"``)."""
    high: tuple[float | None, ...]


class ReferenceLine(_Model):
    value: float
    label: str


class Marker(_Model):
    x: Point
    label: str


class ChartData(_Model):
    """A chart as numbers (the Hall projection, the fat-free-mass scenarios, trends): renderers draw it."""

    key: str
    title: str
    x_label: str
    y_label: str
    series: tuple[ChartSeries, ...]
    reference_lines: tuple[ReferenceLine, ...]
    markers: tuple[Marker, ...]


class Section(_Model):
    """One cause (or the finding on muscle loss) as every report shows it."""

    cause: str
    title: str
    status: StatusText
    summary: str
    evidence: tuple[EvidenceRow, ...]
    reversibility: str
    red_flags: tuple[Flag, ...]
    next_steps: tuple[Step, ...]
    missing: tuple[str, ...]
    to_settle: tuple[str, ...]
    """What to measure or ask, without the items a next step already asks for."""
    tables: tuple[DataTable, ...]
    charts: tuple[ChartData, ...]
    citations: tuple[str, ...]
    basis: str
    rules: tuple[str, ...]

    @property
    def label(self) -> str:
        """The title as a lead-in: ``"Muscle loss present?"`` stays, ``"Calorie deficit"`` gets a colon."""
        return self.title if self.title.endswith("?") else self.title + ":"

    @property
    def shows_reversibility(self) -> bool:
        return self.reversibility != "not applicable"


class Summary(_Model):
    """What the first page holds: the person, the date, the leading causes and the next steps."""

    person: str
    """``"ex-als-pattern, male, 58 years"`` (only what is recorded)."""
    date: dt.date
    leading_causes: tuple[str, ...]
    """The likely and possible causes, most pressing first (at most :data:`MAX_CAUSES`)."""
    causes_heading: str = "Leading causes"
    """The heading of those causes: "Leading causes", or, while muscle loss is not shown and none leads,
    "Causes to look at"."""
    next_steps: tuple[Step, ...]


class Reference(_Model):
    key: str
    citation: str
    doi: str | None
    url: str | None


class Report(_Model):
    """The assessment as every renderer shows it, and as ``myoscope assess --format json`` writes it."""

    schema_version: Literal[2]
    myoscope_version: str
    person_id: str
    date: dt.date
    summary: Summary
    red_flags: tuple[Flag, ...]
    atrophy: Section
    """The finding: is muscle being lost?"""
    leading_cause: str | None
    differential: tuple[str, ...]
    causes: tuple[Section, ...]
    """Every cause, the differential first, then cannot tell, then not supported."""
    references: tuple[Reference, ...]
    disclaimer: str

    def section(self, cause: str) -> Section:
        return next(s for s in (self.atrophy, *self.causes) if s.cause == cause)

    @property
    def leading_sections(self) -> list[Section]:
        return [self.section(c) for c in self.summary.leading_causes]

    @property
    def charts(self) -> list[ChartData]:
        return [chart for s in (self.atrophy, *self.causes) for chart in s.charts]

    def json_text(self) -> str:
        """The JSON document (indented, NaN-free)."""
        return self.model_dump_json(indent=2) + "\n"


def assessment_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Report`, as ``assess --format json`` writes it."""
    schema = Report.model_json_schema(mode="serialization")
    schema["title"] = "myoscope assessment"
    return schema


# --- building ----------------------------------------------------------------------------------------------


def build_report(assessment: Assessment, person: Any = None) -> Report:
    """The presentation of ``assessment``; ``person`` (the record's) adds age and sex to the summary."""
    causes = tuple(_section(c) for c in assessment.ranked)
    atrophy = _section(assessment.atrophy)
    leading = [c for c in causes if c.status in LEADING][:MAX_CAUSES]
    return Report(
        schema_version=cast(Literal[2], SCHEMA_VERSION),
        myoscope_version=__version__,
        person_id=assessment.person_id,
        date=assessment.on,
        summary=Summary(
            person=person_line(assessment.person_id, person, assessment.on),
            date=assessment.on,
            leading_causes=tuple(c.cause for c in leading),
            causes_heading="Leading causes" if assessment.leading is not None or not leading else CAUSES_TO_LOOK_AT,
            next_steps=_summary_steps(leading, atrophy),
        ),
        red_flags=tuple(_flag(f) for f in assessment.red_flags),
        atrophy=atrophy,
        leading_cause=assessment.leading.cause if assessment.leading else None,
        differential=tuple(c.cause for c in assessment.differential),
        causes=causes,
        references=tuple(
            Reference(key=r.key, citation=r.citation(), doi=r.doi, url=r.url)
            for r in resolve(assessment.citation_keys())
        ),
        disclaimer=DISCLAIMER,
    )


def person_line(person_id: str, person: Any | None, day: dt.date) -> str:
    """The person's id with sex and age in years on ``day``, where the record gives them."""
    parts = [person_id]
    if person is not None:
        if getattr(person, "sex", None):
            parts.append(person.sex)
        age = person.age_on(day) if hasattr(person, "age_on") else None
        if age is not None and math.isfinite(age):
            parts.append(count_text(int(age), "year"))
    return ", ".join(parts)


def _summary_steps(sections: list[Section], atrophy: Section) -> tuple[Step, ...]:
    """The leading causes' steps, then the finding's; the finding's safety steps (a swallowing assessment
    before any change to diet) come before all others, so that the summary never drops them."""
    steps: dict[str, Step] = {}
    for step in atrophy.next_steps:
        if step.kind == StepKind.safety.name:
            steps.setdefault(step.action, step)
    for section in (*sections, atrophy):
        for step in section.next_steps:
            steps.setdefault(step.action, step)
    return tuple(steps.values())[:MAX_STEPS]


def _words(text: str | None) -> str:
    return clinician_words(str(text or ""))


def _section(cause: CauseAssessment) -> Section:
    steps = tuple(_step(s) for s in cause.next_steps)
    asked = " ".join(s.action.lower() for s in steps)
    missing = tuple(_words(m) for m in cause.missing)
    return Section(
        cause=cause.cause,
        title=_words(cause.title),
        status=cause.status.value,
        summary=_words(cause.summary),
        evidence=tuple(
            EvidenceRow(
                finding=_words(e.finding),
                value=_words(e.value),
                rule=_words(e.rule),
                citation=e.citation,
                direction=e.direction.value,
                sign=SIGNS[e.direction.value],
            )
            for e in cause.evidence
        ),
        reversibility=cause.reversibility.value,
        red_flags=tuple(_flag(f) for f in cause.red_flags),
        next_steps=steps,
        missing=missing,
        to_settle=tuple(m for m in missing if m.lower() not in asked),
        tables=tuple(_table(t) for t in cause.tables),
        charts=tuple(_chart(c) for c in cause.charts),
        citations=tuple(sorted(cause.cited())),
        basis=cause.basis.name,
        rules=tuple(cause.rules),
    )


def _flag(flag: RedFlag) -> Flag:
    return Flag(
        code=flag.code,
        message=_words(flag.message),
        advice=_words(flag.advice),
        urgency=flag.urgency.value,
        evidence=tuple(_words(e) for e in flag.evidence),
        citation=flag.citation,
    )


def _step(step: NextStep) -> Step:
    return Step(
        action=_words(step.action),
        why=_words(step.why),
        citation=step.citation,
        kind=step.kind.name,
        value=_number(step.value),
    )


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    value = float(value)
    return round(value, DATA_DIGITS) if math.isfinite(value) else None


def _cell(value: Any) -> Cell:
    if isinstance(value, bool) or value is None:
        return None if value is None else ("yes" if value else "no")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return _words(value)


def _table(table: Table) -> DataTable:
    return DataTable(
        key=table.key,
        title=_words(table.title),
        columns=tuple(_words(c) for c in table.columns),
        rows=tuple(tuple(_cell(v) for v in row) for row in table.rows),
    )


def _point(value: Any) -> Point:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else float(value)


def _chart(chart: Chart) -> ChartData:
    return ChartData(
        key=chart.key,
        title=_words(chart.title),
        x_label=_words(chart.x_label),
        y_label=_words(chart.y_label),
        series=tuple(
            ChartSeries(
                label=_words(s.label),
                style=cast(Style, s.style),
                x=tuple(_point(v) for v in s.x),
                y=tuple(_number(v) for v in s.y),
                low=tuple(_number(v) for v in s.low),
                high=tuple(_number(v) for v in s.high),
            )
            for s in chart.series
        ),
        reference_lines=tuple(
            ReferenceLine(value=value, label=_words(label))
            for value, label in ((_number(v), label) for v, label in chart.reference_lines)
            if value is not None
        ),
        markers=tuple(Marker(x=_point(x), label=_words(label)) for x, label in chart.markers),
    )
