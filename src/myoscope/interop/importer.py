"""Import: a FHIR R4 Bundle (collection, transaction or searchset) -> a myoscope record.

:func:`import_bundle` returns the record and the list of :class:`Issue` for everything that did
not become part of it: unknown codes, units outside the accepted value set, resources myoscope
does not read, values the record refuses. Nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import myoscope.measures.answers  # noqa: F401 - registers the answer check that parse_record runs
from myoscope.errors import InputError, Problem
from myoscope.interop import _from_fhir as F
from myoscope.interop import codes as C
from myoscope.interop._from_fhir import Issue, Skip
from myoscope.record import Record, parse_record

BUNDLE_TYPES = ("collection", "transaction", "searchset")

_OBSERVATION_OK = ("final", "amended", "corrected", "preliminary")
_DEVICES = ("cast", "sling", "brace", "splint", "boot")


@dataclass(frozen=True, slots=True)
class ImportResult:
    record: Record
    issues: tuple[Issue, ...]

    def to_json(self) -> dict[str, Any]:
        return {"person_id": self.record.person.id, "issues": [i.to_json() for i in self.issues]}


def _name(resource: dict[str, Any], full_url: str | None) -> str:
    kind = resource.get("resourceType")
    if not isinstance(kind, str):
        return full_url or "a resource without a resourceType"
    rid = resource.get("id")
    return f"{resource.get('resourceType', '?')}/{rid}" if rid else (full_url or resource.get("resourceType", "?"))


def _refuse_conclusions(r: dict[str, Any]) -> None:
    if any(t.get("code") == "assessment" for t in (r.get("meta") or {}).get("tag", ())):
        raise Skip(
            "meta.tag",
            "assessment",
            "a conclusion of a myoscope assessment, not record data",
            "conditions held in the record",
        )
    status = F.codings(r.get("verificationStatus"))
    if status and status[0].get("code") in ("refuted", "entered-in-error"):
        raise Skip(
            "verificationStatus",
            status[0].get("code"),
            "refuted or entered in error",
            "confirmed, provisional, differential, unconfirmed",
        )


_STANDARD_CONDITION_CODES = {code.code for code in C.MS_COURSE_CODES.values()} | {
    code.code for code in C.CONDITION_CODES.values() if code is not None
}


def _other_name(concept: dict[str, Any], snomed: dict[str, Any] | None) -> str:
    """The name of a condition of kind ``other``: code.text, else a display, else its SNOMED CT code."""
    displays = [c.get("display") for c in ([snomed] if snomed else []) + F.codings(concept) if c.get("display")]
    name: str | None = concept.get("text") or next(iter(displays), None)
    if name:
        return name
    if snomed:
        return f"SNOMED CT {snomed.get('code')}"
    raise Skip("code", concept, "condition without a SNOMED CT code or a name", "a SNOMED CT coding, or code.text")


def _condition_code(concept: dict[str, Any]) -> dict[str, Any]:
    """kind, and name / SNOMED CT code / MS course, from Condition.code."""
    found = [m for m in (C.condition_of_coding(c.get("system"), c.get("code")) for c in F.codings(concept)) if m]
    kind = F.own_code(concept, C.CONDITION_SYSTEM) or (found[0][0] if found else "other")
    snomed = next(
        (
            c
            for c in F.codings(concept)
            if c.get("system") == C.SNOMED and (kind == "other" or c.get("code") not in _STANDARD_CONDITION_CODES)
        ),
        None,
    )
    item: dict[str, Any] = {"kind": kind}
    name = _other_name(concept, snomed) if kind == "other" else concept.get("text")
    if name:
        item["name"] = name
    if snomed:
        item["snomed"] = snomed.get("code")
    return item | _course(found)


def _course(found: list[tuple[str, str | None]]) -> dict[str, str]:
    course = next((m[1] for m in found if m[1]), None)
    return {"course": course} if course else {}


def _condition_details(r: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = {}
    onset = r.get("onsetDateTime") or (r.get("onsetPeriod") or {}).get("start")
    if onset:
        item["onset"] = F.date_of(onset, "onset[x]")
    side = next((F.side_of(site) for site in r.get("bodySite", ()) if F.side_of(site)), None)
    if side:
        item["side"] = side
    for name in ("nerve", "level", "ais", "course", "sensory-loss"):
        value = F.first(r, name)
        if value is not None:
            item[name.replace("-", "_")] = value
    relapses = F.extension(r, "relapse")
    if relapses:
        item["relapses"] = relapses
    return item


def _condition(r: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    _refuse_conclusions(r)
    item = _condition_code(r.get("code") or {}) | _condition_details(r)
    return "conditions", F.checked("conditions", item)


def _family(r: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    code = next((c.get("code") for c in F.codings(r.get("relationship")) if c.get("system") == C.ROLE_CODE), None)
    relation = C.RELATION_OF_CODE.get(code or "")
    if relation is None:
        raise Skip(
            "relationship",
            code,
            "relationship code not known",
            f"{C.ROLE_CODE} codes " + ", ".join(sorted(C.RELATION_OF_CODE)),
        )
    concepts = [c.get("code") or {} for c in r.get("condition", ())]
    if len(concepts) != 1:
        raise Skip("condition", len(concepts), "needs exactly one condition per relative", "one condition")
    kind = F.own_code(concepts[0], C.CONDITION_SYSTEM)
    if kind is None:
        match = next(
            (
                C.condition_of_coding(c.get("system"), c.get("code"))
                for c in F.codings(concepts[0])
                if C.condition_of_coding(c.get("system"), c.get("code"))
            ),
            None,
        )
        kind = match[0] if match and match[0] in C.FAMILY_CONDITION_CODES else "other"
    return "family_history", F.checked("family_history", {"condition": kind, "relation": relation})


def _limb(site: dict[str, Any] | None, path: str) -> tuple[str, str]:
    limb = F.own_code(site, C.BODY_SITE_SYSTEM)
    side = F.side_of(site)
    if not limb or side not in ("left", "right"):
        raise Skip(
            path,
            site,
            "an immobilisation needs the limb and the side",
            f"a {C.BODY_SITE_SYSTEM} coding and a SNOMED CT laterality (7771000 left, 24028007 right)",
        )
    return limb, side


def _device_use(r: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    period = r.get("timingPeriod") or {}
    limb, side = _limb(r.get("bodySite"), "bodySite")
    item: dict[str, Any] = {
        "kind": "immobilisation",
        "limb": limb,
        "side": side,
        "start": F.date_of(period.get("start"), "timingPeriod.start"),
    }
    if period.get("end"):
        item["end"] = F.date_of(period["end"], "timingPeriod.end")
    device = F.first(r, "immobilisation-device") or (r.get("device") or {}).get("display", "").lower()
    if device in _DEVICES or device == "other":
        item["device"] = device
    return "episodes", F.checked("episodes", item)


def _procedure(r: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    if F.own_code(r.get("code"), C.KIND_SYSTEM) != "immobilisation":
        raise Skip(
            "code",
            r.get("code"),
            "procedure not used by myoscope",
            f"an immobilisation ({C.KIND_SYSTEM}|immobilisation) with bodySite and performedPeriod",
        )
    period = r.get("performedPeriod") or {}
    site = (r.get("bodySite") or [None])[0]
    limb, side = _limb(site, "bodySite[0]")
    item = {
        "kind": "immobilisation",
        "limb": limb,
        "side": side,
        "start": F.date_of(period.get("start"), "performedPeriod.start"),
    }
    if period.get("end"):
        item["end"] = F.date_of(period["end"], "performedPeriod.end")
    return "episodes", F.checked("episodes", item)


_OWN_OBSERVATIONS: dict[str, Callable[[dict[str, Any]], tuple[str, dict[str, Any]]]] = {
    "diet_day": lambda r: ("diet_days", F.read_diet(r)),
    "activity_week": lambda r: ("activity", F.read_activity(r, "activity_week")),
    "step_count": lambda r: ("activity", F.read_activity(r, "step_count")),
    "exercise_session": lambda r: ("activity", F.read_activity(r, "exercise_session")),
    "isncsci_exam": lambda r: ("spinal_exams", F.read_isncsci(r)),
    "symptom": lambda r: ("symptoms", F.read_symptom(r)),
    "bed_rest": lambda r: ("episodes", F.read_episode_observation(r, "bed_rest")),
    "acute_illness": lambda r: ("episodes", F.read_episode_observation(r, "acute_illness")),
}


def _observation(r: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    if r.get("status") not in _OBSERVATION_OK:
        raise Skip("status", r.get("status"), "observation is not a result", ", ".join(_OBSERVATION_OK))
    concept = r.get("code") or {}
    if F.own_code(concept, C.INSTRUMENT_SYSTEM):
        if r.get("derivedFrom"):
            return None  # a total myoscope recomputes from the QuestionnaireResponse it cites
        raise Skip(
            "code",
            F.own_code(concept, C.INSTRUMENT_SYSTEM),
            "a score without its answers",
            "a QuestionnaireResponse with the answers (scores are computed by myoscope)",
        )
    own = F.own_code(concept, C.KIND_SYSTEM)
    if own in _OWN_OBSERVATIONS:
        return _OWN_OBSERVATIONS[own](r)
    for c in ([{"system": C.KIND_SYSTEM, "code": own}] if own else []) + F.codings(concept):
        match = C.kind_of_coding(c.get("system"), c.get("code"))
        if match:
            return "measurements", F.read_measurement(r, *match)
    if any(c.get("system") == C.LOINC and c.get("code") == C.BMI.code.code for c in F.codings(concept)):
        raise Skip(
            "code",
            "39156-5",
            "BMI is derived by myoscope from weight and height; not imported",
            "body weight and height Observations",
        )
    shown = [f"{c.get('system')}|{c.get('code')}" for c in F.codings(concept)] or concept.get("text")
    raise Skip("code.coding", shown, "observation code not known to myoscope", C.accepted_codes_text())


def _reader(resource_type: str | None, known: set[str]) -> Callable[[dict[str, Any]], Any] | None:
    if resource_type is None:
        return None
    return {
        "Observation": _observation,
        "QuestionnaireResponse": lambda r: ("instruments", F.read_response(r, known)),
        "Condition": _condition,
        "FamilyMemberHistory": _family,
        "DeviceUseStatement": _device_use,
        "Procedure": _procedure,
    }.get(resource_type)


_IGNORED_OWN = ("RiskAssessment", "CarePlan", "Device", "Provenance")
"""Resources myoscope itself exports with an assessment: not record data, skipped on re-import."""


def _sex_note(patient: dict[str, Any], url: str | None) -> list[Issue]:
    """Patient.gender is administrative: say when it stood in for the sex the equations need."""
    if F.first(patient, "sex-for-equations") is not None:
        return []
    gender = patient.get("gender")
    if gender in ("male", "female"):
        return [
            Issue(
                _name(patient, url),
                "gender",
                gender,
                "taken as the sex for equations (Patient.gender is "
                "administrative); correct the record where they differ",
                "male, female",
            )
        ]
    return [
        Issue(
            _name(patient, url),
            "gender",
            gender,
            "no sex for equations recorded; sex-specific cut-offs will say 'cannot tell'",
            "male, female",
        )
    ]


def entries(bundle: Any) -> list[tuple[str | None, dict[str, Any]]]:
    """The resources of a Bundle; refuses anything but a collection, transaction or searchset."""
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        raise InputError(
            [
                Problem(
                    "resourceType",
                    (bundle or {}).get("resourceType") if isinstance(bundle, dict) else type(bundle).__name__,
                    "not a FHIR Bundle",
                    "Bundle",
                )
            ]
        )
    if bundle.get("type") not in BUNDLE_TYPES:
        raise InputError([Problem("type", bundle.get("type"), "Bundle type not supported", ", ".join(BUNDLE_TYPES))])
    listed = bundle.get("entry") or []
    if not isinstance(listed, list):
        raise InputError([Problem("entry", type(listed).__name__, "is not a list", "a list of Bundle entries")])
    out = []
    for i, entry in enumerate(listed):
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if not isinstance(resource, dict):
            raise InputError([Problem(f"entry[{i}].resource", None, "entry without a resource")])
        search = entry.get("search")
        if isinstance(search, dict) and search.get("mode") == "outcome":
            continue
        url = entry.get("fullUrl")
        out.append((url if isinstance(url, str) else None, resource))
    return out


def _asked_none(resource: dict[str, Any], url: str | None, data: dict[str, Any], issues: list[Issue]) -> None:
    """A List saying a record section was asked and is empty ("Nil Known") -> that section as ``[]``."""
    from myoscope.interop._to_fhir import SECTIONS

    codings = (resource.get("code") or {}).get("coding") or [{}]
    section = next(
        (c.get("code") for c in codings if isinstance(c, dict) and c.get("system") == C.SECTION_SYSTEM), None
    )
    reasons = (resource.get("emptyReason") or {}).get("coding") or []
    nil_known = any(
        isinstance(c, dict) and c.get("system") == C.LIST_EMPTY_REASON_SYSTEM and c.get("code") == C.NIL_KNOWN
        for c in reasons
    )
    if section in SECTIONS and nil_known and not resource.get("entry"):
        data.setdefault(section, [])
        return
    issues.append(
        Issue(
            _name(resource, url),
            "code",
            section,
            "List not read by myoscope",
            "a List of a record section with emptyReason nilknown and no entries",
        )
    )


MALFORMED = (AttributeError, TypeError, KeyError, IndexError, ValueError)
"""What reading a resource raises where an element has the wrong JSON type (text where FHIR has an object, a
number where it has text): the readers follow the R4 shapes, and a resource off them is skipped with an issue."""
SHAPE = "elements of the JSON types FHIR R4 gives them (e.g. valueQuantity an object, code a CodeableConcept)"
OTHER_PATIENT = "belongs to another patient than the one imported; not imported"
WRONG_TYPE = "holds an element of the wrong JSON type (text, a number or a list where FHIR R4 has another)"


_SUBJECT_ELEMENTS = ("subject", "patient")
"""Where a resource names whose it is: ``subject`` (Observation, Condition, QuestionnaireResponse, Procedure,
DeviceUseStatement, List) or ``patient`` (FamilyMemberHistory)."""


def _patient_id(patient: dict[str, Any], url: str | None) -> str | None:
    """A Patient's id: its own, else the ``Patient/<id>`` tail of its fullUrl (``http://x/fhir/Patient/123``)."""
    if isinstance(patient.get("id"), str) and patient["id"]:
        return str(patient["id"])
    named = _PATIENT_REFERENCE.search(url or "")
    return named.group(1) if named else None


