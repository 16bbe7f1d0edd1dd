"""King's clinical stage of ALS estimated from ALSFRS-R items.

Stages (Roche JC, et al. A proposed staging system for amyotrophic lateral sclerosis. Brain
2012;135(3):847-852. [roche2012]): 1, 2 and 3 = one, two or three CNS regions
functionally involved; 4A = need for gastrostomy; 4B = need for non-invasive ventilation.

Estimation from ALSFRS-R (Balendra R, et al. Amyotroph Lateral Scler Frontotemporal Degener
2014;15(3-4):279-284. [balendra2014]), rules as read in two independent
public implementations of the paper (they agree):

* 4B when item 10 (dyspnoea) is 0 or item 12 (breathing support) is below 4;
* otherwise 4A when item 5 was rated on the gastrostomy form (5b);
* otherwise the number of regions involved: bulbar (any of items 1-3 below 4), upper limb
  (item 4 or 5a below 4), lower limb (item 8 below 4).

When both 4A and 4B apply, the category is "stage 4B" (the public code's precedence) and
``details["substage"]`` shows both. No region involved is not a King's stage: value None and
category "not staged"; whether Balendra 2014 then assigned stage 1 is UNVERIFIED.
"""

from __future__ import annotations

from typing import TypedDict

from myoscope.instruments._alsfrs import ITEM_MAX, AlsfrsItems, missing_items
from myoscope.instruments._base import Example, Instrument, Score, given
from myoscope.precision import count_text
from myoscope.references import cite

NEEDED = (
    "speech",
    "salivation",
    "swallowing",
    "handwriting",
    "cutting_food",
    "gastrostomy",
    "walking",
    "dyspnoea",
    "respiratory_insufficiency",
)

NIV_DYSPNOEA_SCORE = 0
"""Item 10 at this score counts as need for ventilation (stage 4B; Balendra 2014)."""
NIV_SUPPORT_BELOW = ITEM_MAX
"""Item 12 below this score (any ventilation use) counts as stage 4B (Balendra 2014)."""

NOT_STAGED = "not staged: no region involved on ALSFRS-R"


class KingsDetails(TypedDict):
    """What :func:`kings_stage` found: regions involved, the 4A/4B flags, and what is unverified."""

    regions: dict[str, bool]
    substage: dict[str, bool]
    unverified: list[str]


def _normal(*scores: int | None) -> bool:
    return all(s == ITEM_MAX for s in scores)


def kings_stage(d: AlsfrsItems) -> tuple[int | None, str, KingsDetails]:
    """(stage number, category, details) from complete items; see the module docstring."""
    niv = d.dyspnoea == NIV_DYSPNOEA_SCORE or given(d.respiratory_insufficiency) < NIV_SUPPORT_BELOW
    gastro = bool(d.gastrostomy)
    regions = {
        "bulbar": not _normal(d.speech, d.salivation, d.swallowing),
        "upper_limb": not _normal(d.handwriting) or (not gastro and not _normal(d.cutting_food)),
        "lower_limb": not _normal(d.walking),
    }
    details: KingsDetails = {
        "regions": regions,
        "substage": {"A": gastro, "B": niv},
        "unverified": [
            "ALSFRS-R to King's mapping read from two agreeing public implementations of "
            "Balendra 2014, not from the paper's full text"
        ],
    }
    if niv:
        return 4, "stage 4B", details
    if gastro:
        return 4, "stage 4A", details
    count = sum(regions.values())
    if count == 0:
        details["unverified"].append("whether Balendra 2014 staged a person with no involved region as stage 1")
        return None, NOT_STAGED, details
    return count, f"stage {count}", details


class Kings(Instrument):
    name = "kings"
    title = "King's clinical stage of ALS, estimated from ALSFRS-R"
    version = "2014"
    citations = cite("roche2012", "balendra2014")
    domain = "als"
    Input = AlsfrsItems
    examples = (
        Example(
            inputs={
                "speech": 4,
                "salivation": 3,
                "swallowing": 3,
                "handwriting": 2,
                "cutting_food": 2,
                "gastrostomy": False,
                "dressing_hygiene": 3,
                "turning_in_bed": 3,
                "walking": 2,
                "climbing_stairs": 1,
                "dyspnoea": 4,
                "orthopnoea": 4,
                "respiratory_insufficiency": 4,
            },
            value=3,
            category="stage 3",
            source="balendra2014",
        ),
        Example(
            inputs={
                "speech": 4,
                "salivation": 4,
                "swallowing": 4,
                "handwriting": 4,
                "cutting_food": 4,
                "gastrostomy": False,
                "walking": 4,
                "dyspnoea": 4,
                "respiratory_insufficiency": 3,
            },
            value=4,
            category="stage 4B",
            source="balendra2014",
        ),
    )

    def compute(self, data: AlsfrsItems) -> Score:
        missing = missing_items(data, NEEDED)
        if missing:
            return self.cannot_tell(missing)
        stage, category, details = kings_stage(data)
        involved = [k.replace("_", " ") for k, v in details["regions"].items() if v]
        text = {
            "stage 4B": "need for breathing support (King's stage 4B)",
            "stage 4A": "need for gastrostomy (King's stage 4A)",
            NOT_STAGED: "no region involved on the ALSFRS-R items used for staging",
        }.get(category, f"{count_text(len(involved), 'region')} involved: {', '.join(involved)}")
        return self.result(stage, category, interpretation=text, details=details, positive=stage is not None)


INSTRUMENT = Kings()
