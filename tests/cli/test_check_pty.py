"""``myoscope check`` driven as a person uses it: through a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

import myoscope
from _unavailable import unavailable

try:
    import pexpect
except ImportError:  # pinned in the test extra
    pexpect = None


@pytest.fixture(autouse=True)
def _pexpect_present():
    if pexpect is None:
        unavailable("pexpect is not installed (pexpect==4.9.0 is in the test extra)")


PROMPT = r"\(or skip\): "


def _spawn(tmp_path, *args: str):
    source = str(Path(myoscope.__file__).resolve().parents[1])  # the myoscope under test, not another install
    env = {
        **os.environ,
        "COLUMNS": "100",
        "TERM": "dumb",
        "NO_COLOR": "1",
        "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")]),
    }
    child = pexpect.spawn(
        sys.executable,
        ["-c", "from myoscope.cli import main; main()", "check", *args],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )
    return child


def _answer(child, answers: list[str]) -> None:
    for answer in answers:
        child.expect(PROMPT)
        child.sendline(answer)


def _finish(child) -> str:
    child.expect(pexpect.EOF, timeout=120)
    child.close()
    return child.before


# sex, age, height, weight, weight 6 months ago, SARC-F x5
ABOUT = ["F", "54", "5 ft 3", "9 st 4", "skip", "0", "0", "0", "0", "0"]
NO_WARNINGS = ["no", "no", "no", "no", "no", "no"]  # 5 warning signs, then ALS in the family


def test_cast_on_the_wrist_is_saved_with_its_dates_and_used(tmp_path):
    child = _spawn(tmp_path, "--save", "me.yaml")
    _answer(child, ABOUT)
    _answer(child, ["90", "60", "6", "2", "8"])  # moderate, vigorous, sessions, strength days, sitting hours
    _answer(child, ["yes", "wrist", "L", "plaster", "6", "no", "1"])  # cast on the left wrist, 6 weeks, off 1 week ago
    _answer(child, NO_WARNINGS)
    text = _finish(child)
    assert child.exitstatus == 0, text
    assert text.index("Your result in plain words") < text.index("Details for your clinician")
    saved = yaml.safe_load((tmp_path / "me.yaml").read_text())
    assert saved["person"]["sex"] == "female" and saved["person"]["age"] == 54
    height_cm = float(re.match(r"[\d.]+", str(saved["person"]["height"])).group())  # 5 ft 3 in = 160.02 cm
    assert abs(height_cm - 160.02) < 0.05
    (episode,) = saved["episodes"]
    today = dt.date.today()
    assert episode["limb"] == "forearm" and episode["side"] == "left" and episode["device"] == "cast"
    assert dt.date.fromisoformat(str(episode["end"])) == today - dt.timedelta(weeks=1)
    assert dt.date.fromisoformat(str(episode["start"])) == today - dt.timedelta(weeks=7)
    (week,) = saved["activity"]
    assert "60" in str(week["vigorous_minutes"]) and "90" in str(week["moderate_minutes"])
    assert week["sessions_20min"] == 6
    assert "Inactivity of one limb" in text


def test_sedentary_person_gets_plain_words_first(tmp_path):
    child = _spawn(tmp_path)
    _answer(child, ["male", "67", "175 cm", "61,2 kg", "66 kg", "1", "0", "1", "1", "0"])
    _answer(child, ["0", "0", "0", "10"])  # no exercise: the sessions question is not asked
    _answer(child, ["no"])
    _answer(child, NO_WARNINGS)
    text = _finish(child)
    assert child.exitstatus == 0, text
    plain_part = text[text.index("Your result in plain words") : text.index("Details for your clinician")]
    assert "Whole-body inactivity" in plain_part
    for code in ("cruzjentoft", "[", "None", "NOT_SUPPORTED"):
        assert code not in plain_part


def test_bad_answers_are_refused_with_a_reason_and_enter_never_traps(tmp_path):
    child = _spawn(tmp_path)
    child.expect(PROMPT)
    child.sendline("X")  # not a sex
    child.expect("not a sex I know")
    child.sendline("")  # Enter skips
    child.expect(PROMPT)
    child.sendline("1e9")  # age: not a whole number, no Python message
    child.expect("whole number from 18 to 120")
    child.sendline("150")
    child.expect("not possible here")
    child.sendline("skip")
    _answer(child, ["", "1,000 kg"])  # height skipped; an ambiguous comma
    child.expect("ambiguous")
    child.sendline("skip")
    _answer(child, ["", "", "", "", ""])  # SARC-F skipped
    _answer(child, ["60", "0"])
    child.expect(PROMPT)
    child.sendline("9")  # 9 sessions of 20+ minutes in 60 minutes
    child.expect("at least 180 minutes")
    child.sendline("3")
    _answer(child, ["", ""])
    _answer(child, ["yes", ""])  # cast, Enter on "Which part" moves on
    _answer(child, ["", "", "", "", ""])  # side, device, weeks, still on, weeks ago: all skipped
    child.expect("cannot be used")
    _answer(child, ["", "", "", "", "", ""])  # warning signs and family history skipped
    text = _finish(child)
    assert child.exitstatus == 0, text
    assert "Traceback" not in text and "invalid literal" not in text


def test_no_answers_are_saved_as_asked_none_and_not_asked_again(tmp_path):
    child = _spawn(tmp_path, "--save", "me.yaml")
    _answer(child, ["male", "45", "180 cm", "80 kg", "skip", "0", "0", "0", "0", "0"])
    _answer(child, ["150", "0", "5", "2", "6"])
    _answer(child, ["no"])  # no cast
    _answer(child, NO_WARNINGS)
    text = _finish(child)
    assert child.exitstatus == 0, text
    saved = yaml.safe_load((tmp_path / "me.yaml").read_text())
    assert saved["symptoms"] == [] and saved["episodes"] == [] and saved["family_history"] == []
    from myoscope.causes import assess
    from myoscope.record import load_record

    reloaded = assess(load_record(tmp_path / "me.yaml"))
    limb = next(c for c in reloaded.causes if c.cause == "inactivity_limb")
    assert not any("cast, sling, brace" in m for m in limb.missing)  # "no cast" was heard, not asked again


def test_a_swollen_leg_is_a_red_flag_before_anything_else_wells1997(tmp_path):
    """One leg newly swollen can be a clot in a vein: it comes first, with the advice to seek care."""
    child = _spawn(tmp_path, "--save", "me.yaml")
    _answer(child, ["female", "71", "160 cm", "62 kg", "skip", "0", "0", "0", "0", "0"])
    _answer(child, ["0", "0", "0", "9"])
    _answer(child, ["no"])  # no cast
    _answer(child, ["no", "no", "no", "no", "yes", "no"])  # a swollen leg, nothing else
    text = _finish(child)
    assert child.exitstatus == 0, text
    saved = yaml.safe_load((tmp_path / "me.yaml").read_text())
    assert [s["kind"] for s in saved["symptoms"]] == ["swelling"]
    flag = text.index("swollen leg on one side")
    assert flag < text.index("Details for your clinician")
    assert "same day" in text[flag : flag + 400]
