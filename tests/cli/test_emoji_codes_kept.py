"""Text a person typed is shown as typed: an emoji code such as ``:smile:`` in a record id stays those
characters in every text output (``plan`` printed an emoji in its place)."""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner

from myoscope.cli import app

runner = CliRunner()


@pytest.mark.parametrize("command", [["plan"], ["assess"], ["assess", "-f", "markdown"]])
def test_an_emoji_code_in_a_record_id_is_printed_as_typed(tmp_path, command):
    record = {
        "schema_version": 1,
        "person": {"id": "pt :smile: :thumbs_up:", "sex": "female", "age": 50, "height": "165 cm"},
        "measurements": [{"kind": "body_weight", "value": "64 kg", "date": "2026-11-20"}],
        "activity": [{"week_of": "2026-11-16", "moderate_minutes": 40, "sessions_20min": 2}],
    }
    path = tmp_path / "r.yaml"
    path.write_text(yaml.safe_dump(record), encoding="utf-8")
    result = runner.invoke(app, [*command, str(path)])
    assert result.exit_code == 0, result.output
    assert ":smile:" in result.output and "\N{SMILING FACE WITH SMILING EYES}" not in result.output
    assert "\N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}" not in result.output
