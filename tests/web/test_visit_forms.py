"""The visit screen without script: every section saved through the form, problems in words, rows added,
instrument totals and the exam's classification shown after a form post."""

from __future__ import annotations

import html
import re

import pytest

from myoscope.instruments._alsfrs import ITEMS
from myoscope.web._instrument_widgets import anchors, instrument_fields


def _errors(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'<p class="field-error[^"]*" role="alert"[^>]*>([^<]+)</p>', page)]


def _form(world, browser, key):
    return world.csrf(browser.get(f"/patients/{key}/visits/new").text)


def test_every_section_of_a_visit_is_saved_through_the_form(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    data = {
        "csrf_token": _form(world, browser, key),
        "date": "2026-11-23",
        "conditions[0].snomed": "84114007",
        "conditions[0].onset": "2025-01-10",
        "symptoms[0].kind": "cramps",
        "symptoms[0].progressive": "false",
        "family_history[0].condition": "muscular_dystrophy",
        "family_history[0].relation": "uncle",
        "episodes[0].kind": "immobilisation",
        "episodes[0].device": "sling",
        "episodes[0].limb": "whole_arm",
        "episodes[0].side": "right",
        "episodes[0].start": "2026-10-01",
        "episodes[0].end": "2026-10-20",
        "diet_days[0].energy": "1.9 Mcal",
        "diet_days[0].protein": "70 g",
        "diet_days[0].nutrient[0].name": "vitamin_c",
        "diet_days[0].nutrient[0].amount": "90 mg",
        "activity[0].type": "session",
        "activity[0].minutes": "45 min",
        "activity[0].intensity": "moderate",
        "measurements[0].kind": "grip_strength",
        "measurements[0].side": "left",
        "measurements[0].trials": "30 kg, 31.5 kg",
        "action": "save",
    }
    saved = browser.post(f"/patients/{key}/visits", data=data)
    assert saved.status_code == 303, _errors(saved.text)
    export = browser.get(f"/patients/{key}/export", params={"format": "json"}).json()
    condition = {k: v for k, v in export["conditions"][-1].items() if v != []}
    assert condition == {"kind": "other", "onset": "2025-01-10", "name": "heart failure", "snomed": "84114007"}
    assert export["symptoms"][-1] == {"kind": "cramps", "progressive": False}
    assert export["family_history"][-1] == {"condition": "muscular_dystrophy", "relation": "uncle"}
    assert export["episodes"][-1]["device"] == "sling" and export["episodes"][-1]["end"] == "2026-10-20"
    day = [d for d in export["diet_days"] if d["date"] == "2026-11-23"]
    assert day == [{"date": "2026-11-23", "energy": 1900.0, "protein": 70.0, "vitamin_c": 90.0}]
    assert {"date": "2026-11-23", "minutes": 45.0, "intensity": "moderate", "kind": "aerobic"} in export["activity"]
    grip = [m for m in export["measurements"] if m["date"] == "2026-11-23"]
    assert grip == [{"kind": "grip_strength", "date": "2026-11-23", "side": "left", "trials": [30.0, 31.5]}]


def test_problems_name_the_fields_in_words_and_stay_beside_them(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    data = {
        "csrf_token": _form(world, browser, key),
        "date": "2026-11-23",
        "episodes[1].kind": "immobilisation",
        "episodes[1].start": "2026-10-01",
        "diet_days[0].energy": "1900 g",
        "conditions[0].kind": "other",
        "measurements[0].kind": "body_weight",
        "measurements[0].side": "left",
        "measurements[0].value": "60 kg",
        "action": "save",
    }
    refused = browser.post(f"/patients/{key}/visits", data=data)
    assert refused.status_code == 422
    errors = _errors(refused.text)
    assert "episode 2: an immobilisation needs the limb and the side" in errors, errors
    assert "condition 1: a condition of kind 'other' needs a name" in errors, errors
    assert any(e.startswith("diet day 1, energy: 'g' is not a unit") for e in errors), errors
    assert "measurement 1: a body weight has no side: leave the side out" in errors, errors
    assert not any("[" in e for e in errors), errors
    row = refused.text.split('id="episodes-1"')[1].split("</fieldset>")[0]
    assert "needs the limb and the side" in row and 'value="2026-10-01"' in row


def test_rows_are_added_without_script_and_keep_what_was_typed(world):
    key = world.patients["healthy-active"]
    browser = world.signed_in("ann")
    token = _form(world, browser, key)
    for section, row in (("diet_days", 1), ("activity", 1), ("conditions", 1), ("episodes", 1), ("symptoms", 1)):
        more = browser.post(
            f"/patients/{key}/visits",
            data={"csrf_token": token, "date": "2026-11-23", "symptoms[0].site": "calf", "action": f"add_{section}"},
        )
        assert more.status_code == 200 and f'id="{section}-{row}"' in more.text, section
        assert 'value="calf"' in more.text


def test_instrument_answers_are_radio_buttons_with_whole_texts_and_a_total(world):
    key = world.patients["als-pattern-brother"]
    browser = world.signed_in("ann")
    token = _form(world, browser, key)
    answers = {f"instruments[0].answers.{item.field}": "3" for item in ITEMS}
    answers["instruments[0].answers.gastrostomy"] = "false"
    shown = browser.post(
        f"/patients/{key}/visits",
        data={"csrf_token": token, "date": "2026-11-23", "instruments[0].name": "alsfrs-r", "action": "show_fields"}
        | answers,
    )
    page = html.unescape(shown.text)
    for item in ITEMS:
        for anchor in item.anchors:
            assert f"{anchor}</label>" in page, anchor  # every answer text shown whole
    assert 'type="radio" name="instruments[0].answers.speech" value="3" checked' in shown.text
    assert "Score: 36" in page  # twelve items answered 3


def test_live_total_and_exam_classification_fragments(world):
    key = world.patients["als-pattern-brother"]
    browser = world.signed_in("ann")
    token = _form(world, browser, key)
    sarc_f = {f"instruments[2].answers.{k}": "2" for k in ("strength", "assistance", "rise", "climb", "falls")}
    score = browser.post(
        f"/patients/{key}/visits/score",
        params={"index": 2},
        data={"csrf_token": token, "instruments[2].name": "sarc-f"} | sarc_f,
    )
    assert score.status_code == 200 and "<html" not in score.text and "Score: 10" in score.text
    cells = {"spinal_exams[0].exam.vac": "No", "spinal_exams[0].exam.dap": "No"}
    exam = browser.post("/forms/isncsci", data={"csrf_token": token} | cells)
    assert exam.status_code == 200 and "ASIA Impairment Scale" in exam.text and "empty cells count" in exam.text
    redraw = browser.post(
        f"/patients/{key}/visits", data={"csrf_token": token, "date": "2026-11-23", "action": "classify"} | cells
    )
    assert "Classification of the cells filled so far (2)" in redraw.text and 'id="isncsci-result"' in redraw.text


def test_answer_texts_are_read_whole_from_the_descriptions():
    question, texts = anchors("difficulty walking across a room: 0 none, 1 some, 2 a lot, uses aids, or unable", 0, 2)
    assert question == "difficulty walking across a room"
    assert texts == {0: "none", 1: "some", 2: "a lot, uses aids, or unable"}
    _, falling = anchors("item 1, speech: 4 = normal; 3 = noticeable change; 2 = slow; 1 = aids; 0 = none", 0, 4)
    assert list(falling) == [4, 3, 2, 1, 0] and falling[1] == "aids"
    assert anchors("MRC grade 0-5 (4-/4+ count as 4), left elbow flexion", 0, 5)[1] == {}
    weight = anchors("B: 0 loss > 3 kg, 1 does not know, 2 loss 1-3 kg, 3 no loss (3 months).", 0, 3)[1]
    assert weight == {0: "loss > 3 kg", 1: "does not know", 2: "loss 1-3 kg", 3: "no loss (3 months)"}
    msws = instrument_fields("msws-12")[0]
    assert [text for _, text in msws.options] == ["not at all", "a little", "moderately", "quite a bit", "extremely"]


@pytest.mark.parametrize("index", [-1, 40, 10**6])
def test_a_live_total_for_a_row_no_form_has_is_refused(world, index):
    """index=-1 answered 200 with an empty fragment; an index beyond the visit's rows is a 422 naming it."""
    key = world.patients["als-pattern-brother"]
    browser = world.signed_in("ann")
    token = _form(world, browser, key)
    score = browser.post(f"/patients/{key}/visits/score", params={"index": index}, data={"csrf_token": token})
    assert score.status_code == 422
