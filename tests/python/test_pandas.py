"""kerncijfers.pandas: tables from DataFrames, every result as a tidy DataFrame, a million rows."""

from __future__ import annotations

import cProfile
import datetime
import math
import pstats
import time
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("pandas")

import kerncijfers as kc  # noqa: E402
import pandas as pd  # noqa: E402
from kerncijfers.data import bundled_counts_files, bundled_departures_files  # noqa: E402
from kerncijfers.pandas import (  # noqa: E402
    COUNTS_COLUMNS,
    DEPARTURES_COLUMNS,
    FIGURE_COLUMNS,
    counts_from_frame,
    departures_from_frame,
    period_to_pandas,
    to_frame,
    to_pandas,
)

SOURCE = "test source"


def golden_frame(test_data: Path) -> pd.DataFrame:
    return pd.read_csv(test_data / "golden_mei_2021_counts.csv")


def golden_figures(test_data: Path) -> kc.KeyFigures:
    counts = kc.read_counts_csv(test_data / "golden_mei_2021_counts.csv")
    departures = kc.read_departures_csv(test_data / "golden_mei_2021_departures.csv")
    options = kc.KeyFiguresOptions(family_reunification_window_end=kc.Month(2021, 4))
    return kc.compute_key_figures(counts, departures, kc.nl_safe_countries(), kc.Month(2021, 5), options)


def without_line(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns="line")


def small_frame(periods: list[object], **columns: list[object]) -> pd.DataFrame:
    n = len(periods)
    data: dict[str, list[object]] = {
        "period": periods,
        "category": ["first_application"] * n,
        "nationality": ["SYR"] * n,
        "count": list(range(10, 10 + n)),
        "source": [SOURCE] * n,
        "release": [""] * n,
    }
    data.update(columns)
    return pd.DataFrame(data)


# ----------------------------------------------------------------------------------------
# In: counts


def test_a_frame_read_by_pandas_gives_the_table_the_csv_reader_gives(test_data: Path) -> None:
    from_csv = kc.read_counts_csv(test_data / "golden_mei_2021_counts.csv")
    from_frame = counts_from_frame(golden_frame(test_data))
    assert len(from_frame) == len(from_csv) == 419
    pd.testing.assert_frame_equal(without_line(to_frame(from_frame)), without_line(to_frame(from_csv)))
    assert from_frame.origin == "DataFrame"
    month = kc.Month(2021, 5)
    assert from_frame.count(kc.Category.first_application, kc.Nationality("SYR"), month).value == (
        from_csv.count(kc.Category.first_application, kc.Nationality("SYR"), month).value
    )


def test_the_bundled_real_data_round_trips_through_a_frame() -> None:
    rows: list[kc.CountRow] = []
    for path in bundled_counts_files():
        rows.extend(kc.read_count_rows(path))
    table = kc.CountsTable.from_rows([kc.CountRow(r.period, r.category, r.nationality, r.count, r.source, r.release)
                                      for r in rows])  # fmt: skip
    frame = to_frame(table)
    assert list(frame.columns) == list(COUNTS_COLUMNS)
    assert frame["period"].dtype == object  # months, quarters and years mixed
    again = counts_from_frame(frame)
    assert again.rows() == table.rows() and not again.superseded()
    # The superseded rows (older releases) come out too, and back in they are superseded again.
    older = to_frame(table, superseded=True)
    assert len(older) == len(table.superseded()) > 0
    combined = counts_from_frame(pd.concat([older, frame], ignore_index=True))
    assert combined == table


@pytest.mark.parametrize(
    "periods",
    [
        ["2021-04", "2021-05", "2021-Q3", "2022"],
        [pd.Period("2021-04", "M"), pd.Period("2021-05", "M"), pd.Period("2021Q3", "Q"), pd.Period("2022", "Y")],
        [kc.Month(2021, 4), kc.Month(2021, 5), kc.Quarter(2021, 3), kc.Year(2022)],
    ],
    ids=["text", "pandas-periods", "kerncijfers-periods"],
)
def test_periods_as_text_pandas_periods_or_kerncijfers_periods(periods: list[object]) -> None:
    table = counts_from_frame(small_frame(periods))
    expected = [kc.Month(2021, 4), kc.Month(2021, 5), kc.Quarter(2021, 3), kc.Year(2022)]
    assert [r.period for r in table.rows()] == expected


