"""Arrow tables in: polars DataFrames and pyarrow Tables through __arrow_c_stream__, read in C++."""

from __future__ import annotations

import cProfile
import ctypes
import pstats
import tracemalloc
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("pandas")

import kerncijfers as kc  # noqa: E402
import pandas as pd  # noqa: E402
from kerncijfers import _core as core  # noqa: E402
from kerncijfers.pandas import (  # noqa: E402
    _ArrowColumns,
    counts_from_frame,
    departures_from_frame,
    to_frame,
    top_shares_frame,
)

try:
    import polars as pl
except ImportError:  # pragma: no cover - CI's environment has polars, the wheel test's has not
    pl = None  # type: ignore[assignment]

needs_polars = pytest.mark.skipif(pl is None, reason="polars is not installed")
SOURCE = "test source"


def rows_of(table: kc.CountsTable | kc.DeparturesTable) -> pd.DataFrame:
    return to_frame(table).drop(columns="line")


# ----------------------------------------------------------------------------------------
# Bad sources and capsules, without any Arrow library


class Producer:
    """An object whose __arrow_c_stream__ returns what it is given."""

    def __init__(self, capsule: object) -> None:
        self.capsule = capsule

    def __arrow_c_stream__(self, requested_schema: object = None) -> object:
        return self.capsule


def capsule(name: bytes, size: int = 40) -> tuple[object, Any, bytes]:
    """A capsule of `name` around zeroed memory (a stream whose release is null: consumed);
    the memory and the name are returned too, to be kept alive while the capsule is."""
    memory = ctypes.create_string_buffer(size)
    new = ctypes.pythonapi.PyCapsule_New
    new.restype = ctypes.py_object
    new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    return new(ctypes.addressof(memory), name, None), memory, name


def test_objects_without_an_arrow_stream_are_refused() -> None:
    with pytest.raises(TypeError, match=r"expected a pandas DataFrame or an object with __arrow_c_stream__ .*not list"):
        counts_from_frame([1, 2, 3])
    with pytest.raises(TypeError, match=r"__arrow_c_stream__\(\) returned a str, not a PyCapsule"):
        counts_from_frame(Producer("not a capsule"))


def test_a_capsule_of_another_name_is_refused() -> None:
    schema_capsule, memory, name = capsule(b"arrow_schema")
    with pytest.raises(
        TypeError, match='expected a PyCapsule named "arrow_array_stream", got one named "arrow_schema"'
    ):
        departures_from_frame(Producer(schema_capsule))
    with pytest.raises(TypeError, match='named "arrow_array_stream"'):
        core._arrow_columns(schema_capsule, [("count", "counts")])
    del schema_capsule, memory, name


def test_a_consumed_stream_is_refused() -> None:
    released, memory, name = capsule(b"arrow_array_stream")
    with pytest.raises(ValueError, match="the Arrow stream capsule was already consumed"):
        top_shares_frame(Producer(released))
    del released, memory, name


# ----------------------------------------------------------------------------------------
# polars


def polars_golden(test_data: Path, **overrides: Any) -> Any:
    return pl.read_csv(test_data / "golden_mei_2021_counts.csv", schema_overrides={"release": pl.String, **overrides})


def small(periods: list[object], **columns: list[object]) -> Any:
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
    return pl.DataFrame(data)


@needs_polars
def test_a_polars_frame_gives_the_table_the_csv_reader_gives(test_data: Path) -> None:
    from_csv = kc.read_counts_csv(test_data / "golden_mei_2021_counts.csv")
    frame = polars_golden(test_data)
    table = counts_from_frame(frame)
    assert len(table) == len(from_csv) == 419
    pd.testing.assert_frame_equal(rows_of(table), rows_of(from_csv))
    assert table.origin == "DataFrame"


@needs_polars
def test_polars_sends_string_views_and_they_are_read_short_and_long() -> None:
    frame = small(["2021-04", "2021-05"], source=["short", "a source longer than twelve bytes"])
    read = core._arrow_columns(frame, [("source", "labels"), ("period", "labels")])
    assert read["names"] == ["period", "category", "nationality", "count", "source", "release"]
    assert read["rows"] == 2
    columns = read["columns"]
    assert columns is not None
    assert columns["source"]["format"] == "vu"
    assert columns["source"]["values"] == ["short", "a source longer than twelve bytes"]
    assert columns["period"]["codes"].tolist() == [0, 1]


