"""The engines (kerncijfers on every core and on one, pandas, polars) behind one interface: each has ``rolling`` and ``whole`` (the timed
steps, returning the engine's natural result) and ``rolling_arrays``/``whole_arrays`` (the
untimed conversion to the dense arrays that are compared)."""

from __future__ import annotations

from types import ModuleType

from . import engine_kerncijfers, engine_kerncijfers_1, engine_pandas, engine_polars

ENGINES: dict[str, ModuleType] = {
    "kerncijfers": engine_kerncijfers,
    "kerncijfers-1": engine_kerncijfers_1,
    "pandas": engine_pandas,
    "polars": engine_polars,
}
# How the report names them: kerncijfers on every core (threads=0, the default) and on one.
LABELS = {
    "kerncijfers": "kerncijfers (threads=all)",
    "kerncijfers-1": "kerncijfers (threads=1)",
    "pandas": "pandas",
    "polars": "polars",
}
STEPS = ("rolling", "whole")
STEP_TITLES = {
    "rolling": "(a) rolling step: trailing 12-month sums per nationality",
    "whole": "(b) whole task: top 10 + other + unknown, shares, rounded totals",
}
