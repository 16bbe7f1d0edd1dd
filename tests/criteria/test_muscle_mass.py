"""ASM with ASM/height² and ALM/BMI, and the muscle-mass prediction equations.

Oracles: EWGSOP2 (Cruz-Jentoft 2019, doi:10.1093/ageing/afy169) ASM/height² < 7.0 / < 5.5 kg/m²;
AWGS 2019 (Chen 2020, doi:10.1016/j.jamda.2019.12.012) DXA < 7.0 / < 5.4, BIA < 7.0 / < 5.7 kg/m²;
FNIH (Studenski 2014, doi:10.1093/gerona/glu010) ALM/BMI < 0.789 / < 0.512; reference-note vectors
F10 and F14 (F14 from the HealthMarkers R package test-alm_bmi_index.R) and hand-computed vectors
H1-H8 from the published equations: Janssen 2000 (doi:10.1152/jappl.2000.89.2.465), Sergi 2015
(doi:10.1016/j.clnu.2014.07.010, coefficients unverified), Lee 2000 (doi:10.1093/ajcn/72.3.796),
Kim 2002 (doi:10.1093/ajcn/76.2.378); Janssen 2004 risk bands (doi:10.1093/aje/kwh058).
"""

import math

import pytest

from myoscope.errors import InputError
from myoscope.instruments import CANNOT_TELL
from myoscope.scores import get

ASM = get("asm")


def criteria(score):
    return [c.met for c in score.criteria]


def test_asm_f10_fnih_low_lean_mass():
    score = ASM.score({"sex": "male", "method": "dxa", "asm": 20.0, "bmi": 25.9})
    assert score.details["alm_bmi"] == pytest.approx(0.772200772, abs=1e-9)
    assert score.criteria[3].met is True


@pytest.mark.parametrize(
    "sex, alm, bmi, low",
    [
        ("male", 19.725, 25.0, False),  # F14: 0.789 exactly -> not low (strict <)
        ("female", 10.24, 20.0, False),  # F14: 0.512 exactly -> not low
        ("male", 18.0, 25.0, True),  # F14: 0.72
        ("female", 9.5, 20.0, True),  # F14: 0.475
        ("female", 10.22, 20.0, True),  # 0.511 -> low (reference-note FNIH boundary)
    ],
)
def test_asm_fnih_alm_bmi_against_healthmarkers_vectors(sex, alm, bmi, low):
    assert ASM.score({"sex": sex, "method": "dxa", "asm": alm, "bmi": bmi}).criteria[3].met is low


@pytest.mark.parametrize(
    "asmi, method, ewgsop2, awgs",
    [
        (5.49, "dxa", True, False),
        (5.5, "dxa", False, False),
        (5.39, "dxa", True, True),
        (5.4, "dxa", True, False),
        (5.69, "bia", False, True),
        (5.7, "bia", False, False),
        (5.5, None, False, None),
        (5.3, None, True, True),
    ],
)
def test_asm_women_index_edges(asmi, method, ewgsop2, awgs):
    height = 160.0
    asm = asmi * (height / 100) ** 2
    score = ASM.score({"sex": "female", "method": method, "asm": asm, "height": height})
    assert score.details["asm_height2"] == pytest.approx(asmi)
    assert criteria(score)[1:3] == [ewgsop2, awgs]


def test_asm_from_limbs_and_bia_not_judged_by_fnih():
    score = ASM.score(
        {
            "sex": "male",
            "method": "bia",
            "right_arm": 3,
            "left_arm": 3,
            "right_leg": 9,
            "left_leg": 9,
            "weight": 80,
            "height": 180,
        }
    )
    assert score.value == 24.0 and score.criteria[3].met is None
    partial = ASM.score({"sex": "male", "right_arm": 3})
    assert partial.category == CANNOT_TELL


def test_asm_ewgsop2_absolute_mass_edge_is_flagged_unverified():
    low, normal = (ASM.score({"sex": "female", "asm": v}) for v in (14.99, 15.0))
    assert (low.criteria[0].met, normal.criteria[0].met) == (True, False)
    assert low.details["unverified"] and "[unverified]" in low.criteria[0].threshold


