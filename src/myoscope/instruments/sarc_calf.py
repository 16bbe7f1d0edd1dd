"""SARC-CalF: SARC-F plus 10 points when the calf circumference is low.

Barbosa-Silva TG, Menezes AMB, Bielemann RM, Malmstrom TK, Gonzalez MC. Enhancing SARC-F:
improving sarcopenia screening in the clinical practice. J Am Med Dir Assoc 2016;17(12):
1136-1141. [barbosasilva2016]. Total 0-20; positive screen at >= 11 (as adopted
by AWGS 2019, Chen 2020, [chen2020]).

Two calf cut-offs are offered (``variant``): ``awgs2019`` (default; < 34 cm men, < 33 cm
women, the AWGS 2019 case-finding cut-off) and ``barbosa2016`` (<= 34 / <= 33 cm, the
original paper's, whose "<=" could not be re-checked).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from myoscope.errors import InputError, Problem
from myoscope.instruments._base import Example, Instrument, Score
from myoscope.instruments._cutoff import Cutoff, Sex, unverified
from myoscope.instruments.sarc_f import SarcFItems
from myoscope.instruments.sarc_f import total as sarc_f_total
from myoscope.instruments.sarcopenia_cutoffs import AWGS2019_CALF
from myoscope.record import in_range
from myoscope.references import cite

CITATIONS = cite("barbosasilva2016", "malmstrom2013", "chen2020")

SARC_CALF_POSITIVE = Cutoff("positive screen", "SARC-CalF", ">=", 11, None, "points", "barbosasilva2016")
"""Positive SARC-CalF screen: total >= 11 of 20 (Barbosa-Silva 2016; AWGS 2019)."""
SARC_CALF_POINTS = 10
"""Points added when the calf circumference is low (Barbosa-Silva 2016)."""
BARBOSA2016_CALF = Cutoff(
    "low calf circumference",
    "SARC-CalF (Barbosa-Silva 2016)",
    "<=",
    34.0,
    33.0,
    "cm",
    "barbosasilva2016",
    verified=False,
    note="'<=' versus '<' could not be checked against the paper",
)
"""Original SARC-CalF calf cut-off: <= 34 cm (men) / <= 33 cm (women). Boundary UNVERIFIED."""

CALF_VARIANTS: dict[str, Cutoff] = {"awgs2019": AWGS2019_CALF, "barbosa2016": BARBOSA2016_CALF}

POSITIVE = "positive screen"
NEGATIVE = "negative screen"


class SarcCalFInput(SarcFItems):
    sarc_f: int | None = Field(None, ge=0, le=10, description="SARC-F total, when the items are not given")
    sex: Sex | None = None
    calf: Annotated[float, in_range("calf_circumference")] | None = Field(
        None, description="maximal calf circumference"
    )
    variant: Literal["awgs2019", "barbosa2016"] = "awgs2019"


def _sarc_f(data: SarcCalFInput) -> tuple[int | None, list[str]]:
    from_items, missing_items = sarc_f_total(data)
    if data.sarc_f is None:
        return from_items, missing_items
    if from_items is not None and from_items != data.sarc_f:
        raise InputError(
            [
                Problem(
                    "sarc_f",
                    data.sarc_f,
                    f"contradicts the items, which total {from_items}",
                    accepted=f"{from_items}, or give only the items or only the total",
                )
            ]
        )
    return data.sarc_f, []


class SarcCalF(Instrument):
    """SARC-CalF total (0-20) and screen result (positive at >= 11)."""

    name = "sarc-calf"
    title = "SARC-CalF (SARC-F with calf circumference)"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    person_fields = ("sex",)
    Input = SarcCalFInput
    examples = (
        # Boundary vectors of the reference note (SARC-F 1, man): calf 33.9 cm -> 11; 34.0 cm -> 1.
        Example({"sarc_f": 1, "sex": "male", "calf": 33.9}, 11, POSITIVE, "barbosasilva2016"),
        Example({"sarc_f": 1, "sex": "male", "calf": 34.0}, 1, NEGATIVE, "barbosasilva2016"),
    )

    def compute(self, data: SarcCalFInput) -> Score:
        sarc_f, missing = _sarc_f(data)
        cutoff = CALF_VARIANTS[data.variant]
        if data.calf is None:
            missing.append("calf circumference (cm)")
        if data.sex is None:
            missing.append("sex")
        details = {"variant": data.variant, "sarc_f": sarc_f, "calf": data.calf, "unverified": unverified([cutoff])}
        low_calf = cutoff.met(data.calf, data.sex)
        criteria = (cutoff.criterion(data.calf, data.sex),)
        if sarc_f is None or low_calf is None:
            return self.cannot_tell(missing, criteria=criteria, details=details)
        value = sarc_f + (SARC_CALF_POINTS if low_calf else 0)
        positive = bool(SARC_CALF_POSITIVE.met(value))
        return self.result(
            value,
            POSITIVE if positive else NEGATIVE,
            unit="points",
            positive=positive,
            details=details,
            criteria=criteria + (SARC_CALF_POSITIVE.criterion(value),),
            interpretation=(
                "Positive screen: assess muscle strength and performance."
                if positive
                else "Negative screen (a screen does not rule sarcopenia out)."
            ),
        )


INSTRUMENT = SarcCalF()
