"""The twelve ALSFRS-R items as data, shared by ``alsfrs-r``, ``kings`` and ``mitos``.

Cedarbaum JM, et al. The ALSFRS-R: a revised ALS functional rating scale that incorporates
assessments of respiratory function. J Neurol Sci 1999;169(1-2):13-21.
[cedarbaum1999].

Each item is an integer 0-4 (4 = normal, 0 = function lost), rated against the person's state
before the disease began. Item 5 has two forms: 5a without and 5b with a gastrostomy; one is
rated and both fill the same slot. The anchors below are short paraphrases in our own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import Field

from myoscope.instruments._base import InstrumentInput

ITEM_MAX = 4
"""Every ALSFRS-R item runs 0-4; the total runs 0-48 (Cedarbaum 1999)."""

TOTAL_MAX = 48


@dataclass(frozen=True, slots=True)
class Item:
    number: str
    field: str
    title: str
    anchors: tuple[str, str, str, str, str]
    """Paraphrased meaning of 4, 3, 2, 1, 0."""


ITEMS: tuple[Item, ...] = (
    Item(
        "1",
        "speech",
        "speech",
        ("normal", "noticeable change", "understood when repeating", "needs non-speech aids too", "no useful speech"),
    ),
    Item(
        "2",
        "salivation",
        "salivation",
        (
            "normal",
            "slight excess, maybe drooling at night",
            "moderate excess, a little drooling",
            "marked excess with some drooling",
            "marked drooling, needs tissue constantly",
        ),
    ),
    Item(
        "3",
        "swallowing",
        "swallowing",
        (
            "normal eating",
            "early problems, occasional choking",
            "food texture changed",
            "needs extra tube feeding",
            "nothing by mouth",
        ),
    ),
    Item(
        "4",
        "handwriting",
        "handwriting",
        (
            "normal",
            "slow or untidy, all words readable",
            "some words unreadable",
            "holds a pen, cannot write",
            "cannot hold a pen",
        ),
    ),
    Item(
        "5",
        "cutting_food",
        "cutting food and handling utensils (5a) / fastenings (5b)",
        (
            "normal",
            "slow and clumsy, no help (5a); clumsy, manages alone (5b)",
            "some help (5a); help with fastenings (5b)",
            "food cut by others, feeds self slowly (5a); helps the carer a little (5b)",
            "must be fed (5a); cannot do any part (5b)",
        ),
    ),
    Item(
        "6",
        "dressing_hygiene",
        "dressing and hygiene",
        (
            "normal",
            "independent with effort",
            "intermittent help or other methods",
            "needs an attendant",
            "fully dependent",
        ),
    ),
    Item(
        "7",
        "turning_in_bed",
        "turning in bed and adjusting bed clothes",
        (
            "normal",
            "slow and clumsy, no help",
            "alone with great difficulty",
            "starts but cannot finish alone",
            "helpless",
        ),
    ),
    Item(
        "8",
        "walking",
        "walking",
        ("normal", "early difficulty", "walks with help", "moves legs but cannot walk", "no purposeful leg movement"),
    ),
    Item(
        "9",
        "climbing_stairs",
        "climbing stairs",
        ("normal", "slow", "slightly unsteady or tired", "needs help", "cannot"),
    ),
    Item(
        "10",
        "dyspnoea",
        "shortness of breath",
        (
            "none",
            "when walking",
            "when eating, washing or dressing",
            "at rest",
            "severe, considering breathing support",
        ),
    ),
    Item(
        "11",
        "orthopnoea",
        "breathlessness lying down",
        (
            "none",
            "some trouble sleeping, up to two pillows",
            "needs more than two pillows",
            "sleeps only sitting up",
            "cannot sleep",
        ),
    ),
    Item(
        "12",
        "respiratory_insufficiency",
        "breathing support",
        (
            "none",
            "non-invasive ventilation at times",
            "non-invasive ventilation all night",
            "non-invasive ventilation night and day",
            "invasive ventilation (tube or tracheostomy)",
        ),
    ),
)

BY_FIELD = {item.field: item for item in ITEMS}

DOMAINS: dict[str, tuple[str, ...]] = {
    "bulbar": ("speech", "salivation", "swallowing"),
    "fine_motor": ("handwriting", "cutting_food", "dressing_hygiene"),
    "gross_motor": ("turning_in_bed", "walking", "climbing_stairs"),
    "respiratory": ("dyspnoea", "orthopnoea", "respiratory_insufficiency"),
}
"""Four domain subscores, each 0-12: bulbar (items 1-3), fine motor (4-6), gross motor (7-9),
respiratory (10-12). Grouping checked against the calcmd.com ALSFRS-R page and the four-factor
measurement model of a Dutch register study (J Neurol 2017, [alsfrs_domains2017]),
which notes that items 6 and 7 also load on the other motor domain."""


def _item_field(item: Item) -> Any:
    text = f"ALSFRS-R item {item.number}, {item.title}: " + "; ".join(
        f"{ITEM_MAX - i} = {anchor}" for i, anchor in enumerate(item.anchors)
    )
    return Field(default=None, ge=0, le=ITEM_MAX, description=text)


class AlsfrsItems(InstrumentInput):
    """The twelve ALSFRS-R items (0-4 each) and which form of item 5 was used."""

    speech: int | None = _item_field(ITEMS[0])
    salivation: int | None = _item_field(ITEMS[1])
    swallowing: int | None = _item_field(ITEMS[2])
    handwriting: int | None = _item_field(ITEMS[3])
    cutting_food: int | None = _item_field(ITEMS[4])
    gastrostomy: bool | None = Field(
        default=None,
        description="True when item 5 was rated on the 5b form (person has a gastrostomy), False for the 5a form",
    )
    dressing_hygiene: int | None = _item_field(ITEMS[5])
    turning_in_bed: int | None = _item_field(ITEMS[6])
    walking: int | None = _item_field(ITEMS[7])
    climbing_stairs: int | None = _item_field(ITEMS[8])
    dyspnoea: int | None = _item_field(ITEMS[9])
    orthopnoea: int | None = _item_field(ITEMS[10])
    respiratory_insufficiency: int | None = _item_field(ITEMS[11])


def missing_items(data: AlsfrsItems, fields: Sequence[str]) -> list[str]:
    """What to ask for each unanswered field among ``fields`` (item number and title)."""
    out: list[str] = []
    for name in fields:
        if getattr(data, name) is None:
            if name == "gastrostomy":
                out.append("whether the person has a gastrostomy (item 5 rated on form 5a or 5b)")
            else:
                item = BY_FIELD[name]
                out.append(f"ALSFRS-R item {item.number} ({item.title}), rated 0-4")
    return out
