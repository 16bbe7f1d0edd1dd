"""EDSS (Expanded Disability Status Scale) from functional-system grades and ambulation.

Kurtzke JF. Rating neurologic impairment in multiple sclerosis: an expanded disability status
scale (EDSS). Neurology 1983;33(11):1444-1452. [kurtzke1983].

Implemented: the public step rules only (no scoring-booklet text).

1. Conversions before counting: visual 0-6 -> 0,1,2,2,3,3,4; bowel/bladder 0-6 -> 0,1,2,3,3,4,5.
2. FS step from the converted grades of the seven functional systems (visual, brainstem,
   pyramidal, cerebellar, sensory, bowel/bladder, cerebral): the combination table of
   :func:`fs_step` (Kurtzke's steps 0-5.0, with combinations not listed in the table derived
   from "combinations of lesser grades exceeding the previous step"). Kurtzke's step text lets
   a cerebral grade 1 coexist with step 0, so by default a cerebral grade 1 is not counted
   (option ``cerebral_grade1_counts``).
3. Ambulation score 0-16 (Neurostatus convention, Kappos): 0 unrestricted -> FS step;
   1 -> at least 2.0; 2 -> at least 4.5; 3 -> at least 5.0; 4-16 fix the EDSS by walking
   alone (5.5, 6.0, 6.0, 6.0, 6.5, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10).
These rules reproduce the public vectors of atiweb/edss-in-php (40 FS rows, 13 ambulation
rows), adobrasinovic/edss (9) and a TypeScript implementation (9 FS-step cases). Three kinds of
combination are absent from the published step table and derived from Kurtzke's wording (one
grade 4 with grade 2s -> 4.5; one grade 4 with three or more grade 3s -> 5.0; one grade 3 with
three or more grade 2s -> 4.0); a result that used one is marked in ``details["unverified"]``.

A clinician's EDSS can be entered as is (``clinician_edss``); it is then the value, marked
``details["source"] = "clinician"``, and any computed value is shown beside it.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, Field

from myoscope.instruments._base import Example, Instrument, InstrumentInput, Score
from myoscope.references import cite

VISUAL_CONVERSION = (0, 1, 2, 2, 3, 3, 4)
"""Raw visual FS 0-6 -> grade used for the step (Kurtzke 1983 / Neurostatus note)."""
BOWEL_BLADDER_CONVERSION = (0, 1, 2, 3, 3, 4, 5)
"""Raw bowel/bladder FS 0-6 -> grade used for the step."""

AMBULATION_FLOOR = {1: 2.0, 2: 4.5, 3: 5.0}
"""Ambulation scores that set a minimum on the FS step."""
AMBULATION_EDSS = {
    4: 5.5,
    5: 6.0,
    6: 6.0,
    7: 6.0,
    8: 6.5,
    9: 6.5,
    10: 7.0,
    11: 7.5,
    12: 8.0,
    13: 8.5,
    14: 9.0,
    15: 9.5,
    16: 10.0,
}
"""Ambulation scores that fix the EDSS by walking alone."""

AMBULATION_MEANINGS = (
    "unrestricted",
    "fully ambulatory, not unrestricted (500 m or more without help)",
    "300 to under 500 m without help or rest",
    "200 to under 300 m",
    "100 to under 200 m",
    "under 100 m without help",
    "one-sided help (stick or crutch), 50 m or more",
    "help on both sides, 120 m or more",
    "one-sided help, under 50 m",
    "help on both sides, 5 to under 120 m",
    "wheelchair, moves and transfers alone",
    "wheelchair with help",
    "in bed or chair much of the day, good arm use",
    "in bed much of the day, some arm use and self-care",
    "helpless in bed, can talk and eat",
    "totally helpless, cannot communicate or swallow well",
    "death due to MS",
)
"""Short paraphrases of the ambulation scores 0-16."""

FS_FIELDS: dict[str, int] = {
    "visual": 6,
    "brainstem": 5,
    "pyramidal": 6,
    "cerebellar": 5,
    "sensory": 6,
    "bowel_bladder": 6,
    "cerebral": 5,
}
"""Functional systems and their highest raw grade."""

VALID_STEPS = (0.0,) + tuple(x / 2 for x in range(2, 21))
"""0, 1.0, 1.5, ..., 10 (there is no 0.5)."""


def _edss_step(value: float | None) -> float | None:
    if value is not None and value not in VALID_STEPS:
        raise ValueError("is not an EDSS step; accepted 0, 1.0, 1.5, ... 9.5, 10 (no 0.5)")
    return value


EdssValue = Annotated[float | None, AfterValidator(_edss_step)]
"""An EDSS value: 0 or 1.0-10 in half steps (use with ``Field(ge=0, le=10)``)."""

CATEGORIES: tuple[tuple[float, str], ...] = (
    (0.0, "normal neurological examination"),
    (3.5, "fully ambulatory; signs or disability in functional systems"),
    (5.5, "walks without aid, over a limited distance"),
    (6.5, "needs a walking aid"),
    (9.5, "restricted to wheelchair or bed"),
    (10.0, "death due to MS"),
)
"""Upper EDSS bound -> plain description, from Kurtzke's step definitions (1983)."""


