"""Corrections through the JSON API: PUT (replace), PATCH (merge) and DELETE (withdraw) of record entries,
with their history, under ``/api/v1/patients/{patient_id}/entries``.

Every entry has an ``ETag`` (its version); a change must send it back in ``If-Match``: without it the
answer is 428, with an older one 412 (the body carries the entry as it is now, to show what changed),
and a change to a withdrawn entry is 409. Each change needs a reason and keeps the earlier version.
The person's details are the entry ``person/{patient_id}``: they can be corrected, not withdrawn.
Scoping is the patients' own (:class:`myoscope.store.Patients`): another team's patient is 404.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Header, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from myoscope.errors import InputError
from myoscope.store import MAX_REASON, SECTIONS, Conflict, Entry, EntryChange, Patient, aware
from myoscope.web._boundary import LimitedRoute, PatientId, invalid
from myoscope.web._deps import ApiPatients
from myoscope.web._entry_models import EntryChanges, EntryData, EntryOut, Raw, entry_model, item_of, shaped
from myoscope.web._problems import ProblemDetails, problem

Section = enum.Enum("EntrySection", {name: name for name in SECTIONS}, type=str)  # type: ignore[misc]
"""A record section, or ``person`` for the person's details."""
EntryId = Annotated[int, Field(ge=1, le=2**63 - 1)]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", max_length=200, description='The ETag of the version the change starts from, e.g. "3"'),
]


class VersionOut(BaseModel):
    version: int
    withdrawn: bool
    by: str = Field(description="Who made this version (``import`` for an imported record)")
    at: dt.datetime
    reason: str = Field(description="Why it was changed (empty for the first version)")
    data: EntryData = Field(description="The entry as this version held it (canonical units)")


class ConflictProblem(ProblemDetails):
    """A change refused because the entry is not at the version it started from: ``current`` is it now."""

    current: EntryOut | None = None


class EntryReplace(BaseModel):
    model_config = ConfigDict(extra="forbid")
    data: Annotated[Raw, shaped(EntryData)] = Field(
        description="The whole entry, as in a record file: an item of the section in the path"
    )
    reason: str = Field(min_length=1, max_length=MAX_REASON, description="Why the entry is changed")


class EntryPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    data: Annotated[Raw, shaped(EntryChanges)] = Field(
        description="The fields to change of an item of the section in the path; a field set to null is removed"
    )
    reason: str = Field(min_length=1, max_length=MAX_REASON, description="Why the entry is changed")


class Withdrawal(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=MAX_REASON, description="Why the entry is withdrawn")


ETAG = {"ETag": {"description": "The entry's version", "schema": {"type": "string"}}}
CHANGE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"headers": ETAG},
    409: {"model": ConflictProblem, "description": "The entry is withdrawn"},
    412: {"model": ConflictProblem, "description": "If-Match names an older version: the body shows the entry now"},
    428: {"model": ConflictProblem, "description": "If-Match is required"},
}
router = APIRouter(
    prefix="/api/v1/patients/{patient_id}/entries",
    tags=["corrections"],
    route_class=LimitedRoute,
    responses={
        401: {"model": ProblemDetails, "description": "No valid API token"},
        404: {"model": ProblemDetails, "description": "No such patient or entry"},
        422: {"model": ProblemDetails, "description": "Invalid input: one problem per fault"},
    },
)


def entry_out(entry: Entry) -> dict[str, Any]:
    """The entry as the API answers it (its data as stored: canonical units, no empty fields)."""
    model = entry_model(entry.section, entry.id, entry.version, entry.withdrawn, entry.data)
    return model.model_dump(mode="json", exclude_none=True)


def _with_etag(entry: Entry) -> JSONResponse:
    return JSONResponse(entry_out(entry), headers={"ETag": f'"{entry.version}"'})


def _versions(header: str) -> set[int]:
    """The versions an If-Match header names (strong tags only: ``"3"``)."""
    return {int(tag) for tag in re.findall(r'(?:^|,)\s*"(\d{1,12})"\s*(?=,|$)', header)}


def _refused(status: int, detail: str, entry: Entry) -> JSONResponse:
    return problem(status, detail, current=entry_out(entry), headers={"ETag": f'"{entry.version}"'})


