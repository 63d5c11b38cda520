"""kerncijfers.europe: every reporting country's top nationalities at once (europe.hpp).

The expected numbers are worked out by hand in the comments (largest remainder: every part
gets the floor of its exact percentage, the points left go to the largest remainders), and on
the real file they are computed again here, independently, with pandas.
"""

from __future__ import annotations

import copy
import pickle
from pathlib import Path

import kerncijfers as kc
import pytest

HEADER = "freq,citizen,sex,unit,age,asyl_app,geo,time,values\n"


def tidy(*rows: tuple[str, str, str, int | str, int | str]) -> str:
    """A tidy Eurostat CSV (the eurostat packages' layout) of (geo, citizen, asyl_app, year, value)."""
    return HEADER + "".join(f"A,{c},T,PER,TOTAL,{a},{g},{y},{v}\n" for g, c, a, y, v in rows)


# NL 2021 first-time applicants: SY 500, AF 200, TR 100, ER 80, YE 60, IQ 30, STLS 20, UNK 10
# (total 1000), with Eurostat's aggregates, another applicant type and another year beside them.
NL = tidy(
    ("NL", "SY", "NASY_APP", 2021, 500),
    ("NL", "AF", "NASY_APP", 2021, 200),
    ("NL", "TR", "NASY_APP", 2021, 100),
    ("NL", "ER", "NASY_APP", 2021, 80),
    ("NL", "YE", "NASY_APP", 2021, 60),
    ("NL", "IQ", "NASY_APP", 2021, 30),
    ("NL", "STLS", "NASY_APP", 2021, 20),
    ("NL", "UNK", "NASY_APP", 2021, 10),
    ("NL", "TOTAL", "NASY_APP", 2021, 1000),
    ("NL", "EXT_EU27_2020", "NASY_APP", 2021, 990),
    ("NL", "SY", "ASY_APP", 2021, 900),
    ("NL", "IQ", "NASY_APP", 2020, 400),
    ("NL", "SY", "NASY_APP", 2020, 100),
    ("BE", "AF", "NASY_APP", 2021, 15540),
    ("BE", "SY", "NASY_APP", 2021, 8385),
    ("BE", "UNK", "NASY_APP", 2021, 830),
)


@pytest.fixture(scope="module")
def data() -> kc.EurostatData:
    return kc.read_eurostat_text(NL, "nl.csv")


def entry(citizen: str, count: int, share: int) -> kc.EuropeEntry:
    return kc.EuropeEntry(citizen, kc.nationality_from_eurostat(citizen), count, share)


def test_the_top_five_other_unknown_shares_and_totals(data: kc.EurostatData) -> None:
    rows = kc.europe(data, kc.Year(2021))
    assert [r.geo for r in rows] == ["BE", "NL"]  # the data's geo codes, sorted
    nl = rows[1]
    assert nl.period == kc.Year(2021)
    assert nl.top == [
        entry("SY", 500, 50),
        entry("AF", 200, 20),
        entry("TR", 100, 10),
        entry("ER", 80, 8),
        entry("YE", 60, 6),
    ]
    assert (nl.other, nl.other_share, nl.unknown, nl.unknown_share) == (50, 5, 10, 1)
    assert (nl.total, nl.rounded_total) == (1000, 1000)  # TOTAL and EXT_EU27_2020 are not nationalities
    assert nl.citizenships == 1000
    assert nl.missing == 0
    assert nl.periods_reported == 1
    assert nl.top[0].nationality == kc.Nationality("SYR")
    # 15540, 8385 and 830 of 24755: 62.78%, 33.87%, 3.35%; floors 62 + 33 + 3 = 98, the two
    # points left to SY (.87) and AF (.78). The total rounds half up to tens: 24760.
    be = rows[0]
    assert be.top == [entry("AF", 15540, 63), entry("SY", 8385, 34)]
    assert (be.other, be.other_share, be.unknown, be.unknown_share) == (0, 0, 830, 3)
    assert (be.total, be.rounded_total) == (24755, 24760)


