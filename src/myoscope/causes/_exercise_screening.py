"""What the record says for the ACSM pre-participation screen (Riebe et al. 2015 [riebe2015]).

The screen asks three things: regular exercise, known cardiovascular, metabolic or renal disease, and
signs or symptoms of them. The record answers the last two where it can:

* known disease: a recorded stroke or heart failure (cardiovascular: cardiac, peripheral vascular or
  cerebrovascular disease), diabetes (metabolic) or chronic kidney disease (renal); a conditions
  section recorded with none of them answers "none"; no conditions section leaves it unasked;
* signs or symptoms: breathlessness, or swelling of both ankles or legs (the screen's ankle oedema);
  a symptoms section recorded with neither answers "none". Swelling of one leg is a possible clot and
  is handled as a red flag of its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from myoscope.causes._condition_table import entries_on

if TYPE_CHECKING:
    from myoscope.causes._context import Context

DISEASE_OF_ENTRY = {"stroke": "cardiovascular", "heart_failure": "cardiovascular", "ckd": "renal"}
"""Entries of the condition table that are known disease in the screen's sense (Riebe 2015)."""
DIABETES_CODE = "73211009"
"""SNOMED CT: diabetes mellitus."""
DIABETES_WORDS = re.compile(r"\b(diabetes|diabetic)\b", re.IGNORECASE)


def known_disease(ctx: Context) -> list[str] | None:
    """The screen's known-disease categories on record ([] = asked: none; None = not asked)."""
    if not ctx.facts.was_asked("conditions"):
        return None
    found = {DISEASE_OF_ENTRY[e.key] for e in entries_on(ctx.record.conditions, ctx.on) if e.key in DISEASE_OF_ENTRY}
    if any(
        (c.onset is None or c.onset <= ctx.on) and (c.snomed == DIABETES_CODE or DIABETES_WORDS.search(c.name or ""))
        for c in ctx.record.conditions
    ):
        found.add("metabolic")
    return sorted(found)


def screening_symptoms(ctx: Context) -> bool | None:
    """True if the record holds a sign or symptom the screen counts; False if symptoms were asked and none is
    recorded; None if they were not asked."""
    for s in ctx.record.symptoms:
        if s.onset is not None and s.onset > ctx.on:
            continue
        if s.kind == "breathlessness":
            return True
        if s.kind == "swelling" and (s.side == "both" or (s.side is None and "ankle" in (s.site or "").lower())):
            return True
    return False if ctx.facts.was_asked("symptoms") else None
