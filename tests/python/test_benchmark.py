"""The benchmarks against pandas and polars run, and their engines agree.

Nothing here is timed or compared with a target: that is the benchmarks' job
(``python -m benchmarks.run`` and ``python -m benchmarks.eurostat``, see benchmarks/README.md).
These tests only make sure that the benchmarks still run on small inputs and that their
correctness gates work: the results are the same integers, including the cases where the
tie-breaks decide. The panel benchmark needs polars; the Eurostat one runs without it (and
says so).
"""

from __future__ import annotations

import gzip
import importlib
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

pytest.importorskip("pandas")
needs_polars = pytest.mark.skipif(
    importlib.util.find_spec("polars") is None, reason="polars is not installed (the benchmark extra has it)"
)

REPO = Path(__file__).resolve().parents[2]


def bench(name: str) -> ModuleType:
    """A module of the repository's benchmarks/ package (not installed with kerncijfers)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return importlib.import_module(f"benchmarks.{name}")


@pytest.fixture(scope="module")
def small() -> Any:
    pytest.importorskip("polars")
    return bench("panel").small_panel()


@needs_polars
def test_the_small_panel_is_a_real_panel(small: Any) -> None:
    assert small.rows > 5000
    assert small.country.dtype == np.int64
    assert small.nationality.max() == small.nationalities - 1
    keys = np.stack([small.country, small.category, small.nationality, small.month])
    order = np.lexsort(keys[::-1])
    assert np.array_equal(order, np.arange(small.rows))  # sorted like a long table
    assert np.all(small.count > 0)  # zero cells dropped


@needs_polars
def test_generation_is_deterministic(small: Any) -> None:
    again = bench("panel").small_panel()
    for a, b in zip(small.columns(), again.columns(), strict=True):
        assert np.array_equal(a, b)


@needs_polars
def test_the_three_engines_agree(small: Any) -> None:
    bench("run").verify(small)


@needs_polars
def test_they_agree_where_the_tie_breaks_decide() -> None:
    # Tiny means: many windows with equal sums at the 10th place and with fewer than 10
    # positive nationalities. Then a (country, category) without any row and one without
    # rows in its first 15 months: windows with no counts at all.
    panel_module = bench("panel")
    full = panel_module.make_panel(2, nationalities=30, months=20, mean_scale=0.6)
    keep = ~((full.country == 0) & (full.category == 1)) & ~(
        (full.country == 1) & (full.category == 2) & (full.month < 15)
    )
    sparse = panel_module.Panel(
        *(np.ascontiguousarray(column[keep]) for column in full.columns()),
        countries=full.countries,
        categories=full.categories,
        nationalities=full.nationalities,
        months=full.months,
    )
    kc_engine = bench("engine_kerncijfers")
    sums = kc_engine.rolling(sparse)
    known = np.sort(np.delete(sums, sparse.unknown, axis=-1), axis=-1)[..., ::-1]
    tenth, eleventh = known[..., 9], known[..., 10]
    assert np.any((tenth == eleventh) & (tenth > 0))
    assert np.any(tenth == 0)
    result = kc_engine.whole(sparse)
    assert np.any(result.total == 0)
    bench("run").verify(sparse)


@needs_polars
def test_a_disagreement_stops_the_benchmark(small: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    engine_pandas = bench("engine_pandas")
    original = engine_pandas.whole_arrays

    def one_share_off(result: Any, panel: Any) -> Any:
        arrays = original(result, panel)
        arrays.shares[0, 0, 0, 0] += 1
        arrays.shares[0, 0, 0, 1] -= 1
        return arrays

    monkeypatch.setattr(engine_pandas, "whole_arrays", one_share_off)
    run = bench("run")
    with pytest.raises(run.ResultsDiffer, match=r"whole: pandas vs kerncijfers: shares: 2 entries differ"):
        run.verify(small)


@needs_polars
def test_the_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    output = tmp_path / "benchmarks.md"
    raw = tmp_path / "raw.json"
    text = bench("run").main(
        ["--quick", "--scales", "0.5,1", "--no-memory", "--output", str(output), "--json", str(raw)]
    )
    assert output.read_text() == text + "\n"
    assert "found **identical**" in text
    assert "| whole task >= 20x faster than pandas |" in text
    assert "no input copied" in text
    data = json.loads(raw.read_text())
    assert [r["scale"] for r in data["runs"]] == [0.5, 1.0]
    assert data["no_copy"]["ok"] and data["no_copy"]["control_copied"]


@needs_polars
def test_memory_is_measured_in_a_subprocess(small: Any, tmp_path: Path) -> None:
    small.save(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", str(tmp_path), "kerncijfers", "whole", "tracemalloc"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(done.stdout)
    assert measured["engine"] == "kerncijfers"
    windows = small.countries * small.categories * small.windows_per_series
    # The result arrays are what kerncijfers allocates on the Python side: nothing near a copy.
    assert 8 * windows * 36 <= measured["peak"] < 8 * windows * 36 + small.rows * 4


# ----------------------------------------------------------------------------------------
# benchmarks/eurostat.py: all of Europe from Eurostat's file, on a small extract


def eurostat_extract(directory: Path) -> Path:
    """A small file in the real file's layout (the eurostat packages' tidy CSV, gzip) with the
    cases that decide: a tie at the 5th place, UNK, the aggregates, NA (Namibia, not a missing
    value), a country with only unknown applicants, and rows every engine must filter out."""
    header = "freq,citizen,sex,unit,age,asyl_app,geo,time,values"
    kept = {
        "NL": {"SY": 500, "AF": 200, "TR": 100, "ER": 80, "IR": 60, "GE": 60, "NA": 30, "UNK": 10, "IQ": 0},
        "AT": {"SY": 7, "AF": 3},
        "LU": {"UNK": 5},
    }
    lines = [header]
    for geo, counts in kept.items():
        total = sum(counts.values())
        for citizen, value in [*counts.items(), ("TOTAL", total), ("EXT_EU27_2020", total), ("EU27_2020", 0)]:
            lines.append(f"A,{citizen},T,PER,TOTAL,NASY_APP,{geo},2021,{value}")
            # What the filters drop: other sexes, ages, applicant types and years.
            lines.append(f"A,{citizen},F,PER,TOTAL,NASY_APP,{geo},2021,{value + 1000}")
            lines.append(f"A,{citizen},T,PER,Y18-34,NASY_APP,{geo},2021,{value + 2000}")
            lines.append(f"A,{citizen},T,PER,TOTAL,ASY_APP,{geo},2021,{value + 3000}")
            lines.append(f"A,{citizen},T,PER,TOTAL,NASY_APP,{geo},2020,{value + 4000}")
    path = directory / "migr_asyappctza_extract.csv.gz"
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    return path


def test_the_eurostat_engines_agree_on_a_small_extract(tmp_path: Path) -> None:
    eurostat = bench("eurostat")
    result = eurostat.verify(eurostat_extract(tmp_path), eurostat.available_engines())
    # NL: 1040 of which SY 500 (48.08%), AF 200 (19.23%), TR 100 (9.62%), ER 80 (7.69%), and of
    # the tie GE/IR at 60 (5.77%) the smaller code GE; other IR 60 + NA 30 + IQ 0 (8.65%), UNK 10
    # (0.96%). Floors 48+19+9+7+5+8+0 = 96; the four points to the largest remainders: UNK
    # .96, GE .77, ER .69, other .65 (not TR, .62).
    assert result["NL"] == (
        (("SY", 500, 48), ("AF", 200, 19), ("TR", 100, 9), ("ER", 80, 8), ("GE", 60, 6)),
        90,
        9,
        10,
        1,
        1040,
        1040,
    )
    assert result["AT"] == ((("SY", 7, 70), ("AF", 3, 30)), 0, 0, 0, 0, 10, 10)
    assert result["LU"] == ((), 0, 0, 5, 100, 5, 10)


def test_a_difference_stops_the_eurostat_benchmark(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    eurostat = bench("eurostat")
    original = eurostat.result_pandas

    def one_point_moved(frames: Any) -> Any:
        result = dict(original(frames))
        top, other, other_share, unknown, unknown_share, total, rounded = result["AT"]
        result["AT"] = (
            ((top[0][0], top[0][1], 71), top[1]),
            other,
            other_share,
            unknown,
            unknown_share,
            total,
            rounded,
        )
        return result

    monkeypatch.setitem(eurostat.ENGINES, "pandas", (eurostat.run_pandas, one_point_moved))
    with pytest.raises(eurostat.ResultsDiffer, match=r"pandas vs kerncijfers: geo AT: "):
        eurostat.verify(eurostat_extract(tmp_path), ["kerncijfers", "pandas"])


def test_the_eurostat_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    eurostat = bench("eurostat")
    output = tmp_path / "benchmarks.md"
    output.write_text("# Benchmarks\n\nThe panel benchmark's text stays.\n")
    path = eurostat_extract(tmp_path)
    text = eurostat.main(["--file", str(path), "--repeat", "1", "--no-memory", "--output", str(output)])
    assert "were compared exactly: **identical** for all 3 reporting countries" in text
    assert "Spot check, NL 2021: total 1,040 (rounded 1,040); SY 500 (48%)" in text
    assert "Where kerncijfers' time goes: reading the same file with a selection that no row matches" in text
    written = output.read_text()
    assert written.startswith("# Benchmarks\n\nThe panel benchmark's text stays.\n\n" + eurostat.SECTION_START)
    # A second run replaces its section, nothing else.
    eurostat.main(["--file", str(path), "--repeat", "1", "--no-memory", "--output", str(output)])
    assert output.read_text().count(eurostat.SECTION_START) == 1
    assert eurostat.section_of(output.read_text()) is not None


def test_the_reading_floor_keeps_no_row_but_reads_every_line(tmp_path: Path) -> None:
    eurostat = bench("eurostat")
    path = eurostat_extract(tmp_path)
    data = eurostat.run_reading_floor(path)
    assert (len(data), data.dataset) == (0, "migr_asyappctza")
    # The same file with the default selection (sex T, age TOTAL): per citizen code the rows of
    # 2021 NASY_APP, 2021 ASY_APP and 2020 NASY_APP; 12 + 5 + 4 codes with the aggregates.
    import kerncijfers as kc

    assert len(kc.read_eurostat(path)) == (12 + 5 + 4) * 3


def test_the_eurostat_benchmark_skips_without_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "absent.csv.gz"
    text = bench("eurostat").main(["--file", str(missing), "--output", "-"])
    assert text.startswith(f"benchmarks.eurostat: skipped: {missing} is absent")


def test_the_eurostat_memory_is_measured_in_a_subprocess(tmp_path: Path) -> None:
    path = eurostat_extract(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.eurostat", "--measure", "kerncijfers", "--file", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    measured = json.loads(done.stdout)
    assert measured["engine"] == "kerncijfers"
    assert measured["peak"] >= measured["base"] > 0


# ----------------------------------------------------------------------------------------
# benchmarks/userpath.py: a counts file on disk to every figure of every month


@pytest.fixture(scope="module")
def quick_counts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(bench("userpath").quick_file(tmp_path_factory.mktemp("userpath")))


def test_the_counts_file_is_in_the_schema_and_the_vintage_rule_decides(quick_counts: Path) -> None:
    import kerncijfers as kc

    lines = quick_counts.read_text().splitlines()
    assert lines[0] == "period,category,nationality,count,source,release"
    # 30 nationalities + TOTAL, 3 categories; release 2015-06-01 covers 2013-01 .. 2015-05 (29
    # months), 2016-07-01 covers 2014-01 .. 2016-06 (30 months).
    assert len(lines) - 1 == 31 * 3 * (29 + 30)
    table = kc.read_counts_csv(quick_counts)
    assert len(table) == 31 * 3 * 42  # one row per key: 2013-01 .. 2016-06
    assert len(table.superseded()) == 31 * 3 * 17  # 2014-01 .. 2015-05 came twice
    # The rows of one key are in a shuffled release order: the last row of a key is not always
    # the latest release, so a reader that keeps the last row would be wrong.
    last_release: dict[tuple[str, str, str], str] = {}
    for line in lines[1:]:
        period, category, nationality, _, _, release = line.split(",")
        last_release[(period, category, nationality)] = release
    twice = [k for k in last_release if "2014-01" <= k[0] <= "2015-05"]
    assert {last_release[k] for k in twice} == {"2015-06-01", "2016-07-01"}
    # The same arguments give the same bytes.
    again = quick_counts.parent / "again"
    again.mkdir()
    assert bench("userpath").quick_file(again).read_bytes() == quick_counts.read_bytes()


@needs_polars
def test_the_userpath_engines_agree(quick_counts: Path) -> None:
    userpath = bench("userpath")
    first, last = (userpath._serial(m) for m in userpath.QUICK_FIGURES)
    result = userpath.verify(quick_counts, ["kerncijfers", "pandas", "polars"], first, last)
    assert len(result) == 18 * 3 * 2
    # The small counts make ties at the last ranked place and months without unknown people:
    # the tie-breaks and the unknown row's placement decide, and the engines still agree.
    import kerncijfers as kc

    table = kc.read_counts_csv(quick_counts)
    ties = 0
    for category, month, which in result:
        top = userpath.RULES[category][0 if which == "month" else 1]
        end = kc.Month.parse(month)
        window = kc.PeriodRange(end) if which == "month" else kc.trailing(end, 12)
        breakdown = kc.breakdown_by_nationality(table, kc.parse_category(category), window)
        counts = sorted((e.count for e in breakdown.listed if e.nationality.alpha3 != "XXX"), reverse=True)
        ties += counts[top - 1] == counts[top] > 0
    assert ties >= 10
    assert any(
        not any(kind == "unknown" for kind, *_ in rows)
        for (c, _, _), (_, rows) in result.items()
        if c != "family_reunification"
    )
    assert result[("first_application", "2016-06", "trailing")][1][-1][0] == "other"


def test_the_userpath_benchmark_runs_without_polars(monkeypatch: pytest.MonkeyPatch) -> None:
    userpath = bench("userpath")
    monkeypatch.setattr(userpath, "polars_available", lambda: False)
    assert userpath.available_engines() == ["kerncijfers", "pandas"]
    text = userpath.main(["--quick"])
    assert text == (
        "benchmarks.userpath --quick: kerncijfers, pandas agree on 108 figures (2015-01 .. 2016-06); nothing timed"
    )


@needs_polars
def test_the_userpath_quick_mode_runs_all_three_engines() -> None:
    text = bench("userpath").main(["--quick"])
    assert text == (
        "benchmarks.userpath --quick: kerncijfers, pandas, polars agree on 108 figures (2015-01 .. 2016-06); "
        "nothing timed"
    )


def test_a_difference_stops_the_userpath_benchmark(quick_counts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    userpath = bench("userpath")
    original = userpath.result_pandas

    def one_point_moved(out: Any) -> Any:
        result = dict(original(out))
        total, rows = result[("first_application", "2015-03", "month")]
        (kind, code, count, percent), *rest = rows
        result[("first_application", "2015-03", "month")] = (total, ((kind, code, count, percent + 1), *rest))
        return result

    monkeypatch.setitem(userpath.ENGINES, "pandas", (userpath.read_pandas, userpath.figures_pandas, one_point_moved))
    first, last = (userpath._serial(m) for m in userpath.QUICK_FIGURES)
    with pytest.raises(
        userpath.ResultsDiffer, match=r"pandas vs kerncijfers: \('first_application', '2015-03', 'month'\)"
    ):
        userpath.verify(quick_counts, ["kerncijfers", "pandas"], first, last)


def test_the_userpath_benchmark_writes_its_section(quick_counts: Path, tmp_path: Path) -> None:
    userpath = bench("userpath")
    output = tmp_path / "benchmarks.md"
    output.write_text("# Benchmarks\n\nThe panel benchmark's text stays.\n")
    argv = ["--file", str(quick_counts), "--figures", "2015-01:2016-06", "--repeat", "1", "--output", str(output)]
    text = userpath.main(argv)
    assert "were compared exactly: **identical** (108 figures" in text
    assert "| kerncijfers | `read_counts_csv` " in text
    assert "| step | pandas : kerncijfers | polars : kerncijfers |" in text
    assert "for the 54 trailing windows (" in text and "for the 54 month windows (" in text
    written = output.read_text()
    assert written.startswith("# Benchmarks\n\nThe panel benchmark's text stays.\n\n" + userpath.SECTION_START)
    userpath.main(argv)
    written = output.read_text()
    assert written.count(userpath.SECTION_START) == 1
    if importlib.util.find_spec("polars") is None:
        return  # the panel benchmark needs polars
    # The panel benchmark keeps the section (and the Eurostat one) when it rewrites the page.
    bench("run").main(["--quick", "--scales", "1", "--no-memory", "--output", str(output)])
    page = output.read_text()
    assert page.startswith("# Benchmarks: kerncijfers, pandas and polars on an EU-scale panel")
    assert userpath.section_of(page) == userpath.section_of(written)
