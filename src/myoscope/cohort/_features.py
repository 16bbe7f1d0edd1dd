"""The layout of the per-person feature matrix the aggregation fills and the rules read.

The compiled aggregation (:mod:`._aggregate`, numba with ``cache=True``) holds these column numbers as
constants, and numba renews its on-disk cache only when that module's own file changes: after a change of
this layout in a working copy, delete ``src/myoscope/cohort/__pycache__/*.nbi`` and ``*.nbc`` (an installed
release writes every file anew, which renews the cache)."""

from __future__ import annotations

from myoscope.cohort._kinds import GIRTHS, KIND_CODE, N_KINDS
from myoscope.criteria import glim

WINDOW_MONTHS = (3, 6, glim.BEYOND_6_MONTHS_SPAN[1])
"""The weight-change windows, in months: 3 and 6 ('MUST', GLIM within 6 months) and GLIM's longest span for a
loss beyond 6 months (window 2)."""

WEIGHT = KIND_CODE["body_weight"]
GRIP = KIND_CODE["grip_strength"]

FEATURES: tuple[str, ...] = (
    *(f"latest.{i}" for i in range(N_KINDS)),
    "weight_day",
    "last_day",
    *(f"both.{g}.{s}" for g in range(len(GIRTHS)) for s in ("left", "right")),
    *(f"both.{g}.day" for g in range(len(GIRTHS))),
    *(
        f"trend.{g}.{s}.{part}"
        for g in range(len(GIRTHS))
        for s in ("left", "right")
        for part in ("first_day", "first", "last_day", "last")
    ),
    *(f"window.{w}.{part}" for w in range(len(WINDOW_MONTHS)) for part in ("start_day", "start", "end_day", "end")),
    *(f"first_both.{g}.{s}" for g in range(len(GIRTHS)) for s in ("left", "right")),
    *(f"first_both.{g}.day" for g in range(len(GIRTHS))),
    *(f"grip.{s}.{part}" for s in ("left", "right") for part in ("first_day", "first", "last_day", "last")),
)
COL = {name: i for i, name in enumerate(FEATURES)}
BOTH0 = COL["both.0.left"]
TREND0 = COL["trend.0.left.first_day"]
BOTH_DAY0 = COL["both.0.day"]
WIN0 = COL["window.0.start_day"]
WDAY = COL["weight_day"]
LAST = COL["last_day"]
FIRST_BOTH0 = COL["first_both.0.left"]
FIRST_BOTH_DAY0 = COL["first_both.0.day"]
GRIP0 = COL["grip.left.first_day"]
