"""Text that a person typed, made safe to show in a terminal or a spreadsheet.

Control characters (the escape that starts a terminal command, a carriage return that overwrites a
line, bidirectional overrides that reorder what is seen) are shown as visible escapes, so a record
can never clear a screen or disguise a value. A CSV cell that starts like a formula is given a leading
apostrophe, so a spreadsheet shows it as text instead of running it (OWASP, CSV injection).
"""

from __future__ import annotations

import re

from myoscope.errors import FORMULA_PATTERN, FORMULA_STARTS, safe_cell

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_C1_AND_SEPARATORS = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_text(text: str) -> str:
    """``text`` with every control character written as an escape: ``"\\x1b[2J"`` -> ``"\\\\x1b[2J"``."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def escape_json(text: str) -> str:
    r"""JSON text with the control characters that ``json.dumps`` leaves raw (C1, U+2028...) as ``\uXXXX``.

    Such characters can only occur inside JSON strings, where the escape means the same character.
    """
    return _C1_AND_SEPARATORS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


__all__ = ["FORMULA_PATTERN", "FORMULA_STARTS", "escape_json", "escape_text", "safe_cell"]
