"""Every array-taking function gives the same result for every layout numpy can produce.

numpy hands the bindings arrays that are unaligned (a buffer at an odd offset), byte-swapped,
strided, reversed, read-only, of any integer width, Fortran-ordered, or not arrays at all
(lists, pandas Series). Issue 10 found an unaligned int64 column read as int32: silently wrong
shares. Here each public function gets its input in every layout, and the outcome -- the
result, or the exception type and message -- must equal the outcome for the same values as an
aligned, C-contiguous int64 (or float64) array. The only refusals allowed are the documented
ones: a 2-D panel stored column by column (Fortran order, column-strided, reversed rows) is
refused naming numpy.ascontiguousarray instead of being copied behind the caller's back.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any, TypedDict

import kerncijfers as kc
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

Array = npt.NDArray[Any]
# Layouts of every kind are passed on purpose: the calls under test are not statically typed.
api: Any = kc

pd: Any
try:
    import pandas as pd
except ImportError:  # pragma: no cover - pandas is a test dependency
    pd = None

INTEGER_DTYPES = [
    np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
    np.intc, np.longlong, np.ulonglong,
]  # fmt: skip


def fits(values: Array, dtype: npt.DTypeLike) -> bool:
    info = np.iinfo(dtype)
    return values.size == 0 or (int(values.min()) >= int(info.min) and int(values.max()) <= int(info.max))


def unaligned(values: Array, dtype: npt.DTypeLike | None = None) -> Array:
    """`values` copied into a buffer at an odd byte offset (C order)."""
    dt = np.dtype(values.dtype if dtype is None else dtype)
    buffer = np.zeros(values.size * dt.itemsize + 1, dtype=np.uint8)
    out: Array = np.ndarray(values.shape, dtype=dt, buffer=buffer, offset=1)
    out[...] = values
    assert values.size == 0 or dt.itemsize == 1 or not out.flags.aligned
    return out


def strided(values: Array) -> Array:
    """A view taking every other element (every other row of a panel)."""
    doubled = np.zeros((2 * values.shape[0], *values.shape[1:]), dtype=values.dtype)
    doubled[::2] = values
    return doubled[::2]


def reversed_view(values: Array) -> Array:
    """A view with a negative stride."""
    return values[::-1].copy()[::-1]


def record_field(values: Array) -> Array:
    """The values as a field of a packed record array: a view both strided and unaligned."""
    records = np.zeros(values.shape, dtype=[("flag", np.uint8), ("value", values.dtype)])
    records["value"] = values
    field: Array = records["value"]
    return field


def read_only(values: Array) -> Array:
    """A read-only view (the caller's array stays writeable)."""
    out = values.view()
    out.setflags(write=False)
    return out


def swapped(values: Array) -> Array:
    """The values in the other byte order."""
    return values.astype(values.dtype.newbyteorder("S"))


def layouts_1d(values: Array) -> Iterator[tuple[str, object]]:
    """`values` (int64 or float64, 1-D) in every layout and every dtype that holds them exactly."""
    yield "unaligned", unaligned(values)
    yield "byte-swapped", swapped(values)
    yield "byte-swapped unaligned", unaligned(values, values.dtype.newbyteorder("S"))
    yield "strided", strided(values)
    yield "reversed view", reversed_view(values)
    yield "field of a packed record", record_field(values)
    yield "read-only", read_only(values)
    yield "read-only strided", read_only(strided(values))
    if values.size:  # an empty list has no dtype (numpy makes it float64): see test_empty_input
        yield "list", values.tolist()
        yield "tuple", tuple(values.tolist())
    if pd is not None:
        yield "pandas Series", pd.Series(values)
    if values.dtype.kind == "i":
        for dtype in INTEGER_DTYPES:
            if fits(values, dtype):
                typed = values.astype(dtype)
                yield f"{np.dtype(dtype)}", typed
                yield f"{np.dtype(dtype)} unaligned", unaligned(values, dtype)
                yield f"{np.dtype(dtype)} byte-swapped", swapped(typed)
                yield f"{np.dtype(dtype)} strided", strided(typed)
                if pd is not None:
                    yield f"pandas Series {np.dtype(dtype)}", pd.Series(typed)
    else:
        for float_dtype in (np.float32, np.float16):
            typed = values.astype(float_dtype)
            assert np.array_equal(typed.astype(np.float64), values, equal_nan=True)  # the strategy keeps them exact
            yield f"{typed.dtype}", typed
            yield f"{typed.dtype} unaligned", unaligned(values, float_dtype)
            yield f"{typed.dtype} byte-swapped", swapped(typed)


def layouts_2d(values: Array) -> Iterator[tuple[str, object, bool]]:
    """`values` (2-D, at least 2 x 2; int64, float64 or bool) in every layout, with whether a
    panel function must refuse it."""
    assert values.shape[0] >= 2 and values.shape[1] >= 2
    wide = np.zeros((values.shape[0], 2 * values.shape[1] + 1), dtype=values.dtype)
    wide[:, 1 : values.shape[1] + 1] = values
    every_other_column = np.zeros((values.shape[0], 2 * values.shape[1]), dtype=values.dtype)
    every_other_column[:, ::2] = values
    yield "unaligned", unaligned(values), False
    if values.dtype.itemsize > 1:
        # Converted anyway (to native byte order), so copied into C order rather than refused.
        yield "byte-swapped", swapped(values), False
        yield "byte-swapped Fortran", np.asfortranarray(values).astype(values.dtype.newbyteorder("S"), order="K"), False
    yield "row slice", strided(values), False
    yield "column slice", wide[:, 1 : values.shape[1] + 1], False
    yield "read-only", read_only(values), False
    yield "nested list", values.tolist(), False
    yield "Fortran", np.asfortranarray(values), True
    yield "column-strided", every_other_column[:, ::2], True
    yield "reversed rows", reversed_view(values), True
    if values.dtype.kind == "i":
        for dtype in INTEGER_DTYPES:
            if fits(values, dtype):
                yield f"{np.dtype(dtype)}", values.astype(dtype), False
                yield f"{np.dtype(dtype)} unaligned", unaligned(values, dtype), False
                yield f"{np.dtype(dtype)} Fortran", np.asfortranarray(values.astype(dtype)), True
    elif values.dtype.kind == "f":
        for float_dtype in (np.float32, np.float16):
            yield f"{np.dtype(float_dtype)}", values.astype(float_dtype), False
            yield f"{np.dtype(float_dtype)} unaligned", unaligned(values, float_dtype), False
    else:  # a validity mask: bool or uint8
        yield "uint8", values.astype(np.uint8), False
        yield "uint8 row slice", strided(values.astype(np.uint8)), False
        yield "uint8 Fortran", np.asfortranarray(values.astype(np.uint8)), True


def normalised(result: object) -> object:
    """A result as plain, comparable values (NaN compares equal to NaN)."""
    if isinstance(result, np.ndarray):
        items = result.tolist()
        return ("array", result.dtype.str, result.shape, normalised(items))
    if isinstance(result, list):
        return [normalised(x) for x in result]
    if isinstance(result, tuple):
        return tuple(normalised(x) for x in result)
    if isinstance(result, float):
        return "nan" if math.isnan(result) else result
    if isinstance(result, kc.PublishedSharesCheck):
        return (result.sum, result.target, result.sums_to_target, result.consistent_with_rounding, result.message)
    if isinstance(result, kc.Series):
        return ("Series", normalised(result.values), normalised(result.valid))
    return result


def outcome(call: Callable[[], object]) -> object:
    try:
        return ("result", normalised(call()))
    except (ValueError, ArithmeticError) as error:
        return ("error", type(error).__name__, str(error))


def refused(call: Callable[[], object], what: str) -> bool:
    with pytest.raises(
        kc.InvalidInput, match=rf"^{what} \(.*\) is not stored row by row .*ascontiguousarray\({what}\)"
    ):
        call()
    return True


def check_1d(function: Callable[[object], object], values: Array) -> None:
    expected = outcome(lambda: function(values))
    for name, variant in layouts_1d(values):
        assert outcome(lambda: function(variant)) == expected, name


def check_2d(function: Callable[[object], object], values: Array, what: str = "values") -> None:
    expected = outcome(lambda: function(values))
    for name, variant, refuse in layouts_2d(values):
        if refuse:
            assert refused(lambda: function(variant), what), name
        else:
            assert outcome(lambda: function(variant)) == expected, name


# --- strategies ------------------------------------------------------------------------

counts_1d = hnp.arrays(np.int64, st.integers(0, 12), elements=st.integers(0, 2**40) | st.integers(0, 200))
signed_1d = hnp.arrays(np.int64, st.integers(0, 12), elements=st.integers(-(2**62), 2**62) | st.integers(-200, 200))
# Floats that float16 holds exactly (halves up to 500), and NaN for missing.
exact_floats = st.integers(-1000, 1000).map(lambda x: x / 2) | st.just(math.nan)
floats_1d = hnp.arrays(np.float64, st.integers(0, 12), elements=exact_floats)
panel_shape = st.tuples(st.integers(2, 4), st.integers(2, 6))
signed_2d = hnp.arrays(np.int64, panel_shape, elements=st.integers(-(2**40), 2**40) | st.integers(-50, 50))
floats_2d = hnp.arrays(np.float64, panel_shape, elements=exact_floats)


# --- rounding and checked sums -----------------------------------------------------------


@settings(max_examples=40)
@given(counts_1d)
def test_rounding_functions(counts: Array) -> None:
    check_1d(lambda c: api.largest_remainder(c), counts)
    check_1d(lambda c: api.largest_remainder(c, 1000, 1), counts)
    check_1d(lambda c: api.independent_percentages(c, 1), counts)
    check_1d(lambda c: api.check_published_shares(c), counts)


@settings(max_examples=40)
@given(signed_1d)
def test_checked_sum(values: Array) -> None:
    check_1d(lambda v: api.checked_sum(v), values)


# --- rolling functions over 1-D values ------------------------------------------------------


@settings(deadline=None, max_examples=40)
@given(signed_1d, st.integers(1, 4), st.data())
def test_rolling_over_integers(values: Array, window: int, data: st.DataObject) -> None:
    check_1d(lambda v: api.rolling_sum(v, window, min_periods=1), values)
    check_1d(lambda v: api.rolling_mean(v, window), values)
    check_1d(lambda v: api.year_over_year_change(v, window), values)
    check_1d(lambda v: api.year_over_year_relative(v, window), values)
    if values.size:
        last = data.draw(st.integers(0, values.size - 1))
        check_1d(lambda v: api.trailing_sum(v, last, min(window, last + 1)), values)
        # The validity mask in every layout too, with the values as they are.
        valid = data.draw(hnp.arrays(np.bool_, values.size))
        expected = outcome(lambda: api.rolling_sum(values, window, min_periods=1, valid=valid))
        masks: list[tuple[str, object]] = [
            ("uint8", valid.astype(np.uint8)), ("strided", strided(valid)), ("reversed view", reversed_view(valid)),
            ("read-only", read_only(valid)), ("list", valid.tolist()), ("uint8 strided", strided(valid.astype(np.uint8))),
        ]  # fmt: skip
        for name, mask in masks:
            got = outcome(lambda: api.rolling_sum(values, window, min_periods=1, valid=mask))
            assert got == expected, name


@settings(deadline=None, max_examples=40)
@given(floats_1d, st.integers(1, 4))
def test_rolling_over_floats(values: Array, window: int) -> None:
    check_1d(lambda v: api.rolling_sum(v, window, min_periods=1), values)
    check_1d(lambda v: api.rolling_mean(v, window, min_periods=1), values)
    check_1d(lambda v: api.year_over_year_relative(v, window), values)
    if values.size:
        check_1d(lambda v: api.trailing_sum(v, values.size - 1, 1, missing="skip"), values)


# --- panels -------------------------------------------------------------------------------


@settings(deadline=None, max_examples=40)
@given(signed_2d, st.integers(1, 3), st.data())
def test_panels_of_integers(values: Array, window: int, data: st.DataObject) -> None:
    check_2d(lambda v: api.rolling_sum(v, window, min_periods=1), values)
    check_2d(lambda v: api.rolling_mean(v, window), values)
    check_2d(lambda v: api.column_sums(v), values)
    last = values.shape[1] - 1
    check_2d(lambda v: api.trailing_sum(v, last, window), values)
    # A 2-D validity mask in every layout (a mask is refused where values would be).
    valid = data.draw(hnp.arrays(np.bool_, values.shape))
    check_2d(lambda m: api.rolling_sum(values, window, min_periods=1, valid=m), valid, "valid")


@settings(deadline=None, max_examples=40)
@given(floats_2d, st.integers(1, 3))
def test_panels_of_floats(values: Array, window: int) -> None:
    check_2d(lambda v: api.rolling_sum(v, window, min_periods=1), values)
    check_2d(lambda v: api.rolling_mean(v, window, min_periods=1), values)
    check_2d(lambda v: api.column_sums(v), values)


# --- Series -----------------------------------------------------------------------------------


@settings(deadline=None, max_examples=40)
@given(st.integers(1, 12), st.data())
def test_series_values(n: int, data: st.DataObject) -> None:
    months = kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 1) + (n - 1))
    ints = data.draw(hnp.arrays(np.int64, n, elements=st.integers(-(2**62), 2**62)))
    check_1d(lambda v: api.Series(months, v), ints)
    floats = data.draw(hnp.arrays(np.float64, n, elements=exact_floats))
    check_1d(lambda v: api.Series(months, v), floats)
    valid = data.draw(hnp.arrays(np.bool_, n))
    expected = outcome(lambda: kc.Series(months, ints, valid))
    for name, mask in [("strided", strided(valid)), ("uint8", valid.astype(np.uint8)), ("list", valid.tolist())]:
        assert outcome(lambda: api.Series(months, ints, mask)) == expected, name


