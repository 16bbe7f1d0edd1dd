"""The summary in plain words, for the person themself (``myoscope check``); the clinician's report follows.

Red flags come first, as advice to see a doctor; then whether muscle loss shows, what may cause it,
and what to do or measure next. No codes, no source keys. Layout of :mod:`myoscope.report.model`.
"""

from __future__ import annotations

from myoscope.report.escape import escape_text
from myoscope.report.model import LAY_DISCLAIMER, LEADING, Report

FINDING_WORDS = {
    "likely": "Your answers and measurements suggest you are losing muscle.",
    "possible": "You may be losing muscle.",
    "cannot tell": "From these answers alone we cannot tell whether you are losing muscle.",
    "not supported": "What was recorded does not show muscle loss.",
}
LAY_MISSING = 3
"""At most this many measurements suggested to a person who cannot yet tell."""


def lay_summary(report: Report) -> str:
    """A few short paragraphs in plain words (no markup; control characters escaped)."""
    finding = report.atrophy
    out: list[str] = []
    if report.red_flags:
        out.append("PLEASE SEE A DOCTOR. Some of your answers need a doctor's attention:")
        out += [f"  ! {f.message} {f.advice}" for f in report.red_flags]
        out.append("")
    out.append(FINDING_WORDS.get(finding.status, finding.summary))
    if report.leading_sections:
        out.append(
            "What may be behind it:"
            if finding.status in LEADING
            else "Still, some things that cause muscle loss were found and are worth acting on:"
        )
        out += [f"  - {c.title} ({c.status})" for c in report.leading_sections]
    missing = list(dict.fromkeys(finding.missing))[:LAY_MISSING]
    if finding.status == "cannot tell" and missing:
        out.append("To find out, a clinician (physiotherapist, dietitian or doctor) can measure:")
        out += [f"  - {m}" for m in missing]
    steps = [s.action for s in report.summary.next_steps if not s.action.lower().startswith("measure:")]
    if steps:
        out.append("What to do next:")
        out += [f"  - {s}" for s in steps]
    out += ["", LAY_DISCLAIMER]
    return escape_text("\n".join(out))
