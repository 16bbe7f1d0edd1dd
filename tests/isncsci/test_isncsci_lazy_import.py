"""The exam model is cheap to import: numba and the kernels load on the first classification."""

import subprocess
import sys


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(out.stdout.split())


def test_record_import_does_not_load_numba():
    loaded = _modules_after("import myoscope.record")
    assert "numba" not in loaded
    assert "myoscope.isncsci._kernel" not in loaded


def test_public_names_load_on_first_use():
    loaded = _modules_after("from myoscope.isncsci import classify, CITATIONS")
    assert "myoscope.isncsci._kernel" in loaded


def test_unknown_name_is_an_attribute_error():
    import myoscope.isncsci

    try:
        myoscope.isncsci.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("expected AttributeError")
