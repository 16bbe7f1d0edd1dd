"""Wilson score intervals against the worked values of Newcombe RG, Stat Med 1998;17:857-872, Table II."""

import pytest

from myoscope.cohort import wilson_interval


@pytest.mark.parametrize(
    "positive, n, low, high",
    [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_against_newcombe_1998(positive, n, low, high):
    got = wilson_interval(positive, n)
    assert got == pytest.approx((low, high), abs=5e-5)


def test_wilson_with_no_one_decided_is_undefined():
    low, high = wilson_interval(0, 0)
    assert low != low and high != high
