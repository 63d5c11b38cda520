"""kerncijfers.read_eurostat: Eurostat's asylum data in its layouts (bulk TSV, SDMX-CSV 1.0 and
2.0, the tidy CSV of the eurostat packages), selections, errors, numpy views, pickling.

The tests at the end read the whole real file (../shared/data/eurostat/, or the directory in
KERNCIJFERS_SHARED_DATA) and compare with pandas; they take a few seconds and skip, saying so,
where the file is absent (a fresh clone).
"""

from __future__ import annotations

import copy
import gzip
import pickle
import re
from pathlib import Path

import kerncijfers as kc
import numpy as np
import pytest

_ROOT = Path(__file__).resolve().parents[2]
HAND = _ROOT / "tests" / "data" / "eurostat"
HAND_FILES = ["hand_bulk.tsv", "hand_bulk_old.tsv", "hand_sdmx.csv", "hand_sdmx2.csv", "hand_tidy.csv"]
LAYOUTS = [
    kc.EurostatLayout.bulk_tsv,
    kc.EurostatLayout.bulk_tsv,
    kc.EurostatLayout.sdmx_csv,
    kc.EurostatLayout.sdmx_csv_2,
    kc.EurostatLayout.tidy_csv,
]

Key = tuple[str, str, str, str]
Observations = dict[Key, tuple[int, str, bool]]

# The observations of the hand-written files with the default selection, counted by hand.
EXPECTED_HAND: Observations = {
    ("DE", "SY", "NASY_APP", "2020"): (36435, "e", True),
    ("DE", "SY", "NASY_APP", "2021"): (54905, "", True),
    ("DE", "TOTAL", "NASY_APP", "2020"): (102525, "", True),
    ("DE", "TOTAL", "NASY_APP", "2021"): (0, "c", False),
    ("NL", "SY", "NASY_APP", "2020"): (4130, "", True),
    ("NL", "SY", "NASY_APP", "2021"): (8385, "p", True),
    ("NL", "TOTAL", "ASY_APP", "2020"): (15255, "", True),
    ("NL", "TOTAL", "ASY_APP", "2021"): (26510, "", True),
    ("NL", "TOTAL", "NASY_APP", "2020"): (13715, "", True),
    ("NL", "TOTAL", "NASY_APP", "2021"): (24755, "p", True),
}


def observations(d: kc.EurostatData) -> Observations:
    # Each column fetched once: a property builds its view (and flags its list) on every access.
    geo, citizen, asyl_app, period = d.geo.tolist(), d.citizen.tolist(), d.asyl_app.tolist(), d.period.tolist()
    value, present, flags = d.value.tolist(), d.present.tolist(), d.flags
    periods = [p.iso() for p in d.periods]
    out: Observations = {}
    for i in range(len(d)):
        key = (d.geo_codes[geo[i]], d.citizen_codes[citizen[i]], d.asyl_app_codes[asyl_app[i]], periods[period[i]])
        out[key] = (value[i], flags[i], bool(present[i]))
    return out


@pytest.mark.parametrize(("name", "layout"), list(zip(HAND_FILES, LAYOUTS, strict=True)))
def test_every_layout_reads_the_same_observations(name: str, layout: kc.EurostatLayout) -> None:
    d = kc.read_eurostat(HAND / name)
    assert d.layout is layout
    assert observations(d) == EXPECTED_HAND
    assert d.geo_codes == ["DE", "NL"]
    assert d.citizen_codes == ["SY", "TOTAL"]
    assert d.asyl_app_codes == ["ASY_APP", "NASY_APP"]
    assert d.periods == [kc.Year(2020), kc.Year(2021)]
    assert d.source_multiple == 5
    first = kc.read_eurostat(HAND / HAND_FILES[0])
    for column in ("geo", "citizen", "asyl_app", "period", "value", "present"):
        assert np.array_equal(getattr(d, column), getattr(first, column)), column
    assert d.flags == first.flags