def test_options_as_keywords(data: kc.EurostatData) -> None:
    rows = kc.europe(data, "2021", asyl_app="ASY_APP")
    assert [r.geo for r in rows] == ["NL"]  # BE has no ASY_APP observations: no row
    nl = rows[0]
    assert nl.top == [entry("SY", 900, 100)]  # no TOTAL row for ASY_APP here: the sum
    assert (nl.total, nl.citizenships) == (900, 900)
    nl = kc.europe(data, kc.Year(2021), top=2)[1]
    assert nl.top == [entry("SY", 500, 50), entry("AF", 200, 20)]
    assert (nl.other, nl.other_share) == (290, 29)
    be = kc.europe(data, kc.Year(2021), total_multiple=100, total_rounding=kc.RoundingMode.floor)[0]
    assert be.rounded_total == 24700
    # 2020 + 2021: SY 600, IQ 430, AF 200, TR 100, ER 80; other 80; UNK 10 (of 1500). Exact
    # 40, 28.67, 13.33, 6.67, 5.33, 5.33, 0.67: three points to the three .67s.
    nl = kc.europe(data, kc.Year(2021), window=2)[1]
    assert nl.top == [
        entry("SY", 600, 40),
        entry("IQ", 430, 29),
        entry("AF", 200, 13),
        entry("TR", 100, 7),
        entry("ER", 80, 5),
    ]
    assert (nl.other_share, nl.unknown_share, nl.total, nl.periods_reported) == (5, 1, 1500, 2)
    assert kc.europe(data, kc.Year(2021), window=2)[0].periods_reported == 1  # BE: 2021 only


def test_eurostats_total_is_the_total_and_other_takes_the_rounding_difference() -> None:
    # TOTAL 12265, the citizenships 12225: other is the 40 left. Shares of 12265: SY 68.37,
    # AF 24.54, other 0.33, UNK 6.77; the two points left to UNK (.77) and AF (.54).
    text = tidy(
        ("NL", "SY", "NASY_APP", 2021, 8385),
        ("NL", "AF", "NASY_APP", 2021, 3010),
        ("NL", "UNK", "NASY_APP", 2021, 830),
        ("NL", "TOTAL", "NASY_APP", 2021, 12265),
    )
    nl = kc.europe(kc.read_eurostat_text(text), kc.Year(2021))[0]
    assert nl.top == [entry("SY", 8385, 68), entry("AF", 3010, 25)]
    assert (nl.other, nl.other_share, nl.unknown, nl.unknown_share) == (40, 0, 830, 7)
    assert (nl.total, nl.rounded_total, nl.citizenships) == (12265, 12270, 12225)


def test_flags_and_missing_values() -> None:
    text = (
        "freq,citizen,sex,unit,age,asyl_app,geo,time,values,flags\n"
        "A,AF,T,PER,TOTAL,NASY_APP,FR,2021,40,p\n"
        "A,SY,T,PER,TOTAL,NASY_APP,FR,2021,NA,c\n"
        "A,UNK,T,PER,TOTAL,NASY_APP,FR,2021,10,\n"
    )
    fr = kc.europe(kc.read_eurostat_text(text), kc.Year(2021))[0]
    assert fr.top == [entry("AF", 40, 80)]
    assert fr.missing == 1
    assert fr.flags == kc.ObservationFlags.parse("cp")
    assert str(fr) == "FR 2021: AF 40 (80%), other 0 (0%), unknown 10 (20%), total 50 -> 50, flags cp, 1 missing"


def test_rows_and_entries_are_values(data: kc.EurostatData) -> None:
    rows = kc.europe(data, kc.Year(2021))
    nl = rows[1]
    assert repr(nl).startswith("<EuropeRow NL 2021: SY 500 (50%), AF 200 (20%),")
    assert repr(nl.top[0]) == "EuropeEntry('SY', Nationality('SYR'), count=500, share=50)"
    assert repr(kc.EuropeEntry("ZZ", None, 3, 100)) == "EuropeEntry('ZZ', None, count=3, share=100)"
    assert pickle.loads(pickle.dumps(rows)) == rows
    assert pickle.loads(pickle.dumps(nl.top[0])) == nl.top[0]
    assert copy.deepcopy(nl) == nl
    assert copy.copy(nl.top[1]) == nl.top[1]
    assert nl != rows[0]
    assert nl != "NL"
    assert kc.EuropeEntry("SY", "Syria", 1, 2).nationality == kc.Nationality("SYR")