def _references_to(patient: dict[str, Any], url: str | None) -> frozenset[str]:
    """The references that name a Patient of the Bundle: its fullUrl and ``Patient/<id>``."""
    refs = {url} if url else set()
    if (pid := _patient_id(patient, url)) is not None:
        refs.add(f"Patient/{pid}")
    return frozenset(refs)


_PATIENT_REFERENCE = re.compile(r"(?:^|/)Patient/([A-Za-z0-9\-.]{1,64})(?:/_history/[^/]*)?$")


def _another_subject(
    resource: dict[str, Any], patient_id: Any, own: frozenset[str], others: frozenset[str]
) -> str | None:
    """The reference of the patient a resource belongs to when it names another patient than the imported one:
    another Patient of the Bundle, or a ``Patient/<id>`` reference (relative or absolute) with another id.
    A resource that names no patient, or names one by a reference that resolves to nothing here (a
    ``urn:uuid`` of a search result, say), is read as the imported Patient's."""
    for element in _SUBJECT_ELEMENTS:
        subject = resource.get(element)
        ref = subject.get("reference") if isinstance(subject, dict) else None
        if not isinstance(ref, str) or not ref or ref in own:
            continue
        named = _PATIENT_REFERENCE.search(ref)
        if ref in others or (named is not None and patient_id is not None and named.group(1) != patient_id):
            return ref
    return None


