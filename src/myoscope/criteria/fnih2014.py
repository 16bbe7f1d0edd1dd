"""FNIH Sarcopenia Project (2014): weakness and low lean mass, with slowness.

Studenski SA, Peters KW, Alley DE, et al. The FNIH Sarcopenia Project: rationale, study
description, conference recommendations, and final estimates. J Gerontol A Biol Sci Med Sci
2014;69(5):547-558. [studenski2014]. Grip: Alley DE, et al. J Gerontol A
2014;69(5):559-566. [alley2014].

Weakness: grip < 26 / < 16 kg (intermediate 26-32 / 16-20 kg, reported). Low lean mass: DXA
appendicular lean mass / BMI < 0.789 / < 0.512 (m²). Slowness: gait speed < 0.8 m/s.
Categories: no weakness; weakness without low lean mass; weakness with low lean mass;
weakness and slowness with low lean mass (the last two are sarcopenia in FNIH terms).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import Field

from myoscope.criteria._fields import MEASURE, Bmi, GaitSpeedMs, GripKg, HeightCm, WeightKg
from myoscope.criteria._mass import alm_per_bmi, bmi_of
from myoscope.instruments.api import (
    Criterion,
    Example,
    Instrument,
    InstrumentInput,
    Score,
    Sex,
    first_known,
    given,
    unverified,
)
from myoscope.instruments.grip import fnih_band
from myoscope.instruments.sarcopenia_cutoffs import FNIH_ALM_BMI, FNIH_GAIT, FNIH_GRIP, FNIH_GRIP_NORMAL
from myoscope.record import in_range
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("studenski2014", "alley2014")

NO_WEAKNESS = "no weakness"
WEAK_ONLY = "weakness without low lean mass"
WEAK_LOW_MASS = "weakness with low lean mass"
WEAK_SLOW_LOW_MASS = "weakness and slowness with low lean mass"
STAGE = {NO_WEAKNESS: 0, WEAK_ONLY: 1, WEAK_LOW_MASS: 2, WEAK_SLOW_LOW_MASS: 3}
"""Category -> value."""
SARCOPENIA = (WEAK_LOW_MASS, WEAK_SLOW_LOW_MASS)


class Fnih2014Input(InstrumentInput):
    sex: Sex | None = None
    grip: GripKg | None = Field(None, description="best grip strength (maximum of either hand)")
    alm: Annotated[float, in_range("appendicular_lean_mass")] | None = Field(
        None, description="DXA appendicular lean mass"
    )
    bmi: Bmi | None = None
    weight: WeightKg | None = Field(None, description="for BMI when bmi is absent")
    height: HeightCm | None = Field(None, description="for BMI when bmi is absent")
    alm_bmi: Annotated[float, InUnit("m**2", 0.1, 2.0)] | None = Field(
        None, description="ALM / BMI, when given directly"
    )
    gait_speed: GaitSpeedMs | None = Field(None, description="usual gait speed")


class Fnih2014(Instrument):
    """FNIH 2014 category (weakness, low lean mass, slowness) with every criterion."""

    name = "fnih2014"
    title = "FNIH Sarcopenia Project definition (2014)"
    version = "1.0"
    citations = CITATIONS
    kind = "definition"
    domain = "muscle"
    person_fields = ("sex", "bmi", "weight", "height")
    Input = Fnih2014Input
    examples = (
        # Reference note vector F10: man, ALM 20.0 kg, BMI 25.9 -> 0.772 < 0.789 (low lean mass); grip 25 < 26.
        Example(
            {"sex": "male", "grip": 25.0, "alm": 20.0, "bmi": 25.9, "gait_speed": 0.9},
            2,
            WEAK_LOW_MASS,
            "studenski2014",
        ),
        # Reference note vector F14: man 19.725 kg / BMI 25.0 = 0.789, not low (strict <).
        Example({"sex": "male", "grip": 25.0, "alm": 19.725, "bmi": 25.0}, 1, WEAK_ONLY, "studenski2014"),
        Example(
            {"sex": "female", "grip": 15.0, "alm_bmi": 0.475, "gait_speed": 0.7}, 3, WEAK_SLOW_LOW_MASS, "studenski2014"
        ),
        Example({"sex": "female", "grip": 16.0, "alm_bmi": 0.475}, 0, NO_WEAKNESS, "alley2014"),
    )

    def compute(self, data: Fnih2014Input) -> Score:
        sex = data.sex
        bmi = first_known(data.bmi, bmi_of(data.weight, data.height))
        ratio = first_known(data.alm_bmi, alm_per_bmi(data.alm, bmi))
        weak, low_mass, slow = (
            FNIH_GRIP.criterion(data.grip, sex),
            FNIH_ALM_BMI.criterion(ratio, sex),
            FNIH_GAIT.criterion(data.gait_speed),
        )
        criteria = (weak, low_mass, slow)
        details = {"alm_bmi": ratio, "bmi": bmi, "unverified": unverified((FNIH_GRIP_NORMAL,))}
        if sex is None:
            return self.cannot_tell([MEASURE["sex"]], criteria=criteria, details=details)
        if weak.met is None:
            return self.cannot_tell([MEASURE["grip"]], criteria=criteria, details=details)
        details["grip_band"] = fnih_band(given(data.grip), sex)
        if not weak.met:
            return self._final(
                NO_WEAKNESS,
                criteria,
                details,
                [],
                "Grip strength not weak by FNIH: no sarcopenia by this definition"
                + (" (low lean mass alone is reported)." if low_mass.met else "."),
            )
        if low_mass.met is None:
            return self.cannot_tell([MEASURE["alm_bmi"]], criteria=criteria, details=details)
        if not low_mass.met:
            return self._final(
                WEAK_ONLY, criteria, details, [], "Weakness without low lean mass: look for other causes of weakness."
            )
        if slow.met:
            return self._final(
                WEAK_SLOW_LOW_MASS, criteria, details, [], "Weakness and slowness with low lean mass (FNIH)."
            )
        return self._final(
            WEAK_LOW_MASS,
            criteria,
            details,
            [MEASURE["gait"]] if slow.met is None else [],
            "Weakness with low lean mass (FNIH).",
        )

    def _final(
        self, category: str, criteria: tuple[Criterion, ...], details: dict[str, Any], missing: Sequence[str], text: str
    ) -> Score:
        return self.result(
            STAGE[category],
            category,
            criteria=criteria,
            missing=missing,
            details=details,
            positive=category in SARCOPENIA,
            interpretation=text,
        )


INSTRUMENT = Fnih2014()