def test_dates_count_for_their_month() -> None:
    expected = counts_from_frame(small_frame(["2021-04", "2021-05"]))
    dates: list[object] = [datetime.date(2021, 4, 30), datetime.date(2021, 5, 1)]
    stamps = pd.to_datetime(["2021-04-15 00:00", "2021-05-31 23:59"])
    assert counts_from_frame(small_frame(dates)) == expected
    assert counts_from_frame(small_frame(list(stamps))) == expected
    assert counts_from_frame(small_frame(list(stamps.tz_localize("Europe/Amsterdam")))) == expected
    frame = small_frame(["x", "y"])
    frame["period"] = stamps  # a datetime64 column
    assert counts_from_frame(frame) == expected
    frame["period"] = pd.PeriodIndex(["2021-04", "2021-05"], freq="M")  # a period[M] column
    assert counts_from_frame(frame) == expected


def test_integer_years_as_pandas_reads_them() -> None:
    table = counts_from_frame(small_frame([2020, 2021]))
    assert [r.period for r in table.rows()] == [kc.Year(2020), kc.Year(2021)]


def test_configurable_column_names_categoricals_and_no_release_column() -> None:
    frame = pd.DataFrame(
        {
            "maand": ["2021-05", "2021-05"],
            "soort": pd.Categorical(["eerste_asielverzoek", "nareiziger"]),
            "land": pd.Categorical(["Syrië", "TOTAL"]),
            "aantal": np.array([7, 9], dtype=np.int32),
            "bron": ["CBS", "CBS"],
        }
    )
    table = counts_from_frame(
        frame, period="maand", category="soort", nationality="land", count="aantal", source="bron", release=None,
        origin="mijn tabel",
    )  # fmt: skip
    assert table.origin == "mijn tabel"
    first, second = table.rows()
    assert (first.category, first.nationality, first.count) == (kc.Category.first_application, kc.Nationality("SYR"), 7)
    assert (second.category, second.nationality, second.count) == (kc.Category.family_reunification, None, 9)
    assert not first.release.is_dated()


def test_releases_as_text_dates_or_missing_and_the_latest_wins() -> None:
    frame = small_frame(
        ["2021-05", "2021-05", "2021-05"],
        release=[np.nan, pd.Timestamp("2021-06-15"), "2021-W30"],
        count=[5, 6, 7],
    )
    table = counts_from_frame(frame)
    (kept,) = table.rows()
    assert kept.count == 7
    assert kept.release == kc.Release.parse("2021-W30")
    assert [r.release for r in table.superseded()] == [kc.Release(), kc.Release.parse("2021-06-15")]


def test_whole_floats_are_counts_fractions_are_not() -> None:
    assert counts_from_frame(small_frame(["2021-05"], count=[59.0])).rows()[0].count == 59
    with pytest.raises(kc.ParseError) as error:
        counts_from_frame(small_frame(["2021-04", "2021-05"], count=[1.0, 59.6]))
    assert '"59.6"' in str(error.value)
    assert 'index 1 (row 1), column "count"' in str(error.value)
    with pytest.raises(kc.ParseError, match='"12a"'):
        counts_from_frame(small_frame(["2021-05"], count=["12a"]))
    assert counts_from_frame(small_frame(["2021-05"], count=["12"])).rows()[0].count == 12


def test_a_bad_period_names_the_value_the_index_label_and_the_column() -> None:
    frame = small_frame(["2021-04", "2021-13"])
    frame.index = pd.Index(["a", "b"])
    with pytest.raises(kc.ParseError) as error:
        counts_from_frame(frame)
    message = str(error.value)
    assert message.startswith('cannot parse "2021-13" as a period')
    assert message.endswith("in DataFrame, index 'b' (row 1), column \"period\"")
    assert error.value.input == "2021-13"
    with pytest.raises(kc.ParseError, match="frequency D"):
        counts_from_frame(small_frame([pd.Period("2021-05-01", "D")]))
    with pytest.raises(kc.ParseError, match='"2021Q2"'):
        counts_from_frame(small_frame(["2021Q2"]))


def test_an_unknown_nationality_names_the_row_and_suggests_names() -> None:
    frame = small_frame(["2021-04", "2021-05"], nationality=["SYR", "Syrai"])
    with pytest.raises(kc.ParseError) as error:
        counts_from_frame(frame)
    message = str(error.value)
    assert '"Syrai"' in message and 'index 1 (row 1), column "nationality"' in message
    assert message.startswith('cannot parse "Syrai" as a nationality') and 'did you mean "Syria"?' in message


