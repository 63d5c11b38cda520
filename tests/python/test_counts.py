"""Counts tables from Python: the CSV schema, vintages, windows tiled from mixed granularities."""

from __future__ import annotations

import os
import pickle
import threading
from pathlib import Path

import kerncijfers as kc
import pytest

FIRST = kc.Category.first_application
HEADER = "period,category,nationality,count,source,release\n"


def write(tmp_path: Path, body: str, name: str = "counts.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_bundled_totals_tile_the_trailing_window() -> None:
    from kerncijfers.data import bundled_counts_files

    rows = [row for path in bundled_counts_files() for row in kc.read_count_rows(path)]
    table = kc.CountsTable.from_rows(rows, "bundled")
    window = kc.trailing(kc.Month(2021, 5), 12)
    total = table.total(FIRST, window)
    assert [str(p) for p in total.tiles] == ["2020-06", "2020-Q3", "2020-Q4", "2021-Q1", "2021-04", "2021-05"]
    assert total.value == 655 + 4100 + 3895 + 2735 + 915 + 955
    assert table.total(FIRST, kc.Month(2021, 5)).value == 955
    # Vintages: the revised 2020-Q2 (1255, 2021-W30) wins over the provisional 1265.
    assert table.total(FIRST, kc.subperiods(kc.Quarter(2020, 2), kc.Month)).value == 1255
    assert any(r.count == 1265 for r in table.superseded())


def test_gap_names_the_missing_months(tmp_path: Path) -> None:
    path = write(tmp_path, "2021-01,first_application,TOTAL,10,test,\n2021-03,first_application,TOTAL,12,test,\n")
    table = kc.read_counts_csv(path)
    with pytest.raises(kc.RangeError, match="2021-02"):
        table.total(FIRST, kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 3)))
    lookup = table.try_total(FIRST, kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 3)))
    assert not lookup and lookup.missing == [kc.Month(2021, 2)]
    assert "2021-02" in lookup.reason


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ("2021-13,first_application,TOTAL,10,test,\n", '"2021-13"'),
        ("2021-05,first_application,Atlantis,10,test,\n", '"Atlantis"'),
        ("2021-05,first_application,SYR,-3,test,\n", '"-3"'),
        ("2021-05,first_application,SYR,1.5,test,\n", '"1.5"'),
        ("2021-05,eerste,SYR,3,test,\n", '"eerste"'),
    ],
)
def test_bad_rows_name_file_line_and_value(tmp_path: Path, body: str, needle: str) -> None:
    path = write(tmp_path, "2021-04,first_application,TOTAL,10,test,\n" + body)
    with pytest.raises(ValueError, match="counts.csv") as info:
        kc.read_counts_csv(path)
    message = str(info.value)
    assert needle in message
    assert "line 3" in message


MISSING_MARKERS = ["#N/A", "N/A", "n.a.", "n.v.t.", "-", "..", ":", "?", ""]


@pytest.mark.parametrize("value", [*MISSING_MARKERS, "4.0", "Æ", "S Y R", "SYR."])
def test_non_codes_in_the_nationality_column_name_file_line_column_and_value(tmp_path: Path, value: str) -> None:
    # Issue 10: "4.0" was Austria and "#N/A" Namibia; now each is a bad value at its place.
    path = write(tmp_path, f'2021-05,first_application,TOTAL,10,test,\n2021-05,first_application,"{value}",3,test,\n')
    with pytest.raises(kc.ParseError) as info:
        kc.read_counts_csv(path)
    assert info.value.input == value
    assert str(info.value).endswith(f'in {path}, line 3, column 3 ("nationality")')


def test_the_issue_file_with_non_codes_stops_at_the_first(test_data: Path) -> None:
    path = test_data / "counts_non_code_nationality.csv"
    with pytest.raises(kc.ParseError) as info:
        kc.read_counts_csv(path)
    assert info.value.input == "4.0"
    assert str(info.value) == (
        'cannot parse "4.0" as a nationality (neither TOTAL nor a code or name in the nationality table) '
        f'in {path}, line 3, column 3 ("nationality")'
    )


