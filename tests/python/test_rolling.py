"""Rolling windows over 1-D numpy values: pandas' min_periods, exact integer sums with masks."""

from __future__ import annotations

import math
import pickle
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Literal

import kerncijfers as kc
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

NAN = math.nan
PANDAS_DOC_CASE = [1.0, 2.0, NAN, 4.0, 5.0]


def as_list(values: npt.NDArray[np.float64]) -> list[float | None]:
    """NaN as None, so that lists compare with ==."""
    return [None if math.isnan(x) else x for x in values.tolist()]


def peak_bytes(action: Callable[[], object]) -> int:
    """The peak of memory traced while `action` runs (numpy reports its buffers to tracemalloc)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_pandas_documentation_case() -> None:
    values = np.array(PANDAS_DOC_CASE)
    assert kc.rolling_sum(values, 2, min_periods=1).tolist() == [1.0, 3.0, 2.0, 4.0, 9.0]
    assert kc.rolling_sum(values, window=2, min_periods=1).tolist() == [1.0, 3.0, 2.0, 4.0, 9.0]
    # min_periods defaults to the window, as in pandas.
    assert as_list(kc.rolling_sum(values, 2)) == [None, 3.0, None, None, 9.0]
    assert as_list(kc.rolling_mean(values, 2, min_periods=1)) == [1.0, 1.5, 2.0, 4.0, 4.5]
    # as_zero: pandas' fillna(0) first.
    assert as_list(kc.rolling_sum(values, 2, missing="as_zero")) == [None, 3.0, 2.0, 4.0, 9.0]
    assert kc.rolling_sum(values, 2, missing=kc.MissingPolicy.as_zero).tolist()[1:] == [3.0, 2.0, 4.0, 9.0]
    with pytest.raises(
        kc.RangeError,
        match=r"^the value at position 2 is missing \(missing_policy::reject\); use skip or as_zero to allow gaps$",
    ):
        kc.rolling_sum(values, 2, missing="reject")


def test_the_same_case_with_integers_and_a_mask() -> None:
    counts = np.array([1, 2, 0, 4, 5], dtype=np.int64)
    valid = np.array([True, True, False, True, True])
    result = kc.rolling_sum(counts, 2, min_periods=1, valid=valid)
    assert isinstance(result, kc.MaskedInt64)
    sums, ok = result
    assert sums.dtype == np.int64 and ok.dtype == np.bool_
    assert sums.tolist() == [1, 3, 2, 4, 9]
    assert ok.tolist() == [True] * 5
    strict = kc.rolling_sum(counts, 2, valid=valid)
    assert strict.values.tolist() == [0, 3, 0, 0, 9]  # 0 under a False mask
    assert strict.valid.tolist() == [False, True, False, False, True]
    # A uint8 mask (the C++ layout) and an int32 input give the same.
    same = kc.rolling_sum(counts.astype(np.int32), 2, valid=valid.astype(np.uint8))
    assert same.values.tolist() == strict.values.tolist() and same.valid.tolist() == strict.valid.tolist()
    # Without a mask every value is present.
    assert kc.rolling_sum([1, 2, 3], 2).values.tolist() == [0, 3, 5]
    mean = kc.rolling_mean(counts, 2, min_periods=1, valid=valid)
    assert mean.dtype == np.float64 and mean.tolist() == [1.0, 1.5, 2.0, 4.0, 4.5]


def test_integer_sums_stay_exact() -> None:
    big = 2**53
    counts = np.array([big, 1, 1], dtype=np.int64)
    sums = kc.rolling_sum(counts, 2).values
    assert sums.tolist() == [0, big + 1, 2]  # big + 1 is not a float64
    assert all(isinstance(x, int) for x in sums.tolist())
    top = np.iinfo(np.int64).max
    with pytest.raises(
        kc.CountOverflowError, match=r"^the sum of the window of 2 ending at position 1 does not fit in int64$"
    ):
        kc.rolling_sum(np.array([top, 1]), 2)
    # uint64 values are read as they are: a window fails only when its own sum does not fit.
    assert kc.rolling_sum(np.array([2**62, 2**62 - 1], dtype=np.uint64), 2).values.tolist() == [0, 2**63 - 1]
    with pytest.raises(kc.CountOverflowError, match="ending at position 0"):
        kc.rolling_sum(np.array([2**63, 2], dtype=np.uint64), 1)


def test_trailing_sums() -> None:
    values = np.array(PANDAS_DOC_CASE)
    assert kc.trailing_sum(values, 4, 2) == 9.0
    with pytest.raises(kc.RangeError, match=r"^the value at position 2 is missing"):
        kc.trailing_sum(values, 3, 2)
    assert kc.trailing_sum(values, 3, 2, missing="skip") == 4.0
    counts = np.array([1, 2, 0, 4, 5])
    valid = np.array([True, True, False, True, True])
    total = kc.trailing_sum(counts, 4, 5, valid=valid, missing="as_zero")
    assert total == 12 and isinstance(total, int)
    with pytest.raises(kc.RangeError, match=r"^a trailing window ending at position 5 is past the end \(5 values\)$"):
        kc.trailing_sum(counts, 5, 1)
    with pytest.raises(
        kc.RangeError, match=r"^a trailing window of 3 ending at position 1 starts 1 positions before the first value$"
    ):
        kc.trailing_sum(counts, 1, 3)
    with pytest.raises(kc.RangeError, match=r"^a trailing window needs at least 1 period, got 0$"):
        kc.trailing_sum(counts, 1, 0)
    with pytest.raises(kc.RangeError, match="got -1"):
        kc.trailing_sum(counts, -1, 1)
    with pytest.raises(kc.InvalidInput, match="out is not used here"):
        kc.trailing_sum(values, 4, 2, out=np.empty(1))


def test_year_over_year() -> None:
    values = np.array([10.0, 20.0, NAN, 15.0, 30.0, 40.0])
    assert as_list(kc.year_over_year_change(values, 2)) == [None, None, None, -5.0, None, 25.0]
    assert as_list(kc.year_over_year_change(values, 2, missing="as_zero")) == [None, None, -10.0, -5.0, 30.0, 25.0]
    assert as_list(kc.year_over_year_relative(values, 2)) == [None, None, None, -0.25, None, 25.0 / 15.0]
    counts = np.array([0, 4, 3, 6], dtype=np.int32)
    change = kc.year_over_year_change(counts, 2)
    assert change.values.tolist() == [0, 0, 3, 2] and change.valid.tolist() == [False, False, True, True]
    # The relative change is missing where the base is 0.
    assert as_list(kc.year_over_year_relative(counts, 2)) == [None, None, None, 0.5]
    top = np.iinfo(np.int64).max
    with pytest.raises(
        kc.CountOverflowError,
        match=r"^the year-over-year change at position 1 \(9223372036854775807 - -1\) does not fit in int64$",
    ):
        kc.year_over_year_change(np.array([-1, top]), 1)
    with pytest.raises(kc.InvalidInput, match=r"^a year-over-year change needs at least 1 period per year, got 0$"):
        kc.year_over_year_change(values, 0)
    with pytest.raises(kc.RangeError, match="position 2 is missing"):
        kc.year_over_year_relative(values, 2, missing="reject")
    with pytest.raises(kc.InvalidInput, match=r"^values must be 1-dimensional, got 2 dimensions$"):
        kc.year_over_year_change(np.zeros((2, 2)), 1)


def test_errors_name_the_value() -> None:
    values = np.array(PANDAS_DOC_CASE)
    with pytest.raises(kc.InvalidInput, match=r"^a rolling window needs at least 1 period, got window 0$"):
        kc.rolling_sum(values, 0)
    with pytest.raises(kc.InvalidInput, match=r"^a rolling window needs at least 1 period, got window -2$"):
        kc.rolling_sum(values, -2)
    with pytest.raises(kc.InvalidInput, match=r"^min_periods 3 is larger than the window 2$"):
        kc.rolling_sum(values, 2, min_periods=3)
    with pytest.raises(kc.InvalidInput, match=r"^min_periods must be 0 or more, got -1$"):
        kc.rolling_mean(values, 2, min_periods=-1)
    with pytest.raises(TypeError, match="min_periods must be an int or None, not float"):
        kc.rolling_sum(values, 2, min_periods=1.0)  # type: ignore[call-overload]
    with pytest.raises(kc.ParseError, match=r'^cannot parse "zero" as a missing policy \(skip, as_zero or reject\)$'):
        kc.rolling_sum(values, 2, missing="zero")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="missing must be kerncijfers.MissingPolicy"):
        kc.rolling_sum(values, 2, missing=0)  # type: ignore[call-overload]
    # Floats where integers are needed and the other way round: refused, naming the dtype.
    with pytest.raises(kc.InvalidInput, match=r"^valid is only for integer values; float64 values mark a missing"):
        kc.rolling_sum(values, 2, valid=np.ones(5, dtype=bool))
    with pytest.raises(
        kc.InvalidInput, match=r"valid must be a bool or uint8 array \(False = missing\), got dtype int64"
    ):
        kc.rolling_sum(np.arange(5), 2, valid=np.ones(5, dtype=np.int64))  # type: ignore[arg-type]
    with pytest.raises(kc.InvalidInput, match=r"^the validity mask has 4 entries but the input has 5 values"):
        kc.rolling_sum(np.arange(5), 2, valid=np.ones(4, dtype=bool))
    with pytest.raises(kc.InvalidInput, match=r"^the validity mask has 0 entries but the input has 5 values"):
        kc.rolling_sum(np.arange(5), 2, valid=np.ones(0, dtype=bool))
    for bad in (np.array([True, False]), np.array(["a", "b"]), np.array([1, None], dtype=object)):
        with pytest.raises(kc.InvalidInput, match=f"must hold numbers .*got dtype {bad.dtype}$"):
            kc.rolling_sum(bad, 1)
    # float16 widens exactly to float64 (float128 would be rounded: refused, see test_array_layouts).
    half: npt.NDArray[np.float16] = np.array([0.5, 1.5, NAN], dtype=np.float16)
    assert kc.rolling_sum(half, 1).tolist()[:2] == [0.5, 1.5]
    with pytest.raises(kc.InvalidInput, match=r"^values must be 1-dimensional \(a series\) or 2-dimensional"):
        kc.rolling_sum(np.ones((2, 2, 2)), 1)
    with pytest.raises(kc.InvalidInput, match=r"^the output has 4 entries but the input has 5 values$"):
        kc.rolling_sum(values, 2, out=np.empty(4))
    with pytest.raises(kc.InvalidInput, match=r"^out must have dtype float64, got dtype float32$"):
        kc.rolling_sum(values, 2, out=np.empty(5, dtype=np.float32))
    with pytest.raises(kc.InvalidInput, match=r"^the output overlaps the input; pass separate memory$"):
        kc.rolling_sum(values, 2, out=values)


def test_dtypes_and_layouts() -> None:
    expected = [1.0, 3.0, 2.0, 4.0, 9.0]
    single = np.array(PANDAS_DOC_CASE, dtype=np.float32)
    assert kc.rolling_sum(single, 2, min_periods=1).tolist() == expected
    big_endian: npt.NDArray[np.float64] = np.array(PANDAS_DOC_CASE, dtype=">f8")
    assert kc.rolling_sum(big_endian, 2, min_periods=1).tolist() == expected  # read through a native copy
    assert kc.rolling_sum(PANDAS_DOC_CASE, 2, min_periods=1).tolist() == expected  # a list
    strided = np.array([1.0, -1, 2, -1, NAN, -1, 4, -1, 5, -1])[::2]
    assert kc.rolling_sum(strided, 2, min_periods=1).tolist() == expected  # copied to contiguous memory
    for dtype in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64):
        assert kc.rolling_sum(np.array([1, 2, 3], dtype=dtype), 2).values.tolist() == [0, 3, 5]


def test_out_returns_the_callers_array() -> None:
    values = np.array(PANDAS_DOC_CASE)
    out = np.full(5, -1.0)
    result = kc.rolling_sum(values, 2, min_periods=1, out=out)
    assert result is out and out.tolist() == [1.0, 3.0, 2.0, 4.0, 9.0]
    sums = np.zeros(3, dtype=np.int64)
    ok = np.zeros(3, dtype=bool)
    masked = kc.rolling_sum([1, 2, 3], 2, out=(sums, ok))
    assert masked.values is sums and masked.valid is ok
    assert sums.tolist() == [0, 3, 5] and ok.tolist() == [False, True, True]
    with pytest.raises(kc.InvalidInput, match=r"^out\[1\] must have dtype bool or uint8, got dtype int64$"):
        kc.rolling_sum([1, 2, 3], 2, out=(sums, sums))  # type: ignore[arg-type]
    with pytest.raises(kc.InvalidInput, match=r"^out is read-only$"):
        readonly = np.empty(5)
        readonly.setflags(write=False)
        kc.rolling_sum(values, 2, out=readonly)


def test_no_copy_of_a_large_input() -> None:
    n = 1_000_000
    values = np.random.default_rng(1).random(n)
    values.setflags(write=False)  # read in place: nothing needs to write it
    out = np.empty(n)
    copy_peak = peak_bytes(lambda: np.array(values))
    assert copy_peak >= values.nbytes  # the meter sees numpy's buffers
    assert peak_bytes(lambda: kc.rolling_sum(values, 12, out=out)) < 100_000
    # Without out= only the result is allocated, not a converted copy of the input.
    assert peak_bytes(lambda: kc.rolling_mean(values, 12)) < values.nbytes + 100_000
    counts = np.arange(n, dtype=np.int32)
    valid = np.ones(n, dtype=bool)
    sums = np.empty(n, dtype=np.int64)
    ok = np.empty(n, dtype=bool)
    assert peak_bytes(lambda: kc.rolling_sum(counts, 12, valid=valid, out=(sums, ok))) < 100_000
    assert sums[-1] == sum(range(n - 12, n))


def test_pandas_series_input() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(PANDAS_DOC_CASE)
    assert kc.rolling_sum(series, 2, min_periods=1).tolist() == [1.0, 3.0, 2.0, 4.0, 9.0]
    assert kc.rolling_sum(series, 2, min_periods=1).tolist() == series.rolling(2, min_periods=1).sum().tolist()
    counts = pd.Series([1, 2, 3], dtype="int64")
    assert kc.rolling_sum(counts, 2).values.tolist() == [0, 3, 5]
    # The Series' own buffer is read in place (pandas' __array__ is a view).
    large = pd.Series(np.random.default_rng(2).random(500_000))
    out = np.empty(len(large))
    assert peak_bytes(lambda: kc.rolling_sum(large, 7, out=out)) < 100_000
    assert np.allclose(out, large.rolling(7).sum().to_numpy(), equal_nan=True, rtol=1e-12, atol=1e-9)


def test_missing_policy_and_masked_result_pickle() -> None:
    for policy in (kc.MissingPolicy.skip, kc.MissingPolicy.as_zero, kc.MissingPolicy.reject):
        assert pickle.loads(pickle.dumps(policy)) == policy
    result = kc.rolling_sum([1, 2, 3], 2)
    back = pickle.loads(pickle.dumps(result))
    assert isinstance(back, kc.MaskedInt64)
    assert back.values.tolist() == [0, 3, 5] and back.valid.tolist() == [False, True, True]


# --- properties ---------------------------------------------------------------------------

floats_with_gaps = st.lists(st.one_of(st.floats(-1e6, 1e6), st.just(NAN)), max_size=60)
counts_with_mask = st.lists(st.tuples(st.integers(-(10**12), 10**12), st.booleans()), max_size=60)


@st.composite
def window_and_min_periods(draw: st.DrawFn) -> tuple[int, int | None]:
    window = draw(st.integers(1, 12))
    min_periods = draw(st.one_of(st.none(), st.integers(0, window)))
    return window, min_periods


def naive_sum(
    values: Sequence[float | None], window: int, min_periods: int | None, as_zero: bool
) -> list[float | None]:
    """The definition: each window's present values summed exactly (None = missing)."""
    needed = window if min_periods is None else min_periods
    out: list[float | None] = []
    for i in range(len(values)):
        chunk = values[max(0, i - window + 1) : i + 1]
        present = [0.0 if x is None else x for x in chunk] if as_zero else [x for x in chunk if x is not None]
        out.append(math.fsum(present) if len(present) >= needed else None)
    return out


