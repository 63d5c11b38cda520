"""pandas in and out: tables from DataFrames, every result as a tidy DataFrame.

Needs pandas (``pip install kerncijfers[pandas]``); ``import kerncijfers`` works without it.

In: :func:`counts_from_frame` and :func:`departures_from_frame` build a table from a
DataFrame with the columns of the CSV schema (names configurable); :func:`top_shares_frame`
ranks nationalities over a long panel. A DataFrame is a pandas DataFrame or anything with
``__arrow_c_stream__`` (a polars DataFrame, a pyarrow Table or RecordBatchReader): the
Arrow stream is read in C++ without pyarrow. Each column becomes integer codes plus its
few distinct values (a categorical or dictionary-encoded column by its own codes, a text
column factorised in C++, an int64 count column read in place), the distinct values are
checked and converted once, and the rows are built in C++ from the codes: a million rows
take no per-row Python work. A bad value raises the error the CSV reader raises for it
(``ParseError``, ``CountError``, ``InvalidInput``), naming the value, where it is (a
pandas DataFrame's index label and position, an Arrow table's row position) and the
column; a column of a type that cannot hold the value (a list, a boolean count) raises
``TypeError`` naming the column and its Arrow format.

Out: :func:`to_frame` turns a table into one row per table row, and a figure into one row
per figure row, in the tidy layout of :data:`FIGURE_COLUMNS`; :func:`to_pandas` turns a
:class:`~kerncijfers.Series` into a ``pandas.Series`` with a ``PeriodIndex``. Periods
become ``pandas.Period`` (frequency ``M``, ``Q-DEC``, ``Y-DEC`` or ``W-SUN``), nationalities
their alpha-3 code plus the Dutch and English names. :func:`to_polars` gives a table as a
polars DataFrame with the same columns (periods as ISO text), also without per-row Python.
"""

from __future__ import annotations

import datetime
import importlib
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
import pandas as pd

from . import _core as core

__all__ = [
    "COUNTS_COLUMNS",
    "DEPARTURES_COLUMNS",
    "FIGURE_COLUMNS",
    "counts_from_frame",
    "departures_from_frame",
    "TOP_SHARES_COLUMNS",
    "period_to_pandas",
    "to_frame",
    "to_pandas",
    "to_polars",
    "top_shares_frame",
]

#: Columns of ``to_frame(counts_table)``.
COUNTS_COLUMNS = ("period", "category", "nationality", "name_nl", "name_en", "count", "source", "release", "line")
#: Columns of ``to_frame(departures_table)``.
DEPARTURES_COLUMNS = ("period", "first", "last", "group", "mode", "count", "source", "release", "line")
#: Columns of ``to_frame(figure)``: one row per row of the figure.
#:
#: - ``figure``: which figure (``first_month``, ... as the KeyFigures attribute; a figure on
#:   its own: ``distribution``, ``safe_share``, ``departures_all``/``departures_criminal``,
#:   ``influx``);
#: - ``window`` (ISO text: ``2021-05`` or ``2020-06/2021-05``), ``window_first`` and
#:   ``window_last`` (``pandas.Period`` months; equal for a single month);
#: - ``category`` (schema name; missing for departures), ``kind`` (``nationality``,
#:   ``unknown``, ``other``, ``unlisted``; ``safe``; ``supervised``/``unsupervised``; ``total``
#:   for influx);
#: - ``nationality`` (alpha-3 code, missing for other rows), ``name_nl``, ``name_en`` (the
#:   row's label on the page);
#: - ``count`` (nullable integer), ``share`` (exact fraction of the total, 0..1, float),
#:   ``percent`` (the rounded percentage the page shows, float), ``total`` (the figure's total);
#: - ``status`` (``exact``, ``partial``, ``unavailable``), ``source`` (the sources, joined
#:   with "; "), ``release`` (latest release, ISO; missing when undated).
#:
#: A figure without rows (unavailable) gives one row with its status and missing values.
FIGURE_COLUMNS = (
    "figure", "window", "window_first", "window_last", "category", "kind", "nationality", "name_nl", "name_en",
    "count", "share", "percent", "total", "status", "source", "release",
)  # fmt: skip

#: Columns of :func:`top_shares_frame`: one row per part of each trailing window.
#:
#: - ``country``, ``category``: the labels of the input columns;
#: - ``month``: the window's last month (``pandas.Period``, frequency ``M``);
#: - ``position``: 0 to ``top - 1`` for the ranked nationalities, ``top`` for "other",
#:   ``top + 1`` for "unknown"; ``kind``: ``nationality``, ``other`` or ``unknown``;
#: - ``nationality``: the label of a ranked nationality (or of the unknown nationality);
#:   missing for "other";
#: - ``count``: the window sum; ``share``: whole percent, each window's shares summing to
#:   100 (largest remainder), or all 0 when the window is empty;
#: - ``total`` and ``rounded_total``: the window's total and that total rounded to tens.
TOP_SHARES_COLUMNS = (
    "country", "category", "month", "position", "kind", "nationality", "count", "share", "total", "rounded_total",
)  # fmt: skip

AnyPeriod = core.IsoWeek | core.Month | core.Quarter | core.Year
Figure = core.DistributionFigure | core.SafeShareFigure | core.DeparturesFigure | core.InfluxFigure
T = TypeVar("T")
Codes = npt.NDArray[np.signedinteger[Any]]

_PERIOD_EXPECTED = (
    "a period: a month (YYYY-MM), a quarter (YYYY-Qn) or a year (YYYY), a pandas Period of month, quarter or "
    "year frequency, or a date (its month)"
)
_RELEASE_EXPECTED = "a release (YYYY-MM-DD, YYYY-Www, YYYY-MM or a date; empty for undated)"
_DEPARTURE_PERIOD_EXPECTED = (
    "a departure period: a year (YYYY), a range of months (YYYY-MM/YYYY-MM), a pandas Period of year or month "
    "frequency, or a kerncijfers Year, Month or PeriodRange of Month"
)


# ----------------------------------------------------------------------------------------
# Where a value is, and the errors


