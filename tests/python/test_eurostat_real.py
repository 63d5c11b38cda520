"""kerncijfers on Eurostat's real data, against an oracle written here independently.

The data: `migr_asyappctza` (annual asylum applicants by citizenship, every EU+ reporting
country, 2008-2022). The committed extract (sex T, age TOTAL; tests/data/eurostat/, see its
README) is always there; the whole shared file is used where it exists
(``<repo>/../shared/data/eurostat/...`` or ``$KERNCIJFERS_SHARED_DATA``) and those tests say
why they skipped elsewhere.

The oracle reads the files with pandas and computes every reporting country's top
citizenships, "other", "unknown", their whole-percent shares and the rounded total with the
rules written below, from their descriptions in ``include/kerncijfers/top_shares.hpp`` and
``rounding.hpp`` (never from kerncijfers' code):

- citizens that are Eurostat aggregates (``TOTAL``, ``EU27_2020``, ``EXT_EU27_2020``, ...)
  are not nationalities; ``UNK`` is "unknown", kept apart and never ranked; every other
  citizen code (``STLS`` stateless included) can rank;
- the top are the citizens with a positive count, by count descending, equal counts by
  Eurostat code ascending;
- "other" is the total minus the top and unknown;
- shares: largest remainder over (top 1..n, other, unknown) to 100; a remainder tie goes to
  the larger count, then the earlier position;
- the total rounded to a multiple of 10, half up (24,755 -> 24,760).
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import kerncijfers as kc
import pytest

pytest.importorskip("pandas", reason="the independent oracle of these tests is pandas")
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EUROSTAT = ROOT / "tests" / "data" / "eurostat"
EXTRACT = EUROSTAT / "extract_migr_asyappctza_T_TOTAL.csv.gz"
LAYOUT_FILES = {
    "bulk_tsv": EUROSTAT / "extract_migr_asyappctza_T_TOTAL_4geo_bulk.tsv.gz",
    "sdmx_csv": EUROSTAT / "extract_migr_asyappctza_T_TOTAL_4geo_sdmx.csv.gz",
    "sdmx_csv_2": EUROSTAT / "extract_migr_asyappctza_T_TOTAL_4geo_sdmx2.csv.gz",
}
LAYOUT_GEOS = ["DE", "EL", "LV", "NL"]
YEARS = range(2008, 2023)
TOP = 5

# Eurostat's citizen aggregates that occur in this dataset or its siblings: sums, never
# nationalities (the shared data's PROVENANCE.md, entry 5).
AGGREGATES = {"TOTAL", "EU27_2020", "EXT_EU27_2020", "EU28", "EXT_EU28", "EU27_2007", "EXT_EU27_2007"}
UNKNOWN = "UNK"
# The total of a country is Eurostat's published TOTAL row, as the spot check has it
# (NL 2021 first-time applicants: 24,755, rounded 24,760); the citizenships add up to 24,715
# there, because Eurostat rounds every cell to 5. "other" is the total less the top and
# unknown, so the shares still add up to 100 over what is shown.
TOTAL_FROM = "TOTAL"


# ----------------------------------------------------------------------------------------
# The oracle


def read_tidy(path: Path) -> pd.DataFrame:
    """The rows with sex T and age TOTAL of a tidy Eurostat CSV, codes as text ("NA" is
    Namibia, not missing), values int64."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    frame = frame[(frame["sex"] == "T") & (frame["age"] == "TOTAL")]
    return frame.assign(time=frame["time"].astype("int64"), values=frame["values"].astype("int64"))


