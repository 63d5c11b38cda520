"""The task in kerncijfers: one call per step, on the numpy columns as they are, on every core
(``threads=0``, the default). ``engine_kerncijfers_1`` is the same with ``threads=1``."""

from __future__ import annotations

from typing import Any

import kerncijfers as kc

from .panel import Panel
from .results import I64, TopSharesArrays

NAME = "kerncijfers"


THREADS = 0  # every core


def rolling(panel: Panel, threads: int = THREADS) -> I64:
    """(a) The trailing 12-month sum of every nationality, for every (country, category, month)."""
    sums: I64 = kc.trailing_sums_by_nationality(
        *panel.columns(), **panel.shape_kwargs(), window=panel.window, threads=threads
    )
    return sums


def whole(panel: Panel, threads: int = THREADS) -> Any:
    """(b) The whole task: top 10 + other + unknown, shares by largest remainder, rounded totals."""
    return kc.top_shares(
        *panel.columns(),
        **panel.shape_kwargs(),
        unknown=panel.unknown,
        window=panel.window,
        top=panel.top,
        threads=threads,
    )


def rolling_arrays(result: I64, panel: Panel) -> I64:
    return result


def whole_arrays(result: Any, panel: Panel) -> TopSharesArrays:
    return TopSharesArrays(
        nationality=result.nationality,
        counts=result.counts,
        shares=result.shares,
        total=result.total,
        rounded_total=result.rounded_total,
    )