@pytest.mark.parametrize("marker", ["n.a.", "#N/A", "N/A", "n.v.t.", "-", "", " ? "])
def test_missing_value_markers_in_a_frame_are_missing_values_as_in_a_file(marker: str) -> None:
    """Worded as the CSV reader words them, never read as a code ("n.a." was once Namibia)."""
    assert kc.is_missing_marker(marker)
    with pytest.raises(kc.ParseError) as error:
        counts_from_frame(small_frame(["2021-04", "2021-05"], nationality=["SYR", marker]))
    message = str(error.value)
    assert message.startswith(f'missing value "{marker}" where a nationality'), message
    assert message.endswith('index 1 (row 1), column "nationality"') and error.value.input == marker
    assert not kc.is_missing_marker("NA") and not kc.is_missing_marker("SYR")


def test_missing_values_negative_counts_empty_sources_and_missing_columns() -> None:
    with pytest.raises(kc.InvalidInput, match=r'missing value .* index 1 \(row 1\), column "nationality"'):
        counts_from_frame(small_frame(["2021-04", "2021-05"], nationality=["SYR", None]))
    with pytest.raises(kc.InvalidInput, match=r'missing value .*column "count"'):
        counts_from_frame(small_frame(["2021-04", "2021-05"], count=[1, np.nan]))
    with pytest.raises(kc.CountError, match=r'negative count -3 in DataFrame, index 1 \(row 1\), column "count"'):
        counts_from_frame(small_frame(["2021-04", "2021-05"], count=[1, -3]))
    with pytest.raises(kc.ParseError, match=r'a source .* index 0 \(row 0\), column "source"'):
        counts_from_frame(small_frame(["2021-05"], source=["  "]))
    with pytest.raises(kc.ParseError, match='"repeat"'):
        counts_from_frame(small_frame(["2021-05"], category=["repeat"]))
    with pytest.raises(kc.InvalidInput) as error:
        counts_from_frame(small_frame(["2021-05"]).drop(columns=["count", "source"]))
    assert '"count" (count=)' in str(error.value) and '"source" (source=)' in str(error.value)
    assert '"period"' in str(error.value)  # the columns the frame has


def test_conflicting_counts_of_one_release_name_both_index_labels() -> None:
    frame = small_frame(["2021-05", "2021-04", "2021-05"], count=[1, 2, 3])
    frame.index = pd.Index([10, 20, 30])
    with pytest.raises(kc.InvalidInput) as error:
        counts_from_frame(frame)
    message = str(error.value)
    assert "conflicting counts for 2021-05 SYR first_application" in message
    assert "index 10 (row 0)" in message and "index 30 (row 2)" in message


# ----------------------------------------------------------------------------------------
# In: departures


def test_departures_from_a_frame_read_by_pandas(test_data: Path) -> None:
    path = test_data / "golden_mei_2021_departures.csv"
    frame = pd.read_csv(path)
    assert frame["period"].dtype.kind == "i"  # pandas reads the years as integers
    table = departures_from_frame(frame)
    assert table.figures(kc.DepartureGroup.all, "2021").total() == kc.read_departures_csv(path).figures(
        kc.DepartureGroup.all, "2021"
    ).total() == 7686  # fmt: skip
    out = to_frame(table)
    assert list(out.columns) == list(DEPARTURES_COLUMNS)
    assert out["period"].tolist() == ["2021"] * 6
    assert out["first"].tolist() == [pd.Period("2021-01", "M")] * 6
    assert out["last"].tolist() == [pd.Period("2021-12", "M")] * 6
    assert departures_from_frame(out) == table


def test_departure_periods_in_every_form() -> None:
    forms: list[object] = ["2023-01/2023-10", pd.Period("2022", "Y"), kc.Year(2021), 2020, kc.Month(2019, 5)]
    frame = pd.DataFrame(
        {"period": forms, "group": "all", "mode": "forced", "count": [1, 2, 3, 4, 5], "source": "DT&V", "release": ""}
    )
    table = departures_from_frame(frame)
    assert sorted(kc.departures_period_label(p, "en") for p in table.periods(kc.DepartureGroup.all)) == [
        "2020", "2021", "2022", "2023 (through October)", "May 2019",
    ]  # fmt: skip
    with pytest.raises(kc.ParseError, match=r'"2023-10/2023-01" .* index 0 \(row 0\), column "period"'):
        departures_from_frame(frame.assign(period=["2023-10/2023-01", "2022", "2021", "2020", "2019"]))
    with pytest.raises(kc.ParseError, match=r'"sometimes" .*column "mode"'):
        departures_from_frame(frame.assign(mode="sometimes"))


