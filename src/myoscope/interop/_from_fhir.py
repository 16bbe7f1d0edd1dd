"""FHIR R4 resources -> the sections of a myoscope record, with every refusal reported.

Each resource becomes zero or more record items; each item is checked on its own through
:func:`myoscope.record.parse_record` (the same validation and units as a record file), so one
bad value costs only its own item, and is reported with the resource id, the FHIR path, the
value and what is accepted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from myoscope.errors import InputError
from myoscope.interop import codes as C
from myoscope.interop._to_fhir import EXT
from myoscope.interop._ucum import UCUM_TO_PINT, to_canonical
from myoscope.record import MEASUREMENT_KINDS, NUTRIENT_UNITS, parse_record


@dataclass(frozen=True, slots=True)
class Issue:
    """Something in the Bundle that did not become part of the record, and why."""

    resource: str
    """``ResourceType/id`` (or the entry's fullUrl)."""
    path: str
    value: Any
    message: str
    accepted: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "resource": self.resource,
            "path": self.path,
            "value": self.value,
            "message": self.message,
            "accepted": self.accepted,
        }

    def __str__(self) -> str:
        text = f"{self.resource} {self.path}: {self.message}"
        if self.value is not None:
            text += f" (got {str(self.value)[:80]!r})"
        return text + (f"; accepted: {self.accepted}" if self.accepted else "")


class Skip(Exception):
    """Raised by a reader: the resource (or item) is not imported; the issue says why."""

    def __init__(self, path: str, value: Any, message: str, accepted: str | None = None) -> None:
        super().__init__(message)
        self.args4 = (path, value, message, accepted)


def extension(resource: dict[str, Any], name: str) -> list[Any]:
    """Values of myoscope extension ``name`` on ``resource``."""
    out: list[Any] = []
    for e in resource.get("extension", ()):
        if e.get("url") == f"{EXT}/{name}":
            out.extend(v for k, v in e.items() if k.startswith("value"))
    return out


def first(resource: dict[str, Any], name: str) -> Any:
    values = extension(resource, name)
    return values[0] if values else None


def codings(concept: dict[str, Any] | None) -> list[dict[str, Any]]:
    return list((concept or {}).get("coding", ()))


def own_code(concept: dict[str, Any] | None, system: str) -> str | None:
    return next((c.get("code") for c in codings(concept) if c.get("system") == system), None)


def date_of(value: Any, path: str) -> str:
    if not isinstance(value, str) or len(value) < 10:
        raise Skip(path, value, "needs a full date (YYYY-MM-DD)", "a FHIR date or dateTime with day precision")
    return value[:10]


def effective(resource: dict[str, Any]) -> str:
    if "effectiveDateTime" in resource:
        return date_of(resource["effectiveDateTime"], "effectiveDateTime")
    if "effectivePeriod" in resource:
        return date_of(resource["effectivePeriod"].get("start"), "effectivePeriod.start")
    if "effectiveInstant" in resource:
        return date_of(resource["effectiveInstant"], "effectiveInstant")
    raise Skip("effective[x]", None, "has no date", "effectiveDateTime or effectivePeriod.start")


def side_of(site: dict[str, Any] | None) -> str | None:
    for c in codings(site):
        if c.get("system") == C.SNOMED and c.get("code") in C.SIDE_OF_LATERALITY:
            return C.SIDE_OF_LATERALITY[c["code"]]
    return None


