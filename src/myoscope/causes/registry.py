"""The registry of causes: every public module of this package that declares a ``SPEC``, ordered so
that each cause runs after the causes it depends on (ties: the cause map's ``order``)."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from myoscope.causes.contract import CauseSpec


def _discover() -> dict[str, CauseSpec]:
    import myoscope.causes as package

    specs: dict[str, CauseSpec] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_") or info.name in ("contract", "registry", "analysis", "facts", "safety"):
            continue
        module = importlib.import_module(f"myoscope.causes.{info.name}")
        spec = getattr(module, "SPEC", None)
        if isinstance(spec, CauseSpec):
            if spec.name in specs:
                raise ValueError(f"cause {spec.name!r} is declared twice")
            specs[spec.name] = spec
    return specs


def _ordered(specs: dict[str, CauseSpec]) -> tuple[CauseSpec, ...]:
    """Topological order by declared dependencies; a missing or circular dependency is an error."""
    done: list[str] = []
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            raise ValueError(f"circular cause dependency through {name!r}")
        if name not in specs:
            raise ValueError(f"unknown cause dependency {name!r}")
        visiting.add(name)
        for dep in sorted(specs[name].depends, key=lambda d: specs[d].order if d in specs else 0):
            visit(dep)
        visiting.discard(name)
        done.append(name)

    for spec in sorted(specs.values(), key=lambda s: (s.order, s.name)):
        visit(spec.name)
    return tuple(specs[n] for n in done)


@lru_cache(maxsize=1)
def registry() -> tuple[CauseSpec, ...]:
    """Every cause (the atrophy finding first), in the order they run."""
    return _ordered(_discover())


def spec(name: str) -> CauseSpec:
    """The spec of one cause, by name (case-insensitive; ``-`` and ``_`` are the same)."""
    wanted = name.strip().lower().replace("-", "_")
    for s in registry():
        if s.name == wanted:
            return s
    raise KeyError(name)
