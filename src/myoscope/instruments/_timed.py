"""Shared scoring of a timed test that may also be "unable to complete" (chair stand, TUG, 400 m walk)."""

from __future__ import annotations

from collections.abc import Sequence

from myoscope.instruments._base import Instrument, Score
from myoscope.instruments._cutoff import SLOW, SLOW_WORDS, Cutoff, summarize, unverified


def score_timed(
    instrument: Instrument,
    time: float | None,
    unable: bool | None,
    cutoffs: Sequence[Cutoff],
    *,
    what: str,
    interpretation: str,
    unable_text: str,
) -> Score:
    """Judge ``time`` (s) against ``cutoffs``; ``unable`` meets every cut-off; no time -> cannot tell."""
    details = {"unable": bool(unable), "unverified": unverified(cutoffs)}
    if unable:
        criteria = tuple(c.criterion(None, met=True) for c in cutoffs)
        return instrument.result(
            None, SLOW, unit="s", positive=True, criteria=criteria, details=details, interpretation=unable_text
        )
    criteria = tuple(c.criterion(time) for c in cutoffs)
    if time is None:
        return instrument.cannot_tell(
            [f"{what} (s), or whether the person was unable to complete it"], criteria=criteria, details=details
        )
    category, positive = summarize(criteria, SLOW_WORDS)
    return instrument.result(
        time, category, unit="s", positive=positive, criteria=criteria, details=details, interpretation=interpretation
    )