@pytest.mark.parametrize("value", MISSING_MARKERS)
def test_missing_value_markers_in_the_nationality_column_are_reported_as_missing(tmp_path: Path, value: str) -> None:
    # reader::fail_value words a marker (csv::is_missing_marker) as a missing value.
    path = write(tmp_path, f'2021-05,first_application,TOTAL,10,test,\n2021-05,first_application,"{value}",3,test,\n')
    with pytest.raises(kc.ParseError) as info:
        kc.read_counts_csv(path)
    assert str(info.value).startswith("missing value")
    assert str(info.value).endswith(f'in {path}, line 3, column 3 ("nationality")')
    assert info.value.input == value


def test_na_in_the_nationality_column_is_namibia(tmp_path: Path) -> None:
    path = write(tmp_path, "2021-05,first_application,TOTAL,10,test,\n2021-05,first_application,NA,3,test,\n")
    rows = kc.read_count_rows(path)
    assert rows[1].nationality == kc.Nationality("NAM")


def test_conflicting_duplicate_in_one_release(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "2021-05,first_application,TOTAL,10,test,2021-06-01\n2021-05,first_application,TOTAL,11,test,2021-06-01\n",
    )
    with pytest.raises(kc.InvalidInput, match="10.*11|11.*10"):
        kc.read_counts_csv(path)


def test_latest_release_wins(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "2021-05,first_application,TOTAL,10,test,2021-06-01\n"
        "2021-05,first_application,TOTAL,12,test,2021-W30\n"
        "2021-05,first_application,TOTAL,9,test,\n",
    )
    table = kc.read_counts_csv(path)
    assert table.total(FIRST, kc.Month(2021, 5)).value == 12
    assert kc.Release.parse("") < kc.Release.parse("2021-06-01") < kc.Release.parse("2021-W30")


def test_rows_and_tables_are_values() -> None:
    row = kc.CountRow(kc.Month(2021, 5), FIRST, kc.Nationality("SYR"), 305, "test", kc.Release.parse("2021-06"))
    assert row.nationality == kc.Nationality("SYR") and not row.is_total()
    assert pickle.loads(pickle.dumps(row)) == row
    total = kc.CountRow("2021-05", FIRST, None, 955, "test")
    table = kc.CountsTable.from_rows([row, total])
    assert pickle.loads(pickle.dumps(table)) == table
    assert len(table) == 2
    assert kc.parse_count_period("2021-Q2") == kc.Quarter(2021, 2)
    assert kc.parse_category("nareiziger") == kc.Category.family_reunification
    assert kc.Category.family_reunification.label("nl") == "nareizigers"


def test_rows_of_several_files_keep_their_file(tmp_path: Path) -> None:
    a = write(tmp_path, "2021-05,first_application,TOTAL,10,test,2021-06-01\n", "a.csv")
    b = write(tmp_path, "2021-05,first_application,TOTAL,11,test,2021-06-01\n", "b.csv")
    rows = kc.read_count_rows(a) + kc.read_count_rows(b)
    assert rows[0].file.endswith("a.csv") and rows[1].file.endswith("b.csv")
    with pytest.raises(kc.InvalidInput) as info:
        kc.CountsTable.from_rows(rows, "a.csv + b.csv")
    assert "a.csv, line 2" in str(info.value) and "b.csv, line 2" in str(info.value)


# --- File names that are not UTF-8, and reading without the GIL ------------------------------


