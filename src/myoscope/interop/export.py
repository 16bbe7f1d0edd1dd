"""Export: a record and its assessment as a FHIR R4 Bundle (type ``collection``).

The Bundle holds the Patient; the Observations and QuestionnaireResponses the assessment read;
one RiskAssessment per cause (and one for the atrophy finding) whose ``method`` names the rule
set and its version, whose ``basis`` cites the Observations and whose risk is qualitative (the
rules are not calibrated, so no probability is ever given); Conditions only as ``provisional``
(a likely cause) or ``differential`` (a possible one), and only for concepts the record may
name (muscle atrophy, malnutrition); a draft CarePlan with intent ``proposal`` for the next
steps; and a Device and a Provenance naming myoscope's version and rule set.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from myoscope import __version__
from myoscope.interop import _to_fhir as T
from myoscope.interop import codes as C
from myoscope.record import Record

RULE_SET = "myoscope-causes"
RULE_SET_VERSION = __version__
"""The rule set is the cause analysis of this myoscope release; its version is the release's."""

RISK_SYSTEM = "http://terminology.hl7.org/CodeSystem/risk-probability"
_RISK = {"likely": "high", "possible": "moderate", "not supported": "low"}
"""Cause status -> HL7 risk-probability code (qualitative; 'cannot tell' has none)."""
_VERIFICATION = {"likely": "provisional", "possible": "differential"}
_CONDITION_OF_CAUSE = {"atrophy": C.MUSCLE_ATROPHY, "malnutrition": C.MALNUTRITION}
"""Causes that may appear as a Condition: concepts the assessment may name (see DESIGN, cause map)."""


def _instrument_version(name: str) -> str | None:
    from myoscope.scores import get

    try:
        return get(name).version
    except KeyError:
        return None


def _instrument_total(answers: Any) -> Any:
    from myoscope.errors import InputError
    from myoscope.scores import get

    try:
        score = get(answers.name).score(answers.answers)
    except (KeyError, InputError, ValueError, TypeError):
        return None
    return score.value if score.decided else None


def record_resources(record: Record) -> tuple[T.Builder, list[str]]:
    """The record's resources; returns the builder and the full URLs of the data resources."""
    b = T.Builder(record.person.id)
    T.patient(b, record)
    basis = T.measurements(b, record)
    T.conditions(b, record)
    T.family(b, record)
    T.episodes(b, record)
    T.symptoms(b, record)
    T.diet(b, record)
    T.activity(b, record)
    T.spinal_exams(b, record)
    T.asked_none(b, record)
    responses, totals = T.instruments(b, record, _instrument_version, _instrument_total)
    return b, basis + responses + totals


def _method() -> dict[str, Any]:
    return {
        "coding": [
            {
                "system": C.RULE_SET_SYSTEM,
                "code": RULE_SET,
                "version": RULE_SET_VERSION,
                "display": f"myoscope cause rules {RULE_SET_VERSION}",
            }
        ],
        "text": f"myoscope rule set {RULE_SET} version {RULE_SET_VERSION}",
    }


def _risk(b: T.Builder, cause: Any, on: dt.date, basis: list[str]) -> str:
    status = cause.status.value
    risk = {
        "coding": ([{"system": RISK_SYSTEM, "code": _RISK[status]}] if status in _RISK else [])
        + [C.own(C.STATUS_SYSTEM, status.replace(" ", "-"), status)]
    }
    notes = [{"text": cause.summary}] + [{"text": f"{f.message} {f.advice}"} for f in cause.red_flags]
    if cause.missing:
        notes.append({"text": "To decide: " + "; ".join(cause.missing)})
    resource = {
        "resourceType": "RiskAssessment",
        "status": "final",
        "subject": b.patient_ref,
        "occurrenceDateTime": on.isoformat(),
        "method": _method(),
        "code": {"coding": [C.own(f"{C.BASE}/CodeSystem/cause", cause.cause, cause.title)]},
        "prediction": [{"outcome": {"text": cause.title}, "qualitativeRisk": risk, "rationale": cause.summary}],
        "note": notes,
    }
    if basis:
        resource["basis"] = [{"reference": u} for u in basis]
    return b.add(f"risk/{cause.cause}", resource)


