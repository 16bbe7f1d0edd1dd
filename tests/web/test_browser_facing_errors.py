"""What a clinician's browser is shown when something is refused: pages in words, fields tied to their messages.

A page address with a value out of range (``?page=-1``, ``/patients/abc``) is an HTML page naming the
field, the value and what is accepted, not the API's JSON; a refused form field is marked invalid
and described by its message (``aria-invalid``, ``aria-describedby``), so a screen reader reads
the message with the field; converted values in the list of entries are rounded with their unit.
"""

from __future__ import annotations

import re

from myoscope.web._entry_fields import summary

HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_a_refused_page_address_in_a_browser_is_a_page_naming_the_field_value_and_range(world):
    browser = world.signed_in("ann")
    page = browser.get("/patients", params={"page": "-1"}, headers=HTML)
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Unprocessable" in page.text and "page: input should be greater than or equal to 1" in page.text
    assert "(got -1)" in page.text or "(got &#39;-1&#39;)" in page.text
    wrong_id = browser.get("/patients/abc", headers=HTML)
    assert wrong_id.status_code == 422 and "patient id:" in wrong_id.text and "abc" in wrong_id.text
    assert '"type"' not in wrong_id.text and "urn:myoscope" not in wrong_id.text


def test_the_api_and_scripts_still_get_problem_details_for_the_same_refusal(world):
    browser = world.signed_in("ann")
    plain = browser.get("/patients", params={"page": "-1"})
    assert plain.status_code == 422 and plain.headers["content-type"] == "application/problem+json"
    api = world.client().get("/api/v1/patients/abc", headers={**HTML, **world.api("ann")})
    assert api.status_code == 422 and api.headers["content-type"] == "application/problem+json"


def test_a_refused_visit_field_is_marked_invalid_and_described_by_its_message(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    form = browser.get(f"/patients/{key}/visits/new").text
    assert "aria-invalid" not in form
    data = {
        "csrf_token": world.csrf(form),
        "date": "2026-11-23",
        "measurements[0].kind": "body_weight",
        "measurements[0].value": "1e309 kg",
        "action": "save",
    }
    refused = browser.post(f"/patients/{key}/visits", data=data)
    assert refused.status_code == 422
    box = re.search(r'<input id="measurements\[0\]\.value"[^>]*>', refused.text).group(0)
    assert 'aria-invalid="true"' in box and 'value="1e309 kg"' in box
    described = re.search(r'aria-describedby="([^"]+)"', box).group(1)
    message = re.search(rf'<p class="field-error" role="alert" id="{re.escape(described)}">([^<]+)</p>', refused.text)
    assert message is not None and "must be a finite number" in message.group(1)


def test_an_entry_in_pounds_is_listed_rounded_in_kilograms():
    line = summary("measurements", {"kind": "body_weight", "value": 71.6676, "date": "2026-11-20"})
    assert line == "body weight, 2026-11-20: 71.67 kg"
    person = summary("person", {"id": "p-1", "sex": "female", "height": 175.26})
    assert "height 175.3 cm" in person and "175.26" not in person


def test_an_evidence_line_ending_in_a_full_stop_reads_finding_colon_value(world):
    html = world.signed_in("ann").get(f"/patients/{world.patients['als-pattern-brother']}").text
    evidence = html.split('id="finding"')[1]
    assert "without delay.: " not in evidence and ".: <strong>" not in evidence
    assert "without delay: <strong>" in evidence