def fs_step(grades: list[int]) -> float:
    """The EDSS step from converted FS grades (step B of the module docstring)."""
    n1 = sum(g == 1 for g in grades)
    n2 = sum(g == 2 for g in grades)
    n3 = sum(g == 3 for g in grades)
    n4 = sum(g == 4 for g in grades)
    if any(g >= 5 for g in grades) or n4 >= 2:
        return 5.0
    if n4 == 1:
        if n3 == 0:
            return 4.0 if n2 == 0 else 4.5
        return 4.5 if n3 <= 2 else 5.0
    if n3 >= 6:
        return 5.0
    if n3 == 5:
        return 4.5
    if n3 >= 3:
        return 4.0
    if n3 == 2:
        return 3.5 if n2 == 0 else 4.0
    if n3 == 1:
        return 3.0 if n2 == 0 else (3.5 if n2 <= 2 else 4.0)
    if n2 >= 6:
        return 4.0
    if n2 == 5:
        return 3.5
    if n2 >= 3:
        return 3.0
    if n2 == 2:
        return 2.5
    if n2 == 1:
        return 2.0
    if n1 >= 2:
        return 1.5
    return 1.0 if n1 == 1 else 0.0


def derived_combination(grades: list[int]) -> bool:
    """True when the FS step came from a combination the published table does not list."""
    n2, n3, n4 = (sum(g == k for g in grades) for k in (2, 3, 4))
    if any(g >= 5 for g in grades) or n4 >= 2:
        return False
    if n4 == 1:
        return (n3 == 0 and n2 > 0) or n3 >= 3
    return n3 == 1 and n2 >= 3


def converted_grades(fs: dict[str, int], cerebral_grade1_counts: bool = False) -> list[int]:
    """Grades used for the step: visual and bowel/bladder converted; cerebral 1 dropped by default."""
    out = []
    for name, grade in fs.items():
        if name == "visual":
            grade = VISUAL_CONVERSION[grade]
        elif name == "bowel_bladder":
            grade = BOWEL_BLADDER_CONVERSION[grade]
        elif name == "cerebral" and grade == 1 and not cerebral_grade1_counts:
            grade = 0
        out.append(grade)
    return out


def edss_from(fs: dict[str, int] | None, ambulation: int, cerebral_grade1_counts: bool = False) -> float:
    """EDSS from the seven raw FS grades (None allowed when ambulation >= 4) and the ambulation score."""
    if ambulation in AMBULATION_EDSS:
        return AMBULATION_EDSS[ambulation]
    if fs is None:
        raise ValueError("functional-system grades are needed when the ambulation score is 0-3")
    step = fs_step(converted_grades(fs, cerebral_grade1_counts))
    return max(step, AMBULATION_FLOOR.get(ambulation, 0.0))


def describe(edss: float) -> str:
    for upper, text in CATEGORIES:
        if edss <= upper:
            return text
    raise ValueError(f"EDSS {edss} is above 10")