def _condition(b: T.Builder, cause: Any, evidence: list[str]) -> str | None:
    code = _CONDITION_OF_CAUSE.get(cause.cause)
    verification = _VERIFICATION.get(cause.status.value)
    if code is None or verification is None:
        return None
    resource = {
        "resourceType": "Condition",
        "clinicalStatus": {
            "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]
        },
        "verificationStatus": {
            "coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": verification}]
        },
        "category": [
            {
                "coding": [
                    {"system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": "problem-list-item"}
                ]
            }
        ],
        "code": {"coding": [code.coding()], "text": cause.title},
        "subject": b.patient_ref,
        "meta": {"tag": [C.own(f"{C.BASE}/CodeSystem/source", "assessment", "concluded by an assessment")]},
        "note": [{"text": cause.summary}],
    }
    if evidence:
        resource["evidence"] = [{"detail": [{"reference": u} for u in evidence]}]
    return b.add(f"condition-suggested/{cause.cause}", resource)


def _care_plan(b: T.Builder, assessment: Any) -> str:
    seen, activities = set(), []
    for flag in assessment.red_flags:
        text = f"{flag.message} {flag.advice}"
        if text not in seen:
            seen.add(text)
            activities.append({"detail": {"status": "not-started", "description": text}})
    for cause in [assessment.atrophy, *assessment.ranked]:
        for step in cause.next_steps:
            text = step.action + (f" ({step.why})" if step.why else "")
            if text not in seen:
                seen.add(text)
                activities.append({"detail": {"status": "not-started", "description": text}})
    resource: dict[str, Any] = {
        "resourceType": "CarePlan",
        "status": "draft",
        "intent": "proposal",
        "subject": b.patient_ref,
        "title": "Suggested next steps (myoscope)",
        "created": assessment.on.isoformat(),
        "description": "Suggestions for the clinician to review; not an order.",
    }
    if activities:
        resource["activity"] = activities
    return b.add("careplan", resource)


def _device(b: T.Builder) -> str:
    return b.add(
        "device",
        {
            "resourceType": "Device",
            "status": "active",
            "deviceName": [{"name": "myoscope", "type": "manufacturer-name"}],
            "version": [{"value": __version__}, {"type": {"text": f"rule set {RULE_SET}"}, "value": RULE_SET_VERSION}],
            "note": [{"text": "Open-source decision support: supports clinical judgement, never diagnoses."}],
        },
    )


def assessment_bundle(record: Record, assessment: Any, *, recorded: dt.datetime | None = None) -> dict[str, Any]:
    """The Bundle for one assessment of ``record`` (``assessment`` from :func:`myoscope.causes.assess`)."""
    b, data = record_resources(record)
    basis = [u for u, r in b.entries if r["resourceType"] == "Observation"]
    derived = []
    for cause in [assessment.atrophy, *assessment.causes]:
        derived.append(_risk(b, cause, assessment.on, basis))
        condition = _condition(b, cause, basis)
        if condition:
            derived.append(condition)
    derived.append(_care_plan(b, assessment))
    device = _device(b)
    when = (recorded or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    b.add(
        "provenance",
        {
            "resourceType": "Provenance",
            "target": [{"reference": u} for u in derived],
            "recorded": when.isoformat(timespec="seconds"),
            "agent": [
                {
                    "type": {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                "code": "assembler",
                            }
                        ]
                    },
                    "who": {"reference": device, "display": f"myoscope {__version__}"},
                }
            ],
            "entity": [{"role": "source", "what": {"reference": u}} for u in data],
            "policy": [f"{C.BASE}/rule-set/{RULE_SET}/{RULE_SET_VERSION}"],
        },
    )
    return bundle(b)


def record_bundle(record: Record) -> dict[str, Any]:
    """The record alone as a Bundle (no assessment)."""
    return bundle(record_resources(record)[0])


def bundle(b: T.Builder) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in b.entries],
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)
