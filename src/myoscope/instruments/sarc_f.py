"""SARC-F: five-item questionnaire screening for sarcopenia.

Malmstrom TK, Morley JE. SARC-F: a simple questionnaire to rapidly diagnose sarcopenia.
J Am Med Dir Assoc 2013;14(8):531-532. [malmstrom2013]. Validation:
Malmstrom TK, et al. J Cachexia Sarcopenia Muscle 2016;7(1):28-36. [malmstrom2016].

Each item scores 0 (no difficulty), 1 (some) or 2 (a lot, or unable); falls score 0 (none
in the past year), 1 (1-3 falls) or 2 (4 or more). Total 0-10; a total of 4 or more is a
positive screen. A missing item leaves the total undecided: no imputation rule is published.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from myoscope.errors import InputError, Problem
from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.instruments._cutoff import Cutoff
from myoscope.references import cite

CITATIONS = cite("malmstrom2013", "malmstrom2016")

SARC_F_POSITIVE = Cutoff("positive screen", "SARC-F", ">=", 4, None, "points", "malmstrom2013")
"""Positive SARC-F screen: total >= 4 of 10 (Malmstrom & Morley 2013)."""

SARC_F_FALLS_BANDS = ((0, 0, 0), (1, 3, 1), (4, None, 2))
"""Falls in the past year -> item score: none -> 0, 1-3 -> 1, 4 or more -> 2 (Malmstrom & Morley 2013)."""

ITEMS = ("strength", "assistance", "rise", "climb", "falls")
ITEM_TEXT = {
    "strength": "difficulty lifting and carrying about 4.5 kg (10 lb)",
    "assistance": "difficulty walking across a room",
    "rise": "difficulty moving from a chair or bed",
    "climb": "difficulty climbing a flight of 10 stairs",
    "falls": "falls in the past year",
}
"""Short paraphrases of the items (not the questionnaire's wording)."""

POSITIVE = "positive screen"
NEGATIVE = "negative screen"


def falls_item(count: int) -> int:
    """Item score for a number of falls in the past year (see :data:`SARC_F_FALLS_BANDS`)."""
    for low, high, points in SARC_F_FALLS_BANDS:
        if count >= low and (high is None or count <= high):
            return points
    raise ValueError(f"falls count must be 0 or more, not {count}")


ANCHORS = {
    "strength": "0 none, 1 some, 2 a lot or unable",
    "assistance": "0 none, 1 some, 2 a lot, uses aids, or unable",
    "rise": "0 none, 1 some, 2 a lot or unable without help",
    "climb": "0 none, 1 some, 2 a lot or unable",
    "falls": "0 none, 1 one to three, 2 four or more",
}
"""Short paraphrases of the answer anchors."""


def _item(name: str) -> Any:
    return Field(None, ge=0, le=2, description=f"{ITEM_TEXT[name]}: {ANCHORS[name]}")


class SarcFItems(InstrumentInput):
    """The five SARC-F items (0-2 each); falls may be given as a count instead."""

    strength: int | None = _item("strength")
    assistance: int | None = _item("assistance")
    rise: int | None = _item("rise")
    climb: int | None = _item("climb")
    falls: int | None = _item("falls")
    falls_count: int | None = Field(
        None, ge=0, le=365, description="number of falls in the past year (alternative to 'falls')"
    )


def item_scores(data: SarcFItems) -> dict[str, int | None]:
    """The five item scores, with the falls count mapped; refuses a falls score that contradicts the count."""
    scores = {name: getattr(data, name) for name in ITEMS}
    if data.falls_count is not None:
        from_count = falls_item(data.falls_count)
        if scores["falls"] is not None and scores["falls"] != from_count:
            raise InputError(
                [
                    Problem(
                        "falls",
                        scores["falls"],
                        f"contradicts falls_count={data.falls_count} (which scores {from_count})",
                        accepted=f"{from_count}, or leave one of the two out",
                    )
                ]
            )
        scores["falls"] = from_count
    return scores


def total(data: SarcFItems) -> tuple[int | None, list[str]]:
    """(total 0-10 or None, the items still to ask)."""
    scores = item_scores(data)
    missing = [f"SARC-F item '{name}' ({ITEM_TEXT[name]})" for name, v in scores.items() if v is None]
    return (None if missing else sum(v for v in scores.values() if v is not None)), missing


class SarcF(Instrument):
    """SARC-F total and screen result (positive at >= 4)."""

    name = "sarc-f"
    title = "SARC-F sarcopenia screening questionnaire"
    version = "1.0"
    citations = CITATIONS
    domain = "muscle"
    Input = SarcFItems
    examples = (
        # Worked vectors from the published scoring (items S, A, R, C, F); source: Malmstrom 2013.
        Example({"strength": 2, "assistance": 1, "rise": 1, "climb": 0, "falls": 0}, 4, POSITIVE, "malmstrom2013"),
        Example({"strength": 1, "assistance": 1, "rise": 1, "climb": 0, "falls": 0}, 3, NEGATIVE, "malmstrom2013"),
    )

    def compute(self, data: SarcFItems) -> Score:
        value, missing = total(data)
        details = {"items": item_scores(data)}
        if value is None:
            return self.cannot_tell(missing, details=details)
        positive = bool(SARC_F_POSITIVE.met(value))
        return self.result(
            value,
            POSITIVE if positive else NEGATIVE,
            unit="points",
            positive=positive,
            details=details,
            criteria=(SARC_F_POSITIVE.criterion(value),),
            interpretation=(
                "Positive screen: sarcopenia is possible; measure grip strength or chair-stand time."
                if positive
                else "Negative screen (a screen does not rule sarcopenia out)."
            ),
        )


INSTRUMENT = SarcF()
