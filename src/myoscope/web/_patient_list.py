"""The clinic's patient list: search by name, id or identifier, sort by each column, pages; import beside it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from myoscope.errors import InputError, Problem
from myoscope.store import Patients, Sort, WebSession, overview
from myoscope.web._deps import PagePatients, csrf_protect, web_session
from myoscope.web._forms import team_id
from myoscope.web._templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
Current = Annotated[WebSession | None, Depends(web_session)]

MAX_UPLOAD_BYTES = 5_000_000
COLUMNS = (
    (Sort.id, "Patient id"),
    (Sort.name, "Name"),
    (Sort.age, "Age"),
    (Sort.last_visit, "Last visit"),
    (Sort.flags, "Red flags"),
)
DEFAULT_ORDER = {Sort.id: "asc", Sort.name: "asc", Sort.age: "asc", Sort.last_visit: "desc", Sort.flags: "desc"}


def _list_context(
    request: Request,
    patients: Patients,
    q: str = "",
    sort: Sort = Sort.last_visit,
    order: str | None = None,
    page: int = 1,
) -> dict[str, Any]:
    order = order if order in ("asc", "desc") else DEFAULT_ORDER[sort]
    found = overview(patients, q.strip() or None, sort, order == "desc", page)
    request.app.state.flags.want(found.stale)
    return {
        "found": found,
        "q": q,
        "sort": sort.value,
        "order": order,
        "columns": [(s.value, label, DEFAULT_ORDER[s]) for s, label in COLUMNS],
        "teams": patients.teams(),
    }


@router.get("/patients")
def patient_list(
    request: Request,
    patients: PagePatients,
    current: Current,
    q: Annotated[str, Query(max_length=100)] = "",
    sort: Sort = Sort.last_visit,
    order: Literal["asc", "desc"] | None = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    context = _list_context(request, patients, q, sort, order, page)
    partial = request.headers.get("hx-request") == "true"
    return render(request, "_patient_rows.html.j2" if partial else "patients.html.j2", context, current=current)


@router.post("/patients/import")
def import_record(
    request: Request, patients: PagePatients, current: Current, file: UploadFile, team: Annotated[str, Form()] = ""
) -> Response:
    suffix = ".json" if (file.filename or "").lower().endswith(".json") else ".yaml"
    raw = file.file.read(MAX_UPLOAD_BYTES + 1)
    try:
        if len(raw) > MAX_UPLOAD_BYTES:
            raise InputError([Problem("file", file.filename, "is too large", f"at most {MAX_UPLOAD_BYTES} bytes")])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError([Problem("file", file.filename, "is not UTF-8 text")]) from None
        patient = patients.import_text(text, suffix, team_id(team))
    except InputError as exc:
        context = {**_list_context(request, patients), "import_errors": [str(p) for p in exc.problems]}
        return render(request, "patients.html.j2", context, status_code=422, current=current)
    return RedirectResponse(f"/patients/{patient.id}", status_code=303)
