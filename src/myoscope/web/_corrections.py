"""The correction pages: every entry of a patient's record with "edit" and "withdraw", an edit form per
entry (its values with units as text) and its version history (who, when, why, the values then).

Forms carry the version they were shown at; a change made meanwhile by someone else is refused and
the page shows the entry as it is now (:class:`myoscope.store.Conflict`). A reason is required.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import RedirectResponse

from myoscope.errors import InputError, Problem
from myoscope.store import MAX_REASON, PERSON, SECTIONS, Conflict, Entry, Patient, WebSession
from myoscope.web import _entry_widgets as widgets
from myoscope.web._boundary import PatientId
from myoscope.web._deps import PagePatients, csrf_protect, web_session
from myoscope.web._entry_fields import SECTION_LABELS, form_fields, from_form, summary
from myoscope.web._entry_forms import SECTIONS as FORM_SECTIONS
from myoscope.web._problems import field_words
from myoscope.web._templating import render

router = APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)
Current = Annotated[WebSession | None, Depends(web_session)]
SectionName = Annotated[str, Path(pattern="^(" + "|".join(SECTIONS) + ")$")]
EntryId = Annotated[int, Path(ge=1, le=2**63 - 1)]


def _entry_url(patient: Patient, section: str, entry_id: int) -> str:
    return f"/patients/{patient.id}/entries/{section}/{entry_id}"


@router.get("/patients/{patient_id}/entries")
def entry_list(request: Request, patient_id: PatientId, patients: PagePatients, current: Current) -> Any:
    patient = patients.open(patient_id)
    groups: dict[str, list[tuple[Entry, str]]] = {}
    for entry in patient.corrections.entries():
        groups.setdefault(entry.section, []).append((entry, summary(entry.section, entry.data)))
    context = {"patient": patient, "groups": groups, "labels": SECTION_LABELS, "person": PERSON, "max": MAX_REASON}
    return render(request, "entries.html.j2", context, current=current)


def _entry_page(
    request: Request,
    patient: Patient,
    section: str,
    entry_id: int,
    current: WebSession | None,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, list[str]] | None = None,
    notice: str = "",
    status: int = 200,
) -> Any:
    entry = patient.corrections.entry(section, entry_id)
    versions = patient.corrections.versions(section, entry_id)
    history = []
    previous: dict[str, str] = {}
    for version in versions:
        shown = {f.path: f for f in _shown(section, version.data)}
        changed = {path for path, f in shown.items() if previous and previous.get(path) != f.text}
        changed |= {path for path in previous if path not in shown}
        history.append({"v": version, "fields": list(shown.values()), "changed": changed})
        previous = {path: f.text for path, f in shown.items()}
    context = {
        "patient": patient,
        "entry": entry,
        "label": SECTION_LABELS[section],
        "summary": summary(section, entry.data),
        "fields": form_fields(section, entry.data),
        "widgets": widgets.has_widgets(section),
        "spec": FORM_SECTIONS.get(section),
        "inputs": widgets.inputs(section, entry.data) if section in FORM_SECTIONS else (),
        "answer_fields": widgets.answer_fields(entry.data) if section == "instruments" else [],
        "values": values if values is not None else _prefill(section, entry.data),
        "errors": errors or {},
        "history": list(reversed(history)),
        "notice": notice,
        "person": PERSON,
        "max": MAX_REASON,
    }
    return render(request, "entry.html.j2", context, status_code=status, current=current)


@router.get("/patients/{patient_id}/entries/{section}/{entry_id}")
def entry_page(
    request: Request,
    patient_id: PatientId,
    section: SectionName,
    entry_id: EntryId,
    patients: PagePatients,
    current: Current,
) -> Any:
    return _entry_page(request, patients.open(patient_id), section, entry_id, current)


def _shown(section: str, data: dict[str, Any]) -> list[Any]:
    if widgets.has_widgets(section):
        return widgets.history_values(section, data)
    return form_fields(section, data)


def _prefill(section: str, data: dict[str, Any]) -> dict[str, str]:
    return widgets.prefill(section, data) if widgets.has_widgets(section) else {}


def _form(request: Request) -> dict[str, str]:
    return {k: v for k, v in request.state.form.items() if isinstance(v, str) and k != "csrf_token"}


def _version(values: dict[str, str]) -> int:
    try:
        return int(values.get("version", ""))
    except ValueError:
        raise InputError([Problem("version", values.get("version"), "is not a version number")]) from None


def _errors(error: InputError, section: str = "", stored: dict[str, Any] | None = None) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in error.problems:
        key = p.field if p.field in ("reason", "version") else "field." + p.field if p.field else "entry"
        words = field_words(p.field) or "the entry"
        if key not in ("reason", "version") and stored is not None and widgets.has_widgets(section):
            key, words = widgets.error_key(section, stored, p)
        text = f"{words}: {p.message}" + (f"; accepted: {p.accepted}" if p.accepted else "")
        out.setdefault(key, []).append(text)
    return out


def _conflict_notice(exc: Conflict) -> str:
    state = "withdrawn" if exc.current.withdrawn else f"changed (now version {exc.current.version})"
    return (
        f"Not saved: someone else {state} this entry after you opened it. "
        "It is shown below as it is now; check it and make your change again if it is still needed."
    )


@router.post("/patients/{patient_id}/entries/{section}/{entry_id}")
def edit_entry(
    request: Request,
    patient_id: PatientId,
    section: SectionName,
    entry_id: EntryId,
    patients: PagePatients,
    current: Current,
) -> Any:
    patient = patients.open(patient_id)
    values = _form(request)
    entry = patient.corrections.entry(section, entry_id)
    try:
        if widgets.has_widgets(section):
            data = widgets.read(section, entry.data, values)
        else:
            data = from_form(section, entry.data, values)
        patient.corrections.replace(section, entry_id, data, version=_version(values), reason=values.get("reason"))
    except Conflict as exc:
        return _entry_page(request, patient, section, entry_id, current, notice=_conflict_notice(exc), status=409)
    except InputError as exc:
        return _entry_page(
            request,
            patient,
            section,
            entry_id,
            current,
            values=values,
            errors=_errors(exc, section, entry.data),
            status=422,
        )
    return RedirectResponse(_entry_url(patient, section, entry_id) + "#history", status_code=303)


@router.post("/patients/{patient_id}/entries/{section}/{entry_id}/withdraw")
def withdraw_entry(
    request: Request,
    patient_id: PatientId,
    section: SectionName,
    entry_id: EntryId,
    patients: PagePatients,
    current: Current,
) -> Any:
    patient = patients.open(patient_id)
    values = _form(request)
    try:
        patient.corrections.withdraw(section, entry_id, version=_version(values), reason=values.get("reason"))
    except Conflict as exc:
        return _entry_page(request, patient, section, entry_id, current, notice=_conflict_notice(exc), status=409)
    except InputError as exc:
        errors = {("withdraw_" + k if k in ("reason", "version") else k): v for k, v in _errors(exc).items()}
        return _entry_page(request, patient, section, entry_id, current, values=values, errors=errors, status=422)
    return RedirectResponse(_entry_url(patient, section, entry_id) + "#history", status_code=303)
