"""kerncijfers.top_shares and trailing_sums_by_nationality (C++: top_shares.hpp).

The kernel's arithmetic is tested in tests/cpp/test_top_shares.cpp; here: the Python
conventions (result shapes and layout, dtypes read in place or converted, errors), checked
against a direct numpy computation on small random panels.
"""

from __future__ import annotations

import pickle
import tracemalloc
from typing import Any, Literal, TypedDict

import kerncijfers as kc
import numpy as np
import numpy.typing as npt
import pytest

I64 = npt.NDArray[np.int64]


class Shape(TypedDict):
    countries: int
    categories: int
    nationalities: int
    months: int


SHAPE = Shape(countries=2, categories=3, nationalities=7, months=15)


def long_table(seed: int, zero_fraction: float = 0.4) -> tuple[I64, I64, I64, I64, I64]:
    """A random sparse long table over SHAPE, sorted by (country, category, nationality, month)."""
    rng = np.random.default_rng(seed)
    cube = rng.poisson(3.0, size=(2, 3, 7, 15)).astype(np.int64)
    cube[rng.random(cube.shape) < zero_fraction] = 0
    country, category, nationality, month = (np.ascontiguousarray(a, dtype=np.int64) for a in np.nonzero(cube))
    return country, category, nationality, month, cube[country, category, nationality, month]


def dense(columns: tuple[I64, ...]) -> I64:
    cube = np.zeros((2, 3, 7, 15), dtype=np.int64)
    country, category, nationality, month, count = columns
    cube[country, category, nationality, month] = count
    return cube


def naive_window_sums(columns: tuple[I64, ...], window: int) -> I64:
    cube = dense(columns)
    ends = range(window - 1, SHAPE["months"])
    sums = [cube[..., t - window + 1 : t + 1].sum(axis=-1) for t in ends]
    return np.stack(sums, axis=2)  # (country, category, window, nationality)


@pytest.mark.parametrize("window", [1, 5, 12])
def test_window_sums_match_numpy(window: int) -> None:
    columns = long_table(1)
    sums = kc.trailing_sums_by_nationality(*columns, **SHAPE, window=window)
    assert sums.dtype == np.int64
    assert sums.shape == (2, 3, 15 - window + 1, 7)
    assert np.array_equal(sums, naive_window_sums(columns, window))


def test_top_shares_by_hand() -> None:
    # One country, one category, 4 nationalities (3 = unknown), 2 months, window 2.
    country = np.zeros(5, dtype=np.int64)
    category = np.zeros(5, dtype=np.int64)
    nationality = np.array([0, 1, 2, 3, 1], dtype=np.int64)
    month = np.array([0, 0, 0, 1, 1], dtype=np.int64)
    count = np.array([300, 100, 100, 85, 100], dtype=np.int64)
    result = kc.top_shares(
        country, category, nationality, month, count,
        countries=1, categories=1, nationalities=4, months=2, unknown=3, window=2, top=2,
    )  # fmt: skip
    assert isinstance(result, kc.TopShares)
    assert result.nationality.tolist() == [[[[0, 1]]]]  # 300 and 200; code 2 (100) is "other"
    assert result.counts.tolist() == [[[[300, 200, 100, 85]]]]
    # 685: 43.79 / 29.19 / 14.59 / 12.40 -> floors 43+29+14+12 = 98, the two points go to the
    # largest remainders (0.79 and 0.59).
    assert result.shares.tolist() == [[[[44, 29, 15, 12]]]]
    assert result.total.tolist() == [[[685]]]
    assert result.rounded_total.tolist() == [[[690]]]  # 685 -> 690: half up to tens
    assert result.last_month.tolist() == [1]


