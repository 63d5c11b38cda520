"""Periods from Python: the C++ semantics, plus the Python value protocol."""

from __future__ import annotations

import copy
import datetime
import pickle

import kerncijfers as kc
import pytest
from hypothesis import given
from hypothesis import strategies as st


def test_month_arithmetic_and_iso_form() -> None:
    m = kc.Month(2021, 5)
    assert str(m - 11) == "2020-06"
    assert m - kc.Month(2020, 6) == 11
    assert kc.Month(2020, 12) + 1 == kc.Month(2021, 1)
    assert 1 + kc.Month(2020, 12) == kc.Month(2021, 1)
    assert (m.year, m.index, m.serial) == (2021, 5, 2021 * 12 + 4)


def test_repr_round_trips() -> None:
    for p in (kc.Month(2021, 5), kc.IsoWeek(2020, 53), kc.Quarter(2021, 2), kc.Year(2021)):
        assert eval(repr(p), {"Month": kc.Month, "IsoWeek": kc.IsoWeek, "Quarter": kc.Quarter, "Year": kc.Year}) == p
    assert repr(kc.Month(2021, 5)) == "Month(2021, 5)"
    assert repr(kc.Year(2021)) == "Year(2021)"
    assert type(kc.Month(2021, 5)).__module__ == "kerncijfers"


def test_parse_and_errors_match_cpp() -> None:
    assert kc.IsoWeek.parse("2021-W19") == kc.IsoWeek(2021, 19)
    assert kc.Quarter.parse("2021-Q2") == kc.Quarter(2021, 2)
    assert kc.Year.parse("2021") == kc.Year(2021)
    with pytest.raises(kc.ParseError, match=r'cannot parse "2021-13" as a month \(YYYY-MM\)') as info:
        kc.Month.parse("2021-13")
    assert info.value.input == "2021-13"
    assert isinstance(info.value, ValueError)
    for bad in ["2021-00", "21-05", "", "2021-05x"]:
        with pytest.raises(kc.ParseError):
            kc.Month.parse(bad)
    with pytest.raises(kc.ParseError, match="2021-W54"):
        kc.IsoWeek.parse("2021-W54")
    with pytest.raises(kc.InvalidInput, match="ISO year 2021 has no week 53"):
        kc.IsoWeek(2021, 53)
    with pytest.raises(kc.InvalidInput, match="month 13 is outside 1-12"):
        kc.Month(2021, 13)
    with pytest.raises(kc.InvalidInput, match="-1"):
        kc.Month(2021, -1)
    with pytest.raises(kc.RangeError):
        kc.Year(9999) + 1


def test_labels() -> None:
    assert kc.Month(2021, 5).label() == "mei 2021"
    assert kc.Month(2021, 5).label("en") == "May 2021"
    assert kc.Month(2021, 5).label(kc.Language.en) == "May 2021"
    assert kc.Quarter(2021, 2).label("nl") == "2e kwartaal 2021"
    assert kc.Quarter(2021, 2).label("en") == "Q2 2021"
    assert kc.IsoWeek(2021, 19).label() == "week 19 2021"
    with pytest.raises(kc.ParseError):
        kc.Month(2021, 5).label("de")  # type: ignore[arg-type]


def test_dates() -> None:
    assert kc.Month.containing(datetime.date(2021, 5, 31)) == kc.Month(2021, 5)
    assert kc.IsoWeek.containing(datetime.date(2021, 1, 1)) == kc.IsoWeek(2020, 53)
    assert kc.Month(2021, 5).first_day() == datetime.date(2021, 5, 1)
    assert kc.Month(2020, 2).last_day() == datetime.date(2020, 2, 29)
    assert kc.IsoWeek(2026, 1).first_day() == datetime.date(2025, 12, 29)
    assert kc.Month.containing(datetime.datetime(2021, 5, 3, 12, 0)) == kc.Month(2021, 5)
    with pytest.raises(TypeError):
        kc.Month.containing("2021-05-03")  # type: ignore[arg-type]


def test_conversions_by_thursday() -> None:
    assert kc.to_month(kc.IsoWeek(2020, 53)) == kc.Month(2020, 12)
    assert kc.to_month(kc.IsoWeek(2026, 1)) == kc.Month(2026, 1)
    assert kc.to_quarter(kc.Month(2021, 5)) == kc.Quarter(2021, 2)
    assert kc.to_year(kc.Quarter(2021, 4)) == kc.Year(2021)
    with pytest.raises(TypeError, match="finer"):
        kc.to_month(kc.Year(2021))  # type: ignore[arg-type]
    assert [kc.iso_weeks_in_year(y) for y in (2015, 2020, 2021, 2026)] == [53, 53, 52, 53]


def test_value_protocol() -> None:
    m = kc.Month(2021, 5)
    assert m == kc.Month(2021, 5)
    assert m != kc.Month(2021, 6)
    assert (m == 5) is False
    assert (m == kc.Year(2021)) is False
    assert {m: 1}[kc.Month(2021, 5)] == 1
    assert len({m, kc.Month(2021, 5), kc.Month(2021, 6)}) == 2
    assert sorted([kc.Month(2021, 6), m, kc.Month(2020, 1)]) == [kc.Month(2020, 1), m, kc.Month(2021, 6)]
    with pytest.raises(TypeError):
        _ = m < kc.Year(2021)  # type: ignore[operator]
    assert copy.copy(m) == m and copy.copy(m) is not m
    assert copy.deepcopy(m) == m
    for p in (m, kc.IsoWeek(2020, 53), kc.Quarter(2021, 2), kc.Year(2021)):
        assert pickle.loads(pickle.dumps(p)) == p