def quantity_in(q: dict[str, Any] | None, unit: str, accepted: tuple[str, ...] | None, path: str) -> float:
    """A FHIR Quantity converted to myoscope's ``unit``; refuses non-UCUM or unaccepted units."""
    if not q or not isinstance(q.get("value"), (int, float)) or isinstance(q.get("value"), bool):
        raise Skip(f"{path}.value", (q or {}).get("value"), "has no numeric value", "a number")
    if q.get("comparator") is not None:  # "< 10 kg" is a bound, not a measurement: never read as exactly 10
        raise Skip(f"{path}.comparator", q.get("comparator"), "is a bound, not a measured value", "no comparator")
    code = q.get("code")
    allowed = accepted or tuple(UCUM_TO_PINT)
    if q.get("system") != C.UCUM or code not in allowed:
        raise Skip(
            f"{path}.code",
            f"{q.get('system')}|{code}",
            "unit not accepted",
            f"UCUM ({C.UCUM}) codes {', '.join(allowed)}",
        )
    try:
        # a converted value to 10 significant figures: the floating-point noise of the conversion goes (158
        # [lb_av] is 71.66759446 kg, not 71.66759446000002), no measured digit does; one in myoscope's own
        # unit is kept as given, so that a record's export reads back exactly
        value = float(q["value"])
        converted = to_canonical(value, code, unit)
        return converted if converted == value else float(f"{converted:.10g}")
    except ValueError as exc:
        raise Skip(f"{path}.code", code, str(exc), ", ".join(allowed)) from None