def test_top_shares_against_numpy() -> None:
    columns = long_table(2)
    top = 3
    result = kc.top_shares(*columns, **SHAPE, unknown=6, window=4, top=top)
    sums = naive_window_sums(columns, 4)
    assert result.nationality.shape == (2, 3, 12, top)
    assert result.counts.shape == result.shares.shape == (2, 3, 12, top + 2)
    assert result.total.shape == result.rounded_total.shape == (2, 3, 12)
    assert result.last_month.tolist() == list(range(3, 15))
    for c, k, w in np.ndindex(2, 3, 12):
        window_sums = sums[c, k, w]
        known = [(-int(window_sums[n]), n) for n in range(6) if window_sums[n] > 0]
        best = [n for _, n in sorted(known)[:top]]
        best += [-1] * (top - len(best))
        assert result.nationality[c, k, w].tolist() == best
        ranked = [int(window_sums[n]) if n >= 0 else 0 for n in best]
        total = int(window_sums.sum())
        parts = [*ranked, total - sum(ranked) - int(window_sums[6]), int(window_sums[6])]
        assert result.counts[c, k, w].tolist() == parts
        assert result.total[c, k, w] == total
        assert result.rounded_total[c, k, w] == kc.round_to_multiple(total, 10)
        expected = kc.largest_remainder(np.array(parts)) if total else np.zeros(top + 2, dtype=np.int64)
        assert result.shares[c, k, w].tolist() == expected.tolist()


def test_row_order_and_dtypes_do_not_change_the_result() -> None:
    columns = long_table(3)
    expected = kc.top_shares(*columns, **SHAPE, unknown=6)
    shuffled = np.random.default_rng(0).permutation(len(columns[0]))
    variants: list[tuple[Any, ...]] = [
        tuple(np.ascontiguousarray(a[shuffled]) for a in columns),
        tuple(a.astype(np.int32) for a in columns),
        tuple(a.astype(np.uint16) for a in columns),  # converted once to int64
        (*(a.astype(np.int32) for a in columns[:4]), columns[4]),
        tuple(list(a) for a in columns),
    ]
    for variant in variants:
        got = kc.top_shares(*variant, **SHAPE, unknown=6)
        for field in kc.TopShares._fields:
            assert np.array_equal(getattr(got, field), getattr(expected, field)), field


@pytest.mark.parametrize("threads", [1, 2, 3, 16])
def test_results_do_not_depend_on_threads(threads: int) -> None:
    columns = long_table(5)
    shuffled = tuple(np.ascontiguousarray(a[np.random.default_rng(1).permutation(len(a))]) for a in columns)
    for rows in (columns, shuffled):
        expected = kc.top_shares(*rows, **SHAPE, unknown=6, window=4, top=3, threads=1)
        got = kc.top_shares(*rows, **SHAPE, unknown=6, window=4, top=3, threads=threads)
        for field in kc.TopShares._fields:
            assert np.array_equal(getattr(got, field), getattr(expected, field)), field
        sums = kc.trailing_sums_by_nationality(*rows, **SHAPE, window=4, threads=threads)
        assert np.array_equal(sums, naive_window_sums(columns, 4))


