"""Golden pickles: pickles written by earlier versions of kerncijfers must keep loading.

``tests/python/pickles/kerncijfers-<version>.pkl`` holds a dict of sample objects pickled by
that version (``tools/make_golden_pickles.py`` writes the file for the current version; a
file, once committed, is never rewritten). Each must load in this version and equal the
object that ``golden_objects()`` builds now.
"""

from __future__ import annotations

import pickle
import pickletools
from pathlib import Path

import kerncijfers as kc
import numpy as np
import pytest

PICKLES = Path(__file__).parent / "pickles"


def golden_objects() -> dict[str, object]:
    """The sample objects; their construction must stay valid in every later version."""
    may = kc.Month(2021, 5)
    syria = kc.Nationality("SYR")
    release = kc.Release.parse("2021-W30")
    count_row = kc.CountRow(may, kc.Category.first_application, syria, 305, "CBS StatLine 83102NED", release, 12)
    total_row = kc.CountRow(kc.Quarter(2021, 2), kc.Category.first_application, None, 3355, "CBS", release, 13)
    departure_row = kc.DepartureRow("2021", kc.DepartureGroup.all, kc.DepartureMode.forced, 1630, "DT&V", release, 3)
    algeria = kc.nl_safe_countries().designations_of(kc.Nationality("DZA"))[0]
    return {
        "month": may,
        "iso_week": kc.IsoWeek(2020, 53),
        "quarter": kc.Quarter(2021, 2),
        "year": kc.Year(2021),
        "period_range": kc.trailing(may, 12),
        "nationality": syria,
        "share": kc.Share(596, 1000),
        "undefined_share": kc.Share(0, 0, allow_undefined=True),
        "rounded_decimal": kc.RoundedDecimal(188, 1),
        "release": release,
        "count_row": count_row,
        "counts_table": kc.CountsTable.from_rows([count_row, total_row], "golden"),
        "departure_row": departure_row,
        "departures_table": kc.DeparturesTable.from_rows([departure_row], "golden"),
        "designation": algeria,
        "series_float": kc.Series(kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 3)), np.array([1.5, np.nan, 3.0])),
        "key_figures_options": kc.KeyFiguresOptions(
            top_first_month=7,
            family_reunification_window_end=kc.Month(2021, 4),
            departures_window=kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 12)),
            rounding=kc.ShareRounding.largest_remainder,
            decimals=1,
        ),
        "series_int": kc.Series(
            kc.PeriodRange(kc.Quarter(2021, 1), kc.Quarter(2021, 2)),
            np.array([10, 20], dtype=np.int64),
            np.array([True, False]),
        ),
        "rounding_mode": kc.RoundingMode.half_even,
        "category": kc.Category.family_reunification,
    }


def _files() -> list[Path]:
    return sorted(PICKLES.glob("kerncijfers-*.pkl"))


def test_there_is_a_golden_pickle_for_this_version() -> None:
    assert (PICKLES / f"kerncijfers-{kc.__version__}.pkl").is_file(), "run tools/make_golden_pickles.py"


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_golden_pickles_load_and_equal_todays_objects(path: Path) -> None:
    with path.open("rb") as stream:
        loaded = pickle.load(stream)
    expected = golden_objects()
    assert set(loaded) <= set(expected), "a golden object was removed from golden_objects()"
    for name, value in loaded.items():
        assert type(value) is type(expected[name]), name
        assert value == expected[name], name
        # And they round-trip again in this version.
        assert pickle.loads(pickle.dumps(value)) == value, name


def test_every_golden_object_round_trips_in_this_version() -> None:
    # Objects added to golden_objects() after the newest golden file: they must at least
    # pickle now, so that the next release's golden file can hold them.
    for name, value in golden_objects().items():
        again = pickle.loads(pickle.dumps(value))
        assert type(again) is type(value) and again == value, name


def test_the_golden_pickles_hold_no_bare_enum() -> None:
    # Enums became enum.Enum classes (pybind11's native_enum) after 0.1.0. An enum member
    # pickled by pybind11's legacy enum_ (NEWOBJ of the class, then its int as state) could
    # not load as an enum.Enum member, and no shim can make it: unpickling would call
    # Category.__new__(Category) without a value. The golden files of those versions hold
    # none (CountRow and DepartureRow pickle their enums as text), so every old file loads.
    for path in _files():
        if path.name == "kerncijfers-0.1.0.pkl":
            names = [arg for op, arg, _ in pickletools.genops(path.read_bytes()) if isinstance(arg, str)]
            assert not {"Category", "RoundingMode", "Language", "ShareRounding"} & set(names)


def test_enums_pickle_by_name_in_the_package() -> None:
    for member in (kc.RoundingMode.half_even, kc.Language.en, kc.FigureProblem.none, kc.Category.relocation):
        data = pickle.dumps(member)
        assert b"kerncijfers" in data and b"_core" not in data
        assert pickle.loads(data) is member
    assert pickle.loads(pickle.dumps(kc.Month(2021, 5))) == kc.Month(2021, 5)
    assert b"_core" not in pickle.dumps(kc.Month(2021, 5))
