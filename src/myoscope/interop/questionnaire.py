"""Instrument exports: an SDC Questionnaire (FHIR R4) and a REDCap data dictionary (CSV).

Items, answer options and ranges come from the instrument's input model in the public registry
(:mod:`myoscope.instruments`); the item texts are the model's own short paraphrases. Scores stay
computed in Python: where an instrument's total is a plain function of its items
(:data:`TOTALS`), the export carries a calculated total (SDC ``calculatedExpression`` in FHIRPath;
a REDCap ``calc`` field) as a convenience, and the tests check it against the Python score.

SDC: Structured Data Capture IG STU 3 (hl7.org/fhir/uv/sdc, FHIR R4): profile
``sdc-questionnaire``, extension ``sdc-questionnaire-calculatedExpression``. Answer weights are
given both as ``itemWeight`` (current) and ``ordinalValue`` (deprecated, still read by R4 clients).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import types
import typing
from dataclasses import dataclass
from typing import Any

from myoscope.interop import codes as C
from myoscope.interop._ucum import PINT_TO_UCUM

SDC = "http://hl7.org/fhir/uv/sdc/StructureDefinition"
CALCULATED = f"{SDC}/sdc-questionnaire-calculatedExpression"
ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
TOTAL_LINK_ID = "total"

REDCAP_HEADER = (
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
)
"""The columns of a REDCap data dictionary, in REDCap's order."""


@dataclass(frozen=True, slots=True)
class Total:
    """A total that is the sum of items, optionally rescaled: ``(sum - low) / (high - low) * scale``."""

    items: tuple[str, ...]
    low: int | None = None
    high: int | None = None
    scale: float = 100.0
    digits: int | None = None
    """Decimal places the Python score is rounded to."""


_ALSFRS = (
    "speech",
    "salivation",
    "swallowing",
    "handwriting",
    "cutting_food",
    "dressing_hygiene",
    "turning_in_bed",
    "walking",
    "climbing_stairs",
    "dyspnoea",
    "orthopnoea",
    "respiratory_insufficiency",
)
_MSWS = (
    "walk",
    "run",
    "stairs",
    "standing",
    "balance",
    "distance",
    "effort",
    "support_indoors",
    "support_outdoors",
    "speed",
    "smoothness",
    "concentration",
)
TOTALS: dict[str, Total] = {
    "sarc-f": Total(("strength", "assistance", "rise", "climb", "falls")),
    "alsfrs-r": Total(_ALSFRS),
    "mrc-sum": Total(
        tuple(
            f"{m}_{s}"
            for m in (
                "shoulder_abduction",
                "elbow_flexion",
                "wrist_extension",
                "hip_flexion",
                "knee_extension",
                "ankle_dorsiflexion",
            )
            for s in ("left", "right")
        )
    ),
    "msws-12": Total(_MSWS, 12, 60, digits=2),
    "pdds": Total(("pdds",)),
}
"""Instruments whose Python total is a sum of their items (the MSWS-12 rescaled to 0-100)."""


class NotExportable(ValueError):
    """The instrument has inputs that are not questions (lists of sessions, visits...)."""


@dataclass(frozen=True, slots=True)
class Question:
    link_id: str
    text: str
    kind: str
    """``choice``, ``boolean``, ``integer``, ``decimal``, ``date`` or ``string``."""
    options: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None
    unit: str | None = None


def _bounds(metadata: Any) -> tuple[float | None, float | None]:
    low = high = None
    metadata = [m for meta in metadata for m in [meta, *getattr(meta, "metadata", ())]]
    for meta in metadata:
        low = getattr(meta, "ge", low) if getattr(meta, "ge", None) is not None else low
        high = getattr(meta, "le", high) if getattr(meta, "le", None) is not None else high
    return low, high


def _numeric(name: str, text: str, kind: type, metadata: list[Any]) -> Question:
    """A number question; a small integer range becomes a choice of its values."""
    low, high = _bounds(metadata)
    if kind is int and low is not None and high is not None and high - low <= 10:
        return Question(name, text, "choice", options=tuple(range(int(low), int(high) + 1)))
    return Question(name, text, "integer" if kind is int else "decimal", low=low, high=high)


def _question(name: str, info: Any) -> Question:
    from myoscope.units import bounds

    text = info.description or name.replace("_", " ")
    annotation = info.annotation
    union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
    inner = next(a for a in typing.get_args(annotation) if a is not type(None)) if union else annotation
    unit_bounds = bounds(inner)
    if unit_bounds:
        unit, low, high = unit_bounds
        return Question(name, text, "decimal", low=low, high=high, unit=PINT_TO_UCUM.get(unit))
    if typing.get_origin(inner) is typing.Literal:
        return Question(name, text, "choice", options=typing.get_args(inner))
    metadata = list(info.metadata)
    if typing.get_origin(inner) is typing.Annotated:
        metadata += list(inner.__metadata__)
        inner = typing.get_args(inner)[0]
    if inner is bool:
        return Question(name, text, "boolean")
    if inner in (int, float):
        return _numeric(name, text, inner, metadata)
    if inner is dt.date:
        return Question(name, text, "date")
    if inner is str:
        return Question(name, text, "string")
    raise NotExportable(f"input {name!r} is not a single question ({annotation})")


def questions(name: str) -> list[Question]:
    """The questions of a registered instrument (raises KeyError, NotExportable)."""
    from myoscope.scores import get

    instrument = get(name)
    out = []
    for field, info in instrument.Input.model_fields.items():
        if isinstance(info.annotation, types.GenericAlias) or typing.get_origin(info.annotation) in (list, tuple):
            raise NotExportable(f"{name}: input {field!r} is a list, not a question")
        out.append(_question(field, info))
    return out