def test_dataset_release_and_file() -> None:
    d = kc.read_eurostat(HAND / "hand_sdmx.csv")
    assert d.dataset == "migr_asyappctza"
    assert d.release == kc.Release.parse("2024-02-15")
    assert d.last_update == "15/02/24 23:00:00"
    assert d.file == str(HAND / "hand_sdmx.csv")
    tsv = kc.read_eurostat(HAND / "hand_bulk.tsv")
    assert tsv.dataset == ""
    assert not tsv.release.is_dated()
    text = "freq,citizen,sex,unit,age,asyl_app,geo,time,values\nA,SY,T,PER,TOTAL,NASY_APP,NL,2021,5\n"
    assert kc.read_eurostat_text(text, "estat_migr_asyappctzm.tsv.gz").dataset == "migr_asyappctzm"
    assert kc.read_eurostat_text(text).file == "<text>"


def test_columns_are_read_only_views_without_copies() -> None:
    d = kc.read_eurostat(HAND / "hand_tidy.csv")
    value = d.value
    assert value.dtype == np.int64
    assert d.geo.dtype == np.uint16
    assert d.citizen.dtype == np.uint16
    assert d.asyl_app.dtype == np.uint8
    assert d.period.dtype == np.uint16
    assert d.present.dtype == np.uint8
    assert not value.flags.writeable
    assert not value.flags.owndata
    # Two views of one column share memory: the C++ vector, not a copy per access.
    assert np.shares_memory(value, d.value)
    with pytest.raises(ValueError, match="read-only"):
        value[0] = 1
    # The view keeps the data alive.
    del d
    assert value.tolist() == [36435, 54905, 102525, 0, 15255, 26510, 4130, 8385, 13715, 24755]
    empty = kc.read_eurostat(HAND / "hand_tidy.csv", geo="FR")
    assert len(empty) == 0
    assert empty.value.shape == (0,)
    assert empty.empty()


