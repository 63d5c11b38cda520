"""kerncijfers: key figures on asylum and migration from raw counts.

The types and functions are the C++ library's (``include/kerncijfers``), exposed
unchanged: same names (classes in CapWords), same semantics, same error messages.
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

from ._core import (
    CountError,
    CountOverflowError,
    DatePrecision,
    Designation,
    DesignationStatus,
    InvalidInput,
    IsoWeek,
    Language,
    Month,
    Nationality,
    NationalityKind,
    ParseError,
    PeriodRange,
    PublishedSharesCheck,
    Quarter,
    RangeError,
    RoundedDecimal,
    RoundingMode,
    SafeCountryList,
    Share,
    UnknownCode,
    UnknownDesignation,
    Year,
    check_published_shares,
    independent_percentages,
    iso_weeks_in_year,
    largest_remainder,
    load_safe_countries,
    nl_safe_countries,
    parse_language,
    parse_rounding_mode,
    percent,
    round_ratio,
    round_to_multiple,
    rounded_percent,
    subperiods,
    to_month,
    to_quarter,
    to_year,
    trailing,
    year_to_date,
)

__version__: str = _core.__version__


def get_include() -> str:
    """The directory holding the C++ headers of this version (``kerncijfers/*.hpp``)."""
    return str(Path(__file__).parent / "include")


__all__ = [
    "CountError",
    "CountOverflowError",
    "DatePrecision",
    "Designation",
    "DesignationStatus",
    "InvalidInput",
    "IsoWeek",
    "Language",
    "Month",
    "Nationality",
    "NationalityKind",
    "ParseError",
    "PeriodRange",
    "PublishedSharesCheck",
    "Quarter",
    "RangeError",
    "RoundedDecimal",
    "RoundingMode",
    "SafeCountryList",
    "Share",
    "UnknownCode",
    "UnknownDesignation",
    "Year",
    "__version__",
    "check_published_shares",
    "get_include",
    "independent_percentages",
    "iso_weeks_in_year",
    "largest_remainder",
    "load_safe_countries",
    "nl_safe_countries",
    "parse_language",
    "parse_rounding_mode",
    "percent",
    "round_ratio",
    "round_to_multiple",
    "rounded_percent",
    "subperiods",
    "to_month",
    "to_quarter",
    "to_year",
    "trailing",
    "year_to_date",
]
