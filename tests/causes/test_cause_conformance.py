"""One conformance suite that every registered cause must pass (like the instruments' suite).

Contract and registry; missing data gives "cannot tell" with what to measure; a section recorded as
empty, or data that speak against a cause, gives "not supported"; every status of a rule table is
reached by some purpose-built record; every evidence item and next step is cited; every next step
passes the safety checks; no cause function above complexity 15; no cause imports another cause's
private names.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from _unavailable import unavailable
from myoscope.causes import Status, assess, safety
from myoscope.causes._context import Context
from myoscope.causes.registry import registry
from myoscope.record import load_record, parse_record
from myoscope.references import REFERENCES, get

SPECS = {s.name: s for s in registry()}
CAUSES_DIR = Path(importlib.import_module("myoscope.causes").__file__).parent
VIGNETTES = Path(__file__).resolve().parents[1] / "vignettes" / "cases"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MAX_COMPLEXITY = 15

EMPTY = {"person": {"id": "conformance-empty"}}
NONE_ASKED = {
    "person": {
        "id": "conformance-none",
        "sex": "female",
        "birth_date": "1970-01-01",
        "height": "165 cm",
        "activity_level": "moderate",
    },
    "conditions": [],
    "symptoms": [],
    "episodes": [],
    "family_history": [],
    "measurements": [
        {"kind": "body_weight", "value": "62 kg", "date": "2026-05-04"},
        {"kind": "body_weight", "value": "62.3 kg", "date": "2026-11-02"},
        {"kind": "calf_circumference", "side": "left", "value": "36.0 cm", "date": "2026-05-04"},
        {"kind": "calf_circumference", "side": "right", "value": "36.2 cm", "date": "2026-05-04"},
        {"kind": "calf_circumference", "side": "left", "value": "36.1 cm", "date": "2026-11-02"},
        {"kind": "calf_circumference", "side": "right", "value": "36.2 cm", "date": "2026-11-02"},
        {"kind": "grip_strength", "side": "right", "trials": ["30 kg"], "date": "2026-11-02"},
        {"kind": "grip_strength", "side": "left", "trials": ["28 kg"], "date": "2026-11-02"},
    ],
    "diet_days": [{"date": f"2026-10-{d}", "energy": "2300 kcal", "protein": "80 g"} for d in (29, 30, 31)],
    "activity": [
        {
            "week_of": "2026-10-26",
            "moderate_minutes": 200,
            "vigorous_minutes": 0,
            "strength_days": 2,
            "sessions_20min": 6,
            "sitting": "7 h/day",
        }
    ],
}


@lru_cache(maxsize=1)
def _records() -> tuple:
    """Every purpose-built record: the two above, the examples and the vignettes."""
    out = [parse_record(EMPTY), parse_record(NONE_ASKED)]
    out += [load_record(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
    for path in sorted(VIGNETTES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data.pop("expected")
        out.append(parse_record(data))
    return tuple(out)


@lru_cache(maxsize=1)
def _assessed() -> tuple:
    return tuple(assess(r) for r in _records())


def test_registry_runs_each_cause_after_its_dependencies():
    order = [s.name for s in registry()]
    assert order[0] == "atrophy"
    for spec in registry():
        for dep in spec.depends:
            assert order.index(dep) < order.index(spec.name), (spec.name, dep)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_spec_declares_name_title_facts_and_resolvable_citations(name):
    spec = SPECS[name]
    assert spec.name and spec.title and spec.explanation and spec.reads
    assert spec.citations
    for key in spec.all_citations():
        ref = get(key)
        assert ref.doi or ref.url, key


@pytest.mark.parametrize("name", sorted(SPECS))
def test_rule_table_is_well_formed(name):
    rules = SPECS[name].rules
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    assert not rules[-1].requires and not rules[-1].excludes, "the last rule must be the catch-all"
    assert all(r.citation in REFERENCES for r in rules), "every rule is cited"
    for r in rules[:-1]:
        assert r.requires, f"{r.id}: only the last rule may require nothing"
        assert all(isinstance(f, SPECS[name].findings) for f in r.requires | r.excludes)


@pytest.mark.parametrize("name", sorted(SPECS))
def test_missing_data_gives_cannot_tell_with_what_to_measure(name):
    assessment = assess(parse_record(EMPTY))
    result = {c.cause: c for c in (assessment.atrophy, *assessment.causes)}[name]
    assert result.status is Status.cannot_tell, result.status
    assert result.missing, "cannot tell must say what to measure or ask"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_explicit_none_gives_not_supported(name):
    assessment = assess(parse_record(NONE_ASKED))
    result = {c.cause: c for c in (assessment.atrophy, *assessment.causes)}[name]
    assert result.status is Status.not_supported, (result.status, result.rules)
    assert any(e.direction.value == "against" for e in result.evidence), "say what speaks against it"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_status_of_the_rule_table_is_reached_by_a_purpose_built_record(name):
    reached = {c.status for a in _assessed() for c in (a.atrophy, *a.causes) if c.cause == name}
    assert SPECS[name].statuses() <= reached, f"never reached: {SPECS[name].statuses() - reached}"


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_rule_fires_on_some_record(name):
    fired = {r for a in _assessed() for c in (a.atrophy, *a.causes) if c.cause == name for r in c.rules}
    never = [r.id for r in SPECS[name].rules if r.id not in fired]
    assert not never, f"rules no record exercises: {never}"


def test_every_evidence_item_and_next_step_is_cited():
    for a in _assessed():
        for cause in (a.atrophy, *a.causes):
            for e in cause.evidence:
                assert e.citation in REFERENCES, (a.person_id, cause.cause, e.finding)
            for s in cause.next_steps:
                assert s.citation in REFERENCES, (a.person_id, cause.cause, s.action)
        for f in a.red_flags:
            assert f.citation in REFERENCES, (a.person_id, f.code)


def test_every_next_step_passes_the_safety_checks():
    for record in _records():
        day = record.latest_date() or dt.date.today()
        ctx = Context(record, day)
        for spec in registry():
            ctx.results[spec.name] = spec.assess(ctx)
        checked = safety.apply(ctx, dict(ctx.results))
        assert safety.violations(ctx, checked) == [], record.person.id


def _cause_modules() -> list[Path]:
    return sorted(CAUSES_DIR.glob("*.py"))


def test_no_cause_imports_another_causes_private_names():
    cause_modules = {importlib.import_module(s.assess.__module__).__name__ for s in registry()}
    for path in _cause_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in cause_modules:
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{path.name} imports {private} from {node.module}"


def test_no_cause_function_above_complexity_15():
    try:
        from radon.complexity import cc_visit
    except ImportError:
        unavailable("radon (pinned in the test extras) is not installed")
    too_complex = [
        f"{path.name}:{block.name} ({block.complexity})"
        for path in _cause_modules()
        for block in cc_visit(path.read_text(encoding="utf-8"))
        if block.complexity > MAX_COMPLEXITY
    ]
    assert not too_complex, too_complex


def test_cause_modules_stay_small():
    for path in _cause_modules():
        assert len(path.read_text(encoding="utf-8").splitlines()) < 800, path.name
