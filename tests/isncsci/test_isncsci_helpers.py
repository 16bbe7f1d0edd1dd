"""Helpers around the classification: weak key muscles, follow-up, level order, public names."""

from __future__ import annotations

from datetime import date

import pytest
from test_isncsci_rules import normal_exam, with_values

import myoscope.isncsci as isncsci
from myoscope.errors import InputError
from myoscope.isncsci import KEY_MUSCLES, WeakMuscle, compare, level_index, weak_key_muscles


def test_public_names():
    assert sorted(isncsci.__all__) == sorted(
        [
            "BatchResult",
            "CITATIONS",
            "Classification",
            "EncodedExams",
            "Exam",
            "FollowUpPoint",
            "KEY_MUSCLES",
            "SEGMENTS",
            "SideClassification",
            "Summary",
            "WeakMuscle",
            "classify",
            "classify_batch",
            "classify_many",
            "compare",
            "encode",
            "level_index",
            "stream",
            "synthetic_exams",
            "weak_key_muscles",
        ]
    )


def test_citations_resolve_with_doi_or_url():
    from myoscope.references import get

    assert len(isncsci.CITATIONS) == 5
    for key in isncsci.CITATIONS:
        ref = get(key)
        assert ref.doi or ref.url, key


def test_key_muscle_names_follow_the_standard():
    """Key muscle functions of ISNCSCI 2019 (Rupp 2021)."""
    assert dict(KEY_MUSCLES)["C5"] == "elbow flexors"
    assert dict(KEY_MUSCLES)["L4"] == "ankle dorsiflexors"
    assert [level for level, _ in KEY_MUSCLES] == ["C5", "C6", "C7", "C8", "T1", "L2", "L3", "L4", "L5", "S1"]


def test_weak_key_muscles_threshold_tags_and_nt():
    exam = with_values(
        normal_exam(),
        right__motor__C5="2",
        right__motor__C6="3",
        left__motor__L4="0**",
        left__motor__S1="NT",
        left__motor__L5="1*",
    )
    assert weak_key_muscles(exam) == [
        WeakMuscle("right", "C5", "elbow flexors", "2"),
        WeakMuscle("left", "L4", "ankle dorsiflexors", "0**"),
        WeakMuscle("left", "L5", "long toe extensors", "1*"),
    ]
    assert [w.level for w in weak_key_muscles(exam, max_grade=3)] == ["C5", "C6", "L4", "L5"]
    assert weak_key_muscles(normal_exam()) == []


def test_weak_key_muscles_refuses_a_bad_threshold():
    with pytest.raises(InputError) as info:
        weak_key_muscles(normal_exam(), max_grade=7)
    assert str(info.value) == "max_grade: is out of range (got 7); accepted: an integer from 0 to 5"


def test_level_index_orders_levels():
    assert level_index("C1") == 0
    assert level_index("T4*") == 11
    assert level_index("S3") == 27
    assert level_index("INT") == level_index("S4_5") == 28
    assert sorted(["T12", "C5", "INT", "L1*"], key=level_index) == ["C5", "T12", "L1*", "INT"]
    with pytest.raises(KeyError):
        level_index("X1")


def test_compare_orders_by_date_and_flags_changes():
    injured = with_values(
        normal_exam("No", "No"),
        **{
            f"{s}__{m}__{d}": "0"
            for s in ("right", "left")
            for m in ("light_touch", "pin_prick")
            for d in ("T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3", "S4_5")
        },
    )
    for side in ("right", "left"):
        for level in ("L2", "L3", "L4", "L5", "S1"):
            injured[side]["motor"][level] = "0"
    recovering = with_values(injured, right__light_touch__S4_5="1")
    points = compare({"2024-03-01": recovering, date(2024, 1, 5): injured, "2024-06-01": recovering})
    assert [p.date.isoformat() for p in points] == ["2024-01-05", "2024-03-01", "2024-06-01"]
    assert [(p.nli, p.ais) for p in points] == [("T6", "A"), ("T6", "B"), ("T6", "B")]
    assert [(p.nli_changed, p.ais_changed) for p in points] == [(False, False), (False, True), (False, False)]
    assert points[0].to_json() == {
        "date": "2024-01-05",
        "motor_total": 50,
        "upper_motor": 50,
        "lower_motor": 0,
        "light_touch": 52,
        "pin_prick": 52,
        "nli": "T6",
        "ais": "A",
        "nli_changed": False,
        "ais_changed": False,
    }


def test_compare_refuses_bad_dates_and_exams():
    with pytest.raises(InputError) as info:
        compare([("yesterday", normal_exam()), ("2024-01-01", with_values(normal_exam(), right__motor__C5="9"))])
    assert [p.field for p in info.value.problems] == ["date", "2024-01-01.right.motor.C5"]
