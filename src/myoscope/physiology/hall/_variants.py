"""The two named variants of Hall's model and what distinguishes them."""

from __future__ import annotations

from dataclasses import dataclass

from myoscope.physiology.hall import _constants as c


@dataclass(frozen=True)
class Variant:
    """How the model is run.

    ``glycogen_energy`` multiplies dG/dt (kg/day) in the energy balance; ``lookahead`` makes the
    end-of-step RK4 stage read the next day's intake and sodium; ``balance_given_intake`` sets
    K from a given baseline intake; ``activity_changes`` allows a PAL schedule.
    """

    name: str
    glycogen_energy: float
    lookahead: bool
    balance_given_intake: bool
    activity_changes: bool
    description: str
    citations: tuple[str, ...]


HALL2011 = Variant(
    name="hall2011",
    glycogen_energy=c.RHO_G,
    lookahead=False,
    balance_given_intake=True,
    activity_changes=True,
    description=(
        "Hall et al. 2011 web appendix: glycogen changes cost rho_G dG/dt; each day's intake "
        "and sodium hold over the whole day; a given baseline intake is in energy balance; "
        "physical activity may change over time (delta follows the PAL of each day)."
    ),
    citations=c.MODEL_CITATION,
)

BW_1_0_0 = Variant(
    name="bw-1.0.0",
    glycogen_energy=1.0,
    lookahead=True,
    balance_given_intake=False,
    activity_changes=False,
    description=(
        "R package bw 1.0.0 (INSP-RH/bw d5f9378): dG/dt enters the energy balance in kg/day; "
        "the last RK4 stage of each day reads the next day's intake; K and delta come from "
        "PAL x RMR even when a baseline intake is given; PAL is constant."
    ),
    citations=c.MODEL_CITATION + c.BW_CITATION,
)

VARIANTS: dict[str, Variant] = {v.name: v for v in (HALL2011, BW_1_0_0)}
DEFAULT_VARIANT = HALL2011.name
