"""The clinic's patient list: name, age, last visit and red-flag marker; search, sort, pages; import errors beside
the import; red flags computed once per record version, off the request path."""

from __future__ import annotations

import re
import time

from sqlalchemy import select

from myoscope.store import AuditEntry, make_engine, session_factory
from myoscope.web._flags import FlagWorker, flags_of


def _ids_in_order(html: str) -> list[str]:
    return re.findall(r'<td><a href="/patients/\d+">([^<]+)</a></td>', html)


def _row(html: str, external_id: str) -> str:
    match = re.search(
        r"<tr data-patient=\"\d+\">\s*<td><a href=\"/patients/\d+\">" + re.escape(external_id) + r"</a>.*?</tr>",
        html,
        re.S,
    )
    assert match, external_id
    return match.group(0)


def _counting(world) -> list[int]:
    """Replace the app's worker by one that counts assessments."""
    calls: list[int] = []

    def compute(record, assessment):
        calls.append(1)
        return flags_of(record, assessment)

    world.app.state.flags = FlagWorker(
        world.app.state.engine, compute, background=False, results=world.app.state.results
    )
    return calls


def test_the_background_worker_fills_the_markers_without_being_asked_twice(world):
    browser = world.signed_in("ann")
    browser.get("/patients")
    deadline = time.monotonic() + 60
    while "checking…" in browser.get("/patients", headers={"HX-Request": "true"}).text:
        assert time.monotonic() < deadline, "markers were not computed in the background"
        time.sleep(0.2)


def test_new_patient_with_name_identifier_and_hand_is_found_by_each_and_never_exported(world):
    browser = world.signed_in("ann")
    token = world.csrf(browser.get("/patients/new").text)
    made = browser.post(
        "/patients",
        data={
            "csrf_token": token,
            "person.id": "p-77",
            "person.sex": "female",
            "person.birth_date": "1960-05-01",
            "person.dominant_hand": "left",
            "details.name": "Zoë  Marchetti",
            "details.identifiers[0].system": "hospital number",
            "details.identifiers[0].value": "H-440019",
        },
    )
    assert made.status_code == 303, made.text
    for query in ("zoë march", "H-440019", "p-77"):
        found = browser.get("/patients", params={"q": query}, headers={"HX-Request": "true"})
        assert _ids_in_order(found.text) == ["p-77"], query
        assert "Zoë Marchetti" in found.text
    key = made.headers["location"].rsplit("/", 1)[1]
    exported = browser.get(f"/patients/{key}/export", params={"format": "json"}).text
    assert '"dominant_hand": "left"' in exported
    assert "Marchetti" not in exported and "440019" not in exported
    api = browser.get(f"/api/v1/patients/{key}/record", headers=world.api("ann")).text
    assert "Marchetti" not in api and "440019" not in api


def test_new_patient_form_shows_details_problems_beside_their_fields_with_the_record_ones(world):
    browser = world.signed_in("ann")
    token = world.csrf(browser.get("/patients/new").text)
    refused = browser.post(
        "/patients",
        data={
            "csrf_token": token,
            "person.id": "p-78",
            "person.height": "900 cm",
            "details.identifiers[0].system": "hospital number",
            "details.identifiers[0].value": "",
            "details.identifiers[1].system": "",
            "details.identifiers[1].value": "NHS 123",
        },
    )
    assert refused.status_code == 422
    assert "person.height:" in refused.text
    assert "details.identifiers[1].system: is required" in refused.text
    assert "hospital number" in refused.text  # what was typed is kept
    assert "p-78" not in browser.get("/patients").text.split("<table>")[1]


def test_columns_sort_and_pages(world):
    browser = world.signed_in("ann")
    page = browser.get("/patients").text
    for label in ("Patient id", "Name", "Age", "Last visit", "Red flags"):
        assert f">{label}" in page
    by_id = _ids_in_order(browser.get("/patients", params={"sort": "id", "order": "asc"}).text)
    assert by_id == sorted(by_id, key=str.casefold) and len(by_id) == 2
    assert _ids_in_order(browser.get("/patients", params={"sort": "id", "order": "desc"}).text) == by_id[::-1]
    ages = {}
    for external_id in by_id:
        cell = re.findall(r"<td>(.*?)</td>", _row(page, external_id), re.S)[2]
        ages[external_id] = int(re.match(r"\s*(\d+)", cell).group(1))
    youngest_first = _ids_in_order(browser.get("/patients", params={"sort": "age", "order": "asc"}).text)
    assert youngest_first == sorted(by_id, key=ages.get)
    assert browser.get("/patients", params={"sort": "nonsense"}).status_code == 422