# ----------------------------------------------------------------------------------------
# Out


def test_counts_table_columns_and_types(test_data: Path) -> None:
    frame = to_frame(kc.read_counts_csv(test_data / "golden_mei_2021_counts.csv"))
    assert list(frame.columns) == list(COUNTS_COLUMNS)
    assert frame["period"].dtype == pd.PeriodDtype("M")
    assert isinstance(frame["category"].dtype, pd.CategoricalDtype)
    assert frame["count"].dtype == np.int64
    syria = frame[(frame["nationality"] == "SYR") & (frame["period"] == pd.Period("2021-05", "M"))
                  & (frame["category"] == "first_application")]  # fmt: skip
    assert len(syria) == 1
    row = syria.iloc[0]
    assert (row["name_nl"], row["name_en"], row["release"], row["source"]) == (
        "Syrië", "Syria", "2021-06-15", "fictional golden test data (not real)",
    )  # fmt: skip
    assert row["line"] > 1
    totals = frame[frame["nationality"] == "TOTAL"]
    assert set(totals["name_en"]) == {"Total"}


def test_undated_releases_are_missing_values() -> None:
    frame = to_frame(counts_from_frame(small_frame(["2021-05"])))
    assert frame["release"].isna().all()


def test_key_figures_as_one_tidy_frame(test_data: Path) -> None:
    figures = golden_figures(test_data)
    frame = to_frame(figures)
    assert list(frame.columns) == list(FIGURE_COLUMNS)
    assert list(dict.fromkeys(frame["figure"])) == [
        "influx", "first_month", "first_trailing", "safe_month", "family_reunification_month", "family_reunification_trailing",
        "departures_all", "departures_criminal",
    ]  # fmt: skip
    first = frame[frame["figure"] == "first_month"]
    assert first["name_nl"].tolist() == [
        "Syrië", "Turkije", "Algerije", "Marokko", "Eritrea", "Afghanistan", "Onbekend", "Overig",
    ]  # fmt: skip
    assert first["nationality"].tolist()[:2] == ["SYR", "TUR"]
    assert first["percent"].tolist() == [float(r.percent) for r in figures.first_month.rows]
    assert first["count"].sum() == figures.first_month.total
    total = figures.first_month.total
    assert first["share"].tolist() == pytest.approx([r.count / total for r in figures.first_month.rows])
    assert set(first["window"]) == {"2021-05"}
    assert set(first["window_first"]) == set(first["window_last"]) == {pd.Period("2021-05", "M")}
    assert first["status"].iloc[0] == figures.first_month.status.name
    trailing = frame[frame["figure"] == "first_trailing"]
    assert set(trailing["window"]) == {"2020-06/2021-05"}
    assert trailing["window_first"].iloc[0] == pd.Period("2020-06", "M")
    assert trailing["window_last"].iloc[0] == pd.Period("2021-05", "M")
    departures = frame[frame["figure"] == "departures_all"]
    assert departures["kind"].tolist() == ["supervised", "unsupervised"]
    assert departures["percent"].tolist() == [51.0, 49.0]
    assert departures["count"].sum() == 7686
    assert departures["total"].iloc[0] == 7686
    safe = frame[frame["figure"] == "safe_month"].iloc[0]
    assert (safe["kind"], safe["percent"]) == ("safe", 19.0)
    influx = frame[frame["figure"] == "influx"]
    assert influx["category"].tolist() == [c.name for c in kc.Category.__members__.values()]
    assert frame["count"].dtype == "Int64"
    assert figures.to_frame().equals(frame)


def test_an_unavailable_figure_keeps_one_row_with_its_status() -> None:
    counts = kc.CountsTable.from_rows([kc.CountRow("2021-05", kc.Category.first_application, None, 10, SOURCE)])
    figure = kc.distribution(counts, kc.Category.family_reunification, kc.Month(2021, 5), 3)
    frame = to_frame(figure)
    assert len(frame) == 1
    assert frame["status"].iloc[0] == "unavailable"
    assert frame["figure"].iloc[0] == "distribution"
    assert pd.isna(frame["count"].iloc[0]) and math.isnan(frame["share"].iloc[0])


