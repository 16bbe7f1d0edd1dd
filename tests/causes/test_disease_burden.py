"""GLIM's etiologic criterion 'disease burden / inflammation' (Cederholm et al. 2019) is met by a recorded
chronic disease (cancer, chronic heart failure, COPD, chronic kidney disease, cachexia), not only by a recent
acute illness: 12 % weight loss in 5 months with pancreatic cancer is GLIM malnutrition, stage 2."""

from __future__ import annotations

import datetime as dt

import pytest

from myoscope.causes import assess
from myoscope.causes._condition_table import disease_burden
from myoscope.record import parse_record

ON = dt.date(2026, 11, 25)


def _record(conditions):
    return parse_record(
        {
            "schema_version": 1,
            "person": {"id": "burden", "sex": "female", "birth_date": "1958-03-02", "height": "165 cm"},
            "conditions": conditions,
            "measurements": [
                {"kind": "body_weight", "value": "68 kg", "date": "2026-06-20"},
                {"kind": "body_weight", "value": "59.8 kg", "date": "2026-11-25"},
            ],
        }
    )


def _glim(record):
    malnutrition = next(c for c in assess(record).causes if c.cause == "malnutrition")
    return next(e for e in malnutrition.evidence if e.finding.startswith("GLIM"))


def test_pancreatic_cancer_with_12_percent_loss_is_glim_stage_2():
    record = _record([{"kind": "other", "name": "pancreatic adenocarcinoma", "onset": "2026-05-01"}])
    glim = _glim(record)
    assert "malnutrition, stage 2 (severe)" in glim.finding and "inflammation or disease burden" in glim.value


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("COPD", ["COPD"]),
        ("chronic heart failure", ["heart failure"]),
        ("stage 4 chronic kidney disease", ["chronic kidney disease"]),
        ("stroke", []),
    ],
)
def test_the_chronic_diseases_glim_names_meet_its_criterion(name, expected):
    record = _record([{"kind": "other", "name": name, "onset": "2020-01-01"}])
    assert disease_burden(record.conditions, ON) == expected


def test_without_a_disease_on_record_the_criterion_stays_open():
    glim = _glim(_record([]))
    assert "cannot tell" in glim.finding
