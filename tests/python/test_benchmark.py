"""The benchmark against pandas and polars runs, and the three engines agree.

Nothing here is timed or compared with a target: that is the benchmark's job
(``python -m benchmarks.run``, see benchmarks/README.md). These tests only make sure that
the benchmark still runs on a small panel and that its correctness gate works: the three
results are the same integers, including the cases where the tie-breaks decide.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

pytest.importorskip("pandas")
pytest.importorskip("polars")

REPO = Path(__file__).resolve().parents[2]


def bench(name: str) -> ModuleType:
    """A module of the repository's benchmarks/ package (not installed with kerncijfers)."""
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return importlib.import_module(f"benchmarks.{name}")


@pytest.fixture(scope="module")
def small() -> Any:
    return bench("panel").small_panel()


def test_the_small_panel_is_a_real_panel(small: Any) -> None:
    assert small.rows > 5000
    assert small.country.dtype == np.int64
    assert small.nationality.max() == small.nationalities - 1
    keys = np.stack([small.country, small.category, small.nationality, small.month])
    order = np.lexsort(keys[::-1])
    assert np.array_equal(order, np.arange(small.rows))  # sorted like a long table
    assert np.all(small.count > 0)  # zero cells dropped


def test_generation_is_deterministic(small: Any) -> None:
    again = bench("panel").small_panel()
    for a, b in zip(small.columns(), again.columns(), strict=True):
        assert np.array_equal(a, b)


def test_the_three_engines_agree(small: Any) -> None:
    bench("run").verify(small)


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
