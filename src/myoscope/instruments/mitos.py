"""MiToS (Milano-Torino) functional stage of ALS from ALSFRS-R items.

Chiò A, Hammond ER, Mora G, Bonito V, Filippini G. Development and evaluation of a clinical
staging system for amyotrophic lateral sclerosis. J Neurol Neurosurg Psychiatry
2015;86(1):38-44, Table 1 (read from the journal's table):

* movement (walking / self-care) lost: item 8 ≤ 1 OR item 6 ≤ 1;
* swallowing lost: item 3 ≤ 1;
* communication lost: item 1 ≤ 1 AND item 4 ≤ 1 (one public code base uses OR; the table says AND);
* breathing lost: item 10 ≤ 1 OR item 12 ≤ 2.

Stage = number of domains lost (0-4); stage 5 (death) is not scored here.
"""

from __future__ import annotations

from myoscope.instruments._alsfrs import AlsfrsItems, missing_items
from myoscope.instruments._base import Criterion, Example, Instrument, Score, given
from myoscope.precision import count_text
from myoscope.references import cite

LOST_AT_OR_BELOW = 1
"""An item at or below this score marks the domain as lost (items 1, 3, 4, 6, 8, 10)."""
SUPPORT_LOST_AT_OR_BELOW = 2
"""Item 12 (breathing support) at or below this score marks breathing as lost."""

NEEDED = ("speech", "swallowing", "handwriting", "dressing_hygiene", "walking", "dyspnoea", "respiratory_insufficiency")


def domains_lost(d: AlsfrsItems) -> dict[str, bool]:
    """Which MiToS domains are lost (complete items needed)."""
    low = LOST_AT_OR_BELOW
    return {
        "movement": given(d.walking) <= low or given(d.dressing_hygiene) <= low,
        "swallowing": given(d.swallowing) <= low,
        "communication": given(d.speech) <= low and given(d.handwriting) <= low,
        "breathing": given(d.dyspnoea) <= low or given(d.respiratory_insufficiency) <= SUPPORT_LOST_AT_OR_BELOW,
    }


_RULES = {
    "movement": "walking ≤ 1 or dressing and hygiene ≤ 1",
    "swallowing": "swallowing ≤ 1",
    "communication": "speech ≤ 1 and handwriting ≤ 1",
    "breathing": "dyspnoea ≤ 1 or breathing support ≤ 2",
}


class Mitos(Instrument):
    name = "mitos"
    title = "MiToS functional stage of ALS"
    version = "2015"
    citations = cite("chio2015")
    domain = "als"
    Input = AlsfrsItems
    examples = (
        Example(
            inputs={
                "speech": 4,
                "swallowing": 4,
                "handwriting": 4,
                "dressing_hygiene": 4,
                "walking": 4,
                "dyspnoea": 0,
                "respiratory_insufficiency": 4,
            },
            value=1,
            category="stage 1",
            source="chio2015",
        ),
    )

    def compute(self, data: AlsfrsItems) -> Score:
        missing = missing_items(data, NEEDED)
        if missing:
            return self.cannot_tell(missing)
        lost = domains_lost(data)
        stage = sum(lost.values())
        criteria = tuple(
            Criterion(f"{name} lost", value, threshold=_RULES[name], citation="chio2015")
            for name, value in lost.items()
        )
        names = [k for k, v in lost.items() if v]
        text = (
            f"independence lost in {count_text(stage, 'domain')}: {', '.join(names)}"
            if stage
            else "no domain of independence lost (stage 0)"
        )
        return self.result(
            stage,
            f"stage {stage}",
            criteria=criteria,
            interpretation=text,
            details={"domains_lost": lost},
            positive=stage > 0,
        )


INSTRUMENT = Mitos()