def test_a_figure_with_decimals_gives_percent_as_the_page_writes_it(test_data: Path) -> None:
    counts = kc.read_counts_csv(test_data / "golden_mei_2021_counts.csv")
    figure = kc.distribution(counts, kc.Category.first_application, kc.Month(2021, 5), 3, decimals=1)
    frame = figure.to_frame()
    assert figure.decimals == 1
    assert frame["percent"].tolist() == [r.percent.units / 10 for r in figure.rows]
    assert frame["percent"].tolist() == [kc.percent(r.exact, 1).to_float() for r in figure.rows]


def test_series_as_pandas_series_with_a_period_index() -> None:
    months = kc.PeriodRange(kc.Month(2020, 11), kc.Month(2021, 2))
    ints = kc.Series(months, np.array([1, 2, 3, 4], dtype=np.int64), np.array([True, False, True, True]))
    out = to_pandas(ints, name="asylum")
    assert isinstance(out.index, pd.PeriodIndex) and out.index.freqstr == "M"
    assert out.index[0] == pd.Period("2020-11", "M") and out.name == "asylum"
    assert out.dtype == "Int64" and out.isna().tolist() == [False, True, False, False]
    assert ints.to_pandas().tolist()[2:] == [3, 4]
    assert to_pandas(kc.Series(months, [1, 2, 3, 4])).dtype == np.int64
    floats = kc.Series(kc.PeriodRange(kc.Quarter(2020, 4), kc.Quarter(2021, 1)), [0.5, float("nan")])
    assert floats.to_pandas().index.tolist() == [pd.Period("2020Q4", "Q-DEC"), pd.Period("2021Q1", "Q-DEC")]
    frame = floats.to_frame()
    assert list(frame.columns) == ["value"] and frame.index.name == "period"
    weeks = kc.Series(kc.PeriodRange(kc.IsoWeek(2020, 53), kc.IsoWeek(2021, 1)), [1.0, 2.0])
    index = to_pandas(weeks).index
    assert index[0].start_time == pd.Timestamp("2020-12-28") and index[1].end_time.date() == datetime.date(2021, 1, 10)
    years = kc.Series(kc.PeriodRange(kc.Year(2020), kc.Year(2021)), [1, 2])
    assert to_pandas(years).index[1] == pd.Period("2021", "Y")
    assert period_to_pandas(kc.Month(2021, 5)) == pd.Period("2021-05", "M")


def test_to_frame_refuses_other_objects() -> None:
    with pytest.raises(TypeError, match="not Month"):
        to_frame(kc.Month(2021, 5))


def test_the_methods_on_the_classes(test_data: Path) -> None:
    counts = kc.read_counts_csv(test_data / "golden_mei_2021_counts.csv")
    pd.testing.assert_frame_equal(counts.to_frame(), to_frame(counts))
    departures = kc.read_departures_csv(bundled_departures_files()[0])
    pd.testing.assert_frame_equal(departures.to_frame(), to_frame(departures))
    figures = golden_figures(test_data)
    for figure in (figures.first_month, figures.safe_month, figures.departures_all, figures.influx):
        pd.testing.assert_frame_equal(figure.to_frame(), to_frame(figure))


# ----------------------------------------------------------------------------------------
# A million rows: no per-row Python work


def million_row_frame(n_months: int) -> pd.DataFrame:
    """5 categories x 250 nationalities x n_months months, in text columns as read_csv gives them."""
    codes = [n.alpha3 for n in kc.Nationality.all()][:250]
    months = [str(kc.Month(1900, 1) + i) for i in range(n_months)]
    categories = [c.name for c in kc.Category.__members__.values()]
    per_month = len(categories) * len(codes)
    n = per_month * n_months
    rng = np.random.default_rng(5)
    return pd.DataFrame(
        {
            "period": np.repeat(np.array(months, dtype=object), per_month),
            "category": np.tile(np.repeat(np.array(categories, dtype=object), len(codes)), n_months),
            "nationality": np.tile(np.array(codes, dtype=object), len(categories) * n_months),
            "count": rng.integers(0, 5000, size=n),
            "source": np.full(n, "CBS StatLine 83102NED", dtype=object),
            "release": np.where(np.arange(n) % 2 == 0, "2021-06-15", ""),
        }
    )


