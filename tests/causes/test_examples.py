"""Every bundled example: a status with evidence and citations for every cause, and the expected
leading cause, each with the reason it is expected."""

import json

import pytest
from typer.testing import CliRunner

from myoscope.causes import Status, assess, cause_names
from myoscope.cli import app
from myoscope.record import load_record
from myoscope.references import REFERENCES

EXPECTED = {
    # example: (leading cause, why)
    # Clinical reason for the change: thigh girths are stable within tape error over six months and grip is
    # normal, so there is no muscle loss to explain; inactivity stays "likely" as a risk to act on, but a
    # cause is not named as leading for a loss the measurements do not show.
    "sedentary-office-worker": (None, "girths stable within error and grip normal: no muscle loss to explain"),
    "forearm-cast": (
        "inactivity_limb",
        "6 weeks in a cast; the cast side forearm is 2.2 cm thinner, equal arm lengths",
    ),
    "low-calorie-900": ("calorie_deficit", "900 kcal/day, well below need, with 11 % weight loss in 3 months"),
    "older-low-protein-vitamin-a": ("malnutrition", "protein 0.6 g/kg and preformed vitamin A above the upper level"),
    "sci-t6": ("spinal_cord_injury", "complete T6 injury: paralysed legs"),
    "radial-nerve-palsy": ("nerve_injury", "radial nerve injury with wrist drop on the same side"),
    "als-pattern-brother": ("als", "progressive painless hand weakness with twitching: needs neurological evaluation"),
    "als-diagnosed": ("als", "ALS on record with a falling ALSFRS-R"),
    "relapsing-ms": ("multiple_sclerosis", "relapsing MS with rising EDSS"),
    "mixed-older-after-illness": (
        "calorie_deficit",
        "illness, about 1000 kcal/day, bed rest: several causes, energy first",
    ),
    "probable-sarcopenia": ("inactivity_body", "weak and slow with too little activity; no other cause on record"),
    "bed-rest-older": (
        "inactivity_body",
        "14 days of hospital bed rest; thigh girths fell beyond error, intake covers need",
    ),
    "healthy-active": (None, "meets the guidance, stable girths and weight: no cause"),
}

runner = CliRunner()


def _all_examples(examples_dir):
    return sorted(p.stem for p in examples_dir.glob("*.yaml"))


def test_every_example_has_an_expectation(examples_dir):
    assert _all_examples(examples_dir) == sorted(EXPECTED)
    assert len(EXPECTED) >= 10


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_json_gives_every_cause_with_evidence_and_citations(examples_dir, name):
    result = runner.invoke(app, ["assess", str(examples_dir / f"{name}.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["schema_version"] == 2
    causes = {c["cause"]: c for c in payload["causes"]}
    assert set(causes) == set(cause_names()) - {"atrophy"}
    for cause in [payload["atrophy"], *causes.values()]:
        assert cause["status"] in {s.value for s in Status}
        if cause["status"] == "cannot tell":
            assert cause["missing"], f"{cause['cause']}: cannot tell must say what to measure"
        else:
            assert cause["evidence"], f"{cause['cause']}: no evidence"
        for key in cause["citations"]:
            assert key in REFERENCES
    assert {r["key"] for r in payload["references"]} >= {k for c in causes.values() for k in c["citations"]}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_leading_cause(examples_dir, name):
    expected, why = EXPECTED[name]
    assessment = assess(load_record(examples_dir / f"{name}.yaml"))
    leading = assessment.leading
    assert (leading.cause if leading else None) == expected, why


def test_red_flags_rise_to_the_top(examples_dir):
    payload = json.loads(
        runner.invoke(app, ["assess", str(examples_dir / "als-pattern-brother.yaml"), "--format", "json"]).stdout
    )
    codes = [f["code"] for f in payload["red_flags"]]
    assert "progressive_painless_weakness" in codes and "family_history_als" in codes
    assert payload["red_flags"][0]["urgency"] == "see a clinician now"
    text = runner.invoke(app, ["assess", str(examples_dir / "als-pattern-brother.yaml")]).stdout
    assert text.index("RED FLAGS") < text.index("Muscle loss present?")


def test_no_disease_named_without_the_diagnosis(examples_dir):
    payload = json.loads(
        runner.invoke(app, ["assess", str(examples_dir / "als-pattern-brother.yaml"), "--format", "json"]).stdout
    )
    als = next(c for c in payload["causes"] if c["cause"] == "als")
    assert "ALS" not in als["title"] and "ALS" not in als["summary"]
    assert "needs neurological evaluation" in als["summary"]


def test_genetic_counselling_for_a_brother_with_als(examples_dir):
    payload = json.loads(
        runner.invoke(app, ["assess", str(examples_dir / "als-pattern-brother.yaml"), "--format", "json"]).stdout
    )
    als = next(c for c in payload["causes"] if c["cause"] == "als")
    assert any("genetic counselling" in s["action"] for s in als["next_steps"])


def test_missing_data_says_cannot_tell_and_what_to_measure():
    from myoscope.record import parse_record

    assessment = assess(parse_record({"person": {"id": "empty"}}))
    assert assessment.atrophy.status is Status.cannot_tell
    assert any("girths" in m for m in assessment.atrophy.missing)
    statuses = {c.cause: c.status for c in assessment.causes}
    assert statuses["calorie_deficit"] is Status.cannot_tell
    assert statuses["inactivity_body"] is Status.cannot_tell


def test_record_values_outside_an_instrument_range_give_cannot_tell():
    """A 95-year-old is outside the 60-90 years the Sergi 2015 BIA equation was derived for."""
    from myoscope.causes._context import Context
    from myoscope.record import parse_record

    record = parse_record(
        {
            "person": {"id": "old", "sex": "female", "age": 95, "height": "155 cm"},
            "measurements": [{"kind": "body_weight", "value": "50 kg", "date": "2026-01-05"}],
        }
    )
    import datetime as dt

    score = Context(record, dt.date(2026, 1, 5)).score_now("asm-sergi-bia", {"resistance": 550, "reactance": 55})
    assert score.category == "cannot tell"
    assert any(m.startswith("a value this instrument accepts for age") for m in score.missing)


def test_internal_errors_print_one_line(monkeypatch, capsys, examples_dir):
    import myoscope.causes
    from myoscope.cli import main

    def boom(*args, **kwargs):
        raise RuntimeError("simulated fault")

    monkeypatch.setattr(myoscope.causes, "assess", boom)
    monkeypatch.delenv("MYOSCOPE_DEBUG", raising=False)
    monkeypatch.setattr("sys.argv", ["myoscope", "assess", str(examples_dir / "healthy-active.yaml")])
    with pytest.raises(SystemExit) as exc:
        main()
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: simulated fault)" in err and "Traceback" not in err
