"""What the command line shows: fitted to the terminal, no internals, escaped input, safe -o, lazy start."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import myoscope
from myoscope import scores
from myoscope.cli import Commands, app
from myoscope.cli._lazy import load_command, module_of, summaries
from myoscope.cli.score import score_text

runner = CliRunner()
SOURCE = str(Path(myoscope.__file__).resolve().parents[1])

INTERNALS = re.compile(
    r"\bNone\b|datetime\.date\(|\b[A-Z][A-Za-z]+\((?!s\))|<[A-Z][a-z]+\.[a-z_]+: |"
    r"\b(Status|Reversibility|Direction|Urgency)\.[a-z_]+|\b(True|False)\b|UNVERIFIED|as recalled|"
    r"\[unverified\]|\bnan\b|-?\binf\b|Infinity|(?<![\d./:])\d+\.\d{4,}(?![\d./])"
)
"""Reprs of internals, developer markers and unrounded numbers: none may reach a person."""


def _leaks(text: str) -> list[str]:
    text = re.sub(r"<svg.*?</svg>", "", text, flags=re.S)
    text = re.sub(r"doi:\S+|\"doi\": \"[^\"]*\"|https?://\S+", "", text)
    return [text[max(0, m.start() - 40) : m.end() + 20] for m in INTERNALS.finditer(text)]


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_no_internals_in_any_example_output(examples_dir, fmt):
    for path in sorted(examples_dir.glob("*.yaml")):
        result = runner.invoke(app, ["assess", str(path), "--format", fmt], env={"COLUMNS": "100"})
        assert result.exit_code == 0, (path.name, result.stderr)
        assert not _leaks(result.stdout), (path.name, _leaks(result.stdout))


def test_no_internals_in_any_score_example():
    for name, instrument in scores.registry().items():
        for example in instrument.examples:
            text = score_text(instrument, instrument.score(example.inputs))
            assert not _leaks(text), (name, _leaks(text))


def test_definitions_show_a_category_in_words_and_must_no_cannot_tell_beside_it():
    ewgsop2 = scores.get("ewgsop2")
    example = ewgsop2.examples[0]
    text = score_text(ewgsop2, ewgsop2.score(example.inputs))
    assert f"category: {example.category}" in text and "value:" not in text
    must = scores.get("must")
    text = score_text(must, must.score(must.examples[0].inputs))
    assert "cannot tell" not in text.split("category:")[0]


@pytest.mark.parametrize("columns", [80, 120])
def test_text_fits_the_terminal_width_and_keeps_every_source_key(examples_dir, columns):
    for name in ("als-pattern-brother.yaml", "probable-sarcopenia.yaml", "older-low-protein-vitamin-a.yaml"):
        path = examples_dir / name
        result = runner.invoke(app, ["assess", str(path)], env={"COLUMNS": str(columns)})
        assert result.exit_code == 0
        widths = [len(line) for line in result.stdout.splitlines()]
        assert max(widths) == columns, (name, max(widths))
        assert "…" not in result.stdout
        report = json.loads(runner.invoke(app, ["assess", str(path), "--format", "json"]).stdout)
        keys = {e["citation"] for c in [report["atrophy"], *report["causes"]] for e in c["evidence"] if e["citation"]}
        words = set(re.findall(r"[\w-]+", result.stdout))
        assert keys <= words, (name, keys - words)


def test_finding_11_terminal_injection_is_escaped_and_markup_is_not_read(tmp_path):
    """Markup in an id is shown as typed; an id holding a control character (an escape, a carriage return) is
    refused, its value shown escaped: never a raw control character in the terminal."""
    for person_id in ("\x1b[2Jgone", "[/]", "[bold red]x[/]", "a\rb\u202eevil"):
        path = tmp_path / "r.json"
        path.write_text(json.dumps({"person": {"id": person_id, "sex": "female", "age": 50}}))
        control = person_id[0] in "\x1ba"
        for args in (["validate", str(path)], ["assess", str(path)], ["assess", str(path), "-f", "markdown"]):
            result = runner.invoke(app, args)
            assert result.exit_code == (2 if control else 0), (person_id, args, result.stdout, result.stderr)
            shown_text = result.stdout + result.stderr
            assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", shown_text), (person_id, args)
        validated = runner.invoke(app, ["validate", str(path)])
        if control:
            assert re.search(r"person\.id: contains a (hidden )?control character", validated.output)
        else:
            assert person_id in validated.stdout, validated.stdout


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"myoscope {myoscope.__version__}"


def test_validate_counts_are_plural_right(examples_dir, tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text("person: {id: one}\nmeasurements:\n  - {kind: body_weight, value: 70 kg, date: 2026-01-01}\n")
    result = runner.invoke(app, ["validate", str(path)])
    assert "(1 measurement, 0 instrument answers" in result.stdout


# --- Safe output (issue 13): a regular file or a new one; "-" is standard output; else exit 2 ---------------


def test_output_replaces_a_regular_file_atomically_and_dash_is_stdout(examples_dir, tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("old")
    result = runner.invoke(app, ["assess", str(examples_dir / "forearm-cast.yaml"), "-o", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("myoscope assessment")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]  # no temporary file left
    result = runner.invoke(app, ["assess", str(examples_dir / "forearm-cast.yaml"), "-f", "json", "-o", "-"])
    assert result.exit_code == 0 and json.loads(result.stdout)["person_id"] == "ex-cast-forearm"
    assert not (Path.cwd() / "-").exists()


def test_output_to_a_fifo_or_a_folder_is_refused(examples_dir, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target, kind in ((fifo, "named pipe"), (tmp_path, "folder")):
        result = runner.invoke(app, ["assess", str(examples_dir / "forearm-cast.yaml"), "-o", str(target)])
        assert result.exit_code == 2 and kind in result.stderr and "--output" in result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_to_a_device_is_refused_without_opening_it(examples_dir, tmp_path, monkeypatch):
    """A path in the temporary folder that the stat call reports as a character device (no real device)."""
    import myoscope.cli._common as common

    device = tmp_path / "tty0"
    real_mode = common._file_mode

    def fake_mode(path):
        return stat.S_IFCHR | 0o666 if Path(path) == device else real_mode(path)

    monkeypatch.setattr(common, "_file_mode", fake_mode)
    result = runner.invoke(app, ["assess", str(examples_dir / "forearm-cast.yaml"), "-o", str(device)])
    assert result.exit_code == 2 and "a device" in result.stderr
    assert not device.exists() and list(tmp_path.iterdir()) == []


def test_output_in_a_missing_folder_is_refused(examples_dir, tmp_path):
    result = runner.invoke(app, ["assess", str(examples_dir / "forearm-cast.yaml"), "-o", str(tmp_path / "no" / "r")])
    assert result.exit_code == 2 and "does not exist" in result.stderr


# --- Start-up: commands load what they use, on first use --------------------------------------------------


def test_help_lists_every_command_without_loading_the_heavy_libraries():
    code = (
        "import sys; from myoscope.cli import main; sys.argv = ['myoscope', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('numpy', 'scipy', 'numba', 'matplotlib', 'pint', 'pydantic', 'weasyprint',"
        " 'fastapi', 'sqlalchemy') if m in sys.modules]\nprint('HEAVY', heavy)"
    )
    env = {**os.environ, "PYTHONPATH": SOURCE, "COLUMNS": "120"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in done.stdout, done.stdout + done.stderr
    for name in Commands.COMMANDS:
        assert name in done.stdout


def _modules_loaded_by(args: list[str], names: tuple[str, ...]) -> list[str]:
    """Run ``myoscope ARGS`` in a fresh interpreter; which of ``names`` it imported."""
    code = (
        f"import sys; from myoscope.cli import main; sys.argv = ['myoscope', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n"
        f"print('LOADED', sorted(m for m in {names!r} if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": SOURCE, "COLUMNS": "120"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "LOADED" in done.stdout, done.stdout + done.stderr
    return json.loads(done.stdout.split("LOADED", 1)[1].strip().replace("'", '"'))


def test_validate_loads_neither_the_models_nor_the_causes(examples_dir):
    heavy = (
        "numba",
        "scipy",
        "matplotlib",
        "dask",
        "pint",
        "weasyprint",
        "myoscope.causes",
        "myoscope.physiology.hall",
        "myoscope.isncsci._kernel",
    )
    assert _modules_loaded_by(["validate", str(examples_dir / "forearm-cast.yaml")], heavy) == []


def test_json_assessment_of_a_cast_loads_no_plotting_pdf_or_unused_model(examples_dir):
    heavy = ("numba", "numpy", "scipy", "matplotlib", "dask", "weasyprint", "jinja2")
    args = ["assess", str(examples_dir / "forearm-cast.yaml"), "--format", "json"]
    assert _modules_loaded_by(args, heavy) == []


def test_text_assessment_of_a_cast_loads_neither_numpy_nor_hall_model_nor_store_or_web(examples_dir):
    """One person's energy sums are plain floats: numpy and the body-weight model load only where they run."""
    heavy = (
        "numpy",
        "numba",
        "scipy",
        "matplotlib",
        "myoscope.physiology.hall._simulate",
        "myoscope.physiology.hall._person",
        "sqlalchemy",
        "fastapi",
        "argon2",
    )
    assert _modules_loaded_by(["assess", str(examples_dir / "forearm-cast.yaml")], heavy) == []


