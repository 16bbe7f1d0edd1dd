"""The summary in plain words, for the person themself (``myoscope check``); the clinician's report follows.

Red flags come first, as advice to see a doctor; then whether muscle loss shows, what may cause it,
and what to do or measure next. No codes, no source keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from myoscope.report._summary import summarise
from myoscope.report.escape import escape_text

if TYPE_CHECKING:
    from myoscope.causes import Assessment

FINDING_WORDS = {
    "likely": "Your answers and measurements suggest you are losing muscle.",
    "possible": "You may be losing muscle.",
    "cannot tell": "From these answers alone we cannot tell whether you are losing muscle.",
    "not supported": "What was recorded does not show muscle loss.",
}
CAUSE_WORDS = {"likely": "likely", "possible": "possible"}


def lay_summary(assessment: Assessment, person: Any = None) -> str:
    """A few short paragraphs in plain words (no markup; control characters escaped)."""
    summary = summarise(assessment, person)
    out: list[str] = []
    if assessment.red_flags:
        out.append("PLEASE SEE A DOCTOR. Some of your answers need a doctor's attention:")
        out += [f"  ! {f.message} {f.advice}" for f in assessment.red_flags]
        out.append("")
    out.append(FINDING_WORDS.get(summary.finding.status.value, summary.finding.summary))
    if summary.causes:
        out.append(
            "What may be behind it:"
            if summary.finding.status.value in ("likely", "possible")
            else "Still, some things that cause muscle loss were found and are worth acting on:"
        )
        out += [f"  - {c.title} ({CAUSE_WORDS.get(c.status.value, c.status.value)})" for c in summary.causes]
    missing = list(dict.fromkeys(summary.finding.missing))[:3]
    if summary.finding.status.value == "cannot tell" and missing:
        out.append("To find out, a clinician (physiotherapist, dietitian or doctor) can measure:")
        out += [f"  - {m}" for m in missing]
    steps = [s.action for s in summary.steps if not s.action.lower().startswith("measure:")]
    if steps:
        out.append("What to do next:")
        out += [f"  - {s}" for s in steps]
    out += ["", "This self-check does not make a diagnosis. If you are worried about your health, see a doctor."]
    return escape_text("\n".join(out))