def import_bundle(bundle: Any) -> ImportResult:
    """The record a Bundle describes, and every issue met on the way."""
    from myoscope.scores import names

    known = set(names())
    resources = entries(bundle)
    patients = [(u, r) for u, r in resources if r.get("resourceType") == "Patient"]
    if not patients:
        raise InputError([Problem("entry", None, "the Bundle has no Patient", "exactly one Patient")])
    issues: list[Issue] = []
    data: dict[str, Any] = {"schema_version": 1}
    try:
        data["person"] = F.read_patient(patients[0][1])
    except Skip as skip:
        path, value, message, accepted = skip.args4
        raise InputError([Problem(f"Patient.{path}", value, message, accepted)]) from None
    except MALFORMED:
        raise InputError([Problem("Patient", None, WRONG_TYPE, SHAPE)]) from None
    issues += _sex_note(patients[0][1], patients[0][0])
    for url, resource in patients[1:]:
        issues.append(
            Issue(
                _name(resource, url), "", None, "a second Patient; only the first is imported", "one Patient per Bundle"
            )
        )
    own, own_id = _references_to(patients[0][1], patients[0][0]), _patient_id(patients[0][1], patients[0][0])
    others = frozenset().union(*(_references_to(r, u) for u, r in patients[1:]))
    for url, resource in resources:
        kind = resource.get("resourceType")
        if not isinstance(kind, str):
            issues.append(Issue(_name(resource, url), "resourceType", None, "is not text; not imported", SHAPE))
            continue
        if kind == "Patient" or kind in _IGNORED_OWN:
            continue
        if (other := _another_subject(resource, own_id, own, others)) is not None:
            issues.append(Issue(_name(resource, url), "subject", other, OTHER_PATIENT, "the imported Patient"))
            continue
        if kind == "List":
            try:
                _asked_none(resource, url, data, issues)
            except MALFORMED:
                issues.append(Issue(_name(resource, url), "", None, WRONG_TYPE + "; not imported", SHAPE))
            continue
        reader = _reader(kind, known)
        if reader is None:
            issues.append(
                Issue(
                    _name(resource, url),
                    "resourceType",
                    kind,
                    "resource type not read by myoscope",
                    "Patient, Observation, QuestionnaireResponse, Condition, FamilyMemberHistory, "
                    "DeviceUseStatement, Procedure",
                )
            )
            continue
        try:
            found = reader(resource)
        except Skip as skip:
            issues.append(Issue(_name(resource, url), *skip.args4))
            continue
        except MALFORMED:  # a value of the wrong JSON type: the resource is skipped and named
            issues.append(Issue(_name(resource, url), "", None, WRONG_TYPE + "; not imported", SHAPE))
            continue
        if found and (issue := _against_person(data["person"], found, _name(resource, url))) is not None:
            issues.append(issue)  # dated before the birth date, say: skipped and named, as a future date is
        elif found:
            data.setdefault(found[0], []).append(found[1])
    return ImportResult(parse_record(data), tuple(issues))


def _against_person(person: dict[str, Any], found: tuple[str, dict[str, Any]], name: str) -> Issue | None:
    """The issue of an item the record refuses with this person (a date before the birth date), else None."""
    section, item = found
    try:
        parse_record({"person": person, section: [item]}, checks=False)
    except InputError as exc:
        p = exc.problems[0]
        value = p.value if not isinstance(p.value, (dict, list)) else None
        return Issue(name, p.field.removeprefix(f"{section}: "), value, p.message, p.accepted)
    return None
