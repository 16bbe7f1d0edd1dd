"""Worked examples of the classification rules and of the reference's quirks.

Expected values are those stated in ``reference/isncsci/rules.md`` (written
from experiments against npm ``isncsci@2.0.6``), section given per test; the
exams are probes built from a fully normal exam.
"""

from __future__ import annotations

import copy

import pytest

from myoscope.isncsci import classify
from myoscope.isncsci._codes import DERMATOMES, MOTOR_LEVELS


def normal_exam(vac: str = "Yes", dap: str = "Yes") -> dict:
    side = {
        "lowest_non_key_muscle": None,
        "motor": {level: "5" for level in MOTOR_LEVELS},
        "light_touch": {d: "2" for d in DERMATOMES},
        "pin_prick": {d: "2" for d in DERMATOMES},
    }
    return {"vac": vac, "dap": dap, "right": side, "left": copy.deepcopy(side)}


def with_values(exam: dict, **changes: str) -> dict:
    """``right__light_touch__T5="NT"`` sets that score."""
    exam = copy.deepcopy(exam)
    for path, value in changes.items():
        side, part, key = path.split("__")
        exam[side][part][key] = value
    return exam


def test_normal_exam_is_intact_and_e():
    """rules.md §9: normal exam with VAC Yes -> E (shortcut), every level INT."""
    result = classify(normal_exam())
    assert (result.nli, result.ais, result.injury_complete) == ("INT", "E", "I")
    assert result.right.motor_level == result.left.sensory_level == "INT"
    assert result.right.motor_zpp == result.right.sensory_zpp == "NA"
    assert result.totals == {"upper_motor": 50, "lower_motor": 50, "light_touch": 112, "pin_prick": 112}


@pytest.mark.parametrize(
    "vac,dap,motor_level,ais",
    [
        ("No", "Yes", "S3", "B"),  # rules.md §6 quirk, §9: never INT with VAC No; B
        ("NT", "Yes", "S3,INT", "B,E"),  # rules.md §9, official case 112
        ("Yes", "No", "INT", "E"),  # rules.md §9: E even with DAP No
    ],
)
def test_normal_exam_quirks_of_vac(vac, dap, motor_level, ais):
    result = classify(normal_exam(vac, dap))
    assert (result.right.motor_level, result.left.motor_level) == (motor_level, motor_level)
    assert result.nli == "INT"  # rules.md §7 quirk (i): VAC plays no part in the NLI
    assert result.ais == ais


@pytest.mark.parametrize(
    "dermatome,value,expected",
    [
        ("C6", "1", "C5"),  # rules.md §5 examples
        ("T5", "NT", "T4,INT"),
        ("T5", "NT*", "T4*"),
        ("T5", "1**", "INT*"),
    ],
)
def test_sensory_level_examples(dermatome, value, expected):
    exam = with_values(normal_exam(), **{f"right__light_touch__{dermatome}": value})
    assert classify(exam).right.sensory_level == expected
    assert classify(exam).left.sensory_level == "INT"


def test_stars_combine_across_sides_in_the_nli():
    """rules.md §7 quirk (ii): right T5 NT* -> right sensory T4*, NLI T4; right C7 2* -> C6,C7* vs C6,C7."""
    sensory = classify(with_values(normal_exam(), right__light_touch__T5="NT*"))
    assert (sensory.right.sensory_level, sensory.nli) == ("T4*", "T4")
    motor = classify(with_values(normal_exam(), right__motor__C7="2*"))
    assert (motor.right.motor_level, motor.nli) == ("C6,C7*", "C6,C7")


@pytest.mark.parametrize(
    "values,expected",
    [
        (("0", "0", "0", "0"), "C"),  # rules.md §8, each rule in turn
        (("0*", "0", "0", "0"), "C*,I*"),
        (("0**", "0", "0", "0"), "I*"),
        (("0*", "0**", "0", "0"), "I"),  # a mix of 0* and 0** falls through to I
        (("NT", "0", "0", "0"), "C,I"),
        (("1", "0", "0", "0"), "I"),
    ],
)
def test_completeness_rules(values, expected):
    exam = normal_exam("No", "No")
    exam = with_values(
        exam,
        right__light_touch__S4_5=values[0],
        right__pin_prick__S4_5=values[1],
        left__light_touch__S4_5=values[2],
        left__pin_prick__S4_5=values[3],
    )
    assert classify(exam).injury_complete == expected


def test_totals_strip_tags_and_nt_makes_nd():
    """rules.md §4: 3** counts 3; any NT/NT*/NT** makes the total (and the both-side total) ND."""
    exam = with_values(normal_exam(), right__motor__C5="3**", left__pin_prick__T4="NT**")
    result = classify(exam)
    assert result.right.totals["upper_motor"] == 23
    assert result.totals["upper_motor"] == 48
    assert result.left.totals["pin_prick"] == "ND"
    assert result.totals["pin_prick"] == "ND"
    assert result.motor_total == 98
