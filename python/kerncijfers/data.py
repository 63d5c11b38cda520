"""The real data that ships with kerncijfers (see ``data/README.md`` in the package)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

#: Counts in the kerncijfers CSV schema: CBS 83102NED monthly counts for seven
#: nationalities, and CBS release totals (months, quarters, years; several vintages).
COUNTS_FILES = ("counts_cbs83102_top7_monthly.csv", "counts_cbs_totals_releases.csv")
#: DT&V departures by year (DT&V only; not the national all-agency figures).
DEPARTURES_FILES = ("departures_dtv_yearly.csv",)
# The Netherlands' part of Eurostat's migr_asyappctza (annual): yearly pages from real Eurostat data.
EUROSTAT_FILE = "eurostat_migr_asyappctza_NL.csv"


def data_path(name: str) -> Path:
    """The path of a bundled data file; FileNotFoundError naming it when absent."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"kerncijfers: no bundled data file {name!r} in {DATA_DIR}")
    return path


def bundled_counts_files() -> list[Path]:
    """The bundled counts files, in the order the command line reads them."""
    return [data_path(name) for name in COUNTS_FILES]


def bundled_departures_files() -> list[Path]:
    """The bundled departures files."""
    return [data_path(name) for name in DEPARTURES_FILES]


def bundled_eurostat_file() -> Path:
    """The bundled Eurostat file: the Netherlands' part of ``migr_asyappctza`` (annual, sex T,
    age TOTAL, 2008-2022; see data/README.md), for yearly pages from real Eurostat data."""
    return data_path(EUROSTAT_FILE)
