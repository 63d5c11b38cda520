"""Series from Python: one value per period, missing values, windows and year over year."""

from __future__ import annotations

import copy
import gc
import math
import pickle
from typing import Any, Literal

import kerncijfers as kc
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st

JAN_MAY = kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 5))
MARCH = kc.Month(2021, 3)


def base_of(array: npt.NDArray[Any]) -> object:
    """The object an array views (numpy's stubs type it as an array, but it can be anything)."""
    return array.base


def counts() -> kc.Series[kc.Month, np.int64]:
    return kc.Series(JAN_MAY, [10, 20, 0, 40, 50], [True, True, False, True, True])


def test_construction_decides_the_value_type_from_the_dtype() -> None:
    ints = counts()
    assert ints.dtype == np.dtype(np.int64)
    assert ints.values.tolist() == [10, 20, 0, 40, 50]
    assert ints.valid.tolist() == [True, True, False, True, True]
    assert len(ints) == ints.size() == 5
    assert ints.range == JAN_MAY and ints.first == kc.Month(2021, 1) and ints.last == kc.Month(2021, 5)
    assert ints.unit is kc.Month
    floats = kc.Series(JAN_MAY, [1.0, 2.0, math.nan, 4.0, 5.0])
    assert floats.dtype == np.dtype(np.float64)
    assert floats.valid.tolist() == [True, True, False, True, True]
    # int32 and float32 widen exactly; a value under a False mask is dropped (stored as 0).
    widened = kc.Series(JAN_MAY, np.array([10, 20, 99, 40, 50], dtype=np.int32), np.array([1, 1, 0, 1, 1], np.uint8))
    assert widened == ints
    assert kc.Series(JAN_MAY, np.array([1, 2, 3, 4, 5], dtype=np.float32)).dtype == np.dtype(np.float64)
    empty = kc.Series(JAN_MAY, dtype=np.int64)
    assert empty.valid.tolist() == [False] * 5 and empty.values.tolist() == [0] * 5
    assert all(math.isnan(x) for x in kc.Series(JAN_MAY).values.tolist())


def test_construction_errors() -> None:
    with pytest.raises(kc.InvalidInput, match=r"^a series over 2021-01/2021-05 needs 5 values, got 4$"):
        kc.Series(JAN_MAY, [1, 2, 3, 4])
    with pytest.raises(kc.InvalidInput, match=r"^a series over 2021-01/2021-05 needs 5 validity mask entries, got 3$"):
        kc.Series(JAN_MAY, [1, 2, 3, 4, 5], [True, True, True])
    with pytest.raises(kc.InvalidInput, match=r"^a series over 2021-01/2021-05 needs 5 validity mask entries, got 0$"):
        kc.Series(JAN_MAY, [1, 2, 3, 4, 5], np.zeros(0, dtype=bool))
    with pytest.raises(
        kc.InvalidInput, match=r"^valid is only for integer values; float64 values mark a missing value"
    ):
        kc.Series(JAN_MAY, np.ones(5), [True] * 5)
    with pytest.raises(kc.InvalidInput, match=r"^values must hold integers for an int64 Series, got dtype float64$"):
        kc.Series(JAN_MAY, np.ones(5), dtype=np.int64)
    with pytest.raises(kc.InvalidInput, match=r"^values must hold floating-point numbers for a float64 Series"):
        kc.Series(JAN_MAY, np.arange(5), dtype="float64")
    with pytest.raises(kc.InvalidInput, match=r"got dtype bool$"):
        kc.Series(JAN_MAY, np.ones(5, dtype=bool))
    with pytest.raises(kc.InvalidInput, match=r"^a Series holds float64 or int64 values, not dtype int32$"):
        kc.Series(JAN_MAY, dtype=np.int32)  # type: ignore[arg-type]
    with pytest.raises(
        kc.InvalidInput, match=r"valid must be a bool or uint8 array \(False = missing\), got dtype int64"
    ):
        kc.Series(JAN_MAY, [1, 2, 3, 4, 5], np.ones(5, dtype=np.int64))  # type: ignore[arg-type]
    with pytest.raises(kc.CountOverflowError, match="does not fit in int64"):
        kc.Series(JAN_MAY, np.array([2**63, 0, 0, 0, 0], dtype=np.uint64))


