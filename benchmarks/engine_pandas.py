"""The task written as a pandas user would write it.

Rolling step: the long table pivoted to a wide table (months x series), missing cells filled
with 0, and ``rolling(12).sum()`` down the months. Whole task: the window sums unstacked back
to long form, the known nationalities ranked inside each (country, category, month) with
``groupby(...).rank(method="first")`` over rows in nationality order (so equal sums rank by
nationality code, ascending: the library's tie-break), "other" and "unknown" per window,
integer largest remainder (floor of 100 * count // total, the leftover points to the largest
remainders, ties to the larger count, then the earlier position) and totals rounded to tens
half-up with integer arithmetic. All integers: the float window sums of ``rolling`` are
exact (every sum is far below 2**53) and are converted back to int64 at once.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd

from .panel import Panel
from .results import I64, TopSharesArrays, empty_window_sums, from_long_frames

NAME = "pandas"
SERIES = ["country", "category", "nationality"]
WINDOW_KEYS = ["country", "category", "month"]


def frame(panel: Panel) -> pd.DataFrame:
    return pd.DataFrame(panel.named_columns())


def rolling(panel: Panel) -> pd.DataFrame:
    """(a) Window sums as a wide table: rows = months from the 12th on, columns = series."""
    wide = frame(panel).pivot(index="month", columns=SERIES, values="count")
    wide = wide.reindex(range(panel.months)).fillna(0)
    return wide.rolling(panel.window).sum().iloc[panel.window - 1 :].astype("int64")


def whole(panel: Panel) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(b) The whole task: (parts, totals). `parts` has one row per (window, position) with
    nationality, count and share; `totals` one row per window with total and rounded total."""
    sums = rolling(panel)
    # Back to long form, series by series: rows in (country, category, nationality, month)
    # order. (unstack, not stack(SERIES): stacking three column levels takes 70 times longer.)
    long = cast(pd.Series, sums.unstack()).rename("sum").reset_index()

    totals = long.groupby(WINDOW_KEYS)["sum"].sum().rename("total").to_frame()
    is_unknown = long["nationality"] == panel.unknown
    unknown = long.loc[is_unknown].set_index(WINDOW_KEYS)["sum"]

    # Inside each window the rows are in nationality order, so method="first" ranks equal
    # sums by nationality code.
    known = long.loc[~is_unknown & (long["sum"] > 0)].copy()
    known["rank"] = known.groupby(WINDOW_KEYS)["sum"].rank(method="first", ascending=False)
    top = known.loc[known["rank"] <= panel.top].copy()
    top["position"] = top["rank"].astype("int64") - 1

    totals["top"] = top.groupby(WINDOW_KEYS)["sum"].sum()
    totals["unknown"] = unknown
    totals = totals.fillna(0).astype("int64")
    totals["other"] = totals["total"] - totals["top"] - totals["unknown"]
    totals["rounded_total"] = (totals["total"] + 5) // 10 * 10

    rest = totals.loc[totals["total"] > 0, ["other", "unknown"]].rename(
        columns={"other": panel.top, "unknown": panel.top + 1}
    )
    rest = (
        cast(pd.Series, rest.stack(future_stack=True))
        .rename("sum")
        .reset_index()
        .rename(columns={"level_3": "position"})
    )
    rest["nationality"] = -1
    parts = pd.concat(
        [top[[*WINDOW_KEYS, "position", "nationality", "sum"]], rest[[*WINDOW_KEYS, "position", "nationality", "sum"]]],
        ignore_index=True,
    )
    parts = parts.join(totals["total"], on=WINDOW_KEYS)

    # Largest remainder, in integers.
    parts["floor"] = parts["sum"] * 100 // parts["total"]
    parts["remainder"] = parts["sum"] * 100 % parts["total"]
    parts["extra"] = 100 - parts.groupby(WINDOW_KEYS)["floor"].transform("sum")
    parts = parts.sort_values(
        [*WINDOW_KEYS, "remainder", "sum", "position"], ascending=[True, True, True, False, False, True]
    )
    parts["order"] = parts.groupby(WINDOW_KEYS).cumcount()
    parts["share"] = parts["floor"] + (parts["order"] < parts["extra"]).astype("int64")
    parts = parts.sort_values([*WINDOW_KEYS, "position"])[[*WINDOW_KEYS, "position", "nationality", "sum", "share"]]
    return parts.reset_index(drop=True), totals[["total", "rounded_total"]].reset_index()


def rolling_arrays(result: pd.DataFrame, panel: Panel) -> I64:
    out = empty_window_sums(panel)
    cols = result.columns
    c = cols.get_level_values("country").to_numpy()
    k = cols.get_level_values("category").to_numpy()
    n = cols.get_level_values("nationality").to_numpy()
    values = result.to_numpy(dtype=np.int64)  # windows x series
    out[c, k, :, n] = values.T
    return out


def whole_arrays(result: tuple[pd.DataFrame, pd.DataFrame], panel: Panel) -> TopSharesArrays:
    tables = dict(zip(("parts", "totals"), result, strict=True))
    return from_long_frames(lambda table, name: tables[table][name].to_numpy(), panel)
