"""PeriodRange from Python: one class for every unit, iterable and sized."""

from __future__ import annotations

import copy
import pickle

import pytest

import kerncijfers as kc


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
