"""What came back when people retrained after disuse: the verified human studies and the bands
drawn from them (used by :func:`myoscope.physiology.disuse.project_disuse`).

Each study is cited by key (see ``myoscope.references``); no recovery data after bed rest were verified,
so none is projected there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RecoveryStudy:
    """One study that retrained after disuse and measured what came back."""

    source: str
    population: str
    disuse: str
    disuse_days: float
    retraining: str
    retraining_days: float
    finding: str
    site: str
    strength_restored: bool


RECOVERY_STUDIES: tuple[RecoveryStudy, ...] = (
    RecoveryStudy(
        "suetta2009",
        "9 older (61-74 y) and 11 young (21-27 y) men",
        "2 weeks of leg immobilisation",
        14,
        "4 weeks of resistance retraining",
        28,
        "strength back to baseline in young and old; older men regained less quadriceps volume",
        "leg",
        True,
    ),
    RecoveryStudy(
        "vigelso2015",
        "17 young (23 y) and 15 older (68 y) men",
        "2 weeks of leg immobilisation",
        14,
        "6 weeks of cycling (aerobic) retraining",
        42,
        "leg lean mass restored in the young; strength rose but was not fully restored in either group",
        "leg",
        False,
    ),
    RecoveryStudy(
        "macintyre2001",
        "9 healthy young adults",
        "6 weeks in a forearm plaster cast",
        42,
        "habitual activity or a strengthening programme",
        91,
        "grip strength fully recovered by 3 months after the cast came off",
        "forearm",
        True,
    ),
    RecoveryStudy(
        "clark2009",
        "healthy young men and women",
        "3 weeks of forearm cast immobilisation",
        21,
        "1 week of normal use",
        7,
        "recovery of wrist-flexor strength was slower in women than in men",
        "forearm",
        False,
    ),
)
"""Verified human retraining studies (abstracts). No verified recovery data after bed rest."""


@dataclass(frozen=True)
class Recovery:
    """What retraining restored in the studies (``ratio_band`` = retraining time / disuse time)."""

    studies: tuple[RecoveryStudy, ...]
    ratio_band: tuple[float, float] | None
    """Retraining time / disuse time after which strength was back, over the studies that restored it."""
    days_band: tuple[float, float] | None
    extrapolated: bool
    notes: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "days_band": None if self.days_band is None else [round(d) for d in self.days_band],
            "ratio_band": self.ratio_band,
            "extrapolated": self.extrapolated,
            "notes": list(self.notes),
            "studies": [
                {
                    "source": s.source,
                    "population": s.population,
                    "disuse": s.disuse,
                    "retraining": s.retraining,
                    "finding": s.finding,
                }
                for s in self.studies
            ],
        }


def recovery_after(kind: str, site: str, days: float, older: bool) -> Recovery:
    studies = tuple(s for s in RECOVERY_STUDIES if kind == "immobilisation" and s.site == site)
    if not studies:
        what = "bed rest" if kind == "bed_rest" else f"immobilisation of the {site}"
        return Recovery((), None, None, False, (f"No verified human data on recovery after {what}: none projected.",))
    restored = [s.retraining_days / s.disuse_days for s in RECOVERY_STUDIES if s.strength_restored]
    notes = (
        [
            "Aerobic retraining alone did not fully restore strength (Vigelsø 2015): include resistance "
            "exercise for the affected muscles."
        ]
        if site == "leg"
        else []
    )
    if older:
        notes.append(
            "Older adults regained less muscle volume than young adults with the same retraining "
            "(Suetta 2009; Vigelsø 2015)."
        )
    if any(s.source == "clark2009" for s in studies):
        notes.append("Strength returned more slowly in women than men after a 3-week forearm cast (Clark 2009).")
    if not restored:
        return Recovery(studies, None, None, False, tuple(notes))
    ratio = (min(restored), max(restored))
    longest = max(s.disuse_days for s in studies)
    return Recovery(
        studies,
        ratio,
        (ratio[0] * days, ratio[1] * days),
        days > longest,
        tuple(
            notes
            + [
                f"In the retraining studies that restored strength (leg and forearm), it was "
                f"back when first re-measured, {ratio[0]:.1f}-{ratio[1]:.1f} times the disuse "
                f"period after it ended."
            ]
        ),
    )