class _Place:
    """Names a cell of the DataFrame in messages, like the CSV reader names a line: a pandas
    DataFrame by index label and position, an Arrow table (no index) by position."""

    def __init__(self, df: pd.DataFrame | None, origin: str) -> None:
        self.index = df.index if df is not None else None
        self.origin = origin

    def __call__(self, position: int, column: Hashable) -> str:
        return f'{self.origin}, {self.row(position)}, column "{column}"'

    def row(self, position: int) -> str:
        if self.index is None:
            return f"row {position}"
        return f"index {self.label(position)} (row {position})"

    def label(self, position: int) -> str:
        assert self.index is not None
        value = self.index[position]
        return repr(value.item() if isinstance(value, np.generic) else value)

    def rows_to_labels(self, message: str) -> str:
        """The C++ names rows it was given by position, rows[i]; say which index label that is."""

        def label(match: re.Match[str]) -> str:
            position = int(match.group(1))
            if self.index is not None and position >= len(self.index):
                return match.group(0)
            return self.row(position)

        return re.sub(r"rows\[(\d+)\]", label, message)


class _Refused(ValueError):
    """A value of the right type that cannot be used; the message says why."""


def _text_of(value: object) -> str:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return repr(value)


def _parse_error(value: object, expected: str, where: str) -> core.ParseError:
    text = _text_of(value)
    error = core.ParseError(f'cannot parse "{text}" as {expected} in {where}')
    error.input = text
    return error


def _marker_error(text: str, expected: str, where: str) -> core.ParseError:
    # In the words of the C++ readers (csv::value_error) for the same marker in a file.
    error = core.ParseError(f'missing value "{text}" where {expected} was expected in {where}')
    error.input = text
    return error


def _missing_error(expected: str, where: str) -> core.InvalidInput:
    return core.InvalidInput(f"missing value (expected {expected}) in {where}")


def _require_columns(present: Sequence[Hashable], wanted: dict[str, Hashable | None], origin: str) -> None:
    names = set(present)
    missing = [f'"{name}" ({role}=)' for role, name in wanted.items() if name is not None and name not in names]
    if missing:
        have = ", ".join(f'"{c}"' for c in present)
        raise core.InvalidInput(
            f"{origin}: missing column {', '.join(missing)}; the DataFrame has {have or 'no columns'}"
        )


def _convert_distinct(
    codes: Codes,
    uniques: Sequence[Any],
    column: Hashable,
    convert: Callable[[Any], T],
    expected: str,
    place: _Place,
    missing: T | None = None,
) -> tuple[Codes, list[T]]:
    """The distinct values of a column (codes -1: missing) converted; the first bad value
    raises, naming its row. `uniques` are in order of first appearance, so the first value
    that fails is the one in the earliest row.

    `missing` stands in for missing values (NaN, None, NaT); without it they are an error.
    """
    values: list[T] = []
    for j, unique in enumerate(uniques):
        try:
            values.append(convert(unique))
        except (ValueError, KeyError, TypeError) as error:
            position = int(np.flatnonzero(codes == j)[0])
            if isinstance(unique, str) and core.is_missing_marker(unique):
                raise _marker_error(unique, expected, place(position, column)) from None
            if isinstance(error, core.UnknownCode) and error.suggestions:
                hint = " or ".join(f'"{s}"' for s in error.suggestions)
                expected = f"{expected}; did you mean {hint}?"
            elif isinstance(error, _Refused):
                expected = f"{expected} ({error})"
            raise _parse_error(unique, expected, place(position, column)) from None
    if codes.size and codes.min() < 0:
        if missing is None:
            raise _missing_error(expected, place(int(np.argmax(codes < 0)), column))
        codes = np.where(codes < 0, len(values), codes)
        values.append(missing)
    return codes, values


def _arrow_text_dtype(dtype: object) -> bool:
    """A pandas text column stored as Arrow strings (string[pyarrow], pandas 3's str with pyarrow)."""
    if isinstance(dtype, pd.StringDtype):
        return dtype.storage == "pyarrow"
    if isinstance(dtype, pd.ArrowDtype):
        return str(dtype.pyarrow_dtype) in ("string", "large_string", "string_view")
    return False


def _codes_and_uniques(series: pd.Series[Any]) -> tuple[Codes, Any]:
    """What ``pandas.factorize`` gives (codes, -1 for missing, and the distinct values in order of
    first appearance), without its per-row cost where the column allows: the Arrow strings of an
    Arrow-backed column and an object column of text read in C++ (by Python's cached str hash,
    the previous row's object by identity: read_csv shares one object per distinct text).
    Anything else goes to pandas (a categorical column is fast there: pandas factorises its
    codes)."""
    dtype = series.dtype
    if _arrow_text_dtype(dtype):
        result = core._arrow_labels(series.array.__arrow_array__(), str(series.name))
        return result["codes"], result["values"]
    if pd.api.types.is_object_dtype(dtype) or (isinstance(dtype, pd.StringDtype) and dtype.storage == "python"):
        found = core._factorise_text(series.to_numpy(dtype=object))
        if found is not None:
            return found
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    return codes, uniques


def _numeric_counts(
    values: npt.NDArray[Any], column: Hashable, place: _Place, cell: Callable[[int], Any], first_missing: int = -1
) -> npt.NDArray[np.int64]:
    """Numbers as int64 counts, refusing what the CSV reader refuses: fractions, negatives,
    blanks. An int64 array comes back as it is (no copy); `cell` gives a row's value for a message."""
    expected = "a count (a non-negative integer)"
    if values.dtype.kind in "iu":
        if first_missing >= 0:
            raise _missing_error(expected, place(first_missing, column))
        if values.dtype == np.uint64 and values.size and int(values.max()) > np.iinfo(np.int64).max:
            position = int(np.argmax(values))
            raise core.CountOverflowError(
                f"count {values[position]} does not fit in 64 bits in {place(position, column)}"
            )
        ints = values.astype(np.int64, copy=False)
    else:
        floats = values.astype(np.float64, copy=False)
        bad = ~np.isfinite(floats) | (floats != np.floor(floats)) | (np.abs(floats) >= 2.0**63)
        positions = [int(np.argmax(bad))] if bad.any() else []
        if first_missing >= 0:
            positions.append(first_missing)
        if positions:
            position = min(positions)
            value = cell(position)
            if position == first_missing or pd.isna(value):
                raise _missing_error(expected, place(position, column))
            raise _parse_error(value, expected, place(position, column))
        ints = floats.astype(np.int64)
    # min() first: no mask the size of the column unless a count is negative.
    if ints.size and ints.min() < 0:
        position = int(np.argmax(ints < 0))
        raise core.CountError(f"negative count {ints[position]} in {place(position, column)}")
    return np.ascontiguousarray(ints)


