"""2-D panels (rows = series, columns = periods): read in place, results into the caller's memory."""

from __future__ import annotations

import math
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable

import kerncijfers as kc
import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

NAN = math.nan


def peak_bytes(action: Callable[[], object]) -> int:
    """The peak of memory traced while `action` runs (numpy reports its buffers to tracemalloc)."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def rows_of(values: npt.NDArray[np.float64]) -> list[list[float | None]]:
    """NaN as None, so that rows compare with ==."""
    return [as_list(row) for row in values]


def as_list(values: npt.NDArray[np.float64]) -> list[float | None]:
    return [None if math.isnan(x) else x for x in values.tolist()]


PANEL = np.array(
    [
        [1.0, 2.0, NAN, 4.0, 5.0],
        [10.0, NAN, NAN, 40.0, 50.0],
        [NAN, NAN, NAN, NAN, NAN],
    ]
)


def test_every_row_is_its_own_series() -> None:
    sums = kc.rolling_sum(PANEL, 2, min_periods=1)
    assert sums.shape == (3, 5) and sums.dtype == np.float64
    assert rows_of(sums) == [
        [1.0, 3.0, 2.0, 4.0, 9.0],
        [10.0, 10.0, None, 40.0, 90.0],
        [None, None, None, None, None],
    ]
    means = kc.rolling_mean(PANEL, 2, min_periods=1)
    for r in range(3):
        assert as_list(means[r]) == as_list(kc.rolling_mean(PANEL[r], 2, min_periods=1))
    per_row = kc.trailing_sum(PANEL, 4, 2, missing="skip")
    assert isinstance(per_row, np.ndarray) and per_row.tolist() == [9.0, 90.0, 0.0]
    with pytest.raises(kc.RangeError, match=r"^the value at row 1, column 1 is missing \(missing_policy::reject\)"):
        kc.trailing_sum(PANEL, 1, 2)
    with pytest.raises(kc.RangeError, match=r"^the value at row 0, column 2 is missing"):
        kc.rolling_sum(PANEL, 2, missing="reject")


def test_column_sums() -> None:
    totals = kc.column_sums(PANEL)
    assert [None if math.isnan(x) else x for x in totals.tolist()] == [11.0, 2.0, None, 44.0, 55.0]
    assert kc.column_sums(PANEL, missing="as_zero").tolist() == [11.0, 2.0, 0.0, 44.0, 55.0]
    with pytest.raises(kc.RangeError, match=r"^the value at row 0, column 2 is missing"):
        kc.column_sums(PANEL, missing="reject")
    counts = np.array([[1, 2, 3], [4, 5, 6]], dtype=np.int32)
    valid = np.array([[True, False, True], [True, False, False]])
    exact = kc.column_sums(counts, valid=valid)
    assert exact.values.tolist() == [5, 0, 3] and exact.valid.tolist() == [True, False, True]
    assert kc.column_sums(counts).values.tolist() == [5, 7, 9]
    top = np.iinfo(np.int64).max
    with pytest.raises(kc.CountOverflowError, match=r"^the total of column 0 over 2 rows does not fit in int64$"):
        kc.column_sums(np.array([[top], [1]]))
    with pytest.raises(kc.InvalidInput, match=r"^values must be 2-dimensional \(rows = series, columns = periods\)"):
        kc.column_sums(np.zeros(3))


def test_integer_panels_with_masks() -> None:
    counts = np.array([[1, 2, 0, 4, 5], [2**53, 1, 1, 1, 1]], dtype=np.int64)
    valid = np.array([[1, 1, 0, 1, 1], [1, 1, 1, 1, 1]], dtype=np.uint8)
    sums, ok = kc.rolling_sum(counts, 2, min_periods=1, valid=valid)
    assert sums.tolist() == [[1, 3, 2, 4, 9], [2**53, 2**53 + 1, 2, 2, 2]]
    assert ok.all() and ok.dtype == np.bool_
    per_row = kc.trailing_sum(counts, 4, 5, valid=valid, missing="skip")
    assert isinstance(per_row, np.ndarray) and per_row.dtype == np.int64
    assert per_row.tolist() == [12, 2**53 + 4]
    with pytest.raises(kc.InvalidInput, match=r"^the validity mask is 1 x 5 but the input panel is 2 x 5$"):
        kc.rolling_sum(counts, 2, valid=valid[:1])
    with pytest.raises(kc.CountOverflowError, match=r"^the sum of the window of 2 ending at row 1, column 1"):
        kc.rolling_sum(np.array([[0, 0], [np.iinfo(np.int64).max, 1]]), 2)


def test_row_slices_are_read_in_place() -> None:
    rng = np.random.default_rng(3)
    wide = rng.random((6, 40))
    # a[:, 12:] (rows 40 apart, 28 columns) and a[::2] (every other row): views, not copies.
    for view in (wide[:, 12:], wide[::2], wide[1::2, 5:30]):
        assert not view.flags.c_contiguous
        expected = kc.rolling_sum(np.ascontiguousarray(view), 5)
        assert np.array_equal(kc.rolling_sum(view, 5), expected, equal_nan=True)
    # The output may be a row slice of a larger array too.
    out = np.full((6, 40), -1.0)
    result = kc.rolling_sum(wide[:, 12:], 12, out=out[:, 12:])
    assert np.shares_memory(result, out)
    assert np.array_equal(out[:, 12:], kc.rolling_sum(np.ascontiguousarray(wide[:, 12:]), 12), equal_nan=True)
    assert (out[:, :12] == -1.0).all()  # untouched


def test_fortran_order_and_column_strides_are_refused() -> None:
    values = np.arange(12.0).reshape(3, 4)
    for bad in (np.asfortranarray(values), values[:, ::2], values.T):
        with pytest.raises(
            kc.InvalidInput, match=r"is not stored row by row with adjacent columns .*ascontiguousarray"
        ):
            kc.rolling_sum(bad, 2)
    with pytest.raises(
        kc.InvalidInput, match=r"^out \(3 x 4 float64, strides \(8, 24\) bytes\) is not stored row by row"
    ):
        kc.rolling_sum(values, 2, out=np.asfortranarray(np.empty((3, 4))))
    # A single column or a single row has no stride to speak of.
    column: npt.NDArray[np.float64] = np.asfortranarray(values)[:, :1]
    assert kc.rolling_sum(column, 1).ravel().tolist() == [0.0, 4.0, 8.0]
    assert kc.rolling_sum(values[:1], 2, min_periods=1).tolist() == [[0.0, 1.0, 3.0, 5.0]]


def test_out_and_shapes() -> None:
    values = np.arange(12.0).reshape(3, 4)
    out = np.empty((3, 4))
    assert kc.rolling_sum(values, 2, out=out) is out
    with pytest.raises(kc.InvalidInput, match=r"^the output is 2 x 4 but the input panel is 3 x 4$"):
        kc.rolling_sum(values, 2, out=np.empty((2, 4)))
    with pytest.raises(kc.InvalidInput, match=r"^out must be 2-dimensional, got 1 dimensions$"):
        kc.rolling_sum(values, 2, out=np.empty(12))
    with pytest.raises(
        kc.InvalidInput, match=r"^the output overlaps the input \(input row 0, output row 0\); pass separate memory$"
    ):
        kc.rolling_sum(values, 2, out=values)
    totals = np.empty(4)
    assert kc.column_sums(values, out=totals) is totals and totals.tolist() == [12.0, 15.0, 18.0, 21.0]
    with pytest.raises(
        kc.InvalidInput, match=r"^the output \(one entry per column\) has 3 entries but the input has 4"
    ):
        kc.column_sums(values, out=np.empty(3))
    per_row = np.empty(3, dtype=np.int64)
    assert kc.trailing_sum(values.astype(np.int64), 3, 4, out=per_row) is per_row
    assert per_row.tolist() == [6, 22, 38]
    with pytest.raises(kc.InvalidInput, match=r"^out must have dtype int64, got dtype float64$"):
        kc.trailing_sum(values.astype(np.int64), 3, 4, out=np.empty(3))


def test_no_copy_of_a_large_panel() -> None:
    rng = np.random.default_rng(4)
    values = rng.random((1000, 2012))  # 16 MB
    values.setflags(write=False)
    out = np.empty((1000, 2012))
    view_in = values[:, 12:]
    view_out = out[:, 12:]
    copy_peak = peak_bytes(lambda: np.ascontiguousarray(view_in))
    assert copy_peak >= view_in.size * 8  # the meter sees a copy when there is one
    assert peak_bytes(lambda: kc.rolling_sum(view_in, 12, out=view_out)) < 100_000
    assert peak_bytes(lambda: kc.rolling_mean(values[::2], 12, out=out[::2])) < 100_000
    totals = np.empty(2012)
    assert peak_bytes(lambda: kc.column_sums(values, out=totals)) < 100_000
    # An int32 panel with a bool mask into int64/bool outputs: nothing converted either.
    counts = rng.integers(0, 1000, size=(500, 2000), dtype=np.int32)
    valid = rng.random((500, 2000)) < 0.9
    sums = np.empty((500, 2000), dtype=np.int64)
    ok = np.empty((500, 2000), dtype=bool)
    assert peak_bytes(lambda: kc.rolling_sum(counts, 12, valid=valid, out=(sums, ok))) < 100_000
    row = 7
    expected = kc.rolling_sum(counts[row], 12, valid=valid[row])
    assert sums[row].tolist() == expected.values.tolist() and ok[row].tolist() == expected.valid.tolist()


def test_the_gil_is_released_during_the_loops() -> None:
    values = np.random.default_rng(5).random((2000, 2000))
    out = np.empty_like(values)
    window: list[float] = []

    def work() -> None:
        window.append(time.perf_counter())
        kc.rolling_mean(values, 12, out=out)
        window.append(time.perf_counter())

    ticks: list[float] = []
    interval = sys.getswitchinterval()
    # Without a forced switch, the main thread runs during the call only if the call lets go
    # of the GIL: with the GIL held, no tick could fall between the two timestamps.
    sys.setswitchinterval(1.0)
    try:
        worker = threading.Thread(target=work)
        worker.start()
        while worker.is_alive():
            ticks.append(time.perf_counter())
            time.sleep(0)  # hands the GIL back when the worker wants it
        worker.join()
    finally:
        sys.setswitchinterval(interval)
    start, end = window
    assert sum(start < t < end for t in ticks) > 10


@given(
    hnp.arrays(
        np.float64,
        hnp.array_shapes(min_dims=2, max_dims=2, max_side=12),
        elements=st.one_of(st.floats(-1e6, 1e6), st.just(NAN)),
    ),
    st.integers(1, 6),
    st.integers(0, 1),
)
def test_panel_rows_equal_one_dimensional_results(
    values: npt.NDArray[np.float64], window: int, min_periods: int
) -> None:
    sums = kc.rolling_sum(values, window, min_periods=min_periods)
    for r in range(values.shape[0]):
        assert np.array_equal(sums[r], kc.rolling_sum(values[r], window, min_periods=min_periods), equal_nan=True)
    totals = kc.column_sums(values)
    assert totals.shape == (values.shape[1],)
    for c in range(values.shape[1]):
        column = values[:, c]
        present = column[~np.isnan(column)]
        if present.size == 0:
            assert math.isnan(float(totals[c]))
        else:
            assert math.isclose(float(totals[c]), math.fsum(present.tolist()), rel_tol=1e-9, abs_tol=1e-6)