def test_a_file_name_that_is_not_utf8_round_trips(tmp_path: Path) -> None:
    """POSIX file names are bytes: Python decodes them with surrogateescape (os.fsdecode),
    and so do the table's origin and the rows' file, in repr and pickles too."""
    raw = os.fsencode(tmp_path) + b"/counts-\xff.csv"
    with open(raw, "wb") as f:
        f.write((HEADER + "2021-05,first_application,TOTAL,955,CBS,\n").encode())
    name = os.fsdecode(raw)
    for table in (kc.read_counts_csv(name), kc.CountsTable.from_rows(kc.read_count_rows(raw), raw)):
        assert table.origin == name and os.fsencode(table.origin) == raw
        assert table.rows()[0].file == name
        assert repr(table).endswith("counts-\\xFF.csv>")
        restored = pickle.loads(pickle.dumps(table))
        assert restored == table and restored.origin == name and restored.rows()[0].file == name
    with pytest.raises(kc.ParseError, match=r"counts-\\xFF\.csv, line 3, column 4"):
        with open(raw, "ab") as f:
            f.write(b"2021-06,first_application,TOTAL,x,CBS,\n")
        kc.read_counts_csv(raw.decode("utf-8", "surrogateescape"))


def test_reading_releases_the_gil_so_a_fifo_can_be_fed_by_a_thread(tmp_path: Path) -> None:
    fifo = tmp_path / "counts.fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(HEADER + "2021-05,first_application,TOTAL,955,CBS,\n")

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    table = kc.read_counts_csv(fifo)  # would deadlock while holding the GIL
    writer.join(timeout=10)
    assert len(table) == 1 and not writer.is_alive()


# ----------------------------------------------------------------------------------------
# ISO weeks, bounds, flags and rounding


def _weekly_table(first: int = 1, last: int = 19, skip: tuple[int, ...] = ()) -> kc.CountsTable:
    rows = [
        kc.CountRow(kc.IsoWeek(2021, w), FIRST, None, 10 * w, "IND weekly")
        for w in range(first, last + 1)
        if w not in skip
    ]
    return kc.CountsTable.from_rows(rows, "weekly")


def test_weekly_rows_answer_trailing_windows_of_weeks(tmp_path: Path) -> None:
    table = _weekly_table()
    four = table.total(FIRST, kc.trailing(kc.IsoWeek(2021, 19), 4))
    assert four.value == (16 + 17 + 18 + 19) * 10 and four.exact() and four.upper_bound is None
    assert [str(p) for p in four.tiles] == ["2021-W16", "2021-W17", "2021-W18", "2021-W19"]
    assert four.window == kc.trailing(kc.IsoWeek(2021, 19), 4)
    assert table.total(FIRST, kc.trailing(kc.IsoWeek(2021, 19), 13)).value == 1690
    assert table.total(FIRST, kc.IsoWeek(2021, 19)).value == 190
    assert table.total(FIRST, kc.Month(2021, 2)).value == (5 + 6 + 7 + 8) * 10  # 1 to 28 February: whole weeks
    # The six-column CSV reads weeks.
    path = write(tmp_path, "2021-W19,first_application,TOTAL,275,IND weekly,2021-W20\n")
    assert kc.read_counts_csv(path).total(FIRST, kc.IsoWeek(2021, 19)).value == 275
    assert kc.parse_count_period("2021-W19") == kc.IsoWeek(2021, 19)
    assert kc.CountRow("2020-W53", FIRST, None, 1, "x").period == kc.IsoWeek(2020, 53)
    with pytest.raises(kc.RangeError, match=r"^2021-W19 is an ISO week, not made of whole months"):
        kc.months_of(kc.IsoWeek(2021, 19))


