"""What the patient page shows of a record, kept per record version, and its charts as images.

:func:`page_view` gives the page's record, assessment report and visits, computed once per
version of the record (:mod:`myoscope.web._cache`): after the first view of a version, a page
view costs the scoped lookup of the patient and the template, not a re-read of every row, an
assessment and a drawing of every chart.

The charts are separate images (``/patients/{id}/chart.png?n=N&v=VERSION``), loaded by the
browser after the page: a page whose record has just changed is shown as soon as the new
assessment is ready. A chart image is drawn once per record version, at the screen's resolution,
by a separate process (:mod:`myoscope.web._drawing`: plotting would otherwise hold the server's
interpreter lock and stall every other request). Each chart request is scoped and audited like
the page itself.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, cast
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from markupsafe import Markup, escape

from myoscope.record import Record
from myoscope.report import build_report
from myoscope.report.model import Report
from myoscope.web._boundary import PatientId
from myoscope.web._cache import ResultCache, cached_assessment, version
from myoscope.web._deps import PagePatients

if TYPE_CHECKING:
    from myoscope.store import Patient, VisitView

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
MAX_CHARTS = 100


@dataclass(frozen=True, slots=True)
class VisitRow:
    id: int
    date: dt.date
    note: str


@dataclass(frozen=True, slots=True)
class ValueRow:
    kind: str
    side: str | None
    value: float | None


@dataclass(frozen=True, slots=True)
class VisitSummary:
    """A visit as the page lists it: plain values, safe to share between requests (no database objects)."""

    visit: VisitRow
    by: str
    measurements: tuple[ValueRow, ...] = ()
    instruments: tuple[str, ...] = ()
    other: dict[str, int] = field(default_factory=dict)
    asked_none: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PageView:
    version: str
    record: Record
    report: Report
    visits: tuple[VisitSummary, ...]

    def chart_images(self, patient_id: int) -> list[Markup]:
        return [
            Markup(
                f'<img class="chart" alt="{escape(chart.title)}" loading="lazy" '
                f'src="/patients/{patient_id}/chart.png?n={n}&amp;v={quote(self.version)}">'
            )
            for n, chart in enumerate(self.report.charts)
        ]


def _summary(view: VisitView) -> VisitSummary:
    return VisitSummary(
        visit=VisitRow(view.visit.id, view.visit.date, view.visit.note),
        by=view.by,
        measurements=tuple(ValueRow(m.kind, m.side, m.value) for m in view.measurements),
        instruments=tuple(view.instruments),
        other=dict(view.other),
        asked_none=tuple(view.asked_none),
    )


def page_view(cache: ResultCache, patient: Patient) -> PageView:
    """The page's data of ``patient`` (opened through :class:`myoscope.store.Patients`) at its current version."""
    key = version(patient)

    def compute() -> PageView:
        record = patient.record()
        report = build_report(cached_assessment(cache, key, lambda: record), record.person)
        return PageView(key[1], record, report, tuple(_summary(v) for v in patient.visits()))

    return cast(PageView, cache.get(("page", *key), compute))


def prepare_page(cache: ResultCache, patient: Patient) -> None:
    """Right after a change to ``patient``'s record: the change is committed, then the page of the new
    version is computed now, so that the view the browser is sent to next finds it ready. The
    assessment is paid for by the write, not by the read after it. A record that cannot be shown
    is left to that view to report (the change itself is saved)."""
    patient.session.commit()
    try:
        page_view(cache, patient)
    except Exception:  # noqa: BLE001 - the page shows the problem when asked; the saved change stands
        log.exception("the page of a just-changed record could not be prepared")


@router.get("/patients/{patient_id}/chart.png")
def chart_image(
    request: Request,
    patient_id: PatientId,
    patients: PagePatients,
    n: Annotated[int, Query(ge=0, lt=MAX_CHARTS)] = 0,
    v: Annotated[str, Query(max_length=100)] = "",
) -> Response:
    """Chart ``n`` of the page of version ``v`` of the record: a page loaded just before a change still gets
    its own charts while that version is kept; after that, 404."""
    patient = patients.open(patient_id)  # scoped and audited: the key below is only ever this patient's
    cache = request.app.state.results
    view = cache.peek(("page", patient.id, v)) if v else None  # the version the page was drawn from, if kept
    if view is None:
        view = page_view(cache, patient)
    if v and v != view.version or n >= len(view.report.charts):
        raise HTTPException(404, "no such chart (the record has changed since: reload the page)")
    chart = view.report.charts[n]
    drawer = request.app.state.charts
    image = cache.get(("chart", patient.id, view.version, n), lambda: drawer.png(chart))
    return Response(image, media_type="image/png")
