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
