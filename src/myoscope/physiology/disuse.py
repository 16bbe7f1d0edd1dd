"""Disuse atrophy kinetics: expected loss of muscle size and strength, as bands with sources.

``project_disuse(kind, site, days, age)`` answers "what does N days of a cast (one limb) or of
bed rest (whole body) do to muscle size and strength?" with a band (low, high) of percentage
loss per outcome, the human studies behind it and what the band does *not* know. Never a
single number: the evidence is a handful of small groups of healthy volunteers.

How a band is built (our method, from the studies in :mod:`myoscope.physiology._disuse_anchors`):

1. Every study result is an :class:`Anchor` (population, days, group-mean loss and the
   dispersion the abstract printed; whether it is an SD or an SEM is recorded only where stated).
2. The time course is logarithmic, fastest early and levelling off (Marusic 2021, a pooled
   analysis of 318 adults in bed rest for 5-120 days). The shape ``ln(1 + t / tau)`` has one
   time constant per kind of disuse, fitted by least squares to the means of that kind's
   knee-extensor size series (:data:`SHAPE_SERIES`, :func:`fit_time_constant`): about 22 days for
   bed rest (5-90 days of data) and about 4 days for one-limb immobilisation (2-23 days of data:
   Kilroe 2020 lost 1.7 % in 2 days and 6.7 % in 7, de Boer 2007 10 % in 23). One shape for both
   kinds made the early immobilisation studies imply a loss rate 2.5 times that of the later
   ones, which stretched the band and put its middle far above the studies at 2 weeks.
3. The central projection is the least-squares level of the anchors' *means* times the shape
   (a fitted course, not the middle of the band); each anchor's reported spread, scaled by the
   shape, gives a level, and the band at ``t`` days runs from the lowest to the highest level,
   so the band is the spread of the studies, not a fitted certainty.
4. The band never exceeds the largest loss any verified human study reported for that outcome
   (``CAP``). Beyond the longest anchor the band is marked *extrapolated*; beyond
   ``EXTRAPOLATION_LIMIT`` times the longest anchor there is no band ("no human data").
5. Older adults (``OLDER_ADULT_AGE``): in bed rest they lose lean tissue faster (Kortebein 2007:
   more leg lean in 10 days than young adults in 28 days), so the central course and the upper
   bound are taken at ``KORTEBEIN_TIME_FACTOR`` times the duration; in one-limb immobilisation older
   men lost a similar share of strength and less muscle size (Vigelsø 2015, Suetta 2009), so the
   size band is widened down to no loss and no "faster" factor is applied.
6. The projected quantity is knee-extensor (quadriceps) size for the leg. Studies that measured
   another quantity are compared through :data:`MEASURE_RATIO`, the ratio of the two losses
   measured in the same people (whole-thigh muscle: Kilroe 2020; leg lean mass by DXA, which also
   holds skin, tendon and other non-muscle lean tissue: Wall 2014).

Recovery with retraining is reported from the studies that measured it, or "none" where no
verified human data exist (bed rest).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from myoscope.errors import from_validation_error
from myoscope.physiology._disuse_anchors import ANCHORS, MEASURE_RATIO, SITE_ALIASES, SITES, Anchor, as_measured
from myoscope.physiology._disuse_anchors import series as _series
from myoscope.physiology._disuse_recovery import RECOVERY_STUDIES, Recovery, RecoveryStudy, recovery_after
from myoscope.references import cite
from myoscope.units import InUnit

if TYPE_CHECKING:  # numpy is imported where the curves are made, not when the module loads
    import numpy as np
    from numpy.typing import NDArray

Kind = Literal["immobilisation", "bed_rest"]
Outcome = Literal["muscle_size", "strength"]
KINDS = ("immobilisation", "bed_rest")
OUTCOMES = ("muscle_size", "strength")


SHAPE_SERIES = {
    "immobilisation": ("immobilisation", "leg", "muscle_size"),
    "bed_rest": ("bed_rest", "leg", "muscle_size"),
}
"""Per kind of disuse, the anchor series its time constant is fitted to: knee-extensor size, the
series with the most durations (bed rest 5-90 days; one-limb immobilisation 2-23 days, Kilroe
2020, Wall 2014, de Boer 2007). Strength and the forearm use the shape of their kind: Marusic 2021
found strength and size both logarithmic, and the strength series are too scattered to fit a time
constant of their own."""

CAP = {outcome: max(a.high for a in ANCHORS if a.outcome == outcome) for outcome in OUTCOMES}
"""Largest loss (%) any verified human disuse study reported, per outcome: a band never exceeds it
(muscle size: 29 % plantar-flexor volume after 90 days of bed rest, Alkner & Tesch 2004; strength:
60 % knee-extension torque after 90 days of bed rest, Alkner & Tesch 2004)."""

EXTRAPOLATION_LIMIT = 2.0
"""Our rule: no band beyond twice the longest studied duration for that kind, site and outcome."""

OLDER_ADULT_AGE = 60.0
"""Age (years) from which the older-adult evidence is applied: the older groups studied were
61-74 y (Suetta 2009), 68 ± 1 y (Vigelsø 2015) and 67 ± 5 y (Kortebein 2007). The cut is ours."""

KORTEBEIN_TIME_FACTOR = 28.0 / 10.0
"""Healthy older adults lost more leg lean tissue in 10 days of bed rest than young adults in
28 days (Kortebein 2007, JAMA 297(16), [kortebein2007]): the older upper bound at t days is the young
upper bound at 2.8 t."""

DISUSE_CITATIONS = cite(
    "wall2013",
    "wall2014",
    "kilroe2020",
    "deboer2007",
    "vigelso2015",
    "suetta2009",
    "miles1994",
    "marusic2021",
    "alkner2004a",
    "alkner2004b",
    "mulder2006",
    "kortebein2007",
    "coker2015",
    "pavyletraon2007",
)


def fit_time_constant(points: list[tuple[float, float]]) -> float:
    """Least-squares time constant ``tau`` (days) of ``loss = k ln(1 + t / tau)`` through ``points``.

    ``k`` has a closed form for each ``tau``; ``tau`` is found by golden-section search on a
    log scale between 0.5 and 2,000 days.
    """

    def sse(log_tau: float) -> float:
        tau = math.exp(log_tau)
        f = [math.log1p(t / tau) for t, _ in points]
        k = sum(fi * y for fi, (_, y) in zip(f, points, strict=True)) / sum(fi * fi for fi in f)
        return sum((y - k * fi) ** 2 for fi, (_, y) in zip(f, points, strict=True))

    lo, hi = math.log(0.5), math.log(2000.0)
    ratio = (math.sqrt(5) - 1) / 2
    for _ in range(200):
        a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
        if sse(a) < sse(b):
            hi = b
        else:
            lo = a
    return math.exp((lo + hi) / 2)


TIME_CONSTANTS = {
    kind: fit_time_constant([(a.days, a.loss) for a in _series(*series, older=False)])
    for kind, series in SHAPE_SERIES.items()
}
"""Days, per kind: the logarithmic time constants fitted to :data:`SHAPE_SERIES` (bed rest about
22 days, one-limb immobilisation about 4 days)."""
TIME_CONSTANT = TIME_CONSTANTS["bed_rest"]
"""The bed-rest time constant (days), the series that spans 5-90 days."""


def shape(days: float, kind: str = "bed_rest") -> float:
    """The time-course factor ``ln(1 + days / tau)`` of the kind of disuse."""
    return math.log1p(days / TIME_CONSTANTS[kind])


@dataclass(frozen=True)
class Band:
    """Expected % loss of one outcome after the disuse: from ``low`` to ``high`` (None = no data)."""

    outcome: str
    measure: str
    low: float | None
    high: float | None
    citations: tuple[str, ...]
    evidence: tuple[Anchor, ...] = ()
    extrapolated: bool = False
    notes: tuple[str, ...] = ()
    central: float | None = None
    """The fitted central loss (least-squares level of the anchors' means times the shape)."""

    @property
    def known(self) -> bool:
        return self.low is not None and self.high is not None

    def text(self, days: float, kind: str) -> str:
        what = "cast/immobilisation" if kind == "immobilisation" else "bed rest"
        head = f"{_duration(days)} of {what}: "
        low, high = self.low, self.high
        if low is None or high is None:
            return head + f"no human data to project {self.measure} {self.outcome.replace('_', ' ')}; none projected"
        label = "muscle cross-section/volume" if self.outcome == "muscle_size" else "muscle strength"
        out = f"{head}expected {_change(low)} to {_change(high)} % {self.measure} {label} [{', '.join(self.citations)}]"
        return out + (" (extrapolated beyond the studied durations)" if self.extrapolated else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "measure": self.measure,
            "unit": "%",
            "change_low": None if self.low is None else -round(self.low, 1),
            "change_high": None if self.high is None else -round(self.high, 1),
            "change_central": None if self.central is None else -round(self.central, 1),
            "extrapolated": self.extrapolated,
            "notes": list(self.notes),
            "citations": list(self.citations),
            "evidence": [a.to_json() for a in self.evidence],
        }


@dataclass(frozen=True)
class DisuseProjection:
    """The answer of :func:`project_disuse`."""

    kind: str
    site: str
    days: float
    age: float | None
    bands: tuple[Band, ...]
    recovery: Recovery
    notes: tuple[str, ...] = ()
    citations: tuple[str, ...] = field(default=DISUSE_CITATIONS)

    def band(self, outcome: str) -> Band:
        return next(b for b in self.bands if b.outcome == outcome)

    def lines(self) -> list[str]:
        return [b.text(self.days, self.kind) for b in self.bands]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "site": self.site,
            "days": self.days,
            "age": self.age,
            "bands": [b.to_json() for b in self.bands],
            "summary": self.lines(),
            "recovery": self.recovery.to_json(),
            "notes": list(self.notes),
            "citations": list(self.citations),
        }


