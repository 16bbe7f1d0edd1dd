"""ISNCSCI 2019 classification of a spinal cord injury exam.

Levels, neurological level of injury, completeness, ASIA Impairment Scale,
zones of partial preservation and totals, exactly as the official algorithm
of the Praxis Spinal Cord Institute (npm ``isncsci`` 2.0.6) gives them,
quirks included. Sources: rupp2021_isncsci (the standard), schuld2012_isncsci
(NT handling), schuld2024_zpp (ZPP applicability), kirshblum2021_challenges,
praxis_isncsci_2_0_6 (the reference implementation).

>>> from myoscope.isncsci import classify
>>> result = classify(exam)            # doctest: +SKIP
>>> result.ais, result.nli             # doctest: +SKIP
('A', 'C5')
"""

from myoscope.isncsci._classify import classify, classify_batch, classify_many
from myoscope.isncsci._codes import KEY_MUSCLES, SEGMENTS, level_index
from myoscope.isncsci._encode import EncodedExams, encode
from myoscope.isncsci._followup import FollowUpPoint, compare
from myoscope.isncsci._model import Exam
from myoscope.isncsci._muscles import WeakMuscle, weak_key_muscles
from myoscope.isncsci._result import BatchResult, Classification, SideClassification
from myoscope.isncsci._synthetic import synthetic_exams
from myoscope.references import cite

CITATIONS: tuple[str, ...] = cite(
    "rupp2021_isncsci", "schuld2012_isncsci", "schuld2024_zpp", "kirshblum2021_challenges", "praxis_isncsci_2_0_6"
)
"""Reference keys behind the classification (the standard, NT handling, ZPP, rulings, reference code)."""

__all__ = [
    "BatchResult",
    "CITATIONS",
    "Classification",
    "EncodedExams",
    "Exam",
    "FollowUpPoint",
    "KEY_MUSCLES",
    "SEGMENTS",
    "SideClassification",
    "WeakMuscle",
    "classify",
    "classify_batch",
    "classify_many",
    "compare",
    "encode",
    "level_index",
    "synthetic_exams",
    "weak_key_muscles",
]
