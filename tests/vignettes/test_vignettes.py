"""Clinical vignettes: each written from a published case, guideline example or textbook scenario (cited in
its header and ``expected.source``), with the leading cause a careful clinician would give, the causes
that must (and must not) be in the differential, the red flags, and advice that must not appear."""

from __future__ import annotations

import pytest

from myoscope.causes import Status, assess
from myoscope.causes._types import StepKind
from myoscope.record import parse_record
from myoscope.references import REFERENCES
from vignettes._load import CASES, load, names

ALL = names()


def _run(name: str):
    data, expected, header = load(CASES / f"{name}.yaml")
    return assess(parse_record(data)), expected, header


def test_there_are_at_least_sixty_vignettes():
    assert len(ALL) >= 60


@pytest.mark.parametrize("name", ALL)
def test_header_cites_its_source(name):
    _, expected, header = load(CASES / f"{name}.yaml")
    sources = expected["source"] if isinstance(expected["source"], list) else [expected["source"]]
    assert sources and all(key in REFERENCES for key in sources), sources
    assert "Source:" in header and any(key in header for key in sources), "the header must cite its source"


@pytest.mark.parametrize("name", ALL)
def test_vignette(name):
    assessment, expected, _ = _run(name)
    leading = assessment.leading.cause if assessment.leading else None
    allowed = expected.get("leading_any") or [expected.get("leading")]
    assert leading in allowed, (
        f"leading {leading}, expected {allowed}; differential {[c.cause for c in assessment.differential]}"
    )
    differential = [c.cause for c in assessment.differential]
    for cause in expected.get("differential", []):
        assert cause in differential, f"{cause} missing from the differential {differential}"
    for cause in expected.get("not_in_differential", []):
        assert cause not in differential, f"{cause} should not be in the differential {differential}"
    flags = {f.code for f in assessment.red_flags}
    assert set(expected.get("red_flags", [])) <= flags, flags
    assert not set(expected.get("no_red_flags", [])) & flags, flags
    kinds = {s.kind.name for c in (assessment.atrophy, *assessment.causes) for s in c.next_steps}
    forbidden = set(expected.get("must_not_advise", []))
    assert forbidden <= {k.name for k in StepKind}
    assert not forbidden & kinds, f"advice that must not appear: {forbidden & kinds}"
    cited = assessment.citation_keys()
    assert set(expected.get("cited", [])) <= cited, f"not cited: {set(expected.get('cited', [])) - cited}"
    statuses = {c.cause: c.status for c in (assessment.atrophy, *assessment.causes)}
    for cause, status in expected.get("statuses", {}).items():
        assert statuses[cause] is Status(status), f"{cause}: {statuses[cause].value}, expected {status}"