_months = st.builds(kc.Month, st.integers(1900, 2199), st.integers(1, 12))
_weeks = st.integers(1900, 2199).flatmap(
    lambda y: st.builds(kc.IsoWeek, st.just(y), st.integers(1, kc.iso_weeks_in_year(y)))
)


@given(_months, st.integers(-1200, 1200))
def test_month_arithmetic_round_trips_through_strings(m: kc.Month, n: int) -> None:
    shifted = m + n
    assert kc.Month.parse(str(shifted)) == shifted
    assert shifted - m == n
    assert shifted - n == m
    assert (shifted > m) == (n > 0)


@given(_weeks, st.integers(-600, 600))
def test_week_arithmetic_round_trips_through_strings(w: kc.IsoWeek, n: int) -> None:
    shifted = w + n
    assert kc.IsoWeek.parse(shifted.iso()) == shifted
    assert shifted - w == n
    assert shifted.first_day() - w.first_day() == datetime.timedelta(weeks=n)
    assert kc.IsoWeek.containing(shifted.last_day()) == shifted


# Issue 10: Month(2021, 1) + (2**63 - 1) overflowed a signed integer in C++ and reported a
# wrapped serial (-9223372036854751557). Every integer, of any size, now gives the exact
# period or a RangeError naming the period, the operation and the offset as given.
@pytest.mark.parametrize(
    ("compute", "message"),
    [
        (
            lambda: kc.Month(2021, 1) + (2**63 - 1),
            "2021-01 + 9223372036854775807 months is beyond the last supported month 9999-12",
        ),
        (
            lambda: (2**63 - 1) + kc.Month(2021, 1),
            "2021-01 + 9223372036854775807 months is beyond the last supported month 9999-12",
        ),
        (
            lambda: kc.Month(2021, 1) - -(2**63),
            "2021-01 - -9223372036854775808 months is beyond the last supported month 9999-12",
        ),
        (
            lambda: kc.Month(2021, 1) + 2**64,
            "2021-01 + 18446744073709551616 months is beyond the last supported month 9999-12",
        ),
        (
            lambda: kc.Month(2021, 1) + 10**30,
            "2021-01 + 1000000000000000000000000000000 months is beyond the last supported month 9999-12",
        ),
        (
            lambda: kc.Month(2021, 1) - 10**30,
            "2021-01 - 1000000000000000000000000000000 months is before the first supported month 0001-01",
        ),
        (
            lambda: kc.Month(2021, 1) + -(10**30),
            "2021-01 + -1000000000000000000000000000000 months is before the first supported month 0001-01",
        ),
        (
            lambda: kc.Month(2021, 1) - -(10**30),
            "2021-01 - -1000000000000000000000000000000 months is beyond the last supported month 9999-12",
        ),
        (lambda: kc.Month(1, 1) - 1, "0001-01 - 1 month is before the first supported month 0001-01"),
        (lambda: kc.IsoWeek(9999, 52) + 1, "9999-W52 + 1 ISO week is beyond the last supported ISO week 9999-W52"),
        (
            lambda: kc.Quarter(2021, 2) - 2**70,
            "2021-Q2 - 1180591620717411303424 quarters is before the first supported quarter 0001-Q1",
        ),
        (lambda: kc.Year(2021) + 2**63, "2021 + 9223372036854775808 years is beyond the last supported year 9999"),
    ],
)
def test_offsets_of_any_size_are_checked_and_named(compute: object, message: str) -> None:
    with pytest.raises(kc.RangeError) as info:
        compute()  # type: ignore[operator]
    assert str(info.value) == message


def test_offsets_accept_any_integer_and_refuse_the_rest() -> None:
    import numpy as np

    m = kc.Month(2021, 5)
    assert m + np.int64(7) == kc.Month(2021, 12)
    assert m - np.uint8(4) == kc.Month(2021, 1)
    assert np.int16(1) + m == kc.Month(2021, 6)
    assert m + True == kc.Month(2021, 6)
    assert kc.Month(1, 1) + (kc.Month(9999, 12) - kc.Month(1, 1)) == kc.Month(9999, 12)
    for bad in (1.0, "1", None, kc.Year(2021)):
        with pytest.raises(TypeError):
            m + bad  # type: ignore[operator]
        with pytest.raises(TypeError):
            m - bad  # type: ignore[operator]
    with pytest.raises(TypeError):
        1.5 + m  # type: ignore[operator]


def test_serials_beyond_int64_are_named() -> None:
    assert kc.Month.from_serial(12) == kc.Month(1, 1)
    with pytest.raises(
        kc.RangeError,
        match=r"^month serial 1 names no month of years 1-9999 \(serials 12 = 0001-01 to 119999 = 9999-12\)$",
    ):
        kc.Month.from_serial(1)
    with pytest.raises(kc.RangeError, match=r"^year serial 100000000000000000000 names no year of years 1-9999 "):
        kc.Year.from_serial(10**20)
    with pytest.raises(TypeError, match="Month.from_serial needs an integer serial, not float"):
        kc.Month.from_serial(1.0)  # type: ignore[arg-type]
