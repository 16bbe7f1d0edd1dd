"""The person's record: pydantic models, canonical units inside.

Everything a record holds is dated; values with units go through
:func:`myoscope.units.quantity` and are stored as floats in the canonical unit
of their kind (:mod:`myoscope.record._kinds`). NaN, infinity, unknown fields,
future dates and impossible values are refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    Tag,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from myoscope.errors import Problem, RangeError
from myoscope.record._kinds import MEASUREMENT_KINDS, NUTRIENT_UNITS
from myoscope.record._limits import EARLIEST_DATE
from myoscope.record.spinal import Exam
from myoscope.units import InUnit, parse

EARLIEST = EARLIEST_DATE
MIN_AGE, MAX_AGE = 18, 120
"""Records are of adults; the oldest documented human lived to 122, so 120 refuses typing errors only."""


def _not_future(value: dt.date) -> dt.date:
    today = dt.date.today()
    if value > today:
        raise RangeError(f"{value.isoformat()} is in the future", accepted=f"a date up to {today.isoformat()}")
    if value < EARLIEST:
        raise RangeError(f"{value.isoformat()} is too early", accepted=f"a date from {EARLIEST.isoformat()}")
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CONTROL_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_HIDDEN_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""A control character other than a tab or a line break (NUL, ESC, which starts a terminal command, and the
like), or a character that reorders the text shown after it (bidirectional embedding, override or isolate): in a
name or a note it can make what a reader sees differ from what is stored."""
HIDDEN_ACCEPTED = "text without control characters (other than tabs and line breaks) or bidirectional controls"


def hidden_character(field: str, text: str) -> Problem | None:
    """The problem of a text holding a hidden character (:data:`_HIDDEN_CHARS`), named by its code point."""
    found = _HIDDEN_CHARS.search(text)
    if found is None:
        return None
    message = f"contains a hidden control character (U+{ord(found.group()):04X})"
    return Problem(field, text, message, HIDDEN_ACCEPTED)


