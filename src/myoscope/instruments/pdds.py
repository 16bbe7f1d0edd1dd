"""PDDS: Patient Determined Disease Steps, a self-reported MS disability level 0-8.

Developed from Disease Steps (Hohol MJ, Orav EJ, Weiner HL. Neurology 1995;45(2):251-255.
[hohol1995]); validated against the EDSS (rho 0.78) by Learmonth YC, et al.
BMC Neurol 2013;13:37. [learmonth2013]. Groups used in studies: 0-2 mild,
3-5 moderate, 6-8 severe (NINDS Common Data Elements, PDDS summary). Labels below are
short paraphrases. The PDDS is not an EDSS and is never converted to one.
"""

from __future__ import annotations

from pydantic import Field

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.references import cite

LEVELS: tuple[tuple[str, str], ...] = (
    ("normal", "mild, mostly sensory symptoms; no limit on activities"),
    ("mild disability", "noticeable symptoms with a small effect on lifestyle"),
    ("moderate disability", "walking not limited, but other daily activities clearly limited"),
    ("gait disability", "walking affected, usually without an aid"),
    ("early cane", "a cane or other support some or all of the time; can walk 25 ft in 20 s without it"),
    ("late cane", "needs a cane, crutch or another person to walk 25 ft"),
    ("bilateral support", "needs two canes or crutches or a walker to walk 25 ft"),
    ("wheelchair / scooter", "a wheelchair or scooter is the main way of getting about"),
    ("bedridden", "cannot sit in a wheelchair for more than about an hour"),
)
"""PDDS 0-8: (label, gist), paraphrased from the published caregiver/CDE versions."""

GROUPS: tuple[tuple[int, str], ...] = ((2, "mild"), (5, "moderate"), (8, "severe"))
"""Upper PDDS level -> study group (NINDS CDE)."""


class PddsInput(InstrumentInput):
    pdds: int | None = Field(
        default=None,
        ge=0,
        le=8,
        description="PDDS level 0-8: " + "; ".join(f"{i} {label}" for i, (label, _) in enumerate(LEVELS)),
    )


def group(level: int) -> str:
    return next(name for upper, name in GROUPS if level <= upper)


class Pdds(Instrument):
    name = "pdds"
    title = "Patient Determined Disease Steps (PDDS)"
    version = "2013"
    citations = cite("hohol1995", "learmonth2013", "ninds_cde_pdds")
    domain = "ms"
    Input = PddsInput
    examples = (Example(inputs={"pdds": 4}, value=4, category="early cane", source="ninds_cde_pdds"),)

    def compute(self, data: PddsInput) -> Score:
        if data.pdds is None:
            return self.cannot_tell(["PDDS level (0-8), answered by the person"])
        label, gist = LEVELS[data.pdds]
        return self.result(
            data.pdds,
            label,
            interpretation=f"PDDS {data.pdds} ({label}): {gist}",
            details={"group": group(data.pdds)},
            positive=data.pdds > 0,
        )


INSTRUMENT = Pdds()
