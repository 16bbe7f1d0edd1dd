"""What every cause module reads: the record, the assessment date, measures and scored instruments.

Measures and scores are computed once per assessment and shared by the causes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from myoscope import instruments, scores
from myoscope.errors import InputError
from myoscope.measures import body, diet, energy_need, girth
from myoscope.measures.answers import filled_answers, person_values
from myoscope.record import Person, Record

if TYPE_CHECKING:
    from myoscope.causes.facts import Facts


@dataclass(frozen=True, slots=True)
class Scored:
    """One instrument's answers on a date, scored."""

    name: str
    date: dt.date
    score: instruments.Score

    @property
    def domain(self) -> str:
        return scores.get(self.name).domain


@dataclass
class Context:
    record: Record
    on: dt.date
    results: dict[str, Any] = field(default_factory=dict)
    """Results of the causes already assessed, by cause name (the atrophy finding comes first)."""
    _cache: dict[str, Any] = field(default_factory=dict)

    @property
    def person(self) -> Person:
        return self.record.person

    @property
    def age(self) -> float | None:
        return self.record.person.age_on(self.on)

    @cached_property
    def scored(self) -> list[Scored]:
        out = []
        for entry in self.record.instruments:
            if entry.date <= self.on:
                instrument = scores.get(entry.name)
                out.append(Scored(entry.name, entry.date, instrument.score(filled_answers(self.record, entry))))
        return out

    def scores(self, domain: str | None = None, name: str | None = None) -> list[Scored]:
        """Scored answers of a domain or an instrument, oldest first."""
        return [s for s in self.scored if (domain is None or s.domain == domain) and (name is None or s.name == name)]

    def latest(self, name: str) -> Scored | None:
        items = self.scores(name=name)
        return items[-1] if items else None

    def score_now(self, name: str, answers: dict[str, Any]) -> instruments.Score:
        """Score an instrument on data derived from the record (person fields filled in).

        Values the record holds but the instrument does not accept (e.g. outside an equation's
        validity range) give "cannot tell" naming the problem, never an error.
        """
        instrument = scores.get(name)
        data = dict(answers)
        person = person_values(self.record, self.on)
        for key in instrument.person_fields:
            if data.get(key) is None and key in person:
                data[key] = person[key]
        try:
            return instrument.score(data)
        except InputError as exc:
            return instrument.cannot_tell(
                [f"a value this instrument accepts for {p}" for p in exc.problems],
                interpretation="The recorded values are outside what this instrument accepts.",
            )

    @cached_property
    def weight(self) -> tuple[dt.date, float] | None:
        return body.latest_weight(self.record, self.on)

    @cached_property
    def height(self) -> float | None:
        return body.height_cm(self.record)

    @cached_property
    def bmi(self) -> float | None:
        return body.latest_bmi(self.record, self.on)

    def weight_change(self, months: int) -> body.WeightChange | None:
        key = f"wc{months}"
        if key not in self._cache:
            self._cache[key] = body.weight_change(self.record, self.on, months)
        change: body.WeightChange | None = self._cache[key]
        return change

    def weight_change_beyond(self, beyond_months: int, up_to_months: int) -> body.WeightChange | None:
        """:func:`myoscope.measures.body.weight_change_beyond` up to this day."""
        return body.weight_change_beyond(self.record, self.on, beyond_months, up_to_months)

    @cached_property
    def asymmetries(self) -> list[girth.Asymmetry]:
        return girth.asymmetries(self.record, self.on)

    @cached_property
    def girth_trends(self) -> list[girth.GirthTrend]:
        return girth.trends(self.record, self.on)

    @cached_property
    def facts(self) -> Facts:
        """Typed facts derived once from the record (:mod:`myoscope.causes.facts`)."""
        from myoscope.causes.facts import derive

        return derive(self.record, self.on, self.asymmetries)

    @cached_property
    def intakes(self) -> dict[str, diet.Intake]:
        return diet.mean_intakes(self.record, self.on)

    @cached_property
    def energy_need(self) -> energy_need.EnergyNeed | None:
        return energy_need.energy_need(self.record, self.on)
