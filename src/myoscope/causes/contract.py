"""The cause contract: what every cause module declares, and its rule table.

Each cause module holds one :class:`CauseSpec` named ``SPEC``: its name and title, the facts it
reads, the causes it depends on (their results are in ``ctx.results`` when it runs), its
citations, and its rule table. A rule table is a short ordered list of :class:`Rule`: the first
rule whose required findings are all present and whose excluded findings are all absent decides
the status. Findings are machine codes (each cause has its own small ``Enum``); wording lives in
the rule's ``text`` and in the renderers. ``myoscope explain CAUSE`` prints the table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from myoscope.causes._types import Basis, Status
from myoscope.references import cite


@dataclass(frozen=True, slots=True)
class Rule:
    """One row of a rule table: when the findings hold, the status (and the basis for ranking)."""

    id: str
    requires: frozenset[Enum]
    status: Status
    text: str
    citation: str | None = None
    excludes: frozenset[Enum] = frozenset()
    basis: Basis = Basis.none

    def applies(self, found: frozenset[Enum]) -> bool:
        return self.requires <= found and not (self.excludes & found)


def rule(
    id: str,
    requires: Iterable[Enum],
    status: Status,
    text: str,
    citation: str | None = None,
    *,
    excludes: Iterable[Enum] = (),
    basis: Basis = Basis.none,
) -> Rule:
    """A rule, with its citation key checked against the catalogue."""
    if citation:
        cite(citation)
    return Rule(id, frozenset(requires), status, text, citation, frozenset(excludes), basis)


def decide(rules: tuple[Rule, ...], found: Iterable[Enum]) -> Rule:
    """The first rule that applies; every table ends with a rule that requires nothing."""
    present = frozenset(found)
    for r in rules:
        if r.applies(present):
            return r
    raise LookupError("rule table without a final catch-all rule")


@dataclass(frozen=True, slots=True)
class CauseSpec:
    """What a cause declares about itself."""

    name: str
    title: str
    explanation: str
    reads: tuple[str, ...]
    """Facts (attributes of :class:`~myoscope.causes.facts.Facts`) the cause reads."""
    citations: tuple[str, ...]
    rules: tuple[Rule, ...]
    assess: Callable[..., Any]
    depends: tuple[str, ...] = ()
    order: int = 100
    """Position in the cause map (ties in the dependency order)."""
    findings: type[Enum] | None = None
    is_finding: bool = False
    """True for the atrophy finding (not a cause)."""
    extra: dict[str, Any] = field(default_factory=dict)

    def statuses(self) -> set[Status]:
        return {r.status for r in self.rules}

    def all_citations(self) -> tuple[str, ...]:
        keys = list(self.citations)
        keys += [r.citation for r in self.rules if r.citation and r.citation not in keys]
        return tuple(keys)


def describe(spec: CauseSpec) -> dict[str, Any]:
    """A cause as plain data: name, title, explanation, dependencies, facts read, rule table, references."""
    from myoscope.references import resolve

    rules = [
        {
            "id": r.id,
            "when": sorted(f.value for f in r.requires),
            "unless": sorted(f.value for f in r.excludes),
            "status": r.status.value,
            "evidence": r.basis.value,
            "rule": r.text,
            "citation": r.citation,
        }
        for r in spec.rules
    ]
    table = [
        {
            "condition": e.label,
            "snomed_ct": list(e.codes),
            "names": list(e.names),
            "fits": e.pattern.value,
            "citation": e.citation,
        }
        for e in spec.extra.get("table", ())
    ]
    keys = spec.all_citations() + tuple(t["citation"] for t in table)
    return {
        "cause": spec.name,
        "title": spec.title,
        "explanation": spec.explanation,
        "depends_on": list(spec.depends),
        "reads": list(spec.reads),
        "rules": rules,
        "table": table,
        "references": [{"key": ref.key, "citation": ref.citation()} for ref in resolve(keys)],
    }