# --- top_shares and trailing_sums_by_nationality -----------------------------------------


@st.composite
def long_tables(draw: st.DrawFn) -> tuple[list[Array], dict[str, int]]:
    shape = draw(st.tuples(st.integers(1, 2), st.integers(1, 2), st.integers(1, 5), st.integers(1, 6)))
    cube = draw(hnp.arrays(np.int64, shape, elements=st.integers(0, 2**40) | st.integers(0, 20) | st.just(0)))
    codes = [np.ascontiguousarray(a, dtype=np.int64) for a in np.nonzero(cube)]
    columns = [*codes, cube[tuple(codes)]]
    extents = dict(zip(("countries", "categories", "nationalities", "months"), shape, strict=True))
    return columns, extents


@settings(deadline=None, max_examples=20)
@given(long_tables(), st.data())
def test_top_shares_columns(table: tuple[list[Array], dict[str, int]], data: st.DataObject) -> None:
    columns, extents = table
    window = data.draw(st.integers(1, extents["months"]))
    top = data.draw(st.integers(1, 3))
    unknown = data.draw(st.none() | st.integers(0, extents["nationalities"] - 1))

    def top_shares(*c: object) -> object:
        return api.top_shares(*c, **extents, window=window, top=top, unknown=unknown)

    def sums(*c: object) -> object:
        return api.trailing_sums_by_nationality(*c, **extents, window=window)

    for function in (top_shares, sums):
        expected = outcome(lambda: function(*columns))
        variants: dict[str, list[object]] = {}
        for i, column in enumerate(columns):
            for name, variant in layouts_1d(column):
                variants.setdefault(name, list(columns))[i] = variant
                # The same layout for this column alone, the others as they are.
                alone: list[object] = list(columns)
                alone[i] = variant
                assert outcome(lambda: function(*alone)) == expected, (name, i)
        for name, all_five in variants.items():
            if all(v is not c for v, c in zip(all_five, columns, strict=True)):
                assert outcome(lambda: function(*all_five)) == expected, name


