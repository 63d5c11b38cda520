"""Shared pytest set-up: the suite tests the installed package, never the source tree."""

from __future__ import annotations

import os
from pathlib import Path

import kerncijfers
import pytest

_ROOT = Path(__file__).resolve().parents[2]
_SOURCE_PACKAGE = _ROOT / "python" / "kerncijfers"

# The whole real Eurostat file (PROVENANCE.md of the shared data, entry 5): where the shared data
# lies next to the checkout, or where KERNCIJFERS_SHARED_DATA points (the data directory or the
# file itself). A fresh clone has neither, and the tests that need it skip, saying so.
_SHARED_EUROSTAT = Path("eurostat") / "migr_asyappctza_2008_2022.csv.gz"


def _find_shared_eurostat_file() -> Path | None:
    candidates = []
    if env := os.environ.get("KERNCIJFERS_SHARED_DATA"):
        candidates.append(Path(env) if Path(env).suffix == ".gz" else Path(env) / _SHARED_EUROSTAT)
    candidates.append(_ROOT.parent / "shared" / "data" / _SHARED_EUROSTAT)
    return next((path for path in candidates if path.is_file()), None)


@pytest.fixture(scope="session")
def shared_eurostat_file() -> Path:
    """The whole real ``migr_asyappctza`` file; skips the test, saying why, where it is absent."""
    path = _find_shared_eurostat_file()
    if path is None:
        pytest.skip(
            f"the whole real file ../shared/data/{_SHARED_EUROSTAT.as_posix()} is absent (a fresh clone; "
            "set KERNCIJFERS_SHARED_DATA to its data directory); this test runs where it exists"
        )
    return path


if Path(kerncijfers.__file__).resolve().parent == _SOURCE_PACKAGE:
    raise RuntimeError(
        f"tests imported kerncijfers from the source tree ({_SOURCE_PACKAGE}); "
        "install it (scripts/install-python.sh) and run pytest from outside the checkout"
    )


@pytest.fixture(scope="session")
def test_data() -> Path:
    """tests/data: the tables shared by the C++ and Python suites."""
    return _ROOT / "tests" / "data"


Tables = tuple[kerncijfers.CountsTable, kerncijfers.DeparturesTable]
MAY_2021 = kerncijfers.Month(2021, 5)


@pytest.fixture(scope="session")
def golden_tables(test_data: Path) -> Tables:
    """The fictional golden tables that reproduce every figure of the May 2021 page."""
    counts = kerncijfers.read_counts_csv(test_data / "golden_mei_2021_counts.csv")
    departures = kerncijfers.read_departures_csv(test_data / "golden_mei_2021_departures.csv")
    return counts, departures


@pytest.fixture
def golden_figures(golden_tables: Tables) -> kerncijfers.KeyFigures:
    """The key figures of May 2021 from the golden tables, with the page's options (its
    nareizigers window ends in April)."""
    options = kerncijfers.KeyFiguresOptions(family_reunification_window_end=kerncijfers.Month(2021, 4))
    return kerncijfers.compute_key_figures(*golden_tables, kerncijfers.nl_safe_countries(), MAY_2021, options)


@pytest.fixture(scope="session")
def bundled_tables() -> Tables:
    """The real data bundled with the package, every file, as the report reads them."""
    from kerncijfers.data import bundled_counts_files, bundled_departures_files
    from kerncijfers.report import read_counts, read_departures

    return read_counts(bundled_counts_files()), read_departures(bundled_departures_files())


@pytest.fixture
def bundled_figures(bundled_tables: Tables) -> kerncijfers.KeyFigures:
    """The key figures of May 2021 from the bundled real data, default options."""
    return kerncijfers.compute_key_figures(*bundled_tables, kerncijfers.nl_safe_countries(), MAY_2021)
