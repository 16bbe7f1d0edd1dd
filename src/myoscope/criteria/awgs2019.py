"""AWGS 2019 sarcopenia: community (primary care) and hospital (specialist or research) pathways.

Chen LK, Woo J, Assantachai P, et al. Asian Working Group for Sarcopenia: 2019 consensus
update on sarcopenia diagnosis and treatment. J Am Med Dir Assoc 2020;21(3):300-307.e2.
[chen2020]. Set for Asian populations: ``population`` is an explicit
input, never inferred; for other populations the result carries a caution.

Case finding: calf circumference < 34 / < 33 cm, SARC-F >= 4 or SARC-CalF >= 11 (reported;
measurements given are judged whatever the case finding says).
Community: grip < 28 / < 18 kg or five chair rises >= 12 s -> possible sarcopenia.
Hospital: low mass (ASM/height² DXA < 7.0 / < 5.4, BIA < 7.0 / < 5.7 kg/m²) with low strength
(grip) or low performance (6 m gait < 1.0 m/s, chair rises >= 12 s or SPPB <= 9) ->
sarcopenia; with both -> severe sarcopenia; low strength or performance with mass not
measured -> possible sarcopenia. Unlike EWGSOP2, low performance alone (with low mass)
diagnoses sarcopenia.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from pydantic import Field

from myoscope.criteria._fields import MEASURE, AsmIndex, AsmKg, CalfCm, ChairStandS, GaitSpeedMs, GripKg, HeightCm
from myoscope.criteria._mass import Method, asm_index, awgs_mass_criterion
from myoscope.instruments.api import Criterion, Example, Instrument, InstrumentInput, Score, Sex, any_of, first_known
from myoscope.instruments.sarc_calf import SARC_CALF_POINTS, SARC_CALF_POSITIVE
from myoscope.instruments.sarc_f import SARC_F_POSITIVE
from myoscope.instruments.sarcopenia_cutoffs import (
    AWGS2019_CALF,
    AWGS2019_CHAIR_STAND,
    AWGS2019_GAIT,
    AWGS2019_GRIP,
    AWGS2019_SPPB,
)
from myoscope.references import cite

CITATIONS = cite("chen2020", "malmstrom2013", "barbosasilva2016")

NONE, POSSIBLE, CONFIRMED, SEVERE = "no sarcopenia", "possible sarcopenia", "sarcopenia", "severe sarcopenia"
STAGE = {NONE: 0, POSSIBLE: 1, CONFIRMED: 2, SEVERE: 3}
"""Category -> value (0 none, 1 possible, 2 sarcopenia, 3 severe)."""
PERFORMANCE = "a physical performance test: 6 m gait speed (m/s), five-times chair stand (s) or SPPB"
PATHWAY = "the setting: community (primary care) or hospital (specialist or research setting)"
METHOD = "how the muscle mass was measured (DXA or bioimpedance): the women's cut-offs differ"
POPULATION = "whether the person is of Asian ancestry (AWGS 2019 cut-offs were set for Asian populations)"


class Awgs2019Input(InstrumentInput):
    pathway: Literal["community", "hospital"] | None = Field(None, description="which AWGS 2019 algorithm")
    population: Literal["asian", "non_asian"] | None = Field(None, description="stated, never inferred")
    sex: Sex | None = None
    calf: CalfCm | None = Field(None, description="calf circumference (case finding)")
    sarc_f: int | None = Field(None, ge=0, le=10, description="SARC-F total (case finding)")
    sarc_calf: int | None = Field(None, ge=0, le=20, description="SARC-CalF total (case finding)")
    clinical_concern: bool | None = Field(None, description="clinical condition prompting assessment")
    grip: GripKg | None = Field(None, description="best grip strength")
    chair_stand: ChairStandS | None = Field(None, description="time for five chair rises")
    chair_stand_unable: bool | None = Field(None, description="five rises without the arms were not possible")
    gait_speed: GaitSpeedMs | None = Field(None, description="usual gait speed, 6 m course")
    sppb: int | None = Field(None, ge=0, le=12, description="SPPB total")
    asm: AsmKg | None = Field(None, description="appendicular skeletal muscle mass")
    asm_height2: AsmIndex | None = Field(None, description="ASM / height², when given directly")
    height: HeightCm | None = None
    mass_method: Method | None = Field(None, description="dxa or bia: the women's mass cut-offs differ")


def _sarc_calf(data: Awgs2019Input) -> int | None:
    """SARC-CalF as given, else from SARC-F and the AWGS calf cut-off (None when undecided)."""
    if data.sarc_calf is not None:
        return data.sarc_calf
    low_calf = AWGS2019_CALF.met(data.calf, data.sex)
    if data.sarc_f is None or low_calf is None:
        return None
    return data.sarc_f + (SARC_CALF_POINTS if low_calf else 0)


class Awgs2019(Instrument):
    """AWGS 2019 category (no / possible / sarcopenia / severe) on the chosen pathway, with every criterion."""

    name = "awgs2019"
    title = "AWGS 2019 sarcopenia definition"
    version = "1.0"
    citations = CITATIONS
    kind = "definition"
    domain = "muscle"
    person_fields = ("sex", "height")
    Input = Awgs2019Input
    examples = (
        # Hand-computed from the AWGS 2019 cut-offs (Chen 2020).
        Example(
            {"pathway": "community", "population": "asian", "sex": "female", "sarc_f": 4, "grip": 17.9},
            1,
            POSSIBLE,
            "chen2020",
        ),
        Example(
            {"pathway": "community", "population": "asian", "sex": "male", "grip": 30.0, "chair_stand": 11.99},
            0,
            NONE,
            "chen2020",
        ),
        Example(
            {
                "pathway": "hospital",
                "population": "asian",
                "sex": "female",
                "grip": 20.0,
                "gait_speed": 0.99,
                "asm_height2": 5.39,
                "mass_method": "dxa",
            },
            2,
            CONFIRMED,
            "chen2020",
        ),
        Example(
            {
                "pathway": "hospital",
                "population": "asian",
                "sex": "male",
                "grip": 27.0,
                "sppb": 9,
                "asm_height2": 6.5,
                "mass_method": "bia",
            },
            3,
            SEVERE,
            "chen2020",
        ),
    )

    def compute(self, data: Awgs2019Input) -> Score:
        sex = data.sex
        asmi = first_known(data.asm_height2, asm_index(data.asm, data.height))
        sarc_calf = _sarc_calf(data)
        finding = (
            AWGS2019_CALF.criterion(data.calf, sex),
            SARC_F_POSITIVE.criterion(data.sarc_f, name="AWGS 2019 case finding: SARC-F positive"),
            SARC_CALF_POSITIVE.criterion(sarc_calf, name="AWGS 2019 case finding: SARC-CalF positive"),
            Criterion(
                "AWGS 2019 case finding: clinical concern",
                data.clinical_concern,
                None,
                "reported",
                AWGS2019_GRIP.source,
            ),
        )
        grip = AWGS2019_GRIP.criterion(data.grip, sex)
        chair = AWGS2019_CHAIR_STAND.criterion(data.chair_stand, met=True if data.chair_stand_unable else None)
        details = {
            "pathway": data.pathway,
            "population": data.population,
            "asm_height2": asmi,
            "sarc_calf": sarc_calf,
            "case_finding_positive": any_of(c.met for c in finding),
        }
        if data.population == "non_asian":
            details["caution"] = "AWGS 2019 cut-offs were set for Asian populations; EWGSOP2 or FNIH may fit better"
        if details["case_finding_positive"] is False:
            details["note"] = "case finding negative: AWGS would not go on to assessment; measurements given are shown"
        missing = [
            text
            for text, v in ((PATHWAY, data.pathway), (POPULATION, data.population), (MEASURE["sex"], sex))
            if v is None
        ]
        if data.pathway == "community" or data.pathway is None:
            criteria: tuple[Criterion, ...] = finding + (grip, chair)
            if missing:
                return self.cannot_tell(missing, criteria=criteria, details=details)
            return self._community(criteria, grip, chair, details)
        gait, sppb = AWGS2019_GAIT.criterion(data.gait_speed), AWGS2019_SPPB.criterion(data.sppb)
        mass = awgs_mass_criterion(asmi, sex, data.mass_method)
        criteria = finding + (grip, chair, gait, sppb, mass)
        if missing:
            return self.cannot_tell(missing, criteria=criteria, details=details)
        return self._hospital(criteria, grip.met, any_of((chair.met, gait.met, sppb.met)), mass.met, details)

    def _community(
        self, criteria: tuple[Criterion, ...], grip: Criterion, chair: Criterion, details: dict[str, Any]
    ) -> Score:
        low = any_of((grip.met, chair.met))
        if low is None:
            return self.cannot_tell([MEASURE["strength"]], criteria=criteria, details=details)
        if low:
            return self._final(
                POSSIBLE,
                criteria,
                details,
                [],
                "Low grip strength or slow chair stand: possible "
                "sarcopenia. Start lifestyle intervention; consider referral for confirmation.",
            )
        return self._final(
            NONE,
            criteria,
            details,
            [],
            "Grip strength and chair stand not low: no possible sarcopenia by the AWGS 2019 community pathway.",
        )

    def _hospital(
        self,
        criteria: tuple[Criterion, ...],
        strength: bool | None,
        perf: bool | None,
        mass: bool | None,
        details: dict[str, Any],
    ) -> Score:
        need_mass = METHOD if details["asm_height2"] is not None else MEASURE["mass"]
        if mass is None:
            if strength or perf:
                return self._final(
                    POSSIBLE,
                    criteria,
                    details,
                    [need_mass],
                    "Low strength or performance: possible sarcopenia; measure muscle mass to confirm.",
                )
            if strength is False and perf is False:
                return self._final(NONE, criteria, details, [], "Strength and performance not low: no sarcopenia.")
            todo = [t for t, v in ((MEASURE["grip"], strength), (PERFORMANCE, perf)) if v is None]
            return self.cannot_tell(todo + [need_mass], criteria=criteria, details=details)
        if not mass:
            text = (
                "Low strength or performance with muscle mass not low: not sarcopenia by AWGS 2019; consider "
                "other causes."
                if strength or perf
                else "Muscle mass not low: no sarcopenia."
            )
            return self._final(NONE, criteria, details, [], text)
        if strength and perf:
            return self._final(
                SEVERE, criteria, details, [], "Low muscle mass, low strength and low performance: severe sarcopenia."
            )
        if strength or perf:
            todo = [t for t, v in ((MEASURE["grip"], strength), (PERFORMANCE, perf)) if v is None]
            return self._final(
                CONFIRMED,
                criteria,
                details,
                todo,
                "Low muscle mass with low strength or low "
                "performance: sarcopenia." + (" Test the other to grade severity." if todo else ""),
            )
        if strength is False and perf is False:
            return self._final(
                NONE,
                criteria,
                details,
                [],
                "Low muscle mass alone (strength and performance not low): not sarcopenia by AWGS 2019.",
            )
        todo = [t for t, v in ((MEASURE["grip"], strength), (PERFORMANCE, perf)) if v is None]
        return self.cannot_tell(todo, criteria=criteria, details=details)

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


INSTRUMENT = Awgs2019()
