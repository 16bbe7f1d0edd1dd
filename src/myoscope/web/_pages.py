"""The clinician's pages: new patient, patient page, report, import and export.

The patient list is in :mod:`._patient_list`, visits in :mod:`._visit_pages`.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from myoscope.causes import assess
from myoscope.errors import InputError, Problem
from myoscope.record import parse_record
from myoscope.report import build_report, render_report
from myoscope.report.pdf import report_pdf as pdf_of
from myoscope.store import Patient, Patients, WebSession, details_from_form, details_of, save_details
from myoscope.web._boundary import PatientId
from myoscope.web._charts import page_view
from myoscope.web._deps import PagePatients, csrf_protect, web_session
from myoscope.web._forms import field_errors, team_id
from myoscope.web._templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
Current = Annotated[WebSession | None, Depends(web_session)]

PERSON_FIELDS = ("id", "sex", "birth_date", "age", "height", "population", "activity_level", "dominant_hand")
IDENTIFIER_ROWS = 2
MEASUREMENT_ROWS = 4


def _instrument_names() -> list[str]:
    from myoscope import scores

    return [n for n, i in scores.registry().items() if i.kind == "instrument"]


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/patients", status_code=303)


@router.get("/patients/new")
def new_patient(request: Request, patients: PagePatients, current: Current) -> Response:
    values: dict[str, str] = {}  # no kind filled in: a kind with no identifier would be refused
    context = {**_teams(patients), "values": values, "errors": {}, "identifier_rows": IDENTIFIER_ROWS}
    return render(request, "patient_new.html.j2", context, current=current)


@router.post("/patients")
def create_patient(request: Request, patients: PagePatients, current: Current) -> Response:
    form = request.state.form
    values = {k: v.strip() for k, v in form.items() if isinstance(v, str)}
    person = {f: values[f"person.{f}"] for f in PERSON_FIELDS if values.get(f"person.{f}")}
    problems: list[Problem] = []
    details = record = None
    try:
        details = details_from_form(values, IDENTIFIER_ROWS)
    except InputError as exc:
        problems += exc.problems
    try:
        record = parse_record({"person": person})
    except InputError as exc:
        problems += exc.problems
    try:
        if record is not None and details is not None:
            patient = patients.create(record, team_id(values.get("team")))
            save_details(patient, details)
            return RedirectResponse(f"/patients/{patient.id}", status_code=303)
    except InputError as exc:
        problems += exc.problems
    context = {
        **_teams(patients),
        "values": values,
        "errors": field_errors(problems, {}),
        "identifier_rows": IDENTIFIER_ROWS,
    }
    return render(request, "patient_new.html.j2", context, status_code=422, current=current)


def _teams(patients: Patients) -> dict[str, Any]:
    teams = patients.teams()
    return {"teams": teams, "team_choices": [(str(t.id), t.name) for t in teams]}


@router.get("/patients/{patient_id}")
def patient_page(request: Request, patient_id: PatientId, patients: PagePatients, current: Current) -> Response:
    patient = patients.open(patient_id)
    view = page_view(request.app.state.results, patient)  # once per record version: see web/_charts.py
    context = {
        "patient": patient,
        "record": view.record,
        "r": view.report,
        "charts": view.chart_images(patient.id),
        "visits": view.visits,
        "details": details_of(patient),
    }
    return render(request, "patient.html.j2", context, current=current)


REPORT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)
"""The report is one self-contained file with its own styles: no script at all may run in it."""


@router.get("/patients/{patient_id}/report")
def report(patient_id: PatientId, patients: PagePatients) -> HTMLResponse:
    patient = patients.open(patient_id)
    return HTMLResponse(
        render_report(build_report(assess(patient.record()), patient.record().person), "html"),
        headers={"Content-Security-Policy": REPORT_POLICY},
    )


@router.get("/patients/{patient_id}/report.pdf")
def report_pdf(patient_id: PatientId, patients: PagePatients) -> Response:
    patient = patients.open(patient_id)
    pdf = pdf_of(build_report(assess(patient.record()), patient.record().person))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{_filename(patient, "pdf")}"'},
    )


@router.get("/patients/{patient_id}/export")
def export(patient_id: PatientId, patients: PagePatients, format: Literal["yaml", "json"] = "yaml") -> Response:
    fmt = format
    patient = patients.open(patient_id)
    return Response(
        patient.export(fmt),
        media_type="application/json" if fmt == "json" else "application/yaml",
        headers={"Content-Disposition": f'attachment; filename="{_filename(patient, fmt)}"'},
    )


def _filename(patient: Patient, suffix: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", patient.person.external_id).strip("-.") or "patient"
    return f"myoscope-{stem}.{suffix}"
