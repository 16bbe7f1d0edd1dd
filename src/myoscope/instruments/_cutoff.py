"""A published cut-off as data, and the shared logic that applies it.

A :class:`Cutoff` says "the finding is present when ``value <op> limit``", with
one limit for men and one for women (or one for both), its unit, the citation
key of the source that defines it, and whether the number was checked against
that source. The constants themselves live beside their sources in
:mod:`myoscope.instruments.sarcopenia_cutoffs` and in the instrument modules.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from myoscope.instruments._base import CANNOT_TELL, Criterion

Op = Literal["<", "<=", ">", ">="]
Sex = Literal["male", "female"]

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_SYMBOL = {"<": "<", "<=": "≤", ">": ">", ">=": "≥"}

LOW = "low"
NOT_LOW = "not low"
MIXED = "low by some definitions"
"""Categories of a measurement judged against several definitions' cut-offs."""
SLOW = "slow"
NOT_SLOW = "not slow"
SLOW_MIXED = "slow by some definitions"
"""The same categories for a timed test, whose finding is a time above its cut-off (a slow test, not a low one)."""
LOW_WORDS = (LOW, NOT_LOW, MIXED)
SLOW_WORDS = (SLOW, NOT_SLOW, SLOW_MIXED)


def tidy(number: float) -> float:
    """Round away binary floating-point noise (9 decimals) before comparing a derived value.

    Example: 19.725 / 25 is 0.78899999... in floating point but 0.789 on paper.
    """
    return round(number, 9)


@dataclass(frozen=True, slots=True)
class Cutoff:
    """The finding is present when ``value <op> limit`` (limit by sex when ``female`` is set)."""

    finding: str
    definition: str
    op: Op
    male: float
    female: float | None
    unit: str
    source: str
    verified: bool = True
    note: str = ""

    @property
    def sex_specific(self) -> bool:
        return self.female is not None

    def limit(self, sex: Sex | None) -> float | None:
        """The limit for ``sex`` (None when the cut-off is sex-specific and sex is unknown)."""
        if not self.sex_specific:
            return self.male
        if sex == "male":
            return self.male
        if sex == "female":
            return self.female
        return None

    def met(self, value: float | None, sex: Sex | None = None) -> bool | None:
        """True/False, or None when the value (or a needed sex) is unknown."""
        limit = self.limit(sex)
        if value is None or limit is None:
            return None
        return _OPS[self.op](tidy(value), limit)

    def threshold(self, sex: Sex | None = None) -> str:
        """Human-readable threshold, e.g. ``"< 27 kg (men)"``."""
        sym = _SYMBOL[self.op]
        unit = f" {self.unit}" if self.unit else ""
        if not self.sex_specific:
            text = f"{sym} {self.male:g}{unit}"
        elif sex == "male":
            text = f"{sym} {self.male:g}{unit} (men)"
        elif sex == "female":
            text = f"{sym} {self.female:g}{unit} (women)"
        else:
            text = f"{sym} {self.male:g}{unit} (men) / {sym} {self.female:g}{unit} (women); sex needed"
        return text if self.verified else f"{text} [unverified]"

    def criterion(
        self, value: float | None, sex: Sex | None = None, *, met: bool | None = None, name: str | None = None
    ) -> Criterion:
        """A :class:`Criterion` for this cut-off (``met`` overrides, e.g. for "unable")."""
        decided = self.met(value, sex) if met is None else met
        return Criterion(
            name=name or f"{self.definition}: {self.finding}",
            met=decided,
            value=None if value is None else tidy(value),
            threshold=self.threshold(sex),
            citation=self.source,
        )

    def describe(self) -> str:
        """One line for an ``unverified`` list."""
        limits = f"{self.male:g}" if not self.sex_specific else f"{self.male:g} (men) / {self.female:g} (women)"
        text = f"{self.definition} {self.finding}: {_SYMBOL[self.op]} {limits} {self.unit}".rstrip()
        return f"{text} ({self.note})" if self.note else text


def unverified(cutoffs: Iterable[Cutoff]) -> list[str]:
    """The descriptions of the cut-offs among ``cutoffs`` that were not checked against their source."""
    return [c.describe() for c in cutoffs if not c.verified]


def summarize(criteria: Sequence[Criterion], words: tuple[str, str, str] = LOW_WORDS) -> tuple[str, bool | None]:
    """Category and ``positive`` of one measurement judged against several definitions' cut-offs.

    ``low`` when every cut-off is met, ``not low`` when none is met and all are decided
    (or none met and some undecided: the undecided ones are listed as missing by the
    caller), ``low by some definitions`` otherwise, ``cannot tell`` when none is decided.
    ``positive`` is True when any cut-off is met. ``words`` are the three category names (:data:`SLOW_WORDS` for
    a timed test).
    """
    met, not_met, mixed = words
    states = [c.met for c in criteria]
    if all(s is None for s in states):
        return CANNOT_TELL, None
    if any(s is True for s in states):
        return (met if all(s is True for s in states) else mixed), True
    return not_met, False


def first_known(*values: Any) -> Any:
    """The first value that is not None (or None)."""
    for value in values:
        if value is not None:
            return value
    return None


def any_of(states: Iterable[bool | None]) -> bool | None:
    """Either-test logic: True if any is True, False if none is True and some is False, else None."""
    seen = list(states)
    if any(s is True for s in seen):
        return True
    if any(s is False for s in seen):
        return False
    return None
