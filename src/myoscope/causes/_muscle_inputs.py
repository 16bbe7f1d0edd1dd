"""Inputs of the muscle instruments and sarcopenia definitions derived from a record."""

from __future__ import annotations

from typing import Any

from myoscope.causes._context import Context
from myoscope.record import Measurement

MASS_METHODS = ("dxa", "bia")
AWGS_PATHWAY = "community"
"""myoscope serves primary care and rehabilitation: the AWGS 2019 community pathway (Chen et al. 2020)."""


def _latest(ctx: Context, kind: str) -> Measurement | None:
    items = [m for m in ctx.record.series(kind) if m.date <= ctx.on]
    return items[-1] if items else None


def grip_inputs(ctx: Context) -> dict[str, Any]:
    """Trials of the latest grip date, per side (up to three each)."""
    items = [m for m in ctx.record.series("grip_strength") if m.date <= ctx.on]
    if not items:
        return {}
    day = items[-1].date
    out: dict[str, Any] = {}
    for m in items:
        if m.date != day:
            continue
        trials = list(m.trials or (m.best,))[:3]
        prefix = m.side or "side_unknown"
        if prefix == "side_unknown":
            out["side_unknown"] = max(trials)
        else:
            out.update({f"{prefix}_{i + 1}": t for i, t in enumerate(trials)})
    return out


def best_grip(ctx: Context) -> float | None:
    values = [v for v in grip_inputs(ctx).values() if isinstance(v, float)]
    return max(values) if values else None


def calf(ctx: Context) -> float | None:
    """The larger calf girth of the latest date (the protocols measure the maximal girth)."""
    items = [m for m in ctx.record.series("calf_circumference") if m.date <= ctx.on]
    if not items:
        return None
    day = items[-1].date
    return max(m.best for m in items if m.date == day)


def measures(ctx: Context) -> dict[str, Any]:
    """Latest value of each performance and mass measure in the record (canonical units)."""
    out: dict[str, Any] = {}
    for key, kind in (
        ("chair_stand", "chair_stand_time"),
        ("gait_speed", "gait_speed"),
        ("tug", "timed_up_and_go"),
        ("walk_400m", "walk_400m_time"),
        ("asm", "appendicular_lean_mass"),
    ):
        m = _latest(ctx, kind)
        if m is not None:
            out[key] = round(m.best, 4)
            method = (m.method or "").lower()
            if kind == "appendicular_lean_mass" and method in MASS_METHODS:
                out["mass_method"] = method
    grip = best_grip(ctx)
    if grip is not None:
        out["grip"] = grip
    c = calf(ctx)
    if c is not None:
        out["calf"] = c
    sarc = ctx.latest("sarc-f")
    if sarc is not None and sarc.score.value is not None:
        out["sarc_f"] = sarc.score.value
    sppb = ctx.latest("sppb")
    if sppb is not None and sppb.score.value is not None:
        out["sppb"] = sppb.score.value
    return out


def instrument_inputs(ctx: Context) -> dict[str, dict[str, Any]]:
    """Inputs of each measurement instrument that the record can feed."""
    m = measures(ctx)
    out: dict[str, dict[str, Any]] = {}
    grip = grip_inputs(ctx)
    if grip:
        out["grip"] = grip
    if "chair_stand" in m:
        out["chair-stand"] = {"time": m["chair_stand"]}
    if "gait_speed" in m:
        out["gait-speed"] = {"speed": m["gait_speed"]}
    if "calf" in m:
        out["calf-circumference"] = {"calf": m["calf"]}
    if "tug" in m:
        out["tug"] = {"time": m["tug"]}
    if "walk_400m" in m:
        out["walk-400m"] = {"time": m["walk_400m"]}
    if "asm" in m:
        out["asm"] = {"asm": m["asm"], **({"method": m["mass_method"]} if "mass_method" in m else {})}
    return out


def definition_inputs(ctx: Context) -> dict[str, dict[str, Any]]:
    m = measures(ctx)

    def pick(*keys: str) -> dict[str, Any]:
        return {k: m[k] for k in keys if k in m}

    ewgsop2 = pick("sarc_f", "grip", "chair_stand", "asm", "mass_method", "gait_speed", "sppb", "tug", "walk_400m")
    awgs = pick("calf", "sarc_f", "grip", "chair_stand", "gait_speed", "sppb", "asm", "mass_method")
    awgs["pathway"] = AWGS_PATHWAY
    if ctx.person.population:
        awgs["population"] = "asian" if ctx.person.population == "asian" else "non_asian"
    fnih = pick("grip", "gait_speed")
    if "asm" in m:
        fnih["alm"] = m["asm"]
    return {"ewgsop2": ewgsop2, "awgs2019": awgs, "fnih2014": fnih}
