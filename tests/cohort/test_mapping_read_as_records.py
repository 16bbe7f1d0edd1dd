"""A screening mapping is read as records are: a key given twice, a file that is not UTF-8 or nesting past the
limit is refused with a message naming it, never read silently another way or crashing."""

from __future__ import annotations

import pytest

from myoscope.cohort._inputs import MAPPING_FORMAT, load_mapping
from myoscope.errors import InputError


def _refused(tmp_path, content: bytes) -> str:
    path = tmp_path / "mapping.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError) as refused:
        load_mapping(path)
    return str(refused.value)


def test_a_key_given_twice_is_refused(tmp_path):
    text = f"format: {MAPPING_FORMAT}\nmeasurements: {{kinds: {{W: body_weight}}, kinds: {{X: body_weight}}}}\n"
    assert "the key 'kinds' appears twice in one mapping" in _refused(tmp_path, text.encode())


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    assert "is not UTF-8 text" in _refused(tmp_path, b"\xff\xfeformat: x")


def test_nesting_past_the_limit_is_refused(tmp_path):
    text = f"format: {MAPPING_FORMAT}\npopulation: " + "[" * 5000 + "]" * 5000
    assert "is nested too deeply" in _refused(tmp_path, text.encode())


def test_a_hex_looking_code_is_kept_as_written(tmp_path):
    path = tmp_path / "mapping.yaml"
    path.write_text(f"format: {MAPPING_FORMAT}\ncondition_codes: {{0x1F: multiple_sclerosis}}\n")
    assert load_mapping(path).condition_codes == {"0x1F": "multiple_sclerosis"}


def test_a_quoted_code_with_a_leading_zero_is_kept(tmp_path):
    path = tmp_path / "mapping.yaml"
    path.write_text(f'format: {MAPPING_FORMAT}\ncondition_codes: {{"012": als}}\n')
    assert load_mapping(path).condition_codes == {"012": "als"}


def test_a_yes_no_answer_with_its_own_unit_label_is_read():
    """The unit the project writes for a yes/no answer ('yes=1/no=0') holds digits; it is still that kind's unit
    (before, every such row of a long table was refused as 'unknown unit for this kind')."""
    from myoscope.cohort._inputs import unit_factors

    factors = unit_factors([("acute_disease_no_intake", "yes=1/no=0"), ("body_weight", "9 kg")])
    assert factors == {("acute_disease_no_intake", "yes=1/no=0"): 1.0, ("body_weight", "9 kg"): None}


def test_unit_cells_in_capitals_or_plurals_are_read_as_meant():
    """Site exports write 'KG', 'kgs', 'LBS' or 'CM': the same factors as 'kg', 'lb' and 'cm' (they were
    refused as 'unknown unit for this kind')."""
    from myoscope.cohort._inputs import unit_factors

    factors = unit_factors([("body_weight", "KG"), ("body_weight", "kgs"), ("body_weight", "LBS"), ("height", "CM")])
    assert factors == {
        ("body_weight", "KG"): 1.0,
        ("body_weight", "kgs"): 1.0,
        ("body_weight", "LBS"): pytest.approx(0.45359237),
        ("height", "CM"): 1.0,
    }
