"""Markdown report."""

from __future__ import annotations

from myoscope.causes import Assessment, CauseAssessment
from myoscope.references import resolve


def render_markdown(assessment: Assessment) -> str:
    out = [f"# myoscope assessment: {assessment.person_id}", "", f"As of {assessment.on.isoformat()}.", ""]
    if assessment.red_flags:
        out += ["## Red flags: see a clinician", ""]
        out += [f"- **{f.message}** {f.advice}" for f in assessment.red_flags]
        out.append("")
    out += _cause(assessment.atrophy, level="##")
    leading = assessment.leading
    out += [f"**Leading cause:** {leading.title if leading else 'none identified'}", "", "## Causes", ""]
    for cause in assessment.ranked:
        out += _cause(cause, level="###")
    out += ["## References", ""]
    out += [f"- [{r.key}] {r.citation()}" for r in resolve(assessment.citation_keys())]
    out += ["", "_myoscope supports clinical judgement; it does not make diagnoses._", ""]
    return "\n".join(out)


def _cause(cause: CauseAssessment, level: str) -> list[str]:
    out = [f"{level} {cause.title}: {cause.status.value}", "", cause.summary, ""]
    if cause.evidence:
        out += ["| | finding | value | rule | source |", "|---|---|---|---|---|"]
        for e in cause.evidence:
            sign = {"for": "+", "against": "−", "context": "·"}[e.direction.value]
            out.append(f"| {sign} | {_cell(e.finding)} | {_cell(e.value)} | {_cell(e.rule)} | {e.citation or ''} |")
        out.append("")
    for table in cause.tables:
        out += [f"**{table.title}**", "", "| " + " | ".join(table.columns) + " |",
                "|" + "---|" * len(table.columns)]
        out += ["| " + " | ".join(_cell(str(v)) for v in row) + " |" for row in table.rows]
        out.append("")
    if cause.reversibility.value != "not applicable":
        out += [f"Reversibility: {cause.reversibility.value}.", ""]
    if cause.next_steps:
        out += [f"- Next: {s.action}" + (f" ({s.why})" if s.why else "") for s in cause.next_steps]
        out.append("")
    if cause.missing:
        out += ["To settle it: " + "; ".join(cause.missing) + ".", ""]
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