@needs_polars
def test_categorical_and_enum_columns_are_read_as_codes_plus_their_dictionary(test_data: Path) -> None:
    plain = counts_from_frame(polars_golden(test_data))
    categories = ["first_application", "repeat_application", "family_reunification", "relocation", "resettlement"]
    frame = polars_golden(test_data).with_columns(
        pl.col("nationality").cast(pl.Categorical), pl.col("category").cast(pl.Enum(categories))
    )
    read = core._arrow_columns(frame, [("category", "labels"), ("nationality", "labels")])["columns"]
    assert read is not None
    # Only the values in use, in order of first appearance: never the unused enum values.
    assert read["category"]["values"] == list(dict.fromkeys(polars_golden(test_data)["category"]))
    assert counts_from_frame(frame) == plain


@needs_polars
def test_unused_dictionary_values_are_never_converted() -> None:
    frame = small(["2021-05"]).with_columns(pl.col("nationality").cast(pl.Enum(["not a nationality", "SYR"])))
    assert counts_from_frame(frame).rows()[0].nationality == kc.Nationality("SYR")


@needs_polars
def test_bad_values_name_the_row_and_the_column() -> None:
    with pytest.raises(kc.ParseError) as error:
        counts_from_frame(small(["2021-04", "2021-05"], nationality=["SYR", "Syrai"]))
    message = str(error.value)
    assert message.startswith('cannot parse "Syrai" as a nationality')
    assert message.endswith('did you mean "Syria"? in DataFrame, row 1, column "nationality"')
    with pytest.raises(
        kc.ParseError, match=r'^cannot parse "2021-13" as a period.* in polars, row 1, column "period"$'
    ):
        counts_from_frame(small(["2021-04", "2021-13"]), origin="polars")
    with pytest.raises(
        kc.ParseError, match=r'^missing value "n\.a\." where a nationality .* row 0, column "nationality"$'
    ):
        counts_from_frame(small(["2021-05"], nationality=["n.a."]))


@needs_polars
def test_nulls_are_missing_values_naming_the_row() -> None:
    with pytest.raises(
        kc.InvalidInput,
        match=r'^missing value \(expected a nationality .*\) in DataFrame, row 1, column "nationality"$',
    ):
        counts_from_frame(small(["2021-04", "2021-05"], nationality=["SYR", None]))
    with pytest.raises(
        kc.InvalidInput, match=r'^missing value \(expected a count .*\) in DataFrame, row 2, column "count"$'
    ):
        counts_from_frame(small(["2021-03", "2021-04", "2021-05"], count=[1, 2, None]))
    # A missing release is undated, as in the pandas path.
    table = counts_from_frame(small(["2021-05"], release=[None]))
    assert not table.rows()[0].release.is_dated()


@needs_polars
def test_counts_are_checked_as_in_the_pandas_path() -> None:
    with pytest.raises(kc.CountError, match=r"^negative count -3 in DataFrame, row 1, column \"count\"$"):
        counts_from_frame(small(["2021-04", "2021-05"], count=[1, -3]))
    with pytest.raises(
        kc.ParseError, match=r'^cannot parse "59\.6" as a count .* in DataFrame, row 1, column "count"$'
    ):
        counts_from_frame(small(["2021-04", "2021-05"], count=[1.0, 59.6]))
    assert counts_from_frame(small(["2021-05"], count=[59.0])).rows()[0].count == 59
    for dtype in (pl.Int8, pl.UInt16, pl.Int32, pl.UInt32, pl.UInt64):
        frame = small(["2021-05"]).with_columns(pl.col("count").cast(dtype))
        assert counts_from_frame(frame).rows()[0].count == 10, dtype
    too_large = small(["2021-05"], count=[2**63]).with_columns(pl.col("count").cast(pl.UInt64))
    with pytest.raises(
        kc.CountOverflowError, match="count 9223372036854775808 does not fit in 64 bits in DataFrame, row 0"
    ):
        counts_from_frame(too_large)
    with pytest.raises(kc.InvalidInput, match=r'^DataFrame: column "count" holds booleans, not counts$'):
        counts_from_frame(small(["2021-05"], count=[True]))


@needs_polars
def test_unreadable_column_types_name_the_column_and_the_format() -> None:
    with pytest.raises(TypeError, match=r'^column "count" has Arrow format "vu": counts must be integers'):
        counts_from_frame(small(["2021-05"], count=["12"]))
    with pytest.raises(TypeError, match=r'^column "nationality" has Arrow format "\+L": kerncijfers reads labels'):
        counts_from_frame(small(["2021-05"], nationality=[["SYR"]]))
    with pytest.raises(TypeError, match=r'^column "period" has Arrow format "g": kerncijfers reads labels'):
        counts_from_frame(small([2021.0]))


