"""Values and files as people write them: a gait time in the spellings people use ("5s", "4.5 seconds",
"5 secs"), converted with the course distance (a speed stays a speed); a JSON file with a byte-order mark."""

from __future__ import annotations

import pytest

from myoscope.record import parse_record


@pytest.mark.parametrize(
    ("value", "speed"),
    [("5s", 0.8), ("5.0s", 0.8), ("5 s", 0.8), ("5 sec", 0.8), ("5 secs", 0.8), ("4 seconds", 1.0), ("4 second", 1.0)],
)
def test_a_gait_time_over_four_metres_is_a_speed(value, speed):
    record = parse_record(
        {
            "person": {"id": "p", "sex": "male", "age": 70},
            "measurements": [{"kind": "gait_speed", "value": value, "distance": "4 m", "date": "2026-11-02"}],
        }
    )
    assert record.measurements[0].value == pytest.approx(speed)


def test_a_speed_is_not_read_as_a_time():
    record = parse_record(
        {
            "person": {"id": "p", "sex": "male", "age": 70},
            "measurements": [{"kind": "gait_speed", "value": "1.1 m/s", "date": "2026-11-02"}],
        }
    )
    assert record.measurements[0].value == pytest.approx(1.1)


def test_a_json_record_saved_with_a_byte_order_mark_is_read(tmp_path):
    from myoscope.record import load_record

    path = tmp_path / "r.json"
    path.write_bytes(b'\xef\xbb\xbf{"person": {"id": "p", "sex": "male", "age": 70}}')
    assert load_record(path).person.id == "p"