def fhirpath_total(name: str) -> str | None:
    """The FHIRPath expression of the instrument's total over a QuestionnaireResponse, or None."""
    total = TOTALS.get(name)
    if total is None:
        return None
    ids = " | ".join(f"'{i}'" for i in total.items)
    answered = f"%resource.item.where(linkId in ({ids})).answer"
    summed = f"{answered}.value.select(code.toInteger()).aggregate($this + $total, 0)"
    if total.low is not None and total.high is not None:
        summed = f"({summed} - {total.low}) / {total.high - total.low} * {total.scale:g}"
    if total.digits is not None:
        summed = f"({summed}).round({total.digits})"
    return f"iif({answered}.count() = {len(total.items)}, {summed}, {{}})"


def _option(value: Any) -> dict[str, Any]:
    if isinstance(value, int) and not isinstance(value, bool):
        weight = [{"url": ITEM_WEIGHT, "valueDecimal": value}, {"url": ORDINAL_VALUE, "valueDecimal": value}]
        return {
            "valueCoding": {
                "system": f"{C.BASE}/CodeSystem/answer",
                "code": str(value),
                "display": str(value),
                "extension": weight,
            }
        }
    return {
        "valueCoding": {
            "system": f"{C.BASE}/CodeSystem/answer",
            "code": str(value),
            "display": str(value).replace("_", " "),
        }
    }


def _fhir_item(q: Question) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": q.link_id, "text": q.text, "type": q.kind}
    if q.options:
        item["answerOption"] = [_option(v) for v in q.options]
    extensions: list[dict[str, Any]] = []
    if q.kind in ("integer", "decimal"):
        key = "valueInteger" if q.kind == "integer" else "valueDecimal"
        extensions += [
            {"url": url, key: value} for url, value in ((MIN_VALUE, q.low), (MAX_VALUE, q.high)) if value is not None
        ]
        if q.kind == "integer":
            for e in extensions:
                e[key] = int(e[key])
    if q.unit:
        extensions.append({"url": UNIT, "valueCoding": {"system": C.UCUM, "code": q.unit}})
    if extensions:
        item["extension"] = extensions
    return item


def sdc_questionnaire(name: str) -> dict[str, Any]:
    """The instrument as an SDC Questionnaire (R4), with a calculated total where :data:`TOTALS` has one."""
    from myoscope.scores import get

    instrument = get(name)
    items = [_fhir_item(q) for q in questions(name)]
    expression = fhirpath_total(name)
    if expression:
        items.append(
            {
                "linkId": TOTAL_LINK_ID,
                "text": f"{instrument.title}: total (computed)",
                "type": "decimal" if TOTALS[name].low is not None else "integer",
                "readOnly": True,
                "extension": [
                    {"url": CALCULATED, "valueExpression": {"language": "text/fhirpath", "expression": expression}}
                ],
            }
        )
    return {
        "resourceType": "Questionnaire",
        "id": name,
        "meta": {"profile": [C.SDC_QUESTIONNAIRE_PROFILE]},
        "url": f"{C.BASE}/Questionnaire/{name}",
        "version": instrument.version,
        "name": name.replace("-", "_"),
        "title": instrument.title,
        "status": "active",
        "description": "Exported by myoscope; myoscope computes the score itself, the calculated total is a "
        "convenience for form renderers.",
        "item": items,
    }


def _redcap_row(form: str, q: Question) -> dict[str, str]:
    row = dict.fromkeys(REDCAP_HEADER, "")
    row.update({"Variable / Field Name": q.link_id, "Form Name": form, "Field Label": q.text})
    if q.kind == "choice":
        row["Field Type"] = "radio"
        row["Choices, Calculations, OR Slider Labels"] = " | ".join(f"{v}, {v}" for v in q.options)
    elif q.kind == "boolean":
        row["Field Type"] = "yesno"
    else:
        row["Field Type"] = "text"
        row["Text Validation Type OR Show Slider Number"] = {
            "integer": "integer",
            "decimal": "number",
            "date": "date_ymd",
        }.get(q.kind, "")
        for column, value in (("Text Validation Min", q.low), ("Text Validation Max", q.high)):
            if value is not None:
                row[column] = f"{value:g}"
        if q.unit:
            row["Field Note"] = q.unit
    return row


def redcap_dictionary(name: str) -> str:
    """The instrument as a REDCap data dictionary (CSV; the first field is the record id)."""
    form = name.replace("-", "_")
    rows = [
        dict.fromkeys(REDCAP_HEADER, "")
        | {"Variable / Field Name": "record_id", "Form Name": form, "Field Type": "text", "Field Label": "Record ID"}
    ]
    qs = questions(name)
    rows += [_redcap_row(form, q) for q in qs]
    total = TOTALS.get(name)
    if total:
        summed = f"sum({','.join(f'[{i}]' for i in total.items)})"
        if total.low is not None and total.high is not None:
            summed = f"({summed}-{total.low})/{total.high - total.low}*{total.scale:g}"
        if total.digits is not None:
            summed = f"round({summed},{total.digits})"
        rows.append(
            dict.fromkeys(REDCAP_HEADER, "")
            | {
                "Variable / Field Name": f"{form}_total"[:26],
                "Form Name": form,
                "Field Type": "calc",
                "Field Label": "Total (computed)",
                "Choices, Calculations, OR Slider Labels": summed,
            }
        )
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=REDCAP_HEADER, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()