class DisuseQuery(BaseModel):
    """Validated inputs of :func:`project_disuse` (durations and ages with units)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    kind: Kind
    site: str = Field(min_length=1)
    # any duration a record can hold (its dates start in 1900); past the studies no band is given (see notes)
    days: Annotated[float, InUnit("day", 0, 60000)]
    age: Annotated[float, InUnit("year", 0, 120)] | None = None


def project_disuse(kind: str, site: str, days: Any, age: Any = None) -> DisuseProjection:
    """Expected loss of muscle size and strength after ``days`` of disuse, as bands with sources.

    Parameters
    ----------
    kind : ``"immobilisation"`` (one limb: cast, brace, sling) or ``"bed_rest"`` (whole body)
    site : ``"leg"`` / ``"forearm"`` (immobilisation), ``"leg"`` / ``"calf"`` (bed rest); aliases in
        :data:`SITE_ALIASES`; other sites answer "no human data"
    days : duration [days], e.g. ``42``, ``"6 weeks"``, ``{"value": 6, "unit": "week"}``
    age : years, optional (older-adult evidence applies from :data:`OLDER_ADULT_AGE`)

    Raises :class:`~myoscope.errors.InputError` for an unknown kind or a duration/age out of range.
    """
    try:
        q = DisuseQuery(kind=kind, site=site, days=days, age=age)
    except ValidationError as exc:
        raise from_validation_error(exc) from None
    site_key = SITE_ALIASES.get(q.site.lower(), q.site.lower())
    older = q.age is not None and q.age >= OLDER_ADULT_AGE
    notes: list[str] = []
    if q.age is None:
        notes.append(
            "Age not given: bands are for young and middle-aged adults; record age to apply the older-adult evidence."
        )
    bands = tuple(_band(q.kind, site_key, outcome, q.days, older) for outcome in OUTCOMES)
    if site_key not in SITES[q.kind]:
        notes.append(f"No human data on {q.site} after {q.kind.replace('_', ' ')}: nothing is projected.")
    notes.append(
        "Populations were healthy volunteers; illness, inflammation, low protein or energy intake "
        "and denervation are not covered and can make losses larger."
    )
    return DisuseProjection(
        q.kind, site_key, q.days, q.age, bands, recovery_after(q.kind, site_key, q.days, older), tuple(notes)
    )


def _measure(kind: str, site: str) -> str:
    return SITES[kind].get(site, site)


def _levels(anchors: list[Anchor], kind: str) -> tuple[float, float]:
    lows = [a.low / shape(a.days, kind) for a in anchors]
    highs = [a.high / shape(a.days, kind) for a in anchors]
    return min(lows), max(highs)


def _central_level(anchors: list[Anchor], kind: str) -> float:
    """Least-squares level ``k`` of ``loss = k shape(t)`` through the anchors' means."""
    f = [shape(a.days, kind) for a in anchors]
    return sum(fi * a.loss for fi, a in zip(f, anchors, strict=True)) / sum(fi * fi for fi in f)


