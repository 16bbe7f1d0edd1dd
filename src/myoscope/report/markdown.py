"""Markdown report: red flags, the summary, then each cause in detail."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from myoscope.references import resolve
from myoscope.report._summary import still_to_settle, summarise
from myoscope.report.evidence import clinician_words

if TYPE_CHECKING:
    from myoscope.causes import Assessment, CauseAssessment

SIGNS = {"for": "+", "against": "−", "context": "·"}


def render_markdown(assessment: Assessment, person: Any = None) -> str:
    summary = summarise(assessment, person)
    out = [f"# myoscope assessment: {_inline(summary.person)}", "", f"As of {summary.date}.", ""]
    if assessment.red_flags:
        out += ["## Red flags: see a clinician", ""]
        out += [f"- **{_inline(f.message)}** {_inline(f.advice)}" for f in assessment.red_flags]
        out.append("")
    out += [
        "## Summary",
        "",
        f"**{_inline(summary.finding.title)}: {summary.finding.status.value}.** {_inline(summary.finding.summary)}",
        "",
    ]
    if summary.causes:
        out += ["Leading causes:", ""]
        out += [f"- **{_inline(c.title)}** ({c.status.value}): {_inline(c.summary)}" for c in summary.causes]
    else:
        out += ["Leading cause: none identified."]
    out.append("")
    if summary.steps:
        out += ["Next steps:", ""] + [f"- {_inline(s.action)}" for s in summary.steps] + [""]
    out += ["## Detail", ""]
    out += _cause(assessment.atrophy, level="###")
    for cause in assessment.ranked:
        out += _cause(cause, level="###")
    out += ["## References", ""]
    out += [f"- [{r.key}] {_inline(r.citation())}" for r in resolve(assessment.citation_keys())]
    out += ["", "_myoscope supports clinical judgement; it does not make diagnoses._", ""]
    return "\n".join(out)


def _cause(cause: CauseAssessment, level: str) -> list[str]:
    out = [f"{level} {_inline(cause.title)}: {cause.status.value}", "", _inline(cause.summary), ""]
    if cause.evidence:
        out += ["| | finding | value | rule | source |", "|---|---|---|---|---|"]
        for e in cause.evidence:
            out.append(
                f"| {SIGNS.get(e.direction.value, '·')} | {_cell(e.finding)} | {_cell(e.value)} | "
                f"{_cell(e.rule)} | {_cell(e.citation or '')} |"
            )
        out.append("")
    for table in cause.tables:
        out += [
            f"**{_inline(table.title)}**",
            "",
            "| " + " | ".join(_cell(c) for c in table.columns) + " |",
            "|" + "---|" * len(table.columns),
        ]
        out += ["| " + " | ".join(_cell(str(v)) for v in row) + " |" for row in table.rows]
        out.append("")
    if cause.reversibility.value != "not applicable":
        out += [f"Reversibility: {cause.reversibility.value}.", ""]
    if cause.next_steps:
        out += [f"- Next: {_inline(s.action)}" + (f" ({_inline(s.why)})" if s.why else "") for s in cause.next_steps]
        out.append("")
    missing = still_to_settle(cause)
    if missing:
        out += ["To settle it: " + "; ".join(_inline(m) for m in missing) + ".", ""]
    return out


def _inline(text: str) -> str:
    """``text`` on one line, with the characters Markdown would read as markup or HTML escaped."""
    out = " ".join(str(text).split())
    for char in "\\`[]<>|":
        out = out.replace(char, "\\" + char)
    return out


def _cell(text: str) -> str:
    return _inline(clinician_words(str(text)))
