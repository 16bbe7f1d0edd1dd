"""A record as FHIR R4 resources (plain JSON dictionaries), one function per section.

Everything a record holds has a FHIR home, so that record -> Bundle -> record is lossless:
measurements, diet days, activity, episodes of bed rest or illness, symptoms and ISNCSCI exams
are Observations; instrument answers are QuestionnaireResponses; diagnoses are Conditions;
immobilisations are DeviceUseStatements; family history is FamilyMemberHistory. What FHIR has
no element for (a measurement's trials, the course of a gait test, a spinal level) travels in
an Observation component or a myoscope extension (``https://myoscope.dev/fhir/StructureDefinition/...``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable
from typing import Any

from myoscope.interop import codes as C
from myoscope.interop._ucum import ucum_of
from myoscope.record import MEASUREMENT_KINDS, NUTRIENT_UNITS, Record

EXT = f"{C.BASE}/StructureDefinition"
NAMESPACE = uuid.UUID("6f1c2b7e-5d0a-4a57-9a1e-3b2f0d6c9e41")
"""Namespace of the deterministic ``urn:uuid`` of each exported item."""


def ext(name: str, **value: Any) -> dict[str, Any]:
    return {"url": f"{EXT}/{name}", **value}


def category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": C.OBSERVATION_CATEGORY, "code": code}]}]


def fhir_id(text: str) -> str:
    """A FHIR id (``[A-Za-z0-9.-]{1,64}``) from any text."""
    cleaned = re.sub(r"[^A-Za-z0-9.\-]", "-", text)[:64]
    return cleaned or "x"


def quantity(value: float, unit: str) -> dict[str, Any]:
    code = ucum_of(unit)
    return {"value": value, "unit": code, "system": C.UCUM, "code": code}


def component(code: str, **value: Any) -> dict[str, Any]:
    return {"code": {"coding": [C.own(C.COMPONENT_SYSTEM, code)]}, **value}


def body_site(site: str | None, side: str | None) -> dict[str, Any] | None:
    codings = []
    if site:
        codings.append(C.own(C.BODY_SITE_SYSTEM, site))
    if side:
        codings.append(C.LATERALITY[side].coding())
    return {"coding": codings} if codings else None


class Builder:
    """Collects resources with deterministic ``urn:uuid`` full URLs for one person."""

    def __init__(self, person_id: str) -> None:
        self.person_id = person_id
        self.entries: list[tuple[str, dict[str, Any]]] = []
        self.patient_ref = {"reference": self.url("patient")}

    def url(self, key: str) -> str:
        return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{self.person_id}/{key}')}"

    def add(self, key: str, resource: dict[str, Any]) -> str:
        resource.setdefault("id", str(uuid.uuid5(NAMESPACE, f"{self.person_id}/{key}")))
        full_url = self.url(key)
        self.entries.append((full_url, resource))
        return full_url

    def observation(self, key: str, code: dict[str, Any], cat: str, when: dict[str, Any], **fields: Any) -> str:
        resource = {
            "resourceType": "Observation",
            "status": "final",
            "category": category(cat),
            "code": code,
            "subject": self.patient_ref,
            **when,
            **fields,
        }
        if cat == "vital-signs":
            resource["meta"] = {"profile": [C.VITALSIGNS_PROFILE]}
        return self.add(key, resource)


def patient(b: Builder, record: Record) -> None:
    p = record.person
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": fhir_id(p.id),
        "identifier": [{"system": f"{C.BASE}/person-id", "value": p.id}],
    }
    if p.sex:
        resource["gender"] = p.sex
    if p.birth_date:
        resource["birthDate"] = p.birth_date.isoformat()
    extensions = [ext("sex-for-equations", valueCode=p.sex)] if p.sex else []
    if p.age is not None:
        extensions.append(ext("age-at-record", valueAge={"value": p.age, "unit": "a", "system": C.UCUM, "code": "a"}))
    if p.height is not None:
        extensions.append(ext("height-for-equations", valueQuantity=quantity(p.height, "cm")))
    for name in ("population", "activity_level"):
        if getattr(p, name) is not None:
            extensions.append(ext(name.replace("_", "-"), valueCode=getattr(p, name)))
    if extensions:
        resource["extension"] = extensions
    b.add("patient", resource)


def measurements(b: Builder, record: Record) -> list[str]:
    urls = []
    for i, m in enumerate(record.measurements):
        entry, spec = C.KINDS[m.kind], MEASUREMENT_KINDS[m.kind]
        coded = entry.for_side(m.side)
        codings = [coded.coding()]
        if coded.system != C.KIND_SYSTEM:
            codings.append(
                C.own(C.KIND_SYSTEM, m.kind, entry.code.display if entry.code.system == C.KIND_SYSTEM else spec.label)
            )
        fields: dict[str, Any] = {"valueQuantity": quantity(m.best if m.value is None else m.value, spec.unit)}
        site = body_site(spec.site, m.side) if (spec.site or m.side) else None
        if site:
            fields["bodySite"] = site
        parts = [
            component(f"trial-{n + 1}", valueQuantity=quantity(t, spec.unit)) for n, t in enumerate(m.trials or ())
        ]
        if m.distance is not None:
            parts.append(component("course-distance", valueQuantity=quantity(m.distance, "m")))
        if parts:
            fields["component"] = parts
        if m.value is None:
            fields["extension"] = [ext("value-is-best-trial", valueBoolean=True)]
        if m.method:
            fields["method"] = {"text": m.method}
        if m.observer:
            fields["performer"] = [{"display": m.observer}]
        urls.append(
            b.observation(
                f"measurement/{i}",
                {"coding": codings, "text": spec.label},
                entry.category,
                {"effectiveDateTime": m.date.isoformat()},
                **fields,
            )
        )
    return urls


def _condition_codings(c: Any) -> list[dict[str, Any]]:
    codings = []
    standard = C.MS_COURSE_CODES.get(c.course or "") or C.CONDITION_CODES.get(c.kind)
    if standard:
        codings.append(standard.coding())
    if c.snomed and not (standard and standard.code == c.snomed):
        codings.append({"system": C.SNOMED, "code": c.snomed, **({"display": c.name} if c.name else {})})
    return codings + [C.own(C.CONDITION_SYSTEM, c.kind)]


def _condition_extensions(c: Any) -> list[dict[str, Any]]:
    extensions = [
        ext(name.replace("_", "-"), valueCode=getattr(c, name))
        for name in ("nerve", "level", "ais", "course")
        if getattr(c, name)
    ]
    extensions += [ext("relapse", valueDate=d.isoformat()) for d in c.relapses]
    if c.sensory_loss is not None:
        extensions.append(ext("sensory-loss", valueBoolean=c.sensory_loss))
    return extensions


def conditions(b: Builder, record: Record) -> None:
    for i, c in enumerate(record.conditions):
        resource: dict[str, Any] = {
            "resourceType": "Condition",
            "clinicalStatus": {
                "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]
            },
            "category": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/condition-category",
                            "code": "problem-list-item",
                        }
                    ]
                }
            ],
            "code": {"coding": _condition_codings(c), **({"text": c.name} if c.name else {})},
            "subject": b.patient_ref,
            "meta": {"tag": [C.own(f"{C.BASE}/CodeSystem/source", "record", "held in the record")]},
        }
        if c.onset:
            resource["onsetDateTime"] = c.onset.isoformat()
        site = body_site(None, c.side)
        if site:
            resource["bodySite"] = [site]
        extensions = _condition_extensions(c)
        if extensions:
            resource["extension"] = extensions
        b.add(f"condition/{i}", resource)


def family(b: Builder, record: Record) -> None:
    for i, f in enumerate(record.family_history):
        standard = C.FAMILY_CONDITION_CODES.get(f.condition)
        codings = ([standard.coding()] if standard else []) + [C.own(C.CONDITION_SYSTEM, f.condition)]
        b.add(
            f"family/{i}",
            {
                "resourceType": "FamilyMemberHistory",
                "status": "completed",
                "patient": b.patient_ref,
                "relationship": {
                    "coding": [{"system": C.ROLE_CODE, "code": C.RELATION_CODES[f.relation]}],
                    "text": f.relation,
                },
                "condition": [{"code": {"coding": codings}}],
            },
        )


def _period(start: dt.date, end: dt.date | None) -> dict[str, str]:
    return {"start": start.isoformat(), **({"end": end.isoformat()} if end else {})}


def episodes(b: Builder, record: Record) -> None:
    for i, e in enumerate(record.episodes):
        if e.kind == "immobilisation":
            status = "completed" if e.end and e.end <= dt.date.today() else "active"
            resource: dict[str, Any] = {
                "resourceType": "DeviceUseStatement",
                "status": status,
                "subject": b.patient_ref,
                "timingPeriod": _period(e.start, e.end),
                "device": {"display": e.device or "immobilisation device"},
                "bodySite": body_site(e.limb, e.side),
                "extension": [ext("immobilisation-device", valueCode=e.device)] if e.device else [],
            }
            if not resource["extension"]:
                del resource["extension"]
            b.add(f"episode/{i}", resource)
            continue
        parts = [component("no-intake-days", valueInteger=e.no_intake_days)] if e.no_intake_days is not None else []
        b.observation(
            f"episode/{i}",
            {"coding": [C.own(C.KIND_SYSTEM, e.kind)]},
            "activity" if e.kind == "bed_rest" else "exam",
            {"effectivePeriod": _period(e.start, e.end)},
            **({"component": parts} if parts else {}),
        )


def symptoms(b: Builder, record: Record) -> None:
    for i, s in enumerate(record.symptoms):
        parts = [
            component(name, valueBoolean=getattr(s, name))
            for name in ("progressive", "painless")
            if getattr(s, name) is not None
        ]
        fields: dict[str, Any] = {"valueCodeableConcept": {"coding": [C.own(C.SYMPTOM_SYSTEM, s.kind)]}}
        if parts:
            fields["component"] = parts
        if s.site or s.side:
            site: dict[str, Any] = {"coding": [C.LATERALITY[s.side].coding()]} if s.side else {}
            if s.site:
                site["text"] = s.site
            fields["bodySite"] = site
        when = {"effectiveDateTime": s.onset.isoformat()} if s.onset else {}
        b.observation(f"symptom/{i}", {"coding": [C.own(C.KIND_SYSTEM, "symptom")]}, "exam", when, **fields)


def diet(b: Builder, record: Record) -> None:
    for i, d in enumerate(record.diet_days):
        parts = [
            component(f"nutrient-{name}", valueQuantity=quantity(amount, NUTRIENT_UNITS[name][0]))
            for name, amount in d.nutrients.items()
        ]
        b.observation(
            f"diet/{i}",
            {"coding": [C.own(C.KIND_SYSTEM, "diet_day", "Food and nutrient intake, one day")]},
            "survey",
            {"effectiveDateTime": d.date.isoformat()},
            component=parts,
        )


_ACTIVITY_UNITS = {"moderate_minutes": "min", "vigorous_minutes": "min", "sitting": "h/day", "minutes": "min"}


def activity(b: Builder, record: Record) -> None:
    for i, a in enumerate(record.activity):
        data = a.model_dump(mode="json", exclude_none=True)
        day = data.pop("week_of", None) or data.pop("date")
        kind = "activity_week" if hasattr(a, "week_of") else "step_count" if hasattr(a, "steps") else "exercise_session"
        parts = []
        for name, value in data.items():
            if name in _ACTIVITY_UNITS:
                parts.append(component(name, valueQuantity=quantity(value, _ACTIVITY_UNITS[name])))
            elif isinstance(value, int):
                parts.append(component(name, valueInteger=value))
            else:
                parts.append(component(name, valueCodeableConcept={"coding": [C.own(C.COMPONENT_SYSTEM, value)]}))
        b.observation(
            f"activity/{i}",
            {"coding": [C.own(C.KIND_SYSTEM, kind)]},
            "activity",
            {"effectiveDateTime": day},
            component=parts,
        )


def flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out += flatten(value, path + ".")
        else:
            out.append((path, value))
    return out


def spinal_exams(b: Builder, record: Record) -> None:
    for i, x in enumerate(record.spinal_exams):
        cells = flatten(x.exam.model_dump(mode="json"))
        parts = [component(f"isncsci.{path}", valueString=str(value)) for path, value in cells if value is not None]
        b.observation(
            f"isncsci/{i}",
            {"coding": [C.own(C.KIND_SYSTEM, "isncsci_exam", "ISNCSCI examination")]},
            "exam",
            {"effectiveDateTime": x.date.isoformat()},
            component=parts,
        )


def answer_value(value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        return {"valueBoolean": value}
    if isinstance(value, int):
        return {"valueInteger": value}
    if isinstance(value, float):
        return {"valueDecimal": value}
    if isinstance(value, str):
        return {"valueString": value}
    return {"valueString": json.dumps(value, sort_keys=True), "extension": [ext("json-answer", valueBoolean=True)]}


def questionnaire_url(name: str, version: str | None) -> str:
    url = f"{C.BASE}/Questionnaire/{name}"
    return f"{url}|{version}" if version else url


def instruments(
    b: Builder, record: Record, version_of: Callable[[str], str | None], score_of: Callable[[Any], Any]
) -> tuple[list[str], list[str]]:
    """QuestionnaireResponses and, where the instrument scores to a number, a total Observation each."""
    responses, totals = [], []
    for i, ans in enumerate(record.instruments):
        items = [
            {"linkId": key, "answer": [answer_value(value)]} for key, value in ans.answers.items() if value is not None
        ]
        nulls = [key for key, value in ans.answers.items() if value is None]
        resource: dict[str, Any] = {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": questionnaire_url(ans.name, version_of(ans.name)),
            "status": "completed",
            "subject": b.patient_ref,
            "authored": ans.date.isoformat(),
        }
        if items:
            resource["item"] = items
        if nulls:
            resource["extension"] = [ext("unanswered-item", valueString=key) for key in nulls]
        url = b.add(f"instrument/{i}", resource)
        responses.append(url)
        value = score_of(ans)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            totals.append(
                b.observation(
                    f"instrument-total/{i}",
                    {"coding": [C.own(C.INSTRUMENT_SYSTEM, ans.name)], "text": f"{ans.name} total"},
                    "survey",
                    {"effectiveDateTime": ans.date.isoformat()},
                    valueQuantity={"value": value, "system": C.UCUM, "code": "{score}", "unit": "{score}"},
                    derivedFrom=[{"reference": url}],
                )
            )
    return responses, totals


SECTIONS = (
    "conditions",
    "symptoms",
    "episodes",
    "family_history",
    "diet_days",
    "activity",
    "measurements",
    "instruments",
    "spinal_exams",
)
"""The record's list sections that may be recorded as empty ("asked: none")."""


def asked_none(b: Builder, record: Record) -> None:
    """A List with ``emptyReason`` "Nil Known" for each section recorded as empty: asked, and nothing found.

    A missing section means "not recorded"; the List keeps the difference through a round trip."""
    for section in SECTIONS:
        if section in record.model_fields_set and not getattr(record, section):
            b.add(
                f"asked-none/{section}",
                {
                    "resourceType": "List",
                    "status": "current",
                    "mode": "snapshot",
                    "subject": b.patient_ref,
                    "code": {"coding": [{"system": C.SECTION_SYSTEM, "code": section}]},
                    "emptyReason": {
                        "coding": [{"system": C.LIST_EMPTY_REASON_SYSTEM, "code": C.NIL_KNOWN, "display": "Nil Known"}]
                    },
                },
            )