def largest_remainder(counts: list[int], target: int = 100) -> list[int]:
    """Hamilton's method as rounding.hpp describes it: floors, then one unit each to the
    largest remainders; ties to the larger count, then the earlier position."""
    total = sum(counts)
    if total == 0:
        return [0] * len(counts)
    floors = [c * target // total for c in counts]
    remainders = [c * target - f * total for c, f in zip(counts, floors)]  # over a common denominator
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[: target - sum(floors)]:
        floors[i] += 1
    return floors


def round_half_up(value: int, multiple: int = 10) -> int:
    return (value + multiple // 2) // multiple * multiple


@dataclass(frozen=True)
class Expected:
    geo: str
    year: int
    top: list[tuple[str, int]]  # (citizen, count), count descending
    other: int
    unknown: int
    shares: list[int]  # top..., other, unknown
    total: int
    rounded_total: int
    # citizen -> count of every rankable citizen
    counts: dict[str, int]


def oracle(
    frame: pd.DataFrame, asyl_app: str = "NASY_APP", total_from: str = TOTAL_FROM
) -> dict[tuple[str, int], Expected]:
    """Every (reporting country, year) of ``frame``: what kerncijfers must give.

    ``total_from``: ``"TOTAL"`` takes the total from Eurostat's TOTAL row (the published
    total; the sum of the citizenships can differ from it by Eurostat's rounding to 5),
    ``"sum"`` adds the citizenships up.
    """
    rows = frame[frame["asyl_app"] == asyl_app]
    totals = rows[rows["citizen"] == "TOTAL"].set_index(["geo", "time"])["values"].to_dict()
    citizens = rows[~rows["citizen"].isin(AGGREGATES)]
    expected: dict[tuple[str, int], Expected] = {}
    for key, group in citizens.groupby(["geo", "time"], sort=True):
        geo_code, year_value = cast("tuple[str, int]", key)
        geo, year = str(geo_code), int(year_value)
        counts = dict(zip(group["citizen"], group["values"].astype(int)))
        unknown = counts.get(UNKNOWN, 0)
        ranked = sorted(((c, n) for c, n in counts.items() if c != UNKNOWN and n > 0), key=lambda cn: (-cn[1], cn[0]))
        top = ranked[:TOP]
        citizens_sum = sum(counts.values())
        total = int(totals.get((geo, year), citizens_sum)) if total_from == "TOTAL" else citizens_sum
        other = total - sum(n for _, n in top) - unknown
        parts = [n for _, n in top] + [0] * (TOP - len(top)) + [other, unknown]
        expected[(geo, year)] = Expected(
            geo, year, top, other, unknown, largest_remainder(parts), total, round_half_up(total),
            {c: n for c, n in counts.items() if c != UNKNOWN},
        )  # fmt: skip
    return expected


def test_the_oracle_rounds_as_documented() -> None:
    # rounding.hpp's own example: 59.6/11.6/5.6/23.2 -> three remainders tie at .6; the two
    # largest counts win.
    assert largest_remainder([596, 116, 56, 232]) == [60, 12, 5, 23]
    # Equal counts: the earlier position gets the unit.
    assert largest_remainder([1, 1, 1]) == [34, 33, 33]
    assert largest_remainder([0, 0]) == [0, 0]
    assert round_half_up(24755) == 24760 and round_half_up(24754) == 24750 and round_half_up(7685) == 7690


# ----------------------------------------------------------------------------------------
# Comparing kerncijfers with the oracle


def compare(data: kc.EurostatData, expected: dict[tuple[str, int], Expected], asyl_app: str = "NASY_APP") -> int:
    """Checks every (reporting country, year) of ``expected`` against kerncijfers.europe;
    returns how many were compared."""
    compared = 0
    for year in YEARS:
        rows = {row.geo: row for row in kc.europe(data, kc.Year(year), asyl_app=asyl_app, top=TOP)}
        wanted = {geo: e for (geo, y), e in expected.items() if y == year}
        assert set(rows) >= set(wanted), f"{year}: kerncijfers lacks {sorted(set(wanted) - set(rows))}"
        for geo, e in wanted.items():
            row = rows[geo]
            where = f"{geo} {year}"
            # Equal counts rank by Eurostat code, ascending (the oracle sorts by (-count, code)).
            assert [(entry.citizen, entry.count) for entry in row.top] == e.top, where
            assert all(entry.nationality == kc.nationality_from_eurostat(entry.citizen) for entry in row.top), where
            shares = [entry.share for entry in row.top] + [row.other_share, row.unknown_share]
            assert shares == e.shares[: len(e.top)] + e.shares[TOP:], where
            assert sum(shares) == (100 if e.total > 0 else 0), where
            assert (row.other, row.unknown, row.total, row.rounded_total) == (
                e.other, e.unknown, e.total, e.rounded_total,
            ), where  # fmt: skip
            compared += 1
        for geo in set(rows) - set(wanted):
            # A country that reported nothing that year: an empty window, no shares.
            assert rows[geo].total == 0 and rows[geo].other_share == rows[geo].unknown_share == 0, f"{geo} {year}"
    return compared


@pytest.fixture(scope="module")
def extract_frame() -> pd.DataFrame:
    return read_tidy(EXTRACT)


@pytest.fixture(scope="module")
def extract_data() -> kc.EurostatData:
    return kc.read_eurostat(EXTRACT)


def test_the_extract_is_the_committed_one(extract_frame: pd.DataFrame) -> None:
    # What the README says of it: 201,046 rows, 34 geos, 2008-2022, every value a multiple of 5.
    assert len(extract_frame) == 201_046
    assert extract_frame["geo"].nunique() == 34
    assert (extract_frame["time"].min(), extract_frame["time"].max()) == (2008, 2022)
    assert (extract_frame["values"] % 5 == 0).all()


def test_every_country_and_year_of_the_extract_matches_the_oracle(
    extract_frame: pd.DataFrame, extract_data: kc.EurostatData
) -> None:
    expected = oracle(extract_frame)
    assert len(expected) > 400  # 34 geos x 15 years, less the years a country did not report
    assert compare(extract_data, expected) == len(expected)


def test_the_europe_table_is_the_oracle_with_names(extract_frame: pd.DataFrame, extract_data: kc.EurostatData) -> None:
    expected = oracle(extract_frame)
    table = kc.europe_table(extract_data, 2021)
    for line in table.lines:
        e = expected.get((line.geo, 2021))
        if e is None:
            continue
        assert [p.count for p in line.top] == [n for _, n in e.top]
        # Empty top slots (fewer citizenships with applicants than TOP) are left out of the lines.
        assert [p.share for p in line.entries] == e.shares[: len(e.top)] + e.shares[TOP:]
        assert all(e.counts[p.citizen] == p.count for p in line.top)
        assert all(p.name for p in line.entries) and line.geo_name
        assert (line.total, line.rounded_total) == (e.total, e.rounded_total)


def test_nl_2021_first_time_applicants_spelled_out(extract_data: kc.EurostatData) -> None:
    rows = {row.geo: row for row in kc.europe(extract_data, kc.Year(2021), asyl_app="NASY_APP", top=TOP)}
    nl = rows["NL"]
    assert nl.total == 24_755 and nl.rounded_total == 24_760
    assert (nl.top[0].citizen, nl.top[0].nationality, nl.top[0].count, nl.top[0].share) == (
        "SY", kc.Nationality("SYR"), 8_385, 34,
    )  # fmt: skip
    assert nl.unknown == 830
    table = kc.europe_table(extract_data, 2021, language="nl")
    line = table.line("NL")
    assert line.geo_name == "Nederland" and line.top[0].name == "Syrië"
    assert "| Nederland | NL | 24.760 | Syrië (SY) 34% |" in table.to_markdown()
    english = kc.europe_table(extract_data, 2021, language="en").to_markdown()
    assert "| Netherlands | NL | 24,760 | Syria (SY) 34% |" in english
    # Stateless (STLS, our XXA) is no top-5 citizenship in NL; its count is in the data.
    stateless = [r for r in extract_data.count_rows("NL") if r.nationality == kc.Nationality.stateless()
                 and r.category == kc.Category.first_application and str(r.period) == "2021"]  # fmt: skip
    assert [r.count for r in stateless] == [45]


def test_nl_2021_in_the_extract_itself(extract_frame: pd.DataFrame) -> None:
    # The oracle's own spot checks, from the file with pandas alone.
    nl = extract_frame[(extract_frame["geo"] == "NL") & (extract_frame["time"] == 2021)
                       & (extract_frame["asyl_app"] == "NASY_APP")].set_index("citizen")["values"]  # fmt: skip
    assert (nl["TOTAL"], nl["SY"], nl["UNK"], nl["STLS"]) == (24_755, 8_385, 830, 45)
    e = oracle(extract_frame)[("NL", 2021)]
    assert e.top[0] == ("SY", 8_385) and e.shares[0] == 34 and e.rounded_total == 24_760


# ----------------------------------------------------------------------------------------
# The whole shared file


def test_every_country_and_year_of_the_whole_file_matches_the_oracle(shared_eurostat_file: Path) -> None:
    frame = read_tidy(shared_eurostat_file)
    data = kc.read_eurostat(shared_eurostat_file)  # Eurostat's defaults: sex T, age TOTAL, unit PER
    expected = oracle(frame)
    assert compare(data, expected) == len(expected)
    for asyl_app in ("ASY_APP", "SSEQ"):
        expected = oracle(frame, asyl_app)
        assert compare(data, expected, asyl_app) == len(expected)


def test_the_extract_is_the_whole_file_filtered(shared_eurostat_file: Path) -> None:
    # The committed extract is what the tool writes from the shared file.
    with (
        gzip.open(shared_eurostat_file, "rt", encoding="utf-8") as whole,
        gzip.open(EXTRACT, "rt", encoding="utf-8") as part,
    ):
        header = next(whole)
        assert next(part) == header
        kept = (line for line in whole if ",T,PER,TOTAL," in line)
        for mine, theirs in zip(part, kept, strict=True):
            assert mine == theirs


# ----------------------------------------------------------------------------------------
# Three layouts, one table


def observations(data: kc.EurostatData) -> pd.DataFrame:
    """The present observations of ``data`` as text codes, sorted."""
    frame = pd.DataFrame({
        "geo": [data.geo_codes[i] for i in data.geo],
        "citizen": [data.citizen_codes[i] for i in data.citizen],
        "asyl_app": [data.asyl_app_codes[i] for i in data.asyl_app],
        "period": [str(data.periods[i]) for i in data.period],
        "value": list(data.value),
        "present": list(data.present),
    })  # fmt: skip
    frame = frame[frame["present"] != 0].drop(columns="present")
    return frame.sort_values(["geo", "citizen", "asyl_app", "period"]).reset_index(drop=True)


@pytest.fixture(scope="module")
def extract_observations() -> pd.DataFrame:
    return observations(kc.read_eurostat(EXTRACT, geo=LAYOUT_GEOS))


@pytest.mark.parametrize("layout", sorted(LAYOUT_FILES))
def test_each_layout_reads_into_the_same_observations(layout: str, extract_observations: pd.DataFrame) -> None:
    data = kc.read_eurostat(LAYOUT_FILES[layout])
    assert data.layout == getattr(kc.EurostatLayout, layout)
    if layout.startswith("sdmx"):
        assert data.dataset == "migr_asyappctza"  # from ESTAT:MIGR_ASYAPPCTZA(1.0)
    got = observations(data)
    pd.testing.assert_frame_equal(got, extract_observations)
    assert len(got) == 25_204


def test_the_tidy_extract_is_recognised_as_tidy() -> None:
    assert kc.read_eurostat(EXTRACT, geo=["NL"]).layout == kc.EurostatLayout.tidy_csv


def test_the_bulk_file_marks_absent_years_missing(extract_observations: pd.DataFrame) -> None:
    data = kc.read_eurostat(LAYOUT_FILES["bulk_tsv"])
    series = extract_observations.groupby(["geo", "citizen", "asyl_app"]).ngroups
    missing = len(data) - int(data.present.sum())
    assert missing == series * len(YEARS) - len(extract_observations)


@pytest.mark.parametrize("layout", sorted(LAYOUT_FILES))
def test_each_layout_gives_the_same_europe_rows(layout: str) -> None:
    tidy = kc.read_eurostat(EXTRACT, geo=LAYOUT_GEOS)
    other = kc.read_eurostat(LAYOUT_FILES[layout])

    # The bulk TSV writes a year a series lacks as ':' (the tidy file has no row there): the
    # same numbers, but there the line counts those observations as missing.
    def numbers(data: kc.EurostatData, year: int) -> list[dict[str, object]]:
        return [
            {k: v for k, v in r.items() if k not in ("missing", "reported")}
            for r in kc.europe_table(data, year).records()
        ]

    for year in (2008, 2015, 2021, 2022):
        mine = numbers(tidy, year)
        theirs = numbers(other, year)
        # A country whose every observation of the year is ':' in the bulk TSV (Greece in 2008)
        # has a line there, marked missing, and none in the tidy file, which dropped those rows.
        tidy_geos = {r["geo"] for r in mine}
        only_missing = [r for r in kc.europe_table(other, year).records() if r["geo"] not in tidy_geos]
        assert all(r["missing"] > 0 and r["total"] == 0 for r in only_missing), only_missing
        assert mine == [r for r in theirs if r["geo"] in tidy_geos]
