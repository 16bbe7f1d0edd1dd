"""The correction pages: edit with a reason, stale forms refused with the entry shown as it is now, withdraw,
history with who, when, why and the values then; user text escaped."""

from __future__ import annotations

import re
from html import unescape as html_unescape

import pytest


def _left_girth_url(browser, key) -> str:
    page = browser.get(f"/patients/{key}/entries").text
    row = re.search(r'<tr data-entry="measurements-(\d+)"[^>]*>\s*<td>forearm circumference \(left\)', page)
    return f"/patients/{key}/entries/measurements/{row.group(1)}"


def test_edit_then_withdraw_with_reasons_and_the_history_shows_every_version(world):
    key = world.patients["bo-own"]
    browser = world.signed_in("bo")
    url = _left_girth_url(browser, key)
    page = browser.get(url)
    assert page.status_code == 200 and 'value="22.1 cm"' in page.text
    token = world.csrf(page.text)
    no_reason = browser.post(url, data={"csrf_token": token, "version": "1", "field.value": "24.2 cm", "reason": " "})
    assert no_reason.status_code == 422 and "reason: is required" in no_reason.text
    assert 'value="24.2 cm"' in no_reason.text  # what was typed is shown again
    wrong_unit = browser.post(url, data={"csrf_token": token, "version": "1", "field.value": "24 kg", "reason": "x"})
    assert wrong_unit.status_code == 422 and re.search(
        r'class="field-error" role="alert"[^>]*>value: ', wrong_unit.text
    )
    saved = browser.post(
        url,
        data={"csrf_token": token, "version": "1", "field.value": "24.2 cm", "reason": "<script>wrong arm</script>"},
    )
    assert saved.status_code == 303
    history = browser.get(url).text
    assert "Version 2" in history and "Version 1" in history and "by bo" in history and "by import" in history
    assert "&lt;script&gt;wrong arm&lt;/script&gt;" in history and "<script>wrong arm" not in history
    assert "22.1 cm" in history and "24.2 cm" in history
    withdrawn = browser.post(f"{url}/withdraw", data={"csrf_token": token, "version": "2", "reason": "wrong patient"})
    assert withdrawn.status_code == 303
    after = browser.get(url).text
    assert "This entry is withdrawn" in after and "Version 3" in after and 'id="edit-form"' not in after
    record = browser.get(f"/api/v1/patients/{key}/record", headers=world.api("bo")).json()
    assert all(m.get("side") != "left" or m["kind"] != "forearm_circumference" for m in record["measurements"])


def test_a_stale_form_is_refused_and_shows_the_current_value(world):
    key = world.patients["bo-own"]
    browser = world.signed_in("bo")
    url = _left_girth_url(browser, key)
    token = world.csrf(browser.get(url).text)
    first = browser.post(url, data={"csrf_token": token, "version": "1", "field.value": "22.6 cm", "reason": "re-read"})
    assert first.status_code == 303
    stale = browser.post(url, data={"csrf_token": token, "version": "1", "field.value": "21 cm", "reason": "mine"})
    assert stale.status_code == 409 and "someone else" in stale.text
    assert re.search(r'id="field.value" name="field.value" type="text" value="22.6 cm"', stale.text)
    assert 'name="version" value="2"' in stale.text


def test_the_person_details_can_be_corrected_with_units_as_text(world):
    key = world.patients["bo-own"]
    browser = world.signed_in("bo")
    url = f"/patients/{key}/entries/person/{key}"
    page = browser.get(url)
    assert 'value="164 cm"' in page.text and 'id="withdraw-form"' not in page.text
    saved = browser.post(
        url,
        data={"csrf_token": world.csrf(page.text), "version": "1", "field.height": "1.66 m", "reason": "re-measured"},
    )
    assert saved.status_code == 303
    assert "166 cm" in browser.get(f"/patients/{key}").text


def test_the_patient_page_links_to_the_corrections(world):
    key = world.patients["bo-own"]
    browser = world.signed_in("bo")
    assert f'href="/patients/{key}/entries"' in browser.get(f"/patients/{key}").text
    listing = browser.get(f"/patients/{key}/entries").text
    assert listing.count(">withdraw</button>") >= 5 and "Person&#39;s details" in listing