def python_calls(action: object) -> int:
    assert callable(action)
    profiler = cProfile.Profile()
    profiler.enable()
    action()
    profiler.disable()
    return int(pstats.Stats(profiler).total_calls)  # type: ignore[attr-defined]


def test_a_million_rows_convert_without_a_python_loop_per_row() -> None:
    small = million_row_frame(8)  # 10,000 rows
    large = million_row_frame(800)  # 1,000,000 rows
    assert len(large) == 1_000_000
    table_holder: list[kc.CountsTable] = []

    started = time.perf_counter()
    table = counts_from_frame(large)
    into_table = time.perf_counter() - started
    started = time.perf_counter()
    frame = to_frame(table)
    into_frame = time.perf_counter() - started
    assert len(table) == 1_000_000 and len(frame) == 1_000_000
    assert frame["count"].sum() == large["count"].sum()
    assert frame["period"].dtype == pd.PeriodDtype("M")
    print(f"\n1,000,000 rows: DataFrame -> CountsTable {into_table:.2f} s, CountsTable -> DataFrame {into_frame:.2f} s")

    # The Python function calls do not grow with the rows: 100 times the rows, about the
    # same calls (a per-row loop would add a million or more).
    calls_small = python_calls(lambda: table_holder.append(counts_from_frame(small)))
    calls_large = python_calls(lambda: table_holder.append(counts_from_frame(large)))
    assert calls_large < calls_small + 20_000, (calls_small, calls_large)
    out_small = python_calls(lambda: to_frame(table_holder[0]))
    out_large = python_calls(lambda: to_frame(table_holder[1]))
    assert out_large < out_small + 20_000, (out_small, out_large)


# ----------------------------------------------------------------------------------------
# top_shares_frame


