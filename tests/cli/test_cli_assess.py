"""The command line: exit codes, clear problems without tracebacks, all output formats."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from myoscope.cli import app

runner = CliRunner()

BAD = """\
person: {sex: female, birth_date: 1961-04-12}
measurements:
  - {kind: body_weight, value: 72 kgg, date: 2026-10-01}
  - {kind: calf_circumference, side: left, value: 600 cm, date: 2026-10-01}
"""


def test_invalid_record_exits_2_with_three_clear_messages(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD)
    result = runner.invoke(app, ["assess", str(path)])
    assert result.exit_code == 2
    text = result.stderr
    assert "Traceback" not in text and "Traceback" not in result.stdout
    lines = [line.strip() for line in text.splitlines() if line.strip().startswith("- ")]
    assert lines == [
        "- person.id: is required",
        "- measurements[0].value: unknown unit 'kgg'; expected a mass, e.g. 72 kg or 158 lb (got '72 kgg')",
        "- measurements[1].value: 600 cm is outside the accepted range (got '600 cm'); "
        "accepted: 15 to 70 cm for a calf circumference",
    ]


def test_invalid_record_json_errors(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD)
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 2
    payload = json.loads(result.stderr)
    assert [p["field"] for p in payload["problems"]] == ["person.id", "measurements[0].value", "measurements[1].value"]
    assert payload["problems"][2]["accepted"] == "15 to 70 cm for a calf circumference"
    assert payload["problems"][2]["unit"] == "cm"


@pytest.mark.parametrize(
    "command",
    [["assess"], ["plan"], ["simulate"], ["score", "sarc-f"], ["isncsci"], ["explain", "nosuch"]],
)
def test_every_command_asked_for_json_refuses_in_json_and_in_text_otherwise(tmp_path, command):
    """A script reading `--format json` reads the refusals too (before, only validate and score did); the
    same command without it, run next in the same process, still refuses in text."""
    path = tmp_path / "bad.yaml"
    path.write_text(BAD)
    args = command if command[0] == "explain" else [*command, str(tmp_path / "nope.yaml")]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 2
    payload = json.loads(result.stderr)
    assert payload["error"] == "invalid input" and payload["problems"]
    if command[0] == "assess":
        bad = runner.invoke(app, ["assess", str(path), "--format", "json"])
        assert json.loads(bad.stderr)["problems"][2]["accepted"] == "15 to 70 cm for a calf circumference"
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and again.stderr.startswith("invalid input")


def test_missing_file_and_bad_yaml_exit_2(tmp_path):
    result = runner.invoke(app, ["assess", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2 and "file not found" in result.stderr
    bad = tmp_path / "broken.yaml"
    bad.write_text("person: {id: x\n")
    result = runner.invoke(app, ["assess", str(bad)])
    assert result.exit_code == 2 and "not valid YAML" in result.stderr


def test_unknown_instrument_in_record_is_refused(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text("person: {id: x}\ninstruments:\n  - {name: nope, date: 2026-01-01, answers: {}}\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "instruments[0].name: is not a known instrument" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_assess_every_format(examples_dir, fmt, tmp_path):
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["assess", str(examples_dir / "forearm-cast.yaml"), "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    text = out.read_text()
    assert "ex-cast-forearm" in text


def test_help_everywhere():
    for args in (
        ["--help"],
        ["assess", "--help"],
        ["validate", "--help"],
        ["explain", "--help"],
        ["score", "--help"],
        ["check", "--help"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, args
        assert "Usage" in result.stdout


def test_explain_lists_and_explains_causes():
    listing = runner.invoke(app, ["explain"])
    assert listing.exit_code == 0 and "atrophy" in listing.stdout
    detail = runner.invoke(app, ["explain", "atrophy", "--format", "json"])
    payload = json.loads(detail.stdout)
    assert payload["cause"] == "atrophy" and payload["references"]
    unknown = runner.invoke(app, ["explain", "nonsense"])
    assert unknown.exit_code == 2


def test_score_list_and_unknown():
    listing = runner.invoke(app, ["score", "--list", "--format", "json"])
    assert listing.exit_code == 0
    names = [item["name"] for item in json.loads(listing.stdout)]
    assert "sarc-f" in names
    unknown = runner.invoke(app, ["score", "nope", "x.json"])
    assert unknown.exit_code == 2


def test_score_sarc_f_json_contract(tmp_path):
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"strength": 1, "assistance": 1, "rise": 1, "climb": 2, "falls": 0}))
    result = runner.invoke(app, ["score", "sarc-f", str(path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["instrument"] == "sarc-f" and payload["value"] == 5
    assert set(payload) >= {"instrument", "version", "value", "category", "criteria", "missing", "citations"}


def test_check_interview_builds_a_record(tmp_path):
    answers = (
        "\n".join(
            [
                "female",
                "70",
                "160 cm",
                "55 kg",
                "60 kg",
                "1",
                "1",
                "1",
                "1",
                "0",
                "30",
                "0",
                "1",
                "0",
                "8",
                "no",
                "yes",
                "no",
                "no",
                "no",
                "no",
                "yes",
                "brother",
            ]
        )
        + "\n"
    )
    saved = tmp_path / "me.yaml"
    result = runner.invoke(app, ["check", "--save", str(saved)], input=answers)
    assert result.exit_code == 0, result.stdout
    assert "myoscope assessment" in result.stdout
    assert "family_history" in saved.read_text()


def test_check_reasks_on_a_bad_unit():
    answers = (
        "\n".join(
            [
                "female",
                "70",
                "160 bananas",
                "160 cm",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "no",
                "no",
                "no",
                "no",
                "no",
                "no",
            ]
        )
        + "\n"
    )
    result = runner.invoke(app, ["check"], input=answers)
    assert result.exit_code == 0, result.stdout
    assert "that answer does not work" in result.stdout and "bananas" in result.stdout


def test_plan_command(examples_dir):
    result = runner.invoke(app, ["plan", str(examples_dir / "sedentary-office-worker.yaml"), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["weeks"][0]["sessions"] >= 1
    assert payload["weeks"][-1]["strength_days"] == 2
    assert any(r["citation"] == "bull2020" for r in payload["rules"])
    text = runner.invoke(app, ["plan", str(examples_dir / "forearm-cast.yaml")])
    assert text.exit_code == 0 and "Return-to-activity plan" in text.stdout


def test_every_command_is_registered():
    result = runner.invoke(app, ["--help"])
    for command in ("assess", "validate", "explain", "check", "score", "plan", "isncsci", "simulate"):
        assert command in result.stdout, command


def test_assess_several_records_into_a_folder(examples_dir, tmp_path):
    files = [str(examples_dir / "forearm-cast.yaml"), str(examples_dir / "healthy-active.yaml")]
    result = runner.invoke(app, ["assess", *files, "--format", "html", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["forearm-cast.html", "healthy-active.html"]
    listing = runner.invoke(app, ["assess", *files, "--format", "json"])
    assert [a["person_id"] for a in json.loads(listing.stdout)] == ["ex-cast-forearm", "ex-healthy"]


def test_one_bad_file_among_several_writes_nothing(examples_dir, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["assess", str(examples_dir / "forearm-cast.yaml"), str(bad), "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert not out.exists()


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (
            "1950-01-01",
            "--on: is before the birth date of ex-cast-forearm (got '1950-01-01'); accepted: a date from 1974-04-12",
        ),
        ("2200-01-01", "--on: is in the future (got '2200-01-01')"),
        (
            "1980-01-01",
            "--on: gives an age of 5 years for ex-cast-forearm (got '1980-01-01'); accepted: a date on which "
            "the person is 18 to 120 years old",
        ),
    ],
)
def test_assess_on_a_date_no_assessment_can_be_about_is_refused(examples_dir, on, message):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from myoscope.cli import main; main()",
            "assess",
            str(examples_dir / "forearm-cast.yaml"),
            "--on",
            on,
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("command", ["assess", "simulate", "screen"])
def test_every_on_option_refuses_a_non_date_the_same_way(examples_dir, command, tmp_path):
    source = examples_dir / "forearm-cast.yaml"
    args = [str(source), "--on", "2026-13-40"] + (["-o", str(tmp_path / "out")] if command == "screen" else [])
    result = subprocess.run(
        [sys.executable, "-c", "from myoscope.cli import main; main()", command, *args], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "--on: is not a date (got '2026-13-40'); accepted: YYYY-MM-DD" in result.stderr


def test_simulate_on_a_date_before_birth_is_refused(examples_dir):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from myoscope.cli import main; main()",
            "simulate",
            str(examples_dir / "forearm-cast.yaml"),
            "--on",
            "1950-01-01",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "--on: is before the birth date of ex-cast-forearm" in result.stderr


def test_validate_refuses_a_format_it_cannot_write(tmp_path):
    """validate writes text or JSON: '-f html' was accepted and ignored."""
    path = tmp_path / "r.yaml"
    path.write_text("person: {id: x}\n")
    result = runner.invoke(app, ["validate", str(path), "-f", "html"])
    assert result.exit_code == 2 and "'html' is not one of 'text', 'json'" in result.output


@pytest.mark.parametrize(("text", "held"), [("", "an empty file"), ("- 1\n- 2\n", "a list"), ("42\n", "a number")])
def test_a_file_that_holds_no_record_says_what_it_holds(tmp_path, text, held):
    """An empty file was reported as "(got 'NoneType')", a Python type name."""
    path = tmp_path / "r.yaml"
    path.write_text(text)
    result = runner.invoke(app, ["assess", str(path)])
    assert result.exit_code == 2
    assert f"a record must be a mapping with a 'person' section (got '{held}')" in result.stderr


def test_json_refusals_do_not_leak_into_the_next_command_of_the_process(tmp_path):
    """A command asked for JSON, then another app's command in the same process (as tests and shells run them):
    the second refuses in text, as it was not asked for JSON."""
    import typer

    from myoscope.cli import user as user_module

    first = runner.invoke(app, ["assess", str(tmp_path / "nope.yaml"), "--format", "json"])
    assert json.loads(first.stderr)["error"] == "invalid input"
    other = typer.Typer()
    other.callback()(lambda: None)
    user_module.register(other)
    second = runner.invoke(other, ["user", "list", "--database", "bogus://x"])
    assert second.exit_code == 2 and second.stderr.startswith("invalid input"), second.stderr


def test_several_records_name_every_file_that_fails(examples_dir, tmp_path):
    """Before, the first bad file stopped the command with a problem that did not say which file it was."""
    broken, empty = tmp_path / "broken.yaml", tmp_path / "empty.json"
    broken.write_text("schema_version: 1\n person: [\n", encoding="utf-8")
    empty.write_text("{}", encoding="utf-8")
    result = runner.invoke(app, ["assess", str(examples_dir / "forearm-cast.yaml"), str(broken), str(empty)])
    assert result.exit_code == 2
    assert "invalid input (2 problems)" in result.output
    assert f"{broken}: line 2, column 8: not valid YAML" in result.output
    assert f"{empty}: person: is required" in result.output
