"""The dietitian referral gives the reason the malnutrition rule found, not a fixed 'to correct the deficits and
excesses found', which was untrue where intake was adequate and GLIM was met by weight loss and disease."""

from __future__ import annotations

from myoscope.causes import assess
from myoscope.record import parse_record


def test_the_referral_says_what_was_found():
    record = parse_record(
        {
            "schema_version": 1,
            "person": {"id": "why", "sex": "female", "birth_date": "1958-03-02", "height": "165 cm"},
            "conditions": [{"kind": "other", "name": "pancreatic adenocarcinoma", "onset": "2026-05-01"}],
            "measurements": [
                {"kind": "body_weight", "value": "68 kg", "date": "2026-06-20"},
                {"kind": "body_weight", "value": "59.8 kg", "date": "2026-11-25"},
            ],
        }
    )
    malnutrition = next(c for c in assess(record).causes if c.cause == "malnutrition")
    (step,) = [s for s in malnutrition.next_steps if s.action == "Dietitian review of intake, supplements and targets"]
    assert step.why == "a GLIM phenotypic and an etiologic criterion are both met"