def test_errors_name_the_problem(data: kc.EurostatData) -> None:
    with pytest.raises(kc.UnknownCode, match=r'unknown asyl_app code in this eurostat data "SSEQ"; did you mean'):
        kc.europe(data, kc.Year(2021), asyl_app="SSEQ")
    with pytest.raises(kc.RangeError, match="the window 2019 to 2021 reaches outside the eurostat data's periods"):
        kc.europe(data, kc.Year(2021), window=3)
    with pytest.raises(kc.RangeError, match="no period of the unit of 2021-05"):
        kc.europe(data, kc.Month(2021, 5))
    with pytest.raises(kc.InvalidInput, match="europe: top 0 is outside 1-100"):
        kc.europe(data, kc.Year(2021), top=0)
    with pytest.raises(kc.InvalidInput, match="window must not be negative, got -1"):
        kc.europe(data, kc.Year(2021), window=-1)
    with pytest.raises(TypeError, match="period must be a Month, Quarter, Year or its ISO text"):
        kc.europe(data, 2021)  # type: ignore[arg-type]
    with pytest.raises(kc.ParseError):
        kc.europe(data, "2021-13")


# ----------------------------------------------------------------------------------------
# The real file (PROVENANCE.md entry 5), where the shared data is present.


@pytest.fixture(scope="module")
def real(shared_eurostat_file: Path) -> kc.EurostatData:
    return kc.read_eurostat(shared_eurostat_file)


def test_the_issues_spot_check_on_the_real_file(real: kc.EurostatData) -> None:
    nl = next(r for r in kc.europe(real, kc.Year(2021)) if r.geo == "NL")
    assert (nl.total, nl.rounded_total) == (24755, 24760)  # Eurostat's TOTAL
    assert nl.citizenships == 24715  # each citizenship rounded to 5 on its own
    assert (nl.top[0].citizen, nl.top[0].count, nl.top[0].share) == ("SY", 8385, 34)
    assert nl.unknown == 830


def test_every_country_in_2021_as_pandas_computes_it(real: kc.EurostatData, shared_eurostat_file: Path) -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(shared_eurostat_file, keep_default_na=False, na_values=[""])
    frame = frame[
        (frame.sex == "T")
        & (frame.age == "TOTAL")
        & (frame.unit == "PER")
        & (frame.asyl_app == "NASY_APP")
        & (frame.time == 2021)
        & ~frame.citizen.isin({"EU27_2020", "EXT_EU27_2020"})
    ]
    rows = {r.geo: r for r in kc.europe(real, kc.Year(2021))}
    assert sorted(rows) == sorted(frame.geo.unique())
    for geo, group in frame.groupby("geo"):
        counts = dict(zip(group.citizen, group["values"].astype(int)))
        published = counts.pop("TOTAL", None)
        citizenships = sum(counts.values())
        unknown = counts.pop("UNK", 0)
        ranked = sorted((-v, c) for c, v in counts.items() if v > 0)[:5]
        top = [(c, -v) for v, c in ranked]
        shown = unknown + sum(v for _, v in top)
        # Eurostat's TOTAL is the total; other is what it leaves (never below 0).
        other = max((citizenships if published is None else published) - shown, 0)
        total = shown + other
        parts = [v for _, v in top] + [other, unknown]
        shares = [100 * v // total for v in parts] if total else [0] * len(parts)
        if total:
            left = 100 - sum(shares)
            order = sorted(range(len(parts)), key=lambda i: (-(100 * parts[i] % total), -parts[i], i))
            for i in order[:left]:
                shares[i] += 1
        row = rows[str(geo)]
        assert [(e.citizen, e.count, e.share) for e in row.top] == [(c, v, s) for (c, v), s in zip(top, shares)]
        assert (row.other, row.other_share, row.unknown, row.unknown_share) == (other, shares[-2], unknown, shares[-1])
        assert (row.total, row.citizenships) == (total, citizenships)
        assert row.rounded_total == (total + 5) // 10 * 10
