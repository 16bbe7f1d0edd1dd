"""Terminology of the record's kinds: LOINC, SNOMED CT and UCUM, in one table.

Sources of the codes (each checked against a public artefact before use):

- LOINC 29463-7 body weight, 8302-2 body height, 39156-5 BMI: HL7 FHIR R4 vital-signs
  profiles (hl7.org/fhir/R4/observation-vitalsigns.html) and national code tables
  (JP Core ConceptMap, ABDM value sets).
- LOINC 83174-3 grip strength right hand, 83173-5 left hand (dynamometer): members of the
  NIH Toolbox grip-strength panel 83145-3 on loinc.org.
- SNOMED CT laterality qualifiers 7771000 left, 24028007 right, 51440002 right and left: the
  FHIR value set ``bodystructure-laterality`` (expansion from tx.fhir.org, SNOMED CT
  International 2025-02).
- SNOMED CT 86044005 amyotrophic lateral sclerosis; 24700007 multiple sclerosis; 426373005
  relapsing-remitting, 425500002 secondary progressive, 428700003 primary progressive MS;
  90584004 spinal cord injury; 88092000 muscle atrophy; 248325000 malnutrition: code lists
  and terminology-server test suites cited in the project's clinical reference notes
  (instruments_neuro.md section 5.1; instruments_muscle_nutrition_activity.md part E).
- UCUM unit codes and the body-weight / body-length unit value sets (``ucum-bodyweight``:
  kg, [lb_av], g; ``ucum-bodylength``: cm, [in_i]): HL7 FHIR R4 value sets.

Where no code could be verified (limb girths, limb lengths, gait speed on an unspecified course,
chair stand, TUG, 400 m walk, lean and fat mass, every instrument total, peripheral nerve injury,
symptoms, diet and activity summaries) the concept is coded in myoscope's own CodeSystem,
``https://myoscope.dev/fhir/CodeSystem/...``, whose canonical URLs are stable: a LOINC or SNOMED
coding is added beside it once verified, never in its place.
"""

from __future__ import annotations

from dataclasses import dataclass

BASE = "https://myoscope.dev/fhir"
"""Canonical base of myoscope's CodeSystems, extensions and Questionnaires (stable)."""

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
KIND_SYSTEM = f"{BASE}/CodeSystem/observation-kind"
INSTRUMENT_SYSTEM = f"{BASE}/CodeSystem/instrument"
CONDITION_SYSTEM = f"{BASE}/CodeSystem/condition-kind"
BODY_SITE_SYSTEM = f"{BASE}/CodeSystem/body-site"
SYMPTOM_SYSTEM = f"{BASE}/CodeSystem/symptom"
COMPONENT_SYSTEM = f"{BASE}/CodeSystem/component"
RULE_SET_SYSTEM = f"{BASE}/CodeSystem/rule-set"
STATUS_SYSTEM = f"{BASE}/CodeSystem/cause-status"
SECTION_SYSTEM = f"{BASE}/CodeSystem/record-section"
"""Sections of a record (``symptoms``, ``conditions``...), for a List that says a section was asked and is empty."""
LIST_EMPTY_REASON_SYSTEM = "http://terminology.hl7.org/CodeSystem/list-empty-reason"
NIL_KNOWN = "nilknown"
"""HL7 list-empty-reason "Nil Known": the source was asked and there is nothing to list (FHIR R4 List.emptyReason)."""
VITALSIGNS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns"
SDC_QUESTIONNAIRE_PROFILE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"


@dataclass(frozen=True, slots=True)
class Code:
    system: str
    code: str
    display: str

    def coding(self) -> dict[str, str]:
        return {"system": self.system, "code": self.code, "display": self.display}


@dataclass(frozen=True, slots=True)
class KindCode:
    """How one measurement kind is coded: its code, Observation category and UCUM units."""

    code: Code
    category: str
    """``vital-signs`` or ``exam`` (HL7 observation-category)."""
    ucum: str
    """The UCUM code of the kind's canonical unit."""
    accepted_units: tuple[str, ...]
    """UCUM codes accepted on import (the bound value set for vital signs)."""
    left: Code | None = None
    right: Code | None = None
    """Side-specific codes where LOINC has them (grip strength)."""

    def for_side(self, side: str | None) -> Code:
        specific = {"left": self.left, "right": self.right}.get(side or "")
        return specific or self.code


