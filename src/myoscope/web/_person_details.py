"""A patient's name and other identifiers: shown and changed on their own page, apart from the record."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from myoscope.errors import InputError
from myoscope.store import Details, WebSession, details_from_form, details_of, save_details
from myoscope.web._boundary import PatientId
from myoscope.web._deps import PagePatients, csrf_protect, web_session
from myoscope.web._forms import field_errors
from myoscope.web._templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
Current = Annotated[WebSession | None, Depends(web_session)]
MAX_ROWS = 10
EXTRA_ROWS = 1
"""Empty identifier rows offered beyond those recorded."""


def _values(details: Details) -> dict[str, str]:
    values = {"details.name": details.name}
    for i, (system, value) in enumerate(details.identifiers):
        values[f"details.identifiers[{i}].system"] = system
        values[f"details.identifiers[{i}].value"] = value
    return values


@router.get("/patients/{patient_id}/details")
def details_page(request: Request, patient_id: PatientId, patients: PagePatients, current: Current) -> Response:
    patient = patients.open(patient_id)
    details = details_of(patient)
    context = {
        "patient": patient,
        "values": _values(details),
        "errors": {},
        "identifier_rows": len(details.identifiers) + EXTRA_ROWS,
    }
    return render(request, "person_details.html.j2", context, current=current)


@router.post("/patients/{patient_id}/details")
def change_details(request: Request, patient_id: PatientId, patients: PagePatients, current: Current) -> Response:
    patient = patients.open(patient_id)
    values = {k: v.strip() for k, v in request.state.form.items() if isinstance(v, str) and k != "csrf_token"}
    rows = min(MAX_ROWS, sum(1 for key in values if key.endswith("].system")))
    try:
        save_details(patient, details_from_form(values, rows))
    except InputError as exc:
        context = {
            "patient": patient,
            "values": values,
            "errors": field_errors(exc.problems, {}),
            "identifier_rows": max(rows, 1),
        }
        return render(request, "person_details.html.j2", context, status_code=422, current=current)
    return RedirectResponse(f"/patients/{patient.id}", status_code=303)
