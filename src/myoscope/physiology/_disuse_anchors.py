"""The human disuse studies behind :mod:`myoscope.physiology.disuse`: one record per published
group result, the sites they cover, and how the quantity a study measured relates to knee-extensor size.

This module holds data and the look-ups on it; how a time course and a band are drawn from the data
is :mod:`myoscope.physiology.disuse`. Values come from the papers' abstracts or, for the short
bed-rest studies, from table 1 of Marusic 2021; each is cited by key (see ``myoscope.references``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Anchor:
    """One published group result: ``loss`` = mean % decrease after ``days`` of disuse.

    ``low``/``high`` are the reported spread (mean -/+ dispersion, or the printed range).
    """

    source: str
    kind: str
    site: str
    outcome: str
    days: float
    loss: float
    low: float
    high: float
    population: str
    measure: str
    dispersion: str
    older: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "population": self.population,
            "days": self.days,
            "measure": self.measure,
            "loss_percent": self.loss,
            "range_percent": [self.low, self.high],
            "dispersion": self.dispersion,
        }


def _anchor(
    source: str,
    kind: str,
    site: str,
    outcome: str,
    days: float,
    loss: float,
    spread: float | tuple[float, float],
    population: str,
    measure: str,
    dispersion: str,
    older: bool = False,
) -> Anchor:
    low, high = (loss - spread, loss + spread) if isinstance(spread, (int, float)) else spread
    return Anchor(
        source,
        kind,
        site,
        outcome,
        float(days),
        float(loss),
        max(0.0, float(low)),
        float(high),
        population,
        measure,
        dispersion,
        older,
    )


_YOUNG_CAST = "24 healthy young men (23 y), one-leg full cast"
_ULLS = "9 young men (22 y), unilateral lower-limb suspension"
_KILROE = "13 young men (20 y), one-leg knee brace"
_VIGELSO_YOUNG = "17 young men (23 y), one-leg immobilisation"
_VIGELSO_OLD = "15 older men (68 y), one-leg immobilisation"
_MILES = "12 young women (19-27 y), forearm cast with sling"
_MARUSIC = "healthy young men, bed rest (pooled table of Marusic 2021)"
_ALKNER = "9 healthy men (26-41 y), head-down bed rest, no exercise"
_MULDER = "9 healthy men, horizontal bed rest, no exercise"

ANCHORS: tuple[Anchor, ...] = (
    # One-limb immobilisation, leg (quadriceps / thigh)
    _anchor(
        "wall2014",
        "immobilisation",
        "leg",
        "muscle_size",
        5,
        3.5,
        0.5,
        _YOUNG_CAST,
        "quadriceps CSA (CT)",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "wall2014",
        "immobilisation",
        "leg",
        "muscle_size",
        14,
        8.4,
        2.8,
        _YOUNG_CAST,
        "quadriceps CSA (CT)",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "wall2014",
        "immobilisation",
        "leg",
        "strength",
        5,
        9.0,
        2.3,
        _YOUNG_CAST,
        "leg (knee-extension) strength",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "wall2014",
        "immobilisation",
        "leg",
        "strength",
        14,
        22.9,
        2.6,
        _YOUNG_CAST,
        "leg (knee-extension) strength",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "kilroe2020",
        "immobilisation",
        "leg",
        "muscle_size",
        2,
        1.7,
        0.3,
        _KILROE,
        "quadriceps volume (MRI)",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "kilroe2020",
        "immobilisation",
        "leg",
        "muscle_size",
        7,
        6.7,
        0.6,
        _KILROE,
        "quadriceps volume (MRI)",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "deboer2007",
        "immobilisation",
        "leg",
        "muscle_size",
        14,
        5.2,
        0.7,
        _ULLS,
        "knee-extensor CSA (MRI)",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "deboer2007",
        "immobilisation",
        "leg",
        "muscle_size",
        23,
        10.0,
        2.0,
        _ULLS,
        "knee-extensor CSA (MRI)",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "deboer2007",
        "immobilisation",
        "leg",
        "strength",
        14,
        14.8,
        5.5,
        _ULLS,
        "knee-extensor torque",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "deboer2007",
        "immobilisation",
        "leg",
        "strength",
        23,
        21.0,
        7.1,
        _ULLS,
        "knee-extensor torque",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "vigelso2015",
        "immobilisation",
        "leg",
        "strength",
        14,
        28.0,
        6.0,
        _VIGELSO_YOUNG,
        "knee-extensor MVC",
        "mean ± SEM (stated)",
    ),
    _anchor(
        "vigelso2015",
        "immobilisation",
        "leg",
        "strength",
        14,
        23.0,
        3.0,
        _VIGELSO_OLD,
        "knee-extensor MVC",
        "mean ± SEM (stated)",
        older=True,
    ),
    # One-limb immobilisation, forearm: the only verified upper-limb human data
    _anchor(
        "miles1994",
        "immobilisation",
        "forearm",
        "muscle_size",
        9,
        4.1,
        (4.1, 4.1),
        _MILES,
        "forearm muscle CSA",
        "group mean only (no dispersion in the abstract)",
    ),
    _anchor(
        "miles1994",
        "immobilisation",
        "forearm",
        "strength",
        9,
        29.3,
        (29.3, 32.5),
        _MILES,
        "isometric wrist flexion/extension strength",
        "flexion and extension means",
    ),
    # Whole-body bed rest, knee extensors
    _anchor(
        "marusic2021",
        "bed_rest",
        "leg",
        "muscle_size",
        5,
        2.2,
        (2.2, 2.2),
        _MARUSIC,
        "quadriceps CSA (MRI), Mulder et al. in Marusic 2021 table 1",
        "group mean",
    ),
    _anchor(
        "marusic2021",
        "bed_rest",
        "leg",
        "muscle_size",
        7,
        3.0,
        (1.1, 3.0),
        _MARUSIC,
        "knee-extensor CSA or thigh volume, Dirks et al. and Ferrando et al. in Marusic 2021 table 1",
        "range of three group means",
    ),
    _anchor(
        "marusic2021",
        "bed_rest",
        "leg",
        "muscle_size",
        10,
        3.6,
        (3.6, 3.6),
        _MARUSIC,
        "quadriceps CSA (CT), McDonnell et al. in Marusic 2021 table 1",
        "group mean",
    ),
    _anchor(
        "alkner2004a",
        "bed_rest",
        "leg",
        "muscle_size",
        29,
        10.0,
        (10.0, 10.0),
        _ALKNER,
        "quadriceps volume (MRI)",
        "group mean",
    ),
    _anchor(
        "mulder2006",
        "bed_rest",
        "leg",
        "muscle_size",
        56,
        14.1,
        5.2,
        _MULDER,
        "quadriceps CSA (MRI)",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "alkner2004b",
        "bed_rest",
        "leg",
        "muscle_size",
        90,
        18.0,
        (18.0, 18.0),
        _ALKNER,
        "knee-extensor volume (MRI)",
        "group mean",
    ),
    _anchor(
        "marusic2021",
        "bed_rest",
        "leg",
        "strength",
        5,
        8.6,
        (8.6, 8.6),
        _MARUSIC,
        "knee-extension MVIC, Mulder et al. in Marusic 2021 table 1",
        "group mean",
    ),
    _anchor(
        "marusic2021",
        "bed_rest",
        "leg",
        "strength",
        10,
        14.5,
        (14.5, 14.5),
        _MARUSIC,
        "knee-extension MVIC, McDonnell et al. in Marusic 2021 table 1",
        "group mean",
    ),
    _anchor(
        "mulder2006",
        "bed_rest",
        "leg",
        "strength",
        56,
        16.8,
        7.4,
        _MULDER,
        "knee-extension torque",
        "mean ± dispersion as printed",
    ),
    _anchor(
        "alkner2004b",
        "bed_rest",
        "leg",
        "strength",
        90,
        45.5,
        (31.0, 60.0),
        _ALKNER,
        "knee-extension torque, force and power",
        "range of the reported measures",
    ),
    _anchor(
        "alkner2004a",
        "bed_rest",
        "calf",
        "muscle_size",
        29,
        16.0,
        (16.0, 16.0),
        _ALKNER,
        "triceps surae volume (MRI)",
        "group mean",
    ),
    _anchor(
        "alkner2004b",
        "bed_rest",
        "calf",
        "muscle_size",
        90,
        29.0,
        (29.0, 29.0),
        _ALKNER,
        "plantar-flexor volume (MRI)",
        "group mean",
    ),
)
"""Every verified human result used for projection (values from the papers' abstracts or, for
the short bed-rest studies, from table 1 of Marusic 2021)."""

SITES = {
    "immobilisation": {"leg": "quadriceps (thigh)", "forearm": "forearm"},
    "bed_rest": {"leg": "knee-extensor (thigh)", "calf": "calf (triceps surae)"},
}
"""Sites with human data, per kind of disuse. Other sites answer 'no human data'."""
SITE_ALIASES = {
    "arm": "forearm",
    "wrist": "forearm",
    "thigh": "leg",
    "knee": "leg",
    "quadriceps": "leg",
    "lower_leg": "calf",
    "ankle": "calf",
}
"""Words accepted for a site (a wrist or arm cast immobilises the forearm muscles, etc.)."""

MEASURE_RATIO = {
    "quadriceps": ((1.0, 1.0, 1.0), ()),
    "whole_thigh_muscle": ((5.5 / 6.7, (1.7 * 1.7 + 5.5 * 6.7) / (1.7**2 + 6.7**2), 1.7 / 1.7), ("kilroe2020",)),
    "leg_lean_mass_dxa": ((3.1 / 8.4, (1.4 * 3.5 + 3.1 * 8.4) / (3.5**2 + 8.4**2), 1.4 / 3.5), ("wall2014",)),
}
"""Loss in another measured quantity per unit of knee-extensor (quadriceps) size loss, as (low,
central, high), from the one study that measured both in the same people:

* whole-thigh muscle volume (MRI), Kilroe 2020: 1.7 % and 5.5 % after 2 and 7 days of knee bracing
  while the quadriceps lost 1.7 % and 6.7 % (the hamstrings lose less); ratios 1.0 and 0.82,
  central the least-squares ratio through both days (0.83);
* leg lean mass (DXA), Wall 2014: 1.4 % and 3.1 % after 5 and 14 days of a leg cast while
  quadriceps CSA lost 3.5 % and 8.4 %; ratios 0.40 and 0.37, central 0.37. DXA leg lean mass
  also counts skin, tendon, connective tissue and non-thigh muscle, so it falls by a smaller share.

Our mapping; beyond the durations of these two studies the ratio is assumed constant."""


def series(kind: str, site: str, outcome: str, older: bool | None = None) -> list[Anchor]:
    """The anchors of one kind, site and outcome (``older``: only older or only younger groups; None: all)."""
    return [
        a
        for a in ANCHORS
        if (a.kind, a.site, a.outcome) == (kind, site, outcome) and (older is None or a.older == older)
    ]


def as_measured(loss: Any, measure: str, end: str = "central") -> Any:
    """A knee-extensor (quadriceps) size loss expressed in another measured quantity.

    ``measure`` is a key of :data:`MEASURE_RATIO`; ``end`` picks ``"low"``, ``"central"`` or
    ``"high"`` of the ratio. Works on numbers and numpy arrays alike.
    """
    ratios, _ = MEASURE_RATIO[measure]
    return loss * ratios[{"low": 0, "central": 1, "high": 2}[end]]