def test_the_list_audits_exactly_the_ids_on_the_page(world):
    browser = world.signed_in("ann")
    browser.get("/patients", params={"q": "healthy"})
    world.app.state.audit.flush()
    engine = make_engine(world.url)
    with session_factory(engine)() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "list").order_by(AuditEntry.id.desc())
        ).first()
    engine.dispose()
    assert entry.detail.endswith(f"(1 patients: {world.patients['healthy-active']})")


def test_red_flags_are_computed_once_per_version_off_the_request_and_follow_a_new_visit(world):
    calls = _counting(world)
    browser = world.signed_in("ann")
    first = browser.get("/patients").text
    assert calls == [] and "checking…" in _row(first, "ex-als-pattern")
    assert 'hx-trigger="load delay:2s"' in first  # the list asks again while markers are pending
    world.app.state.flags.drain()
    assert len(calls) == 2
    shown = browser.get("/patients").text
    assert re.search(r"⚑ \d+ red flag", _row(shown, "ex-als-pattern"))
    assert "none" in _row(shown, "ex-healthy")
    assert 'hx-trigger="load delay:2s"' not in shown
    for _ in range(3):
        browser.get("/patients", params={"sort": "flags"})
    world.app.state.flags.drain()
    assert len(calls) == 2  # nothing recomputed while the records are unchanged

    by_flags = _ids_in_order(browser.get("/patients", params={"sort": "flags", "order": "desc"}).text)
    assert by_flags == ["ex-als-pattern", "ex-healthy"]

    healthy = world.patients["healthy-active"]
    token = world.csrf(browser.get(f"/patients/{healthy}/visits/new").text)
    saved = browser.post(
        f"/patients/{healthy}/visits",
        data={
            "csrf_token": token,
            "date": "2026-11-23",
            "instruments[0].name": "sarc-f",
            "action": "save",
            **{f"instruments[0].answers.{k}": "2" for k in ("strength", "assistance", "rise", "climb", "falls")},
        },
    )
    assert saved.status_code == 303, saved.text
    after = browser.get("/patients").text
    assert "checking…" in _row(after, "ex-healthy")  # never the marker of the earlier version
    assert "checking…" not in _row(after, "ex-als-pattern")
    world.app.state.flags.drain()
    assert len(calls) == 3
    assert "2026-11-23" in _row(browser.get("/patients").text, "ex-healthy")


def test_import_errors_are_shown_inside_the_import_card_before_the_list_ends(world):
    browser = world.signed_in("ann")
    token = world.csrf(browser.get("/patients").text)
    bad = browser.post(
        "/patients/import",
        data={"csrf_token": token},
        files={"file": ("bad.yaml", "person: {id: x, height: 12 kg}\n", "application/yaml")},
    )
    assert bad.status_code == 422
    card = bad.text[bad.text.index('id="import"') :]
    card = card[: card.index("</div>\n</aside>")]
    assert "The file was not imported" in card and "person.height" in card
    assert "ex-healthy" in bad.text  # the list is still there


def test_person_details_are_shown_on_the_patient_page_and_changed_on_their_own(world):
    browser = world.signed_in("ann")
    key = world.patients["healthy-active"]
    page = browser.get(f"/patients/{key}").text
    assert "no name recorded" in page and "dominant hand not recorded" in page
    form = browser.get(f"/patients/{key}/details").text
    saved = browser.post(
        f"/patients/{key}/details",
        data={
            "csrf_token": world.csrf(form),
            "details.name": "<b>Ivo</b> Andrić",
            "details.identifiers[0].system": "hospital number",
            "details.identifiers[0].value": "H-9",
        },
    )
    assert saved.status_code == 303
    page = browser.get(f"/patients/{key}").text
    assert "&lt;b&gt;Ivo&lt;/b&gt; Andrić" in page and "hospital number H-9" in page
    refused = browser.post(
        f"/patients/{key}/details",
        data={
            "csrf_token": world.csrf(form),
            "details.identifiers[0].system": "",
            "details.identifiers[0].value": "H-9",
        },
    )
    assert refused.status_code == 422 and "details.identifiers[0].system: is required" in refused.text
    cleared = browser.post(
        f"/patients/{key}/details",
        data={"csrf_token": world.csrf(form), "details.name": "", "details.identifiers[0].system": ""},
    )
    assert cleared.status_code == 303
    assert "H-9" not in browser.get(f"/patients/{key}").text
    assert world.signed_in("bo").get(f"/patients/{key}/details").status_code == 404