def _counts_column(df: pd.DataFrame, column: Hashable, place: _Place) -> npt.NDArray[np.int64]:
    """The count column of a pandas DataFrame as int64 (see _numeric_counts)."""
    series = df[column]
    if pd.api.types.is_bool_dtype(series.dtype):
        raise core.InvalidInput(f'{place.origin}: column "{column}" holds booleans, not counts')
    if pd.api.types.is_integer_dtype(series.dtype) and not series.hasnans:
        return _numeric_counts(series.to_numpy(), column, place, series.iloc.__getitem__)
    numbers = series if pd.api.types.is_numeric_dtype(series.dtype) else pd.to_numeric(series, errors="coerce")
    floats = numbers.to_numpy(dtype=np.float64, na_value=np.nan)
    return _numeric_counts(floats, column, place, series.iloc.__getitem__)


# ----------------------------------------------------------------------------------------
# The columns of a pandas DataFrame or of an Arrow stream (polars, pyarrow)

_EPOCH = datetime.date(1970, 1, 1)
_TIME_UNITS = {"s": "s", "m": "ms", "u": "us", "n": "ns"}


def _arrow_values(values: list[Any], format: str) -> list[Any]:
    """Distinct Arrow values as the pandas path sees them: dates (tdD days, tdm milliseconds)
    as ``datetime.date``, timestamps (ts<unit>:<zone>) as ``pandas.Timestamp`` in local time."""
    if format == "tdD":
        return [_EPOCH + datetime.timedelta(days=v) for v in values]
    if format == "tdm":
        return [_EPOCH + datetime.timedelta(days=v // 86_400_000) for v in values]
    if format.startswith("ts") and len(format) >= 4 and format[3] == ":" and format[2] in _TIME_UNITS:
        unit, zone = _TIME_UNITS[format[2]], format[4:]
        if zone:
            return [pd.Timestamp(v, unit=unit, tz="UTC").tz_convert(zone).tz_localize(None) for v in values]
        return [pd.Timestamp(v, unit=unit) for v in values]
    return values


class _PandasColumns:
    """The columns of a pandas DataFrame; messages name the index label and position."""

    def __init__(self, df: pd.DataFrame, wanted: dict[str, Hashable | None], origin: str) -> None:
        _require_columns(list(df.columns), wanted, origin)
        self.df = df
        self.rows = len(df)
        self.place = _Place(df, origin)

    def labels(self, column: Hashable, months: bool = False) -> tuple[Codes, Any]:
        series = self.df[column]
        return _codes_and_uniques(_months_column(series) if months else series)

    def sorted_labels(self, column: Hashable) -> tuple[Codes, Any]:
        codes, uniques = pd.factorize(self.df[column], sort=True, use_na_sentinel=True)
        return codes, uniques

    def counts(self, column: Hashable) -> npt.NDArray[np.int64]:
        return _counts_column(self.df, column, self.place)

    def cell(self, column: Hashable, position: int) -> object:
        return self.df[column].iloc[position]


class _ArrowColumns:
    """The columns of an Arrow stream (``__arrow_c_stream__``: polars, pyarrow), read once in
    C++; messages name the row by its position."""

    def __init__(self, source: object, wanted: dict[str, Hashable | None], counts: Sequence[str], origin: str) -> None:
        kinds = {
            name: "counts" if role in counts else "labels" for role, name in wanted.items() if isinstance(name, str)
        }
        result = core._arrow_columns(source, list(kinds.items()))
        _require_columns(result["names"], {role: name for role, name in wanted.items()}, origin)
        columns = result["columns"]
        assert columns is not None  # None only when a column is missing, refused above
        self.columns: dict[str, dict[str, Any]] = columns
        self.rows = int(result["rows"])
        self.place = _Place(None, origin)

    def labels(self, column: Hashable, months: bool = False) -> tuple[Codes, Any]:
        found = self.columns[str(column)]
        return found["codes"], _arrow_values(found["values"], found["format"])

    def sorted_labels(self, column: Hashable) -> tuple[Codes, Any]:
        codes, uniques = self.labels(column)
        order = sorted(range(len(uniques)), key=uniques.__getitem__)
        rank = np.full(len(uniques) + 1, -1, dtype=np.int64)  # the last entry: code -1
        rank[order] = np.arange(len(order), dtype=np.int64)
        return rank[codes], [uniques[j] for j in order]

    def counts(self, column: Hashable) -> npt.NDArray[np.int64]:
        found = self.columns[str(column)]
        values = found["values"]
        if values is None:
            raise core.InvalidInput(f'{self.place.origin}: column "{column}" holds booleans, not counts')
        return _numeric_counts(values, column, self.place, values.__getitem__, int(found["null"]))

    def cell(self, column: Hashable, position: int) -> object:
        found = self.columns[str(column)]
        if "codes" not in found:
            return found["values"][position]
        code = int(found["codes"][position])
        return _arrow_values(found["values"], found["format"])[code] if code >= 0 else None


_Columns = _PandasColumns | _ArrowColumns


def _columns_of(
    df: object, wanted: dict[str, Hashable | None], counts: Sequence[str], origin: str
) -> _PandasColumns | _ArrowColumns:
    """A pandas DataFrame is read as pandas; anything else through its Arrow stream."""
    if isinstance(df, pd.DataFrame):
        return _PandasColumns(df, wanted, origin)
    return _ArrowColumns(df, wanted, counts, origin)


def _factorise(
    frame: _Columns,
    column: Hashable,
    convert: Callable[[Any], T],
    expected: str,
    missing: T | None = None,
    months: bool = False,
) -> tuple[Codes, list[T]]:
    """Codes and converted distinct values of a column (see _convert_distinct); `months`: a
    pandas datetime column is taken by month."""
    codes, uniques = frame.labels(column, months)
    return _convert_distinct(codes, uniques, column, convert, expected, frame.place, missing)


# ----------------------------------------------------------------------------------------
# Converting distinct values


def _anchor_ok(period: pd.Period, anchor: str) -> bool:
    parts = period.freqstr.split("-")
    return len(parts) == 1 or parts[1] == anchor


def _count_period(value: object) -> AnyPeriod:
    if isinstance(value, (core.Month, core.Quarter, core.Year, core.IsoWeek)):
        return value
    if isinstance(value, str):
        return core.parse_count_period(value)
    if isinstance(value, pd.Period):
        base = value.freqstr.split("-")[0]
        if base == "M":
            return core.Month(value.year, value.month)
        if base in ("Q", "QE") and _anchor_ok(value, "DEC"):
            return core.Quarter(value.year, value.quarter)
        if base in ("Y", "A", "YE") and _anchor_ok(value, "DEC"):
            return core.Year(value.year)
        raise _Refused(f"got a Period of frequency {value.freqstr}")
    if isinstance(value, (datetime.date, pd.Timestamp, np.datetime64)):
        stamp = pd.Timestamp(value)
        return core.Month(stamp.year, stamp.month)
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return core.Year(int(value))
    raise TypeError(type(value).__name__)


def _departure_period(value: object) -> core.PeriodRange[core.Month]:
    if isinstance(value, core.PeriodRange):
        if value.unit is not core.Month:
            raise TypeError("a PeriodRange of another unit")
        return value
    if isinstance(value, core.Month):
        return core.PeriodRange(value)
    if isinstance(value, core.Year):
        return core.PeriodRange(core.Month(value.year, 1), core.Month(value.year, 12))
    if isinstance(value, str):
        return core.parse_departure_period(value)
    if isinstance(value, pd.Period):
        base = value.freqstr.split("-")[0]
        if base == "M":
            return core.PeriodRange(core.Month(value.year, value.month))
        if base in ("Y", "A", "YE") and _anchor_ok(value, "DEC"):
            return core.PeriodRange(core.Month(value.year, 1), core.Month(value.year, 12))
        raise _Refused(f"got a Period of frequency {value.freqstr}")
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return core.PeriodRange(core.Month(int(value), 1), core.Month(int(value), 12))
    raise TypeError(type(value).__name__)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(type(value).__name__)
    return value


def _enum_parser(enum: type[T], parse: Callable[[str], T]) -> Callable[[object], T]:
    def convert(value: object) -> T:
        if isinstance(value, enum):
            return value
        return parse(_text(value))

    return convert


def _nationality(value: object) -> core.Nationality | None:
    if isinstance(value, core.Nationality):
        return value
    text = _text(value)
    return None if text == "TOTAL" else core.Nationality.lookup(text)


def _source(value: object) -> str:
    text = _text(value)
    if not text.strip():
        raise _Refused("it is empty")
    return text


def _release(value: object) -> core.Release:
    if isinstance(value, core.Release):
        return value
    if isinstance(value, str):
        return core.Release.parse(value)
    if isinstance(value, pd.Period):
        base = value.freqstr.split("-")[0]
        if base == "M":
            return core.Release.from_month(core.Month(value.year, value.month))
        if base == "D":
            return core.Release.from_date(datetime.date(value.year, value.month, value.day))
        raise _Refused(f"got a Period of frequency {value.freqstr}")
    if isinstance(value, (datetime.date, pd.Timestamp, np.datetime64)):
        stamp = pd.Timestamp(value)
        return core.Release.from_date(datetime.date(stamp.year, stamp.month, stamp.day))
    raise TypeError(type(value).__name__)


def _months_column(series: pd.Series[Any]) -> pd.Series[Any]:
    """A datetime column as months (vectorised), so that only the distinct months are converted."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        series = series.dt.tz_localize(None)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        months: pd.Series[Any] = series.dt.to_period("M")
        return months
    return series


# ----------------------------------------------------------------------------------------
# Tables from DataFrames


def _shared_columns(
    frame: _Columns, count: Hashable, source: Hashable, release: Hashable | None
) -> tuple[npt.NDArray[np.int64], Codes, list[str], Codes, list[core.Release]]:
    """The columns both schemas end with: count, source and release (undated without a column)."""
    counts = frame.counts(count)
    source_codes, sources = _factorise(frame, source, _source, "a source (non-empty text)")
    if release is None:
        return counts, source_codes, sources, np.zeros(frame.rows, dtype=np.intp), [core.Release()]
    release_codes, releases = _factorise(
        frame, release, _undated_if_empty(_release), _RELEASE_EXPECTED, missing=core.Release(),
    )  # fmt: skip
    return counts, source_codes, sources, release_codes, releases


def counts_from_frame(
    df: pd.DataFrame | Any,
    *,
    period: Hashable = "period",
    category: Hashable = "category",
    nationality: Hashable = "nationality",
    count: Hashable = "count",
    source: Hashable = "source",
    release: Hashable | None = "release",
    origin: str = "DataFrame",
) -> core.CountsTable:
    """A :class:`~kerncijfers.CountsTable` from a DataFrame in the counts CSV schema.

    Columns (names configurable, defaults as in the CSV):

    - ``period``: ``"2021-05"``, ``"2021-Q2"``, ``"2021"`` (or the integer 2021), a
      ``pandas.Period`` of frequency M, Q or Y, a kerncijfers Month/Quarter/Year, or a date /
      ``Timestamp`` / ``datetime64`` (its month);
    - ``category``: schema name or Dutch alias (``"first_application"``, ``"nareiziger"``);
    - ``nationality``: any code or name :meth:`Nationality.lookup` knows, or ``"TOTAL"``;
    - ``count``: non-negative integers (a float column is accepted when every value is whole);
    - ``source``: non-empty text;
    - ``release``: ``"2021-06-15"``, ``"2021-W24"``, ``"2021-06"``, a date; empty or missing
      is undated. ``release=None``: the DataFrame has no release column, every row is undated.

    The vintage rule is the CSV reader's (the latest release of each key wins; one release
    giving one key two counts is an error). ``origin`` names the DataFrame in messages.

    ``df`` is a pandas DataFrame or any table with ``__arrow_c_stream__`` (polars, pyarrow):
    Arrow text (``string``, ``large_string``, ``string_view``), integers, dates, timestamps
    (their local month) and dictionary-encoded columns of these; a null is a missing value.
    """
    frame = _columns_of(
        df,
        {"period": period, "category": category, "nationality": nationality, "count": count, "source": source,
         "release": release},
        ["count"], origin,
    )  # fmt: skip
    period_codes, periods = _factorise(frame, period, _count_period, _PERIOD_EXPECTED, months=True)
    category_codes, categories = _factorise(
        frame, category, _enum_parser(core.Category, core.parse_category),
        "a category (first_application, repeat_application, family_reunification, relocation or resettlement, "
        "or a Dutch alias)",
    )  # fmt: skip
    nationality_codes, nationalities = _factorise(
        frame, nationality, _nationality, "a nationality (TOTAL, or a code or name in the nationality table)",
    )  # fmt: skip
    counts, source_codes, sources, release_codes, releases = _shared_columns(frame, count, source, release)
    try:
        return core._counts_from_codes(
            period_codes, periods, category_codes, categories, nationality_codes, nationalities, counts,
            source_codes, sources, release_codes, releases, origin,
        )  # fmt: skip
    except core.InvalidInput as error:
        raise type(error)(frame.place.rows_to_labels(str(error))) from None


def departures_from_frame(
    df: pd.DataFrame | Any,
    *,
    period: Hashable = "period",
    group: Hashable = "group",
    mode: Hashable = "mode",
    count: Hashable = "count",
    source: Hashable = "source",
    release: Hashable | None = "release",
    origin: str = "DataFrame",
) -> core.DeparturesTable:
    """A :class:`~kerncijfers.DeparturesTable` from a DataFrame in the departures CSV schema.

    ``period``: ``"2021"`` (or 2021, a yearly ``pandas.Period``, a kerncijfers Year: its twelve
    months), ``"2023-01/2023-10"`` (a range of months, or a PeriodRange of Month), a month;
    ``group``: ``all`` or ``criminal``; ``mode``: ``independent``, ``forced`` or ``unsupervised``;
    ``count``, ``source``, ``release`` as in :func:`counts_from_frame`.
    """
    frame = _columns_of(
        df,
        {"period": period, "group": group, "mode": mode, "count": count, "source": source, "release": release},
        ["count"], origin,
    )  # fmt: skip
    period_codes, periods = _factorise(frame, period, _departure_period, _DEPARTURE_PERIOD_EXPECTED)
    group_codes, groups = _factorise(
        frame, group, _enum_parser(core.DepartureGroup, core.parse_departure_group), "a group (all or criminal)",
    )  # fmt: skip
    mode_codes, modes = _factorise(
        frame, mode, _enum_parser(core.DepartureMode, core.parse_departure_mode),
        "a mode (independent, forced or unsupervised)",
    )  # fmt: skip
    counts, source_codes, sources, release_codes, releases = _shared_columns(frame, count, source, release)
    try:
        return core._departures_from_codes(
            period_codes, periods, group_codes, groups, mode_codes, modes, counts, source_codes, sources,
            release_codes, releases, origin,
        )  # fmt: skip
    except core.InvalidInput as error:
        raise type(error)(frame.place.rows_to_labels(str(error))) from None


def _undated_if_empty(convert: Callable[[object], core.Release]) -> Callable[[object], core.Release]:
    def release(value: object) -> core.Release:
        if isinstance(value, str) and not value.strip():
            return core.Release()
        return convert(value)

    return release


# ----------------------------------------------------------------------------------------
# Top nationalities over a whole panel


def _labels(frame: _Columns, column: Hashable) -> tuple[Codes, Any]:
    """Codes of a label column, in sorted label order; a missing label raises, naming its row."""
    codes, uniques = frame.sorted_labels(column)
    if codes.size and codes.min() < 0:
        raise _missing_error(f'a label in column "{column}"', frame.place(int(np.argmax(codes < 0)), column))
    return codes, uniques


def _month_only(value: object) -> core.Month:
    period = _count_period(value)
    if not isinstance(period, core.Month):
        raise _Refused(f"a {type(period).__name__.lower()}, not a month")
    return period


def _name_rows(message: str, frame: _Columns, columns: Sequence[Hashable]) -> str:
    """The kernel names rows by position and codes; add what those rows hold in the DataFrame."""
    numbers = re.findall(r"\brows? (\d+)", message) + re.findall(r"\band (\d+)\b", message)
    positions = sorted({int(n) for n in numbers})
    shown = []
    for position in positions[:2]:
        if position < frame.rows:
            cells = ", ".join(f"{c}={_text_of(frame.cell(c, position))}" for c in columns)
            shown.append(f"{frame.place.origin}, {frame.place.row(position)}: {cells}")
    return message + (" [" + "; ".join(shown) + "]" if shown else "")


def top_shares_frame(
    df: pd.DataFrame | Any,
    *,
    country: Hashable = "country",
    category: Hashable = "category",
    nationality: Hashable = "nationality",
    month: Hashable = "month",
    count: Hashable = "count",
    unknown: Hashable | None = None,
    window: int = 12,
    top: int = 10,
    total_multiple: int = 10,
    total_rounding: Any = "half-up",
    origin: str = "DataFrame",
    threads: int = 0,
) -> pd.DataFrame:
    """:func:`kerncijfers.top_shares` on a long DataFrame, with its labels in and out.

    One row per (country, category, nationality, month) with a count; labels are anything
    hashable (``"NL"``, ``"first"``, ``"SYR"``), months are ``pandas.Period`` months, dates
    or ``"2021-05"`` text. For every (country, category) and every window of ``window``
    months up to the last month of the data (a month without a row counts 0), the result
    holds the top ``top`` nationalities, "other" and "unknown" (``unknown``: the label of
    the unknown nationality, never ranked; it must occur in the column), with whole-percent
    shares by largest remainder and the total rounded to tens half-up; see
    :data:`TOP_SHARES_COLUMNS`. Nationalities with equal sums rank by label, ascending.
    Empty ranked slots have no row; "other" and "unknown" always have one, so every window
    appears.

    The columns are factorised by pandas and the work is one call into the C++ kernel: no
    per-row Python (``threads`` as there: 0 every core). A bad value raises as :func:`counts_from_frame` does; a cell counted
    twice raises naming both rows.
    """
    columns = {"country": country, "category": category, "nationality": nationality, "month": month, "count": count}
    frame = _columns_of(df, dict(columns), ["count"], origin)
    country_codes, countries = _labels(frame, country)
    category_codes, categories = _labels(frame, category)
    nationality_codes, nationalities = _labels(frame, nationality)
    month_codes, months = _factorise(
        frame, month, _month_only, "a month (YYYY-MM, a pandas Period of month frequency, or a date)", months=True,
    )  # fmt: skip
    counts = frame.counts(count)
    unknown_code: int | None = None
    if unknown is not None:
        found = np.flatnonzero(pd.Index(nationalities) == unknown)
        if found.size == 0:
            raise core.InvalidInput(
                f'{origin}: the unknown nationality {unknown!r} does not occur in column "{nationality}"'
            )
        unknown_code = int(found[0])
    serials = np.array([m.serial for m in months], dtype=np.int64)
    first = int(serials.min()) if serials.size else 0
    month_offsets = (serials - first)[month_codes] if serials.size else np.zeros(0, dtype=np.int64)
    n_months = int(serials.max()) - first + 1 if serials.size else 0
    try:
        result = core.top_shares(
            country_codes.astype(np.int64, copy=False), category_codes.astype(np.int64, copy=False),
            nationality_codes.astype(np.int64, copy=False), month_offsets, counts,
            countries=len(countries), categories=len(categories), nationalities=len(nationalities),
            months=n_months, unknown=unknown_code, window=window, top=top, total_multiple=total_multiple,
            total_rounding=total_rounding, threads=threads,
        )  # fmt: skip
    except core.InvalidInput as error:
        raise type(error)(_name_rows(str(error), frame, list(columns.values()))) from None

    n_countries, n_categories, n_windows, parts = result.counts.shape
    c, k, w, p = (a.ravel() for a in np.indices((n_countries, n_categories, n_windows, parts)))
    ranked_code = np.full(c.shape, -1, dtype=np.int64)
    is_ranked = p < top
    ranked_code[is_ranked] = result.nationality.reshape(-1, top)[np.flatnonzero(is_ranked) // parts, p[is_ranked]]
    keep = ~is_ranked | (ranked_code >= 0)
    c, k, w, p, ranked_code = c[keep], k[keep], w[keep], p[keep], ranked_code[keep]
    kind = np.where(p < top, "nationality", np.where(p == top, "other", "unknown"))
    labels = np.asarray(nationalities, dtype=object)
    nationality_label = np.full(c.shape, None, dtype=object)
    nationality_label[p < top] = labels[ranked_code[p < top]]
    if unknown_code is not None:
        nationality_label[p == top + 1] = labels[unknown_code]
    # pandas counts months from January 1970, kerncijfers from year 0.
    last_months = _period_array(result.last_month + (first - core.Month(1970, 1).serial), "M")
    window_index = (c * n_categories + k) * n_windows + w
    return pd.DataFrame(
        {
            "country": np.asarray(countries, dtype=object)[c],
            "category": np.asarray(categories, dtype=object)[k],
            "month": last_months[w],
            "position": p.astype(np.int64),
            "kind": pd.Categorical(kind, categories=["nationality", "other", "unknown"]),
            "nationality": nationality_label,
            "count": result.counts.reshape(-1, parts)[window_index, p],
            "share": result.shares.reshape(-1, parts)[window_index, p],
            "total": result.total.reshape(-1)[window_index],
            "rounded_total": result.rounded_total.reshape(-1)[window_index],
        },
        columns=list(TOP_SHARES_COLUMNS),
    )


# ----------------------------------------------------------------------------------------
# Periods out


def period_to_pandas(period: AnyPeriod) -> pd.Period:
    """A kerncijfers period as ``pandas.Period``: Month -> ``M``, Quarter -> ``Q-DEC``,
    Year -> ``Y-DEC`` (``A-DEC`` before pandas 2.2), IsoWeek -> ``W-SUN`` (Monday to Sunday,
    as ISO weeks)."""
    if isinstance(period, core.Month):
        return pd.Period(year=period.year, month=period.index, freq="M")
    if isinstance(period, core.Quarter):
        return pd.Period(year=period.year, quarter=period.index, freq="Q-DEC")
    if isinstance(period, core.Year):
        return pd.Period(year=period.year, freq=_YEAR)
    if isinstance(period, core.IsoWeek):
        return pd.Period(period.first_day(), freq="W-SUN")
    raise TypeError(f"expected a kerncijfers period, not {type(period).__name__}")


def _year_frequency() -> str:
    # pandas 2.2 renamed the yearly frequency "A-DEC" to "Y-DEC" (and deprecated "A").
    try:
        pd.PeriodDtype("Y-DEC")
    except (ValueError, TypeError):  # pragma: no cover - pandas before 2.2
        return "A-DEC"
    return "Y-DEC"


_YEAR = _year_frequency()
_FREQ_OF_RANK = ("M", "Q-DEC", _YEAR, "W-SUN")


def _period_array(ordinals: npt.NDArray[np.int64], freq: str) -> pd.arrays.PeriodArray:
    return pd.arrays.PeriodArray(ordinals.astype(np.int64, copy=False), dtype=pd.PeriodDtype(freq))


def _periods_from_ranks(rank: npt.NDArray[np.int8], ordinal: npt.NDArray[np.int64]) -> Any:
    """A Period column: one frequency gives a ``period[...]`` dtype, mixed ones an object column."""
    present = np.unique(rank)
    if len(present) == 0:
        return _period_array(ordinal, "M")
    if len(present) == 1:
        return _period_array(ordinal, _FREQ_OF_RANK[int(present[0])])
    # Mixed months, quarters and years: one Period object per distinct period, shared by its
    # rows (a take, not a loop).
    key = rank.astype(np.int64) * (1 << 40) + ordinal
    codes, uniques = pd.factorize(key)
    objects = np.empty(len(uniques), dtype=object)
    for j, k in enumerate(np.asarray(uniques)):
        objects[j] = pd.Period(ordinal=int(k) % (1 << 40), freq=_FREQ_OF_RANK[int(k) >> 40])
    return objects.take(codes)


def _categorical(codes: npt.NDArray[np.int64], categories: Sequence[str]) -> pd.Categorical[str]:
    return pd.Categorical.from_codes(codes, categories=pd.Index(list(categories)))


def _names(codes: npt.NDArray[np.int64], names: Sequence[str]) -> pd.Series[Any]:
    return pd.Series(np.asarray(list(names), dtype=object).take(codes))


def _release_categorical(codes: npt.NDArray[np.int64], releases: Sequence[str]) -> pd.Categorical[str]:
    # Undated ("") becomes a missing value, as pandas reads the empty field of the CSV.
    kept = [r for r in releases if r]
    position = {r: i for i, r in enumerate(kept)}
    renumber = np.asarray([position.get(r, -1) for r in releases], dtype=np.int64)
    return pd.Categorical.from_codes(renumber.take(codes), categories=pd.Index(kept))


def _counts_table_frame(table: core.CountsTable, superseded: bool) -> pd.DataFrame:
    c = core._counts_columns(table, superseded)
    category_names = [cat.name for cat in core.Category.__members__.values()]
    return pd.DataFrame(
        {
            "period": _periods_from_ranks(c["period_rank"], c["period_ordinal"]),
            "category": _categorical(c["category"].astype(np.int64), category_names),
            "nationality": _categorical(c["nationality_codes"], c["nationalities"]),
            "name_nl": _names(c["nationality_codes"], c["names_nl"]),
            "name_en": _names(c["nationality_codes"], c["names_en"]),
            "count": c["count"],
            "source": _categorical(c["source_codes"], c["sources"]),
            "release": _release_categorical(c["release_codes"], c["releases"]),
            "line": c["line"],
        }
    )


def _departures_table_frame(table: core.DeparturesTable, superseded: bool) -> pd.DataFrame:
    c = core._departures_columns(table, superseded)
    return pd.DataFrame(
        {
            "period": _categorical(c["period_codes"], c["periods"]),
            "first": _period_array(c["first_ordinal"], "M"),
            "last": _period_array(c["last_ordinal"], "M"),
            "group": _categorical(c["group"].astype(np.int64), list(core.DepartureGroup.__members__)),
            "mode": _categorical(c["mode"].astype(np.int64), list(core.DepartureMode.__members__)),
            "count": c["count"],
            "source": _categorical(c["source_codes"], c["sources"]),
            "release": _release_categorical(c["release_codes"], c["releases"]),
            "line": c["line"],
        }
    )


# ----------------------------------------------------------------------------------------
# Tables out to polars

# pandas' ordinal of a period (see _counts_columns) back to kerncijfers: rank -> (unit, offset).
_UNIT_OF_RANK = ((core.Month, 12 * 1970), (core.Quarter, 4 * 1970), (core.Year, 1970), (core.IsoWeek, -1))


def _first_rows(codes: Codes, size: int) -> npt.NDArray[np.int64]:
    """The first row of each code (vectorised: the earliest write wins when written last)."""
    first = np.zeros(size, dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1, dtype=np.int64)
    return first


def _iso_periods(rank: npt.NDArray[np.int8], ordinal: npt.NDArray[np.int64]) -> tuple[Codes, list[str]]:
    """Codes and ISO texts ("2021-05", "2021-Q3", "2021", "2021-W19") of the periods: one
    kerncijfers period per distinct period, none per row."""
    codes, uniques = pd.factorize(rank.astype(np.int64) * (1 << 40) + ordinal)
    first = _first_rows(codes, len(uniques))
    texts = []
    for row in first:
        unit, offset = _UNIT_OF_RANK[int(rank[row])]
        texts.append(unit.from_serial(int(ordinal[row]) + offset).iso())
    return codes, texts


def _gathered(pl: Any, codes: npt.NDArray[Any], values: Sequence[Any], dtype: Any) -> Any:
    return pl.Series(values=list(values), dtype=dtype).gather(np.asarray(codes, dtype=np.int64))


def to_polars(table: core.CountsTable | core.DeparturesTable, *, superseded: bool = False) -> Any:
    """A table as a polars DataFrame, with the columns of :func:`to_frame` (needs polars, not
    pyarrow or pandas' help per row).

    Periods are ISO text (``"2021-05"``, ``"2021-Q3"``, ``"2021"``, ``"2021-W19"``; a
    departures table's ``first`` and ``last`` months too), categories, groups and modes
    ``Enum`` columns, releases ISO text (null when undated). Every column is built from the
    table's codes and its few distinct values (``Series.gather``), so a million rows take no
    per-row Python work. The result round-trips: ``counts_from_frame(to_polars(t))`` gives
    the rows of ``t``. (Typed ``Any``: polars is optional, so its types are not required to
    check this package.)
    """
    pl = importlib.import_module("polars")

    if isinstance(table, core.CountsTable):
        c = core._counts_columns(table, superseded)
        period_codes, periods = _iso_periods(c["period_rank"], c["period_ordinal"])
        categories = [cat.name for cat in core.Category.__members__.values()]
        return pl.DataFrame(
            {
                "period": _gathered(pl, period_codes, periods, pl.String),
                "category": _gathered(pl, c["category"], categories, pl.Enum(categories)),
                "nationality": _gathered(pl, c["nationality_codes"], c["nationalities"], pl.String),
                "name_nl": _gathered(pl, c["nationality_codes"], c["names_nl"], pl.String),
                "name_en": _gathered(pl, c["nationality_codes"], c["names_en"], pl.String),
                "count": pl.Series(c["count"]),
                "source": _gathered(pl, c["source_codes"], c["sources"], pl.String),
                "release": _gathered(pl, c["release_codes"], [r or None for r in c["releases"]], pl.String),
                "line": pl.Series(c["line"]),
            }
        )
    if isinstance(table, core.DeparturesTable):
        d = core._departures_columns(table, superseded)
        months: dict[str, Any] = {}
        for name, ordinals in (("first", d["first_ordinal"]), ("last", d["last_ordinal"])):
            codes, texts = _iso_periods(np.zeros(len(ordinals), dtype=np.int8), ordinals)
            months[name] = _gathered(pl, codes, texts, pl.String)
        groups, modes = list(core.DepartureGroup.__members__), list(core.DepartureMode.__members__)
        return pl.DataFrame(
            {
                "period": _gathered(pl, d["period_codes"], d["periods"], pl.String),
                "first": months["first"],
                "last": months["last"],
                "group": _gathered(pl, d["group"], groups, pl.Enum(groups)),
                "mode": _gathered(pl, d["mode"], modes, pl.Enum(modes)),
                "count": pl.Series(d["count"]),
                "source": _gathered(pl, d["source_codes"], d["sources"], pl.String),
                "release": _gathered(pl, d["release_codes"], [r or None for r in d["releases"]], pl.String),
                "line": pl.Series(d["line"]),
            }
        )
    raise TypeError(f"to_polars takes a CountsTable or DeparturesTable, not {type(table).__name__}")


# ----------------------------------------------------------------------------------------
# Figures out


def _month_period(month: core.Month) -> pd.Period:
    return pd.Period(year=month.year, month=month.index, freq="M")


def _source_fields(source: core.FigureSource) -> tuple[str | None, str | None]:
    sources = "; ".join(source.sources) or None
    release = source.latest_release.iso() or None
    return sources, release


def _base(
    name: str, window: core.PeriodRange[core.Month], status: core.FigureStatus, source: core.FigureSource
) -> dict[str, Any]:
    sources, release = _source_fields(source)
    return {
        "figure": name,
        "window": window.iso(),
        "window_first": _month_period(window.first),
        "window_last": _month_period(window.last),
        "status": status.name,
        "source": sources,
        "release": release,
    }


def _empty_row(base: dict[str, Any]) -> dict[str, Any]:
    return {**{c: None for c in FIGURE_COLUMNS}, **base}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole > 0 else float("nan")


def _distribution_rows(f: core.DistributionFigure, name: str) -> list[dict[str, Any]]:
    base = _base(name, f.window, f.status, f.source)
    base["category"] = f.category.name
    base["total"] = f.total
    if not f.rows:
        return [_empty_row(base)]
    rows = []
    for r in f.rows:
        rows.append(
            {
                **_empty_row(base),
                "kind": r.kind.name,
                "nationality": r.nationality.alpha3 if r.nationality is not None else None,
                "name_nl": core._distribution_row_label(f, r, "nl"),
                "name_en": core._distribution_row_label(f, r, "en"),
                "count": r.count,
                "share": r.exact.fraction() if r.exact.defined() else float("nan"),
                "percent": r.percent.to_float(),
            }
        )
    return rows


def _safe_share_rows(f: core.SafeShareFigure, name: str) -> list[dict[str, Any]]:
    base = _base(name, f.window, f.status, f.source)
    base["category"] = f.category.name
    base["total"] = f.total
    row = _empty_row(base)
    row["kind"] = "safe"
    row["name_nl"] = "veilig land van herkomst"
    row["name_en"] = "safe country of origin"
    if f.status != core.FigureStatus.unavailable:
        row["count"] = f.safe_count
        row["share"] = _ratio(f.safe_count, f.total)
        row["percent"] = f.percent.to_float()
    return [row]


def _departures_rows(f: core.DeparturesFigure, name: str) -> list[dict[str, Any]]:
    base = _base(name, f.window, f.status, f.source)
    base["total"] = f.total
    if f.status == core.FigureStatus.unavailable:
        return [_empty_row(base)]
    out = []
    for kind, nl, en, part, percent in (
        # The page's words: "onder toezicht van de overheid", "op eigen gelegenheid".
        ("supervised", "onder toezicht", "under supervision", f.supervised, f.supervised_percent),
        ("unsupervised", "op eigen gelegenheid", "without supervision", f.unsupervised, f.unsupervised_percent),
    ):
        out.append(
            {**_empty_row(base), "kind": kind, "name_nl": nl, "name_en": en, "count": part,
             "share": _ratio(part, f.total), "percent": percent.to_float()}
        )  # fmt: skip
    return out


def _influx_rows(f: core.InfluxFigure, name: str) -> list[dict[str, Any]]:
    window = core.months_of(f.period)
    out = []
    for entry in f.by_category:
        status = core.FigureStatus.exact if entry.count is not None else core.FigureStatus.unavailable
        row = _empty_row(_base(name, window, status, f.source))
        row.update(
            category=entry.category.name, kind="total", name_nl=entry.category.label("nl"),
            name_en=entry.category.label("en"), count=entry.count, total=entry.count,
        )  # fmt: skip
        out.append(row)
    return out


def _figure_rows(obj: Figure, name: str | None) -> list[dict[str, Any]]:
    if isinstance(obj, core.DistributionFigure):
        return _distribution_rows(obj, name or "distribution")
    if isinstance(obj, core.SafeShareFigure):
        return _safe_share_rows(obj, name or "safe_share")
    if isinstance(obj, core.DeparturesFigure):
        return _departures_rows(obj, name or f"departures_{obj.group.name}")
    return _influx_rows(obj, name or "influx")


#: The figures of a KeyFigures, in page order, by attribute name.
KEY_FIGURES = (
    "influx", "first_month", "first_trailing", "safe_month", "family_reunification_month", "family_reunification_trailing",
    "departures_all", "departures_criminal",
)  # fmt: skip


def _figures_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    df["window_first"] = pd.PeriodIndex(df["window_first"], freq="M")
    df["window_last"] = pd.PeriodIndex(df["window_last"], freq="M")
    df["count"] = df["count"].astype("Int64")
    df["total"] = df["total"].astype("Int64")
    df["share"] = df["share"].astype("float64")
    df["percent"] = df["percent"].astype("float64")
    return df


# ----------------------------------------------------------------------------------------
# Series out


def to_pandas(series: core.Series[Any, Any], name: Hashable | None = None) -> pd.Series[Any]:
    """A :class:`~kerncijfers.Series` as ``pandas.Series`` indexed by a ``PeriodIndex``.

    A float series keeps NaN for missing values; an int64 series becomes ``int64`` when no
    value is missing and the nullable ``Int64`` otherwise (missing = ``<NA>``).
    """
    first = period_to_pandas(series.first)
    index = pd.period_range(start=first, periods=len(series), freq=first.freq, name="period")
    values = np.array(series.values, copy=True)
    if values.dtype == np.int64:
        valid = np.asarray(series.valid, dtype=bool)
        if not valid.all():
            return pd.Series(pd.arrays.IntegerArray(values, ~valid), index=index, name=name)
    return pd.Series(values, index=index, name=name)


# ----------------------------------------------------------------------------------------
# The entry point


def to_frame(obj: object, *, superseded: bool = False) -> pd.DataFrame:
    """A tidy DataFrame of a table, a figure, the page's figures or a series.

    - ``CountsTable``: :data:`COUNTS_COLUMNS`, one row per row in use (``superseded=True``:
      the rows a later release replaced); ``DeparturesTable``: :data:`DEPARTURES_COLUMNS`.
    - ``DistributionFigure``, ``SafeShareFigure``, ``DeparturesFigure``, ``InfluxFigure``:
      :data:`FIGURE_COLUMNS`, one row per figure row; ``KeyFigures``: all of them, page order.
    - ``Series``: one column ``value`` indexed by a ``PeriodIndex`` (see :func:`to_pandas`).

    The result of a table round-trips: ``counts_from_frame(to_frame(t)) == t``.
    """
    if isinstance(obj, core.CountsTable):
        return _counts_table_frame(obj, superseded)
    if isinstance(obj, core.DeparturesTable):
        return _departures_table_frame(obj, superseded)
    if isinstance(obj, core.KeyFigures):
        rows: list[dict[str, Any]] = []
        for name in KEY_FIGURES:
            rows.extend(_figure_rows(getattr(obj, name), name))
        return _figures_frame(rows)
    if isinstance(obj, (core.DistributionFigure, core.SafeShareFigure, core.DeparturesFigure, core.InfluxFigure)):
        return _figures_frame(_figure_rows(obj, None))
    if isinstance(obj, core.Series):
        return to_pandas(obj, name="value").to_frame()
    raise TypeError(
        "to_frame takes a CountsTable, DeparturesTable, KeyFigures, DistributionFigure, SafeShareFigure, "
        f"DeparturesFigure, InfluxFigure or Series, not {type(obj).__name__}"
    )
