"""The clinician's pages: patient list and search, patient page, new visit, report, import and export."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from myoscope.causes import assess
from myoscope.errors import InputError, Problem
from myoscope.record import MEASUREMENT_KINDS, parse_record
from myoscope.report import build_report, render_report
from myoscope.report.pdf import report_pdf as pdf_of
from myoscope.store import WebSession
from myoscope.web._boundary import PatientId
from myoscope.web._charts import page_view
from myoscope.web._deps import CurrentUser, PagePatients, csrf_protect, web_session
from myoscope.web._forms import field_errors, instrument_fields, read_visit_form
from myoscope.web._templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
Current = Annotated[WebSession | None, Depends(web_session)]

MAX_UPLOAD_BYTES = 5_000_000
PERSON_FIELDS = ("id", "sex", "birth_date", "age", "height", "population", "activity_level")
MEASUREMENT_ROWS = 4


def _instrument_names() -> list[str]:
    from myoscope import scores

    return [n for n, i in scores.registry().items() if i.kind == "instrument"]


@router.get("/")
def home():
    return RedirectResponse("/patients", status_code=303)


@router.get("/patients")
def patient_list(request: Request, patients: PagePatients, current: Current, q: str = ""):
    context = {"people": patients.list(q.strip() or None), "q": q, "teams": patients.teams()}
    partial = request.headers.get("hx-request") == "true"
    return render(request, "_patient_rows.html.j2" if partial else "patients.html.j2", context, current=current)


@router.get("/patients/new")
def new_patient(request: Request, patients: PagePatients, current: Current):
    return render(request, "patient_new.html.j2", {**_teams(patients), "values": {}, "errors": {}}, current=current)


@router.post("/patients")
def create_patient(request: Request, patients: PagePatients, current: Current):
    form = request.state.form
    values = {k: v.strip() for k, v in form.items() if isinstance(v, str)}
    person = {f: values[f"person.{f}"] for f in PERSON_FIELDS if values.get(f"person.{f}")}
    try:
        patient = patients.create(parse_record({"person": person}), _team_id(values.get("team")))
    except InputError as exc:
        return render(
            request,
            "patient_new.html.j2",
            {**_teams(patients), "values": values, "errors": field_errors(exc.problems, {})},
            status_code=422,
            current=current,
        )
    return RedirectResponse(f"/patients/{patient.id}", status_code=303)


@router.post("/patients/import")
def import_record(
    request: Request, patients: PagePatients, current: Current, file: UploadFile, team: Annotated[str, Form()] = ""
):
    suffix = ".json" if (file.filename or "").lower().endswith(".json") else ".yaml"
    raw = file.file.read(MAX_UPLOAD_BYTES + 1)
    try:
        if len(raw) > MAX_UPLOAD_BYTES:
            raise InputError([Problem("file", file.filename, "is too large", f"at most {MAX_UPLOAD_BYTES} bytes")])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError([Problem("file", file.filename, "is not UTF-8 text")]) from None
        patient = patients.import_text(text, suffix, _team_id(team))
    except InputError as exc:
        context = {
            "people": patients.list(),
            "q": "",
            "teams": patients.teams(),
            "import_errors": [str(p) for p in exc.problems],
        }
        return render(request, "patients.html.j2", context, status_code=422, current=current)
    return RedirectResponse(f"/patients/{patient.id}", status_code=303)


def _teams(patients) -> dict[str, Any]:
    teams = patients.teams()
    return {"teams": teams, "team_choices": [(str(t.id), t.name) for t in teams]}


def _team_id(text: str | None) -> int | None:
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise InputError([Problem("team", text, "is not one of your care teams")]) from None


@router.get("/patients/{patient_id}")
def patient_page(request: Request, patient_id: PatientId, patients: PagePatients, current: Current):
    patient = patients.open(patient_id)
    view = page_view(request.app.state.results, patient)  # once per record version: see web/_charts.py
    context = {
        "patient": patient,
        "record": view.record,
        "r": view.report,
        "charts": view.chart_images(patient.id),
        "visits": view.visits,
    }
    return render(request, "patient.html.j2", context, current=current)


def _next_row(values: dict[str, str], section: str) -> int:
    used = [int(m.group(1)) for key in values if (m := re.match(rf"^{section}\[(\d+)\]\.", key))]
    return max(used, default=-1) + 1


def _visit_context(patient, values: dict[str, str], errors: dict[str, list[str]]) -> dict[str, Any]:
    action = values.get("action")
    rows = max(MEASUREMENT_ROWS, _next_row(values, "measurements")) + (action == "add_measurement")
    instrument_rows = max(1, _next_row(values, "instruments")) + (action == "add_instrument")
    fields = {i: instrument_fields(values.get(f"instruments[{i}].name", "")) for i in range(instrument_rows)}
    return {
        "patient": patient,
        "values": values,
        "errors": errors,
        "rows": rows,
        "instrument_rows": instrument_rows,
        "fields": fields,
        "kind_choices": [(k, v.label) for k, v in MEASUREMENT_KINDS.items()],
        "instrument_choices": [(n, n) for n in _instrument_names()],
    }


@router.get("/patients/{patient_id}/visits/new")
def new_visit(request: Request, patient_id: PatientId, patients: PagePatients, current: Current):
    patient = patients.open(patient_id)
    values = {"date": dt.date.today().isoformat()}
    return render(request, "visit_form.html.j2", _visit_context(patient, values, {}), current=current)


@router.post("/patients/{patient_id}/visits")
def add_visit(request: Request, patient_id: PatientId, patients: PagePatients, current: Current):
    patient = patients.open(patient_id)
    form = read_visit_form(request.state.form)
    if form.values.get("action") in ("add_measurement", "add_instrument", "show_fields"):
        return render(request, "visit_form.html.j2", _visit_context(patient, form.values, {}), current=current)
    problems = list(form.problems)
    if not problems:
        try:
            patient.add_visit(form.date, form.sections, form.note)
            return RedirectResponse(f"/patients/{patient.id}#assessment", status_code=303)
        except InputError as exc:
            problems = list(exc.problems)
    errors = field_errors(problems, form.rows)
    return render(
        request, "visit_form.html.j2", _visit_context(patient, form.values, errors), status_code=422, current=current
    )


@router.get("/forms/instrument-fields")
def instrument_fields_partial(request: Request, user: CurrentUser, current: Current, index: int = 0):
    name = request.query_params.get(f"instruments[{index}].name") or request.query_params.get("name", "")
    context = {"i": index, "fields": instrument_fields(name), "values": {}, "errors": {}}
    return render(request, "_instrument_fields.html.j2", context, current=current)


REPORT_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'none'"
)
"""The report is one self-contained file with its own styles: no script at all may run in it."""


@router.get("/patients/{patient_id}/report")
def report(patient_id: PatientId, patients: PagePatients):
    patient = patients.open(patient_id)
    return HTMLResponse(
        render_report(build_report(assess(patient.record()), patient.record().person), "html"),
        headers={"Content-Security-Policy": REPORT_POLICY},
    )


@router.get("/patients/{patient_id}/report.pdf")
def report_pdf(patient_id: PatientId, patients: PagePatients):
    patient = patients.open(patient_id)
    pdf = pdf_of(build_report(assess(patient.record()), patient.record().person))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{_filename(patient, "pdf")}"'},
    )


@router.get("/patients/{patient_id}/export")
def export(patient_id: PatientId, patients: PagePatients, format: str = "yaml"):
    fmt = "json" if format == "json" else "yaml"
    patient = patients.open(patient_id)
    return Response(
        patient.export(fmt),
        media_type="application/json" if fmt == "json" else "application/yaml",
        headers={"Content-Disposition": f'attachment; filename="{_filename(patient, fmt)}"'},
    )


def _filename(patient, suffix: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", patient.person.external_id).strip("-.") or "patient"
    return f"myoscope-{stem}.{suffix}"