@needs_polars
def test_missing_columns_are_named_with_the_columns_there_are() -> None:
    with pytest.raises(kc.InvalidInput) as error:
        counts_from_frame(small(["2021-05"]).drop("count", "source"))
    message = str(error.value)
    assert message.startswith(
        'DataFrame: missing column "count" (count=), "source" (source=); the DataFrame has "period"'
    )


@needs_polars
def test_conflicting_counts_name_both_rows() -> None:
    with pytest.raises(kc.InvalidInput) as error:
        counts_from_frame(small(["2021-05", "2021-04", "2021-05"], count=[1, 2, 3]))
    message = str(error.value)
    assert "conflicting counts for 2021-05 SYR first_application" in message
    assert "row 0" in message and "row 2" in message and "index 0" not in message


@needs_polars
def test_dates_and_timestamps_count_for_their_month() -> None:
    expected = counts_from_frame(small(["2021-04", "2021-05"]))
    dates = small(["2021-04-30", "2021-05-01"]).with_columns(pl.col("period").str.to_date())
    assert counts_from_frame(dates) == expected
    # 2021-04-30 23:30 UTC is May in Amsterdam: the month is the local one, as in pandas.
    stamps = small(["2021-04-15 00:00", "2021-04-30 23:30"]).with_columns(
        pl.col("period").str.to_datetime(time_zone="UTC").dt.convert_time_zone("Europe/Amsterdam")
    )
    assert counts_from_frame(stamps) == expected
    naive = small(["2021-04-15 00:00", "2021-05-31 23:59"]).with_columns(pl.col("period").str.to_datetime())
    assert counts_from_frame(naive) == expected


@needs_polars
def test_departures_from_polars_with_years_as_integers(test_data: Path) -> None:
    path = test_data / "golden_mei_2021_departures.csv"
    frame = pl.read_csv(path, schema_overrides={"release": pl.String})
    assert frame.schema["period"] == pl.Int64  # polars reads the years as integers
    table = departures_from_frame(frame)
    pd.testing.assert_frame_equal(rows_of(table), rows_of(kc.read_departures_csv(path)))


@needs_polars
def test_top_shares_frame_from_polars_equals_the_pandas_result() -> None:
    rng = np.random.default_rng(3)
    n = 2000
    data = {
        "country": rng.choice(["NL", "BE", "DE"], n),
        "category": rng.choice(["first", "repeat"], n),
        "nationality": rng.choice(["SYR", "TUR", "ERI", "AFG", "IRQ", "UNK"], n),
        "month": [f"{2020 + m // 12}-{m % 12 + 1:02d}" for m in rng.integers(0, 18, n)],
        "count": rng.integers(0, 50, n),
    }
    frame = pd.DataFrame(data).drop_duplicates(["country", "category", "nationality", "month"], ignore_index=True)
    expected = top_shares_frame(frame, unknown="UNK", top=3)
    polars_frame = pl.DataFrame(frame.to_dict("list"))
    got = top_shares_frame(polars_frame, unknown="UNK", top=3)
    pd.testing.assert_frame_equal(got, expected)
    doubled = pl.concat([polars_frame, polars_frame.slice(4, 1)])
    with pytest.raises(
        kc.InvalidInput, match=r"both count .*DataFrame, row 4: country=\w+, category=\w+, nationality=\w+"
    ):
        top_shares_frame(doubled)


@needs_polars
def test_an_int64_count_column_is_read_in_place() -> None:
    """A million-row int64 polars column: the array kerncijfers checks and passes to C++ is polars'
    own memory, and no copy the size of the column is made."""
    n = 1_000_000
    frame = pl.DataFrame({"count": np.arange(n, dtype=np.int64), "narrow": np.arange(n, dtype=np.int32)})
    column_bytes = 8 * n
    tracemalloc.start()
    try:
        columns = _ArrowColumns(frame, {"count": "count"}, ["count"], "DataFrame")
        counts = columns.counts("count")
        _, in_place = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        narrow = _ArrowColumns(frame, {"count": "narrow"}, ["count"], "DataFrame").counts("narrow")
        _, converted = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert counts.dtype == np.int64 and counts.sum() == n * (n - 1) // 2
    assert np.shares_memory(counts, frame["count"].to_numpy())
    assert not counts.flags.writeable  # polars' memory, not ours to change
    assert in_place < column_bytes // 8
    assert converted >= column_bytes  # the control: the int32 column is widened, and that shows
    assert narrow.sum() == counts.sum()


