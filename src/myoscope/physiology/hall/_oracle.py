"""Reading and writing the ``bw-oracle/1`` format (shared reference bw/README.md).

A document holds ``cases``, each with the ``inputs`` passed to ``bw::adult_weight``; their
``outputs`` (if any) are ignored on reading. :func:`simulate_oracle` returns the same document
with our own ``baseline`` and ``outputs`` and a ``generator`` naming the variant used.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

from myoscope.errors import InputError, Problem
from myoscope.physiology.hall._simulate import OUTPUT_FIELDS, resolve_variant, simulate
from myoscope.physiology.hall._variants import DEFAULT_VARIANT, Variant

FORMAT = "bw-oracle/1"
UNITS = {"mass": "kg", "energy": "kcal/day", "sodium": "mg/day", "time": "day", "height": "m", "age": "year"}
_REQUIRED = ("sex", "age_y", "height_m", "weight_kg", "PAL", "ei_change_kcal")
_ARGUMENT = {
    "sex": "sex",
    "age_y": "age_y",
    "height_m": "height_m",
    "weight_kg": "weight_kg",
    "PAL": "pal",
    "pcarb_base": "pcarb_base",
    "pcarb": "pcarb",
    "EI_kcal": "ei_kcal",
    "fat_kg": "fat_kg",
    "ei_change_kcal": "ei_change_kcal",
    "na_change_mg": "na_change_mg",
}
_FIELD = {argument: name for name, argument in _ARGUMENT.items()}


def read_oracle(path: str | Path) -> dict[str, Any]:
    """Load a ``bw-oracle/1`` document (plain or gzip JSON)."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        document: dict[str, Any] = json.load(handle)
        return document