# --- the reproducers of issue 10 -------------------------------------------------------------


def unaligned_int64(values: list[int]) -> Array:
    a: Array = np.ndarray((len(values),), np.int64, buffer=np.zeros(8 * len(values) + 1, np.uint8), offset=1)
    a[:] = values
    return a


class Shape(TypedDict):
    countries: int
    categories: int
    nationalities: int
    months: int


ONE_CELL = Shape(countries=1, categories=1, nationalities=3, months=1)


def three_rows(count: Array) -> tuple[Array, Array, Array, Array, Array]:
    zero = np.zeros(3, dtype=np.int64)
    return zero, zero, np.arange(3, dtype=np.int64), zero, count


def test_unaligned_counts_give_the_right_shares() -> None:
    result = kc.top_shares(*three_rows(unaligned_int64([5, 3, 2])), **ONE_CELL, window=1, top=2)
    assert result.total.tolist() == [[[10]]]
    assert result.shares.tolist() == [[[[50, 30, 20, 0]]]]


def test_unaligned_counts_keep_their_high_bits() -> None:
    result = kc.top_shares(*three_rows(unaligned_int64([2**40, 7, 1])), **ONE_CELL, window=1, top=2)
    assert result.counts.tolist() == [[[[2**40, 7, 1, 0]]]]
    assert result.total.tolist() == [[[2**40 + 8]]]