def _change(
    patient: Patient, section: Section, entry_id: int, if_match: str | None, apply: Callable[[int], Entry]
) -> JSONResponse:
    current = patient.corrections.entry(section.value, entry_id)
    if if_match is None or if_match.strip() in ("", "*"):
        return _refused(
            428, f'send If-Match with the ETag of the version you started from (now "{current.version}")', current
        )
    if current.withdrawn:
        return _refused(409, "the entry is withdrawn: it can no longer be changed", current)
    if current.version not in _versions(if_match):
        return _refused(412, f"the entry changed since: it is at version {current.version} now", current)
    try:
        return _with_etag(apply(current.version))
    except Conflict as exc:
        status = 409 if exc.current.withdrawn else 412
        return _refused(status, f"the entry changed meanwhile: it is at version {exc.current.version} now", exc.current)
    except InputError as exc:
        return invalid(exc)


@router.get("", response_model=list[EntryOut], response_model_exclude_none=True)
def list_entries(patient_id: PatientId, patients: ApiPatients, section: Section | None = None) -> Any:
    """Every entry of the record, withdrawn ones too, with its version."""
    patient = patients.open(patient_id)
    return [entry_out(e) for e in patient.corrections.entries(section.value if section else None)]


@router.get("/{section}/{entry_id}", response_model=EntryOut, responses={200: {"headers": ETAG}})
def get_entry(patient_id: PatientId, section: Section, entry_id: EntryId, patients: ApiPatients) -> Any:
    return _with_etag(patients.open(patient_id).corrections.entry(section.value, entry_id))


@router.get("/{section}/{entry_id}/history", response_model=list[VersionOut], response_model_exclude_none=True)
def entry_history(patient_id: PatientId, section: Section, entry_id: EntryId, patients: ApiPatients) -> Any:
    """Every version of the entry, the first (as entered) first, with who, when and why."""
    versions = patients.open(patient_id).corrections.versions(section.value, entry_id)
    return [_version(section.value, v) for v in versions]


@router.put("/{section}/{entry_id}", response_model=EntryOut, responses=CHANGE_RESPONSES)
def replace_entry(
    patient_id: PatientId,
    section: Section,
    entry_id: EntryId,
    body: EntryReplace,
    patients: ApiPatients,
    if_match: IfMatch = None,
) -> Any:
    """Replace the entry (validated as a new entry would be); the earlier version is kept."""
    patient = patients.open(patient_id)
    return _change(
        patient,
        section,
        entry_id,
        if_match,
        lambda v: patient.corrections.replace(section.value, entry_id, body.data, version=v, reason=body.reason),
    )


@router.patch("/{section}/{entry_id}", response_model=EntryOut, responses=CHANGE_RESPONSES)
def patch_entry(
    patient_id: PatientId,
    section: Section,
    entry_id: EntryId,
    body: EntryPatch,
    patients: ApiPatients,
    if_match: IfMatch = None,
) -> Any:
    """Change some fields of the entry; the earlier version is kept."""
    patient = patients.open(patient_id)
    return _change(
        patient,
        section,
        entry_id,
        if_match,
        lambda v: patient.corrections.patch(section.value, entry_id, body.data, version=v, reason=body.reason),
    )


@router.delete("/{section}/{entry_id}", response_model=EntryOut, responses=CHANGE_RESPONSES)
def withdraw_entry(
    patient_id: PatientId,
    section: Section,
    entry_id: EntryId,
    patients: ApiPatients,
    body: Withdrawal | None = None,
    reason: Annotated[str | None, Query(max_length=MAX_REASON, description="Why (or in the body)")] = None,
    if_match: IfMatch = None,
) -> Any:
    """Withdraw the entry: it leaves the record and the assessment, and stays in its history."""
    patient = patients.open(patient_id)
    why = body.reason if body is not None else reason
    return _change(
        patient,
        section,
        entry_id,
        if_match,
        lambda v: patient.corrections.withdraw(section.value, entry_id, version=v, reason=why),
    )


def _version(section: str, change: EntryChange) -> VersionOut:
    return VersionOut(
        version=change.version,
        withdrawn=change.withdrawn,
        by=change.by,
        at=aware(change.at),
        reason=change.reason,
        data=item_of(section, change.data),
    )
