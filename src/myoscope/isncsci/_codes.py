"""Segments, key muscles and the integer codes of exam values.

Everything the classification reads is a small integer: a segment index
(C1 = 0 ... S3 = 27, S4-5 = 28), a key-muscle index (C5 = 0 ... S1 = 9), and a
value code for each score. Sets of values ("abnormal sensation", "grade below
3", ...) are bit masks over value codes, so a membership test is one shift.
The value classes follow [ISNCSCI-2019] and the way the reference
implementation reads tags (one star: use as not normal; two stars: use as
normal), see ``rules.md`` §1.

References: rupp2021_isncsci (segments, key muscles, scores and tags);
praxis_isncsci_2_0_6 (encoding of the tag decision in the value).

The compiled kernel freezes these constants at compile time and numba's
on-disk cache is keyed on the kernel modules only: after changing a value
here, delete the package's ``__pycache__`` so the kernel is recompiled.
"""

from __future__ import annotations

from myoscope.record.spinal import ANAL_VALUES as ANAL_VALUES
from myoscope.record.spinal import DERMATOMES as DERMATOMES
from myoscope.record.spinal import KEY_MUSCLES as KEY_MUSCLES
from myoscope.record.spinal import MOTOR_LEVELS as MOTOR_LEVELS
from myoscope.record.spinal import MOTOR_VALUES as MOTOR_VALUES
from myoscope.record.spinal import SEGMENTS as SEGMENTS
from myoscope.record.spinal import SENSORY_VALUES as SENSORY_VALUES

# the worksheet's vocabulary is re-exported (``X as X``) for the kernel modules

# --- segments (the worksheet's vocabulary lives with the exam model in myoscope.record.spinal) ---

SEGMENT_INDEX: dict[str, int] = {name: i for i, name in enumerate(SEGMENTS)}

INT_BIT = 28
"""Bit of ``INT`` (intact) in a level mask; S4-5 itself never appears in a level list."""

NA_BIT = 29
"""Bit of ``NA`` (not applicable) in a zone-of-partial-preservation mask."""

TOKENS: tuple[str, ...] = SEGMENTS[:28] + ("INT", "NA")
"""Output token of each mask bit."""


KEY_SEGMENT: tuple[int, ...] = tuple(SEGMENT_INDEX[level] for level in MOTOR_LEVELS)
"""Segment index of each key muscle (C5=4 ... T1=8, L2=21 ... S1=25)."""


def level_index(level: str) -> int:
    """Cranial-to-caudal position of a level name (``C1`` = 0 ... ``S3`` = 27, ``INT`` = 28).

    Stars are ignored (``"T4*"`` -> 11); ``S4_5`` and ``INT`` share position 28.
    Raises ``KeyError`` for anything else.
    """
    name = level.rstrip("*")
    if name == "INT":
        return INT_BIT
    return SEGMENT_INDEX[name]


# --- value codes ----------------------------------------------------------------------


SENSORY_CODE: dict[str, int] = {v: i for i, v in enumerate(SENSORY_VALUES)}
MOTOR_CODE: dict[str, int] = {v: i for i, v in enumerate(MOTOR_VALUES)}
ANAL_CODE: dict[str, int] = {v: i for i, v in enumerate(ANAL_VALUES)}

NO, YES, NT = 0, 1, 2
"""Codes of VAC / DAP."""

S_NT, S_NT1 = SENSORY_CODE["NT"], SENSORY_CODE["NT*"]
S_0, S_2 = SENSORY_CODE["0"], SENSORY_CODE["2"]
M_5, M_NT = MOTOR_CODE["5"], MOTOR_CODE["NT"]
M_0, M_0SS = MOTOR_CODE["0"], MOTOR_CODE["0**"]


def _sensory(*values: str) -> int:
    mask = 0
    for v in values:
        mask |= 1 << SENSORY_CODE[v]
    return mask


def _motor(*values: str) -> int:
    mask = 0
    for v in values:
        mask |= 1 << MOTOR_CODE[v]
    return mask