def close(got: Sequence[float | None], expected: Sequence[float | None]) -> bool:
    return len(got) == len(expected) and all(
        (a is None and b is None)
        or (a is not None and b is not None and math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-6))
        for a, b in zip(got, expected)
    )


@given(floats_with_gaps, window_and_min_periods(), st.booleans())
def test_float_rolling_sum_matches_the_definition(
    values: list[float], shape: tuple[int, int | None], as_zero: bool
) -> None:
    window, min_periods = shape
    missing: Literal["skip", "as_zero"] = "as_zero" if as_zero else "skip"
    got = kc.rolling_sum(np.array(values, dtype=np.float64), window, min_periods=min_periods, missing=missing)
    gaps = [None if math.isnan(x) else x for x in values]
    assert close(as_list(got), naive_sum(gaps, window, min_periods, as_zero))


@given(floats_with_gaps, window_and_min_periods())
@settings(deadline=None)  # pandas' first call is slow
def test_float_rolling_sum_matches_pandas(values: list[float], shape: tuple[int, int | None]) -> None:
    pd = pytest.importorskip("pandas")
    window, min_periods = shape
    series = pd.Series(values, dtype="float64")
    expected = series.rolling(window, min_periods=min_periods).sum().to_numpy()
    got = kc.rolling_sum(series, window, min_periods=min_periods)
    assert close(as_list(got), as_list(expected))
    filled = series.fillna(0).rolling(window, min_periods=min_periods).sum().to_numpy()
    assert close(as_list(kc.rolling_sum(series, window, min_periods=min_periods, missing="as_zero")), as_list(filled))


