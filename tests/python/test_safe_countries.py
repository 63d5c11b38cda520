"""Safe countries of origin from Python: dated designations and the last-day rule."""

from __future__ import annotations

import datetime
import pickle
from pathlib import Path

import kerncijfers as kc
import pytest

ALGERIA = kc.Nationality("DZA")
MOROCCO = kc.Nationality("Marokko")
SYRIA = kc.Nationality("SYR")


def test_required_answers_for_2021() -> None:
    nl = kc.nl_safe_countries()
    assert nl.is_safe(ALGERIA, kc.Month(2021, 5))
    assert not nl.is_safe(ALGERIA, kc.Month(2021, 7))
    # Removed on 11 June 2021: the last day of June decides.
    assert not nl.is_safe(ALGERIA, kc.Month(2021, 6))
    assert nl.is_safe(ALGERIA, datetime.date(2021, 6, 10))
    assert not nl.is_safe(ALGERIA, datetime.date(2021, 6, 11))
    assert nl.is_safe(MOROCCO, kc.Month(2021, 5))
    for when in (kc.Month(2015, 1), kc.Month(2021, 5), kc.Year(2024), kc.IsoWeek(2021, 19)):
        assert nl.status(SYRIA, when) == kc.DesignationStatus.not_safe
        assert not nl.is_safe(SYRIA, when)
    assert ALGERIA in nl.countries_on(kc.Month(2021, 5))
    assert ALGERIA not in nl.countries_on(kc.Month(2021, 7))


def test_unknown_status_refuses_to_guess() -> None:
    nl = kc.nl_safe_countries()
    unknown = nl.countries_unknown_on(kc.Month(2021, 5))
    assert unknown, "the undated listings leave some countries unknown"
    country = unknown[0]
    assert nl.status(country, kc.Month(2021, 5)) == kc.DesignationStatus.unknown
    with pytest.raises(kc.UnknownDesignation, match=country.alpha3) as info:
        nl.is_safe(country, kc.Month(2021, 5))
    assert isinstance(info.value, ValueError)


def test_user_list_from_csv(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "country,from,from_known,to,to_known,note,source\nSYR,2030-01-01,true,,true,test only,nowhere\n",
        encoding="utf-8",
    )
    try:
        mine = kc.load_safe_countries(path)
    except kc.InvalidInput as error:  # the schema is the one of data/nl_safe_countries.csv
        pytest.fail(f"schema mismatch: {error}")
    assert mine.is_safe(SYRIA, kc.Month(2030, 1))
    assert not mine.is_safe(SYRIA, kc.Month(2029, 12))
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "country,from,from_known,to,to_known,note,source\nAtlantis,2030-01-01,true,,true,x,y\n", encoding="utf-8"
    )
    # As in a counts file, an unknown country in a file is a ParseError (a ValueError) at its place.
    with pytest.raises(kc.ParseError) as info:
        kc.load_safe_countries(bad)
    assert info.value.input == "Atlantis"
    assert str(info.value).endswith(f'in {bad}, line 2, column 1 ("country")')


@pytest.mark.parametrize("value", ["#N/A", "N/A", "n.a.", "n.v.t.", "-", "..", ":", "?", "", "4.0", "Æ", "MAR."])
def test_non_codes_in_the_country_column_name_file_line_column_and_value(tmp_path: Path, value: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "country,from,from_known,to,to_known,note,source\n"
        "DZA,2016-10,true,2021-06-11,true,x,y\n"
        f'"{value}",2016-10,true,,true,x,y\n',
        encoding="utf-8",
    )
    with pytest.raises(kc.ParseError) as info:
        kc.load_safe_countries(path)
    assert info.value.input == value
    assert str(info.value).endswith(f'in {path}, line 3, column 1 ("country")')


def test_designations_are_values() -> None:
    nl = kc.nl_safe_countries()
    algeria = nl.designations_of(ALGERIA)
    assert len(algeria) >= 1
    first = algeria[0]
    assert first.country == ALGERIA
    assert first.to == datetime.date(2021, 6, 11)
    assert pickle.loads(pickle.dumps(first)) == first
    assert pickle.loads(pickle.dumps(nl)) == nl
    assert len(nl) == len(nl.designations())


def test_designation_dates_keep_their_precision() -> None:
    first = kc.nl_safe_countries().designations_of(ALGERIA)[0]
    assert first.from_ == datetime.date(2016, 10, 1)
    assert first.from_precision == kc.DatePrecision.month
    assert first.to_precision == kc.DatePrecision.day
    assert first.from_text() == "2016-10"
    made = kc.Designation(
        ALGERIA,
        from_=datetime.date(2016, 10, 1),
        from_precision=kc.DatePrecision.month,
        to=datetime.date(2021, 6, 11),
        to_known=True,
    )
    assert made.from_text() == "2016-10"
    assert made.to_text() == "2021-06-11"
    assert made.from_precision == kc.DatePrecision.month
    again = pickle.loads(pickle.dumps(made))
    assert again == made
    assert again.from_precision == kc.DatePrecision.month
    assert again.to_precision == kc.DatePrecision.day
    assert [p.name for p in kc.DatePrecision.__members__.values()] == ["day", "month"]
