"""Disuse projection bands against the human studies they are built from.

Anchors: Wall BT, et al. Acta Physiol 2014;210:600-611 (leg cast 5 d: CSA -3.5 %, strength -9.0 %;
14 d: -8.4 %, -22.9 %; reference note vector F9); Miles MP, et al. Med Sci Sports Exerc
1994;26:615-623 (forearm cast 9 d: CSA -4.1 %); Alkner & Tesch 2004 (bed rest 29 d: quadriceps
-10 %; 90 d: knee extensors -18 %); Kortebein P, et al. JAMA 2007 (older adults, 10 d bed rest).
"""

from __future__ import annotations

import pytest

from myoscope.errors import InputError
from myoscope.physiology.disuse import ANCHORS, CAP, TIME_CONSTANT, fit_time_constant, project_disuse


def test_forearm_cast_six_weeks_band_with_citation():
    p = project_disuse("immobilisation", "forearm", "6 weeks", age=30)
    size = p.band("muscle_size")
    assert size.known and 0 < size.low < size.high <= CAP["muscle_size"]
    assert "miles1994" in size.citations and size.extrapolated
    line = p.lines()[0]
    assert line.startswith("6 weeks of cast/immobilisation: expected -")
    assert "% forearm muscle cross-section/volume [" in line and "miles1994" in line


def test_bed_rest_band():
    p = project_disuse("bed_rest", "leg", 42)
    size = p.band("muscle_size")
    assert size.known and not size.extrapolated
    # 6 weeks lies between the 29-day (-10 %) and 56-day (-14.1 %) studies; the band must hold both
    assert size.low <= 10.0 and size.high >= 14.1
    assert {"alkner2004a", "mulder2006"} <= set(size.citations)
    assert p.lines()[0].startswith("6 weeks of bed rest: expected -")


@pytest.mark.parametrize("days, size_loss, strength_loss", [(5, 3.5, 9.0), (14, 8.4, 22.9)])
def test_leg_cast_band_contains_wall_2014(days, size_loss, strength_loss):
    p = project_disuse("immobilisation", "leg", days, age=23)
    assert p.band("muscle_size").low <= size_loss <= p.band("muscle_size").high
    assert p.band("strength").low <= strength_loss <= p.band("strength").high


def test_every_anchor_lies_in_its_own_band():
    for a in ANCHORS:
        band = project_disuse(a.kind, a.site, a.days, age=70 if a.older else 30).band(a.outcome)
        assert band.low - 1e-9 <= a.loss <= band.high + 1e-9, a


def test_band_is_never_a_single_number():
    for kind, site in (("immobilisation", "leg"), ("immobilisation", "forearm"), ("bed_rest", "leg")):
        for days in (3, 10, 30):
            for b in project_disuse(kind, site, days).bands:
                assert b.low < b.high


def test_older_adults_lose_faster_in_bed_rest():
    young = project_disuse("bed_rest", "leg", 10, age=30).band("muscle_size")
    old = project_disuse("bed_rest", "leg", 10, age=67).band("muscle_size")
    assert old.high > young.high and "kortebein2007" in old.citations


def test_older_adults_not_faster_in_limb_immobilisation():
    young = project_disuse("immobilisation", "leg", 14, age=30).band("muscle_size")
    old = project_disuse("immobilisation", "leg", 14, age=68).band("muscle_size")
    assert old.low == 0.0 and old.high == young.high


def test_bands_grow_with_time():
    highs = [project_disuse("bed_rest", "leg", d).band("muscle_size").high for d in (5, 10, 30, 60)]
    assert highs == sorted(highs)


def test_no_data_site_says_none():
    p = project_disuse("bed_rest", "forearm", 21)
    assert all(not b.known for b in p.bands)
    assert "no human data" in p.lines()[0] and any("No human data" in n for n in p.notes)


def test_no_band_far_beyond_the_studies():
    assert not project_disuse("immobilisation", "leg", 200).band("muscle_size").known


def test_recovery_after_limb_cast_and_none_after_bed_rest():
    leg = project_disuse("immobilisation", "leg", 14, age=68)
    assert leg.recovery.days_band == (28.0, pytest.approx(14 * 91 / 42))
    assert any("resistance" in n for n in leg.recovery.notes)
    assert any("less muscle volume" in n for n in leg.recovery.notes)
    bed = project_disuse("bed_rest", "leg", 14)
    assert bed.recovery.days_band is None and "none projected" in bed.recovery.notes[0]


def test_time_constant_fit_recovers_a_known_curve():
    points = [(t, 12.0 * __import__("math").log1p(t / 20.0)) for t in (5, 10, 30, 60, 90)]
    assert fit_time_constant(points) == pytest.approx(20.0, rel=1e-3)
    assert 5 < TIME_CONSTANT < 100


def test_units_and_refusals():
    assert project_disuse("immobilisation", "arm", {"value": 2, "unit": "week"}).days == 14.0
    with pytest.raises(InputError) as err:
        project_disuse("immobilisation", "leg", "-3 days")
    assert err.value.problems[0].field == "days"
    with pytest.raises(InputError):
        project_disuse("space_flight", "leg", 5)


def test_missing_age_is_said():
    assert any("Age not given" in n for n in project_disuse("bed_rest", "leg", 10).notes)
