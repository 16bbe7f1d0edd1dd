"""Every source myoscope uses, once.

Code cites sources by key (``cite("mifflin1990")``); reports list the references
that the keys they used resolve to. The entries themselves live in the domain
catalogues of :mod:`myoscope._catalogue`, one module per clinical area, merged
here; a key or a DOI that appears twice is an error at import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Reference:
    """One published source."""

    key: str
    authors: str
    year: int
    title: str
    journal: str
    doi: str | None = None
    url: str | None = None
    note: str | None = None

    def short(self) -> str:
        """First author's surname and the year, as a text cites it: ``Labra et al. 2016``, ``de Boer et al. 2007``.

        Authors are listed as "Surname Initials" separated by commas or semicolons; the surname is all but the
        trailing initials, particles included (de Boer, Di Girolamo, van der Scheer); an author without initials
        is a body and is named whole (World Health Organization).
        """
        names = [n.strip() for n in re.split(r"[,;]", self.authors) if n.strip()]
        if not names:
            return f"{self.key} {self.year}"
        words = re.sub(r"\s*\([^)]*\)", "", names[0]).split()
        person = len(words) >= 2 and re.fullmatch(r"[A-Z]{1,4}(-[A-Z]{1,2})?", words[-1]) is not None
        first = " ".join(words[:-1] if person else words)
        return f"{first}{' et al.' if len(names) > 1 else ''} {self.year}"

    def citation(self) -> str:
        """A one-line citation: authors (year). Title. Journal. doi."""
        text = f"{self.authors} ({self.year}). {self.title}. {self.journal}."
        if self.doi:
            text += f" doi:{self.doi}"
        elif self.url:
            text += f" {self.url}"
        return text


def _merge(groups: Iterable[Iterable[Reference]]) -> Mapping[str, Reference]:
    merged: dict[str, Reference] = {}
    dois: dict[str, str] = {}
    for group in groups:
        for ref in group:
            if ref.key in merged:
                raise ValueError(f"reference key {ref.key!r} is defined twice")
            if ref.doi:
                doi = ref.doi.lower()
                if doi in dois:
                    raise ValueError(f"DOI {ref.doi} is defined twice ({dois[doi]!r} and {ref.key!r})")
                dois[doi] = ref.key
            merged[ref.key] = ref
    return MappingProxyType(merged)


def _load() -> Mapping[str, Reference]:
    from myoscope._catalogue import CATALOGUES

    return _merge(module.ENTRIES for module in CATALOGUES)


REFERENCES: Mapping[str, Reference] = _load()


class UnknownReference(KeyError):
    """A citation key that is not in the catalogue."""


def get(key: str) -> Reference:
    """The reference for ``key``; raises :class:`UnknownReference` if there is none."""
    try:
        return REFERENCES[key]
    except KeyError:
        raise UnknownReference(key) from None


def cite(*keys: str) -> tuple[str, ...]:
    """Check that every key exists and return them as a tuple (for constants' citations)."""
    for key in keys:
        get(key)
    return tuple(keys)


def resolve(keys: Iterable[str]) -> list[Reference]:
    """The references for ``keys``, each once, ordered by first author and year."""
    unique = {k: get(k) for k in keys}
    return sorted(unique.values(), key=lambda r: (r.authors.lower(), r.year, r.key))
