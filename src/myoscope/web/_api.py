"""The JSON API under ``/api/v1`` (bearer tokens from ``myoscope user token``); OpenAPI at ``/api/docs``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from myoscope.causes import assess
from myoscope.errors import InputError, Problem
from myoscope.record import MEASUREMENT_KINDS, Record, check_assessment_date, parse_record
from myoscope.report.model import Report, build_report
from myoscope.store import NoneConflict, Person, VisitView, aware, record_data
from myoscope.web._boundary import LimitedRoute, PatientId, QueryRefused, invalid
from myoscope.web._cache import version
from myoscope.web._charts import page_view
from myoscope.web._deps import ApiPatients
from myoscope.web._problems import ProblemDetails, problem
from myoscope.web._schemas import MeasurementOut, PatientIn, PatientOut, VisitIn, VisitOut

INVALID: dict[int | str, dict[str, Any]] = {
    422: {"model": ProblemDetails, "description": "Invalid input: one problem per fault"}
}
router = APIRouter(
    prefix="/api/v1",
    tags=["api"],
    route_class=LimitedRoute,
    responses={401: {"description": "No valid API token"}, 404: {"description": "No such patient"}, **INVALID},
)


def _patient(person: Person) -> PatientOut:
    return PatientOut(
        id=person.id,
        person_id=person.external_id,
        team=person.team.name,
        person=person.person,
        updated_at=aware(person.updated_at),
    )


def _visit(view: VisitView) -> VisitOut:
    return VisitOut(
        id=view.visit.id,
        date=view.visit.date,
        note=view.visit.note,
        by=view.by,
        measurements=len(view.measurements),
        instruments=view.instruments,
    )


@router.get("/patients", response_model=list[PatientOut], response_model_exclude_none=True)
def list_patients(patients: ApiPatients, q: Annotated[str | None, Query(max_length=100)] = None) -> list[PatientOut]:
    return [_patient(p) for p in patients.list(q)]


@router.post("/patients", response_model=PatientOut, status_code=201, response_model_exclude_none=True)
def create_patient(body: PatientIn, patients: ApiPatients) -> PatientOut | JSONResponse:
    try:
        return _patient(patients.create(parse_record(body.record), body.team_id).person)
    except InputError as exc:
        return invalid(exc)


@router.get("/patients/{patient_id}", response_model=PatientOut, response_model_exclude_none=True)
def get_patient(patient_id: PatientId, patients: ApiPatients) -> PatientOut:
    return _patient(patients.open(patient_id).person)


@router.get("/patients/{patient_id}/record", response_model=Record, response_model_exclude_none=True)
def get_record(patient_id: PatientId, patients: ApiPatients) -> JSONResponse:
    """The whole record as a record file holds it (canonical units): a section not asked is left out,
    one asked with nothing found is an empty list."""
    return JSONResponse(record_data(patients.open(patient_id).record()))


@router.get("/patients/{patient_id}/visits", response_model=list[VisitOut])
def list_visits(patient_id: PatientId, patients: ApiPatients) -> list[VisitOut]:
    return [_visit(v) for v in patients.open(patient_id).visits()]


@router.post(
    "/patients/{patient_id}/visits",
    response_model=VisitOut,
    status_code=201,
    responses={409: {"model": ProblemDetails, "description": 'Another user recorded "none reported" meanwhile'}},
)
def add_visit(patient_id: PatientId, body: VisitIn, patients: ApiPatients) -> VisitOut | JSONResponse:
    patient = patients.open(patient_id)
    sections = body.model_dump(exclude={"date", "note", "asked_none"})
    try:
        visit = patient.add_visit(body.date, sections, body.note, asked_none=[s.value for s in body.asked_none])
    except InputError as exc:
        return invalid(exc)
    except NoneConflict as exc:
        return problem(409, f"not saved: someone else recorded none reported meanwhile for {', '.join(exc.sections)}")
    return next(_visit(v) for v in patient.visits() if v.visit.id == visit.id)


@router.get("/patients/{patient_id}/measurements", response_model=list[MeasurementOut])
def list_measurements(
    patient_id: PatientId, patients: ApiPatients, kind: Annotated[str | None, Query(max_length=60)] = None
) -> list[MeasurementOut]:
    if kind is not None and kind not in MEASUREMENT_KINDS:
        raise QueryRefused([Problem("kind", kind, "is not a measurement kind", ", ".join(MEASUREMENT_KINDS))])
    record = patients.open(patient_id).record()
    return [
        MeasurementOut(kind=m.kind, date=m.date, side=m.side, value=m.best, unit=MEASUREMENT_KINDS[m.kind].unit)
        for m in record.measurements
        if kind is None or m.kind == kind
    ]


@router.get("/patients/{patient_id}/assessment", response_model=Report)
def get_assessment(
    request: Request, patient_id: PatientId, patients: ApiPatients, on: dt.date | None = None
) -> Report | JSONResponse:
    """The assessment: the same contract as ``myoscope assess --format json`` (``myoscope schema assessment``).

    ``on`` (default: the record's last date) is a date the command line accepts too: from the birth date (or
    1900) up to today, at an adult age the record accepts."""
    patient = patients.open(patient_id)
    try:
        if on is not None:
            check_assessment_date(patient.record(), on, "on")
        cache = request.app.state.results
        if on is None:  # the patient page's assessment: computed once for both
            return page_view(cache, patient).report
        report: Report = cache.get(
            ("api", *version(patient), on), lambda: build_report(assess(patient.record(), on), patient.record().person)
        )
        return report
    except InputError as exc:
        return invalid(exc)