def test_unaligned_counts_give_the_right_window_sums() -> None:
    sums = kc.trailing_sums_by_nationality(*three_rows(unaligned_int64([5, 3, 2])), **ONE_CELL, window=1)
    assert sums.tolist() == [[[[5, 3, 2]]]]


def test_broadcast_values_are_read_as_the_values_they_show() -> None:
    constant = np.broadcast_to(np.int64(7), (3,))  # stride 0: one element shown three times
    assert kc.largest_remainder(constant).tolist() == kc.largest_remainder(np.array([7, 7, 7])).tolist()
    assert api.rolling_sum(constant, 2).values.tolist() == [0, 14, 14]
    # A broadcast panel repeats one row: it is not stored row by row and is refused, not copied.
    with pytest.raises(
        kc.InvalidInput, match=r"^values \(2 x 3 int64, strides \(0, 8\) bytes\) is not stored row by row"
    ):
        api.column_sums(np.broadcast_to(np.arange(3), (2, 3)))


def test_unaligned_int32_codes_are_read_as_int32() -> None:
    codes = unaligned(np.arange(3, dtype=np.int32))
    zero = np.zeros(3, dtype=np.int32)
    sums = kc.trailing_sums_by_nationality(zero, zero, codes, zero, np.array([5, 3, 2]), **ONE_CELL, window=1)
    assert sums.tolist() == [[[[5, 3, 2]]]]