@pytest.mark.parametrize(
    "name, raw, value",
    [
        ("smm-janssen-bia", {"sex": "male", "age": 70, "height": 175, "resistance": 500}, 28.518),  # H1
        ("smm-janssen-bia", {"sex": "female", "age": 75, "height": 160, "resistance": 600}, 16.886),  # H2
        (
            "asm-sergi-bia",
            {"sex": "male", "age": 70, "height": 175, "weight": 75, "resistance": 500, "reactance": 50},
            21.649,
        ),  # H3
        (
            "asm-sergi-bia",
            {"sex": "female", "age": 70, "height": 160, "weight": 60, "resistance": 600, "reactance": 55},
            14.941,
        ),  # H4
        (
            "smm-lee-anthropometric",
            {"sex": "male", "age": 40, "height": 175, "weight": 75, "population": "white"},
            31.330,
        ),  # H6
        (
            "smm-lee-anthropometric",
            {"sex": "female", "age": 70, "height": 160, "weight": 60, "population": "asian"},
            15.760,
        ),  # H7
        ("smm-kim-dxa", {"sex": "male", "age": 70, "alst": 20.0}, 22.780),  # H8
    ],
)
def test_equations_against_hand_computed_vectors(name, raw, value):
    assert get(name).score(raw).value == pytest.approx(value, abs=5e-4)


def test_lee_girths_h5_from_raw_girths_and_skinfolds():
    raw = {
        "sex": "male",
        "age": 40,
        "height": 175,
        "weight": 75,
        "population": "white",
        "arm_girth": 27 + math.pi * 0.5,
        "triceps_skinfold": 5,
        "thigh_girth": 50 + math.pi,
        "thigh_skinfold": 10,
        "calf_girth": 35 + math.pi * 0.6,
        "calf_skinfold": 6,
    }
    score = get("smm-lee-girths").score(raw)
    assert score.value == pytest.approx(31.076, abs=5e-4)  # H5
    assert score.details["corrected_girths_cm"] == {"arm": 27.0, "thigh": 50.0, "calf": 35.0}


@pytest.mark.parametrize(
    "smi, band",
    [
        (8.50, "high disability risk"),
        (8.51, "moderate disability risk"),
        (10.75, "moderate disability risk"),
        (10.76, "normal muscle mass"),
    ],
)
def test_janssen_2004_bands_men(smi, band):
    from myoscope.criteria.smm_janssen_bia import smi_band

    assert smi_band(smi, "male") == band


@pytest.mark.parametrize(
    "name, raw, field, accepted",
    [
        ("smm-janssen-bia", {"sex": "male", "age": 87, "height": 175, "resistance": 500}, "age", "86"),
        ("smm-janssen-bia", {"sex": "male", "age": 17, "height": 175, "resistance": 500}, "age", "18"),
        (
            "asm-sergi-bia",
            {"sex": "male", "age": 59, "height": 175, "weight": 75, "resistance": 500, "reactance": 50},
            "age",
            "60",
        ),
        (
            "smm-lee-anthropometric",
            {"sex": "male", "age": 40, "height": 175, "weight": 91.875, "population": "white"},
            "weight",
            "BMI < 30",
        ),  # BMI 30.0
        (
            "smm-lee-anthropometric",
            {"sex": "male", "age": 20, "height": 175, "weight": 70, "population": "white"},
            "age",
            "> 20",
        ),
    ],
)
def test_equations_refuse_inputs_outside_their_validity_range(name, raw, field, accepted):
    with pytest.raises(InputError) as err:
        get(name).score(raw)
    problem = err.value.problems[0]
    assert problem.field == field and accepted in problem.accepted and problem.value == raw[field]


def test_equations_just_inside_validity_and_missing_population():
    lee = get("smm-lee-anthropometric")
    assert lee.score({"sex": "male", "age": 20.5, "height": 175, "weight": 91.8, "population": "white"}).decided
    missing = lee.score({"sex": "male", "age": 40, "height": 175, "weight": 75})
    assert missing.category == CANNOT_TELL and "race group" in missing.missing[0]