def labelled_panel(seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    countries, nationalities = ["NL", "BE", "DE"], ["SYR", "TUR", "ERI", "AFG", "IRQ", "UNK"]
    months = pd.period_range("2020-01", "2021-06", freq="M")
    rows = [
        (c, cat, n, m, int(v))
        for c in countries
        for cat in ("first", "repeat")
        for n in nationalities
        for m in months
        if (v := rng.poisson(3.0)) > 0
    ]
    return pd.DataFrame(rows, columns=["country", "category", "nationality", "month", "count"]).sample(
        frac=1.0, random_state=1
    )


def test_top_shares_frame_matches_the_kernel_on_codes() -> None:
    df = labelled_panel()
    got = kc.pandas.top_shares_frame(df, unknown="UNK", top=3)
    assert tuple(got.columns) == kc.pandas.TOP_SHARES_COLUMNS
    assert got["month"].dtype == pd.PeriodDtype("M")
    # The same call on integer codes, labels in sorted order.
    codes = {
        col: {v: i for i, v in enumerate(sorted(df[col].unique()))} for col in ("country", "category", "nationality")
    }
    first = pd.Period("2020-01", freq="M")
    offsets = np.array([(m - first).n for m in df["month"]], dtype=np.int64)
    country, category, nationality = (df[col].map(codes[col]).to_numpy(np.int64) for col in codes)
    expected = kc.top_shares(
        country, category, nationality, offsets, df["count"].to_numpy(np.int64),
        countries=3, categories=2, nationalities=6, months=18, unknown=codes["nationality"]["UNK"], top=3,
    )  # fmt: skip
    names = {i: v for v, i in codes["nationality"].items()}
    countries = sorted(codes["country"])
    for c, k, w in [(0, 0, 0), (1, 1, 3), (2, 0, 6)]:
        window = got[
            (got["country"] == countries[c])
            & (got["category"] == ["first", "repeat"][k])
            & (got["month"] == first + int(expected.last_month[w]))
        ]
        ranked = window[window["kind"] == "nationality"]
        assert list(ranked["nationality"]) == [names[int(n)] for n in expected.nationality[c, k, w] if n >= 0]
        slots = [*expected.nationality[c, k, w], 0, 0]  # other and unknown always have a row
        assert list(window["share"]) == [int(s) for s, n in zip(expected.shares[c, k, w], slots, strict=True) if n >= 0]
        assert set(window["total"]) == {int(expected.total[c, k, w])}
        assert set(window["rounded_total"]) == {int(expected.rounded_total[c, k, w])}
        assert list(window["nationality"].iloc[-1:]) == ["UNK"] and pd.isna(window["nationality"].iloc[-2])
    sums = got.groupby(["country", "category", "month"], observed=True)["share"].sum()
    assert set(sums) == {100}
    assert len(sums) == 3 * 2 * 7  # every window of 12 months in 18 months


def test_top_shares_frame_errors_name_the_rows_and_values() -> None:
    df = labelled_panel()
    doubled = pd.concat([df, df.iloc[[4]]])
    named = r"both count .*index \d+ \(row 4\): country=\w+, category=\w+, nationality=\w+"
    with pytest.raises(kc.InvalidInput, match=named):
        kc.pandas.top_shares_frame(doubled)
    with pytest.raises(kc.InvalidInput, match=r"the unknown nationality 'XXX' does not occur in column"):
        kc.pandas.top_shares_frame(df, unknown="XXX")
    quarters = df.assign(month=df["month"].astype(str).str[:4] + "-Q1")
    with pytest.raises(kc.ParseError, match=r"as a month .*a quarter, not a month"):
        kc.pandas.top_shares_frame(quarters)
    fraction = r'cannot parse "\d+\.5" as a count \(a non-negative integer\) in DataFrame, index \d+ \(row 0\)'
    with pytest.raises(kc.ParseError, match=fraction):
        kc.pandas.top_shares_frame(df.assign(count=df["count"] + 0.5))
    with pytest.raises(kc.InvalidInput, match=r'missing column "land" \(country=\)'):
        kc.pandas.top_shares_frame(df, country="land")


# ----------------------------------------------------------------------------------------
# Columns factorised without pandas.factorize's per-row cost: same codes, same errors


def test_text_columns_are_factorised_as_pandas_factorises_them() -> None:
    values = np.array(["b", "a", None, "b", float("nan"), "c", "a"], dtype=object)
    factorised = kc._core._factorise_text(values)
    assert factorised is not None
    codes, uniques = factorised
    expected_codes, expected_uniques = pd.factorize(values, use_na_sentinel=True)
    assert codes.tolist() == expected_codes.tolist() == [0, 1, -1, 0, -1, 2, 1]
    assert uniques == list(expected_uniques) == ["b", "a", "c"]
    # Equal texts in distinct objects are one value; other objects are left to pandas.
    same_text = kc._core._factorise_text(np.array(["x" * 20, "".join(["x"] * 20)], dtype=object))
    assert same_text is not None
    assert same_text[0].tolist() == [0, 0]
    assert kc._core._factorise_text(np.array(["2021", 2021], dtype=object)) is None
    with pytest.raises(TypeError, match="expected a 1-dimensional numpy array of objects, not ndarray"):
        kc._core._factorise_text(np.array([1, 2]))
    with pytest.raises(TypeError, match="not list"):
        kc._core._factorise_text(["a"])  # type: ignore[arg-type]


def test_categorical_columns_give_the_errors_of_text_columns() -> None:
    text = small_frame(["2021-04", "2021-05", "2021-06"], nationality=["SYR", "Syrai", "XXX"])
    categorical = text.assign(nationality=text["nationality"].astype("category"))
    for frame in (text, categorical):
        with pytest.raises(kc.ParseError) as error:
            counts_from_frame(frame)
        assert str(error.value).startswith('cannot parse "Syrai" as a nationality')
        assert str(error.value).endswith('index 1 (row 1), column "nationality"')
    # A category no row uses is never converted, as pandas.factorize never sees it.
    unused = small_frame(["2021-05"]).astype({"nationality": pd.CategoricalDtype(["not a nationality", "SYR"])})
    assert counts_from_frame(unused).rows()[0].nationality == kc.Nationality("SYR")
    missing = small_frame(["2021-04", "2021-05"]).astype({"nationality": "category"})
    missing.loc[1, "nationality"] = None
    with pytest.raises(kc.InvalidInput, match=r'missing value .* index 1 \(row 1\), column "nationality"'):
        counts_from_frame(missing)


def test_every_column_kind_gives_the_same_table() -> None:
    frame = million_row_frame(2)
    expected = counts_from_frame(frame)
    labels = ["period", "category", "nationality", "source", "release"]
    assert counts_from_frame(frame.astype({c: "category" for c in labels})) == expected
    assert counts_from_frame(frame.astype({c: "str" for c in labels})) == expected
    assert counts_from_frame(frame.astype({c: object for c in labels})) == expected
