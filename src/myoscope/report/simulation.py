"""Simulation outputs: the ``bw-oracle/1`` page, and the joined muscle projection in every format.

* :func:`render_simulation_html` -- one figure per case of a ``bw-oracle/1`` document;
* :func:`projection_document` -- the projection as JSON-ready data (``myoscope-projection/1``),
  never holding NaN or infinity (a value without a band is ``null``);
* :func:`render_projection` -- text, json, csv or html (plots with bands per scenario).
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from myoscope.precision import count_text
from myoscope.references import resolve
from myoscope.report._figures import fit, new_figure, svg
from myoscope.report.html import template

if TYPE_CHECKING:
    from myoscope.physiology.projection import Band, Projection, ScenarioResult
    from myoscope.physiology.regional import RegionalCourse

Doc = dict[str, Any]
"""A projection document (JSON-ready data), or a part of one."""
Pick = Callable[[Doc], Doc | None]

PROJECTION_FORMAT = "myoscope-projection/1"
PROJECTION_FORMATS = ("text", "json", "csv", "html")
_WHOLE = (
    ("ffm_kg", "fat-free mass"),
    ("lean_mass_kg", "lean tissue"),
    ("fat_mass_kg", "fat mass"),
    ("body_weight_kg", "body weight"),
)
GUARD_TEXT = {
    "no_deficit": "at least the maintenance need: a malnourished or underweight person is never projected on "
    "an energy deficit",
    "refeeding": "held: with refeeding risk (NICE CG32), or where it cannot be ruled out, intake, protein and "
    "exercise are raised only under medical and dietetic supervision; see a clinician first",
    "swallowing": "held: a swallowing problem is recorded, so what is eaten changes only after a swallowing "
    "assessment by a speech and language therapist, with a dietitian's plan",
    "possible_clot": "held: a leg may hold a clot, so no training until a clinician has seen the swollen leg",
    "urgent": "held: a red flag needs a clinician now, so no training before that visit",
    "little_intake": "held: little intake is recorded, so eating is built back up with a dietitian or doctor "
    "(from no more than half the need for the first 2 days after more than 5 days of it), not raised at once",
    "pregnancy": "held: a pregnancy is recorded; Hall's model does not describe pregnancy, and intake and "
    "training are planned with the midwife",
    "kidney": "held: chronic kidney disease is recorded, so the protein target is set by the renal team and a "
    "renal dietitian (it is often lower, not higher)",
}
"""Why a scenario was changed or held by the safety checks (``IntakeGuard`` values), in words."""
_COLOURS = ("#2c6fd0", "#d08c2c", "#2ca05a", "#a03ca0", "#c03030", "#606060")

_ROWS = (
    ("body weight (kg)", "body_weight_kg"),
    ("fat mass (kg)", "fat_mass_kg"),
    ("lean tissue (kg)", "lean_mass_kg"),
    ("fat-free mass (kg)", "ffm_kg"),
    ("energy intake (kcal/day)", "energy_intake_kcal"),
    ("energy expenditure (kcal/day)", "energy_expenditure_kcal"),
)


def _figure(outputs: dict[str, list[float]]) -> str:
    fig, ax = new_figure(6.4, 2.8)
    days = outputs["time_d"]
    ax.plot(days, outputs["fat_mass_kg"], label="fat mass", color="#d08c2c")
    ax.plot(days, outputs["lean_mass_kg"], label="lean tissue", color="#2c6fd0")
    ax.set_xlabel("day")
    ax.set_ylabel("kg")
    ax.legend(frameon=False, loc="best")
    fit(fig, ax)
    return svg(fig)


def _case(case: dict[str, Any]) -> dict[str, Any]:
    outputs = case["outputs"]
    rows = []
    for label, name in _ROWS:
        values = outputs[name]
        rows.append(
            {
                "label": label,
                "start": f"{values[0]:.2f}",
                "end": f"{values[-1]:.2f}",
                "change": f"{values[-1] - values[0]:+.2f}",
            }
        )
    return {"id": case.get("id", ""), "last_day": outputs["time_d"][-1], "rows": rows, "figure": _figure(outputs)}


def render_simulation_html(document: dict[str, Any]) -> str:
    """The page for a document produced by :func:`myoscope.physiology.hall.simulate_oracle`."""
    generator = document.get("generator", {})
    return template("simulation.html.j2").render(
        model=generator.get("model", ""),
        description=generator.get("model_description", ""),
        cases=[_case(case) for case in document["cases"]],
        references=resolve(generator.get("citations", [])),
    )


# --- the joined projection ---------------------------------------------------------------------


def _values(array: Sequence[float] | np.ndarray, digits: int) -> list[float | None]:
    out: list[float | None] = []
    for v in np.asarray(array, dtype=float).tolist():
        if math.isnan(v):
            out.append(None)
        elif math.isinf(v):
            raise ValueError("a projected value is infinite")
        else:
            out.append(round(v, digits))
    return out


def _band(band: Band | RegionalCourse, digits: int = 3) -> dict[str, list[float | None]]:
    return {
        "low": _values(band.low, digits),
        "middle": _values(band.middle, digits),
        "high": _values(band.high, digits),
    }


def _scalar(value: float | None, digits: int = 3) -> float | None:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None
    return round(float(value), digits)


def _course(course: RegionalCourse) -> Doc:
    return {
        "region": course.region,
        "side": course.side,
        "cause": course.cause,
        "known": course.known,
        "recovers": course.recovers,
        "unit": "% change from before",
        "notes": list(course.notes),
        "now": [_scalar(v, 1) for v in course.at(0)],
        "at_horizon": [_scalar(v, 1) for v in course.at(-1)],
        **_band(course, 2),
    }


def _scenario(result: ScenarioResult) -> Doc:
    whole = None
    change = None
    if result.whole_body:
        whole = {name: _band(band) for name, band in result.whole_body.items()}
        change = {
            name: [
                _scalar(band.low[-1] - band.low[0]),
                _scalar(band.middle[-1] - band.middle[0]),
                _scalar(band.high[-1] - band.high[0]),
            ]
            for name, band in result.whole_body.items()
        }
    return {
        "name": result.scenario.name,
        "label": result.scenario.label,
        "intake_kcal": _scalar(result.intake_kcal, 0),
        "protein_g_per_kg": _scalar(result.protein_g_per_kg, 2),
        "resistance_training": result.resistance_training,
        "lean_share_cut": None if result.cut is None else [_scalar(v, 3) for v in result.cut.as_tuple()],
        "whole_body": whole,
        "change_at_horizon_kg": change,
        "regional": [_course(c) for c in result.regional],
        "guard": None
        if result.guard.value == "none"
        else {"kind": result.guard.value, "reason": GUARD_TEXT[result.guard.value]},
    }


def projection_document(projection: Projection) -> Doc:
    """JSON-ready data of a :class:`myoscope.physiology.projection.Projection` (no NaN, no infinity)."""
    i = projection.inputs
    return {
        "format": PROJECTION_FORMAT,
        "person_id": projection.person_id,
        "on": projection.on.isoformat(),
        "horizon_days": int(projection.days[-1]),
        "model": projection.variant,
        "dates": [d.isoformat() for d in projection.dates],
        "inputs": {
            "sex": i.sex,
            "age_y": _scalar(i.age_y, 1),
            "height_cm": _scalar(i.height_cm, 1),
            "weight_kg": _scalar(i.weight_kg, 1),
            "pal": _scalar(i.pal, 2),
            "pal_assumed": i.pal_assumed,
            "intake_kcal": _scalar(i.intake_kcal, 0),
            "protein_g_per_kg": _scalar(i.protein_g_per_kg, 2),
            "resistance_training": i.resistance_training,
        },
        "maintenance_kcal": _scalar(projection.maintenance_kcal, 0),
        "missing": list(projection.missing),
        "notes": list(projection.notes),
        "scenarios": [_scenario(s) for s in projection.scenarios],
        "citations": list(dict.fromkeys(projection.citations)),
    }


def _signed(value: float, digits: int) -> str:
    text = f"{value:+.{digits}f}"
    return text[1:] if float(text) == 0 else text


def _range(values: Sequence[float | None] | None, digits: int = 1, unit: str = "") -> str:
    known = [v for v in values or () if v is not None]
    if values is None or len(known) < len(values):
        return "no human data"
    low, middle, high = min(known), known[1], max(known)
    if _signed(low, digits) == _signed(high, digits):
        return f"{_signed(middle, digits)}{unit}"
    return f"{_signed(middle, digits)}{unit} ({_signed(low, digits)} to {_signed(high, digits)})"


def _names(scenario: Doc) -> list[str]:
    """The name of each regional course of a scenario, as every format shows it: side, region and cause, and a
    number where one muscle has more than one course of a cause (two casts on one forearm)."""
    names, seen = [], dict[str, int]()
    for c in scenario["regional"]:
        base = f"{c['side']} {c['region']}" if c["side"] != "both" else c["region"]
        base += f" ({c['cause'].replace('_', ' ')})"
        seen[base] = seen.get(base, 0) + 1
        names.append(base if seen[base] == 1 else f"{base[:-1]}, {seen[base]})")
    return names


def _regions(doc: Doc) -> list[str]:
    return list(dict.fromkeys(n for s in doc["scenarios"] for n in _names(s)))


def _rows(doc: Doc) -> list[Doc]:
    regions = _regions(doc)
    rows = []
    for s in doc["scenarios"]:
        change = s["change_at_horizon_kg"] or {}
        at = {n: c["at_horizon"] for n, c in zip(_names(s), s["regional"], strict=True)}
        rows.append(
            {
                "label": s["label"],
                "intake": "" if s["intake_kcal"] is None else f"{s['intake_kcal']:.0f}",
                "ffm": _range(change.get("ffm_kg"), 1) if change else "cannot tell",
                "fat": _range(change.get("fat_mass_kg"), 1) if change else "cannot tell",
                "regions": [_range(at[r], 1) if r in at else "" for r in regions],
                "guard": (s.get("guard") or {}).get("reason", ""),
            }
        )
    return rows


def _regional_lines(doc: Doc, scenario: Doc) -> list[str]:
    lines: list[str] = []
    grouped: dict[tuple[str, str], list[str]] = {}
    for name, c in zip(_names(scenario), scenario["regional"], strict=True):
        values = (_range(c["now"], 1, " %"), _range(c["at_horizon"], 1, " %"))
        if c["cause"] == "energy_balance":
            grouped.setdefault(values, []).append(c["region"] if c["side"] == "both" else f"{c['side']} {c['region']}")
            continue
        lines.append(f"  {name}: now {values[0]}; day {doc['horizon_days']} {values[1]}")
    for (_now, later), regions in grouped.items():
        lines.append(f"  {', '.join(regions)} (energy balance): day {doc['horizon_days']} {later}")
    return lines


_MODEL_WORDS = {
    "hall2011": "Hall's model (Hall et al. 2011)",
    "bw-1.0.0": "Hall's model as the R package bw 1.0.0 runs it",
}
"""The whole-body model variants in words."""


def _text(doc: Doc) -> str:
    lines = [
        f"Muscle projection for {doc['person_id']} from {doc['on']}, {count_text(doc['horizon_days'], 'day')}.",
        f"Whole body: {_MODEL_WORDS.get(doc['model'], doc['model'])} with the protein and training effect on the "
        "lean share.",
        "Regions: human disuse, regain and denervation studies, % change from before.",
        "Values: central projection (band from the studies, low to high); a value without a band: the studies "
        "give no spread for it.",
    ]
    if doc["missing"]:
        lines.append("Whole-body projection not possible: record " + ", ".join(doc["missing"]) + ".")
    notes = list(doc["notes"])
    for row, s in zip(_rows(doc), doc["scenarios"], strict=True):
        lines.append("")
        lines.append(f"{row['label']}" + (f", {row['intake']} kcal/day" if row["intake"] else ""))
        if row["guard"]:
            lines.append(f"  {row['guard']}")
        if s["change_at_horizon_kg"]:
            lines.append(f"  fat-free mass {row['ffm']} kg; fat mass {row['fat']} kg")
        lines += _regional_lines(doc, s)
        notes += [n for c in s["regional"] for n in c["notes"]]
    if notes:
        lines += ["", "Notes:"] + [f"- {n}" for n in dict.fromkeys(notes)]
    lines += ["", "References:"] + [f"  [{r.key}] {r.citation()}" for r in resolve(doc["citations"])]
    return "\n".join(lines) + "\n"


def _csv(doc: Doc) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["scenario", "day", "date", "quantity", "unit", "low", "middle", "high"])
    for s in doc["scenarios"]:
        series = [(name, "kg", band) for name, band in (s["whole_body"] or {}).items()]
        series += [(f"{c['side']}_{c['region']}_{c['cause']}", "%", c) for c in s["regional"]]
        for name, unit, band in series:
            for day, date in enumerate(doc["dates"]):
                writer.writerow(
                    [
                        s["name"],
                        day,
                        date,
                        name,
                        unit,
                        *(("" if band[k][day] is None else band[k][day]) for k in ("low", "middle", "high")),
                    ]
                )
    return buffer.getvalue()


def _plot(doc: Doc, title: str, unit: str, pick: Pick) -> str | None:
    fig, ax = new_figure(6.6, 3.0)
    days = np.arange(doc["horizon_days"] + 1)
    drawn = False
    for k, s in enumerate(doc["scenarios"]):
        band = pick(s)
        if band is None:
            continue
        low, middle, high = (
            np.array([np.nan if v is None else v for v in band[n]], float) for n in ("low", "middle", "high")
        )
        if not np.isfinite(middle).any():
            continue  # nothing projected for this scenario: no line, and no plot without any
        colour = _COLOURS[k % len(_COLOURS)]
        ax.fill_between(days, low, high, color=colour, alpha=0.18, linewidth=0)
        ax.plot(days, middle, color=colour, label=s["label"], linewidth=1.4)
        drawn = True
    if not drawn:
        return None
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(f"days from {doc['on']}", fontsize=9)
    ax.set_ylabel(unit, fontsize=9)
    ax.tick_params(labelsize=9)
    ax.legend(frameon=False, fontsize=8, loc="best")
    fit(fig, ax)
    return svg(fig)


def _whole_body(name: str) -> Pick:
    """Picks a scenario's band of the whole-body quantity ``name`` (None without a whole-body projection)."""

    def pick(s: Doc) -> Doc | None:
        band: Doc | None = (s["whole_body"] or {}).get(name)
        return band

    return pick


