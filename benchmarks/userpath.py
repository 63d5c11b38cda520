"""A user's whole path: a counts CSV file on disk to every figure of every month.

    python -m benchmarks.userpath                  # generates the file; updates docs/benchmarks.md
    python -m benchmarks.userpath --output -       # print only
    python -m benchmarks.userpath --quick          # a small file: checks the engines agree, times nothing

The input is generated with a fixed seed (``benchmarks/counts_file.py``): a counts file in the
schema of ``docs/data-schema.md`` (``period,category,nationality,count,source,release``), 240
nationalities (unknown ``XXX`` and stateless ``XXA`` among them) plus a TOTAL row x 3 categories
x the months 2004-01 .. 2025-12, in three releases that revise each other (about 477,000 rows,
30 MB). Every (period, category, nationality) has one to three versions; the one of the latest
release counts (the vintage rule).

The task, for every month from 2015-01 to 2025-12 and every category: the distribution figures
of the ministry's page (``compute_key_figures``), for the month itself and for the trailing 12
months ending with it. First (and repeat) applications: the top 6 nationalities of the month
and the top 4 of the trailing window, unknown its own row; family reunification: the top 3 of
each, unknown folded into other. Each figure: the total (the TOTAL rows of the window), the
top nationalities by count (largest first, ties by alpha-3 code ascending, only counts above 0),
unknown (own row, when above 0), other (every other nationality, when above 0), and whole-percent
shares of those rows by largest remainder (each row gets the floor of 100 x count / total, the
points left over go to the largest remainders, ties to the larger count, then to the earlier
row: top 1 .. top N, unknown, other), so that they sum to exactly 100. 132 months x 3 categories
x 2 windows = 792 figures.

Each engine starts from the path and is timed in two steps, in this process, the engines taking
turns (``--repeat`` rounds, medians reported; the garbage collector off during each step):

- **kerncijfers**: *read* ``read_counts_csv(path)`` (every value validated, the vintage rule
  applied: a ``CountsTable``); *figures* ``distribution(table, category, window, top,
  unknown_row, ShareRounding.largest_remainder)`` for each of the 792 figures, ``window`` a
  ``PeriodRange`` of ``Month``\\s: the public functions ``compute_key_figures`` uses for the
  page's distributions, one call per figure.
- **pandas**: *read* ``pandas.read_csv(path)`` (``keep_default_na=False``: no value is a missing
  marker here); *figures*: periods to month numbers through ``factorize`` (each distinct period
  parsed once) and the rows outside the months needed dropped, the vintage rule with
  ``groupby(...).transform("max")`` on the release (ISO dates: text order is date order) and a
  filter, the nationality rows unstacked to a wide
  table of months x (category, nationality) with 0 where a row is missing, ``rolling(12).sum()``
  for the trailing windows (the TOTAL rows likewise), back to long form from the wide table's
  numpy values (``stack`` would take seconds), the ranking by
  ``sort_values`` + ``groupby(...).cumcount()``, unknown and other by ``groupby`` sums, the
  largest remainder in integer columns with a second sort and ``cumcount``.
- **polars**: *read* ``polars.read_csv(path)``; *figures*: the same steps in polars
  expressions (lazy API; the rows after the vintage rule and the window sums are collected
  once each and reused, since the lazy engine would compute them again for every branch that
  needs them; the figures are one ``collect_all``): months from ``str.slice``, the latest
  release per key by ``max().over(key)``, ``rolling_sum(12).over(...)`` over rows
  sorted by month (the file has a row for every (month, category, nationality), zeros
  included, as a complete breakdown needs), the ranking by ``sort`` +
  ``cum_count().over(...)``, the rest with ``group_by``. polars uses its own thread pool
  (every core by default); pandas and kerncijfers use one core.

Before anything is timed the three results are converted (untimed) to the same plain form and
compared exactly: every figure's total and rows (kind, alpha-3 code, count, percent); a
difference stops the benchmark. polars is optional: without it the polars column says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .counts_file import CATEGORIES, UNKNOWN, write_counts_file
from .eurostat import cpu_model, git_revision, polars_available, versions

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "docs" / "benchmarks.md"
SECTION_START = "<!-- benchmarks.userpath: start -->"
SECTION_END = "<!-- benchmarks.userpath: end -->"

FIRST_FIGURE = (2015, 1)
LAST_FIGURE = (2025, 12)
TRAILING = 12
# Per category: (top N of the month, top N of the trailing window, unknown its own row).
RULES = {
    "first_application": (6, 4, True),
    "repeat_application": (6, 4, True),
    "family_reunification": (3, 3, False),
}
FIGURES = ("month", "trailing")
QUICK_FIGURES = ((2015, 1), (2016, 6))  # the months of --quick's figures (its file: 2013-01 .. 2016-06)

# One figure: (total, ((kind, alpha-3 or "", count, percent), ...)); keyed by
# (category, "YYYY-MM", "month" | "trailing").
Figure = tuple[int, tuple[tuple[str, str, int, int], ...]]
Result = dict[tuple[str, str, str], Figure]


class ResultsDiffer(AssertionError):
    """The engines did not compute the same figures: nothing is timed."""


def _serial(year_month: tuple[int, int]) -> int:
    return year_month[0] * 12 + year_month[1] - 1


def _label(serial: int) -> str:
    return f"{serial // 12:04d}-{serial % 12 + 1:02d}"


# ---------------------------------------------------------------------------------------
# kerncijfers


def read_kerncijfers(path: Path) -> Any:
    import kerncijfers as kc

    return kc.read_counts_csv(path)


def figures_kerncijfers(table: Any, first: int, last: int) -> list[tuple[str, str, str, Any]]:
    import kerncijfers as kc

    lr = kc.ShareRounding.largest_remainder
    out = []
    for category in CATEGORIES:
        cat = kc.parse_category(category)
        top_month, top_trailing, own = RULES[category]
        placement = kc.UnknownPlacement.own_row if own else kc.UnknownPlacement.in_other
        for serial in range(first, last + 1):
            month = kc.Month(serial // 12, serial % 12 + 1)
            out.append(
                (
                    category,
                    _label(serial),
                    "month",
                    kc.distribution(table, cat, kc.PeriodRange(month), top_month, placement, lr),
                )
            )
            out.append(
                (
                    category,
                    _label(serial),
                    "trailing",
                    kc.distribution(table, cat, kc.trailing(month, TRAILING), top_trailing, placement, lr),
                )
            )
    return out


def result_kerncijfers(figures: list[tuple[str, str, str, Any]]) -> Result:
    import kerncijfers as kc

    out: Result = {}
    for category, month, which, f in figures:
        if f.status == kc.FigureStatus.unavailable and f.total == 0:
            out[(category, month, which)] = (0, ())
            continue
        if f.status != kc.FigureStatus.exact:
            raise ResultsDiffer(f"kerncijfers: {category} {month} {which}: {f.status} ({f.reason})")
        rows = tuple(
            (r.kind.name, r.nationality.alpha3 if r.nationality is not None else "", int(r.count), int(r.percent.units))
            for r in f.rows
        )
        out[(category, month, which)] = (int(f.total), rows)
    return out


# ---------------------------------------------------------------------------------------
# pandas


def read_pandas(path: Path) -> Any:
    import pandas as pd

    return pd.read_csv(path, keep_default_na=False)


def _largest_remainder_pandas(parts: Any) -> Any:
    """`parts` (window, position, count, total) with a `percent` column by largest remainder."""
    window = ["category", "month", "figure"]
    parts = parts[parts["count"] > 0].copy()
    scaled = parts["count"] * 100
    parts["percent"] = scaled // parts["total"]
    parts["remainder"] = scaled % parts["total"]
    left = 100 - parts.groupby(window, sort=False)["percent"].transform("sum")
    parts["left"] = left
    parts = parts.sort_values(
        [*window, "remainder", "count", "position"], ascending=[True, True, True, False, False, True]
    )
    extra = parts.groupby(window, sort=False).cumcount() < parts["left"]
    parts["percent"] += extra.astype("int64")
    return parts.sort_values([*window, "position"])


def _long_form(wide: Any, name: str) -> Any:
    """A wide table (months x column labels) back in long form, from its numpy values
    (``DataFrame.stack`` takes seconds on this many columns)."""
    import numpy as np
    import pandas as pd

    rows, cols = wide.shape
    out = {"month": np.repeat(wide.index.to_numpy(), cols)}
    for level in range(wide.columns.nlevels):
        out[wide.columns.names[level]] = np.tile(wide.columns.get_level_values(level).to_numpy(), rows)
    out[name] = wide.to_numpy().ravel().astype("int64")
    return pd.DataFrame(out)


def figures_pandas(df: Any, first: int, last: int) -> Any:
    import numpy as np
    import pandas as pd

    codes, periods = pd.factorize(df["period"])
    serial_of = np.array([int(p[:4]) * 12 + int(p[5:7]) - 1 for p in periods], dtype=np.int64)
    rows = df.assign(month=serial_of[codes])
    rows = rows[(rows["month"] >= first - TRAILING + 1) & (rows["month"] <= last)]
    key = ["month", "category", "nationality"]
    latest = rows[rows["release"] == rows.groupby(key, sort=False)["release"].transform("max")]
    months = pd.RangeIndex(first - TRAILING + 1, last + 1, name="month")

    is_total = latest["nationality"] == "TOTAL"
    nat_wide = (
        latest[~is_total]
        .set_index(["month", "category", "nationality"])["count"]
        .unstack(["category", "nationality"], fill_value=0)
        .reindex(months, fill_value=0)
    )
    total_wide = latest[is_total].set_index(["month", "category"])["count"].unstack("category").reindex(months)
    frames = []
    for figure, wide, totals in (
        ("month", nat_wide, total_wide),
        (
            "trailing",
            nat_wide.rolling(TRAILING).sum(),
            total_wide.rolling(TRAILING).sum(),
        ),
    ):
        long = _long_form(wide.loc[first:], "count")
        tot = _long_form(totals.loc[first:], "total")
        long["figure"] = figure
        tot["figure"] = figure
        frames.append((long, tot))
    long = pd.concat([f[0] for f in frames], ignore_index=True)
    totals = pd.concat([f[1] for f in frames], ignore_index=True)
    window = ["category", "month", "figure"]

    rules = pd.DataFrame(
        [(c, f, RULES[c][0 if f == "month" else 1], RULES[c][2]) for c in RULES for f in FIGURES],
        columns=["category", "figure", "top", "own"],
    )
    long = long.merge(rules, on=["category", "figure"])
    unknown = long["nationality"] == UNKNOWN
    known = long[~unknown].sort_values([*window, "count", "nationality"], ascending=[True, True, True, False, True])
    rank = known.groupby(window, sort=False).cumcount()
    in_top = (rank < known["top"]) & (known["count"] > 0)
    top = known[in_top].assign(position=rank[in_top], kind="nationality")
    rest = known[~in_top].groupby(window, sort=False)["count"].sum().rename("other")
    unk = long[unknown].set_index(window)[["count", "own"]]
    other = rest.reindex(unk.index, fill_value=0) + unk["count"].where(~unk["own"], 0)
    unknown_rows = unk[unk["own"]].reset_index().assign(position=1000, kind="unknown", nationality=UNKNOWN)
    other_rows = other.rename("count").reset_index().assign(position=1001, kind="other", nationality="")
    parts = pd.concat(
        [top[[*window, "position", "kind", "nationality", "count"]], unknown_rows.drop(columns="own"), other_rows],
        ignore_index=True,
    )
    parts = parts.merge(totals, on=window)
    parts = parts[parts["total"] > 0]
    return _largest_remainder_pandas(parts), totals


def result_pandas(out: Any) -> Result:
    parts, totals = out
    return _result_from_records(
        parts[["category", "month", "figure", "kind", "nationality", "count", "percent"]].itertuples(index=False),
        totals.itertuples(index=False),
    )


def _result_from_records(parts: Any, totals: Any) -> Result:
    found: dict[tuple[str, str, str], list[tuple[str, str, int, int]]] = {}
    for category, month, figure, kind, nationality, count, percent in parts:
        found.setdefault((category, _label(int(month)), figure), []).append(
            (str(kind), str(nationality or ""), int(count), int(percent))
        )
    out: Result = {}
    for row in totals:
        d = row._asdict() if hasattr(row, "_asdict") else row
        key = (str(d["category"]), _label(int(d["month"])), str(d["figure"]))
        total = int(d["total"])
        out[key] = (total, tuple(found.get(key, ())) if total > 0 else ())
    return out


# ---------------------------------------------------------------------------------------
# polars


def read_polars(path: Path) -> Any:
    import polars as pl

    return pl.read_csv(path)


def figures_polars(df: Any, first: int, last: int) -> Any:
    import polars as pl

    key = ["period", "category", "nationality"]
    window = ["category", "month", "figure"]
    rules = pl.DataFrame(
        [(c, f, RULES[c][0 if f == "month" else 1], RULES[c][2]) for c in RULES for f in FIGURES],
        schema=[("category", pl.String), ("figure", pl.String), ("top", pl.Int64), ("own", pl.Boolean)],
        orient="row",
    ).lazy()
    latest = (
        df.lazy()
        .with_columns(
            month=pl.col("period").str.slice(0, 4).cast(pl.Int64) * 12
            + pl.col("period").str.slice(5, 2).cast(pl.Int64)
            - 1
        )
        .filter(pl.col("month").is_between(first - TRAILING + 1, last))
        .filter(pl.col("release") == pl.col("release").max().over(key))
        .sort("month")
        .collect()
        .lazy()
    )
    series = ["category", "nationality"]
    both = (
        pl.concat(
            [
                latest.select(*series, "month", "count", figure=pl.lit("month")),
                latest.select(
                    *series,
                    "month",
                    pl.col("count").rolling_sum(TRAILING).over(series).alias("count"),
                    figure=pl.lit("trailing"),
                ),
            ]
        )
        .filter(pl.col("month") >= first)
        .collect()
        .lazy()
    )
    totals = both.filter(pl.col("nationality") == "TOTAL").select(*window, total=pl.col("count"))
    rows = both.filter(pl.col("nationality") != "TOTAL").join(rules, on=["category", "figure"])
    known = (
        rows.filter(pl.col("nationality") != UNKNOWN)
        .sort([*window, "count", "nationality"], descending=[False, False, False, True, False])
        .with_columns(rank=pl.int_range(pl.len()).over(window))
        .with_columns(in_top=(pl.col("rank") < pl.col("top")) & (pl.col("count") > 0))
    )
    top = known.filter("in_top").select(
        *window, position=pl.col("rank"), kind=pl.lit("nationality"), nationality="nationality", count="count"
    )
    rest = known.group_by(window).agg(other=pl.col("count").filter(~pl.col("in_top")).sum())
    unk = rows.filter(pl.col("nationality") == UNKNOWN).select(*window, "own", unknown="count")
    with_unknown = unk.join(rest, on=window, how="left").with_columns(
        other=pl.col("other").fill_null(0) + pl.when(pl.col("own")).then(0).otherwise(pl.col("unknown"))
    )
    parts = (
        pl.concat(
            [
                top,
                with_unknown.filter("own").select(
                    *window,
                    position=pl.lit(1000, pl.Int64),
                    kind=pl.lit("unknown"),
                    nationality=pl.lit(UNKNOWN),
                    count="unknown",
                ),  # fmt: skip
                with_unknown.select(
                    *window,
                    position=pl.lit(1001, pl.Int64),
                    kind=pl.lit("other"),
                    nationality=pl.lit(""),
                    count="other",
                ),  # fmt: skip
            ]
        )
        .join(totals, on=window)
        .filter((pl.col("count") > 0) & (pl.col("total") > 0))
        .with_columns(
            percent=pl.col("count") * 100 // pl.col("total"), remainder=pl.col("count") * 100 % pl.col("total")
        )
        .with_columns(left=100 - pl.col("percent").sum().over(window))
        .sort([*window, "remainder", "count", "position"], descending=[False, False, False, True, True, False])
        .with_columns(percent=pl.col("percent") + (pl.int_range(pl.len()).over(window) < pl.col("left")).cast(pl.Int64))
        .sort([*window, "position"])
    )
    return pl.collect_all([parts, totals])


def result_polars(out: Any) -> Result:
    parts, totals = out
    return _result_from_records(
        parts.select("category", "month", "figure", "kind", "nationality", "count", "percent").iter_rows(),
        totals.iter_rows(named=True),
    )


ENGINES: dict[str, tuple[Callable[[Path], Any], Callable[[Any, int, int], Any], Callable[[Any], Result]]] = {
    "kerncijfers": (read_kerncijfers, figures_kerncijfers, result_kerncijfers),
    "pandas": (read_pandas, figures_pandas, result_pandas),
    "polars": (read_polars, figures_polars, result_polars),
}


def available_engines() -> list[str]:
    return [name for name in ENGINES if name != "polars" or polars_available()]


# ---------------------------------------------------------------------------------------
# Correctness and time


def differences(a: Result, b: Result, limit: int = 5) -> list[str]:
    out = [f"{k}: only in the first" for k in sorted(set(a) - set(b))]
    out += [f"{k}: only in the second" for k in sorted(set(b) - set(a))]
    out += [f"{k}: {a[k]} != {b[k]}" for k in sorted(set(a) & set(b)) if a[k] != b[k]]
    return out[:limit]


def check_invariants(result: Result) -> None:
    for key, (total, rows) in result.items():
        if total == 0:
            continue
        if sum(c for _, _, c, _ in rows) != total:
            raise ResultsDiffer(f"{key}: the rows add up to {sum(c for _, _, c, _ in rows)}, not the total {total}")
        if sum(p for _, _, _, p in rows) != 100:
            raise ResultsDiffer(f"{key}: the percentages add up to {sum(p for _, _, _, p in rows)}")


def run_engine(name: str, path: Path, first: int, last: int) -> Any:
    read, figures, _ = ENGINES[name]
    return figures(read(path), first, last)


def verify(path: Path, engines: list[str], first: int, last: int) -> Result:
    """Runs every engine once and raises ResultsDiffer unless they agree; returns the result."""
    results = {name: ENGINES[name][2](run_engine(name, path, first, last)) for name in engines}
    reference = results[engines[0]]
    expected = (last - first + 1) * len(CATEGORIES) * len(FIGURES)
    if len(reference) != expected:
        raise ResultsDiffer(f"{engines[0]}: {len(reference)} figures, not {expected}")
    check_invariants(reference)
    for name in engines[1:]:
        found = differences(reference, results[name])
        if found:
            raise ResultsDiffer(f"{name} vs {engines[0]}: " + "; ".join(found))
    return reference


def _timed(call: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        out = call()
        return time.perf_counter() - start, out
    finally:
        gc.enable()


def time_engines(
    path: Path, engines: list[str], first: int, last: int, repeat: int, log: Callable[[str], None]
) -> dict[str, dict[str, list[float]]]:
    """`repeat` rounds, the engines taking turns; per engine the seconds of read and figures."""
    seconds: dict[str, dict[str, list[float]]] = {n: {"read": [], "figures": [], "total": []} for n in engines}
    for r in range(repeat):
        for name in engines:
            read, figures, _ = ENGINES[name]
            t_read, data = _timed(lambda read=read: read(path))  # type: ignore[misc]
            t_fig, result = _timed(lambda figures=figures, data=data: figures(data, first, last))  # type: ignore[misc]
            del data, result
            seconds[name]["read"].append(t_read)
            seconds[name]["figures"].append(t_fig)
            seconds[name]["total"].append(t_read + t_fig)
        log(f"  round {r + 1}/{repeat}: " + ", ".join(f"{n} {seconds[n]['total'][-1]:.3f} s" for n in engines))
    return seconds


def breakdown_seconds(path: Path, first: int, last: int, repeat: int) -> dict[str, float]:
    """Where kerncijfers' figures step goes: the medians over `repeat` rounds of the breakdowns
    alone (``breakdown_by_nationality``, the step every ``distribution`` starts with: each
    nationality's rows tiled over the window), for the month windows and the trailing ones."""
    import kerncijfers as kc

    table = read_kerncijfers(path)
    months = [kc.Month(serial // 12, serial % 12 + 1) for serial in range(first, last + 1)]
    windows = {
        "month": [kc.PeriodRange(m) for m in months],
        "trailing": [kc.trailing(m, TRAILING) for m in months],
    }
    out: dict[str, float] = {}
    for which, ranges in windows.items():
        rounds = []
        for _ in range(repeat):
            seconds, _result = _timed(
                lambda ranges=ranges: [  # type: ignore[misc]
                    kc.breakdown_by_nationality(table, kc.parse_category(c), r) for c in CATEGORIES for r in ranges
                ]
            )
            rounds.append(seconds)
        out[which] = statistics.median(rounds)
    return out


# ---------------------------------------------------------------------------------------
# The report


def _t(s: float) -> str:
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def report(
    engines: list[str],
    result: Result,
    seconds: dict[str, dict[str, list[float]]],
    env: dict[str, Any],
    breakdowns: dict[str, float] | None = None,
) -> str:
    v = env["versions"]
    med = {n: {step: statistics.median(x) for step, x in s.items()} for n, s in seconds.items()}
    kc_med = med["kerncijfers"]
    rows = env["rows"]
    lines = [
        SECTION_START,
        "## A user's whole path: a counts file to every figure (`python -m benchmarks.userpath`)",
        "",
        f"Latest run: **{env['date']}**, revision {env['revision']}, on {env['cpu']} ({env['cores']} cores); "
        f"Python {v['python']}, kerncijfers {v['kerncijfers']}, pandas {v['pandas']}, polars {v['polars']} "
        f"({env['polars_threads']} threads), pyarrow {v['pyarrow']}. "
        f"Load average before: {env['load_before']}; after: {env['load_after']}.",
        "",
        f"The file: a generated counts CSV in our schema (`benchmarks/counts_file.py`, fixed seed), "
        f"**{rows:,} rows, {env['bytes'] / 2**20:.1f} MiB**: 240 nationalities and a TOTAL row x 3 categories "
        "x 2004-01 .. 2025-12 in three releases that revise each other (the vintage rule decides). "
        f"The task: for every month {_label(env['first'])} .. {_label(env['last'])} and every category the page's "
        "distribution figures for the month and the trailing 12 months (top 6 and top 4, unknown its own row; "
        "family reunification top 3, unknown in other), other, unknown, the total and largest-remainder "
        f"percentages: {len(result):,} figures. Each engine from the path to its figures, in one process "
        "(details: `benchmarks/userpath.py`).",
        "",
        f"Before timing, the figures of {', '.join(engines)} were compared exactly: **identical** "
        f"({len(result):,} figures: totals, rows, codes, counts, percentages).",
        "",
        f"| engine | read (median of {env['repeat']}) | figures | total | vs kerncijfers | rows per second |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    readers = {"kerncijfers": "`read_counts_csv`", "pandas": "`read_csv`", "polars": "`read_csv`"}
    for name in engines:
        m = med[name]
        lines.append(
            f"| {name} | {readers[name]} {_t(m['read'])} | {_t(m['figures'])} | {_t(m['total'])} | "
            f"{m['total'] / kc_med['total']:.2f}x | {rows / m['total'] / 1e6:.2f} M |"
        )
    if "polars" not in engines:
        lines.append("| polars | not installed | | | | |")
    lines += [
        "",
        "Ratios (median time of the other engine over kerncijfers'; above 1: kerncijfers is faster):",
        "",
        "| step | pandas : kerncijfers | polars : kerncijfers |",
        "| --- | ---: | ---: |",
    ]
    for step in ("read", "figures", "total"):
        cells = [f"{med[n][step] / kc_med[step]:.2f}" if n in med else "-" for n in ("pandas", "polars")]
        lines.append(f"| {step} | {cells[0]} | {cells[1]} |")
    lines += [
        "",
        "Spread (min - max over the rounds, total): "
        + "; ".join(f"{n} {_t(min(seconds[n]['total']))} - {_t(max(seconds[n]['total']))}" for n in engines)
        + ". kerncijfers' read also validates every value (UTF-8, periods, categories, codes, counts, "
        "releases, with the file, line and column of any error) and resolves the vintages; pandas' and polars' "
        "read only splits and types the columns, and their vintage rule is part of their figures step.",
    ]
    if breakdowns:
        per = len(CATEGORIES) * (env["last"] - env["first"] + 1)
        lines += [
            "",
            "Where kerncijfers' figures time goes: the breakdowns by nationality alone (`breakdown_by_nationality`, "
            "which every `distribution` starts with: each nationality's rows tiled over the window) take "
            f"{_t(breakdowns['trailing'])} for the {per} trailing windows ({breakdowns['trailing'] / per * 1e3:.2f} ms "
            f"each) and {_t(breakdowns['month'])} for the {per} month windows "
            f"({breakdowns['month'] / per * 1e3:.2f} ms each), of {_t(kc_med['figures'])} for the figures step "
            "(medians of as many rounds).",
        ]
    lines.append(SECTION_END)
    return "\n".join(lines)


def with_section(document: str, section: str) -> str:
    """`document` with its userpath section replaced by `section` (appended when it has none)."""
    start, end = document.find(SECTION_START), document.find(SECTION_END)
    if start >= 0 and end > start:
        return document[:start] + section + document[end + len(SECTION_END) :]
    return document.rstrip("\n") + "\n\n" + section + "\n"


def section_of(document: str) -> str | None:
    """The userpath section of `document`, if it has one (benchmarks.run keeps it)."""
    start, end = document.find(SECTION_START), document.find(SECTION_END)
    return document[start : end + len(SECTION_END)] if start >= 0 and end > start else None


def quick_file(directory: Path) -> Path:
    """A small file with the cases that decide (ties at the top-N boundary, zero counts), for --quick."""
    path = directory / "counts_quick.csv"
    write_counts_file(
        path,
        nationalities=30,
        first=(2013, 1),
        last=(2016, 6),
        releases=(("2015-06-01", (2013, 1), (2015, 5)), ("2016-07-01", (2014, 1), (2016, 6))),
        mean_scale=12.0,
    )
    return path


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.userpath", description=__doc__.split("\n")[0])
    parser.add_argument("--file", type=Path, help="use this counts file instead of generating one")
    parser.add_argument("--repeat", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="Markdown file to update, or - to print only")
    parser.add_argument("--quick", action="store_true", help="a small file: check the engines agree, time nothing")
    parser.add_argument(
        "--figures",
        default=f"{_label(_serial(FIRST_FIGURE))}:{_label(_serial(LAST_FIGURE))}",
        help="the months whose figures are computed, FIRST:LAST (default 2015-01:2025-12)",
    )
    args = parser.parse_args(argv)
    try:
        first, last = (_serial((int(m[:4]), int(m[5:7]))) for m in args.figures.split(":"))
    except ValueError:
        parser.error(f"--figures: expected YYYY-MM:YYYY-MM, not {args.figures!r}")

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    engines = available_engines()
    if "polars" not in engines:
        log("benchmarks.userpath: polars is not installed: running kerncijfers and pandas only")
    with tempfile.TemporaryDirectory() as tmp:
        if args.quick:
            path = quick_file(Path(tmp))
            first, last = _serial(QUICK_FIGURES[0]), _serial(QUICK_FIGURES[1])
            result = verify(path, engines, first, last)
            text = (
                f"benchmarks.userpath --quick: {', '.join(engines)} agree on {len(result)} figures "
                f"({_label(first)} .. {_label(last)}); nothing timed"
            )
            print(text)
            return text
        path = args.file or Path(tmp) / "counts.csv"
        if args.file is None:
            log(f"generating {path}")
            write_counts_file(path)
        env: dict[str, Any] = {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "revision": git_revision(),
            "cpu": cpu_model(),
            "cores": os.cpu_count(),
            "versions": versions(),
            "polars_threads": importlib.import_module("polars").thread_pool_size() if "polars" in engines else "-",
            "load_before": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
            "rows": path.read_bytes().count(b"\n") - 1,
            "bytes": path.stat().st_size,
            "first": first,
            "last": last,
            "repeat": args.repeat,
        }
        log(f"checking that {', '.join(engines)} agree")
        result = verify(path, engines, first, last)
        log(f"timing, {args.repeat} rounds")
        seconds = time_engines(path, engines, first, last, args.repeat, log)
        log("kerncijfers' breakdowns alone")
        breakdowns = breakdown_seconds(path, first, last, args.repeat)
    env["load_after"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    text = report(engines, result, seconds, env, breakdowns)
    print(text)
    if args.output != "-":
        output = Path(args.output)
        output.write_text(with_section(output.read_text() if output.exists() else "", text))
        log(f"written to {output}")
    return text


if __name__ == "__main__":
    main()