def test_values_are_a_read_only_view_of_the_series() -> None:
    s = counts()
    values = s.values
    assert not values.flags.writeable and not values.flags.owndata
    assert base_of(values) is s  # the array keeps the Series alive
    assert np.shares_memory(values, s.values)  # two views of one buffer, not two copies
    with pytest.raises(ValueError, match="read-only"):
        values[0] = 1
    s[kc.Month(2021, 1)] = 11
    assert values[0] == 11  # the view sees the series change
    valid = s.valid
    assert not valid.flags.writeable and base_of(valid) is s and np.shares_memory(valid, s.valid)
    # The view outlives every other reference to its Series.
    orphan = kc.Series(JAN_MAY, [1, 2, 3, 4, 5]).values
    gc.collect()
    assert orphan.tolist() == [1, 2, 3, 4, 5]


def test_access_by_period() -> None:
    s = counts()
    assert s.at(kc.Month(2021, 2)) == 20
    assert s.get(MARCH) is None and s[MARCH] is None
    assert s.is_missing(MARCH) and not s.is_missing(kc.Month(2021, 4))
    with pytest.raises(kc.InvalidInput, match=r"^the value for 2021-03 is missing$"):
        s.at(MARCH)
    with pytest.raises(kc.RangeError, match=r"^2021-06 is outside 2021-01/2021-05$"):
        s.get(kc.Month(2021, 6))
    with pytest.raises(TypeError, match=r"^a Series of Month periods takes a Month, not Quarter$"):
        s.at(kc.Quarter(2021, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a period"):
        s[0]  # type: ignore[index]
    assert MARCH in s and kc.Month(2022, 1) not in s and kc.Year(2021) not in s
    floats = kc.Series(JAN_MAY, [1.0, 2.0, math.nan, 4.0, 5.0])
    assert math.isnan(floats.at(MARCH)) and floats.get(MARCH) is None
    s[MARCH] = 30
    assert s[MARCH] == 30 and not s.is_missing(MARCH)
    s[MARCH] = None
    assert s.is_missing(MARCH)
    s.set(MARCH, 31)
    s.set_missing(kc.Month(2021, 1))
    assert s.values.tolist() == [0, 20, 31, 40, 50]
    with pytest.raises(kc.InvalidInput, match=r"^an int64 Series takes integers, got float 2.5$"):
        s[MARCH] = 2.5  # type: ignore[assignment]
    with pytest.raises(kc.InvalidInput, match=r"^an int64 Series takes numbers, not bool$"):
        s[MARCH] = True
    with pytest.raises(kc.CountOverflowError, match=r"^the value 9223372036854775808 does not fit in int64$"):
        s[MARCH] = 2**63
    floats[MARCH] = 3
    assert floats[MARCH] == 3.0
    with pytest.raises(kc.InvalidInput, match="cannot be stored exactly in float64"):
        floats[MARCH] = 2**53 + 1
    with pytest.raises(TypeError, match="not iterable"):
        iter(s)  # type: ignore[arg-type]


def test_rolling_and_trailing_sums() -> None:
    s = counts()
    assert str(s.rolling_sum(2)) == "2021-01/2021-05 [NA, 30, NA, NA, 90]"
    assert str(s.rolling_sum(2, min_periods=1)) == "2021-01/2021-05 [10, 30, 20, 40, 90]"
    assert s.rolling_sum(2, missing="as_zero").values.tolist() == [0, 30, 20, 40, 90]
    assert s.rolling_sum(2).dtype == np.dtype(np.int64)
    assert kc.rolling_sum(s, 2) == s.rolling_sum(2)
    assert str(s.rolling_mean(2, min_periods=1)) == "2021-01/2021-05 [10, 15, 20, 40, 45]"
    assert kc.rolling_mean(s, 2, min_periods=1) == s.rolling_mean(2, min_periods=1)
    with pytest.raises(
        kc.RangeError,
        match=r"^rolling sum over 2021-01/2021-05: the value for 2021-03 is missing "
        r"\(use missing_policy::skip or as_zero to allow gaps\)$",
    ):
        s.rolling_sum(2, missing="reject")
    may = kc.Month(2021, 5)
    assert s.trailing_sum(may, 2) == 90 and kc.trailing_sum(s, may, 2) == 90
    assert s.trailing_sum(may, 5, missing="skip") == 120
    with pytest.raises(
        kc.RangeError, match=r"^trailing sum of 3 periods ending at 2021-04: the value for 2021-03 is missing"
    ):
        s.trailing_sum(kc.Month(2021, 4), 3)
    with pytest.raises(
        kc.RangeError,
        match=r"^trailing sum of 12 periods ending at 2021-05 needs 2020-06/2020-12, before the series starts at 2021-01$",
    ):
        s.trailing_sum(may, 12)
    with pytest.raises(kc.RangeError, match=r"^a trailing window needs at least 1 period, got 0 ending at 2021-05$"):
        s.trailing_sum(may, 0)
    # Window lengths of any size are answered in periods, never wrapped (issue 10).
    with pytest.raises(kc.RangeError, match=r"^a trailing window needs at least 1 period, got -1 ending at 2021-05$"):
        s.trailing_sum(may, -1)
    with pytest.raises(kc.RangeError, match=r"^a trailing window of 18446744073709551616 months ending at 2021-05"):
        s.trailing_sum(may, 2**64)
    with pytest.raises(kc.RangeError, match=r"^a trailing window needs at least 1 period, got -18446744073709551616"):
        kc.trailing_sum(s, may, -(2**64))
    assert s.trailing_sum(may, np.int16(2)) == 90
    with pytest.raises(TypeError, match="n must be an integer, not float"):
        s.trailing_sum(may, 2.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes a Month, not Year"):
        s.trailing_sum(kc.Year(2021), 1)  # type: ignore[arg-type]
    floats = kc.Series(JAN_MAY, [1.0, 2.0, math.nan, 4.0, 5.0])
    assert floats.rolling_sum(2, min_periods=1).values.tolist() == [1.0, 3.0, 2.0, 4.0, 9.0]
    assert floats.trailing_sum(may, 2) == 9.0


def test_year_over_year() -> None:
    months = kc.PeriodRange(kc.Month(2020, 1), kc.Month(2021, 12))
    values = list(range(100, 124))
    s = kc.Series(months, values, [i != 14 for i in range(24)])  # 2021-03 missing
    result = s.year_over_year()
    assert result.change.dtype == np.dtype(np.int64) and result.relative.dtype == np.dtype(np.float64)
    assert result.change.get(kc.Month(2020, 12)) is None  # no base in the series
    assert result.change.get(kc.Month(2021, 1)) == 12
    assert result.change.get(kc.Month(2021, 3)) is None
    assert result.relative.get(kc.Month(2021, 1)) == pytest.approx(12 / 100)
    assert kc.year_over_year(s) == result
    assert s.year_over_year(missing="as_zero").change.get(kc.Month(2021, 3)) == -102
    with pytest.raises(kc.RangeError, match=r"^year-over-year change over 2020-01/2021-12: the value for 2021-03"):
        s.year_over_year(missing="reject")
    # ISO weeks compare week numbers: 2021-W05 with 2020-W05 although 2020 has 53 weeks.
    weeks = kc.PeriodRange(kc.IsoWeek(2020, 1), kc.IsoWeek(2021, 10))
    w = kc.Series(weeks, np.arange(len(weeks), dtype=np.float64))
    change = w.year_over_year().change
    assert change.get(kc.IsoWeek(2021, 5)) == 53.0
    assert change.get(kc.IsoWeek(2020, 53)) is None
    assert "YearOverYearResult(change=Series(2020-01/2021-12 [NA, NA," in repr(result)


def test_repr_str_equality() -> None:
    s = counts()
    assert repr(s) == "Series(2021-01/2021-05 [10, 20, NA, 40, 50], dtype=int64)"
    assert str(s) == "2021-01/2021-05 [10, 20, NA, 40, 50]"
    floats = kc.Series(JAN_MAY, [1.5, 2.0, math.nan, 4.0, 5.0])
    assert repr(floats) == "Series(2021-01/2021-05 [1.5, 2.0, NA, 4.0, 5.0], dtype=float64)"
    weeks = kc.Series(kc.PeriodRange(kc.IsoWeek(2021, 1), kc.IsoWeek(2021, 52)), np.arange(52))
    assert repr(weeks) == "Series(2021-W01/2021-W52 [0, 1, 2, 3, 4, ..., 47, 48, 49, 50, 51], dtype=int64)"
    assert s == counts() and not (s != counts())
    assert s != kc.Series(JAN_MAY, [10, 20, 0, 40, 50])  # same values, other mask
    assert s != kc.Series(JAN_MAY, [10.0, 20.0, math.nan, 40.0, 50.0])  # int64 is not float64
    assert s != "2021-01/2021-05 [10, 20, NA, 40, 50]"
    # Missing equals missing, whatever NaN payload it carries.
    a = kc.Series(JAN_MAY, [1.0, math.nan, 3.0, 4.0, 5.0])
    b = kc.Series(JAN_MAY, np.array([1.0, -math.nan, 3.0, 4.0, 5.0]))
    assert a == b
    with pytest.raises(TypeError, match="unhashable"):
        hash(s)


def test_pickle_and_copy() -> None:
    for s in (
        counts(),
        kc.Series(JAN_MAY, [1.0, 2.0, math.nan, 4.0, 5.0]),
        kc.Series(kc.PeriodRange(kc.Year(2020))),
        kc.Series(kc.PeriodRange(kc.Quarter(2020, 1), kc.Quarter(2021, 4)), np.arange(8)),
    ):
        back = pickle.loads(pickle.dumps(s))
        assert back == s and repr(back) == repr(s) and back.dtype == s.dtype
        assert copy.copy(s) == s and copy.deepcopy(s) == s
    reduced = counts().__reduce_ex__(2)
    assert isinstance(reduced, tuple)
    version, state = reduced[2]
    assert version == 1  # the pickle format version travels with the state
    assert state == (JAN_MAY, [10, 20, 0, 40, 50], [True, True, False, True, True])  # plain Python values
    original = counts()
    duplicate = copy.copy(original)
    duplicate[MARCH] = 5
    assert original.is_missing(MARCH)  # a copy owns its values
    result = counts().year_over_year()
    assert pickle.loads(pickle.dumps(result)) == result and copy.deepcopy(result) == result
    # A state saved by a future version is refused rather than misread.
    future = kc.Series.__new__(kc.Series)
    with pytest.raises(RuntimeError, match="pickle format 2 is newer than this version of kerncijfers understands"):
        future.__setstate__((2, state))  # type: ignore[attr-defined]


def test_pandas_values() -> None:
    pd = pytest.importorskip("pandas")
    s = kc.Series(JAN_MAY, pd.Series([1.0, 2.0, None, 4.0, 5.0]))
    assert s.dtype == np.dtype(np.float64) and s.is_missing(MARCH)
    assert kc.Series(JAN_MAY, pd.Series([1, 2, 3, 4, 5])).dtype == np.dtype(np.int64)


@given(
    st.lists(st.tuples(st.integers(-(10**12), 10**12), st.booleans()), min_size=1, max_size=40),
    st.integers(1, 12),
    st.booleans(),
)
def test_series_sums_equal_the_array_sums(pairs: list[tuple[int, bool]], window: int, as_zero: bool) -> None:
    months = kc.PeriodRange(kc.Month(2020, 1), kc.Month(2020, 1) + (len(pairs) - 1))
    values = np.array([v for v, _ in pairs], dtype=np.int64)
    valid = np.array([ok for _, ok in pairs])
    s = kc.Series(months, values, valid)
    missing: Literal["skip", "as_zero"] = "as_zero" if as_zero else "skip"
    rolled = s.rolling_sum(window, min_periods=1, missing=missing)
    expected = kc.rolling_sum(values, window, min_periods=1, missing=missing, valid=valid)
    assert rolled.values.tolist() == expected.values.tolist()
    assert rolled.valid.tolist() == expected.valid.tolist()