def component_map(resource: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {code: c for c in resource.get("component", ()) if (code := own_code(c.get("code"), C.COMPONENT_SYSTEM))}


def checked(section: str, item: dict[str, Any]) -> dict[str, Any]:
    """``item`` if it validates as one entry of ``section`` of a record, else :class:`Skip`."""
    probe: dict[str, Any] = {"person": {"id": "probe"}, section: [item]} if section != "person" else {"person": item}
    try:
        parse_record(probe, checks=False)  # answers are checked once the whole record is read
    except InputError as exc:
        p = exc.problems[0]
        raise Skip(p.field, p.value if not isinstance(p.value, (dict, list)) else None, p.message, p.accepted) from None
    return item


# --- readers: resource -> (section, item) -------------------------------------------------------


def read_patient(r: dict[str, Any]) -> dict[str, Any]:
    ident = next((i.get("value") for i in r.get("identifier", ()) if i.get("system") == f"{C.BASE}/person-id"), None)
    person: dict[str, Any] = {"id": ident or r.get("id") or "imported"}
    sex = first(r, "sex-for-equations") or r.get("gender")
    if sex in ("male", "female"):
        person["sex"] = sex
    if "birthDate" in r:  # present but empty or not a date: said, never dropped
        person["birth_date"] = date_of(r["birthDate"], "birthDate")
    age = first(r, "age-at-record")
    if age:
        person["age"] = age.get("value")
    height = first(r, "height-for-equations")
    if height:
        person["height"] = quantity_in(height, "cm", ("cm", "[in_i]"), "extension(height-for-equations)")
    for name in ("population", "activity_level"):
        value = first(r, name.replace("_", "-"))
        if value is not None:
            person[name] = value
    return checked("person", person)


def read_measurement(r: dict[str, Any], kind: str, implied_side: str | None) -> dict[str, Any]:
    spec, entry = MEASUREMENT_KINDS[kind], C.KINDS[kind]
    item: dict[str, Any] = {"kind": kind, "date": effective(r)}
    side = side_of(r.get("bodySite")) or implied_side
    if side in ("left", "right"):
        item["side"] = side
    parts = component_map(r)
    trials = [
        quantity_in(parts[k].get("valueQuantity"), spec.unit, entry.accepted_units, f"component({k})")
        for k in sorted((k for k in parts if k.startswith("trial-")), key=lambda k: int(k.split("-")[1]))
    ]
    if trials:
        item["trials"] = trials
    if "course-distance" in parts:
        item["distance"] = quantity_in(
            parts["course-distance"].get("valueQuantity"), "m", None, "component(course-distance)"
        )
    if not (trials and first(r, "value-is-best-trial")):
        item["value"] = quantity_in(r.get("valueQuantity"), spec.unit, entry.accepted_units, "valueQuantity")
    if (r.get("method") or {}).get("text"):
        item["method"] = r["method"]["text"]
    performer = next((p.get("display") for p in r.get("performer", ()) if p.get("display")), None)
    if performer:
        item["observer"] = performer
    return checked("measurements", item)


def read_episode_observation(r: dict[str, Any], kind: str) -> dict[str, Any]:
    period = r.get("effectivePeriod") or {}
    item: dict[str, Any] = {"kind": kind, "start": date_of(period.get("start"), "effectivePeriod.start")}
    if period.get("end"):
        item["end"] = date_of(period["end"], "effectivePeriod.end")
    parts = component_map(r)
    if "no-intake-days" in parts:
        item["no_intake_days"] = parts["no-intake-days"].get("valueInteger")
    return checked("episodes", item)


def read_symptom(r: dict[str, Any]) -> dict[str, Any]:
    kind = own_code(r.get("valueCodeableConcept"), C.SYMPTOM_SYSTEM)
    if not kind:
        raise Skip("valueCodeableConcept", None, "symptom without a myoscope symptom code", C.SYMPTOM_SYSTEM)
    item: dict[str, Any] = {"kind": kind}
    if r.get("effectiveDateTime"):
        item["onset"] = date_of(r["effectiveDateTime"], "effectiveDateTime")
    for name, part in component_map(r).items():
        item[name] = part.get("valueBoolean")
    site = r.get("bodySite") or {}
    if site.get("text"):
        item["site"] = site["text"]
    side = side_of(site)
    if side:
        item["side"] = side
    return checked("symptoms", item)


def read_diet(r: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {"date": effective(r)}
    for name, part in component_map(r).items():
        nutrient = name.removeprefix("nutrient-")
        if nutrient not in NUTRIENT_UNITS:
            raise Skip(f"component({name})", name, "unknown nutrient", ", ".join(sorted(NUTRIENT_UNITS)))
        item[nutrient] = quantity_in(part.get("valueQuantity"), NUTRIENT_UNITS[nutrient][0], None, f"component({name})")
    return checked("diet_days", item)


_ACTIVITY_UNITS = {"moderate_minutes": "min", "vigorous_minutes": "min", "sitting": "h/day", "minutes": "min"}


def read_activity(r: dict[str, Any], kind: str) -> dict[str, Any]:
    item: dict[str, Any] = {"week_of" if kind == "activity_week" else "date": effective(r)}
    for name, part in component_map(r).items():
        if name in _ACTIVITY_UNITS:
            item[name] = quantity_in(part.get("valueQuantity"), _ACTIVITY_UNITS[name], None, f"component({name})")
        elif "valueInteger" in part:
            item[name] = part["valueInteger"]
        else:
            item[name] = own_code(part.get("valueCodeableConcept"), C.COMPONENT_SYSTEM)
    return checked("activity", item)


def read_isncsci(r: dict[str, Any]) -> dict[str, Any]:
    exam: dict[str, Any] = {}
    for name, part in component_map(r).items():
        if not name.startswith("isncsci."):
            continue
        node = exam
        *parents, leaf = name.removeprefix("isncsci.").split(".")
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = part.get("valueString")
    return checked("spinal_exams", {"date": effective(r), "exam": exam})


def read_response(r: dict[str, Any], known: set[str]) -> dict[str, Any]:
    url = (r.get("questionnaire") or "").split("|")[0]
    prefix = f"{C.BASE}/Questionnaire/"
    name = url.removeprefix(prefix) if url.startswith(prefix) else None
    if name not in known:
        raise Skip(
            "questionnaire",
            r.get("questionnaire"),
            "questionnaire not known to myoscope",
            f"{prefix}NAME with NAME one of {', '.join(sorted(known))}",
        )
    if r.get("status") not in ("completed", "amended"):
        raise Skip("status", r.get("status"), "only completed answers are scored", "completed, amended")
    answers: dict[str, Any] = {key: None for key in extension(r, "unanswered-item")}
    for i, item in enumerate(r.get("item", ())):
        if item.get("item") or len(item.get("answer", ())) != 1:
            raise Skip(
                f"item[{i}]",
                item.get("linkId"),
                "needs exactly one answer and no nested items",
                "one answer per linkId",
            )
        answer = item["answer"][0]
        value: Any = next((v for k, v in answer.items() if k.startswith("value")), None)
        if "valueCoding" in answer:
            value = answer["valueCoding"].get("code")
            value = int(value) if isinstance(value, str) and value.lstrip("-").isdigit() else value
        elif first(answer, "json-answer"):
            value = json.loads(value)
        answers[item["linkId"]] = value
    return checked("instruments", {"name": name, "date": date_of(r.get("authored"), "authored"), "answers": answers})