def _fs_field(name: str, top: int) -> Any:
    return Field(
        default=None,
        ge=0,
        le=top,
        description=f"{name.replace('_', '/')} functional system, "
        f"raw grade 0-{top}" + (" (converted before counting)" if name in ("visual", "bowel_bladder") else ""),
    )


class EdssInput(InstrumentInput):
    visual: int | None = _fs_field("visual", 6)
    brainstem: int | None = _fs_field("brainstem", 5)
    pyramidal: int | None = _fs_field("pyramidal", 6)
    cerebellar: int | None = _fs_field("cerebellar", 5)
    sensory: int | None = _fs_field("sensory", 6)
    bowel_bladder: int | None = _fs_field("bowel_bladder", 6)
    cerebral: int | None = _fs_field("cerebral", 5)
    ambulation: int | None = Field(
        default=None,
        ge=0,
        le=16,
        description="ambulation score 0-16: " + "; ".join(f"{i} {text}" for i, text in enumerate(AMBULATION_MEANINGS)),
    )
    cerebral_grade1_counts: bool = Field(
        default=False, description="count a cerebral grade 1 toward steps 1.0/1.5 (Kurtzke: it does not)"
    )
    clinician_edss: EdssValue = Field(
        default=None, ge=0, le=10, description="an EDSS rated by a clinician, taken as entered"
    )


class Edss(Instrument):
    name = "edss"
    title = "Expanded Disability Status Scale (Kurtzke), from FS grades and ambulation"
    version = "1983"
    citations = cite("kurtzke1983", "neurostatus")
    domain = "ms"
    Input = EdssInput
    examples = (
        Example(
            inputs={
                "visual": 1,
                "brainstem": 2,
                "pyramidal": 1,
                "cerebellar": 3,
                "sensory": 1,
                "bowel_bladder": 4,
                "cerebral": 2,
                "ambulation": 1,
            },
            value=4.0,
            category="walks without aid, over a limited distance",
            source="kurtzke1983",
        ),
        Example(inputs={"ambulation": 6}, value=6.0, category="needs a walking aid", source="kurtzke1983"),
    )

    def compute(self, data: EdssInput) -> Score:
        fs = {name: getattr(data, name) for name in FS_FIELDS}
        computed, missing = self._computed(data, fs)
        details: dict[str, Any] = {"computed_edss": computed}
        if data.clinician_edss is not None:
            value = data.clinician_edss
            details["source"] = "clinician"
            if computed is not None:
                details["agrees_with_computed"] = computed == value
            missing = []
        elif computed is None:
            return self.cannot_tell(missing)
        else:
            value = computed
            details["source"] = "computed from functional systems and ambulation"
            if data.ambulation in AMBULATION_EDSS:
                details["by"] = "ambulation alone"
            else:
                grades = converted_grades(fs, data.cerebral_grade1_counts)
                details["fs_step"] = fs_step(grades)
                details["converted_grades"] = dict(zip(FS_FIELDS, grades, strict=True))
                if derived_combination(grades):
                    details["unverified"] = [
                        "FS combination not listed in the published step table; step "
                        "derived from Kurtzke's 'combinations exceeding the previous step'"
                    ]
        category = describe(value)
        return self.result(
            value,
            category,
            interpretation=f"EDSS {value:g}: {category}",
            details=details,
            positive=value > 0,
            missing=missing,
        )

    @staticmethod
    def _computed(data: EdssInput, fs: dict[str, int | None]) -> tuple[float | None, list[str]]:
        if data.ambulation is None:
            return None, ["ambulation score (0-16: walking range and aids)"] + (
                []
                if all(v is not None for v in fs.values())
                else [
                    "grades of the functional systems not rated: "
                    + ", ".join(k.replace("_", "/") for k, v in fs.items() if v is None)
                ]
            )
        if data.ambulation in AMBULATION_EDSS:
            return edss_from(None, data.ambulation), []
        absent = [k for k, v in fs.items() if v is None]
        if absent:
            return None, [f"{k.replace('_', '/')} functional-system grade" for k in absent]
        grades = {k: v for k, v in fs.items() if v is not None}
        return edss_from(grades, data.ambulation, data.cerebral_grade1_counts), []


INSTRUMENT = Edss()