# ----------------------------------------------------------------------------------------
# pyarrow (not in CI's environment)


@needs_polars
def test_pyarrow_tables_chunked_large_strings_and_dictionaries(test_data: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    from_csv = kc.read_counts_csv(test_data / "golden_mei_2021_counts.csv")
    table = polars_golden(test_data).to_arrow()
    table = table.cast(
        pa.schema([pa.field(f.name, pa.int64() if f.name == "count" else pa.string()) for f in table.schema])
    )
    halves = pa.concat_tables([table.slice(0, 200), table.slice(200)])
    assert halves.column("count").num_chunks >= 2
    same = rows_of(from_csv)
    pd.testing.assert_frame_equal(rows_of(counts_from_frame(halves)), same)
    large = halves.cast(
        pa.schema([pa.field(f.name, pa.large_string() if f.type != pa.int64() else f.type) for f in halves.schema])
    )
    pd.testing.assert_frame_equal(rows_of(counts_from_frame(large)), same)
    encoded = halves.set_column(2, "nationality", halves.column("nationality").dictionary_encode())
    narrow = encoded.cast(encoded.schema.set(2, pa.field("nationality", pa.dictionary(pa.int8(), pa.string()))))
    pd.testing.assert_frame_equal(rows_of(counts_from_frame(narrow)), same)
    reader = pa.RecordBatchReader.from_batches(halves.schema, halves.to_batches())
    pd.testing.assert_frame_equal(rows_of(counts_from_frame(reader)), same)


@needs_polars
def test_a_stream_that_fails_gives_the_producers_error() -> None:
    pa = pytest.importorskip("pyarrow")
    schema = pa.schema([("period", pa.string()), ("count", pa.int64())])

    def batches() -> Any:
        yield pa.record_batch([pa.array(["2021-05"]), pa.array([1])], schema=schema)
        raise RuntimeError("the producer broke")

    reader = pa.RecordBatchReader.from_batches(schema, batches())
    with pytest.raises(ValueError, match="the Arrow stream could not give its next batch .*the producer broke"):
        core._arrow_columns(reader, [("count", "counts")])
    with pytest.raises(TypeError, match=r'expected an Arrow stream of record batches \(a struct, format "\+s"\)'):
        core._arrow_columns(pa.chunked_array([["a"]]), [("count", "counts")])


@needs_polars
def test_pandas_columns_backed_by_arrow(test_data: Path) -> None:
    pytest.importorskip("pyarrow")
    path = test_data / "golden_mei_2021_counts.csv"
    frame = pd.read_csv(
        path,
        dtype={
            "release": "string[pyarrow]",
            "period": "string[pyarrow]",
            "category": "string[pyarrow]",
            "nationality": "string[pyarrow]",
            "source": "string[pyarrow]",
        },
    )
    assert frame["nationality"].dtype == "string[pyarrow]"
    pd.testing.assert_frame_equal(rows_of(counts_from_frame(frame)), rows_of(kc.read_counts_csv(path)))
    frame.loc[3, "nationality"] = "Syrai"
    with pytest.raises(kc.ParseError, match=r'"Syrai" .*index 3 \(row 3\), column "nationality"'):
        counts_from_frame(frame)


# ----------------------------------------------------------------------------------------
# Tables out to polars


@needs_polars
def test_tables_out_to_polars_and_back(test_data: Path) -> None:
    from kerncijfers.data import bundled_counts_files
    from kerncijfers.pandas import COUNTS_COLUMNS, DEPARTURES_COLUMNS, to_polars

    rows: list[kc.CountRow] = []
    for path in bundled_counts_files():
        rows.extend(kc.read_count_rows(path))
    # Rows without their file lines: a table from a frame has none.
    table = kc.CountsTable.from_rows([kc.CountRow(r.period, r.category, r.nationality, r.count, r.source, r.release)
                                      for r in rows])  # fmt: skip
    out = to_polars(table)
    assert tuple(out.columns) == COUNTS_COLUMNS
    assert len(out) == len(table) and out["count"].to_list() == to_frame(table)["count"].tolist()
    assert set(out["period"].str.len_chars().unique()) <= {4, 7}  # years and months: "2021", "2021-05"
    assert out.schema["category"] == pl.Enum([c.name for c in kc.Category.__members__.values()])
    again = counts_from_frame(out)
    assert again.rows() == table.rows()
    older = to_polars(table, superseded=True)
    assert len(older) == len(table.superseded()) > 0
    assert counts_from_frame(pl.concat([older, out])).rows() == table.rows()

    departures = kc.read_departures_csv(test_data / "golden_mei_2021_departures.csv")
    out = to_polars(departures)
    assert tuple(out.columns) == DEPARTURES_COLUMNS
    assert out["first"].to_list() == ["2021-01"] * 6 and out["last"].to_list() == ["2021-12"] * 6
    pd.testing.assert_frame_equal(rows_of(departures_from_frame(out)), rows_of(departures))
    with pytest.raises(TypeError, match="to_polars takes a CountsTable or DeparturesTable, not Month"):
        to_polars(kc.Month(2021, 5))  # type: ignore[arg-type]


@needs_polars
def test_weeks_and_quarters_out_to_polars() -> None:
    from kerncijfers.pandas import to_polars

    periods: list[kc.IsoWeek | kc.Quarter | kc.Month | kc.Year] = [
        kc.IsoWeek(2020, 53),
        kc.Quarter(2021, 3),
        kc.Month(1969, 12),
        kc.Year(1960),
    ]
    table = kc.CountsTable.from_rows(
        [kc.CountRow(p, kc.Category.first_application, None, i, SOURCE) for i, p in enumerate(periods)]
    )
    out = to_polars(table)
    assert sorted(out["period"].to_list()) == sorted(p.iso() for p in periods)
    assert out["release"].null_count() == len(periods)
    assert counts_from_frame(out).rows() == table.rows()


def python_calls(action: Any) -> int:
    profiler = cProfile.Profile()
    profiler.enable()
    action()
    profiler.disable()
    return int(pstats.Stats(profiler).total_calls)  # type: ignore[attr-defined]


@needs_polars
def test_polars_in_and_out_without_python_per_row() -> None:
    from kerncijfers.pandas import to_polars

    def frame(months: int) -> Any:
        codes = [n.alpha3 for n in kc.Nationality.all()][:200]
        per_month = len(codes)
        return pl.DataFrame(
            {
                "period": np.repeat([str(kc.Month(1990, 1) + i) for i in range(months)], per_month),
                "category": ["first_application"] * (months * per_month),
                "nationality": codes * months,
                "count": np.arange(months * per_month, dtype=np.int64),
                "source": [SOURCE] * (months * per_month),
                "release": ["2021-06-15"] * (months * per_month),
            }
        )

    small, large = frame(5), frame(500)  # 1,000 and 100,000 rows
    tables: list[kc.CountsTable] = []
    calls_in = [python_calls(lambda f=f: tables.append(counts_from_frame(f))) for f in (small, large)]
    calls_out = [python_calls(lambda t=t: to_polars(t)) for t in tables]
    assert len(tables[1]) == 100_000
    assert calls_in[1] < calls_in[0] + 5_000, calls_in
    assert calls_out[1] < calls_out[0] + 5_000, calls_out


def test_every_batch_is_released_also_when_reading_fails() -> None:
    """pyarrow counts the bytes it has allocated: after reading (or failing half-way) and
    dropping the result, every batch the stream gave has been released."""
    pa = pytest.importorskip("pyarrow")
    schema = pa.schema([("nationality", pa.string()), ("count", pa.int64())])

    def batches(fail: bool) -> Any:
        for i in range(3):
            yield pa.record_batch([pa.array(["SYR", "TUR"] * 50_000), pa.array(np.arange(100_000) + i)], schema=schema)
        if fail:
            raise RuntimeError("the producer broke")

    baseline = pa.total_allocated_bytes()
    read = core._arrow_columns(
        pa.RecordBatchReader.from_batches(schema, batches(False)), [("nationality", "labels"), ("count", "counts")]
    )
    assert read["rows"] == 300_000
    del read
    assert pa.total_allocated_bytes() == baseline
    with pytest.raises(ValueError, match="the producer broke"):
        core._arrow_columns(pa.RecordBatchReader.from_batches(schema, batches(True)), [("count", "counts")])
    assert pa.total_allocated_bytes() == baseline
    with pytest.raises(TypeError, match='column "nationality" has Arrow format "u": counts must be'):
        core._arrow_columns(pa.RecordBatchReader.from_batches(schema, batches(False)), [("nationality", "counts")])
    assert pa.total_allocated_bytes() == baseline
