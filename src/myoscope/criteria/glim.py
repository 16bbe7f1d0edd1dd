"""GLIM criteria for the diagnosis of malnutrition (Cederholm et al. 2019).

Malnutrition needs at least one phenotypic criterion (non-volitional weight loss, low BMI, reduced
muscle mass) and at least one etiologic criterion (reduced food intake or assimilation,
inflammation/disease burden). Severity is graded on the phenotypic criteria only: the most severe
stage reached by any of them (stage 1 moderate, stage 2 severe). The BMI cut-offs for Asian
populations are used only when ``population="asian"`` is given, never inferred. GLIM 2019 gives no
Asian severity cut-offs for BMI: then BMI alone grades nothing and the output says so.

GLIM fixes no muscle-mass thresholds: ``reduced_muscle_mass`` takes the judgement of a validated
method (e.g. the EWGSOP2/AWGS appendicular lean mass cut-offs), as none / moderate / severe.
The older-age band is >= 70 years here (sources print ">70" or ">=70"; >= 70 leaves no age
uncovered -- reference note B4).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import Field

from myoscope.instruments.api import (
    CANNOT_TELL,
    Bmi,
    Criterion,
    Example,
    Height,
    Instrument,
    InstrumentInput,
    Percent,
    Score,
    Weight,
    bmi_of,
)
from myoscope.units import InUnit

GLIM_CITATION = ("cederholm2019_glim",)

OLDER_AGE = 70.0
"""Age from which the older-adult BMI cut-offs apply, years (Cederholm 2019; >= reading ours)."""
WEIGHT_LOSS_WITHIN_6_MONTHS = (5.0, 10.0)
"""Weight loss within 6 months: > 5 % meets the criterion (stage 1); > 10 % is stage 2 (Cederholm 2019)."""
WEIGHT_LOSS_BEYOND_6_MONTHS = (10.0, 20.0)
"""Weight loss beyond 6 months: > 10 % meets the criterion (stage 1); > 20 % is stage 2 (Cederholm 2019)."""
BEYOND_6_MONTHS_SPAN = (6, 12)
"""Months between the two weights a loss "beyond 6 months" is read from when derived from a weight history:
more than 6 and at most 12. GLIM 2019 sets no upper limit; 12 months is our choice, the span over which a
loss is judged clinically important in practice (McMinn, Steel, Bowman 2011, [mcminn2011]), so that a slow
change over many years is not read as this criterion."""
LOW_BMI = {"general": (20.0, 22.0), "asian": (18.5, 20.0)}
"""Low BMI (kg/m2), criterion met below: (age < 70, age >= 70), by population (Cederholm 2019)."""
SEVERE_BMI = {"general": (18.5, 20.0), "asian": None}
"""Stage 2 BMI (kg/m2) below: (age < 70, age >= 70); GLIM 2019 gives none for Asia (Cederholm 2019)."""

Population = Literal["general", "asian"]
MuscleDeficit = Literal["none", "moderate", "severe"]

_STAGES = {1: "stage 1 (moderate)", 2: "stage 2 (severe)"}


def weight_loss_stage(percent: float, limits: tuple[float, float]) -> int:
    """0 (criterion not met), 1 or 2 for a weight loss (%) against (stage-1 limit, stage-2 limit)."""
    return sum(percent > edge for edge in limits)


def bmi_stage(bmi: float, age: float, population: str) -> int | None:
    """0 (not low), 1 or 2; None when low but the population has no severity cut-off."""
    older = age >= OLDER_AGE
    if not bmi < LOW_BMI[population][older]:
        return 0
    severe = SEVERE_BMI[population]
    if severe is None:
        return None
    return 2 if bmi < severe[older] else 1


class GlimInput(InstrumentInput):
    age: Annotated[float, InUnit("year", 18, 120)] | None = None
    bmi: Bmi | None = Field(None, description="Body mass index, kg/m2 (or weight and height).")
    weight: Weight | None = None
    height: Height | None = None
    weight_loss_within_6_months: Percent | None = Field(
        None, description="Non-volitional weight loss within the past 6 months, % of the earlier weight."
    )
    weight_loss_beyond_6_months: Percent | None = Field(
        None, description="Non-volitional weight loss over a period longer than 6 months, %."
    )
    reduced_muscle_mass: MuscleDeficit | None = Field(
        None,
        description="Muscle mass by a validated body-composition method or anthropometry: "
        "none, moderate (mild-to-moderate deficit) or severe deficit.",
    )
    reduced_intake: bool | None = Field(
        None,
        description="Intake <= 50 % of energy requirement for > 1 week, any reduction for > 2 weeks, "
        "or a chronic GI condition impairing food assimilation or absorption.",
    )
    inflammation: bool | None = Field(
        None, description="Acute disease or injury, or chronic disease-related inflammation."
    )
    population: Population = Field(
        "general", description="'asian' selects the Asian BMI cut-offs; chosen explicitly, never inferred."
    )


class Glim(Instrument):
    name = "glim"
    title = "GLIM criteria for the diagnosis of malnutrition"
    version = "2019"
    citations = GLIM_CITATION
    Input = GlimInput
    kind = "definition"
    domain = "nutrition"
    person_fields = ("age", "bmi", "weight", "height")
    examples = (
        # 12 % loss in 6 months with reduced intake: phenotypic > 10 % -> stage 2 (Cederholm 2019 Table 3).
        Example(
            {
                "age": 60,
                "bmi": 23,
                "weight_loss_within_6_months": 12,
                "reduced_muscle_mass": "none",
                "reduced_intake": True,
            },
            2,
            "malnutrition, stage 2 (severe)",
            "cederholm2019_glim",
        ),
        # BMI 21.5 at 75 y (< 22) with inflammation, no loss, muscle normal: stage 1 (Cederholm 2019).
        Example(
            {
                "age": 75,
                "bmi": 21.5,
                "weight_loss_within_6_months": 0,
                "weight_loss_beyond_6_months": 0,
                "reduced_muscle_mass": "none",
                "inflammation": True,
            },
            1,
            "malnutrition, stage 1 (moderate)",
            "cederholm2019_glim",
        ),
    )

    def compute(self, data: GlimInput) -> Score:
        bmi, bmi_source = bmi_of(data.bmi, data.weight, data.height)
        pheno = self._phenotypic(data, bmi)
        etio = [
            Criterion(
                "reduced food intake or assimilation",
                data.reduced_intake,
                data.reduced_intake,
                "<= 50 % of requirement > 1 week, any reduction > 2 weeks, or chronic GI condition",
                "cederholm2019_glim",
            ),
            Criterion(
                "inflammation or disease burden",
                data.inflammation,
                data.inflammation,
                "acute disease/injury or chronic disease-related",
                "cederholm2019_glim",
            ),
        ]
        pheno_met, etio_met = _any_of([c for c, _, _ in pheno]), _any_of(etio)
        missing = [ask for c, _, ask in pheno if c.met is None]
        if etio_met is not True:
            missing += [f"whether {c.name} is present" for c in etio if c.met is None]
        criteria = tuple(c for c, _, _ in pheno) + tuple(etio)
        details: dict[str, Any] = {
            "population": data.population,
            "phenotypic_met": pheno_met,
            "etiologic_met": etio_met,
        }
        if bmi is not None:
            details.update(bmi=round(bmi, 2), bmi_source=bmi_source)
        if pheno_met is False or etio_met is False:
            return self.result(
                0,
                "no malnutrition",
                missing=missing,
                criteria=criteria,
                details=details,
                positive=False,
                interpretation="GLIM criteria not met: "
                + ("no phenotypic criterion." if pheno_met is False else "no etiologic criterion."),
            )
        if pheno_met is None or etio_met is None:
            return self.result(
                None,
                CANNOT_TELL,
                missing=missing,
                criteria=criteria,
                details=details,
                interpretation="GLIM needs one phenotypic and one etiologic criterion; the answers do not settle it.",
            )
        graded = [stage for c, stage, _ in pheno if c.met and stage is not None]
        stage = max(graded) if graded else None
        notes = []
        if any(c.met and st is None for c, st, _ in pheno):
            notes.append(
                "Low BMI is not graded: GLIM 2019 gives no Asian BMI cut-off for severity; "
                "the stage comes from the other phenotypic criteria."
            )
        if missing and stage != 2:
            notes.append("Unanswered phenotypic criteria could raise the stage.")
        if notes:
            details["severity_notes"] = notes
        category = "malnutrition (stage not graded)" if stage is None else f"malnutrition, {_STAGES[stage]}"
        return self.result(
            stage,
            category,
            missing=missing,
            criteria=criteria,
            details=details,
            positive=True,
            interpretation=f"GLIM: {category}.",
        )

    @staticmethod
    def _phenotypic(data: GlimInput, bmi: float | None) -> list[tuple[Criterion, int | None, str]]:
        """Each phenotypic criterion with its stage (0 unmet, 1, 2; None unknown or ungraded)."""
        within, beyond = data.weight_loss_within_6_months, data.weight_loss_beyond_6_months
        known = [
            weight_loss_stage(v, limits)
            for v, limits in ((within, WEIGHT_LOSS_WITHIN_6_MONTHS), (beyond, WEIGHT_LOSS_BEYOND_6_MONTHS))
            if v is not None
        ]
        loss_stage = max(known) if known and (max(known) > 0 or len(known) == 2) else None
        loss = Criterion(
            "non-volitional weight loss",
            None if loss_stage is None else loss_stage > 0,
            {"within_6_months": within, "beyond_6_months": beyond},
            f"> {WEIGHT_LOSS_WITHIN_6_MONTHS[0]:g} % within 6 months or "
            f"> {WEIGHT_LOSS_BEYOND_6_MONTHS[0]:g} % beyond 6 months",
            GLIM_CITATION[0],
        )
        b_met = b_stage = None
        if bmi is not None and data.age is not None:
            b_stage = bmi_stage(bmi, data.age, data.population)
            b_met = b_stage != 0
        low = LOW_BMI[data.population]
        low_bmi = Criterion(
            "low BMI",
            b_met,
            None if bmi is None else round(bmi, 2),
            f"< {low[0]:g} if < {OLDER_AGE:g} y, < {low[1]:g} if >= {OLDER_AGE:g} y ({data.population} cut-offs)",
            GLIM_CITATION[0],
        )
        muscle = data.reduced_muscle_mass
        m_stage = None if muscle is None else {"none": 0, "moderate": 1, "severe": 2}[muscle]
        muscle_c = Criterion(
            "reduced muscle mass",
            None if m_stage is None else m_stage > 0,
            muscle,
            "deficit by a validated body-composition method",
            GLIM_CITATION[0],
        )
        return [
            (loss, loss_stage, "non-volitional weight loss within the past 6 months and beyond 6 months (%)"),
            (low_bmi, b_stage, "BMI (weight and height) and age"),
            (muscle_c, m_stage, "muscle mass by a validated method (DXA, BIA, CT/MRI) or calf/mid-arm circumference"),
        ]


def _any_of(criteria: Sequence[Criterion]) -> bool | None:
    """True if any criterion is met, False if all are known and unmet, else None."""
    if any(c.met for c in criteria):
        return True
    return False if all(c.met is False for c in criteria) else None


INSTRUMENT = Glim()
