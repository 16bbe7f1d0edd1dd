"""Inputs of the nutrition instruments derived from a record (shared by two causes)."""

from __future__ import annotations

from typing import Any

from myoscope.causes._condition_table import disease_burden
from myoscope.causes._context import Context
from myoscope.criteria import glim
from myoscope.criteria.intake import ACCEPTED_NAMES
from myoscope.measures.diet import diet_days_in_window
from myoscope.record import NUTRIENT_UNITS, Episode

MIN_INTAKE_DAYS = 3
"""Days of food record that 'MUST' asks for when intake is to be observed (Elia 2003, [elia2003_must]). Fewer
days are shown but do not decide on their own: a person's intake varies widely from day to day, so usual intake
needs several days (IOM 2000, [iom2000_dri_assessment]), and the adequacy of energy intake is judged by the
weight trend."""

REDUCED_INTAKE_FRACTION = 0.5
"""GLIM etiologic criterion: intake at or below 50 % of the energy requirement for more than a week
(Cederholm et al. 2019, Clin Nutr, [cederholm2019_glim])."""
RECENT_ILLNESS_DAYS = 90
"""An acute illness within the last three months counts as current inflammation / disease (our choice)."""


def diet_days(ctx: Context) -> list[dict[str, Any]]:
    """The recorded diet days of the last four weeks, as the intake instruments read them."""
    out = []
    for day in diet_days_in_window(ctx.record, ctx.on):
        entry: dict[str, Any] = {"date": day.date.isoformat()}
        for name, amount in day.nutrients.items():
            if name in ACCEPTED_NAMES:
                entry[name] = f"{amount} {NUTRIENT_UNITS[name][0]}"
        out.append(entry)
    return out


def recent_illness(ctx: Context) -> list[Episode]:
    return [
        e
        for e in ctx.record.episodes
        if e.kind == "acute_illness" and (ctx.on - (e.end or ctx.on)).days <= RECENT_ILLNESS_DAYS and e.start <= ctx.on
    ]


def weight_loss_percent(ctx: Context, months: int) -> float | None:
    change = ctx.weight_change(months)
    return None if change is None else max(0.0, -change.percent)


def must_inputs(ctx: Context) -> dict[str, Any]:
    data: dict[str, Any] = {}
    loss = weight_loss_percent(ctx, 6)
    if loss is not None:
        data["weight_loss_percent"] = round(loss, 3)
    illness = recent_illness(ctx)
    if illness:
        data["acute_disease_no_intake"] = any((e.no_intake_days or 0) > 5 for e in illness)
    return data


def glim_inputs(ctx: Context) -> dict[str, Any]:
    data: dict[str, Any] = {}
    loss = weight_loss_percent(ctx, 6)
    if loss is not None:
        data["weight_loss_within_6_months"] = round(loss, 3)
    longer = ctx.weight_change_beyond(*glim.BEYOND_6_MONTHS_SPAN)
    if longer is not None:
        data["weight_loss_beyond_6_months"] = round(max(0.0, -longer.percent), 3)
    if recent_illness(ctx) or disease_burden(ctx.record.conditions, ctx.on):
        data["inflammation"] = True
    need, energy = ctx.energy_need, ctx.intakes.get("energy")
    if need is not None and energy is not None:
        data["reduced_intake"] = energy.mean <= REDUCED_INTAKE_FRACTION * need.low_kcal
    if ctx.person.population:
        data["population"] = "asian" if ctx.person.population == "asian" else "general"
    return data


def protein_inputs(ctx: Context) -> dict[str, Any]:
    data: dict[str, Any] = {}
    protein = ctx.intakes.get("protein")
    if protein is not None:
        data["protein"] = round(protein.mean, 3)
    if recent_illness(ctx) or disease_burden(ctx.record.conditions, ctx.on):
        data["condition"] = "acute or chronic disease"
    return data
