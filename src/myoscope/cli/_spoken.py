"""Answers as people type them, read into the record's own forms (or refused with a reason).

``"5 ft 3"`` is 5 ft 3 in, ``"9 st 4"`` is 9 stone 4 lb (130 lb), ``"61,2 kg"`` is 61.2 kg (a comma
before one or two digits is a decimal comma; ``"1,000"`` is ambiguous and refused); ``"wrist"`` is the
forearm, ``"F"`` is female. The record's parser then checks the unit and the plausible range.
"""

from __future__ import annotations

import re
from collections.abc import Callable

SKIP_WORDS = ("", "skip", "s", "-", "?", "don't know", "dont know", "not sure", "no idea", "unknown")

POUNDS_PER_STONE = 14

_NUMBER = r"\d+(?:\.\d+)?"
_FEET = re.compile(rf"^({_NUMBER})\s*(?:ft|feet|foot|')\s*({_NUMBER})?\s*(?:in|inch|inches|\"|'')?$")
_STONE = re.compile(rf"^({_NUMBER})\s*(?:st|stone|stones)\s*(?:({_NUMBER})\s*(?:lb|lbs|pounds?)?)?$")
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d+),(\d{1,2})(?![\d,.])")
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")
_WHOLE = re.compile(r"^\d{1,6}$")

SEX_WORDS = {
    "m": "male",
    "male": "male",
    "man": "male",
    "boy": "male",
    "f": "female",
    "female": "female",
    "woman": "female",
    "girl": "female",
}

LIMB_WORDS = {
    "forearm": "forearm",
    "wrist": "forearm",
    "lower arm": "forearm",
    "lower_arm": "forearm",
    "upper arm": "upper_arm",
    "upper_arm": "upper_arm",
    "elbow": "whole_arm",
    "shoulder": "upper_arm",
    "arm": "whole_arm",
    "whole arm": "whole_arm",
    "hand": "hand",
    "finger": "hand",
    "fingers": "hand",
    "thumb": "hand",
    "thigh": "thigh",
    "hip": "thigh",
    "knee": "whole_leg",
    "lower leg": "lower_leg",
    "lower_leg": "lower_leg",
    "shin": "lower_leg",
    "calf": "lower_leg",
    "leg": "whole_leg",
    "whole leg": "whole_leg",
    "ankle": "ankle",
    "foot": "ankle",
}
SIDE_WORDS = {"l": "left", "left": "left", "r": "right", "right": "right"}
DEVICE_WORDS = {
    "cast": "cast",
    "plaster": "cast",
    "sling": "sling",
    "brace": "brace",
    "splint": "splint",
    "boot": "boot",
    "moon boot": "boot",
    "other": "other",
}
RELATION_WORDS = {
    "mother": "mother",
    "mum": "mother",
    "mom": "mother",
    "father": "father",
    "dad": "father",
    "brother": "brother",
    "sister": "sister",
    "son": "son",
    "daughter": "daughter",
}


def is_skip(raw: str) -> bool:
    """True for an answer that means "skip this question" (Enter, "skip", "don't know"...)."""
    return raw.strip().lower() in SKIP_WORDS


def decimal_point(raw: str) -> str:
    """``"61,2 kg"`` -> ``"61.2 kg"``; a comma that could be a thousands separator is refused."""
    if _THOUSANDS.search(raw):
        raise ValueError(f"'{raw}' is ambiguous: write the number without a comma (1000) or with a point (1.0)")
    return _DECIMAL_COMMA.sub(r"\1.\2", raw)


def spoken_quantity(raw: str) -> str:
    """A length or mass as the record's parser reads it: feet and inches, stone and pounds spelled out."""
    text = " ".join(decimal_point(raw.strip()).lower().split())
    if match := _FEET.match(text):
        feet, inches = match.group(1), match.group(2) or "0"
        return f"{feet} ft {inches} in"
    if match := _STONE.match(text):
        pounds = float(match.group(1)) * POUNDS_PER_STONE + float(match.group(2) or 0)
        return f"{pounds:g} lb"
    return text


def whole_number(low: int, high: int, unit: str = "") -> Callable[[str], int]:
    """A converter to a whole number from ``low`` to ``high`` with a reason when refused."""
    shown = f" {unit}" if unit else ""

    def convert(raw: str) -> int:
        text = raw.strip()
        if not _WHOLE.match(text):
            raise ValueError(f"please type a whole number from {low} to {high}{shown}, like {low + 1}")
        value = int(text)
        if not low <= value <= high:
            raise ValueError(f"{value}{shown} is not possible here: the answer must be from {low} to {high}{shown}")
        return value

    return convert


def word(options: dict[str, str], what: str) -> Callable[[str], str]:
    """A converter from the words people use (``options``) to the record's value."""

    def convert(raw: str) -> str:
        value = " ".join(raw.strip().lower().replace("-", " ").split())
        if value in options:
            return options[value]
        if value.endswith("s") and value[:-1] in options:
            return options[value[:-1]]
        shown = ", ".join(dict.fromkeys(options))
        raise ValueError(f"'{raw.strip()[:40]}' is not a {what} I know; try one of: {shown}")

    return convert


def yes_no(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("y", "yes", "yeah", "yep"):
        return True
    if value in ("n", "no", "nope", "never", "none"):
        return False
    raise ValueError("please answer yes or no (or skip)")