@given(counts_with_mask, window_and_min_periods(), st.booleans())
def test_integer_rolling_sum_is_exact_with_masks(
    pairs: list[tuple[int, bool]], shape: tuple[int, int | None], as_zero: bool
) -> None:
    window, min_periods = shape
    counts = np.array([c for c, _ in pairs], dtype=np.int64)
    valid = np.array([v for _, v in pairs], dtype=bool)
    missing: Literal["skip", "as_zero"] = "as_zero" if as_zero else "skip"
    got = kc.rolling_sum(counts, window, min_periods=min_periods, missing=missing, valid=valid)
    needed = window if min_periods is None else min_periods
    for i in range(len(pairs)):
        chunk = pairs[max(0, i - window + 1) : i + 1]
        present = [c if v else 0 for c, v in chunk] if as_zero else [c for c, v in chunk if v]
        ok = len(present) >= needed
        assert bool(got.valid[i]) == ok
        assert int(got.values[i]) == (sum(present) if ok else 0)
    # The mean divides that exact sum by the number of present values.
    mean = kc.rolling_mean(counts, window, min_periods=min_periods, missing=missing, valid=valid)
    for i in range(len(pairs)):
        chunk = pairs[max(0, i - window + 1) : i + 1]
        present = [c if v else 0 for c, v in chunk] if as_zero else [c for c, v in chunk if v]
        if len(present) >= needed and present:
            assert math.isclose(float(mean[i]), sum(present) / len(present), rel_tol=1e-15, abs_tol=1e-3)
        else:
            assert math.isnan(float(mean[i]))