# --- what is refused, and how ---------------------------------------------------------------


def test_unsigned_values_beyond_int64_are_refused_naming_the_first() -> None:
    counts = np.array([1, 2**63, 2**64 - 1], dtype=np.uint64)
    with pytest.raises(
        kc.CountOverflowError, match=r"^counts holds 9223372036854775808 at position 1, which does not fit in int64$"
    ):
        kc.largest_remainder(counts)
    with pytest.raises(kc.CountOverflowError, match=r"^the count column holds 9223372036854775808 at position 1"):
        kc.top_shares(*three_rows(swapped(counts)), **ONE_CELL)
    # uint64 values that fit are read as they are.
    assert kc.checked_sum(np.array([2**62, 2**62 - 1], dtype=np.uint64)) == 2**63 - 1


@pytest.mark.parametrize(
    ("bad", "dtype"),
    [
        (np.array([1.0, 2.0]), "float64"),
        (np.array([True, False]), "bool"),
        (np.array([1, 2], dtype=object), "object"),
        (np.array(["1", "2"]), "<U1"),
        (np.array([1 + 0j]), "complex128"),
        (np.array(["2021-01"], dtype="datetime64[M]"), "datetime64\\[M\\]"),
    ],
)
def test_non_integers_are_refused_naming_the_argument_and_dtype(bad: Array, dtype: str) -> None:
    with pytest.raises(kc.InvalidInput, match=rf"^counts must hold integers, got dtype {dtype}$"):
        kc.largest_remainder(bad)
    with pytest.raises(kc.InvalidInput, match=rf"^the count column must hold integers, got dtype {dtype}$"):
        kc.top_shares(*three_rows(bad), **ONE_CELL)


