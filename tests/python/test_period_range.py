"""PeriodRange from Python: one class for every unit, iterable and sized."""

from __future__ import annotations

import copy
import pickle

import kerncijfers as kc
import pytest


def test_trailing_window_and_labels() -> None:
    window = kc.trailing(kc.Month(2021, 5), 12)
    assert len(window) == 12
    assert window.first == kc.Month(2020, 6)
    assert window.last == kc.Month(2021, 5)
    assert window.label() == "juni 2020 t/m mei 2021"
    assert window.label("en") == "June 2020 to May 2021"
    assert str(window) == "2020-06/2021-05"
    assert repr(window) == "PeriodRange(Month(2020, 6), Month(2021, 5))"
    assert window.unit is kc.Month


def test_iteration_indexing_and_membership() -> None:
    window = kc.PeriodRange(kc.Month(2020, 6), kc.Month(2021, 5))
    months = list(window)
    assert months[0] == kc.Month(2020, 6) and months[-1] == kc.Month(2021, 5)
    assert all(isinstance(m, kc.Month) for m in months)
    assert window[0] == kc.Month(2020, 6)
    assert window[-1] == kc.Month(2021, 5)
    with pytest.raises(IndexError):
        window[12]
    assert kc.Month(2020, 12) in window
    assert kc.Month(2021, 6) not in window
    assert kc.Year(2021) not in window
    assert kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 5)) in window
    assert window.index_of(kc.Month(2021, 1)) == 7
    with pytest.raises(kc.RangeError):
        window.index_of(kc.Month(2022, 1))


def test_errors() -> None:
    with pytest.raises(kc.RangeError, match="reversed period range: 2021-05 is after 2021-04"):
        kc.PeriodRange(kc.Month(2021, 5), kc.Month(2021, 4))
    with pytest.raises(TypeError, match="one unit"):
        kc.PeriodRange(kc.Month(2021, 5), kc.Year(2022))  # type: ignore[type-var]
    with pytest.raises(kc.RangeError):
        kc.trailing(kc.Month(2021, 5), 0)


def test_intersection_year_to_date_subperiods() -> None:
    a = kc.trailing(kc.Month(2021, 5), 12)
    b = kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 12))
    both = a.intersection(b)
    assert both is not None and str(both) == "2021-01/2021-05"
    assert a.intersection(kc.PeriodRange(kc.Month(2022, 1))) is None
    assert str(kc.year_to_date(kc.Month(2021, 5))) == "2021-01/2021-05"
    assert str(kc.subperiods(kc.Quarter(2020, 3), kc.Month)) == "2020-07/2020-09"
    assert str(kc.subperiods(kc.Month(2020, 12), kc.IsoWeek)) == "2020-W49/2020-W53"
    assert kc.PeriodRange.parse("2020-06/2021-05", kc.Month) == a
    with pytest.raises(TypeError):
        kc.subperiods(kc.Month(2021, 1), kc.Year)  # type: ignore[arg-type]


def test_value_protocol() -> None:
    a = kc.trailing(kc.Month(2021, 5), 12)
    assert a == kc.PeriodRange(kc.Month(2020, 6), kc.Month(2021, 5))
    assert (a == "2020-06/2021-05") is False
    assert len({a, kc.trailing(kc.Month(2021, 5), 12)}) == 1
    assert pickle.loads(pickle.dumps(a)) == a
    assert copy.deepcopy(a) == a
    single = kc.PeriodRange(kc.Year(2021))
    assert len(single) == 1 and single.first == kc.Year(2021)


# Issue 10: trailing(Month(2021, 5), 2**64 - 1) said "reversed period range" (n - 1 wrapped
# to a negative offset in C++); window lengths of any size are now refused in periods.
@pytest.mark.parametrize(
    ("n", "message"),
    [
        (
            2**64 - 1,
            "a trailing window of 18446744073709551615 months ending at 2021-05 would start before the "
            "first supported month 0001-01 (at most 24245 months can end there)",
        ),
        (
            2**64,
            "a trailing window of 18446744073709551616 months ending at 2021-05 would start before the "
            "first supported month 0001-01 (at most 24245 months can end there)",
        ),
        (
            10**40,
            "a trailing window of 10000000000000000000000000000000000000000 months ending at 2021-05 would "
            "start before the first supported month 0001-01 (at most 24245 months can end there)",
        ),
        (
            24246,
            "a trailing window of 24246 months ending at 2021-05 would start before the first supported "
            "month 0001-01 (at most 24245 months can end there)",
        ),
        (0, "a trailing window needs at least 1 period, got 0 ending at 2021-05"),
        (-1, "a trailing window needs at least 1 period, got -1 ending at 2021-05"),
        (-(2**64), "a trailing window needs at least 1 period, got -18446744073709551616 ending at 2021-05"),
    ],
)
def test_trailing_windows_of_any_length_are_refused_in_periods(n: int, message: str) -> None:
    with pytest.raises(kc.RangeError) as info:
        kc.trailing(kc.Month(2021, 5), n)
    assert str(info.value) == message


def test_trailing_window_lengths_up_to_the_first_supported_period() -> None:
    import numpy as np

    assert kc.trailing(kc.Month(2021, 5), 24245).first == kc.Month(1, 1)
    assert str(kc.trailing(kc.Month(1, 12), np.int64(12))) == "0001-01/0001-12"
    with pytest.raises(
        kc.RangeError,
        match=r"^a trailing window of 12 months ending at 0001-01 would start before "
        r"the first supported month 0001-01 \(at most 1 month can end there\)$",
    ):
        kc.trailing(kc.Month(1, 1), 12)
    with pytest.raises(TypeError, match="trailing: n must be an integer, not float"):
        kc.trailing(kc.Month(2021, 5), 12.0)  # type: ignore[arg-type]


def test_index_beyond_int64_is_an_index_error_naming_it() -> None:
    window = kc.trailing(kc.Month(2021, 5), 12)
    with pytest.raises(IndexError, match=r"^PeriodRange index 12 out of range for 12 periods$"):
        window[12]
    with pytest.raises(IndexError, match=r"^PeriodRange index -13 out of range for 12 periods$"):
        window[-13]
    with pytest.raises(IndexError, match=r"^PeriodRange index 18446744073709551616 out of range for 12 periods$"):
        window[2**64]
    with pytest.raises(IndexError, match=r"^PeriodRange index -18446744073709551616 out of range for 12 periods$"):
        window[-(2**64)]
    with pytest.raises(TypeError, match="PeriodRange indices must be integers, not str"):
        window["1"]  # type: ignore[index]
    assert window[-12] == kc.Month(2020, 6)


def test_report_for_month_0001_01_speaks_in_periods(capsys: pytest.CaptureFixture[str]) -> None:
    # Issue 10: `kerncijfers report --month 0001-01` spoke of "period serial 1".
    from kerncijfers.cli import main

    assert main(["report", "--month", "0001-01", "--format", "json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "serial" not in captured.err
    assert "a trailing window of 12 months ending at 0001-01 would start before the first supported month 0001-01" in (
        captured.err
    )