def test_weeks_straddling_a_month_give_bounds() -> None:
    table = _weekly_table()
    march = table.try_total(FIRST, kc.Month(2021, 3))
    assert not march and not march.ok() and march.total is None
    assert march.partial is not None
    assert march.partial.value == 420 and march.partial.upper_bound == 550 and not march.partial.exact()
    assert [str(p) for p in march.partial.straddling] == ["2021-W13"]
    assert [str(p) for p in march.unsplittable] == ["2021-W13"] and march.missing == []
    assert march.reason == (
        "the TOTAL first_application count for 2021-03 is known only within bounds: at least 420 (the rows wholly "
        "inside the window), at most 550 (with the row for 2021-W13 (weekly: rows[12]), which lies partly outside "
        "the window and is not apportioned)"
    )
    assert repr(march) == "<WindowLookup partial: 420 to 550>"
    assert repr(march.partial) == "<WindowTotal 420 to 550 over 2021-03>"
    assert march.partial.window == kc.PeriodRange(kc.Month(2021, 3), kc.Month(2021, 3))
    with pytest.raises(kc.RangeError) as info:
        table.total(FIRST, kc.Month(2021, 3))
    assert str(info.value) == march.reason


def test_gaps_among_weeks_are_named_as_weeks() -> None:
    table = _weekly_table(skip=(10,))
    lookup = table.try_total(FIRST, kc.trailing(kc.IsoWeek(2021, 19), 13))
    assert lookup.missing == [kc.IsoWeek(2021, 10)]
    assert lookup.reason == "no TOTAL first_application count for 2021-W10 (window 2021-W07/2021-W19)"
    assert table.try_total(FIRST, kc.Month(2021, 1)).missing == [kc.IsoWeek(2020, 53)]
    # Gaps of whole months are still months.
    assert table.try_total(kc.Category.relocation, kc.trailing(kc.Month(2021, 5), 2)).missing == [
        kc.Month(2021, 4),
        kc.Month(2021, 5),
    ]


def test_totals_carry_flags_and_the_largest_source_multiple() -> None:
    rows = [
        kc.CountRow(kc.Year(2020), FIRST, None, 13710, "Eurostat", flags="", source_multiple=5),
        kc.CountRow(kc.Year(2021), FIRST, None, 24755, "Eurostat", flags="p", source_multiple=5),
        kc.CountRow(kc.Year(2022), FIRST, None, 35000, "Other", flags="e", source_multiple=10),
    ]
    table = kc.CountsTable.from_rows(rows)
    both = table.total(FIRST, kc.PeriodRange(kc.Year(2020), kc.Year(2021)))
    assert both.value == 13710 + 24755
    assert both.flags == kc.ObservationFlags("p") and both.flags.provisional()
    assert both.source_multiple == 5
    three = table.total(FIRST, kc.trailing(kc.Year(2022), 3))
    assert three.flags.letters() == "ep" and three.source_multiple == 10
    assert three.sources == ["Eurostat", "Other"]
    assert table.total(FIRST, kc.Year(2020)).flags == kc.ObservationFlags()


def test_consistency_tolerance_boundary() -> None:
    assert kc.consistency_tolerance(5, 3) == 8
    assert kc.consistency_tolerance(1, 100) == 0
    assert kc.consistency_tolerance(10, 0) == 5
    assert kc.consistent_with_rounding(100, 108, 5, 3)
    assert not kc.consistent_with_rounding(100, 109, 5, 3)
    assert kc.consistent_with_rounding(100, 92, 5, 3)
    assert not kc.consistent_with_rounding(100, 91, 5, 3)
    with pytest.raises(ValueError, match=r"^source multiple 0 is below 1"):
        kc.consistency_tolerance(0, 3)
    # The finer-rows note allows what rounding explains: a month against its 4 weeks, m = 5: 10.
    weeks = [kc.CountRow(kc.IsoWeek(2021, w), FIRST, None, 10 * w, "x", source_multiple=5) for w in range(5, 9)]
    for month_count, noted in ((270, False), (250, False), (271, True), (249, True)):
        month = kc.CountRow(kc.Month(2021, 2), FIRST, None, month_count, "x", source_multiple=5)
        total = kc.CountsTable.from_rows([*weeks, month]).total(FIRST, kc.Month(2021, 2))
        assert total.value == month_count
        assert bool(total.notes) is noted, month_count
