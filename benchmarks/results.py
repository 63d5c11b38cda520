"""The form in which the three engines' results are compared: dense int64 numpy arrays.

Every engine returns its result in its own natural form (kerncijfers: arrays; pandas and
polars: data frames); the functions here turn those into the same dense arrays, outside
the timed region, and compare them integer by integer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .panel import Panel

I64 = npt.NDArray[np.int64]


@dataclass(frozen=True)
class TopSharesArrays:
    """The whole task's result, indexed [country, category, window, ...] (window w ends at
    month w + window - 1): the codes of the top nationalities (-1 = empty slot), the counts
    and whole-percent shares of top 1..10, other and unknown, the exact window total and
    the total rounded to tens half-up."""

    nationality: I64
    counts: I64
    shares: I64
    total: I64
    rounded_total: I64

    @staticmethod
    def empty(panel: Panel) -> TopSharesArrays:
        shape = (panel.countries, panel.categories, panel.windows_per_series)
        return TopSharesArrays(
            nationality=np.full((*shape, panel.top), -1, dtype=np.int64),
            counts=np.zeros((*shape, panel.top + 2), dtype=np.int64),
            shares=np.zeros((*shape, panel.top + 2), dtype=np.int64),
            total=np.zeros(shape, dtype=np.int64),
            rounded_total=np.zeros(shape, dtype=np.int64),
        )

    def fields(self) -> dict[str, I64]:
        return {
            "nationality": self.nationality,
            "counts": self.counts,
            "shares": self.shares,
            "total": self.total,
            "rounded_total": self.rounded_total,
        }


def from_long_frames(column: Callable[[str, str], I64], panel: Panel) -> TopSharesArrays:
    """The whole task's result from the two long tables that pandas and polars produce:
    "parts" (country, category, month, position 0..top+1, nationality, sum, share) and
    "totals" (country, category, month, total, rounded_total). `column(table, name)` gives a
    column as a numpy array."""
    out = TopSharesArrays.empty(panel)
    first = panel.window - 1
    c = column("parts", "country")
    k = column("parts", "category")
    w = column("parts", "month") - first
    p = column("parts", "position")
    out.counts[c, k, w, p] = column("parts", "sum")
    out.shares[c, k, w, p] = column("parts", "share")
    ranked = p < panel.top
    out.nationality[c[ranked], k[ranked], w[ranked], p[ranked]] = column("parts", "nationality")[ranked]
    tc = column("totals", "country")
    tk = column("totals", "category")
    tw = column("totals", "month") - first
    out.total[tc, tk, tw] = column("totals", "total")
    out.rounded_total[tc, tk, tw] = column("totals", "rounded_total")
    return out


def empty_window_sums(panel: Panel) -> I64:
    """The rolling step's result: [country, category, window, nationality]."""
    return np.zeros((panel.countries, panel.categories, panel.windows_per_series, panel.nationalities), dtype=np.int64)


def differences(name: str, a: I64, b: I64) -> list[str]:
    """Empty when `a` and `b` hold the same integers in the same shape; else what differs."""
    if a.shape != b.shape:
        return [f"{name}: shape {a.shape} != {b.shape}"]
    if a.dtype != b.dtype:
        return [f"{name}: dtype {a.dtype} != {b.dtype}"]
    bad = np.argwhere(a != b)
    if bad.size == 0:
        return []
    first = tuple(int(i) for i in bad[0])
    return [f"{name}: {len(bad)} entries differ, first at {first}: {a[first]} != {b[first]}"]


def top_shares_differences(a: TopSharesArrays, b: TopSharesArrays) -> list[str]:
    out: list[str] = []
    for (name, x), y in zip(a.fields().items(), b.fields().values(), strict=True):
        out += differences(name, x, y)
    return out


def check_invariants(result: TopSharesArrays) -> list[str]:
    """What every correct result satisfies, whoever computed it."""
    problems: list[str] = []
    sums = result.shares.sum(axis=-1)
    expected = np.where(result.total > 0, 100, 0)
    if not np.array_equal(sums, expected):
        problems.append("shares do not sum to 100 (or 0 for an empty window)")
    if not np.array_equal(result.counts.sum(axis=-1), result.total):
        problems.append("counts do not add up to the window total")
    exact_x100 = 100 * result.counts
    if np.any(np.abs(result.shares * result.total[..., None] - exact_x100) >= np.maximum(result.total[..., None], 1)):
        problems.append("a share is 1 or more away from its exact value")
    if not np.array_equal(result.rounded_total, (result.total + 5) // 10 * 10):
        problems.append("totals are not rounded to tens half-up")
    return problems