def write_oracle(document: dict[str, Any], path: str | Path) -> None:
    """Write a document as JSON (gzip when ``path`` ends in .gz); doubles keep all 17 digits."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        json.dump(document, handle)


def _cases(document: Any) -> list[dict[str, Any]]:
    problems = []
    if not isinstance(document, dict):
        raise InputError([Problem("", type(document).__name__, "must be a JSON object with 'cases'", FORMAT)])
    if document.get("format", FORMAT) != FORMAT:
        problems.append(Problem("format", document.get("format"), "is not a known format", FORMAT))
    cases = document.get("cases")
    if not isinstance(cases, list) or not cases:
        problems.append(
            Problem(
                "cases",
                cases if cases is None else type(cases).__name__,
                "must be a non-empty list of cases",
                "a list of {id, inputs}",
            )
        )
        raise InputError(problems)
    for i, case in enumerate(cases):
        inputs = case.get("inputs") if isinstance(case, dict) else None
        if not isinstance(inputs, dict):
            problems.append(Problem(f"cases[{i}].inputs", None, "is required", "an object of model inputs"))
            continue
        for name in _REQUIRED:
            if inputs.get(name) is None:
                problems.append(Problem(f"cases[{i}].inputs.{name}", None, "is required"))
        if inputs.get("dt", 1) != 1:
            problems.append(Problem(f"cases[{i}].inputs.dt", inputs.get("dt"), "is not supported", "1 (day)"))
        for name in ("ei_change_kcal", "na_change_mg"):
            value = inputs.get(name)
            if value is not None and (not isinstance(value, list) or not value):
                problems.append(
                    Problem(
                        f"cases[{i}].inputs.{name}",
                        value,
                        "must be a list of daily values",
                        "a non-empty list of numbers",
                    )
                )
    if problems:
        raise InputError(problems)
    return cases


def _schedule(values: list[float] | None, columns: int) -> list[float]:
    """``columns`` daily values: truncated, or extended by holding the last value."""
    values = list(values) if values else [0.0]
    return values[:columns] + [values[-1]] * max(0, columns - len(values))


def _horizon(inputs: dict[str, Any], days: int | None) -> int:
    if days is not None:
        return days
    given = inputs.get("days")
    if isinstance(given, int) and not isinstance(given, bool):
        return given
    return len(inputs["ei_change_kcal"]) - 1


def _renamed(error: InputError, case_index: list[int]) -> InputError:
    """Map problems of the vectorised call (``weight_kg[3]``) back to the file (``cases[7].inputs.weight_kg``)."""
    problems = []
    for p in error.problems:
        match = re.fullmatch(r"(\w+)((?:\[\d+\])*)(.*)", p.field)
        if not match:
            problems.append(p)
            continue
        name, indices, rest = match.groups()
        numbers = [int(n) for n in re.findall(r"\d+", indices)]
        field = _FIELD.get(name, name)
        if len(case_index) == 1:  # one case: the vectorised call names no case, so an index is a day's
            where = f"cases[{case_index[0]}].inputs.{field}" + "".join(f"[{n}]" for n in numbers)
        elif numbers and numbers[0] < len(case_index):
            where = f"cases[{case_index[numbers[0]]}].inputs.{field}" + "".join(f"[{n}]" for n in numbers[1:])
        else:
            where = f"cases.inputs.{field}"
        problems.append(Problem(where + rest, p.value, p.message, p.accepted, p.unit))
    return InputError(problems)


def simulate_oracle(
    document: dict[str, Any], variant: str | Variant = DEFAULT_VARIANT, days: int | None = None
) -> dict[str, Any]:
    """Run every case of a ``bw-oracle/1`` document; return the document with our outputs.

    ``days`` overrides each case's horizon; schedules shorter than ``days + 1`` hold their last value.
    """
    chosen = resolve_variant(variant)
    cases = _cases(document)
    groups: dict[int, list[int]] = {}
    for i, case in enumerate(cases):
        groups.setdefault(_horizon(case["inputs"], days), []).append(i)
    results: dict[int, tuple[dict[str, Any], dict[str, list[Any]]]] = {}
    for horizon, members in groups.items():
        ins = [cases[i]["inputs"] for i in members]
        columns = max(horizon, 0) + 1
        kwargs: dict[str, Any] = {
            argument: [item.get(field) for item in ins]
            for field, argument in _ARGUMENT.items()
            if field not in ("ei_change_kcal", "na_change_mg", "pcarb_base", "pcarb")
        }
        kwargs["pcarb_base"] = [item.get("pcarb_base", 0.5) for item in ins]
        kwargs["pcarb"] = [item.get("pcarb", item.get("pcarb_base", 0.5)) for item in ins]
        try:
            sim = simulate(
                **kwargs,
                days=horizon,
                variant=chosen,
                ei_change_kcal=[_schedule(item["ei_change_kcal"], columns) for item in ins],
                na_change_mg=[_schedule(item.get("na_change_mg"), columns) for item in ins],
            )
        except InputError as exc:
            raise _renamed(exc, members) from None
        for row, i in enumerate(members):
            outputs = {"time_d": [int(t) for t in sim.days]}
            outputs.update({name: sim[name][row].tolist() for name in OUTPUT_FIELDS})
            results[i] = (sim.baseline.as_dict(row), outputs)
    new_cases = []
    for i, case in enumerate(cases):
        inputs = dict(case["inputs"])
        if days is not None:
            inputs["days"] = days
        base, outputs = results[i]
        new_cases.append({"id": case.get("id", f"case{i}"), "inputs": inputs, "baseline": base, "outputs": outputs})
    return {
        "format": FORMAT,
        "generator": {
            "script": "myoscope simulate",
            "model": chosen.name,
            "model_description": chosen.description,
            "citations": list(chosen.citations),
            "input_generator": document.get("generator"),
        },
        "units": UNITS,
        "cases": new_cases,
    }


def as_table(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per case and day (for CSV)."""
    rows = []
    for case in document["cases"]:
        outputs = case["outputs"]
        for j, day in enumerate(outputs["time_d"]):
            row = {"case_id": case["id"], "day": day}
            row.update({name: outputs[name][j] for name in OUTPUT_FIELDS})
            rows.append(row)
    return rows