# sensory value classes (rules.md §1, §5, §10.1)
S_ABNORMAL = _sensory("0", "1", "0*", "1*")
"""Definitely not normal: ends a sensory walk."""
S_VAR_NORMAL = _sensory("0**", "1**")
"""Abnormal score that the examiner asked to use as normal."""
S_CAN_BE_ABSENT = _sensory("0", "NT", "0*", "NT*")
"""May be absent (zone of partial preservation, completeness)."""
S_ANY_NT = _sensory("NT", "NT*")
S_ZERO_OR_0S = _sensory("0", "0*")
S_ZERO_OR_0SS = _sensory("0", "0**")
S_ZERO_TAGGED = _sensory("0", "0*", "0**")
S_TAGGED = _sensory("0*", "1*", "0**", "1**", "NT*", "NT**")
S_DIGIT_TAGGED = _sensory("0*", "1*", "0**", "1**")
S_NORMAL_OR_DOUBLE = _sensory("2", "0**", "1**", "NT**")
S_NT_ANY = _sensory("NT", "NT*", "NT**")

# motor value classes (rules.md §1, §6, §9, §10.2)
M_BELOW3 = _motor("0", "1", "2")
M_STAR_WEAK = _motor("0*", "1*", "2*", "NT*")
"""Single-star weak grades and NT*: the level may sit here; starred."""
M_DOUBLE_WEAK = _motor("0**", "1**", "2**")
M_DOUBLE = _motor("0**", "1**", "2**", "3**", "4**", "NT**")
M_NORMALISH = _motor("5", "0**", "1**", "2**", "3**", "4**", "NT**")
"""Normal, or used as normal."""
M_GO_ON = M_NORMALISH | _motor("NT")
"""Grades that let a motor walk continue past their level."""
M_NEXT_SURE = _motor("3", "4", "5", "3*", "4*", "0**", "1**", "2**", "3**", "4**", "NT**")
"""Next grades that are surely at least 3."""
M_NEXT_UNSURE = _motor("0*", "1*", "2*", "NT", "NT*")
M_BEFORE_CAND = _motor("0", "1", "2", "0*", "1*", "2*", "NT", "NT*")
M_3_4_NTSS = _motor("3**", "4**", "NT**")
M_5_OR_NT = _motor("5", "NT")
M_NO_SURE_FUNCTION = _motor("0", "NT", "NT*", "0*")
M_ZERO_TAGGED = _motor("0*", "0**")
M_SHOWS = _motor("1", "2", "3", "4", "5", "1*", "2*", "3*", "4*", "0**", "1**", "2**", "3**", "4**", "NT**")
"""Shows motor function for the motor ZPP."""
M_MAY_SHOW = _motor("NT", "NT*", "0*")
M_LT3_PLAIN = _motor("0", "1", "2", "NT", "NT*")
M_LT3_STAR = _motor("0*", "1*", "2*")
M_GE3_STAR = _motor("0*", "1*", "2*", "0**", "1**", "2**")
M_TAGGED = _motor("0*", "1*", "2*", "3*", "4*", "0**", "1**", "2**", "3**", "4**", "NT*", "NT**")
M_NT_ANY = _motor("NT", "NT*", "NT**")

SENSORY_POINTS = [0, 1, 2, 0, 1, 0, 1, 0, 0, 0]
"""Score of each sensory code, tags stripped (NT codes are never summed)."""
MOTOR_POINTS = [0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 0, 0]

SENSORY_UNTAGGED = [SENSORY_CODE[v.rstrip("*")] for v in SENSORY_VALUES]
"""Code of the same value with its tag removed (``0**`` -> ``0``, ``NT*`` -> ``NT``)."""
MOTOR_UNTAGGED = [MOTOR_CODE[v.rstrip("*")] for v in MOTOR_VALUES]

COMPLETENESS: tuple[str, ...] = ("C", "C*,I*", "I*", "C,I", "I")
"""Output of the completeness code."""
AIS_GRADES: tuple[str, ...] = ("A", "B", "C", "D", "E")
