"""ALS progression rate ΔFS ("pre-slope"): (48 − ALSFRS-R total) / months since symptom onset.

Kimura F, et al. Progression rate of ALSFRS-R at time of diagnosis predicts survival time in
ALS. Neurology 2006;66(2):265-267 (formula).

Categories, two named schemes:

* ``labra2016`` (default): slow < 0.47, intermediate 0.47-1.11, fast > 1.11 points/month.
  Labra J, Menon P, Byth K, Morrison S, Vucic S. J Neurol Neurosurg Psychiatry
  2016;87(6):628-632. [labra2016] (median survival 2.4 / 1.6 / 0.7 years).
* ``rounded``: slow < 0.5, intermediate 0.5-1.0, fast > 1.0. Common in the literature, but
  no single primary source was found: UNVERIFIED, reported so in ``details["unverified"]``.

Boundaries: slow when ΔFS < low, fast when ΔFS > high, otherwise intermediate (our stated
convention). Months are days / 30.4375 (a Julian month, 365.25 / 12 days). ΔFS is defined
for the revised scale (0-48) only, never for the original 40-point ALSFRS.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from myoscope.instruments._alsfrs import TOTAL_MAX
from myoscope.instruments._base import Criterion, Example, Instrument, InstrumentInput, Score
from myoscope.references import cite
from myoscope.units import DAYS_PER_MONTH, InUnit

SCHEMES: dict[str, tuple[float, float, str, bool]] = {
    "labra2016": (0.47, 1.11, "labra2016", True),
    "rounded": (0.5, 1.0, "kimura2006", False),
}
"""scheme -> (low, high, citation key, verified). Slow below low, fast above high."""

SLOW, INTERMEDIATE, FAST = "slow", "intermediate", "fast"


def _scheme_words(scheme: str) -> str:
    """The scheme as a reader names it: ``the cut-offs of Labra et al. 2016``, or the rounded ones."""
    low, high, source, verified = SCHEMES[scheme]
    if verified:
        from myoscope.references import get

        return f"the cut-offs of {get(source).short()}"
    return f"rounded cut-offs of {low:g} and {high:g} points/month"


class ProgressionInput(InstrumentInput):
    alsfrs_r_total: int | None = Field(
        default=None, ge=0, le=TOTAL_MAX, description="ALSFRS-R total (revised scale, 0-48) at the assessment"
    )
    months_since_onset: Annotated[float, InUnit("month", 0, 600, strict_gt=True)] | None = Field(
        default=None, description="time from first symptom to the assessment, e.g. 16 or '487 days'"
    )
    symptom_onset: dt.date | None = Field(
        default=None, description="date of the first symptom (give with assessment_date instead of months_since_onset)"
    )
    assessment_date: dt.date | None = Field(default=None, description="date of the ALSFRS-R assessment")
    scheme: Literal["labra2016", "rounded"] = Field(default="labra2016", description="which published cut-offs to use")

    @model_validator(mode="after")
    def _one_duration(self) -> ProgressionInput:
        if self.months_since_onset is not None and (self.symptom_onset or self.assessment_date):
            raise ValueError("give either months_since_onset or the two dates, not both")
        if self.symptom_onset and self.assessment_date and self.assessment_date <= self.symptom_onset:
            raise ValueError("assessment_date must be after symptom_onset")
        return self


def delta_fs(total: int, months: float) -> float:
    """ΔFS in points per month (Kimura 2006); ``months`` must be > 0."""
    if months <= 0:
        raise ValueError("months since onset must be more than 0")
    return (TOTAL_MAX - total) / months


def categorize(value: float, scheme: str = "labra2016") -> str:
    """slow / intermediate / fast under the named scheme (slow < low, fast > high)."""
    low, high, _, _ = SCHEMES[scheme]
    value = round(value, 9)
    if value < low:
        return SLOW
    if value > high:
        return FAST
    return INTERMEDIATE


class AlsProgression(Instrument):
    name = "als-progression"
    title = "ALS progression rate (ΔFS, ALSFRS-R points lost per month since onset)"
    version = "1"
    citations = cite("kimura2006", "labra2016")
    domain = "als"
    Input = ProgressionInput
    examples = (
        Example(
            inputs={"alsfrs_r_total": 40, "months_since_onset": 16},
            value=0.5,
            category=INTERMEDIATE,
            source="labra2016",
        ),
        Example(inputs={"alsfrs_r_total": 36, "months_since_onset": 10}, value=1.2, category=FAST, source="labra2016"),
    )

    def compute(self, data: ProgressionInput) -> Score:
        missing = []
        if data.alsfrs_r_total is None:
            missing.append("ALSFRS-R total (0-48) at the assessment")
        months = self._months(data)
        if months is None:
            missing.append("time from first symptom to the assessment (months, or both dates)")
        if missing or data.alsfrs_r_total is None or months is None:
            return self.cannot_tell(missing)
        value = delta_fs(data.alsfrs_r_total, months)
        low, high, source, verified = SCHEMES[data.scheme]
        category = categorize(value, data.scheme)
        details: dict[str, Any] = {
            "months_since_onset": round(months, 3),
            "alsfrs_r_total": data.alsfrs_r_total,
            "scheme": data.scheme,
            "thresholds": {"slow_below": low, "fast_above": high},
            "month_days": DAYS_PER_MONTH,
        }
        if not verified:
            details["unverified"] = [
                f"'{data.scheme}' cut-offs {low:g}/{high:g} points/month: no single primary source found"
            ]
        criteria = (
            Criterion("slow progression", value < low, round(value, 3), f"< {low:g} points/month", source),
            Criterion("fast progression", value > high, round(value, 3), f"> {high:g} points/month", source),
        )
        return self.result(
            round(value, 3),
            category,
            unit="points/month",
            criteria=criteria,
            positive=value > 0,
            interpretation=(
                f"ALSFRS-R fell {value:.2f} points per month on average since the first "
                f"symptom ({category} by {_scheme_words(data.scheme)})"
            ),
            details=details,
            citations=("kimura2006", source) if source != "kimura2006" else ("kimura2006",),
        )

    @staticmethod
    def _months(data: ProgressionInput) -> float | None:
        if data.months_since_onset is not None:
            return data.months_since_onset
        if data.symptom_onset and data.assessment_date:
            return (data.assessment_date - data.symptom_onset).days / DAYS_PER_MONTH
        return None


INSTRUMENT = AlsProgression()