def _band(kind: str, site: str, outcome: str, days: float, older: bool) -> Band:
    measure = _measure(kind, site)
    own = _series(kind, site, outcome)
    if not own:
        return Band(outcome, measure, None, None, (), notes=(f"no verified human data for {measure} {outcome}",))
    notes: list[str] = []
    pool = [a for a in own if older or not a.older]
    if kind == "immobilisation" and site == "forearm":
        # Only 9-day forearm data exist: the time course and spread come from the leg studies too.
        pool += [a for a in _series(kind, "leg", outcome) if older or not a.older]
        notes.append(
            "Forearm data exist only for 9 days (Miles 1994); the band widens with the "
            "leg-immobilisation studies and their time course."
        )
    longest = max(a.days for a in own)
    reach = max(a.days for a in pool)
    if days > EXTRAPOLATION_LIMIT * reach:
        return Band(
            outcome,
            measure,
            None,
            None,
            tuple(sorted({a.source for a in pool})),
            tuple(pool),
            notes=(f"no human data beyond {reach:g} days; not projected past {EXTRAPOLATION_LIMIT * reach:g} days",),
        )
    k_low, k_high = _levels(pool, kind)
    # the central level comes from the site's own young-adult means (the forearm: Miles 1994 alone)
    k_central = _central_level([a for a in own if not a.older] or own, kind)
    low, central, high = (k * shape(days, kind) for k in (k_low, k_central, k_high))
    citations = {a.source for a in pool} | {"marusic2021"}
    if older and kind == "bed_rest" and outcome == "muscle_size":
        central = k_central * shape(days * KORTEBEIN_TIME_FACTOR, kind)
        high = k_high * shape(days * KORTEBEIN_TIME_FACTOR, kind)
        citations |= {"kortebein2007", "coker2015"}
        notes.append(
            "Older adult: upper bound raised because healthy older adults lost more leg lean "
            "tissue in 10 days of bed rest than young adults in 28 days (Kortebein 2007)."
        )
    if older and kind == "immobilisation":
        citations |= {"vigelso2015", "suetta2009"}
        if outcome == "muscle_size":
            low = 0.0
            notes.append(
                "Older adult: after 2 weeks of leg immobilisation older men lost less muscle size "
                "than young men (Suetta 2009) or no significant leg lean mass (Vigelsø 2015); "
                "the band therefore starts at no loss. Strength losses were similar."
            )
    cap = CAP[outcome]
    if high > cap:
        notes.append(f"Upper bound capped at {cap:g} %, the largest loss reported by the studies.")
        high = cap
    low = min(low, high)
    central = min(max(central, low), high)
    extrapolated = days > (longest if site != "forearm" else reach)
    if days > longest:
        notes.append(f"The longest {measure} study lasted {longest:g} days.")
    return Band(outcome, measure, low, high, tuple(sorted(citations)), tuple(pool), extrapolated, tuple(notes), central)


