"""DataFrames in: ``counts_from_frame`` on a counts table held by pandas (object, ``str``,
``category`` and, with pyarrow, ``string[pyarrow]`` columns) and by polars (``String`` and
``Categorical``), split into the Python side (factorising, converting the distinct values)
and ``_counts_from_codes`` (the C++ rows and the vintage rule of ``CountsTable.from_rows``).

    python -m benchmarks.frames [--months N] [--repeat N]

The table is generated like the issue-14 file: 240 nationalities x 3 categories x 216
months x 3 releases (466,560 rows, 155,520 in use). Every variant's table is checked equal
to the one ``read_counts_csv`` gives for the same file before anything is timed.
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import kerncijfers as kc
import numpy as np
from kerncijfers import _core as core

LABELS = ["period", "category", "nationality", "source", "release"]


def write_counts_csv(path: Path, months: int = 216) -> None:
    nationalities = [n.alpha3 for n in kc.Nationality.all()][:240]
    categories = ["first_application", "repeat_application", "family_reunification"]
    rng = np.random.default_rng(14)
    with path.open("w", encoding="utf-8") as out:
        out.write("period,category,nationality,count,source,release\n")
        for release in ("2021-06-15", "2022-06-15", "2023-06-15"):
            for m in range(months):
                period = str(kc.Month(2004, 1) + m)
                counts = rng.integers(0, 1000, size=len(categories) * len(nationalities))
                k = 0
                for category in categories:
                    for code in nationalities:
                        out.write(f"{period},{category},{code},{counts[k]},IND asylum trends,{release}\n")
                        k += 1


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Best total time, and the time of _counts_from_codes in that run."""
    real = core._counts_from_codes
    spent: list[float] = []

    def counting(*args: Any) -> Any:
        started = time.perf_counter()
        result = real(*args)
        spent.append(time.perf_counter() - started)
        return result

    core._counts_from_codes = counting  # type: ignore[assignment]
    try:
        best = (float("inf"), 0.0)
        for _ in range(repeat):
            spent.clear()
            started = time.perf_counter()
            kept = action()
            total = time.perf_counter() - started
            del kept  # freeing the table is not part of building it
            best = min(best, (total, spent[0]))
        return best
    finally:
        core._counts_from_codes = real


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--months", type=int, default=216)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import pandas as pd
    from kerncijfers.pandas import counts_from_frame, to_frame

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "counts.csv"
        write_counts_csv(path, args.months)
        expected = to_frame(kc.read_counts_csv(path)).drop(columns="line")
        frame = pd.read_csv(path)
        variants: dict[str, Any] = {
            "pandas str": frame.astype({c: "str" for c in LABELS}),
            "pandas object": frame.astype({c: object for c in LABELS}),
            "pandas category": frame.astype({c: "category" for c in LABELS}),
        }
        if importlib.util.find_spec("pyarrow") is not None:
            variants["pandas string[pyarrow]"] = frame.astype({c: "string[pyarrow]" for c in LABELS})
        try:
            import polars as pl

            read = pl.read_csv(path, schema_overrides={"release": pl.String})
            variants["polars String"] = read
            variants["polars Categorical"] = read.with_columns(pl.col(c).cast(pl.Categorical) for c in LABELS)
        except ImportError:
            pass

    print(f"{len(frame):,} rows; best of {args.repeat}\n")
    print("| DataFrame | counts_from_frame | Python side | _counts_from_codes (C++ rows + from_rows) |")
    print("| --- | ---: | ---: | ---: |")
    for name, df in variants.items():
        table = counts_from_frame(df)
        pd.testing.assert_frame_equal(to_frame(table).drop(columns="line"), expected)
        total, cpp = timed(functools.partial(counts_from_frame, df), args.repeat)
        print(f"| {name} | {total:.3f} s | {total - cpp:.3f} s | {cpp:.3f} s |")


if __name__ == "__main__":
    main()