def _own(kind: str, display: str) -> Code:
    return Code(KIND_SYSTEM, kind, display)


_KG = ("kg", "[lb_av]", "g")
_CM = ("cm", "[in_i]", "m", "mm")
_S = ("s", "min")

KINDS: dict[str, KindCode] = {
    "body_weight": KindCode(Code(LOINC, "29463-7", "Body weight"), "vital-signs", "kg", _KG),
    "height": KindCode(Code(LOINC, "8302-2", "Body height"), "vital-signs", "cm", ("cm", "[in_i]")),
    "mid_upper_arm_circumference": KindCode(
        _own("mid_upper_arm_circumference", "Mid-upper-arm circumference"), "exam", "cm", _CM
    ),
    "forearm_circumference": KindCode(_own("forearm_circumference", "Forearm circumference"), "exam", "cm", _CM),
    "mid_thigh_circumference": KindCode(_own("mid_thigh_circumference", "Mid-thigh circumference"), "exam", "cm", _CM),
    "calf_circumference": KindCode(_own("calf_circumference", "Calf circumference"), "exam", "cm", _CM),
    "arm_length": KindCode(_own("arm_length", "Arm length"), "exam", "cm", _CM),
    "leg_length": KindCode(_own("leg_length", "Leg length"), "exam", "cm", _CM),
    "grip_strength": KindCode(
        _own("grip_strength", "Grip strength, dynamometer"),
        "exam",
        "kg",
        ("kg", "[lb_av]"),
        left=Code(LOINC, "83173-5", "Grip strength Hand - left Dynamometer"),
        right=Code(LOINC, "83174-3", "Grip strength Hand - right Dynamometer"),
    ),
    "gait_speed": KindCode(_own("gait_speed", "Usual gait speed"), "exam", "m/s", ("m/s",)),
    "chair_stand_time": KindCode(_own("chair_stand_time", "Five-times chair-stand time"), "exam", "s", _S),
    "timed_up_and_go": KindCode(_own("timed_up_and_go", "Timed Up and Go time"), "exam", "s", _S),
    "walk_400m_time": KindCode(_own("walk_400m_time", "400 m walk time"), "exam", "s", _S),
    "appendicular_lean_mass": KindCode(_own("appendicular_lean_mass", "Appendicular lean mass"), "exam", "kg", _KG),
    "fat_free_mass": KindCode(_own("fat_free_mass", "Fat-free mass"), "exam", "kg", _KG),
    "fat_mass": KindCode(_own("fat_mass", "Fat mass"), "exam", "kg", _KG),
}
"""Every measurement kind of :data:`myoscope.record.MEASUREMENT_KINDS`, coded."""

BMI = KindCode(Code(LOINC, "39156-5", "Body mass index (BMI) [Ratio]"), "vital-signs", "kg/m2", ("kg/m2",))
"""BMI: not a record kind (myoscope derives it), recognised on import and in profile checks."""

VITAL_SIGN_UNITS: dict[str, tuple[str, ...]] = {
    "29463-7": ("kg", "[lb_av]", "g"),
    "8302-2": ("cm", "[in_i]"),
    "39156-5": ("kg/m2",),
}
"""LOINC vital sign -> UCUM codes of its bound unit value set (HL7 FHIR R4 vital-signs profile)."""

LATERALITY: dict[str, Code] = {
    "left": Code(SNOMED, "7771000", "Left"),
    "right": Code(SNOMED, "24028007", "Right"),
    "both": Code(SNOMED, "51440002", "Right and left"),
}
SIDE_OF_LATERALITY = {c.code: side for side, c in LATERALITY.items()}
# older HL7 value sets use the "unilateral" concepts; accepted on import
SIDE_OF_LATERALITY.update({"419161000": "left", "419465000": "right"})