def test_validate_of_a_record_without_answers_loads_no_instrument_numpy_web_or_store(examples_dir):
    """The answer check imports the instrument registry only for a record that holds answers."""
    unused = (
        "numpy",
        "jinja2",
        "sqlalchemy",
        "fastapi",
        "starlette",
        "rich",
        "myoscope.instruments",
        "myoscope.scores",
    )
    assert _modules_loaded_by(["validate", str(examples_dir / "forearm-cast.yaml")], unused) == []
    # a record with answers still has them checked, with only the instruments it names
    loaded = _modules_loaded_by(["validate", str(examples_dir / "probable-sarcopenia.yaml")], ("myoscope.scores",))
    assert loaded == ["myoscope.scores"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_assessment_loads_no_web_store_plotting_or_compiler(examples_dir, fmt):
    unused = ("numba", "scipy", "matplotlib", "jinja2", "sqlalchemy", "fastapi", "starlette", "weasyprint")
    args = ["assess", str(examples_dir / "forearm-cast.yaml"), "--format", fmt]
    assert _modules_loaded_by(args, unused) == []


def test_help_lines_are_the_commands_own():
    for name, default in Commands.COMMANDS.items():
        module = module_of(name, default)
        command = load_command(name, module)
        own = " ".join((command.help or "").strip().split("\n\n")[0].split())
        assert summaries(module)[name] == own, name


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_no_internals_in_any_plan_or_validate_output(examples_dir, fmt):
    for path in sorted(examples_dir.glob("*.yaml")):
        for command in ("plan", "validate"):
            result = runner.invoke(app, [command, str(path), "--format", fmt], env={"COLUMNS": "100"})
            assert result.exit_code == 0, (command, path.name, result.stderr)
            assert not _leaks(result.stdout), (command, path.name, _leaks(result.stdout))


def test_usage_problems_show_no_internals(examples_dir, tmp_path):
    files = [str(examples_dir / "forearm-cast.yaml"), str(examples_dir / "healthy-active.yaml")]
    for args in (
        ["assess", *files, "-f", "pdf"],
        ["assess", files[0], "--on", "2026-13-40"],
        ["assess", *files, "-o", str(examples_dir / "forearm-cast.yaml")],
        ["score"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert not _leaks(result.stderr), (args, result.stderr)
