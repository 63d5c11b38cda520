"""Rounding from Python: exact arithmetic, largest remainder, the published-shares check."""

from __future__ import annotations

from collections.abc import Sequence

import kerncijfers as kc
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

PAGE_NAREIZIGERS = [596, 116, 56, 232]


def test_golden_case_from_the_published_page() -> None:
    independent = kc.independent_percentages(PAGE_NAREIZIGERS)
    assert independent.tolist() == [60, 12, 6, 23]
    assert int(independent.sum()) == 101
    parts = kc.largest_remainder(PAGE_NAREIZIGERS)
    assert parts.tolist() == [60, 12, 5, 23]
    assert all(isinstance(p, int) for p in parts.tolist())
    check = kc.check_published_shares([60, 12, 6, 23])
    assert check.sum == 101 and not check.sums_to_target and check.consistent_with_rounding
    assert check.message == "shares sum to 101, not 100: consistent with independent rounding"
    assert not kc.check_published_shares([49, 50]).consistent_with_rounding


def test_exact_not_binary_floating_point() -> None:
    assert round(2.675, 2) == 2.67  # what floats do
    assert kc.round_ratio(2675, 1000, 2) == 268
    assert kc.round_to_multiple(7685, 10) == 7690
    assert kc.round_to_multiple(7685, 10, kc.RoundingMode.half_even) == 7680
    assert kc.round_to_multiple(7685, 10, "half-even") == 7680
    assert kc.round_to_multiple(7675, 10, "half-even") == 7680
    assert kc.percent_units(kc.Share(596, 1000)) == 60
    assert kc.percent_units(kc.Share(596, 1000), 1) == 596
    assert kc.percent(kc.Share(596, 1000), 1) == kc.RoundedDecimal(596, 1)
    assert kc.percent(kc.Share(1, 3), 1).format("nl") == "33,3"
    assert kc.RoundedDecimal(7690, 0).format("nl") == "7.690"
    assert kc.RoundedDecimal(7690, 0).format("en") == "7,690"


def test_format_is_the_cpp_format() -> None:
    # The two C++ overloads, with their parameters and defaults (rounding.hpp).
    big, small = kc.RoundedDecimal(7690, 0), kc.RoundedDecimal(596, 1)
    assert big.format() == "7690" and small.format() == "59.6"  # format(): "." and no grouping
    assert str(big) == "7690" and str(small) == "59.6"  # operator<< writes format()
    assert big.format(",", ".") == "7.690" and small.format(",", ".") == "59,6"
    assert big.format(".", ",") == "7,690"
    assert big.format(decimal_separator=",") == "7690" and small.format(decimal_separator=",") == "59,6"
    assert kc.RoundedDecimal(1234567, 2).format(thousands_separator=" ") == "12 345.67"
    assert big.format(kc.Language.nl) == "7.690" and big.format(kc.Language.en) == "7,690"
    assert big.format("nl", False) == "7690" and big.format(lang="en", group_thousands=False) == "7690"
    assert small.format("nl") == "59,6" and small.format("en") == "59.6"
    assert kc.RoundedDecimal(-5, 3).format("nl") == "-0,005"
    with pytest.raises(TypeError):
        big.format(None)  # type: ignore[call-overload]
    with pytest.raises(kc.ParseError, match="half-down"):
        kc.round_to_multiple(5, 10, "half-down")  # type: ignore[arg-type]
    with pytest.raises(kc.InvalidInput):
        kc.round_to_multiple(5, 0)


def test_largest_remainder_inputs() -> None:
    array = np.array(PAGE_NAREIZIGERS, dtype=np.int64)
    assert kc.largest_remainder(array).tolist() == [60, 12, 5, 23]
    assert kc.largest_remainder(np.array(PAGE_NAREIZIGERS, dtype=np.int32)).tolist() == [60, 12, 5, 23]
    assert kc.largest_remainder(array, target=1000, decimals=1).sum() == 10000
    with pytest.raises(kc.InvalidInput, match="float64"):
        kc.largest_remainder(np.array([59.6, 40.4]))
    with pytest.raises(kc.CountError, match="position 1"):
        kc.largest_remainder([5, -1])
    with pytest.raises(kc.CountError, match="are 0"):
        kc.largest_remainder([0, 0])
    with pytest.raises(kc.InvalidInput, match="1-dimensional"):
        kc.largest_remainder(np.ones((2, 2), dtype=np.int64))
    with pytest.raises(kc.CountOverflowError):
        kc.largest_remainder(np.array([2**64 - 1], dtype=np.uint64))


@given(st.lists(st.integers(0, 10**12), min_size=1, max_size=40).filter(lambda c: sum(c) > 0), st.integers(0, 2))
def test_largest_remainder_properties(counts: Sequence[int], decimals: int) -> None:
    target = 100
    parts = kc.largest_remainder(counts, target, decimals).tolist()
    scale = 10**decimals
    total = sum(counts)
    assert sum(parts) == target * scale
    for count, part in zip(counts, parts):
        exact_units = count * target * scale
        floor = exact_units // total
        ceil = -(-exact_units // total)
        assert part in (floor, ceil)
    # Independent of input order: the (count, part) pairs are the same set.
    reversed_parts = kc.largest_remainder(list(reversed(counts)), target, decimals).tolist()
    assert sorted(zip(counts, parts)) == sorted(zip(reversed(counts), reversed_parts))
    rotated = list(counts[1:]) + list(counts[:1])
    rotated_parts = kc.largest_remainder(rotated, target, decimals).tolist()
    assert sorted(zip(counts, parts)) == sorted(zip(rotated, rotated_parts))


@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=30).filter(lambda c: sum(c) > 0))
def test_independent_rounding_always_passes_the_published_check(counts: Sequence[int]) -> None:
    shares = kc.independent_percentages(counts)
    assert kc.check_published_shares(shares).consistent_with_rounding
