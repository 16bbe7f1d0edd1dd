"""What-if scenarios compared by the joined projection, and how they are written on the command line.

* ``current``: the recorded intake, protein and training, episodes as recorded;
* ``lean_sparing``: the lowest constant intake whose loss of lean tissue over the horizon stays
  within :data:`LEAN_LOSS_LIMIT_KG` (Hall's model without modifiers; a goal, not a value from the
  literature);
* ``added_protein``: protein raised to :data:`~myoscope.physiology.protein.PROTEIN_FULL_G_PER_KG`
  g/kg/day (the high-protein arm the protein effect is calibrated on), intake unchanged;
* ``resistance_training``: resistance training at least twice a week (WHO 2020 recommends
  muscle-strengthening activity on two or more days a week), and retraining of each region once
  its disuse ends;
* ``cast_removed:YYYY-MM-DD``: every ongoing immobilisation ends on that date, then habitual activity.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from myoscope.errors import InputError, Problem

LEAN_LOSS_LIMIT_KG = 1.0
"""Lean-sparing goal: at most 1 kg of lean tissue lost over the horizon (a goal you can change)."""
NAMES = ("current", "lean_sparing", "added_protein", "resistance_training", "cast_removed")


class IntakeGuard(str, Enum):
    """What the safety checks of the causes layer allow the scenarios to prescribe (decided there, obeyed here).

    * ``none``: no limit;
    * ``no_deficit``: a person at nutritional risk (malnourished, underweight): no scenario eats below
      the maintenance need, so the lean-sparing intake is at least the maintenance need;
    * ``refeeding``: refeeding risk: every scenario that raises intake, protein or exercise is held
      (refeeding is started under medical and dietetic supervision); the current course is still shown;
    * ``swallowing``: a swallowing problem: the scenarios that change what is eaten are held until the
      swallowing assessment (texture and amounts are planned after it);
    * ``possible_clot``: a leg that may hold a clot: no training scenario until a clinician has seen it;
    * ``kidney``: chronic kidney disease: no added-protein scenario (the renal team sets protein);
    * ``urgent``: a red flag that needs a clinician now: no training scenario before that visit;
    * ``pregnancy``: a pregnancy: Hall's model does not describe one, and intake and training are planned
      with the midwife: the scenarios that change them are held;
    * ``little_intake``: little intake recorded (for more than 5 days, or for an unrecorded time): eating is
      built back up from half the need, so no scenario raises it at once.

    A person may meet several at once: the checks give a set of them (:data:`Guards`).
    """

    none = "none"
    no_deficit = "no_deficit"
    refeeding = "refeeding"
    swallowing = "swallowing"
    possible_clot = "possible_clot"
    kidney = "kidney"
    urgent = "urgent"
    pregnancy = "pregnancy"
    little_intake = "little_intake"


Guards = frozenset[IntakeGuard]
"""The guards the safety checks raise for one person (empty: no limit)."""

HELD_BY_REFEEDING = frozenset({"lean_sparing", "added_protein", "resistance_training"})
"""Scenarios that raise intake, protein or exercise: held under refeeding risk."""
HELD_BY_SWALLOWING = frozenset({"lean_sparing", "added_protein"})
"""Scenarios that change what is eaten: held while a swallowing problem awaits its assessment."""
HELD_BY = {
    IntakeGuard.refeeding: HELD_BY_REFEEDING,
    IntakeGuard.swallowing: HELD_BY_SWALLOWING,
    IntakeGuard.possible_clot: frozenset({"resistance_training"}),
    IntakeGuard.urgent: frozenset({"resistance_training"}),
    IntakeGuard.pregnancy: HELD_BY_REFEEDING,
    IntakeGuard.little_intake: HELD_BY_SWALLOWING,
    IntakeGuard.kidney: frozenset({"added_protein"}),
}
"""The scenarios each guard holds, the most urgent guard first (the one a held scenario names)."""


def holding_guard(guards: Guards, scenario: str) -> IntakeGuard | None:
    """The first guard of :data:`HELD_BY` that holds ``scenario``, or None."""
    return next((g for g, held in HELD_BY.items() if g in guards and scenario in held), None)


@dataclass(frozen=True)
class Scenario:
    """One what-if: which levers differ from the record (None = as recorded)."""

    name: str
    label: str
    intake: str = "recorded"
    """``recorded`` or ``lean_sparing``."""
    protein_g_per_kg: float | None = None
    resistance_training: bool | None = None
    episodes_end: dt.date | None = None


def _protein_target() -> float:
    from myoscope.physiology.protein import PROTEIN_FULL_G_PER_KG

    return PROTEIN_FULL_G_PER_KG


def parse(text: str) -> Scenario:
    """A scenario from its command-line spelling; refused with the accepted names otherwise."""
    name, colon, argument = text.strip().partition(":")
    name = name.replace("-", "_").lower()
    if colon and name in NO_ARGUMENT:
        raise InputError([Problem("--scenario", text, "takes no argument", name)])
    if name == "current":
        return Scenario("current", "current intake and activity")
    if name == "lean_sparing":
        return Scenario(
            "lean_sparing",
            f"lean-sparing intake (at most {LEAN_LOSS_LIMIT_KG:g} kg lean tissue lost)",
            intake="lean_sparing",
        )
    if name == "added_protein":
        target = _protein_target()
        return Scenario("added_protein", f"protein raised to {target:g} g/kg/day", protein_g_per_kg=target)
    if name == "resistance_training":
        return Scenario("resistance_training", "resistance training at least twice a week", resistance_training=True)
    if name == "cast_removed":
        try:
            date = dt.date.fromisoformat(argument)
        except ValueError:
            raise InputError([Problem("--scenario", text, "needs a date", "cast_removed:YYYY-MM-DD")]) from None
        return Scenario("cast_removed", f"immobilisation ended on {date.isoformat()}", episodes_end=date)
    raise InputError(
        [
            Problem(
                "--scenario",
                text,
                "is not a known scenario",
                "current, lean_sparing, added_protein, resistance_training, cast_removed:YYYY-MM-DD",
            )
        ]
    )


NO_ARGUMENT = frozenset({"current", "lean_sparing", "added_protein", "resistance_training"})
"""Scenarios that take no ``:argument`` (only ``cast_removed`` takes one, its date)."""

DEFAULT = ("current", "lean_sparing", "added_protein", "resistance_training")
"""Scenarios compared when none is named."""

__all__ = [
    "DEFAULT",
    "HELD_BY",
    "HELD_BY_REFEEDING",
    "HELD_BY_SWALLOWING",
    "Guards",
    "LEAN_LOSS_LIMIT_KG",
    "NAMES",
    "IntakeGuard",
    "Scenario",
    "holding_guard",
    "parse",
]
