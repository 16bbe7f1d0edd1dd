"""ALSFRS-R: the revised ALS Functional Rating Scale (12 items, total 0-48, higher = better).

Cedarbaum JM, Stambler N, Malta E, et al. J Neurol Sci 1999;169(1-2):13-21.
[cedarbaum1999].

The total and the four domain subscores (bulbar, fine motor, gross motor, respiratory, each
0-12) are given only when every item is answered: no imputation rule is published, so a
partly answered form is "cannot tell" and names the unanswered items. The scale has no
published severity bands; the category only says whether any function is reduced (total
below 48).
"""

from __future__ import annotations

from myoscope.instruments._alsfrs import DOMAINS, ITEMS, TOTAL_MAX, AlsfrsItems, missing_items
from myoscope.instruments._base import Example, Instrument, Score

NORMAL = "normal function"
REDUCED = "reduced function"


class AlsfrsR(Instrument):
    name = "alsfrs-r"
    title = "Revised ALS Functional Rating Scale (ALSFRS-R)"
    version = "1999"
    citations = ("cedarbaum1999",)
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
            value=35,
            category=REDUCED,
            source="cedarbaum1999",
        ),
    )

    def compute(self, data: AlsfrsItems) -> Score:
        fields = [item.field for item in ITEMS]
        missing = missing_items(data, fields)
        if missing:
            return self.cannot_tell(missing)
        scores = {f: getattr(data, f) for f in fields}
        total = sum(scores.values())
        subscores = {name: sum(scores[f] for f in items) for name, items in DOMAINS.items()}
        category = NORMAL if total == TOTAL_MAX else REDUCED
        lowest = min(subscores, key=lambda k: subscores[k])
        text = f"ALSFRS-R {total} of {TOTAL_MAX}" + (
            "" if total == TOTAL_MAX else f"; lowest domain: {lowest.replace('_', ' ')} ({subscores[lowest]} of 12)"
        )
        return self.result(
            total,
            category,
            unit="points",
            interpretation=text,
            positive=total < TOTAL_MAX,
            details={
                "subscores": subscores,
                "items": scores,
                "item5_form": None if data.gastrostomy is None else ("5b" if data.gastrostomy else "5a"),
                "note": "ratings compare the person with their state before the disease began",
            },
        )


INSTRUMENT = AlsfrsR()
