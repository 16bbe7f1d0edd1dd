"""A visit form never drops what was typed: every row, the whole note, every activity field and every
nutrient row are saved, or the form comes back naming what it refuses; odd values get a message, never a 500."""

from __future__ import annotations

import html
import re


def _errors(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'<p class="field-error[^"]*" role="alert"[^>]*>([^<]+)</p>', page)]


def _post(world, extra: dict[str, str], who: str = "ann"):
    key = world.patients["healthy-active"]
    browser = world.signed_in(who)
    token = world.csrf(browser.get(f"/patients/{key}/visits/new").text)
    data = {"csrf_token": token, "date": "2026-11-23", "action": "save", **extra}
    return browser, key, browser.post(f"/patients/{key}/visits", data=data)


def _export(browser, key):
    return browser.get(f"/patients/{key}/export", params={"format": "json"}).json()


def test_a_row_beyond_the_forty_a_visit_holds_is_refused_not_dropped(world):
    rows = {f"measurements[{i}].kind": "body_weight" for i in range(41)}
    rows |= {f"measurements[{i}].value": f"{60 + i / 10:.1f} kg" for i in range(41)}
    browser, key, response = _post(world, rows)
    assert response.status_code == 422
    assert any("measurements[40]" in e or "row" in e for e in _errors(response.text)), _errors(response.text)
    assert not [m for m in _export(browser, key)["measurements"] if m.get("date") == "2026-11-23"], "nothing saved"


def test_a_note_longer_than_the_limit_is_refused_not_cut(world):
    browser, key, response = _post(world, {"note": "x" * 2500 + "END"})
    assert response.status_code == 422
    assert any("2503 characters" in e and "at most 2000" in e for e in _errors(response.text)), _errors(response.text)


def test_activity_fields_are_kept_when_the_entry_type_is_left_blank(world):
    browser, key, response = _post(world, {"activity[0].steps": "8000"})
    assert response.status_code == 303, _errors(response.text)
    steps = [a for a in _export(browser, key)["activity"] if a.get("steps") == 8000]
    assert steps and steps[0]["date"] == "2026-11-23"


def test_a_field_of_another_entry_type_is_refused_by_name(world):
    extra = {"activity[0].type": "week", "activity[0].week_of": "2026-11-16", "activity[0].moderate_minutes": "150"}
    _, _, response = _post(world, {**extra, "activity[0].steps": "8000"})
    assert response.status_code == 422
    assert any("steps" in e.lower() for e in _errors(response.text)), _errors(response.text)


def test_the_same_nutrient_in_two_rows_is_refused_not_overwritten(world):
    extra = {
        "diet_days[0].energy": "2000 kcal",
        "diet_days[0].nutrient[0].name": "vitamin_d",
        "diet_days[0].nutrient[0].amount": "10 ug",
        "diet_days[0].nutrient[1].name": "vitamin_d",
        "diet_days[0].nutrient[1].amount": "25 ug",
    }
    _, _, response = _post(world, extra)
    assert response.status_code == 422
    assert any("names a nutrient already given on this day" in e for e in _errors(response.text)), _errors(
        response.text
    )


def test_odd_answers_and_exam_fields_get_a_message_not_a_server_error(world):
    for extra in (
        {"instruments[0].name": "sarc-f", "instruments[0].answers.strength": "[" * 50000 + "]" * 50000},
        {"instruments[0].name": "sarc-f", "instruments[0].answers.strength": "[" + "9" * 5000 + "]"},
        {"spinal_exams[0].exam.right": "x", "spinal_exams[0].exam.right.motor.C5": "5"},
    ):
        _, _, response = _post(world, extra)
        assert response.status_code == 422, (list(extra), response.status_code)


def test_an_over_large_account_or_token_id_is_refused_not_a_server_error(world):
    browser = world.signed_in("root")
    token = world.csrf(browser.get("/admin/accounts").text)
    for path in ("/admin/accounts/99999999999999999999/role", "/admin/tokens/99999999999999999999/revoke"):
        response = browser.post(path, data={"csrf_token": token, "role": "clinician"})
        assert response.status_code in (404, 422), (path, response.status_code)


def test_a_form_filled_to_its_row_limits_is_read_not_refused_with_a_bare_400(world):
    """40 diet days with nutrient rows and 40 activity rows: over 1,000 fields, refused as 'Too many fields'
    before, with nothing kept of what was typed."""
    rows = {}
    for d in range(40):
        rows[f"diet_days[{d}].date"] = f"2026-10-{1 + d % 28:02d}" if d < 28 else f"2026-11-{d - 27:02d}"
        for n in range(10):
            rows[f"diet_days[{d}].nutrient[{n}].name"] = ""
            rows[f"diet_days[{d}].nutrient[{n}].amount"] = ""
        rows[f"diet_days[{d}].nutrient[0].name"] = "energy"
        rows[f"diet_days[{d}].nutrient[0].amount"] = "1800 kcal"
    fields = ("kind", "week_of", "moderate_minutes", "steps", "vigorous_minutes")
    rows |= {f"activity[{i}].{f}": "" for i in range(40) for f in fields}
    assert len(rows) > 1000
    browser, key, response = _post(world, rows)
    assert response.status_code in (303, 422), response.text[:300]
    assert "Too many fields" not in response.text
