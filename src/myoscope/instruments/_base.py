"""The shape every instrument and definition shares.

An instrument is a pure scoring function with a declared input model: it takes
validated answers or measurements and returns a :class:`Score`. Missing items
never score as zero: the result is "cannot tell" and ``missing`` names what to
measure or ask. Each instrument carries its citations (keys of
:mod:`myoscope.references`) and at least one published worked example, and the
conformance suite in ``tests/instruments/test_conformance.py`` checks every
registered instrument for all of this.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from myoscope.errors import InputError, from_validation_error

CANNOT_TELL = "cannot tell"
"""The category of a score that its inputs do not settle."""

T = TypeVar("T")


def given(value: T | None, what: str = "an input") -> T:
    """``value``, which the caller has already checked is present (a missing input is "cannot tell" before this).

    Reading an optional input through ``given`` states that check to the type checker; reaching it with
    ``None`` is a programming error, not a missing answer.
    """
    if value is None:
        raise ValueError(f"{what} is missing: it should have made the result 'cannot tell' before this point")
    return value


def _admits_bool(annotation: Any) -> bool:
    """Whether a field's type takes true/false itself (``bool``, or a union or literal holding one)."""
    if annotation is bool:
        return True
    args = getattr(annotation, "__args__", ())
    return any(a is bool or isinstance(a, bool) or _admits_bool(a) for a in args)


class InstrumentInput(BaseModel):
    """Base of every instrument's input model: unknown fields, NaN and infinity refused.

    Items are optional (``None`` = not answered / not measured) so that missing
    data reach the scoring function, which answers "cannot tell".
    """

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_true_for_a_number(cls, value: Any, info: ValidationInfo) -> Any:
        """A true/false answer where the item is a number or a choice of numbers is refused: ``true`` was
        scored as 1 (an ALSFRS-R speech item of ``true`` counted as 1 point)."""
        field = cls.model_fields.get(info.field_name or "")
        if isinstance(value, bool) and field is not None and not _admits_bool(field.annotation):
            raise ValueError("expected a number, not a true/false value")
        return value


@dataclass(frozen=True, slots=True)
class Criterion:
    """One criterion of a definition: met (True), not met (False) or undecided (None)."""

    name: str
    met: bool | None
    value: Any = None
    threshold: str | None = None
    citation: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "met": self.met,
            "value": self.value,
            "threshold": self.threshold,
            "citation": self.citation,
        }


@dataclass(frozen=True, slots=True)
class Score:
    """What an instrument returns; ``to_json`` is the stable ``score`` contract."""

    instrument: str
    version: str
    value: Any
    category: str
    citations: tuple[str, ...]
    unit: str | None = None
    interpretation: str = ""
    criteria: tuple[Criterion, ...] = ()
    missing: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)
    positive: bool | None = None
    """True when the result points toward the problem the instrument looks for (a positive
    screen, a definition met, weakness present); False when it does not; None = cannot tell."""

    @property
    def decided(self) -> bool:
        return self.category != CANNOT_TELL

    def to_json(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "version": self.version,
            "value": self.value,
            "unit": self.unit,
            "category": self.category,
            "interpretation": self.interpretation,
            "criteria": [c.to_json() for c in self.criteria],
            "missing": list(self.missing),
            "details": dict(self.details),
            "positive": self.positive,
            "citations": list(self.citations),
        }


@dataclass(frozen=True, slots=True)
class Example:
    """A published worked example (or reference vector): input, expected value and category."""

    inputs: Mapping[str, Any]
    value: Any
    category: str
    source: str
    """Citation key of the publication (or reference note) the expected result comes from."""


class Instrument(ABC):
    """Base class: subclasses set the class attributes and implement :meth:`compute`."""

    name: ClassVar[str]
    """Stable command-line name, e.g. ``"sarc-f"``."""
    title: ClassVar[str]
    version: ClassVar[str]
    citations: ClassVar[tuple[str, ...]]
    Input: ClassVar[type[InstrumentInput]]
    examples: ClassVar[Sequence[Example]] = ()
    kind: ClassVar[str] = "instrument"
    """``"instrument"`` or ``"definition"`` (a consensus definition with criteria)."""
    domain: ClassVar[str]
    """What the cause analysis uses it for: ``muscle``, ``nutrition``, ``energy``,
    ``activity``, ``sci``, ``nerve``, ``als`` or ``ms``."""
    person_fields: ClassVar[tuple[str, ...]] = ()
    """Input fields the cause analysis fills from the person's record when the answers lack
    them; names among ``sex``, ``age`` (years), ``height`` (cm), ``weight`` (kg), ``bmi``."""

    @abstractmethod
    def compute(self, data: Any) -> Score:
        """Score validated input (pure: no I/O, no clock)."""

    def validate(self, raw: Mapping[str, Any]) -> InstrumentInput:
        """Validate raw input; raises :class:`InputError` naming each bad field."""
        if not isinstance(raw, Mapping):
            from myoscope.errors import Problem

            raise InputError([Problem("", raw, "expected an object with the instrument's fields")])
        try:
            return self.Input.model_validate(dict(raw))
        except ValidationError as exc:
            raise from_validation_error(exc) from None

    def score(self, raw: Mapping[str, Any] | InstrumentInput) -> Score:
        """Validate (if needed) and score."""
        data = raw if isinstance(raw, InstrumentInput) else self.validate(raw)
        return self.compute(data)

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the input."""
        return self.Input.model_json_schema()

    def result(self, value: Any, category: str, *, missing: Sequence[str] = (), **kw: Any) -> Score:
        """Build a :class:`Score` carrying this instrument's name, version and citations."""
        return Score(
            instrument=self.name,
            version=self.version,
            value=value,
            category=category,
            citations=tuple(kw.pop("citations", self.citations)),
            missing=tuple(missing),
            **kw,
        )

    def cannot_tell(self, missing: Sequence[str], **kw: Any) -> Score:
        """A "cannot tell" score naming what to measure or ask."""
        if not missing:
            raise ValueError("a 'cannot tell' result must say what is missing")
        return self.result(None, CANNOT_TELL, missing=missing, **kw)
