"""OMOP CDM concepts the cohort reader recognises, each with its source.

Kinds are matched by concept id. Three ways, in this order: the mapping file's ``concepts``
(a site's own ids), the standard concept ids below, then the extract's own ``concept`` table
by (vocabulary, code): the LOINC codes below, or the local vocabulary ``myoscope`` for kinds
that have no verified standard code (OMOP reserves concept ids above 2,000,000,000 for such
site-local concepts). Units are read from the unit concept's UCUM code (``concept_code`` of
vocabulary ``UCUM``) or, where the unit concept is 0, from ``unit_source_value``.
"""

from __future__ import annotations

LOINC: dict[str, tuple[str, str | None]] = {
    "29463-7": ("body_weight", None),
    "8302-2": ("height", None),
    "83174-3": ("grip_strength", "right"),
    "83173-5": ("grip_strength", "left"),
    "83172-7": ("gait_speed", None),
}
"""LOINC codes checked on loinc.org (body weight, body height, grip strength right and left hand
by dynamometer, 4-metre gait speed), as listed in the project's instrument reference notes."""

STANDARD_CONCEPTS: dict[int, tuple[str, str | None]] = {
    3025315: ("body_weight", None),
    3036277: ("height", None),
}
"""OMOP standard concept ids of LOINC 29463-7 (body weight) and 8302-2 (body height), as used
throughout the OHDSI tools (Athena vocabulary)."""

GENDER = {8507: "male", 8532: "female"}
"""OMOP gender concepts (Athena vocabulary ``Gender``): 8507 MALE, 8532 FEMALE."""

UCUM_UNITS = {
    "kg": "kg",
    "g": "g",
    "[lb_av]": "lb",
    "cm": "cm",
    "m": "m",
    "[in_i]": "in",
    "s": "s",
    "min": "min",
    "m/s": "m/s",
    "{score}": "",
    "1": "",
}
"""UCUM codes -> the unit names our parser reads (UCUM is not pint's spelling)."""

LOCAL_VOCABULARY = "myoscope"
LOCAL_CONCEPT_BASE = 2_000_000_000
"""Site-local concept ids start above 2,000,000,000 (OMOP CDM convention for custom concepts)."""