@lru_cache(maxsize=64)
def _curve(kind: str, site: str, outcome: str, older: bool, days: int) -> tuple[tuple[float, ...], ...]:
    nan = float("nan")
    lows: list[float] = []
    centrals: list[float] = []
    highs: list[float] = []
    for t in range(days + 1):
        band = _band(kind, site, outcome, float(t), older)
        known = band.low is not None and band.high is not None and band.central is not None
        lows.append(band.low if known and band.low is not None else nan)
        centrals.append(band.central if known and band.central is not None else nan)
        highs.append(band.high if known and band.high is not None else nan)
    return tuple(lows), tuple(centrals), tuple(highs)


def loss_curves(
    kind: str, site: str, days: int, older: bool = False, outcome: str = "muscle_size"
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Low, central and high loss (%) of :func:`project_disuse` on every day 0..``days``, as numpy arrays.

    NaN where there is no band (no human data, or beyond the extrapolation limit). Cached per
    (kind, site, outcome, older, days), so that a cohort shares one curve.
    """
    import numpy as np

    site_key = SITE_ALIASES.get(site.lower(), site.lower())
    low, central, high = _curve(kind, site_key, outcome, bool(older), int(days))
    return np.array(low), np.array(central), np.array(high)


def loss_curve(
    kind: str, site: str, days: int, older: bool = False, outcome: str = "muscle_size"
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The band of :func:`loss_curves` alone: (low, high) numpy arrays (% loss)."""
    low, _, high = loss_curves(kind, site, days, older, outcome)
    return low, high


def _change(loss: float) -> str:
    return "0" if round(loss) == 0 else f"-{loss:.0f}"


def _duration(days: float) -> str:
    if days >= 14 and days % 7 == 0:
        return f"{days / 7:g} weeks"
    return f"{days:g} days"


__all__ = [
    "ANCHORS",
    "Anchor",
    "Band",
    "DisuseProjection",
    "DisuseQuery",
    "RECOVERY_STUDIES",
    "Recovery",
    "RecoveryStudy",
    "TIME_CONSTANT",
    "MEASURE_RATIO",
    "TIME_CONSTANTS",
    "as_measured",
    "fit_time_constant",
    "loss_curve",
    "loss_curves",
    "project_disuse",
    "shape",
]
