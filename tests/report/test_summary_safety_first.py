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


def test_while_muscle_loss_is_not_shown_the_causes_are_not_headed_leading():
    """'No cause is named as leading' was followed by a 'Leading causes' heading listing a cause."""
    from myoscope.report import render

    data, _, _ = load(CASES / "body-student-sedentary-no-loss.yaml")
    record = parse_record(data)
    assessment = assess(record)
    report = build_report(assessment, record.person)
    assert assessment.leading is None and report.summary.leading_causes == ("inactivity_body",)
    assert report.summary.causes_heading.startswith("Causes to look at")
    for fmt in ("text", "markdown", "html"):
        out = render(assessment, fmt)
        assert "Leading causes" not in out and "Causes to look at" in out, fmt


def test_a_leading_cause_keeps_its_heading():
    data, _, _ = load(CASES / "sci-t4-chronic-transfers-bone.yaml")
    record = parse_record(data)
    assert build_report(assess(record), record.person).summary.causes_heading == "Leading causes"