def test_masked_arrays_are_refused() -> None:
    counts = np.ma.masked_array([5, 3, 2], mask=[False, True, False])
    with pytest.raises(kc.InvalidInput, match=r"^counts is a numpy masked array; the values under its mask"):
        kc.largest_remainder(counts)
    with pytest.raises(kc.InvalidInput, match=r"^values is a numpy masked array"):
        api.rolling_sum(counts, 2)


def test_other_dimensions_are_refused() -> None:
    with pytest.raises(kc.InvalidInput, match=r"^counts must be 1-dimensional, got 2 dimensions$"):
        kc.largest_remainder(np.ones((2, 2), dtype=np.int64))
    with pytest.raises(kc.InvalidInput, match=r"^counts must be 1-dimensional, got 0 dimensions$"):
        api.largest_remainder(5)
    with pytest.raises(kc.InvalidInput, match=r"^the month column must be 1-dimensional, got 2 dimensions$"):
        zero = np.zeros(3, dtype=np.int64)
        kc.top_shares(zero, zero, zero, np.zeros((3, 1), dtype=np.int64), zero, **ONE_CELL)


def test_ragged_input_names_the_argument() -> None:
    with pytest.raises(kc.InvalidInput, match=r"^counts must be an array of integers, got list \("):
        kc.largest_remainder([[1, 2], [3]])


def test_long_double_is_refused_rather_than_rounded() -> None:
    values = np.array([1.0, 2.0], dtype=np.longdouble)
    if values.dtype.itemsize <= 8:  # pragma: no cover - platforms where longdouble is double
        pytest.skip("longdouble is float64 here")
    with pytest.raises(kc.InvalidInput, match=r"^values has dtype float128, which float64 cannot hold exactly"):
        api.rolling_sum(values, 1)


# --- empty input -------------------------------------------------------------------------------

EMPTIES: list[object] = [
    [], (), np.array([], dtype=object), np.empty(0, dtype=bool), np.empty(0, dtype=np.float64),
    np.empty(0, dtype="U3"), np.empty(0, dtype=np.uint64), unaligned(np.empty(0, dtype=np.int64)),
]  # fmt: skip


@pytest.mark.parametrize("empty", EMPTIES, ids=lambda e: f"{type(e).__name__}-{getattr(e, 'dtype', '')}")
def test_empty_input_of_any_dtype_is_empty_integer_input(empty: object) -> None:
    """numpy makes [] float64; an empty array holds no values, so its dtype is no reason to
    refuse it. What follows is what the C++ says of no counts at all."""
    assert api.largest_remainder(empty).tolist() == []
    assert api.largest_remainder(empty).dtype == np.int64
    assert api.independent_percentages(empty).tolist() == []
    check = api.check_published_shares(empty)
    assert (check.sum, check.sums_to_target, check.consistent_with_rounding) == (0, False, False)
    assert check.message == "no shares (the list is empty) sum to 0, not 100"
    assert api.checked_sum(empty) == 0
    shape = Shape(countries=1, categories=2, nationalities=3, months=2)
    result = api.top_shares(empty, empty, empty, empty, empty, **shape, window=1, top=2)
    assert result.nationality.tolist() == [[[[-1, -1]] * 2] * 2]
    assert result.shares.tolist() == [[[[0, 0, 0, 0]] * 2] * 2]
    assert result.total.tolist() == [[[0, 0]] * 2]
    sums = api.trailing_sums_by_nationality(empty, empty, empty, empty, empty, **shape, window=2)
    assert sums.dtype == np.int64 and sums.tolist() == [[[[0, 0, 0]]] * 2]
    # Codes and counts of different (empty) kinds mix too.
    mixed = api.top_shares(np.empty(0, np.int32), [], np.empty(0, bool), (), np.empty(0, object), **shape)
    assert mixed.total.shape == (1, 2, 0)
