"""The summary's next steps begin with the finding's safety steps: with a swallowing problem the swallowing
assessment comes before any diet advice (the rule of ``causes.safety``), however many steps the leading
causes bring."""

from __future__ import annotations

from myoscope.causes import assess
from myoscope.record import parse_record
from myoscope.report.model import build_report
from vignettes._load import CASES, load


def test_the_swallowing_assessment_is_the_first_step_of_the_summary():
    data, _, _ = load(CASES / "nutrition-stroke-dysphagia.yaml")
    record = parse_record(data)
    report = build_report(assess(record), record.person)
    first = report.summary.next_steps[0]
    assert first.kind == "safety" and first.action.startswith("Swallowing assessment")
