"""Hostile and impossible input refused at the boundary with a field message (findings 2, 6, 7, 8, 13).

Each case goes through ``myoscope validate`` and ``assess`` as a user runs them (exit code 2, a
message naming the field, never "internal error") or through the parser the web app uses.
"""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc

import pytest
from typer.testing import CliRunner

from myoscope.cli import app
from myoscope.errors import InputError
from myoscope.record import parse_record, parse_text


def alias_bomb(anchors: int = 10, aliases: int = 10) -> str:
    """Ten anchors of ten aliases each, nine deep: 10**9 values once expanded, 500 bytes written."""
    lines = ["a0: &a0 [" + ", ".join(["x"] * aliases) + "]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * aliases) + "]" for i in range(1, anchors)]
    return "\n".join(lines + [f"person: {{id: bomb, height: *a{anchors - 1}}}"]) + "\n"


def cli(tmp_path, name: str, text: str, command: str = "validate"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(app, [command, str(path)])


def refused(text: str, suffix: str = ".yaml") -> InputError:
    with pytest.raises(InputError) as caught:
        parse_record(parse_text(text, suffix))
    return caught.value


def test_finding_2_an_alias_bomb_is_refused_at_once_in_little_memory(tmp_path):
    bomb = alias_bomb()
    assert len(bomb) < 700
    tracemalloc.start()
    started = time.monotonic()
    error = refused(bomb)
    elapsed = time.monotonic() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 1 and peak < 20_000_000
    assert "aliases are expanded" in str(error)
    for command in ("validate", "assess"):
        result = cli(tmp_path, "bomb.yaml", bomb, command)
        assert result.exit_code == 2 and "internal error" not in result.output


def test_finding_2_messages_show_at_most_80_characters_of_a_value():
    error = refused('{"person": {"id": "p", "sex": "' + "x" * 5000 + '"}}', ".json")
    shown = str(error)
    assert len(shown) < 400 and "x" * 90 not in shown
    problem = error.problems[0].to_json()
    assert len(problem["value"]) <= 80


def test_finding_13_duplicate_keys_are_refused(tmp_path):
    text = (
        "person: {id: dup}\nmeasurements:\n  - {kind: body_weight, date: 2026-01-05, value: 70 kg}\nmeasurements: []\n"
    )
    result = cli(tmp_path, "dup.yaml", text)
    assert result.exit_code == 2 and "appears twice" in result.output and "line 4" in result.output
    assert "appears twice" in str(refused('{"person": {"id": "a"}, "person": {"id": "b"}}', ".json"))


@pytest.mark.parametrize(
    "body",
    [
        '{"person": {"id": "p", "height": NaN}}',
        '{"person": {"id": "p", "height": Infinity}}',
        '{"person": {"id": "p", "height": 1e309}}',
        '{"person": {"id": "p", "age": ' + "9" * 309 + "}}",
        '{"person": {"id": "p", "age": ' + "9" * 5000 + "}}",
        "[" * 1000 + "]" * 1000,
        '{"person": {"id": "p"}, "conditions": ' + "[" * 5000 + "]" * 5000 + "}",
    ],
)
def test_finding_7_non_finite_huge_and_deep_json_is_a_field_problem(tmp_path, body):
    result = cli(tmp_path, "bad.json", body)
    assert result.exit_code == 2 and "internal error" not in result.output
    assert len(result.output) < 1000


@pytest.mark.parametrize("unit", ["kg/0", "(", "kg**-0", "kg**", "1/0", ")(", "kg**1e309", "meter**99999"])
def test_finding_7_malformed_units_are_field_problems(unit):
    error = refused(
        f'{{"person": {{"id": "p"}}, "measurements": [{{"kind": "body_weight", "date": "2026-01-05", '
        f'"value": {{"value": 70, "unit": "{unit}"}}}}]}}',
        ".json",
    )
    assert error.problems[0].field == "measurements[0].value"


@pytest.mark.parametrize("date", ["0000-00-00", "2026-02-30", "2026-13-40", "0001-01-01"])
def test_finding_7_impossible_yaml_dates_exit_2_with_the_field(tmp_path, date):
    for command in ("validate", "assess"):
        result = cli(tmp_path, "date.yaml", f"person: {{id: d, birth_date: {date}}}\n", command)
        assert result.exit_code == 2 and "person.birth_date" in result.output, result.output


def test_finding_8_long_unit_strings_are_refused_before_pint_reads_them():
    for size in (16_000, 1_000_000):
        started = time.monotonic()
        error = refused('{"person": {"id": "p", "height": "170 ' + "m" * size + '"}}', ".json")
        assert time.monotonic() - started < 0.5
        assert error.problems[0].field == "person.height"
    started = time.monotonic()
    error = refused('{"person": {"id": "p", "height": {"value": 1, "unit": "' + "m" * 9000 + '"}}}', ".json")
    assert time.monotonic() - started < 0.5 and error.problems[0].field == "person.height"


def test_finding_8_a_unit_just_over_the_limit_is_refused_and_a_real_one_accepted():
    assert parse_record(parse_text("person: {id: p, height: 5 ft 9 in}\n")).person.height == pytest.approx(175.26)
    error = refused("person: {id: p, height: 170 " + "c" * 60 + "}\n")
    assert "at most 40 characters" in str(error)


def test_finding_6_dates_before_birth_and_impossible_ages_are_refused():
    today = dt.date.today().isoformat()
    assert "0 years old" in str(refused(f"person: {{id: p, birth_date: {today}}}\n"))
    assert "years old" in str(refused("person: {id: p, birth_date: 1900-01-01}\n"))
    error = refused("person: {id: p, birth_date: 1960-01-01}\nepisodes: [{kind: bed_rest, start: 1900-01-01}]\n")
    assert error.problems[0].field == "episodes" and "before the birth date" in str(error)


def test_file_size_is_limited(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("person: {id: p}\n" + "# padding\n" * 600_000)
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2 and "too large" in result.output


def test_a_stream_without_end_is_refused_at_the_size_limit_not_read_into_memory():
    """A pipe or a device has no size to check first (``yes | myoscope validate /dev/stdin`` grew to 16 GB)."""
    import io

    from myoscope.record import MAX_FILE_BYTES, read_limited

    class Endless(io.RawIOBase):
        served = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            self.served += len(buffer)
            buffer[:] = b"y" * len(buffer)
            return len(buffer)

    stream = Endless()
    with pytest.raises(InputError) as err:
        read_limited(io.BufferedReader(stream))
    assert err.value.problems[0].message == "is too large"
    assert stream.served <= MAX_FILE_BYTES + 2 * io.DEFAULT_BUFFER_SIZE
