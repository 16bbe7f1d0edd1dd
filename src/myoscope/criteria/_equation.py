"""Shared shape of a muscle-mass prediction equation: required inputs, validity range, estimate.

A prediction equation only holds in the population and range it was derived in: inputs
outside the stated validity range are refused with an :class:`~myoscope.errors.InputError`
naming the field, the value and the range; missing inputs give "cannot tell".
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from myoscope.errors import InputError, Problem
from myoscope.instruments.api import Instrument, Score, tidy

ESTIMATED = "estimated"
"""Category of an equation's result: an estimate, not a judgement."""

SEX_CODE = {"male": 1.0, "female": 0.0}
"""Sex coding shared by these equations: 1 = man, 0 = woman."""


@dataclass(frozen=True, slots=True)
class Validity:
    """The equation holds for ``low <= value <= high`` (bounds optional; ``*_open`` makes a bound strict)."""

    field: str
    label: str
    unit: str
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    high_open: bool = False
    verified: bool = True
    value_of: Callable[[Any], float | None] | None = None
    """Derives the checked value from the input (e.g. BMI from weight and height); default: the field."""

    def text(self) -> str:
        parts = []
        if self.low is not None:
            parts.append(f"{'>' if self.low_open else '≥'} {self.low:g}")
        if self.high is not None:
            parts.append(f"{'<' if self.high_open else '≤'} {self.high:g}")
        text = f"{self.label} {' and '.join(parts)} {self.unit}".rstrip()
        return text if self.verified else f"{text} (range from memory, unverified)"

    def problem(self, data: Any, equation: str) -> Problem | None:
        value = self.value_of(data) if self.value_of else getattr(data, self.field)
        if value is None:
            return None
        too_low = self.low is not None and (value <= self.low if self.low_open else value < self.low)
        too_high = self.high is not None and (value >= self.high if self.high_open else value > self.high)
        if not (too_low or too_high):
            return None
        shown = getattr(data, self.field)
        message = f"is outside the range {equation} was derived and validated in"
        if self.value_of:
            message = f"gives {self.label} {tidy(value):g} {self.unit}, " + message
        return Problem(self.field, shown, message, accepted=self.text(), unit=self.unit)


class Equation(Instrument, ABC):
    """Base of the prediction equations: subclasses set ``needs``, ``validity``, ``about`` and ``estimate``."""

    domain = "muscle"
    needs: ClassVar[Mapping[str, str]]
    """Input field -> what to measure when it is missing."""
    validity: ClassVar[tuple[Validity, ...]] = ()
    about: ClassVar[Mapping[str, Any]] = {}
    """Population, reference method, accuracy and cautions, reported in ``details``."""
    result_unit: ClassVar[str] = "kg"
    note: ClassVar[str] = ""
    """Interpretation shown with every estimate (what it estimates, cautions)."""

    @abstractmethod
    def estimate(self, data: Any) -> float:
        """The equation's value (kg) for validated, complete, in-range input."""

    def judge(self, value: float, data: Any) -> tuple[str, bool | None, dict[str, Any]]:
        """Category, positive and extra details for an estimate (default: a bare estimate)."""
        return ESTIMATED, None, {}

    def compute(self, data: Any) -> Score:
        details: dict[str, Any] = dict(self.about)
        details["validity"] = [v.text() for v in self.validity]
        details["unverified"] = list(details.get("unverified", [])) + [
            f"validity range: {v.text()}" for v in self.validity if not v.verified
        ]
        missing = [text for name, text in self.needs.items() if getattr(data, name) is None]
        if missing:
            return self.cannot_tell(missing, details=details)
        problems = [p for p in (v.problem(data, self.title) for v in self.validity) if p is not None]
        if problems:
            raise InputError(problems)
        value = tidy(self.estimate(data))
        category, positive, extra = self.judge(value, data)
        details.update(extra)
        return self.result(
            value, category, unit=self.result_unit, positive=positive, details=details, interpretation=self.note
        )
