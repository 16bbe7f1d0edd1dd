"""The correction form's widgets read back every entry of the examples exactly as stored, when left as shown."""

from __future__ import annotations

from myoscope.record import load_record
from myoscope.store import _codec
from myoscope.web import _entry_widgets as widgets

SECTIONS = ("measurements", "instruments", "diet_days", "activity", "conditions", "episodes", "symptoms")


def test_each_example_entry_left_as_shown_reads_back_unchanged(examples_dir):
    seen = set()
    for path in sorted(examples_dir.glob("*.yaml")):
        record = load_record(path)
        for section in (*SECTIONS, "family_history"):
            for item in getattr(record, section, None) or []:
                data = _codec.dump_item(section, item)
                assert widgets.read(section, data, widgets.prefill(section, data)) == data, (path.name, section)
                seen.add(section)
    assert seen >= {"measurements", "instruments", "conditions", "episodes"}


def test_a_changed_choice_and_a_blanked_value_are_read_as_typed():
    data = {"kind": "grip_strength", "side": "left", "value": 26.0, "date": "2026-09-22"}
    form = {**widgets.prefill("measurements", data), "field.side": "right", "field.value": "27 kg"}
    assert widgets.read("measurements", data, form) == {**data, "side": "right", "value": "27 kg"}
    blank = {**widgets.prefill("measurements", data), "field.side": ""}
    assert "side" not in widgets.read("measurements", data, blank)