def _written_date(value: Any) -> Any:
    """A date as a date or as YYYY-MM-DD text: a number (or digits alone) is not read as seconds since 1970."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        return value.strip()
    raise RangeError("is not a date", accepted="a date written YYYY-MM-DD")


WrittenDate = Annotated[dt.date, BeforeValidator(_written_date)]
"""A date as written in a record (it may lie ahead: the planned end of a cast)."""
PastDate = Annotated[dt.date, BeforeValidator(_written_date), AfterValidator(_not_future)]
"""A date written YYYY-MM-DD (or a date), from 1900-01-01 up to today: the dates of what has happened."""
Side = Literal["left", "right"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True, str_strip_whitespace=True)

    @field_validator("*", mode="after")
    @classmethod
    def _no_hidden_characters(cls, value: Any) -> Any:
        """No text of a record holds a control character or a bidirectional control (:data:`_HIDDEN_CHARS`)."""
        if isinstance(value, str) and (problem := hidden_character("", value)) is not None:
            raise RangeError(problem.message, accepted=HIDDEN_ACCEPTED)
        return value


class Person(_Model):
    """Who the record is about. Either ``birth_date`` or ``age`` (at the date of the record)."""

    id: str = Field(min_length=1, max_length=100)
    sex: Literal["male", "female"] | None = None
    birth_date: PastDate | None = None
    age: int | None = Field(None, ge=MIN_AGE, le=MAX_AGE)
    height: Annotated[float, InUnit("cm", MEASUREMENT_KINDS["height"].low, MEASUREMENT_KINDS["height"].high)] | None = (
        None
    )
    population: Literal["asian", "other"] | None = None
    """Chosen explicitly where cut-offs differ by population (AWGS, GLIM Asia); never inferred."""
    activity_level: Literal["sedentary", "moderate", "vigorous"] | None = None
    dominant_hand: Literal["left", "right", "both"] | None = None
    """The hand the person writes with (``both``: ambidextrous); side-to-side grip and girth are read with it."""

    @field_validator("id")
    @classmethod
    def _printable(cls, value: str) -> str:
        """An id is one line of printable text: a new line or an escape in it forged lines in the terminal."""
        if _CONTROL_CHARS.search(value):
            raise RangeError(
                "contains a control character (a new line, a tab, an escape or a direction override)",
                accepted="printable characters",
            )
        return value

    def age_on(self, day: dt.date) -> float | None:
        """Age in years on ``day`` (from the birth date, or the stated age)."""
        if self.birth_date is not None:
            return (day - self.birth_date).days / 365.25
        return float(self.age) if self.age is not None else None


class Measurement(_Model):
    """One dated measurement; ``kind`` decides the unit, range and whether ``side`` is needed.

    Grip strength may give ``trials`` instead of ``value`` (the best trial counts).
    """

    kind: Literal[tuple(MEASUREMENT_KINDS)]  # type: ignore[valid-type]  # the kinds are data, read at import
    date: PastDate
    distance: Annotated[float, InUnit("m", 2, 20)] | None = None
    """For gait speed: the course (4 m or 6 m) when ``value`` was given as a time."""
    value: float | None = None
    side: Side | None = None
    trials: tuple[float, ...] | None = None
    method: str | None = Field(None, max_length=60)
    observer: str | None = Field(None, max_length=60)

    @field_validator("value", mode="before")
    @classmethod
    def _value(cls, raw: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("kind")
        if raw is None or kind not in MEASUREMENT_KINDS:
            return raw
        return measurement_value(raw, kind, info.data.get("distance"))

    @field_validator("trials", mode="before")
    @classmethod
    def _trials(cls, raw: Any, info: ValidationInfo) -> Any:
        kind = info.data.get("kind")
        if raw is None or kind not in MEASUREMENT_KINDS:
            return raw
        if not isinstance(raw, (list, tuple)) or not raw:
            raise ValueError("trials must be a non-empty list of values")
        return tuple(measurement_value(t, kind, None) for t in raw)

    @model_validator(mode="after")
    def _complete(self) -> Measurement:
        spec = MEASUREMENT_KINDS[self.kind]
        if self.value is None and not self.trials:
            raise ValueError(f"a {spec.label} needs a value" + (" or trials" if self.kind == "grip_strength" else ""))
        if spec.sided and self.side is None and self.kind != "grip_strength":
            raise ValueError(f"a {spec.label} needs the side (left or right)")
        if not spec.sided and self.side is not None:
            raise ValueError(f"a {spec.label} has no side: leave the side out")
        return self

    @property
    def best(self) -> float:
        """The value, or the best of the trials."""
        return max(self.trials) if self.trials else float(self.value)  # type: ignore[arg-type]  # validated: value or trials


_GAIT_TIME = re.compile(r"(?:\d|\s)(?:s|secs?|seconds?)\b", re.IGNORECASE)
"""A gait value written as a time over the course ("5 s", "5s", "4.5 seconds", "5 secs"), not as a speed."""


def measurement_value(raw: Any, kind: str, distance: float | None = None) -> float:
    """One measurement value in the canonical unit of ``kind``, refused if unreadable or implausible."""
    spec = MEASUREMENT_KINDS[kind]
    if kind == "gait_speed" and isinstance(raw, str) and _GAIT_TIME.search(raw) and "/" not in raw:
        if distance is None:
            raise ValueError("a gait time needs the course distance (distance: 4 m)")
        seconds = parse(raw, "s")
        if seconds <= 0:
            raise ValueError("the gait time must be positive")
        number = distance / seconds
    else:
        number = parse(raw, spec.unit)
    if not spec.low <= number <= spec.high:
        raise RangeError(
            f"{number:.4g} {spec.unit} is outside the accepted range",
            accepted=f"{spec.low:g} to {spec.high:g} {spec.unit} for a {spec.label}",
            unit=spec.unit,
        )
    return number


SNOMED = Annotated[str, Field(pattern=r"^\d{6,18}$")]


class Condition(_Model):
    """A diagnosis the person has, with its onset date."""

    kind: Literal["spinal_cord_injury", "peripheral_nerve_injury", "als", "multiple_sclerosis", "other"]
    onset: PastDate | None = None
    name: str | None = Field(None, max_length=200)
    snomed: SNOMED | None = None
    side: Side | Literal["both"] | None = None
    nerve: str | None = Field(None, max_length=60)
    level: str | None = Field(None, pattern=r"^(C[1-8]|T([1-9]|1[0-2])|L[1-5]|S[1-5])$")
    """Neurological level of injury as recorded (spinal cord injury)."""
    ais: Literal["A", "B", "C", "D", "E"] | None = None
    course: Literal["relapsing_remitting", "secondary_progressive", "primary_progressive"] | None = None
    relapses: tuple[PastDate, ...] = ()
    sensory_loss: bool | None = None

    @model_validator(mode="after")
    def _named(self) -> Condition:
        if self.kind == "other" and not self.name:
            raise ValueError("a condition of kind 'other' needs a name")
        return self


FIRST_DEGREE = ("mother", "father", "parent", "brother", "sister", "sibling", "son", "daughter", "child")
OTHER_RELATIONS = (
    "grandparent",
    "grandmother",
    "grandfather",
    "aunt",
    "uncle",
    "cousin",
    "niece",
    "nephew",
    "half_sibling",
    "other",
)


class FamilyHistory(_Model):
    condition: Literal["als", "multiple_sclerosis", "muscular_dystrophy", "other"]
    relation: Literal[FIRST_DEGREE + OTHER_RELATIONS]  # type: ignore[valid-type]  # relations are data, read at import

    @property
    def first_degree(self) -> bool:
        return self.relation in FIRST_DEGREE


class Episode(_Model):
    """A period of disuse or illness: immobilisation of a limb, bed rest, acute illness."""

    kind: Literal["immobilisation", "bed_rest", "acute_illness"]
    start: PastDate
    end: WrittenDate | None = None
    """None while ongoing (may be a planned future date)."""
    limb: Literal["upper_arm", "forearm", "hand", "whole_arm", "thigh", "lower_leg", "ankle", "whole_leg"] | None = None
    side: Side | None = None
    device: Literal["cast", "sling", "brace", "splint", "boot", "other"] | None = None
    no_intake_days: int | None = Field(None, ge=0, le=365)
    """Acute illness: days with no or almost no nutritional intake (used by MUST and GLIM)."""

    @model_validator(mode="after")
    def _consistent(self) -> Episode:
        if self.end is not None and self.end < self.start:
            raise ValueError("the episode ends before it starts")
        if self.kind == "immobilisation" and (self.limb is None or self.side is None):
            raise ValueError("an immobilisation needs the limb and the side")
        return self

    def days(self, until: dt.date) -> int:
        end = min(self.end, until) if self.end else until
        return max(0, (end - self.start).days)


class DietDay(_Model):
    """What was eaten on one day: energy, protein and any nutrient amounts (with units)."""

    date: PastDate
    nutrients: dict[str, float]

    @model_serializer(mode="wrap")
    def _flat(self, handler: Any) -> dict[str, Any]:
        """Written back the way files hold it: ``{date, energy, protein, ...}`` in canonical units."""
        data = handler(self)
        return {"date": data["date"], **data["nutrients"]}

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        """The flat shape files and the API use: the date and one amount per nutrient (at least one)."""
        amounts = {name: _nutrient_schema(unit, high, handler.mode) for name, (unit, high) in NUTRIENT_UNITS.items()}
        return {
            "type": "object",
            "title": cls.__name__,
            "description": "What was eaten on one day: the date and an amount for any nutrient (with its unit).",
            "properties": {"date": {"type": "string", "format": "date"}, **amounts},
            "required": ["date"],
            "minProperties": 2,
            "additionalProperties": False,
        }

    @model_validator(mode="before")
    @classmethod
    def _collect(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        amounts = {}
        for name in list(data):
            if name == "date":
                continue
            raw = data.pop(name)
            if name not in NUTRIENT_UNITS:
                raise ValueError(f"{name}: unknown nutrient; known: {', '.join(sorted(NUTRIENT_UNITS))}")
            unit, high = NUTRIENT_UNITS[name]
            try:
                number = parse(raw, unit)
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
            if not 0 <= number <= high:
                raise RangeError(
                    f"{name}: {number:.4g} {unit} is outside the accepted range",
                    accepted=f"0 to {high:g} {unit} a day",
                    unit=unit,
                )
            amounts[name] = number
        if not amounts:
            raise ValueError("a diet day needs at least one nutrient amount (e.g. energy: 1800 kcal)")
        _protein_within_energy(amounts)
        data["nutrients"] = amounts
        return data


PROTEIN_KCAL_PER_G = 4.0
"""Energy of dietary protein, kcal per gram: the general Atwater factor (FAO 2003, Food energy - methods of
analysis and conversion factors, FAO Food and Nutrition Paper 77, Rome: FAO; https://www.fao.org/3/y5022e/y5022e00.htm)."""


def _protein_within_energy(amounts: dict[str, float]) -> None:
    """A day's protein cannot give more energy than the whole day's intake: 300 g of protein (1200 kcal) on an
    800 kcal day is a typing error in one of the two, refused rather than averaged into the intake."""
    energy, protein = amounts.get("energy"), amounts.get("protein")
    if energy is None or protein is None or protein * PROTEIN_KCAL_PER_G <= energy:
        return
    raise RangeError(
        f"protein: {protein:.4g} g gives {protein * PROTEIN_KCAL_PER_G:.0f} kcal, more than the day's energy "
        f"({energy:.0f} kcal)",
        accepted=f"at most {energy / PROTEIN_KCAL_PER_G:.0f} g of protein with {energy:.0f} kcal "
        f"({PROTEIN_KCAL_PER_G:g} kcal per g of protein)",
        unit="g",
    )


def _nutrient_schema(unit: str, high: float, mode: str) -> JsonSchemaValue:
    """One nutrient's amount: written in the canonical unit; read as a number or a text with its unit."""
    if mode == "serialization":
        return {"type": "number", "minimum": 0, "maximum": high, "x-unit": unit}
    return InUnit(unit, 0, high).json_schema()


class ActivitySession(_Model):
    """One bout of exercise."""

    date: PastDate
    minutes: Annotated[float, InUnit("min", 1, 600)]
    intensity: Literal["light", "moderate", "vigorous"]
    kind: Literal["aerobic", "strength", "balance", "mixed"] = "aerobic"


class ActivityWeek(_Model):
    """A weekly summary: minutes by intensity, strength days, sitting time."""

    week_of: PastDate
    moderate_minutes: Annotated[float, InUnit("min", 0, 5040)] | None = None
    vigorous_minutes: Annotated[float, InUnit("min", 0, 5040)] | None = None
    strength_days: int | None = Field(None, ge=0, le=7)
    balance_days: int | None = Field(None, ge=0, le=7)
    sessions_20min: int | None = Field(None, ge=0, le=50)
    """Sessions of at least 20 minutes in the week, where known."""
    sitting: Annotated[float, InUnit("h/day", 0, 24)] | None = None


class StepCount(_Model):
    date: PastDate
    steps: int = Field(ge=0, le=100000)


def _activity_tag(value: Any) -> str:
    if isinstance(value, dict):
        if "week_of" in value:
            return "~week"
        if "steps" in value:
            return "~steps"
        return "~session"
    return "~week" if hasattr(value, "week_of") else "~steps" if hasattr(value, "steps") else "~session"


Activity = Annotated[
    Annotated[ActivityWeek, Tag("~week")]
    | Annotated[StepCount, Tag("~steps")]
    | Annotated[ActivitySession, Tag("~session")],
    Discriminator(_activity_tag),
]


class Symptom(_Model):
    """Something the person notices: the neurological red flags depend on these, and a swollen leg on one side
    is a red flag of its own (a possible clot in a vein)."""

    kind: Literal[
        "weakness",
        "swallowing_difficulty",
        "speech_change",
        "fasciculations",
        "cramps",
        "numbness",
        "pain",
        "fatigue",
        "falls",
        "vision_loss",
        "balance_problem",
        "breathlessness",
        "swelling",
    ]
    onset: PastDate | None = None
    progressive: bool | None = None
    painless: bool | None = None
    site: str | None = Field(None, max_length=60)
    side: Side | Literal["both"] | None = None


AnswerScalar = bool | int | float | str | dt.date | None
AnswerGroup = dict[str, AnswerScalar | dict[str, AnswerScalar]]
"""Named answers, each a scalar or a ``{value, unit}`` object: one session of a list, or an instrument's sub-form."""
Answer = AnswerScalar | AnswerGroup | list[AnswerScalar | AnswerGroup]
"""One answer as a file or the API gives it: a number, a text (with a unit where it has one), a choice, a date, a
``{value, unit}`` object, a group of named answers, or a list of these (dated sessions, days); each instrument's
input model says which (``Instrument.schema``)."""


class InstrumentAnswers(_Model):
    """Answers to one instrument on one date; checked against the instrument's input model on load."""

    name: str = Field(min_length=1, max_length=40)
    date: PastDate
    answers: dict[str, Answer] = Field(default_factory=dict)


class SpinalExam(_Model):
    """An ISNCSCI examination on one date (scores as on the 2019 worksheet)."""

    date: PastDate
    exam: Exam


class Record(_Model):
    """Everything myoscope knows about one person."""

    schema_version: Literal[1] = 1
    person: Person
    conditions: tuple[Condition, ...] = ()
    family_history: tuple[FamilyHistory, ...] = ()
    episodes: tuple[Episode, ...] = ()
    symptoms: tuple[Symptom, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    instruments: tuple[InstrumentAnswers, ...] = ()
    diet_days: tuple[DietDay, ...] = ()
    activity: tuple[Activity, ...] = ()
    spinal_exams: tuple[SpinalExam, ...] = ()

    @field_validator("measurements", "diet_days", "instruments", "spinal_exams")
    @classmethod
    def _sorted(cls, items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(sorted(items, key=lambda m: m.date))

    @model_validator(mode="after")
    def _after_birth(self) -> Record:
        """Nothing happens before birth, and the age on the record's last date is one an adult record may give."""
        born = self.person.birth_date
        if born is None:
            return self
        for section, day in self._dates():
            if day < born:
                raise RangeError(
                    f"{section}: an item dated {day.isoformat()} is before the birth date ({born.isoformat()})",
                    accepted=f"dates from {born.isoformat()}",
                )
        on = self.latest_date() or dt.date.today()
        age = self.person.age_on(on)
        if age is not None and not MIN_AGE <= age <= MAX_AGE:
            raise RangeError(
                f"person.birth_date: the person is {int(age)} years old on {on.isoformat()}",
                accepted=f"an age of {MIN_AGE} to {MAX_AGE} years on the record's last date",
            )
        return self

    def _dates(self) -> Iterator[tuple[str, dt.date]]:
        for name in ("measurements", "instruments", "diet_days", "spinal_exams"):
            yield from ((name, item.date) for item in getattr(self, name))
        yield from (("activity", a.week_of if isinstance(a, ActivityWeek) else a.date) for a in self.activity)
        yield from (("episodes", e.start) for e in self.episodes)
        yield from (("conditions", c.onset) for c in self.conditions if c.onset)
        yield from (("conditions", day) for c in self.conditions for day in c.relapses)
        yield from (("symptoms", s.onset) for s in self.symptoms if s.onset)

    def latest_date(self) -> dt.date | None:
        """The last date the record mentions (the default date of an assessment)."""
        dates = [m.date for m in self.measurements] + [d.date for d in self.diet_days]
        dates += [i.date for i in self.instruments] + [x.date for x in self.spinal_exams]
        dates += [a.week_of if isinstance(a, ActivityWeek) else a.date for a in self.activity]
        dates += [e.start for e in self.episodes] + [e.end for e in self.episodes if e.end and e.end <= dt.date.today()]
        return max(dates) if dates else None

    def series(self, kind: str, side: str | None = None) -> list[Measurement]:
        """Measurements of one kind (and side), oldest first, one per day and side: of several on one day, the
        one with the highest value (:attr:`Measurement.best`), the rule the cohort screen applies too, so that no
        result depends on the order the rows were written in."""
        kept: dict[tuple[dt.date, str], Measurement] = {}
        for m in self.measurements:
            if m.kind == kind and (side is None or m.side == side):
                key = (m.date, m.side or "")
                if key not in kept or m.best > kept[key].best:
                    kept[key] = m
        return [kept[key] for key in sorted(kept)]

    def has_condition(self, kind: str) -> bool:
        return any(c.kind == kind for c in self.conditions)

    def condition(self, kind: str) -> Condition | None:
        return next((c for c in self.conditions if c.kind == kind), None)


def check_assessment_date(record: Record, on: dt.date, field: str = "--on") -> None:
    """Refuse an assessment date that no assessment can be about: before 1900, after today, before the
    person's birth, or at an age outside the adult range the record accepts (:data:`MIN_AGE` to :data:`MAX_AGE`)."""
    from myoscope.errors import InputError, Problem
    from myoscope.record._limits import check_date

    check_date(on, field)
    born = record.person.birth_date
    if born is not None and on < born:
        raise InputError(
            [
                Problem(
                    field,
                    on.isoformat(),
                    f"is before the birth date of {record.person.id}",
                    f"a date from {born.isoformat()}",
                )
            ]
        )
    age = record.person.age_on(on)
    if age is not None and not MIN_AGE <= age <= MAX_AGE:
        raise InputError(
            [
                Problem(
                    field,
                    on.isoformat(),
                    f"gives an age of {int(age)} years for {record.person.id}",
                    f"a date on which the person is {MIN_AGE} to {MAX_AGE} years old",
                )
            ]
        )
