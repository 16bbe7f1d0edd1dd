"""An older person at risk of malnutrition is never advised to eat below the maintenance need (ESPEN 2019
guideline on nutrition in geriatrics, [volkert2019_espen]): a 70-year-old who lost 6.3 % after knee surgery,
'MUST' medium risk, was told to eat about 1820 kcal/day against a maintenance need of about 2185."""

from __future__ import annotations

import datetime as dt

from myoscope.causes import Status, StepKind, assess
from myoscope.record import parse_record


def _record(birth: str):
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "older-loss", "sex": "male", "birth_date": birth, "height": "5 ft 9 in"},
            "measurements": [
                {"kind": "body_weight", "value": "190 lb", "date": "2026-08-25"},
                {"kind": "body_weight", "value": "178 lb", "date": "2026-11-24"},
            ],
            "diet_days": [{"date": "2026-11-22", "energy": "1900 kcal", "protein": "70 g"}],
        }
    )


def _energy_targets(assessment):
    return [s for c in assessment.causes for s in c.next_steps if s.kind is StepKind.energy_target]


def test_an_older_person_at_risk_is_never_advised_a_deficit():
    assessment = assess(_record("1956-07-04"), dt.date(2026, 11, 24))
    malnutrition = next(c for c in assessment.causes if c.cause == "malnutrition")
    assert malnutrition.status is Status.possible
    targets = _energy_targets(assessment)
    assert targets and all("never less" in s.action for s in targets)
