"""kerncijfers: key figures on asylum and migration from raw counts.

The types and functions are the C++ library's (``include/kerncijfers``), exposed
unchanged: same names (classes in CapWords), same semantics, same error messages
(docs/api/python.rst lists the documented differences; tests/python/test_api.py checks
them). Written in Python, on top: ``kerncijfers.pandas`` (DataFrames), ``.plot``,
``.report``, ``.cli``, the notebook display and :func:`fetch` (the publishers' data,
downloaded into a cache); the compiled classes reach them through
methods defined in C++ (``to_frame``, ``to_pandas``, ``_repr_html_``), which import them
when called.
"""

from __future__ import annotations

from pathlib import Path

try:
    from . import _core
except ImportError as error:  # pragma: no cover - only without a built extension
    raise ImportError(
        "kerncijfers: the compiled module kerncijfers._core is missing. Install the package "
        "with `pip install .` from a source checkout (it needs a C++20 compiler and "
        "Howard Hinnant's date library: apt-get install libhowardhinnant-date-dev), "
        "rather than importing it from the source tree."
    ) from error

# Every public name of the compiled core; __all__ below lists them (so the star import and
# the names in __all__ are by design: F403, F405).
# ruff: noqa: F405
from ._core import *  # noqa: F403
from ._display import display_language, set_display_language
from ._europe import EuropeTable, EuropeTableLine, EuropeTablePart, europe_table
from ._fetch import CacheEntry, FetchError, FetchResult, cached_datasets, fetch, fetch_dataset

__version__: str = _core.__version__


def get_include() -> str:
    """The directory holding the C++ headers of this version (``kerncijfers/*.hpp``)."""
    return str(Path(__file__).parent / "include")


# The public names, once: those of the compiled core (`from ._core import *` above brings
# them; tests/python/test_api.py checks that this list and the core agree, and walks the
# C++ headers for the names each side lacks) and the Python ones defined here.
__all__ = [
    "BreakdownEntry",
    "CacheEntry",
    "Category",
    "CountError",
    "CountOverflowError",
    "CountRow",
    "CountsTable",
    "DatePrecision",
    "DepartureGroup",
    "DepartureLookup",
    "DepartureMode",
    "DepartureRow",
    "DepartureTotals",
    "DeparturesFigure",
    "DeparturesTable",
    "Designation",
    "DesignationStatus",
    "DistributionFigure",
    "EurostatData",
    "EurostatLayout",
    "DistributionRow",
    "EuropeEntry",
    "EuropeRow",
    "EuropeTable",
    "EuropeTableLine",
    "EuropeTablePart",
    "FetchError",
    "FetchResult",
    "FigureProblem",
    "FigureSource",
    "FigureStatus",
    "GzipInflater",
    "HtmlOptions",
    "InfluxEntry",
    "InfluxFigure",
    "WeeklyInfluxEntry",
    "WeeklyInfluxFigure",
    "InvalidInput",
    "IsoWeek",
    "KeyFigures",
    "KeyFiguresOptions",
    "Language",
    "MaskedInt64",
    "MissingPolicy",
    "Month",
    "Nationality",
    "NationalityBreakdown",
    "NationalityKind",
    "ObservationFlags",
    "PageUnit",
    "ParseError",
    "PeriodRange",
    "PublishedSharesCheck",
    "Quarter",
    "RangeError",
    "Release",
    "ReleasePrecision",
    "RoundedDecimal",
    "RoundingMode",
    "RowKind",
    "SafeCountryList",
    "SafeShareFigure",
    "Series",
    "Share",
    "ShareRounding",
    "UnknownPlacement",
    "TopShares",
    "UnknownCode",
    "UnknownDesignation",
    "UnusableNationality",
    "WindowLookup",
    "WindowTotal",
    "Year",
    "YearOverYearResult",
    "__version__",
    "breakdown_by_nationality",
    "cached_datasets",
    "check_key_figures_options",
    "check_published_shares",
    "cbs_bundle_retrieved",
    "checked_add",
    "checked_mul",
    "checked_sub",
    "checked_sum",
    "coarsen",
    "column_sums",
    "compute_key_figures",
    "consistency_tolerance",
    "consistent_with_rounding",
    "default_gzip_inflater",
    "departures_figure_for",
    "departures_period_label",
    "display_language",
    "distribution",
    "distribution_of",
    "europe",
    "europe_table",
    "eurostat_code",
    "fetch",
    "fetch_dataset",
    "eurostat_geo_name",
    "figure_title",
    "format_count",
    "format_percent",
    "get_include",
    "html_escape",
    "independent_percentages",
    "is_eurostat_aggregate",
    "is_missing_marker",
    "isal_available",
    "influx",
    "weekly_influx",
    "is_netherlands",
    "iso_weeks_in_year",
    "largest_remainder",
    "load_safe_countries",
    "months_of",
    "nationality_from_eurostat",
    "nationality_of_eurostat",
    "nl_safe_countries",
    "parse_category",
    "parse_count_period",
    "parse_departure_group",
    "parse_departure_mode",
    "parse_departure_period",
    "parse_language",
    "parse_rounding_mode",
    "parse_share_rounding",
    "percent",
    "percent_units",
    "problem_text",
    "publishers_text",
    "read_cbs",
    "read_cbs_records",
    "read_cbs_text",
    "read_count_rows",
    "read_counts_csv",
    "read_departure_rows",
    "read_eurostat",
    "read_eurostat_text",
    "read_departures_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "reporting_country_name",
    "week_dates_label",
    "week_title",
    "rolling_mean",
    "rolling_sum",
    "round_ratio",
    "round_to_multiple",
    "safe_share",
    "set_display_language",
    "source_text",
    "subperiods",
    "to_month",
    "to_quarter",
    "to_year",
    "unit_of",
    "top_shares",
    "trailing",
    "trailing_months_of",
    "trailing_periods",
    "trailing_sum",
    "trailing_sums_by_nationality",
    "year_over_year",
    "year_over_year_change",
    "year_over_year_relative",
    "year_to_date",
    "window_label",
    "window_periods",
]
