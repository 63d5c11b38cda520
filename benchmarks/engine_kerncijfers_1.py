"""The task in kerncijfers on one thread (``threads=1``): the single-threaded kernel, whose
results are identical to those on every core (``engine_kerncijfers``); the benchmark checks it."""

from __future__ import annotations

from typing import Any

from . import engine_kerncijfers
from .engine_kerncijfers import rolling_arrays, whole_arrays
from .panel import Panel
from .results import I64

NAME = "kerncijfers-1"
THREADS = 1
__all__ = ["rolling", "rolling_arrays", "whole", "whole_arrays"]


def rolling(panel: Panel) -> I64:
    return engine_kerncijfers.rolling(panel, threads=THREADS)


def whole(panel: Panel) -> Any:
    return engine_kerncijfers.whole(panel, threads=THREADS)
