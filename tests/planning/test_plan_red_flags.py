"""``myoscope plan`` obeys the assessment's red flags: they come first, and one that needs a clinician now (a
possible clot in a leg vein, Wells 1997; a progressive motor pattern, NICE NG42) withholds the weeks. A plan
from a record with no activity figure says so instead of reading the gap as none."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from myoscope.causes import StepKind, Urgency
from myoscope.cli import app
from myoscope.planning import person_plan
from myoscope.record import parse_record
from vignettes._load import CASES, load

runner = CliRunner()


def _file(tmp_path, name: str, **changes):
    data, _, _ = load(CASES / f"{name}.yaml")
    data.update(changes)
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data, default=str), encoding="utf-8")
    return path, parse_record(data)


def test_a_swollen_calf_withholds_the_plan_until_a_clinician_has_seen_it(tmp_path):
    path, record = _file(tmp_path, "finding-calf-swelling-reported")
    planned = person_plan(record)
    assert planned.red_flags and planned.red_flags[0].urgency is Urgency.urgent
    assert planned.hold is not None and planned.hold.kind is StepKind.referral
    text = runner.invoke(app, ["plan", str(path)]).stdout
    assert text.index("RED FLAGS") < text.index("Return-to-activity plan") < text.index("Plan withheld")
    assert "minutes each" not in text
    payload = json.loads(runner.invoke(app, ["plan", str(path), "--format", "json"]).stdout)
    assert next(iter(payload)) == "red_flags" and payload["red_flags"][0]["urgency"] == "see a clinician now"
    assert payload["weeks"] == [] and payload["hold"]["action"].startswith("See a clinician now")


def test_a_progressive_motor_pattern_is_referred_before_any_exercise(tmp_path):
    path, record = _file(tmp_path, "als-pattern-asymmetric-hand-speech")
    planned = person_plan(record)
    assert {"bulbar_change"} <= {f.code for f in planned.red_flags}
    assert planned.hold is not None and "neurological" in planned.hold.why


def test_a_red_flag_that_can_wait_a_few_days_is_shown_and_the_plan_given(tmp_path):
    path, record = _file(tmp_path, "other-unexplained-weight-loss-only")
    planned = person_plan(record)
    assert planned.red_flags and all(f.urgency is Urgency.soon for f in planned.red_flags)
    assert planned.hold is None and planned.plan.weeks
    text = runner.invoke(app, ["plan", str(path)]).stdout
    assert "RED FLAGS" in text and "intensity" in text and "Plan withheld" not in text


def test_no_activity_on_record_is_said_not_read_as_none(tmp_path):
    path, record = _file(tmp_path, "finding-near-empty-age-sex")
    planned = person_plan(record)
    assert planned.minutes is None and planned.sessions is None and planned.plan.weeks
    text = runner.invoke(app, ["plan", str(path)]).stdout
    assert "current activity not recorded: the plan starts from none" in text and "now about 0 min" not in text
    payload = json.loads(runner.invoke(app, ["plan", str(path), "--format", "json"]).stdout)
    assert payload["current_minutes"] is None and payload["current_sessions"] is None
