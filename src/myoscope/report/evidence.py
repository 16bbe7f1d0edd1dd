"""Evidence quality in words a clinician reads, where a lower layer marks a value as not yet checked.

The clinical modules flag a cut-off or a rule taken from a secondary source (not re-read in the
primary paper); reports say so in words, never with the marker itself.
"""

from __future__ import annotations

import re

SECONDARY = "from a secondary source, not yet checked against the original paper"

_MARKERS = (
    (re.compile(r"\s*\[unverified\]", re.IGNORECASE), f" (cut-off {SECONDARY})"),
    (re.compile(r"\(UNVERIFIED ([^)]*)\)"), rf"(\1 {SECONDARY})"),
    (re.compile(r"\bUNVERIFIED\b[:,]?\s*"), f"{SECONDARY}: "),
    (re.compile(r",?\s*as recalled, not re-read"), f" ({SECONDARY})"),
)


def clinician_words(text: str) -> str:
    """``text`` with developer markers of evidence quality written out in words."""
    for pattern, words in _MARKERS:
        text = pattern.sub(words, text)
    return text
