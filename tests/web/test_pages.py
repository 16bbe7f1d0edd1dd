"""The clinician's pages: list and search, patient page, visit form errors, import, export, report, PDF."""

from __future__ import annotations

import re

from myoscope.record import parse_record, parse_text


def _errors(html: str) -> list[str]:
    return re.findall(r'<p class="field-error" role="alert"[^>]*>([^<]+)</p>', html)


def test_list_search_and_the_htmx_partial(world):
    browser = world.signed_in("ann")
    page = browser.get("/patients")
    assert "ex-healthy" in page.text and "ex-als-pattern" in page.text and "<html" in page.text
    found = browser.get("/patients", params={"q": "als"}, headers={"HX-Request": "true"})
    assert "ex-als-pattern" in found.text and "ex-healthy" not in found.text and "<html" not in found.text


def test_patient_page_shows_red_flags_first_then_causes_trends_and_visits(world):
    browser = world.signed_in("ann")
    html = browser.get(f"/patients/{world.patients['als-pattern-brother']}").text
    flag, finding, causes = html.index('class="flag"'), html.index('id="finding"'), html.index('id="causes"')
    assert flag < finding < causes
    assert "Red flag:" in html and "/chart.png?n=0&amp;v=" in html and 'id="visits"' in html
    assert html.count("2026-11-10") >= 1  # the visit of the last measurements


def test_visit_with_a_wrong_unit_shows_the_cli_message_beside_the_field_and_keeps_the_input(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    form = browser.get(f"/patients/{key}/visits/new").text
    before = browser.get(f"/patients/{key}").text
    assert 'data-cause="atrophy"' in before and "not supported" in before.split('id="finding"')[1][:600]
    data = {
        "csrf_token": world.csrf(form),
        "date": "2026-11-23",
        "note": "calf check",
        "measurements[2].kind": "calf_circumference",
        "measurements[2].side": "left",
        "measurements[2].value": "33 kg",
        "instruments[0].name": "sarc-f",
        "instruments[0].answers.strength": "9",
        "action": "save",
    }
    refused = browser.post(f"/patients/{key}/visits", data=data)
    assert refused.status_code == 422
    errors = _errors(refused.text)
    assert any(e.startswith("measurement 3, value: &#39;kg&#39; is not a unit") for e in errors), errors
    assert any("questionnaire 1, answer strength: is out of range" in e for e in errors), errors
    assert not any("[" in e for e in errors), errors  # fields in words, never record paths
    value_box = refused.text.split('id="measurements-2"')[1].split('id="measurements-3"')[0]
    assert 'value="33 kg"' in value_box and "field-error" in value_box
    assert 'value="calf check"' in refused.text
    saved = browser.post(
        f"/patients/{key}/visits",
        data={**data, "measurements[2].value": "33 cm", "instruments[0].answers.strength": "1"},
    )
    assert saved.status_code == 303 and saved.headers["location"] == f"/patients/{key}#assessment"
    after = browser.get(f"/patients/{key}").text
    assert "likely" in after.split('id="finding"')[1][:600]
    assert "calf circumference (left): 33 cm" in after and "SARC-F sarcopenia screening questionnaire" in after


def test_extra_rows_and_instrument_fields_without_javascript(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    token = world.csrf(browser.get(f"/patients/{key}/visits/new").text)
    more = browser.post(
        f"/patients/{key}/visits",
        data={"csrf_token": token, "date": "2026-11-23", "instruments[0].name": "sarc-f", "action": "add_measurements"},
    )
    assert 'id="measurements-4"' in more.text and 'name="instruments[0].answers.falls"' in more.text
    partial = browser.get("/forms/instrument-fields", params={"index": 1, "instruments[1].name": "tug"})
    assert 'name="instruments[1].answers.time"' in partial.text and "<html" not in partial.text


def test_bad_visit_date_is_shown_at_the_date(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    token = world.csrf(browser.get(f"/patients/{key}/visits/new").text)
    refused = browser.post(
        f"/patients/{key}/visits",
        data={
            "csrf_token": token,
            "date": "2999-01-01",
            "measurements[0].kind": "body_weight",
            "measurements[0].value": "60 kg",
        },
    )
    date_box = refused.text.split('id="date"')[1][:400]
    assert refused.status_code == 422 and "in the future" in date_box


def test_new_patient_form_validates_with_the_record_rules(world):
    browser = world.signed_in("ann")
    token = world.csrf(browser.get("/patients/new").text)
    refused = browser.post("/patients", data={"csrf_token": token, "person.id": "new-1", "person.height": "900 cm"})
    assert refused.status_code == 422 and any(e.startswith("person.height:") for e in _errors(refused.text))
    made = browser.post("/patients", data={"csrf_token": token, "person.id": "new-1", "person.height": "5 ft 9 in"})
    assert made.status_code == 303
    assert "175 cm" in browser.get(made.headers["location"]).text


def test_import_and_export_round_trip(world, examples_dir):
    browser = world.signed_in("ann")
    token = world.csrf(browser.get("/patients").text)
    text = (examples_dir / "sci-t6.yaml").read_text()
    made = browser.post(
        "/patients/import", data={"csrf_token": token}, files={"file": ("sci-t6.yaml", text, "application/yaml")}
    )
    assert made.status_code == 303
    key = made.headers["location"].rsplit("/", 1)[1]
    exported = browser.get(f"/patients/{key}/export", params={"format": "json"})
    assert exported.headers["content-disposition"].endswith('.json"')
    assert parse_record(parse_text(exported.text, ".json")) == parse_record(parse_text(text, ".yaml"))
    bad = browser.post(
        "/patients/import",
        data={"csrf_token": token},
        files={"file": ("bad.yaml", "person: {id: x, height: 12 kg}\n", "application/yaml")},
    )
    assert bad.status_code == 422 and "person.height" in bad.text


def test_report_html_and_pdf(world):
    key = world.patients["als-pattern-brother"]
    browser = world.signed_in("ann")
    report = browser.get(f"/patients/{key}/report")
    assert report.status_code == 200 and "<svg" in report.text and "ex-als-pattern" in report.text
    pdf = browser.get(f"/patients/{key}/report.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert 'filename="myoscope-ex-als-pattern.pdf"' in pdf.headers["content-disposition"]


def test_the_app_serves_its_own_svg_favicon_and_every_page_links_it(world):
    from myoscope.report.html import FAVICON_SVG

    client = world.client()
    for path in ("/favicon.svg", "/favicon.ico"):
        icon = client.get(path)
        assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
        assert (
            icon.text == FAVICON_SVG
            and "<svg" in icon.text
            and "http://" not in icon.text.replace('xmlns="http://www.w3.org/2000/svg"', "")
        )
    assert '<link rel="icon" type="image/svg+xml" href="/favicon.svg">' in client.get("/login").text
    browser = world.signed_in("ann")
    assert '<link rel="icon" type="image/svg+xml" href="/favicon.svg">' in browser.get("/patients").text


def test_the_visit_list_names_instruments_as_clinicians_know_them_and_rounds_values():
    from types import SimpleNamespace

    from myoscope.web._templating import _entered

    row = SimpleNamespace(kind="body_weight", side=None, value=61.23456)
    view = SimpleNamespace(measurements=[row], instruments=["alsfrs-r", "no-such-scale"], other={}, asked_none=[])
    parts = _entered(view)  # type: ignore[arg-type]
    assert parts[0].endswith(": 61.2 kg")
    assert parts[1] == "Revised ALS Functional Rating Scale (ALSFRS-R)" and parts[2] == "no-such-scale"
