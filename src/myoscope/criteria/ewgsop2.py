"""EWGSOP2 (2019) sarcopenia: Find, Assess, Confirm, Severity.

Cruz-Jentoft AJ, Bahat G, Bauer J, et al. Sarcopenia: revised European consensus on
definition and diagnosis. Age Ageing 2019;48(1):16-31. [cruzjentoft2019].

Find: SARC-F >= 4 or clinical suspicion (a screen; it never diagnoses). Assess: low strength
= grip < 27 / < 16 kg or five chair rises > 15 s (either test suffices) -> probable
sarcopenia. Confirm: low quantity = ASM < 20 / < 15 kg or ASM/height² < 7.0 / < 5.5 kg/m²
-> sarcopenia. Severity: low performance = gait speed <= 0.8 m/s, SPPB <= 8, TUG >= 20 s or
400 m walk not completed / >= 6 min -> severe sarcopenia. Normal strength ends at "no
sarcopenia" whatever the screen says (the screen is reported separately).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from pydantic import Field

from myoscope.criteria._fields import MEASURE, AsmIndex, AsmKg, ChairStandS, GaitSpeedMs, GripKg, HeightCm
from myoscope.criteria._mass import Method, asm_index
from myoscope.instruments.api import (
    Criterion,
    Example,
    Instrument,
    InstrumentInput,
    Score,
    Sex,
    any_of,
    first_known,
    unverified,
)
from myoscope.instruments.sarc_f import SARC_F_POSITIVE
from myoscope.instruments.sarcopenia_cutoffs import (
    EWGSOP2_ASM,
    EWGSOP2_ASMI,
    EWGSOP2_CHAIR_STAND,
    EWGSOP2_GAIT,
    EWGSOP2_GRIP,
    EWGSOP2_SPPB,
    EWGSOP2_TUG,
    EWGSOP2_WALK_400M,
)
from myoscope.references import cite
from myoscope.units import InUnit

CITATIONS = cite("cruzjentoft2019", "malmstrom2013")
CUTOFFS = (
    EWGSOP2_GRIP,
    EWGSOP2_CHAIR_STAND,
    EWGSOP2_ASM,
    EWGSOP2_ASMI,
    EWGSOP2_GAIT,
    EWGSOP2_SPPB,
    EWGSOP2_TUG,
    EWGSOP2_WALK_400M,
)

NONE, PROBABLE, CONFIRMED, SEVERE = "no sarcopenia", "probable sarcopenia", "sarcopenia", "severe sarcopenia"
STAGE = {NONE: 0, PROBABLE: 1, CONFIRMED: 2, SEVERE: 3}
"""Category -> value (0 none, 1 probable, 2 confirmed, 3 severe)."""
PERFORMANCE = "a physical performance test: gait speed (m/s), SPPB, Timed Up and Go (s) or 400 m walk"


class Ewgsop2Input(InstrumentInput):
    sex: Sex | None = None
    sarc_f: int | None = Field(None, ge=0, le=10, description="SARC-F total (case finding)")
    clinical_suspicion: bool | None = Field(None, description="clinical suspicion of sarcopenia (case finding)")
    grip: GripKg | None = Field(None, description="best grip strength")
    chair_stand: ChairStandS | None = Field(None, description="time for five chair rises")
    chair_stand_unable: bool | None = Field(None, description="five rises without the arms were not possible")
    asm: AsmKg | None = Field(None, description="appendicular skeletal muscle mass (DXA or BIA)")
    asm_height2: AsmIndex | None = Field(None, description="ASM / height², when given directly")
    height: HeightCm | None = None
    mass_method: Method | None = Field(None, description="dxa or bia (reported with the result)")
    gait_speed: GaitSpeedMs | None = Field(None, description="usual gait speed, 4 m course")
    sppb: int | None = Field(None, ge=0, le=12, description="SPPB total")
    tug: Annotated[float, InUnit("s", 1, 600)] | None = Field(None, description="Timed Up and Go time")
    walk_400m: Annotated[float, InUnit("s", 60, 7200)] | None = Field(None, description="400 m walk time")
    walk_400m_completed: bool | None = Field(None, description="false when the 400 m walk was not completed")


def _unable(flag: bool | None) -> bool | None:
    return True if flag else None


class Ewgsop2(Instrument):
    """EWGSOP2 category (no / probable / confirmed / severe sarcopenia) with every criterion."""

    name = "ewgsop2"
    title = "EWGSOP2 sarcopenia definition (2019)"
    version = "1.0"
    citations = CITATIONS
    kind = "definition"
    domain = "muscle"
    person_fields = ("sex", "height")
    Input = Ewgsop2Input
    examples = (
        # Hand-computed from the EWGSOP2 2019 cut-offs (Table 3 of the paper).
        Example({"sex": "male", "grip": 26.9, "asm_height2": 6.8, "gait_speed": 0.8}, 3, SEVERE, "cruzjentoft2019"),
        Example({"sex": "male", "grip": 27.0, "sarc_f": 5}, 0, NONE, "cruzjentoft2019"),
        Example({"sex": "female", "grip": 15.0, "asm_height2": 5.5}, 1, PROBABLE, "cruzjentoft2019"),
        Example(
            {"sex": "female", "chair_stand": 15.01, "asm_height2": 5.49, "sppb": 9}, 2, CONFIRMED, "cruzjentoft2019"
        ),
    )

    def compute(self, data: Ewgsop2Input) -> Score:
        sex = data.sex
        asmi = first_known(data.asm_height2, asm_index(data.asm, data.height))
        find = (
            SARC_F_POSITIVE.criterion(data.sarc_f, name="EWGSOP2 find: SARC-F positive screen"),
            Criterion(
                "EWGSOP2 find: clinical suspicion", data.clinical_suspicion, None, "reported", EWGSOP2_GRIP.source
            ),
        )
        strength = (
            EWGSOP2_GRIP.criterion(data.grip, sex),
            EWGSOP2_CHAIR_STAND.criterion(data.chair_stand, met=_unable(data.chair_stand_unable)),
        )
        mass = (EWGSOP2_ASM.criterion(data.asm, sex), EWGSOP2_ASMI.criterion(asmi, sex))
        walk_not_done = True if data.walk_400m_completed is False else None
        performance = (
            EWGSOP2_GAIT.criterion(data.gait_speed),
            EWGSOP2_SPPB.criterion(data.sppb),
            EWGSOP2_TUG.criterion(data.tug),
            EWGSOP2_WALK_400M.criterion(data.walk_400m, met=walk_not_done),
        )
        criteria = find + strength + mass + performance
        details = {
            "asm_height2": asmi,
            "mass_method": data.mass_method,
            "unverified": unverified(CUTOFFS),
            "screen_positive": any_of(c.met for c in find),
        }
        if sex is None:
            return self.cannot_tell([MEASURE["sex"]], criteria=criteria, details=details)
        low_strength = any_of(c.met for c in strength)
        if low_strength is None:
            return self.cannot_tell([MEASURE["strength"]], criteria=criteria, details=details)
        if not low_strength:
            note = (
                " The screen is positive: follow up, and consider other causes of the symptoms."
                if details["screen_positive"]
                else ""
            )
            return self._final(
                NONE, criteria, details, [], "Muscle strength is not low: no sarcopenia by EWGSOP2." + note
            )
        low_mass = any_of(c.met for c in mass)
        if low_mass is None:
            return self._final(
                PROBABLE,
                criteria,
                details,
                [MEASURE["mass"]],
                "Low muscle strength: probable sarcopenia. Enough to start treatment; "
                "confirm with muscle mass (DXA or BIA).",
            )
        if not low_mass:
            details["mass_not_low"] = True
            return self._final(
                PROBABLE,
                criteria,
                details,
                [],
                "Low strength with muscle mass not low: probable sarcopenia not confirmed; "
                "consider other causes of weakness.",
            )
        low_perf = any_of(c.met for c in performance)
        if low_perf is None:
            return self._final(
                CONFIRMED,
                criteria,
                details,
                [PERFORMANCE],
                "Low strength and low muscle mass: sarcopenia. Test performance for severity.",
            )
        if low_perf:
            return self._final(
                SEVERE,
                criteria,
                details,
                [],
                "Low strength, low muscle mass and low physical performance: severe sarcopenia.",
            )
        return self._final(
            CONFIRMED,
            criteria,
            details,
            [],
            "Low strength and low muscle mass: sarcopenia (physical performance not low).",
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
            positive=category != NONE,
            interpretation=text,
        )


INSTRUMENT = Ewgsop2()
