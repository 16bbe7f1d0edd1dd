"""A swollen leg where feeling is reduced (spinal cord injury, a leg nerve injury with loss of feeling, numb
feet) may hold a clot that does not hurt (Consortium for Spinal Cord Medicine 2016): the advice does not wait
for pain. Before, a man paralysed and without feeling below T4 was told to seek care the same day only 'if
the swelling is new, warm or painful'."""

from __future__ import annotations

import pytest

from myoscope.causes import assess
from myoscope.record import parse_record

SWOLLEN = {"kind": "swelling", "site": "calf", "side": "left", "onset": "2026-11-01"}


def _flag(conditions=(), symptoms=()):
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "leg", "sex": "male", "birth_date": "1982-03-03", "height": "180 cm"},
            "conditions": list(conditions),
            "symptoms": [SWOLLEN, *symptoms],
            "measurements": [{"kind": "body_weight", "value": "80 kg", "date": "2026-11-05"}],
        }
    )
    return next(f for f in assess(record).red_flags if f.code == "calf-swelling")


@pytest.mark.parametrize(
    ("conditions", "symptoms", "why"),
    [
        (
            [{"kind": "spinal_cord_injury", "onset": "2012-05-01", "level": "T4", "ais": "A"}],
            [],
            "a spinal cord injury is recorded",
        ),
        ([], [{"kind": "numbness", "onset": "2026-01-01", "site": "both feet"}], "numbness of the feet or legs"),
    ],
)
def test_reduced_feeling_asks_for_the_same_day_visit_painful_or_not(conditions, symptoms, why):
    flag = _flag(conditions, symptoms)
    assert why in flag.advice and "painful or not" in flag.advice
    assert flag.citation == "cscm2016_vte"


def test_with_feeling_intact_the_usual_advice_stands():
    flag = _flag()
    assert "painful or not" not in flag.advice and flag.citation == "wells1997"
