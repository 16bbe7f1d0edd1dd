"""Adding a visit: every section of the record on one page, and the live parts of that page.

Without script every action is a form post (another row, show an instrument's questions, classify
the exam) that comes back with what was typed; with HTMX the questions, totals and the exam's
classification update as one types. Saving goes through :meth:`myoscope.store.Patient.add_visit`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from myoscope.errors import InputError, Problem
from myoscope.store import NoneConflict, Patient, WebSession
from myoscope.web._boundary import PatientId
from myoscope.web._charts import prepare_page
from myoscope.web._deps import CurrentUser, PagePatients, csrf_protect, web_session
from myoscope.web._entry_forms import SECTIONS, SIDED_KINDS, Section
from myoscope.web._exam_grid import GRID, classify_cells
from myoscope.web._forms import MAX_ROWS, field_errors, read_visit_form
from myoscope.web._instrument_widgets import instrument_fields, live_score
from myoscope.web._templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
Current = Annotated[WebSession | None, Depends(web_session)]

CHANGED_MEANWHILE = "not saved: someone else recorded this section as none reported after you opened the visit"
SAVE_AGAIN = "the record is shown as it is now; check the visit and save it again if it is still needed"
INSTRUMENTS = Section("instruments", "Questionnaires and tests", "questionnaire", ())


def _instrument_choices() -> list[tuple[str, str]]:
    from myoscope import scores

    return [(n, f"{i.title} ({n})") for n, i in sorted(scores.registry().items(), key=lambda e: e[1].title.lower())]


def _person_values(patient: Patient, day: dt.date | None) -> dict[str, Any]:
    from myoscope.measures.answers import person_values

    return person_values(patient.record(), day or dt.date.today())


def _answers(values: dict[str, str], index: int) -> dict[str, str]:
    head = f"instruments[{index}].answers."
    return {k.removeprefix(head): v for k, v in values.items() if k.startswith(head)}


def _visit_context(patient: Patient, values: dict[str, str], errors: dict[str, list[str]]) -> dict[str, Any]:
    action = values.get("action")
    rows = {name: spec.row_count(values, action) for name, spec in SECTIONS.items()}
    instrument_rows = INSTRUMENTS.row_count(values, action)
    names = {i: values.get(f"instruments[{i}].name", "") for i in range(instrument_rows)}
    day = _date(values.get("date", ""))
    person = _person_values(patient, day) if any(names.values()) else {}
    exam_cells = {k: v for k, v in values.items() if k.startswith("spinal_exams[0].") and v}
    return {
        "patient": patient,
        "values": values,
        "errors": errors,
        "sections": SECTIONS,
        "rows": rows,
        "instrument_rows": instrument_rows,
        "fields": {i: instrument_fields(name) for i, name in names.items()},
        "scores": {i: live_score(name, _answers(values, i), person) for i, name in names.items() if name},
        "instrument_choices": _instrument_choices(),
        "sided_kinds": SIDED_KINDS,
        "grid": GRID,
        "show_exam": bool(exam_cells) or action == "add_spinal_exams",
        "classification": classify_cells(exam_cells, "spinal_exams[0].exam.") if exam_cells else None,
    }


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@router.get("/patients/{patient_id}/visits/new")
def new_visit(request: Request, patient_id: PatientId, patients: PagePatients, current: Current) -> Response:
    patient = patients.open(patient_id)
    values = {"date": dt.date.today().isoformat()}
    return render(request, "visit_form.html.j2", _visit_context(patient, values, {}), current=current)


@router.post("/patients/{patient_id}/visits")
def add_visit(request: Request, patient_id: PatientId, patients: PagePatients, current: Current) -> Response:
    patient = patients.open(patient_id)
    form = read_visit_form(request.state.form)
    if form.values.get("action") not in (None, "", "save"):
        return render(request, "visit_form.html.j2", _visit_context(patient, form.values, {}), current=current)
    problems, status = list(form.problems), 422
    if not problems and form.date is not None:
        try:
            patient.add_visit(form.date, form.sections, form.note, asked_none=form.asked_none)
            prepare_page(request.app.state.results, patient)  # the page it is sent to: computed by the save
            return RedirectResponse(f"/patients/{patient.id}#assessment", status_code=303)
        except InputError as exc:
            problems = list(exc.problems)
        except NoneConflict as exc:  # the same answer as for an entry changed meanwhile
            problems = [Problem("asked_none", name, CHANGED_MEANWHILE, SAVE_AGAIN) for name in exc.sections]
            status = 409
    errors = field_errors(problems, form.rows)
    return render(
        request, "visit_form.html.j2", _visit_context(patient, form.values, errors), status_code=status, current=current
    )


RowIndex = Annotated[
    int, Query(ge=0, lt=MAX_ROWS, description="the form row (0 to one less than the rows a visit holds)")
]
"""A form row's index, as the visit form numbers them."""


@router.post("/patients/{patient_id}/visits/score")
def instrument_score(
    request: Request, patient_id: PatientId, patients: PagePatients, current: Current, index: RowIndex = 0
) -> HTMLResponse:
    """The live total of one instrument's answers so far (an HTMX fragment)."""
    patient = patients.open(patient_id)
    values = {k: v.strip() for k, v in request.state.form.items() if isinstance(v, str)}
    name = values.get(f"instruments[{index}].name", "")
    person = _person_values(patient, _date(values.get("date", "")))
    context = {"i": index, "score": live_score(name, _answers(values, index), person) if name else None}
    return render(request, "_instrument_score.html.j2", context, current=current)


@router.get("/forms/instrument-fields")
def instrument_fields_partial(
    request: Request, user: CurrentUser, current: Current, index: RowIndex = 0
) -> HTMLResponse:
    name = request.query_params.get(f"instruments[{index}].name") or request.query_params.get("name", "")
    context = {"i": index, "fields": instrument_fields(name), "values": {}, "errors": {}, "score": None}
    return render(request, "_instrument_fields.html.j2", context, current=current)


@router.post("/forms/isncsci")
def isncsci_partial(request: Request, user: CurrentUser, current: Current) -> Response:
    """The classification of the exam grid as filled so far (empty cells count as not testable)."""
    cells = {k: v.strip() for k, v in request.state.form.items() if isinstance(v, str) and v.strip()}
    context = {"classification": classify_cells(cells, "spinal_exams[0].exam.")}
    return render(request, "_isncsci_result.html.j2", context, current=current)
