"""Refusal of bad exams: every problem names the field path, the value and the accepted set."""

from __future__ import annotations

import pytest
from test_isncsci_rules import normal_exam, with_values

from myoscope.errors import InputError
from myoscope.isncsci import Exam, classify, classify_many

MOTOR_SET = "one of 0, 1, 2, 3, 4, 5, 0*, 1*, 2*, 3*, 4*, 0**, 1**, 2**, 3**, 4**, NT, NT*, NT**"
SENSORY_SET = "one of 0, 1, 2, 0*, 1*, 0**, 1**, NT, NT*, NT**"


def messages(exam) -> list[str]:
    with pytest.raises(InputError) as info:
        classify(exam)
    return [str(p) for p in info.value.problems]


def test_motor_grade_out_of_set():
    assert messages(with_values(normal_exam(), right__motor__C5="6")) == [
        f"right.motor.C5: is not a valid motor grade (got '6'); accepted: {MOTOR_SET}"
    ]


def test_untagged_five_cannot_carry_a_tag():
    """The 2019 revision dropped 5*; sensory 2 cannot be tagged either."""
    exam = with_values(normal_exam(), left__motor__S1="5*", left__light_touch__S4_5="2*")
    assert messages(exam) == [
        f"left.motor.S1: is not a valid motor grade (got '5*'); accepted: {MOTOR_SET}",
        f"left.light_touch.S4_5: is not a valid sensory score (got '2*'); accepted: {SENSORY_SET}",
    ]


def test_anal_findings():
    assert messages(normal_exam(vac="maybe")) == [
        "vac: is not one of the accepted choices (got 'maybe'); accepted: 'Yes', 'No' or 'NT'"
    ]


def test_lowest_non_key_muscle():
    exam = normal_exam()
    exam["right"]["lowest_non_key_muscle"] = "X9"
    assert messages(exam) == [
        "right.lowest_non_key_muscle: is not a valid level for the lowest non-key muscle (got 'X9'); "
        "accepted: null or a segment name C1 ... S3, S4_5 (only the key-muscle levels C5-T1 and L2-S1 are used)"
    ]


def test_missing_and_unknown_fields():
    exam = normal_exam()
    del exam["right"]["pin_prick"]["C2"]
    exam["left"]["motor"]["C4"] = "5"
    assert messages(exam) == [
        "right.pin_prick.C2: is required",
        "left.motor.C4: is not a known field (got '5')",
    ]


def test_not_an_exam():
    assert messages(["not", "an", "exam"]) == [
        "(top level): is not an exam (got ['not', 'an', 'exam']); accepted: an object with vac, dap, right and left"
    ]


def test_booleans_are_refused_and_integers_accepted():
    assert messages(with_values(normal_exam(), right__motor__L3=True)) == [
        f"right.motor.L3: is not a valid motor grade (got True); accepted: {MOTOR_SET}"
    ]
    as_int = with_values(normal_exam(), right__motor__L3=3, right__light_touch__T2=1)
    as_text = with_values(normal_exam(), right__motor__L3="3", right__light_touch__T2="1")
    assert classify(as_int) == classify(as_text)
    assert classify_many([as_int])[0] == classify(as_text)


def test_batch_names_the_exam_index():
    bad = with_values(normal_exam(), left__pin_prick__T7="3")
    with pytest.raises(InputError) as info:
        classify_many([normal_exam(), bad, normal_exam(dap="perhaps")])
    assert [p.field for p in info.value.problems] == ["[1].left.pin_prick.T7", "[2].dap"]


def test_model_round_trip():
    exam = Exam.model_validate(normal_exam())
    assert classify(exam) == classify(exam.model_dump())
