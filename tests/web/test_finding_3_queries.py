"""Finding 3 (load): what one page costs the database. A patient page issues the same few queries
however many visits the record has (no query per visit), and no query runs on the event loop's
thread (every database call of a request runs in a worker thread, so a slow query never stalls
the static files and the other requests the loop is serving)."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading

from sqlalchemy import event

from myoscope.store import AuditEntry, Patients, User, session_factory
from myoscope.store._tables import Visit

MAX_PAGE_QUERIES = 5
"""Session and user, the scoped patient, details, identifiers (+1 spare)."""
MAX_LIST_QUERIES = 2
"""Session, user and teams; the list's one query (patients, names, last visits, markers)."""
MAX_FIRST_VIEW_QUERIES = 7
"""The first view of a record version: the page's queries, plus every section's entries (one query) and
the visits (+1 spare)."""
MAX_API_READ_QUERIES = 2
"""The token and its user, the scoped patient."""


class QueryLog:
    """Queries issued by request handling (background writers and markers left out), and any that ran
    on a thread with a running event loop."""

    def __init__(self, engine):
        self.count = 0
        self.on_loop: list[str] = []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, *_args) -> None:
        if threading.current_thread().name.startswith("myoscope-"):
            return
        self.count += 1
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return
        self.on_loop.append(statement[:80])


def _add_visits(world, key: int, n: int) -> None:
    with session_factory(world.app.state.engine)() as session, session.begin():
        from sqlalchemy import select

        ann = session.scalar(select(User).where(User.username == "ann"))
        patient = Patients(session, ann).open(key)
        for day in range(n):
            weight = [{"kind": "body_weight", "value": f"{70 + day % 3} kg"}]
            patient.add_visit(dt.date(2026, 1, 1) + dt.timedelta(days=day), {"measurements": weight}, f"visit {day}")


def _page_queries(world, browser, key: int) -> tuple[int, int, list[str]]:
    log = QueryLog(world.app.state.engine)
    assert browser.get(f"/patients/{key}").status_code == 200
    first = log.count
    assert browser.get(f"/patients/{key}").status_code == 200
    return first, log.count - first, log.on_loop


def test_finding_3_patient_page_queries_do_not_grow_with_visits(world):
    browser = world.signed_in("ann")
    few, many = world.patients["healthy-active"], world.patients["als-pattern-brother"]
    _add_visits(world, few, 1)
    _add_visits(world, many, 12)
    with session_factory(world.app.state.engine)() as session:
        from sqlalchemy import func, select

        assert session.scalar(select(func.count()).where(Visit.person_id == many)) >= 12
    cold_few, warm_few, loop_few = _page_queries(world, browser, few)
    cold_many, warm_many, loop_many = _page_queries(world, browser, many)
    assert cold_many == cold_few  # the first view of a version reads every section once, not per visit
    assert warm_few == warm_many <= MAX_PAGE_QUERIES  # later views: the scoped lookup only
    assert loop_few == loop_many == []


def test_finding_3_no_query_on_the_event_loop_thread(world):
    browser = world.signed_in("ann")
    key = world.patients["healthy-active"]
    log = QueryLog(world.app.state.engine)
    for path in ("/patients", f"/patients/{key}", f"/patients/{key}/visits/new", "/patients?q=a"):
        assert browser.get(path).status_code == 200
    api = world.client()
    for path in (f"/api/v1/patients/{key}/assessment", f"/api/v1/patients/{key}/visits", "/api/v1/patients"):
        assert api.get(path, headers=world.api("ann")).status_code == 200
    assert log.count > 0
    assert log.on_loop == []


def _more_patients(world, n: int) -> list[int]:
    from sqlalchemy import select

    from myoscope.record import parse_record

    with session_factory(world.app.state.engine)() as session, session.begin():
        ann = session.scalar(select(User).where(User.username == "ann"))
        made = []
        for k in range(n):
            record = parse_record({"person": {"id": f"many-{k}", "sex": "female", "age": 40 + k}})
            patient = Patients(session, ann).create(record)
            weight = [{"kind": "body_weight", "value": f"{60 + k % 5} kg"}]
            patient.add_visit(dt.date(2026, 2, 1) + dt.timedelta(days=k), {"measurements": weight}, "")
            made.append(patient.id)
        return made


def _list_queries(world, browser) -> int:
    log = QueryLog(world.app.state.engine)
    assert browser.get("/patients").status_code == 200
    return log.count


def test_finding_3_the_patient_list_costs_the_same_queries_however_many_patients_it_shows(world):
    """One query for the list whatever its length (no query per patient, per team or per marker), and
    still every shown id audited."""
    browser = world.signed_in("ann")
    few = _list_queries(world, browser)
    made = _more_patients(world, 30)
    many = _list_queries(world, browser)
    assert few == many <= MAX_LIST_QUERIES
    world.app.state.audit.flush()
    with session_factory(world.app.state.engine)() as session:
        from sqlalchemy import select

        detail = " ".join(
            session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "list").order_by(AuditEntry.id))
        )
    assert all(f" {key}," in detail or f" {key})" in detail for key in made)


def test_finding_3_the_first_view_after_a_save_reads_every_section_in_one_query(world):
    """The view that recomputes the assessment reads the record's entries once (not once per section, and
    not again for the visits); the API's assessment read costs the token and the scoped patient only."""
    browser = world.signed_in("ann")
    key = world.patients["als-pattern-brother"]
    _add_visits(world, key, 3)
    log = QueryLog(world.app.state.engine)
    assert browser.get(f"/patients/{key}").status_code == 200
    assert log.count <= MAX_FIRST_VIEW_QUERIES
    api = world.client()
    before = log.count
    assert api.get(f"/api/v1/patients/{key}/assessment", headers=world.api("ann")).status_code == 200
    assert log.count - before <= MAX_API_READ_QUERIES
