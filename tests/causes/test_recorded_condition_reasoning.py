"""A recorded condition explains only what the record holds: named for NICE NG42, which asks for
symptoms before it reads them as a motor neurone pattern."""

from __future__ import annotations

from myoscope.causes import Status, assess
from myoscope.causes._types import Urgency
from myoscope.record import parse_record

STROKE = {"kind": "other", "name": "ischaemic stroke, left middle cerebral artery", "onset": "2026-09-10"}
GIRTHS = [
    {"kind": "calf_circumference", "side": "left", "value": "33 cm", "date": "2026-11-01"},
    {"kind": "calf_circumference", "side": "right", "value": "30.5 cm", "date": "2026-11-01"},
]


def _pattern(**sections):
    data = {"person": {"id": "s", "sex": "female", "birth_date": "1950-05-05", "height": "162 cm"}, **sections}
    a = assess(parse_record(data))
    return next(c for c in a.causes if c.cause == "als")


def _values(cause):
    return [e.value for e in cause.evidence]


def test_stroke_without_symptoms_is_cannot_tell_nice_ng42():
    """Nobody asked about speech or swallowing: the stroke cannot be said to explain them."""
    als = _pattern(conditions=[STROKE], measurements=GIRTHS)
    assert als.status is Status.cannot_tell
    assert not any("speech change" in v or "swallowing" in v for v in _values(als))
    assert als.missing  # says what to ask


def test_stroke_explains_the_recorded_weakness_nice_ng42():
    als = _pattern(
        conditions=[STROKE],
        measurements=GIRTHS,
        symptoms=[{"kind": "weakness", "side": "right", "onset": "2026-09-10"}],
    )
    assert als.status is Status.not_supported
    values = _values(als)
    assert any(v.startswith("weakness: ") for v in values)
    assert not any("speech change" in v for v in values)
    assert "no muscle loss measured" not in values  # muscle loss was measured
    assert "none beyond what a recorded condition explains" in values


def test_wasting_on_the_stroke_side_is_no_motor_warning_sign_nice_ng42():
    """Wasting a stroke explains is not read as 'weakness with wasting' when no symptom was written down."""
    als = _pattern(conditions=[STROKE], measurements=GIRTHS, symptoms=[])
    assert als.status is Status.not_supported
    assert not als.red_flags


# A swollen leg reported (Wells et al. 1997: a swollen calf counts towards a clot in a vein) -------------


def _assessment(**sections):
    data = {"person": {"id": "w", "sex": "male", "birth_date": "1959-03-02", "height": "178 cm"}, **sections}
    return assess(parse_record(data))


CALVES = [
    {"kind": "calf_circumference", "side": "left", "value": "36 cm", "date": "2026-11-25"},
    {"kind": "calf_circumference", "side": "right", "value": "34 cm", "date": "2026-11-25"},
]


def test_reported_one_sided_calf_swelling_is_an_urgent_red_flag_wells1997():
    a = _assessment(symptoms=[{"kind": "swelling", "site": "calf", "side": "left", "onset": "2026-11-20"}])
    (flag,) = [f for f in a.red_flags if f.code == "calf-swelling"]
    assert flag.urgency is Urgency.urgent and "same day" in flag.advice
    assert "left calf since 2026-11-20" in flag.evidence[0]


def test_the_larger_calf_reported_swollen_is_not_read_as_loss_on_the_other_wells1997():
    """2 cm is below the girth rule's 3 cm, but the record says the larger calf is swollen."""
    swollen = _assessment(symptoms=[{"kind": "swelling", "side": "left"}], measurements=CALVES)
    plain = _assessment(symptoms=[], measurements=CALVES)
    assert plain.atrophy.status is Status.likely  # right calf thinner beyond tape error
    assert swollen.atrophy.status is Status.cannot_tell  # swelling hides loss in girths: not read either way
    assert [f.code for f in swollen.red_flags].count("calf-swelling") == 1


def test_swelling_of_both_legs_or_an_arm_is_no_clot_flag_wells1997():
    for symptom in ({"kind": "swelling", "side": "both", "site": "ankles"}, {"kind": "swelling", "site": "left hand"}):
        a = _assessment(symptoms=[symptom])
        assert not any(f.code == "calf-swelling" for f in a.red_flags), symptom


def test_a_definition_shows_the_criteria_it_found_not_a_stage_code_cruzjentoft2019():
    grip = {"kind": "grip_strength", "side": "right", "trials": ["24 kg"], "date": "2026-11-15"}
    a = _assessment(measurements=[grip])
    (row,) = [e for e in a.atrophy.evidence if e.finding.startswith("EWGSOP2 sarcopenia definition")]
    assert row.finding.endswith("probable sarcopenia")
    assert row.value == "EWGSOP2: low grip strength"
    assert ".;" not in row.rule
