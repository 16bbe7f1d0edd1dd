"""Every source once: unique keys and DOIs, complete entries."""

import pytest

from myoscope.references import REFERENCES, Reference, UnknownReference, _merge, cite, get


def test_every_reference_is_complete():
    for key, ref in REFERENCES.items():
        assert ref.key == key
        assert ref.authors and ref.title and ref.journal and 1900 < ref.year < 2030, key
        assert ref.doi or ref.url, f"{key}: a DOI or a URL is needed"


def test_duplicates_are_refused():
    a = Reference("a", "X", 2000, "T", "J", doi="10.1/x")
    with pytest.raises(ValueError, match="defined twice"):
        _merge([[a], [Reference("b", "Y", 2001, "U", "K", doi="10.1/X")]])
    with pytest.raises(ValueError, match="defined twice"):
        _merge([[a], [Reference("a", "Y", 2001, "U", "K")]])


def test_unknown_key():
    with pytest.raises(UnknownReference):
        cite("no-such-source")
    assert get("mifflin1990").doi == "10.1093/ajcn/51.2.241"


def test_short_citation_names_the_first_author_and_year():
    from myoscope.references import get

    assert get("labra2016").short() == "Labra et al. 2016"


def test_als_progression_names_its_cut_offs_in_words_not_by_key():
    from myoscope.instruments import als_progression

    text = als_progression._scheme_words("labra2016")
    assert text == "the cut-offs of Labra et al. 2016" and "labra2016" not in text
    assert als_progression._scheme_words("rounded") == "rounded cut-offs of 0.5 and 1 points/month"