def test_threads_must_not_be_negative_and_errors_do_not_depend_on_them() -> None:
    columns = long_table(6)
    with pytest.raises(kc.InvalidInput, match="^threads must not be negative, got -1$"):
        kc.top_shares(*columns, **SHAPE, threads=-1)
    with pytest.raises(kc.InvalidInput, match="^threads must not be negative, got -2$"):
        kc.trailing_sums_by_nationality(*columns, **SHAPE, threads=-2)
    bad = [a.copy() for a in columns]
    bad[4][len(bad[4]) // 2] = -1  # a negative count in a middle (country, category)
    bad[2][-1] = 99  # and a nationality outside the cube in the last one
    messages = set()
    for threads in (1, 2, 4):
        with pytest.raises(kc.CountError) as caught:
            kc.top_shares(*bad, **SHAPE, threads=threads)
        messages.add(str(caught.value))
    assert messages == {f"row {len(bad[4]) // 2} has a negative count: -1"}


def test_contiguous_int64_and_int32_columns_are_not_copied() -> None:
    rows = 200_000
    rng = np.random.default_rng(4)
    for dtype in (np.int64, np.int32):
        # Two windows per series, so that the result is smaller than one column.
        cube = Shape(countries=100, categories=3, nationalities=100, months=13)
        flat = rng.choice(100 * 3 * 100 * 13, size=rows, replace=False)
        codes = np.unravel_index(np.sort(flat), (100, 3, 100, 13))
        country, category, nationality, month = (np.ascontiguousarray(a, dtype=dtype) for a in codes)
        count = np.ones(rows, dtype=dtype)
        tracemalloc.start()
        try:
            kc.trailing_sums_by_nationality(country, category, nationality, month, count, **cube)
            _, in_place = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            strided = np.zeros(2 * rows, dtype=dtype)[::2]
            strided[:] = country
            tracemalloc.reset_peak()
            kc.trailing_sums_by_nationality(strided, category, nationality, month, count, **cube)
            _, with_copy = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        result_bytes = 8 * 100 * 3 * 2 * 100
        column_bytes = count.nbytes
        assert in_place < result_bytes + column_bytes // 2, dtype
        assert with_copy >= result_bytes + column_bytes, dtype  # the control: a copy shows


def test_results_are_fresh_writable_arrays() -> None:
    columns = long_table(5)
    result = kc.top_shares(*columns, **SHAPE)
    for field in kc.TopShares._fields:
        array = getattr(result, field)
        assert array.dtype == np.int64 and array.flags.c_contiguous and array.flags.writeable
    assert pickle.loads(pickle.dumps(result.shares)).tolist() == result.shares.tolist()
    assert repr(result).startswith("TopShares(nationality=array(")


def test_without_unknown_the_unknown_bucket_is_zero() -> None:
    result = kc.top_shares(*long_table(6), **SHAPE)
    assert np.all(result.counts[..., -1] == 0)
    assert np.all(result.shares.sum(axis=-1)[result.total > 0] == 100)


def test_fewer_months_than_the_window() -> None:
    result = kc.top_shares(*long_table(7), **SHAPE, window=16)
    assert result.shares.shape == (2, 3, 0, 12)
    assert result.last_month.shape == (0,)


def test_total_rounding_options() -> None:
    country = category = nationality = month = np.zeros(1, dtype=np.int64)
    shape = Shape(countries=1, categories=1, nationalities=1, months=1)
    modes: list[tuple[kc.RoundingMode | Literal["half-up", "half-even"], int]] = [
        ("half-up", 7690), ("half-even", 7680), (kc.RoundingMode.floor, 7680)
    ]  # fmt: skip
    for mode, expected in modes:
        result = kc.top_shares(
            country, category, nationality, month, np.array([7685]), **shape, window=1, total_rounding=mode
        )
        assert result.rounded_total.tolist() == [[[expected]]]
    result = kc.top_shares(
        country, category, nationality, month, np.array([7685]), **shape, window=1, total_multiple=100
    )
    assert result.rounded_total.tolist() == [[[7700]]]


def test_bad_input_names_row_column_and_value() -> None:
    country, category, nationality, month, count = long_table(8)
    with pytest.raises(kc.InvalidInput, match=r"row 3 has nationality 7, outside the cube's 7 nationality codes"):
        bad = nationality.copy()
        bad[3] = 7
        kc.top_shares(country, category, bad, month, count, **SHAPE)
    with pytest.raises(kc.CountError, match=r"row 2"):
        bad = count.copy()
        bad[2] = -1
        kc.top_shares(country, category, nationality, month, bad, **SHAPE)
    with pytest.raises(kc.InvalidInput, match=r"rows 0 and \d+ both count country 0, category 0"):
        c, k, n, m, v = (np.concatenate([a, a[:1]]) for a in (country, category, nationality, month, count))
        kc.top_shares(c, k, n, m, v, **SHAPE)
    with pytest.raises(kc.InvalidInput, match=r"the month column has \d+ rows but the count column has"):
        kc.top_shares(country, category, nationality, month[:-1], count, **SHAPE)
    with pytest.raises(kc.InvalidInput, match=r"the count column must hold integers, got dtype float64"):
        kc.top_shares(country, category, nationality, month, count.astype(float), **SHAPE)
    columns = (country, category, nationality, month, count)
    with pytest.raises(kc.InvalidInput, match=r"top 0 is outside 1-100"):
        kc.top_shares(*columns, **SHAPE, top=0)
    with pytest.raises(kc.InvalidInput, match=r"window 0"):
        kc.trailing_sums_by_nationality(*columns, **SHAPE, window=0)
    with pytest.raises(kc.InvalidInput, match=r"unknown nationality code 9"):
        kc.top_shares(*columns, **SHAPE, unknown=9)
    with pytest.raises(kc.InvalidInput, match=r"months must not be negative, got -1"):
        kc.top_shares(*columns, countries=2, categories=3, nationalities=7, months=-1)
    with pytest.raises(kc.CountOverflowError):
        huge = count.copy()
        huge[:2] = np.iinfo(np.int64).max
        kc.top_shares(country, category, nationality, month, huge, **SHAPE)
