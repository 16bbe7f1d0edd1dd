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


@pytest.mark.parametrize(
    ("key", "short"),
    [
        ("deboer2007", "de Boer et al. 2007"),  # surname particles kept
        ("digirolamo2021", "Di Girolamo et al. 2021"),
        ("vanderscheer2021", "van der Scheer et al. 2021"),
        ("pavyletraon2007", "Pavy-Le Traon et al. 2007"),
        ("martinginis2018", "Martin Ginis et al. 2018"),  # a two-word surname
        ("nice_cg32", "National Institute for Health and Care Excellence 2006"),  # a body, named whole
        ("who_bmi2000", "World Health Organization 2000"),
        ("elia2003_must", "Elia et al. 2003"),  # "(ed.)" is not part of the name
    ],
)
def test_short_citation_keeps_whole_surnames_and_names_bodies_whole(key, short):
    from myoscope.references import REFERENCES, get

    assert get(key).short() == short
    assert all(len(ref.short().split()) >= 2 for ref in REFERENCES.values())


def test_als_progression_names_its_cut_offs_in_words_not_by_key():
    from myoscope.instruments import als_progression

    text = als_progression._scheme_words("labra2016")
    assert text == "the cut-offs of Labra et al. 2016" and "labra2016" not in text
    assert als_progression._scheme_words("rounded") == "rounded cut-offs of 0.5 and 1 points/month"