def test_a_measurement_is_corrected_with_the_visit_form_widgets_and_problems_in_words(world):
    key = world.patients["bo-own"]
    browser = world.signed_in("bo")
    url = _left_girth_url(browser, key)
    page = browser.get(url).text
    kind = re.search(r'<select id="field.kind" name="field.kind"[^>]*>(.*?)</select>', page, re.S)
    assert kind, "the kind is picked from a list"
    assert re.search(r'<option value="forearm_circumference" selected>forearm circumference</option>', kind.group(1))
    assert ">forearm_circumference<" not in kind.group(1)
    side = re.search(r'<select id="field.side" name="field.side"[^>]*>(.*?)</select>', page, re.S)
    assert side and '<option value="left" selected>left</option>' in side.group(1)
    assert re.search(r'id="field.date" name="field.date" type="date" value="\d{4}-\d\d-\d\d"', page)
    assert "with its unit, e.g. 72 kg" in page
    token = world.csrf(page)
    form = {"csrf_token": token, "version": "1", "field.kind": "forearm_circumference", "field.side": "right"}
    bad = browser.post(url, data={**form, "field.value": "twenty", "reason": "re-read"})
    assert bad.status_code == 422
    assert re.search(r'class="field-error" role="alert"[^>]*>value: ', bad.text)
    assert "field.value" not in re.findall(r'role="alert"[^>]*>([^<]*)', bad.text)[0]
    unknown = browser.post(url, data={**form, "field.kind": "elbow_girth", "field.value": "22 cm", "reason": "x"})
    assert unknown.status_code == 422 and re.search(r'role="alert"[^>]*>measurement: ', unknown.text)
    saved = browser.post(url, data={**form, "field.value": "22.4 cm", "reason": "other arm"})
    assert saved.status_code == 303
    after = browser.get(url).text
    assert "Version 2" in after and '<option value="right" selected>right</option>' in after
    record = browser.get(f"/api/v1/patients/{key}/record", headers=world.api("bo")).json()
    girths = [m for m in record["measurements"] if m["kind"] == "forearm_circumference" and m.get("side") == "right"]
    assert any(abs(m["value"] - 22.4) < 1e-9 for m in girths)
    history = re.search(r'<section id="history">(.*)</section>', after, re.S).group(1)
    assert "<dt>Measurement</dt>" in history and "forearm circumference" in history
    assert "forearm_circumference" not in history


def _shown_form(html: str) -> dict[str, str]:
    """What a browser would send back for the edit form as shown (text, selected option, checked radio)."""
    form = re.search(r'<form[^>]*id="edit-form">(.*?)</form>', html, re.S).group(1)
    sent = {
        m.group(1): m.group(2)
        for m in re.finditer(r'<input id="[^"]*" name="([^"]+)" type="[^"]*" value="([^"]*)"', form)
    }
    for select in re.finditer(r'<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', select.group(2))
        sent[select.group(1)] = chosen.group(1) if chosen else ""
    for radio in re.finditer(r'<input type="radio" name="([^"]+)" value="([^"]*)" checked>', form):
        sent[radio.group(1)] = radio.group(2)
    return {k: html_unescape(v) for k, v in sent.items()}


@pytest.mark.parametrize(
    ("stem", "user"), [("als-pattern-brother", "ann"), ("healthy-active", "ann"), ("bo-own", "bo")]
)
def test_every_entry_sent_back_as_shown_saves_the_same_values(world, stem, user):
    key = world.patients[stem]
    browser = world.signed_in(user)
    before = browser.get(f"/api/v1/patients/{key}/record", headers=world.api(user)).json()
    listing = browser.get(f"/patients/{key}/entries").text
    links = sorted(set(re.findall(rf'href="(/patients/{key}/entries/(?!person|asked_none)\w+/\d+)"', listing)))
    assert "measurements" in {link.split("/")[-2] for link in links}
    for link in links:
        page = browser.get(link)
        assert page.status_code == 200, link
        sent = {**_shown_form(page.text), "csrf_token": world.csrf(page.text), "reason": "checked"}
        sent["version"] = re.search(r'name="version" value="(\d+)"', page.text).group(1)
        saved = browser.post(link, data=sent)
        assert saved.status_code == 303, (link, re.findall(r"field-error[^>]*>([^<]*)", saved.text))
    after = browser.get(f"/api/v1/patients/{key}/record", headers=world.api(user)).json()
    assert after == before
