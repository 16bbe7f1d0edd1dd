"""Markdown report: red flags, the summary, then each cause in detail (layout of :mod:`myoscope.report.model`)."""

from __future__ import annotations

from collections.abc import Sequence

from myoscope.report.model import Report, Section


def render_markdown(report: Report) -> str:
    out = [f"# myoscope assessment: {_inline(report.summary.person)}", "", f"As of {report.summary.date}.", ""]
    if report.red_flags:
        out += ["## Red flags: see a clinician", ""]
        out += [f"- **{_inline(f.message)}** {_inline(f.advice)}" for f in report.red_flags]
        out.append("")
    finding = report.atrophy
    out += ["## Summary", "", f"**{_inline(finding.label)} {finding.status}.** {_inline(finding.summary)}", ""]
    if report.leading_sections:
        out += [f"{report.summary.causes_heading}:", ""]
        out += [f"- **{_inline(c.title)}** ({c.status}): {_inline(c.summary)}" for c in report.leading_sections]
    else:
        out += ["Leading cause: none identified."]
    out.append("")
    if report.summary.next_steps:
        out += ["Next steps:", ""] + [f"- {_inline(s.action)}" for s in report.summary.next_steps] + [""]
    out += ["## Detail", ""]
    for section in (report.atrophy, *report.causes):
        out += _section(section, level="###")
    out += ["## References", ""]
    out += [f"- [{r.key}] {_inline(r.citation)}" for r in report.references]
    out += ["", f"_{_inline(report.disclaimer)}_", ""]
    return "\n".join(out)


def _section(section: Section, level: str) -> list[str]:
    out = [f"{level} {_inline(section.title)}: {section.status}", "", _inline(section.summary), ""]
    if section.evidence:
        out += ["| | finding | value | rule | source |", "|---|---|---|---|---|"]
        out += [
            f"| {e.sign} | {_inline(e.finding)} | {_inline(e.value)} | {_inline(e.rule)} | {_inline(e.citation)} |"
            for e in section.evidence
        ]
        out.append("")
    for table in section.tables:
        out += [f"**{_inline(table.title)}**", "", _row(table.columns), "|" + "---|" * len(table.columns)]
        out += [_row(row) for row in table.rows]
        out.append("")
    if section.shows_reversibility:
        out += [f"Reversibility: {section.reversibility}.", ""]
    if section.next_steps:
        out += [f"- Next: {_inline(s.action)}" + (f" ({_inline(s.why)})" if s.why else "") for s in section.next_steps]
        out.append("")
    if section.to_settle:
        out += ["To settle it: " + "; ".join(_inline(m) for m in section.to_settle) + ".", ""]
    return out


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(_inline(c) for c in cells) + " |"


def _inline(text: object) -> str:
    """``text`` on one line, with the characters Markdown would read as markup or HTML escaped."""
    out = " ".join(str("" if text is None else text).split())
    for char in "\\`*_[]<>|":
        out = out.replace(char, "\\" + char)
    return out