BODY_SITES = (
    "upper_arm",
    "forearm",
    "hand",
    "whole_arm",
    "thigh",
    "calf",
    "lower_leg",
    "ankle",
    "whole_leg",
    "arm",
    "leg",
)
"""Body sites in myoscope's CodeSystem (no SNOMED body-structure code was verified for them)."""

CONDITION_CODES: dict[str, Code | None] = {
    "als": Code(SNOMED, "86044005", "Amyotrophic lateral sclerosis"),
    "multiple_sclerosis": Code(SNOMED, "24700007", "Multiple sclerosis"),
    "spinal_cord_injury": Code(SNOMED, "90584004", "Spinal cord injury"),
    "peripheral_nerve_injury": None,
    "other": None,
}
MS_COURSE_CODES: dict[str, Code] = {
    "relapsing_remitting": Code(SNOMED, "426373005", "Relapsing remitting multiple sclerosis"),
    "secondary_progressive": Code(SNOMED, "425500002", "Secondary progressive multiple sclerosis"),
    "primary_progressive": Code(SNOMED, "428700003", "Primary progressive multiple sclerosis"),
}
FAMILY_CONDITION_CODES: dict[str, Code | None] = {
    "als": CONDITION_CODES["als"],
    "multiple_sclerosis": CONDITION_CODES["multiple_sclerosis"],
    "muscular_dystrophy": None,
    "other": None,
}
MUSCLE_ATROPHY = Code(SNOMED, "88092000", "Muscle atrophy")
MALNUTRITION = Code(SNOMED, "248325000", "Malnutrition")

ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
RELATION_CODES: dict[str, str] = {
    "mother": "MTH",
    "father": "FTH",
    "parent": "PRN",
    "brother": "BRO",
    "sister": "SIS",
    "sibling": "SIB",
    "son": "SONC",
    "daughter": "DAUC",
    "child": "CHILD",
    "grandparent": "GRPRN",
    "grandmother": "GRMTH",
    "grandfather": "GRFTH",
    "aunt": "AUNT",
    "uncle": "UNCLE",
    "cousin": "COUSN",
    "niece": "NIECE",
    "nephew": "NEPHEW",
    "half_sibling": "HSIB",
    "other": "FAMMEMB",
}
"""Family relation -> HL7 v3 RoleCode (FamilyMemberHistory.relationship)."""
RELATION_OF_CODE = {v: k for k, v in RELATION_CODES.items()} | {"SON": "son", "DAU": "daughter"}


def own(system: str, code: str, display: str | None = None) -> dict[str, str]:
    """A coding in one of myoscope's CodeSystems."""
    return {"system": system, "code": code, "display": display or code.replace("_", " ")}


def kind_of_coding(system: str | None, code: str | None) -> tuple[str, str | None] | None:
    """(measurement kind, side implied by the code) for a coding, or None if unknown."""
    for kind, entry in KINDS.items():
        for side, candidate in ((None, entry.code), ("left", entry.left), ("right", entry.right)):
            if candidate is not None and candidate.system == system and candidate.code == code:
                return kind, side
    return None


def condition_of_coding(system: str | None, code: str | None) -> tuple[str, str | None] | None:
    """(condition kind, MS course) for a SNOMED or myoscope coding, or None if unknown."""
    if system == CONDITION_SYSTEM and code in CONDITION_CODES:
        return code, None
    if system != SNOMED:
        return None
    for kind, entry in CONDITION_CODES.items():
        if entry is not None and entry.code == code:
            return kind, None
    for course, entry in MS_COURSE_CODES.items():
        if entry.code == code:
            return "multiple_sclerosis", course
    return None


def accepted_codes_text() -> str:
    """What import accepts as measurement codes (for problem messages)."""
    loinc = sorted({e.code.code for e in KINDS.values() if e.code.system == LOINC} | {"83173-5", "83174-3"})
    return f"LOINC {', '.join(loinc)} or a code of {KIND_SYSTEM}"
