"""Everything that can be scored by name: the validated instruments and the consensus definitions.

``get(name)`` returns a registered :class:`~myoscope.instruments.api.Instrument`, ``names()``
lists them all, ``registry()`` maps each name to it. Discovery finds every instance published as a
module-level ``INSTRUMENT`` (or ``INSTRUMENTS`` tuple) in the packages :mod:`myoscope.instruments`
and :mod:`myoscope.criteria`. This module sits above both (the definitions build on the
instruments), so neither package has to know the other's modules.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import re
from collections.abc import Mapping
from functools import lru_cache
from types import ModuleType

import myoscope.criteria
import myoscope.instruments
from myoscope.instruments.api import Instrument

__all__ = ["UnknownInstrument", "get", "names", "registry"]

_PACKAGES = (myoscope.instruments.__name__, myoscope.criteria.__name__)

_HOMES = {
    "cdp": "myoscope.criteria.disability_progression",
    "intake-adequacy": "myoscope.criteria.intake",
    "ipaq": "myoscope.instruments.ipaq_sf",
    "mrc-sum": "myoscope.instruments.mrc",
    "msws-12": "myoscope.instruments.msws12",
    "protein-target": "myoscope.criteria.intake",
}
"""Instruments registered in a module not named after them; every other one lives in a module of
``_PACKAGES`` named ``name`` with ``-`` as ``_``. Lets :func:`get` import one module, not them all
(a test checks that every registered name is found this way)."""

_NAME = re.compile(r"[a-z][a-z0-9-]{0,39}")


@lru_cache(maxsize=1)
def registry() -> Mapping[str, Instrument]:
    """Every registered instrument by name, sorted by name."""
    found: dict[str, Instrument] = {}
    for package_name in _PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{package_name}.{info.name}")
            for item in _registered(module):
                if not isinstance(item, Instrument):
                    raise TypeError(f"{module.__name__} registers a non-instrument: {item!r}")
                if item.name in found:
                    raise ValueError(f"instrument name {item.name!r} is registered twice")
                found[item.name] = item
    return dict(sorted(found.items()))


def _registered(module: ModuleType) -> list[Instrument]:
    items = list(getattr(module, "INSTRUMENTS", ()))
    if hasattr(module, "INSTRUMENT"):
        items.append(module.INSTRUMENT)
    return items


def _from_home(name: str) -> Instrument | None:
    """The instrument ``name`` from the one module that should hold it, or None (then the full registry decides)."""
    if not _NAME.fullmatch(name):
        return None
    homes = [_HOMES[name]] if name in _HOMES else [f"{package}.{name.replace('-', '_')}" for package in _PACKAGES]
    for home in homes:
        if importlib.util.find_spec(home) is None:
            continue
        for item in _registered(importlib.import_module(home)):
            if isinstance(item, Instrument) and item.name == name:
                return item
    return None


def names() -> list[str]:
    return list(registry())


class UnknownInstrument(KeyError):
    pass


def get(name: str) -> Instrument:
    if registry.cache_info().currsize == 0:  # not yet discovered: load only the module that holds it
        found = _from_home(name)
        if found is not None:
            return found
    try:
        return registry()[name]
    except KeyError:
        raise UnknownInstrument(name) from None
