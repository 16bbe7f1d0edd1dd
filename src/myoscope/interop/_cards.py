"""An assessment as CDS Hooks cards (summary under 140 characters, indicator, source, suggestions)."""

from __future__ import annotations

import uuid
from typing import Any

from myoscope import __version__

SUMMARY_MAX = 140
_NAMESPACE = uuid.UUID("0c9d7f43-7a8e-4c33-b1f6-5f2d0a7e6b18")


def short(text: str, limit: int = SUMMARY_MAX - 1) -> str:
    """``text`` cut at a word to fewer than 140 characters (the spec's limit for a summary)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _card(
    key: str, hook_instance: str, summary: str, indicator: str, detail: str, source_url: str, **extra: Any
) -> dict[str, Any]:
    card = {
        "uuid": str(uuid.uuid5(_NAMESPACE, f"{hook_instance}/{key}")),
        "summary": short(summary),
        "indicator": indicator,
        "source": {"label": f"myoscope {__version__}", "url": source_url},
    }
    if detail:
        card["detail"] = detail
    card.update(extra)
    return card


def _care_plan_suggestion(assessment: Any, patient_id: str, hook_instance: str) -> dict[str, Any] | None:
    steps = []
    for cause in [assessment.atrophy, *assessment.ranked]:
        steps += [s.action for s in cause.next_steps if s.action not in steps]
    if not steps:
        return None
    plan = {
        "resourceType": "CarePlan",
        "status": "draft",
        "intent": "proposal",
        "subject": {"reference": f"Patient/{patient_id}"},
        "title": "Suggested next steps (myoscope)",
        "activity": [{"detail": {"status": "not-started", "description": s}} for s in steps[:10]],
    }
    return {
        "label": "Add the suggested next steps as a draft care plan",
        "uuid": str(uuid.uuid5(_NAMESPACE, f"{hook_instance}/careplan")),
        "actions": [{"type": "create", "description": "Draft care plan (a proposal to review)", "resource": plan}],
    }


def cards(assessment: Any, patient_id: str, hook_instance: str, source_url: str) -> list[dict[str, Any]]:
    """Cards for red flags (first), the leading cause, and a finding that cannot be decided."""
    out, seen = [], set()
    for flag in assessment.red_flags:
        if flag.code in seen:
            continue
        seen.add(flag.code)
        indicator = "critical" if flag.urgency.name == "urgent" else "warning"
        detail = f"{flag.advice}" + ("\n\n" + "\n".join(f"- {e}" for e in flag.evidence) if flag.evidence else "")
        out.append(_card(f"flag/{flag.code}", hook_instance, flag.message, indicator, detail, source_url))
    leading = assessment.leading
    if leading is not None:
        steps = "\n".join(f"- {s.action}" for s in leading.next_steps)
        detail = leading.summary + (f"\n\n**Next steps**\n{steps}" if steps else "")
        extra: dict[str, Any] = {}
        suggestion = _care_plan_suggestion(assessment, patient_id, hook_instance)
        if suggestion:
            extra = {"suggestions": [suggestion], "selectionBehavior": "at-most-one"}
        out.append(
            _card(
                "leading",
                hook_instance,
                f"Muscle loss, {leading.status.value} cause: {leading.summary}",
                "warning" if leading.red_flags else "info",
                detail,
                source_url,
                **extra,
            )
        )
    if assessment.atrophy.status.value == "cannot tell" and assessment.atrophy.missing:
        what = "; ".join(assessment.atrophy.missing)
        out.append(
            _card(
                "missing",
                hook_instance,
                "Muscle loss cannot be judged yet: " + what,
                "info",
                f"To decide: {what}",
                source_url,
            )
        )
    return out
