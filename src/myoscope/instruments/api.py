"""The extension API: the public names an instrument or a definition (:mod:`myoscope.criteria`) is built on.

A new instrument is a module of ``myoscope.instruments`` (a definition, one of ``myoscope.criteria``)
that publishes an :class:`Instrument` as ``INSTRUMENT`` (or several as ``INSTRUMENTS``); its input is
an :class:`InstrumentInput` with quantities such as :data:`Weight`, its result a :class:`Score`
whose criteria are :class:`Criterion` items, with a :class:`Cutoff` for each published threshold.
:func:`myoscope.scores.get` finds it. These names are pinned by ``tests/test_public_api.py``;
the modules behind them are private and may change.
"""

from myoscope.instruments._base import CANNOT_TELL, Criterion, Example, Instrument, InstrumentInput, Score, given
from myoscope.instruments._cutoff import (
    LOW,
    MIXED,
    NOT_LOW,
    Cutoff,
    Op,
    Sex,
    any_of,
    first_known,
    summarize,
    tidy,
    unverified,
)
from myoscope.instruments._nutrition import AdultAge, Bmi, Height, Percent, Weight, bmi_of, decided_category

__all__ = [
    "AdultAge",
    "Bmi",
    "CANNOT_TELL",
    "Criterion",
    "Cutoff",
    "Example",
    "Height",
    "Instrument",
    "InstrumentInput",
    "LOW",
    "MIXED",
    "NOT_LOW",
    "Op",
    "Percent",
    "Score",
    "Sex",
    "Weight",
    "any_of",
    "bmi_of",
    "decided_category",
    "first_known",
    "given",
    "summarize",
    "tidy",
    "unverified",
]
