"""MSWS-12: the 12-item MS Walking Scale (how much MS limited walking over the past two weeks).

Hobart JC, Riazi A, Lamping DL, Fitzpatrick R, Thompson AJ. Measuring the impact of MS on
walking ability: the 12-Item MS Walking Scale (MSWS-12). Neurology 2003;60(1):31-36.
[hobart2003]. Permission for use should be sought from Dr J. Hobart; items are
stored here only as short paraphrases.

Version 1 (default): each item 1-5 (not at all ... extremely), raw sum 12-60, transformed
score = (sum − 12) / 48 × 100, 0-100, higher = worse.

Version 2: sources conflict (UNVERIFIED). Only a raw total is accepted, transformed as
(sum − 12) / (max − 12) × 100 with the configurable maximum
:data:`V2_RAW_MAX` = 54 (an education forum's account with the worked example 34 -> 52.38).
Missing items give "cannot tell" (no published imputation rule); "cannot walk" is not
imputed as 100.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.references import cite

ITEMS: tuple[tuple[str, str], ...] = (
    ("walk", "limited your ability to walk"),
    ("run", "limited your ability to run"),
    ("stairs", "limited going up and down stairs"),
    ("standing", "made standing while doing things harder"),
    ("balance", "limited your balance standing or walking"),
    ("distance", "limited how far you can walk"),
    ("effort", "increased the effort walking takes"),
    ("support_indoors", "made you use support indoors (furniture, a stick)"),
    ("support_outdoors", "made you use support outdoors"),
    ("speed", "slowed your walking"),
    ("smoothness", "affected how smoothly you walk"),
    ("concentration", "made you concentrate on walking"),
)
"""The twelve items in order, paraphrased ("in the past two weeks, how much has your MS ...")."""

ANSWERS = ("not at all", "a little", "moderately", "quite a bit", "extremely")
"""Version 1 answers 1-5."""

V1_RAW_MIN, V1_RAW_MAX = 12, 60
V2_RAW_MAX = 54
"""Version 2 raw maximum: UNVERIFIED (one secondary source; another account gives 36)."""


def transformed(raw: int, raw_max: int, raw_min: int = V1_RAW_MIN) -> float:
    """(raw − min) / (max − min) × 100."""
    return (raw - raw_min) / (raw_max - raw_min) * 100


def _item(name: str, text: str) -> Any:
    return Field(
        default=None,
        ge=1,
        le=5,
        description=f"how much MS {text}: " + ", ".join(f"{n} {a}" for n, a in enumerate(ANSWERS, 1)),
    )


class Msws12Input(InstrumentInput):
    walk: int | None = _item(*ITEMS[0])
    run: int | None = _item(*ITEMS[1])
    stairs: int | None = _item(*ITEMS[2])
    standing: int | None = _item(*ITEMS[3])
    balance: int | None = _item(*ITEMS[4])
    distance: int | None = _item(*ITEMS[5])
    effort: int | None = _item(*ITEMS[6])
    support_indoors: int | None = _item(*ITEMS[7])
    support_outdoors: int | None = _item(*ITEMS[8])
    speed: int | None = _item(*ITEMS[9])
    smoothness: int | None = _item(*ITEMS[10])
    concentration: int | None = _item(*ITEMS[11])
    raw_total: int | None = Field(
        default=None, ge=V1_RAW_MIN, le=V1_RAW_MAX, description="raw sum, when the items themselves are not available"
    )
    cannot_walk: bool | None = Field(default=None, description="the person ticked 'cannot walk at all'")
    version: Literal["v1", "v2"] = Field(default="v1", description="scale version (v2 scoring unverified)")

    @model_validator(mode="after")
    def _consistent(self) -> Msws12Input:
        answered = [getattr(self, n) for n, _ in ITEMS if getattr(self, n) is not None]
        if self.version == "v2" and answered:
            raise ValueError("version 2 is scored from raw_total only (its item ranges are unverified)")
        if self.version == "v2" and self.raw_total is not None and self.raw_total > V2_RAW_MAX:
            raise ValueError(f"raw_total above {V2_RAW_MAX}, the version 2 maximum used here")
        if self.raw_total is not None and len(answered) == len(ITEMS) and sum(answered) != self.raw_total:
            raise ValueError("raw_total does not equal the sum of the items")
        return self


NONE, LIMITED = "no walking limitation reported", "walking limited"


class Msws12(Instrument):
    name = "msws-12"
    title = "12-item MS Walking Scale (MSWS-12)"
    version = "1"
    citations = cite("hobart2003")
    domain = "ms"
    Input = Msws12Input
    examples = (
        Example(
            inputs={name: 2 if i < 6 else 3 for i, (name, _) in enumerate(ITEMS)},
            value=37.5,
            category=LIMITED,
            source="hobart2003",
        ),
        Example(inputs={name: 1 for name, _ in ITEMS}, value=0.0, category=NONE, source="hobart2003"),
    )

    def compute(self, data: Msws12Input) -> Score:
        answers = {name: getattr(data, name) for name, _ in ITEMS}
        details: dict[str, Any] = {"version": data.version}
        if all(v is not None for v in answers.values()):
            raw = sum(answers.values())
        elif data.raw_total is not None:
            raw = data.raw_total
            details["from"] = "raw total"
        else:
            unanswered = [
                f"MSWS-12 item {i + 1} (how much MS {text}), 1-5"
                for i, (name, text) in enumerate(ITEMS)
                if answers[name] is None
            ]
            if data.cannot_walk:
                details["cannot_walk"] = True
                unanswered.insert(
                    0,
                    "the items cannot be scored for a person who cannot walk; no rule is "
                    "published for this case, record walking with the EDSS or PDDS instead",
                )
            return self.cannot_tell(unanswered, details=details)
        raw_max = V2_RAW_MAX if data.version == "v2" else V1_RAW_MAX
        value = round(transformed(raw, raw_max), 2)
        details.update(raw=raw, raw_range=[V1_RAW_MIN, raw_max])
        if data.version == "v2":
            details["unverified"] = [
                f"MSWS-12 version 2 scoring: raw maximum {V2_RAW_MAX} from one secondary source; other accounts differ"
            ]
        category = NONE if raw == V1_RAW_MIN else LIMITED
        return self.result(
            value,
            category,
            unit="points (0-100)",
            details=details,
            positive=raw > V1_RAW_MIN,
            interpretation=f"MSWS-12 {value:g} of 100 (raw {raw}); higher means MS limits walking more",
        )


INSTRUMENT = Msws12()
