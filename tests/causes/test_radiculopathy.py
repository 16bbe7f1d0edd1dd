"""A recorded nerve root compression (cervical radiculopathy C8) explains a thinner, weaker hand on its side
(Radhakrishnan et al. 1994), and a weakness pattern that fits no one nerve is not called a one-nerve pattern.
Before, the condition was 'on record, not weighed' and the card read 'The weakness fits one nerve's muscles'
above its own evidence 'not a single-nerve pattern'."""

from __future__ import annotations

from myoscope.causes import Status, assess
from myoscope.record import parse_record


def _record():
    grades = {
        "finger_abduction_left": 3,
        "thumb_abduction_left": 3,
        "thumb_ip_flexion_left": 3,
        "little_finger_dip_flexion_left": 3,
        "finger_extension_left": 4,
        "wrist_extension_left": 5,
        "elbow_flexion_left": 5,
        "finger_abduction_right": 5,
        "thumb_abduction_right": 5,
    }
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "c8", "sex": "male", "birth_date": "1971-02-27", "height": "180 cm"},
            "conditions": [{"kind": "other", "name": "cervical radiculopathy C8", "onset": "2026-07-01"}],
            "symptoms": [{"kind": "pain", "onset": "2026-07-01", "site": "neck and left arm", "side": "left"}],
            "measurements": [
                {"kind": "forearm_circumference", "side": "left", "value": "26.3 cm", "date": "2026-11-05"},
                {"kind": "forearm_circumference", "side": "right", "value": "28.6 cm", "date": "2026-11-05"},
            ],
            "instruments": [{"name": "nerve-pattern", "date": "2026-11-05", "answers": grades}],
        }
    )


def test_a_recorded_radiculopathy_explains_the_one_sided_wasting():
    causes = {c.cause: c for c in assess(_record()).causes}
    other = causes["other_conditions"]
    assert other.status is Status.likely
    assert any("nerve root compression" in e.finding for e in other.evidence)


def test_a_pattern_that_fits_no_one_nerve_is_not_called_one():
    nerve = next(c for c in assess(_record()).causes if c.cause == "nerve_injury")
    assert "fits one nerve" not in nerve.summary and "one nerve" not in nerve.title