def test_selections() -> None:
    assert len(kc.read_eurostat(HAND / "hand_bulk.tsv", geo="NL")) == 6
    assert len(kc.read_eurostat(HAND / "hand_bulk.tsv", geo=["NL", "DE"])) == 10
    women = kc.read_eurostat(HAND / "hand_sdmx2.csv", sex="F")
    assert women.value.tolist() == [1405, 2850, 4080, 6875]
    young = kc.read_eurostat(HAND / "hand_sdmx.csv", age="Y_LT14", periods=kc.Year(2021))
    assert young.value.tolist() == [1920]
    assert young.periods == [kc.Year(2021)]
    by_text = kc.read_eurostat(HAND / "hand_tidy.csv", periods=["2020"], citizen=("TOTAL",), asyl_app="ASY_APP")
    assert by_text.value.tolist() == [15255]
    assert len(kc.read_eurostat(HAND / "hand_bulk.tsv", freq="M")) == 0
    assert len(kc.read_eurostat(HAND / "hand_bulk.tsv", unit="THS_PER")) == 0
    with pytest.raises(TypeError, match="geo takes a str or an iterable of str"):
        kc.read_eurostat(HAND / "hand_bulk.tsv", geo=[1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="a period of the selection is a Month, Quarter, Year"):
        kc.read_eurostat(HAND / "hand_bulk.tsv", periods=[2021])  # type: ignore[list-item]
    with pytest.raises(kc.InvalidInput, match="the Eurostat selection of age is empty"):
        kc.read_eurostat(HAND / "hand_bulk.tsv", age="")


def test_monthly_and_quarterly_files() -> None:
    monthly = kc.read_eurostat(HAND / "hand_bulk_monthly.tsv")
    assert monthly.periods == [kc.Month(2021, 4), kc.Month(2021, 5)]
    assert monthly.value.tolist() == [560, 1120, 1590, 0]
    assert monthly.present.tolist() == [1, 1, 1, 0]
    assert monthly.flags == ["", "p", "", ""]
    quarterly = kc.read_eurostat(HAND / "hand_sdmx_quarterly.csv")
    assert quarterly.periods == [kc.Quarter(2021, 1), kc.Quarter(2021, 2)]
    assert quarterly.dataset == "migr_asyappctzm"


def test_errors_name_file_line_column_and_value(tmp_path: Path) -> None:
    path = tmp_path / "migr_asyappctza.tsv"
    path.write_text("citizen,asyl_app,geo\\TIME_PERIOD\t2020 \t2021 \nSY,NASY_APP,NL\t5\t12x\n", encoding="utf-8")
    with pytest.raises(kc.ParseError) as caught:
        kc.read_eurostat(path)
    assert str(caught.value) == (
        'cannot parse "12x" as a count (a whole number of people, at least 0, digits only; ":" or empty when '
        f'missing) in {path}, line 2, column 3 ("2021")'
    )
    assert caught.value.input == "12x"
    with pytest.raises(kc.InvalidInput, match=r'^t\.csv, line 1: unknown layout: the header "a,b" is none'):
        kc.read_eurostat_text("a,b\n", "t.csv")
    with pytest.raises(kc.InvalidInput, match=r'duplicate observation geo "NL", citizen "SY".* on lines 2 and 3'):
        kc.read_eurostat_text("citizen,asyl_app,geo,time,values\nSY,NASY_APP,NL,2021,5\nSY,NASY_APP,NL,2021,5\n")
    with pytest.raises(kc.InvalidInput, match="is a directory"):
        kc.read_eurostat(tmp_path)


def test_gzip_files_are_inflated_and_corrupt_ones_named(tmp_path: Path) -> None:
    path = tmp_path / "hand_tidy.csv.gz"
    path.write_bytes(gzip.compress((HAND / "hand_tidy.csv").read_bytes()))
    assert observations(kc.read_eurostat(path)) == EXPECTED_HAND
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(path.read_bytes()[:-12])
    with pytest.raises(kc.InvalidInput, match=rf"^{re.escape(str(cut))}"):
        kc.read_eurostat(cut)


def test_value_protocol() -> None:
    d = kc.read_eurostat(HAND / "hand_sdmx.csv")
    assert repr(d) == (
        f'<EurostatData migr_asyappctza (sdmx_csv) from "{HAND / "hand_sdmx.csv"}": 10 observations, 2 geo, '
        "2 citizen, 2 asyl_app, 2 periods>"
    )
    assert d == kc.read_eurostat(HAND / "hand_sdmx.csv")
    assert d != kc.read_eurostat(HAND / "hand_bulk.tsv")
    assert d != "data"
    assert copy.copy(d) == d
    assert copy.deepcopy(d) == d
    again = pickle.loads(pickle.dumps(d))
    assert again == d
    assert observations(again) == EXPECTED_HAND
    assert again.release == kc.Release.parse("2024-02-15")


def test_a_corrupt_pickle_is_refused() -> None:
    d = kc.read_eurostat(HAND / "hand_sdmx.csv")
    reduced = d.__reduce_ex__(2)
    assert isinstance(reduced, tuple)
    state = reduced[2]
    assert isinstance(state, tuple)
    fields = list(state[1])
    fields[6] = ["DE"]  # one geo code while the column refers to two
    broken = kc.EurostatData.__new__(kc.EurostatData)
    with pytest.raises(ValueError, match="an index out of range"):
        broken.__setstate__((state[0], tuple(fields)))  # type: ignore[attr-defined]


def test_to_pandas() -> None:
    pytest.importorskip("pandas")
    frame = kc.read_eurostat(HAND / "hand_bulk.tsv", geo="NL").to_pandas()
    assert list(frame.columns) == ["geo", "citizen", "asyl_app", "period", "value", "present", "flags"]
    assert frame["geo"].tolist() == ["NL"] * 6
    assert frame["period"].tolist() == ["2020", "2021"] * 3
    assert frame["value"].tolist() == [15255, 26510, 4130, 8385, 13715, 24755]
    assert frame["flags"].tolist() == ["", "", "", "p", "", "p"]
    assert frame["present"].dtype == bool


# ----------------------------------------------------------------------------------------
# The whole real file (6.3 million rows): a few seconds; skipped without ../shared.


@pytest.fixture(scope="module")
def real_data(shared_eurostat_file: Path) -> kc.EurostatData:
    return kc.read_eurostat(shared_eurostat_file)


def test_real_file_spot_checks(real_data: kc.EurostatData) -> None:
    d = real_data
    assert d.layout is kc.EurostatLayout.tidy_csv
    assert d.dataset == "migr_asyappctza"
    assert len(d.geo_codes) == 34
    assert d.periods == [kc.Year(y) for y in range(2008, 2023)]
    nl = d.geo_codes.index("NL")
    nasy = d.asyl_app_codes.index("NASY_APP")
    y2021 = d.periods.index(kc.Year(2021))
    wanted = {"TOTAL": 24755, "SY": 8385, "UNK": 830, "STLS": 45, "EXT_EU27_2020": 24725}
    found = {}
    mask = (d.geo == nl) & (d.asyl_app == nasy) & (d.period == y2021)
    for i in np.flatnonzero(mask):
        code = d.citizen_codes[d.citizen[i]]
        if code in wanted:
            found[code] = int(d.value[i])
    assert found == wanted
    assert bool(np.all(d.present == 1))
    assert bool(np.all(d.value % 5 == 0))


def test_real_file_whole_matches_pandas(real_data: kc.EurostatData, shared_eurostat_file: Path) -> None:
    """SLOW (pandas reads 6.3 M rows): every kept observation equals pandas' filter of the file."""
    pd = pytest.importorskip("pandas")
    expected: dict[Key, int] = {}
    rows = 0
    # In chunks: 6.3 million rows of text columns at once would take gigabytes.
    for chunk in pd.read_csv(shared_eurostat_file, keep_default_na=False, dtype=str, chunksize=1_000_000):
        kept = chunk[(chunk["sex"] == "T") & (chunk["age"] == "TOTAL") & (chunk["unit"] == "PER")]
        rows += len(kept)
        for g, c, a, t, v in zip(
            kept["geo"], kept["citizen"], kept["asyl_app"], kept["time"], kept["values"], strict=True
        ):
            expected[(g, c, a, t)] = int(v)
    assert len(expected) == rows == 201046
    got = {key: value for key, (value, _, _) in observations(real_data).items()}
    assert got == expected


def test_count_rows_and_counts_table() -> None:
    d = kc.read_eurostat(HAND / "hand_sdmx.csv")
    rows = d.count_rows("NL")
    assert [(r.period, r.category, r.nationality, r.count) for r in rows] == [
        (kc.Year(2020), kc.Category.first_application, kc.Nationality.lookup("SYR"), 4130),
        (kc.Year(2021), kc.Category.first_application, kc.Nationality.lookup("SYR"), 8385),
        (kc.Year(2020), kc.Category.first_application, None, 13715),
        (kc.Year(2021), kc.Category.first_application, None, 24755),
    ]
    assert {r.source for r in rows} == {"Eurostat migr_asyappctza"}
    assert {r.release for r in rows} == {kc.Release.parse("2024-02-15")}
    table = d.counts_table("NL")
    assert len(table) == 4
    assert table.total(kc.Category.first_application, kc.months_of(kc.Year(2021))).value == 24755
    # DE 2021 TOTAL is missing (": c"): no row for it.
    assert [r.count for r in d.count_rows("DE")] == [36435, 54905, 102525]
    with pytest.raises(kc.InvalidInput, match='no observations of geo "FR" \\(the data has DE, NL\\)'):
        d.count_rows("FR")