def _figures(doc: Doc) -> list[dict[str, str]]:
    figures = []
    for name, label in _WHOLE[:3]:
        picture = _plot(doc, f"{label} (kg), band per scenario", "kg", _whole_body(name))
        if picture:
            figures.append(
                {"svg": picture, "caption": f"{label}: shaded band from the studies' ranges; line: central projection"}
            )
    for region in _regions(doc):

        def pick(s: Doc, r: str = region) -> Doc | None:
            return next((c for n, c in zip(_names(s), s["regional"], strict=True) if n == r), None)

        picture = _plot(doc, f"{region} muscle size (% change from before)", "%", pick)
        if picture:
            figures.append(
                {"svg": picture, "caption": f"{region}: band from the human studies; line: central projection"}
            )
    return figures


def render_projection(projection: Projection, format: str) -> str:
    """The projection as ``text``, ``json``, ``csv`` or ``html``."""
    doc = projection_document(projection)
    if format == "json":
        return json.dumps(doc, allow_nan=False) + "\n"
    if format == "csv":
        return _csv(doc)
    if format == "html":
        return template("projection.html.j2").render(
            doc=doc, rows=_rows(doc), regions=_regions(doc), figures=_figures(doc), references=resolve(doc["citations"])
        )
    return _text(doc)
