"""The per-person path for a cohort row set: build a Record and score it with the instruments,
criteria and measures, as one person's assessment does (the oracle of the property test)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from myoscope import scores
from myoscope.cohort import KINDS
from myoscope.criteria import glim
from myoscope.criteria.activity_guidelines import adherence_from_summary
from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.instruments import sarcopenia_cutoffs as cut
from myoscope.measures import body, girth
from myoscope.record import MEASUREMENT_KINDS, Measurement, Person, Record

EPOCH = dt.date(1970, 1, 1)
SIDES = (None, "left", "right")


def person_arrays(rows: list[tuple[int, int, int, float]], person: int = 7) -> dict[str, np.ndarray]:
    """The kernel's row arrays of one person's (kind, side, day, value) rows."""
    return {
        "person": np.full(len(rows), person, dtype=np.int64),
        "kind": np.array([r[0] for r in rows], dtype=np.int8),
        "side": np.array([r[1] for r in rows], dtype=np.int8),
        "day": np.array([r[2] for r in rows], dtype=np.int32),
        "value": np.array([r[3] for r in rows], dtype=np.float64),
    }


def collapse(rows: list[tuple[int, int, int, float]]) -> dict[tuple[int, int, int], float]:
    """(kind, side, day) -> highest value: the documented same-day rule of the cohort path."""
    out: dict[tuple[int, int, int], float] = {}
    for kind, side, day, value in rows:
        key = (kind, side, day)
        out[key] = max(value, out.get(key, value))
    return out


def record_of(rows, sex: str | None, population: str | None) -> Record:
    measurements = [
        Measurement(kind=KINDS[k].name, side=SIDES[s], date=EPOCH + dt.timedelta(days=d), value=v)
        for (k, s, d), v in sorted(collapse(rows).items(), key=lambda item: item[0][2])
        if KINDS[k].name in MEASUREMENT_KINDS
    ]
    return Record(person=Person(id="p", sex=sex, population=population), measurements=measurements)


def _latest(cells: dict[tuple[int, int, int], float], name: str) -> float | None:
    code = next(k.code for k in KINDS if k.name == name)
    days = [d for (k, _, d) in cells if k == code]
    if not days:
        return None
    last = max(days)
    return max(v for (k, _, d), v in cells.items() if k == code and d == last)


def _stage(name: str, inputs: dict[str, Any]) -> int:
    score = scores.get(name).score({k: v for k, v in inputs.items() if v is not None})
    return -1 if score.category == CANNOT_TELL else int(score.value)


def _tri(value: bool | None) -> int:
    return -1 if value is None else int(bool(value))


def per_person(rows, sex: str | None, population: str | None, age: int | None = None) -> dict[str, Any]:
    """The flags the per-person path gives for these rows (same names and codes as the cohort)."""
    cells = collapse(rows)
    record = record_of(rows, sex, population)
    on = EPOCH + dt.timedelta(days=max(d for _, _, d, _ in rows))
    latest = {k.name: _latest(cells, k.name) for k in KINDS}
    height = body.height_cm(record)
    w3, w6 = body.weight_change(record, on, 3), body.weight_change(record, on, 6)
    loss6 = None if w6 is None else max(0.0, -w6.percent)
    longer = body.weight_change_beyond(record, on, *glim.BEYOND_6_MONTHS_SPAN)
    loss_beyond = None if longer is None else max(0.0, -longer.percent)
    grip, gait, chair, sppb = (
        latest["grip_strength"],
        latest["gait_speed"],
        latest["chair_stand_time"],
        latest["sppb"],
    )
    weight = body.latest_weight(record, on)
    common = {"sex": sex, "grip": grip, "chair_stand": chair}
    out = {
        "weight_change_3m_pct": None if w3 is None else w3.percent,
        "weight_change_6m_pct": None if w6 is None else w6.percent,
        "ewgsop2": _stage(
            "ewgsop2",
            {
                **common,
                "asm": latest["appendicular_lean_mass"],
                "height": height,
                "gait_speed": gait,
                "sppb": None if sppb is None else int(sppb),
                "tug": latest["timed_up_and_go"],
                "walk_400m": latest["walk_400m_time"],
                "sarc_f": None if latest["sarc_f"] is None else int(latest["sarc_f"]),
            },
        ),
        "awgs2019": _stage(
            "awgs2019",
            {
                **common,
                "pathway": "community",
                "calf": latest["calf_circumference"],
                "population": {"asian": "asian", "other": "non_asian"}.get(population),
            },
        ),
        "fnih2014": _stage(
            "fnih2014",
            {
                "sex": sex,
                "grip": grip,
                "alm": latest["appendicular_lean_mass"],
                "weight": None if weight is None else weight[1],
                "height": height,
                "gait_speed": gait,
            },
        ),
        "must": _must(weight, height, loss6, latest["acute_disease_no_intake"]),
        "glim_weight_loss": -1 if loss6 is None else glim.weight_loss_stage(loss6, glim.WEIGHT_LOSS_WITHIN_6_MONTHS),
        "glim": _glim(weight, height, (loss6, loss_beyond), latest["acute_disease_no_intake"], age, population),
    }
    out.update(_cutoffs(sex, grip, gait, chair, sppb))
    out.update(_girths(record, on))
    adherence = adherence_from_summary(latest["moderate_minutes"], latest["vigorous_minutes"], latest["sessions_20min"])
    out.update(who2020_aerobic=_tri(adherence.aerobic_met), brief_3x20=_tri(adherence.brief_met))
    return out


def _must(weight, height, loss6, acute) -> int:
    inputs = {
        "weight": None if weight is None else weight[1],
        "height": height,
        "weight_loss_percent": loss6,
        "acute_disease_no_intake": None if acute is None else bool(acute),
    }
    score = scores.get("must").score({k: v for k, v in inputs.items() if v is not None})
    return -1 if score.category == CANNOT_TELL else ("low risk", "medium risk", "high risk").index(score.category)


def _glim(weight, height, losses, acute, age, population) -> int:
    """GLIM as the per-person path feeds it (causes._nutrition_inputs.glim_inputs, then the person fields
    of measures.answers.person_values, then Context.score_now): acutely ill with no intake means a recent
    acute illness, which that path reads as inflammation."""
    data: dict[str, Any] = {}
    for name, loss in zip(("weight_loss_within_6_months", "weight_loss_beyond_6_months"), losses, strict=True):
        if loss is not None:
            data[name] = round(loss, 3)
    if acute == 1:
        data["inflammation"] = True
    if population:
        data["population"] = "asian" if population == "asian" else "general"
    if age is not None:
        data["age"] = age
    if height is not None:
        data["height"] = round(height, 2)
    if weight is not None:
        data["weight"] = round(weight[1], 3)
    if height is not None and weight is not None:
        data["bmi"] = round(body.bmi(weight[1], height), 2)
    try:
        score = scores.get("glim").score(data)
    except InputError:
        return -1
    if score.category == CANNOT_TELL:
        return -1
    if not score.positive:
        return 0
    return 3 if score.value is None else int(score.value)


def _cutoffs(sex, grip, gait, chair, sppb) -> dict[str, int]:
    return {
        "low_grip_ewgsop2": _tri(cut.EWGSOP2_GRIP.met(grip, sex)),
        "low_grip_awgs2019": _tri(cut.AWGS2019_GRIP.met(grip, sex)),
        "low_grip_fnih2014": _tri(cut.FNIH_GRIP.met(grip, sex)),
        "slow_gait_ewgsop2": _tri(cut.EWGSOP2_GAIT.met(gait)),
        "slow_gait_awgs2019": _tri(cut.AWGS2019_GAIT.met(gait)),
        "slow_gait_fnih2014": _tri(cut.FNIH_GAIT.met(gait)),
        "slow_chair_stand_ewgsop2": _tri(cut.EWGSOP2_CHAIR_STAND.met(chair)),
        "slow_chair_stand_awgs2019": _tri(cut.AWGS2019_CHAIR_STAND.met(chair)),
        "low_sppb_ewgsop2": _tri(cut.EWGSOP2_SPPB.met(sppb)),
        "low_sppb_awgs2019": _tri(cut.AWGS2019_SPPB.met(sppb)),
    }


def _girths(record: Record, on: dt.date) -> dict[str, Any]:
    asym = girth.asymmetries(record, on)
    trends = girth.trends(record, on)
    return {
        "girth_asymmetry": -1 if not asym else int(any(a.beyond_error for a in asym)),
        "girth_asymmetry_cm": max((a.difference_cm for a in asym), default=None),
        "girth_loss": -1 if not trends else int(any(t.loss_beyond_error for t in trends)),
    }
